//! Makes `cargo test` of this crate link against the libpython of the interpreter pyo3
//! found, not whichever one the system linker would pick; a no-op under maturin.

fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
}

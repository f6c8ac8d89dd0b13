//! WebAssembly bindings of planwatch for the browser and Node, built with wasm-bindgen.
//!
//! This crate only converts types and errors between JavaScript and the core crate;
//! every rule lives in `planwatch`. Decimals cross as strings so they stay exact,
//! results are plain objects, and errors are thrown as `Error`s with a `code` and
//! location properties (see `errors.rs`).
//!
//! The binding modules are compiled for `wasm32` only: on the host, wasm-bindgen's
//! JavaScript imports panic when called, and `cargo test --workspace` must still build.

#[cfg(target_arch = "wasm32")]
mod errors;
#[cfg(target_arch = "wasm32")]
mod quantity;

#[cfg(target_arch = "wasm32")]
pub use quantity::parse_quantity;

/// Serialises to plain JavaScript data: objects rather than `Map`s, and 64-bit
/// integers as numbers.
#[cfg(target_arch = "wasm32")]
fn plain<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(wasm_bindgen::JsValue::from)
}

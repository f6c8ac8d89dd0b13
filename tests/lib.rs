//! The one integration-test binary of planwatch (see core/Cargo.toml).

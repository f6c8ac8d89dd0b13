#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]

mod error;
pub mod period;

pub use error::{Error, ErrorKind, Issue, Location, Result};
pub use rust_decimal::Decimal;

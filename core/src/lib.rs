#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]

mod comparator;
mod error;
mod format;
mod number;
pub mod period;
mod quantity;
mod text;
mod unit;

pub use comparator::Comparator;
pub use error::{Error, ErrorKind, Issue, Location, Result};
pub use number::parse_number;
pub use quantity::{Phrase, Quantity, QuantityInfo, Style};
pub use rust_decimal::Decimal;
pub use unit::{Currency, Dimension, Unit};

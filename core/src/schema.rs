//! The record schema: the one contract between the core and the bindings.
//!
//! Every record a binding hands out (an [`Assessment`](crate::Assessment), a
//! [`Finding`](crate::Finding), an [`Observation`](crate::Observation), a
//! [`Summary`](crate::evaluate::Summary) …) is the core type's `serde::Serialize`
//! output, and nothing else: the field names, their order, the enum names and the
//! documentation are those of the Rust types. JSON is serde_json's rendering of it; the
//! Python binding walks the same serialization into dicts, the WebAssembly binding
//! into plain objects, and the CSV report flattens it into columns.
//!
//! Two kinds of value need more than a string to stay exact in every language, so they
//! are marked with a newtype name that a serializer may look for:
//! - decimals are serialized as `serialize_newtype_struct(`[`DECIMAL`]`, text)`, the
//!   text being the exact plain decimal (`"-1.25"`, never an exponent);
//! - dates are serialized as `serialize_newtype_struct(`[`DATE`]`, text)`, the text
//!   being `YYYY-MM-DD`.
//!
//! Serializers that do not know the names (serde_json, serde-wasm-bindgen) treat a
//! newtype struct as its content, so JSON and JavaScript see strings; the Python binding
//! turns them into `decimal.Decimal` and `datetime.date`.

use std::fmt::Display;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::period::Period;

/// The newtype name under which decimals are serialized (the content is the exact
/// decimal as text).
pub const DECIMAL: &str = "planwatch::Decimal";

/// The newtype name under which dates are serialized (the content is `YYYY-MM-DD`).
pub const DATE: &str = "planwatch::Date";

/// Serializes `value`'s `Display` text as a string.
struct Text<T>(T);

impl<T: Display> Serialize for Text<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A decimal as [`DECIMAL`]-marked text, as written (trailing zeros kept: `"1.50"`).
struct DecimalText<'a>(&'a Decimal);

impl Serialize for DecimalText<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(DECIMAL, &Text(self.0))
    }
}

/// A date as [`DATE`]-marked `YYYY-MM-DD`.
struct DateText(Date);

impl Serialize for DateText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Written by `Period`'s Display rather than jiff's serde support, whose parser and
        // error texts would take tens of kilobytes in the WebAssembly module.
        s.serialize_newtype_struct(DATE, &Text(Period::Date(self.0)))
    }
}

/// `#[serde(serialize_with = "crate::schema::decimal")]`: a decimal field.
pub fn decimal<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    DecimalText(d).serialize(s)
}

/// `#[serde(serialize_with = "crate::schema::opt_decimal")]`: an optional decimal field
/// (none is null).
pub fn opt_decimal<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&DecimalText(d)),
        None => s.serialize_none(),
    }
}

/// `#[serde(serialize_with = "crate::schema::normal_decimal")]`: a decimal field written
/// without trailing zeros (`15000`, not `15000.0`), for values computed by scaling.
pub fn normal_decimal<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    DecimalText(&d.normalize()).serialize(s)
}

/// As [`normal_decimal`], for an optional field.
pub fn opt_normal_decimal<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    opt_decimal(&d.map(|d| d.normalize()), s)
}

/// `#[serde(serialize_with = "crate::schema::date")]`: a date field.
pub fn date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    DateText(*d).serialize(s)
}

/// `#[serde(serialize_with = "crate::schema::opt_date")]`: an optional date field (none
/// is null).
pub fn opt_date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&DateText(*d)),
        None => s.serialize_none(),
    }
}

/// `#[serde(serialize_with = "crate::schema::span")]`: a character range as `[start, end]`.
pub fn span<S: Serializer>(r: &std::ops::Range<usize>, s: S) -> Result<S::Ok, S::Error> {
    [r.start, r.end].serialize(s)
}

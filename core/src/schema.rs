//! The record schema: the one contract between the core and the bindings.
//!
//! Every record a binding hands out (an [`Assessment`](crate::Assessment), a
//! [`Finding`](crate::Finding), an [`Observation`](crate::Observation), a
//! [`Summary`](crate::evaluation::Summary) …) is the core type's `serde::Serialize`
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

/// An optional decimal as [`opt_decimal`] writes it, as a value for a hand-written
/// `Serialize` (an [`Assessment`](crate::Assessment)'s).
pub(crate) struct OptDecimal<'a>(pub(crate) &'a Option<Decimal>);

impl Serialize for OptDecimal<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        opt_decimal(self.0, s)
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

/// The serde name of a unit enum variant (`Status::OnTrack` → `"on_track"`): the one
/// spelling of every enum name, so code that needs the text (report renderers, the
/// TOML writer, `name()` methods) cannot drift from the records. Empty for a value that
/// is not a unit variant.
pub(crate) fn variant_name<T: Serialize + ?Sized>(value: &T) -> &'static str {
    value.serialize(VariantName).unwrap_or("")
}

/// A serializer that accepts a unit variant and nothing else.
struct VariantName;

/// Anything but a unit variant.
#[derive(Debug)]
struct NotAVariant;

impl Display for NotAVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotAVariant {}

impl serde::ser::Error for NotAVariant {
    fn custom<T: Display>(_: T) -> Self {
        NotAVariant
    }
}

macro_rules! refuse {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<&'static str, NotAVariant> {
            Err(NotAVariant)
        })*
    };
}

impl Serializer for VariantName {
    type Ok = &'static str;
    type Error = NotAVariant;
    type SerializeSeq = serde::ser::Impossible<&'static str, NotAVariant>;
    type SerializeTuple = serde::ser::Impossible<&'static str, NotAVariant>;
    type SerializeTupleStruct = serde::ser::Impossible<&'static str, NotAVariant>;
    type SerializeTupleVariant = serde::ser::Impossible<&'static str, NotAVariant>;
    type SerializeMap = serde::ser::Impossible<&'static str, NotAVariant>;
    type SerializeStruct = serde::ser::Impossible<&'static str, NotAVariant>;
    type SerializeStructVariant = serde::ser::Impossible<&'static str, NotAVariant>;

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<&'static str, NotAVariant> {
        Ok(variant)
    }

    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<&'static str, NotAVariant> {
        Err(NotAVariant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAVariant> {
        Err(NotAVariant)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAVariant> {
        Err(NotAVariant)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotAVariant> {
        Err(NotAVariant)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotAVariant> {
        Err(NotAVariant)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotAVariant> {
        Err(NotAVariant)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotAVariant> {
        Err(NotAVariant)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotAVariant> {
        Err(NotAVariant)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotAVariant> {
        Err(NotAVariant)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotAVariant> {
        Err(NotAVariant)
    }
}

#[cfg(test)]
mod tests {
    use super::variant_name;

    #[test]
    fn variant_names_are_the_serde_names() {
        assert_eq!(
            variant_name(&crate::Status::NotComparable),
            "not_comparable"
        );
        assert_eq!(variant_name(&crate::Kind::Binding), "binding");
        // Not a unit variant: no name, never a panic.
        assert_eq!(variant_name(&1u8), "");
        assert_eq!(variant_name(&"met"), "");
    }
}

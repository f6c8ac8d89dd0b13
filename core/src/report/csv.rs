//! CSV: one row per assessment, the columns being the fields of its serialized record.
//!
//! Each assessment is serialized as [`Scorecard::to_json`] does (the record of
//! [`crate::schema`]) and flattened: nested objects become dotted columns (`name.zh`,
//! `source.quote`), lists one cell of compact JSON text (`inputs`, `notes`), null an
//! empty cell. Columns are in the record's field order, so CSV and JSON cannot disagree
//! and a field added to [`Assessment`] is a column without editing this file.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::Value;

use rust_decimal::Decimal;

use crate::comparator::Comparator;
use crate::csv_out::write_row;
use crate::evaluate::{skeleton, Assessment, Scorecard};
use crate::indicator::Provenance;
use crate::period::Period;
use crate::quantity::Quantity;
use crate::target::{Condition, Target};
use crate::unit::Unit;

/// A record with every optional object present, so that its flattened paths are the
/// columns whatever the figures: the first assessment with a full `source` (the one
/// optional object of an assessment whose fields are themselves optional).
fn probe(a: &Assessment) -> Assessment {
    let mut full = a.clone();
    full.source = Some(Provenance {
        document: Some(String::new()),
        quote: Some(String::new()),
        section: Some(String::new()),
        span: Some([0, 0]),
    });
    full
}

/// An assessment with nothing in it, whose only use is its shape: the columns of a
/// scorecard without assessments, so that its CSV still has a header.
fn blank() -> Assessment {
    let nothing = Condition::Compare {
        op: Comparator::Ge,
        value: Quantity::new(Decimal::ZERO, Unit::NONE),
    };
    skeleton(&Target::new("", Period::Year(0), nothing), None)
}

/// The columns: the dotted leaf paths of the serialized record.
pub(crate) fn columns(card: &Scorecard) -> Vec<String> {
    let mut out = Vec::new();
    let first = card.assessments.first().cloned().unwrap_or_else(blank);
    let _ = probe(&first).serialize(Paths {
        prefix: String::new(),
        out: &mut out,
    });
    out
}

/// Records the dotted paths of the leaves of a serialized value, in field order:
/// structs (and options of structs) are walked, anything else is one leaf.
struct Paths<'a> {
    prefix: String,
    out: &'a mut Vec<String>,
}

impl Paths<'_> {
    fn leaf(self) -> Result<(), serde_json::Error> {
        if !self.out.contains(&self.prefix) {
            self.out.push(self.prefix);
        }
        Ok(())
    }
}

macro_rules! leaf {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<(), serde_json::Error> {
            self.leaf()
        })*
    };
}

/// The items of a list (or map) under a leaf: not walked.
struct Skip;

macro_rules! skip {
    ($($trait:ident :: $method:ident),* $(,)?) => {
        $(impl serde::ser::$trait for Skip {
            type Ok = ();
            type Error = serde_json::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), serde_json::Error> {
                Ok(())
            }
            fn end(self) -> Result<(), serde_json::Error> {
                Ok(())
            }
        })*
    };
}

skip!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl serde::ser::SerializeMap for Skip {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), serde_json::Error> {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), serde_json::Error> {
        Ok(())
    }
    fn end(self) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

impl serde::ser::SerializeStructVariant for Skip {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        _: &T,
    ) -> Result<(), serde_json::Error> {
        Ok(())
    }
    fn end(self) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

/// A struct being walked: each field is walked under its path.
struct Fields<'a> {
    prefix: String,
    out: &'a mut Vec<String>,
}

impl SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        let prefix = if self.prefix.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.prefix)
        };
        value.serialize(Paths {
            prefix,
            out: self.out,
        })
    }
    fn end(self) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

impl<'a> Serializer for Paths<'a> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Skip;
    type SerializeTuple = Skip;
    type SerializeTupleStruct = Skip;
    type SerializeTupleVariant = Skip;
    type SerializeMap = Skip;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Skip;

    leaf!(
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
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), serde_json::Error> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), serde_json::Error> {
        self.leaf()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), serde_json::Error> {
        self.leaf()
    }
    // Lists (and maps) are one cell of JSON text: their path is a leaf, their items
    // are not walked.
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, serde_json::Error> {
        self.leaf()?;
        Ok(Skip)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, serde_json::Error> {
        self.leaf()?;
        Ok(Skip)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, serde_json::Error> {
        self.leaf()?;
        Ok(Skip)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, serde_json::Error> {
        self.leaf()?;
        Ok(Skip)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, serde_json::Error> {
        self.leaf()?;
        Ok(Skip)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, serde_json::Error> {
        Ok(Fields {
            prefix: self.prefix,
            out: self.out,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, serde_json::Error> {
        self.leaf()?;
        Ok(Skip)
    }
}

fn cell(v: &Value, path: &str) -> String {
    let mut cur = v;
    for key in path.split('.') {
        match cur.get(key) {
            Some(next) => cur = next,
            None => return String::new(),
        }
    }
    match cur {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        // Lists (inputs, notes, span) as compact JSON text: lossless, and readable
        // back with any JSON parser.
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

pub(crate) fn to_csv(card: &Scorecard) -> String {
    let columns = columns(card);
    let mut out = String::new();
    write_row(&mut out, &columns);
    for a in &card.assessments {
        let v = serde_json::to_value(a).unwrap_or(Value::Null);
        write_row(&mut out, columns.iter().map(|c| cell(&v, c)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_the_record_fields_flattened() {
        let plan = crate::Plan::builtin("nanshan-2024").unwrap();
        let obs = crate::Observations::builtin("nanshan-2024").unwrap();
        let card = crate::evaluate(&plan, &obs, &crate::Options::default());
        let cols = columns(&card);
        // What an analyst opening the file looks for, in the record's order.
        for (i, c) in ["target", "indicator", "name.zh", "name.en", "kind"]
            .iter()
            .enumerate()
        {
            assert_eq!(cols[i], *c);
        }
        for c in [
            "status",
            "observed",
            "gap_unit",
            "inputs",
            "explanation.en",
            "source.document",
            "source.quote",
            "source.section",
            "source.span",
        ] {
            assert!(cols.iter().any(|x| x == c), "no column {c}");
        }
        // Every top-level field of the record is a column or a prefix of columns.
        let first = serde_json::to_value(&card.assessments[0]).unwrap();
        for key in first.as_object().unwrap().keys() {
            assert!(
                cols.iter()
                    .any(|c| c == key || c.starts_with(&format!("{key}."))),
                "field {key} has no column"
            );
        }
        // A plan without provenance has the same columns.
        let mut bare = card.clone();
        for a in &mut bare.assessments {
            a.source = None;
        }
        assert_eq!(columns(&bare), cols);
    }
}

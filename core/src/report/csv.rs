//! CSV: one row per assessment, the columns being the fields of its serialized record.
//!
//! Each assessment is serialized as [`Scorecard::to_json`] does (the record of
//! [`crate::schema`]) and flattened: nested objects become dotted columns (`name.zh`,
//! `source.quote`), lists one cell of compact JSON text (`inputs`, `notes`), null an
//! empty cell. Columns are in the record's field order, so CSV and JSON cannot disagree
//! and a field added to [`Assessment`] is a column without editing this file.

use serde::ser::{Serialize, SerializeStruct, Serializer};

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
    full.source = Some(Box::new(Provenance {
        document: Some(String::new()),
        quote: Some(String::new()),
        section: Some(String::new()),
        span: Some([0, 0]),
    }));
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
    let first = card.assessments.first().cloned().unwrap_or_else(blank);
    let mut out = Vec::new();
    for (path, _, _) in flatten(&probe(&first)) {
        if !out.contains(&path) {
            out.push(path);
        }
    }
    out
}

/// The leaves of a serialized record in field order, each as (dotted path, cell text).
/// One walk serves the header (the paths) and the rows (the texts), so a record's
/// `Serialize` is compiled for this serializer and the JSON writer only.
fn flatten<T: Serialize + ?Sized>(value: &T) -> Vec<Leaf> {
    let mut out = Vec::new();
    let _ = value.serialize(Paths {
        prefix: String::new(),
        out: &mut out,
    });
    out
}

/// Records the dotted paths of the leaves of a serialized value and their cell texts,
/// in field order: structs (and options of structs) are walked, anything else is one
/// leaf. Null is an empty cell; a list's text is written by [`Fields`], which has the
/// value to write as JSON.
struct Paths<'a> {
    prefix: String,
    out: &'a mut Vec<Leaf>,
}

/// A leaf of a serialized record: its dotted path, its cell text, and whether it is a
/// decimal (a workbook writes a decimal as a number where a float holds it exactly).
type Leaf = (String, String, bool);

impl Paths<'_> {
    fn cell(self, text: String) -> Result<(), serde_json::Error> {
        self.out.push((self.prefix, text, false));
        Ok(())
    }

    fn leaf(self) -> Result<(), serde_json::Error> {
        self.cell(String::new())
    }
}

macro_rules! leaf {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<(), serde_json::Error> {
            self.leaf()
        })*
    };
}

macro_rules! text {
    ($($name:ident($arg:ty)),* $(,)?) => {
        $(fn $name(self, v: $arg) -> Result<(), serde_json::Error> {
            self.cell(v.to_string())
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
    out: &'a mut Vec<Leaf>,
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
        let at = self.out.len();
        value.serialize(Paths {
            prefix,
            out: self.out,
        })?;
        // A list (inputs, notes, span) is one cell of compact JSON text: lossless, and
        // readable back with any JSON parser.
        if let [(_, text, _)] = &mut self.out[at..] {
            if text == LIST {
                *text = serde_json::to_string(value)?;
            }
        }
        Ok(())
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

    text!(
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
    );
    leaf!(
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
    ) -> Result<(), serde_json::Error> {
        self.cell(name.to_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), serde_json::Error> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<(), serde_json::Error> {
        // Decimals and dates (`schema::DECIMAL`, `schema::DATE`): their text, a
        // decimal's marked as one.
        let Paths { prefix, out } = self;
        let at = out.len();
        v.serialize(Paths {
            prefix,
            out: &mut *out,
        })?;
        if name == crate::schema::DECIMAL {
            if let Some((_, _, decimal)) = out.get_mut(at) {
                *decimal = true;
            }
        }
        Ok(())
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
        self.cell(LIST.into())?;
        Ok(Skip)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, serde_json::Error> {
        self.cell(LIST.into())?;
        Ok(Skip)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, serde_json::Error> {
        self.cell(LIST.into())?;
        Ok(Skip)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, serde_json::Error> {
        self.cell(LIST.into())?;
        Ok(Skip)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, serde_json::Error> {
        self.cell(LIST.into())?;
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

/// The cell text a list leaf holds until [`Fields`] writes the list as JSON text.
const LIST: &str = "\u{0}list";

pub(crate) fn to_csv(card: &Scorecard) -> String {
    let columns = columns(card);
    let mut out = String::new();
    write_row(&mut out, &columns);
    for a in &card.assessments {
        write_row(&mut out, row(&columns, a).iter().map(|(text, _)| text));
    }
    out
}

/// An assessment's cells in `columns`' order, each its text and whether it is a
/// decimal.
pub(crate) fn row(columns: &[String], a: &Assessment) -> Vec<(String, bool)> {
    // The leaves come in column order; a leaf that is no column (a `source` that is
    // null, whose columns are its fields) is skipped, a column without a leaf empty.
    let mut leaves = flatten(a).into_iter().peekable();
    columns
        .iter()
        .map(|c| {
            while leaves
                .peek()
                .is_some_and(|(p, _, _)| p != c && !columns.contains(p))
            {
                leaves.next();
            }
            match leaves.next_if(|(p, _, _)| p == c) {
                Some((_, text, decimal)) => (text, decimal),
                None => (String::new(), false),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_written_as_it_is_whatever_its_first_character() {
        let plan = crate::Plan::builtin("nanshan-2024").unwrap();
        let obs = crate::Observations::builtin("nanshan-2024").unwrap();
        let mut card = crate::evaluate(&plan, &obs, &crate::Options::default());
        card.assessments[0].name.zh = "\u{1}甲".into();
        assert!(to_csv(&card).contains("\u{1}甲"));
    }

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

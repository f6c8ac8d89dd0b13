//! Observations from Arrow record batches.
//!
//! The columns are those of the CSV loader ([`OBSERVATION_COLUMNS`]); each row goes
//! through the same row rules (`observation::row_with`), so a bad cell is reported
//! with the code and message a CSV file would get, located at `[row].column` (the row
//! counted from 0 across all batches).

use std::borrow::Cow;
use std::fmt::Write as _;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Decimal128Type, Decimal256Type, Float32Type, Float64Type, Int16Type,
    Int32Type, Int64Type, Int8Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::exact::Checked;
use crate::limits::MAX_OBSERVATION_ROWS;
use crate::observation::{
    column_index, row_with, Lenient, Memo, Problem, RowSink, Value, NAN_MESSAGE,
};
use crate::{Error, ErrorKind, Location, Observations, Result, OBSERVATION_COLUMNS};

impl Observations {
    /// Loads observations from Arrow record batches (a pyarrow Table's batches, a
    /// polars or DuckDB result …) with the columns of the CSV loader: `indicator`,
    /// `period`, `value`, `unit`, and optionally `status`, `vintage`, `source`,
    /// `jurisdiction` (names trimmed and case-insensitive; an unknown column fails the
    /// load, as in CSV).
    ///
    /// Column types:
    /// - `value`: decimal128/decimal256 (exact; more than 28 significant digits or a
    ///   scale past 28 is a bad value), integers (exact), strings (parsed as the CSV
    ///   loader parses them: `1.5万`, `done`), booleans (a milestone done or not), or
    ///   floats, which are read through their **shortest round-trip text** (16.4 is
    ///   `"16.4"`, what was typed, never 16.39999…): exact for what a spreadsheet
    ///   shows, up to 15–17 significant digits. A NaN is a `missing_value` ("missing
    ///   value (NaN)"), an infinity a `bad_value`.
    /// - `period`, `unit`, `status`, `indicator`, `source`, `jurisdiction`: strings
    ///   (utf8, large utf8, utf8 view) or dictionaries of them; `period` may also be
    ///   an integer year. Each distinct period, unit and status text is parsed once.
    /// - `vintage`: date32, date64, timestamp (the date of the instant as stored,
    ///   time zone ignored) or strings (`YYYY-MM-DD`, `YYYY年M月D日`).
    ///
    /// All or nothing: every bad row is reported (row from 0 across the batches, and
    /// column) in one [`ErrorKind::Plan`] error; see
    /// [`from_arrow_lenient`](Observations::from_arrow_lenient) to keep the good rows.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use arrow_array::{ArrayRef, Float64Array, RecordBatch, StringArray};
    /// use planwatch::Observations;
    /// let text = |v: &[&str]| Arc::new(StringArray::from(v.to_vec())) as ArrayRef;
    /// let batch = RecordBatch::try_from_iter([
    ///     ("indicator", text(&["gdp", "gdp"])),
    ///     ("period", text(&["2024", "2024H1"])),
    ///     ("value", Arc::new(Float64Array::from(vec![16.4, f64::NAN])) as ArrayRef),
    ///     ("unit", text(&["亿元", "亿元"])),
    /// ]).unwrap();
    /// let err = Observations::from_arrow(&[batch], "frame").unwrap_err();
    /// assert_eq!(err.issues()[0].location.path.as_deref(), Some("[1].value"));
    /// assert_eq!(err.issues()[0].message, "missing value (NaN)");
    /// ```
    pub fn from_arrow(batches: &[RecordBatch], label: &str) -> Result<Observations> {
        Observations::from_arrow_lenient(batches, label)?.into_result(label)
    }

    /// Like [`from_arrow`](Observations::from_arrow), keeping the good rows and
    /// returning every rejected row's problems in row order. Fails as a whole only when
    /// the table itself is unusable: an unknown, repeated or missing column, a column
    /// of a type that cannot hold its field, or too many rows.
    pub fn from_arrow_lenient(batches: &[RecordBatch], label: &str) -> Result<Lenient> {
        let rows: usize = batches.iter().map(RecordBatch::num_rows).sum();
        if rows > MAX_OBSERVATION_ROWS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("more than {MAX_OBSERVATION_ROWS} observation rows"),
            )
            .in_file(label));
        }
        let mut sink = RowSink::new(label);
        let mut memo = Memo::default();
        let mut base = 0usize;
        for batch in batches {
            read_batch(batch, label, base, &mut memo, &mut sink)?;
            base += batch.num_rows();
        }
        Ok(sink.finish())
    }
}

/// A table-level problem (a column), located by its 1-based column under `label`.
fn column_error(label: &str, column: usize, message: String) -> Error {
    Error::new(ErrorKind::Parse, message).with_location(Location {
        file: Some(label.into()),
        column: Some(column + 1),
        ..Location::default()
    })
}

fn read_batch(
    batch: &RecordBatch,
    label: &str,
    base: usize,
    memo: &mut Memo,
    sink: &mut RowSink,
) -> Result<()> {
    let schema = batch.schema();
    let headers: Vec<String> = schema
        .fields()
        .iter()
        .map(|f| f.name().trim().to_ascii_lowercase())
        .collect();
    // The CSV header rules; a schema has no line, so the location keeps the column only.
    let index = column_index(&headers, label).map_err(|e| {
        let at = Location {
            line: None,
            ..e.location().clone()
        };
        e.with_location(at)
    })?;
    let text_column = |k: usize| -> Result<Texts<'_>> {
        match index[k] {
            None => Ok(Texts::Absent),
            Some(i) => Texts::new(batch.column(i).as_ref(), k == 1).ok_or_else(|| {
                column_error(
                    label,
                    i,
                    format!(
                        "column {:?} is {}; expected strings{}",
                        OBSERVATION_COLUMNS[k],
                        batch.column(i).data_type(),
                        if k == 1 { " or integer years" } else { "" }
                    ),
                )
            }),
        }
    };
    let texts: [Texts<'_>; 8] = [
        text_column(0)?,
        text_column(1)?,
        Texts::Absent,
        text_column(3)?,
        text_column(4)?,
        Texts::Absent,
        text_column(6)?,
        text_column(7)?,
    ];
    let value_at = index[2].unwrap_or(0);
    let values = Values::new(batch.column(value_at).as_ref()).ok_or_else(|| {
        column_error(
            label,
            value_at,
            format!(
                "column \"value\" is {}; expected decimals, integers, floats, strings or booleans",
                batch.column(value_at).data_type()
            ),
        )
    })?;
    let vintages = match index[5] {
        None => Vintages::Absent,
        Some(i) => Vintages::new(batch.column(i).as_ref()).ok_or_else(|| {
            column_error(
                label,
                i,
                format!(
                    "column \"vintage\" is {}; expected dates, timestamps or strings",
                    batch.column(i).data_type()
                ),
            )
        })?,
    };
    let mut scratch = String::new();
    for r in 0..batch.num_rows() {
        let cells: [Option<Cow<'_, str>>; 8] = std::array::from_fn(|k| texts[k].get(r));
        let mut fields: [&str; 8] = [""; 8];
        for (f, c) in fields.iter_mut().zip(&cells) {
            *f = c.as_deref().unwrap_or("");
        }
        let (vintage, vintage_text) = vintages.get(r);
        let vintage_cell = vintage_text;
        if let Some(t) = vintage_cell.as_deref() {
            fields[5] = t;
        }
        let row = match values.get(r, &mut scratch) {
            Ok(value) => {
                if let Value::Text(t) = value {
                    fields[2] = t;
                }
                row_with(&fields, value, vintage, memo)
            }
            Err(problem) => {
                // The value is unusable on its own; the other fields are still checked.
                let mut problems: Vec<Problem> =
                    row_with(&fields, Value::Exact(Decimal::ZERO), vintage, memo)
                        .err()
                        .unwrap_or_default();
                problems.push(problem);
                crate::order::sort_by_key(&mut problems, |p: &Problem| p.0);
                Err(problems)
            }
        };
        sink.push(base + r, row);
    }
    Ok(())
}

/// A column read as text, row by row.
enum Texts<'a> {
    Absent,
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    /// Integers (a year), written as text.
    Int(Vec<Option<i128>>),
    /// A dictionary: the text of each entry, once, and each row's entry.
    Dict {
        values: Vec<Option<String>>,
        keys: Vec<usize>,
        nulls: Option<arrow_buffer::NullBuffer>,
    },
}

impl<'a> Texts<'a> {
    fn new(array: &'a dyn Array, integers: bool) -> Option<Texts<'a>> {
        Some(match array.data_type() {
            DataType::Utf8 => Texts::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => Texts::Large(array.as_string::<i64>()),
            DataType::Utf8View => Texts::View(array.as_string_view()),
            DataType::Null => Texts::Int(vec![None; array.len()]),
            DataType::Dictionary(_, _) => {
                let dict = array.as_any_dictionary();
                let inner = Texts::new(dict.values().as_ref(), integers)?;
                let values = (0..dict.values().len())
                    .map(|i| inner.get(i).map(Cow::into_owned))
                    .collect();
                Texts::Dict {
                    values,
                    keys: dict.normalized_keys(),
                    nulls: array.logical_nulls(),
                }
            }
            _ if integers => Texts::Int(integers_of(array)?),
            _ => return None,
        })
    }

    fn get(&self, i: usize) -> Option<Cow<'_, str>> {
        match self {
            Texts::Absent => None,
            Texts::Utf8(a) => a.is_valid(i).then(|| Cow::Borrowed(a.value(i))),
            Texts::Large(a) => a.is_valid(i).then(|| Cow::Borrowed(a.value(i))),
            Texts::View(a) => a.is_valid(i).then(|| Cow::Borrowed(a.value(i))),
            Texts::Int(v) => v
                .get(i)
                .copied()
                .flatten()
                .map(|n| Cow::Owned(n.to_string())),
            Texts::Dict {
                values,
                keys,
                nulls,
            } => {
                if nulls.as_ref().is_some_and(|n| n.is_null(i)) {
                    return None;
                }
                let key = *keys.get(i)?;
                values.get(key)?.as_deref().map(Cow::Borrowed)
            }
        }
    }
}

/// Every integer of an integer column, widened; `None` for another type.
fn integers_of(array: &dyn Array) -> Option<Vec<Option<i128>>> {
    macro_rules! widen {
        ($t:ty) => {
            array
                .as_primitive::<$t>()
                .iter()
                .map(|v| v.map(i128::from))
                .collect()
        };
    }
    Some(match array.data_type() {
        DataType::Int8 => widen!(Int8Type),
        DataType::Int16 => widen!(Int16Type),
        DataType::Int32 => widen!(Int32Type),
        DataType::Int64 => widen!(Int64Type),
        DataType::UInt8 => widen!(UInt8Type),
        DataType::UInt16 => widen!(UInt16Type),
        DataType::UInt32 => widen!(UInt32Type),
        DataType::UInt64 => widen!(UInt64Type),
        _ => return None,
    })
}

/// The value column.
enum Values<'a> {
    Decimal(Vec<Option<i128>>, i8),
    Decimal256(&'a arrow_array::Decimal256Array, i8),
    Int(Vec<Option<i128>>),
    Float(Vec<Option<f64>>),
    Bool(&'a arrow_array::BooleanArray),
    Text(Texts<'a>),
}

impl<'a> Values<'a> {
    fn new(array: &'a dyn Array) -> Option<Values<'a>> {
        Some(match array.data_type() {
            DataType::Decimal128(_, scale) => Values::Decimal(
                array.as_primitive::<Decimal128Type>().iter().collect(),
                *scale,
            ),
            DataType::Decimal256(_, scale) => {
                Values::Decimal256(array.as_primitive::<Decimal256Type>(), *scale)
            }
            DataType::Float64 => {
                Values::Float(array.as_primitive::<Float64Type>().iter().collect())
            }
            // A float32 is read through its own shortest text (16.4f32 is "16.4").
            DataType::Float32 => Values::Float(
                array
                    .as_primitive::<Float32Type>()
                    .iter()
                    .map(|v| v.map(|f| f.to_string().parse::<f64>().unwrap_or(f64::NAN)))
                    .collect(),
            ),
            DataType::Boolean => Values::Bool(array.as_boolean()),
            _ => match integers_of(array) {
                Some(v) => Values::Int(v),
                None => Values::Text(Texts::new(array, false)?),
            },
        })
    }

    /// Row `i`'s value, or the problem with it.
    fn get<'s>(
        &'s self,
        i: usize,
        scratch: &'s mut String,
    ) -> std::result::Result<Value<'s>, Problem> {
        let missing = || Value::Missing("missing value");
        match self {
            Values::Decimal(v, scale) => match v.get(i).copied().flatten() {
                None => Ok(missing()),
                Some(m) => decimal(m, *scale).map(Value::Exact),
            },
            Values::Decimal256(a, scale) => {
                if a.is_null(i) {
                    return Ok(missing());
                }
                match a.value(i).to_i128() {
                    Some(m) => decimal(m, *scale).map(Value::Exact),
                    None => Err(too_many_digits()),
                }
            }
            Values::Int(v) => match v.get(i).copied().flatten() {
                None => Ok(missing()),
                Some(n) => decimal(n, 0).map(Value::Exact),
            },
            Values::Float(v) => match v.get(i).copied().flatten() {
                None => Ok(missing()),
                Some(f) if f.is_nan() => Ok(Value::Missing(NAN_MESSAGE)),
                Some(f) if f.is_infinite() => {
                    Err((2, "bad_value", format!("value {f} is not a number")))
                }
                Some(f) => {
                    // Rust's Display of a float is its shortest round-trip text,
                    // without an exponent.
                    scratch.clear();
                    let _ = write!(scratch, "{f}");
                    Ok(Value::Text(scratch.as_str()))
                }
            },
            Values::Bool(a) => Ok(if a.is_null(i) {
                missing()
            } else if a.value(i) {
                Value::Text("done")
            } else {
                Value::Text("not done")
            }),
            Values::Text(t) => match t.get(i) {
                None => Ok(missing()),
                Some(Cow::Borrowed(s)) => Ok(Value::Text(s)),
                Some(Cow::Owned(s)) => {
                    *scratch = s;
                    Ok(Value::Text(scratch.as_str()))
                }
            },
        }
    }
}

fn too_many_digits() -> Problem {
    (
        2,
        "bad_value",
        "the value has more than 28 significant digits, more than planwatch keeps exactly".into(),
    )
}

/// The exact decimal `mantissa × 10^-scale`.
fn decimal(mut mantissa: i128, scale: i8) -> std::result::Result<Decimal, Problem> {
    if scale < 0 {
        let d = Decimal::try_from_i128_with_scale(mantissa, 0).map_err(|_| too_many_digits())?;
        let factor = Decimal::from_i128_with_scale(10i128.pow(u32::from(scale.unsigned_abs())), 0);
        return d.mul_checked(factor).ok_or_else(too_many_digits);
    }
    let mut scale = u32::from(scale.unsigned_abs());
    // Trailing zeros past Decimal's 28 places say nothing: drop them.
    while scale > 28 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| too_many_digits())
}

/// The vintage column.
enum Vintages<'a> {
    Absent,
    /// Days since 1970-01-01.
    Days(Vec<Option<i64>>),
    Text(Texts<'a>),
}

impl<'a> Vintages<'a> {
    fn new(array: &'a dyn Array) -> Option<Vintages<'a>> {
        const DAY_SECONDS: i64 = 86_400;
        let days = |v: Option<i64>, per_day: i64| v.map(|x| x.div_euclid(per_day));
        Some(match array.data_type() {
            DataType::Date32 => Vintages::Days(
                array
                    .as_primitive::<Date32Type>()
                    .iter()
                    .map(|v| v.map(i64::from))
                    .collect(),
            ),
            DataType::Date64 => Vintages::Days(
                array
                    .as_primitive::<Date64Type>()
                    .iter()
                    .map(|v| days(v, DAY_SECONDS * 1000))
                    .collect(),
            ),
            DataType::Timestamp(unit, _) => {
                let per_day = match unit {
                    TimeUnit::Second => DAY_SECONDS,
                    TimeUnit::Millisecond => DAY_SECONDS * 1_000,
                    TimeUnit::Microsecond => DAY_SECONDS * 1_000_000,
                    TimeUnit::Nanosecond => DAY_SECONDS * 1_000_000_000,
                };
                let v: Vec<Option<i64>> = match unit {
                    TimeUnit::Second => {
                        array.as_primitive::<TimestampSecondType>().iter().collect()
                    }
                    TimeUnit::Millisecond => array
                        .as_primitive::<TimestampMillisecondType>()
                        .iter()
                        .collect(),
                    TimeUnit::Microsecond => array
                        .as_primitive::<TimestampMicrosecondType>()
                        .iter()
                        .collect(),
                    TimeUnit::Nanosecond => array
                        .as_primitive::<TimestampNanosecondType>()
                        .iter()
                        .collect(),
                };
                Vintages::Days(v.into_iter().map(|x| days(x, per_day)).collect())
            }
            _ => Vintages::Text(Texts::new(array, false)?),
        })
    }

    /// Row `i`'s date (from a date column) or its text (to parse as the CSV loader
    /// does; a date out of range comes back as a text the parser rejects).
    fn get(&self, i: usize) -> (Option<Date>, Option<Cow<'_, str>>) {
        match self {
            Vintages::Absent => (None, None),
            Vintages::Text(t) => (None, t.get(i)),
            Vintages::Days(v) => match v.get(i).copied().flatten() {
                None => (None, None),
                Some(d) => match from_days(d) {
                    Some(date) => (Some(date), None),
                    None => (None, Some(Cow::Owned(format!("{d} days after 1970-01-01")))),
                },
            },
        }
    }
}

/// The date `days` after 1970-01-01, if jiff can hold it.
pub(crate) fn from_days(days: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(days).ok()?;
    Date::new(1970, 1, 1).ok()?.checked_add(span).ok()
}

//! Observations from Arrow record batches.
//!
//! The columns are those of the CSV loader ([`OBSERVATION_COLUMNS`]); each row goes
//! through the same row rules (`observation::row_with`), so a bad cell is reported
//! with the code and message a CSV file would get, located at `[row].column` (the row
//! counted from 0 across all batches).

use std::borrow::Cow;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Decimal128Type, Decimal256Type, Float32Type, Float64Type, Int16Type,
    Int32Type, Int64Type, Int8Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use rust_decimal::Decimal;

use crate::exact::Checked;
use crate::float_text::{shortest_decimal, shortest_text, Shortest};
use crate::limits::MAX_OBSERVATION_ROWS;
use crate::observation::{
    column_index, row_with, BadRow, LenientObservations, Memo, Problem, RowSink, Value, CHUNK,
    NAN_MESSAGE,
};
use crate::table::Cell;
use crate::{
    Error, ErrorKind, Location, Observation, Observations, Period, Quantity, Result, Unit,
    OBSERVATION_COLUMNS,
};

/// A map of the distinct integers of a column (years, vintage seconds), hashed as the
/// memo of texts is.
type HashMap<K, V> = crate::fast_hash::FastMap<K, V>;

impl Observations {
    /// Loads observations from Arrow record batches (a pyarrow Table's batches, a
    /// polars or DuckDB result …) with the columns of the CSV loader: `indicator`,
    /// `period`, `value`, `unit`, and optionally `status`, `vintage`, `source`,
    /// `jurisdiction` (names trimmed and case-insensitive; an unknown column fails the
    /// load, as in CSV).
    ///
    /// Column types:
    /// - `value`: decimal128/decimal256 (exact, without the trailing zeros of the
    ///   column's scale: 15000.00 in a decimal(10, 2) column is 15000; more than 28
    ///   significant digits or a scale past 28 is a bad value), integers (exact),
    ///   strings (parsed as the CSV loader parses them: `1.5万`, `done`), booleans (a
    ///   milestone done or not), or
    ///   floats, which are read through their **shortest round-trip text** (16.4 is
    ///   `"16.4"`, what was typed, never 16.39999…; the text Python's `repr` shows,
    ///   halfway cases included): exact for what a spreadsheet shows, up to 15–17
    ///   significant digits. A NaN is a `missing_value` ("missing value (NaN)"), an
    ///   infinity a `bad_value`.
    /// - `period`, `unit`, `status`, `indicator`, `source`, `jurisdiction`: strings
    ///   (utf8, large utf8, utf8 view) or dictionaries of them; `period` may also be
    ///   an integer year. Each distinct period, unit and status text is parsed once
    ///   per piece of the batch (a few pieces per core with the `parallel` feature;
    ///   the rows keep their order). A column of another type a table cell holds
    ///   (floats, integers, decimals, booleans, dates) is read through each cell's
    ///   text as [`cells`](super::cells) gives it: an empty column that `read_csv`
    ///   typed as floats is all missing (NaN), a year 2024.0 is `2024`.
    /// - `vintage`: date32, date64, timestamps or strings (`YYYY-MM-DD`,
    ///   `YYYY年M月D日`). A timestamp is its calendar date, the time of day dropped
    ///   (published at 09:30 on 20 January: published on 20 January); a zoned one's
    ///   date is the local date in its zone (an offset, or a name the system's time
    ///   zone database holds; another name fails the column).
    ///
    /// All or nothing: every bad row is reported (row from 0 across the batches, the
    /// field and its 1-based column in the batch, and the cell quoted as the issue's
    /// `input`: a float as its shortest text) in one [`ErrorKind::Validation`] error; see
    /// [`from_arrow_lenient`](Observations::from_arrow_lenient) to keep the good rows.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use planwatch::columnar::arrow_array::{ArrayRef, Float64Array, RecordBatch, StringArray};
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
    pub fn from_arrow_lenient(batches: &[RecordBatch], label: &str) -> Result<LenientObservations> {
        let rows: usize = batches.iter().map(RecordBatch::num_rows).sum();
        if rows > MAX_OBSERVATION_ROWS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("more than {MAX_OBSERVATION_ROWS} observation rows"),
            )
            .in_file(label));
        }
        let mut sink = RowSink::new(label);
        let mut base = 0usize;
        for batch in batches {
            read_batch(batch, label, base, &mut sink)?;
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

fn read_batch(batch: &RecordBatch, label: &str, base: usize, sink: &mut RowSink) -> Result<()> {
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
        Some(i) => Vintages::new(batch.column(i).as_ref())
            .map_err(|message| column_error(label, i, message))?,
    };
    let columns = Columns {
        texts,
        values,
        vintages,
    };
    // Each field's 1-based column in the batch, for the location of a bad row's problem.
    let positions: [Option<usize>; 8] = index.map(|i| i.map(|i| i + 1));
    // Rows are independent: they are read on every core, in runs of `CHUNK` rows (the
    // runs of one piece share a memo of parsed texts, which holds at most the piece's
    // distinct texts), each into the vector that becomes one of the batch's chunks (no
    // copy). A bad row leaves a placeholder there and its problems aside; the
    // placeholders are taken out after.
    let n = batch.num_rows();
    let bad = std::sync::Mutex::new(Vec::new());
    let read = |r: usize, run: &mut Run| match columns.row(r, run) {
        Ok(o) => o,
        Err(problems) => {
            // Each problem with the cell it is about, as the CSV loader quotes it.
            let problems = problems
                .into_iter()
                .map(|p| {
                    let input = columns.input(r, p.0);
                    (p, input)
                })
                .collect();
            bad.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push((r, problems));
            Observation::new(
                String::new(),
                Period::Year(0),
                Quantity::new(Decimal::ZERO, Unit::NONE),
            )
        }
    };
    // Runs of `CHUNK` rows, each read into a vector of its own (the batch keeps them as
    // its chunks). Neighbouring runs share a memo: a column's distinct texts are parsed,
    // and its ids shared, a few times per batch rather than once per run (shuffled rows
    // bring nearly every id into every run).
    let run_of = |run: &mut Run, k: usize| {
        (k * CHUNK..n.min((k + 1) * CHUNK))
            .map(|r| read(r, run))
            .collect::<Vec<Observation>>()
    };
    #[cfg(feature = "parallel")]
    let runs: Vec<Vec<Observation>> = {
        use rayon::prelude::*;
        let runs = n.div_ceil(CHUNK);
        // Each piece rayon hands out starts a memo; two pieces per core keep the work
        // balanced without a memo per run.
        (0..runs)
            .into_par_iter()
            .with_min_len(runs.div_ceil(2 * rayon::current_num_threads()).max(1))
            .map_init(Run::default, run_of)
            .collect()
    };
    #[cfg(not(feature = "parallel"))]
    let runs: Vec<Vec<Observation>> = {
        let mut run = Run::default();
        (0..n.div_ceil(CHUNK))
            .map(|k| run_of(&mut run, k))
            .collect()
    };
    let mut bad = bad
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    crate::order::sort_by_key(&mut bad, |b: &BadRow| b.0);
    sink.push_read(base, runs, bad, &positions);
    Ok(())
}

/// What a run of rows read on one thread remembers: the parse of each distinct text,
/// each date column value converted, and a buffer for a float's text.
#[derive(Default)]
struct Run {
    memo: Memo,
    scratch: String,
    moments: Moments,
}

/// The columns of one batch, ready to read row by row.
struct Columns<'a> {
    texts: [Texts<'a>; 8],
    values: Values<'a>,
    vintages: Vintages<'a>,
}

impl Columns<'_> {
    /// Reads row `r` with its run's memos.
    fn row(&self, r: usize, run: &mut Run) -> std::result::Result<Observation, Vec<Problem>> {
        let Run {
            memo,
            scratch,
            moments,
        } = run;
        let mut fields: [&str; 8] = std::array::from_fn(|k| self.texts[k].get(r).unwrap_or(""));
        let (vintage, vintage_text) = self.vintages.get(r, moments);
        if let Some(t) = &vintage_text {
            fields[5] = t;
        }
        match self.values.get(r, scratch) {
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
        }
    }

    /// The text of field `k` (of [`OBSERVATION_COLUMNS`]) in row `r`, as an issue quotes
    /// it: a float as its shortest text (`NaN` for a NaN), a decimal as its digits, a
    /// date as `YYYY-MM-DD`. None for an empty cell.
    fn input(&self, r: usize, k: usize) -> Option<String> {
        match k {
            2 => {
                let valid = |a: &dyn Array| r < a.len() && a.is_valid(r);
                match &self.values {
                    Values::Float(a) => present(*a, r).map(float_input),
                    Values::Float32(a) => present(*a, r).map(float_input),
                    // At the column's scale, as a table's decimal cell is quoted.
                    Values::Decimal(a, _) => valid(*a).then(|| a.value_as_string(r)),
                    Values::Decimal256(a, _) => valid(*a).then(|| a.value_as_string(r)),
                    Values::Int(v) => v.get(r).copied().flatten().map(|n| n.to_string()),
                    Values::Bool(a) => valid(*a).then(|| a.value(r).to_string()),
                    Values::Text(t) => t.get(r).map(str::to_string),
                }
            }
            5 => match self.vintages.get(r, &mut Moments::default()) {
                (Some(d), _) => Some(d.to_string()),
                (None, text) => text.map(Cow::into_owned),
            },
            _ => self.texts.get(k)?.get(r).map(str::to_string),
        }
    }
}

/// A float as an issue quotes it: `NaN`, `inf`, or its shortest round-trip text.
fn float_input<F: Shortest>(f: F) -> String {
    let mut text = String::new();
    shortest_text(f, &mut text);
    text
}

/// A column read as text, row by row.
enum Texts<'a> {
    Absent,
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    /// Each row's text, converted from a column of another type.
    Owned(Vec<Option<String>>),
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
            DataType::Null => Texts::Dict {
                values: Vec::new(),
                keys: vec![0; array.len()],
                nulls: Some(arrow_buffer::NullBuffer::new_null(array.len())),
            },
            DataType::Dictionary(_, _) => {
                let dict = array.as_any_dictionary();
                let inner = Texts::new(dict.values().as_ref(), integers)?;
                let values = (0..dict.values().len())
                    .map(|i| inner.get(i).map(str::to_string))
                    .collect();
                Texts::Dict {
                    values,
                    keys: dict.normalized_keys(),
                    nulls: array.logical_nulls(),
                }
            }
            // Integer years: each distinct one written once, as a dictionary. A year
            // of 0..=9999 finds its entry by index, any other integer by hashing.
            other if integers && other.is_integer() => {
                let mut years = vec![usize::MAX; 10_000];
                let mut seen: HashMap<i128, usize> = HashMap::default();
                let mut values = Vec::new();
                let mut entry =
                    |n: i128| match usize::try_from(n).ok().and_then(|i| years.get_mut(i)) {
                        Some(k) if *k != usize::MAX => *k,
                        slot => {
                            let key = *seen.entry(n).or_insert_with(|| {
                                values.push(Some(n.to_string()));
                                values.len() - 1
                            });
                            if let Some(k) = slot {
                                *k = key;
                            }
                            key
                        }
                    };
                let mut keys = Vec::with_capacity(array.len());
                each_integer(array, |v| keys.push(entry(v.unwrap_or(0))))?;
                Texts::Dict {
                    values,
                    keys,
                    nulls: array.logical_nulls(),
                }
            }
            // Any other column a table cell can hold (floats, integers, decimals,
            // booleans, dates): each row's text as a table reads it, so a column that
            // `read_csv` or `read_excel` typed as floats because it was empty (all NaN)
            // or held years (2024.0) is read, and a bad row is reported where it is.
            // A NaN is the text "NaN": a missing value to the row rules.
            _ => {
                let cells = super::cells(array);
                if cells.iter().any(|c| matches!(c, Cell::Invalid(_))) {
                    return None;
                }
                Texts::Owned(
                    cells
                        .into_iter()
                        .map(|c| match c {
                            Cell::NaN => Some("NaN".to_string()),
                            other => other.text(),
                        })
                        .collect(),
                )
            }
        })
    }

    fn get(&self, i: usize) -> Option<&str> {
        match self {
            Texts::Absent => None,
            Texts::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::View(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::Owned(v) => v.get(i)?.as_deref(),
            Texts::Dict {
                values,
                keys,
                nulls,
            } => {
                if nulls.as_ref().is_some_and(|n| n.is_null(i)) {
                    return None;
                }
                let key = *keys.get(i)?;
                values.get(key)?.as_deref()
            }
        }
    }
}

/// Every integer of an integer column, widened; `None` for another type.
fn integers_of(array: &dyn Array) -> Option<Vec<Option<i128>>> {
    let mut out = Vec::with_capacity(array.len());
    each_integer(array, |v| out.push(v))?;
    Some(out)
}

/// `f` of every integer of an integer column in row order, widened (without a vector
/// of them); `None` for another type.
fn each_integer(array: &dyn Array, mut f: impl FnMut(Option<i128>)) -> Option<()> {
    macro_rules! widen {
        ($t:ty) => {
            array
                .as_primitive::<$t>()
                .iter()
                .for_each(|v| f(v.map(i128::from)))
        };
    }
    match array.data_type() {
        DataType::Int8 => widen!(Int8Type),
        DataType::Int16 => widen!(Int16Type),
        DataType::Int32 => widen!(Int32Type),
        DataType::Int64 => widen!(Int64Type),
        DataType::UInt8 => widen!(UInt8Type),
        DataType::UInt16 => widen!(UInt16Type),
        DataType::UInt32 => widen!(UInt32Type),
        DataType::UInt64 => widen!(UInt64Type),
        _ => return None,
    }
    Some(())
}

/// The value column.
/// (Read in place where the column's type is one: no vector of a million values.)
enum Values<'a> {
    Decimal(&'a arrow_array::Decimal128Array, i8),
    Decimal256(&'a arrow_array::Decimal256Array, i8),
    Int(Vec<Option<i128>>),
    Float(&'a arrow_array::Float64Array),
    Float32(&'a arrow_array::Float32Array),
    Bool(&'a arrow_array::BooleanArray),
    Text(Texts<'a>),
}

impl<'a> Values<'a> {
    fn new(array: &'a dyn Array) -> Option<Values<'a>> {
        Some(match array.data_type() {
            DataType::Decimal128(_, scale) => {
                Values::Decimal(array.as_primitive::<Decimal128Type>(), *scale)
            }
            DataType::Decimal256(_, scale) => {
                Values::Decimal256(array.as_primitive::<Decimal256Type>(), *scale)
            }
            DataType::Float64 => Values::Float(array.as_primitive::<Float64Type>()),
            // A float32 is read through its own shortest text (16.4f32 is "16.4").
            DataType::Float32 => Values::Float32(array.as_primitive::<Float32Type>()),
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
            // The scale is the column's, not the value's: 15000 in a decimal(10, 2)
            // column is 15000, not 15000.00.
            Values::Decimal(a, scale) => match present(*a, i) {
                None => Ok(missing()),
                Some(m) => decimal(m, *scale).map(|d| Value::Exact(d.normalize())),
            },
            Values::Decimal256(a, scale) => {
                if a.is_null(i) {
                    return Ok(missing());
                }
                match wide_mantissa(a.value(i), *scale) {
                    Some((m, scale)) => decimal(m, scale).map(|d| Value::Exact(d.normalize())),
                    None => Err(too_many_digits()),
                }
            }
            Values::Int(v) => match v.get(i).copied().flatten() {
                None => Ok(missing()),
                Some(n) => decimal(n, 0).map(Value::Exact),
            },
            Values::Float(a) => match present(*a, i) {
                None => Ok(missing()),
                // Most floats of a table: the shortest text's decimal without the text.
                Some(f) => match shortest_decimal(f) {
                    Some(d) => Ok(Value::Exact(d)),
                    None => float_value(f, f.is_nan(), f.is_infinite(), scratch),
                },
            },
            Values::Float32(a) => match present(*a, i) {
                None => Ok(missing()),
                Some(f) => float_value(f, f.is_nan(), f.is_infinite(), scratch),
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
                Some(s) => Ok(Value::Text(s)),
            },
        }
    }
}

/// Row `i` of a primitive column, unless it is null or past the column's end.
fn present<T: arrow_array::ArrowPrimitiveType>(
    a: &arrow_array::PrimitiveArray<T>,
    i: usize,
) -> Option<T::Native> {
    (i < a.len() && a.is_valid(i)).then(|| a.value(i))
}

/// A float cell's value: its shortest round-trip text, read exactly.
fn float_value<F: Shortest>(
    f: F,
    nan: bool,
    infinite: bool,
    scratch: &mut String,
) -> std::result::Result<Value<'_>, Problem> {
    if nan {
        return Ok(Value::Missing(NAN_MESSAGE));
    }
    if infinite {
        return Err((2, "bad_value", format!("value {f} is not a number")));
    }
    shortest_text(f, scratch);
    // Plain decimal text: read directly when a Decimal holds it, else through the
    // number parser, which says why not (too many digits).
    Ok(match Decimal::from_str_exact(scratch) {
        Ok(d) => Value::Exact(d),
        Err(_) => Value::Text(scratch.as_str()),
    })
}

fn too_many_digits() -> Problem {
    (
        2,
        "bad_value",
        "the value has more than 28 significant digits, more than planwatch keeps exactly".into(),
    )
}

/// A decimal256 `mantissa × 10^-scale` as an `i128` mantissa and its scale, its
/// trailing zeros dropped until it fits (1234…678.000…0 at scale 28 is the integer,
/// whose zeros say nothing); `None` when it does not fit even so.
fn wide_mantissa(mut mantissa: arrow_buffer::i256, mut scale: i8) -> Option<(i128, i8)> {
    let ten = arrow_buffer::i256::from_i128(10);
    loop {
        if let Some(m) = mantissa.to_i128() {
            return Some((m, scale));
        }
        if scale <= 0 || mantissa.checked_rem(ten)? != arrow_buffer::i256::ZERO {
            return None;
        }
        mantissa = mantissa.checked_div(ten)?;
        scale -= 1;
    }
}

/// The exact decimal `mantissa × 10^-scale`.
fn decimal(mut mantissa: i128, scale: i8) -> std::result::Result<Decimal, Problem> {
    if scale < 0 {
        let d = Decimal::try_from_i128_with_scale(mantissa, 0).map_err(|_| too_many_digits())?;
        let factor = 10i128
            .checked_pow(u32::from(scale.unsigned_abs()))
            .and_then(|f| Decimal::try_from_i128_with_scale(f, 0).ok())
            .ok_or_else(too_many_digits)?;
        return d.mul_checked(factor).ok_or_else(too_many_digits);
    }
    let mut scale = u32::from(scale.unsigned_abs());
    // Trailing zeros past Decimal's 28 places, or past its 96 bits, say nothing: drop
    // them.
    const MAX_MANTISSA: i128 = (1 << 96) - 1;
    while (scale > 28 || mantissa.unsigned_abs() > MAX_MANTISSA.unsigned_abs())
        && scale > 0
        && mantissa % 10 == 0
    {
        mantissa /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| too_many_digits())
}

/// The vintage column.
enum Vintages<'a> {
    Absent,
    /// Dates and timestamps, as the column holds them; each distinct one is converted
    /// once per run of rows ([`Moments`]).
    Times {
        raw: Raw<'a>,
        nulls: Option<&'a arrow_buffer::NullBuffer>,
        /// A zoned timestamp's time zone: its dates are the local ones.
        zone: Option<TimeZone>,
    },
    Text(Texts<'a>),
}

/// The values of a date or timestamp column.
#[derive(Clone, Copy)]
enum Raw<'a> {
    /// Days since 1970-01-01 (date32).
    Days(&'a [i32]),
    /// Ticks since 1970-01-01T00:00, and ticks per second (date64: milliseconds).
    Ticks(&'a [i64], i64),
}

/// The moments of a run of rows, by seconds since 1970-01-01T00:00.
pub(super) type Moments = HashMap<i64, Moment>;

/// A date column's cell.
#[derive(Clone)]
pub(super) enum Moment {
    Date(Date),
    Text(String),
}

impl<'a> Vintages<'a> {
    /// The vintage column, or why its type cannot hold dates.
    fn new(array: &'a dyn Array) -> std::result::Result<Vintages<'a>, String> {
        let raw = match array.data_type() {
            DataType::Date32 => Raw::Days(array.as_primitive::<Date32Type>().values()),
            DataType::Date64 => Raw::Ticks(array.as_primitive::<Date64Type>().values(), 1_000),
            DataType::Timestamp(TimeUnit::Second, _) => {
                Raw::Ticks(array.as_primitive::<TimestampSecondType>().values(), 1)
            }
            DataType::Timestamp(TimeUnit::Millisecond, _) => Raw::Ticks(
                array.as_primitive::<TimestampMillisecondType>().values(),
                1_000,
            ),
            DataType::Timestamp(TimeUnit::Microsecond, _) => Raw::Ticks(
                array.as_primitive::<TimestampMicrosecondType>().values(),
                1_000_000,
            ),
            DataType::Timestamp(TimeUnit::Nanosecond, _) => Raw::Ticks(
                array.as_primitive::<TimestampNanosecondType>().values(),
                1_000_000_000,
            ),
            other => {
                return Texts::new(array, false).map(Vintages::Text).ok_or_else(|| {
                    format!("column \"vintage\" is {other}; expected dates, timestamps or strings")
                })
            }
        };
        Ok(Vintages::Times {
            raw,
            nulls: array.nulls(),
            zone: zone_of(array.data_type())?,
        })
    }

    /// Row `i`'s date, or its text to parse as the CSV loader does; `moments` are the
    /// run's conversions.
    fn get(&self, i: usize, moments: &mut Moments) -> (Option<Date>, Option<Cow<'_, str>>) {
        match self {
            Vintages::Absent => (None, None),
            Vintages::Text(t) => (None, t.get(i).map(Cow::Borrowed)),
            Vintages::Times { raw, nulls, zone } => {
                if nulls.is_some_and(|n| n.is_null(i)) {
                    return (None, None);
                }
                let seconds = match *raw {
                    Raw::Days(days) => days
                        .get(i)
                        .map(|d| i64::from(*d).saturating_mul(DAY_SECONDS)),
                    Raw::Ticks(ticks, per_second) => ticks.get(i).map(|t| t.div_euclid(per_second)),
                };
                let Some(s) = seconds else {
                    return (None, None);
                };
                match moments
                    .entry(s)
                    .or_insert_with(|| moment(local(s, zone.as_ref())))
                {
                    Moment::Date(d) => (Some(*d), None),
                    Moment::Text(t) => (None, Some(Cow::Owned(t.clone()))),
                }
            }
        }
    }
}

/// The date of the moment `s` seconds after 1970-01-01T00:00 (wall time): its
/// calendar day, the time of day dropped (a figure published at 09:30 on 20 January
/// was published on 20 January); past jiff's years, a text no date rule accepts.
pub(super) fn moment(s: i64) -> Moment {
    let days = s.div_euclid(DAY_SECONDS);
    match from_days(days) {
        Some(date) => Moment::Date(date),
        None => Moment::Text(format!("{days} days after 1970-01-01")),
    }
}

/// The time zone of a zoned timestamp column, whose values Arrow keeps as UTC
/// instants: an offset (`+08:00`, `-0530`), UTC, or a name of the system's time zone
/// database (`Asia/Shanghai`). `None` for any other type (a timestamp without a zone
/// is wall time already); an error for a zone that cannot be found.
pub(super) fn zone_of(data_type: &DataType) -> std::result::Result<Option<TimeZone>, String> {
    let DataType::Timestamp(_, Some(name)) = data_type else {
        return Ok(None);
    };
    let name = name.trim();
    if ["UTC", "Z", "Etc/UTC", "GMT"]
        .iter()
        .any(|u| u.eq_ignore_ascii_case(name))
    {
        return Ok(Some(TimeZone::UTC));
    }
    if let Some(offset) = fixed_offset(name) {
        return Ok(Some(TimeZone::fixed(offset)));
    }
    TimeZone::get(name).map(Some).map_err(|_| {
        format!(
            "the time zone {name:?} of the timestamps is not in this system's time zone \
             database; give the column as local dates or timestamps without a zone"
        )
    })
}

/// An offset written `+08:00`, `+0800` or `+08` (`-` west of UTC).
fn fixed_offset(text: &str) -> Option<jiff::tz::Offset> {
    jiff::tz::Offset::from_seconds(crate::observation::offset_seconds(text)?).ok()
}

/// The UTC instant `s` seconds after the epoch as wall-time seconds in `zone`.
pub(super) fn local(s: i64, zone: Option<&TimeZone>) -> i64 {
    match (zone, jiff::Timestamp::from_second(s)) {
        (Some(z), Ok(at)) => s.saturating_add(i64::from(z.to_offset(at).seconds())),
        _ => s,
    }
}

const DAY_SECONDS: i64 = 86_400;

/// The date `days` after 1970-01-01, if jiff can hold it.
pub(crate) fn from_days(days: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(days).ok()?;
    Date::new(1970, 1, 1).ok()?.checked_add(span).ok()
}

#[cfg(test)]
mod tests {
    use crate::float_text::shortest_text;

    fn text<F: crate::float_text::Shortest>(x: F) -> String {
        let mut s = String::new();
        shortest_text(x, &mut s);
        s
    }

    #[test]
    fn floats_read_as_python_shows_them() {
        for (x, want) in [
            (16.4, "16.4"),
            (0.1 + 0.2, "0.30000000000000004"),
            (4738.01, "4738.01"),
            (1e20, "100000000000000000000"),
            (1.2345e20, "123450000000000000000"),
            (1e-7, "0.0000001"),
            (-2.5, "-2.5"),
            (18746.0, "18746"),
            // Exactly …275.625: Python's repr takes the even …62, Rust's Display …63.
            (135_963_453_209_275.62, "135963453209275.62"),
        ] {
            assert_eq!(text(x), want, "{x:?}");
        }
        assert_eq!(text(16.4f32), "16.4");
        assert_eq!(text(1.2345678901234567e20), "123456789012345670000");
    }
}

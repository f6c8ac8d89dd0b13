//! Arrow arrays as the cells of a [`Table`](crate::Table): how a DataFrame column
//! reaches the format-neutral table readers (plans from tables) without a Python
//! object per cell.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float16Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type,
    Int8Type, TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, ArrowPrimitiveType};
use arrow_schema::{DataType, TimeUnit};
use jiff::tz::TimeZone;

use super::read::{moment, Moment};
use crate::table::Cell;

/// The cells of an Arrow array, one per row, as [`Table`](crate::Table) holds them:
///
/// - strings (utf8, large utf8, utf8 view, and dictionaries of them): [`Cell::Text`],
///   each distinct dictionary entry converted once;
/// - floats: [`Cell::float`] (the shortest round-trip text, NaN kept as [`Cell::NaN`]);
/// - integers: [`Cell::Int`] (a `u64` past `i64::MAX` as its text); booleans:
///   [`Cell::Bool`];
/// - decimals: their exact text (the column's scale, so `15000.00`);
/// - dates: [`Cell::Date`]; timestamps their calendar date, the time of day dropped
///   (a zoned timestamp's date in its zone; a zone the system does not know makes
///   every cell [`Cell::Invalid`]);
/// - nulls: [`Cell::Null`]; a value of another type (a list, a struct):
///   [`Cell::Invalid`] with the type's name, reported where it is used.
///
/// ```
/// use planwatch::columnar::arrow_array::{Float64Array, StringArray};
/// use planwatch::columnar::cells;
/// use planwatch::Cell;
/// assert_eq!(cells(&StringArray::from(vec![Some("gdp"), None])), [Cell::Text("gdp".into()), Cell::Null]);
/// assert_eq!(cells(&Float64Array::from(vec![16.4, f64::NAN])), [Cell::Float("16.4".into()), Cell::NaN]);
/// ```
pub fn cells(array: &dyn Array) -> Vec<Cell> {
    let prepared = Prepared::of(array);
    // Each cell on its own: on every core for a long column.
    crate::per_row::per_row(array.len(), |i, _| prepared.cell(array, i))
}

/// What is the same for every cell of an array, worked out once: a dictionary's
/// values, a zoned timestamp column's zone.
#[derive(Debug, Clone)]
enum Prepared {
    /// Each cell from its own value.
    Direct,
    /// A dictionary: its values' cells.
    Dictionary(Vec<Cell>),
    /// A timestamp column: the zone its local dates are in (`None`: wall time).
    Timestamps(Option<TimeZone>),
    /// Every cell is this problem (a zone the system does not know).
    Invalid(String),
}

impl Prepared {
    fn of(array: &dyn Array) -> Prepared {
        match array.data_type() {
            DataType::Dictionary(_, _) => {
                Prepared::Dictionary(cells(array.as_any_dictionary().values().as_ref()))
            }
            // A zone that cannot be found: the instants' UTC dates would be a day off
            // for part of the rows, so every cell is the problem instead.
            DataType::Timestamp(_, _) => match super::read::zone_of(array.data_type()) {
                Ok(zone) => Prepared::Timestamps(zone),
                Err(why) => Prepared::Invalid(why),
            },
            _ => Prepared::Direct,
        }
    }

    /// The cell of row `i` of `array`, the array this was prepared from.
    fn cell(&self, array: &dyn Array, i: usize) -> Cell {
        match self {
            Prepared::Invalid(why) => return Cell::Invalid(why.clone()),
            Prepared::Dictionary(values) => {
                // A null key, or the key's value (its cell is null for a null value).
                let keys = array.as_any_dictionary().keys();
                return key_at(keys, i)
                    .and_then(|k| values.get(k))
                    .cloned()
                    .unwrap_or(Cell::Null);
            }
            Prepared::Direct | Prepared::Timestamps(_) => {}
        }
        if array.is_null(i) {
            return Cell::Null;
        }
        match array.data_type() {
            DataType::Null => Cell::Null,
            DataType::Utf8 => Cell::Text(array.as_string::<i32>().value(i).to_string()),
            DataType::LargeUtf8 => Cell::Text(array.as_string::<i64>().value(i).to_string()),
            DataType::Utf8View => Cell::Text(array.as_string_view().value(i).to_string()),
            DataType::Boolean => Cell::Bool(array.as_boolean().value(i)),
            DataType::Float16 => {
                Cell::float(f64::from(array.as_primitive::<Float16Type>().value(i)))
            }
            DataType::Float32 => {
                // Through the float32's own shortest text: 16.4f32 is "16.4".
                let x: f32 = array.as_primitive::<Float32Type>().value(i);
                if x.is_nan() {
                    Cell::NaN
                } else {
                    let mut text = String::new();
                    crate::float_text::shortest_text(x, &mut text);
                    Cell::Float(text)
                }
            }
            DataType::Float64 => Cell::float(array.as_primitive::<Float64Type>().value(i)),
            DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::Int64
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32
            | DataType::UInt64 => match integer_at(array, i) {
                // A u64 past i64::MAX as its text.
                Some(v) => i64::try_from(v).map_or_else(|_| Cell::Text(v.to_string()), Cell::Int),
                None => Cell::Null,
            },
            DataType::Decimal128(_, _) | DataType::Decimal256(_, _) => {
                Cell::Text(decimal_text(array, i))
            }
            DataType::Date32 => date_cell(
                i64::from(array.as_primitive::<Date32Type>().value(i)).saturating_mul(DAY_SECONDS),
            ),
            DataType::Date64 => date_cell(
                array
                    .as_primitive::<Date64Type>()
                    .value(i)
                    .div_euclid(1_000),
            ),
            DataType::Timestamp(unit, _) => {
                fn seconds<T: ArrowPrimitiveType<Native = i64>>(
                    array: &dyn Array,
                    i: usize,
                    per_second: i64,
                ) -> i64 {
                    array.as_primitive::<T>().value(i).div_euclid(per_second)
                }
                let s = match unit {
                    TimeUnit::Second => seconds::<TimestampSecondType>(array, i, 1),
                    TimeUnit::Millisecond => seconds::<TimestampMillisecondType>(array, i, 1_000),
                    TimeUnit::Microsecond => {
                        seconds::<TimestampMicrosecondType>(array, i, 1_000_000)
                    }
                    TimeUnit::Nanosecond => {
                        seconds::<TimestampNanosecondType>(array, i, 1_000_000_000)
                    }
                };
                let zone = match self {
                    Prepared::Timestamps(zone) => zone.as_ref(),
                    _ => None,
                };
                date_cell(super::read::local(s, zone))
            }
            other => Cell::Invalid(other.to_string()),
        }
    }
}

/// The key of row `i` of a dictionary's keys; `None` for a null key.
fn key_at(keys: &dyn Array, i: usize) -> Option<usize> {
    if keys.is_null(i) {
        return None;
    }
    usize::try_from(integer_at(keys, i)?).ok()
}

/// Row `i` of an integer array, widened; `None` for another type.
fn integer_at(array: &dyn Array, i: usize) -> Option<i128> {
    macro_rules! int {
        ($t:ty) => {
            i128::from(array.as_primitive::<$t>().value(i))
        };
    }
    Some(match array.data_type() {
        DataType::Int8 => int!(Int8Type),
        DataType::Int16 => int!(Int16Type),
        DataType::Int32 => int!(Int32Type),
        DataType::Int64 => int!(Int64Type),
        DataType::UInt8 => int!(UInt8Type),
        DataType::UInt16 => int!(UInt16Type),
        DataType::UInt32 => int!(UInt32Type),
        DataType::UInt64 => int!(UInt64Type),
        _ => return None,
    })
}

/// An Arrow column as a [`Table`](crate::Table) holds it: its chunks as they came, each
/// cell converted (as [`cells`] converts it) only when a reader asks for it, so a
/// DataFrame's column is neither copied nor kept twice.
#[derive(Debug, Clone)]
pub(crate) struct ArrowColumn {
    /// Each chunk, the row it starts at, and what its cells share.
    chunks: Vec<(usize, ArrayRef, Prepared)>,
    len: usize,
    nulls_as_nan: bool,
}

impl ArrowColumn {
    /// The column of `chunks`, in order; what each chunk's cells share is worked out
    /// now (a dictionary's values converted once).
    pub(crate) fn new(chunks: Vec<ArrayRef>) -> ArrowColumn {
        let mut start = 0;
        let chunks = chunks
            .into_iter()
            .map(|array| {
                let at = start;
                start += array.len();
                let prepared = Prepared::of(array.as_ref());
                (at, array, prepared)
            })
            .collect();
        ArrowColumn {
            chunks,
            len: start,
            nulls_as_nan: false,
        }
    }

    /// The column with its nulls read as [`Cell::NaN`].
    pub(crate) fn nulls_as_nan(mut self) -> ArrowColumn {
        self.nulls_as_nan = true;
        self
    }

    /// Number of rows, over every chunk.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The cell of row `row`, `None` past the end.
    pub(crate) fn cell(&self, row: usize) -> Option<Cell> {
        if row >= self.len {
            return None;
        }
        // The last chunk that starts at or before the row.
        let k = self.chunks.partition_point(|(start, _, _)| *start <= row);
        let (start, array, prepared) = self.chunks.get(k.checked_sub(1)?)?;
        match prepared.cell(array.as_ref(), row - start) {
            Cell::Null if self.nulls_as_nan => Some(Cell::NaN),
            cell => Some(cell),
        }
    }
}

const DAY_SECONDS: i64 = 86_400;

/// A date cell `s` seconds after 1970-01-01T00:00 (a date at midnight, else its text).
fn date_cell(s: i64) -> Cell {
    match moment(s) {
        Moment::Date(d) => Cell::Date(d),
        Moment::Text(t) => Cell::Text(t),
    }
}

/// The exact text of a decimal cell, at its column's scale.
fn decimal_text(array: &dyn Array, i: usize) -> String {
    match array.data_type() {
        DataType::Decimal128(_, _) => array
            .as_primitive::<arrow_array::types::Decimal128Type>()
            .value_as_string(i),
        _ => array
            .as_primitive::<arrow_array::types::Decimal256Type>()
            .value_as_string(i),
    }
}

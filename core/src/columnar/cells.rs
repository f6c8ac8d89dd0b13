//! Arrow arrays as the cells of a [`Table`](crate::Table): how a DataFrame column
//! reaches the format-neutral table readers (plans from tables) without a Python
//! object per cell.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float16Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type,
    Int8Type, TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrowPrimitiveType};
use arrow_schema::{DataType, TimeUnit};

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
    let n = array.len();
    let valid = |i: usize| array.is_valid(i);
    macro_rules! each {
        ($f:expr) => {
            // Each cell on its own: on every core for a long column.
            crate::per_row::per_row(n, |i, _| if valid(i) { $f(i) } else { Cell::Null })
        };
    }
    macro_rules! ints {
        ($t:ty) => {{
            let a = array.as_primitive::<$t>();
            each!(|i| Cell::Int(i64::from(a.value(i))))
        }};
    }
    match array.data_type() {
        DataType::Null => vec![Cell::Null; n],
        DataType::Utf8 => {
            let a = array.as_string::<i32>();
            each!(|i| Cell::Text(a.value(i).to_string()))
        }
        DataType::LargeUtf8 => {
            let a = array.as_string::<i64>();
            each!(|i| Cell::Text(a.value(i).to_string()))
        }
        DataType::Utf8View => {
            let a = array.as_string_view();
            each!(|i| Cell::Text(a.value(i).to_string()))
        }
        DataType::Dictionary(_, _) => {
            let dict = array.as_any_dictionary();
            let values = cells(dict.values().as_ref());
            let keys = dict.normalized_keys();
            let nulls = array.logical_nulls();
            keys.iter()
                .enumerate()
                .map(|(i, &k)| match &nulls {
                    Some(nulls) if nulls.is_null(i) => Cell::Null,
                    _ => values.get(k).cloned().unwrap_or(Cell::Null),
                })
                .collect()
        }
        DataType::Boolean => {
            let a = array.as_boolean();
            each!(|i| Cell::Bool(a.value(i)))
        }
        DataType::Float16 => {
            let a = array.as_primitive::<Float16Type>();
            each!(|i| Cell::float(f64::from(a.value(i))))
        }
        DataType::Float32 => {
            let a = array.as_primitive::<Float32Type>();
            // Through the float32's own shortest text: 16.4f32 is "16.4".
            each!(|i| {
                let x: f32 = a.value(i);
                if x.is_nan() {
                    Cell::NaN
                } else {
                    let mut text = String::new();
                    crate::float_text::shortest_text(x, &mut text);
                    Cell::Float(text)
                }
            })
        }
        DataType::Float64 => {
            let a = array.as_primitive::<Float64Type>();
            each!(|i| Cell::float(a.value(i)))
        }
        DataType::Int8 => ints!(Int8Type),
        DataType::Int16 => ints!(Int16Type),
        DataType::Int32 => ints!(Int32Type),
        DataType::Int64 => ints!(Int64Type),
        DataType::UInt8 => ints!(UInt8Type),
        DataType::UInt16 => ints!(UInt16Type),
        DataType::UInt32 => ints!(UInt32Type),
        DataType::UInt64 => {
            let a = array.as_primitive::<UInt64Type>();
            each!(|i| {
                let v = a.value(i);
                i64::try_from(v).map_or_else(|_| Cell::Text(v.to_string()), Cell::Int)
            })
        }
        DataType::Decimal128(_, _) | DataType::Decimal256(_, _) => {
            each!(|i| Cell::Text(decimal_text(array, i)))
        }
        DataType::Date32 => {
            let a = array.as_primitive::<Date32Type>();
            each!(|i| date_cell(i64::from(a.value(i)).saturating_mul(DAY_SECONDS)))
        }
        DataType::Date64 => {
            let a = array.as_primitive::<Date64Type>();
            each!(|i| date_cell(a.value(i).div_euclid(1_000)))
        }
        DataType::Timestamp(unit, _) => {
            fn seconds<T: ArrowPrimitiveType<Native = i64>>(
                array: &dyn Array,
                i: usize,
                per_second: i64,
            ) -> i64 {
                array.as_primitive::<T>().value(i).div_euclid(per_second)
            }
            let unit = *unit;
            // A zone that cannot be found: the instants' UTC dates would be a day off
            // for part of the rows, so every cell is the problem instead.
            let zone = match super::read::zone_of(array.data_type()) {
                Ok(zone) => zone,
                Err(why) => return vec![Cell::Invalid(why); n],
            };
            each!(|i| date_cell(super::read::local(
                match unit {
                    TimeUnit::Second => seconds::<TimestampSecondType>(array, i, 1),
                    TimeUnit::Millisecond => seconds::<TimestampMillisecondType>(array, i, 1_000),
                    TimeUnit::Microsecond =>
                        seconds::<TimestampMicrosecondType>(array, i, 1_000_000),
                    TimeUnit::Nanosecond => {
                        seconds::<TimestampNanosecondType>(array, i, 1_000_000_000)
                    }
                },
                zone.as_ref()
            )))
        }
        other => {
            let what = other.to_string();
            each!(|_| Cell::Invalid(what.clone()))
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

//! Reading one column of a pandas DataFrame as the text of each cell, the way the
//! core reads a CSV field.
//!
//! pandas itself is never imported: the column is used through its own methods
//! (`dtype`, `to_numpy`, `tolist`). Numeric columns cross as one block of bytes
//! (`to_numpy().tobytes()`) rather than as a million Python objects; everything else
//! goes value by value through [`cell_text`].

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyList};

use crate::convert::{cell_text, date_from_days, float32_text, float_text};

/// The text of every cell of `series` (a pandas Series); `name` is the column's name
/// for messages. Missing values (NaN, None, `pd.NA`, `pd.NaT`) are empty text.
pub(crate) fn column_texts(series: &Bound<'_, PyAny>, name: &str) -> PyResult<Vec<String>> {
    let py = series.py();
    let dtype = series.getattr("dtype")?;
    let kind: String = dtype.getattr("kind")?.extract()?;
    // Extension dtypes (strings, categories) have no item size.
    let itemsize: usize = dtype
        .getattr("itemsize")
        .and_then(|size| size.extract())
        .unwrap_or(0);
    match (kind.as_str(), itemsize) {
        ("f", 8) => {
            let bytes = numpy_bytes(series, "float64", Some(f64::NAN))?;
            chunks::<8>(bytes.as_bytes())
                .map(|b| {
                    let x = f64::from_ne_bytes(b);
                    if x.is_nan() {
                        Ok(String::new())
                    } else {
                        float_text(x, || PyFloat::new(py, x).repr()?.extract())
                    }
                })
                .collect()
        }
        ("f", 4) => {
            let bytes = numpy_bytes(series, "float32", Some(f64::NAN))?;
            chunks::<4>(bytes.as_bytes())
                .map(|b| {
                    let x = f32::from_ne_bytes(b);
                    if x.is_nan() {
                        Ok(String::new())
                    } else {
                        float32_text(x, || {
                            py.import("numpy")?
                                .getattr("float32")?
                                .call1((f64::from(x),))?
                                .str()?
                                .extract()
                        })
                    }
                })
                .collect()
        }
        ("f", size) => Err(PyTypeError::new_err(format!(
            "column {name:?} is a {size}-byte float; convert it to float64 or to str first"
        ))),
        // Integers that fit in an int64, with no missing value (a nullable integer
        // column with NA, or a uint64 column, goes value by value).
        ("i", _) | ("u", 1..=4) if !has_missing(series)? => {
            let bytes = numpy_bytes(series, "int64", None)?;
            Ok(chunks::<8>(bytes.as_bytes())
                .map(|b| i64::from_ne_bytes(b).to_string())
                .collect())
        }
        ("M", _) => match date_days(series)? {
            Some(days) => Ok(days
                .into_iter()
                .map(|d| d.map(date_from_days).unwrap_or_default())
                .collect()),
            None => objects(series, name),
        },
        _ => objects(series, name),
    }
}

/// Fixed-size chunks of a byte block (a numpy array's `tobytes()`).
fn chunks<const N: usize>(bytes: &[u8]) -> impl Iterator<Item = [u8; N]> + '_ {
    bytes
        .chunks_exact(N)
        .map(|c| <[u8; N]>::try_from(c).unwrap_or([0; N]))
}

/// `series.to_numpy(dtype, na_value=…).tobytes()`: the values in native byte order.
fn numpy_bytes<'py>(
    series: &Bound<'py, PyAny>,
    dtype: &str,
    na_value: Option<f64>,
) -> PyResult<Bound<'py, PyBytes>> {
    let py = series.py();
    let kwargs = PyDict::new(py);
    kwargs.set_item("dtype", dtype)?;
    if let Some(na) = na_value {
        kwargs.set_item("na_value", na)?;
    }
    Ok(series
        .call_method("to_numpy", (), Some(&kwargs))?
        .call_method0("tobytes")?
        .cast_into::<PyBytes>()?)
}

fn has_missing(series: &Bound<'_, PyAny>) -> PyResult<bool> {
    series
        .call_method0("isna")?
        .call_method0("any")?
        .is_truthy()
}

/// The values of a datetime64 column as day numbers since 1970-01-01 (`None` for
/// NaT), when every value is a date (midnight) or missing; `None` otherwise, and the
/// column is read value by value, each timestamp as its ISO text.
fn date_days(series: &Bound<'_, PyAny>) -> PyResult<Option<Vec<Option<i64>>>> {
    let py = series.py();
    let mut series = series.clone();
    if !series.getattr("dt")?.getattr("tz")?.is_none() {
        // The local date of an aware timestamp is the date that was written.
        series = series
            .getattr("dt")?
            .call_method1("tz_localize", (py.None(),))?;
    }
    let values = series.call_method0("to_numpy")?;
    let days = values.call_method1("astype", ("datetime64[D]",))?;
    // NaT is the one value not equal to itself.
    let dates = days
        .call_method1("__eq__", (&values,))?
        .call_method1("__or__", (values.call_method1("__ne__", (&values,))?,))?;
    if !dates.call_method0("all")?.is_truthy()? {
        return Ok(None);
    }
    let bytes = days
        .call_method1("astype", ("int64",))?
        .call_method0("tobytes")?
        .cast_into::<PyBytes>()?;
    Ok(Some(
        chunks::<8>(bytes.as_bytes())
            .map(|b| Some(i64::from_ne_bytes(b)).filter(|d| *d != i64::MIN))
            .collect(),
    ))
}

/// The separator of [`joined`]: a control character that text in an observation
/// table has no business holding (a column that does hold one goes value by value).
const SEPARATOR: char = '\u{1f}';

/// A column of `str` only, crossed as one joined string and split in Rust: one
/// conversion instead of one per cell. `None` when a value is not a `str` (the
/// join fails) or holds the separator.
fn joined(values: &Bound<'_, PyList>) -> PyResult<Option<Vec<String>>> {
    let py = values.py();
    let separator = pyo3::types::PyString::new(py, &SEPARATOR.to_string());
    let Ok(all) = separator.call_method1("join", (values,)) else {
        return Ok(None);
    };
    let all = all.cast_into::<pyo3::types::PyString>()?;
    let all = all.to_cow()?;
    let parts: Vec<String> = if values.is_empty() {
        Vec::new()
    } else {
        all.split(SEPARATOR).map(str::to_string).collect()
    };
    Ok((parts.len() == values.len()).then_some(parts))
}

/// An object (or string, or nullable) column, value by value. Floats are refused
/// here: only float columns are read through their shortest text.
fn objects(series: &Bound<'_, PyAny>, name: &str) -> PyResult<Vec<String>> {
    let values = series.call_method0("tolist")?;
    let values = values.cast::<PyList>()?;
    if let Some(texts) = joined(values)? {
        return Ok(texts);
    }
    let mut out = Vec::with_capacity(values.len());
    for (i, value) in values.iter().enumerate() {
        let text = cell_text(&value, true)
            .map_err(|e| {
                if e.is_instance_of::<PyTypeError>(value.py()) {
                    PyTypeError::new_err(format!(
                        "row {i}, column {name:?}: {}",
                        e.value(value.py())
                    ))
                } else {
                    e
                }
            })?
            .ok_or_else(|| {
                PyTypeError::new_err(format!(
                    "row {i}, column {name:?}: an object column holds a float ({}); floats \
                 are read only from float columns — convert the column with \
                 .astype(float), or to Decimal or str",
                    value.repr().map(|r| r.to_string()).unwrap_or_default()
                ))
            })?;
        out.push(text);
    }
    Ok(out)
}

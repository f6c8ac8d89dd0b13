//! Conversions between Python values and core types: decimals, dates, languages, the
//! text cells of observation records, and the "path or text" arguments of the loaders.
//!
//! Nothing here decides anything about plans: every rule lives in the core. What is
//! decided here is only how a Python value is spelled as the text the core reads.

use std::path::PathBuf;

use jiff::civil::Date;
use planwatch::report::Lang;
use planwatch::{Decimal, ErrorKind, Location, Period};
use pyo3::exceptions::{
    PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError, PyTypeError,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString, PyType};

use crate::errors;

/// `decimal.Decimal`, imported once.
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// `datetime.date`, imported once.
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// `datetime.datetime`, imported once.
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// `os.PathLike`, imported once.
static PATH_LIKE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Runs `f` with Python's cyclic garbage collector paused, restoring its state after.
///
/// Building a large result (a 100 000-row DataFrame, a list of records) allocates
/// millions of container objects, and every 700 allocations trigger a collection that
/// walks the young objects: about half of the conversion time, for nothing, since the
/// objects built here form no cycles. The pause lasts for the conversion only.
pub(crate) fn gc_paused<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    struct Resume<'py>(Option<Bound<'py, PyModule>>);
    impl Drop for Resume<'_> {
        fn drop(&mut self) {
            if let Some(gc) = &self.0 {
                let _ = gc.call_method0("enable");
            }
        }
    }
    let gc = py.import("gc")?;
    let was_enabled = gc.call_method0("isenabled")?.is_truthy()?;
    if was_enabled {
        gc.call_method0("disable")?;
    }
    let _resume = Resume(was_enabled.then_some(gc));
    f()
}

/// The class `decimal.Decimal`.
pub(crate) fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// A core decimal as a `decimal.Decimal` (through its exact text).
pub(crate) fn decimal_to_py<'py>(py: Python<'py>, value: Decimal) -> PyResult<Bound<'py, PyAny>> {
    decimal_class(py)?.call1((value.to_string(),))
}

/// An optional core decimal as a `decimal.Decimal` or `None`.
pub(crate) fn opt_decimal_to_py<'py>(
    py: Python<'py>,
    value: Option<Decimal>,
) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Some(v) => decimal_to_py(py, v),
        None => Ok(py.None().into_bound(py)),
    }
}

/// The message of the `TypeError` a float gets: floats are not exact.
fn float_refused(what: &str, value: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "{what} must be a decimal.Decimal, an int or a str, not {}: floats are not exact \
         (0.1 is 0.1000000000000000055511151231257827…); write Decimal(\"0.1\") or \"0.1\"",
        type_name(value)
    ))
}

/// The name of a value's type, for messages.
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// A `decimal.Decimal` as plain decimal text: fixed-point, because `str()` would give
/// `1E+3`, which is not decimal text the core reads. NaN and infinities come out as
/// `NaN`/`Infinity`, which the core refuses with a located error.
fn decimal_text(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if value.call_method0("is_finite")?.is_truthy()? {
        value.call_method1("__format__", ("f",))?.extract()
    } else {
        value.str()?.extract()
    }
}

/// Converts an `int`, a `str` or a `decimal.Decimal` to an exact [`Decimal`].
///
/// Floats (and bools, which are ints to Python) raise `TypeError`; text that is not a
/// finite decimal that fits raises `ParseError`, which is a `ValueError`.
pub(crate) fn decimal_from_py(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Decimal> {
    let py = value.py();
    let text: String = if value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a decimal.Decimal, an int or a str, not bool"
        )));
    } else if value.is_instance_of::<PyFloat>() {
        return Err(float_refused(what, value));
    } else if value.is_instance_of::<PyInt>() {
        value.str()?.to_cow()?.into_owned()
    } else if value.is_instance_of::<PyString>() {
        value.extract::<String>()?
    } else if value.is_instance(decimal_class(py)?)? {
        decimal_text(value)?
    } else {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a decimal.Decimal, an int or a str, not {}",
            type_name(value)
        )));
    };
    Decimal::from_str_exact(&text).map_err(|e| {
        errors::to_py(
            planwatch::Error::new(
                ErrorKind::Parse,
                format!("{text:?} is not a decimal number planwatch can hold exactly: {e}"),
            )
            .with_location(Location::at_byte(&text, 0))
            .with_expected("a finite decimal number of at most 28 digits"),
        )
    })
}

/// A core date as a `datetime.date`.
pub(crate) fn date_to_py<'py>(py: Python<'py>, date: Date) -> PyResult<Bound<'py, PyAny>> {
    DATE.import(py, "datetime", "date")?
        .call1((date.year(), date.month(), date.day()))
}

/// `as_of`: a `datetime.date` (a `datetime.datetime` counts by its date), an ISO date
/// string `YYYY-MM-DD`, or `None` for the core's default.
pub(crate) fn as_of_from_py(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let py = value.py();
    if value.is_instance(DATE.import(py, "datetime", "date")?)? {
        let (y, m, d): (i16, i8, i8) = (
            value.getattr("year")?.extract()?,
            value.getattr("month")?.extract()?,
            value.getattr("day")?.extract()?,
        );
        return Date::new(y, m, d).map(Some).map_err(|e| {
            errors::to_py(planwatch::Error::new(
                ErrorKind::Period,
                format!("as_of {y:04}-{m:02}-{d:02} is not a usable date: {e}"),
            ))
        });
    }
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?;
        return match Period::parse(&text).map_err(errors::to_py)? {
            Period::Date(d) => Ok(Some(d)),
            other => Err(errors::to_py(
                planwatch::Error::new(
                    ErrorKind::Parse,
                    format!(
                        "as_of must be a date YYYY-MM-DD, not the {} period {other}",
                        other.kind()
                    ),
                )
                .with_location(Location::at_byte(&text, 0))
                .with_expected("a date YYYY-MM-DD"),
            )),
        };
    }
    Err(PyTypeError::new_err(format!(
        "as_of must be a datetime.date, a str YYYY-MM-DD or None, not {}",
        type_name(value)
    )))
}

/// A report language: `"zh"` or `"en"` (the core's parser also takes `zh-CN`, …).
pub(crate) fn lang_from_str(lang: &str) -> PyResult<Lang> {
    lang.parse().map_err(errors::to_py)
}

/// Where a loader reads from: a file, or the text itself.
pub(crate) enum Source {
    /// A file to read; `name` is how error locations name it (the path as given).
    Path { path: PathBuf, name: String },
    /// The text itself.
    Text(String),
}

/// Reads the "path or text" argument of a loader.
///
/// An `os.PathLike` (such as `pathlib.Path`) is always a path. A `str` is a path when
/// it holds no line break and either names an existing file or ends in one of
/// `extensions` (so a mistyped file name raises `FileNotFoundError` instead of a parse
/// error about its text); any other `str` is the text itself.
pub(crate) fn source_from_py(value: &Bound<'_, PyAny>, extensions: &[&str]) -> PyResult<Source> {
    let py = value.py();
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?.into_owned();
        let looks_like_path = !text.contains(['\n', '\r']) && !text.is_empty() && {
            let lower = text.trim().to_ascii_lowercase();
            std::path::Path::new(&text).is_file()
                || extensions.iter().any(|ext| lower.ends_with(ext))
        };
        return Ok(if looks_like_path {
            Source::Path {
                path: PathBuf::from(&text),
                name: text,
            }
        } else {
            Source::Text(text)
        });
    }
    if value.is_instance(PATH_LIKE.import(py, "os", "PathLike")?)? {
        let path: PathBuf = value.extract()?;
        let name = path.to_string_lossy().into_owned();
        return Ok(Source::Path { path, name });
    }
    Err(PyTypeError::new_err(format!(
        "expected a path (str or os.PathLike) or the text itself (str), not {}",
        type_name(value)
    )))
}

/// An I/O error as the matching built-in `OSError` subclass, with the file name set.
pub(crate) fn io_error(err: &std::io::Error, name: &str) -> PyErr {
    let args = (
        err.raw_os_error().unwrap_or(0),
        err.to_string(),
        name.to_string(),
    );
    match err.kind() {
        std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(args),
        std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(args),
        std::io::ErrorKind::IsADirectory => PyIsADirectoryError::new_err(args),
        _ => PyOSError::new_err(args),
    }
}

/// Reads a whole file as UTF-8 text. Invalid UTF-8 is the core's `encoding` error
/// (a `ParseError`) at the byte where it starts, naming GBK/GB18030 when the bytes
/// look like it. Call with the GIL released.
pub(crate) fn read_text(path: &std::path::Path, name: &str) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    planwatch::decode_utf8(&bytes, name).map_err(ReadError::Core)?;
    // Checked just above; the conversion cannot fail.
    String::from_utf8(bytes)
        .map_err(|e| ReadError::Core(planwatch::Error::new(ErrorKind::Encoding, e.to_string())))
}

/// A failure of [`read_text`], kept free of Python objects so it can cross a
/// GIL-released section.
pub(crate) enum ReadError {
    Io(std::io::Error),
    Core(planwatch::Error),
}

impl ReadError {
    pub(crate) fn into_py(self, name: &str) -> PyErr {
        match self {
            ReadError::Io(e) => io_error(&e, name),
            ReadError::Core(e) => errors::to_py(e),
        }
    }
}

/// The text of one cell of an observation record or of an object column of a
/// DataFrame, or `None` when the value is a float, which is refused (the caller raises
/// `TypeError` with the position). NaN is a float too, except where pandas uses it for
/// a missing value (`nan_is_missing`, in DataFrame columns).
///
/// `None`, NaN (in float columns and, for DataFrames, object columns), `pd.NA` and
/// `pd.NaT` are empty (missing); `True`/`False` are `done`/`not done` (milestones,
/// as in the core's JSON loader); ints and Decimals are their exact digits; dates are
/// ISO dates; `pd.Period` values their text (`2024Q3`).
pub(crate) fn cell_text(
    value: &Bound<'_, PyAny>,
    nan_is_missing: bool,
) -> PyResult<Option<String>> {
    let py = value.py();
    if value.is_none() {
        return Ok(Some(String::new()));
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if value.is_instance_of::<PyBool>() {
        let done = value.is_truthy()?;
        return Ok(Some(if done { "done" } else { "not done" }.into()));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return Ok((nan_is_missing && f.value().is_nan()).then(String::new));
    }
    if value.is_instance_of::<PyInt>() {
        return Ok(Some(value.str()?.to_cow()?.into_owned()));
    }
    if value.is_instance(decimal_class(py)?)? {
        return Ok(Some(decimal_text(value)?));
    }
    let name = type_name(value);
    // pandas' missing markers (NaT is also a datetime, so this comes first).
    if name == "NAType" || name == "NaTType" {
        return Ok(Some(String::new()));
    }
    if value.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
        // A timestamp at midnight is a date (pandas reads date columns as datetime64);
        // any other time of day is kept, and the core reports it as a bad date.
        let midnight = value.call_method0("time")?.str()?.to_cow()? == "00:00:00";
        let text = if midnight {
            value.call_method0("date")?.call_method0("isoformat")?
        } else {
            value.call_method0("isoformat")?
        };
        return Ok(Some(text.extract()?));
    }
    if value.is_instance(DATE.import(py, "datetime", "date")?)? {
        return Ok(Some(value.call_method0("isoformat")?.extract()?));
    }
    match name.as_str() {
        // pd.Period: its text is the core's period syntax for years, quarters, months.
        "Period" => Ok(Some(value.str()?.extract()?)),
        _ => Err(PyTypeError::new_err(format!(
            "an observation field must be a str, an int, a decimal.Decimal, a bool, \
             a datetime.date or None, not {name}"
        ))),
    }
}

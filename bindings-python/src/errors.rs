//! Turns a core [`planwatch::Error`] into an exception of the `planwatch` package.
//!
//! The exception classes are defined in Python (`planwatch/__init__.py`), so they can
//! subclass the matching built-ins (`ValueError`, `KeyError`) and carry typed attributes.
//! Here we only pick the class by the error's kind, look it up by name and call
//! it with the error's data as keyword arguments.

use planwatch::{ErrorKind, Issue, Location};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// The name of the `planwatch` exception class for a kind of core error.
fn class_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Parse => "ParseError",
        ErrorKind::UnknownUnit | ErrorKind::DimensionMismatch | ErrorKind::InexactConversion => {
            "UnitError"
        }
        // A period that is well formed but cannot exist (2024Q5) is a problem of the
        // text, like a parse error; its code stays "period".
        ErrorKind::Period => "ParseError",
        // Bytes that are not UTF-8 (a GBK file): a problem of the text, code "encoding".
        ErrorKind::Encoding => "ParseError",
        ErrorKind::Validation => "ValidationError",
        ErrorKind::UnknownIndicator => "UnknownIndicatorError",
        ErrorKind::UnknownDataset
        | ErrorKind::TooLarge
        | ErrorKind::InvalidValue
        | ErrorKind::Overflow
        | ErrorKind::DivisionByZero
        | ErrorKind::Conflict
        | ErrorKind::NotComparable => "InvalidValueError",
        // A kind added to the core later: still a PlanwatchError with its own code.
        _ => "PlanwatchError",
    }
}

/// Converts a core error into the matching Python exception.
///
/// Meant for `.map_err(errors::to_py)`. If the `planwatch` package itself cannot be
/// imported (it always is when this module was loaded through it), the import error
/// is raised instead, which says what is wrong better than any stand-in would.
pub(crate) fn to_py(err: planwatch::Error) -> PyErr {
    Python::attach(|py| build(py, &err).unwrap_or_else(|e| e))
}

fn build(py: Python<'_>, err: &planwatch::Error) -> PyResult<PyErr> {
    let class = py.import("planwatch")?.getattr(class_name(err.kind()))?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", err.code())?;
    kwargs.set_item("location", location(py, err.location())?)?;
    kwargs.set_item("expected", err.expected())?;
    let issues = PyList::empty(py);
    for issue in err.issues() {
        issues.append(self::issue(py, issue)?)?;
    }
    kwargs.set_item("issues", issues)?;
    // str(exc) is the full text with the location; exc.message is the bare message.
    kwargs.set_item("text", err.to_string())?;
    let exc = class.call((err.message(),), Some(&kwargs))?;
    Ok(PyErr::from_value(exc))
}

fn location<'py>(py: Python<'py>, loc: &Location) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("file", loc.file.as_deref())?;
    dict.set_item("line", loc.line)?;
    dict.set_item("column", loc.column)?;
    dict.set_item("path", loc.path.as_deref())?;
    dict.set_item("byte", loc.byte)?;
    dict.set_item("char", loc.char)?;
    Ok(dict)
}

/// One problem as a dict: the core's issue record (`planwatch::Issue`'s `Serialize`,
/// through the record serializer of `records.rs`): `code`, `message`, `file`, `line`,
/// `column`, `path`, `row`, `field`, `byte_offset`, `char_offset`, `input` and `hint`,
/// `None` when not known — the keys of JavaScript's issue objects.
///
/// `row` is an `int` where the core's label is a row number (a record's or Arrow row's
/// position, a sheet's row), so a batch from polars or Arrow names its rows as a pandas
/// frame with its default index does; a label of another form (from a dict of records)
/// stays a `str`, and a DataFrame's own labels are put back by the loaders.
pub(crate) fn issue<'py>(py: Python<'py>, issue: &Issue) -> PyResult<Bound<'py, PyDict>> {
    let dict = crate::records::to_py(py, issue)?.cast_into::<PyDict>()?;
    if let Some(number) = issue.location.row.as_deref().and_then(row_number) {
        dict.set_item("row", number)?;
    }
    Ok(dict)
}

/// The number a row label writes in digits without a leading zero (`0`, `17`), if any.
pub(crate) fn row_number(label: &str) -> Option<u64> {
    let plain = !label.is_empty()
        && label.bytes().all(|b| b.is_ascii_digit())
        && (label == "0" || !label.starts_with('0'));
    plain.then(|| label.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::class_name;
    use planwatch::ErrorKind;

    #[test]
    fn every_unit_kind_is_a_unit_error() {
        for kind in [
            ErrorKind::UnknownUnit,
            ErrorKind::DimensionMismatch,
            ErrorKind::InexactConversion,
        ] {
            assert_eq!(class_name(kind), "UnitError");
        }
        assert_eq!(class_name(ErrorKind::Parse), "ParseError");
        assert_eq!(class_name(ErrorKind::Overflow), "InvalidValueError");
        assert_eq!(class_name(ErrorKind::Period), "ParseError");
    }

    #[test]
    fn only_plain_numbers_are_row_numbers() {
        use super::row_number;
        assert_eq!(row_number("0"), Some(0));
        assert_eq!(row_number("17"), Some(17));
        for label in [
            "",
            "007",
            "r1",
            "-1",
            "1.0",
            " 1",
            "99999999999999999999999",
        ] {
            assert_eq!(row_number(label), None, "{label:?}");
        }
    }
}

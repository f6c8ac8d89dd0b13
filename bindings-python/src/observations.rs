//! `planwatch.Observations`: published figures, over [`planwatch::Observations`].
//!
//! Every loader ends in one core loader, which validates the whole batch and reports
//! every bad row: CSV files and text go to `from_csv_reader`/`from_csv_str`, Python
//! records to `from_json_str` (so unknown keys and bad rows are reported exactly as
//! for a JSON file), DataFrames and Arrow tables to `from_arrow` (src/arrow.rs).

use std::io::BufReader;

use planwatch::Observations;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyMapping, PyString};

use crate::convert::{cell_text, io_error, source_from_py, type_name, Source};
use crate::errors;
use crate::plan::TEXT_NAME;

/// A batch of observations (published figures of indicators), revisions kept side by
/// side. Load one with `from_csv`, `from_json`, `from_records`, `from_pandas` or
/// `builtin`; combine batches with `+`.
#[pyclass(frozen, module = "planwatch", name = "Observations")]
pub(crate) struct PyObservations {
    pub(crate) inner: Observations,
}

#[pymethods]
impl PyObservations {
    /// Loads CSV with the header `indicator,period,value,unit` and optional
    /// `status,vintage,source,jurisdiction` columns. `source` is a path (`str` or
    /// `os.PathLike`) or the CSV text itself: a `str` is a path when it has no line
    /// break and names an existing file or ends in `.csv`. All or nothing: raises
    /// `PlanError` listing every bad row with its line and column.
    #[staticmethod]
    fn from_csv(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let inner = match source_from_py(source, &[".csv"])? {
            Source::Path { path, name } => py
                .detach(|| {
                    let file = std::fs::File::open(&path).map_err(Err)?;
                    Observations::from_csv_reader(BufReader::new(file), &name).map_err(Ok)
                })
                .map_err(|e| match e {
                    Ok(core) => errors::to_py(core),
                    Err(io) => io_error(&io, &name),
                })?,
            Source::Text(text) => py
                .detach(|| Observations::from_csv_str(&text, TEXT_NAME))
                .map_err(errors::to_py)?,
        };
        Ok(PyObservations { inner })
    }

    /// Like `from_csv`, but keeps the good rows: returns the batch of rows that loaded
    /// and a list of every rejected row's problem (dicts like `PlanError.issues`), for
    /// a caller who decides to go on. Fails as a whole only when the file itself is
    /// unusable (no header, missing columns, too large).
    #[staticmethod]
    fn from_csv_lenient<'py>(
        py: Python<'py>,
        source: &Bound<'py, PyAny>,
    ) -> PyResult<(Self, Bound<'py, PyList>)> {
        let lenient = match source_from_py(source, &[".csv"])? {
            Source::Path { path, name } => py
                .detach(|| {
                    let file = std::fs::File::open(&path).map_err(Err)?;
                    Observations::from_csv_lenient(BufReader::new(file), &name).map_err(Ok)
                })
                .map_err(|e| match e {
                    Ok(core) => errors::to_py(core),
                    Err(io) => io_error(&io, &name),
                })?,
            Source::Text(text) => py
                .detach(|| Observations::from_csv_str_lenient(&text, TEXT_NAME))
                .map_err(errors::to_py)?,
        };
        let rejected = PyList::empty(py);
        for issue in &lenient.rejected {
            rejected.append(errors::issue(py, issue)?)?;
        }
        Ok((
            PyObservations {
                inner: lenient.observations,
            },
            rejected,
        ))
    }

    /// Loads JSON: an array of records keyed by the CSV column names (same path rule
    /// as `from_csv`, `.json`).
    #[staticmethod]
    fn from_json(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let inner = match source_from_py(source, &[".json"])? {
            Source::Path { path, name } => py
                .detach(|| {
                    let text = crate::convert::read_text(&path, &name)?;
                    Observations::from_json_str(&text, &name)
                        .map_err(crate::convert::ReadError::Core)
                })
                .map_err(|e| e.into_py(&name))?,
            Source::Text(text) => py
                .detach(|| Observations::from_json_str(&text, TEXT_NAME))
                .map_err(errors::to_py)?,
        };
        Ok(PyObservations { inner })
    }

    /// Builds a batch from an iterable of dicts keyed by the CSV column names
    /// (`indicator`, `period`, `value`, `unit`, and optionally `status`, `vintage`,
    /// `source`, `jurisdiction`). Values are `str`, `int`, `decimal.Decimal`, `bool`
    /// (a milestone done or not), `datetime.date` or `None`; floats raise `TypeError`.
    /// All or nothing: raises `PlanError` listing every bad record (`[3].value`).
    #[staticmethod]
    #[pyo3(signature = (records, label = "records"))]
    fn from_records(py: Python<'_>, records: &Bound<'_, PyAny>, label: &str) -> PyResult<Self> {
        let mut rows = Vec::new();
        for (i, record) in records.try_iter()?.enumerate() {
            let record = record?;
            let Ok(map) = record.cast::<PyMapping>() else {
                // The core reports a record that is not an object, at its index.
                rows.push(serde_json::Value::Null);
                continue;
            };
            let mut object = serde_json::Map::new();
            for item in map.items()?.iter() {
                let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
                let Ok(key) = key.cast::<PyString>() else {
                    return Err(PyTypeError::new_err(format!(
                        "record {i}: keys must be column names (str), not {}",
                        type_name(&key)
                    )));
                };
                let key = key.to_cow()?.into_owned();
                let text = cell_text(&value, false)
                    .map_err(|e| positioned(py, e, i, &key))?
                    .ok_or_else(|| float_in_record(&value, i, &key))?;
                object.insert(key, serde_json::Value::String(text));
            }
            rows.push(serde_json::Value::Object(object));
        }
        let json = serde_json::Value::Array(rows).to_string();
        let label = label.to_string();
        let inner = py
            .detach(|| Observations::from_json_str(&json, &label))
            .map_err(errors::to_py)?;
        Ok(PyObservations { inner })
    }

    /// Builds a batch from a pandas DataFrame whose columns are the CSV column names,
    /// through Arrow (`from_arrow`; needs pyarrow). A float column is read through
    /// each value's shortest round-trip text (16.4 is "16.4"); NaN is reported as
    /// "missing value (NaN)"; object columns may mix `str`, `decimal.Decimal`, `int`,
    /// floats, dates and missing values. Problems are located by the DataFrame's
    /// index labels (`[label].value`, and `row` in each issue), every one in one
    /// `PlanError`. A polars DataFrame is passed on to `from_polars`.
    #[staticmethod]
    #[pyo3(signature = (df, label = "DataFrame"))]
    fn from_pandas<'py>(
        py: Python<'py>,
        df: &Bound<'py, PyAny>,
        label: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        py.import("planwatch._arrow")?
            .call_method1("observations_from_pandas", (df, label))
    }

    /// The built-in observations of a dataset, such as "nanshan-2024".
    #[staticmethod]
    fn builtin(name: &str) -> PyResult<Self> {
        let inner = Observations::builtin(name).map_err(errors::to_py)?;
        Ok(PyObservations { inner })
    }

    /// The observations as CSV with all eight columns; `from_csv` reads it back.
    fn to_csv(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_csv())
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Both batches together (neither is changed).
    fn __add__(&self, other: &Bound<'_, PyAny>, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyObservations>() else {
            return Ok(py.NotImplemented());
        };
        let mut inner = self.inner.clone();
        inner.extend(other.get().inner.clone());
        Ok(Py::new(py, PyObservations { inner })?.into_any())
    }

    fn __repr__(&self) -> String {
        format!("<Observations: {} rows>", self.inner.len())
    }
}

/// A `TypeError` for a float in a record.
fn float_in_record(value: &Bound<'_, PyAny>, index: usize, key: &str) -> PyErr {
    PyTypeError::new_err(format!(
        "record {index}, {key:?}: floats are not exact ({}); write Decimal(\"…\") or a str",
        value.repr().map(|r| r.to_string()).unwrap_or_default()
    ))
}

/// Prefixes a `TypeError` raised for one cell with the cell's position.
fn positioned(py: Python<'_>, err: PyErr, index: usize, key: &str) -> PyErr {
    if err.is_instance_of::<PyTypeError>(py) {
        PyTypeError::new_err(format!("record {index}, {key:?}: {}", err.value(py)))
    } else {
        err
    }
}

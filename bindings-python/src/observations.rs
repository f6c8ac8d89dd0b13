//! `planwatch.Observations`: published figures, over [`planwatch::Observations`].
//!
//! Every loader ends in one core loader, which validates the whole batch and reports
//! every bad row: CSV files and text go to `from_csv_reader`/`from_csv_str`, Python
//! records to `from_table` (through `crate::tables`, each problem at its row label),
//! workbooks to `from_excel`, DataFrame columns to `from_records`.

use std::io::BufReader;

use planwatch::{ErrorKind, Location, ObservationRecord, Observations, OBSERVATION_COLUMNS};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::convert::{io_error, source_from_py, type_name, Source};
use crate::errors;
use crate::frame::column_texts;
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
    /// `ValidationError` listing every bad row with its line and column.
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
    /// and a list of every rejected row's problem (dicts like `ValidationError.issues`), for
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

    /// Builds a batch from records keyed by the CSV column names (`indicator`,
    /// `period`, `value`, `unit`, and optionally `status`, `vintage`, `source`,
    /// `jurisdiction`): an iterable of dicts (`df.to_dict("records")`), a dict of row
    /// label to dict (`df.to_dict("index")`), or a DataFrame itself (pandas, polars, or
    /// an Arrow table), read column by column; a dict's keys and a pandas index's labels
    /// then locate problems.
    /// Values are `str`, `int` (numpy's too), `decimal.Decimal`, `bool` (a milestone
    /// done or not), `datetime.date`, `None`, or floats, read through their shortest
    /// round-trip text (16.4 is "16.4": exact for what was typed with up to 15
    /// significant digits; pass Decimal or str beyond that). NaN is a missing value.
    /// Other keys are rejected, or ignored with `strict=False`. All or nothing: raises
    /// `ValidationError` listing every problem, each with `row` (the label), `field`,
    /// `input` and `hint`.
    #[staticmethod]
    #[pyo3(signature = (records, label = "records", *, strict = true))]
    fn from_records(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        label: &str,
        strict: bool,
    ) -> PyResult<Self> {
        // Unnamed: the locations are `[3].value` under the file `label`.
        let inner = crate::tables::observations_from_table(py, records, "", Some(label), strict)?;
        Ok(PyObservations { inner })
    }

    /// Loads the sheet `observations` of an Excel workbook (`.xlsx`) with the columns
    /// of the CSV file; numbers are read through their shortest round-trip text, date
    /// cells as dates. Other columns (备注) are ignored, or with `strict=True`
    /// rejected. All or nothing: `ValidationError` lists every bad cell by row and column.
    #[staticmethod]
    #[pyo3(signature = (path, *, strict = false))]
    fn from_excel(py: Python<'_>, path: &Bound<'_, PyAny>, strict: bool) -> PyResult<Self> {
        let inner = crate::tables::from_workbook(py, path, |book, name| {
            Observations::from_excel(book, name, strict)
        })?;
        Ok(PyObservations { inner })
    }

    /// Builds a batch from a pandas DataFrame whose columns are the CSV column names
    /// (case-insensitive; `indicator`, `period`, `value` and `unit` are required). A
    /// float column is read through each value's shortest round-trip text (16.4 is
    /// "16.4", exactly what was typed), NaN being a missing value; object columns may
    /// hold `str`, `decimal.Decimal`, `int`, dates and missing values, but not floats.
    /// Problems are located by row position (`[3].value`). pandas itself is not
    /// imported: any object with `columns` and `iloc` like a DataFrame works.
    #[staticmethod]
    #[pyo3(signature = (df, label = "DataFrame"))]
    fn from_pandas(py: Python<'_>, df: &Bound<'_, PyAny>, label: &str) -> PyResult<Self> {
        let columns: Vec<Bound<'_, PyAny>> = df
            .getattr("columns")
            .map_err(|_| {
                PyTypeError::new_err(format!(
                    "from_pandas needs a pandas DataFrame, not {}",
                    type_name(df)
                ))
            })?
            .try_iter()?
            .collect::<PyResult<_>>()?;
        let iloc = df.getattr("iloc")?;
        let mut slots: [Option<usize>; 8] = [None; 8];
        let mut rows: Vec<ObservationRecord> = Vec::new();
        for (pos, name) in columns.iter().enumerate() {
            let header = name
                .cast::<PyString>()
                .map(|s| s.to_cow().map(|c| c.trim().to_ascii_lowercase()))
                .map_err(|_| {
                    PyTypeError::new_err(format!(
                        "column names must be str, not {} (column {pos})",
                        type_name(name)
                    ))
                })??;
            let table_error = |message: String| {
                errors::to_py(
                    planwatch::Error::new(ErrorKind::Parse, message).with_location(Location {
                        file: Some(label.to_string()),
                        column: Some(pos + 1),
                        ..Location::default()
                    }),
                )
            };
            let Some(k) = OBSERVATION_COLUMNS.iter().position(|c| *c == header) else {
                return Err(table_error(format!(
                    "unknown column {header:?}; expected {} (select the columns to load, \
                     e.g. df[[\"indicator\", \"period\", \"value\", \"unit\"]])",
                    OBSERVATION_COLUMNS.join(", ")
                )));
            };
            if slots[k].is_some() {
                return Err(table_error(format!("column {header:?} appears twice")));
            }
            slots[k] = Some(pos);
            let series = iloc.get_item((pyo3::types::PySlice::full(py), pos))?;
            let texts = column_texts(&series, &header)?;
            if pos == 0 {
                rows.resize(texts.len(), ObservationRecord::default());
            } else if rows.len() != texts.len() {
                return Err(table_error(format!(
                    "column {header:?} has {} rows, the others {}",
                    texts.len(),
                    rows.len()
                )));
            }
            let column = OBSERVATION_COLUMNS[k];
            match ObservationRecord::field(column) {
                Some(field) => {
                    for (row, text) in rows.iter_mut().zip(texts) {
                        *field(row) = text;
                    }
                }
                None => {
                    for (row, text) in rows.iter_mut().zip(texts) {
                        row.set(column, text);
                    }
                }
            }
        }
        for (k, name) in OBSERVATION_COLUMNS.iter().enumerate().take(4) {
            if slots[k].is_none() {
                return Err(errors::to_py(
                    planwatch::Error::new(
                        ErrorKind::Parse,
                        format!("missing required column {name:?}"),
                    )
                    .in_file(label),
                ));
            }
        }
        let label = label.to_string();
        let inner = py
            .detach(|| Observations::from_records(&rows, &label))
            .map_err(errors::to_py)?;
        Ok(PyObservations { inner })
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

    /// `0 + batch` is the batch, so `sum([a, b])` works.
    fn __radd__(&self, other: &Bound<'_, PyAny>, py: Python<'_>) -> PyResult<Py<PyAny>> {
        if other.extract::<i64>().is_ok_and(|n| n == 0)
            && !other.is_instance_of::<pyo3::types::PyBool>()
        {
            let inner = self.inner.clone();
            return Ok(Py::new(py, PyObservations { inner })?.into_any());
        }
        self.__add__(other, py)
    }

    fn __repr__(&self) -> String {
        format!("<Observations: {} rows>", self.inner.len())
    }
}

//! `planwatch.Observations`: published figures, over [`planwatch::Observations`].
//!
//! Every loader ends in one core loader, which validates the whole batch and reports
//! every bad row: CSV files and text go to `from_csv_reader`/`from_csv_str`, Python
//! records to `from_table` (through `crate::tables`, each problem at its row label),
//! workbooks to `from_excel`, DataFrames and Arrow tables to `from_arrow` (src/arrow.rs).

use std::io::BufReader;

use planwatch::Observations;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{io_error, source_from_py, Source};
use crate::errors;
use crate::plan::TEXT_NAME;

/// A batch of observations (published figures of indicators), revisions kept side by
/// side. Load one with `from_csv`, `from_json`, `from_records`, `from_pandas` or
/// `builtin`; combine batches with `+`.
#[pyclass(frozen, module = "planwatch", name = "Observations")]
pub(crate) struct PyObservations {
    pub(crate) inner: Observations,
    /// The row labels of each file (label) the batch was read from with its own: a
    /// DataFrame's index, a dict of records' keys (`{file: labels}`). The issues of a
    /// check name those rows by them, as the loader's did.
    pub(crate) labels: std::sync::OnceLock<Py<PyDict>>,
}

impl PyObservations {
    pub(crate) fn new(inner: Observations) -> PyObservations {
        PyObservations {
            inner,
            labels: std::sync::OnceLock::new(),
        }
    }

    /// A batch whose rows read from `file` are labelled by `labels` (a sequence, one
    /// label per row, by position).
    pub(crate) fn labelled(
        py: Python<'_>,
        inner: Observations,
        file: &str,
        labels: Option<Py<PyAny>>,
    ) -> PyResult<PyObservations> {
        let batch = PyObservations::new(inner);
        if let Some(labels) = labels {
            let _ = batch.labels.set(labels_of_file(py, file, labels)?);
        }
        Ok(batch)
    }
}

/// The labels of one file's rows as a batch keeps them: `{file: labels}`.
fn labels_of_file(py: Python<'_>, file: &str, labels: Py<PyAny>) -> PyResult<Py<PyDict>> {
    let by_file = PyDict::new(py);
    by_file.set_item(file, labels)?;
    Ok(by_file.unbind())
}

/// The row labels of `a + b`: each side's files keep their labels unless the other side
/// read rows under the same file label too (whose positions would then be ambiguous).
fn merged_labels(
    py: Python<'_>,
    a: &PyObservations,
    b: &PyObservations,
) -> PyResult<Option<Py<PyDict>>> {
    let out = PyDict::new(py);
    for (this, other) in [(a, b), (b, a)] {
        let Some(by_file) = this.labels.get() else {
            continue;
        };
        for (file, labels) in by_file.bind(py).iter() {
            let name: String = file.extract()?;
            if !other.inner.files().any(|f| f == name) {
                out.set_item(file, labels)?;
            }
        }
    }
    Ok((!out.is_empty()).then(|| out.unbind()))
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
        Ok(PyObservations::new(inner))
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
        Ok((PyObservations::new(lenient.observations), rejected))
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
        Ok(PyObservations::new(inner))
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
        let (inner, labels) =
            crate::tables::observations_from_table(py, records, "", Some(label), strict)?;
        PyObservations::labelled(py, inner, label, labels)
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
        Ok(PyObservations::new(inner))
    }

    /// Builds a batch from a pandas DataFrame whose columns are the CSV column names,
    /// through Arrow (`from_arrow`; needs pyarrow). A float column is read through
    /// each value's shortest round-trip text (16.4 is "16.4"); NaN is reported as
    /// "missing value (NaN)"; object columns may mix `str`, `decimal.Decimal`, `int`,
    /// floats, dates and missing values. Problems are located by the DataFrame's
    /// index labels (`[label].value`, and `row` in each issue), every one in one
    /// `ValidationError`. A polars DataFrame is passed on to `from_polars`.
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
        Ok(PyObservations::new(inner))
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
        let batch = PyObservations::new(inner);
        if let Some(labels) = merged_labels(py, self, other.get())? {
            let _ = batch.labels.set(labels);
        }
        Ok(Py::new(py, batch)?.into_any())
    }

    /// `0 + batch` is the batch, so `sum([a, b])` works.
    fn __radd__(&self, other: &Bound<'_, PyAny>, py: Python<'_>) -> PyResult<Py<PyAny>> {
        if other.extract::<i64>().is_ok_and(|n| n == 0)
            && !other.is_instance_of::<pyo3::types::PyBool>()
        {
            let batch = PyObservations::new(self.inner.clone());
            if let Some(labels) = self.labels.get() {
                let _ = batch.labels.set(labels.clone_ref(py));
            }
            return Ok(Py::new(py, batch)?.into_any());
        }
        self.__add__(other, py)
    }

    fn __repr__(&self) -> String {
        format!("<Observations: {} rows>", self.inner.len())
    }

    /// Names the batch's rows read from `file` by a DataFrame's index (`from_pandas`),
    /// once.
    fn _label_rows(&self, py: Python<'_>, file: &str, index: Py<PyAny>) -> PyResult<()> {
        let _ = self.labels.set(labels_of_file(py, file, index)?);
        Ok(())
    }
}

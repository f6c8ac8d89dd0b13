//! Arrow in and out (pyo3-arrow over the core's `columnar` module): observations from
//! any object exporting the Arrow PyCapsule interface, scorecards and observations as
//! Arrow tables. The pandas and polars conveniences are thin wrappers in
//! `planwatch/_arrow.py`.

use planwatch::columnar::arrow_array::RecordBatch;
use planwatch::Observations;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyTable;

use crate::errors;
use crate::observations::PyObservations;
use crate::scorecard::PyScorecard;

/// One batch as a table that exports `__arrow_c_stream__`.
fn table(batch: RecordBatch) -> PyResult<PyTable> {
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}

/// An Arrow table from Python, a polars frame's columns of only `None` (its `Null`
/// type, whose export arrow-rs refuses) typed as text first.
pub(crate) fn arrow_input(data: &Bound<'_, PyAny>) -> PyResult<AnyRecordBatch> {
    data.py()
        .import("planwatch._arrow")?
        .call_method1("_without_null_columns", (data,))?
        .extract()
}

fn arrow_error(e: impl std::fmt::Display) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(format!("unreadable Arrow data: {e}"))
}

#[pymethods]
impl PyObservations {
    /// Builds a batch from any Arrow table: an object exporting `__arrow_c_stream__`
    /// or `__arrow_c_array__` (a pyarrow Table or RecordBatch, a polars DataFrame, a
    /// DuckDB result, pandas through `pyarrow.Table.from_pandas`). Columns as in CSV
    /// (`indicator`, `period`, `value`, `unit`, optional `status`, `vintage`,
    /// `source`, `jurisdiction`). Values may be decimals (exact), integers, strings
    /// (`1.5万`) or floats, read through each value's shortest round-trip text (16.4
    /// is "16.4"); NaN is a missing value. Periods and units may be dictionaries;
    /// vintages dates, timestamps or strings. All or nothing: raises `ValidationError`
    /// listing every bad row (`[3].value`, rows counted from 0), each issue with its
    /// `row`, `field`, 1-based `column`, the cell quoted as `input`, and a `hint`.
    #[staticmethod]
    #[pyo3(signature = (data, label = "table"))]
    fn from_arrow(py: Python<'_>, data: &Bound<'_, PyAny>, label: &str) -> PyResult<Self> {
        let reader = arrow_input(data)?.into_reader()?;
        let batches = py
            .detach(|| reader.collect::<Result<Vec<_>, _>>())
            .map_err(arrow_error)?;
        let label = label.to_string();
        let inner = py
            .detach(|| Observations::from_arrow(&batches, &label))
            .map_err(errors::to_py)?;
        Ok(PyObservations::new(inner))
    }

    /// The observations as an Arrow table (an object with `__arrow_c_stream__`) with
    /// the CSV columns: `value` decimal128 (decimal256 when the values need more than
    /// 38 digits together, which polars and DuckDB cannot read: `to_polars()` gives it
    /// as exact text), `status` a dictionary, `vintage` date32. For polars use
    /// `to_polars()` or `polars.DataFrame(t)`, not `polars.from_arrow(t)`, which reads
    /// a stream that is not a pyarrow object as a Series of structs.
    fn to_arrow(&self, py: Python<'_>) -> PyResult<PyTable> {
        table(py.detach(|| self.inner.to_arrow()).map_err(errors::to_py)?)
    }
}

impl PyScorecard {
    /// The assessments as one batch: all columns, or those named.
    fn batch(&self, columns: Option<&[String]>) -> planwatch::Result<RecordBatch> {
        match columns {
            None => self.inner.to_arrow(),
            Some(c) => {
                let names: Vec<&str> = c.iter().map(String::as_str).collect();
                self.inner.to_arrow_columns(&names)
            }
        }
    }
}

#[pymethods]
impl PyScorecard {
    /// The assessments as an Arrow table (an object with `__arrow_c_stream__`, so
    /// `pyarrow.table(t)`, `polars.DataFrame(t)` and DuckDB (`FROM t`) read it without a copy),
    /// one row per target in plan order. Columns are the assessment's fields
    /// (`records()`), nested ones joined with `_` (`name_zh`, `explanation_en`);
    /// decimals are decimal128 with one scale per column (no digit lost; decimal256
    /// past 38 digits), enums (`status`, `kind`, `grade` …) dictionaries, `notes` a
    /// list of strings, `inputs` and `conflicts` lists of structs. With `columns`
    /// (names as above), only those columns in that order, and only the fields they
    /// come from are written: `to_arrow(columns=["target", "status"])` costs a
    /// fraction of the whole table. An unknown name raises `ValueError` listing the
    /// columns. For polars use `to_polars()` or `polars.DataFrame(t)`, not
    /// `polars.from_arrow(t)`, which reads a stream that is not a pyarrow object as a
    /// Series of structs; polars and DuckDB cannot read decimal256 (`to_polars()` gives
    /// such a column as exact text).
    #[pyo3(signature = (columns = None))]
    fn to_arrow(&self, py: Python<'_>, columns: Option<Vec<String>>) -> PyResult<PyTable> {
        let batch = py.detach(|| self.batch(columns.as_deref()));
        table(batch.map_err(errors::to_py)?)
    }

    /// `to_arrow(columns)` for polars, which cannot read decimal256: a column past 38
    /// digits comes as the exact text of each value.
    #[pyo3(signature = (columns = None))]
    fn _arrow_for_polars(&self, py: Python<'_>, columns: Option<Vec<String>>) -> PyResult<PyTable> {
        let batch = py.detach(|| {
            planwatch::columnar::wide_decimals_as_text(&self.batch(columns.as_deref())?)
        });
        table(batch.map_err(errors::to_py)?)
    }
}

/// The categories of a scorecard column (`status`, `base_status`, `kind`, `grade`) in
/// report order, as (serde name, label in `lang`) pairs; `None` for another column.
#[pyfunction]
pub(crate) fn _categories(
    column: &str,
    lang: &str,
) -> PyResult<Option<Vec<(&'static str, &'static str)>>> {
    let lang = crate::convert::lang_from_str(lang)?;
    Ok(planwatch::columnar::categories(column, lang))
}

/// Section paths in report order (二.(一) before 三.(一), (三) before (七)),
/// duplicates removed.
#[pyfunction]
pub(crate) fn _section_order(sections: Vec<String>) -> Vec<String> {
    planwatch::columnar::section_order(&sections)
}

#[pymethods]
impl PyObservations {
    /// Builds a batch from a polars DataFrame (through Arrow, no copy of the
    /// columns); as `from_arrow`. Needs polars.
    #[staticmethod]
    #[pyo3(signature = (df, label = "DataFrame"))]
    fn from_polars<'py>(
        py: Python<'py>,
        df: &Bound<'py, PyAny>,
        label: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        py.import("planwatch._arrow")?
            .call_method1("observations_from_polars", (df, label))
    }

    /// `to_arrow()` for polars, which cannot read decimal256: a value column past 38
    /// digits comes as the exact text of each value.
    fn _arrow_for_polars(&self, py: Python<'_>) -> PyResult<PyTable> {
        let batch = py.detach(|| {
            let batch = self.inner.to_arrow()?;
            planwatch::columnar::wide_decimals_as_text(&batch)
        });
        table(batch.map_err(errors::to_py)?)
    }

    /// The observations as a polars DataFrame with the CSV columns (`value` an exact
    /// polars decimal, or exact text past 38 digits). Needs polars.
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("planwatch._arrow")?
            .call_method1("observations_polars", (slf,))
    }

    /// The observations as a pandas DataFrame with the CSV columns (`value` as
    /// `decimal.Decimal`, `vintage` as `datetime.date`, `status` a categorical, every
    /// other missing value `pd.NA`, as in `Scorecard.to_pandas`). `from_pandas` reads
    /// it back. Needs pandas and pyarrow.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("planwatch._arrow")?
            .call_method1("observations_frame", (slf,))
    }
}

#[pymethods]
impl PyScorecard {
    /// The assessments as a polars DataFrame (from `to_arrow(columns)`; decimals
    /// stay exact as polars decimals, and a column past 38 digits, which polars
    /// cannot hold as decimals, as the exact text of each value). Needs polars.
    #[pyo3(signature = (columns = None))]
    fn to_polars<'py>(
        slf: &Bound<'py, Self>,
        columns: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("planwatch._arrow")?
            .call_method1("scorecard_polars", (slf, columns))
    }
}

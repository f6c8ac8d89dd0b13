//! `planwatch.extract` and `planwatch.draft_plan`: report text to findings and to a
//! draft plan, over [`planwatch::extraction`].

use planwatch::extraction::{DraftOptions, ExtractOptions, Extraction, Finding};
use planwatch::Period;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert::gc_paused;
use crate::errors;
use crate::plan::PyPlan;
use crate::records::list_to_py;

/// The targets and actuals found in a report's text, in text order. `findings` is a
/// list of dicts (see `FindingRecord` in the stub) whose spans are `(start, end)`
/// character offsets into the text, so `text[start:end]` is the number as written.
#[pyclass(frozen, module = "planwatch", name = "Extraction")]
pub(crate) struct PyExtraction {
    inner: Extraction,
}

#[pymethods]
impl PyExtraction {
    /// Every finding, in text order.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings(py, self.inner.findings.iter())
    }

    /// The findings that are targets (plan sections, future wording).
    fn targets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings(py, self.inner.targets())
    }

    /// The findings that are actuals (execution sections, past wording).
    fn actuals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings(py, self.inner.actuals())
    }

    /// What the reader should know: each a dict with `code` (`too_large`,
    /// `ocr_suspect`), `message` and `span` (or `None`).
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_to_py(py, &self.inner.warnings)
    }

    /// The year being planned, as detected or given.
    #[getter]
    fn plan_year(&self) -> Option<i32> {
        self.inner.plan_year
    }

    /// The findings as JSON Lines (the core's format; values are exact strings).
    fn to_json_lines(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_json_lines())
    }

    /// The findings as a pandas DataFrame, one row per finding. Needs pandas.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.findings(py)?;
        py.import("planwatch._frames")?
            .call_method1("findings_frame", (rows,))
    }

    fn __len__(&self) -> usize {
        self.inner.findings.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Extraction: {} targets, {} actuals>",
            self.inner.targets().count(),
            self.inner.actuals().count()
        )
    }
}

/// Findings as a list of dicts: the core's serialized `Finding` records.
fn findings<'a, 'py>(
    py: Python<'py>,
    all: impl Iterator<Item = &'a Finding>,
) -> PyResult<Bound<'py, PyList>> {
    gc_paused(py, || list_to_py(py, all))
}

/// Finds every number of a report that measures something. Text over the core's
/// size limit (64 MiB) raises `InvalidValueError` (code "too_large"), as in
/// JavaScript. `plan_year` is the year being planned (default: detected from the
/// headings). The GIL is released.
#[pyfunction]
#[pyo3(signature = (text, *, plan_year = None))]
pub(crate) fn extract(
    py: Python<'_>,
    text: &str,
    plan_year: Option<i32>,
) -> PyResult<PyExtraction> {
    let options = ExtractOptions {
        plan_year,
        ..ExtractOptions::default()
    };
    let inner = py
        .detach(|| planwatch::extraction::try_extract_with(text, &options))
        .map_err(errors::to_py)?;
    Ok(PyExtraction { inner })
}

/// Drafts a plan from report text: every target found becomes a target, with the
/// quoted sentence and its span as provenance, ready to review and save with
/// `to_toml()`. `period` ("2024") defaults to the year being planned, detected from
/// the text; `ParseError` (code "period") when there is none. The GIL is released.
#[pyfunction]
#[pyo3(signature = (text, *, id = None, period = None, document = None, title = None))]
pub(crate) fn draft_plan(
    py: Python<'_>,
    text: &str,
    id: Option<String>,
    period: Option<&str>,
    document: Option<String>,
    title: Option<String>,
) -> PyResult<PyPlan> {
    let period = period
        .map(Period::parse)
        .transpose()
        .map_err(errors::to_py)?;
    let options = DraftOptions {
        id,
        period,
        document,
        title,
    };
    let inner = py
        .detach(|| planwatch::extraction::draft_plan(text, &options))
        .map_err(errors::to_py)?;
    Ok(PyPlan { inner })
}

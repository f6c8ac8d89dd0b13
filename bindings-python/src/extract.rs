//! `planwatch.extract` and `planwatch.draft_plan`: report text to findings and to a
//! draft plan, over [`planwatch::extract`].

use planwatch::extract::{DraftOptions, ExtractOptions, Extraction, Finding};
use planwatch::Period;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::convert::opt_decimal_to_py;
use crate::errors;
use crate::plan::PyPlan;
use crate::quantity::PyQuantity;

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
        let list = PyList::empty(py);
        for w in &self.inner.warnings {
            let d = PyDict::new(py);
            d.set_item("code", w.code)?;
            d.set_item("message", &w.message)?;
            match w.span {
                Some([a, b]) => d.set_item("span", PyTuple::new(py, [a, b])?)?,
                None => d.set_item("span", py.None())?,
            }
            list.append(d)?;
        }
        Ok(list)
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

fn span<'py>(py: Python<'py>, r: &std::ops::Range<usize>) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(py, [r.start, r.end])
}

fn findings<'a, 'py>(
    py: Python<'py>,
    all: impl Iterator<Item = &'a Finding>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for f in all {
        list.append(finding(py, f)?)?;
    }
    Ok(list)
}

/// One finding as a dict, with the names of the core's JSON (plus the spans of the
/// sentence and the markers the JSON folds into `flags`).
fn finding<'py>(py: Python<'py>, f: &Finding) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("status", f.status.name())?;
    d.set_item("status_cue", &f.status_cue)?;
    d.set_item("indicator", &f.indicator)?;
    d.set_item("indicator_span", span(py, &f.indicator_span)?)?;
    d.set_item("span", span(py, &f.span)?)?;
    d.set_item("measure", f.measure.name())?;
    d.set_item("op", f.op.symbol())?;
    d.set_item("value", opt_decimal_to_py(py, f.value)?)?;
    d.set_item("value_hi", opt_decimal_to_py(py, f.value_hi)?)?;
    d.set_item("unit", f.unit.map(|u| u.symbol()))?;
    match f.quantity() {
        Some(q) => d.set_item("quantity", PyQuantity::from_core(q))?,
        None => d.set_item("quantity", py.None())?,
    }
    d.set_item("stretch", f.stretch)?;
    d.set_item("by", f.by.as_deref())?;
    d.set_item("cumulative", f.cumulative)?;
    d.set_item("sentence", &f.sentence)?;
    d.set_item("sentence_span", span(py, &f.sentence_span)?)?;
    d.set_item("estimate", f.estimate)?;
    d.set_item("ocr_suspect", f.ocr_suspect)?;
    d.set_item("section", f.section.as_deref())?;
    d.set_item("heading", f.heading.as_deref())?;
    Ok(d)
}

/// Finds every number of a report that measures something. Never fails: text over
/// the size limit gives no findings and a `too_large` warning. `plan_year` is the
/// year being planned (default: detected from the headings). The GIL is released.
#[pyfunction]
#[pyo3(signature = (text, *, plan_year = None))]
pub(crate) fn extract(py: Python<'_>, text: &str, plan_year: Option<i32>) -> PyExtraction {
    let options = ExtractOptions {
        plan_year,
        ..ExtractOptions::default()
    };
    let inner = py.detach(|| planwatch::extract::extract_with(text, &options));
    PyExtraction { inner }
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
        .detach(|| planwatch::extract::draft_plan(text, &options))
        .map_err(errors::to_py)?;
    Ok(PyPlan { inner })
}

//! `planwatch.Scorecard`: the result of an evaluation, over [`planwatch::Scorecard`].

use jiff::civil::Date;
use planwatch::evaluate::{GroupCounts, Input, StatusCounts};
use planwatch::{Assessment, Observations, Options, Plan, Scorecard};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{date_to_py, decimal_to_py, gc_paused, lang_from_str, opt_decimal_to_py};
use crate::plan::{names, provenance, serde_name};

/// The result of evaluating a plan: one assessment per target and the counts a
/// reader looks for first. In Jupyter it renders as a table with bullet charts.
#[pyclass(frozen, module = "planwatch", name = "Scorecard")]
pub(crate) struct PyScorecard {
    pub(crate) inner: Scorecard,
}

impl PyScorecard {
    /// Evaluates with the GIL released.
    pub(crate) fn evaluate(
        py: Python<'_>,
        plan: &Plan,
        observations: &PyObservations,
        as_of: Option<Date>,
        strict: bool,
    ) -> PyResult<PyScorecard> {
        let observations: &Observations = &observations.inner;
        let options = Options {
            as_of,
            strict,
            ..Options::default()
        };
        let inner = py
            .detach(|| planwatch::try_evaluate(plan, observations, &options))
            .map_err(crate::errors::to_py)?;
        Ok(PyScorecard { inner })
    }
}

use crate::observations::PyObservations;

#[pymethods]
impl PyScorecard {
    /// The plan's id.
    #[getter]
    fn plan(&self) -> &str {
        &self.inner.plan
    }

    /// The plan's title, if any.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    /// The plan's jurisdiction, if any.
    #[getter]
    fn jurisdiction(&self) -> Option<&str> {
        self.inner.jurisdiction.as_deref()
    }

    /// The plan's period, as text.
    #[getter]
    fn period(&self) -> String {
        self.inner.period.to_string()
    }

    /// The evaluation date given, or `None` (every observation counted).
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.as_of {
            Some(d) => date_to_py(py, d),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// The date the targets were judged at: `as_of`, or (when `as_of` is `None`) the
    /// later of the plan period's end and the latest publication.
    #[getter]
    fn evaluated_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.inner.evaluated_on)
    }

    /// What `plan.check(observations)` finds, as `PlanError.issues` lists them: every
    /// observation on an indicator the plan does not define (never used) and
    /// contradictions (year-to-date figures of a stock, a ceiling on a
    /// higher-is-better indicator).
    #[getter]
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for i in &self.inner.issues {
            list.append(crate::errors::issue(py, i)?)?;
        }
        Ok(list)
    }

    /// Every assessment as a plain dict (see `AssessmentRecord` in the stub): decimals
    /// are `decimal.Decimal`, periods and dates `str`. In plan order, or in reading
    /// order (binding misses first, then by section) with `ordered=True`.
    #[pyo3(signature = (*, ordered = false))]
    fn records<'py>(&self, py: Python<'py>, ordered: bool) -> PyResult<Bound<'py, PyList>> {
        gc_paused(py, || {
            let all: Vec<&Assessment> = if ordered {
                self.inner.ordered()
            } else {
                self.inner.assessments.iter().collect()
            };
            let records = all
                .into_iter()
                .map(|a| record(py, a))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, records)
        })
    }

    /// The assessment of the target with this id, or `None`.
    fn assessment<'py>(
        &self,
        py: Python<'py>,
        target: &str,
    ) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.inner
            .assessment(target)
            .map(|a| record(py, a))
            .transpose()
    }

    /// The counts: `all`, `by_kind` and `by_section` (each status → count, with
    /// `total`), `binding_misses` and `stretch_reached` (target ids) and `stretch`
    /// (every stretch target beside its base).
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = &self.inner.summary;
        let dict = PyDict::new(py);
        dict.set_item("all", counts(py, &s.all)?)?;
        dict.set_item("by_kind", groups(py, &s.by_kind)?)?;
        dict.set_item("by_section", groups(py, &s.by_section)?)?;
        dict.set_item("binding_misses", PyList::new(py, &s.binding_misses)?)?;
        dict.set_item("stretch_reached", PyList::new(py, &s.stretch_reached)?)?;
        let stretch = PyList::empty(py);
        for row in &s.stretch {
            let d = PyDict::new(py);
            d.set_item("target", &row.target)?;
            d.set_item("indicator", &row.indicator)?;
            d.set_item("status", row.status.name())?;
            d.set_item("base_target", row.base_target.as_deref())?;
            d.set_item("base_status", row.base_status.map(|s| s.name()))?;
            stretch.append(d)?;
        }
        dict.set_item("stretch", stretch)?;
        Ok(dict)
    }

    /// The whole scorecard as JSON (decimals as strings).
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_json())
    }

    /// Plain-text tables for a terminal; `lang` is "zh" or "en".
    #[pyo3(signature = (lang = "zh"))]
    fn to_text(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        let lang = lang_from_str(lang)?;
        Ok(py.detach(|| self.inner.to_text(lang)))
    }

    /// GitHub-flavoured Markdown.
    #[pyo3(signature = (lang = "zh"))]
    fn to_markdown(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        let lang = lang_from_str(lang)?;
        Ok(py.detach(|| self.inner.to_markdown(lang)))
    }

    /// A standalone HTML page with SVG bullet charts.
    #[pyo3(signature = (lang = "zh"))]
    fn to_html(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        let lang = lang_from_str(lang)?;
        Ok(py.detach(|| self.inner.to_html(lang)))
    }

    /// The HTML without the page around it, to embed in another page.
    #[pyo3(signature = (lang = "zh"))]
    fn to_html_fragment(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        let lang = lang_from_str(lang)?;
        Ok(py.detach(|| self.inner.to_html_fragment(lang)))
    }

    /// One CSV row per assessment, exact values.
    fn to_csv(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_csv())
    }

    /// The assessments as a pandas DataFrame, one row per target in plan order, built
    /// on `to_arrow()`: decimal columns hold `decimal.Decimal` (`decimal="arrow"`
    /// keeps pandas' exact Arrow decimal dtype); `status`, `base_status`, `kind`,
    /// `grade` and `section` are ordered categoricals in report order, labelled in
    /// Chinese or English with `lang="zh"`/`"en"` (default: the serde names). Needs
    /// pandas and pyarrow (`pip install "planwatch[pandas]"`).
    #[pyo3(signature = (*, lang = None, decimal = "object"))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        lang: Option<&str>,
        decimal: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("planwatch._arrow")?
            .call_method1("scorecard_frame", (slf, lang, decimal))
    }

    /// What Jupyter shows: the summary and the table with bullet charts (Chinese).
    fn _repr_html_(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_html_fragment(planwatch::Lang::Zh))
    }

    fn __len__(&self) -> usize {
        self.inner.assessments.len()
    }

    fn __repr__(&self) -> String {
        let all = &self.inner.summary.all;
        format!(
            "<Scorecard {:?} {}: {} targets, {} met, {} missed, {} on track, {} behind, \
             {} no data, {} pending, {} not comparable>",
            self.inner.plan,
            self.inner.period,
            all.total,
            all.met,
            all.missed,
            all.on_track,
            all.behind,
            all.no_data,
            all.pending,
            all.not_comparable
        )
    }
}

fn counts<'py>(py: Python<'py>, c: &StatusCounts) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("total", c.total)?;
    for status in planwatch::Status::ALL {
        dict.set_item(status.name(), c.get(status))?;
    }
    Ok(dict)
}

fn groups<'py>(py: Python<'py>, groups: &[GroupCounts]) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for g in groups {
        dict.set_item(&g.key, counts(py, &g.counts)?)?;
    }
    Ok(dict)
}

fn input<'py>(py: Python<'py>, i: &Input) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("indicator", &i.indicator)?;
    dict.set_item("period", i.period.to_string())?;
    dict.set_item("value", decimal_to_py(py, i.value)?)?;
    dict.set_item("unit", i.unit.symbol())?;
    dict.set_item("status", i.status.name())?;
    dict.set_item("vintage", i.vintage.map(|d| d.to_string()))?;
    dict.set_item("source", i.source.as_deref())?;
    Ok(dict)
}

/// One assessment as a dict, field by field, with the names of the core's JSON.
fn record<'py>(py: Python<'py>, a: &Assessment) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("target", &a.target)?;
    d.set_item("indicator", &a.indicator)?;
    d.set_item("name", names(py, &a.name)?)?;
    d.set_item("kind", a.kind.name())?;
    d.set_item("tier", a.tier.name())?;
    d.set_item("section", a.section.as_deref())?;
    d.set_item("period", a.period.to_string())?;
    d.set_item("condition", &a.condition)?;
    d.set_item("comparator", a.comparator.symbol())?;
    d.set_item("status", a.status.name())?;
    d.set_item("severity", a.severity.map(|s| serde_name(&s)))?;
    d.set_item("grade", a.grade.map(|g| serde_name(&g)))?;
    d.set_item("observed", opt_decimal_to_py(py, a.observed)?)?;
    d.set_item("observed_period", a.observed_period.map(|p| p.to_string()))?;
    d.set_item("target_value", opt_decimal_to_py(py, a.target_value)?)?;
    d.set_item("target_high", opt_decimal_to_py(py, a.target_high)?)?;
    d.set_item("unit", a.unit.symbol())?;
    d.set_item("completion", opt_decimal_to_py(py, a.completion)?)?;
    d.set_item("gap", opt_decimal_to_py(py, a.gap)?)?;
    d.set_item("gap_unit", a.gap_unit.symbol())?;
    d.set_item("time_progress", opt_decimal_to_py(py, a.time_progress)?)?;
    d.set_item(
        "expected_progress",
        opt_decimal_to_py(py, a.expected_progress)?,
    )?;
    d.set_item("required_growth", opt_decimal_to_py(py, a.required_growth)?)?;
    d.set_item("cagr", opt_decimal_to_py(py, a.cagr)?)?;
    d.set_item("required_cagr", opt_decimal_to_py(py, a.required_cagr)?)?;
    d.set_item("progress_class", a.progress_class.map(|p| serde_name(&p)))?;
    d.set_item("previous", opt_decimal_to_py(py, a.previous)?)?;
    d.set_item("previous_period", a.previous_period.map(|p| p.to_string()))?;
    let inputs = PyList::empty(py);
    for i in &a.inputs {
        inputs.append(input(py, i)?)?;
    }
    d.set_item("inputs", inputs)?;
    d.set_item("rule", serde_name(&a.rule))?;
    d.set_item("base", a.base.as_deref())?;
    d.set_item("base_status", a.base_status.map(|s| s.name()))?;
    d.set_item("reference", a.reference.as_deref())?;
    let conflicts = PyList::empty(py);
    for i in &a.conflicts {
        conflicts.append(input(py, i)?)?;
    }
    d.set_item("conflicts", conflicts)?;
    d.set_item("notes", PyList::new(py, &a.notes)?)?;
    d.set_item("explanation", names(py, &a.explanation)?)?;
    d.set_item("source", provenance(py, a.source.as_ref())?)?;
    Ok(d)
}

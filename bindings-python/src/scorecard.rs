//! `planwatch.Scorecard`: the result of an evaluation, over [`planwatch::Scorecard`].

use jiff::civil::Date;
use planwatch::{Assessment, Observations, Options, Plan, Scorecard};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{date_to_py, gc_paused, lang_from_str, opt_decimal_to_py};
use crate::plan::serde_name;
use crate::records::{list_to_py, to_py};

/// The result of evaluating a plan: one assessment per target and the counts a
/// reader looks for first. In Jupyter it renders as a table with bullet charts.
#[pyclass(frozen, module = "planwatch", name = "Scorecard")]
pub(crate) struct PyScorecard {
    inner: Scorecard,
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

    /// What `plan.check(observations)` finds, as `ValidationError.issues` lists them: every
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

    /// Every assessment as a plain dict (`AssessmentRecord`: the core's serialized
    /// record; decimals are `decimal.Decimal`, dates `datetime.date`, periods `str`). In
    /// plan order, or in reading order (binding misses first, then by section) with
    /// `ordered=True`.
    #[pyo3(signature = (*, ordered = false))]
    fn records<'py>(&self, py: Python<'py>, ordered: bool) -> PyResult<Bound<'py, PyList>> {
        gc_paused(py, || {
            if ordered {
                list_to_py(py, self.inner.ordered())
            } else {
                list_to_py(py, &self.inner.assessments)
            }
        })
    }

    /// The assessment of the target with this id, or `None`.
    fn assessment<'py>(
        &self,
        py: Python<'py>,
        target: &str,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .assessment(target)
            .map(|a| to_py(py, a))
            .transpose()
    }

    /// The counts (`Summary`, the core's record): `all` (each status → count, with
    /// `total`), `by_kind` and `by_section` (lists of `{key, counts}`),
    /// `binding_misses` and `stretch_reached` (target ids) and `stretch` (every
    /// stretch target beside its base).
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.summary)
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

    /// The assessments as a pandas DataFrame, one row per target in plan order:
    /// the fields of `records()` with `name` and `explanation` split into `_zh` and
    /// `_en` columns; decimal columns hold `decimal.Decimal` (use `.astype(float)` to
    /// plot). Needs pandas (`pip install "planwatch[pandas]"`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        gc_paused(py, || {
            let columns = columns(py, &self.inner.assessments)?;
            py.import("planwatch._frames")?
                .call_method1("assessments_frame", (columns,))
        })
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

/// The assessments column by column (one list per DataFrame column), which builds a
/// large DataFrame much faster than a list of dicts.
fn columns<'py>(py: Python<'py>, all: &[Assessment]) -> PyResult<Bound<'py, PyDict>> {
    type Column<'a> = (
        &'static str,
        Box<dyn Fn(Python<'_>, &Assessment) -> PyResult<Py<PyAny>> + 'a>,
    );
    fn text<'py>(py: Python<'py>, s: impl AsRef<str>) -> PyResult<Py<PyAny>> {
        Ok(pyo3::types::PyString::new(py, s.as_ref())
            .into_any()
            .unbind())
    }
    fn opt_text<'py>(py: Python<'py>, s: Option<impl AsRef<str>>) -> PyResult<Py<PyAny>> {
        match s {
            Some(s) => text(py, s),
            None => Ok(py.None()),
        }
    }
    fn dec(py: Python<'_>, v: Option<planwatch::Decimal>) -> PyResult<Py<PyAny>> {
        Ok(opt_decimal_to_py(py, v)?.unbind())
    }
    let spec: Vec<Column<'_>> = vec![
        ("target", Box::new(|py, a| text(py, &a.target))),
        ("indicator", Box::new(|py, a| text(py, &a.indicator))),
        ("name_zh", Box::new(|py, a| text(py, &a.name.zh))),
        ("name_en", Box::new(|py, a| text(py, &a.name.en))),
        ("kind", Box::new(|py, a| text(py, a.kind.name()))),
        ("tier", Box::new(|py, a| text(py, a.tier.name()))),
        (
            "section",
            Box::new(|py, a| opt_text(py, a.section.as_deref())),
        ),
        ("period", Box::new(|py, a| text(py, a.period.to_string()))),
        ("condition", Box::new(|py, a| text(py, &a.condition))),
        (
            "comparator",
            Box::new(|py, a| text(py, a.comparator.symbol())),
        ),
        ("status", Box::new(|py, a| text(py, a.status.name()))),
        (
            "severity",
            Box::new(|py, a| opt_text(py, a.severity.map(|s| serde_name(&s)))),
        ),
        (
            "grade",
            Box::new(|py, a| opt_text(py, a.grade.map(|g| serde_name(&g)))),
        ),
        ("observed", Box::new(|py, a| dec(py, a.observed))),
        (
            "observed_period",
            Box::new(|py, a| opt_text(py, a.observed_period.map(|p| p.to_string()))),
        ),
        ("target_value", Box::new(|py, a| dec(py, a.target_value))),
        ("target_high", Box::new(|py, a| dec(py, a.target_high))),
        ("unit", Box::new(|py, a| text(py, a.unit.symbol()))),
        ("completion", Box::new(|py, a| dec(py, a.completion))),
        ("gap", Box::new(|py, a| dec(py, a.gap))),
        ("gap_unit", Box::new(|py, a| text(py, a.gap_unit.symbol()))),
        ("time_progress", Box::new(|py, a| dec(py, a.time_progress))),
        (
            "expected_progress",
            Box::new(|py, a| dec(py, a.expected_progress)),
        ),
        (
            "required_growth",
            Box::new(|py, a| dec(py, a.required_growth)),
        ),
        ("cagr", Box::new(|py, a| dec(py, a.cagr))),
        ("required_cagr", Box::new(|py, a| dec(py, a.required_cagr))),
        (
            "progress_class",
            Box::new(|py, a| opt_text(py, a.progress_class.map(|p| serde_name(&p)))),
        ),
        ("previous", Box::new(|py, a| dec(py, a.previous))),
        (
            "previous_period",
            Box::new(|py, a| opt_text(py, a.previous_period.map(|p| p.to_string()))),
        ),
        ("rule", Box::new(|py, a| text(py, serde_name(&a.rule)))),
        ("base", Box::new(|py, a| opt_text(py, a.base.as_deref()))),
        (
            "base_status",
            Box::new(|py, a| opt_text(py, a.base_status.map(|s| s.name()))),
        ),
        (
            "reference",
            Box::new(|py, a| opt_text(py, a.reference.as_deref())),
        ),
        (
            "notes",
            Box::new(|py, a| Ok(PyList::new(py, &a.notes)?.into_any().unbind())),
        ),
        (
            "explanation_zh",
            Box::new(|py, a| text(py, &a.explanation.zh)),
        ),
        (
            "explanation_en",
            Box::new(|py, a| text(py, &a.explanation.en)),
        ),
    ];
    let dict = PyDict::new(py);
    for (name, cell) in &spec {
        let mut values = Vec::with_capacity(all.len());
        for a in all {
            values.push(cell(py, a)?);
        }
        dict.set_item(*name, PyList::new(py, values)?)?;
    }
    Ok(dict)
}

//! `planwatch.Scorecard`: the result of an evaluation, over [`planwatch::Scorecard`].

use jiff::civil::Date;
use planwatch::{Observations, Options, Plan, Scorecard};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert::{date_to_py, gc_paused, lang_from_str};
use crate::records::{list_to_py, to_py};

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

    /// Writes the scorecard as an Excel workbook to `path` (str or os.PathLike) or to a
    /// binary file object: one sheet, `scorecard`, with the columns and rows of
    /// `to_csv()`, decimals as numbers where a float holds them exactly (else as their
    /// exact text), `notes` as one text joined by "；". (pandas' `read_excel` reads
    /// such numeric-looking text back as floats unless given `dtype=str`.)
    fn to_excel(&self, py: Python<'_>, target: &Bound<'_, PyAny>) -> PyResult<()> {
        let bytes = py
            .detach(|| self.inner.to_xlsx())
            .map_err(crate::errors::to_py)?;
        if target.hasattr("write")? {
            target.call_method1("write", (pyo3::types::PyBytes::new(py, &bytes),))?;
            return Ok(());
        }
        let path: std::path::PathBuf = target.extract().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(
                "to_excel takes a path (str or os.PathLike) or a binary file object",
            )
        })?;
        let name = path.to_string_lossy().into_owned();
        py.detach(|| std::fs::write(&path, &bytes))
            .map_err(|e| crate::convert::io_error(&e, &name))
    }

    /// The assessments as a pandas DataFrame, one row per target in plan order, built
    /// on `to_arrow()`: decimal columns hold `decimal.Decimal` (`decimal="arrow"`
    /// keeps pandas' exact Arrow decimal dtype); `status`, `base_status`, `kind`,
    /// `grade` and `section` are ordered categoricals in report order, labelled in
    /// Chinese or English with `lang="zh"`/`"en"` (default: the serde names). Every
    /// missing value is `pd.NA` (text in pandas' NA-backed string dtype, integers
    /// and booleans nullable), except in the categoricals, whose missing value is
    /// pandas' NaN; `pd.isna` finds each. Needs pandas and pyarrow
    /// (`pip install "planwatch[pandas]"`). `columns` keeps only those columns, as
    /// `to_arrow(columns)` does.
    #[pyo3(signature = (columns = None, *, lang = None, decimal = "object"))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        columns: Option<Vec<String>>,
        lang: Option<&str>,
        decimal: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("planwatch._arrow")?
            .call_method1("scorecard_frame", (slf, lang, decimal, columns))
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

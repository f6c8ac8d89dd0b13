//! `planwatch.Plan`: indicators and targets, over [`planwatch::Plan`].

use planwatch::{Plan, Quantity};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{as_of_from_py, read_text, source_from_py, type_name, Source};
use crate::errors;
use crate::observations::PyObservations;
use crate::quantity::PyQuantity;
use crate::records::list_to_py;
use crate::scorecard::PyScorecard;

/// How error locations name a plan or table given as text rather than as a file.
pub(crate) const TEXT_NAME: &str = "<string>";

/// A development plan: its indicators, their targets and the values bound to `ref:`
/// keys. Load one with `Plan.from_toml`, `Plan.from_json` or `Plan.builtin`.
#[pyclass(module = "planwatch", name = "Plan")]
pub(crate) struct PyPlan {
    pub(crate) inner: Plan,
}

/// Loads a plan from a path or text with `load(text, file name)`, reading files and
/// parsing with the GIL released.
fn load(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    extensions: &[&str],
    load: fn(&str, &str) -> planwatch::Result<Plan>,
) -> PyResult<PyPlan> {
    let inner = match source_from_py(source, extensions)? {
        Source::Path { path, name } => py
            .detach(|| {
                let text = read_text(&path, &name)?;
                load(&text, &name).map_err(crate::convert::ReadError::Core)
            })
            .map_err(|e| e.into_py(&name))?,
        Source::Text(text) => py
            .detach(|| load(&text, TEXT_NAME))
            .map_err(errors::to_py)?,
    };
    Ok(PyPlan { inner })
}

#[pymethods]
impl PyPlan {
    /// Loads a plan file in TOML. `source` is a path (`str` or `os.PathLike`) or the
    /// TOML text itself: a `str` is a path when it has no line break and names an
    /// existing file or ends in `.toml`. Raises `ValidationError` listing every problem.
    #[staticmethod]
    fn from_toml(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        load(py, source, &[".toml"], Plan::from_toml_str)
    }

    /// Loads a plan file in JSON (same schema and path rule as `from_toml`, `.json`),
    /// or a plan given as a `dict` in that schema (what `json.load` returns).
    #[staticmethod]
    fn from_json(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        if source.cast::<pyo3::types::PyMapping>().is_ok() {
            let text: String = py
                .import("json")?
                .call_method1("dumps", (source,))?
                .extract()?;
            let inner = py
                .detach(|| Plan::from_json_str(&text, "<dict>"))
                .map_err(errors::to_py)?;
            return Ok(PyPlan { inner });
        }
        load(py, source, &[".json"], Plan::from_json_str)
    }

    /// Builds a plan from two tables whose columns are the plan file's `[[indicator]]`
    /// and `[[target]]` fields (`name` or `name.zh`, `name.en`, `source.quote` …),
    /// each a pandas or polars DataFrame, an Arrow table (anything with
    /// `__arrow_c_stream__`, through pyarrow), records or a dict of columns; DataFrame
    /// and Arrow columns are read through Arrow (no Python object per cell). Conditions
    /// and kinds read as plan files read them ("增长6%", "不少于1.2万人", 约束性). A
    /// target's condition may instead be given in parts, in the columns `comparator`
    /// (">=", "≥", "不少于", "以上", "左右", "between" …), `value`, `high` (the upper
    /// bound of "between") and `unit` ("亿元"; "1" or empty for a bare number), floats
    /// read through their shortest round-trip text (16.4 is exactly 16.4); a row gives
    /// either `condition` text or the parts. Columns the schema does not have (备注)
    /// are ignored, or with `strict=True` rejected.
    /// Raises `ValidationError` with every problem, each with the row's label (`row`: a
    /// DataFrame's index label, else the row's number), the column (`field`), the cell
    /// (`input`) and a `hint`; a cell that is wrong does not hide the rest of its row.
    #[staticmethod]
    #[pyo3(signature = (indicators, targets, *, id, period, title = None, jurisdiction = None, document = None, references = None, strict = false))]
    #[allow(clippy::too_many_arguments)]
    fn from_tables(
        py: Python<'_>,
        indicators: &Bound<'_, PyAny>,
        targets: &Bound<'_, PyAny>,
        id: &str,
        period: &Bound<'_, PyAny>,
        title: Option<String>,
        jurisdiction: Option<String>,
        document: Option<String>,
        references: Option<&Bound<'_, PyAny>>,
        strict: bool,
    ) -> PyResult<Self> {
        let header = crate::tables::header_from_py(
            Some(id),
            Some(period),
            title,
            jurisdiction,
            document,
            references,
        )?;
        let inner = crate::tables::plan_from_tables(py, indicators, targets, &header, strict)?;
        Ok(PyPlan { inner })
    }

    /// Loads a plan from an Excel workbook (`.xlsx`): sheets `indicators` and
    /// `targets` with the columns of `from_tables`, and optionally `plan` (rows of
    /// `field | value`: id, period, title, jurisdiction, document) and `references`
    /// (`key | value`). Keyword arguments take precedence over the `plan` sheet.
    /// Every problem is located by sheet (`path` "targets[5].condition"), row (`line`)
    /// and column.
    #[staticmethod]
    #[pyo3(signature = (path, *, id = None, period = None, title = None, jurisdiction = None, document = None, strict = false))]
    #[allow(clippy::too_many_arguments)]
    fn from_excel(
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        id: Option<&str>,
        period: Option<&Bound<'_, PyAny>>,
        title: Option<String>,
        jurisdiction: Option<String>,
        document: Option<String>,
        strict: bool,
    ) -> PyResult<Self> {
        let header =
            crate::tables::header_from_py(id, period, title, jurisdiction, document, None)?;
        let inner = crate::tables::from_workbook(py, path, |book, name| {
            Plan::from_excel(book, name, &header, strict)
        })?;
        Ok(PyPlan { inner })
    }

    /// A built-in plan, such as "nanshan-2024".
    #[staticmethod]
    fn builtin(name: &str) -> PyResult<Self> {
        let inner = Plan::builtin(name).map_err(errors::to_py)?;
        Ok(PyPlan { inner })
    }

    /// The plan's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The title, if the plan has one.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    /// The period the plan is for, as text ("2024", "2021..2025").
    #[getter]
    fn period(&self) -> String {
        self.inner.period.to_string()
    }

    /// The jurisdiction, if given.
    #[getter]
    fn jurisdiction(&self) -> Option<&str> {
        self.inner.jurisdiction.as_deref()
    }

    /// The id of the source document provenance spans point into, if given.
    #[getter]
    fn document(&self) -> Option<&str> {
        self.inner.document.as_deref()
    }

    /// The indicators, each a dict (see `IndicatorRecord` in the stub).
    #[getter]
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_to_py(py, &self.inner.indicators)
    }

    /// The targets, each a dict (see `TargetRecord` in the stub).
    #[getter]
    fn targets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_to_py(py, &self.inner.targets)
    }

    /// The values bound to `ref:` keys, as `Quantity` objects.
    #[getter]
    fn references<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (key, value) in &self.inner.references {
            dict.set_item(key, PyQuantity::from_core(*value))?;
        }
        Ok(dict)
    }

    /// The plan as TOML in the file schema; `Plan.from_toml` reads it back.
    fn to_toml(&self) -> PyResult<String> {
        self.inner.to_toml().map_err(errors::to_py)
    }

    /// The plan as JSON in the file schema; `Plan.from_json` reads it back.
    fn to_json(&self) -> PyResult<String> {
        self.inner.to_json().map_err(errors::to_py)
    }

    /// Binds a value to a `ref:` key (a quota set elsewhere), so the targets that
    /// refer to it can be evaluated. `value` is a `Quantity` or quantity text
    /// ("8.5立方米/万元"). Raises `UnitError` when it does not fit those targets.
    fn bind_reference(&mut self, key: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let value: Quantity = if let Ok(q) = value.cast::<PyQuantity>() {
            q.get().core()
        } else if let Ok(text) = value.extract::<String>() {
            Quantity::parse(&text).map_err(errors::to_py)?
        } else {
            return Err(PyTypeError::new_err(format!(
                "a reference value must be a Quantity or a str, not {}",
                type_name(value)
            )));
        };
        self.inner.bind_reference(key, value).map_err(errors::to_py)
    }

    /// Checks the plan: every problem, each a dict like `ValidationError.issues`; empty
    /// when the plan is sound.
    fn validate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for issue in self.inner.validate() {
            list.append(errors::issue(py, &issue)?)?;
        }
        Ok(list)
    }

    /// Every check of the plan and of `observations` against it (`Plan::check` of
    /// the core): a dict with `errors` (the plan's own problems, and every
    /// observation on an indicator the plan does not define, at its row and column)
    /// and `warnings` (contradictions: a ceiling on a higher-is-better indicator,
    /// year-to-date figures of an indicator that is not a flow), each a list of dicts
    /// like `ValidationError.issues`. Observations read `from_pandas` are named by the
    /// DataFrame's index labels (`row`, `path`), as their loader named them.
    fn check<'py>(
        &self,
        py: Python<'py>,
        observations: &Bound<'_, PyObservations>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let checked = self.inner.check(&observations.get().inner);
        let out = PyDict::new(py);
        for (key, issues) in [("errors", &checked.errors), ("warnings", &checked.warnings)] {
            let list = PyList::empty(py);
            for issue in issues {
                list.append(errors::issue(py, issue)?)?;
            }
            if let Some(by_file) = observations.get().labels.get() {
                // Rows named by their table's labels, as its loader named them.
                py.import("planwatch._arrow")?
                    .call_method1("relabel_issues", (&list, by_file.bind(py)))?;
            }
            out.set_item(key, list)?;
        }
        Ok(out)
    }

    /// Evaluates every target against `observations` as of `as_of` (a
    /// `datetime.date` or "YYYY-MM-DD"; `None`: every observation counts). With
    /// `strict=True`, figures that cannot be compared with their target and conflicting
    /// figures of one release raise instead of being reported in the scorecard. The GIL
    /// is released while the core works.
    #[pyo3(signature = (observations, as_of = None, *, strict = false))]
    fn evaluate(
        &self,
        py: Python<'_>,
        observations: &Bound<'_, PyObservations>,
        as_of: Option<&Bound<'_, PyAny>>,
        strict: bool,
    ) -> PyResult<PyScorecard> {
        PyScorecard::evaluate(
            py,
            &self.inner,
            observations.get(),
            as_of_from_py(as_of)?,
            strict,
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "<Plan {:?} {}: {} indicators, {} targets>",
            self.inner.id,
            self.inner.period,
            self.inner.indicators.len(),
            self.inner.targets.len()
        )
    }

    /// Names of the built-in datasets ("nanshan-2024", "china-14fyp"), each loadable
    /// with `Plan.builtin` and `Observations.builtin`.
    #[staticmethod]
    fn builtin_names() -> Vec<&'static str> {
        Plan::builtin_names().to_vec()
    }
}

//! `evaluate_many`: every jurisdiction's plans against one Arrow table of observations,
//! the assessments back as one Arrow record batch (pyo3-arrow, no copy of the
//! columns across the boundary). The rules are the core's `evaluate::many`.

use planwatch::evaluation::{evaluate_many_arrow, load_plan, Many, PlanFailure};
use planwatch::{Options, Plan};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3_arrow::PyRecordBatch;

use crate::errors;

/// One given plan: a `Plan`, plan file text (TOML, or JSON) reported as `plans[i]`,
/// or a `(name, text)` pair reported under its name.
fn plan_of(i: usize, item: &Bound<'_, PyAny>) -> PyResult<Result<Plan, PlanFailure>> {
    if let Ok(plan) = item.cast::<crate::plan::PyPlan>() {
        return Ok(Ok(plan.borrow().inner.clone()));
    }
    if let Ok(text) = item.cast::<PyString>() {
        return Ok(load_plan(i, &format!("plans[{i}]"), &text.to_cow()?));
    }
    if let Ok((name, text)) = item.extract::<(String, String)>() {
        return Ok(load_plan(i, &name, &text));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "plans[{i}] must be a Plan, plan file text (TOML or JSON) or a (name, text) pair, not {}",
        crate::convert::type_name(item)
    )))
}

fn failure<'py>(py: Python<'py>, f: &PlanFailure) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("index", f.index)?;
    d.set_item("plan", &f.plan)?;
    d.set_item("jurisdiction", f.jurisdiction.as_deref())?;
    d.set_item("rows", f.rows)?;
    let issues = PyList::empty(py);
    for i in &f.issues {
        issues.append(errors::issue(py, i)?)?;
    }
    d.set_item("issues", issues)?;
    Ok(d)
}

fn problems<'py>(
    py: Python<'py>,
    many: &Many,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
    let failures = PyList::empty(py);
    for f in &many.failures {
        failures.append(failure(py, f)?)?;
    }
    let unplanned = PyList::empty(py);
    for u in &many.unplanned {
        let d = PyDict::new(py);
        d.set_item("jurisdiction", &u.jurisdiction)?;
        d.set_item("rows", u.rows)?;
        d.set_item("row", u.first.path.as_deref())?;
        d.set_item("line", u.first.line)?;
        unplanned.append(d)?;
    }
    Ok((failures, unplanned))
}

/// Evaluates every plan against its jurisdiction's rows of one Arrow table; returns
/// (assessments as a pyarrow RecordBatch, failures, unplanned). Wrapped by
/// `planwatch.evaluate_many`.
#[pyfunction]
#[pyo3(signature = (plans, observations, *, as_of = None, parallel = true))]
pub(crate) fn evaluate_many<'py>(
    py: Python<'py>,
    plans: &Bound<'py, PyAny>,
    observations: &Bound<'py, PyAny>,
    as_of: Option<&Bound<'py, PyAny>>,
    parallel: bool,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyList>, Bound<'py, PyList>)> {
    let loaded = plans
        .try_iter()?
        .enumerate()
        .map(|(i, item)| plan_of(i, &item?))
        .collect::<PyResult<Vec<_>>>()?;
    let (batches, _) = crate::arrow::arrow_input(observations)?
        .into_table()?
        .into_inner();
    let options = Options {
        as_of: crate::convert::as_of_from_py(as_of)?,
        parallel,
        ..Options::default()
    };
    let many = py
        .detach(|| evaluate_many_arrow(loaded, &batches, &options))
        .map_err(errors::to_py)?;
    let batch = py.detach(|| many.to_arrow()).map_err(errors::to_py)?;
    let (failures, unplanned) = problems(py, &many)?;
    Ok((
        PyRecordBatch::new(batch).into_pyarrow(py)?,
        failures,
        unplanned,
    ))
}

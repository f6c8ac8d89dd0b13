//! Python bindings of planwatch: the compiled module `planwatch._planwatch`.
//!
//! This crate only converts types and errors between Python and the core crate; every
//! rule lives in `planwatch`. The Python package around it (`python/planwatch`) defines
//! the exception classes, the pandas helpers and re-exports what is public.
//!
//! The GIL is released (`Python::detach`) around every core call whose cost grows with
//! its input: loading files and tables, evaluating, rendering and extracting.

mod arrow;
mod convert;
mod errors;
mod extract;
mod many;
mod observations;
mod plan;
mod quantity;
mod records;
mod scorecard;
mod tables;

use pyo3::prelude::*;

/// The extension's Rust allocations go through mimalloc: a million-row load or
/// evaluation is mostly small allocations (see `Cargo.toml`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The compiled core of the `planwatch` package. Import from `planwatch`, not from here.
#[pymodule(name = "_planwatch")]
mod planwatch_module {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::arrow::{_categories, _section_order};
    #[pymodule_export]
    use super::extract::{draft_plan, extract, PyExtraction};
    #[pymodule_export]
    use super::many::evaluate_many;
    #[pymodule_export]
    use super::observations::PyObservations;
    #[pymodule_export]
    use super::plan::PyPlan;
    #[pymodule_export]
    use super::quantity::PyQuantity;
    #[pymodule_export]
    use super::scorecard::PyScorecard;

    /// Evaluates every target of `plan` against `observations` as of `as_of` (a
    /// `datetime.date` or "YYYY-MM-DD"; `None`: every observation counts). Same as
    /// `plan.evaluate(observations, as_of, strict=strict)`.
    #[pyfunction]
    #[pyo3(signature = (plan, observations, as_of = None, *, strict = false))]
    fn evaluate(
        py: Python<'_>,
        plan: &Bound<'_, super::plan::PyPlan>,
        observations: &Bound<'_, super::observations::PyObservations>,
        as_of: Option<&Bound<'_, PyAny>>,
        strict: bool,
    ) -> PyResult<super::scorecard::PyScorecard> {
        let plan = plan.borrow();
        super::scorecard::PyScorecard::evaluate(
            py,
            &plan.inner,
            observations.get(),
            super::convert::as_of_from_py(as_of)?,
            strict,
        )
    }

    /// The text of the built-in Nanshan District 2024 report (the source of the
    /// built-in plan; its provenance spans point into it).
    #[pymodule_export]
    const NANSHAN_2024_REPORT: &str = planwatch::NANSHAN_2024_REPORT;
}

#[allow(unused_imports)]
use planwatch_module as _;

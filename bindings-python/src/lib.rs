//! Python bindings of planwatch: the compiled module `planwatch._planwatch`.
//!
//! This crate only converts types and errors between Python and the core crate; every
//! rule lives in `planwatch`. The Python package around it (`python/planwatch`) defines
//! the exception classes and re-exports what is public.

mod errors;
mod quantity;

use pyo3::prelude::*;

/// The compiled core of the `planwatch` package. Import from `planwatch`, not from here.
#[pymodule(name = "_planwatch")]
mod planwatch_module {
    #[pymodule_export]
    use super::quantity::PyQuantity;
}

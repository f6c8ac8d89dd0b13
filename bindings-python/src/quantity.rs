//! `planwatch.Quantity`: a decimal value with a unit, over [`planwatch::Quantity`].

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use planwatch::{Quantity, Style, Unit};
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyBool, PyString, PyType};

use crate::convert::{decimal_from_py, decimal_to_py};
use crate::errors;

/// What `__reduce__` returns: the class and the arguments to call it with.
type Reduced<'py> = (Bound<'py, PyType>, (Bound<'py, PyAny>, &'static str));

/// An exact decimal value with a unit, such as 590亿元 or 16.4%.
///
/// Comparisons are the core's: `==` compares amounts, not spellings (590亿元 equals
/// 59000000000元, 1公顷 equals 15亩) and is `False` across dimensions; ordering
/// raises `UnitError` across dimensions.
#[pyclass(frozen, module = "planwatch", name = "Quantity")]
pub(crate) struct PyQuantity {
    inner: Quantity,
}

impl PyQuantity {
    /// Wraps a core quantity.
    pub(crate) fn from_core(inner: Quantity) -> PyQuantity {
        PyQuantity { inner }
    }

    /// The core quantity.
    pub(crate) fn core(&self) -> Quantity {
        self.inner
    }
}

#[pymethods]
impl PyQuantity {
    /// Quantity(value, unit): `value` is a `decimal.Decimal`, an `int` or a `str` holding
    /// a decimal number; floats are refused because they are not exact.
    #[new]
    fn new(value: &Bound<'_, PyAny>, unit: &str) -> PyResult<Self> {
        let value = decimal_from_py(value, "a quantity's value")?;
        let unit = Unit::parse(unit).map_err(errors::to_py)?;
        Ok(PyQuantity {
            inner: Quantity::new(value, unit),
        })
    }

    /// Parses a quantity written in Chinese or with digits, such as "590 亿元" or "16.4%".
    #[staticmethod]
    fn parse(text: &str) -> PyResult<Self> {
        let inner = Quantity::parse(text).map_err(errors::to_py)?;
        Ok(PyQuantity { inner })
    }

    /// The value in the unit, as a `decimal.Decimal`.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, self.inner.value())
    }

    /// The canonical symbol of the unit, such as "元".
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit().symbol()
    }

    /// The name of the dimension, such as "money".
    #[getter]
    fn dimension(&self) -> &'static str {
        self.inner.dimension().name()
    }

    /// The quantity written in the given style: "zh" (590亿元) or "en" (59 billion yuan).
    #[pyo3(signature = (style = "zh"))]
    fn format(&self, style: &str) -> PyResult<String> {
        let style = match crate::convert::lang_from_str(style)? {
            planwatch::Lang::En => Style::En,
            _ => Style::Zh,
        };
        Ok(self.inner.format(style))
    }

    /// The same amount in another unit of the same dimension. Raises `UnitError` when
    /// the dimensions differ or the result would not be exact.
    fn to(&self, unit: &str) -> PyResult<Self> {
        let unit = Unit::parse(unit).map_err(errors::to_py)?;
        let inner = self.inner.to(unit).map_err(errors::to_py)?;
        Ok(PyQuantity { inner })
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = PyString::new(py, &self.inner.to_string()).repr()?;
        Ok(format!("Quantity({text})"))
    }

    fn __richcmp__(
        &self,
        other: &Bound<'_, PyAny>,
        op: CompareOp,
        py: Python<'_>,
    ) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyQuantity>() else {
            return Ok(py.NotImplemented());
        };
        let (a, b) = (&self.inner, &other.get().inner);
        let result = match op {
            CompareOp::Eq => a == b,
            CompareOp::Ne => a != b,
            _ => op.matches(a.try_cmp(b).map_err(errors::to_py)?),
        };
        Ok(PyBool::new(py, result).to_owned().into_any().unbind())
    }

    fn __hash__(&self) -> u64 {
        // The core's `Hash`, consistent with `==` across units (1公顷 == 15亩).
        let mut hasher = DefaultHasher::new();
        self.inner.hash(&mut hasher);
        hasher.finish()
    }

    /// Pickles as `Quantity(value, unit)`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>, py: Python<'py>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        Ok((py.get_type::<PyQuantity>(), (this.value(py)?, this.unit())))
    }
}

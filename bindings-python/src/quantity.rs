//! `planwatch.Quantity`: a decimal value with a unit, over [`planwatch::Quantity`].

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use planwatch::{Decimal, ErrorKind, Location, Quantity, Style, Unit};
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString, PyType};

use crate::errors;

/// What `__reduce__` returns: the class and the arguments to call it with.
type Reduced<'py> = (Bound<'py, PyType>, (Bound<'py, PyAny>, &'static str));

/// `decimal.Decimal`, imported once.
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// An exact decimal value with a unit, such as 590亿元 or 16.4%.
///
/// Comparisons are the core's: `==` compares amounts, not spellings (590亿元 equals
/// 59000000000元, 1公顷 equals 15亩) and is `False` across dimensions; ordering
/// raises `UnitError` across dimensions.
#[pyclass(frozen, module = "planwatch", name = "Quantity")]
pub(crate) struct PyQuantity {
    inner: Quantity,
}

#[pymethods]
impl PyQuantity {
    /// Quantity(value, unit): `value` is a `decimal.Decimal`, an `int` or a `str` holding
    /// a decimal number; floats are refused because they are not exact.
    #[new]
    fn new(value: &Bound<'_, PyAny>, unit: &str) -> PyResult<Self> {
        let value = decimal_from_py(value)?;
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
        DECIMAL
            .import(py, "decimal", "Decimal")?
            .call1((self.inner.value().to_string(),))
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
        let style = match style {
            "zh" => Style::Zh,
            "en" => Style::En,
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "style must be \"zh\" or \"en\", not {other:?}"
                )))
            }
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
        // Must agree with `==`, which compares amounts across units (1公顷 == 15亩). The
        // dimension and the sign are the invariants the public core API offers: unit
        // factors are positive. Coarse, but correct; a core `Hash` would sharpen it.
        let value = self.inner.value();
        let mut hasher = DefaultHasher::new();
        self.inner.dimension().hash(&mut hasher);
        (value.is_zero(), value.is_sign_negative()).hash(&mut hasher);
        hasher.finish()
    }

    /// Pickles as `Quantity(value, unit)`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>, py: Python<'py>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        Ok((py.get_type::<PyQuantity>(), (this.value(py)?, this.unit())))
    }
}

/// Converts an `int`, a `str` or a `decimal.Decimal` to an exact [`Decimal`].
///
/// Floats (and bools, which are ints to Python) raise `TypeError`; text that is not a
/// finite decimal that fits raises `ParseError`, which is a `ValueError`.
fn decimal_from_py(value: &Bound<'_, PyAny>) -> PyResult<Decimal> {
    let py = value.py();
    let text: String = if value.is_instance_of::<PyBool>() || value.is_instance_of::<PyFloat>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "a quantity's value must be a decimal.Decimal, an int or a str, not {}; \
             floats are not exact, write Decimal(\"0.1\") or \"0.1\"",
            value.get_type().name()?
        )));
    } else if value.is_instance_of::<PyInt>() {
        value.str()?.to_cow()?.into_owned()
    } else if value.is_instance_of::<PyString>() {
        value.extract::<String>()?
    } else if value.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)? {
        // Fixed-point notation: str() would give "1E+3", which is not plain decimal text.
        value.call_method1("__format__", ("f",))?.extract()?
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "a quantity's value must be a decimal.Decimal, an int or a str, not {}",
            value.get_type().name()?
        )));
    };
    Decimal::from_str_exact(&text).map_err(|e| {
        errors::to_py(
            planwatch::Error::new(
                ErrorKind::Parse,
                format!("{text:?} is not a decimal number planwatch can hold exactly: {e}"),
            )
            .with_location(Location::at_byte(&text, 0))
            .with_expected("a finite decimal number of at most 28 digits"),
        )
    })
}

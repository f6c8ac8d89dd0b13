//! Exact decimal arithmetic: a result, or nothing.
//!
//! `Decimal`'s own `checked_add`/`checked_mul` return `None` only when the magnitude
//! overflows; when a result needs more than 28 significant digits they round it
//! silently. Parsing and unit conversion must never round, so they use these instead:
//! the computation is done on the integer mantissas and refused when the exact result
//! does not fit.

use rust_decimal::Decimal;

/// Largest mantissa a `Decimal` holds (2^96 − 1).
const MAX_MANTISSA: i128 = (1i128 << 96) - 1;

/// An exact decimal from a mantissa and scale, dropping trailing zeros if needed to
/// fit; None when it cannot be held exactly.
fn fit(mut m: i128, mut scale: u32) -> Option<Decimal> {
    while scale > 28 || m.abs() > MAX_MANTISSA {
        if scale == 0 || m % 10 != 0 {
            return None;
        }
        m /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(m, scale).ok()
}

/// `a × b`, exactly.
pub(crate) fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let m = a.mantissa().checked_mul(b.mantissa())?;
    fit(m, a.scale() + b.scale())
}

/// `a + b`, exactly.
pub(crate) fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let scale = a.scale().max(b.scale());
    let widen = |d: Decimal| {
        d.mantissa()
            .checked_mul(10i128.checked_pow(scale - d.scale())?)
    };
    fit(widen(a)?.checked_add(widen(b)?)?, scale)
}

/// `a − b`, exactly.
pub(crate) fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    add(a, -b)
}

/// `Decimal`'s checked arithmetic, called from one place.
///
/// rust_decimal marks `checked_add` … `checked_div` and the algorithms under them
/// `#[inline(always)]`, so each call site carried a whole copy: about 12 KB gzipped of
/// the WebAssembly module over some 25 sites. The crate calls them through these
/// methods instead (`clippy.toml` forbids the direct calls). Same results: `None` on
/// overflow or division by zero, rounding past 28 significant digits as `Decimal` does.
pub(crate) trait Checked: Sized {
    /// `self + other`.
    fn add_checked(self, other: Self) -> Option<Self>;
    /// `self − other`.
    fn sub_checked(self, other: Self) -> Option<Self>;
    /// `self × other`.
    fn mul_checked(self, other: Self) -> Option<Self>;
    /// `self ÷ other`.
    fn div_checked(self, other: Self) -> Option<Self>;
}

#[allow(clippy::disallowed_methods)]
impl Checked for Decimal {
    #[inline(never)]
    fn add_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }

    #[inline(never)]
    fn sub_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }

    #[inline(never)]
    fn mul_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }

    #[inline(never)]
    fn div_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_div(other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn exact_or_nothing() {
        assert_eq!(mul(d("16.4"), d("100000000")), Some(d("1640000000")));
        assert_eq!(add(d("0.1"), d("0.2")), Some(d("0.3")));
        // 29 significant digits: Decimal would round, we refuse.
        assert_eq!(
            add(d("4009777777777217177177177770.7"), d("77177770177.73")),
            None
        );
        assert_eq!(mul(d("7777777777777777777777777777"), d("100")), None);
        assert_eq!(mul(d("0.0000000000000000000000000001"), d("0.1")), None);
        assert_eq!(sub(d("5"), d("7.25")), Some(d("-2.25")));
        // Trailing zeros beyond the scale limit are dropped, not rounded.
        assert_eq!(
            mul(d("0.00000000000000000000000000010"), d("10")),
            Some(d("0.000000000000000000000000001"))
        );
    }
}

//! Decimal arithmetic for evaluation: checked ratios and deterministic roots.
//!
//! Ratios are rust_decimal divisions (28 significant digits, rounded). Roots for
//! compound annual growth are computed by Newton's method on decimals only, so results
//! are the same on every platform; they are rounded to 8 decimal places.

use rust_decimal::Decimal;

use crate::exact::Checked;
use crate::{Error, ErrorKind, Result};

/// `a / b`, with division by zero and overflow as errors.
fn overflow(what: &str) -> Error {
    Error::new(ErrorKind::Overflow, format!("{what} overflows"))
}

/// `a + b`, or an overflow error past ±7.9 × 10²⁸ (Decimal's `+` would panic).
pub(crate) fn plus(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.add_checked(b).ok_or_else(|| overflow("an addition"))
}

/// `a − b`, or an overflow error.
pub(crate) fn minus(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.sub_checked(b).ok_or_else(|| overflow("a subtraction"))
}

/// `a × b`, or an overflow error.
pub(crate) fn times(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.mul_checked(b).ok_or_else(|| overflow("a multiplication"))
}

/// `result`, or `fallback` when it is an overflow: for figures that are left out (or
/// judged plainly) when they lie past Decimal's range, while other errors still count.
pub(crate) fn unless_overflow<T>(result: Result<T>, fallback: T) -> Result<T> {
    match result {
        Err(e) if e.kind() == ErrorKind::Overflow => Ok(fallback),
        other => other,
    }
}

pub(crate) fn ratio(a: Decimal, b: Decimal) -> Result<Decimal> {
    if b.is_zero() {
        return Err(Error::new(
            ErrorKind::DivisionByZero,
            "ratio with a zero denominator",
        ));
    }
    a.div_checked(b)
        .ok_or_else(|| Error::new(ErrorKind::Overflow, "ratio overflows"))
}

/// Compound annual growth, in %, from `base` to `end` over `years` years:
/// ((end / base)^(1/years) − 1) × 100, rounded to 8 decimals.
pub(crate) fn cagr(base: Decimal, end: Decimal, years: u32) -> Result<Decimal> {
    if years == 0 {
        return Err(Error::new(
            ErrorKind::DivisionByZero,
            "compound growth over zero years",
        ));
    }
    let r = ratio(end, base)?;
    if r <= Decimal::ZERO {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "compound growth needs positive levels",
        ));
    }
    let root = nth_root(r, years)
        .ok_or_else(|| Error::new(ErrorKind::Overflow, "compound growth overflows"))?;
    Ok(times(minus(root, Decimal::ONE)?, Decimal::ONE_HUNDRED)?.round_dp(8))
}

/// The positive `n`-th root of `r > 0` by Newton's method on decimals.
///
/// It starts from 1 + (r − 1)/n, which by Bernoulli's inequality is never below the
/// root, so the iterates fall monotonically and it stops when they stop falling: about
/// 28 significant digits, the same on every platform, and several times faster than
/// `powd`'s logarithm and exponential series.
fn nth_root(r: Decimal, n: u32) -> Option<Decimal> {
    if n == 1 {
        return Some(r);
    }
    let nd = Decimal::from(n);
    let mut x = Decimal::ONE.add_checked(r.sub_checked(Decimal::ONE)?.div_checked(nd)?)?;
    for _ in 0..200 {
        // x^(n−1) by squaring, with the crate's own checked product: rust_decimal's
        // `checked_powu` would be the WebAssembly module's largest numeric function.
        let (mut p, mut base, mut e) = (Decimal::ONE, x, n - 1);
        while e > 0 {
            if e & 1 == 1 {
                p = p.mul_checked(base)?;
            }
            e >>= 1;
            if e > 0 {
                base = base.mul_checked(base)?;
            }
        }
        if p.is_zero() {
            return None;
        }
        let next = (nd.sub_checked(Decimal::ONE)?)
            .mul_checked(x)?
            .add_checked(r.div_checked(p)?)?
            .div_checked(nd)?;
        if next >= x {
            return Some(x);
        }
        x = next;
    }
    Some(x)
}

/// Compound annual growth, in %, of a chain of annual growth rates (in %).
pub(crate) fn chained_cagr(rates: &[Decimal]) -> Result<Decimal> {
    let mut product = Decimal::ONE;
    for r in rates {
        let factor = plus(Decimal::ONE, ratio(*r, Decimal::ONE_HUNDRED)?)?;
        product = product
            .mul_checked(factor)
            .ok_or_else(|| Error::new(ErrorKind::Overflow, "chained growth overflows"))?;
    }
    cagr(Decimal::ONE, product, rates.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::prelude::MathematicalOps;

    #[test]
    fn cagr_is_deterministic_and_close() {
        let g = cagr(Decimal::from(100), Decimal::from(121), 2).unwrap();
        assert!((g - Decimal::from(10)).abs() < Decimal::new(1, 6), "{g}");
        assert_eq!(
            cagr(Decimal::from(100), Decimal::from(110), 1).unwrap(),
            Decimal::from(10)
        );
        assert!(cagr(Decimal::ZERO, Decimal::ONE, 2).is_err());
        assert!(cagr(Decimal::ONE, Decimal::ONE, 0).is_err());
        for (r, n) in [
            ("1.6", 5u32),
            ("0.59049", 5),
            ("1000", 3),
            ("2", 2),
            ("0.5", 7),
        ] {
            let r: Decimal = r.parse().unwrap();
            let root = nth_root(r, n).unwrap();
            let back = root.checked_powu(u64::from(n)).unwrap();
            assert!(
                (back - r).abs() < Decimal::new(1, 20),
                "{r}^(1/{n}) = {root}"
            );
        }
        assert_eq!(
            nth_root("0.59049".parse().unwrap(), 5)
                .unwrap()
                .round_dp(20),
            Decimal::new(9, 1)
        );
        // A range of years as long as a period holds (1000..9999), in a few squarings.
        let root = nth_root(Decimal::from(2), 8_999).unwrap();
        let back = root.checked_powu(8_999).unwrap();
        assert!(
            (back - Decimal::from(2)).abs() < Decimal::new(1, 18),
            "{back}"
        );
        let chained = chained_cagr(&[Decimal::from(10), Decimal::from(10)]).unwrap();
        assert!(
            (chained - Decimal::from(10)).abs() < Decimal::new(1, 6),
            "{chained}"
        );
    }
}

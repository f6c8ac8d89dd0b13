//! Decimal arithmetic for evaluation: checked ratios and deterministic roots.
//!
//! Ratios are rust_decimal divisions (28 significant digits, rounded). Roots for
//! compound annual growth use rust_decimal's `powd`, which works on decimals only, so
//! results are the same on every platform; they are rounded to 8 decimal places.

use rust_decimal::prelude::MathematicalOps;
use rust_decimal::Decimal;

use crate::{Error, ErrorKind, Result};

/// `a / b`, with division by zero and overflow as errors.
pub(crate) fn ratio(a: Decimal, b: Decimal) -> Result<Decimal> {
    if b.is_zero() {
        return Err(Error::new(
            ErrorKind::DivisionByZero,
            "ratio with a zero denominator",
        ));
    }
    a.checked_div(b)
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
    let root = if years == 1 {
        r
    } else {
        r.checked_powd(Decimal::ONE / Decimal::from(years))
            .ok_or_else(|| Error::new(ErrorKind::Overflow, "compound growth overflows"))?
    };
    Ok(((root - Decimal::ONE) * Decimal::ONE_HUNDRED).round_dp(8))
}

/// Compound annual growth, in %, of a chain of annual growth rates (in %).
pub(crate) fn chained_cagr(rates: &[Decimal]) -> Result<Decimal> {
    let mut product = Decimal::ONE;
    for r in rates {
        let factor = Decimal::ONE + r / Decimal::ONE_HUNDRED;
        product = product
            .checked_mul(factor)
            .ok_or_else(|| Error::new(ErrorKind::Overflow, "chained growth overflows"))?;
    }
    cagr(Decimal::ONE, product, rates.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let chained = chained_cagr(&[Decimal::from(10), Decimal::from(10)]).unwrap();
        assert!(
            (chained - Decimal::from(10)).abs() < Decimal::new(1, 6),
            "{chained}"
        );
    }
}

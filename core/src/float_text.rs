//! The text of a float as Python shows it: how every loader that takes floats
//! (Arrow columns, DataFrame and record cells, spreadsheet numbers) reads them, so a
//! float typed as 16.4 is the exact decimal 16.4 everywhere.

use std::fmt::Write as _;

/// A float type whose shortest text can be written.
pub(crate) trait Shortest: Copy + std::fmt::Display + std::str::FromStr + PartialEq {
    /// Decimal texts of up to this many significant digits are all distinct floats,
    /// so two shortest candidates never tie below it.
    const DISTINCT_DIGITS: usize;
}

impl Shortest for f64 {
    const DISTINCT_DIGITS: usize = 15;
}

impl Shortest for f32 {
    const DISTINCT_DIGITS: usize = 6;
}

/// The shortest text that reads back to the float `x`, as Python's `repr` (and numpy's
/// `str` for a float32) writes it, but without an exponent: 16.4 is "16.4", 0.1 + 0.2
/// is "0.30000000000000004", 1e20 is "100000000000000000000".
///
/// Rust's `Display` gives the same digits except when the float lies exactly halfway
/// between two shortest candidates (135963453209275.625, between …62 and …63): Python
/// takes the even one, Rust the upper. The even one is the value rounded to as many
/// decimals (Rust's fixed-precision formatting rounds the exact value half to even),
/// taken when it is another candidate of no more significant digits that reads back to
/// the same float.
pub(crate) fn shortest_text<F: Shortest>(x: F, out: &mut String) {
    out.clear();
    let _ = write!(out, "{x}");
    let digits = significant_digits(out);
    if digits <= F::DISTINCT_DIGITS {
        return;
    }
    let decimals = out.split_once('.').map_or(0, |(_, f)| f.len());
    let even = format!("{x:.decimals$}");
    if even != *out
        && significant_digits(&even) <= digits
        && even.parse::<F>().is_ok_and(|y| y == x)
    {
        *out = even;
    }
}

/// The significant digits of a number written out in full: 3 for "0.00123", 5 for
/// "123450000000000000000".
fn significant_digits(text: &str) -> usize {
    let digits = text.as_bytes().iter().filter(|b| b.is_ascii_digit());
    let (mut seen, mut last_nonzero, mut count) = (false, 0usize, 0usize);
    for d in digits {
        if !seen && *d == b'0' {
            continue;
        }
        seen = true;
        count += 1;
        if *d != b'0' {
            last_nonzero = count;
        }
    }
    last_nonzero
}

/// Powers of ten exact as `f64` (10^0 … 10^22).
#[cfg(feature = "arrow")]
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The decimal of `x`'s shortest round-trip text ([`shortest_text`] read exactly), computed
/// without writing the text, for the floats a table usually holds: non-zero, finite, with
/// at most 15 significant digits and at most 22 decimals. `None` for any other float
/// (the caller then goes through the text).
///
/// Why it is the same decimal: with `k` the fewest decimals for which some integer `m`
/// gives `m / 10^k` that reads back to `x`, `m × 10^-k` has the fewest significant
/// digits of all round-trip texts (same magnitude, fewer decimals), so it is the
/// shortest text; below 10^15 two such `m` never read back to the same float, so it is
/// the only one. `x × 10^k` is within 0.5 of `m` (both roundings together are under a
/// quarter of a unit there), so `round` finds it, and `m / 10^k` is one correctly
/// rounded division (both operands exact), which is how the text would read back.
#[cfg(feature = "arrow")]
pub(crate) fn shortest_decimal(x: f64) -> Option<rust_decimal::Decimal> {
    const LIMIT: f64 = 1e15;
    if !x.is_finite() || x == 0.0 {
        return None;
    }
    let a = x.abs();
    for (k, p) in EXACT_POWERS.iter().enumerate() {
        let scaled = a * p;
        if scaled >= LIMIT {
            return None;
        }
        let m = scaled.round();
        if m / p == a {
            // m < 10^15: exact as an integer, and within Decimal's 28 digits.
            #[allow(clippy::cast_possible_truncation)]
            let m = m as i64;
            let m = if x < 0.0 { -m } else { m };
            let scale = u32::try_from(k).ok()?;
            return rust_decimal::Decimal::try_from_i128_with_scale(i128::from(m), scale).ok();
        }
    }
    None
}

#[cfg(all(test, feature = "arrow"))]
mod tests {
    use super::*;

    /// The fast path gives the decimal of the shortest text, or nothing.
    fn same(x: f64) {
        let mut text = String::new();
        shortest_text(x, &mut text);
        let slow = rust_decimal::Decimal::from_str_exact(&text).ok();
        if let Some(fast) = shortest_decimal(x) {
            assert_eq!(Some(fast), slow, "{x:?} ({text})");
            assert_eq!(fast.to_string(), text, "{x:?}");
        }
    }

    #[test]
    fn the_fast_decimal_is_the_shortest_texts() {
        for x in [
            16.4,
            0.1 + 0.2,
            4738.01,
            1e-7,
            -2.5,
            18746.0,
            1.5,
            0.3,
            164000.0,
            0.00164,
            999_999_999_999_999.0,
            99_999_999_999_999.9,
            1e14 + 0.25,
            135_963_453_209_275.62,
            1.0 / 3.0,
            2.0 / 3.0,
            1e22,
            1e-22,
            5e-324,
            f64::MAX,
            -0.0,
            0.0,
        ] {
            same(x);
        }
        // Money with two decimals, as the benchmark writes it, and rates with one.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let u = (state >> 11) as f64 / (1u64 << 53) as f64;
            let x = 10f64.powf(u * 14.0 - 4.0);
            same(x);
            same((x * 100.0).round() / 100.0);
            same((x * 10.0).round() / 10.0);
            same(-((x * 1e4).round() / 1e4));
            same(f64::from_bits(state));
        }
        assert_eq!(
            shortest_decimal(16.4).map(|d| d.to_string()).as_deref(),
            Some("16.4")
        );
        assert_eq!(shortest_decimal(0.1 + 0.2), None);
    }
}

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

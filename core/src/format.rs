//! Chinese and English rendering of quantities.
//!
//! Both styles print the exact value (never rounded), so parsing what they print gives
//! back the same quantity. The Chinese style picks the "natural" magnitude word: the
//! largest of 万亿, 亿, 万 that leaves at most two decimals (590亿元, 1.5万人, but
//! 18746人, not 1.8746万人); the English style does the same with trillion, billion and
//! million and at most three decimals, and groups thousands otherwise (18,746 people).

use rust_decimal::Decimal;

use crate::quantity::{Quantity, Style};
use crate::unit::Unit;

const ZH_MAGNITUDES: &[(i64, &str)] = &[
    (1_000_000_000_000, "万亿"),
    (100_000_000, "亿"),
    (10_000, "万"),
];
const EN_MAGNITUDES: &[(i64, &str)] = &[
    (1_000_000_000_000, "trillion"),
    (1_000_000_000, "billion"),
    (1_000_000, "million"),
];

pub(crate) fn format(q: &Quantity, style: Style) -> String {
    let unit = q.unit();
    let stem = unit.stem_unit();
    // Fold a magnitude-prefixed unit (亿元) back into the value; fall back to the unit
    // as declared if that would overflow.
    let (value, stem) = match q.to(stem) {
        Ok(v) => (v.value(), stem),
        Err(_) => (q.value(), unit),
    };
    let value = value.normalize();
    match style {
        Style::Zh => zh(value, stem),
        Style::En => en(value, stem),
    }
}

fn natural(value: Decimal, table: &[(i64, &'static str)], max_dp: u32) -> (Decimal, &'static str) {
    for (m, word) in table {
        let m = Decimal::from(*m);
        if value.abs() >= m {
            if let Some(v) = value.checked_div(m) {
                let v = v.normalize();
                if v.scale() <= max_dp {
                    return (v, word);
                }
            }
        }
    }
    (value, "")
}

fn zh(value: Decimal, unit: Unit) -> String {
    let (v, word) = if unit.takes_magnitudes() {
        natural(value, ZH_MAGNITUDES, 2)
    } else {
        (value, "")
    };
    format!("{v}{word}{}", unit.symbol())
}

fn en(value: Decimal, unit: Unit) -> String {
    let (v, word) = if unit.takes_magnitudes() {
        natural(value, EN_MAGNITUDES, 3)
    } else {
        (value, "")
    };
    let number = if word.is_empty() {
        group_thousands(v)
    } else {
        format!("{v} {word}")
    };
    let name = english_name(v, word, unit);
    match name {
        "" => number,
        "%" | "‰" => format!("{number}{name}"),
        _ => format!("{number} {name}"),
    }
}

/// The singular name for exactly one (1 person, 1 percentage point), when the table
/// knows it; otherwise the plural.
fn english_name(v: Decimal, word: &str, unit: Unit) -> &'static str {
    let name = unit.english();
    if word.is_empty() && v.abs() == Decimal::ONE {
        for singular in SINGULARS {
            if singular.0 == name {
                return singular.1;
            }
        }
    }
    name
}

const SINGULARS: &[(&str, &str)] = &[
    ("people", "person"),
    ("person-times", "person-time"),
    ("percentage points", "percentage point"),
    ("square metres", "square metre"),
    ("hectares", "hectare"),
    ("metres", "metre"),
    ("kilometres", "kilometre"),
    ("tonnes", "tonne"),
    ("days", "day"),
];

fn group_thousands(v: Decimal) -> String {
    let s = v.to_string();
    let (sign, rest) = s.strip_prefix('-').map(|r| ("-", r)).unwrap_or(("", &s));
    let (int, frac) = rest
        .split_once('.')
        .map(|(i, f)| (i, Some(f)))
        .unwrap_or((rest, None));
    if int.len() <= 4 {
        return s;
    }
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Quantity {
        Quantity::parse(s).unwrap()
    }

    #[test]
    fn natural_magnitudes() {
        assert_eq!(q("59000000000元").to_string(), "590亿元");
        assert_eq!(q("18746人").to_string(), "18746人");
        assert_eq!(q("4738.01 亿元").to_string(), "4738.01亿元");
        assert_eq!(q("18.2微克/立方米").to_string(), "18.2微克/立方米");
        assert_eq!(q("3.46 万亿元").to_string(), "3.46万亿元");
    }

    #[test]
    fn english() {
        assert_eq!(q("18746人").format(Style::En), "18,746 people");
        assert_eq!(q("4738.01亿元").format(Style::En), "473.801 billion yuan");
        assert_eq!(q("1人").format(Style::En), "1 person");
        assert_eq!(q("5.5%").format(Style::En), "5.5%");
    }
}

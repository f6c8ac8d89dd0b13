//! Chinese and English rendering of quantities.
//!
//! Both styles print the exact value (never rounded), so parsing what they print gives
//! back the same quantity. The Chinese style picks the "natural" magnitude word: the
//! largest of 万亿, 亿, 万 that leaves at most two decimals (590亿元, 1.5万人, but
//! 18746人, not 1.8746万人); the English style does the same with trillion, billion and
//! million and at most three decimals, and groups thousands otherwise (18,746 people).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::exact::Checked;
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
    let (value, stem) = if stem == unit {
        // Already in its stem: converting would give the same value (or, past
        // Decimal's range, fall back to it).
        (q.value(), unit)
    } else {
        match q.to(stem) {
            Ok(v) => (v.value(), stem),
            Err(_) => (q.value(), unit),
        }
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
            if let Some(v) = shift_down(value, m) {
                let v = v.normalize();
                if v.scale() <= max_dp {
                    return (v, word);
                }
            }
        }
    }
    (value, "")
}

/// `value / m` for a power of ten `m`: the same digits with a larger scale when that
/// scale fits (exactly what the division gives, without dividing), else the division.
fn shift_down(value: Decimal, m: Decimal) -> Option<Decimal> {
    let k = match m.mantissa() {
        10_000 => 4,
        1_000_000 => 6,
        100_000_000 => 8,
        1_000_000_000 => 9,
        1_000_000_000_000 => 12,
        _ => return value.div_checked(m),
    };
    let scale = value.scale().saturating_add(k);
    if m.scale() == 0 && scale <= 28 {
        return Some(Decimal::from_i128_with_scale(value.mantissa(), scale));
    }
    value.div_checked(m)
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
    match &*name {
        "" => number,
        "%" | "‰" => format!("{number}{name}"),
        _ => format!("{number} {name}"),
    }
}

/// The name for the value: singular for exactly one (1 person, 1 percentage point,
/// 1 unit), from the table of irregular names or by the regular English rule.
fn english_name(v: Decimal, word: &str, unit: Unit) -> std::borrow::Cow<'static, str> {
    let name = unit.english();
    if !(word.is_empty() && v.abs() == Decimal::ONE) {
        return name.into();
    }
    if let Some((_, singular)) = SINGULARS.iter().find(|(plural, _)| *plural == name) {
        return (*singular).into();
    }
    singular(name).into()
}

/// Irregular plurals; the rest follow [`singular`].
const SINGULARS: &[(&str, &str)] = &[("people", "person"), ("person-times", "person-time")];

/// The regular singular of an English plural: categories → category, batches →
/// batch, units → unit; names that are not plurals (yuan, aircraft, %) stay.
fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["ches", "shes", "sses", "xes"] {
        if let Some(stem) = name.strip_suffix(ending) {
            return format!("{stem}{}", &ending[..ending.len() - 2]);
        }
    }
    match name.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

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

/// Rounds for reading: two decimals, or four significant ones below one; half away
/// from zero, as statistical tables round.
pub(crate) fn round_for_display(v: Decimal) -> Decimal {
    let dp = if v.abs() >= Decimal::ONE || v.is_zero() {
        2
    } else {
        // Four significant digits: k is the place of the first one after the point.
        let mut k = 0;
        let mut probe = v.abs();
        while probe < Decimal::ONE && k < 24 {
            // probe < 1, so this cannot overflow; ONE ends the loop if it did.
            probe = probe.mul_checked(Decimal::TEN).unwrap_or(Decimal::ONE);
            k += 1;
        }
        k + 3
    };
    v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// A value in a unit, formatted in the language's style and rounded for reading.
///
/// The exact text is kept when it is short (18746人, 9500.97亿元). A money-like value
/// that has no short exact form (72 777 430 200 元 would print as 7277743.02万元) is
/// rounded to two decimals at its largest magnitude word: 727.77亿元, 72.78 billion
/// yuan. Units without magnitude words (%, 微克/立方米) are rounded as
/// [`round_for_display`] does. Used for tables and explanation sentences; the exact
/// value stays in the data.
pub(crate) fn readable(v: Decimal, unit: Unit, style: Style) -> String {
    if !unit.takes_magnitudes() {
        return Quantity::new(round_for_display(v), unit).format(style);
    }
    let exact = Quantity::new(v, unit).format(style);
    if exact.chars().filter(char::is_ascii_digit).count() <= 7 {
        return exact;
    }
    let stem = unit.stem_unit();
    let (value, unit) = match Quantity::new(v, unit).to(stem) {
        Ok(q) => (q.value(), stem),
        Err(_) => (v, unit),
    };
    let magnitudes: [i64; 3] = match style {
        Style::Zh => [1_000_000_000_000, 100_000_000, 10_000],
        Style::En => [1_000_000_000_000, 1_000_000_000, 1_000_000],
    };
    let m = magnitudes
        .into_iter()
        .map(Decimal::from)
        .find(|m| value.abs() >= *m)
        .unwrap_or(Decimal::ONE);
    let rounded = value
        .div_checked(m)
        .map(|x| x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
        .and_then(|x| x.mul_checked(m));
    match rounded {
        Some(r) => Quantity::new(r.normalize(), unit).format(style),
        None => exact,
    }
}

/// A ratio as a percentage with one decimal: 0.745455 → "74.5%".
pub(crate) fn percent(r: Decimal) -> String {
    let Some(p) = r.mul_checked(Decimal::ONE_HUNDRED) else {
        // Past Decimal's range as a percentage: say how many times instead.
        return format!("{}×", r.normalize());
    };
    let p = p.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    // No "-0.0%".
    let p = if p.is_zero() { Decimal::ZERO } else { p };
    format!("{p:.1}%")
}

/// Completion as a percentage that never contradicts the verdict: where one decimal
/// would round a miss up to 100.0% (or show a met target's 100.02% as 100.0% beside
/// a miss), more digits are shown, truncated, up to the six decimals the field keeps:
/// 0.99996 missed → "99.99%".
pub(crate) fn completion_percent(r: Decimal, met: bool) -> String {
    let shown = percent(r);
    if met || shown != "100.0%" || r >= Decimal::ONE {
        return shown;
    }
    let Some(p) = r.mul_checked(Decimal::ONE_HUNDRED) else {
        return shown;
    };
    for dp in 2..=4 {
        let t = p.round_dp_with_strategy(dp, RoundingStrategy::ToZero);
        if t != Decimal::ONE_HUNDRED {
            return format!("{}%", t.normalize());
        }
    }
    format!("{}%", p.normalize())
}

/// Zero in the magnitude and unit a reference value is read in: a zero gap beside
/// 1000亿元 is "0亿元", not "0元".
pub(crate) fn zero_like(reference: Decimal, unit: Unit, style: Style) -> String {
    let shown = readable(reference, unit, style);
    let suffix: String = shown
        .chars()
        .skip_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | ' '))
        .collect();
    match style {
        Style::En if !suffix.is_empty() && !suffix.starts_with(['%', '‰']) => {
            format!("0 {suffix}")
        }
        _ => format!("0{suffix}"),
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
    fn shifting_the_scale_divides_by_a_power_of_ten_exactly() {
        // The digits of every magnitude, at every scale, both signs, against the division.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for m in [
            10_000i64,
            1_000_000,
            100_000_000,
            1_000_000_000,
            1_000_000_000_000,
        ] {
            let m = Decimal::from(m);
            for scale in 0..=28u32 {
                for _ in 0..200 {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let digits = (seed % 30) as u32;
                    let mantissa = i128::from(seed >> 1) % 10i128.pow(digits.min(18)).max(1)
                        * if seed % 3 == 0 { -1 } else { 1 };
                    let v = Decimal::from_i128_with_scale(mantissa, scale);
                    let (a, b) = (shift_down(v, m), v.div_checked(m));
                    assert_eq!(a, b, "{v} / {m}");
                    assert_eq!(
                        a.map(|x| x.normalize().to_string()),
                        b.map(|x| x.normalize().to_string())
                    );
                }
            }
        }
    }

    #[test]
    fn completion_never_contradicts_the_verdict() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(completion_percent(d("0.99996"), false), "99.99%");
        assert_eq!(completion_percent(d("0.999999"), false), "99.99%");
        assert_eq!(completion_percent(d("0.99996"), true), "100.0%");
        assert_eq!(completion_percent(d("0.745455"), false), "74.5%");
        assert_eq!(completion_percent(d("1"), false), "100.0%");
    }

    #[test]
    fn zero_takes_the_reference_magnitude() {
        let u = Unit::parse("元").unwrap();
        assert_eq!(zero_like(d_("100000000000"), u, Style::Zh), "0亿元");
        assert_eq!(
            zero_like(d_("100000000000"), u, Style::En),
            "0 billion yuan"
        );
        assert_eq!(zero_like(d_("5.5"), Unit::percent(), Style::Zh), "0%");
        assert_eq!(
            zero_like(d_("15000"), Unit::parse("人").unwrap(), Style::Zh),
            "0万人"
        );
    }

    fn d_(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn english() {
        assert_eq!(q("18746人").format(Style::En), "18,746 people");
        assert_eq!(q("4738.01亿元").format(Style::En), "473.801 billion yuan");
        assert_eq!(q("1人").format(Style::En), "1 person");
        assert_eq!(q("5.5%").format(Style::En), "5.5%");
        assert_eq!(q("1个").format(Style::En), "1 unit");
        assert_eq!(q("2个").format(Style::En), "2 units");
        assert_eq!(q("1个百分点").format(Style::En), "1 percentage point");
        assert_eq!(q("1吨").format(Style::En), "1 tonne");
    }
}

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

/// Appends `d` as its `Display` writes it (`-1.50`, `0.05`, `0`, `-0`): the
/// mantissa's digits with the point `scale` places from the right, padded with zeros.
/// Explanations write a few numbers per target; this skips the formatter's machinery
/// for the common mantissa that fits a `u64`.
pub(crate) fn push_decimal(out: &mut String, d: Decimal) {
    let Ok(mut m) = u64::try_from(d.mantissa().unsigned_abs()) else {
        use std::fmt::Write as _;
        // Writing into a String cannot fail.
        let _ = write!(out, "{d}");
        return;
    };
    // Up to 20 digits of a u64, padded to Decimal's largest scale (28) plus one.
    let mut buf = [b'0'; 48];
    let mut start = buf.len();
    while m > 0 {
        start -= 1;
        if let Some(b) = buf.get_mut(start) {
            *b = b'0' + (m % 10) as u8;
        }
        m /= 10;
    }
    let scale = d.scale() as usize;
    let start = start.min(buf.len().saturating_sub(scale));
    let digits = buf.get(start..).unwrap_or_default();
    let whole = digits.len().saturating_sub(scale);
    if d.is_sign_negative() {
        out.push('-');
    }
    let (int, frac) = digits.split_at(whole);
    if int.is_empty() {
        out.push('0');
    }
    out.extend(int.iter().map(|&b| char::from(b)));
    if !frac.is_empty() {
        out.push('.');
        out.extend(frac.iter().map(|&b| char::from(b)));
    }
}

fn natural(value: Decimal, table: &[(i64, &'static str)], max_dp: u32) -> (Decimal, &'static str) {
    let digits = u64::try_from(value.mantissa().unsigned_abs()).ok();
    for (m, word) in table {
        // For a power of ten 10^k and a mantissa that fits a u64 (u64 arithmetic: the
        // WebAssembly module has no u128 division to carry), on the mantissa alone:
        // |value| >= 10^k when the mantissa reaches 10^(scale + k), and value / 10^k
        // (the same digits at scale + k) keeps at most `max_dp` decimals when
        // normalized if the mantissa ends in enough zeros.
        let k = u64::try_from(*m).ok().and_then(power_of_ten);
        let shifted = k
            .map(|k| value.scale().saturating_add(k))
            .filter(|s| *s <= 19);
        if let (Some(s), Some(digits)) = (shifted, digits) {
            if digits < 10u64.pow(s) {
                continue;
            }
            if digits % 10u64.pow(s.saturating_sub(max_dp)) == 0 {
                return (
                    Decimal::from_i128_with_scale(value.mantissa(), s).normalize(),
                    word,
                );
            }
            continue;
        }
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

/// `k` when `m` is 10^k (k ≥ 1).
fn power_of_ten(m: u64) -> Option<u32> {
    let k = m.checked_ilog10()?;
    (k > 0 && 10u64.checked_pow(k) == Some(m)).then_some(k)
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
    let symbol = unit.symbol();
    let mut out = String::with_capacity(24 + word.len() + symbol.len());
    push_decimal(&mut out, v);
    out.push_str(word);
    out.push_str(symbol);
    out
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
        let mut n = String::with_capacity(24 + word.len());
        push_decimal(&mut n, v);
        n.push(' ');
        n.push_str(word);
        n
    };
    let name = english_name(v, word, unit);
    let mut out = number;
    match &*name {
        "" => {}
        "%" | "‰" => out.push_str(&name),
        _ => {
            out.push(' ');
            out.push_str(&name);
        }
    }
    out
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
    let mut s = String::with_capacity(32);
    push_decimal(&mut s, v);
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
    // (An ASCII digit is one byte, never part of another character's bytes.)
    if exact.bytes().filter(u8::is_ascii_digit).count() <= 7 {
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
    // One decimal always (74.0%), as `{:.1}` writes it: the rounding left at most one.
    let mut out = String::with_capacity(12);
    push_decimal(&mut out, p);
    out.push_str(if p.scale() == 0 { ".0%" } else { "%" });
    out
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

    /// A xorshift sequence of test inputs, the same every run.
    struct Xorshift(u64);

    impl Xorshift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    /// `natural` as it was written first: by comparing and dividing decimals.
    fn natural_by_division(
        value: Decimal,
        table: &[(i64, &'static str)],
        max_dp: u32,
    ) -> (Decimal, &'static str) {
        for (m, word) in table {
            let m = Decimal::from(*m);
            if value.abs() >= m {
                if let Some(v) = value.div_checked(m) {
                    let v = v.normalize();
                    if v.scale() <= max_dp {
                        return (v, word);
                    }
                }
            }
        }
        (value, "")
    }

    #[test]
    fn magnitude_words_are_picked_as_by_division() {
        let mut rng = Xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..50_000 {
            let seed = rng.next();
            let digits = (seed % 29) as u32;
            let zeros = ((seed >> 8) % 14) as u32;
            let mantissa = (i128::from(seed >> 16) % 10i128.pow(digits.min(16)).max(1))
                .saturating_mul(10i128.pow(zeros))
                * if seed % 2 == 0 { -1 } else { 1 };
            let scale = ((seed >> 40) % 29) as u32;
            let Ok(v) = Decimal::try_from_i128_with_scale(mantissa, scale) else {
                continue;
            };
            let v = v.normalize();
            for (table, dp) in [(ZH_MAGNITUDES, 2), (EN_MAGNITUDES, 3)] {
                let (a, b) = (natural(v, table, dp), natural_by_division(v, table, dp));
                assert_eq!(a, b, "{v}");
                assert_eq!(a.0.to_string(), b.0.to_string(), "{v}");
            }
        }
    }

    #[test]
    fn percentages_keep_one_decimal() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        for (r, want) in [
            ("0.745455", "74.5%"),
            ("0.74", "74.0%"),
            ("1", "100.0%"),
            ("-0.0004", "0.0%"),
            ("-0.12345", "-12.3%"),
            ("12.00051", "1200.1%"),
            ("0.00049", "0.0%"),
            ("0.00051", "0.1%"),
            (
                "790000000000000000000000000",
                "79000000000000000000000000000.0%",
            ),
        ] {
            assert_eq!(percent(d(r)), want, "{r}");
            let p = d(r) * Decimal::ONE_HUNDRED;
            let p = p.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
            let p = if p.is_zero() { Decimal::ZERO } else { p };
            assert_eq!(percent(d(r)), format!("{p:.1}%"), "{r}");
        }
    }

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        let mut rng = Xorshift(0x9e37_79b9_7f4a_7c15);
        let check = |d: Decimal| {
            let mut s = String::from("x");
            push_decimal(&mut s, d);
            assert_eq!(s, format!("x{d}"), "{d:?}");
        };
        for d in [
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::new(0, 3),
            -Decimal::new(0, 3),
            Decimal::new(5, 2),
            Decimal::new(-5, 28),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(i64::MAX, 0),
            Decimal::new(i64::MIN, 5),
            Decimal::from_i128_with_scale(i128::from(u64::MAX), 28),
            Decimal::from_i128_with_scale(i128::from(u64::MAX) + 1, 3),
        ] {
            check(d);
        }
        for _ in 0..20_000 {
            let seed = rng.next();
            let digits = (seed % 29) as u32;
            let mantissa = i128::from(seed >> 3) % 10i128.pow(digits.min(19)).max(1)
                * if seed % 2 == 0 { -1 } else { 1 };
            let scale = ((seed >> 40) % 29) as u32;
            check(Decimal::from_i128_with_scale(mantissa, scale));
            // Past a u64 (and past Decimal's 96 bits, skipped).
            if let Ok(d) = Decimal::try_from_i128_with_scale(mantissa * 1_000_000_000_000, scale) {
                check(d);
            }
        }
    }

    #[test]
    fn shifting_the_scale_divides_by_a_power_of_ten_exactly() {
        // The digits of every magnitude, at every scale, both signs, against the division.
        let mut rng = Xorshift(0x2545_f491_4f6c_dd1d);
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
                    let seed = rng.next();
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

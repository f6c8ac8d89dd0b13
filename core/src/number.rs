//! Numerals: Arabic, full-width, Chinese and mixed, with magnitude words, exactly.
//!
//! One scanner serves every parser (quantities, conditions, observation cells and
//! report text), so a number means the same thing everywhere. It reads at a byte
//! offset and reports where the number ends; it never looks further back than that
//! offset and never allocates per character, so scanning a document is linear.
//!
//! Grammar, informally: an optional sign (`-`, `+`, `负`), then a sequence of digit
//! groups and magnitude words. A digit group is an Arabic number (`1,100`, `16.4`,
//! `1. 6` as PDF extraction leaves it, `1e3`) or Chinese digits (`二〇二四`, `三点五`).
//! Small units 十 百 千 multiply the group before them within a section; big units
//! 万 亿 (and English thousand/million/billion/trillion) close a section, with the
//! usual rule that a larger big unit multiplies everything before it (一万五千亿 =
//! 1.5 × 10^12, 二十万亿 = 2 × 10^13). A lone trailing digit after a unit is read the
//! colloquial way: 两万五 = 25 000, 1万2 = 12 000.

use rust_decimal::Decimal;

use crate::exact::Checked;
use crate::text::{is_space, Cursor, Part};
use crate::unit::Unit;
use crate::{Error, ErrorKind, Result};

/// A number found in text: its exact value and the byte range it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeral {
    pub(crate) value: Decimal,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// True when any Chinese numeral character (not a magnitude word) was used.
    pub(crate) chinese_digits: bool,
}

// The one numeral table of the crate: every parser and the extractor ask these
// functions which characters are Chinese digits and magnitudes.

/// The value of a Chinese digit (零〇 一 二两 … 九).
pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// True for the characters that may begin a Chinese numeral: digits and 十 (十五).
pub(crate) fn is_cn_numeral_start(c: char) -> bool {
    cn_digit(c).is_some() || c == '十'
}

/// True for any character of a Chinese numeral run: digits and magnitude words.
pub(crate) fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// The value of a small magnitude word (十 百 千).
pub(crate) fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// The value of any magnitude word (十 百 千 万 亿): what the extractor multiplies by
/// when a magnitude follows 余/多 ("2.3万余次") or closes a size class.
pub(crate) fn magnitude(c: char) -> Option<Decimal> {
    small_unit(c).map(Decimal::from).or_else(|| big_unit(c))
}

fn big_unit(c: char) -> Option<Decimal> {
    Some(match c {
        '万' => Decimal::from(10_000),
        '亿' => Decimal::from(100_000_000),
        _ => return None,
    })
}

const ENGLISH_MAGNITUDES: &[(&str, i64)] = &[
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
];

fn overflow(src: &str, at: usize) -> Error {
    Error::new(
        ErrorKind::Overflow,
        "number is too large or too long for an exact decimal (at most 28 significant digits, about ±7.9 × 10^28)",
    )
    .with_location(crate::Location::at_byte(src, at))
}

/// Checked arithmetic that reports overflow at a position.
struct Arith<'a> {
    src: &'a str,
    at: usize,
}

impl Arith<'_> {
    // Exact or an error: a numeral with more significant digits than a Decimal holds
    // must not be rounded into a different number.
    fn mul(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        crate::exact::mul(a, b).ok_or_else(|| overflow(self.src, self.at))
    }
    fn add(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        crate::exact::add(a, b).ok_or_else(|| overflow(self.src, self.at))
    }
}

/// Reads an Arabic number (digits, `,` thousands separators, a decimal point possibly
/// followed by spaces, an optional exponent) at the cursor. Returns None when no digit
/// is there.
fn arabic(cur: &mut Cursor<'_>) -> Result<Option<Decimal>> {
    let point_first = leading_point(cur);
    if !cur.peek().is_some_and(|c| c.is_ascii_digit()) && !point_first {
        return Ok(None);
    }
    let start = cur.pos;
    let mut digits = String::new();
    if point_first {
        digits.push('0');
    }
    while let Some(c) = cur.peek() {
        if c.is_ascii_digit() {
            digits.push(c);
            cur.bump();
        } else if c == ',' && followed_by_group_of_three(cur) {
            cur.bump();
        } else if is_space(c) && digits.len() <= 3 {
            // "1 1 00万人": digits broken by spaces in a PDF conversion, joined only when
            // the run ends in a magnitude word or a unit.
            match spaced_digits(cur) {
                Some(more) => digits.push_str(&more),
                None => break,
            }
        } else {
            break;
        }
    }
    // A decimal point counts only when a digit follows (possibly after spaces that
    // PDF extraction inserted: "1. 6万个").
    let mut probe = *cur;
    if probe.peek() == Some('.') {
        probe.bump();
        probe.skip_spaces();
        if probe.peek().is_some_and(|c| c.is_ascii_digit()) {
            *cur = probe;
            digits.push('.');
            while let Some(c) = cur.peek().filter(|c| c.is_ascii_digit()) {
                digits.push(c);
                cur.bump();
            }
        }
    }
    let mut exp: i64 = 0;
    let mut probe = *cur;
    if matches!(probe.peek(), Some('e' | 'E')) {
        probe.bump();
        let neg = match probe.peek() {
            Some('-') => {
                probe.bump();
                true
            }
            Some('+') => {
                probe.bump();
                false
            }
            _ => false,
        };
        let mut n: i64 = 0;
        let mut any = false;
        while let Some(d) = probe.peek().and_then(|c| c.to_digit(10)) {
            probe.bump();
            any = true;
            n = n.saturating_mul(10).saturating_add(d as i64);
        }
        // "5G", "1e" and similar stay outside the number.
        if any && !probe.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            *cur = probe;
            exp = if neg { -n } else { n };
        }
    }
    let src = cur.src;
    let mut value = Decimal::from_str_exact(&digits).map_err(|_| overflow(src, start))?;
    if exp != 0 {
        let ten = Decimal::TEN;
        for _ in 0..exp.unsigned_abs().min(64) {
            value = if exp > 0 {
                crate::exact::mul(value, ten)
            } else {
                crate::exact::mul(value, Decimal::new(1, 1))
            }
            .ok_or_else(|| overflow(src, start))?;
        }
        if exp.unsigned_abs() > 64 && !value.is_zero() {
            return Err(overflow(src, start));
        }
    }
    Ok(Some(value))
}

/// After a space inside Arabic digits: the digits of the spaced groups that follow
/// (single spaces, groups of at most three digits), when the run ends right before a
/// magnitude word or a unit; the cursor moves past them. None leaves it unmoved.
fn spaced_digits(cur: &mut Cursor<'_>) -> Option<String> {
    let mut p = *cur;
    let mut more = String::new();
    for _ in 0..4 {
        let mut q = p;
        if !q.peek().is_some_and(is_space) {
            break;
        }
        q.bump();
        if !q.peek().is_some_and(|c| c.is_ascii_digit()) {
            break;
        }
        let mut group = 0;
        while let Some(c) = q.peek().filter(|c| c.is_ascii_digit()) {
            more.push(c);
            q.bump();
            group += 1;
        }
        if group > 3 {
            return None;
        }
        p = q;
    }
    if more.is_empty() {
        return None;
    }
    let mut q = p;
    q.skip_spaces();
    let ends_in_unit = q.peek().is_some_and(|c| big_unit(c).is_some())
        || Unit::match_prefix(q.src.part(q.pos, q.src.len())).is_some_and(|(u, _)| !u.is_none());
    if !ends_in_unit {
        return None;
    }
    *cur = p;
    Some(more)
}

/// ".5", "-.5": a decimal written without its leading zero (spreadsheets, English
/// style), at the cursor.
fn leading_point(cur: &Cursor<'_>) -> bool {
    cur.peek() == Some('.') && cur.peek2().is_some_and(|c| c.is_ascii_digit())
}

fn followed_by_group_of_three(cur: &Cursor<'_>) -> bool {
    // Folded, so full-width digits ("１,２００") group like ASCII ones.
    let mut it = cur
        .src
        .part(cur.pos, cur.src.len())
        .chars()
        .skip(1)
        .map(crate::text::fold);
    (0..3).all(|_| it.next().is_some_and(|c| c.is_ascii_digit()))
        && !it.next().is_some_and(|c| c.is_ascii_digit())
}

/// Scans a number starting exactly at byte `start` of `src`.
///
/// Returns `Ok(None)` when there is no number there, an overflow error when there is
/// one too large for `Decimal`.
pub(crate) fn scan(src: &str, start: usize) -> Result<Option<Numeral>> {
    let mut cur = Cursor::new(src, start);
    let mut negative = false;
    match cur.peek() {
        Some('-') | Some('负') => {
            let mut probe = cur;
            probe.bump();
            probe.skip_spaces();
            if probe
                .peek()
                .is_some_and(|c| c.is_ascii_digit() || cn_digit(c).is_some())
                || leading_point(&probe)
            {
                negative = true;
                cur = probe;
            } else {
                return Ok(None);
            }
        }
        Some('+') => {
            cur.bump();
        }
        _ => {}
    }
    let mut total = Decimal::ZERO; // closed sections
    let mut section = Decimal::ZERO; // within the current big-unit section
    let mut current: Option<Decimal> = None; // digits not yet multiplied
    let mut current_is_single_digit = false;
    let mut last_big: Option<Decimal> = None;
    let mut last_unit: Option<Decimal> = None; // value of the unit just read
    let mut in_cn_run = false; // the last token was a Chinese digit
    let mut lone_zero = false; // the current digits are a single 零 (一千零十二)
    let mut run_len = 0usize;
    let mut any = false;
    let mut chinese_digits = false;
    let mut end = cur.pos;

    loop {
        let here = cur.pos;
        let ar = Arith { src, at: here };
        let Some(c) = cur.peek() else { break };
        if c.is_ascii_digit() || (!any && current.is_none() && leading_point(&cur)) {
            // "1千零20": Arabic digits after 零 take its place (and are not the
            // colloquial digit of 两万五).
            let after_zero = lone_zero && in_cn_run;
            if current.is_some() && !after_zero {
                break;
            }
            lone_zero = false;
            let before = cur.pos;
            let Some(v) = arabic(&mut cur)? else { break };
            current_is_single_digit = cur.pos - before == 1 && !after_zero;
            in_cn_run = false;
            current = Some(v);
            any = true;
            end = cur.pos;
        } else if let Some(d) = cn_digit(c) {
            if current.is_some() && !in_cn_run {
                break; // "3五" is not a number
            }
            cur.bump();
            chinese_digits = true;
            // Consecutive Chinese digits are positional (二〇二四 = 2024, 零五 = 5).
            let v = match current {
                Some(prev) => ar.add(ar.mul(prev, Decimal::TEN)?, Decimal::from(d))?,
                None => Decimal::from(d),
            };
            run_len = if current.is_some() { run_len + 1 } else { 1 };
            lone_zero = run_len == 1 && d == 0;
            in_cn_run = true;
            current_is_single_digit = run_len == 1;
            current = Some(v);
            any = true;
            end = cur.pos;
            // 三点五: a Chinese decimal point followed by digits; a full stop between
            // Chinese digits is one too (三五一．七八亿, Taiwan usage).
            if matches!(cur.peek(), Some('点' | '.')) && cur.peek2().and_then(cn_digit).is_some() {
                cur.bump();
                let mut frac = String::new();
                while let Some(d) = cur.peek().and_then(cn_digit) {
                    frac.push(char::from_digit(d, 10).unwrap_or('0'));
                    cur.bump();
                }
                let mut whole = current.unwrap_or_default();
                // 两千三点一 = 2300.1: the colloquial digit after a unit keeps its place.
                if run_len == 1 {
                    if let Some(u) = last_unit.filter(|u| *u >= Decimal::from(100)) {
                        whole = ar.mul(whole, u.div_checked(Decimal::TEN).unwrap_or(u))?;
                    }
                }
                let text = format!("{whole}.{frac}");
                current = Some(Decimal::from_str_exact(&text).map_err(|_| overflow(src, here))?);
                current_is_single_digit = false;
                end = cur.pos;
            }
        } else if let Some(u) = small_unit(c) {
            // 千米, 千瓦, 百分点 … are units, not magnitudes.
            if Unit::match_prefix(src.part(cur.pos, src.len())).is_some() {
                break;
            }
            // A small unit needs a digit before it, except 十 at the very start (十五).
            let n = match current {
                // 零十二 is 12: after 零 a bare 十 reads as 一十, as readers say it.
                Some(_) if u == 10 && lone_zero && in_cn_run => Decimal::ONE,
                Some(v) => v,
                None if !any && u == 10 => Decimal::ONE,
                None => break,
            };
            cur.bump();
            section = ar.add(section, ar.mul(n, Decimal::from(u))?)?;
            lone_zero = false;
            current = None;
            // 十点五, 二十点五, 两千点零: a Chinese decimal point after a small unit adds
            // the fraction to the section.
            if let Some(f) = chinese_fraction(&mut cur, src, here)? {
                section = ar.add(section, f)?;
                chinese_digits = true;
            }
            current_is_single_digit = false;
            last_unit = Some(Decimal::from(u));
            in_cn_run = false;
            any = true;
            end = cur.pos;
        } else if let Some(b) = big_unit(c) {
            if !any {
                break;
            }
            if last_big.is_some_and(|l| l == b) {
                break;
            }
            cur.bump();
            close_section(
                &ar,
                &mut total,
                &mut section,
                &mut current,
                &mut last_big,
                b,
            )?;
            last_unit = Some(b);
            current_is_single_digit = false;
            in_cn_run = false;
            lone_zero = false;
            end = cur.pos;
            // 两千万点五五 = 20000000.55: a Chinese decimal point after a big unit.
            if let Some(f) = chinese_fraction(&mut cur, src, here)? {
                total = ar.add(total, f)?;
                chinese_digits = true;
                end = cur.pos;
            }
        } else if matches!(c, '多' | '余' | '几' | '幾' | '餘') && any {
            // "一千多万", "十余万", "二十几万": an approximate part before a big unit
            // is read as its floor; the caller sees the word inside the span.
            let mut probe = cur;
            probe.bump();
            probe.skip_spaces();
            if probe.peek().and_then(big_unit).is_some() {
                cur = probe;
            } else {
                break;
            }
        } else if is_space(c) && any {
            // Spaces may separate a number from a magnitude word ("3.46 万亿", "16.4 billion").
            let mut probe = cur;
            probe.skip_spaces();
            match probe.peek() {
                Some(n) if big_unit(n).is_some() => cur = probe,
                // PDF spacing between the groups of one numeral: "三千 九百 六十五",
                // "7万 5千". Only after a magnitude, and only when the next group
                // carries its own magnitude or ends a Chinese numeral.
                Some(_)
                    if current.is_none()
                        && last_unit.is_some()
                        && spaced_group_follows(&probe, chinese_digits) =>
                {
                    cur = probe
                }
                // "一百 五 十 二": a Chinese digit waiting for its unit, or 多/余/几.
                Some(n)
                    if in_cn_run
                        && current.is_some()
                        && (small_unit(n).is_some()
                            && Unit::match_prefix(src.part(probe.pos, src.len())).is_none()) =>
                {
                    cur = probe
                }
                Some('多' | '余' | '几' | '幾' | '餘') if current.is_none() => cur = probe,
                // "四百 点 五": a spaced decimal point.
                Some('点')
                    if chinese_digits && {
                        let mut q = probe;
                        q.bump();
                        q.skip_spaces();
                        q.peek().and_then(cn_digit).is_some()
                    } =>
                {
                    let mut q = probe;
                    q.bump();
                    q.skip_spaces();
                    let f = chinese_fraction_digits(&mut q, src, here)?;
                    match current.take() {
                        Some(v) => current = Some(ar.add(v, f)?),
                        None => section = ar.add(section, f)?,
                    }
                    current_is_single_digit = false;
                    cur = q;
                    end = cur.pos;
                }
                // PDF spacing before a small unit after Arabic digits: "6 千家次".
                Some(n)
                    if small_unit(n).is_some()
                        && current.is_some()
                        && !in_cn_run
                        && Unit::match_prefix(src.part(probe.pos, src.len())).is_none() =>
                {
                    cur = probe
                }
                Some(n) if n.is_ascii_alphabetic() => {
                    let Some(m) = english_magnitude(&mut probe) else {
                        break;
                    };
                    cur = probe;
                    close_section(
                        &ar,
                        &mut total,
                        &mut section,
                        &mut current,
                        &mut last_big,
                        m,
                    )?;
                    last_unit = Some(m);
                    current_is_single_digit = false;
                    end = cur.pos;
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    let ar = Arith { src, at: end };
    let mut tail = current.unwrap_or(Decimal::ZERO);
    // Colloquial reading of one trailing digit: 两万五 = 25 000, 五千三 = 5300.
    if current.is_some() && current_is_single_digit {
        if let Some(u) = last_unit.filter(|u| *u >= Decimal::from(100)) {
            tail = ar.mul(tail, u.div_checked(Decimal::TEN).unwrap_or(u))?;
        }
    }
    let mut value = ar.add(ar.add(total, section)?, tail)?;
    if negative {
        value = -value;
    }
    Ok(Some(Numeral {
        value: value.normalize(),
        start,
        end,
        chinese_digits,
    }))
}

/// A Chinese decimal point and its digits at the cursor (点五五 = 0.55), consumed.
fn chinese_fraction(cur: &mut Cursor<'_>, src: &str, at: usize) -> Result<Option<Decimal>> {
    if cur.peek() != Some('点') || cur.peek2().and_then(cn_digit).is_none() {
        return Ok(None);
    }
    cur.bump();
    chinese_fraction_digits(cur, src, at).map(Some)
}

/// The digits after a Chinese decimal point (五五 = 0.55), consumed.
fn chinese_fraction_digits(cur: &mut Cursor<'_>, src: &str, at: usize) -> Result<Decimal> {
    let mut frac = String::from("0.");
    while let Some(d) = cur.peek().and_then(cn_digit) {
        frac.push(char::from_digit(d, 10).unwrap_or('0'));
        cur.bump();
    }
    Decimal::from_str_exact(&frac).map_err(|_| overflow(src, at))
}

/// After a space inside a numeral: does a group of the same numeral follow — a
/// Chinese digit after Chinese digits, or Arabic digits followed by a magnitude word
/// (7万 5千)?
fn spaced_group_follows(probe: &Cursor<'_>, chinese: bool) -> bool {
    let mut p = *probe;
    match p.peek() {
        Some(c) if chinese && cn_digit(c).is_some() => {
            p.bump();
            p.peek()
                .is_some_and(|c| small_unit(c).is_some() || big_unit(c).is_some())
                || p.peek().is_none_or(|c| cn_digit(c).is_none())
        }
        Some(c) if !chinese && c.is_ascii_digit() => {
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.bump();
            }
            p.peek()
                .is_some_and(|c| small_unit(c).is_some() || big_unit(c).is_some())
                && Unit::match_prefix(p.src.part(p.pos, p.src.len())).is_none()
        }
        _ => false,
    }
}

fn english_magnitude(cur: &mut Cursor<'_>) -> Option<Decimal> {
    for (word, v) in ENGLISH_MAGNITUDES {
        let mut probe = *cur;
        if probe.eat(word) && !probe.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            *cur = probe;
            return Some(Decimal::from(*v));
        }
    }
    None
}

/// Applies a big unit: a unit larger than the previous one multiplies everything
/// read so far (一万五千亿); a smaller one multiplies only the current section.
fn close_section(
    ar: &Arith<'_>,
    total: &mut Decimal,
    section: &mut Decimal,
    current: &mut Option<Decimal>,
    last_big: &mut Option<Decimal>,
    b: Decimal,
) -> Result<()> {
    let group = ar.add(*section, current.take().unwrap_or(Decimal::ZERO))?;
    if last_big.is_none_or(|l| b > l) {
        *total = ar.mul(ar.add(*total, group)?, b)?;
        *last_big = Some(b);
    } else {
        *total = ar.add(*total, ar.mul(group, b)?)?;
    }
    *section = Decimal::ZERO;
    Ok(())
}

/// Parses a whole string as a number (no unit), exactly.
///
/// ```
/// use planwatch::{parse_number, Decimal};
/// assert_eq!(parse_number("16.4亿")?, Decimal::from(1_640_000_000));
/// assert_eq!(parse_number("一万五千亿")?, Decimal::from(1_500_000_000_000i64));
/// assert_eq!(parse_number("１,２００")?, Decimal::from(1200));
/// assert!(parse_number("1e30亿").is_err()); // overflow is an error, not a panic
/// # Ok::<(), planwatch::Error>(())
/// ```
pub fn parse_number(text: &str) -> Result<Decimal> {
    let mut cur = Cursor::new(text, 0);
    cur.skip_spaces();
    let Some(n) = scan(text, cur.pos)? else {
        return Err(Error::parse_at(text, cur.pos, "a number"));
    };
    let mut cur = Cursor::new(text, n.end);
    cur.skip_spaces();
    if !cur.at_end() {
        return Err(Error::parse_at(text, cur.pos, "end of number"));
    }
    Ok(n.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Decimal {
        parse_number(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn a_decimal_without_its_leading_zero() {
        assert_eq!(n(".5"), "0.5".parse().unwrap());
        assert_eq!(n("-.5"), "-0.5".parse().unwrap());
        assert_eq!(n(".23456000"), "0.23456".parse().unwrap());
        assert!(parse_number(".").is_err());
        assert!(parse_number("1.2.3").is_err());
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(n("十五"), Decimal::from(15));
        assert_eq!(n("一千二百"), Decimal::from(1200));
        assert_eq!(n("一千零五"), Decimal::from(1005));
        assert_eq!(n("二十万亿"), Decimal::from(20_000_000_000_000i64));
        assert_eq!(n("一亿二千万"), Decimal::from(120_000_000));
        assert_eq!(n("两万五"), Decimal::from(25_000));
        assert_eq!(n("二〇二四"), Decimal::from(2024));
        assert_eq!(n("三点五"), "3.5".parse().unwrap());
        // A full stop between Chinese digits (Taiwan usage, full-width or not).
        assert_eq!(n("三五一．七八"), "351.78".parse().unwrap());
        assert_eq!(n("十七.五"), "17.5".parse().unwrap());
    }

    #[test]
    fn zero_before_ten_reads_as_one_ten() {
        // 零 marks a skipped place; 零十二 is 12 (一十二), as readers mean it.
        assert_eq!(n("一千零十二"), Decimal::from(1012));
        assert_eq!(n("一万零十二"), Decimal::from(10_012));
        assert_eq!(n("零十"), Decimal::from(10));
        assert_eq!(n("一百零五"), Decimal::from(105));
        assert_eq!(n("二〇一〇"), Decimal::from(2010));
    }

    #[test]
    fn decimal_point_after_a_small_unit() {
        assert_eq!(n("十点五"), "10.5".parse().unwrap());
        assert_eq!(n("二十点五"), "20.5".parse().unwrap());
        assert_eq!(n("两千点零"), Decimal::from(2000));
        assert_eq!(n("十点五亿"), Decimal::from(1_050_000_000));
    }

    #[test]
    fn approximate_parts_and_more_decimal_points() {
        assert_eq!(n("一千多万"), Decimal::from(10_000_000));
        assert_eq!(n("十余万"), Decimal::from(100_000));
        assert_eq!(n("二十几万"), Decimal::from(200_000));
        assert_eq!(n("500余万"), Decimal::from(5_000_000));
        assert_eq!(n("两千三点一"), "2300.1".parse().unwrap());
        assert_eq!(n("两千万点五五四四"), "20000000.5544".parse().unwrap());
        assert_eq!(n("1千零20"), Decimal::from(1020));
        assert_eq!(n("1千零1"), Decimal::from(1001));
        assert_eq!(n("十 余 万"), Decimal::from(100_000));
        assert_eq!(n("一百 五 十 二"), Decimal::from(152));
        assert_eq!(n("四百 点 五"), "400.5".parse().unwrap());
        // 多 without a magnitude after it is not part of the number.
        assert_eq!(scan("十多个", 0).unwrap().unwrap().value, Decimal::from(10));
    }

    #[test]
    fn pdf_spaces_between_groups() {
        assert_eq!(n("三千 九百 六十五"), Decimal::from(3965));
        assert_eq!(n("7万 5千"), Decimal::from(75_000));
        // A space before an unrelated number ends the numeral.
        assert_eq!(
            scan("3万 5", 0).unwrap().unwrap().value,
            Decimal::from(30_000)
        );
    }

    #[test]
    fn mixed_and_spaced() {
        assert_eq!(n("1万2千"), Decimal::from(12_000));
        assert_eq!(n("3万4000"), Decimal::from(34_000));
        assert_eq!(n("1,100万"), Decimal::from(11_000_000));
        assert_eq!(n("3.46 万亿"), Decimal::from(3_460_000_000_000i64));
        assert_eq!(n("1. 6万"), Decimal::from(16_000));
        assert_eq!(n("16.4 billion"), Decimal::from(16_400_000_000i64));
    }

    #[test]
    fn separators_need_groups_of_three() {
        assert!(parse_number("1,10").is_err());
        assert_eq!(n("12,345,678"), Decimal::from(12_345_678));
    }

    #[test]
    fn overflow_is_an_error() {
        let e = parse_number("1e30亿").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Overflow);
        let e = parse_number("99999999999999999999999999999999").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Overflow);
    }

    #[test]
    fn stops_before_units_that_start_with_a_magnitude_character() {
        let got = scan("3千米", 0).unwrap().unwrap();
        assert_eq!((got.value, got.end), (Decimal::from(3), 1));
    }
}

//! Quantities: an exact decimal value with a unit.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;

use crate::comparator::{prefix_word, suffix_word, Comparator};
use crate::exact::Checked;
use crate::number;
use crate::text::{Cursor, Part};
use crate::unit::{Dimension, Unit};
use crate::{Error, ErrorKind, Result};

/// An exact amount of something: a [`Decimal`] value and a [`Unit`].
///
/// Equality compares amounts, not spellings: `590亿元 == 59000000000元` and
/// `1公顷 == 15亩`. Ordering across dimensions is refused with an error by
/// [`try_cmp`](Quantity::try_cmp); `==` across dimensions is simply `false`.
#[derive(Clone, Copy)]
pub struct Quantity {
    value: Decimal,
    unit: Unit,
}

/// Output style of [`Quantity::format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Style {
    /// Chinese: natural magnitude, no space (590亿元, 1.5万人, 5.5%).
    #[default]
    Zh,
    /// English: million/billion/trillion and the unit's English name (59 billion yuan).
    En,
}

/// A plain, serialisable description of a quantity, as the bindings and the
/// `quantity` example print it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QuantityInfo {
    /// The exact value in `unit`, as a decimal string.
    pub value: String,
    /// The unit symbol.
    pub unit: String,
    /// The dimension name (`money`, `people`, `ratio` …).
    pub dimension: String,
    /// Chinese-style text.
    pub zh: String,
    /// English-style text.
    pub en: String,
}

/// A quantity read from text together with a comparator word next to it, as in
/// "20万人次以上" or "不少于1.5万人".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phrase {
    /// The quantity.
    pub quantity: Quantity,
    /// The comparator the words express, if any.
    pub comparator: Option<Comparator>,
}

impl Quantity {
    /// A quantity of `value` in `unit`.
    pub fn new(value: Decimal, unit: Unit) -> Quantity {
        Quantity { value, unit }
    }

    /// Parses a number with an optional unit. Magnitude words are folded into the
    /// value and the unit is kept as written, so `"590 亿元"` is 59 000 000 000 元 and
    /// `"15 公顷"` is 15 公顷.
    ///
    /// ```
    /// use planwatch::{Quantity, Decimal};
    /// let q = Quantity::parse("590 亿元")?;
    /// assert_eq!(q.value(), Decimal::from(59_000_000_000i64));
    /// assert_eq!(q.unit().symbol(), "元");
    /// assert_eq!(q.to_string(), "590亿元");
    /// assert_eq!(Quantity::parse("百分之三十五")?.to_string(), "35%");
    /// assert!(Quantity::parse("590 furlongs").is_err());
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Quantity> {
        let mut cur = Cursor::new(text, 0);
        cur.skip_spaces();
        let Some((q, end)) = Quantity::scan(text, cur.pos)? else {
            return Err(Error::parse_at(text, cur.pos, "a number"));
        };
        let mut cur = Cursor::new(text, end);
        cur.skip_spaces();
        if !cur.at_end() {
            let expected = if q.unit.is_none() {
                "a unit or the end of the quantity"
            } else {
                "the end of the quantity"
            };
            return Err(Error::parse_at(text, cur.pos, expected));
        }
        Ok(q)
    }

    /// Reads a quantity starting exactly at byte `start` of `src`; returns it and the
    /// byte offset where it ends, or `None` when no number starts there.
    pub(crate) fn scan(src: &str, start: usize) -> Result<Option<(Quantity, usize)>> {
        let mut cur = Cursor::new(src, start);
        // 百分之三十五 / 千分之五: the unit comes first.
        for (word, unit) in [("百分之", "%"), ("千分之", "‰")] {
            let mut probe = cur;
            if probe.eat_spaced(word) {
                probe.skip_spaces();
                // 百分之百 = 100%.
                if unit == "%" && probe.peek() == Some('百') {
                    let mut after = probe;
                    after.bump();
                    if number::scan(src, after.pos)?.is_none() {
                        return Ok(Some((
                            Quantity::new(Decimal::ONE_HUNDRED, Unit::parse(unit)?),
                            after.pos,
                        )));
                    }
                }
                if let Some(n) = number::scan(src, probe.pos)? {
                    return Ok(Some((Quantity::new(n.value, Unit::parse(unit)?), n.end)));
                }
            }
        }
        // 翻一番 = ×2, 翻两番 = ×4: the number counts doublings (翻了一番 alike).
        if cur.eat("翻") {
            cur.eat("了");
            if let Some(n) = number::scan(src, cur.pos)? {
                let mut after = Cursor::new(src, n.end);
                if after.eat("番") && n.value.is_integer() && n.value >= Decimal::ZERO {
                    let times = two_to_the(n.value, src, start)?;
                    return Ok(Some((Quantity::new(times, Unit::parse("倍")?), after.pos)));
                }
            }
            return Ok(None);
        }
        // 半成 = 5%.
        if cur.eat("半成") && !cur.peek().is_some_and(is_cheng_word) {
            return Ok(Some((
                Quantity::new(Decimal::from(5), Unit::parse("%")?),
                cur.pos,
            )));
        }
        let Some(n) = number::scan(src, start)? else {
            return Ok(None);
        };
        let mut cur = Cursor::new(src, n.end);
        cur.skip_spaces();
        // X成 = X × 10%; a digit or 半 after it adds tenths of it (七成六 = 76%,
        // 三成半 = 35%).
        if cur.peek() == Some('成') && !cur.peek2().is_some_and(is_cheng_word) {
            cur.bump();
            let mut v = crate::exact::mul(n.value, Decimal::TEN)
                .ok_or_else(|| Error::new(ErrorKind::Overflow, "percentage overflows"))?;
            let mut probe = cur;
            probe.skip_spaces();
            let tenth = match probe.peek() {
                Some('半') => Some(Decimal::from(5)),
                Some(c) => number::cn_digit(c).filter(|d| *d > 0).map(Decimal::from),
                None => None,
            };
            if let Some(t) = tenth {
                let mut after = probe;
                after.bump();
                // Only a digit that ends the numeral: "七成六" but not "三成六个".
                let rest = src.part(after.pos, src.len());
                let ends = !rest.chars().next().is_some_and(|c| {
                    number::is_cn_numeral_char(c) || c.is_ascii_digit() || c == '成'
                }) && Unit::match_prefix(rest).is_none();
                if ends {
                    v = crate::exact::add(v, t)
                        .ok_or_else(|| Error::new(ErrorKind::Overflow, "percentage overflows"))?;
                    cur = after;
                }
            }
            return Ok(Some((Quantity::new(v, Unit::parse("%")?), cur.pos)));
        }
        match Unit::match_prefix(src.part(cur.pos, src.len())) {
            Some((unit, len)) => Ok(Some((Quantity::new(n.value, unit), cur.pos + len))),
            None => Ok(Some((Quantity::new(n.value, Unit::NONE), n.end))),
        }
    }

    /// How `unit` reads right after a plain decimal number (`16.4` and `亿元`): the
    /// factor of its magnitude word (万, 亿 or 万亿, else 1) and the unit after it. `None`
    /// when reading `"{number}{unit}"` takes more than that (a small magnitude such as
    /// 千, 成, a space, a word the number scanner reads …): [`Quantity::parse`] then
    /// reads it. A table's distinct unit texts are read so once each, not once a row.
    pub(crate) fn unit_after_number(unit: &str) -> Option<(Decimal, Unit)> {
        let (factor, rest) = [
            ("万亿", 1_000_000_000_000i64),
            ("亿", 100_000_000),
            ("万", 10_000),
        ]
        .into_iter()
        .find_map(|(word, f)| Some((Decimal::from(f), unit.strip_prefix(word)?)))
        .unwrap_or((Decimal::ONE, unit));
        // A character the number scanner might read on with (digits, magnitudes, a
        // point, an exponent, 多/余/几 …) leaves the text to it.
        let scanner_reads_on = |c: char| {
            number::is_cn_numeral_char(c)
                || c.is_ascii_digit()
                || crate::text::is_space(c)
                || matches!(
                    c,
                    '.' | ',' | '点' | '成' | '多' | '余' | '几' | '幾' | '餘' | 'e' | 'E'
                )
        };
        if rest.chars().next().is_some_and(scanner_reads_on) {
            return None;
        }
        let read = match rest {
            "" => Unit::NONE,
            _ => match Unit::match_prefix(rest) {
                Some((u, len)) if len == rest.len() => u,
                _ => return None,
            },
        };
        // Insurance, once per unit text: the scanner reads two numbers in it alike.
        for number in ["1", "-12.5"] {
            let fast = Quantity::after_number(number, (factor, read))?;
            let slow = Quantity::parse(&format!("{number}{unit}")).ok()?;
            if (fast.value, fast.unit) != (slow.value, slow.unit)
                || fast.value.scale() != slow.value.scale()
            {
                return None;
            }
        }
        Some((factor, read))
    }

    /// `number` in a unit read by [`unit_after_number`](Quantity::unit_after_number):
    /// exactly what [`Quantity::parse`] reads from `"{number}{unit}"` (the same value,
    /// normalized as the scanner leaves it), when `number` is a plain decimal (an
    /// optional minus, ASCII digits, an optional point and digits) whose product fits.
    /// `None` otherwise: the scanner then reads the text, or reports it.
    pub(crate) fn after_number(number: &str, (factor, unit): (Decimal, Unit)) -> Option<Quantity> {
        let digits = number.strip_prefix('-').unwrap_or(number);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
        let plain = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if !(plain(whole) && plain(fraction)) {
            return None;
        }
        let mut value = Decimal::from_str_exact(number).ok()?;
        if factor != Decimal::ONE {
            value = crate::exact::mul(value, factor)?;
        }
        Some(Quantity::new(value.normalize(), unit))
    }

    /// Parses a quantity with comparator words around it: "20万人次以上",
    /// "不少于1.5万人", "约6%".
    ///
    /// ```
    /// use planwatch::{Comparator, Quantity};
    /// let p = Quantity::parse_phrase("20万人次以上")?;
    /// assert_eq!(p.quantity.to_string(), "20万人次");
    /// assert_eq!(p.comparator, Some(Comparator::Ge));
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn parse_phrase(text: &str) -> Result<Phrase> {
        let mut cur = Cursor::new(text, 0);
        cur.skip_spaces();
        let mut comparator = None;
        if let Some((c, len)) = prefix_word(text.part(cur.pos, text.len())) {
            comparator = Some(c);
            cur.pos += len;
            cur.skip_spaces();
        }
        let Some((quantity, end)) = Quantity::scan(text, cur.pos)? else {
            return Err(Error::parse_at(text, cur.pos, "a number"));
        };
        let mut cur = Cursor::new(text, end);
        cur.skip_spaces();
        if let Some((c, len)) = suffix_word(text.part(cur.pos, text.len())) {
            if comparator.is_some_and(|p| p != c) {
                return Err(Error::parse_at(text, cur.pos, "no second comparator word"));
            }
            comparator = Some(c);
            cur.pos += len;
            cur.skip_spaces();
        }
        if !cur.at_end() {
            return Err(Error::parse_at(
                text,
                cur.pos,
                "the end of the quantity phrase",
            ));
        }
        Ok(Phrase {
            quantity,
            comparator,
        })
    }

    /// The value and unit symbol as stored, for error messages: formatting may itself
    /// convert, so messages about conversions must not go through it.
    fn raw(&self) -> String {
        format!("{}{}", self.value, self.unit.symbol())
    }

    /// The exact value, in [`unit`](Quantity::unit).
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The unit.
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The dimension of the unit.
    pub fn dimension(&self) -> Dimension {
        self.unit.dimension()
    }

    fn same_dimension(&self, other: Dimension, what: &str) -> Result<()> {
        if self.dimension() == other {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::DimensionMismatch,
                format!(
                    "cannot {what} {} ({}) and {other}",
                    self.raw(),
                    self.dimension()
                ),
            ))
        }
    }

    /// Converts to another unit of the same dimension, exactly. A conversion whose
    /// result has no exact decimal form (1 亩 in m² is 666.66…) is an
    /// [`ErrorKind::InexactConversion`] error; use [`to_rounded`](Quantity::to_rounded)
    /// to ask for rounding explicitly.
    ///
    /// ```
    /// use planwatch::{Quantity, Unit};
    /// let ha = Quantity::parse("2公顷")?;
    /// assert_eq!(ha.to(Unit::parse("亩")?)?.to_string(), "30亩");
    /// assert!(Quantity::parse("1亩")?.to(Unit::parse("平方米")?).is_err());
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn to(&self, unit: Unit) -> Result<Quantity> {
        let (n, d) = self.ratio_to(unit)?;
        let overflow = || Error::new(ErrorKind::Overflow, "conversion overflows");
        let scaled = crate::exact::mul(self.value, n).ok_or_else(overflow)?;
        if d == Decimal::ONE {
            return Ok(Quantity::new(scaled.normalize(), unit));
        }
        let value = scaled.div_checked(d).ok_or_else(overflow)?;
        // The quotient is exact when it multiplies back to the dividend exactly; a
        // rounded one (1亩 = 666.666…7 m²) does not.
        if crate::exact::mul(value, d) != Some(scaled) {
            return Err(Error::new(
                ErrorKind::InexactConversion,
                format!("{} has no exact decimal value in {unit}", self.raw()),
            ));
        }
        Ok(Quantity::new(value.normalize(), unit))
    }

    /// Converts to another unit of the same dimension, rounding the result to `dp`
    /// decimal places (half away from zero). Exact conversions are not rounded.
    pub fn to_rounded(&self, unit: Unit, dp: u32) -> Result<Quantity> {
        match self.to(unit) {
            Err(e) if e.kind() == ErrorKind::InexactConversion => {
                let (n, d) = self.ratio_to(unit)?;
                let value = self
                    .value
                    .mul_checked(n)
                    .and_then(|v| v.div_checked(d))
                    .ok_or_else(|| Error::new(ErrorKind::Overflow, "conversion overflows"))?;
                let value = value.round_dp_with_strategy(
                    dp,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
                Ok(Quantity::new(value.normalize(), unit))
            }
            other => other,
        }
    }

    /// The exact ratio (numerator, denominator) that converts a value in this
    /// quantity's unit to `unit`.
    fn ratio_to(&self, unit: Unit) -> Result<(Decimal, Decimal)> {
        self.same_dimension(unit.dimension(), "convert between")?;
        let (fa_n, fa_d) = self.unit.factor()?;
        let (fb_n, fb_d) = unit.factor()?;
        let overflow = || Error::new(ErrorKind::Overflow, "conversion factor overflows");
        let n = fa_n.mul_checked(fb_d).ok_or_else(overflow)?;
        let d = fa_d.mul_checked(fb_n).ok_or_else(overflow)?;
        Ok((n, d))
    }

    /// Compares two quantities of the same dimension exactly (by cross-multiplying the
    /// unit factors, so no rounding happens). Different dimensions are an error.
    ///
    /// ```
    /// use planwatch::Quantity;
    /// use std::cmp::Ordering;
    /// let a = Quantity::parse("1公顷")?;
    /// let b = Quantity::parse("15亩")?;
    /// assert_eq!(a.try_cmp(&b)?, Ordering::Equal);
    /// assert!(a.try_cmp(&Quantity::parse("5%")?).is_err());
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn try_cmp(&self, other: &Quantity) -> Result<Ordering> {
        let (n, d) = other.ratio_to(self.unit)?;
        // Same scale: compare the values themselves, which cannot overflow.
        if n == d {
            return Ok(self.value.cmp(&other.value));
        }
        let overflow = || Error::new(ErrorKind::Overflow, "comparison overflows");
        // self.value vs other.value * n / d  <=>  self.value * d vs other.value * n (d > 0).
        let lhs = crate::exact::mul(self.value, d).ok_or_else(overflow)?;
        let rhs = crate::exact::mul(other.value, n).ok_or_else(overflow)?;
        Ok(lhs.cmp(&rhs))
    }

    /// `self - other`, in `self`'s unit. Exact when `other` converts exactly.
    pub fn checked_sub(&self, other: &Quantity) -> Result<Quantity> {
        let other = other.to(self.unit)?;
        let v = crate::exact::sub(self.value, other.value)
            .ok_or_else(|| Error::new(ErrorKind::Overflow, "difference overflows"))?;
        Ok(Quantity::new(v.normalize(), self.unit))
    }

    /// Formats in the given style; `to_string()` is the Chinese style.
    ///
    /// ```
    /// use planwatch::{Quantity, Style};
    /// let q = Quantity::parse("590亿元")?;
    /// assert_eq!(q.format(Style::En), "59 billion yuan");
    /// assert_eq!(Quantity::parse("1.5 万人")?.format(Style::Zh), "1.5万人");
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn format(&self, style: Style) -> String {
        crate::format::format(self, style)
    }

    /// Formats for reading rather than for exchange: short exact values as they are
    /// (18746人), long ones rounded to two decimals at their largest magnitude word
    /// (72 777 430 200元 → 727.77亿元). Not round-trip exact; use
    /// [`format`](Quantity::format) for that.
    pub fn format_readable(&self, style: Style) -> String {
        crate::format::readable(self.value, self.unit, style)
    }

    /// A plain description with both renderings, for printing and for the bindings.
    pub fn info(&self) -> QuantityInfo {
        QuantityInfo {
            value: self.value.normalize().to_string(),
            unit: self.unit.symbol().to_string(),
            dimension: self.dimension().name().to_string(),
            zh: self.format(Style::Zh),
            en: self.format(Style::En),
        }
    }
}

/// Characters after 成 that make it a verb or noun rather than "tenths" (成立, 成果 …).
fn is_cheng_word(c: char) -> bool {
    matches!(
        c,
        '立' | '果' | '为' | '功' | '交' | '本' | '员' | '效' | '熟' | '长' | '就' | '型' | '都'
    )
}

fn two_to_the(n: Decimal, src: &str, at: usize) -> Result<Decimal> {
    let mut v = Decimal::ONE;
    let mut i = Decimal::ZERO;
    while i < n {
        v = crate::exact::mul(v, Decimal::TWO).ok_or_else(|| {
            Error::new(ErrorKind::Overflow, "翻番 overflows")
                .with_location(crate::Location::at_byte(src, at))
        })?;
        // i stays below 100: the doubling overflows first.
        i = i.add_checked(Decimal::ONE).unwrap_or(n);
    }
    Ok(v)
}

impl PartialEq for Quantity {
    fn eq(&self, other: &Quantity) -> bool {
        matches!(self.try_cmp(other), Ok(Ordering::Equal))
    }
}

/// `==` is an order: equal amounts compare equal whatever their units, and a quantity
/// always equals itself.
impl Eq for Quantity {}

/// Consistent with `==`, which compares amounts across units (1公顷 == 15亩): the
/// dimension and the amount in the dimension's base unit (the exact product with the
/// unit's factor, divided once by its denominator and normalised, so equal amounts give
/// the same decimal). An amount whose product leaves Decimal's range (about ±7.9 ×
/// 10²⁸ in base units) hashes by its dimension and sign only, which is coarse but
/// still consistent.
impl std::hash::Hash for Quantity {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.dimension().hash(state);
        let base = self.unit.factor().ok().and_then(|(num, den)| {
            crate::exact::mul(self.value, num).and_then(|v| v.div_checked(den))
        });
        match base {
            Some(v) => v.normalize().hash(state),
            None => (self.value.is_zero(), self.value.is_sign_negative()).hash(state),
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(Style::Zh))
    }
}

impl fmt::Debug for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Quantity({} {:?})", self.value, self.unit.symbol())
    }
}

impl std::str::FromStr for Quantity {
    type Err = Error;
    fn from_str(s: &str) -> Result<Quantity> {
        Quantity::parse(s)
    }
}

/// The value of a serialized quantity: [`crate::schema::normal_decimal`].
struct Normal(Decimal);

impl serde::Serialize for Normal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        crate::schema::normal_decimal(&self.0, s)
    }
}

/// Serialised as `{"value": "59000000000", "unit": "元"}`: the value is a string so that
/// it stays exact through JSON and JavaScript.
impl serde::Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.serialize_with_unit(self.unit.symbol(), s)
    }
}

impl Quantity {
    /// Serialised as [`Quantity`] is, with `unit` written for its unit.
    pub(crate) fn serialize_with_unit<S: serde::Serializer>(
        &self,
        unit: &str,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Quantity", 2)?;
        // Marked as a decimal (`crate::schema::DECIMAL`), written without trailing zeros.
        st.serialize_field("value", &Normal(self.value))?;
        st.serialize_field("unit", unit)?;
        st.end()
    }
}

/// Deserialised from either the string form (`"590亿元"`) or the structured form
/// (`{"value": "590", "unit": "亿元"}`; the value may be a string or an integer —
/// fractional JSON numbers are refused because they are not exact).
impl<'de> serde::Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Quantity, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Value {
            Text(String),
            Int(i64),
        }
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Text(String),
            Parts { value: Value, unit: String },
        }
        use serde::de::Error as _;
        match Repr::deserialize(d)? {
            Repr::Text(s) => Quantity::parse(&s).map_err(D::Error::custom),
            Repr::Parts { value, unit } => {
                let unit = Unit::parse(&unit).map_err(D::Error::custom)?;
                let value = match value {
                    Value::Int(i) => Decimal::from(i),
                    Value::Text(s) => number::parse_number(&s).map_err(D::Error::custom)?,
                };
                Ok(Quantity::new(value, unit))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash_of(q: &Quantity) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        q.hash(&mut h);
        h.finish()
    }

    /// The table reader's shortcut for a plain number and a unit reads exactly what the
    /// scanner reads from the two written together: same value, same scale, same unit.
    /// Every unit name with every magnitude prefix and a few texts the scanner reads on
    /// with, against plain numbers of every shape (signs, leading zeros, 28 digits and
    /// more, zeros with a scale).
    #[test]
    fn a_plain_number_and_unit_read_as_the_scanner_reads_them() {
        let mut units = crate::unit::all_names();
        for odd in [
            "",
            "1",
            " 元",
            "元 ",
            "亿 元",
            "万万",
            "亿万",
            "万亿",
            "万亿元",
            "e",
            "E5",
            "成",
            "点五",
            "多万",
            "几",
            ",000",
            ".5",
            "5",
            "五",
            "两",
            "千元",
            "百分点",
            "个百分点",
            "千米",
            "%",
            "％",
            "倍",
            "亿元/年",
            "万人次",
            "billion",
            " billion",
            "k",
            "万 人",
        ] {
            units.push(odd.to_string());
        }
        let mut numbers: Vec<String> = [
            "0",
            "-0",
            "-0.0",
            "0.000",
            "007",
            "16.4",
            "16.40",
            "-16.4",
            "1640000000",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "1.0000000000000000000000000001",
            "0.0000000000000000000000000001",
            "0.00000000000000000000000000001",
            "99999999999999999999.99999999",
            "12345678901234567890.123",
            "5",
            "1.",
            ".5",
            "1e5",
            "1,000",
            "+5",
            "- 5",
            "1 000",
        ]
        .map(String::from)
        .to_vec();
        // Random plain numbers: 1–30 whole digits, 0–30 fraction digits, either sign.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..400 {
            let mut s = String::new();
            if next(3) == 0 {
                s.push('-');
            }
            for _ in 0..1 + next(30) {
                s.push(char::from(b'0' + next(10) as u8));
            }
            let fraction = next(31);
            if fraction > 0 {
                s.push('.');
                for _ in 0..fraction {
                    s.push(char::from(b'0' + next(10) as u8));
                }
            }
            numbers.push(s);
        }
        let (mut fast, mut read_units) = (0, 0);
        for unit in &units {
            let Some(read) = Quantity::unit_after_number(unit) else {
                continue;
            };
            read_units += 1;
            for number in &numbers {
                let Some(q) = Quantity::after_number(number, read) else {
                    continue;
                };
                fast += 1;
                let text = format!("{number}{unit}");
                let slow = Quantity::parse(&text).unwrap_or_else(|e| {
                    panic!("{text:?}: the shortcut read {q:?}, the scanner {e}")
                });
                assert_eq!(
                    (q.value, q.value.scale(), q.unit),
                    (slow.value, slow.value.scale(), slow.unit),
                    "{text:?}"
                );
            }
        }
        // The shortcut is taken: most unit names, most plain numbers.
        assert!(read_units > 500, "{read_units} unit texts read");
        assert!(fast > 100_000, "{fast} quantities read by the shortcut");
        for unit in ["亿元", "万元", "元", "人", "%", "", "万人次"] {
            assert!(Quantity::unit_after_number(unit).is_some(), "{unit:?}");
        }
        for unit in ["千元", " 元", "成", "万万", "点五", "e"] {
            assert!(Quantity::unit_after_number(unit).is_none(), "{unit:?}");
        }
    }

    #[test]
    fn equal_amounts_hash_alike_across_units() {
        let q = |s: &str| Quantity::parse(s).unwrap();
        for (a, b) in [
            ("1公顷", "15亩"),
            ("590亿元", "59000000000元"),
            ("1.50万人", "15000人"),
        ] {
            assert_eq!(q(a), q(b));
            assert_eq!(hash_of(&q(a)), hash_of(&q(b)), "{a} and {b}");
        }
        // Finer than dimension and sign: different amounts usually differ.
        assert_ne!(hash_of(&q("1公顷")), hash_of(&q("16亩")));
        assert_ne!(hash_of(&q("3个")), hash_of(&q("3家")));
    }

    #[test]
    fn phrase_keeps_the_comparator_word() {
        let p = Quantity::parse_phrase("不少于 1.5 万人").unwrap();
        assert_eq!(p.comparator, Some(Comparator::Ge));
        assert_eq!(p.quantity.value(), Decimal::from(15_000));
        assert!(Quantity::parse_phrase("超过5%以下").is_err());
    }

    #[test]
    fn doubling() {
        assert_eq!(Quantity::parse("翻两番").unwrap().to_string(), "4倍");
        assert_eq!(Quantity::parse("翻了一番").unwrap().to_string(), "2倍");
        assert_eq!(Quantity::parse("3成").unwrap().to_string(), "30%");
    }

    #[test]
    fn tenths_after_cheng() {
        let pct = |s: &str| Quantity::parse(s).map(|q| q.to_string());
        assert_eq!(pct("七成六").unwrap(), "76%");
        assert_eq!(pct("七成 六").unwrap(), "76%");
        assert_eq!(pct("三成半").unwrap(), "35%");
        assert_eq!(pct("半成").unwrap(), "5%");
        // A digit that begins another numeral or a count is not a tenth.
        assert!(pct("三成六个").is_err());
        assert_eq!(
            Quantity::scan("三成六个", 0)
                .unwrap()
                .map(|(q, _)| q.to_string()),
            Some("30%".to_string())
        );
    }

    #[test]
    fn serde_forms() {
        let q: Quantity = serde_json::from_str("\"1.5万人\"").unwrap();
        assert_eq!(q.value(), Decimal::from(15_000));
        let q: Quantity = serde_json::from_str(r#"{"value":"590","unit":"亿元"}"#).unwrap();
        assert_eq!(q, Quantity::parse("590亿元").unwrap());
        assert_eq!(
            serde_json::to_string(&Quantity::parse("590亿元").unwrap()).unwrap(),
            r#"{"value":"59000000000","unit":"元"}"#
        );
        assert!(serde_json::from_str::<Quantity>(r#"{"value":1.5,"unit":"人"}"#).is_err());
    }
}

//! Targets (目标) and the condition syntax of SPEC §5.

use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::comparator::Comparator;
use crate::indicator::{Kind, Provenance};
use crate::period::Period;
use crate::quantity::Quantity;
use crate::text::{Cursor, Part as _};
use crate::unit::Unit;
use crate::{Error, Result};

/// The comparator of a bare number in a plan ("新增义务教育学位10320座", "增长5.5%"): a
/// floor. This is the one place that default is written down.
pub const BARE_NUMBER_COMPARATOR: Comparator = Comparator::Ge;

/// Words that make a condition a growth condition ("增长5.5%", "同比增长不低于5%",
/// "growth >= 5%"): longest first. A plan file's condition may start with one; the
/// indicator is then a growth measure unless it declares another (the default is
/// written in [`Measure::implied`](crate::Measure::implied)).
pub const GROWTH_WORDS: [&str; 6] = ["同比增长", "增长率", "增长", "增速", "增幅", "growth"];

/// Splits a leading growth word off a condition text: the byte length of the word and
/// the spaces after it, or 0 when the text does not start with one.
pub(crate) fn growth_prefix(text: &str) -> usize {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    for w in GROWTH_WORDS {
        if let Some(rest) = t.strip_prefix(w) {
            let after = rest.trim_start();
            return lead + w.len() + (rest.len() - after.len());
        }
    }
    0
}

/// Words of a fall that a condition may start with ("下降3%" is `<= -3%`).
const FALL_WORDS: [&str; 5] = ["下降", "降低", "减少", "压减", "下调"];

/// Words of a rise that a condition may start with ("提高1个百分点" is `>= 1个百分点`,
/// "提高到65%" is `>= 65%`).
const RISE_WORDS: [&str; 3] = ["提高", "提升", "上升"];

/// Stretch markers: a tier of the target, never part of its condition.
const STRETCH_WORDS: [&str; 3] = ["力争", "争取", "努力"];

/// Base target or the 力争/争取 stretch tier above it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// The target proper.
    #[default]
    Base,
    /// 力争 / 争取 / 努力: a higher tier reported on its own.
    Stretch,
}

impl Tier {
    /// Both tiers, in declaration order.
    pub const ALL: [Tier; 2] = [Tier::Base, Tier::Stretch];

    /// The serde name.
    pub fn name(&self) -> &'static str {
        crate::schema::variant_name(self)
    }
}

/// The condition a target sets on its indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// `>= v`, `> v`, `<= v`, `< v` or `= v`.
    Compare {
        /// One of Ge, Gt, Le, Lt, Eq.
        op: Comparator,
        /// The target value.
        value: Quantity,
    },
    /// `~ v`, within a tolerance (default: ±0.5 percentage points for rates, ±5% of
    /// the value for levels).
    Approx {
        /// The target value.
        value: Quantity,
        /// Explicit tolerance: in the value's dimension (absolute), in percentage
        /// points for a rate, or in % of the value for a level.
        tolerance: Option<Quantity>,
    },
    /// Inside the inclusive range `[low, high]`.
    Between {
        /// Lower bound.
        low: Quantity,
        /// Upper bound.
        high: Quantity,
    },
    /// A value assigned elsewhere (完成市级下达指标任务), bound later by key; pending until then.
    Reference {
        /// The comparator, or None to follow the indicator's polarity (`<=` for
        /// lower-is-better, `>=` otherwise).
        op: Option<Comparator>,
        /// The reference key (`city_quota`).
        key: String,
    },
    /// A milestone to be done by a date.
    Done {
        /// The deadline (inclusive).
        by: Date,
    },
}

impl Condition {
    /// Parses the condition syntax: `">= 1.5万人"`, `"> 590亿元"`, `"≥ 5.5%"`,
    /// `"~ 6%"`, `"~ 6% ± 0.3个百分点"`, `"between 1 and 2 个"`, `"1-2个"`,
    /// `"3至5个"`, `"<= ref:city_quota"`, `"done by 2024-12-31"`, and Chinese
    /// comparator words (`"不少于1.5万人"`, `"6%左右"`). A bare quantity is a floor.
    /// A fall is a change below zero (`"下降3%"` is `<= -3%`, `"降低2.5%左右"` is
    /// `~ -2.5%`); a rise is the condition itself (`"提高1个百分点"`, `"提高到65%"`);
    /// 力争 is refused with a hint, since it marks a tier, not a condition.
    ///
    /// ```
    /// use planwatch::{Comparator, Condition};
    /// let c = Condition::parse("不少于 1.5 万人")?;
    /// assert_eq!(c.to_string(), ">= 1.5万人");
    /// assert_eq!(Condition::parse("1-2个")?.to_string(), "between 1个 and 2个");
    /// assert!(Condition::parse(">= 1.5万人 and more").is_err());
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Condition> {
        let t = text.trim_start();
        let lead = text.len() - t.len();
        let at = |e: Error, skipped: usize| {
            let bytes = lead + skipped;
            e.offset_by(bytes, text.part(0, bytes).chars().count())
        };
        if let Some(word) = STRETCH_WORDS.iter().find(|w| t.starts_with(**w)) {
            return Err(
                at(Error::parse_at(t, 0, "a condition"), 0).with_expected(format!(
                    "a condition without {word}: {word} marks a stretch tier (tier = \"stretch\")"
                )),
            );
        }
        // "下降3%", "降低2.5%左右", "下降3%以上": a fall, written as a change below zero.
        if let Some(word) = FALL_WORDS.iter().find(|w| t.starts_with(**w)) {
            let rest = t.part(word.len(), t.len());
            return parse_inner(rest.trim_start())
                .and_then(|c| c.fallen(rest))
                .map_err(|e| at(e, word.len() + (rest.len() - rest.trim_start().len())));
        }
        // "提高1个百分点", "提高到65%": a rise is the condition itself.
        if let Some(word) = RISE_WORDS.iter().find(|w| t.starts_with(**w)) {
            let rest = t.part(word.len(), t.len());
            let to = ["到", "至"]
                .iter()
                .find_map(|p| rest.strip_prefix(p))
                .unwrap_or(rest);
            let skipped = t.len() - to.len();
            return parse_inner(to.trim_start())
                .map_err(|e| at(e, skipped + (to.len() - to.trim_start().len())));
        }
        parse_inner(t).map_err(|e| at(e, 0))
    }

    /// The condition on a change for a fall of this size: "下降3%" (a bare or a
    /// `以上` floor on the fall) is a change of at most −3%; "下降3%左右" about −3%;
    /// "下降不超过3%" at least −3%.
    fn fallen(self, text: &str) -> Result<Condition> {
        let neg = |q: Quantity| Quantity::new(-q.value(), q.unit());
        Ok(match self {
            Condition::Compare { op, value } => Condition::Compare {
                op: match op {
                    Comparator::Ge => Comparator::Le,
                    Comparator::Gt => Comparator::Lt,
                    Comparator::Le => Comparator::Ge,
                    Comparator::Lt => Comparator::Gt,
                    other => other,
                },
                value: neg(value),
            },
            Condition::Approx { value, tolerance } => Condition::Approx {
                value: neg(value),
                tolerance,
            },
            Condition::Between { low, high } => Condition::Between {
                low: neg(high),
                high: neg(low),
            },
            Condition::Reference { .. } | Condition::Done { .. } => {
                return Err(Error::parse_at(text, 0, "a size of the fall (3%)"))
            }
        })
    }

    /// The target value used for gaps and completion: the value, the lower bound of a
    /// range, or None for references and milestones.
    pub fn value(&self) -> Option<&Quantity> {
        match self {
            Condition::Compare { value, .. } | Condition::Approx { value, .. } => Some(value),
            Condition::Between { low, .. } => Some(low),
            Condition::Reference { .. } | Condition::Done { .. } => None,
        }
    }

    /// The comparator of the condition.
    pub fn comparator(&self) -> Comparator {
        match self {
            Condition::Compare { op, .. } => *op,
            Condition::Approx { .. } => Comparator::Approx,
            Condition::Between { .. } => Comparator::Between,
            Condition::Reference { .. } => Comparator::Reference,
            Condition::Done { .. } => Comparator::Le,
        }
    }

    /// The unit of the target value, if any.
    pub fn unit(&self) -> Option<Unit> {
        self.value().map(|q| q.unit())
    }
}

/// The most distinct unit texts [`PartsScratch`] remembers.
const MAX_MEMO_UNITS: usize = 256;

/// What reading conditions from parts keeps between the rows of one thread.
#[derive(Default)]
pub(crate) struct PartsScratch {
    /// The composed `"{value}{unit}"` text the scanner reads.
    text: String,
    /// How each distinct unit text reads after a plain number
    /// ([`Quantity::unit_after_number`]).
    units: crate::observation::TextMap<Option<(Decimal, Unit)>>,
}

/// Which part of a condition given in parts ([`condition_from_parts`]) a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The comparator.
    Comparator,
    /// The value (the lower bound of a range).
    Value,
    /// The upper bound of a range.
    High,
    /// The unit.
    Unit,
}

/// A condition given in parts, as target tables often hold it (columns `comparator`,
/// `value`, `high`, `unit`): the one home of that rule.
///
/// - `comparator`: [`Comparator::from_word`] (`>=`, `≥`, `不少于`, `以上`, `~`,
///   `左右`, `between` …); a reference (`ref:`) is written as condition text instead.
/// - `value` (and `high`, the upper bound, for `between` only) is read with `unit`
///   exactly as [`Quantity::parse`] reads `"{value}{unit}"`: `16.4` and `亿元` are
///   16.4亿元, `1.2万` and `人` 1.2万人. An empty unit, or `1`, is a bare number.
///   Floats reach here as their shortest round-trip text (16.4 is `"16.4"`).
/// - `~`/左右 is `~ value` with the default tolerance; `between` needs `high`, not
///   below `value`; a `high` with another comparator is a problem.
///
/// `scratch` keeps, between the rows of one thread, how each unit text reads after a
/// plain number, and the composed text of the others. Every part with a problem is
/// reported, each with the part it is in, so a table reports it at that column: a bad
/// comparator does not hide a bad value, nor a unit that does not exist a value that is
/// not a number.
pub(crate) fn condition_from_parts(
    comparator: &str,
    value: &str,
    high: Option<&str>,
    unit: &str,
    scratch: &mut PartsScratch,
) -> std::result::Result<Condition, Vec<(Part, Error)>> {
    let bad = |part, expected: &str, text: &str| (part, Error::parse_at(text, 0, expected));
    let mut errors = Vec::new();
    let op = match Comparator::from_word(comparator) {
        Some(Comparator::Reference) | None => {
            errors.push(bad(
                Part::Comparator,
                "a comparator (>=, >, <=, <, =, ~, between, or a word such as 不少于, 以上, \
                 左右); a reference is written as condition text (<= ref:city_quota)",
                comparator,
            ));
            None
        }
        Some(op) => Some(op),
    };
    let unit = unit.trim();
    let unit = if unit == crate::observation::DIMENSIONLESS_UNIT {
        ""
    } else {
        unit
    };
    let PartsScratch {
        text: composed,
        units,
    } = scratch;
    let after_number = match units.get(unit) {
        Some(read) => *read,
        // So many distinct unit texts are no table's units: the scanner reads the rest,
        // and the memo stays small.
        None if units.len() >= MAX_MEMO_UNITS => None,
        None => {
            let read = Quantity::unit_after_number(unit);
            units.insert(unit.into(), read);
            read
        }
    };
    let mut quantity = |text: &str, part: Part, errors: &mut Vec<(Part, Error)>| {
        let text = text.trim();
        if text.is_empty() {
            errors.push(bad(part, "a number", text));
            return None;
        }
        // A plain number (most table cells, and every float) without the scanner.
        if let Some(q) = after_number.and_then(|u| Quantity::after_number(text, u)) {
            return Some(q);
        }
        composed.clear();
        composed.push_str(text);
        composed.push_str(unit);
        match Quantity::parse(composed) {
            Ok(q) => Some(q),
            Err(e) => {
                match Unit::parse(unit) {
                    // A unit that does not exist is the unit's problem (once), and the
                    // number is then read alone.
                    Err(u) if !unit.is_empty() => {
                        if !errors.iter().any(|(p, _)| *p == Part::Unit) {
                            errors.push((Part::Unit, u));
                        }
                        if let Err(e) = Quantity::parse(text) {
                            errors.push((part, e));
                        }
                    }
                    _ => errors.push((part, e)),
                }
                None
            }
        }
    };
    let low = quantity(value, Part::Value, &mut errors);
    let high = match (high.map(str::trim).filter(|h| !h.is_empty()), op) {
        (Some(h), Some(Comparator::Between) | None) => quantity(h, Part::High, &mut errors),
        (Some(h), Some(_)) => {
            errors.push(bad(
                Part::High,
                "no upper bound: `high` is only for the comparator `between`",
                h,
            ));
            None
        }
        (None, Some(Comparator::Between)) => {
            errors.push((
                Part::High,
                Error::new(
                    crate::ErrorKind::Parse,
                    "the comparator `between` needs its upper bound in `high`",
                ),
            ));
            None
        }
        (None, _) => low,
    };
    let (Some(op), Some(low), Some(high), true) = (op, low, high, errors.is_empty()) else {
        return Err(errors);
    };
    Ok(match op {
        Comparator::Approx => Condition::Approx {
            value: low,
            tolerance: None,
        },
        Comparator::Between => match low.try_cmp(&high) {
            Ok(std::cmp::Ordering::Greater) => {
                return Err(vec![(
                    Part::High,
                    Error::new(
                        crate::ErrorKind::Parse,
                        format!("the upper bound {high} is below the lower bound {low}"),
                    ),
                )])
            }
            Ok(_) => Condition::Between { low, high },
            Err(e) => return Err(vec![(Part::High, e)]),
        },
        op => Condition::Compare { op, value: low },
    })
}

fn parse_inner(t: &str) -> Result<Condition> {
    if let Some(rest) = t.strip_prefix("done") {
        let rest = rest.trim_start();
        let Some(date) = rest.strip_prefix("by") else {
            return Err(Error::parse_at(
                t,
                4,
                "'by' and a date (done by 2024-12-31)",
            ));
        };
        let at = t.len() - date.len();
        let date_text = date.trim();
        let by: Date = crate::period::parse_date(date_text).map_err(|_| {
            Error::parse_at(
                t,
                at + (date.len() - date.trim_start().len()),
                "a date YYYY-MM-DD",
            )
        })?;
        return Ok(Condition::Done { by });
    }
    if let Some(rest) = t.strip_prefix("between") {
        let start = t.len() - rest.len();
        let (low, after_low) = quantity_at(t, start)?;
        let mut cur = Cursor::new(t, after_low);
        cur.skip_spaces();
        if !cur.eat("and") {
            return Err(Error::parse_at(t, cur.pos, "'and'"));
        }
        let high_at = cur.pos;
        let (high, end) = quantity_at(t, high_at)?;
        expect_end(t, end)?;
        return between(
            t,
            (low, t.part(start, after_low)),
            (high, t.part(high_at, end)),
            start,
        );
    }
    // An explicit operator symbol.
    let symbols: [(&str, Comparator); 12] = [
        (">=", Comparator::Ge),
        ("≥", Comparator::Ge),
        ("⩾", Comparator::Ge),
        ("<=", Comparator::Le),
        ("≤", Comparator::Le),
        ("⩽", Comparator::Le),
        (">", Comparator::Gt),
        ("<", Comparator::Lt),
        ("=", Comparator::Eq),
        ("≈", Comparator::Approx),
        ("~", Comparator::Approx),
        ("～", Comparator::Approx),
    ];
    for (sym, op) in symbols {
        if let Some(rest) = t.strip_prefix(sym) {
            let start = t.len() - rest.len();
            let mut cur = Cursor::new(t, start);
            cur.skip_spaces();
            if cur.eat("ref:") {
                let key = t.part(cur.pos, t.len()).trim();
                if !is_key(key) {
                    return Err(Error::parse_at(
                        t,
                        cur.pos,
                        "a reference key of letters, digits and '_'",
                    ));
                }
                return Ok(Condition::Reference {
                    op: Some(op),
                    key: key.to_string(),
                });
            }
            let (value, end) = quantity_at(t, cur.pos)?;
            if op == Comparator::Approx {
                let tolerance = tolerance_at(t, end)?;
                return Ok(Condition::Approx { value, tolerance });
            }
            expect_end(t, end)?;
            return Ok(Condition::Compare { op, value });
        }
    }
    if let Some(key) = t.strip_prefix("ref:") {
        let key = key.trim();
        if !is_key(key) {
            return Err(Error::parse_at(
                t,
                4,
                "a reference key of letters, digits and '_'",
            ));
        }
        return Ok(Condition::Reference {
            op: None,
            key: key.to_string(),
        });
    }
    // A range "1-2个", "5%-6%", "3至5个".
    if let Some((first, first_end)) = Quantity::scan(t, 0)? {
        let mut cur = Cursor::new(t, first_end);
        cur.skip_spaces();
        for sep in ["-", "–", "—", "~", "至", "到"] {
            let mut probe = cur;
            if probe.eat(sep) {
                let (high, end) = quantity_at(t, probe.pos)?;
                expect_end(t, end)?;
                return between(
                    t,
                    (first, t.part(0, first_end)),
                    (high, t.part(probe.pos, end)),
                    0,
                );
            }
        }
    } else if crate::comparator::prefix_word(t).is_none() {
        return Err(Error::parse_at(
            t,
            0,
            "a comparator (>=, >, <=, <, =, ~), 'between', 'ref:', 'done by' or a number",
        ));
    }
    // Chinese comparator words around a quantity, or a bare quantity (a floor).
    let phrase = Quantity::parse_phrase(t)?;
    Ok(match phrase.comparator {
        Some(Comparator::Approx) => Condition::Approx {
            value: phrase.quantity,
            tolerance: None,
        },
        Some(op) => Condition::Compare {
            op,
            value: phrase.quantity,
        },
        None => Condition::Compare {
            op: BARE_NUMBER_COMPARATOR,
            value: phrase.quantity,
        },
    })
}

fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
}

/// Reads a quantity after optional spaces at byte `at`; returns it and its end.
fn quantity_at(t: &str, at: usize) -> Result<(Quantity, usize)> {
    let mut cur = Cursor::new(t, at);
    cur.skip_spaces();
    match Quantity::scan(t, cur.pos)? {
        Some(found) => Ok(found),
        None => Err(Error::parse_at(t, cur.pos, "a number")),
    }
}

fn expect_end(t: &str, at: usize) -> Result<()> {
    let mut cur = Cursor::new(t, at);
    cur.skip_spaces();
    if cur.at_end() {
        Ok(())
    } else {
        Err(Error::parse_at(t, cur.pos, "the end of the condition"))
    }
}

fn tolerance_at(t: &str, at: usize) -> Result<Option<Quantity>> {
    let mut cur = Cursor::new(t, at);
    cur.skip_spaces();
    if cur.at_end() {
        return Ok(None);
    }
    if !(cur.eat("±") || cur.eat("+-") || cur.eat("+/-")) {
        return Err(Error::parse_at(
            t,
            cur.pos,
            "'±' and a tolerance, or the end of the condition",
        ));
    }
    let (tol, end) = quantity_at(t, cur.pos)?;
    expect_end(t, end)?;
    if tol.value().is_sign_negative() {
        return Err(Error::parse_at(
            t,
            cur.pos,
            "a tolerance that is not negative",
        ));
    }
    Ok(Some(tol))
}

/// Builds a range. A bare lower bound takes the upper bound's unit and magnitude word,
/// as Chinese writes ranges: "1-2个" is 1个 to 2个, "1-2万人" is 1万人 to 2万人,
/// "54.31-59.74亿元" is 54.31亿元 to 59.74亿元.
fn between(t: &str, low: (Quantity, &str), high: (Quantity, &str), at: usize) -> Result<Condition> {
    let ((low, low_text), (high, high_text)) = (low, high);
    let low = if low.unit().is_none() && !high.unit().is_none() && is_plain_number(low_text) {
        let factor = magnitude_after_digits(high_text).unwrap_or(Decimal::ONE);
        let value = crate::exact::mul(low.value(), factor)
            .ok_or_else(|| Error::new(crate::ErrorKind::Overflow, "range bound overflows"))?;
        Quantity::new(value.normalize(), high.unit())
    } else {
        low
    };
    match low.try_cmp(&high) {
        Ok(std::cmp::Ordering::Greater) => Err(Error::parse_at(
            t,
            at,
            "a range whose lower bound is not above its upper bound",
        )),
        Ok(_) => Ok(Condition::Between { low, high }),
        Err(e) => Err(e),
    }
}

/// True for text that is only an Arabic number (no magnitude word, no unit).
fn is_plain_number(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text
            .chars()
            .map(crate::text::fold)
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '-' | ' '))
}

/// The multiplier of the magnitude words after a leading Arabic number: 万 in
/// "2万人" (10 000), 亿 in "59.74亿元". None when there is none, or when the
/// characters start a unit instead (千米, 千瓦).
fn magnitude_after_digits(text: &str) -> Option<Decimal> {
    let mut cur = Cursor::new(text, 0);
    cur.skip_spaces();
    while cur
        .peek()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
    {
        cur.bump();
    }
    cur.skip_spaces();
    if Unit::match_prefix(text.part(cur.pos, text.len())).is_some() {
        return None;
    }
    let mut words = String::from("1");
    while let Some(c) = cur.peek().filter(|c| "十百千万亿".contains(*c)) {
        words.push(c);
        cur.bump();
    }
    if words.len() == 1 {
        return None;
    }
    crate::number::parse_number(&words).ok()
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::Compare { op, value } => write!(f, "{op} {value}"),
            Condition::Approx {
                value,
                tolerance: None,
            } => write!(f, "~ {value}"),
            Condition::Approx {
                value,
                tolerance: Some(t),
            } => write!(f, "~ {value} ± {t}"),
            Condition::Between { low, high } => write!(f, "between {low} and {high}"),
            Condition::Reference { op: Some(op), key } => write!(f, "{op} ref:{key}"),
            Condition::Reference { op: None, key } => write!(f, "ref:{key}"),
            Condition::Done { by } => write!(f, "done by {}", Period::Date(*by)),
        }
    }
}

impl std::str::FromStr for Condition {
    type Err = Error;
    fn from_str(s: &str) -> Result<Condition> {
        Condition::parse(s)
    }
}

impl Serialize for Condition {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Condition, D::Error> {
        let s = String::deserialize(d)?;
        Condition::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A target: a condition on one indicator for a period. Serialized with every field
/// (the record of [`crate::schema`]; the condition as its text).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// Unique id within the plan (default: the indicator id, plus `_stretch` for the
    /// stretch tier).
    pub id: String,
    /// The indicator the target is on.
    pub indicator: String,
    /// The period (a year, a deadline date for stocks, a multi-year range …).
    pub period: Period,
    /// The condition.
    pub condition: Condition,
    /// Base or stretch.
    pub tier: Tier,
    /// Overrides the indicator's kind.
    pub kind: Option<Kind>,
    /// For reduction targets: the baseline value, so that completion is
    /// (baseline − actual) / (baseline − target).
    pub baseline: Option<Quantity>,
    /// Where the target is stated. Boxed: most targets have none, and a plan of 100,000
    /// targets would otherwise carry 88 bytes of empty provenance on each.
    pub source: Option<Box<Provenance>>,
}

/// A target's id when it gives none: its indicator's, with `_stretch` for the stretch
/// tier: a plan file's default, and how the extraction's draft plans name theirs.
pub(crate) fn default_target_id(indicator: &str, tier: Tier) -> String {
    match tier {
        Tier::Base => indicator.to_string(),
        Tier::Stretch => format!("{indicator}_stretch"),
    }
}

impl Target {
    /// A base-tier target whose id is the indicator id.
    pub fn new(indicator: impl Into<String>, period: Period, condition: Condition) -> Target {
        let indicator = indicator.into();
        Target {
            id: indicator.clone(),
            indicator,
            period,
            condition,
            tier: Tier::Base,
            kind: None,
            baseline: None,
            source: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(s: &str) -> String {
        Condition::parse(s)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .to_string()
    }

    /// A condition from parts reads as the scanner reads `"{value}{unit}"`, whether its
    /// unit text is remembered by the thread, read for the first time, or past the
    /// memo's bound: one scratch across every unit name, against a fresh one per call.
    #[test]
    fn parts_read_alike_with_and_without_the_memo_of_units() {
        let mut shared = PartsScratch::default();
        let names = crate::unit::all_names();
        assert!(names.len() > 2 * MAX_MEMO_UNITS);
        for unit in &names {
            for value in ["16.4", "-0.50", "1,000", "3"] {
                let cond = |scratch: &mut PartsScratch| {
                    condition_from_parts(">=", value, None, unit, scratch)
                        .map(|c| c.value().map(|q| (q.value(), q.value().scale(), q.unit())))
                        .map_err(|errors| {
                            errors
                                .into_iter()
                                .map(|(part, e)| (part, e.to_string()))
                                .collect::<Vec<_>>()
                        })
                };
                let first = cond(&mut shared);
                assert_eq!(first, cond(&mut shared), "{value:?} {unit:?}");
                assert_eq!(
                    first,
                    cond(&mut PartsScratch::default()),
                    "{value:?} {unit:?}"
                );
                let scanned = Quantity::parse(&format!("{value}{unit}"))
                    .map(|q| (q.value(), q.value().scale(), q.unit()));
                if let Ok(q) = scanned {
                    assert_eq!(first, Ok(Some(q)), "{value:?} {unit:?}");
                }
            }
        }
        assert_eq!(shared.units.len(), MAX_MEMO_UNITS);
    }

    #[test]
    fn every_form_parses() {
        assert_eq!(round(">= 1.5万人"), ">= 1.5万人");
        assert_eq!(round("≥1.5万人"), ">= 1.5万人");
        assert_eq!(round("> 590亿元"), "> 590亿元");
        assert_eq!(round("≤ 5%"), "<= 5%");
        assert_eq!(round("< 3"), "< 3");
        assert_eq!(round("= 0个"), "= 0个");
        assert_eq!(round("~ 6%"), "~ 6%");
        assert_eq!(round("≈ 6% ± 0.3个百分点"), "~ 6% ± 0.3个百分点");
        assert_eq!(round("between 1 and 2 个"), "between 1个 and 2个");
        assert_eq!(round("5%-6%"), "between 5% and 6%");
        assert_eq!(round("3至5个"), "between 3个 and 5个");
        assert_eq!(round("3到5"), "between 3 and 5");
        assert_eq!(round("3~5"), "between 3 and 5");
        assert_eq!(round("1-2万人"), "between 1万人 and 2万人");
        assert_eq!(round("54.31-59.74亿元"), "between 54.31亿元 and 59.74亿元");
        assert_eq!(round("3-5千米"), "between 3公里 and 5公里");
        assert_eq!(round("between 1 and 2万人"), "between 1万人 and 2万人");
        assert_eq!(round("<= ref:city_quota"), "<= ref:city_quota");
        assert_eq!(round("ref:city_quota"), "ref:city_quota");
        assert_eq!(round("done by 2024-12-31"), "done by 2024-12-31");
        assert_eq!(round("10320座"), ">= 10320座");
        assert_eq!(round("超过590亿元"), "> 590亿元");
        assert_eq!(round("6%左右"), "~ 6%");
        assert_eq!(round("20万人次以上"), ">= 20万人次");
        assert_eq!(round("-3%"), ">= -3%");
        assert_eq!(round("<= -3%"), "<= -3%");
        // Falls and rises as plans write them.
        assert_eq!(round("下降3%"), "<= -3%");
        assert_eq!(round("下降3%以上"), "<= -3%");
        assert_eq!(round("降低2.5%左右"), "~ -2.5%");
        assert_eq!(round("下降不超过3%"), ">= -3%");
        assert_eq!(round("下降0.5个百分点"), "<= -0.5个百分点");
        assert_eq!(round("提高1个百分点"), ">= 1个百分点");
        assert_eq!(round("提高到65%"), ">= 65%");
    }

    #[test]
    fn a_stretch_word_is_not_a_condition() {
        let e = Condition::parse("力争6%").unwrap_err();
        assert!(e.expected().unwrap().contains("stretch"), "{e}");
        let e = Condition::parse("下降x%").unwrap_err();
        assert_eq!(e.location().char, Some(2));
    }

    #[test]
    fn every_display_parses_back() {
        for s in [
            ">= 1.5万人",
            "~ 6% ± 0.3个百分点",
            "between 1个 and 2个",
            "ref:q",
            "done by 2024-12-31",
        ] {
            assert_eq!(round(&round(s)), round(s));
        }
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = Condition::parse(">= 1.5万人 and").unwrap_err();
        assert_eq!(e.location().char, Some(9));
        let e = Condition::parse("  >= x").unwrap_err();
        assert_eq!(e.location().char, Some(5));
        assert!(Condition::parse("5-3个").is_err());
        assert!(Condition::parse("5%-3个").unwrap_err().is_unit());
        assert!(Condition::parse("done by 2024-02-30").is_err());
        assert!(Condition::parse("<= ref:").is_err());
        assert!(Condition::parse("").is_err());
    }
}

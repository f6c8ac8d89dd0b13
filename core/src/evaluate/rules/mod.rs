//! The rules that decide one target's verdict (SPEC §6), one family per module:
//! `final_data` (the whole period's figure), `partial` (part of the period so far),
//! `multi_year` (five-year targets), `milestone` (done by a date) and `reference`
//! (values bound elsewhere). `compare` holds what they share: the exact comparison,
//! completion, gap and grade of a figure against a condition.

mod compare;
mod final_data;
mod milestone;
mod multi_year;
mod partial;
mod reference;

use crate::fast_hash::FastMap as HashMap;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::evaluate::assessment::{Assessment, Severity, Status};
use crate::evaluate::data::Data;
use crate::evaluate::rule::Rule;
use crate::evaluate::Options;
use crate::indicator::{Indicator, Kind, Names};
use crate::period::{Period, MAX_YEAR};
use crate::plan::Plan;
use crate::target::{Condition, Target, Tier};
use crate::unit::Unit;
use crate::{Error, ErrorKind, Result};

pub(crate) use compare::convert;

pub(crate) struct Ctx<'a> {
    pub(crate) plan: &'a Plan,
    pub(crate) data: &'a Data<'a>,
    pub(crate) opts: &'a Options,
    pub(crate) as_of: Date,
}

/// The assessment of `t` before any rule has looked at data: what the target and its
/// indicator say, with no data.
pub(crate) fn skeleton(t: &Target, ind: Option<&Indicator>) -> Assessment {
    let unit = t
        .condition
        .unit()
        .or(ind.map(|i| i.unit))
        .unwrap_or(Unit::NONE);
    Assessment {
        target: t.id.clone(),
        indicator: t.indicator.clone(),
        name: ind.map(|i| i.name.clone()).unwrap_or_else(|| Names {
            zh: t.indicator.clone(),
            en: t.indicator.clone(),
        }),
        kind: t.kind.or(ind.map(|i| i.kind)).unwrap_or(Kind::Expected),
        tier: t.tier,
        section: t
            .source
            .as_ref()
            .and_then(|s| s.section.clone())
            .or_else(|| ind.and_then(|i| i.section.clone())),
        period: t.period,
        condition: condition_text(&t.condition),
        comparator: t.condition.comparator(),
        status: Status::NoData,
        severity: None,
        grade: None,
        observed: None,
        observed_period: None,
        target_value: t.condition.value().map(|q| q.value()),
        target_high: match &t.condition {
            Condition::Between { high, .. } => Some(high.value()),
            _ => None,
        },
        unit,
        completion: None,
        gap: None,
        // A difference of rates is in points of the rate's own scale: percentage points
        // for %, per-mille points (个千分点) for ‰ (4‰ against 5‰ is 1 per-mille point,
        // a tenth of a percentage point); other units, and points, keep their own.
        gap_unit: match unit.symbol() {
            "%" => Unit::percentage_point(),
            "‰" => Unit::parse("个千分点").unwrap_or(unit),
            _ => unit,
        },
        time_progress: None,
        expected_progress: None,
        required_growth: None,
        cagr: None,
        required_cagr: None,
        progress_class: None,
        previous: None,
        previous_period: None,
        inputs: Vec::new(),
        rule: Rule::NoData,
        base: None,
        base_status: None,
        reference: None,
        conflicts: Vec::new(),
        notes: Vec::new(),
        referenced: None,
        source: t.source.clone(),
    }
}

/// The condition as its `Display` writes it; natively, the common comparison
/// (`>= 1.5万人`) without the formatter, as each of a large plan's assessments carries
/// it (the WebAssembly build, with its size budget, keeps `Display` alone).
fn condition_text(c: &Condition) -> String {
    #[cfg(feature = "parallel")]
    if let Condition::Compare { op, value } = c {
        // The operator goes in front of the formatted value, in the same allocation
        // (the formatter leaves room for it).
        let mut out = value.format(crate::quantity::Style::Zh);
        out.insert(0, ' ');
        out.insert_str(0, op.symbol());
        return out;
    }
    c.to_string()
}

/// Evaluates one target, its severity included; [`finish`] then pairs the stretch
/// tiers with their base.
pub(crate) fn assess(ctx: &Ctx<'_>, t: &Target) -> Assessment {
    let mut a = decided(ctx, t);
    // Set here, on every core while the assessment is at hand, not in a pass of its
    // own over them all: it reads only the assessment's status, kind and tier.
    a.severity = severity(&a);
    a
}

/// One target's verdict, without its severity.
fn decided(ctx: &Ctx<'_>, t: &Target) -> Assessment {
    let ind = ctx.data.indicator(&t.indicator);
    let mut a = skeleton(t, ind);
    let Some(ind) = ind else {
        a.status = Status::NotComparable;
        a.rule = Rule::UnknownIndicator;
        a.notes
            .push(format!("indicator {:?} is not in the plan", t.indicator));
        return a;
    };
    if let Err(e) = decide(ctx, t, ind, &mut a) {
        a.status = Status::NotComparable;
        a.grade = None;
        a.notes.push(e.to_string());
        if matches!(a.rule, Rule::NoData) {
            a.rule = Rule::Error;
        }
    }
    if !a.conflicts.is_empty() {
        let others: Vec<String> = a
            .conflicts
            .iter()
            .map(|i| crate::quantity::Quantity::new(i.value, i.unit).to_string())
            .collect();
        a.notes.push(format!(
            "conflicting figures of the same vintage and status: {} (the larger is used)",
            others.join(", ")
        ));
    }
    a
}

/// Bases, once every assessment is decided: a stretch tier knows its base's status,
/// which its explanation ([`Assessment::explanation`]) gives beside its own. (Its
/// severity, never a violation, is [`assess`]'s.)
pub(crate) fn finish(ctx: &Ctx<'_>, assessments: &mut [Assessment]) {
    // Only a stretch tier looks its base up: a plan without one has nothing to pair
    // (and the map of a large plan is built on one thread, after the parallel part).
    if !assessments.iter().any(|a| a.tier == Tier::Stretch) {
        return;
    }
    let bases = Bases::new(assessments);
    let paired: Vec<Option<(String, Status)>> = assessments
        .iter()
        .map(|s| {
            if s.tier != Tier::Stretch {
                return None;
            }
            bases
                .of(ctx, s, assessments)
                .map(|b| (b.target.clone(), b.status))
        })
        .collect();
    for (a, base) in assessments.iter_mut().zip(paired) {
        if let Some((id, status)) = base {
            a.base = Some(id);
            a.base_status = Some(status);
        }
    }
}

fn severity(a: &Assessment) -> Option<Severity> {
    let stretch = a.tier == Tier::Stretch;
    match (a.status, a.kind) {
        (Status::NotComparable, _) => Some(Severity::Warning),
        // A stretch tier reaches further than the plan binds itself to: not reaching
        // it is worth a look, never a violation.
        (Status::Missed | Status::Behind, _) if stretch => Some(Severity::Info),
        (Status::Missed, Kind::Binding) => Some(Severity::Error),
        (Status::Missed, _) | (Status::Behind, Kind::Binding) => Some(Severity::Warning),
        (Status::Behind, _) => Some(Severity::Info),
        _ => None,
    }
}

/// The first base-tier assessment of each indicator and period, looked up once for
/// every stretch tier.
struct Bases<'a> {
    first: HashMap<(&'a str, Period), usize>,
}

impl<'a> Bases<'a> {
    #[inline(never)]
    fn new(all: &'a [Assessment]) -> Bases<'a> {
        let mut first = HashMap::default();
        for (i, b) in all.iter().enumerate().filter(|(_, b)| b.tier == Tier::Base) {
            first.entry((b.indicator.as_str(), b.period)).or_insert(i);
        }
        Bases { first }
    }

    /// The base a stretch tier stands on: the base tier of the same indicator and
    /// period, else the base on the related series (a growth base and a level stretch
    /// of the same series, linked by the growth indicator's `of`).
    fn of<'b>(
        &self,
        ctx: &Ctx<'_>,
        stretch: &Assessment,
        all: &'b [Assessment],
    ) -> Option<&'b Assessment> {
        let at = |indicator: &str| {
            self.first
                .get(&(indicator, stretch.period))
                .and_then(|i| all.get(*i))
        };
        if let Some(b) = at(&stretch.indicator) {
            return Some(b);
        }
        let ind = ctx.data.indicator(&stretch.indicator)?;
        // The level this growth is of, or the growth indicators of this level.
        if let Some(b) = ind.of.as_deref().and_then(at) {
            return Some(b);
        }
        ctx.plan
            .indicators
            .iter()
            .filter(|g| g.of.as_deref() == Some(ind.id.as_str()))
            .find_map(|g| at(&g.id))
    }
}

fn decide(ctx: &Ctx<'_>, t: &Target, ind: &Indicator, a: &mut Assessment) -> Result<()> {
    // The same indicator a year earlier: the base the plan starts from.
    if let Ok(prev) = t.period.previous_year() {
        if let Some(Ok(value)) = ctx.data.value(ind, prev) {
            if let Ok(v) = convert(&value, a.unit) {
                a.previous = Some(v.value());
                a.previous_period = Some(prev);
            }
        }
    }
    let Some(condition) = reference::bind(ctx, t, ind, a)? else {
        return Ok(());
    };
    if let Condition::Done { by } = condition {
        return milestone::judge(ctx, ind, by, a);
    }
    if let Period::Years { start, end } = t.period {
        return multi_year::judge(ctx, t, ind, &condition, start, end, a);
    }
    match final_data::figure(ctx, ind, &condition, t.period, a) {
        Some(found) => final_data::judge(ctx, t, ind, &condition, found?, a),
        None => partial::judge(ctx, t, ind, &condition, a),
    }
}

/// No value for the target's period: pending while the period is open, else no data.
fn no_data(ctx: &Ctx<'_>, t: &Target, a: &mut Assessment) -> Result<()> {
    a.time_progress = Some(t.period.time_progress(ctx.as_of).round_dp(6).normalize());
    if ctx.as_of < t.period.end() {
        a.status = Status::Pending;
        a.rule = Rule::NoDataPeriodOpen;
    } else {
        a.status = Status::NoData;
        a.rule = Rule::NoData;
    }
    Ok(())
}

// Leaving the calendar range jiff supports, the only way the date steps here fail
// (`period::next_day`, `previous_day`, `date`: jiff's own errors are neither made nor
// formatted, as their code and texts would take kilobytes of the WebAssembly module).
fn period_err() -> Error {
    Error::new(
        ErrorKind::Period,
        format!("date arithmetic leaves the calendar (years up to {MAX_YEAR})"),
    )
}

/// The period is over and its figures cover only `covered`: no data, what there is
/// shown for information (SPEC §6), with no completion, gap or class.
fn ended_partly_covered(a: &mut Assessment, covered: Period) {
    a.status = Status::NoData;
    a.rule = Rule::NoDataPartialOnly;
    a.completion = None;
    a.gap = None;
    a.progress_class = None;
    a.notes.push(format!(
        "the period has ended; the figures cover only {covered}"
    ));
}

fn date_range_err(year: i16) -> Error {
    Error::new(
        ErrorKind::Period,
        format!("year {year} is outside the calendar (years up to {MAX_YEAR})"),
    )
}

/// Days from `from` to `to` over days from `from` to `end`, clamped to [0, 1] and
/// rounded to 6 decimals.
fn days_share(from: Date, to: Date, end: Date) -> Result<Decimal> {
    let days = |a: Date, b: Date| Decimal::from(crate::period::days_between(a, b));
    let share = crate::evaluate::math::ratio(days(from, to), days(from, end))?;
    Ok(share
        .clamp(Decimal::ZERO, Decimal::ONE)
        .round_dp(6)
        .normalize())
}

#[cfg(test)]
mod tests {
    use super::condition_text;
    use crate::target::Condition;

    #[test]
    fn condition_text_is_what_display_writes() {
        for text in [
            ">= 1.5万人",
            "> 590亿元",
            "<= -3%",
            "< 0.000001元",
            ">= 72777430200元",
            "= 1",
            ">= 100万亿元",
            "~ 5%",
            "between 1% and 2%",
            ">= ref:quota",
            "done by 2025-06-30",
        ] {
            let c = Condition::parse(text).unwrap();
            assert_eq!(condition_text(&c), c.to_string(), "{text}");
        }
    }
}

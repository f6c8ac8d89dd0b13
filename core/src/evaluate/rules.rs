//! The rules that decide one target's verdict (SPEC §6).

use std::cmp::Ordering;
use std::sync::LazyLock;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::comparator::Comparator;
use crate::evaluate::assessment::{Assessment, Grade, ProgressClass, Severity, Status};
use crate::evaluate::data::{Data, Found};
use crate::evaluate::math::{cagr, chained_cagr, minus, plus, ratio, times, unless_overflow};
use crate::evaluate::Options;
use crate::exact::Checked;
use crate::indicator::{Indicator, Kind, Measure, Names, Polarity};
use crate::period::{Period, MAX_YEAR};
use crate::plan::Plan;
use crate::quantity::Quantity;
use crate::target::{Condition, Target};
use crate::unit::{Dimension, Unit};
use crate::{Error, ErrorKind, Result};

pub(crate) struct Ctx<'a> {
    pub(crate) plan: &'a Plan,
    pub(crate) data: &'a Data<'a>,
    pub(crate) opts: &'a Options,
    pub(crate) as_of: Date,
}

/// Percent and percentage points, looked up once: evaluation uses them per target.
pub(crate) fn percent() -> Unit {
    static PERCENT: LazyLock<Unit> = LazyLock::new(|| Unit::parse("%").unwrap_or(Unit::NONE));
    *PERCENT
}

fn pp() -> Unit {
    static PP: LazyLock<Unit> = LazyLock::new(|| Unit::parse("个百分点").unwrap_or(Unit::NONE));
    *PP
}

/// Converts for comparison and display. Percent and percentage points carry the same
/// number (a change of 1% of a rate target written in 个百分点), so they convert 1:1.
fn convert(q: &Quantity, unit: Unit) -> Result<Quantity> {
    let (a, b) = (q.dimension(), unit.dimension());
    if a == Dimension::Ratio && b == Dimension::PercentagePoint {
        return Ok(Quantity::new(q.to(percent())?.value(), unit));
    }
    if a == Dimension::PercentagePoint && b == Dimension::Ratio {
        return Quantity::new(q.value(), percent()).to(unit);
    }
    match q.to(unit) {
        Err(e) if e.kind() == ErrorKind::InexactConversion => q.to_rounded(unit, 10),
        other => other,
    }
}

/// Exact comparison, with percent and percentage points compared as numbers.
fn cmp(a: &Quantity, b: &Quantity) -> Result<Ordering> {
    match (a.dimension(), b.dimension()) {
        (Dimension::Ratio, Dimension::PercentagePoint)
        | (Dimension::PercentagePoint, Dimension::Ratio) => {
            Ok(convert(a, b.unit())?.value().cmp(&b.value()))
        }
        _ => a.try_cmp(b),
    }
}

/// Default comparator of an unbound-then-bound reference: a ceiling for
/// lower-is-better indicators, a floor otherwise.
fn reference_op(ind: &Indicator) -> Comparator {
    if ind.polarity == Polarity::Lower {
        Comparator::Le
    } else {
        Comparator::Ge
    }
}

fn skeleton(t: &Target, ind: Option<&Indicator>) -> Assessment {
    let unit = t
        .condition
        .unit()
        .or(ind.map(|i| i.unit))
        .unwrap_or(Unit::NONE);
    let rate = ind.is_some_and(|i| i.measure.is_rate()) && unit.dimension() == Dimension::Ratio;
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
        condition: t.condition.to_string(),
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
        gap_unit: if rate { pp() } else { unit },
        time_progress: None,
        expected_progress: None,
        required_growth: None,
        cagr: None,
        required_cagr: None,
        progress_class: None,
        previous: None,
        previous_period: None,
        inputs: Vec::new(),
        rule: String::new(),
        notes: Vec::new(),
        explanation: Names::default(),
        source: t.source.clone(),
    }
}

/// Evaluates one target.
pub(crate) fn assess(ctx: &Ctx<'_>, t: &Target) -> Assessment {
    let ind = ctx.data.indicator(&t.indicator);
    let mut a = skeleton(t, ind);
    let Some(ind) = ind else {
        a.status = Status::NotComparable;
        a.rule = "unknown_indicator".into();
        a.notes
            .push(format!("indicator {:?} is not in the plan", t.indicator));
        return finish(ctx, a);
    };
    if let Err(e) = decide(ctx, t, ind, &mut a) {
        a.status = Status::NotComparable;
        a.grade = None;
        a.notes.push(e.to_string());
        if a.rule.is_empty() {
            a.rule = "error".into();
        }
    }
    finish(ctx, a)
}

fn finish(ctx: &Ctx<'_>, mut a: Assessment) -> Assessment {
    a.severity = match (a.status, a.kind) {
        (Status::Missed, Kind::Binding) => Some(Severity::Error),
        (Status::Missed, _) | (Status::Behind, Kind::Binding) | (Status::NotComparable, _) => {
            Some(Severity::Warning)
        }
        (Status::Behind, _) => Some(Severity::Info),
        _ => None,
    };
    a.explanation = crate::evaluate::explain::explain(&a, ctx.plan);
    a
}

fn decide(ctx: &Ctx<'_>, t: &Target, ind: &Indicator, a: &mut Assessment) -> Result<()> {
    // The same indicator a year earlier: the base the plan starts from.
    if let Ok(prev) = t.period.previous_year() {
        if let Some(Ok(found)) = ctx.data.get(ind, prev) {
            if let Ok(v) = convert(&found.value, a.unit) {
                a.previous = Some(v.value());
                a.previous_period = Some(prev);
            }
        }
    }
    let condition = match &t.condition {
        Condition::Reference { op, key } => match ctx.plan.references.get(key) {
            Some(v) => {
                a.target_value = Some(v.value());
                a.unit = v.unit();
                a.notes.push(format!("reference {key} bound to {v}"));
                Condition::Compare {
                    op: op.unwrap_or_else(|| reference_op(ind)),
                    value: *v,
                }
            }
            None => {
                a.status = Status::Pending;
                a.rule = "reference.unbound".into();
                a.notes.push(format!("reference {key:?} is not bound yet"));
                return Ok(());
            }
        },
        c => c.clone(),
    };
    if let Condition::Done { by } = condition {
        return milestone(ctx, ind, by, a);
    }
    if let Period::Years { start, end } = t.period {
        return multi_year(ctx, t, ind, &condition, start, end, a);
    }
    match ctx.data.get(ind, t.period) {
        Some(found) => {
            let found = found?;
            a.rule = "final".into();
            let met = record(ind, &condition, t, &found, t.period, a)?;
            a.status = if met { Status::Met } else { Status::Missed };
            let baseline = t
                .baseline
                .and_then(|b| convert(&b, a.unit).ok())
                .map(|b| b.value());
            a.grade = Some(grade(ctx, ind, &condition, met, a, baseline)?);
            Ok(())
        }
        None => partial(ctx, t, ind, &condition, a),
    }
}

/// Fills observed, completion, gap and inputs from a value; returns whether the
/// condition holds.
fn record(
    ind: &Indicator,
    c: &Condition,
    t: &Target,
    found: &Found,
    period: Period,
    a: &mut Assessment,
) -> Result<bool> {
    let observed = convert(&found.value, a.unit)?;
    a.observed = Some(observed.value());
    a.observed_period = Some(period);
    a.inputs = found.inputs.clone();
    a.notes.extend(found.notes.iter().cloned());
    let met = holds(c, &found.value, a.unit, ind.polarity)?;
    a.completion = completion(ind, c, t, observed.value())?;
    a.gap = gap(c, observed.value());
    Ok(met)
}

/// Whether `v` satisfies the condition, exactly.
fn holds(c: &Condition, v: &Quantity, unit: Unit, polarity: Polarity) -> Result<bool> {
    Ok(match c {
        Condition::Compare { op, value } => {
            let o = cmp(v, value)?;
            match op {
                Comparator::Ge => o != Ordering::Less,
                Comparator::Gt => o == Ordering::Greater,
                Comparator::Le => o != Ordering::Greater,
                Comparator::Lt => o == Ordering::Less,
                _ => o == Ordering::Equal,
            }
        }
        Condition::Approx { value, tolerance } => {
            let tol = tolerance_of(value, tolerance.as_ref())?;
            let obs = convert(v, unit)?.value();
            let t = convert(value, unit)?.value();
            // A difference past Decimal's range is certainly outside the tolerance.
            obs.sub_checked(t).is_some_and(|d| d.abs() <= tol)
        }
        // A range is a band only for band indicators: for higher-is-better, reaching
        // past the top of "完成1-2个" over-fulfils it; for lower-is-better, staying under
        // the bottom does.
        Condition::Between { low, high } => match polarity {
            Polarity::Higher => cmp(v, low)? != Ordering::Less,
            Polarity::Lower => cmp(v, high)? != Ordering::Greater,
            Polarity::Band => cmp(v, low)? != Ordering::Less && cmp(v, high)? != Ordering::Greater,
        },

        Condition::Reference { .. } | Condition::Done { .. } => false,
    })
}

/// Absolute tolerance of a `~` target, in the value's unit: ±0.5 percentage points for
/// rates, ±5% of the value for levels, unless the target says otherwise.
fn tolerance_of(value: &Quantity, tolerance: Option<&Quantity>) -> Result<Decimal> {
    let rate = matches!(
        value.dimension(),
        Dimension::Ratio | Dimension::PercentagePoint
    );
    match tolerance {
        None if rate => Ok(Decimal::new(5, 1)),
        None => Ok(times(value.value(), Decimal::new(5, 2))?.abs()),
        Some(t)
            if t.dimension() == value.dimension()
                || (rate && t.dimension() == Dimension::PercentagePoint) =>
        {
            Ok(convert(t, value.unit())?.value().abs())
        }
        // A tolerance in % of a level is relative to the value.
        Some(t) if t.dimension() == Dimension::Ratio => {
            let share = ratio(t.to(percent())?.value(), Decimal::ONE_HUNDRED)?;
            Ok(times(value.value(), share)?.abs())
        }
        Some(t) => Err(Error::new(
            ErrorKind::DimensionMismatch,
            format!("tolerance {t} does not fit {value}"),
        )),
    }
}

fn completion(ind: &Indicator, c: &Condition, t: &Target, obs: Decimal) -> Result<Option<Decimal>> {
    let lower = ind.polarity == Polarity::Lower;
    let r = match c {
        Condition::Between { low, high } => {
            let (lo, hi) = (low.value(), high.value());
            if obs >= lo && obs <= hi {
                Some(Decimal::ONE)
            } else if obs < lo {
                // Under the range: short of it, unless lower is better.
                if lower {
                    ratio(lo, obs).ok()
                } else {
                    ratio(obs, lo).ok()
                }
            } else if ind.polarity == Polarity::Higher {
                ratio(obs, hi).ok()
            } else {
                ratio(hi, obs).ok()
            }
        }
        Condition::Compare { value, .. } | Condition::Approx { value, .. } => {
            let target = value.value();
            if let Some(base) = t.baseline.and_then(|b| convert(&b, value.unit()).ok()) {
                let done = minus(base.value(), obs);
                let needed = minus(base.value(), target);
                done.and_then(|d| ratio(d, needed?)).ok()
            } else if matches!(ind.measure, Measure::Growth | Measure::Change) {
                // Growth completion is defined only for a positive target (or, for a
                // reduction, a negative one); otherwise only the gap is reported.
                if (!lower && target > Decimal::ZERO) || (lower && target < Decimal::ZERO) {
                    ratio(obs, target).ok()
                } else {
                    None
                }
            } else if lower {
                ratio(target, obs).ok()
            } else {
                ratio(obs, target).ok()
            }
        }
        _ => None,
    };
    Ok(r.map(|r| r.round_dp(6).normalize()))
}

fn gap(c: &Condition, obs: Decimal) -> Option<Decimal> {
    match c {
        // A gap past Decimal's range is left out rather than rounded.
        Condition::Between { low, high } => {
            if obs < low.value() {
                obs.sub_checked(low.value())
            } else if obs > high.value() {
                obs.sub_checked(high.value())
            } else {
                Some(Decimal::ZERO)
            }
        }
        Condition::Compare { value, .. } | Condition::Approx { value, .. } => {
            obs.sub_checked(value.value()).map(|g| g.normalize())
        }
        _ => None,
    }
}

/// The grade of a final verdict. 基本完成 is judged exactly (no rounded ratios): within
/// the percentage-point margin for rates, else at least `basic_ratio` of the way —
/// measured from the baseline for reduction targets, and against the violated bound
/// for ranges.
fn grade(
    ctx: &Ctx<'_>,
    ind: &Indicator,
    c: &Condition,
    met: bool,
    a: &Assessment,
    baseline: Option<Decimal>,
) -> Result<Grade> {
    let (Some(obs), Some(target)) = (a.observed, a.target_value) else {
        return Ok(if met {
            Grade::Achieved
        } else {
            Grade::NotAchieved
        });
    };
    let lower = ind.polarity == Polarity::Lower;
    if met {
        let beyond = match c {
            Condition::Compare {
                op: Comparator::Ge | Comparator::Gt,
                ..
            } => obs > target,
            Condition::Compare {
                op: Comparator::Le | Comparator::Lt,
                ..
            } => lower && obs < target,
            Condition::Between { .. } => match ind.polarity {
                Polarity::Higher => a.target_high.is_some_and(|high| obs > high),
                Polarity::Lower => obs < target,
                Polarity::Band => false,
            },
            _ => false,
        };
        return Ok(
            if beyond && a.completion.is_some_and(|c| c > Decimal::ONE) {
                Grade::Exceeded
            } else {
                Grade::Achieved
            },
        );
    }
    let rate = matches!(
        a.unit.dimension(),
        Dimension::Ratio | Dimension::PercentagePoint
    );
    let r = ctx.opts.basic_ratio;
    let basic = || -> Result<bool> {
        Ok(match (baseline, c) {
            (Some(base), _) => minus(base, obs)? >= times(r, minus(base, target)?)?,
            _ if rate => a.gap.is_some_and(|g| g.abs() <= ctx.opts.basic_margin_pp),
            (None, Condition::Between { .. }) => match a.target_high {
                Some(high) if obs > high => high >= times(r, obs)?,
                _ => obs >= times(r, target)?,
            },
            _ if lower => target >= times(r, obs)?,
            _ => obs >= times(r, target)?,
        })
    };
    // The target was missed; a margin past Decimal's range cannot be "basically" met,
    // and must not turn the miss into an error.
    let basic = unless_overflow(basic(), false)?;
    Ok(if basic {
        Grade::BasicallyAchieved
    } else {
        Grade::NotAchieved
    })
}

/// Partial-period data: time progress, seasonal benchmark, stocks against a deadline.
fn partial(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    a: &mut Assessment,
) -> Result<()> {
    let end = t.period.end();
    let window_start = Date::new(end.year(), 1, 1).map_err(|_| date_range_err(end.year()))?;
    let candidate = ctx
        .data
        .periods(ind)
        .iter()
        .copied()
        .filter(|p| {
            let dated_target = matches!(t.period, Period::Date(_));
            *p != t.period
                && (p.is_partial_of(&t.period)
                    // A stock read before its deadline, within the deadline's year.
                    || (dated_target && p.end() < end && p.end() >= window_start)
                    // A running total reported at a date inside the target period.
                    || (!dated_target
                        && matches!(p, Period::Date(_))
                        && p.start() >= t.period.start()
                        && p.end() < end))
        })
        .max_by_key(|p| (p.end(), std::cmp::Reverse(p.start())));
    let Some(p) = candidate else {
        return no_data(ctx, t, a);
    };
    // A derived indicator may list a period for which not all its inputs exist.
    let Some(found) = ctx.data.get(ind, p) else {
        return no_data(ctx, t, a);
    };
    let found = found?;
    let holds_now = record(ind, c, t, &found, p, a)?;
    if ctx.as_of >= end {
        a.notes.push(format!(
            "the period has ended; the latest data covers only {p}"
        ));
    }
    let stock = matches!(t.period, Period::Date(_)) || (!ind.flow && ind.measure == Measure::Level);
    if ind.flow && ind.measure == Measure::Level && !matches!(t.period, Period::Date(_)) {
        return partial_flow(ctx, t, ind, c, p, a);
    }
    a.time_progress = Some(if matches!(t.period, Period::Date(_)) {
        // A deadline is a point: progress runs from the start of its year.
        days_share(window_start.yesterday().map_err(period_err)?, p.end(), end)?
    } else {
        p.elapsed_share(&t.period)?
    });
    if holds_now {
        a.status = Status::OnTrack;
        a.rule = if stock {
            "partial.stock.reached".into()
        } else {
            "partial.rate".into()
        };
    } else if stock {
        stock_progress(ctx, t, ind, c, p, a)?;
    } else {
        a.status = Status::Behind;
        a.rule = "partial.rate".into();
    }
    if ind.measure == Measure::Growth {
        a.required_growth = required_growth(ctx, t, ind, c, p)?;
    }
    Ok(())
}

/// No value for the target's period: pending while the period is open, else no data.
fn no_data(ctx: &Ctx<'_>, t: &Target, a: &mut Assessment) -> Result<()> {
    a.time_progress = Some(t.period.time_progress(ctx.as_of));
    if ctx.as_of < t.period.end() {
        a.status = Status::Pending;
        a.rule = "no_data.period_open".into();
    } else {
        a.status = Status::NoData;
        a.rule = "no_data".into();
    }
    Ok(())
}

// jiff's errors are not formatted: their messages cover every jiff feature and would
// put tens of kilobytes of text into the WebAssembly module. The only failure here is
// leaving the supported calendar range, which these messages say.
fn period_err(_: jiff::Error) -> Error {
    Error::new(
        ErrorKind::Period,
        format!("date arithmetic leaves the calendar (years up to {MAX_YEAR})"),
    )
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
    let share = ratio(days(from, to), days(from, end))?;
    Ok(share.clamp(Decimal::ZERO, Decimal::ONE).round_dp(6))
}

/// A flow observed part-way: progress = YTD / annual target against the share of the
/// period elapsed ("时间过半、任务过半"), or against last year's share at the same
/// point when last year's profile is known.
fn partial_flow(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    p: Period,
    a: &mut Assessment,
) -> Result<()> {
    let tp = p.elapsed_share(&t.period)?;
    a.time_progress = Some(tp);
    let seasonal = (|| {
        let prev_part = ctx.data.get(ind, p.previous_year().ok()?)?.ok()?;
        let prev_full = ctx.data.get(ind, t.period.previous_year().ok()?)?.ok()?;
        let share = ratio(
            prev_part.value.to(prev_full.value.unit()).ok()?.value(),
            prev_full.value.value(),
        )
        .ok()?;
        Some(share.round_dp(6))
    })();
    let expected = match seasonal {
        Some(s) => {
            a.expected_progress = Some(s);
            a.rule = "partial.flow.seasonal".into();
            s
        }
        None => {
            a.rule = "partial.flow.linear".into();
            tp
        }
    };
    let progress = match (a.observed, c.value()) {
        (Some(obs), Some(target)) => ratio(obs, target.value())?,
        _ => {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "a flow target needs a value",
            ))
        }
    };
    let on_track = if ind.polarity == Polarity::Lower {
        progress <= expected
    } else {
        progress >= expected
    };
    a.status = if on_track {
        Status::OnTrack
    } else {
        Status::Behind
    };
    Ok(())
}

/// A stock before its deadline: progress from the last value before the period
/// (the base) toward the target, against the time elapsed since that base.
fn stock_progress(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    p: Period,
    a: &mut Assessment,
) -> Result<()> {
    let end = t.period.end();
    let window_start = Date::new(end.year(), 1, 1).map_err(|_| date_range_err(end.year()))?;
    let base = ctx
        .data
        .periods(ind)
        .iter()
        .copied()
        .filter(|q| q.end() < window_start)
        .max_by_key(|q| q.end());
    let (Some(base_p), Some(target), Some(obs)) = (base, c.value(), a.observed) else {
        a.status = Status::Behind;
        a.rule = "partial.stock".into();
        return Ok(());
    };
    let Some(Ok(base_found)) = ctx.data.get(ind, base_p) else {
        a.status = Status::Behind;
        a.rule = "partial.stock".into();
        return Ok(());
    };
    let base_v = convert(&base_found.value, a.unit)?.value();
    let elapsed = days_share(base_p.end(), p.end(), end)?;
    let progress = ratio(minus(obs, base_v)?, minus(target.value(), base_v)?)?;
    a.time_progress = Some(elapsed.round_dp(6));
    a.expected_progress = Some(elapsed.round_dp(6));
    a.completion = Some(progress.round_dp(6).normalize());
    a.rule = "partial.stock.linear".into();
    a.notes
        .push(format!("progress measured from {} at {}", base_v, base_p));
    a.status = if progress >= elapsed {
        Status::OnTrack
    } else {
        Status::Behind
    };
    Ok(())
}

/// Growth needed over the rest of the year for a growth target, from the level
/// series: needs last year's total, last year's same partial period and this year's
/// partial level. Only for nominal growth, whose levels are comparable.
fn required_growth(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    p: Period,
) -> Result<Option<Decimal>> {
    let Some(level) = ind.of.as_deref().and_then(|id| ctx.data.indicator(id)) else {
        return Ok(None);
    };
    if !ind.nominal {
        return Ok(None);
    }
    let get = |period: Result<Period>| -> Option<Decimal> {
        let found = ctx.data.get(level, period.ok()?)?.ok()?;
        Some(found.value.to(level.unit).ok()?.value())
    };
    let (Some(last_full), Some(last_part), Some(now_part), Some(g)) = (
        get(t.period.previous_year()),
        get(p.previous_year()),
        get(Ok(p)),
        c.value().map(|q| q.value()),
    ) else {
        return Ok(None);
    };
    // Figures past Decimal's range give no required growth rather than an error.
    let required = || -> Result<Decimal> {
        let factor = plus(Decimal::ONE, ratio(g, Decimal::ONE_HUNDRED)?)?;
        let rest_needed = minus(times(last_full, factor)?, now_part)?;
        let r = ratio(rest_needed, minus(last_full, last_part)?)?;
        Ok(times(minus(r, Decimal::ONE)?, Decimal::ONE_HUNDRED)?.round_dp(2))
    };
    unless_overflow(required().map(Some), None)
}

/// Done / not done by a date. Observations of a milestone carry 1 (done) or 0 (not
/// done) for the date they report.
fn milestone(ctx: &Ctx<'_>, ind: &Indicator, by: Date, a: &mut Assessment) -> Result<()> {
    a.rule = "milestone".into();
    let latest = ctx
        .data
        .periods(ind)
        .iter()
        .copied()
        .max_by_key(|p| p.end());
    let found = match latest {
        Some(p) => ctx.data.get(ind, p).transpose()?.map(|f| (p, f)),
        None => None,
    };
    match found {
        Some((p, f)) if f.value.value() >= Decimal::ONE => {
            a.observed_period = Some(p);
            a.inputs = f.inputs;
            // The first report of "done" dates it.
            let first_done = ctx
                .data
                .periods(ind)
                .iter()
                .copied()
                .filter(|q| {
                    ctx.data
                        .get(ind, *q)
                        .and_then(|r| r.ok())
                        .is_some_and(|f| f.value.value() >= Decimal::ONE)
                })
                .map(|q| q.end())
                .min()
                .unwrap_or(p.end());
            if first_done <= by {
                a.status = Status::Met;
                a.grade = Some(Grade::Achieved);
            } else {
                a.status = Status::Missed;
                a.grade = Some(Grade::NotAchieved);
                a.notes
                    .push(format!("done on {first_done}, after the deadline {by}"));
            }
        }
        Some((p, f)) => {
            a.observed_period = Some(p);
            a.inputs = f.inputs;
            if ctx.as_of > by {
                a.status = Status::Missed;
                a.grade = Some(Grade::NotAchieved);
            } else {
                a.status = Status::Pending;
                a.notes
                    .push(format!("not done as of {}; due {by}", p.end()));
            }
        }
        None => {
            // The deadline day itself counts as reached, as a period's last day does.
            a.status = if ctx.as_of >= by {
                Status::NoData
            } else {
                Status::Pending
            };
        }
    }
    Ok(())
}

/// Multi-year targets: compound annual growth since the base year against the growth
/// required, classified as the Eurostat SDG method does.
fn multi_year(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    start: i16,
    end: i16,
    a: &mut Assessment,
) -> Result<()> {
    a.rule = "multi_year.cagr".into();
    let base_year = start - 1;
    let year = |y: i16| Period::Year(y);
    let Some(target) = c.value() else {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "a multi-year target needs a value",
        ));
    };
    let latest = (start..=end)
        .rev()
        .find(|y| ctx.data.get(ind, year(*y)).is_some_and(|r| r.is_ok()));
    let Some(t_year) = latest else {
        a.status = if ctx.as_of >= (Period::Years { start, end }).end() {
            Status::NoData
        } else {
            Status::Pending
        };
        return Ok(());
    };
    let years = (t_year - base_year) as u32;
    let (actual, required) = match ind.measure {
        Measure::Growth => {
            // Chain the annual (real) growth rates from the start year.
            let mut rates = Vec::new();
            for y in start..=t_year {
                match ctx.data.get(ind, year(y)) {
                    Some(Ok(f)) => rates.push(convert(&f.value, percent())?.value()),
                    Some(Err(e)) => return Err(e),
                    // A gap in the series is missing data, not an error of the figures.
                    None => {
                        a.status = Status::NoData;
                        a.notes
                            .push(format!("growth of {y} is missing for the compound rate"));
                        return Ok(());
                    }
                }
            }
            let found = ctx.data.get(ind, year(t_year)).transpose()?;
            if let Some(f) = found {
                a.inputs = f.inputs;
            }
            (chained_cagr(&rates)?, convert(target, percent())?.value())
        }
        _ => {
            let base = match ctx.data.get(ind, year(base_year)) {
                Some(Ok(f)) => convert(&f.value, a.unit)?.value(),
                _ => {
                    a.status = Status::NoData;
                    a.notes.push(format!("no base-year ({base_year}) value"));
                    return Ok(());
                }
            };
            let Some(Ok(now)) = ctx.data.get(ind, year(t_year)) else {
                return Ok(());
            };
            let v = convert(&now.value, a.unit)?.value();
            a.observed = Some(v);
            a.inputs = now.inputs;
            (
                cagr(base, v, years)?,
                cagr(base, target.value(), (end - base_year) as u32)?,
            )
        }
    };
    a.observed_period = Some(year(t_year));
    a.cagr = Some(actual);
    a.required_cagr = Some(required);
    if ind.measure == Measure::Growth {
        a.observed = Some(actual);
    }
    // A reduction requires negative growth: the ratio of two negative rates still
    // measures progress, so only a zero requirement leaves the class undefined.
    let class = if !required.is_zero() {
        let r = ratio(actual, required)?;
        Some(if r >= Decimal::new(95, 2) {
            ProgressClass::Significant
        } else if r >= Decimal::new(60, 2) {
            ProgressClass::Moderate
        } else if r >= Decimal::ZERO {
            ProgressClass::Insufficient
        } else {
            ProgressClass::MovingAway
        })
    } else {
        None
    };
    a.progress_class = class;
    a.completion = if !required.is_zero() {
        ratio(actual, required)
            .ok()
            .map(|r| r.round_dp(6).normalize())
    } else {
        None
    };
    a.gap = a
        .observed
        .zip(a.target_value)
        .and_then(|(o, t)| o.sub_checked(t))
        .map(|g| g.normalize());
    if t_year == end {
        let observed = Quantity::new(a.observed.unwrap_or_default(), a.unit);
        let met = holds(c, &observed, a.unit, ind.polarity)?;
        // At the end of the plan the verdict is on the value itself: completion is
        // actual ÷ target, as for a one-year target.
        a.completion = completion(ind, c, t, observed.value())?;
        a.status = if met { Status::Met } else { Status::Missed };
        a.grade = Some(grade(ctx, ind, c, met, a, None)?);
    } else {
        a.status = if class == Some(ProgressClass::Significant) {
            Status::OnTrack
        } else {
            Status::Behind
        };
    }
    Ok(())
}

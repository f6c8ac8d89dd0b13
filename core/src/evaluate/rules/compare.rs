//! A figure against a condition, exactly: whether it holds, completion, gap and grade.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::comparator::Comparator;
use crate::evaluate::assessment::{Assessment, Grade};
use crate::evaluate::data::Found;
use crate::evaluate::math::{minus, ratio, times, unless_overflow};
use crate::evaluate::Options;
use crate::exact::Checked;
use crate::indicator::{Indicator, Measure, Polarity};
use crate::period::Period;
use crate::quantity::Quantity;
use crate::target::{Condition, Target};
use crate::unit::{Dimension, Unit};
use crate::{Error, ErrorKind, Result};

/// Converts for comparison and display. Percent and percentage points are different
/// dimensions (SPEC §2): a figure in one never meets a target in the other silently.
pub(crate) fn convert(q: &Quantity, unit: Unit) -> Result<Quantity> {
    rates_apart(q, unit)?;
    match q.to(unit) {
        Err(e) if e.kind() == ErrorKind::InexactConversion => q.to_rounded(unit, 10),
        other => other,
    }
}

/// Exact comparison (units of one dimension cross-multiplied), with the same refusal
/// of percent against percentage points as [`convert`].
fn exact_cmp(a: &Quantity, b: &Quantity) -> Result<Ordering> {
    rates_apart(a, b.unit())?;
    a.try_cmp(b)
}

/// The error for a percentage met with percentage points, or the reverse, with the
/// reason an analyst needs.
fn rates_apart(q: &Quantity, unit: Unit) -> Result<()> {
    match (q.dimension(), unit.dimension()) {
        (Dimension::Ratio, Dimension::PercentagePoint) => Err(Error::new(
            ErrorKind::DimensionMismatch,
            format!(
                "the figure {q} is a percentage and the target is in percentage points \
                     (个百分点, a change of a percentage): they are not comparable"
            ),
        )),
        (Dimension::PercentagePoint, Dimension::Ratio) => Err(Error::new(
            ErrorKind::DimensionMismatch,
            format!(
                "the figure {q} is in percentage points (a change) and the target is a \
                     percentage: they are not comparable"
            ),
        )),
        _ => Ok(()),
    }
}

/// Which way a figure is better for this target: the indicator's polarity; a band
/// judges each side by where the figure lies.
fn better_lower(ind: &Indicator, obs: Decimal, target: Decimal) -> bool {
    match ind.polarity {
        Polarity::Lower => true,
        Polarity::Higher => false,
        Polarity::Band => obs > target,
    }
}

/// True when a baseline is short of the target, so that the way from it measures
/// progress: above a lower-is-better target (a reduction), below a higher-is-better
/// one. A baseline already at or past the target measures nothing (6万吨 under a
/// ceiling of 8万吨 would make 7万吨 50% done and met).
fn short_of(base: Decimal, target: Decimal, lower: bool) -> bool {
    if lower {
        base > target
    } else {
        base < target
    }
}

/// The band of a `~` target: the value ± its tolerance, in the value's unit.
pub(crate) fn approx_band(
    value: &Quantity,
    tolerance: Option<&Quantity>,
) -> Result<(Decimal, Decimal)> {
    let tol = tolerance_of(value, tolerance)?;
    let v = value.value();
    let lo = v.sub_checked(tol).unwrap_or(Decimal::MIN);
    let hi = v.add_checked(tol).unwrap_or(Decimal::MAX);
    Ok((lo, hi))
}

/// Whether `v` satisfies the condition, exactly.
pub(crate) fn holds(c: &Condition, v: &Quantity, unit: Unit, polarity: Polarity) -> Result<bool> {
    let cmp = |b: &Quantity| exact_cmp(v, b);
    Ok(match c {
        Condition::Compare { op, value } => {
            let o = cmp(value)?;
            match op {
                Comparator::Ge => o != Ordering::Less,
                Comparator::Gt => o == Ordering::Greater,
                Comparator::Le => o != Ordering::Greater,
                Comparator::Lt => o == Ordering::Less,
                _ => o == Ordering::Equal,
            }
        }
        // Inside the band the target is met; past it on the good side it is
        // over-fulfilled (超额完成); only the bad side misses. A band indicator has no
        // good side.
        Condition::Approx { value, tolerance } => {
            let obs = convert(v, unit)?.value();
            let value = convert(value, unit)?;
            let (lo, hi) = approx_band(&value, tolerance.as_ref())?;
            match polarity {
                Polarity::Higher => obs >= lo,
                Polarity::Lower => obs <= hi,
                Polarity::Band => obs >= lo && obs <= hi,
            }
        }
        // A range is a band only for band indicators: for higher-is-better, reaching
        // past the top of "完成1-2个" over-fulfils it; for lower-is-better, staying under
        // the bottom does.
        Condition::Between { low, high } => match polarity {
            Polarity::Higher => cmp(low)? != Ordering::Less,
            Polarity::Lower => cmp(high)? != Ordering::Greater,
            Polarity::Band => cmp(low)? != Ordering::Less && cmp(high)? != Ordering::Greater,
        },
        Condition::Reference { .. } | Condition::Done { .. } => false,
    })
}

/// Absolute tolerance of a `~` target, in the value's unit: ±0.5 percentage points for
/// rates, ±5% of the value for levels, unless the target says otherwise.
fn tolerance_of(value: &Quantity, tolerance: Option<&Quantity>) -> Result<Decimal> {
    let rate = value.dimension().is_rate();
    match tolerance {
        None if rate => Ok(Decimal::new(5, 1)),
        None => Ok(times(value.value(), Decimal::new(5, 2))?.abs()),
        // A tolerance in points of a rate is the same number as the rate's own unit.
        Some(t) if rate && t.dimension().is_rate() => Ok(t.value().abs()),
        Some(t) if t.dimension() == value.dimension() => {
            Ok(convert(t, value.unit())?.value().abs())
        }
        // A tolerance in % of a level is relative to the value.
        Some(t) if t.dimension() == Dimension::Ratio => {
            let share = ratio(t.to(Unit::percent())?.value(), Decimal::ONE_HUNDRED)?;
            Ok(times(value.value(), share)?.abs())
        }
        Some(t) => Err(Error::new(
            ErrorKind::DimensionMismatch,
            format!("tolerance {t} does not fit {value}"),
        )),
    }
}

/// Completion (完成率) of a final figure, rounded to 6 decimals (SPEC §6).
pub(crate) fn completion(
    ind: &Indicator,
    c: &Condition,
    t: &Target,
    obs: Decimal,
) -> Result<Option<Decimal>> {
    let r = match c {
        Condition::Between { low, high } => {
            let (lo, hi) = (low.value(), high.value());
            let lower = ind.polarity == Polarity::Lower;
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
        Condition::Approx { value, tolerance } => {
            let (lo, hi) = approx_band(value, tolerance.as_ref())?;
            if obs >= lo && obs <= hi {
                Some(Decimal::ONE)
            } else {
                against(ind, t, value, obs)
            }
        }
        Condition::Compare { value, .. } => against(ind, t, value, obs),
        _ => None,
    };
    Ok(r.map(|r| r.round_dp(6).normalize()))
}

/// Actual against target: actual ÷ target where higher is better, target ÷ actual
/// where lower is better, the share of the way from a baseline for reductions, and for
/// growth only when the target points the good way.
fn against(ind: &Indicator, t: &Target, value: &Quantity, obs: Decimal) -> Option<Decimal> {
    let target = value.value();
    let lower = better_lower(ind, obs, target);
    let base = t.baseline.and_then(|b| convert(&b, value.unit()).ok());
    if let Some(base) = base.filter(|b| short_of(b.value(), target, lower)) {
        let done = minus(base.value(), obs);
        let needed = minus(base.value(), target);
        return done.and_then(|d| ratio(d, needed?)).ok();
    }
    // A change (a growth rate, a change indicator, or a change in percentage points
    // derived from a share) is judged as a change, whatever the share's polarity.
    let change = matches!(ind.measure, Measure::Growth | Measure::Change)
        || value.dimension() == Dimension::PercentagePoint;
    if change {
        // Growth completion is defined only for a positive target (or, for a
        // reduction, a negative one); otherwise only the gap is reported.
        // A change that went the wrong way has no completion, only its gap.
        return if (!lower && target > Decimal::ZERO) || (lower && target < Decimal::ZERO) {
            ratio(obs, target).ok().filter(|r| !r.is_sign_negative())
        } else {
            None
        };
    }
    if lower {
        ratio(target, obs).ok()
    } else {
        ratio(obs, target).ok()
    }
}

/// Observed − target; for a range, the distance past the nearer bound.
pub(crate) fn gap(c: &Condition, obs: Decimal) -> Option<Decimal> {
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

/// Fills observed, completion, gap, inputs and conflicts from a figure; returns
/// whether the condition holds.
pub(crate) fn record(
    ind: &Indicator,
    c: &Condition,
    t: &Target,
    found: Found,
    period: Period,
    a: &mut Assessment,
) -> Result<bool> {
    // What was used is recorded first, so a figure that cannot be compared is still
    // shown with its unit.
    // (Most assessments have none yet: the figure's own vectors are taken whole.)
    if a.inputs.is_empty() {
        a.inputs = found.inputs;
    } else {
        a.inputs.extend(found.inputs);
    }
    a.conflicts = found.conflicts;
    if a.notes.is_empty() {
        a.notes = found.notes;
    } else {
        a.notes.extend(found.notes);
    }
    let observed = convert(&found.value, a.unit)?;
    a.observed = Some(observed.value());
    a.observed_period = Some(period);
    let met = holds(c, &found.value, a.unit, ind.polarity)?;
    a.completion = completion(ind, c, t, observed.value())?;
    a.gap = gap(c, observed.value());
    Ok(met)
}

/// The grade of a final verdict. 基本完成 is judged exactly (no rounded ratios): within
/// the percentage-point margin for rates, else at least `basic_ratio` of the way —
/// measured from the baseline for reduction targets, and against the violated bound
/// for ranges.
pub(crate) fn grade(
    opts: &Options,
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
            // Past the band on the good side is over-fulfilled, whatever completion
            // can say (none for a positive rate on a lower-is-better indicator).
            Condition::Approx { value, tolerance } => {
                let (lo, hi) = approx_band(value, tolerance.as_ref())?;
                if obs < lo || obs > hi {
                    return Ok(Grade::Exceeded);
                }
                false
            }
            _ => false,
        };
        return Ok(
            // Past the target on the good side is over-fulfilled; where completion is
            // defined it must say so too (none for 0 against a ceiling of 10: better
            // than 1, which gives 1000%).
            if beyond && a.completion.is_none_or(|c| c > Decimal::ONE) {
                Grade::Exceeded
            } else {
                Grade::Achieved
            },
        );
    }
    let rate = a.unit.dimension().is_rate();
    // A band judges each side by where the figure lies.
    let lower = better_lower(ind, obs, target);
    // A change that went the wrong way is not "basically" achieved, however small.
    let wrong_way = a.unit.dimension() == Dimension::PercentagePoint
        && !target.is_zero()
        && (obs.is_sign_negative() != target.is_sign_negative() || obs.is_zero());
    let r = opts.basic_ratio;
    let basic = || -> Result<bool> {
        // For a rate the margin is in points (SPEC §6: "or within 0.5 pp for rates"),
        // with or without a baseline; a baseline already past the target is no baseline.
        Ok(
            match (baseline.filter(|b| short_of(*b, target, lower)), c) {
                _ if wrong_way => false,
                _ if rate => a.gap.is_some_and(|g| g.abs() <= opts.basic_margin_pp),
                // At least `r` of the way from the baseline: (base − obs) ÷ (base − target)
                // ≥ r, multiplied out with the divisor's sign (negative for a rise).
                (Some(base), _) => {
                    let short = if lower {
                        Ordering::Less
                    } else {
                        Ordering::Greater
                    };
                    minus(base, obs)?.cmp(&times(r, minus(base, target)?)?) != short
                }
                (None, Condition::Between { .. }) => match a.target_high {
                    Some(high) if obs > high => high >= times(r, obs)?,
                    _ => obs >= times(r, target)?,
                },
                _ if lower => target >= times(r, obs)?,
                _ => obs >= times(r, target)?,
            },
        )
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

/// True for a ceiling: `<=`, `<`, or a range or `~` on a lower-is-better indicator.
pub(crate) fn is_ceiling(ind: &Indicator, c: &Condition) -> bool {
    match c.comparator() {
        Comparator::Le | Comparator::Lt => true,
        Comparator::Ge | Comparator::Gt => false,
        _ => ind.polarity == Polarity::Lower,
    }
}

/// The part-way verdict shared by flows, cumulative totals and changes: `done` of
/// `target` (the completion) against the share `expected` by now. Under a ceiling it is
/// the share of an allowance used, and using it faster than expected is behind; a zero
/// target is on track while nothing has moved the wrong way.
pub(crate) fn pace(
    done: Decimal,
    target: Decimal,
    expected: Decimal,
    ceiling: bool,
    a: &mut Assessment,
) -> Result<()> {
    let on_track = if target.is_zero() {
        a.completion = None;
        if ceiling {
            done <= Decimal::ZERO
        } else {
            done >= Decimal::ZERO
        }
    } else {
        let progress = ratio(done, target)?;
        a.completion = Some(progress.round_dp(6).normalize());
        if ceiling && progress > Decimal::ONE {
            a.notes
                .push("the figure so far is already past the whole period's ceiling".into());
        }
        if ceiling {
            progress <= expected
        } else {
            progress >= expected
        }
    };
    a.status = if on_track {
        crate::evaluate::assessment::Status::OnTrack
    } else {
        crate::evaluate::assessment::Status::Behind
    };
    Ok(())
}

//! Multi-year targets (five-year plans). A flow in absolute units ("十四五期间累计新增
//! 就业7.5万人") is a cumulative total over the period; a change ("单位GDP能耗降低
//! 〔13.5%〕", "提高X个百分点") is the change over the whole period; growth and level
//! targets of stocks and rates are judged by compound annual growth since the base
//! year. Part-way progress is classed as the Eurostat SDG method does.

use rust_decimal::Decimal;

use crate::evaluate::assessment::{Assessment, ProgressClass, Status};
use crate::evaluate::math::{cagr, chained_cagr, minus, plus, ratio, times};
use crate::evaluate::rule::Rule;
use crate::exact::Checked;
use crate::indicator::{Indicator, Measure};
use crate::period::Period;
use crate::quantity::Quantity;
use crate::target::{Condition, Target};
use crate::unit::{Dimension, Unit};
use crate::{Error, ErrorKind, Result};

use super::compare::{completion, grade, holds, is_ceiling, pace};
use super::{convert, ended_partly_covered, Ctx};

pub(super) fn judge(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    start: i16,
    end: i16,
    a: &mut Assessment,
) -> Result<()> {
    if c.value().is_none() {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "a multi-year target needs a value",
        ));
    }
    if ind.flow && ind.measure == Measure::Level && !a.unit.dimension().is_rate() {
        return cumulative(ctx, t, ind, c, start, end, a);
    }
    if is_change(ind, a) {
        return change(ctx, t, ind, c, start, end, a);
    }
    compound(ctx, t, ind, c, start, end, a)
}

/// Open or over: pending before the end of the period, no data after it.
fn nothing_yet(ctx: &Ctx<'_>, start: i16, end: i16, a: &mut Assessment) {
    a.status = if ctx.as_of >= (Period::Years { start, end }).end() {
        Status::NoData
    } else {
        Status::Pending
    };
}

/// A cumulative flow: a published cumulative figure for the period so far
/// (`2021..2023`), or the sum of the yearly figures from the first year without a gap,
/// whichever covers more years. Part-way, the share of the target done is judged
/// against the share of the period's years the figures cover.
fn cumulative(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    start: i16,
    end: i16,
    a: &mut Assessment,
) -> Result<()> {
    a.rule = Rule::MultiYearCumulative;
    // The yearly figures from the start, up to the first missing year.
    let mut total = Decimal::ZERO;
    let mut summed_through = None;
    let mut yearly = Vec::new();
    for y in start..=end {
        match ctx.data.get(ind, Period::Year(y)) {
            Some(found) => {
                let found = found?;
                total = plus(total, convert(&found.value, a.unit)?.value())?;
                yearly.push(found);
                summed_through = Some(y);
            }
            None => break,
        }
    }
    // A published cumulative figure covering more years is taken as is, and the
    // yearly figures after it are added (`2021..2024` published, then 2025).
    // `start..start` is the first year itself, already among the yearly figures.
    let published = (start..=end).rev().find_map(|y| {
        if y == start || summed_through.is_some_and(|s| s >= y) {
            return None;
        }
        ctx.data
            .get(ind, Period::Years { start, end: y })
            .map(|f| (y, f))
    });
    let through = match (published, summed_through) {
        (Some((y, found)), _) => {
            let found = found?;
            total = convert(&found.value, a.unit)?.value();
            a.inputs = found.inputs;
            a.conflicts = found.conflicts;
            a.notes.extend(found.notes);
            a.notes
                .push(format!("published cumulative figure for {start}..{y}"));
            let mut through = y;
            while through < end {
                let Some(next) = ctx.data.get(ind, Period::Year(through + 1)) else {
                    break;
                };
                let next = next?;
                total = plus(total, convert(&next.value, a.unit)?.value())?;
                a.inputs.extend(next.inputs);
                a.conflicts.extend(next.conflicts);
                a.notes.extend(next.notes);
                through += 1;
            }
            if through > y {
                a.notes
                    .push(format!("plus the yearly figures {}..{through}", y + 1));
            }
            through
        }
        (None, Some(y)) => {
            for f in yearly {
                a.inputs.extend(f.inputs);
                a.conflicts.extend(f.conflicts);
                a.notes.extend(f.notes);
            }
            a.notes.push(format!(
                "cumulative total: the sum of the yearly figures {start}..{y}"
            ));
            y
        }
        (None, None) => {
            nothing_yet(ctx, start, end, a);
            return Ok(());
        }
    };
    // A gap in the yearly figures: the years after it are not counted, and say so.
    if through < end {
        let missing = through + 1;
        let later: Vec<String> = (missing + 1..=end)
            .filter(|y| ctx.data.get(ind, Period::Year(*y)).is_some())
            .map(|y| y.to_string())
            .collect();
        if !later.is_empty() {
            a.notes.push(format!(
                "{missing} is missing, so the figures for {} are not counted",
                later.join(", ")
            ));
        }
    }
    let covered = Period::Years {
        start,
        end: through,
    };
    a.observed = Some(total);
    a.observed_period = Some(covered);
    let years_total = Decimal::from(i32::from(end) - i32::from(start) + 1);
    let years_done = Decimal::from(i32::from(through) - i32::from(start) + 1);
    let elapsed = ratio(years_done, years_total)?.round_dp(6).normalize();
    a.time_progress = Some(elapsed);
    if through == end {
        a.gap = super::compare::gap(c, total);
        return settle(ctx, t, ind, c, total, a);
    }
    if ctx.as_of >= (Period::Years { start, end }).end() {
        ended_partly_covered(a, covered);
        return Ok(());
    }
    let target = c.value().map(|q| convert(q, a.unit)).transpose()?;
    let Some(target) = target.map(|q| q.value()) else {
        return Ok(());
    };
    pace(total, target, elapsed, is_ceiling(ind, c), a)
}

/// Compound annual growth since the base year against the growth required.
fn compound(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    start: i16,
    end: i16,
    a: &mut Assessment,
) -> Result<()> {
    a.rule = Rule::MultiYearCagr;
    let base_year = start - 1;
    let year = |y: i16| Period::Year(y);
    let Some(target) = c.value() else {
        return Ok(());
    };
    let latest = (start..=end)
        .rev()
        .find(|y| ctx.data.get(ind, year(*y)).is_some_and(|r| r.is_ok()));
    // A published average annual growth for the years so far (`2021..2025`) is taken
    // as is when it covers at least as many years as the yearly figures.
    let published = if ind.measure == Measure::Growth {
        (start + 1..=end).rev().find_map(|y| {
            (y >= latest.unwrap_or(start))
                .then(|| ctx.data.get(ind, Period::Years { start, end: y }))
                .flatten()
                .map(|f| (y, f))
        })
    } else {
        None
    };
    // Nominal growth of a level series, when a missing year stops the chain of yearly
    // rates short of the latest level: from the base year's level and the latest one, as
    // an analyst computes it ((L_t / L_base)^(1/n) − 1). A whole chain is kept (its
    // rates may be published ones, on a comparable basis).
    let level = ind
        .of
        .as_deref()
        .filter(|_| ind.nominal && ind.measure == Measure::Growth)
        .and_then(|id| ctx.data.indicator(id));
    let at = |y: i16| level.and_then(|l| ctx.data.get(l, year(y))?.ok());
    let whole = |to: i16| (start..=to).all(|y| ctx.data.get(ind, year(y)).is_some());
    let levels = at(base_year)
        .zip((start..=end).rev().find_map(|y| at(y).map(|f| (y, f))))
        .filter(|(_, (y, _))| !latest.is_some_and(|l| l >= *y && whole(l)));
    // A published average counts when it covers at least as many years as the levels.
    let published = published.filter(|(y, _)| levels.as_ref().is_none_or(|(_, (l, _))| y >= l));
    let (through, actual, required) = if let Some((y, found)) = published {
        let found = found?;
        a.inputs = found.inputs;
        a.conflicts = found.conflicts;
        a.notes.extend(found.notes);
        a.notes
            .push(format!("published average annual growth for {start}..{y}"));
        a.observed_period = Some(Period::Years { start, end: y });
        let actual = convert(&found.value, Unit::percent())?.value();
        (y, actual, convert(target, Unit::percent())?.value())
    } else if let Some((base, (y, now))) = levels {
        // From a loss (a level at or below zero) a growth rate means nothing, as for
        // a year's growth from its levels.
        if base.value.value() <= Decimal::ZERO {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "no growth rate from a level at or below zero",
            ));
        }
        let actual = cagr(
            base.value.value(),
            now.value.to(base.value.unit())?.value(),
            (y - base_year) as u32,
        )?;
        a.notes.push(format!(
            "average annual growth from the levels of {base_year} and {y}"
        ));
        a.notes.extend(now.notes);
        a.notes.extend(base.notes);
        a.inputs = now.inputs;
        a.inputs.extend(base.inputs);
        a.conflicts = now.conflicts;
        a.conflicts.extend(base.conflicts);
        (y, actual, convert(target, Unit::percent())?.value())
    } else {
        let Some(t_year) = latest else {
            nothing_yet(ctx, start, end, a);
            return Ok(());
        };
        let years = (t_year - base_year) as u32;
        let (actual, required) = match ind.measure {
            Measure::Growth => {
                // Chain the annual (real) growth rates from the start year.
                let mut rates = Vec::new();
                for y in start..=t_year {
                    match ctx.data.get(ind, year(y)) {
                        Some(Ok(f)) => rates.push(convert(&f.value, Unit::percent())?.value()),
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
                    a.conflicts = f.conflicts;
                }
                (
                    chained_cagr(&rates)?,
                    convert(target, Unit::percent())?.value(),
                )
            }
            _ => {
                let Some(Ok(now)) = ctx.data.get(ind, year(t_year)) else {
                    return Ok(());
                };
                let v = convert(&now.value, a.unit)?.value();
                a.observed = Some(v);
                a.observed_period = Some(year(t_year));
                a.inputs = now.inputs;
                a.conflicts = now.conflicts;
                let base = match ctx.data.get(ind, year(base_year)) {
                    Some(Ok(f)) => convert(&f.value, a.unit)?.value(),
                    _ => {
                        // In the final year the verdict is on the value itself; before it,
                        // progress needs the base.
                        a.notes.push(format!(
                            "no base-year ({base_year}) value, so no average annual growth"
                        ));
                        if t_year == end {
                            return final_value(ctx, t, ind, c, a);
                        }
                        a.status = Status::NoData;
                        if ctx.as_of >= (Period::Years { start, end }).end() {
                            a.rule = Rule::NoDataPartialOnly;
                        }
                        return Ok(());
                    }
                };
                (
                    cagr(base, v, years)?,
                    cagr(base, target.value(), (end - base_year) as u32)?,
                )
            }
        };
        (t_year, actual, required)
    };
    classify(ctx, t, ind, c, (start, through, end), (actual, required), a)
}

/// Average annual growth `actual` over `start..through` against the `required` rate:
/// the Eurostat class part-way, the verdict on the value itself in the final year, and
/// no data once the period is over with only part of it covered.
fn classify(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    (start, through, end): (i16, i16, i16),
    (actual, required): (Decimal, Decimal),
    a: &mut Assessment,
) -> Result<()> {
    let base_year = start - 1;
    // The latest year of the figures (a published average keeps its own period).
    if a.observed_period.is_none() {
        a.observed_period = Some(Period::Year(through));
    }
    a.cagr = Some(actual);
    a.required_cagr = Some(required);
    a.notes.push(format!(
        "compound annual growth {start}..{through} since the base year {base_year}, against the annual growth required to reach the target by {end}"
    ));
    if ind.measure == Measure::Growth {
        a.observed = Some(actual);
    }
    // A reduction requires negative growth: the ratio of two negative rates still
    // measures progress, so only a zero requirement leaves the class undefined.
    let class = if !required.is_zero() {
        Some(progress_class(ratio(actual, required)?))
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
    a.gap = gap_of(a);
    if through == end {
        return final_value(ctx, t, ind, c, a);
    }
    if ctx.as_of >= (Period::Years { start, end }).end() {
        ended_partly_covered(
            a,
            Period::Years {
                start,
                end: through,
            },
        );
        return Ok(());
    }
    // A floor the base year already met, or a ceiling it was already under, asks to
    // hold the figure, not to move it: the rate required points away from the target
    // (grain at or above 6.5亿吨 from 6.69; growth of at most 3% a year), and the ratio
    // of the two rates measures nothing. Part-way, the latest figure decides.
    let holding = a.rule == Rule::MultiYearCagr
        && matches!(c, Condition::Compare { .. })
        && if is_ceiling(ind, c) {
            required >= Decimal::ZERO
        } else {
            required <= Decimal::ZERO
        };
    if let (true, Some(observed)) = (holding, a.observed) {
        let met = holds(c, &Quantity::new(observed, a.unit), a.unit, ind.polarity)?;
        a.progress_class = None;
        a.completion = completion(ind, c, t, observed)?;
        a.notes
            .push("already within the target at the base: judged by the latest figure".into());
        a.status = if met { Status::OnTrack } else { Status::Behind };
        return Ok(());
    }
    a.status = if class == Some(ProgressClass::Significant) {
        Status::OnTrack
    } else {
        Status::Behind
    };
    Ok(())
}

/// At the end of the plan the verdict is on the value itself: completion is actual ÷
/// target, as for a one-year target.
fn final_value(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    a: &mut Assessment,
) -> Result<()> {
    a.gap = gap_of(a);
    settle(ctx, t, ind, c, a.observed.unwrap_or_default(), a)
}

/// Observed − target, normalized; none past Decimal's range.
fn gap_of(a: &Assessment) -> Option<Decimal> {
    a.observed
        .zip(a.target_value)
        .and_then(|(o, t)| o.sub_checked(t))
        .map(|g| g.normalize())
}

/// The verdict on the whole period's figure `v` (in the target's unit): met or
/// missed, its completion and grade.
fn settle(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    v: Decimal,
    a: &mut Assessment,
) -> Result<()> {
    let met = holds(c, &Quantity::new(v, a.unit), a.unit, ind.polarity)?;
    a.completion = completion(ind, c, t, v)?;
    a.status = if met { Status::Met } else { Status::Missed };
    a.grade = Some(grade(ctx.opts, ind, c, met, a, None)?);
    Ok(())
}

/// True for a multi-year target on a change: a `change` indicator (its figures are
/// yearly changes, or a published change over several years), or a target in
/// percentage points on a series in % (its figures are levels).
fn is_change(ind: &Indicator, a: &Assessment) -> bool {
    ind.measure == Measure::Change
        || (a.unit.dimension() == Dimension::PercentagePoint
            && ind.unit.dimension() == Dimension::Ratio)
}

/// A change over the plan period ("单位GDP能耗降低13.5%", "城镇化率提高X个百分点"):
/// the change from the base year to the latest year. For a `change` indicator it is a
/// published change for the years so far (`2021..2024`), or the yearly changes from
/// the start — compounded when they are % changes, added when they are points or
/// units — whichever covers more years; for a pp target on a share, the latest year's
/// share minus the base year's. Part-way, % changes are judged by their average
/// annual rate against the rate required (Eurostat classes, as for growth), changes
/// in points by the share of the target done against the share of the years elapsed.
fn change(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    start: i16,
    end: i16,
    a: &mut Assessment,
) -> Result<()> {
    a.rule = Rule::MultiYearChange;
    let Some(target) = c.value() else {
        return Ok(());
    };
    let target = convert(target, a.unit)?.value();
    let compounded = a.unit.dimension() == Dimension::Ratio;
    let (total, through) = if ind.measure == Measure::Change {
        let mut acc = if compounded {
            Decimal::ONE
        } else {
            Decimal::ZERO
        };
        let mut summed_through = None;
        let mut yearly = Vec::new();
        for y in start..=end {
            let Some(found) = ctx.data.get(ind, Period::Year(y)) else {
                break;
            };
            let found = found?;
            let v = convert(&found.value, a.unit)?.value();
            acc = if compounded {
                times(acc, plus(Decimal::ONE, ratio(v, Decimal::ONE_HUNDRED)?)?)?
            } else {
                plus(acc, v)?
            };
            yearly.push(found);
            summed_through = Some(y);
        }
        let summed = if compounded {
            times(minus(acc, Decimal::ONE)?, Decimal::ONE_HUNDRED)?.round_dp(6)
        } else {
            acc
        };
        let published = (start..=end).rev().find_map(|y| {
            if y == start || summed_through.is_some_and(|s| s >= y) {
                return None;
            }
            ctx.data
                .get(ind, Period::Years { start, end: y })
                .map(|f| (y, f))
        });
        match (published, summed_through) {
            (Some((y, found)), _) => {
                let found = found?;
                let v = convert(&found.value, a.unit)?.value();
                a.inputs = found.inputs;
                a.conflicts = found.conflicts;
                a.notes.extend(found.notes);
                a.notes.push(format!("published change for {start}..{y}"));
                // The yearly changes after the published one are compounded or added
                // onto it (`2021..2024` published, then 2025).
                let mut total = v;
                let mut through = y;
                while through < end {
                    let Some(next) = ctx.data.get(ind, Period::Year(through + 1)) else {
                        break;
                    };
                    let next = next?;
                    let r = convert(&next.value, a.unit)?.value();
                    total = if compounded {
                        let hundred = Decimal::ONE_HUNDRED;
                        let factor = times(
                            plus(Decimal::ONE, ratio(total, hundred)?)?,
                            plus(Decimal::ONE, ratio(r, hundred)?)?,
                        )?;
                        times(minus(factor, Decimal::ONE)?, hundred)?.round_dp(6)
                    } else {
                        plus(total, r)?
                    };
                    a.inputs.extend(next.inputs);
                    a.conflicts.extend(next.conflicts);
                    a.notes.extend(next.notes);
                    through += 1;
                }
                if through > y {
                    a.notes
                        .push(format!("plus the yearly changes {}..{through}", y + 1));
                }
                (total.normalize(), through)
            }
            (None, Some(y)) => {
                for f in yearly {
                    a.inputs.extend(f.inputs);
                    a.conflicts.extend(f.conflicts);
                    a.notes.extend(f.notes);
                }
                a.notes.push(format!(
                    "change over {start}..{y}: the yearly changes {}",
                    if compounded { "compounded" } else { "added" }
                ));
                (summed, y)
            }
            (None, None) => {
                nothing_yet(ctx, start, end, a);
                return Ok(());
            }
        }
    } else {
        // A pp target on a series in %: the latest level against the base year's.
        let base_year = start - 1;
        let latest = (start..=end)
            .rev()
            .find(|y| ctx.data.get(ind, Period::Year(*y)).is_some());
        let (Some(y), Some(base)) = (latest, ctx.data.get(ind, Period::Year(base_year))) else {
            if latest.is_some() {
                a.notes.push(format!("no base-year ({base_year}) value"));
                a.status = Status::NoData;
            } else {
                nothing_yet(ctx, start, end, a);
            }
            return Ok(());
        };
        let (base, now) = (base?, ctx.data.get(ind, Period::Year(y)).transpose()?);
        let Some(now) = now else {
            return Ok(());
        };
        let pct = Unit::percent();
        let d = minus(
            convert(&now.value, pct)?.value(),
            convert(&base.value, pct)?.value(),
        )?;
        a.notes.extend(now.notes);
        a.notes.extend(base.notes);
        a.inputs = now.inputs;
        a.inputs.extend(base.inputs);
        a.notes.push(format!(
            "change in percentage points from {base_year} to {y}"
        ));
        (d.normalize(), y)
    };
    a.observed = Some(total);
    a.observed_period = Some(Period::Years {
        start,
        end: through,
    });
    a.gap = total.sub_checked(target).map(|g| g.normalize());
    if through == end {
        return settle(ctx, t, ind, c, total, a);
    }
    if ctx.as_of >= (Period::Years { start, end }).end() {
        ended_partly_covered(
            a,
            Period::Years {
                start,
                end: through,
            },
        );
        return Ok(());
    }
    let years = Decimal::from(i32::from(through) - i32::from(start) + 1);
    let all_years = Decimal::from(i32::from(end) - i32::from(start) + 1);
    if compounded {
        // Average annual rates: (1 + C)^(1/k) − 1 against (1 + T)^(1/n) − 1.
        let k = (i32::from(through) - i32::from(start) + 1) as u32;
        let n = (i32::from(end) - i32::from(start) + 1) as u32;
        let hundred = Decimal::ONE_HUNDRED;
        let actual = cagr(hundred, plus(hundred, total)?, k)?;
        let required = cagr(hundred, plus(hundred, target)?, n)?;
        a.cagr = Some(actual);
        a.required_cagr = Some(required);
        if required.is_zero() {
            a.status = Status::Behind;
            return Ok(());
        }
        let r = ratio(actual, required)?;
        a.completion = Some(r.round_dp(6).normalize());
        let class = progress_class(r);
        a.progress_class = Some(class);
        a.status = if class == ProgressClass::Significant {
            Status::OnTrack
        } else {
            Status::Behind
        };
        return Ok(());
    }
    let elapsed = ratio(years, all_years)?.round_dp(6).normalize();
    a.time_progress = Some(elapsed);
    // A change is a distance to cover in the target's direction, never an allowance.
    pace(total, target, elapsed, false, a)
}

/// The Eurostat SDG class of the ratio of actual to required annual growth.
fn progress_class(r: Decimal) -> ProgressClass {
    if r >= Decimal::new(95, 2) {
        ProgressClass::Significant
    } else if r >= Decimal::new(60, 2) {
        ProgressClass::Moderate
    } else if r >= Decimal::ZERO {
        ProgressClass::Insufficient
    } else {
        ProgressClass::MovingAway
    }
}

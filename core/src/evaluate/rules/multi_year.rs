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

use super::compare::{completion, grade, holds};
use super::{convert, Ctx};

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
    let observed = Quantity::new(total, a.unit);
    let years_total = Decimal::from(i32::from(end) - i32::from(start) + 1);
    let years_done = Decimal::from(i32::from(through) - i32::from(start) + 1);
    let elapsed = ratio(years_done, years_total)?.round_dp(6).normalize();
    a.time_progress = Some(elapsed);
    if through == end {
        let met = holds(c, &observed, a.unit, ind.polarity)?;
        a.completion = completion(ind, c, t, total)?;
        a.gap = super::compare::gap(c, total);
        a.status = if met { Status::Met } else { Status::Missed };
        a.grade = Some(grade(ctx.opts, ind, c, met, a, None)?);
        return Ok(());
    }
    if ctx.as_of >= (Period::Years { start, end }).end() {
        a.status = Status::NoData;
        a.rule = Rule::NoDataPartialOnly;
        a.notes.push(format!(
            "the period has ended; the figures cover only {covered}"
        ));
        return Ok(());
    }
    let target = c.value().map(|q| convert(q, a.unit)).transpose()?;
    let Some(target) = target.map(|q| q.value()) else {
        return Ok(());
    };
    let ceiling = matches!(
        c.comparator(),
        crate::comparator::Comparator::Le | crate::comparator::Comparator::Lt
    );
    if target.is_zero() {
        a.status = if (ceiling && total <= Decimal::ZERO) || (!ceiling && total >= Decimal::ZERO) {
            Status::OnTrack
        } else {
            Status::Behind
        };
        return Ok(());
    }
    let progress = ratio(total, target)?;
    a.completion = Some(progress.round_dp(6).normalize());
    let on_track = if ceiling {
        progress <= elapsed
    } else {
        progress >= elapsed
    };
    a.status = if on_track {
        Status::OnTrack
    } else {
        Status::Behind
    };
    Ok(())
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
            a.conflicts = now.conflicts;
            (
                cagr(base, v, years)?,
                cagr(base, target.value(), (end - base_year) as u32)?,
            )
        }
    };
    a.observed_period = Some(year(t_year));
    a.cagr = Some(actual);
    a.required_cagr = Some(required);
    a.notes.push(format!(
        "compound annual growth {start}..{t_year} since the base year {base_year}, against the annual growth required to reach the target by {end}"
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
        a.grade = Some(grade(ctx.opts, ind, c, met, a, None)?);
    } else {
        a.status = if class == Some(ProgressClass::Significant) {
            Status::OnTrack
        } else {
            Status::Behind
        };
    }
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
                (v, y)
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
        let met = holds(c, &Quantity::new(total, a.unit), a.unit, ind.polarity)?;
        a.completion = completion(ind, c, t, total)?;
        a.status = if met { Status::Met } else { Status::Missed };
        a.grade = Some(grade(ctx.opts, ind, c, met, a, None)?);
        return Ok(());
    }
    if ctx.as_of >= (Period::Years { start, end }).end() {
        a.status = Status::NoData;
        a.rule = Rule::NoDataPartialOnly;
        a.gap = None;
        a.notes.push(format!(
            "the period has ended; the figures cover only {start}..{through}"
        ));
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
    if target.is_zero() {
        a.status = Status::Behind;
        return Ok(());
    }
    let progress = ratio(total, target)?;
    a.completion = Some(progress.round_dp(6).normalize());
    a.status = if progress >= elapsed {
        Status::OnTrack
    } else {
        Status::Behind
    };
    Ok(())
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

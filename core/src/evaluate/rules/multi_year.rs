//! Multi-year targets (five-year plans). A flow in absolute units ("十四五期间累计新增
//! 就业7.5万人") is a cumulative total over the period; growth and level targets of
//! stocks and rates are judged by compound annual growth since the base year, classed
//! as the Eurostat SDG method does.

use rust_decimal::Decimal;

use crate::evaluate::assessment::{Assessment, ProgressClass, Status};
use crate::evaluate::math::{cagr, chained_cagr, plus, ratio};
use crate::evaluate::rule::Rule;
use crate::exact::Checked;
use crate::indicator::{Indicator, Measure};
use crate::period::Period;
use crate::quantity::Quantity;
use crate::target::{Condition, Target};
use crate::unit::Unit;
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
    // A published cumulative figure covering at least as many years is taken as is.
    let published = (start..=end).rev().find_map(|y| {
        if summed_through.is_some_and(|s| s > y) {
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
            y
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
    let covered = Period::Years {
        start,
        end: through,
    };
    a.observed = Some(total);
    a.observed_period = Some(covered);
    let observed = Quantity::new(total, a.unit);
    let years_total = Decimal::from(i32::from(end) - i32::from(start) + 1);
    let years_done = Decimal::from(i32::from(through) - i32::from(start) + 1);
    let elapsed = ratio(years_done, years_total)?.round_dp(6);
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

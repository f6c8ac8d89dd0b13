//! Part of the period so far: flows against time elapsed (or last year's profile),
//! rates as they stand, stocks against their deadline. Once the period is over,
//! partial data is not progress: the verdict is no data, with the latest figure given
//! for information.

use rust_decimal::Decimal;

use crate::evaluate::assessment::{Assessment, Status};
use crate::evaluate::data::Found;
use crate::evaluate::math::{minus, plus, ratio, times, unless_overflow};
use crate::evaluate::rule::Rule;
use crate::indicator::{Indicator, Measure};
use crate::period::{date, next_day, previous_day, Period};
use crate::quantity::Quantity;
use crate::target::{Condition, Target};
use crate::unit::Dimension;
use crate::{Error, ErrorKind, Result};

use super::compare::{holds, is_ceiling, pace, record};
use super::final_data::figure;
use super::{convert, date_range_err, days_share, ended_partly_covered, no_data, period_err, Ctx};

/// Judges the latest figure that covers part of the target's period.
pub(super) fn judge(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    a: &mut Assessment,
) -> Result<()> {
    let end = t.period.end();
    let window_start = date(end.year(), 1, 1).ok_or_else(|| date_range_err(end.year()))?;
    let dated_target = matches!(t.period, Period::Date(_));
    // A level or share in % or ‰ (an unemployment rate) is a rate, judged as it stands
    // (SPEC §6), not a stock that may still come round by the deadline; its latest
    // reading counts, a single month's (2024-09) too.
    let rate = !ind.flow
        && matches!(ind.measure, Measure::Level | Measure::Share)
        && a.unit.dimension() == Dimension::Ratio;
    let candidate = ctx
        .data
        .periods(ind)
        .iter()
        .copied()
        .filter(|p| {
            *p != t.period
                && (p.is_partial_of(&t.period)
                    // A stock read before its deadline, within the deadline's year.
                    || (dated_target && p.end() < end && p.end() >= window_start)
                    // A running total reported at a date inside the target period,
                    // or a rate's reading for any part of it.
                    || (!dated_target
                        && (rate || matches!(p, Period::Date(_)))
                        && p.start() >= t.period.start()
                        && p.end() < end))
        })
        .max_by_key(|p| (p.end(), std::cmp::Reverse(p.start())));
    let Some(p) = candidate else {
        return no_data(ctx, t, a);
    };
    // A derived indicator may list a period for which not all its inputs exist.
    let Some(figure) = figure(ctx, ind, c, p, a) else {
        return no_data(ctx, t, a);
    };
    let found = figure?.found;
    let is_flow = ind.flow && ind.measure == Measure::Level && !dated_target;
    let (p, found) = if is_flow {
        following_pieces(ctx, ind, t, p, found)?
    } else {
        (p, found)
    };
    let holds_now = record(ind, c, t, found, p, a)?;
    if ctx.as_of >= end {
        // The period is over and its figure is missing: what there is counts for
        // information only (SPEC §6).
        ended_partly_covered(a, p);
        return Ok(());
    }
    let stock = dated_target || (!ind.flow && ind.measure == Measure::Level && !rate);
    if ind.flow && ind.measure == Measure::Level && !dated_target {
        return flow(ctx, t, ind, c, p, a);
    }
    a.time_progress = Some(if dated_target {
        // A deadline is a point: progress runs from the start of its year.
        days_share(
            previous_day(window_start).ok_or_else(period_err)?,
            p.end(),
            end,
        )?
    } else {
        p.elapsed_share(&t.period)?.round_dp(6).normalize()
    });
    if holds_now {
        a.status = Status::OnTrack;
        a.rule = if stock {
            Rule::PartialStockReached
        } else {
            Rule::PartialRate
        };
    } else if stock {
        stock_progress(ctx, t, ind, c, p, a)?;
    } else {
        a.status = Status::Behind;
        a.rule = Rule::PartialRate;
    }
    if ind.measure == Measure::Growth {
        a.required_growth = required_growth(ctx, t, ind, c, p)?;
    }
    Ok(())
}

/// A flow's total so far from consecutive pieces: the latest leading figure (Q1,
/// H1, Jan–Mar) plus the figures that follow it without a gap (Q2, then July …), as
/// long as they stay inside the target's period, so no later figure is left aside.
/// The pieces make a year-to-date period when they are whole months of one year.
fn following_pieces(
    ctx: &Ctx<'_>,
    ind: &Indicator,
    t: &Target,
    lead: Period,
    found: Found,
) -> Result<(Period, Found)> {
    let end = t.period.end();
    let mut through = lead.end();
    let mut total = found;
    let mut pieces = 0;
    while let Some(next_start) = next_day(through) {
        // The longest piece starting the day after, still before the period's end.
        let next = ctx
            .data
            .periods(ind)
            .iter()
            .copied()
            .filter(|q| !matches!(q, Period::Date(_)) && q.start() == next_start && q.end() < end)
            .max_by_key(|q| q.end());
        let Some(q) = next else {
            break;
        };
        let Some(Ok(piece)) = ctx.data.get(ind, q) else {
            break;
        };
        let v = convert(&piece.value, total.value.unit())?.value();
        let sum = plus(total.value.value(), v)?;
        total.value = crate::quantity::Quantity::new(sum, total.value.unit());
        total.inputs.extend(piece.inputs);
        total.notes.extend(piece.notes);
        total.conflicts.extend(piece.conflicts);
        total.vintage = total.vintage.max(piece.vintage);
        total.status = total.status.min(piece.status);
        through = q.end();
        pieces += 1;
    }
    if pieces == 0 {
        return Ok((lead, total));
    }
    let year = lead.start().year();
    let whole_months = lead.start() == date(year, 1, 1).unwrap_or(lead.start())
        && through.year() == year
        && through == through.last_of_month();
    let period = if whole_months {
        Period::YearToDate {
            year,
            through: through.month() as u8,
        }
    } else {
        lead
    };
    total.notes.push(format!(
        "the total so far adds up {} consecutive figures from {lead}",
        pieces + 1
    ));
    Ok((period, total))
}

/// A flow observed part-way: progress = YTD / annual target against the share of the
/// period elapsed ("时间过半、任务过半"), or against last year's share at the same
/// point when last year's profile is known. Under a ceiling the progress is the share
/// of the allowance used, and using it faster than time passes is behind.
fn flow(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    p: Period,
    a: &mut Assessment,
) -> Result<()> {
    let tp = p.elapsed_share(&t.period)?.round_dp(6).normalize();
    a.time_progress = Some(tp);
    let seasonal = (|| {
        let prev_part = ctx.data.get(ind, p.previous_year().ok()?)?.ok()?;
        let prev_full = ctx.data.get(ind, t.period.previous_year().ok()?)?.ok()?;
        let share = ratio(
            prev_part.value.to(prev_full.value.unit()).ok()?.value(),
            prev_full.value.value(),
        )
        .ok()?;
        Some(share.round_dp(6).normalize())
    })();
    let expected = match seasonal {
        Some(s) => {
            a.expected_progress = Some(s);
            a.rule = Rule::PartialFlowSeasonal;
            s
        }
        None => {
            a.rule = Rule::PartialFlowLinear;
            tp
        }
    };
    let (Some(obs), Some(target)) = (a.observed, c.value()) else {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "a flow target needs a value",
        ));
    };
    let target = convert(target, a.unit)?.value();
    pace(obs, target, expected, is_ceiling(ind, c), a)
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
    let window_start = date(end.year(), 1, 1).ok_or_else(|| date_range_err(end.year()))?;
    let base = ctx
        .data
        .periods(ind)
        .iter()
        .copied()
        .filter(|q| q.end() < window_start)
        .max_by_key(|q| q.end());
    // Without a figure from before the year, progress toward the deadline cannot be
    // measured: the stock is short of its target, and that is all that can be said.
    let no_base = |a: &mut Assessment| {
        a.status = Status::Pending;
        a.rule = Rule::PartialStock;
        a.completion = None;
        a.notes.push(format!(
            "no figure before {} to measure progress toward the deadline from",
            Period::Date(window_start)
        ));
    };
    let (Some(base_p), Some(target), Some(obs)) = (base, c.value(), a.observed) else {
        no_base(a);
        return Ok(());
    };
    let Some(Ok(base_found)) = ctx.data.get(ind, base_p) else {
        no_base(a);
        return Ok(());
    };
    let base_v = convert(&base_found.value, a.unit)?.value();
    let elapsed = days_share(base_p.end(), p.end(), end)?;
    a.time_progress = Some(elapsed);
    a.expected_progress = Some(elapsed);
    a.rule = Rule::PartialStockLinear;
    // A base that already met the condition leaves nothing to progress toward: the
    // figure, which no longer meets it, has moved the wrong way (land under its
    // ceiling at the base, over it now), and that is behind, whatever the ratio of
    // the two moves would say.
    let needed = minus(target.value(), base_v)?;
    if needed.is_zero() || holds(c, &Quantity::new(base_v, a.unit), a.unit, ind.polarity)? {
        a.status = Status::Behind;
        a.completion = None;
        a.notes.push(format!(
            "already within the target at {base_p} ({base_v}): moved away from it since"
        ));
        return Ok(());
    }
    let progress = ratio(minus(obs, base_v)?, needed)?;
    a.completion = Some(progress.round_dp(6).normalize());
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

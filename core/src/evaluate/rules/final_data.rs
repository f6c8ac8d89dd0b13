//! A figure for the whole period: met or missed, with completion, gap and grade.

use crate::evaluate::assessment::{Assessment, Status};
use crate::evaluate::data::Found;
use crate::evaluate::math::minus;
use crate::evaluate::rule::Rule;
use crate::indicator::{Indicator, Measure};
use crate::period::Period;
use crate::quantity::Quantity;
use crate::target::{Condition, Target};
use crate::unit::{Dimension, Unit};
use crate::Result;

use super::compare::{grade, record};
use super::{convert, Ctx};

/// A figure comparable with the condition, and whether it is a change derived from
/// two levels.
pub(super) struct Figure {
    pub(super) found: Found,
    pub(super) change: bool,
}

/// True for a target in percentage points on a series published in %: "提高1个百分点"
/// on a share is its change against the previous period, never the share itself.
fn points_on_percent(ind: &Indicator, c: &Condition, found: &Found) -> bool {
    c.unit()
        .is_some_and(|u| u.dimension() == Dimension::PercentagePoint)
        && found.value.dimension() == Dimension::Ratio
        && ind.measure != Measure::Change
}

/// The indicator's figure for `period` in the form the condition asks for: the figure
/// itself, or for a target in percentage points on a series in %, the change against
/// the same period a year earlier. None when there is no figure (or no previous one
/// for a change; a note says so).
pub(super) fn figure(
    ctx: &Ctx<'_>,
    ind: &Indicator,
    c: &Condition,
    period: Period,
    a: &mut Assessment,
) -> Option<Result<Figure>> {
    let found = match ctx.data.get(ind, period)? {
        Ok(f) => f,
        Err(e) => return Some(Err(e)),
    };
    if !points_on_percent(ind, c, &found) {
        return Some(Ok(Figure {
            found,
            change: false,
        }));
    }
    let prev_period = match period.previous_year() {
        Ok(p) => p,
        Err(e) => return Some(Err(e)),
    };
    let prev = match ctx.data.get(ind, prev_period) {
        Some(Ok(p)) => p,
        Some(Err(e)) => return Some(Err(e)),
        None => {
            a.notes.push(format!(
                "a target in percentage points is a change: {} needs a figure for {prev_period} as well",
                ind.id
            ));
            return None;
        }
    };
    Some(
        change(found, prev, period, prev_period).map(|found| Figure {
            found,
            change: true,
        }),
    )
}

/// The change from `prev` to `now`, both in %, in percentage points.
fn change(now: Found, prev: Found, period: Period, prev_period: Period) -> Result<Found> {
    let (n, p) = (
        convert(&now.value, Unit::percent())?.value(),
        convert(&prev.value, Unit::percent())?.value(),
    );
    let d = minus(n, p)?;
    let mut inputs = now.inputs;
    inputs.extend(prev.inputs);
    let mut notes = now.notes;
    notes.extend(prev.notes);
    notes.push(format!(
        "change in percentage points: {period} {n}% − {prev_period} {p}%"
    ));
    let mut conflicts = now.conflicts;
    conflicts.extend(prev.conflicts);
    Ok(Found {
        value: Quantity::new(d.normalize(), Unit::percentage_point()),
        status: now.status.min(prev.status),
        vintage: now.vintage.max(prev.vintage),
        inputs,
        notes,
        conflicts,
    })
}

/// Judges the whole period's figure: met or missed, completion, gap and grade.
pub(super) fn judge(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    c: &Condition,
    figure: Figure,
    a: &mut Assessment,
) -> Result<()> {
    a.rule = if figure.change {
        Rule::FinalChange
    } else {
        Rule::Final
    };
    let met = record(ind, c, t, figure.found, t.period, a)?;
    a.status = if met { Status::Met } else { Status::Missed };
    let baseline = t
        .baseline
        .and_then(|b| convert(&b, a.unit).ok())
        .map(|b| b.value());
    a.grade = Some(grade(ctx.opts, ind, c, met, a, baseline)?);
    Ok(())
}

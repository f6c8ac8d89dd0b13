//! Milestones: done or not done by a date. Observations of a milestone carry 1 (done)
//! or 0 (not done) for the date they report.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::evaluate::assessment::{Assessment, Grade, Status};
use crate::evaluate::rule::Rule;
use crate::indicator::Indicator;
use crate::period::Period;
use crate::Result;

use super::Ctx;

pub(super) fn judge(ctx: &Ctx<'_>, ind: &Indicator, by: Date, a: &mut Assessment) -> Result<()> {
    a.rule = Rule::Milestone;
    let periods = ctx.data.periods(ind);
    let done = |p| {
        ctx.data
            .get(ind, p)
            .and_then(|r| r.ok())
            .is_some_and(|f| f.value.value() >= Decimal::ONE)
    };
    let latest = periods.iter().copied().max_by_key(|p| p.end());
    let found = match latest {
        Some(p) => ctx.data.get(ind, p).transpose()?.map(|f| (p, f)),
        None => None,
    };
    // The deadline day itself counts as reached, as a period's last day does.
    let due = ctx.as_of >= by;
    match found {
        Some((p, f)) if f.value.value() >= Decimal::ONE => {
            a.observed_period = Some(p);
            a.inputs = f.inputs;
            // The first report of "done" dates it.
            let first_done = periods
                .iter()
                .copied()
                .filter(|q| done(*q))
                .map(|q| q.end())
                .min()
                .unwrap_or(p.end());
            if first_done <= by {
                a.status = Status::Met;
                a.grade = Some(Grade::Achieved);
            } else {
                a.status = Status::Missed;
                a.grade = Some(Grade::NotAchieved);
                a.notes.push(format!(
                    "done on {}, after the deadline {}",
                    Period::Date(first_done),
                    Period::Date(by)
                ));
            }
        }
        Some((p, f)) => {
            a.observed_period = Some(p);
            a.inputs = f.inputs;
            if !due {
                a.status = Status::Pending;
                a.notes.push(format!(
                    "not done as of {}; due {}",
                    Period::Date(p.end()),
                    Period::Date(by)
                ));
            } else if p.end() >= by {
                // Reported not done on or after the deadline: missed.
                a.status = Status::Missed;
                a.grade = Some(Grade::NotAchieved);
            } else {
                // The last report predates the deadline: it may have been done since.
                a.status = Status::NoData;
                a.notes.push(format!(
                    "last reported not done as of {}; nothing reported since the deadline {}",
                    Period::Date(p.end()),
                    Period::Date(by)
                ));
            }
        }
        None => {
            a.status = if due { Status::NoData } else { Status::Pending };
        }
    }
    Ok(())
}

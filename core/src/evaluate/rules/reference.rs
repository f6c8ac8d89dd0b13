//! Reference targets (完成市下达任务, 高于全国平均水平, 与经济增长基本同步): the value
//! comes from elsewhere — a key of the plan's `[reference]` table, or another indicator
//! of the plan for the same period — and is bound before the comparison.

use crate::comparator::Comparator;
use crate::evaluate::assessment::{Assessment, Status};
use crate::evaluate::rule::Rule;
use crate::indicator::{Indicator, Polarity};
use crate::target::{Condition, Target};

use super::{convert, Ctx};
use crate::Result;

/// Default comparator of a reference: a ceiling for lower-is-better indicators, a
/// floor otherwise.
fn default_op(ind: &Indicator) -> Comparator {
    if ind.polarity == Polarity::Lower {
        Comparator::Le
    } else {
        Comparator::Ge
    }
}

/// The condition to judge: the target's own, or a reference bound to its value. None
/// when the reference cannot be bound yet; the assessment then says why.
pub(super) fn bind(
    ctx: &Ctx<'_>,
    t: &Target,
    ind: &Indicator,
    a: &mut Assessment,
) -> Result<Option<Condition>> {
    let Condition::Reference { op, key } = &t.condition else {
        return Ok(Some(t.condition.clone()));
    };
    a.reference = Some(key.clone());
    // The explanation names the indicator a key is (its first of that id), as the plan
    // names it.
    a.referenced = ctx.data.indicator(key).map(|i| Box::new(i.name.clone()));
    let op = op.unwrap_or_else(|| default_op(ind));
    let value = if let Some(v) = ctx.plan.references.get(key) {
        a.notes.push(format!("reference {key} bound to {v}"));
        *v
    } else if let Some(other) = ctx.data.indicator(key) {
        // Bound to another indicator of the plan: its figure for the same period
        // ("居民收入增长与经济增长同步" binds to GDP growth of that year).
        match ctx.data.get(other, t.period) {
            Some(found) => {
                let found = found?;
                a.notes.push(format!(
                    "reference {key} bound to its figure for {}: {}",
                    t.period, found.value
                ));
                a.inputs.extend(found.inputs.iter().cloned());
                found.value
            }
            None => {
                // Not bound until the figure it refers to is published: pending, with
                // the target's own figure shown when there is one.
                a.status = Status::Pending;
                a.rule = Rule::ReferenceUnbound;
                if let Some(Ok(own)) = ctx.data.get(ind, t.period) {
                    if let Ok(v) = convert(&own.value, a.unit) {
                        a.observed = Some(v.value());
                        a.observed_period = Some(t.period);
                        a.inputs.extend(own.inputs);
                    }
                }
                a.notes.push(format!(
                    "the reference {key:?} has no figure for {} yet",
                    t.period
                ));
                return Ok(None);
            }
        }
    } else {
        a.status = Status::Pending;
        a.rule = Rule::ReferenceUnbound;
        a.notes.push(format!("reference {key:?} is not bound yet"));
        return Ok(None);
    };
    let unit = if a.unit == crate::unit::Unit::NONE {
        value.unit()
    } else {
        a.unit
    };
    let value = convert(&value, unit).unwrap_or(value);
    a.unit = value.unit();
    a.target_value = Some(value.value());
    a.comparator = op;
    Ok(Some(match op {
        Comparator::Approx => Condition::Approx {
            value,
            tolerance: None,
        },
        op => Condition::Compare { op, value },
    }))
}

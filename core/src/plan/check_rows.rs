//! Checks of observation rows against a plan that evaluation would otherwise absorb
//! quietly: a misspelt indicator id (with the id it probably means), the same figure
//! given twice, a figure without the unit its indicator is measured in.

use std::collections::HashMap;

use crate::indicator::Indicator;
use crate::observation::{field_location, Observations};
use crate::{Issue, Plan};

/// The plan's indicator id nearest to `id` by edit distance, when it is close enough
/// to be a slip of the keyboard: at most 2 edits, and fewer than a third of the id.
pub(crate) fn did_you_mean<'a>(plan: &'a Plan, id: &str) -> Option<&'a str> {
    let limit = (id.chars().count() / 3).clamp(1, 2);
    plan.indicators
        .iter()
        .map(|i| (edits(id, &i.id), i.id.as_str()))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| id)
}

/// Levenshtein distance over characters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Rows that repeat an earlier row's indicator, span, vintage, status and
/// jurisdiction (`duplicate_observation`, a warning: evaluation keeps one, or the
/// larger of two that disagree), and figures without a unit on an indicator that has
/// one (`missing_unit`, an error: such a figure is never comparable).
pub(crate) fn row_issues(
    plan: &Plan,
    index: &HashMap<&str, &Indicator>,
    observations: &Observations,
    errors: &mut Vec<Issue>,
    warnings: &mut Vec<Issue>,
) {
    let mut first = HashMap::new();
    for (i, o) in observations.iter().enumerate() {
        if !plan.covers(o) {
            continue;
        }
        let Some(ind) = index.get(o.indicator.as_str()) else {
            continue;
        };
        if o.value.unit().is_none() && !ind.unit.is_none() {
            errors.push(Issue::new(
                "missing_unit",
                field_location(observations, i, 3),
                format!(
                    "observation {}@{} has no unit, but indicator {:?} is measured in {}; \
                     it could never be compared with its targets",
                    o.indicator,
                    o.period,
                    ind.id,
                    ind.unit.symbol()
                ),
            ));
        }
        let key = (
            o.indicator.as_str(),
            o.period.start(),
            o.period.end(),
            o.vintage,
            o.status,
            o.jurisdiction.as_deref(),
        );
        match first.get(&key) {
            None => {
                first.insert(key, (i, o.value));
            }
            Some(&(j, other)) => {
                let earlier = field_location(observations, j, 0);
                let at = match (earlier.line, &earlier.path) {
                    (Some(line), _) => format!("line {line}"),
                    (None, Some(path)) => path.clone(),
                    (None, None) => format!("observation {j}"),
                };
                let message = if other == o.value {
                    format!(
                        "{}@{} repeats {at} with the same value",
                        o.indicator, o.period
                    )
                } else {
                    format!(
                        "{}@{} ({}) disagrees with {at} ({}) for the same vintage and \
                         status; evaluation uses the larger and flags the conflict",
                        o.indicator, o.period, o.value, other
                    )
                };
                warnings.push(Issue::new(
                    "duplicate_observation",
                    field_location(observations, i, 2),
                    message,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::edits;

    #[test]
    fn edit_distance() {
        assert_eq!(edits("gpd", "gdp"), 2);
        assert_eq!(edits("new_jbos", "new_jobs"), 2);
        assert_eq!(edits("gdp", "gdp"), 0);
        assert_eq!(edits("", "abc"), 3);
    }
}

//! Checks of observation rows against a plan that evaluation would otherwise absorb
//! quietly: a misspelt indicator id (with the id it probably means), the same figure
//! given twice, a figure without the unit its indicator is measured in.

use crate::indicator::Indicator;
use crate::observation::Observation;
use crate::observation::{field_location, Observations};
use crate::{Issue, Plan};

/// The plan's indicator id nearest to `id` by edit distance, when it is close enough
/// to be a slip of the keyboard: at most 2 edits, and fewer than a third of the id.
pub(crate) fn did_you_mean<'a>(plan: &'a Plan, id: &str) -> Option<&'a str> {
    let len = id.chars().count();
    let limit = (len / 3).clamp(1, 2);
    plan.indicators
        .iter()
        // Ids whose lengths differ by more than the limit are that many edits apart
        // at least: skipped without the quadratic distance.
        .filter(|i| i.id.chars().count().abs_diff(len) <= limit)
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

/// What makes two rows the same figure: indicator, span, vintage, status, jurisdiction.
type FigureKey<'a> = (
    &'a str,
    jiff::civil::Date,
    jiff::civil::Date,
    Option<jiff::civil::Date>,
    crate::observation::ObservationStatus,
    Option<&'a str>,
);

/// A figure in a unit of another kind of quantity than its indicator's
/// (`incompatible_unit`: 亿元 on an indicator in 人, or the dimensionless `1` — a loader
/// refuses an empty unit — on one in 亿元). An error: such a figure is never comparable
/// with the indicator's targets, and the evaluation would only say `not_comparable`.
pub(crate) fn unit_issue(
    observations: &Observations,
    i: usize,
    o: &Observation,
    ind: &Indicator,
) -> Option<Issue> {
    let unit = o.value.unit();
    if ind.unit.is_none() || (!unit.is_none() && unit.dimension() == ind.unit.dimension()) {
        return None;
    }
    let (what, input) = if unit.is_none() {
        (
            "is dimensionless (1, or done / not done)".to_string(),
            crate::observation::DIMENSIONLESS_UNIT,
        )
    } else {
        (format!("is in {}", unit.symbol()), unit.symbol())
    };
    let mut issue = Issue::new(
        "incompatible_unit",
        field_location(observations, i, 3),
        format!(
            "observation {}@{} {what}, but indicator {:?} is measured in {}; \
             it could never be compared with its targets",
            o.indicator,
            o.period,
            ind.id,
            ind.unit.symbol()
        ),
    );
    issue.input = Some(input.to_string());
    Some(issue)
}

/// Rows that repeat an earlier row's indicator, span, vintage, status and
/// jurisdiction (`duplicate_observation`, a warning: evaluation keeps one figure, the
/// larger of two that disagree). For [`Plan::check`] only: evaluation does not pay
/// for the sort.
pub(crate) fn duplicates(plan: &Plan, observations: &Observations, warnings: &mut Vec<Issue>) {
    // Rows sorted by what makes two rows the same figure; equal neighbours are
    // repeats. (The crate's one stable sort, rather than a map of a new key type: the
    // WebAssembly module stays small.)
    let mut rows: Vec<(usize, &Observation)> = observations
        .iter()
        .enumerate()
        .filter(|(_, o)| plan.covers(o))
        .collect();
    fn same(o: &Observation) -> FigureKey<'_> {
        (
            o.indicator.as_ref(),
            o.period.start(),
            o.period.end(),
            o.vintage,
            o.status,
            o.jurisdiction.as_deref(),
        )
    }
    crate::order::sort_by_key(&mut rows, |(_, o)| same(o));
    let mut repeats = Vec::new();
    let mut first = 0;
    for k in 1..rows.len() {
        let ((j, earlier), (i, o)) = (rows[first], rows[k]);
        if same(earlier) != same(o) {
            first = k;
            continue;
        }
        let at = field_location(observations, j, 0);
        let at = match (at.line, at.path) {
            (Some(line), _) => format!("line {line}"),
            (None, Some(path)) => path,
            (None, None) => format!("observation {j}"),
        };
        let message = if earlier.value == o.value {
            format!(
                "{}@{} repeats {at} with the same value",
                o.indicator, o.period
            )
        } else {
            format!(
                "{}@{} ({}) disagrees with {at} ({}) for the same vintage and status; \
                 evaluation uses the larger and flags the conflict",
                o.indicator, o.period, o.value, earlier.value
            )
        };
        repeats.push((
            i,
            Issue::new(
                "duplicate_observation",
                field_location(observations, i, 2),
                message,
            ),
        ));
    }
    // In row order.
    crate::order::sort_by_key(&mut repeats, |(i, _)| *i);
    warnings.extend(repeats.into_iter().map(|(_, issue)| issue));
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

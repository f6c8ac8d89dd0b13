//! CSV: one row per assessment, with the JSON field names as the header.
//!
//! Each assessment is serialised exactly as [`Scorecard::to_json`] does and the
//! cells are read from that JSON by path, so CSV and JSON cannot disagree: decimals
//! are the same plain strings, enums the same snake_case names. The column order is
//! fixed here (never a map's order); a test checks that it covers every JSON field.

use crate::csv_out::write_row;
use crate::evaluate::Scorecard;

/// The header: the assessment's JSON fields, nested objects flattened with dots.
pub(crate) const COLUMNS: &[&str] = &[
    "target",
    "indicator",
    "name.zh",
    "name.en",
    "kind",
    "tier",
    "section",
    "period",
    "condition",
    "comparator",
    "status",
    "severity",
    "grade",
    "observed",
    "observed_period",
    "target_value",
    "target_high",
    "unit",
    "completion",
    "gap",
    "gap_unit",
    "time_progress",
    "expected_progress",
    "required_growth",
    "cagr",
    "required_cagr",
    "progress_class",
    "previous",
    "previous_period",
    "inputs",
    "rule",
    "base",
    "base_status",
    "reference",
    "conflicts",
    "notes",
    "explanation.zh",
    "explanation.en",
    "source.document",
    "source.quote",
    "source.section",
    "source.span",
];

fn cell(v: &serde_json::Value, path: &str) -> String {
    let mut cur = v;
    for key in path.split('.') {
        match cur.get(key) {
            Some(next) => cur = next,
            None => return String::new(),
        }
    }
    match cur {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        // Lists (inputs, notes, span) as compact JSON text: lossless, and readable
        // back with any JSON parser.
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

pub(crate) fn to_csv(card: &Scorecard) -> String {
    let mut out = String::new();
    write_row(&mut out, COLUMNS);
    for a in &card.assessments {
        let v = serde_json::to_value(a).unwrap_or(serde_json::Value::Null);
        write_row(&mut out, COLUMNS.iter().map(|c| cell(&v, c)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every leaf path of the JSON of an assessment (arrays count as leaves).
    fn leaves(v: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    leaves(x, &p, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }

    #[test]
    fn columns_cover_every_json_field() {
        let plan = crate::Plan::builtin("nanshan-2024").unwrap();
        let obs = crate::Observations::builtin("nanshan-2024").unwrap();
        let card = crate::evaluate(&plan, &obs, &crate::Options::default());
        let mut seen = Vec::new();
        for a in &card.assessments {
            leaves(&serde_json::to_value(a).unwrap(), "", &mut seen);
        }
        for path in &seen {
            // A null object (`"source": null`) is a leaf that its columns cover.
            let covered = COLUMNS
                .iter()
                .any(|c| c == path || c.starts_with(&format!("{path}.")));
            assert!(covered, "JSON field {path:?} has no CSV column");
        }
        // And no column names a field that is gone.
        let first = serde_json::to_value(&card.assessments[0]).unwrap();
        for c in COLUMNS {
            let top = c.split('.').next().unwrap();
            assert!(first.get(top).is_some(), "column {c:?} is not a JSON field");
        }
    }
}

//! The conformance fixtures of `tests/conformance/` (format: its README.md), run through
//! the public Rust API. The Python and JavaScript suites run the same files, so the
//! three APIs cannot drift apart.
//!
//! Every case directory is discovered at test time. Every mismatch of every case is
//! collected and reported in one failure, so a change in the engine shows its whole
//! effect at once. A case marked `known_bug` must still fail (it records an engine bug
//! against SPEC.md); it is reported as a warning, and the test fails when it starts to
//! pass, so whoever fixes the bug also removes the mark.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use planwatch::{evaluate, Decimal, Observations, Options, Plan};
use serde_json::Value;

/// The least number of cases the suite must hold (issue 3, item 6).
const MIN_CASES: usize = 40;

/// Assessment fields holding decimals (serialised as strings): compared by value, so
/// `"1.50"` equals `"1.5"`.
const DECIMAL_FIELDS: &[&str] = &[
    "observed",
    "target_value",
    "target_high",
    "completion",
    "gap",
    "time_progress",
    "expected_progress",
    "required_growth",
    "cagr",
    "required_cagr",
    "previous",
];

/// Keys of `case.json`.
const CASE_KEYS: &[&str] = &[
    "description",
    "as_of",
    "expected",
    "known_bug",
    "strict_error",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

/// Every case directory (one holding a `case.json`), sorted by name.
fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root())
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("case.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// A loaded case: its inputs, or the problems that stopped it from loading.
struct Case {
    name: String,
    spec: Value,
    plan: Plan,
    observations: Observations,
    options: Options,
}

fn read(dir: &Path, file: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(file)).ok()
}

fn load(dir: &Path) -> Result<Case, Vec<String>> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = read(dir, "case.json").ok_or_else(|| vec!["case.json is unreadable".into()])?;
    let spec: Value =
        serde_json::from_str(&text).map_err(|e| vec![format!("case.json: invalid JSON: {e}")])?;
    let mut problems = Vec::new();
    match spec.as_object() {
        Some(map) => {
            for key in map.keys() {
                if !CASE_KEYS.contains(&key.as_str()) {
                    problems.push(format!("case.json: unknown key {key:?}"));
                }
            }
            if !map.get("description").is_some_and(Value::is_string) {
                problems.push("case.json: \"description\" must be a string".into());
            }
            if !map.contains_key("as_of") {
                problems.push("case.json: \"as_of\" is required (a date or null)".into());
            }
            if map
                .get("expected")
                .and_then(Value::as_array)
                .is_none_or(Vec::is_empty)
            {
                problems.push("case.json: \"expected\" must be a non-empty array".into());
            }
        }
        None => problems.push("case.json must be an object".into()),
    }

    let plan = match (read(dir, "plan.toml"), read(dir, "plan.json")) {
        (Some(t), None) => Plan::from_toml_str(&t, "plan.toml"),
        (None, Some(j)) => Plan::from_json_str(&j, "plan.json"),
        _ => {
            problems.push("exactly one of plan.toml and plan.json is required".into());
            Ok(Plan::new("missing", planwatch::Period::Year(2024)))
        }
    }
    .map_err(|e| problems.push(describe_error("plan", &e)))
    .ok();
    let observations = match (
        read(dir, "observations.csv"),
        read(dir, "observations.json"),
    ) {
        (Some(c), None) => Observations::from_csv_str(&c, "observations.csv"),
        (None, Some(j)) => Observations::from_json_str(&j, "observations.json"),
        _ => {
            problems
                .push("exactly one of observations.csv and observations.json is required".into());
            Ok(Observations::new())
        }
    }
    .map_err(|e| problems.push(describe_error("observations", &e)))
    .ok();
    let options = match spec.get("as_of") {
        Some(Value::Null) | None => Some(Options::default()),
        Some(Value::String(s)) => match s.parse() {
            Ok(d) => Some(Options::as_of(d)),
            Err(e) => {
                problems.push(format!("case.json: as_of {s:?} is not a date: {e}"));
                None
            }
        },
        Some(v) => {
            problems.push(format!(
                "case.json: as_of must be a date string or null, not {v}"
            ));
            None
        }
    };
    match (plan, observations, options) {
        (Some(plan), Some(observations), Some(options)) if problems.is_empty() => Ok(Case {
            name,
            spec,
            plan,
            observations,
            options,
        }),
        _ => Err(problems),
    }
}

fn describe_error(what: &str, e: &planwatch::Error) -> String {
    let mut s = format!("{what} does not load: {e}");
    for issue in e.issues() {
        let _ = write!(s, "\n      {issue}");
    }
    s
}

fn as_decimal(v: &Value) -> Option<Decimal> {
    v.as_str().and_then(|s| s.trim().parse::<Decimal>().ok())
}

/// Compares one expected field with the assessment's JSON; None when they agree.
fn compare(key: &str, expected: &Value, assessment: &Value) -> Option<String> {
    match key {
        // The values an assessment used, as "indicator@period", in any order.
        "inputs" => {
            let want: Option<Vec<String>> = expected.as_array().and_then(|a| {
                a.iter()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
            });
            let Some(mut want) = want else {
                return Some(format!(
                    "inputs: expected must be an array of \"indicator@period\" strings, got {expected}"
                ));
            };
            let mut got: Vec<String> = assessment["inputs"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|i| {
                            format!(
                                "{}@{}",
                                i["indicator"].as_str().unwrap_or("?"),
                                i["period"].as_str().unwrap_or("?")
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            want.sort();
            got.sort();
            (want != got).then(|| format!("inputs: expected {want:?}, got {got:?}"))
        }
        // Each string must occur in at least one note.
        "notes_contain" => {
            let notes: Vec<&str> = assessment["notes"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let Some(want) = expected.as_array() else {
                return Some(format!(
                    "notes_contain: expected must be an array of strings, got {expected}"
                ));
            };
            let missing: Vec<&str> = want
                .iter()
                .filter_map(Value::as_str)
                .filter(|w| !notes.iter().any(|n| n.contains(w)))
                .collect();
            (!missing.is_empty())
                .then(|| format!("notes_contain: {missing:?} not in notes {notes:?}"))
        }
        _ => {
            let Some(actual) = assessment.get(key) else {
                return Some(format!("{key}: no such assessment field"));
            };
            let same = if DECIMAL_FIELDS.contains(&key) && !expected.is_null() {
                match (as_decimal(expected), as_decimal(actual)) {
                    (Some(e), Some(a)) => e == a,
                    (None, _) => {
                        return Some(format!(
                            "{key}: expected {expected} is not a decimal string"
                        ))
                    }
                    (Some(_), None) => false,
                }
            } else {
                expected == actual
            };
            (!same).then(|| format!("{key}: expected {expected}, got {actual}"))
        }
    }
}

/// Every mismatch between a case's expectations and the engine's result.
fn check(case: &Case) -> Vec<String> {
    let card = evaluate(&case.plan, &case.observations, &case.options);
    let mut out = Vec::new();
    let assessments: Vec<Value> = card
        .assessments
        .iter()
        .map(|a| serde_json::to_value(a).expect("an assessment serialises"))
        .collect();
    for (i, exp) in case.spec["expected"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let Some(target) = exp.get("target").and_then(Value::as_str) else {
            out.push(format!(
                "expected[{i}]: \"target\" (a target id) is required"
            ));
            continue;
        };
        let Some(a) = assessments.iter().find(|a| a["target"] == target) else {
            out.push(format!("{target}: no assessment for this target"));
            continue;
        };
        if !exp.get("status").is_some_and(Value::is_string) {
            out.push(format!("{target}: expected \"status\" is required"));
        }
        for (key, value) in exp.as_object().into_iter().flatten() {
            if key == "target" {
                continue;
            }
            if let Some(m) = compare(key, value, a) {
                out.push(format!("{target}: {m}"));
            }
        }
    }

    // A strict evaluation of the same inputs refuses them with this error code.
    if let Some(code) = case.spec.get("strict_error").and_then(Value::as_str) {
        let strict = Options {
            strict: true,
            ..case.options.clone()
        };
        match planwatch::try_evaluate(&case.plan, &case.observations, &strict) {
            Ok(_) => out.push(format!(
                "strict evaluation succeeded; expected error {code:?}"
            )),
            Err(e) if e.code() != code => out.push(format!(
                "strict evaluation failed with {:?}; expected {code:?}",
                e.code()
            )),
            Err(_) => {}
        }
    }

    // Same inputs, same bytes; the order of the observations does not matter.
    let first = card.to_json();
    let again = evaluate(&case.plan, &case.observations, &case.options).to_json();
    if first != again {
        out.push("evaluating twice gave different JSON".into());
    }
    let reversed: Observations = {
        let mut v: Vec<_> = case.observations.iter().cloned().collect();
        v.reverse();
        v.into_iter().collect()
    };
    if evaluate(&case.plan, &reversed, &case.options).to_json() != first {
        out.push("reversing the observations changed the JSON".into());
    }
    out
}

#[test]
fn conformance_cases() {
    let dirs = case_dirs();
    let mut failures = String::new();
    let mut warnings = String::new();
    let mut known = 0;
    for dir in &dirs {
        let name = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let case = match load(dir) {
            Ok(c) => c,
            Err(problems) => {
                let _ = writeln!(failures, "{name}:\n    {}", problems.join("\n    "));
                continue;
            }
        };
        let mismatches = check(&case);
        match case.spec.get("known_bug").and_then(Value::as_str) {
            Some(bug) => {
                known += 1;
                if mismatches.is_empty() {
                    let _ = writeln!(
                        failures,
                        "{}: marked known_bug but now passes; remove \"known_bug\" ({bug})",
                        case.name
                    );
                } else {
                    let _ = writeln!(
                        warnings,
                        "{}: KNOWN BUG: {bug}\n    {}",
                        case.name,
                        mismatches.join("\n    ")
                    );
                }
            }
            None if !mismatches.is_empty() => {
                let _ = writeln!(
                    failures,
                    "{}:\n    {}",
                    case.name,
                    mismatches.join("\n    ")
                );
            }
            None => {}
        }
    }
    if !warnings.is_empty() {
        eprintln!("warning: {known} conformance case(s) record known engine bugs:\n{warnings}");
    }
    assert!(
        dirs.len() >= MIN_CASES,
        "only {} conformance cases in {}; at least {MIN_CASES} are required",
        dirs.len(),
        root().display()
    );
    assert!(
        failures.is_empty(),
        "conformance failures ({} cases run):\n{failures}",
        dirs.len()
    );
}

//! The records of the schema (`planwatch::schema`), whole, for the three languages.
//!
//! For every conformance case (and for the extraction of the built-in report), this
//! writes what the Rust API returns — the scorecard's JSON, the plan's indicators and
//! targets, the findings — to `target/conformance-records/<case>.json`. The Python
//! (`tests/python/test_schema.py`) and JavaScript (`tests/js/schema.test.mjs`) suites
//! evaluate the same inputs through their APIs and compare every field of every record
//! with these files, so a binding that drops, renames or retypes a field fails. The test
//! command runs the Rust suite first; the other suites refuse to run without the files.

use std::path::{Path, PathBuf};

use planwatch::{evaluate, extract, Observations, Options, Plan, NANSHAN_2024_REPORT};
use serde_json::{json, Value};

/// Where the records are written (the workspace's `target/`).
fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/conformance-records")
}

fn read(dir: &Path, file: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(file)).ok()
}

/// The records of one case, or None when its inputs do not load (the conformance
/// runner reports those).
fn case_records(dir: &Path) -> Option<Value> {
    let spec: Value = serde_json::from_str(&read(dir, "case.json")?).ok()?;
    let plan = match (read(dir, "plan.toml"), read(dir, "plan.json")) {
        (Some(t), None) => Plan::from_toml_str(&t, "plan.toml").ok()?,
        (None, Some(j)) => Plan::from_json_str(&j, "plan.json").ok()?,
        _ => return None,
    };
    let observations = match (
        read(dir, "observations.csv"),
        read(dir, "observations.json"),
    ) {
        (Some(c), None) => Observations::from_csv_str(&c, "observations.csv").ok()?,
        (None, Some(j)) => Observations::from_json_str(&j, "observations.json").ok()?,
        _ => return None,
    };
    let options = match spec.get("as_of").and_then(Value::as_str) {
        Some(d) => Options::as_of(planwatch::period::parse_date(d).ok()?),
        None => Options::default(),
    };
    let card = evaluate(&plan, &observations, &options);
    Some(json!({
        "scorecard": serde_json::to_value(&card).ok()?,
        "indicators": serde_json::to_value(&plan.indicators).ok()?,
        "targets": serde_json::to_value(&plan.targets).ok()?,
    }))
}

#[test]
fn records_for_the_other_languages() {
    let out = out_dir();
    std::fs::create_dir_all(&out).expect("target/ is writable");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance");
    let mut written = 0;
    for entry in std::fs::read_dir(&root).expect("tests/conformance exists") {
        let dir = entry.expect("a directory entry").path();
        if !dir.join("case.json").is_file() {
            continue;
        }
        let Some(records) = case_records(&dir) else {
            continue;
        };
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let text = serde_json::to_string_pretty(&records).unwrap();
        std::fs::write(out.join(format!("{name}.json")), text).unwrap();
        written += 1;
    }
    assert!(
        written >= 40,
        "only {written} conformance cases gave records"
    );

    // Extraction: the built-in report, whose findings use every field of a Finding.
    let found = extract(NANSHAN_2024_REPORT);
    let f = &found.findings;
    assert!(f.iter().any(|f| f.section.is_some() && f.heading.is_some()));
    assert!(f.iter().any(|f| f.value_hi.is_some()));
    let records = json!({ "findings": f, "warnings": found.warnings });
    let text = serde_json::to_string_pretty(&records).unwrap();
    std::fs::write(out.join("_extract.json"), text).unwrap();
}

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

/// The plan the issue cases use where they need a good one.
const ISSUE_PLAN: &str = r#"[plan]
id = "issues"
period = "2024"

[[indicator]]
id = "new_jobs"
name = { zh = "新增就业人数", en = "New urban jobs" }
unit = "人"
kind = "binding"
flow = true

[[indicator]]
id = "population"
name = { zh = "常住人口", en = "Resident population" }
unit = "万人"

[[target]]
indicator = "new_jobs"
condition = ">= 1.5万人"

[[target]]
indicator = "population"
condition = ">= 180万人"
"#;

/// Inputs that fail, one per way a binding hands out issues, as the name Python gives
/// a text input ("<string>"): (api, plan text, input text).
const ISSUE_CASES: &[(&str, &str, &str)] = &[
    (
        "plan_toml",
        "",
        "[plan]\nid = \"p\"\nperiod = \"2024Q5\"\n\n[[indicator]]\nid = \"a\"\nname = \"甲\"\nunit = \"furlong\"\n\n[[target]]\nindicator = \"b\"\ncondition = \"lots\"\n",
    ),
    ("plan_toml", "", "[plan\nid = 1\n"),
    (
        "plan_json",
        "",
        r#"{"plan": {"id": "p", "period": "2024"}, "indicator": [{"id": "a", "name": "甲", "unit": "人"}], "target": [{"indicator": "a", "condition": "不少于"}, {"indicator": "a"}]}"#,
    ),
    (
        "observations_csv",
        "",
        "indicator,period,value,unit\nnew_jobs,2024,lots,人\nnew_jobs,2024Q5,1,人\nnew_jobs,2024,1,\nnew_jobs,2024,1,furlong,final,2025-13-01\n",
    ),
    (
        "observations_csv_lenient",
        "",
        "indicator,period,value,unit,status\nnew_jobs,2024,1,人,final\nnew_jobs,2024,x,人,guess\n",
    ),
    (
        "observations_json",
        "",
        r#"[{"indicator": "new_jobs", "period": "2024", "value": "x", "unit": "人"}, {"colour": "red"}, 3, {"indicator": "new_jobs", "period": "2024", "value": [1], "unit": "人"}]"#,
    ),
    (
        "check",
        ISSUE_PLAN,
        "indicator,period,value,unit\nnew_job,2024,1,人\npopulation,2024-01..2024-03,180,万人\n",
    ),
    (
        "evaluate",
        ISSUE_PLAN,
        "indicator,period,value,unit\nnew_job,2024,1,人\nnew_jobs,2024,18000,人\nnew_jobs,2024,18000,人\n",
    ),
];

/// The issue records of every case of [`ISSUE_CASES`], with its inputs, for the Python
/// and JavaScript suites to compare whole (`target/conformance-records/_issues.json`).
#[test]
fn issue_records_for_the_other_languages() {
    const FILE: &str = "<string>";
    let issues = |r: Result<(), planwatch::Error>| -> Value {
        let err = r.expect_err("the case's input fails");
        assert!(!err.issues().is_empty(), "{err}");
        serde_json::to_value(err.issues()).unwrap()
    };
    let mut cases = Vec::new();
    for (api, plan, text) in ISSUE_CASES {
        let plan = (!plan.is_empty()).then(|| Plan::from_toml_str(plan, FILE).unwrap());
        let mut case =
            json!({ "api": api, "plan": plan.as_ref().map(|_| ISSUE_PLAN), "text": text });
        match *api {
            "plan_toml" => case["issues"] = issues(Plan::from_toml_str(text, FILE).map(drop)),
            "plan_json" => case["issues"] = issues(Plan::from_json_str(text, FILE).map(drop)),
            "observations_csv" => {
                case["issues"] = issues(Observations::from_csv_str(text, FILE).map(drop))
            }
            "observations_json" => {
                case["issues"] = issues(Observations::from_json_str(text, FILE).map(drop))
            }
            "observations_csv_lenient" => {
                let lenient = Observations::from_csv_str_lenient(text, FILE).unwrap();
                assert!(!lenient.rejected.is_empty());
                case["issues"] = serde_json::to_value(&lenient.rejected).unwrap();
            }
            "check" => {
                let obs = Observations::from_csv_str(text, FILE).unwrap();
                let checked = plan.as_ref().unwrap().check(&obs);
                assert!(!checked.errors.is_empty() && !checked.warnings.is_empty());
                case["errors"] = serde_json::to_value(&checked.errors).unwrap();
                case["warnings"] = serde_json::to_value(&checked.warnings).unwrap();
            }
            "evaluate" => {
                let obs = Observations::from_csv_str(text, FILE).unwrap();
                let card = evaluate(plan.as_ref().unwrap(), &obs, &Options::default());
                assert!(!card.issues.is_empty());
                case["issues"] = serde_json::to_value(&card.issues).unwrap();
            }
            other => panic!("unknown api {other}"),
        }
        cases.push(case);
    }
    // Every issue is the flat record of `planwatch::Issue`: all its keys, in order.
    let all: Vec<&Value> = cases
        .iter()
        .flat_map(|c| ["issues", "errors", "warnings"].map(|k| &c[k]))
        .filter_map(Value::as_array)
        .flatten()
        .collect();
    let mut expected = planwatch::ISSUE_KEYS.to_vec();
    expected.sort_unstable();
    for issue in &all {
        // serde_json's map sorts its keys: compare them as a set here, in order below.
        let keys: Vec<&str> = issue
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, expected, "{issue}");
    }
    let one = Observations::from_csv_str(
        "indicator,period,value,unit
a,2024,x,人
",
        FILE,
    )
    .unwrap_err();
    let text = serde_json::to_string(&one.issues()[0]).unwrap();
    let at: Vec<usize> = planwatch::ISSUE_KEYS
        .iter()
        .map(|k| {
            text.find(&format!("\"{k}\":"))
                .expect("every key is written")
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
    // The cases reach every key with a value at least once, except the text offsets:
    // the loaders locate their issues by line and column or path (offsets are the
    // location of parse errors, on the error itself).
    for key in planwatch::ISSUE_KEYS
        .into_iter()
        .filter(|k| !k.ends_with("_offset"))
    {
        assert!(
            all.iter().any(|i| !i[key].is_null()),
            "no issue case has a {key}"
        );
    }
    let out = out_dir();
    std::fs::create_dir_all(&out).expect("target/ is writable");
    let text = serde_json::to_string_pretty(&json!({ "cases": cases })).unwrap();
    std::fs::write(out.join("_issues.json"), text).unwrap();
}

/// The explanation is written when asked for, not stored: the record carries the
/// sentence `Assessment::explanation` writes, between `notes` and `source`, for every
/// target of the seed plan. (`explanations.rs` checks the sentences themselves.)
#[test]
fn the_record_carries_the_explanation_in_its_place() {
    let plan = Plan::builtin("nanshan-2024").expect("plan");
    let obs = Observations::builtin("nanshan-2024").expect("observations");
    let card = evaluate(&plan, &obs, &Options::default());
    assert!(!card.assessments.is_empty());
    for a in &card.assessments {
        // In the order written (serde_json's `Value` would sort the keys): the record's
        // own `notes` and `source` are its last (an input has a `source` too).
        let text = serde_json::to_string(a).expect("record");
        let (notes, explanation, source) = (
            text.rfind("\"notes\":").expect("notes"),
            text.find("\"explanation\":").expect("explanation"),
            text.rfind("\"source\":").expect("source"),
        );
        assert!(notes < explanation && explanation < source, "{text}");
        let record: Value = serde_json::from_str(&text).expect("json");
        let e = a.explanation();
        assert!(
            !e.zh.is_empty() && e.en.ends_with('.'),
            "{}: {e:?}",
            a.target
        );
        assert_eq!(record["explanation"], json!({"zh": e.zh, "en": e.en}));
    }
}

/// `Assessment`'s `Serialize` is written by hand (so the explanation is written only when
/// it is serialized): it must list every public field. Its keys are the fields `Debug`
/// shows, less the private names of a referenced indicator, plus `explanation`.
#[test]
fn the_record_lists_every_field_of_an_assessment() {
    let plan = Plan::builtin("nanshan-2024").expect("plan");
    let obs = Observations::builtin("nanshan-2024").expect("observations");
    let card = evaluate(&plan, &obs, &Options::default());
    let a = card.assessments.first().expect("an assessment");
    // Pretty `Debug` puts each top-level field on a line of its own, four spaces in.
    let debug = format!("{a:#?}");
    let mut fields: Vec<String> = debug
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.to_string()))
        .filter(|k| k != "referenced")
        .collect();
    fields.push("explanation".into());
    fields.sort();
    let record = serde_json::to_value(a).expect("record");
    let mut keys: Vec<String> = record
        .as_object()
        .expect("object")
        .keys()
        .cloned()
        .collect();
    keys.sort();
    assert_eq!(keys, fields);
}

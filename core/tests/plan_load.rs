//! Plan files: the built-in plan loads, mistakes are all reported with their place,
//! and writing then reading gives the same plan.

use planwatch::{Observations, Plan};

/// Each issue of `e` as (code, path).
fn codes_and_paths(e: &planwatch::Error) -> Vec<(&str, &str)> {
    e.issues()
        .iter()
        .map(|i| (i.code.as_str(), i.location.path.as_deref().unwrap_or("")))
        .collect()
}

/// Each issue of `e` as (code, field, input), `-` where there is none.
fn fields_and_inputs(e: &planwatch::Error) -> Vec<(&str, &str, &str)> {
    e.issues()
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.location.field.as_deref().unwrap_or("-"),
                i.input.as_deref().unwrap_or("-"),
            )
        })
        .collect()
}

#[test]
fn builtin_plan_and_observations_load() {
    let plan = Plan::builtin("nanshan-2024").unwrap_or_else(|e| {
        panic!(
            "{e}\n{}",
            e.issues()
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(plan.targets.len() >= 50, "{} targets", plan.targets.len());
    let obs = Observations::builtin("nanshan-2024").unwrap_or_else(|e| {
        panic!(
            "{e}\n{}",
            e.issues()
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(obs.len() >= 20);
    assert!(Plan::builtin("atlantis").unwrap_err().code() == "unknown_dataset");
}

const BAD: &str = r#"[plan]
id = "bad"
period = "2024"

[[indicator]]
id = "gdp"
name = { zh = "本地生产总值" }
unit = "亿元"

[[indicator]]
id = "gdp"
name = { zh = "重复" }
unit = "人"

[[indicator]]
id = "seats"
name = { zh = "学位" }
unit = "furlongs"

[[target]]
indicator = "gdp"
condition = ">= 1.5万人"

[[target]]
indicator = "nope"
condition = ">= 5%"

[[target]]
id = "t3"
indicator = "gdp"
period = "2024Q5"
condition = ">= 5亿元"

[[target]]
id = "t4"
indicator = "gdp"
condition = ">= 5亿元 and more"
"#;

#[test]
fn every_mistake_is_reported_with_line_and_column() {
    let e = Plan::from_toml_str(BAD, "bad.toml").unwrap_err();
    let got: Vec<(String, usize, usize)> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.code.clone(),
                i.location.line.unwrap_or(0),
                i.location.column.unwrap_or(0),
            )
        })
        .collect();
    // In the order of the file.
    let want = vec![
        ("duplicate_id".to_string(), 11, 6),
        ("unknown_unit".to_string(), 18, 8),
        ("incompatible_unit".to_string(), 22, 13),
        ("unknown_indicator".to_string(), 25, 13),
        ("bad_period".to_string(), 31, 10),
        ("bad_condition".to_string(), 37, 21),
    ];
    assert_eq!(got, want, "{e}");
    assert!(e
        .issues()
        .iter()
        .all(|i| i.location.file.as_deref() == Some("bad.toml")));
}

#[test]
fn toml_syntax_errors_have_a_line() {
    let e = Plan::from_toml_str("[plan]\nid = \"x\"\nperiod = \n", "s.toml").unwrap_err();
    assert_eq!(e.issues()[0].code, "syntax");
    assert_eq!(e.issues()[0].location.line, Some(3));
}

#[test]
fn json_problems_carry_their_path() {
    let json = r#"{"plan": {"id": "j", "period": "2024"},
      "indicators": [{"id": "gdp", "name": {"zh": "GDP"}, "unit": "亿元"}],
      "targets": [{"indicator": "gdp", "condition": ">= 5人"}]}"#;
    let e = Plan::from_json_str(json, "p.json").unwrap_err();
    assert_eq!(e.issues()[0].code, "incompatible_unit");
    assert_eq!(
        e.issues()[0].location.path.as_deref(),
        Some("target[0].condition")
    );
}

const MALFORMED_ITEMS: &str = r#"[plan]
id = "m"
period = "2024"
titel = "typo"

[[indicator]]
id = "gdp"
name = { zh = "本地生产总值", fr = "PIB" }
unit = "亿元"
flow = "yes"
kind = "binding-ish"

[[indicator]]
id = "jobs"
unit = "人"
tags = ["a", 3]
source = { span = [4, -1], page = 2 }

[[target]]
indicator = "gdp"
condition = 5.5
tier = "stretch"
"#;

/// Every problem of a malformed item is reported at its own field, not just the first,
/// in the order of the file, and an item with a problem is not loaded (so no check that
/// involves other items runs on a half-read item).
#[test]
fn every_problem_of_an_item_is_reported_at_its_field() {
    let e = Plan::from_toml_str(MALFORMED_ITEMS, "m.toml").unwrap_err();
    let got: Vec<(&str, usize, usize, &str)> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.location.line.unwrap_or(0),
                i.location.column.unwrap_or(0),
                i.location.path.as_deref().unwrap_or(""),
            )
        })
        .collect();
    let want = vec![
        ("unknown_field", 4, 1, "plan.titel"),
        ("invalid", 10, 8, "indicator[0].flow"),
        ("invalid", 11, 8, "indicator[0].kind"),
        ("invalid", 13, 1, "indicator[1].name"),
        ("invalid", 16, 14, "indicator[1].tags[1]"),
        ("invalid", 17, 19, "indicator[1].source.span"),
        ("unknown_field", 17, 28, "indicator[1].source.page"),
        ("invalid", 21, 13, "target[0].condition"),
    ];
    assert_eq!(got, want, "{e}");
    let messages: Vec<&str> = e.issues().iter().map(|i| i.message.as_str()).collect();
    assert_eq!(messages[0], "unknown field `titel`");
    assert_eq!(messages[1], "`flow` must be true or false, found \"yes\"");
    assert_eq!(
        messages[2],
        "`kind` must be one of \"binding\", \"expected\", \"task\", \"约束性\", \"预期性\", \"任务\", found \"binding-ish\""
    );
    assert_eq!(messages[3], "missing field `name`");
    assert_eq!(messages[7], "`condition` must be a string, found a float");
}

/// A field of the wrong shape does not hide what is wrong with the item's other
/// fields: a unit, formula, period, condition or baseline that does not read is
/// reported beside it, each at its own line.
#[test]
fn a_bad_field_does_not_hide_the_problems_of_the_items_other_fields() {
    let toml = r#"[plan]
id = "p"
period = "2024"

[[indicator]]
id = "jobs"
name = { zh = "新增就业" }
unit = "furlongs"
flow = "yes"
formula = "a +"

[[target]]
indicator = "jobs"
period = "2024Q5"
condition = "大约很多"
kind = "weird"
baseline = "many"
"#;
    let e = Plan::from_toml_str(toml, "p.toml").unwrap_err();
    let got: Vec<(&str, usize, &str)> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.location.line.unwrap_or(0),
                i.location.path.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("unknown_unit", 8, "indicator[0].unit"),
            ("invalid", 9, "indicator[0].flow"),
            ("bad_formula", 10, "indicator[0].formula"),
            ("bad_period", 14, "target[0].period"),
            ("bad_condition", 15, "target[0].condition"),
            ("invalid", 16, "target[0].kind"),
            ("bad_baseline", 17, "target[0].baseline"),
        ],
        "{e}"
    );
    // A field that is missing is reported once, as missing: its default is not also
    // checked (an empty condition is not "a bad condition" as well). The indicator `x`,
    // which the plan does not define, is named too.
    let e = Plan::from_toml_str(
        "[plan]\nid = \"p\"\nperiod = \"2024\"\n[[target]]\nindicator = \"x\"\nkind = 5\n",
        "m.toml",
    )
    .unwrap_err();
    let codes = codes_and_paths(&e);
    assert_eq!(
        codes,
        [
            ("invalid", "target[0].condition"),
            ("unknown_indicator", "target[0].indicator"),
            ("invalid", "target[0].kind")
        ],
        "{e}"
    );
    // A target whose every field reads but whose condition (or period) does not is
    // dropped too; its indicator is still checked, as it is on any other target.
    let e = Plan::from_toml_str(
        "[plan]\nid = \"p\"\nperiod = \"2024\"\n[[target]]\nindicator = \"x\"\n\
         condition = \"maybe\"\n[[target]]\nid = \"y\"\nindicator = \"x\"\n\
         condition = \">= 1\"\nperiod = \"someday\"\n",
        "d.toml",
    )
    .unwrap_err();
    let codes = codes_and_paths(&e);
    assert_eq!(
        codes,
        [
            ("unknown_indicator", "target[0].indicator"),
            ("bad_condition", "target[0].condition"),
            ("unknown_indicator", "target[1].indicator"),
            ("bad_period", "target[1].period"),
        ],
        "{e}"
    );
    // No unit is missing under a measure that did not read (a milestone needs none);
    // under one that did, it is.
    let toml = |measure: &str| {
        format!(
            "[plan]\nid = \"p\"\nperiod = \"2024\"\n[[indicator]]\nid = \"a\"\n\
             name = {{ zh = \"甲\" }}\nmeasure = \"{measure}\"\nflow = \"yes\"\n"
        )
    };
    for (measure, want) in [
        ("weird", vec!["invalid", "invalid"]),
        ("level", vec!["missing_unit", "invalid"]),
        ("milestone", vec!["invalid"]),
    ] {
        let e = Plan::from_toml_str(&toml(measure), "u.toml").unwrap_err();
        let codes: Vec<&str> = e.issues().iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, want, "{measure}: {e}");
    }
}

#[test]
fn json_items_are_read_by_the_same_rules_and_null_is_absent() {
    let json = r#"{"plan": {"id": "j", "period": "2024", "title": null},
      "indicator": [{"id": "gdp", "name": {"zh": "GDP"}, "unit": "亿元", "flow": true, "source": null}],
      "target": [{"indicator": "gdp", "condition": 5, "bogus": 1}]}"#;
    let e = Plan::from_json_str(json, "p.json").unwrap_err();
    let got: Vec<(&str, &str, Option<usize>)> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.location.path.as_deref().unwrap_or(""),
                i.location.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("invalid", "target[0].condition", None),
            ("unknown_field", "target[0].bogus", None)
        ],
        "{e}"
    );
    let fixed = json.replace(
        r#""condition": 5, "bogus": 1"#,
        r#""condition": ">= 5亿元""#,
    );
    let plan = Plan::from_json_str(&fixed, "p.json").unwrap();
    assert_eq!(plan.title, None);
    assert!(plan.indicators[0].flow);
    assert_eq!(plan.targets[0].id, "gdp");
}

/// A JSON object is read as a map: its problems come in key order (as TOML's do) and a
/// key written twice keeps its last value.
#[test]
fn json_objects_read_in_key_order_and_a_repeated_key_keeps_its_last_value() {
    let json = r#"{"plan": {"period": "2024", "zz": 1, "id": "first", "aa": 2, "id": "j"}}"#;
    let e = Plan::from_json_str(json, "p.json").unwrap_err();
    let paths: Vec<&str> = e
        .issues()
        .iter()
        .map(|i| i.location.path.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(paths, ["plan.aa", "plan.zz"], "{e}");
    let plan = Plan::from_json_str(
        r#"{"plan": {"period": "2024", "id": "first", "id": "j"}}"#,
        "p.json",
    )
    .unwrap();
    assert_eq!(plan.id, "j");
}

/// One problem per mistake: a `null` required field is missing (not also unknown), and
/// an item that is not a table is that one problem, not also every field missing.
#[test]
fn each_mistake_is_reported_once() {
    let codes = |e: &planwatch::Error| -> Vec<(String, String)> {
        e.issues()
            .iter()
            .map(|i| {
                (
                    i.location.path.clone().unwrap_or_default(),
                    i.message.clone(),
                )
            })
            .collect()
    };
    let e =
        Plan::from_json_str(r#"{"plan": {"id": null, "period": "2024"}}"#, "n.json").unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("plan.id".to_string(), "missing field `id`".to_string())]
    );
    let e = Plan::from_toml_str("plan = 5\n", "t.toml").unwrap_err();
    assert_eq!(
        codes(&e),
        vec![(
            "plan".to_string(),
            "plan must be a table, found an integer".to_string()
        )]
    );
    let toml = "[plan]\nid = \"x\"\nperiod = \"2024\"\n[[indicator]]\nid = \"a\"\nname = \"甲\"\nunit = \"人\"\n";
    let e = Plan::from_toml_str(toml, "t.toml").unwrap_err();
    assert_eq!(
        codes(&e),
        vec![(
            "indicator[0].name".to_string(),
            "indicator[0].name must be a table, found a string".to_string()
        )]
    );
}

#[test]
fn writing_and_reading_gives_the_same_plan() {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let toml = plan.to_toml().unwrap();
    assert_eq!(Plan::from_toml_str(&toml, "out.toml").unwrap(), plan);
    let json = plan.to_json().unwrap();
    assert_eq!(Plan::from_json_str(&json, "out.json").unwrap(), plan);
}

/// Found by fuzzing (fuzz/, RELIABILITY.md): a bare-number indicator (`unit = ""`)
/// was written without its unit and then failed to load.
#[test]
fn a_dimensionless_indicator_round_trips() {
    let json = r#"{"plan": {"id": "j", "period": "2024"}, "indicators": [{"id": "gdp", "name": {"zh": "peGDP"}, "unit": ""}]}"#;
    let plan = Plan::from_json_str(json, "p.json").unwrap();
    assert_eq!(
        Plan::from_json_str(&plan.to_json().unwrap(), "again.json").unwrap(),
        plan
    );
    assert_eq!(
        Plan::from_toml_str(&plan.to_toml().unwrap(), "again.toml").unwrap(),
        plan
    );
}

/// Size limits (core/src/limits.rs, RELIABILITY.md): beyond them, a typed error.
#[test]
fn inputs_beyond_the_limits_are_typed_errors() {
    use planwatch::limits::{MAX_FIELD_BYTES, MAX_PLAN_BYTES};
    let big = format!(
        "[plan]\nid = \"x\"\nperiod = \"2024\"\n#{}\n",
        "a".repeat(MAX_PLAN_BYTES)
    );
    assert_eq!(
        Plan::from_toml_str(&big, "big.toml").unwrap_err().kind(),
        planwatch::ErrorKind::TooLarge
    );
    assert_eq!(
        Plan::from_json_str(&big, "big.json").unwrap_err().kind(),
        planwatch::ErrorKind::TooLarge
    );
    let long = format!(
        "indicator,period,value,unit\nx,2024,{},人\n",
        "9".repeat(MAX_FIELD_BYTES + 1)
    );
    let e = Observations::from_csv_str(&long, "long.csv").unwrap_err();
    assert_eq!(e.issues()[0].code, "too_large");
    let deep = format!("{}x{}", "(".repeat(1000), ")".repeat(1000));
    assert_eq!(
        planwatch::Formula::parse(&deep).unwrap_err().kind(),
        planwatch::ErrorKind::TooLarge
    );
}

/// A plan's references are a map in key order: one value per key, written and shown
/// sorted whatever the order they were bound in.
#[test]
fn references_are_one_value_per_key_in_key_order() {
    use planwatch::{Quantity, References};
    let q = |s: &str| Quantity::parse(s).unwrap();
    let mut refs = References::new();
    assert_eq!(refs.insert("zeta", q("1亿元")), None);
    assert_eq!(refs.insert("alpha", q("2亿元")), None);
    assert_eq!(refs.insert("zeta", q("3亿元")), Some(q("1亿元")));
    let keys: Vec<&str> = refs.iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["alpha", "zeta"]);
    assert_eq!(refs.get("zeta"), Some(&q("3亿元")));
    assert_eq!(refs.len(), 2);
    assert_eq!(
        format!("{refs:?}"),
        format!(
            "{{\"alpha\": {:?}, \"zeta\": {:?}}}",
            q("2亿元"),
            q("3亿元")
        )
    );
    assert_eq!(refs.remove("alpha"), Some(q("2亿元")));
    assert_eq!(refs.get("alpha"), None);
    assert!(!refs.is_empty());
}

/// A plan file's problems name their field and quote what was written, as a table's
/// do: an analyst filters them by field and sees the text without opening the file.
#[test]
fn a_files_problems_name_their_field_and_quote_the_input() {
    let toml = "[plan]\nid = \"p\"\nperiod = \"2O24\"\n\
                [[indicator]]\nid = \"a\"\nname = { zh = \"甲\" }\nunit = \"furlong\"\n\
                [[indicator]]\nid = \"b\"\nname = { zh = \"乙\" }\nunit = \"亿元\"\n\
                [[target]]\nindicator = \"b\"\ncondition = \"maybe\"\n\
                [[target]]\nindicator = \"b\"\ncondition = \">= 1亿元\"\nperiod = \"someday\"\n";
    let want = [
        ("bad_period", "period", "2O24"),
        ("unknown_unit", "unit", "furlong"),
        ("bad_condition", "condition", "maybe"),
        ("bad_period", "period", "someday"),
    ];
    let e = Plan::from_toml_str(toml, "f.toml").unwrap_err();
    assert_eq!(fields_and_inputs(&e), want, "{e}");
    // The same plan as JSON: the same fields and inputs.
    let json = r#"{"plan": {"id": "p", "period": "2O24"},
        "indicator": [{"id": "a", "name": {"zh": "甲"}, "unit": "furlong"},
                      {"id": "b", "name": {"zh": "乙"}, "unit": "亿元"}],
        "target": [{"indicator": "b", "condition": "maybe"},
                   {"indicator": "b", "condition": ">= 1亿元", "period": "someday"}]}"#;
    let e = Plan::from_json_str(json, "f.json").unwrap_err();
    let mut got = fields_and_inputs(&e);
    got.sort();
    let mut want = want.to_vec();
    want.sort();
    assert_eq!(got, want, "{e}");
    // A reference is named by its key; a stretch target without an id by the id it
    // would have had, whether it was kept or dropped for its condition.
    let toml = "[plan]\nid = \"p\"\nperiod = \"2024\"\n[reference]\ncity = \"lots\"\n\
                [[target]]\nindicator = \"x\"\ntier = \"stretch\"\ncondition = \"maybe\"\n";
    let e = Plan::from_toml_str(toml, "r.toml").unwrap_err();
    assert_eq!(
        fields_and_inputs(&e),
        [
            ("bad_reference", "city", "lots"),
            ("unknown_indicator", "indicator", "x"),
            ("bad_condition", "condition", "maybe"),
        ],
        "{e}"
    );
    assert!(e.issues()[1].message.contains("\"x_stretch\""), "{e}");
    // A target kept but on an indicator the plan lacks quotes it too.
    let toml = "[plan]\nid = \"p\"\nperiod = \"2024\"\n\
                [[target]]\nindicator = \"ghost\"\ncondition = \">= 5%\"\n";
    let e = Plan::from_toml_str(toml, "g.toml").unwrap_err();
    assert_eq!(
        fields_and_inputs(&e),
        [("unknown_indicator", "indicator", "ghost")],
        "{e}"
    );
    // Periods may be written as a communiqué writes them, as in observations.
    let toml = "[plan]\nid = \"p\"\nperiod = \"2024年\"\n\
                [[indicator]]\nid = \"a\"\nname = { zh = \"甲\" }\nunit = \"亿元\"\n\
                [[target]]\nindicator = \"a\"\ncondition = \">= 5亿元\"\nperiod = \"2024年1-9月\"\n";
    let plan = Plan::from_toml_str(toml, "w.toml").unwrap();
    assert_eq!(plan.period.to_string(), "2024");
    assert_eq!(plan.targets[0].period.to_string(), "2024-01..2024-09");
}

//! The input side of issue 12: every bad observation row reported with its row and
//! column, unknown indicator ids against a plan, files that are not UTF-8, one cause
//! per mistake in plan files, defaults implied by the targets, and the contradictions
//! `Plan::check` warns about.

use planwatch::{ErrorKind, Measure, ObservationRecord, Observations, Plan, Polarity};

const PLAN: &str = r#"[plan]
id = "demo"
period = "2024"

[[indicator]]
id = "new_jobs"
name = { zh = "新增就业人数" }
unit = "人"
kind = "binding"
flow = true

[[indicator]]
id = "gdp"
name = { zh = "地区生产总值" }
unit = "亿元"

[[target]]
indicator = "new_jobs"
condition = ">= 1.5万人"

[[target]]
indicator = "gdp"
condition = ">= 9000亿元"
"#;

fn plan() -> Plan {
    Plan::from_toml_str(PLAN, "demo.toml").unwrap()
}

/// (code, line, column) of every issue.
fn rows(issues: &[planwatch::Issue]) -> Vec<(String, Option<usize>, Option<usize>)> {
    issues
        .iter()
        .map(|i| (i.code.clone(), i.location.line, i.location.column))
        .collect()
}

fn row(code: &str, line: usize, column: usize) -> (String, Option<usize>, Option<usize>) {
    (code.to_string(), Some(line), Some(column))
}

const BAD_ROWS: &str = "indicator,period,value,unit,status\n\
new_jobs,2024年1-9月,12000,人,final\n\
new_jbos,2024,18746,人,final\n\
gdp,2024,9500.97,亿元\n\
gdp,2024,9500.97,亿元,final,2025-01-20\n\
gdp,2024,9500.97,,final\n\
gdp,2024年4-6月,4000,亿元,final\n\
new_jobs,2024,18746,人,final\n";

#[test]
fn every_bad_row_is_reported_with_row_and_column() {
    // Without the plan: field counts, the empty unit and the period; the unknown id
    // needs the plan.
    let e = Observations::from_csv_str(BAD_ROWS, "obs.csv").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(
        rows(e.issues()),
        vec![
            row("field_count", 4, 5),
            row("field_count", 5, 6),
            row("missing_unit", 6, 4),
            row("bad_period", 7, 2),
        ],
        "{e}"
    );
    assert!(e.issues()[0].message.contains("status is missing"), "{e}");
    assert!(e.issues()[1].message.contains("quote a value"), "{e}");

    // Against the plan, lenient: every bad row listed in row order, the good rows kept.
    let lenient = Observations::from_csv_lenient(BAD_ROWS.as_bytes(), "obs.csv")
        .unwrap()
        .against(&plan());
    assert_eq!(
        rows(&lenient.rejected),
        vec![
            row("unknown_indicator", 3, 1),
            row("field_count", 4, 5),
            row("field_count", 5, 6),
            row("missing_unit", 6, 4),
            row("bad_period", 7, 2),
        ]
    );
    assert!(lenient.rejected[0].message.contains("new_jbos"));
    assert_eq!(lenient.observations.len(), 2);
    // Strict: all or nothing, with the same list.
    let e = lenient.into_result("obs.csv").unwrap_err();
    assert_eq!(e.issues().len(), 5);
    assert!(e.to_string().contains("5 problems"), "{e}");
}

#[test]
fn unknown_ids_are_bad_rows_in_every_format() {
    let plan = plan();
    // CSV, strict against the plan.
    let obs = Observations::from_csv_str(
        "unit,value,period,indicator\n人,1,2024,new_jobs\n亿元,2,2024,GDP\n",
        "o.csv",
    )
    .unwrap();
    let e = obs.clone().against(&plan).unwrap_err();
    assert_eq!(rows(e.issues()), vec![row("unknown_indicator", 3, 4)]);
    // The same through Plan::check, which also keeps the plan's own problems.
    let checked = plan.check(&obs);
    assert_eq!(rows(&checked.errors), vec![row("unknown_indicator", 3, 4)]);
    assert!(!checked.is_ok());
    // JSON: the record path, counting the records the file has.
    let obs = Observations::from_json_str(
        r#"[{"indicator":"gdp","period":"2024","value":"1","unit":"亿元"},
            {"indicator":"gpd","period":"2024","value":"1","unit":"亿元"}]"#,
        "o.json",
    )
    .unwrap();
    let e = obs.against(&plan).unwrap_err();
    assert_eq!(
        e.issues()[0].location.path.as_deref(),
        Some("[1].indicator")
    );
    assert_eq!(e.issues()[0].location.file.as_deref(), Some("o.json"));
    // JSON lenient: a bad record before it does not shift the index.
    let lenient = Observations::from_json_lenient(
        r#"[{"indicator":"gdp","period":"20x4","value":"1","unit":"亿元"},
            {"indicator":"gpd","period":"2024","value":"1","unit":"亿元"}]"#,
        "o.json",
    )
    .unwrap()
    .against(&plan);
    let paths: Vec<_> = lenient
        .rejected
        .iter()
        .map(|i| (i.code.as_str(), i.location.path.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        paths,
        [
            ("bad_period", "[0].period"),
            ("unknown_indicator", "[1].indicator")
        ]
    );
    // Records.
    let rec = |id: &str| ObservationRecord {
        indicator: id.into(),
        period: "2024".into(),
        value: "1".into(),
        unit: "人".into(),
        ..ObservationRecord::default()
    };
    let obs = Observations::from_records(&[rec("new_jobs"), rec("x")], "frame").unwrap();
    assert_eq!(
        obs.location(1, "indicator").unwrap().path.as_deref(),
        Some("[1].indicator")
    );
    let e = obs.against(&plan).unwrap_err();
    assert_eq!(
        e.issues()[0].location.path.as_deref(),
        Some("[1].indicator")
    );
    // Built in code: located by index in the batch.
    let mut built = Observations::new();
    built.push(planwatch::Observation::new(
        "nope",
        planwatch::Period::Year(2024),
        planwatch::Quantity::parse("1人").unwrap(),
    ));
    let checked = plan.check(&built);
    assert_eq!(
        checked.errors[0].location.path.as_deref(),
        Some("observations[0].indicator")
    );
}

#[test]
fn other_jurisdictions_rows_are_not_checked() {
    let mut plan = plan();
    plan.jurisdiction = Some("南山区".into());
    let obs = Observations::from_csv_str(
        "indicator,period,value,unit,jurisdiction\n\
         new_jobs,2024,1,人,南山区\n\
         port_tonnage,2024,1,万吨,盐田区\n\
         nope,2024,1,人,南山区\n",
        "o.csv",
    )
    .unwrap();
    assert_eq!(
        rows(&plan.check(&obs).errors),
        vec![row("unknown_indicator", 4, 1)]
    );
    assert_eq!(obs.against(&plan).unwrap_err().issues().len(), 1);
}

#[test]
fn origins_do_not_change_equality_or_output() {
    let a = Observations::from_csv_str("indicator,period,value,unit\ngdp,2024,1,亿元\n", "a.csv")
        .unwrap();
    let b = Observations::from_json_str(
        r#"[{"indicator":"gdp","period":"2024","value":"1","unit":"亿元"}]"#,
        "b.json",
    )
    .unwrap();
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    let loc = a.location(0, "value").unwrap();
    assert_eq!((loc.line, loc.column), (Some(2), Some(3)));
    assert!(a.location(0, "colour").is_none());
    let mut both = a.clone();
    both.extend(b);
    assert_eq!(
        both.location(1, "period").unwrap().path.as_deref(),
        Some("[0].period")
    );
}

/// "新增就业" in GBK.
const GBK_JOBS: [u8; 8] = [0xD0, 0xC2, 0xD4, 0xF6, 0xBE, 0xCD, 0xD2, 0xB5];

#[test]
fn a_gbk_file_gets_an_encoding_error_naming_offset_and_fix() {
    let mut bytes = b"indicator,period,value,unit,source\nnew_jobs,2024,18746,".to_vec();
    bytes.extend_from_slice(&[0xC8, 0xCB]); // 人
    bytes.push(b',');
    bytes.extend_from_slice(&GBK_JOBS);
    bytes.push(b'\n');
    for e in [
        Observations::from_csv_reader(bytes.as_slice(), "jobs.csv").unwrap_err(),
        Observations::from_csv_bytes(&bytes, "jobs.csv").unwrap_err(),
        Observations::from_csv_lenient(bytes.as_slice(), "jobs.csv").unwrap_err(),
    ] {
        assert_eq!(e.kind(), ErrorKind::Encoding, "{e}");
        assert_eq!(e.code(), "encoding");
        let loc = e.location();
        assert_eq!(loc.byte, Some(55), "{e}");
        assert_eq!((loc.line, loc.column), (Some(2), Some(21)), "{e}");
        assert_eq!(loc.file.as_deref(), Some("jobs.csv"));
        let m = e.message();
        assert!(m.contains("byte offset 55"), "{m}");
        assert!(m.contains("GBK/GB18030"), "{m}");
        assert!(m.contains("iconv -f GB18030 -t UTF-8 jobs.csv"), "{m}");
    }
    // JSON bytes too.
    let mut json = br#"[{"indicator":"new_jobs","period":"2024","value":"1","unit":""#.to_vec();
    json.extend_from_slice(&[0xC8, 0xCB]);
    json.extend_from_slice(br#""}]"#);
    let e = Observations::from_json_bytes(&json, "jobs.json").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Encoding);
    assert_eq!(e.location().byte, Some(61));
    // UTF-8 bytes load, a byte-order mark included.
    let ok = Observations::from_csv_bytes(
        "\u{feff}indicator,period,value,unit\nnew_jobs,2024年,18746,人\n".as_bytes(),
        "ok.csv",
    )
    .unwrap();
    assert_eq!(ok.iter().next().unwrap().period.to_string(), "2024");
}

#[test]
fn milestones_keep_their_empty_unit() {
    let obs = Observations::from_csv_str(
        "indicator,period,value,unit\nhospital,2024-10-15,done,\nhospital,2024年6月末,not done,\n",
        "m.csv",
    )
    .unwrap();
    assert_eq!(obs.len(), 2);
    assert_eq!(obs.iter().nth(1).unwrap().period.to_string(), "2024-06-30");
    // A figure without a unit (an index) is written with the unit 1; written out and
    // read back, the batch is the same.
    let mut all = obs.clone();
    all.extend(
        Observations::from_csv_str(
            "indicator,period,value,unit
cpi,2024,102.3,1
",
            "i.csv",
        )
        .unwrap(),
    );
    let csv = all.to_csv();
    assert!(
        csv.contains("\nhospital,2024-10-15,1,1,final,,,\n"),
        "{csv}"
    );
    assert!(csv.contains("\ncpi,2024,102.3,1,final,,,\n"), "{csv}");
    assert_eq!(Observations::from_csv_str(&csv, "again.csv").unwrap(), all);
}

const ONE_CAUSE: &str = r#"[plan]
id = "one-cause"
period = "2024"

[[indicator]]
id = "new_jobs"
name = { zh = "新增就业人数" }
unit = "人"
kind = "bindng"

[[indicator]]
id = "seats"
name = { zh = "学位" }
unit = "furlongs"

[[indicator]]
id = "per_seat"
name = { zh = "人均学位" }
unit = "人"
formula = "new_jobs / seats"

[[target]]
indicator = "new_jobs"
condition = ">= 1.5万人"

[[target]]
indicator = "seats"
condition = ">= 100座"

[[target]]
indicator = "nope"
condition = ">= 1人"
"#;

#[test]
fn one_bad_field_is_reported_once() {
    let e = Plan::from_toml_str(ONE_CAUSE, "one.toml").unwrap_err();
    let got: Vec<_> = e
        .issues()
        .iter()
        .map(|i| (i.code.as_str(), i.location.line.unwrap_or(0)))
        .collect();
    // The unknown kind and the unknown unit, each once; the targets and the formula
    // on those indicators are not also "unknown indicator" or "incompatible unit";
    // a target on an indicator that does not exist still is.
    assert_eq!(
        got,
        [
            ("invalid", 9),
            ("unknown_unit", 14),
            ("unknown_indicator", 31)
        ],
        "{e}"
    );
    assert!(e.issues()[0].message.contains("\"binding\""), "{e}");
}

#[test]
fn duplicates_and_bad_ids_are_plan_checks() {
    let mut plan = plan();
    let mut dup = plan.indicators[0].clone();
    dup.name.zh = "重复".into();
    plan.indicators.push(dup);
    plan.indicators[1].id = "国内生产总值".into();
    let codes: Vec<_> = plan.validate().into_iter().map(|i| i.code).collect();
    assert!(codes.contains(&"duplicate_id".to_string()), "{codes:?}");
    assert!(codes.contains(&"bad_id".to_string()), "{codes:?}");
}

const DEFAULTS: &str = r#"[plan]
id = "defaults"
period = "2024"

[[indicator]]
id = "pm25"
name = { zh = "PM2.5年均浓度" }
unit = "微克/立方米"

[[indicator]]
id = "declared_higher"
name = { zh = "森林覆盖率" }
unit = "%"
measure = "share"
polarity = "higher"

[[indicator]]
id = "gdp_growth"
name = { zh = "地区生产总值增长" }
unit = "%"

[[indicator]]
id = "both"
name = { zh = "上下限" }
unit = "亿元"

[[indicator]]
id = "jobs"
name = { zh = "新增就业" }
unit = "人"

[[indicator]]
id = "hospital"
name = { zh = "医院" }
measure = "milestone"

[[target]]
indicator = "pm25"
condition = "<= 30微克/立方米"

[[target]]
indicator = "declared_higher"
condition = "<= 45%"

[[target]]
indicator = "gdp_growth"
condition = "增长 >= 5.5%"

[[target]]
id = "both_floor"
indicator = "both"
condition = ">= 100亿元"

[[target]]
id = "both_cap"
indicator = "both"
condition = "<= 150亿元"

[[target]]
indicator = "jobs"
condition = ">= 1.5万人"

[[target]]
indicator = "hospital"
condition = "done by 2024-12-31"
"#;

#[test]
fn defaults_follow_the_targets_and_contradictions_are_warned() {
    let plan = Plan::from_toml_str(DEFAULTS, "defaults.toml").unwrap();
    let ind = |id: &str| plan.indicator(id).unwrap();
    assert_eq!(ind("pm25").polarity, Polarity::Lower);
    assert_eq!(ind("declared_higher").polarity, Polarity::Higher);
    assert_eq!(ind("gdp_growth").measure, Measure::Growth);
    assert_eq!(ind("gdp_growth").polarity, Polarity::Higher);
    assert_eq!(
        plan.target("gdp_growth").unwrap().condition.to_string(),
        ">= 5.5%"
    );
    assert_eq!(ind("both").polarity, Polarity::Higher);
    assert_eq!(ind("jobs").measure, Measure::Level);
    assert!(!ind("jobs").flow);
    assert_eq!(ind("hospital").polarity, Polarity::Higher);
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());

    // Written back, the implied values are explicit and load the same.
    let again = Plan::from_toml_str(&plan.to_toml().unwrap(), "again.toml").unwrap();
    assert_eq!(again, plan);

    let obs = Observations::from_csv_str(
        "indicator,period,value,unit\n\
         jobs,2024-01..2024-06,8000,人\n\
         jobs,2024年1-9月,12000,人\n\
         gdp_growth,2024年1-9月,5.1,%\n\
         pm25,2024年1-9月,29,微克/立方米\n",
        "o.csv",
    )
    .unwrap();
    let checked = plan.check(&obs);
    assert!(checked.is_ok(), "{:?}", checked.errors);
    let warnings: Vec<_> = checked
        .warnings
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.location
                    .path
                    .clone()
                    .or(i.location.line.map(|l| format!("line {l}")))
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        warnings,
        [
            ("polarity_contradiction", "target[1].condition".to_string()),
            ("polarity_contradiction", "target[4].condition".to_string()),
            ("ytd_not_flow", "line 2".to_string()),
            ("ytd_not_flow", "line 5".to_string()),
        ],
        "{:?}",
        checked.warnings
    );
    assert!(checked.warnings[0].message.contains("polarity = \"lower\""));
    assert!(checked.warnings[2].message.contains("flow = true"));
    assert_eq!(checked.warnings[2].location.column, Some(2));
}

#[test]
fn a_growth_condition_on_a_declared_level_is_an_error() {
    let text = DEFAULTS.replace(
        "id = \"gdp_growth\"\nname = { zh = \"地区生产总值增长\" }\nunit = \"%\"\n",
        "id = \"gdp_growth\"\nname = { zh = \"地区生产总值增长\" }\nunit = \"%\"\nmeasure = \"share\"\n",
    );
    let e = Plan::from_toml_str(&text, "g.toml").unwrap_err();
    let codes: Vec<_> = e.issues().iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["growth_condition"], "{e}");
    // A bad condition after a growth word is located inside the string.
    let text = DEFAULTS.replace("增长 >= 5.5%", "增长 >= 5.5%%");
    let e = Plan::from_toml_str(&text, "g.toml").unwrap_err();
    let i = &e.issues()[0];
    assert_eq!(i.code, "bad_condition");
    // condition = "增长 >= 5.5%%": the column of the second % is 13 + 1 + 10.
    assert_eq!(
        (i.location.line, i.location.column),
        (Some(47), Some(24)),
        "{e}"
    );
}

#[test]
fn vintages_may_be_written_in_chinese() {
    let obs = Observations::from_csv_str(
        "indicator,period,value,unit,vintage\nnew_jobs,2024年,18746,人,2025年1月20日\n",
        "v.csv",
    )
    .unwrap();
    assert_eq!(
        obs.iter().next().unwrap().vintage.unwrap().to_string(),
        "2025-01-20"
    );
    let e = Observations::from_csv_str(
        "indicator,period,value,unit,vintage\nnew_jobs,2024,1,人,2025年1月\n",
        "v.csv",
    )
    .unwrap_err();
    assert_eq!(rows(e.issues()), vec![row("bad_vintage", 2, 5)]);
}

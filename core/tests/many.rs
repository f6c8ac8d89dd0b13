//! Many plans against one batch holding every jurisdiction (`evaluate_many`): each plan
//! sees its own rows (and the rows without a jurisdiction), the result is the one each
//! plan gets on its own, bad plans and unplanned rows are reported, never dropped.

use planwatch::evaluation::{evaluate_many, evaluate_many_sources, Many};
use planwatch::{evaluate, Observations, Options, Plan, Scorecard, Status};

const NANSHAN_OBS: &str = include_str!("../data/nanshan-2024/observations.csv");
const CHINA_OBS: &str = include_str!("../data/china-14fyp/observations.csv");

fn with_jurisdiction(csv: &str, j: &str) -> Vec<String> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l},{j}"))
        .collect()
}

/// Three districts on the Nanshan plan, the country on the 14th FYP plan, and a
/// district nobody planned for, their rows interleaved as one national file would be.
/// 福田区 grew 6.0% in 2024 (met), 南山区 and 宝安区 4.1% (missed).
fn national() -> (Vec<Plan>, Observations) {
    let mut blocks = Vec::new();
    let mut plans = Vec::new();
    for j in ["南山区", "福田区", "宝安区"] {
        let mut plan = Plan::builtin("nanshan-2024").unwrap();
        plan.id = format!("nanshan-2024-{j}");
        plan.jurisdiction = Some(j.to_string());
        plans.push(plan);
        let mut rows = with_jurisdiction(NANSHAN_OBS, j);
        if j == "福田区" {
            for r in &mut rows {
                if r.starts_with("gdp_growth,2024,4.1,") {
                    *r = r.replace("gdp_growth,2024,4.1,", "gdp_growth,2024,6.0,");
                }
            }
        }
        blocks.push(rows);
    }
    plans.push(Plan::builtin("china-14fyp").unwrap());
    blocks.push(with_jurisdiction(CHINA_OBS, "中华人民共和国"));
    blocks.push(
        with_jurisdiction(NANSHAN_OBS, "罗湖区")
            .into_iter()
            .take(2)
            .collect(),
    );
    // Round robin over the blocks: no jurisdiction's rows are contiguous.
    let mut text = String::from("indicator,period,value,unit,status,vintage,source,jurisdiction\n");
    let longest = blocks.iter().map(Vec::len).max().unwrap();
    for i in 0..longest {
        for b in &blocks {
            if let Some(r) = b.get(i) {
                text.push_str(r);
                text.push('\n');
            }
        }
    }
    (
        plans,
        Observations::from_csv_str(&text, "national.csv").unwrap(),
    )
}

/// The rows `plan` would be given on its own: those it covers, in file order.
fn own_rows(plan: &Plan, all: &Observations) -> Observations {
    all.iter().filter(|o| plan.covers(o)).cloned().collect()
}

/// Scorecards compared as an analyst reads them: every field of the JSON, and each
/// issue's code and message (row locations differ between a batch and a sub-batch).
fn same(a: &Scorecard, b: &Scorecard) {
    assert_eq!(a.to_json(), b.to_json(), "plan {}", a.plan);
    let issues = |c: &Scorecard| {
        c.issues
            .iter()
            .map(|i| (i.code.clone(), i.message.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(issues(a), issues(b), "plan {}", a.plan);
}

#[test]
fn each_plan_gets_the_scorecard_it_gets_on_its_own() {
    let (plans, obs) = national();
    for options in [
        Options::default(),
        Options {
            parallel: false,
            ..Options::default()
        },
        Options::as_of("2024-09-01".parse().unwrap()),
    ] {
        let many = evaluate_many(&plans, &obs, &options);
        assert_eq!(many.scorecards.len(), 4);
        assert!(many.failures.is_empty(), "{:?}", many.failures);
        for (plan, card) in plans.iter().zip(&many.scorecards) {
            assert_eq!(card.plan, plan.id);
            same(card, &evaluate(plan, &own_rows(plan, &obs), &options));
            if options.as_of.is_some() {
                // With one date for all, the whole batch gives the same verdicts, and
                // the issues point at the same rows of the national file.
                let whole = evaluate(plan, &obs, &options);
                assert_eq!(card, &whole);
            }
        }
    }
}

#[test]
fn each_district_is_judged_on_its_own_figures() {
    let (plans, obs) = national();
    let many = evaluate_many(&plans, &obs, &Options::default());
    let gdp = |i: usize| {
        let a = many.scorecards[i].assessment("gdp_growth").unwrap();
        (a.status, a.observed.unwrap().to_string())
    };
    assert_eq!(gdp(0), (Status::Missed, "4.1".into()));
    assert_eq!(gdp(1), (Status::Met, "6".into()));
    assert_eq!(gdp(2), (Status::Missed, "4.1".into()));
    assert_eq!(
        many.scorecards[3].jurisdiction.as_deref(),
        Some("中华人民共和国")
    );
}

#[test]
fn rows_of_a_jurisdiction_without_a_plan_are_counted_with_their_first_row() {
    let (plans, obs) = national();
    let many = evaluate_many(&plans, &obs, &Options::default());
    assert_eq!(many.unplanned.len(), 1);
    let u = &many.unplanned[0];
    assert_eq!((u.jurisdiction.as_str(), u.rows), ("罗湖区", 2));
    // The fifth row of the file (line 6) is 罗湖区's first, at its 8th column.
    assert_eq!((u.first.line, u.first.column), (Some(6), Some(8)));
    let issues = many.issues();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code, "no_plan");
    assert!(
        issues[0].message.contains("罗湖区"),
        "{}",
        issues[0].message
    );
}

fn county(id: &str, j: &str, condition: &str) -> String {
    format!(
        "[plan]\nid = \"{id}\"\njurisdiction = \"{j}\"\nperiod = \"2024\"\n\
         [[indicator]]\nid = \"gdp_growth\"\nname = {{ zh = \"地区生产总值增长\" }}\nunit = \"%\"\nmeasure = \"growth\"\n\
         [[indicator]]\nid = \"national_gdp_growth\"\nname = {{ zh = \"全国GDP增长\" }}\nunit = \"%\"\nmeasure = \"growth\"\n\
         [[target]]\nindicator = \"gdp_growth\"\ncondition = \"{condition}\"\n"
    )
}

#[test]
fn national_rows_without_a_jurisdiction_are_bound_by_every_plan_that_refers_to_them() {
    // 高于全国平均水平: each county above the national 5.0%.
    let plans: Vec<Plan> = [("a", "甲县"), ("b", "乙县")]
        .iter()
        .map(|(id, j)| {
            Plan::from_toml_str(&county(id, j, "> ref:national_gdp_growth"), "c.toml").unwrap()
        })
        .collect();
    let obs = Observations::from_csv_str(
        "indicator,period,value,unit,jurisdiction\n\
         gdp_growth,2024,5.6,%,甲县\n\
         national_gdp_growth,2024,5.0,%,\n\
         gdp_growth,2024,4.8,%,乙县\n",
        "o.csv",
    )
    .unwrap();
    let many = evaluate_many(&plans, &obs, &Options::default());
    let a = &many.scorecards[0].assessments[0];
    let b = &many.scorecards[1].assessments[0];
    assert_eq!((a.status, b.status), (Status::Met, Status::Missed));
    assert_eq!(a.target_value.unwrap().to_string(), "5");
    assert!(many.unplanned.is_empty());
}

#[test]
fn a_broken_plan_is_reported_with_every_problem_and_the_others_are_evaluated() {
    let good = Plan::from_toml_str(&county("a", "甲县", ">= 5%"), "a.toml").unwrap();
    // Built in code: a target on an indicator the plan lacks, and no jurisdiction.
    let mut broken = good.clone();
    broken.id = "b".into();
    broken.jurisdiction = Some("乙县".into());
    let mut t = broken.targets[0].clone();
    t.id = "ghost".into();
    t.indicator = "ghost_indicator".into();
    broken.targets.push(t);
    let mut nowhere = good.clone();
    nowhere.id = "c".into();
    nowhere.jurisdiction = None;
    let obs = Observations::from_csv_str(
        "indicator,period,value,unit,jurisdiction\n\
         gdp_growth,2024,5.6,%,甲县\n\
         gdp_growth,2024,4.8,%,乙县\n\
         gdp_growth,2024,4.9,%,乙县\n",
        "o.csv",
    )
    .unwrap();
    let many = evaluate_many(&[good, broken, nowhere], &obs, &Options::default());
    assert_eq!(many.scorecards.len(), 1);
    assert_eq!(many.scorecards[0].assessments[0].status, Status::Met);
    assert_eq!(many.failures.len(), 2);
    let b = &many.failures[0];
    assert_eq!((b.index, b.plan.as_str(), b.rows), (1, "b", 2));
    assert_eq!(b.jurisdiction.as_deref(), Some("乙县"));
    assert!(
        b.issues
            .iter()
            .any(|i| i.message.contains("ghost_indicator")),
        "{:?}",
        b.issues
    );
    let c = &many.failures[1];
    assert_eq!((c.index, c.plan.as_str(), c.rows), (2, "c", 0));
    assert_eq!(c.issues.len(), 1);
    assert_eq!(c.issues[0].code, "no_jurisdiction");
    // 乙县 has a plan, though a broken one: its rows are in the failure, not unplanned.
    assert!(many.unplanned.is_empty());
    let codes: Vec<String> = many.issues().into_iter().map(|i| i.code).collect();
    assert_eq!(codes, ["plan_failed", "plan_failed"]);
}

#[test]
fn a_plan_file_that_does_not_load_is_reported_under_its_name_with_every_problem() {
    let good = county("a", "甲县", ">= 5%");
    // Two problems: a period that is no period, and a condition that is no condition.
    let bad = county("b", "乙县", ">= 5%")
        .replace("period = \"2024\"", "period = \"2024Q5\"")
        .replace("condition = \">= 5%\"", "condition = \">= five\"");
    let obs = Observations::from_csv_str(
        "indicator,period,value,unit,jurisdiction\ngdp_growth,2024,5.6,%,甲县\ngdp_growth,2024,4.8,%,乙县\n",
        "o.csv",
    )
    .unwrap();
    let many: Many = evaluate_many_sources(
        &[("bad.toml", bad.as_str()), ("good.toml", good.as_str())],
        &obs,
        &Options::default(),
    );
    assert_eq!(many.scorecards.len(), 1);
    assert_eq!(many.scorecards[0].plan, "a");
    assert_eq!(many.failures.len(), 1);
    let f = &many.failures[0];
    assert_eq!((f.index, f.plan.as_str()), (0, "bad.toml"));
    assert_eq!(f.issues.len(), 2, "{:?}", f.issues);
    assert!(f.issues.iter().all(|i| i.location.line.is_some()));
    // The plan did not load, so its jurisdiction is unknown and its rows are unplanned.
    assert_eq!(many.unplanned[0].jurisdiction, "乙县");
    assert_eq!(many.unplanned[0].rows, 1);
}

#[test]
fn a_jurisdiction_may_have_several_plans() {
    let yearly = Plan::from_toml_str(&county("y", "甲县", ">= 5%"), "y.toml").unwrap();
    let stretch = Plan::from_toml_str(&county("s", "甲县", ">= 6%"), "s.toml").unwrap();
    let obs = Observations::from_csv_str(
        "indicator,period,value,unit,jurisdiction\ngdp_growth,2024,5.6,%,甲县\n",
        "o.csv",
    )
    .unwrap();
    let many = evaluate_many(&[yearly, stretch], &obs, &Options::default());
    let statuses: Vec<Status> = many
        .scorecards
        .iter()
        .map(|c| c.assessments[0].status)
        .collect();
    assert_eq!(statuses, [Status::Met, Status::Missed]);
}

#[cfg(feature = "arrow")]
#[test]
fn the_arrow_table_has_one_row_per_assessment_with_its_plan_and_jurisdiction() {
    use planwatch::columnar::arrow_array::cast::AsArray;
    let (plans, obs) = national();
    let many = evaluate_many(&plans, &obs, &Options::default());
    let batch = many.to_arrow().unwrap();
    let total: usize = many.scorecards.iter().map(|c| c.assessments.len()).sum();
    assert_eq!(batch.num_rows(), total);
    let plan = batch.column_by_name("plan").unwrap().as_string::<i32>();
    let jurisdiction = batch
        .column_by_name("jurisdiction")
        .unwrap()
        .as_string::<i32>();
    let target = batch.column_by_name("target").unwrap().as_string::<i32>();
    // 福田区's GDP row sits among its own plan's rows.
    let row = (0..batch.num_rows())
        .find(|&i| jurisdiction.value(i) == "福田区" && target.value(i) == "gdp_growth")
        .unwrap();
    assert_eq!(plan.value(row), "nanshan-2024-福田区");
    assert_eq!(
        many.scorecards[1].assessment("gdp_growth").unwrap().status,
        Status::Met
    );
}

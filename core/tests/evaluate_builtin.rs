//! The built-in Nanshan 2024 plan evaluated against its built-in observations.

use planwatch::{evaluate, Grade, Observations, Options, Plan, Status};

fn card(as_of: Option<&str>) -> planwatch::Scorecard {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let obs = Observations::builtin("nanshan-2024").unwrap();
    let options = match as_of {
        Some(d) => Options::as_of(d.parse().unwrap()),
        None => Options::default(),
    };
    evaluate(&plan, &obs, &options)
}

#[test]
fn gdp_growth_missed_rd_met_through_the_derived_indicator_jobs_with_base() {
    let card = card(None);
    for a in &card.assessments {
        eprintln!(
            "{:<28} {:<14} {}",
            a.target,
            a.status.name(),
            a.explanation().zh
        );
    }
    let gdp = card.assessment("gdp_growth").unwrap();
    assert_eq!(gdp.status, Status::Missed);
    assert_eq!(gdp.grade, Some(Grade::NotAchieved));
    assert_eq!(gdp.gap.unwrap().to_string(), "-1.4");
    assert_eq!(gdp.gap_unit.symbol(), "个百分点");
    let rd = card.assessment("rd_spending").unwrap();
    assert_eq!(rd.status, Status::Met, "{}", rd.explanation().en);
    assert!(rd.inputs.len() >= 2, "{:?}", rd.inputs);
    let jobs = card.assessment("new_jobs").unwrap();
    assert_eq!(jobs.previous.unwrap().to_string(), "18746");
    assert_eq!(
        card.assessment("water_per_10k_gdp").unwrap().status,
        Status::Pending
    );
}

#[test]
fn mid_year_gdp_growth_is_behind_once_published() {
    // The H1 figures were published on 2024-08-14 (广州日报): not known at the end of June.
    let card = card(Some("2024-06-30"));
    let gdp = card.assessment("gdp_growth").unwrap();
    assert!(gdp.observed.is_none(), "{}", gdp.explanation().zh);
    let card = card_at("2024-08-14");
    let gdp = card.assessment("gdp_growth").unwrap();
    assert_eq!(gdp.status, Status::Behind, "{}", gdp.explanation().zh);
    assert_eq!(gdp.observed.unwrap().to_string(), "5");
}

#[test]
fn the_2024_outcome_is_not_shown_before_2025() {
    // The districts released their 2024 figures in early February 2025 (see CHECKLIST.md).
    for as_of in ["2024-12-31", "2025-01-15", "2025-02-04"] {
        let card = card_at(as_of);
        let gdp = card.assessment("gdp_growth").unwrap();
        assert_ne!(
            gdp.observed.map(|v| v.to_string()).as_deref(),
            Some("4.1"),
            "{as_of}"
        );
    }
    let gdp = card_at("2025-02-05")
        .assessment("gdp_growth")
        .unwrap()
        .clone();
    assert_eq!(gdp.observed.unwrap().to_string(), "4.1");
    assert_eq!(gdp.status, Status::Missed);
}

#[test]
fn credit_scenarios_have_no_2023_base() {
    let card = card(None);
    let a = card.assessment("credit_application_scenarios").unwrap();
    assert!(
        a.previous.is_none(),
        "the 2023 '10大应用场景' are a different set"
    );
}

fn card_at(date: &str) -> planwatch::Scorecard {
    card(Some(date))
}

//! Explanation sentences say what the rule did (issue 12 item 10). Each expected
//! phrase is what an analyst would write in a monitoring report, written before the
//! engine's output was looked at.

use planwatch::{evaluate, try_evaluate, Observations, Options, Plan, Scorecard};

fn card(plan: &str, obs: &str, as_of: Option<&str>) -> Scorecard {
    let plan = Plan::from_toml_str(plan, "plan.toml").expect("plan loads");
    let obs = Observations::from_csv_str(obs, "obs.csv").expect("observations load");
    let opts = match as_of {
        Some(d) => Options::as_of(planwatch::period::parse_date(d).expect("date")),
        None => Options::default(),
    };
    evaluate(&plan, &obs, &opts)
}

fn zh(card: &Scorecard, target: &str) -> String {
    card.assessment(target).expect("target").explanation().zh
}

fn en(card: &Scorecard, target: &str) -> String {
    card.assessment(target).expect("target").explanation().en
}

const HEAD: &str = "[plan]\nid = \"x\"\nperiod = \"2024\"\n";

#[test]
fn a_growth_rate_part_way_is_not_judged_against_time_elapsed() {
    let c = card(
        &format!("{HEAD}[[indicator]]\nid = \"retail\"\nname = {{ zh = \"社会消费品零售总额增长\" }}\nunit = \"%\"\nmeasure = \"growth\"\n[[target]]\nindicator = \"retail\"\ncondition = \">= 6%\"\n"),
        "indicator,period,value,unit\nretail,2024-01..2024-07,5.2,%\n",
        Some("2024-08-20"),
    );
    let s = zh(&c, "retail");
    assert!(!s.contains("时序进度"), "{s}");
    assert!(s.contains("完成率86.7%"), "{s}");
    assert!(!en(&c, "retail").contains("time elapsed"));
}

#[test]
fn the_seasonal_benchmark_prints_the_share_it_used() {
    let c = card(
        &format!("{HEAD}[[indicator]]\nid = \"fai\"\nname = {{ zh = \"固定资产投资\" }}\nunit = \"亿元\"\nflow = true\n[[target]]\nindicator = \"fai\"\ncondition = \">= 1100亿元\"\n"),
        "indicator,period,value,unit\nfai,2023,1000,亿元\nfai,2023H1,442,亿元\nfai,2024H1,500,亿元\n",
        Some("2024-07-20"),
    );
    let s = zh(&c, "fai");
    assert!(s.contains("44.2%"), "{s}");
    assert!(!s.contains("50.0%"), "{s}");
}

#[test]
fn multi_year_rows_say_average_annual_growth_since_the_base_year() {
    let plan = "[plan]\nid = \"x\"\nperiod = \"2021..2025\"\n[[indicator]]\nid = \"gdp_growth\"\nname = { zh = \"地区生产总值增长\" }\nunit = \"%\"\nmeasure = \"growth\"\n[[target]]\nindicator = \"gdp_growth\"\nperiod = \"2021..2025\"\ncondition = \">= 6%\"\n";
    let c = card(
        plan,
        "indicator,period,value,unit\ngdp_growth,2021,8,%\ngdp_growth,2022,3,%\n",
        Some("2023-03-01"),
    );
    let s = zh(&c, "gdp_growth");
    assert!(s.contains("年均增长"), "{s}");
    assert!(s.contains("以2020年为基期"), "{s}");
    assert!(s.contains("实际年均速度为所需的91.2%"), "{s}");
    assert!(en(&c, "gdp_growth").contains("average annual growth"));
}

#[test]
fn a_reference_keeps_its_comparator() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"national\"\nname = {{ zh = \"全国居民收入增长\", en = \"national income growth\" }}\nunit = \"%\"\nmeasure = \"growth\"\n[[indicator]]\nid = \"income\"\nname = {{ zh = \"居民人均可支配收入增长\" }}\nunit = \"%\"\nmeasure = \"growth\"\n[[target]]\nindicator = \"income\"\ncondition = \"> ref:national\"\n");
    let c = card(
        &plan,
        "indicator,period,value,unit\nnational,2024,5.1,%\nincome,2024,5.6,%\n",
        None,
    );
    let a = c.assessment("income").unwrap();
    assert_eq!(a.status, planwatch::Status::Met);
    assert_eq!(a.reference.as_deref(), Some("national"));
    let s = zh(&c, "income");
    assert!(s.contains("目标高于全国居民收入增长（5.1%）"), "{s}");
    assert!(!s.contains("目标完成"), "{s}");
}

/// A value bound in the plan's `[reference]` table (a quota assigned from above, a
/// national average …) is named a reference value in the sentence, not by its key.
#[test]
fn a_bound_reference_reads_as_a_reference_value() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"water_use\"\nname = {{ zh = \"万元GDP用水量\", en = \"Water use per 10,000 yuan of GDP\" }}\nunit = \"立方米/万元\"\nkind = \"binding\"\n[[target]]\nindicator = \"water_use\"\ncondition = \"<= ref:city_quota\"\n[reference]\ncity_quota = \"8.5立方米/万元\"\n");
    let c = card(
        &plan,
        "indicator,period,value,unit\nwater_use,2024,8,立方米/万元\n",
        None,
    );
    assert_eq!(
        zh(&c, "water_use"),
        "万元GDP用水量8立方米/万元，目标不超过参照值（8.5立方米/万元），完成率106.3%，已完成（超额完成）"
    );
    let s = en(&c, "water_use");
    assert!(s.contains("target at most the reference value (8.5"), "{s}");
    assert!(!s.contains("city_quota"), "{s}");
}

/// A five-year nominal growth read from two levels says so, and lists both levels as
/// its inputs (conformance case 123's plan and data).
#[test]
fn nominal_growth_from_two_levels_names_its_levels() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/conformance/123-nominal-cagr-from-two-levels"
    );
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
    let c = card(&read("plan.toml"), &read("observations.csv"), None);
    let a = c.assessment("revenue_growth").unwrap();
    let inputs: Vec<(String, String)> = a
        .inputs
        .iter()
        .map(|i| (i.period.to_string(), i.value.to_string()))
        .collect();
    assert_eq!(
        inputs,
        [("2025".into(), "130".into()), ("2020".into(), "100".into())]
    );
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("levels of 2020 and 2025")),
        "{:?}",
        a.notes
    );
    let s = zh(&c, "revenue_growth");
    assert!(
        s.contains("2021至2025年年均增长5.39%")
            && s.contains("以2020年为基期")
            && s.ends_with("已完成（超额完成）"),
        "{s}"
    );
}

#[test]
fn reductions_read_as_reductions() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"energy\"\nname = {{ zh = \"单位GDP能耗\" }}\nunit = \"%\"\nmeasure = \"change\"\npolarity = \"lower\"\n[[indicator]]\nid = \"water\"\nname = {{ zh = \"万元GDP用水量\" }}\nunit = \"%\"\nmeasure = \"change\"\npolarity = \"lower\"\n[[target]]\nindicator = \"energy\"\ncondition = \"<= -3%\"\n[[target]]\nindicator = \"water\"\ncondition = \"~ -2.5%\"\n");
    let c = card(
        &plan,
        "indicator,period,value,unit\nenergy,2024,-3.4,%\nwater,2024,-2.6,%\n",
        None,
    );
    let s = zh(&c, "energy");
    assert!(s.contains("目标下降3%以上"), "{s}");
    assert!(!s.contains("不超过-3%"), "{s}");
    assert!(zh(&c, "water").contains("目标下降2.5%左右"));
    assert!(en(&c, "energy").contains("a fall of at least 3%"));
}

#[test]
fn a_rounded_completion_never_contradicts_the_verdict() {
    let c = card(
        &format!("{HEAD}[[indicator]]\nid = \"v\"\nname = {{ zh = \"产值\" }}\nunit = \"元\"\n[[target]]\nindicator = \"v\"\ncondition = \">= 100000元\"\n"),
        "indicator,period,value,unit\nv,2024,99996,元\n",
        None,
    );
    let s = zh(&c, "v");
    assert!(s.contains("完成率99.99%"), "{s}");
    assert!(!s.contains("100.0%"), "{s}");
}

#[test]
fn english_counts_one_unit() {
    let c = card(
        &format!("{HEAD}[[indicator]]\nid = \"parks\"\nname = {{ zh = \"公园\", en = \"Parks\" }}\nunit = \"个\"\n[[target]]\nindicator = \"parks\"\ncondition = \">= 2个\"\n"),
        "indicator,period,value,unit\nparks,2024,1,个\n",
        None,
    );
    let s = en(&c, "parks");
    assert!(s.contains("Parks: 1 unit;"), "{s}");
}

#[test]
fn closed_periods_give_the_partial_figure_for_information_in_both_languages() {
    let c = card(
        &format!("{HEAD}[[indicator]]\nid = \"fai\"\nname = {{ zh = \"固定资产投资\" }}\nunit = \"亿元\"\nflow = true\n[[target]]\nindicator = \"fai\"\ncondition = \">= 1000亿元\"\n"),
        "indicator,period,value,unit\nfai,2024-01..2024-11,980,亿元\n",
        Some("2025-06-30"),
    );
    let s = zh(&c, "fai");
    assert!(s.contains("980亿元"), "{s}");
    assert!(s.contains("仅供参考"), "{s}");
    assert!(s.contains("暂无数据"), "{s}");
    assert!(en(&c, "fai").contains("for information"));
}

#[test]
fn a_stretch_tier_says_base_met_stretch_not_reached() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"fai\"\nname = {{ zh = \"固定资产投资\" }}\nunit = \"亿元\"\nkind = \"binding\"\nflow = true\n[[target]]\nindicator = \"fai\"\ncondition = \">= 1800亿元\"\n[[target]]\nid = \"fai_stretch\"\nindicator = \"fai\"\ncondition = \">= 2000亿元\"\ntier = \"stretch\"\n");
    let c = card(
        &plan,
        "indicator,period,value,unit\nfai,2024,1900,亿元\n",
        None,
    );
    assert!(zh(&c, "fai_stretch").contains("基本目标已完成，力争目标未达到"));
    assert!(en(&c, "fai_stretch").contains("base met, stretch not reached"));
    assert!(c.summary.binding_misses.is_empty());
}

#[test]
fn conflicting_figures_are_flagged_and_refused_when_strict() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"g\"\nname = {{ zh = \"地区生产总值增长\" }}\nunit = \"%\"\nmeasure = \"growth\"\n[[target]]\nindicator = \"g\"\ncondition = \">= 5.5%\"\n");
    let obs =
        "indicator,period,value,unit,vintage\ng,2024,5.4,%,2025-02-01\ng,2024,5.6,%,2025-02-01\n";
    let c = card(&plan, obs, None);
    let a = c.assessment("g").unwrap();
    assert_eq!(a.conflicts.len(), 1);
    assert_eq!(a.conflicts[0].value.to_string(), "5.4");
    assert!(zh(&c, "g").contains("数据冲突"), "{}", zh(&c, "g"));
    let plan = Plan::from_toml_str(&plan, "p.toml").unwrap();
    let obs = Observations::from_csv_str(obs, "o.csv").unwrap();
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    let err = try_evaluate(&plan, &obs, &strict).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(err.issues().len(), 1);
}

#[test]
fn a_zero_gap_keeps_the_target_magnitude() {
    // A growth target of 0% has no completion (SPEC §6), so the gap is printed.
    let c = card(
        &format!("{HEAD}[[indicator]]\nid = \"g\"\nname = {{ zh = \"增长\" }}\nunit = \"%\"\nmeasure = \"growth\"\n[[target]]\nindicator = \"g\"\ncondition = \">= 0%\"\n"),
        "indicator,period,value,unit\ng,2024,0,%\n",
        None,
    );
    assert!(zh(&c, "g").contains("差距0个百分点"), "{}", zh(&c, "g"));
}

#[test]
fn a_multi_year_reduction_reads_as_average_annual_rates() {
    let plan = "[plan]\nid = \"x\"\nperiod = \"2021..2025\"\n[[indicator]]\nid = \"energy\"\nname = { zh = \"单位国内生产总值能源消耗降低\" }\nunit = \"%\"\nmeasure = \"change\"\npolarity = \"lower\"\n[[target]]\nindicator = \"energy\"\nperiod = \"2021..2025\"\ncondition = \"<= -13.5%\"\n";
    let c = card(
        plan,
        "indicator,period,value,unit\nenergy,2021..2024,-11.6,%\n",
        Some("2025-06-01"),
    );
    let s = zh(&c, "energy");
    assert!(s.contains("（2021..2024年累计）：下降11.6%"), "{s}");
    assert!(s.contains("目标下降13.5%以上"), "{s}");
    assert!(s.contains("需年均下降2.86%"), "{s}");
    assert!(s.contains("年均下降3.04%"), "{s}");
    assert!(s.contains("进展显著"), "{s}");
    assert!(!s.contains("完成率"), "{s}");
}

#[test]
fn a_change_under_a_reduction_target_reads_as_a_fall_or_a_rise() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"e\"\nname = {{ zh = \"单位GDP能耗降低\" }}\nunit = \"%\"\nmeasure = \"change\"\npolarity = \"lower\"\n[[indicator]]\nid = \"f\"\nname = {{ zh = \"单位GDP水耗降低\" }}\nunit = \"%\"\nmeasure = \"change\"\npolarity = \"lower\"\n[[target]]\nindicator = \"e\"\ncondition = \"<= -3%\"\n[[target]]\nindicator = \"f\"\ncondition = \"<= -3%\"\n");
    let c = card(
        &plan,
        "indicator,period,value,unit\ne,2024,-3.5,%\nf,2024,1,%\n",
        None,
    );
    assert!(
        zh(&c, "e").starts_with("单位GDP能耗降低：下降3.5%"),
        "{}",
        zh(&c, "e")
    );
    let s = zh(&c, "f");
    assert!(s.starts_with("单位GDP水耗降低：上升1%"), "{s}");
    // The wrong way has no completion, only the gap.
    assert!(!s.contains("完成率-"), "{s}");
    assert!(en(&c, "f").contains("up 1%"));
}

#[test]
fn exactly_on_a_strict_bound_is_level_not_100_percent_missed() {
    let c = card(
        &format!("{HEAD}[[indicator]]\nid = \"rd\"\nname = {{ zh = \"研发投入\" }}\nunit = \"亿元\"\n[[target]]\nindicator = \"rd\"\ncondition = \"> 590亿元\"\n"),
        "indicator,period,value,unit\nrd,2024,590,亿元\n",
        None,
    );
    let s = zh(&c, "rd");
    assert!(s.contains("与目标持平，未超过"), "{s}");
    assert!(!s.contains("100.0%"), "{s}");
}

#[test]
fn english_sentences_use_english_quantities_and_give_the_reason_when_not_comparable() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"jobs\"\nname = {{ zh = \"新增就业\", en = \"New jobs\" }}\nunit = \"人\"\n[[indicator]]\nid = \"fai\"\nname = {{ zh = \"固定资产投资\", en = \"Investment\" }}\nunit = \"亿元\"\n[[target]]\nindicator = \"jobs\"\ncondition = \">= 1万人\"\n[[target]]\nindicator = \"fai\"\ncondition = \">= 50亿元\"\n");
    let obs = "indicator,period,value,unit,vintage\njobs,2024,1.5万,人,2025-02-01\njobs,2024,1.45万,人,2025-02-01\nfai,2024,52,人,2025-02-01\n";
    let c = card(&plan, obs, None);
    let s = en(&c, "jobs");
    assert!(s.contains("also 14,500 people"), "{s}");
    let s = zh(&c, "fai");
    assert!(s.contains("实际数据52人与目标单位不可比"), "{s}");
    assert!(en(&c, "fai").contains("cannot be compared"));
}

/// "未达到" (not reached) is said of a stretch once it is missed; with no figure, or
/// part-way, the stretch's own verdict says where it stands.
#[test]
fn a_stretch_without_its_figure_or_part_way_is_not_called_unreached() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"gdp\"\nname = {{ zh = \"地区生产总值\" }}\nunit = \"亿元\"\n[[indicator]]\nid = \"gdp_growth\"\nname = {{ zh = \"地区生产总值增长\" }}\nunit = \"%\"\nmeasure = \"growth\"\nof = \"gdp\"\n[[indicator]]\nid = \"fai\"\nname = {{ zh = \"固定资产投资\" }}\nunit = \"亿元\"\nflow = true\n[[target]]\nindicator = \"gdp_growth\"\ncondition = \">= 5.5%\"\n[[target]]\nid = \"gdp_stretch\"\nindicator = \"gdp\"\ncondition = \">= 1万亿元\"\ntier = \"stretch\"\n[[target]]\nindicator = \"fai\"\ncondition = \">= 100亿元\"\n[[target]]\nid = \"fai_stretch\"\nindicator = \"fai\"\ncondition = \">= 200亿元\"\ntier = \"stretch\"\n");
    let obs = "indicator,period,value,unit\ngdp_growth,2024,5.8,%\nfai,2024-01..2024-06,60,亿元\n";
    let c = card(&plan, obs, Some("2025-03-01"));
    let s = zh(&c, "gdp_stretch");
    assert!(
        s.contains("暂无数据") && s.contains("基本目标已完成"),
        "{s}"
    );
    assert!(!s.contains("未达到"), "{s}");
    // Mid-year: the base on track, the stretch behind (60 of 200 at half the year).
    let c = card(&plan, obs, Some("2024-07-15"));
    let s = zh(&c, "fai_stretch");
    assert!(
        s.contains("进度滞后") && s.contains("基本目标进度正常"),
        "{s}"
    );
    assert!(!s.contains("未达到"), "{s}");
    assert!(!en(&c, "fai_stretch").contains("not reached"));
}

#[test]
fn a_missed_stretch_over_a_missed_base_says_both() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"g\"\nname = {{ zh = \"增长\" }}\nunit = \"%\"\nmeasure = \"growth\"\n[[target]]\nindicator = \"g\"\ncondition = \">= 6%\"\n[[target]]\nid = \"g_stretch\"\nindicator = \"g\"\ncondition = \">= 7%\"\ntier = \"stretch\"\n");
    let c = card(&plan, "indicator,period,value,unit\ng,2024,5,%\n", None);
    assert!(zh(&c, "g_stretch").contains("基本目标未完成，力争目标未达到"));
}

#[test]
fn observations_on_unknown_indicators_are_reported_not_dropped() {
    let plan = format!("{HEAD}[[indicator]]\nid = \"jobs\"\nname = {{ zh = \"新增就业\" }}\nunit = \"人\"\nkind = \"binding\"\n[[target]]\nindicator = \"jobs\"\ncondition = \">= 1万人\"\n");
    let obs = "indicator,period,value,unit\njob,2024,1.2万,人\n";
    let c = card(&plan, obs, None);
    assert_eq!(
        c.assessment("jobs").unwrap().status,
        planwatch::Status::NoData
    );
    assert_eq!(c.issues.len(), 1);
    assert_eq!(c.issues[0].code, "unknown_indicator");
    assert_eq!(c.issues[0].location.line, Some(2));
    assert!(c.to_text(planwatch::Lang::Zh).contains("数据问题 (1)"));
    let plan = Plan::from_toml_str(&plan, "p.toml").unwrap();
    let obs = Observations::from_csv_str(obs, "o.csv").unwrap();
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    assert!(try_evaluate(&plan, &obs, &strict).is_err());
}

//! Plans and observations from tables: what analysts write in spreadsheets, every
//! problem at its row label and column.

use planwatch::{Cell, Comparator, Condition, Kind, Observations, Plan, PlanHeader, Table};

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Null
    } else {
        Cell::Text(s.into())
    }
}

fn table<L: AsRef<str>>(name: &str, columns: &[&str], rows: &[(L, Vec<Cell>)]) -> Table {
    let mut t = Table::new(name, columns.iter().copied());
    for (label, cells) in rows {
        t.push_row(label.as_ref(), cells.clone()).unwrap();
    }
    t
}

/// Each issue of `e` as (row, column, code, cell): where an analyst looks.
fn issues_at(e: &planwatch::Error) -> Vec<(&str, &str, &str, &str)> {
    e.issues()
        .iter()
        .map(|i| {
            (
                i.location.row.as_deref().unwrap_or("-"),
                i.location.field.as_deref().unwrap_or("-"),
                i.code.as_str(),
                i.input.as_deref().unwrap_or("-"),
            )
        })
        .collect()
}

/// Indicators as an analyst's sheet has them: Chinese kinds, a remarks column.
fn indicators() -> Table {
    table(
        "indicators",
        &["id", "name", "name_en", "unit", "kind", "flow", "备注"],
        &[
            (
                "a",
                vec![
                    text("gdp_growth"),
                    text("地区生产总值增长"),
                    text("GDP growth"),
                    text("%"),
                    text("预期性"),
                    Cell::Null,
                    text("统计局"),
                ],
            ),
            (
                "b",
                vec![
                    text("new_jobs"),
                    text("城镇新增就业"),
                    text(""),
                    text("人"),
                    text("约束性"),
                    Cell::Bool(true),
                    text(""),
                ],
            ),
            (
                "c",
                vec![
                    text("energy"),
                    text("单位GDP能耗"),
                    text(""),
                    text("%"),
                    text("binding"),
                    Cell::Null,
                    text(""),
                ],
            ),
            (
                "d",
                vec![
                    text("cpi"),
                    text("居民消费价格涨幅"),
                    text(""),
                    text("%"),
                    text("expected"),
                    Cell::Null,
                    text(""),
                ],
            ),
        ],
    )
}

fn targets() -> Table {
    table(
        "targets",
        &["indicator", "period", "condition", "备注"],
        &[
            (
                "0",
                vec![
                    text("gdp_growth"),
                    Cell::Int(2024),
                    text("增长6%"),
                    text(""),
                ],
            ),
            (
                "1",
                vec![
                    text("new_jobs"),
                    Cell::float(2024.0),
                    text("不少于1.2万人"),
                    text(""),
                ],
            ),
            (
                "2",
                vec![text("energy"), text("2024"), text("下降3%"), text("")],
            ),
            ("3", vec![text("cpi"), Cell::Null, text("3%左右"), text("")]),
        ],
    )
}

#[test]
fn a_plan_from_tables_reads_what_analysts_write() {
    let header = PlanHeader::new("demo-2024", "2024");
    let plan = Plan::from_tables(&indicators(), &targets(), &header, false).unwrap();
    let kinds: Vec<Kind> = plan.indicators.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [Kind::Expected, Kind::Binding, Kind::Binding, Kind::Expected]
    );
    let conditions: Vec<String> = plan
        .targets
        .iter()
        .map(|t| t.condition.to_string())
        .collect();
    // 增长6% is a floor of 6% on a growth indicator; 下降3% a change of at most −3%.
    assert_eq!(conditions, [">= 6%", ">= 1.2万人", "<= -3%", "~ 3%"]);
    assert_eq!(
        plan.indicator("gdp_growth").unwrap().measure,
        planwatch::Measure::Growth
    );
    assert!(plan.indicator("new_jobs").unwrap().flow);
    assert_eq!(plan.indicator("gdp_growth").unwrap().name.en, "GDP growth");
    // The integer 2024 and the float 2024.0 are the year 2024; an empty period is the plan's.
    assert!(plan.targets.iter().all(|t| t.period.to_string() == "2024"));
}

#[test]
fn strict_rejects_each_unknown_column_once_at_its_header() {
    let header = PlanHeader::new("demo-2024", "2024");
    let e = Plan::from_tables(&indicators(), &targets(), &header, true).unwrap_err();
    let got: Vec<_> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.location.path.as_deref().unwrap_or(""),
                i.location.column,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("unknown_field", "indicators.备注", Some(7)),
            ("unknown_field", "targets.备注", Some(4)),
        ]
    );
}

#[test]
fn every_problem_of_the_tables_is_located_by_row_label_and_column() {
    let indicators = table(
        "indicators",
        &["id", "name", "unit", "kind"],
        &[
            (
                "r1",
                vec![text("jobs"), text("新增就业"), text("furlongs"), text("")],
            ),
            (
                "r2",
                vec![text("gdp"), text("生产总值"), text("亿元"), text("重要")],
            ),
            ("r3", vec![text("cpi"), Cell::NaN, text("%"), text("")]),
        ],
    );
    let targets = table(
        "targets",
        &["indicator", "condition", "period"],
        &[
            ("t1", vec![text("gdp"), text("大约很多"), text("2024")]),
            ("t2", vec![text("gpd"), text(">= 5%"), text("2024")]),
            ("t3", vec![text("cpi"), Cell::NaN, text("2024")]),
            ("t4", vec![text("cpi"), text("3%左右"), text("2024Q5")]),
        ],
    );
    let e =
        Plan::from_tables(&indicators, &targets, &PlanHeader::new("x", "2024"), false).unwrap_err();
    let got: Vec<_> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.location.row.as_deref().unwrap_or("-"),
                i.location.field.as_deref().unwrap_or("-"),
                i.input.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("r1", "unit", "furlongs"),
            ("r2", "kind", "重要"),
            ("r3", "name", "NaN"),
            ("t1", "condition", "大约很多"),
            // The target on the misspelt indicator, at its indicator cell.
            ("t2", "indicator", "gpd"),
            ("t3", "condition", "NaN"),
            ("t4", "period", "2024Q5"),
        ],
        "{e}"
    );
    // Every issue says what would be accepted.
    let condition = &e.issues()[3];
    assert_eq!(condition.code, "bad_condition");
    assert!(condition.hint.as_deref().unwrap().contains("增长6%"));
    assert_eq!(condition.location.file.as_deref(), Some("targets"));
}

/// A row with a cell of the wrong kind (a kind or polarity no plan has) still has its
/// other cells checked: an analyst fixes the row once, not once per problem.
#[test]
fn a_bad_cell_does_not_hide_the_other_problems_of_its_row() {
    let indicators = table(
        "indicators",
        &["id", "name", "unit", "polarity"],
        &[(
            "r1",
            vec![
                text("jobs"),
                text("新增就业"),
                text("人人人"),
                text("upward"),
            ],
        )],
    );
    let targets = table(
        "targets",
        &["indicator", "period", "condition", "kind", "tier"],
        &[
            (
                "t1",
                vec![
                    text("jobs"),
                    text("20x4"),
                    text(">= ab"),
                    text("weird"),
                    text("base"),
                ],
            ),
            // A bad tier alone: nothing else to say.
            (
                "t2",
                vec![
                    text("jobs"),
                    text("2024"),
                    text(">= 5人"),
                    text(""),
                    text("main"),
                ],
            ),
        ],
    );
    let e =
        Plan::from_tables(&indicators, &targets, &PlanHeader::new("x", "2024"), false).unwrap_err();
    assert_eq!(
        issues_at(&e),
        [
            ("r1", "unit", "unknown_unit", "人人人"),
            ("r1", "polarity", "invalid", "upward"),
            ("t1", "period", "bad_period", "20x4"),
            ("t1", "condition", "bad_condition", ">= ab"),
            ("t1", "kind", "invalid", "weird"),
            ("t2", "tier", "invalid", "main"),
        ],
        "{e}"
    );
}

/// A row dropped for a bad cell is still checked for an indicator no row defines (a
/// misspelt id); one on an indicator whose own row is broken is not called unknown.
#[test]
fn a_bad_cell_does_not_hide_an_unknown_indicator() {
    let indicators = table(
        "indicators",
        &["id", "name", "unit", "kind"],
        &[
            (
                "r1",
                vec![text("gdp"), text("生产总值"), text("亿元"), text("")],
            ),
            (
                "r2",
                vec![text("jobs"), text("新增就业"), text("人"), text("重要")],
            ),
        ],
    );
    let targets = table(
        "targets",
        &["indicator", "condition", "tier"],
        &[
            ("t1", vec![text("gpd"), text(">= 5亿元"), text("main")]),
            ("t2", vec![text("jobs"), text(">= 5人"), text("main")]),
            ("t3", vec![text("gdp"), text(">= 5亿元"), text("main")]),
        ],
    );
    let e =
        Plan::from_tables(&indicators, &targets, &PlanHeader::new("x", "2024"), false).unwrap_err();
    assert_eq!(
        issues_at(&e),
        [
            ("r2", "kind", "invalid", "重要"),
            ("t1", "indicator", "unknown_indicator", "gpd"),
            ("t1", "tier", "invalid", "main"),
            ("t2", "tier", "invalid", "main"),
            ("t3", "tier", "invalid", "main"),
        ],
        "{e}"
    );
    assert_eq!(
        e.issues()[1].message,
        "target \"gpd\" is on unknown indicator \"gpd\""
    );
}

/// A condition in parts that does not read, on a row with another bad cell: one
/// `bad_condition`, at the part's cell, beside the other cell's problem.
#[test]
fn a_bad_part_and_a_bad_cell_of_one_row_are_each_reported_once() {
    let indicators = table(
        "indicators",
        &["id", "name", "unit"],
        &[("r1", vec![text("gdp"), text("生产总值"), text("亿元")])],
    );
    let targets = table(
        "targets",
        &["indicator", "comparator", "value", "unit", "kind"],
        &[(
            "t1",
            vec![
                text("gdp"),
                text(">="),
                text("many"),
                text("亿元"),
                text("weird"),
            ],
        )],
    );
    let e =
        Plan::from_tables(&indicators, &targets, &PlanHeader::new("x", "2024"), false).unwrap_err();
    assert_eq!(
        issues_at(&e),
        [
            ("t1", "value", "bad_condition", "many"),
            ("t1", "kind", "invalid", "weird")
        ],
        "{e}"
    );
}

#[test]
fn a_plan_without_id_or_period_is_reported() {
    let e =
        Plan::from_tables(&indicators(), &targets(), &PlanHeader::default(), false).unwrap_err();
    let paths: Vec<_> = e
        .issues()
        .iter()
        .map(|i| i.location.path.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(paths, ["plan.id", "plan.period"], "{e}");
}

#[test]
fn the_builtin_plan_goes_through_tables_unchanged() {
    for name in ["nanshan-2024", "china-14fyp"] {
        let plan = Plan::builtin(name).unwrap();
        let (header, indicators, targets) = plan.to_tables();
        let back = Plan::from_tables(&indicators, &targets, &header, true).unwrap();
        assert_eq!(back.to_toml().unwrap(), plan.to_toml().unwrap(), "{name}");
        assert_eq!(back, plan, "{name}");
    }
}

#[test]
fn conditions_as_analysts_write_them() {
    let parse = |s: &str| Condition::parse(s).unwrap();
    assert_eq!(parse("不少于1.2万人").to_string(), ">= 1.2万人");
    assert_eq!(parse("6%左右").comparator(), Comparator::Approx);
    assert_eq!(parse("下降3%").to_string(), "<= -3%");
}

fn observation_table() -> Table {
    let cols = ["indicator", "period", "value", "unit", "备注"];
    table(
        "observations",
        &cols,
        &[
            (
                "2001",
                vec![
                    text("gdp"),
                    Cell::Int(2024),
                    Cell::float(9500.97),
                    text("亿元"),
                    text(""),
                ],
            ),
            (
                "2002",
                vec![
                    text("new_jobs"),
                    text("2024年1-9月"),
                    Cell::Decimal("12000".parse().unwrap()),
                    text("人"),
                    text("初步"),
                ],
            ),
        ],
    )
}

#[test]
fn observations_from_a_table_read_floats_through_their_shortest_text() {
    let obs = Observations::from_table(&observation_table(), false).unwrap();
    let values: Vec<String> = obs.iter().map(|o| o.value.value().to_string()).collect();
    assert_eq!(values, ["9500.97", "12000"]);
    let e = Observations::from_table(&observation_table(), true).unwrap_err();
    assert_eq!(e.issues()[0].code, "unknown_field");
    assert_eq!(e.issues()[0].location.field.as_deref(), Some("备注"));
}

#[test]
fn every_bad_cell_of_a_mixed_column_is_reported_with_its_label() {
    let t = table(
        "observations",
        &["indicator", "period", "value", "unit"],
        &[
            (
                "a",
                vec![text("gdp"), text("2024"), Cell::float(1.5), text("亿元")],
            ),
            (
                "b",
                vec![text("gdp"), text("2023"), Cell::NaN, text("亿元")],
            ),
            (
                "c",
                vec![
                    text("gdp"),
                    text("2022"),
                    Cell::Invalid("list".into()),
                    text("亿元"),
                ],
            ),
            (
                "d",
                vec![text("gdp"), text("2021"), text("lots"), text("亿元")],
            ),
            (
                "e",
                vec![
                    text("gdp"),
                    text("2020"),
                    Cell::float(f64::INFINITY),
                    text(""),
                ],
            ),
        ],
    );
    let e = Observations::from_table(&t, false).unwrap_err();
    let got: Vec<_> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.location.row.as_deref().unwrap_or("-"),
                i.location.field.as_deref().unwrap_or("-"),
                i.code.as_str(),
                i.input.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("b", "value", "missing_value", "NaN"),
            ("c", "value", "bad_value", "<list>"),
            ("d", "value", "bad_value", "lots"),
            ("e", "value", "bad_value", "inf"),
            ("e", "unit", "missing_unit", ""),
        ],
        "{e}"
    );
    assert_eq!(e.issues()[0].message, "missing value (NaN)");
    assert!(e.issues().iter().all(|i| i.hint.is_some()), "{e}");
}

#[test]
fn check_names_what_evaluation_would_absorb() {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let csv = "indicator,period,value,unit\n\
               new_jbos,2024,18000,人\n\
               gdp,2024,9500.97,亿元\n\
               gdp,2024,9500.97,亿元\n\
               gdp,2024,9600,亿元\n\
               gdp,2023,8000,1\n";
    let obs = Observations::from_csv_str(csv, "obs.csv").unwrap();
    let checked = plan.check(&obs);
    let errors: Vec<_> = checked
        .errors
        .iter()
        .map(|i| (i.code.as_str(), i.location.line, i.hint.as_deref()))
        .collect();
    assert_eq!(
        errors,
        [
            (
                "unknown_indicator",
                Some(2),
                Some("did you mean \"new_jobs\"?")
            ),
            // The dimensionless 1 is a unit, of another kind than gdp's 亿元.
            (
                "incompatible_unit",
                Some(6),
                planwatch::hint_for("incompatible_unit")
            ),
        ]
    );
    let duplicates: Vec<_> = checked
        .warnings
        .iter()
        .filter(|i| i.code == "duplicate_observation")
        .map(|i| (i.location.line, i.message.contains("line 3")))
        .collect();
    assert_eq!(duplicates, [(Some(4), true), (Some(5), true)]);
    assert!(checked.warnings[1].message.contains("disagrees"));
}

#[test]
fn booleans_may_be_written_as_numbers_or_words() {
    let indicators = table(
        "indicators",
        &["id", "name", "unit", "flow", "nominal"],
        &[
            (
                "0",
                vec![
                    text("a"),
                    text("甲"),
                    text("人"),
                    Cell::float(1.0),
                    text("否"),
                ],
            ),
            (
                "1",
                vec![text("b"), text("乙"), text("人"), Cell::NaN, Cell::Int(1)],
            ),
        ],
    );
    let targets = table::<&str>("targets", &["indicator", "condition"], &[]);
    let plan =
        Plan::from_tables(&indicators, &targets, &PlanHeader::new("x", "2024"), false).unwrap();
    let flags: Vec<_> = plan
        .indicators
        .iter()
        .map(|i| (i.flow, i.nominal))
        .collect();
    assert_eq!(flags, [(true, false), (false, true)]);
}

#[test]
fn rows_of_a_frame_are_checked_at_their_position_and_of_a_sheet_at_their_line() {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let cells = || vec![text("new_jbos"), text("2024"), Cell::Int(1), text("人")];
    let columns = ["indicator", "period", "value", "unit"];
    let mut frame = Table::new("", columns);
    frame.push_row("a", cells()).unwrap();
    frame.push_row("b", cells()).unwrap();
    let obs = Observations::from_table(&frame.in_file("records"), false).unwrap();
    let at = &plan.check(&obs).errors[1].location;
    assert_eq!((at.path.as_deref(), at.line), (Some("[1].indicator"), None));
    let mut sheet = Table::new("observations", columns).in_file("book.xlsx");
    sheet.push_row_at("7", Some(7), cells()).unwrap();
    let obs = Observations::from_table(&sheet, false).unwrap();
    let at = &plan.check(&obs).errors[0].location;
    assert_eq!(
        (at.file.as_deref(), at.line, at.column),
        (Some("book.xlsx"), Some(7), Some(1))
    );
}

/// Indicators for the conditions-in-parts tables: money, people, a rate.
fn part_indicators() -> Table {
    table(
        "indicators",
        &["id", "name", "unit"],
        &[
            ("0", vec![text("gdp"), text("生产总值"), text("亿元")]),
            ("1", vec![text("jobs"), text("新增就业"), text("人")]),
            ("2", vec![text("rate"), text("比率"), text("%")]),
            ("3", vec![text("rank"), text("排名"), text("1")]),
        ],
    )
}

#[test]
fn a_condition_may_be_given_in_parts_with_the_words_analysts_use() {
    let columns = [
        "id",
        "indicator",
        "comparator",
        "value",
        "high",
        "unit",
        "condition",
    ];
    let row = |id: &str, ind: &str, cmp: &str, value: Cell, high: Cell, unit: &str, cond: &str| {
        (
            id.to_string(),
            vec![
                text(id),
                text(ind),
                text(cmp),
                value,
                high,
                text(unit),
                text(cond),
            ],
        )
    };
    let rows = [
        row("a", "gdp", ">=", Cell::float(16.4), Cell::NaN, "亿元", ""),
        row(
            "b",
            "gdp",
            "不少于",
            Cell::float(164000.0),
            Cell::Null,
            "万元",
            "",
        ),
        row(
            "c",
            "jobs",
            "≥",
            Cell::Text("1.2万".into()),
            Cell::Null,
            "人",
            "",
        ),
        row(
            "d",
            "gdp",
            "between",
            Cell::float(54.31),
            Cell::float(59.74),
            "亿元",
            "",
        ),
        row("e", "rate", "左右", Cell::float(6.0), Cell::NaN, "%", ""),
        row("f", "rate", "以内", Cell::Int(3), Cell::Null, "%", ""),
        row("g", "rank", "<", Cell::Int(10), Cell::Null, "1", ""),
        // Text in `condition` still works beside the parts.
        row("h", "rate", "", Cell::Null, Cell::Null, "", "增长6%"),
    ];
    let targets = table("targets", &columns, &rows);
    let plan = Plan::from_tables(
        &part_indicators(),
        &targets,
        &PlanHeader::new("p", "2024"),
        true,
    )
    .unwrap();
    let conditions: Vec<String> = plan
        .targets
        .iter()
        .map(|t| t.condition.to_string())
        .collect();
    assert_eq!(
        conditions,
        [
            ">= 16.4亿元",
            ">= 16.4亿元",
            ">= 1.2万人",
            "between 54.31亿元 and 59.74亿元",
            "~ 6%",
            "<= 3%",
            "< 10",
            ">= 6%",
        ]
    );
    // Exact: the float 16.4 is the decimal 16.4, in any unit it is written in.
    let a = plan.targets[0].condition.value().unwrap();
    let b = plan.targets[1].condition.value().unwrap();
    assert_eq!(a.value(), b.value());
    assert_eq!(a.value().to_string(), "1640000000");
    // The same plan as the condition text would give.
    let text_targets = table(
        "targets",
        &["id", "indicator", "condition"],
        &[
            ("0", vec![text("a"), text("gdp"), text(">= 16.4亿元")]),
            (
                "1",
                vec![
                    text("d"),
                    text("gdp"),
                    text("between 54.31亿元 and 59.74亿元"),
                ],
            ),
        ],
    );
    let from_text = Plan::from_tables(
        &part_indicators(),
        &text_targets,
        &PlanHeader::new("p", "2024"),
        true,
    )
    .unwrap();
    assert_eq!(from_text.targets[0].condition, plan.targets[0].condition);
    assert_eq!(from_text.targets[1].condition, plan.targets[3].condition);
}

#[test]
fn every_bad_part_of_a_condition_is_located_at_its_cell() {
    let columns = [
        "indicator",
        "comparator",
        "value",
        "high",
        "unit",
        "condition",
    ];
    let targets = table(
        "targets",
        &columns,
        &[
            (
                "t1",
                vec![
                    text("gdp"),
                    text("很多"),
                    Cell::float(1.0),
                    Cell::Null,
                    text("亿元"),
                    text(""),
                ],
            ),
            (
                "t2",
                vec![
                    text("gdp"),
                    text(">="),
                    Cell::float(1.0),
                    Cell::Null,
                    text("furlongs"),
                    text(""),
                ],
            ),
            (
                "t3",
                vec![
                    text("gdp"),
                    text("between"),
                    Cell::float(5.0),
                    Cell::NaN,
                    text("亿元"),
                    text(""),
                ],
            ),
            (
                "t4",
                vec![
                    text("gdp"),
                    text("between"),
                    Cell::float(5.0),
                    Cell::float(4.0),
                    text("亿元"),
                    text(""),
                ],
            ),
            (
                "t5",
                vec![
                    text("gdp"),
                    text(">"),
                    text("abc"),
                    Cell::Null,
                    text("亿元"),
                    text(""),
                ],
            ),
            (
                "t6",
                vec![
                    text("gdp"),
                    text(">="),
                    Cell::float(1.0),
                    Cell::float(2.0),
                    text("亿元"),
                    text(""),
                ],
            ),
            (
                "t7",
                vec![
                    text("gdp"),
                    text(">="),
                    Cell::float(1.0),
                    Cell::Null,
                    text("亿元"),
                    text(">= 1亿元"),
                ],
            ),
            (
                "t8",
                vec![
                    text("gdp"),
                    text(">="),
                    Cell::NaN,
                    Cell::Null,
                    text("亿元"),
                    text(""),
                ],
            ),
            // A unit that does not fit the indicator: at the value cell.
            (
                "t9",
                vec![
                    text("gdp"),
                    text(">="),
                    Cell::float(3.0),
                    Cell::Null,
                    text("人"),
                    text(""),
                ],
            ),
        ],
    );
    let e = Plan::from_tables(
        &part_indicators(),
        &targets,
        &PlanHeader::new("p", "2024"),
        false,
    )
    .unwrap_err();
    let got: Vec<_> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.location.row.as_deref().unwrap_or("-"),
                i.location.field.as_deref().unwrap_or("-"),
                i.input.as_deref().unwrap_or("-"),
                i.code.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("t1", "comparator", "很多", "bad_condition"),
            ("t2", "unit", "furlongs", "bad_condition"),
            ("t3", "high", "NaN", "bad_condition"),
            ("t4", "high", "4", "bad_condition"),
            ("t5", "value", "abc", "bad_condition"),
            ("t6", "high", "2", "bad_condition"),
            ("t7", "comparator", ">=", "bad_condition"),
            ("t8", "value", "NaN", "bad_condition"),
            ("t9", "value", "3", "incompatible_unit"),
        ],
        "{e}"
    );
    assert!(e
        .issues()
        .iter()
        .all(|i| i.location.path.is_some() && (i.code != "bad_condition" || i.hint.is_some())));
    assert_eq!(
        e.issues()[0].location.path.as_deref(),
        Some("targets[t1].comparator")
    );
    assert!(
        e.issues()[3].message.contains("below the lower bound"),
        "{}",
        e.issues()[3]
    );
}

#[test]
fn rows_read_without_a_tree_and_rows_with_problems_keep_their_order() {
    // Good rows are read directly; a row with a problem goes through the file's
    // reader, which reports it; both kinds mixed keep row order and labels.
    let targets = table(
        "targets",
        &[
            "id",
            "indicator",
            "condition",
            "tier",
            "kind",
            "baseline",
            "period",
        ],
        &[
            (
                "0",
                vec![
                    text("a"),
                    text("jobs"),
                    text(">= 1万人"),
                    text(""),
                    text("约束性"),
                    text(""),
                    Cell::Int(2024),
                ],
            ),
            (
                "1",
                vec![
                    text("b"),
                    text("jobs"),
                    text(">= 2万人"),
                    text("top"),
                    text(""),
                    text(""),
                    Cell::Int(2024),
                ],
            ),
            (
                "2",
                vec![
                    Cell::Bool(true),
                    text("jobs"),
                    text(">= 2万人"),
                    text(""),
                    text(""),
                    text(""),
                    Cell::Int(2024),
                ],
            ),
            (
                "3",
                vec![
                    text("d"),
                    text("jobs"),
                    text(">= 3万人"),
                    text("stretch"),
                    text("binding"),
                    text("1万人"),
                    text("2024"),
                ],
            ),
            (
                "4",
                vec![
                    text("e"),
                    Cell::Null,
                    text(">= 3万人"),
                    text(""),
                    text(""),
                    text(""),
                    text("2024"),
                ],
            ),
        ],
    );
    let e = Plan::from_tables(
        &part_indicators(),
        &targets,
        &PlanHeader::new("p", "2024"),
        false,
    )
    .unwrap_err();
    let got: Vec<_> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.location.row.as_deref().unwrap_or("-"),
                i.location.field.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(got, [("1", "tier"), ("2", "id"), ("4", "indicator")], "{e}");
    // Without the bad rows, every field of the good ones is read.
    let good = table(
        "targets",
        &["id", "indicator", "condition", "tier", "kind", "baseline"],
        &[
            (
                "0",
                vec![
                    text("a"),
                    text("jobs"),
                    text(">= 1万人"),
                    text(""),
                    text("约束性"),
                    text(""),
                ],
            ),
            (
                "3",
                vec![
                    text("d"),
                    text("jobs"),
                    text(">= 3万人"),
                    text("stretch"),
                    text("binding"),
                    text("1万人"),
                ],
            ),
        ],
    );
    let plan = Plan::from_tables(
        &part_indicators(),
        &good,
        &PlanHeader::new("p", "2024"),
        true,
    )
    .unwrap();
    assert_eq!(plan.targets[0].kind, Some(Kind::Binding));
    assert_eq!(plan.targets[1].tier, planwatch::Tier::Stretch);
    assert_eq!(plan.targets[1].baseline.unwrap().to_string(), "1万人");
}

#[cfg(feature = "arrow")]
#[test]
fn arrow_columns_become_the_cells_a_sheet_would_hold() {
    use planwatch::columnar::arrow_array::types::Int32Type;
    use planwatch::columnar::arrow_array::{
        BooleanArray, Date32Array, Decimal128Array, DictionaryArray, Float64Array, Int64Array,
        StringArray, TimestampSecondArray, UInt64Array,
    };
    use planwatch::columnar::cells;
    assert_eq!(
        cells(&Float64Array::from(vec![
            Some(16.4),
            None,
            Some(f64::NAN),
            Some(0.1 + 0.2)
        ])),
        [
            Cell::Float("16.4".into()),
            Cell::Null,
            Cell::NaN,
            Cell::Float("0.30000000000000004".into())
        ]
    );
    assert_eq!(cells(&Int64Array::from(vec![2024])), [Cell::Int(2024)]);
    assert_eq!(
        cells(&UInt64Array::from(vec![7, u64::MAX])),
        [Cell::Int(7), text("18446744073709551615")]
    );
    assert_eq!(cells(&BooleanArray::from(vec![true])), [Cell::Bool(true)]);
    let dict: DictionaryArray<Int32Type> =
        vec![Some("亿元"), None, Some("亿元")].into_iter().collect();
    assert_eq!(cells(&dict), [text("亿元"), Cell::Null, text("亿元")]);
    let dec = Decimal128Array::from(vec![1_500_000])
        .with_precision_and_scale(10, 2)
        .unwrap();
    assert_eq!(cells(&dec), [text("15000.00")]);
    let day = Date32Array::from(vec![19_723]);
    assert_eq!(cells(&day)[0].text().as_deref(), Some("2024-01-01"));
    // A timestamp is its calendar day (a publication at 01:00 was on 1 January);
    // zoned, its local day (23:00 UTC on 31 December is 1 January in Shanghai).
    let at = TimestampSecondArray::from(vec![19_723 * 86_400 + 3_600]);
    assert_eq!(cells(&at)[0].text().as_deref(), Some("2024-01-01"));
    let zoned = TimestampSecondArray::from(vec![19_723 * 86_400 - 3_600]).with_timezone("+08:00");
    assert_eq!(cells(&zoned)[0].text().as_deref(), Some("2024-01-01"));
    let unknown = TimestampSecondArray::from(vec![0]).with_timezone("Nowhere/Atlantis");
    assert!(matches!(cells(&unknown)[0], Cell::Invalid(_)));
    assert_eq!(
        cells(&StringArray::from(vec![Some("gdp"), None])),
        [text("gdp"), Cell::Null]
    );
}

/// The error of a targets table (conditions in parts, over `part_indicators`) and its
/// problems as (code, row label, field).
fn part_table_problems(
    columns: &[&str],
    rows: &[(String, Vec<Cell>)],
) -> (planwatch::Error, Vec<(String, String, String)>) {
    let t = table("targets", columns, rows);
    let e = Plan::from_tables(&part_indicators(), &t, &PlanHeader::new("p", "2024"), false)
        .unwrap_err();
    let got = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.code.clone(),
                i.location.row.clone().unwrap_or_default(),
                i.location.field.clone().unwrap_or_default(),
            )
        })
        .collect();
    (e, got)
}

/// Every bad part of one row's condition is named, each at its cell: a unit that does
/// not exist does not hide a value that is not a number, nor does a comparator no plan
/// uses; a part that reads is not blamed.
#[test]
fn every_bad_part_of_one_row_is_named_at_its_cell() {
    let row = |label: &str, cmp: &str, value: &str, high: &str, unit: &str| {
        (
            label.to_string(),
            vec![text("gdp"), text(cmp), text(value), text(high), text(unit)],
        )
    };
    let (e, got) = part_table_problems(
        &["indicator", "comparator", "value", "high", "unit"],
        &[
            row("t1", ">=", "abc", "", "furlongs"),
            row("t2", "??", "5", "", "亿元"),
            row("t3", "??", "x", "", "亿元"),
            row("t4", "between", "5", "y", "furlongs"),
            row("t5", ">=", "5", "", "furlongs"),
        ],
    );
    let want = [
        ("t1", "value"),
        ("t1", "unit"),
        ("t2", "comparator"),
        ("t3", "comparator"),
        ("t3", "value"),
        ("t4", "high"),
        ("t4", "unit"),
        ("t5", "unit"),
    ];
    let got: Vec<(&str, &str)> = got
        .iter()
        .map(|(code, row, field)| {
            assert_eq!(code, "bad_condition", "{e}");
            (row.as_str(), field.as_str())
        })
        .collect();
    assert_eq!(got, want, "{e}");
}

#[test]
fn a_large_targets_table_reads_as_a_small_one_in_row_order() {
    // Above the size at which rows are read on every core: each row's condition and
    // its problems come out as they would one by one, in row order.
    let columns = ["id", "indicator", "comparator", "value", "unit", "tier"];
    let rows: Vec<(String, Vec<Cell>)> = (0..12_345)
        .map(|i| {
            let (cmp, unit, tier) = match i {
                777 => ("maybe", "万人", ""),
                5_000 => (">=", "xyz", ""),
                9_999 => (">=", "万人", "top"),
                _ => (if i % 2 == 0 { ">=" } else { "不少于" }, "万人", ""),
            };
            (
                i.to_string(),
                vec![
                    text(&format!("t{i}")),
                    text("jobs"),
                    text(cmp),
                    Cell::float(f64::from(i) / 100.0),
                    text(unit),
                    text(tier),
                ],
            )
        })
        .collect();
    let (e, got) = part_table_problems(&columns, &rows);
    let got: Vec<_> = got
        .into_iter()
        .map(|(_, row, field)| (row, field))
        .collect();
    assert_eq!(
        got,
        [
            ("777".to_string(), "comparator".to_string()),
            ("5000".to_string(), "unit".to_string()),
            ("9999".to_string(), "tier".to_string()),
        ],
        "{e}"
    );
    let kept: Vec<(String, Vec<Cell>)> = rows
        .into_iter()
        .filter(|(l, _)| !["777", "5000", "9999"].contains(&l.as_str()))
        .collect();
    let good = table("targets", &columns, &kept);
    let plan = Plan::from_tables(
        &part_indicators(),
        &good,
        &PlanHeader::new("p", "2024"),
        true,
    )
    .unwrap();
    assert_eq!(plan.targets.len(), 12_342);
    for (i, target) in [0usize, 1, 776, 777, 12_341].map(|k| (k, &plan.targets[k])) {
        let n: usize = target.id.trim_start_matches('t').parse().unwrap();
        // The three bad rows are gone: ids after them are shifted.
        assert_eq!(
            n,
            i + usize::from(i >= 777) + usize::from(i >= 4_999) + usize::from(i >= 9_997)
        );
        let value = planwatch::Decimal::from(n) / planwatch::Decimal::from(100);
        let expected = planwatch::Condition::parse(&format!(">= {value}万人")).unwrap();
        assert_eq!(target.condition, expected, "{}", target.id);
    }
}

#[test]
fn the_plans_own_checks_of_a_large_table_come_in_row_order() {
    // Above the size at which targets are checked on every core: a target on an
    // unknown indicator and a value in a unit its indicator cannot take, every
    // thousand rows, are each reported once, at their row, in row order.
    let columns = ["id", "indicator", "comparator", "value", "unit"];
    let rows: Vec<(String, Vec<Cell>)> = (0..12_000)
        .map(|i| {
            let (indicator, unit) = match i % 1_000 {
                3 => ("jobz", "万人"),
                600 => ("jobs", "%"),
                _ => ("jobs", "万人"),
            };
            (
                i.to_string(),
                vec![
                    text(&format!("t{i}")),
                    text(indicator),
                    text(">="),
                    Cell::float(1.5),
                    text(unit),
                ],
            )
        })
        .collect();
    let (e, got) = part_table_problems(&columns, &rows);
    let expected: Vec<_> = (0..12)
        .flat_map(|k| {
            [
                ("unknown_indicator", k * 1_000 + 3, "indicator"),
                ("incompatible_unit", k * 1_000 + 600, "value"),
            ]
        })
        .map(|(code, row, field)| (code.to_string(), row.to_string(), field.to_string()))
        .collect();
    assert_eq!(got, expected, "{e}");
}

/// A table whose columns are Arrow arrays (a DataFrame's columns, not copied; here in
/// two chunks, strings as a dictionary) is the table of the cells they hold: equal to
/// it, read into the same plan, and its problems reported alike, each quoting its cell.
#[cfg(feature = "arrow")]
#[test]
fn a_table_of_arrow_columns_reads_as_the_table_of_its_cells() {
    use std::sync::Arc;

    use planwatch::columnar::arrow_array::types::Int8Type;
    use planwatch::columnar::arrow_array::{
        ArrayRef, DictionaryArray, Float64Array, Int64Array, StringArray,
    };
    use planwatch::{Column, RowLabels};

    let ids = ["t0", "t1", "t2", "t3", "t4", "t5"];
    let indicators = ["gdp", "jobs", "jobs", "nope", "rate", "gdp"];
    let comparators = [
        Some(">="),
        Some("不少于"),
        None,
        Some(">="),
        Some("<="),
        Some("≥"),
    ];
    let values = [
        Some(16.4),
        Some(1.2),
        Some(3.0),
        None,
        Some(f64::NAN),
        Some(0.1 + 0.2),
    ];
    let units = [
        Some("亿元"),
        Some("万人"),
        Some("万人"),
        Some("亿元"),
        None,
        Some("亿元"),
    ];
    let periods = [2024_i64, 2024, 2025, 2024, 2024, 2025];

    // Each column in two chunks of rows 0..4 and 4..6.
    fn split(array: ArrayRef) -> Vec<ArrayRef> {
        vec![array.slice(0, 4), array.slice(4, 2)]
    }
    let comparator: DictionaryArray<Int8Type> = comparators.into_iter().collect();
    let arrow = vec![
        (
            "id".to_string(),
            Column::from_arrow(split(Arc::new(StringArray::from(ids.to_vec())))),
        ),
        (
            "indicator".to_string(),
            Column::from_arrow(split(Arc::new(StringArray::from(indicators.to_vec())))),
        ),
        (
            "period".to_string(),
            Column::from_arrow(split(Arc::new(Int64Array::from(periods.to_vec())))),
        ),
        (
            "comparator".to_string(),
            Column::from_arrow(split(Arc::new(comparator))),
        ),
        (
            "value".to_string(),
            Column::from_arrow(split(Arc::new(Float64Array::from(values.to_vec())))),
        ),
        // pandas' `str` dtype: a missing unit is NaN.
        (
            "unit".to_string(),
            Column::from_arrow(split(Arc::new(StringArray::from(units.to_vec())))).nulls_as_nan(),
        ),
    ];
    let arrow = Table::from_columns("targets", arrow, RowLabels::Positions(6)).unwrap();

    let text_or = |s: Option<&str>, missing: Cell| s.map_or(missing, text);
    let cells: Vec<(String, Vec<Cell>)> = vec![
        ("id".into(), ids.iter().map(|s| text(s)).collect()),
        (
            "indicator".into(),
            indicators.iter().map(|s| text(s)).collect(),
        ),
        (
            "period".into(),
            periods.iter().map(|&p| Cell::Int(p)).collect(),
        ),
        (
            "comparator".into(),
            comparators
                .iter()
                .map(|&c| text_or(c, Cell::Null))
                .collect(),
        ),
        (
            "value".into(),
            values
                .iter()
                .map(|v| v.map_or(Cell::Null, Cell::float))
                .collect(),
        ),
        (
            "unit".into(),
            units.iter().map(|&u| text_or(u, Cell::NaN)).collect(),
        ),
    ];
    let labels: Vec<String> = (0..6).map(|r| r.to_string()).collect();
    let plain = Table::from_columns("targets", cells, labels).unwrap();

    assert_eq!(arrow, plain);
    assert_eq!(arrow.cell(5, 3).as_deref(), Some(&text("≥")));
    assert_eq!(arrow.cell(2, 3).as_deref(), Some(&Cell::Null));
    assert_eq!(arrow.cell(4, 5).as_deref(), Some(&Cell::NaN));
    assert_eq!(
        arrow.cell(5, 4).as_deref(),
        Some(&Cell::Float("0.30000000000000004".into()))
    );
    assert_eq!(arrow.cell(6, 0), None);
    assert_eq!(arrow.label(3).as_deref(), Some("3"));
    assert_eq!(arrow.label(6), None);

    let header = PlanHeader::new("p", "2024..2025");
    let read = |t: &Table| Plan::from_tables(&part_indicators(), t, &header, false);
    let (from_arrow, from_cells) = (read(&arrow).unwrap_err(), read(&plain).unwrap_err());
    assert_eq!(from_arrow.issues(), from_cells.issues());
    // A value without its comparator; an unknown indicator beside a missing value (each
    // reported, the one not hiding the other); a value that is NaN.
    assert_eq!(
        issues_at(&from_arrow),
        [
            ("2", "comparator", "bad_condition", ""),
            ("3", "indicator", "unknown_indicator", "nope"),
            ("3", "value", "bad_condition", ""),
            ("4", "value", "bad_condition", "NaN"),
        ],
        "{from_arrow}"
    );
    let messages: Vec<&str> = from_arrow
        .issues()
        .iter()
        .map(|i| i.message.as_str())
        .collect();
    assert_eq!(messages[0], "the condition's comparator is empty");
    assert_eq!(messages[2], "the condition's value is empty");
    assert_eq!(
        messages[3],
        "missing value (NaN): the condition's value is missing"
    );

    // Without its bad rows, the same plan either way.
    let keep = |t: &Table| {
        let mut kept = Table::new("targets", t.columns().iter().map(String::as_str));
        for r in [0, 1, 5] {
            kept.push_row(t.label(r).unwrap(), plain_row(t, r)).unwrap();
        }
        kept
    };
    let plan = read(&keep(&arrow)).unwrap();
    assert_eq!(plan, read(&keep(&plain)).unwrap());
    assert_eq!(
        plan.targets[2].condition,
        Condition::parse(">= 0.30000000000000004亿元").unwrap()
    );

    // A row added to a table of Arrow columns: its cells are kept with the others'.
    let mut grown = arrow.clone();
    grown.push_row("6", plain_row(&plain, 0)).unwrap();
    assert_eq!(grown.len(), 7);
    assert_eq!(grown.cell(6, 0).as_deref(), Some(&text("t0")));
    assert_eq!(grown.cell(5, 0).as_deref(), Some(&text("t5")));
    assert_eq!(grown.label(6).as_deref(), Some("6"));
    grown.push_row("extra", plain_row(&plain, 1)).unwrap();
    assert_eq!(grown.label(7).as_deref(), Some("extra"));
    assert_eq!(grown.label(2).as_deref(), Some("2"));
}

#[cfg(feature = "arrow")]
fn plain_row(t: &Table, r: usize) -> Vec<Cell> {
    (0..t.columns().len())
        .map(|c| t.cell(r, c).unwrap().into_owned())
        .collect()
}

#[test]
fn a_range_without_its_upper_bound_says_so() {
    let columns = ["indicator", "comparator", "value", "high", "unit"];
    let rows = vec![
        (
            "0".to_string(),
            vec![
                text("gdp"),
                text("between"),
                Cell::float(5.0),
                Cell::NaN,
                text("亿元"),
            ],
        ),
        (
            "1".to_string(),
            vec![
                text("gdp"),
                text("between"),
                Cell::float(5.0),
                Cell::Null,
                text("亿元"),
            ],
        ),
    ];
    let (e, _) = part_table_problems(&columns, &rows);
    let messages: Vec<(&str, &str)> = e
        .issues()
        .iter()
        .map(|i| {
            (
                i.location.field.as_deref().unwrap_or("-"),
                i.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        messages,
        [
            (
                "high",
                "missing value (NaN): the condition's upper bound (`high`) is missing"
            ),
            ("high", "the condition's upper bound (`high`) is empty"),
        ],
        "{e}"
    );
}

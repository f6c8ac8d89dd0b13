//! Invariants of evaluation, checked on generated plans and observations:
//! determinism, independence of observation order, no effect of other indicators'
//! observations, newer vintages win, and unit conversion never changes a verdict.

use planwatch::{
    evaluate, Decimal, Observation, Observations, Options, Period, Plan, Quantity, Unit,
};
use proptest::prelude::*;

const PERIODS: &[&str] = &[
    "2023",
    "2024",
    "2024H1",
    "2024Q3",
    "2024-01..2024-09",
    "2024-12-31",
    "2023-12-31",
];
const OPS: &[&str] = &[">=", ">", "<=", "<", "=", "~"];

/// A plan of `n` level indicators in 万元 (some flows, some lower-is-better), each with
/// one target per period in `targets`.
fn plan(n: usize, targets: &[(usize, usize, usize, i64)]) -> Plan {
    let mut toml = String::from("[plan]\nid = \"p\"\nperiod = \"2024\"\n");
    for i in 0..n {
        toml.push_str(&format!(
            "[[indicator]]\nid = \"i{i}\"\nname = {{ zh = \"指标{i}\" }}\nunit = \"万元\"\nflow = {}\npolarity = \"{}\"\n",
            i % 2 == 0,
            if i % 3 == 0 { "lower" } else { "higher" }
        ));
    }
    for (j, (ind, period, op, value)) in targets.iter().enumerate() {
        toml.push_str(&format!(
            "[[target]]\nid = \"t{j}\"\nindicator = \"i{}\"\nperiod = \"{}\"\ncondition = \"{} {}万元\"\n",
            ind % n,
            PERIODS[period % PERIODS.len()],
            OPS[op % OPS.len()],
            Decimal::new(*value, 1)
        ));
    }
    Plan::from_toml_str(&toml, "gen.toml").expect("generated plan loads")
}

fn observations(n: usize, rows: &[(usize, usize, i64, u8)]) -> Observations {
    let unit = Unit::parse("万元").unwrap();
    rows.iter()
        .map(|(ind, period, value, month)| {
            let mut o = Observation::new(
                format!("i{}", ind % n),
                Period::parse(PERIODS[period % PERIODS.len()]).unwrap(),
                Quantity::new(Decimal::new(*value, 2), unit),
            );
            o.vintage = Some(jiff::civil::Date::new(2024, (1 + month % 12) as i8, 15).unwrap());
            o
        })
        .collect()
}

fn as_of() -> impl Strategy<Value = Options> {
    prop_oneof![
        Just(Options::default()),
        (1i8..=12).prop_map(|m| Options::as_of(jiff::civil::Date::new(2024, m, 28).unwrap())),
    ]
}

/// (indicator count, targets, observation rows) of one generated case.
type Case = (
    usize,
    Vec<(usize, usize, usize, i64)>,
    Vec<(usize, usize, i64, u8)>,
);

fn case() -> impl Strategy<Value = Case> {
    (1usize..5).prop_flat_map(|n| {
        (
            Just(n),
            prop::collection::vec(
                (0..n, 0..PERIODS.len(), 0..OPS.len(), -5000i64..50_000),
                1..12,
            ),
            prop::collection::vec(
                (0..n, 0..PERIODS.len(), -500_000i64..5_000_000, 0u8..12),
                0..24,
            ),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn deterministic_and_independent_of_observation_order((n, targets, rows) in case(), options in as_of()) {
        let plan = plan(n, &targets);
        let obs = observations(n, &rows);
        let first = evaluate(&plan, &obs, &options).to_json();
        prop_assert_eq!(&first, &evaluate(&plan, &obs, &options).to_json());
        let reversed: Observations = obs.iter().rev().cloned().collect();
        prop_assert_eq!(&first, &evaluate(&plan, &reversed, &options).to_json());
    }

    #[test]
    fn parallel_and_sequential_evaluation_agree_byte_for_byte((n, targets, rows) in case(), options in as_of()) {
        let plan = plan(n, &targets);
        let obs = observations(n, &rows);
        let one_thread = Options { parallel: false, ..options.clone() };
        prop_assert_eq!(evaluate(&plan, &obs, &options).to_json(), evaluate(&plan, &obs, &one_thread).to_json());
    }

    #[test]
    fn observations_of_other_indicators_change_nothing((n, targets, rows) in case(), extra in prop::collection::vec((0usize..7, -500_000i64..5_000_000, 0u8..12), 1..8), options in as_of()) {
        let plan = plan(n, &targets);
        let obs = observations(n, &rows);
        let before = evaluate(&plan, &obs, &options);
        let mut more = obs.clone();
        for (period, value, month) in extra {
            let mut o = Observation::new("not_in_plan", Period::parse(PERIODS[period]).unwrap(), Quantity::new(Decimal::new(value, 2), Unit::parse("人").unwrap()));
            o.vintage = Some(jiff::civil::Date::new(2024, (1 + month % 12) as i8, 1).unwrap());
            more.push(o);
        }
        let after = evaluate(&plan, &more, &options);
        prop_assert_eq!(before.assessments, after.assessments);
    }

    #[test]
    fn a_newer_vintage_wins_and_an_older_one_never_overrides((n, targets, _rows) in case(), old in -500_000i64..5_000_000, new in -500_000i64..5_000_000) {
        let plan = plan(n, &targets);
        let unit = Unit::parse("万元").unwrap();
        let t = &plan.targets[0];
        let mk = |v: i64, month: i8| {
            let mut o = Observation::new(t.indicator.clone(), t.period, Quantity::new(Decimal::new(v, 2), unit));
            o.vintage = Some(jiff::civil::Date::new(2025, month, 1).unwrap());
            o
        };
        let only_new: Observations = [mk(new, 6)].into_iter().collect();
        let both: Observations = [mk(old, 2), mk(new, 6)].into_iter().collect();
        let a = evaluate(&plan, &only_new, &Options::default());
        let b = evaluate(&plan, &both, &Options::default());
        prop_assert_eq!(&a.assessments[0].observed, &b.assessments[0].observed);
        prop_assert_eq!(a.assessments[0].status, b.assessments[0].status);
    }

    #[test]
    fn unit_conversion_never_changes_a_verdict((n, targets, rows) in case(), options in as_of()) {
        let plan = plan(n, &targets);
        let obs = observations(n, &rows);
        // The same amounts in 元 (×10 000) and in 亿元 (÷10 000, exact for these values).
        let yuan = Unit::parse("元").unwrap();
        let yi = Unit::parse("亿元").unwrap();
        let convert = |u: Unit| -> Observations {
            obs.iter().map(|o| { let mut c = o.clone(); c.value = o.value.to(u).unwrap(); c }).collect()
        };
        let base = evaluate(&plan, &obs, &options);
        for other in [convert(yuan), convert(yi)] {
            let card = evaluate(&plan, &other, &options);
            for (a, b) in base.assessments.iter().zip(&card.assessments) {
                prop_assert_eq!(a.status, b.status, "{}", a.target);
                prop_assert_eq!(a.observed, b.observed, "{}", a.target);
                prop_assert_eq!(a.completion, b.completion, "{}", a.target);
            }
        }
    }
}

/// The built-in plans, evaluated on every core and on one, give the same bytes.
#[test]
fn builtin_scorecards_are_the_same_on_one_thread() {
    for name in planwatch::BUILTIN_DATASETS {
        let plan = Plan::builtin(name).unwrap();
        let obs = Observations::builtin(name).unwrap();
        let one_thread = Options {
            parallel: false,
            ..Options::default()
        };
        assert_eq!(
            evaluate(&plan, &obs, &Options::default()).to_json(),
            evaluate(&plan, &obs, &one_thread).to_json(),
            "{name}"
        );
    }
}

/// Found by fuzzing (fuzz/, RELIABILITY.md): three figures for one indicator and period,
/// published the same day, in units of two dimensions. The pick used to depend on
/// their order because the comparison was not a total order.
#[test]
fn conflicting_figures_are_picked_independently_of_order() {
    let plan = Plan::from_toml_str(
        "[plan]\nid = \"p\"\nperiod = \"2024\"\n[[indicator]]\nid = \"i0\"\nname = { zh = \"指标\" }\nunit = \"%\"\n[[target]]\nindicator = \"i0\"\nperiod = \"2024H1\"\ncondition = \"< -0.01%\"\n",
        "p.toml",
    )
    .unwrap();
    let rows = [
        ("-65.537", "万元"),
        ("-54043195528445.953", "亿元"),
        ("3", "%"),
    ];
    let all: Vec<Observation> = rows
        .iter()
        .map(|(v, u)| {
            let mut o = Observation::new(
                "i0",
                Period::parse("2024H1").unwrap(),
                Quantity::new(v.parse().unwrap(), Unit::parse(u).unwrap()),
            );
            o.vintage = Some(jiff::civil::Date::new(2024, 7, 1).unwrap());
            o
        })
        .collect();
    let mut outputs = std::collections::BTreeSet::new();
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let obs: Observations = order.iter().map(|&i| all[i].clone()).collect();
        outputs.insert(evaluate(&plan, &obs, &Options::default()).to_json());
    }
    assert_eq!(outputs.len(), 1);
}

/// Values at the edge of `Decimal`'s range (±7.9 × 10²⁸): differences, margins and
/// percentages of them overflow. Found by review during the WebAssembly size work
/// (Decimal's `-` panicked in the gap of a `<=` target); evaluation and every
/// renderer must answer without panicking, leaving out what cannot be represented.
#[test]
fn values_at_the_edge_of_the_decimal_range_never_panic() {
    let plan = Plan::from_toml_str(
        r#"[plan]
id = "edge"
period = "2024"

[[indicator]]
id = "a"
name = { zh = "甲" }
unit = "元"

[[indicator]]
id = "g"
name = { zh = "乙" }
unit = "%"
measure = "growth"

[[target]]
id = "le"
indicator = "a"
condition = "<= -70000000000000000000000000000元"

[[target]]
id = "ge"
indicator = "a"
condition = ">= 70000000000000000000000000000元"

[[target]]
id = "approx"
indicator = "a"
condition = "~ 70000000000000000000000000000元"

[[target]]
id = "range"
indicator = "a"
condition = "-70000000000000000000000000000元 - 70000000000000000000000000000元"

[[target]]
id = "baseline"
indicator = "a"
condition = ">= 70000000000000000000000000000元"
baseline = "-70000000000000000000000000000元"

[[target]]
id = "growth"
indicator = "g"
condition = ">= 70000000000000000000000000000%"
"#,
        "edge.toml",
    )
    .unwrap();
    for value in [
        "70000000000000000000000000000",
        "-70000000000000000000000000000",
    ] {
        let csv = format!("indicator,period,value,unit\na,2024,{value},元\ng,2024,-{value},%\n")
            .replace("--", "");
        let obs = Observations::from_csv_str(&csv, "edge.csv").unwrap();
        let card = plan.evaluate(&obs, &Options::default());
        assert_eq!(card.assessments.len(), 6);
        // A missed target stays missed even when its 基本完成 margin overflows.
        let baseline = card.assessment("baseline").unwrap();
        if value.starts_with('-') {
            assert_eq!(
                baseline.status,
                planwatch::evaluation::Status::Missed,
                "{baseline:?}"
            );
            assert_eq!(
                baseline.grade,
                Some(planwatch::evaluation::Grade::NotAchieved)
            );
        } else {
            assert_eq!(
                baseline.status,
                planwatch::evaluation::Status::Met,
                "{baseline:?}"
            );
        }
        let le = card.assessment("le").unwrap();
        if value.starts_with('-') {
            // -7e28 <= -7e28 holds; the gap is zero.
            assert_eq!(le.status, planwatch::evaluation::Status::Met, "{le:?}");
        } else {
            // 7e28 − (−7e28) is past the range: missed, with no gap rather than a panic.
            assert_eq!(le.status, planwatch::evaluation::Status::Missed, "{le:?}");
            assert_eq!(le.gap, None);
        }
        for lang in [planwatch::report::Lang::Zh, planwatch::report::Lang::En] {
            assert!(!card.to_html(lang).is_empty());
            assert!(!card.to_text(lang).is_empty());
            assert!(!card.to_markdown(lang).is_empty());
        }
        assert!(card.to_csv().lines().count() == 7);
        assert!(!card.to_json().is_empty());
    }
}

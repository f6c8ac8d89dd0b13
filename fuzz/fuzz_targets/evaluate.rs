#![no_main]
//! A structured plan and observations, evaluated and rendered: never panics,
//! deterministic, and independent of the order of the observations. Values reach the
//! edge of Decimal's range (a scale byte appends up to 15 zeros), where differences
//! and percentages overflow.
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use planwatch::{evaluate, Observations, Options, Plan};

#[derive(Debug, Arbitrary)]
struct Input {
    indicators: Vec<(u8, u8, u8, u8)>,
    targets: Vec<(u8, u8, u8, i32, u8, u8)>,
    observations: Vec<(u8, u8, i64, u8, u8, u8)>,
    as_of: Option<(u8, u8)>,
}

const UNITS: &[&str] = &["人", "亿元", "万元", "%", "个百分点", "个", "亩", "公顷", ""];
const MEASURES: &[&str] = &["level", "growth", "share", "change", "milestone"];
const KINDS: &[&str] = &["expected", "binding", "task"];
const POLARITIES: &[&str] = &["higher", "lower", "band"];
const OPS: &[&str] = &[">=", ">", "<=", "<", "=", "~", "between", "ref", "done"];
const PERIODS: &[&str] = &["2023", "2024", "2024H1", "2024Q3", "2024-06", "2024-01..2024-09", "2024-12-31", "2023-12-31", "2021..2025", "2022", "2021"];

/// `v` times 10^(scale % 16), or `v` where that does not fit a Decimal.
fn widen(v: rust_decimal::Decimal, scale: u8) -> rust_decimal::Decimal {
    let factor = rust_decimal::Decimal::from_i128_with_scale(10i128.pow(u32::from(scale % 16)), 0);
    v.checked_mul(factor).unwrap_or(v)
}

fn pick<'a>(xs: &[&'a str], i: u8) -> &'a str {
    xs[i as usize % xs.len()]
}

fuzz_target!(|input: Input| {
    let mut toml = String::from("[plan]\nid = \"fuzz\"\nperiod = \"2024\"\n[reference]\nq = \"5%\"\n");
    let n = input.indicators.len().min(8);
    for (i, (unit, measure, kind, pol)) in input.indicators.iter().take(8).enumerate() {
        let measure = pick(MEASURES, *measure);
        let unit = if measure == "milestone" { String::new() } else { format!("unit = \"{}\"\n", pick(UNITS, *unit)) };
        toml.push_str(&format!(
            "[[indicator]]\nid = \"i{i}\"\nname = {{ zh = \"指标{i}\" }}\n{unit}measure = \"{measure}\"\nkind = \"{}\"\npolarity = \"{}\"\nflow = {}\n",
            pick(KINDS, *kind),
            pick(POLARITIES, *pol),
            i % 2 == 0
        ));
    }
    if n >= 2 {
        toml.push_str("[[indicator]]\nid = \"derived\"\nname = { zh = \"派生\" }\nunit = \"人\"\nformula = \"i0 / i1 * 100\"\n");
    }
    for (j, (ind, op, period, value, unit, scale)) in input.targets.iter().take(16).enumerate() {
        if n == 0 {
            break;
        }
        let v = widen(rust_decimal::Decimal::new(i64::from(*value), 2), *scale);
        let u = pick(UNITS, *unit);
        let condition = match pick(OPS, *op) {
            "between" => format!("between {v}{u} and {}{u}", v.abs().checked_add(rust_decimal::Decimal::ONE).and_then(|x| x.checked_add(v)).unwrap_or(v)),
            "ref" => "ref:q".to_string(),
            "done" => "done by 2024-12-31".to_string(),
            op => format!("{op} {v}{u}"),
        };
        toml.push_str(&format!(
            "[[target]]\nid = \"t{j}\"\nindicator = \"i{}\"\nperiod = \"{}\"\ncondition = \"{condition}\"\n",
            *ind as usize % n,
            pick(PERIODS, *period)
        ));
    }
    let Ok(plan) = Plan::from_toml_str(&toml, "fuzz.toml") else { return };
    let mut csv = String::from("indicator,period,value,unit,vintage\n");
    for (ind, period, value, unit, vintage, scale) in input.observations.iter().take(32) {
        let ind = if n == 0 { 0 } else { *ind as usize % n };
        csv.push_str(&format!(
            "i{ind},{},{},{},2024-{:02}-01\n",
            pick(PERIODS, *period),
            widen(rust_decimal::Decimal::new(*value, 3), *scale),
            pick(UNITS, *unit),
            1 + vintage % 12
        ));
    }
    let Ok(obs) = Observations::from_csv_str(&csv, "fuzz.csv") else { return };
    let options = match input.as_of {
        Some((m, d)) => Options::as_of(
            jiff::civil::Date::new(2024, (1 + m % 12) as i8, (1 + d % 28) as i8).expect("valid date"),
        ),
        None => Options::default(),
    };
    let card = evaluate(&plan, &obs, &options);
    for lang in [planwatch::report::Lang::Zh, planwatch::report::Lang::En] {
        let _ = (card.to_html(lang), card.to_text(lang), card.to_markdown(lang));
    }
    let _ = card.to_csv();
    let first = card.to_json();
    assert_eq!(first, evaluate(&plan, &obs, &options).to_json());
    let reversed: Observations = obs.iter().rev().cloned().collect();
    assert_eq!(first, evaluate(&plan, &reversed, &options).to_json());
});

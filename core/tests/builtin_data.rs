//! The built-in Nanshan 2024 dataset: every provenance span holds its quote in the
//! report, and every number in parts 二 and 三 is accounted for by the checklist.

use planwatch::{Kind, Plan, Tier, NANSHAN_2024_REPORT};

const CHECKLIST: &str = include_str!("../data/nanshan-2024/CHECKLIST.md");

fn chars() -> Vec<char> {
    NANSHAN_2024_REPORT.chars().collect()
}

fn slice(chars: &[char], span: [usize; 2]) -> String {
    chars[span[0]..span[1]].iter().collect()
}

#[test]
fn every_span_holds_its_quote() {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let text = chars();
    let mut checked = 0;
    let sources = plan
        .indicators
        .iter()
        .filter_map(|i| i.source.as_ref().map(|s| (i.id.as_str(), s)))
        .chain(
            plan.targets
                .iter()
                .filter_map(|t| t.source.as_ref().map(|s| (t.id.as_str(), s))),
        );
    for (id, s) in sources {
        if let (Some(span), Some(quote)) = (s.span, &s.quote) {
            assert!(
                span[1] <= text.len() && span[0] < span[1],
                "{id}: span {span:?} out of range"
            );
            assert_eq!(&slice(&text, span), quote, "{id}");
            checked += 1;
        }
    }
    assert!(
        checked >= plan.targets.len(),
        "only {checked} spans checked"
    );
    for t in &plan.targets {
        assert!(
            t.source.as_ref().is_some_and(|s| s.span.is_some()),
            "target {} has no span",
            t.id
        );
    }
}

#[test]
fn main_targets_are_six_expected_and_two_binding() {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let in_section = |prefix: &str, kind: Kind| {
        plan.targets
            .iter()
            .filter(|t| t.tier == Tier::Base)
            .filter(|t| {
                t.source
                    .as_ref()
                    .and_then(|s| s.section.as_deref())
                    .is_some_and(|s| s.starts_with(prefix))
            })
            .filter(|t| t.kind.or(plan.indicator(&t.indicator).map(|i| i.kind)) == Some(kind))
            .count()
    };
    assert_eq!(in_section("二.(一)", Kind::Expected), 6);
    assert_eq!(in_section("二.(二)", Kind::Binding), 2);
    let stretch = plan.target("fixed_asset_investment_stretch").unwrap();
    assert_eq!(stretch.tier, Tier::Stretch);
    assert_eq!(stretch.condition.to_string(), ">= 2000亿元");
    assert_eq!(
        plan.target("water_per_10k_gdp")
            .unwrap()
            .condition
            .to_string(),
        "<= ref:city_quota"
    );
    for i in &plan.indicators {
        assert!(
            !i.name.en.is_empty() && !i.name.zh.is_empty(),
            "{} lacks a name",
            i.id
        );
    }
}

/// Offsets listed in the checklist table, with the target each covers (if any).
fn checklist_rows() -> Vec<(usize, Option<String>)> {
    CHECKLIST
        .lines()
        .filter(|l| l.starts_with("| ") && l.as_bytes().get(2).is_some_and(u8::is_ascii_digit))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let offset = cells[1].parse().unwrap();
            let target = cells[4]
                .strip_prefix("target: `")
                .and_then(|r| r.split('`').next())
                .map(str::to_string);
            (offset, target)
        })
        .collect()
}

#[test]
fn every_number_in_parts_two_and_three_is_on_the_checklist() {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let rows = checklist_rows();
    assert!(rows.len() >= 100, "{} rows", rows.len());
    for (offset, target) in &rows {
        if let Some(id) = target {
            assert!(
                plan.target(id).is_some(),
                "checklist row {offset} names unknown target {id}"
            );
        }
    }
    let listed: std::collections::BTreeSet<usize> = rows.iter().map(|(o, _)| *o).collect();
    let text = chars();
    let part_two = NANSHAN_2024_REPORT[..NANSHAN_2024_REPORT
        .find("二、2024年经济社会发展总体思路")
        .unwrap()]
        .chars()
        .count();
    let numeral = |c: char| "零〇一二两三四五六七八九十百千万亿".contains(c);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut missing = Vec::new();
    for i in part_two..text.len() {
        let c = text[i];
        let prev = if i > 0 { Some(text[i - 1]) } else { None };
        let starts_arabic = digit(c) && !prev.is_some_and(|p| digit(p) || p == '.' || p == '．');
        // A magnitude word after an Arabic number ("2000 亿") belongs to that number's row.
        let before_space = text[i.saturating_sub(3)..i]
            .iter()
            .rev()
            .find(|p| **p != ' ' && **p != '\u{3000}');
        let magnitude_of_number =
            "十百千万亿".contains(c) && before_space.is_some_and(|p| digit(*p));
        let starts_chinese = numeral(c) && !prev.is_some_and(numeral) && !magnitude_of_number;
        if (starts_arabic || starts_chinese) && !listed.contains(&i) {
            missing.push((
                i,
                text[i.saturating_sub(8)..(i + 8).min(text.len())]
                    .iter()
                    .collect::<String>(),
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "numbers not on the checklist: {missing:?}"
    );
    // Every target is covered by at least one checklist row or is a milestone.
    for t in &plan.targets {
        let covered = rows
            .iter()
            .any(|(_, id)| id.as_deref() == Some(t.id.as_str()));
        let milestone = matches!(t.condition, planwatch::Condition::Done { .. });
        assert!(covered || milestone, "target {} has no checklist row", t.id);
    }
}

//! A draft plan from report text: the target findings grouped into indicators, one
//! target per finding, each with its provenance, ready to save as TOML and edit.

use std::collections::{HashMap, HashSet};

use super::lexicon::{self, is_han, Part};
use super::{extract_with, ExtractOptions, Finding, Measure};
use crate::comparator::Comparator;
use crate::indicator::{Indicator, Kind, Measure as IndicatorMeasure, Names, Polarity, Provenance};
use crate::period::Period;
use crate::plan::Plan;
use crate::quantity::Quantity;
use crate::target::{Condition, Target, Tier};
use crate::text::is_space;
use crate::unit::Unit;
use crate::{Error, ErrorKind, Result};

/// Options of [`draft_plan`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftOptions {
    /// The plan id. Default: `draft-<year>`.
    pub id: Option<String>,
    /// The plan period. Default: the year being planned, detected from the text
    /// ("2024年计划安排"); failing that, the latest year named in a deadline.
    pub period: Option<Period>,
    /// The id of the source document, recorded in every provenance.
    pub document: Option<String>,
    /// The plan title. Default: the first line of the text, when it is short.
    pub title: Option<String>,
}

/// Drafts a plan from report text: every target finding becomes a target (a stretch
/// finding a stretch tier) on an indicator named by its phrase, with the quoted
/// sentence and its character span as provenance. Findings with the same phrase and
/// measure share one indicator.
///
/// Indicator ids are `ind_001_growth`, `ind_002_level` …, numbered by first
/// appearance: ASCII, stable for a given text, and meant to be renamed by whoever
/// reviews the draft. Indicators under a 约束性 heading are binding, under 预期性 or
/// a main-targets heading expected, and task targets otherwise. A target whose digits
/// look damaged by OCR gets a `ref:` condition (`unreadable_<id>`), to be filled in
/// by hand, rather than a guessed value.
///
/// ```
/// use planwatch::extraction::{draft_plan, DraftOptions};
/// let text = "二、2024年主要目标\n（一）预期性指标\n- 本地生产总值增长 5.5%。\n- 固定资产投资额增长 10%，力争完成 2000 亿元。";
/// let plan = draft_plan(text, &DraftOptions::default())?;
/// assert_eq!(plan.period.to_string(), "2024");
/// assert_eq!(plan.indicators.len(), 3);
/// assert_eq!(plan.targets[2].tier.name(), "stretch");
/// let toml = plan.to_toml()?;
/// assert!(toml.contains("固定资产投资额"));
/// # Ok::<(), planwatch::Error>(())
/// ```
///
/// Errors: [`ErrorKind::TooLarge`] for input over
/// [`MAX_INPUT_BYTES`](super::MAX_INPUT_BYTES); [`ErrorKind::Period`] when no period
/// is given and none can be found in the text.
pub fn draft_plan(text: &str, options: &DraftOptions) -> Result<Plan> {
    if text.len() > super::MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "the text has {} bytes; extraction reads at most {}",
                text.len(),
                super::MAX_INPUT_BYTES
            ),
        ));
    }
    let plan_year = options.period.map(|p| p.year() as i32);
    let ex = extract_with(
        text,
        &ExtractOptions {
            plan_year,
            unheaded_plan: true,
        },
    );
    let period = match options.period {
        Some(p) => p,
        None => {
            let year = ex
                .plan_year
                .or_else(|| ex.targets().filter_map(deadline_year).max())
                .ok_or_else(|| {
                    Error::new(
                        ErrorKind::Period,
                        "no plan year found in the text (such as \"2024年计划安排\"); give the plan period as an option",
                    )
                })?;
            let p = Period::Year(year.clamp(1000, 9999) as i16);
            p.validate()?;
            p
        }
    };
    let id = options
        .id
        .clone()
        .unwrap_or_else(|| format!("draft-{}", period.year()));
    let mut plan = Plan::new(id, period);
    plan.document = options.document.clone();
    plan.title = options.title.clone().or_else(|| title_of(text));

    let mut by_key: HashMap<(String, IndicatorMeasure, String), usize> = HashMap::new();
    let mut phrase_no: HashMap<String, usize> = HashMap::new();
    let mut indicator_ids: HashSet<String> = HashSet::new();
    let mut target_ids: HashSet<String> = HashSet::new();
    for f in ex.targets() {
        let name: String = f
            .indicator
            .chars()
            .filter(|c| !is_space(*c) && *c != '*')
            .collect();
        let measure = indicator_measure(f.measure);
        let unit_key = f
            .unit
            .map(|u| u.dimension().to_string())
            .unwrap_or_default();
        let key = (name.clone(), measure, unit_key);
        let idx = match by_key.get(&key) {
            Some(&i) => i,
            None => {
                let next = phrase_no.len() + 1;
                let n = *phrase_no.entry(name.clone()).or_insert(next);
                // One phrase can name figures of two dimensions (座 and 亿元): each is
                // its own indicator, and every id stays unique.
                let id = unique(format!("ind_{n:03}_{}", measure.name()), &mut indicator_ids);
                let mut ind = Indicator::new(
                    id,
                    Names {
                        zh: name.clone(),
                        en: String::new(),
                    },
                    f.unit.unwrap_or_else(|| reference_unit(&name).0),
                    measure,
                    kind_of(f),
                );
                ind.polarity = polarity(f);
                if f.unit.is_none() {
                    // A reference target has no number to read a unit from: the unit
                    // is inferred from the name and tagged for review.
                    ind.tags.push("unit_inferred".to_string());
                    if reference_unit(&name).1 {
                        ind.polarity = Polarity::Lower;
                    }
                }
                ind.flow = matches!(f.measure, Measure::Level | Measure::Count)
                    && !f.cumulative
                    && !f.by.as_deref().is_some_and(is_date_deadline);
                ind.section = f.section.clone();
                if f.measure == Measure::Rank {
                    ind.tags.push("rank".to_string());
                }
                ind.source = Some(Box::new(provenance(f, options, f.indicator_span.clone())));
                plan.indicators.push(ind);
                by_key.insert(key, plan.indicators.len() - 1);
                plan.indicators.len() - 1
            }
        };
        let indicator = plan.indicators[idx].id.clone();
        let tier = if f.stretch { Tier::Stretch } else { Tier::Base };
        let tid = unique(
            crate::target::default_target_id(&indicator, tier),
            &mut target_ids,
        );
        let mut t = Target::new(indicator, target_period(f, period), condition(f, &tid));
        t.id = tid;
        t.tier = tier;
        t.source = Some(Box::new(provenance(f, options, f.sentence_span.clone())));
        plan.targets.push(t);
    }
    Ok(plan)
}

/// `base`, or `base_2`, `base_3` … the first one not used yet; records it as used.
fn unique(base: String, used: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 1;
    while used.contains(&id) {
        n += 1;
        id = format!("{base}_{n}");
    }
    used.insert(id.clone());
    id
}

fn indicator_measure(m: Measure) -> IndicatorMeasure {
    match m {
        Measure::Growth => IndicatorMeasure::Growth,
        Measure::Share => IndicatorMeasure::Share,
        Measure::Change => IndicatorMeasure::Change,
        Measure::Level | Measure::Count | Measure::Rank | Measure::Ratio => IndicatorMeasure::Level,
    }
}

/// The unit of an indicator whose target is a reference (完成市级下达指标任务), from its
/// name, and whether lower is better: water and energy intensities, emissions; a
/// percentage otherwise (quotas of this kind are mostly reduction rates).
fn reference_unit(name: &str) -> (Unit, bool) {
    let pick = |sym: &str| Unit::parse(sym).unwrap_or(Unit::NONE);
    if lexicon::WATER_WORDS.iter().any(|w| name.contains(w)) {
        (pick("立方米/万元"), true)
    } else if lexicon::ENERGY_WORDS.iter().any(|w| name.contains(w)) {
        (pick("吨标准煤/万元"), true)
    } else if lexicon::EMISSION_WORDS.iter().any(|w| name.contains(w)) {
        (pick("吨"), true)
    } else {
        (pick("%"), false)
    }
}

fn kind_of(f: &Finding) -> Kind {
    let h = f.heading.as_deref().unwrap_or("");
    let inner = h.rsplit(" / ").next().unwrap_or(h);
    if inner.contains("约束性") {
        Kind::Binding
    } else if inner.contains("预期性")
        || h.contains("主要目标")
        || h.contains("预期目标")
        || h.contains("主要指标")
    {
        Kind::Expected
    } else if h.contains("任务") || h.contains("重点工作") || h.contains("工作安排") {
        Kind::Task
    } else {
        Kind::Expected
    }
}

fn polarity(f: &Finding) -> Polarity {
    match f.op {
        Comparator::Le | Comparator::Lt => Polarity::Lower,
        Comparator::Approx => Polarity::Band,
        _ if f.measure == Measure::Rank => Polarity::Lower,
        _ => Polarity::Higher,
    }
}

fn is_date_deadline(by: &str) -> bool {
    by.chars().any(|c| c.is_ascii_digit())
}

/// "到2024年底" → 2024.
fn deadline_year(f: &Finding) -> Option<i32> {
    let by = f.by.as_deref()?;
    let digits: String = by
        .chars()
        .map(crate::text::fold)
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// A target with a dated deadline (到2024年底) is read at that date: the last day of
/// the year, or of the plan year when the deadline names none.
fn target_period(f: &Finding, plan: Period) -> Period {
    let Some(by) = f.by.as_deref() else {
        return plan;
    };
    if !is_date_deadline(by) {
        return plan;
    }
    let year = deadline_year(f).unwrap_or(plan.year() as i32);
    match crate::period::date(year.clamp(1000, 9999) as i16, 12, 31) {
        Some(d) if by.contains('底') || by.contains('末') || by.contains('前') => {
            Period::Date(d)
        }
        _ => Period::Year(year.clamp(1000, 9999) as i16),
    }
}

fn condition(f: &Finding, target_id: &str) -> Condition {
    let q = |v| Quantity::new(v, f.unit.unwrap_or(Unit::NONE));
    match (f.op, f.value, f.value_hi) {
        // A range written high-to-low ("100-0家", often an OCR or layout slip) is
        // kept as the range it spans, so the draft still loads for review.
        (Comparator::Between, Some(lo), Some(hi)) => Condition::Between {
            low: q(lo.min(hi)),
            high: q(lo.max(hi)),
        },
        (Comparator::Approx, Some(v), _) => Condition::Approx {
            value: q(v),
            tolerance: None,
        },
        (Comparator::Reference, _, _) => Condition::Reference {
            op: None,
            key: format!("quota_{}", target_id.replace('-', "_")),
        },
        (op, Some(v), _) => Condition::Compare { op, value: q(v) },
        (_, None, _) => Condition::Reference {
            op: Some(f.op),
            key: format!("unreadable_{}", target_id.replace('-', "_")),
        },
    }
}

fn provenance(f: &Finding, options: &DraftOptions, span: std::ops::Range<usize>) -> Provenance {
    Provenance {
        document: options.document.clone(),
        quote: Some(f.sentence.clone()),
        section: f.section.clone(),
        span: Some([span.start, span.end]),
    }
}

/// The title: among the first lines, the first that names the document (报告, 计划,
/// 规划, 纲要) — a cover often starts with a file number (南山区八届人大四次会议文件之七)
/// — else the first line; only a short line that is not a sentence. Spaces a PDF put
/// next to Chinese characters are dropped ("南山区 2023 年" → "南山区2023年").
fn title_of(text: &str) -> Option<String> {
    let candidates: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .filter(|l| l.chars().count() <= 80 && !l.ends_with('。') && !l.ends_with('：'))
        .collect();
    let names_document = |l: &str| lexicon::DOCUMENT_TITLE_WORDS.iter().any(|w| l.contains(w));
    let line = candidates
        .iter()
        .find(|l| names_document(l))
        .or(candidates.first())?;
    Some(without_pdf_spaces(line))
}

/// `line` without the spaces that touch a Chinese character.
fn without_pdf_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_space(c) {
            let before = chars.part(0, i).iter().rev().find(|c| !is_space(**c));
            let after = chars
                .part(i + 1, chars.len())
                .iter()
                .find(|c| !is_space(**c));
            if before.is_some_and(|&b| is_han(b)) || after.is_some_and(|&a| is_han(a)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_skip_file_numbers_and_pdf_spaces() {
        assert_eq!(
            title_of("\n  深圳市 2024 年 计划\n正文。"),
            Some("深圳市2024年计划".into())
        );
        assert_eq!(
            title_of("Annual Plan 2024\n"),
            Some("Annual Plan 2024".into())
        );
        assert_eq!(title_of("一句话。\n"), None);
        assert_eq!(
            title_of("文件之七\n关于 2024 年计划的报告\n"),
            Some("关于2024年计划的报告".into())
        );
    }

    #[test]
    fn drafts_the_seed_plan() {
        let text = crate::builtin::NANSHAN_2024_REPORT;
        let plan = draft_plan(text, &DraftOptions::default()).unwrap();
        assert_eq!(plan.period, Period::Year(2024));
        // The cover's file number is skipped for the line that names the report.
        assert_eq!(
            plan.title.as_deref(),
            Some("南山区2023年国民经济和社会发展规划执行情况与2024年计划安排草案的报告")
        );
        assert!(plan.validate().is_empty(), "{:?}", plan.validate());
        let toml = plan.to_toml().unwrap();
        let back = Plan::from_toml_str(&toml, "draft.toml").unwrap();
        assert_eq!(back.targets.len(), plan.targets.len());
        let jobs = plan
            .indicators
            .iter()
            .find(|i| i.name.zh == "新增就业人数")
            .unwrap();
        assert_eq!(jobs.kind, Kind::Binding);
    }
}

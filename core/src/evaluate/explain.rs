//! One explanation sentence per assessment, in Chinese and in English.

use rust_decimal::Decimal;

use crate::comparator::Comparator;
use crate::evaluate::assessment::{Assessment, Grade, Status};
use crate::format::percent;
use crate::indicator::Names;
use crate::plan::Plan;
use crate::quantity::{Quantity, Style};
use crate::unit::Dimension;

/// Explanations are prose: numbers are rounded for reading (727.77亿元); the exact
/// values are in the assessment's fields.
fn q(v: Decimal, a: &Assessment, style: Style) -> String {
    Quantity::new(v, a.unit).format_readable(style)
}

fn gap_text(a: &Assessment, style: Style) -> Option<String> {
    let g = a.gap?;
    let text = Quantity::new(g, a.gap_unit).format_readable(style);
    Some(if g > Decimal::ZERO && !text.starts_with('+') {
        format!("+{text}")
    } else {
        text
    })
}

fn target_text(a: &Assessment, style: Style) -> Option<String> {
    let rate = matches!(
        a.unit.dimension(),
        Dimension::Ratio | Dimension::PercentagePoint
    );
    let lo = a.target_value?;
    Some(match (a.comparator, a.target_high, style) {
        (Comparator::Between, Some(hi), Style::Zh) => {
            format!("{}至{}", q(lo, a, style), q(hi, a, style))
        }
        (Comparator::Between, Some(hi), Style::En) => {
            format!("between {} and {}", q(lo, a, style), q(hi, a, style))
        }
        (c, _, Style::Zh) => format!("{}{}", c.zh(rate), q(lo, a, style)),
        (c, _, Style::En) => format!("{} {}", c.en(), q(lo, a, style)),
    })
}

fn verdict_zh(a: &Assessment) -> String {
    match (a.status, a.grade) {
        (Status::Met, Some(Grade::Exceeded)) => "已完成（超额完成）".into(),
        (Status::Missed, Some(Grade::BasicallyAchieved)) => "未完成（基本完成）".into(),
        (s, _) => s.zh().into(),
    }
}

fn verdict_en(a: &Assessment) -> String {
    match (a.status, a.grade) {
        (Status::Met, Some(Grade::Exceeded)) => "met (exceeded)".into(),
        (Status::Missed, Some(g)) => format!("missed ({})", g.en()),
        (s, _) => s.en().into(),
    }
}

/// Builds the sentence pair, e.g. "新增就业人数18746人，目标不少于1.5万人，完成率125.0%，已完成".
pub(crate) fn explain(a: &Assessment, _plan: &Plan) -> Names {
    let name_zh = &a.name.zh;
    let name_en = if a.name.en.is_empty() {
        &a.name.zh
    } else {
        &a.name.en
    };
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if a.comparator == Comparator::Le && a.target_value.is_none() && a.rule == "milestone" {
        // Milestones have no value: say the deadline.
    }
    match a.observed {
        Some(v) => {
            let period_zh = a
                .observed_period
                .filter(|p| *p != a.period)
                .map(|p| format!("（{p}）"))
                .unwrap_or_default();
            let period_en = a
                .observed_period
                .filter(|p| *p != a.period)
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            zh.push(format!("{name_zh}{}{period_zh}", q(v, a, Style::Zh)));
            en.push(format!("{name_en}: {}{period_en}", q(v, a, Style::En)));
        }
        None => {
            zh.push(name_zh.clone());
            en.push(name_en.to_string());
        }
    }
    if let (Some(tz), Some(te)) = (target_text(a, Style::Zh), target_text(a, Style::En)) {
        zh.push(format!("目标{tz}"));
        en.push(format!("target {te}"));
    } else if a.rule == "milestone" {
        zh.push(format!(
            "目标：{}",
            a.condition.replace("done by", "完成期限")
        ));
        en.push(format!("target: {}", a.condition));
    } else if a.rule == "reference.unbound" {
        zh.push("目标：完成上级下达指标（尚未下达）".into());
        en.push("target: the quota assigned from above (not bound yet)".into());
    }
    if let Some(tp) = a.time_progress.filter(|_| a.observed.is_some()) {
        zh.push(format!("时序进度{}", percent(tp)));
        en.push(format!("time elapsed {}", percent(tp)));
    }
    if let Some(c) = a.completion {
        zh.push(format!("完成率{}", percent(c)));
        en.push(format!("completion {}", percent(c)));
    } else if let (Some(gz), Some(ge)) = (gap_text(a, Style::Zh), gap_text(a, Style::En)) {
        zh.push(format!("差距{gz}"));
        en.push(format!("gap {ge}"));
    }
    if let Some(g) = a.required_growth {
        zh.push(format!("余下时段需增长{g}%"));
        en.push(format!("needs {g}% growth over the rest of the period"));
    }
    zh.push(verdict_zh(a));
    en.push(verdict_en(a));
    Names {
        zh: zh.join("，"),
        en: format!("{}.", en.join("; ")),
    }
}

//! One explanation sentence per assessment, in Chinese and in English, that says what
//! the rule did: the figure and its period, the target as the plan words it, the
//! measure the rule compared (completion, share used against time elapsed, average
//! annual growth against the growth required) and the verdict.

use rust_decimal::Decimal;

use crate::comparator::Comparator;
use crate::evaluate::assessment::{Assessment, Grade, ProgressClass, Status};
use crate::evaluate::rule::Rule;
use crate::format::{completion_percent, percent, zero_like};
use crate::indicator::Names;
use crate::quantity::{Quantity, Style};
use crate::target::Tier;

/// Explanations are prose: numbers are rounded for reading (727.77亿元); the exact
/// values are in the assessment's fields.
fn q(v: Decimal, a: &Assessment, style: Style) -> String {
    Quantity::new(v, a.unit).format_readable(style)
}

/// A gap in its unit; a zero gap takes the target's magnitude word (0亿元, not 0元).
fn gap_text(a: &Assessment, style: Style) -> Option<String> {
    let g = a.gap?;
    if g.is_zero() {
        return Some(match a.target_value {
            Some(t) => zero_like(t, a.gap_unit, style),
            None => Quantity::new(g, a.gap_unit).format_readable(style),
        });
    }
    let text = Quantity::new(g, a.gap_unit).format_readable(style);
    Some(if g > Decimal::ZERO && !text.starts_with('+') {
        format!("+{text}")
    } else {
        text
    })
}

/// The observed figure; under a reduction target, as a fall or a rise ("：下降3%",
/// "：上升1%"), so that a name like 单位GDP能耗降低 never reads the wrong way.
fn observed_text(v: Decimal, a: &Assessment, style: Style) -> String {
    let reduction = a.target_value.is_some_and(|t| is_reduction(a, t));
    if !reduction {
        return q(v, a, style);
    }
    let by = q(v.abs(), a, style);
    match (v.is_zero(), v.is_sign_negative(), style) {
        (true, _, Style::Zh) => "：持平".into(),
        (true, _, Style::En) => "unchanged".into(),
        (false, true, Style::Zh) => format!("：下降{by}"),
        (false, false, Style::Zh) => format!("：上升{by}"),
        (false, true, Style::En) => format!("down {by}"),
        (false, false, Style::En) => format!("up {by}"),
    }
}

/// True for a target that asks a series to fall: a growth or change target below
/// zero ("下降3%以上" is `<= -3%`).
fn is_reduction(a: &Assessment, lo: Decimal) -> bool {
    lo < Decimal::ZERO && a.unit.dimension().is_rate() && a.comparator != Comparator::Between
}

/// The target as the plan words it.
fn target_text(a: &Assessment, style: Style) -> Option<String> {
    let rate = a.unit.dimension().is_rate();
    let lo = a.target_value?;
    if a.reference.is_some() {
        // Another indicator of the plan by its name; a value bound in the plan's
        // `[reference]` table (a quota assigned from above, a national average …) as
        // what it is to the plan, a reference value: its key is an identifier, not words
        // for a sentence.
        let name = match (a.referenced.as_deref(), style) {
            (Some(n), Style::Zh) => n.zh.as_str(),
            (Some(n), Style::En) => n.en_or_zh(),
            (None, Style::Zh) => "参照值",
            (None, Style::En) => "the reference value",
        };
        let v = q(lo, a, style);
        return Some(match (a.comparator, style) {
            (Comparator::Gt, Style::Zh) => format!("高于{name}（{v}）"),
            (Comparator::Ge, Style::Zh) => format!("不低于{name}（{v}）"),
            (Comparator::Lt, Style::Zh) => format!("低于{name}（{v}）"),
            (Comparator::Le, Style::Zh) => format!("不超过{name}（{v}）"),
            (Comparator::Approx, Style::Zh) => format!("与{name}基本同步（{v}）"),
            (_, Style::Zh) => format!("与{name}持平（{v}）"),
            (c, Style::En) => format!("{} {name} ({v})", c.en()),
        });
    }
    if is_reduction(a, lo) {
        let by = q(lo.abs(), a, style);
        return Some(match (a.comparator, style) {
            (Comparator::Le | Comparator::Lt, Style::Zh) => format!("下降{by}以上"),
            (Comparator::Approx, Style::Zh) => format!("下降{by}左右"),
            (Comparator::Ge | Comparator::Gt, Style::Zh) => format!("降幅不超过{by}"),
            (_, Style::Zh) => format!("下降{by}"),
            (Comparator::Le | Comparator::Lt, Style::En) => format!("a fall of at least {by}"),
            (Comparator::Approx, Style::En) => format!("a fall of about {by}"),
            (Comparator::Ge | Comparator::Gt, Style::En) => format!("a fall of at most {by}"),
            (_, Style::En) => format!("a fall of {by}"),
        });
    }
    let annual = matches!(a.rule, Rule::MultiYearCagr) && is_growth(a);
    Some(match (a.comparator, a.target_high, style) {
        (Comparator::Between, Some(hi), Style::Zh) => {
            format!("{}至{}", q(lo, a, style), q(hi, a, style))
        }
        (Comparator::Between, Some(hi), Style::En) => {
            format!("between {} and {}", q(lo, a, style), q(hi, a, style))
        }
        (Comparator::Approx, _, Style::Zh) => format!("{}左右", q(lo, a, style)),
        (c, _, Style::Zh) if annual => format!("年均增长{}{}", c.zh(rate), q(lo, a, style)),
        (c, _, Style::Zh) => format!("{}{}", c.zh(rate), q(lo, a, style)),
        (c, _, Style::En) if annual => {
            format!("average annual growth {} {}", c.en(), q(lo, a, style))
        }
        (c, _, Style::En) => format!("{} {}", c.en(), q(lo, a, style)),
    })
}

/// An average annual rate in words, rounded for reading: "增长4.12%", "下降2.86%".
fn annual_zh(r: Decimal) -> String {
    let v = crate::format::round_for_display(r.abs());
    if r < Decimal::ZERO {
        format!("下降{v}%")
    } else {
        format!("增长{v}%")
    }
}

fn annual_en(r: Decimal) -> String {
    let v = crate::format::round_for_display(r.abs());
    if r < Decimal::ZERO {
        format!("a fall of {v}%")
    } else {
        format!("growth of {v}%")
    }
}

fn is_growth(a: &Assessment) -> bool {
    a.cagr.is_some() && a.observed == a.cagr
}

fn completion_text(c: Decimal, a: &Assessment) -> String {
    completion_percent(c, matches!(a.status, Status::Met | Status::OnTrack))
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

fn class_zh(c: ProgressClass) -> &'static str {
    match c {
        ProgressClass::Significant => "进展显著",
        ProgressClass::Moderate => "进展一般",
        ProgressClass::Insufficient => "进展不足",
        ProgressClass::MovingAway => "背离目标",
    }
}

fn class_en(c: ProgressClass) -> &'static str {
    match c {
        ProgressClass::Significant => "significant progress",
        ProgressClass::Moderate => "moderate progress",
        ProgressClass::Insufficient => "insufficient progress",
        ProgressClass::MovingAway => "moving away",
    }
}

/// The parts of one sentence written one after the other into a single buffer, with
/// `sep` between them: what joining a list of parts gives, without a string per part.
struct Parts {
    buf: String,
    sep: &'static str,
    any: bool,
}

impl Parts {
    fn new(sep: &'static str) -> Parts {
        Parts {
            buf: String::with_capacity(160),
            sep,
            any: false,
        }
    }

    fn next(&mut self) {
        if self.any {
            self.buf.push_str(self.sep);
        }
        self.any = true;
    }

    fn str(&mut self, part: &str) {
        self.next();
        self.buf.push_str(part);
    }

    fn fmt(&mut self, part: std::fmt::Arguments<'_>) {
        use std::fmt::Write as _;
        self.next();
        // Writing into a String cannot fail.
        let _ = self.buf.write_fmt(part);
    }
}

/// Builds the sentence pair, e.g. "新增就业人数18746人，目标不少于1.5万人，完成率125.0%，已完成".
pub(crate) fn explain(a: &Assessment) -> Names {
    let name_zh = &a.name.zh;
    let name_en = a.name.en_or_zh();
    let mut zh = Parts::new("，");
    let mut en = Parts::new("; ");
    let period = a.observed_period.filter(|p| *p != a.period);
    match (a.observed, a.rule) {
        (Some(v), Rule::MultiYearCagr) => {
            let p = a.observed_period.map(|p| p.to_string()).unwrap_or_default();
            let base = a.period.start().year() - 1;
            if is_growth(a) {
                let from = a.period.start().year();
                let to = a.observed_period.map_or(from, |p| p.end().year());
                zh.fmt(format_args!(
                    "{name_zh}：{from}至{to}年年均{}（以{base}年为基期）",
                    annual_zh(v)
                ));
                en.fmt(format_args!(
                    "{name_en}: average annual {} from {from} to {to} (base year {base})",
                    annual_en(v)
                ));
            } else {
                zh.fmt(format_args!("{name_zh}{}（{p}）", q(v, a, Style::Zh)));
                en.fmt(format_args!("{name_en}: {} ({p})", q(v, a, Style::En)));
                if let Some(c) = a.cagr {
                    zh.fmt(format_args!("{base}年以来年均{}", annual_zh(c)));
                    en.fmt(format_args!(
                        "{} a year on average since {base}",
                        annual_en(c)
                    ));
                }
            }
        }
        // A total or a change over several years, with its period ("2021..2024年累计").
        (Some(v), Rule::MultiYearCumulative | Rule::MultiYearChange | Rule::NoDataPartialOnly)
            if matches!(a.observed_period, Some(crate::period::Period::Years { .. })) =>
        {
            let p = a.observed_period.map(|p| p.to_string()).unwrap_or_default();
            zh.fmt(format_args!(
                "{name_zh}（{p}年累计）{}",
                observed_text(v, a, Style::Zh)
            ));
            en.fmt(format_args!(
                "{name_en}: {} over {p}",
                observed_text(v, a, Style::En)
            ));
            if let Some(c) = a
                .cagr
                .filter(|_| a.grade.is_none() && a.rule == Rule::MultiYearChange)
            {
                zh.fmt(format_args!("年均{}", annual_zh(c)));
                en.fmt(format_args!("{} a year on average", annual_en(c)));
            }
        }
        (Some(v), _) => {
            let pz = period.map(|p| format!("（{p}）")).unwrap_or_default();
            let pe = period.map(|p| format!(" ({p})")).unwrap_or_default();
            zh.fmt(format_args!(
                "{name_zh}{}{pz}",
                observed_text(v, a, Style::Zh)
            ));
            en.fmt(format_args!(
                "{name_en}: {}{pe}",
                observed_text(v, a, Style::En)
            ));
        }
        (None, _) => {
            zh.str(name_zh);
            en.str(name_en);
        }
    }
    if a.rule == Rule::FinalChange {
        zh.str("为比上年变化");
        en.str("the change on the previous year");
    }
    if let (Some(tz), Some(te)) = (target_text(a, Style::Zh), target_text(a, Style::En)) {
        zh.fmt(format_args!("目标{tz}"));
        en.fmt(format_args!("target {te}"));
    } else if a.rule == Rule::Milestone {
        zh.fmt(format_args!(
            "目标：{}",
            a.condition.replace("done by", "完成期限")
        ));
        en.fmt(format_args!("target: {}", a.condition));
    } else if a.rule == Rule::ReferenceUnbound {
        match a.referenced.as_deref() {
            Some(other) => {
                let en_name = other.en_or_zh();
                zh.fmt(format_args!("参照指标{}暂无{}数据", other.zh, a.period));
                en.fmt(format_args!(
                    "the reference {en_name} has no figure for {} yet",
                    a.period
                ));
            }
            None => {
                zh.str("目标：完成上级下达指标（尚未下达）");
                en.str("target: the quota assigned from above (not bound yet)");
            }
        }
    }
    if a.rule == Rule::PartialStock {
        zh.str("年初前无基数，无法测算进度");
        en.str("no figure from before the year to measure progress from");
    }
    if a.rule == Rule::NoDataPartialOnly {
        let p = a.observed_period.map(|p| p.to_string()).unwrap_or_default();
        zh.fmt(format_args!(
            "期末已过，暂无全期数据，最新数据仅覆盖{p}，仅供参考"
        ));
        en.fmt(format_args!(
            "the period is over and only {p} has a figure, shown for information"
        ));
    }
    match (a.rule, a.completion) {
        (Rule::MultiYearCagr | Rule::MultiYearChange, Some(c))
            if a.grade.is_none() && a.required_cagr.is_some() =>
        {
            if let Some(r) = a.required_cagr {
                zh.fmt(format_args!(
                    "需年均{}，实际年均速度为所需的{}",
                    annual_zh(r),
                    percent(c)
                ));
                en.fmt(format_args!(
                    "{} a year required; the actual average annual rate is {} of that",
                    annual_en(r),
                    percent(c)
                ));
            }
        }
        (
            Rule::PartialFlowLinear
            | Rule::PartialFlowSeasonal
            | Rule::MultiYearCumulative
            | Rule::MultiYearChange,
            Some(c),
        ) if a.grade.is_none() => {
            // A ceiling on a flow is an allowance being used; a change is a target
            // being reached.
            let allowance = matches!(a.comparator, Comparator::Le | Comparator::Lt)
                && a.rule != Rule::MultiYearChange;
            if allowance {
                zh.fmt(format_args!("已用额度{}", completion_text(c, a)));
                en.fmt(format_args!(
                    "{} of the allowance used",
                    completion_text(c, a)
                ));
            } else {
                zh.fmt(format_args!("已完成目标的{}", completion_text(c, a)));
                en.fmt(format_args!("{} of the target done", completion_text(c, a)));
            }
        }
        // Exactly on a strict bound (`> 590亿元` with 590亿元): the same as the target,
        // which is not past it.
        (_, Some(c)) if c == Decimal::ONE && a.status == Status::Missed => {
            zh.str("与目标持平，未超过");
            en.str("level with the target, not past it");
        }
        (_, Some(c)) => {
            zh.fmt(format_args!("完成率{}", completion_text(c, a)));
            en.fmt(format_args!("completion {}", completion_text(c, a)));
        }
        (_, None) => {
            if let (Some(gz), Some(ge)) = (gap_text(a, Style::Zh), gap_text(a, Style::En)) {
                zh.fmt(format_args!("差距{gz}"));
                en.fmt(format_args!("gap {ge}"));
            }
        }
    }
    if a.rule.uses_time_progress() && a.observed.is_some() && a.grade.is_none() {
        match (a.expected_progress, a.time_progress) {
            (Some(e), _) if a.rule == Rule::PartialFlowSeasonal => {
                if matches!(a.comparator, Comparator::Le | Comparator::Lt) {
                    zh.fmt(format_args!("上年同期已用额度{}", percent(e)));
                    en.fmt(format_args!("last year's use by now {}", percent(e)));
                } else {
                    zh.fmt(format_args!("按上年同期进度应完成{}", percent(e)));
                    en.fmt(format_args!("last year's pace by now {}", percent(e)));
                }
            }
            (_, Some(tp)) => {
                zh.fmt(format_args!("时序进度{}", percent(tp)));
                en.fmt(format_args!("time elapsed {}", percent(tp)));
            }
            _ => {}
        }
    }
    if let Some(g) = a.required_growth {
        zh.fmt(format_args!("余下时段需增长{g}%"));
        en.fmt(format_args!(
            "needs {g}% growth over the rest of the period"
        ));
    }
    if let (Some(c), Rule::MultiYearCagr | Rule::MultiYearChange, None) =
        (a.progress_class, a.rule, a.grade)
    {
        zh.str(class_zh(c));
        en.str(class_en(c));
    }
    if !a.conflicts.is_empty() {
        let others = |style: Style| -> Vec<String> {
            a.conflicts
                .iter()
                .map(|i| Quantity::new(i.value, i.unit).format_readable(style))
                .collect()
        };
        zh.fmt(format_args!(
            "数据冲突：同期同版本另有{}",
            others(Style::Zh).join("、")
        ));
        en.fmt(format_args!(
            "conflicting figures of the same release: also {}",
            others(Style::En).join(", ")
        ));
    }
    if a.status == Status::NotComparable {
        if let Some(raw) = a.inputs.first() {
            let figure = |style| Quantity::new(raw.value, raw.unit).format_readable(style);
            zh.fmt(format_args!(
                "实际数据{}与目标单位不可比",
                figure(Style::Zh)
            ));
            en.fmt(format_args!(
                "the figure {} cannot be compared with the target's unit",
                figure(Style::En)
            ));
        }
        if let Some(why) = a.notes.last() {
            en.str(why);
        }
    }
    zh.str(&verdict_zh(a));
    en.str(&verdict_en(a));
    if a.tier == Tier::Stretch {
        // "Not reached" only once the stretch is missed: part-way, or with no figure,
        // its own verdict (behind, no data) says where it stands.
        let missed = a.status == Status::Missed;
        match a.base_status {
            Some(Status::Met) if missed => {
                zh.str("基本目标已完成，力争目标未达到");
                en.str("base met, stretch not reached");
            }
            Some(Status::Met) if a.status == Status::Met => {
                zh.str("基本目标和力争目标均已完成");
                en.str("base met, stretch reached");
            }
            Some(s) if missed => {
                zh.fmt(format_args!("基本目标{}，力争目标未达到", s.zh()));
                en.fmt(format_args!("base {}, stretch not reached", s.en()));
            }
            Some(s) => {
                zh.fmt(format_args!("基本目标{}", s.zh()));
                en.fmt(format_args!("base {}", s.en()));
            }
            None => {}
        }
    }
    en.buf.push('.');
    // Kept at their length: a scorecard holds a hundred thousand of them, and the
    // working buffers are freed for the next sentence to reuse.
    Names {
        zh: zh.buf.as_str().into(),
        en: en.buf.as_str().into(),
    }
}

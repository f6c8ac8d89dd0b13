//! What every human-readable report shows, in one language, before any markup: the
//! labels, the summary and the rows with their cells formatted. Renderers only lay
//! it out and escape it.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::comparator::Comparator;
use crate::evaluate::{Assessment, Rule, Scorecard, Severity, Status, StatusCounts};
use crate::indicator::Kind;
use crate::observation::ObservationStatus;
use crate::period::Period;
use crate::quantity::Quantity;
use crate::report::Lang;
use crate::target::Tier;
use crate::unit::Unit;

/// The scorecard prepared for one language.
pub(crate) struct View<'a> {
    pub(crate) card: &'a Scorecard,
    pub(crate) lang: Lang,
    /// Groups of rows in reading order: binding misses first, then sections.
    pub(crate) groups: Vec<Group<'a>>,
    /// Statuses that occur, in report order (the columns of the count tables).
    pub(crate) statuses: Vec<Status>,
}

/// A run of rows under one heading.
pub(crate) struct Group<'a> {
    /// Heading: "约束性指标未完成" or the section path.
    pub(crate) title: String,
    /// True for the group of binding misses.
    pub(crate) misses: bool,
    pub(crate) rows: Vec<Row<'a>>,
}

/// One assessment's cells; an empty string is an empty cell.
pub(crate) struct Row<'a> {
    pub(crate) a: &'a Assessment,
    pub(crate) name: &'a str,
    pub(crate) kind: &'static str,
    pub(crate) stretch: bool,
    pub(crate) observed: String,
    /// The period of a partial observation (`2024H1`), shown beside the value.
    pub(crate) observed_period: Option<String>,
    /// True when an input of the observed value is preliminary (初步核算).
    pub(crate) preliminary: bool,
    pub(crate) completion: String,
    pub(crate) gap: String,
    pub(crate) time: String,
    pub(crate) previous: String,
    pub(crate) explanation: String,
}

impl<'a> View<'a> {
    pub(crate) fn new(card: &'a Scorecard, lang: Lang) -> View<'a> {
        let mut groups: Vec<Group<'a>> = Vec::new();
        for a in card.ordered() {
            let misses = a.severity == Some(Severity::Error);
            let title = if misses {
                lang.pick("约束性指标未完成", "Binding targets missed")
                    .to_string()
            } else {
                section_title(a.section.as_deref(), lang)
            };
            let row = Row::new(a, lang);
            match groups.last_mut() {
                Some(g) if g.misses == misses && g.title == title => g.rows.push(row),
                _ => groups.push(Group {
                    title,
                    misses,
                    rows: vec![row],
                }),
            }
        }
        let statuses = Status::ALL
            .into_iter()
            .filter(|s| card.summary.all.get(*s) > 0)
            .collect();
        View {
            card,
            lang,
            groups,
            statuses,
        }
    }

    pub(crate) fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(zh, en)
    }

    /// The heading: the plan's title, or its id.
    pub(crate) fn title(&self) -> &str {
        self.card.title.as_deref().unwrap_or(&self.card.plan)
    }

    /// (label, value) pairs under the title.
    pub(crate) fn facts(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(self.t("计划", "Plan"), self.card.plan.clone())];
        if let Some(j) = &self.card.jurisdiction {
            v.push((self.t("地区", "Jurisdiction"), j.clone()));
        }
        v.push((self.t("计划期", "Period"), self.card.period.to_string()));
        v.push((
            self.t("评估日期", "As of"),
            match self.card.as_of {
                Some(d) => Period::Date(d).to_string(),
                None => format!(
                    "{} ({})",
                    Period::Date(self.card.evaluated_on),
                    self.t("全部已发布数据", "all published data")
                ),
            },
        ));
        v
    }

    /// The one-line total: "合计 57：已完成 2，未完成 1 …".
    pub(crate) fn totals_line(&self) -> String {
        let all = &self.card.summary.all;
        let parts: Vec<String> = self
            .statuses
            .iter()
            .map(|s| format!("{} {}", status_label(*s, self.lang), all.get(*s)))
            .collect();
        match self.lang {
            Lang::Zh => format!("目标合计 {}：{}", all.total, parts.join("，")),
            Lang::En => format!("{} targets: {}", all.total, parts.join(", ")),
        }
    }

    /// Header of the count tables: group, total, then each status that occurs.
    pub(crate) fn count_header(&self, first: &'static str) -> Vec<String> {
        let mut h = vec![first.to_string(), self.t("合计", "Total").to_string()];
        h.extend(
            self.statuses
                .iter()
                .map(|s| status_label(*s, self.lang).to_string()),
        );
        h
    }

    /// Count rows per kind, then per section.
    pub(crate) fn count_rows(&self, by_kind: bool) -> Vec<Vec<String>> {
        let s = &self.card.summary;
        let groups = if by_kind { &s.by_kind } else { &s.by_section };
        groups
            .iter()
            .map(|g| {
                let label = if by_kind {
                    kind_label_by_name(&g.key, self.lang).to_string()
                } else {
                    section_title(Some(&g.key), self.lang)
                };
                self.count_cells(label, &g.counts)
            })
            .collect()
    }

    fn count_cells(&self, label: String, c: &StatusCounts) -> Vec<String> {
        let mut row = vec![label, c.total.to_string()];
        row.extend(self.statuses.iter().map(|s| c.get(*s).to_string()));
        row
    }

    /// The binding misses, as rows.
    pub(crate) fn misses(&self) -> Vec<&Row<'a>> {
        self.groups
            .iter()
            .filter(|g| g.misses)
            .flat_map(|g| g.rows.iter())
            .collect()
    }

    /// One line per stretch target: its name, whether it was reached, and its base.
    pub(crate) fn stretch_lines(&self) -> Vec<(bool, String)> {
        // Rows by target id, so that large plans stay linear.
        let mut rows: HashMap<&str, &Row<'a>> = HashMap::new();
        for r in self.groups.iter().flat_map(|g| g.rows.iter()) {
            rows.insert(r.a.target.as_str(), r);
        }
        self.card
            .summary
            .stretch
            .iter()
            .filter_map(|s| {
                let row = rows.get(s.target.as_str())?;
                let reached = s.status == Status::Met;
                let base = match (&s.base_target, s.base_status) {
                    (Some(b), Some(st)) => {
                        let name = rows.get(b.as_str()).map(|r| r.name).unwrap_or(b);
                        match self.lang {
                            Lang::Zh => format!("；基本目标（{name}）{}", st.zh()),
                            Lang::En => format!("; base target ({name}) {}", st.en()),
                        }
                    }
                    _ => String::new(),
                };
                let text = match self.lang {
                    Lang::Zh => format!("{}：力争目标{}{base}", row.name, s.status.zh()),
                    Lang::En => format!("{}: stretch target {}{base}", row.name, s.status.en()),
                };
                Some((reached, text))
            })
            .collect()
    }

    /// Column headers of the target table, in order.
    pub(crate) fn columns(&self) -> Columns {
        Columns {
            status: self.t("状态", "Status"),
            target_id: self.t("编号", "ID"),
            name: self.t("指标", "Indicator"),
            kind: self.t("类别", "Kind"),
            observed: self.t("实际值", "Observed"),
            target: self.t("目标值", "Target"),
            completion: self.t("完成率", "Completion"),
            gap: self.t("差距", "Gap"),
            time: self.t("时序进度", "Time elapsed"),
            previous: self.t("上年（基数）", "Previous year"),
            chart: self.t("图示", "Chart"),
            explanation: self.t("说明", "Explanation"),
        }
    }
}

/// Column headers.
pub(crate) struct Columns {
    pub(crate) status: &'static str,
    pub(crate) target_id: &'static str,
    pub(crate) name: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) observed: &'static str,
    pub(crate) target: &'static str,
    pub(crate) completion: &'static str,
    pub(crate) gap: &'static str,
    pub(crate) time: &'static str,
    pub(crate) previous: &'static str,
    pub(crate) chart: &'static str,
    pub(crate) explanation: &'static str,
}

impl<'a> Row<'a> {
    fn new(a: &'a Assessment, lang: Lang) -> Row<'a> {
        let name = match lang {
            Lang::En => a.name.en_or_zh(),
            Lang::Zh => a.name.zh.as_str(),
        };
        let partial = a.observed_period.filter(|p| *p != a.period);
        Row {
            a,
            name,
            kind: kind_label(a.kind, lang),
            stretch: a.tier == Tier::Stretch,
            observed: a
                .observed
                .map(|v| quantity(v, a.unit, lang))
                .unwrap_or_default(),
            observed_period: partial.map(|p| p.to_string()),
            preliminary: a
                .inputs
                .iter()
                .any(|i| i.status == ObservationStatus::Preliminary),
            completion: a
                .completion
                .map(|c| {
                    let met = matches!(a.status, Status::Met | Status::OnTrack);
                    crate::format::completion_percent(c, met)
                })
                .unwrap_or_default(),
            gap: a
                .gap
                .map(|g| match a.target_value {
                    Some(t) if g.is_zero() => crate::format::zero_like(t, a.gap_unit, lang.style()),
                    _ => signed(short_pp(quantity(g, a.gap_unit, lang)), g),
                })
                .unwrap_or_default(),
            time: time_cell(a),
            previous: a
                .previous
                .map(|v| quantity(v, a.unit, lang))
                .unwrap_or_default(),
            explanation: {
                let e = a.explanation();
                match lang {
                    Lang::Zh => e.zh,
                    Lang::En => e.en,
                }
            },
        }
    }

    /// The status label, with the grade when it says more (超额完成, 基本完成).
    pub(crate) fn status(&self, lang: Lang) -> String {
        status_label(self.a.status, lang).to_string()
    }

    /// The grade label when it adds to the status.
    pub(crate) fn grade(&self, lang: Lang) -> Option<&'static str> {
        use crate::evaluate::Grade;
        match (self.a.status, self.a.grade) {
            (Status::Met, Some(Grade::Exceeded))
            | (Status::Missed, Some(Grade::BasicallyAchieved)) => {
                self.a.grade.map(|g| lang.pick(g.zh(), g.en()))
            }
            _ => None,
        }
    }

    /// The kind, with the stretch tier: "预期性" or "任务/力争".
    pub(crate) fn kind_cell(&self, lang: Lang) -> String {
        if self.stretch {
            format!("{}/{}", self.kind, lang.pick("力争", "stretch"))
        } else {
            self.kind.to_string()
        }
    }

    /// The observed value with its partial period: "778.2亿元 (2024H1)".
    pub(crate) fn observed_cell(&self) -> String {
        match &self.observed_period {
            Some(p) if !self.observed.is_empty() => format!("{} ({p})", self.observed),
            _ => self.observed.clone(),
        }
    }

    /// The target: "≥ 5.5%", or ">= 5.5%" with `ascii`.
    pub(crate) fn target(&self, lang: Lang, ascii: bool) -> String {
        target_cell(self.a, lang, ascii)
    }
}

/// Section heading: the path, or "未注明章节" when the target has none.
pub(crate) fn section_title(section: Option<&str>, lang: Lang) -> String {
    match section {
        Some(s) if s != "—" && !s.is_empty() => s.to_string(),
        _ => lang.pick("未注明章节", "No section").to_string(),
    }
}

pub(crate) fn status_label(s: Status, lang: Lang) -> &'static str {
    lang.pick(s.zh(), s.en())
}

pub(crate) fn kind_label(k: Kind, lang: Lang) -> &'static str {
    lang.pick(k.zh(), k.name())
}

fn kind_label_by_name(name: &str, lang: Lang) -> &'static str {
    match name {
        "binding" => kind_label(Kind::Binding, lang),
        "task" => kind_label(Kind::Task, lang),
        "stretch" => lang.pick("力争", "stretch"),
        _ => kind_label(Kind::Expected, lang),
    }
}

/// A value in a unit, rounded for reading; see [`Quantity::format_readable`].
pub(crate) fn quantity(v: Decimal, unit: Unit, lang: Lang) -> String {
    Quantity::new(v, unit).format_readable(lang.style())
}

/// A ratio as a percentage with one decimal: 0.745455 → "74.5%".
pub(crate) fn percent(r: Decimal) -> String {
    crate::format::percent(r)
}

/// "percentage points" is long for a table cell: "pp", as analysts write it.
fn short_pp(text: String) -> String {
    for long in [" percentage points", " percentage point"] {
        if let Some(number) = text.strip_suffix(long) {
            return format!("{number} pp");
        }
    }
    text
}

fn signed(text: String, v: Decimal) -> String {
    if v > Decimal::ZERO && !text.starts_with('+') {
        format!("+{text}")
    } else {
        text
    }
}

fn time_cell(a: &Assessment) -> String {
    match (a.time_progress, a.expected_progress) {
        (Some(t), Some(e)) if e != t => format!("{} / {}", percent(t), percent(e)),
        (Some(t), _) => percent(t),
        _ => String::new(),
    }
}

fn target_cell(a: &Assessment, lang: Lang, ascii: bool) -> String {
    if a.rule == Rule::ReferenceUnbound {
        return lang
            .pick("上级下达指标（未下达）", "assigned quota (not bound yet)")
            .to_string();
    }
    if a.rule == Rule::Milestone || a.condition.starts_with("done by") {
        let by = a.condition.trim_start_matches("done by").trim();
        return match lang {
            Lang::Zh => format!("{by}前完成"),
            Lang::En => format!("done by {by}"),
        };
    }
    let Some(lo) = a.target_value else {
        return a.condition.clone();
    };
    let q = |v: Decimal| quantity(v, a.unit, lang);
    if a.comparator == Comparator::Between {
        if let Some(hi) = a.target_high {
            return match lang {
                Lang::Zh => format!("{}至{}", q(lo), q(hi)),
                Lang::En => format!("{} to {}", q(lo), q(hi)),
            };
        }
    }
    let symbol = match (a.comparator, ascii) {
        (Comparator::Ge, false) => "≥",
        (Comparator::Le, false) => "≤",
        (Comparator::Approx, false) => "≈",
        (Comparator::Ge, true) => ">=",
        (Comparator::Le, true) => "<=",
        (Comparator::Approx, true) => "~",
        (Comparator::Gt, _) => ">",
        (Comparator::Lt, _) => "<",
        _ => "=",
    };
    format!("{symbol} {}", q(lo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_for_display() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            crate::format::round_for_display(d("727.774302")).to_string(),
            "727.77"
        );
        assert_eq!(
            crate::format::round_for_display(d("0.125")).to_string(),
            "0.125"
        );
        assert_eq!(
            crate::format::round_for_display(d("0.0012345")).to_string(),
            "0.001235"
        );
        assert_eq!(
            crate::format::round_for_display(d("2.345")).to_string(),
            "2.35"
        );
        assert_eq!(
            crate::format::round_for_display(d("-2.345")).to_string(),
            "-2.35"
        );
        assert_eq!(
            crate::format::round_for_display(d("18746")).to_string(),
            "18746"
        );
        assert_eq!(percent(d("0.745455")), "74.5%");
        let yuan = Unit::parse("元").unwrap();
        let q = |v: &str, lang| quantity(d(v), yuan, lang);
        assert_eq!(q("72777430200", Lang::Zh), "727.77亿元");
        assert_eq!(q("72777430200", Lang::En), "72.78 billion yuan");
        assert_eq!(q("950097000000", Lang::Zh), "9500.97亿元");
        assert_eq!(q("1234.5678", Lang::Zh), "1234.57元");
        let people = Unit::parse("人").unwrap();
        assert_eq!(quantity(d("18746"), people, Lang::Zh), "18746人");
        assert_eq!(
            quantity(d("5.123456"), Unit::parse("%").unwrap(), Lang::Zh),
            "5.12%"
        );
        assert_eq!(percent(d("1")), "100.0%");
        assert_eq!(percent(d("-0.00049")), "0.0%");
    }
}

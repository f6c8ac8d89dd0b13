//! The scorecard: every assessment and the counts a reader looks for first.

use jiff::civil::Date;
use serde::Serialize;

use crate::evaluate::assessment::{Assessment, Severity, Status};
use crate::evaluate::Options;
use crate::indicator::Kind;
use crate::period::Period;
use crate::plan::Plan;
use crate::target::Tier;

/// Counts of assessments by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    /// Total.
    pub total: usize,
    /// Met.
    pub met: usize,
    /// Missed.
    pub missed: usize,
    /// On track.
    pub on_track: usize,
    /// Behind.
    pub behind: usize,
    /// No data.
    pub no_data: usize,
    /// Pending.
    pub pending: usize,
    /// Not comparable.
    pub not_comparable: usize,
}

impl StatusCounts {
    fn add(&mut self, s: Status) {
        self.total += 1;
        *match s {
            Status::Met => &mut self.met,
            Status::Missed => &mut self.missed,
            Status::OnTrack => &mut self.on_track,
            Status::Behind => &mut self.behind,
            Status::NoData => &mut self.no_data,
            Status::Pending => &mut self.pending,
            Status::NotComparable => &mut self.not_comparable,
        } += 1;
    }

    /// The count of one status.
    pub fn get(&self, s: Status) -> usize {
        match s {
            Status::Met => self.met,
            Status::Missed => self.missed,
            Status::OnTrack => self.on_track,
            Status::Behind => self.behind,
            Status::NoData => self.no_data,
            Status::Pending => self.pending,
            Status::NotComparable => self.not_comparable,
        }
    }
}

/// Counts for one group (a kind or a section).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupCounts {
    /// The group: a kind name (`binding`), `stretch` for the stretch tiers, or a
    /// section path (`三.(七)`).
    pub key: String,
    /// The counts.
    pub counts: StatusCounts,
}

/// A stretch target beside the base target of the same indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StretchRow {
    /// The stretch target's id.
    pub target: String,
    /// Its indicator.
    pub indicator: String,
    /// Its status.
    pub status: Status,
    /// The base target it stands on (same indicator, or the related growth or level
    /// series), if the plan has one.
    pub base_target: Option<String>,
    /// The base target's status.
    pub base_status: Option<Status>,
}

/// The aggregates of a scorecard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Counts over all targets.
    pub all: StatusCounts,
    /// Counts per kind (`binding`, `expected`, `task`) of the base targets, then the
    /// stretch tiers of every kind as one group (`stretch`): a stretch tier is never a
    /// violation, so a missed one is not counted as a missed binding target, and the
    /// groups still add up to `all`.
    pub by_kind: Vec<GroupCounts>,
    /// Counts per section, in section order.
    pub by_section: Vec<GroupCounts>,
    /// Binding targets missed: the first thing a reader must see.
    pub binding_misses: Vec<String>,
    /// Stretch targets reached (met).
    pub stretch_reached: Vec<String>,
    /// Every stretch target with its base.
    pub stretch: Vec<StretchRow>,
}

/// The 基本完成 margins of an evaluation ([`Options`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Margins {
    /// Completion at or above this ratio is 基本完成 for levels.
    #[serde(serialize_with = "crate::schema::decimal")]
    pub basic_ratio: rust_decimal::Decimal,
    /// Within this many percentage points is 基本完成 for rates.
    #[serde(serialize_with = "crate::schema::decimal")]
    pub basic_margin_pp: rust_decimal::Decimal,
}

/// The result of evaluating a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// Plan id.
    pub plan: String,
    /// Plan title.
    pub title: Option<String>,
    /// Jurisdiction.
    pub jurisdiction: Option<String>,
    /// Plan period.
    pub period: Period,
    /// The evaluation date, if one was given.
    #[serde(serialize_with = "crate::schema::opt_date")]
    pub as_of: Option<Date>,
    /// The date the verdicts were judged at: `as_of`, or without one, the later of
    /// the plan period's end and the latest publication.
    #[serde(serialize_with = "crate::schema::date")]
    pub evaluated_on: Date,
    /// The 基本完成 margins the verdicts were graded with, so every renderer draws the
    /// same bands.
    pub margins: Margins,
    /// One assessment per target, in plan order.
    pub assessments: Vec<Assessment>,
    /// What [`Plan::check`] finds in the observations against this plan: every row on
    /// an indicator the plan does not define (`unknown_indicator`, at its row and
    /// column; such rows are never used) and year-to-date figures of a stock
    /// (`ytd_not_flow`), so nothing is dropped silently. (The plan's own warnings come
    /// from `Plan::check` itself.) Not part of the
    /// scorecard's JSON, which depends only on the figures and never on the order of
    /// the rows (these issues point at rows).
    #[serde(skip)]
    pub issues: Vec<crate::error::Issue>,
    /// Counts and highlights.
    pub summary: Summary,
}

impl Scorecard {
    pub(crate) fn new(
        plan: &Plan,
        options: &Options,
        evaluated_on: Date,
        assessments: Vec<Assessment>,
        issues: Vec<crate::error::Issue>,
    ) -> Scorecard {
        let mut all = StatusCounts::default();
        // The base targets by kind, in `Kind::ALL`'s order, then the stretch tiers.
        let mut by_kind = [StatusCounts::default(); Kind::ALL.len() + 1];
        let mut by_section: Vec<GroupCounts> = Vec::new();
        for a in &assessments {
            all.add(a.status);
            let group = match a.tier {
                Tier::Stretch => Kind::ALL.len(),
                Tier::Base => a.kind as usize,
            };
            by_kind[group].add(a.status);
            let key = a.section.as_deref().unwrap_or("—");
            match by_section.iter_mut().find(|g| g.key == key) {
                Some(g) => g.counts.add(a.status),
                None => {
                    let mut counts = StatusCounts::default();
                    counts.add(a.status);
                    by_section.push(GroupCounts {
                        key: key.to_string(),
                        counts,
                    });
                }
            }
        }
        crate::order::sort_by_key(&mut by_section, |g| section_key(&g.key));
        // Each stretch tier beside its base, as the evaluation paired them.
        let stretch: Vec<StretchRow> = assessments
            .iter()
            .filter(|a| a.tier == Tier::Stretch)
            .map(|s| StretchRow {
                target: s.target.clone(),
                indicator: s.indicator.clone(),
                status: s.status,
                base_target: s.base.clone(),
                base_status: s.base_status,
            })
            .collect();
        let summary = Summary {
            all,
            by_kind: Kind::ALL
                .iter()
                .map(Kind::name)
                .chain(["stretch"])
                .zip(by_kind)
                .filter(|(_, counts)| counts.total > 0)
                .map(|(key, counts)| GroupCounts {
                    key: key.into(),
                    counts,
                })
                .collect(),
            by_section,
            binding_misses: assessments
                .iter()
                .filter(|a| a.severity == Some(Severity::Error))
                .map(|a| a.target.clone())
                .collect(),
            stretch_reached: stretch
                .iter()
                .filter(|r| r.status == Status::Met)
                .map(|r| r.target.clone())
                .collect(),
            stretch,
        };
        Scorecard {
            plan: plan.id.clone(),
            title: plan.title.clone(),
            jurisdiction: plan.jurisdiction.clone(),
            period: plan.period,
            as_of: options.as_of,
            evaluated_on,
            margins: Margins {
                basic_ratio: options.basic_ratio,
                basic_margin_pp: options.basic_margin_pp,
            },
            assessments,
            issues,
            summary,
        }
    }

    /// The assessment of the target with `id`.
    pub fn assessment(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.target == id)
    }

    /// Assessments in reading order: binding misses first, then by section (in the
    /// document's order), then plan order.
    pub fn ordered(&self) -> Vec<&Assessment> {
        let mut v: Vec<(usize, &Assessment)> = self.assessments.iter().enumerate().collect();
        // Section keys are computed once per assessment, not once per comparison.
        crate::order::sort_by_key(&mut v, |(i, a)| {
            let not_a_miss = a.severity != Some(Severity::Error);
            (
                not_a_miss,
                section_key(a.section.as_deref().unwrap_or("—")),
                *i,
            )
        });
        v.into_iter().map(|(_, a)| a).collect()
    }

    /// The scorecard as JSON (assessment fields documented in ARCHITECTURE.md).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
    }
}

/// Sort key of a section path like "三.(七)": Chinese numerals compared by value, so
/// 二 < 三 and (九) < (十).
pub(crate) fn section_key(s: &str) -> Vec<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九十"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let mut out = Vec::new();
    let mut cur: Option<u32> = None;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            cur = Some(match (cur, d) {
                (None, 10) => 10,
                // Saturating: a section number of ten digits must not overflow.
                (Some(v), 10) => v.max(1).saturating_mul(10),
                (Some(v), d) if v >= 10 && v % 10 == 0 => v.saturating_add(d),
                (_, d) => d,
            });
        } else if let Some(d) = c.to_digit(10) {
            cur = Some(cur.unwrap_or(0).saturating_mul(10).saturating_add(d));
        } else if let Some(v) = cur.take() {
            out.push(v);
        }
    }
    if let Some(v) = cur {
        out.push(v);
    }
    if out.is_empty() {
        out.push(u32::MAX);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::section_key;

    #[test]
    fn section_keys_compare_numerals_by_value_and_never_overflow() {
        assert!(section_key("二.(九)") < section_key("二.(十)"));
        assert!(section_key("三.(一)") > section_key("二.(十二)"));
        // Found by review: ten digits overflowed a u32 (a panic in debug builds).
        assert_eq!(section_key("12345678901"), vec![u32::MAX]);
        assert_eq!(section_key("一百一十亿亿"), section_key("一百一十亿亿"));
    }
}

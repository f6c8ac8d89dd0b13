//! The result of evaluating one target.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::ser::SerializeStruct as _;
use serde::{Serialize, Serializer};

use crate::comparator::Comparator;
use crate::evaluate::rule::Rule;
use crate::indicator::{Kind, Names, Provenance};
use crate::observation::ObservationStatus;
use crate::period::Period;
use crate::schema::OptDecimal;
use crate::target::Tier;
use crate::unit::Unit;

/// Verdict of one target at `as_of` (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Data for the whole period meets the condition.
    Met,
    /// Data for the whole period does not meet the condition.
    Missed,
    /// Partial-period data is on course.
    OnTrack,
    /// Partial-period data is behind.
    Behind,
    /// The period is over and there is no data.
    NoData,
    /// Not decidable yet: a reference not bound, or a deadline in the future with no data.
    Pending,
    /// The data cannot be compared with the target (unit or arithmetic problem).
    NotComparable,
}

impl Status {
    /// Every status, in report order.
    pub const ALL: [Status; 7] = [
        Status::Met,
        Status::Missed,
        Status::OnTrack,
        Status::Behind,
        Status::NoData,
        Status::Pending,
        Status::NotComparable,
    ];

    /// The serde name (`"met"`, `"on_track"` …).
    pub fn name(&self) -> &'static str {
        crate::schema::variant_name(self)
    }

    /// Chinese label.
    pub fn zh(&self) -> &'static str {
        match self {
            Status::Met => "已完成",
            Status::Missed => "未完成",
            Status::OnTrack => "进度正常",
            Status::Behind => "进度滞后",
            Status::NoData => "暂无数据",
            Status::Pending => "待定",
            Status::NotComparable => "无法比较",
        }
    }

    /// English label.
    pub fn en(&self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Missed => "missed",
            Status::OnTrack => "on track",
            Status::Behind => "behind",
            Status::NoData => "no data",
            Status::Pending => "pending",
            Status::NotComparable => "not comparable",
        }
    }
}

/// Grade as Chinese evaluations use them, for final data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// 超额完成: met with completion above 100%.
    Exceeded,
    /// 完成: met.
    Achieved,
    /// 基本完成: missed, but within the margin (completion ≥ 95%, or within 0.5
    /// percentage points for rates, by default).
    BasicallyAchieved,
    /// 未完成: missed.
    NotAchieved,
}

impl Grade {
    /// Chinese label.
    pub fn zh(&self) -> &'static str {
        match self {
            Grade::Exceeded => "超额完成",
            Grade::Achieved => "完成",
            Grade::BasicallyAchieved => "基本完成",
            Grade::NotAchieved => "未完成",
        }
    }

    /// English label.
    pub fn en(&self) -> &'static str {
        match self {
            Grade::Exceeded => "exceeded",
            Grade::Achieved => "achieved",
            Grade::BasicallyAchieved => "basically achieved",
            Grade::NotAchieved => "not achieved",
        }
    }
}

/// How loudly a result should be reported (as Deequ's check levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A binding target missed.
    Error,
    /// An expected or task target missed, a binding one behind, or data that cannot be compared.
    Warning,
    /// Worth a look: an expected or task target behind.
    Info,
}

/// Progress class of a multi-year target, as the Eurostat SDG method classifies the
/// ratio of actual to required compound annual growth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressClass {
    /// Ratio ≥ 95%.
    Significant,
    /// 60% ≤ ratio < 95%.
    Moderate,
    /// 0 ≤ ratio < 60%.
    Insufficient,
    /// Ratio < 0.
    MovingAway,
}

/// A value an assessment used: an observation or an input of a derived indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Input {
    /// Indicator id.
    pub indicator: String,
    /// Period of the value.
    pub period: Period,
    /// The value, as a decimal string in `unit`.
    #[serde(serialize_with = "crate::schema::decimal")]
    pub value: Decimal,
    /// Unit of the value.
    pub unit: Unit,
    /// Observation status.
    pub status: ObservationStatus,
    /// Publication date, if known.
    #[serde(serialize_with = "crate::schema::opt_date")]
    pub vintage: Option<Date>,
    /// Source of the value.
    pub source: Option<String>,
}

/// The explained verdict for one target.
///
/// Serialised field by field as documented in ARCHITECTURE.md (the `Serialize` below
/// lists them), decimals as strings, with its [`explanation`](Assessment::explanation)
/// after `notes`.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Target id.
    pub target: String,
    /// Indicator id.
    pub indicator: String,
    /// Indicator names.
    pub name: Names,
    /// Binding force (the target's own, or its indicator's).
    pub kind: Kind,
    /// Base or stretch.
    pub tier: Tier,
    /// Section path of the indicator or target.
    pub section: Option<String>,
    /// The target's period.
    pub period: Period,
    /// The condition as text (`>= 1.5万人`).
    pub condition: String,
    /// The comparator of the condition.
    pub comparator: Comparator,
    /// The verdict.
    pub status: Status,
    /// How loudly to report it.
    pub severity: Option<Severity>,
    /// Grade, for final data.
    pub grade: Option<Grade>,
    /// Observed value in `unit` (the target's unit).
    pub observed: Option<Decimal>,
    /// Period of the observed value (`2024H1` for partial data).
    pub observed_period: Option<Period>,
    /// Target value in `unit` (lower bound for ranges).
    pub target_value: Option<Decimal>,
    /// Upper bound for ranges.
    pub target_high: Option<Decimal>,
    /// Unit of `observed`, `target_value` and `target_high`.
    pub unit: Unit,
    /// Observed ÷ target (or its reciprocal for lower-is-better), rounded to 6 decimals.
    pub completion: Option<Decimal>,
    /// Observed − target, in `gap_unit`.
    pub gap: Option<Decimal>,
    /// Unit of the gap: percentage points for rates, else `unit`.
    pub gap_unit: Unit,
    /// Share of the period the data covers (partial data), or elapsed at `as_of`.
    pub time_progress: Option<Decimal>,
    /// Share of the annual total expected by now from last year's profile (seasonal benchmark).
    pub expected_progress: Option<Decimal>,
    /// Growth (in %) needed over the rest of the period to end on target.
    pub required_growth: Option<Decimal>,
    /// Multi-year: actual compound annual growth so far (in %).
    pub cagr: Option<Decimal>,
    /// Multi-year: compound annual growth needed to reach the target (in %).
    pub required_cagr: Option<Decimal>,
    /// Multi-year: progress class.
    pub progress_class: Option<ProgressClass>,
    /// The same indicator's value for the previous year (the base), when known.
    pub previous: Option<Decimal>,
    /// Period of `previous`.
    pub previous_period: Option<Period>,
    /// Observations and formula inputs the verdict used.
    pub inputs: Vec<Input>,
    /// The rule that decided (`final`, `partial.flow.linear`, `milestone`, …).
    pub rule: Rule,
    /// For a stretch tier: the base target it stands on (the same indicator's base, or
    /// the base on the related growth or level series).
    pub base: Option<String>,
    /// For a stretch tier: the status of its base.
    pub base_status: Option<Status>,
    /// For a reference target: what the value is bound to (a key of the plan's
    /// references, or another indicator of the plan).
    pub reference: Option<String>,
    /// Figures of the same indicator, period, vintage and status that disagree with the
    /// one used: a conflict in the data (SPEC §6), flagged here and in the explanation.
    pub conflicts: Vec<Input>,
    /// Remarks (derived from nominal levels, preliminary data, …).
    pub notes: Vec<String>,
    /// Where the target is stated. Boxed, as [`Target::source`](crate::Target::source) is.
    pub source: Option<Box<Provenance>>,
    /// The names of the plan's indicator that `reference` is, for the explanation
    /// ("不低于地区生产总值增速（5%）").
    pub(crate) referenced: Option<Box<Names>>,
}

impl Assessment {
    /// One sentence in Chinese and in English that says what the rule did: the figure
    /// and its period, the target as the plan words it, the measure compared and the
    /// verdict ("新增就业人数18746人，目标不少于1.5万人，完成率125.0%，已完成").
    ///
    /// Written from the assessment's fields when asked for, and when the assessment is
    /// serialized (its `explanation` field): a scorecard read only for its statuses
    /// writes none. Numbers are rounded for reading; the exact values are the fields.
    pub fn explanation(&self) -> Names {
        crate::evaluate::explain::explain(self)
    }
}

/// The record: the fields in the order they are declared, the explanation after
/// `notes` (written only when a serializer asks for the field's value).
impl Serialize for Assessment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Assessment", 37)?;
        s.serialize_field("target", &self.target)?;
        s.serialize_field("indicator", &self.indicator)?;
        s.serialize_field("name", &self.name)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("tier", &self.tier)?;
        s.serialize_field("section", &self.section)?;
        s.serialize_field("period", &self.period)?;
        s.serialize_field("condition", &self.condition)?;
        s.serialize_field("comparator", &self.comparator)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("grade", &self.grade)?;
        s.serialize_field("observed", &OptDecimal(&self.observed))?;
        s.serialize_field("observed_period", &self.observed_period)?;
        s.serialize_field("target_value", &OptDecimal(&self.target_value))?;
        s.serialize_field("target_high", &OptDecimal(&self.target_high))?;
        s.serialize_field("unit", &self.unit)?;
        s.serialize_field("completion", &OptDecimal(&self.completion))?;
        s.serialize_field("gap", &OptDecimal(&self.gap))?;
        s.serialize_field("gap_unit", &self.gap_unit)?;
        s.serialize_field("time_progress", &OptDecimal(&self.time_progress))?;
        s.serialize_field("expected_progress", &OptDecimal(&self.expected_progress))?;
        s.serialize_field("required_growth", &OptDecimal(&self.required_growth))?;
        s.serialize_field("cagr", &OptDecimal(&self.cagr))?;
        s.serialize_field("required_cagr", &OptDecimal(&self.required_cagr))?;
        s.serialize_field("progress_class", &self.progress_class)?;
        s.serialize_field("previous", &OptDecimal(&self.previous))?;
        s.serialize_field("previous_period", &self.previous_period)?;
        s.serialize_field("inputs", &self.inputs)?;
        s.serialize_field("rule", &self.rule)?;
        s.serialize_field("base", &self.base)?;
        s.serialize_field("base_status", &self.base_status)?;
        s.serialize_field("reference", &self.reference)?;
        s.serialize_field("conflicts", &self.conflicts)?;
        s.serialize_field("notes", &self.notes)?;
        s.serialize_field("explanation", &Explained(self))?;
        s.serialize_field("source", &self.source)?;
        s.end()
    }
}

/// An assessment's explanation as a field value, written when serialized.
struct Explained<'a>(&'a Assessment);

impl Serialize for Explained<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.explanation().serialize(serializer)
    }
}

//! Indicators (指标): what a plan measures.

use serde::{Deserialize, Serialize};

use crate::formula::Formula;
use crate::unit::Unit;

/// What kind of series an indicator is (SPEC §3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// A stock at a point in time or a flow over the period (GDP, new jobs, stations built).
    #[default]
    Level,
    /// Year-on-year growth, in %, of a level series.
    Growth,
    /// A share of a whole, in %.
    Share,
    /// A difference: percentage points or % change against a baseline.
    Change,
    /// Done or not done by a date.
    Milestone,
}

impl Measure {
    /// Every measure, in declaration order.
    pub const ALL: [Measure; 5] = [
        Measure::Level,
        Measure::Growth,
        Measure::Share,
        Measure::Change,
        Measure::Milestone,
    ];

    /// The serde name (`"level"`, `"growth"` …).
    pub fn name(&self) -> &'static str {
        crate::schema::variant_name(self)
    }

    /// The measure of an indicator declared without one: `growth` when one of its
    /// targets is written as a growth condition (`"增长5.5%"`, `"growth >= 5%"`, see
    /// [`GROWTH_WORDS`](crate::GROWTH_WORDS)), else `level` (the default). Plan files
    /// apply this when they are loaded.
    pub fn implied(growth_condition: bool) -> Measure {
        if growth_condition {
            Measure::Growth
        } else {
            Measure::Level
        }
    }

    /// True for measures whose values are rates (growth, share, change), whose gaps
    /// are reported in percentage points.
    pub fn is_rate(&self) -> bool {
        matches!(self, Measure::Growth | Measure::Share | Measure::Change)
    }
}

/// Which direction is good.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Higher is better (the default).
    #[default]
    Higher,
    /// Lower is better (PM2.5, water use per 10 000 yuan of GDP, energy intensity).
    Lower,
    /// Close to the target is best (左右 targets).
    Band,
}

impl Polarity {
    /// Every polarity, in declaration order.
    pub const ALL: [Polarity; 3] = [Polarity::Higher, Polarity::Lower, Polarity::Band];

    /// The polarity of an indicator declared without one, from the comparators of its
    /// targets: lower-is-better when at least one is a ceiling (`<=`, `<`) and none is
    /// a floor (`>=`, `>`) — "PM2.5 <= 30微克/立方米" means lower is better — else
    /// higher-is-better (the default). `~`, ranges, references and milestones do not
    /// say. Plan files apply this when they are loaded; a ceiling on a *declared*
    /// higher-is-better indicator is a warning of [`Plan::check`](crate::Plan::check).
    pub fn implied(comparators: impl IntoIterator<Item = crate::Comparator>) -> Polarity {
        use crate::Comparator::{Ge, Gt, Le, Lt};
        let (mut ceiling, mut floor) = (false, false);
        for op in comparators {
            ceiling |= matches!(op, Le | Lt);
            floor |= matches!(op, Ge | Gt);
        }
        if ceiling && !floor {
            Polarity::Lower
        } else {
            Polarity::Higher
        }
    }

    /// The serde name (`"higher"`, `"lower"`, `"band"`).
    pub fn name(&self) -> &'static str {
        crate::schema::variant_name(self)
    }
}

/// Binding force of an indicator's targets (SPEC §1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 约束性: must be met; a miss is a violation.
    Binding,
    /// 预期性: guidance; a miss is reported.
    #[default]
    Expected,
    /// 任务目标: quantified work targets from the tasks section.
    Task,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 3] = [Kind::Binding, Kind::Expected, Kind::Task];

    /// The serde name.
    pub fn name(&self) -> &'static str {
        crate::schema::variant_name(self)
    }

    /// The Chinese term (约束性, 预期性, 任务).
    pub fn zh(&self) -> &'static str {
        match self {
            Kind::Binding => "约束性",
            Kind::Expected => "预期性",
            Kind::Task => "任务",
        }
    }
}

/// A name in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Names {
    /// Chinese name.
    pub zh: String,
    /// English name.
    #[serde(default)]
    pub en: String,
}

impl Names {
    /// The English name, or the Chinese one when there is none: what an English
    /// sentence or report calls the thing.
    ///
    /// ```
    /// use planwatch::Names;
    /// let gdp = Names { zh: "地区生产总值".into(), en: "GDP".into() };
    /// assert_eq!(gdp.en_or_zh(), "GDP");
    /// let only_zh = Names { zh: "新增就业人数".into(), en: String::new() };
    /// assert_eq!(only_zh.en_or_zh(), "新增就业人数");
    /// ```
    pub fn en_or_zh(&self) -> &str {
        if self.en.is_empty() {
            &self.zh
        } else {
            &self.en
        }
    }
}

/// Where something came from in a source document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Identifier of the document (defaults to the plan's `document`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The verbatim quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Section path in the document, e.g. `三.(三)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// `[start, end)` in characters of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
}

/// A measured quantity of a plan (指标).
///
/// The defaults below are those of a plan file that leaves a field out (README,
/// "Plan and observation files"); [`Indicator::new`] takes the measure and kind and
/// sets the rest to the plain defaults (higher-is-better, not a flow), without
/// looking at targets. Serialized with every field (the record of [`crate::schema`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Stable slug (`gdp`, `new_jobs`): letters, digits, `_`, `-`, `.`. Required.
    pub id: String,
    /// Names in Chinese and English. Required (`zh`); `en` may be empty.
    pub name: Names,
    /// Unit values are given in; [`Unit::NONE`] for milestones and bare numbers.
    /// Required in a plan file except for milestones.
    pub unit: Unit,
    /// Level, growth, share, change or milestone. Default: growth when one of its
    /// targets is written as a growth condition ("增长5.5%"), else level
    /// ([`Measure::implied`]).
    pub measure: Measure,
    /// Binding force. Default: expected (预期性).
    pub kind: Kind,
    /// Which direction is good. Default: lower-is-better when its targets are ceilings
    /// and none is a floor, else higher-is-better ([`Polarity::implied`]).
    pub polarity: Polarity,
    /// True for flows that accumulate over the period (investment, new jobs); false
    /// (the default) for stocks read at a date and for rates. Year-to-date figures of
    /// an indicator that is not a flow are a warning of
    /// [`Plan::check`](crate::Plan::check).
    pub flow: bool,
    /// For growth indicators: true when growth is nominal (retail sales, investment),
    /// so it may be derived from levels; false (the default) for real growth (GDP).
    pub nominal: bool,
    /// For growth indicators: the id of the level indicator this is the growth of.
    /// Default: none.
    pub of: Option<String>,
    /// Section path in the source document. Default: none.
    pub section: Option<String>,
    /// Free tags. Default: none.
    pub tags: Vec<String>,
    /// For derived indicators: the formula over other indicators. Default: none.
    pub formula: Option<Formula>,
    /// Where the indicator is defined. Default: none. Boxed, as
    /// [`Target::source`](crate::Target::source) is.
    pub source: Option<Box<Provenance>>,
}

impl Indicator {
    /// A level indicator of `kind` with the given id, names and unit; other fields default.
    pub fn new(
        id: impl Into<String>,
        name: Names,
        unit: Unit,
        measure: Measure,
        kind: Kind,
    ) -> Indicator {
        Indicator {
            id: id.into(),
            name,
            unit,
            measure,
            kind,
            polarity: Polarity::Higher,
            flow: false,
            nominal: false,
            of: None,
            section: None,
            tags: Vec::new(),
            formula: None,
            source: None,
        }
    }
}

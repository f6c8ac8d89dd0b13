//! The rules that can decide a verdict, named once: the assessment's `rule` field.

use serde::Serialize;

/// The rule that decided an assessment (SPEC §6). Its serde name is the stable code in
/// JSON, CSV and the bindings (`"final"`, `"partial.flow.linear"` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Rule {
    /// Data for the whole period, compared with the condition.
    #[serde(rename = "final")]
    Final,
    /// A target in percentage points on a series in %: the change of the whole
    /// period's figure against the previous year's, compared with the condition.
    #[serde(rename = "final.change")]
    FinalChange,
    /// A flow part-way through its period: share of the annual target done against
    /// the share of the period elapsed (时间过半、任务过半).
    #[serde(rename = "partial.flow.linear")]
    PartialFlowLinear,
    /// A flow part-way through its period against last year's share at the same point
    /// (seasonal benchmark).
    #[serde(rename = "partial.flow.seasonal")]
    PartialFlowSeasonal,
    /// A rate or share part-way through its period: the year-to-date figure against
    /// the condition; time elapsed does not matter to a rate.
    #[serde(rename = "partial.rate")]
    PartialRate,
    /// A stock before its deadline, short of its target, with no figure from before
    /// the year to measure progress from: pending.
    #[serde(rename = "partial.stock")]
    PartialStock,
    /// A stock before its deadline: progress from the base against time elapsed.
    #[serde(rename = "partial.stock.linear")]
    PartialStockLinear,
    /// A stock that already meets its condition before the deadline.
    #[serde(rename = "partial.stock.reached")]
    PartialStockReached,
    /// Done or not done by a date.
    #[serde(rename = "milestone")]
    Milestone,
    /// A multi-year growth or level target: compound annual growth since the base year
    /// against the growth required (Eurostat SDG classes).
    #[serde(rename = "multi_year.cagr")]
    MultiYearCagr,
    /// A multi-year target on a flow in absolute units: the sum of the yearly figures
    /// (or a published cumulative figure) against the target, part-way against the
    /// share of the period elapsed.
    #[serde(rename = "multi_year.cumulative")]
    MultiYearCumulative,
    /// A multi-year change ("降低〔13.5%〕", "提高X个百分点"): the change over the
    /// period so far — published, or the yearly changes compounded (%) or added
    /// (points, units), or a share's latest level against its base year — against the
    /// target; part-way by the average annual rate required (for % changes) or the
    /// share of the years elapsed (for points).
    #[serde(rename = "multi_year.change")]
    MultiYearChange,
    /// A reference target whose value is not bound yet: its key is not in the plan's
    /// references, or the indicator it names has no figure for the period yet.
    #[serde(rename = "reference.unbound")]
    ReferenceUnbound,
    /// The period is over and there is no figure for it.
    #[serde(rename = "no_data")]
    NoData,
    /// The period is over and only part of it has a figure: not progress, no data.
    #[serde(rename = "no_data.partial_only")]
    NoDataPartialOnly,
    /// The period is still open and there is no figure yet.
    #[serde(rename = "no_data.period_open")]
    NoDataPeriodOpen,
    /// The target names an indicator the plan does not have.
    #[serde(rename = "unknown_indicator")]
    UnknownIndicator,
    /// The figures could not be compared with the target (see the notes).
    #[serde(rename = "error")]
    Error,
}

impl Rule {
    /// True for the rules that judge a flow or a stock against time elapsed, whose
    /// explanations give the time progress.
    pub fn uses_time_progress(self) -> bool {
        matches!(
            self,
            Rule::PartialFlowLinear
                | Rule::PartialFlowSeasonal
                | Rule::PartialStockLinear
                | Rule::MultiYearCumulative
                | Rule::MultiYearChange
        )
    }
}

impl std::fmt::Display for Rule {
    /// The stable code, as serialised.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::schema::variant_name(self))
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn codes_are_the_serde_names() {
        assert_eq!(Rule::Final.to_string(), "final");
        assert_eq!(Rule::PartialFlowLinear.to_string(), "partial.flow.linear");
        assert_eq!(Rule::NoDataPartialOnly.to_string(), "no_data.partial_only");
        assert_eq!(
            serde_json::to_string(&Rule::MultiYearCumulative).unwrap(),
            "\"multi_year.cumulative\""
        );
    }
}

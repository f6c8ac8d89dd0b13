//! `Scorecard`: the result of `plan.evaluate`, over [`planwatch::Scorecard`].

use planwatch::{Lang, Period, Scorecard};
use wasm_bindgen::prelude::*;

use crate::errors;
use crate::js::plain;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Verdict of one target (SPEC §6). */
export type Status = "met" | "missed" | "on_track" | "behind" | "no_data" | "pending" | "not_comparable";
/** Binding force of a target. */
export type Kind = "expected" | "binding" | "task";
/** A name or sentence in Chinese and English. */
export interface Names { zh: string; en: string; }
/** Where a target is stated in its source document; spans count characters (code points). */
export interface Provenance {
  document?: string;
  quote?: string;
  section?: string;
  span?: [number, number];
}
/** A value an assessment used: an observation or an input of a derived indicator. */
export interface AssessmentInput {
  indicator: string;
  period: string;
  /** Decimal text in `unit`. */
  value: string;
  unit: string;
  status: "preliminary" | "revised" | "final";
  vintage: string | null;
  source: string | null;
}
/**
 * The explained verdict of one target. Field names are the core's JSON names
 * (ARCHITECTURE.md); decimals are strings so they stay exact.
 */
export interface Assessment {
  target: string;
  indicator: string;
  name: Names;
  kind: Kind;
  tier: "base" | "stretch";
  section: string | null;
  period: string;
  condition: string;
  comparator: string;
  status: Status;
  severity: "error" | "warning" | "info" | null;
  grade: "exceeded" | "achieved" | "basically_achieved" | "not_achieved" | null;
  observed: string | null;
  observed_period: string | null;
  target_value: string | null;
  target_high: string | null;
  unit: string;
  completion: string | null;
  gap: string | null;
  gap_unit: string;
  time_progress: string | null;
  expected_progress: string | null;
  required_growth: string | null;
  cagr: string | null;
  required_cagr: string | null;
  progress_class: "significant" | "moderate" | "insufficient" | "moving_away" | null;
  previous: string | null;
  previous_period: string | null;
  inputs: AssessmentInput[];
  rule: string;
  base: string | null;
  base_status: Status | null;
  reference: string | null;
  conflicts: AssessmentInput[];
  notes: string[];
  explanation: Names;
  source: Provenance | null;
}
/** Counts of assessments by status. */
export interface StatusCounts {
  total: number;
  met: number;
  missed: number;
  on_track: number;
  behind: number;
  no_data: number;
  pending: number;
  not_comparable: number;
}
/** The counts of one group: a kind of base target (`binding`), the stretch tiers
 * (`stretch`), or a section (`三.(七)`). */
export interface GroupCounts { key: string; counts: StatusCounts; }
/** A stretch tier and the base tier of the same indicator. */
export interface StretchRow {
  target: string;
  indicator: string;
  status: Status;
  base_target: string | null;
  base_status: Status | null;
}
/** Counts by status, by kind and by section; binding misses; stretch tiers. */
export interface Summary {
  all: StatusCounts;
  by_kind: GroupCounts[];
  by_section: GroupCounts[];
  /** Target ids of the binding targets missed. */
  binding_misses: string[];
  /** Target ids of the stretch tiers reached. */
  stretch_reached: string[];
  stretch: StretchRow[];
}
/** The whole scorecard as plain data: what `JSON.stringify(scorecard)` writes. */
export interface ScorecardData {
  plan: string;
  title: string | null;
  jurisdiction: string | null;
  period: string;
  as_of: string | null;
  /** The date the verdicts were judged at: `as_of`, or the latest publication / plan end. */
  evaluated_on: string;
  /** The 基本完成 margins the verdicts were graded with (decimal strings). */
  margins: { basic_ratio: string; basic_margin_pp: string };
  assessments: Assessment[];
  summary: Summary;
}
/** Language of a report: Chinese (the default) or English. */
export type Lang = "zh" | "en";
"#;

/// Every target of a plan assessed at one date, with a summary.
#[wasm_bindgen(js_name = Scorecard)]
pub struct JsScorecard {
    inner: Scorecard,
}

impl JsScorecard {
    pub(crate) fn new(inner: Scorecard) -> JsScorecard {
        JsScorecard { inner }
    }
}

#[wasm_bindgen(js_class = Scorecard)]
impl JsScorecard {
    /// The assessments, in plan order.
    #[wasm_bindgen(unchecked_return_type = "Assessment[]")]
    pub fn records(&self) -> Result<JsValue, JsValue> {
        plain(&self.inner.assessments)
    }

    /// The assessments in reading order: binding misses first, then by section in the
    /// document's order, then plan order.
    #[wasm_bindgen(unchecked_return_type = "Assessment[]")]
    pub fn ordered(&self) -> Result<JsValue, JsValue> {
        plain(&self.inner.ordered())
    }

    /// The assessment of the target `id`, or undefined.
    #[wasm_bindgen(unchecked_return_type = "Assessment | undefined")]
    pub fn assessment(&self, id: &str) -> Result<JsValue, JsValue> {
        match self.inner.assessment(id) {
            Some(a) => plain(a),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Counts by status, by kind and by section; the binding misses; the stretch tiers.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        plain(&self.inner.summary)
    }

    /// What `plan.check(observations)` finds: every observation on an indicator the
    /// plan does not define (never used) and contradictions, each at its row.
    #[wasm_bindgen(unchecked_return_type = "PlanwatchIssue[]")]
    pub fn issues(&self) -> JsValue {
        errors::issues(&self.inner.issues)
    }

    /// The whole scorecard as plain data (the fields of `Scorecard::to_json`), so
    /// `JSON.stringify(scorecard)` writes it.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "ScorecardData")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        plain(&self.inner)
    }

    /// The plan id.
    #[wasm_bindgen(getter)]
    pub fn plan(&self) -> String {
        self.inner.plan.clone()
    }

    /// The plan title, or undefined.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> Option<String> {
        self.inner.title.clone()
    }

    /// The plan's jurisdiction, or undefined.
    #[wasm_bindgen(getter)]
    pub fn jurisdiction(&self) -> Option<String> {
        self.inner.jurisdiction.clone()
    }

    /// The plan period, such as "2024".
    #[wasm_bindgen(getter)]
    pub fn period(&self) -> String {
        self.inner.period.to_string()
    }

    /// The evaluation date "YYYY-MM-DD" given in the options, or undefined.
    #[wasm_bindgen(getter, js_name = asOf)]
    pub fn as_of(&self) -> Option<String> {
        // Written by `Period`'s Display (the same text) rather than jiff's printer.
        self.inner.as_of.map(|d| Period::Date(d).to_string())
    }

    /// The date "YYYY-MM-DD" the verdicts were judged at (`asOf`, or the latest
    /// publication / the plan period's end when none was given).
    #[wasm_bindgen(getter, js_name = evaluatedOn)]
    pub fn evaluated_on(&self) -> String {
        Period::Date(self.inner.evaluated_on).to_string()
    }

    /// A standalone HTML page with inline CSS and SVG bullet charts.
    #[wasm_bindgen(js_name = toHtml)]
    pub fn to_html(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    ) -> Result<String, JsValue> {
        Ok(self.inner.to_html(lang_of(lang)?))
    }

    /// The body of `toHtml` as one `<div class="pw-report">` with its own scoped style.
    #[wasm_bindgen(js_name = toHtmlFragment)]
    pub fn to_html_fragment(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    ) -> Result<String, JsValue> {
        Ok(self.inner.to_html_fragment(lang_of(lang)?))
    }

    /// One CSV row per assessment, with exact values and both languages.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> String {
        self.inner.to_csv()
    }
}

/// "zh" (the default) or "en"; the core parses the name and reports a bad one.
fn lang_of(lang: Option<String>) -> Result<Lang, JsValue> {
    lang.as_deref()
        .map_or(Ok(Lang::Zh), str::parse)
        .map_err(errors::to_js)
}

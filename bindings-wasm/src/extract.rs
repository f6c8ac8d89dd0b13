//! `extract` and `draftPlan`: report text to findings and to a draft plan, over
//! [`planwatch::extraction`].

use planwatch::extraction::{self as core, DraftOptions, Finding, Warning};
use planwatch::Period;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::errors;
use crate::js::{field, optional_string, plain};
use crate::plan::JsPlan;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/**
 * One number of a report that measures something. Spans are [start, end) in
 * characters (code points) of the input, as Rust and Python count them; for a string
 * with characters outside the BMP, map them to UTF-16 indices before `slice`.
 */
export interface Finding {
  status: FindingStatus;
  /** What decided the status: "section", "default", or the cue words as written (同比, 力争, 2023年). */
  status_cue: string;
  /** The indicator phrase as written. */
  indicator: string;
  indicator_span: [number, number];
  /** The number expression: first digit through the unit. */
  span: [number, number];
  measure: FindingMeasure;
  /** ">=", ">", "<=", "<", "=", "~", "between" or "reference". */
  op: string;
  /** The value in the base unit, as decimal text (590亿元 → "59000000000"). */
  value: string | null;
  /** The upper bound of a range. */
  value_hi: string | null;
  /** The base unit symbol ("元", "人", "%"). */
  unit: string | null;
  /** A 力争/争取/努力 tier. */
  stretch: boolean;
  /** The deadline or period marker as written (到2024年底, 全年). */
  by: string | null;
  /** 累计: a running total. */
  cumulative: boolean;
  /** The sentence the number is in. */
  sentence: string;
  sentence_span: [number, number];
  /** A 预计 / 初步核算 figure: an actual that is not final. */
  estimate: boolean;
  /** The digits look damaged by OCR; the value is left unknown. */
  ocr_suspect: boolean;
  /** The section path of the heading above (三.(二)). */
  section: string | null;
  /** The titles of the headings above. */
  heading: string | null;
}
/** Whether a finding is a target or an actual. */
export type FindingStatus = "target" | "actual";
/** What the number of a finding measures. */
export type FindingMeasure = "growth" | "level" | "share" | "change" | "count" | "rank" | "ratio";
/** Something the reader of an extraction should know. */
export interface ExtractionWarning {
  code: string;
  message: string;
  span: [number, number] | null;
}
/** The result of `extract`. */
export interface Extraction {
  /** The findings, in text order. */
  findings: Finding[];
  warnings: ExtractionWarning[];
  /** The year being planned, as detected. */
  plan_year: number | null;
}
/** Settings of `draftPlan`; every field is optional. */
export interface DraftOptions {
  /** The plan id (default "draft-<year>"). */
  id?: string | null;
  /** The plan period, such as "2024" (default: detected from the text). */
  period?: string | null;
  /** The id of the source document, recorded in every provenance. */
  document?: string | null;
  /** The plan title (default: the first line of the text, when it is short). */
  title?: string | null;
}
"#;

#[derive(Serialize)]
struct Extraction<'a> {
    findings: &'a [Finding],
    warnings: &'a [Warning],
    plan_year: Option<i32>,
}

/// Finds the targets and actuals of report text, each with its character spans.
/// Throws code "too_large" for text beyond the core's limit (64 MiB).
#[wasm_bindgen(unchecked_return_type = "Extraction")]
pub fn extract(text: &str) -> Result<JsValue, JsValue> {
    let found = core::try_extract(text).map_err(errors::to_js)?;
    plain(&Extraction {
        findings: &found.findings,
        warnings: &found.warnings,
        plan_year: found.plan_year,
    })
}

/// Drafts a plan from report text: every target found becomes a target of the plan,
/// with its quoted sentence and span as provenance. Throws code "period" when no plan
/// year can be found and none is given.
#[wasm_bindgen(js_name = draftPlan)]
pub fn draft_plan(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "DraftOptions")] options: Option<JsValue>,
) -> Result<JsPlan, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let period = optional_string(&field(&options, "period")?, "period")?
        .map(|p| Period::parse(&p))
        .transpose()
        .map_err(errors::to_js)?;
    let draft = DraftOptions {
        id: optional_string(&field(&options, "id")?, "id")?,
        period,
        document: optional_string(&field(&options, "document")?, "document")?,
        title: optional_string(&field(&options, "title")?, "title")?,
    };
    core::draft_plan(text, &draft)
        .map(JsPlan::new)
        .map_err(errors::to_js)
}

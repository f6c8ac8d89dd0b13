//! `parseQuantity`: a quantity as plain data, over [`planwatch::Quantity`].

use planwatch::Quantity;
use wasm_bindgen::prelude::*;

use crate::errors;
use crate::js::plain;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A quantity as plain data. Decimals are strings so they stay exact. */
export interface QuantityInfo {
  /** The value in `unit`, as decimal text, e.g. "59000000000". */
  value: string;
  /** The canonical unit symbol, e.g. "元". */
  unit: string;
  /** The dimension, e.g. "money". */
  dimension: string;
  /** Written in Chinese style, e.g. "590亿元". */
  zh: string;
  /** Written in English, e.g. "59 billion yuan". */
  en: string;
}

/** Where an error is; unknown parts are null. */
export interface PlanwatchLocation {
  /** The file name or label of the input ("plan.toml", "observations.csv"). */
  file: string | null;
  /** 1-based line (row of a CSV file, counting the header as line 1). */
  line: number | null;
  /** 1-based column (field of a CSV row). */
  column: number | null;
  /** Structured path: "target[2].condition", "[3].value". */
  path: string | null;
  /** Byte offset (UTF-8) in the input text. */
  byteOffset: number | null;
  /** Character (code point) offset in the input text. */
  charOffset: number | null;
}

/**
 * One problem found while validating a plan or a batch of observations: the core's
 * issue record (`planwatch::Issue`), the same keys as Python's issue dicts and in the
 * same order. Unknown parts are null.
 */
export interface PlanwatchIssue {
  /** Stable code of the problem: "unknown_unit", "bad_value", … */
  code: string;
  /** What is wrong. */
  message: string;
  /** The file name or label of the input ("plan.toml", "observations.csv", "records"). */
  file: string | null;
  /** 1-based line (row of a CSV file, counting the header as line 1). */
  line: number | null;
  /** 1-based column (field of a CSV row). */
  column: number | null;
  /** Structured path: "target[2].condition", "[3].value". */
  path: string | null;
  /** The record's index for records (`fromRecords`), a row's label text for JSON records. */
  row: number | string | null;
  /** The column (key) of a record or table. */
  field: string | null;
  /** Byte offset (UTF-8) in the input text. */
  byte_offset: number | null;
  /** Character (code point) offset in the input text. */
  char_offset: number | null;
  /** The offending input as written (a cell's text). */
  input: string | null;
  /** What would be accepted there. */
  hint: string | null;
}

/** What every planwatch function throws: an `Error` with data properties. */
export interface PlanwatchError extends Error, PlanwatchLocation {
  /** Stable code of the kind of error: "parse", "unknown_unit", "validation", … */
  code: string;
  /** What the parser expected at the offset, for parse errors. */
  expected: string | null;
  /** Every problem of a plan or observation batch (code "validation"); else empty. */
  issues: PlanwatchIssue[];
}
"#;

/// Parses a quantity written in Chinese or with digits, such as "590 亿元" or "16.4%".
///
/// Throws a `PlanwatchError` (an `Error` with `code: "parse"` and offsets) when the
/// text is not a quantity.
#[wasm_bindgen(js_name = parseQuantity, unchecked_return_type = "QuantityInfo")]
pub fn parse_quantity(text: &str) -> Result<JsValue, JsValue> {
    let quantity = Quantity::parse(text).map_err(errors::to_js)?;
    plain(&quantity.info())
}

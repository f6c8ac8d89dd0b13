//! `parseQuantity`: a quantity as plain data, over [`planwatch::Quantity`].

use planwatch::Quantity;
use wasm_bindgen::prelude::*;

use crate::{errors, plain};

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

/** Where in its input an error was found; unknown parts are null. */
export interface PlanwatchLocation {
  byte: number | null;
  char: number | null;
  file: string | null;
  line: number | null;
  column: number | null;
  path: string | null;
}

/** One problem found while validating a plan or observations. */
export interface PlanwatchIssue {
  code: string;
  location: PlanwatchLocation;
  message: string;
}

/** What every planwatch function throws: an `Error` with data properties. */
export interface PlanwatchError extends Error {
  /** Stable code of the kind of error: "parse", "unknown_unit", … */
  code: string;
  /** Byte offset (UTF-8) of the problem in the input text, or null. */
  byteOffset: number | null;
  /** Character (code point) offset of the problem in the input text, or null. */
  charOffset: number | null;
  /** What the parser expected at the offset, for parse errors. */
  expected: string | null;
  location: PlanwatchLocation;
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

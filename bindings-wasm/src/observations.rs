//! `Observations`: batches of actual statistics, over [`planwatch::Observations`], and
//! the conversion of what `plan.evaluate` accepts (CSV text, an array of records or an
//! `Observations`).

use std::rc::Rc;

use planwatch::{KeyedRecord, Observations};
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;

use crate::errors;
use crate::sys::{self, Array};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/**
 * One observation as a plain object, with the column names of observation CSV files.
 * `value` is decimal text ("18746", "1.5万") or a number (read through its shortest
 * round-trip text: write strings to stay exact beyond 15 digits); `true`/`false` mean
 * done/not done for milestones. Absent, null and "" are the same.
 */
export interface ObservationInput {
  indicator: string;
  period: string;
  value: string | number | boolean;
  unit?: string | null;
  /** "preliminary", "revised" or "final" (the default). */
  status?: string | null;
  /** Publication date "YYYY-MM-DD". */
  vintage?: string | null;
  source?: string | null;
  jurisdiction?: string | null;
}

/** The result of a lenient load: the rows that loaded and every rejected row's problem. */
export interface LenientObservations {
  observations: Observations;
  rejected: PlanwatchIssue[];
}

/** What `plan.evaluate` and `Observations.concat` accept: CSV text, records, or a batch. */
export type ObservationsInput = string | ObservationInput[] | Observations;
"#;

/// A batch of observations. Immutable: `concat` returns a new batch.
#[wasm_bindgen(js_name = Observations)]
pub struct JsObservations {
    // Shared, so that handing a batch to `evaluate` copies nothing (see `share`).
    inner: Rc<Observations>,
}

impl JsObservations {
    fn new(inner: Observations) -> JsObservations {
        JsObservations {
            inner: Rc::new(inner),
        }
    }
}

#[wasm_bindgen(js_class = Observations)]
impl JsObservations {
    /// Loads CSV text with the header `indicator,period,value,unit` and optional
    /// `status,vintage,source,jurisdiction` columns. All or nothing: a bad row throws
    /// code "validation" with every bad row in `issues`, each with its `line` and `column`.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(text: &str, file: Option<String>) -> Result<JsObservations, JsValue> {
        let file = file.as_deref().unwrap_or("observations.csv");
        Observations::from_csv_str(text, file)
            .map(JsObservations::new)
            .map_err(errors::to_js)
    }

    /// Like `fromCsv`, but keeps the good rows: returns `{ observations, rejected }`,
    /// the rows that loaded and every rejected row's problem, for a caller who decides
    /// to go on. Throws only when the file itself is unusable (no header, too large).
    #[wasm_bindgen(js_name = fromCsvLenient, unchecked_return_type = "LenientObservations")]
    pub fn from_csv_lenient(text: &str, file: Option<String>) -> Result<JsValue, JsValue> {
        let file = file.as_deref().unwrap_or("observations.csv");
        let lenient = Observations::from_csv_str_lenient(text, file).map_err(errors::to_js)?;
        let rejected = errors::issues(&lenient.rejected);
        let out: JsValue = sys::Object::new().into();
        let observations: JsValue = JsObservations::new(lenient.observations).into();
        sys::reflect_set(&out, &"observations".into(), &observations)?;
        sys::reflect_set(&out, &"rejected".into(), &rejected)?;
        Ok(out)
    }

    /// Loads JSON text: an array of records with the CSV column names as keys.
    /// Problems carry the record's `path`, such as "[3].value".
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str, file: Option<String>) -> Result<JsObservations, JsValue> {
        let file = file.as_deref().unwrap_or("observations.json");
        Observations::from_json_str(text, file)
            .map(JsObservations::new)
            .map_err(errors::to_js)
    }

    /// Builds a batch from plain objects, validated like CSV rows: every bad record is
    /// a problem with its index as `row`, its `path` ("[3].value"), the key as `field`
    /// and `label` as its `file` (default "records"); keys that are not columns are
    /// `unknown_field` problems.
    #[wasm_bindgen(js_name = fromRecords)]
    pub fn from_records(
        #[wasm_bindgen(unchecked_param_type = "ObservationInput[]")] records: JsValue,
        label: Option<String>,
    ) -> Result<JsObservations, JsValue> {
        records_of(&records, label.as_deref().unwrap_or("records")).map(JsObservations::new)
    }

    /// The built-in observations of a dataset, such as "nanshan-2024".
    pub fn builtin(name: &str) -> Result<JsObservations, JsValue> {
        Observations::builtin(name)
            .map(JsObservations::new)
            .map_err(errors::to_js)
    }

    /// A new batch holding this one's observations followed by `other`'s. Revisions
    /// are kept side by side: evaluation picks the latest vintage.
    pub fn concat(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ObservationsInput")] other: JsValue,
    ) -> Result<JsObservations, JsValue> {
        let other = observations_of(&other)?;
        let mut all = (*self.inner).clone();
        all.extend((*other).clone());
        Ok(JsObservations::new(all))
    }

    /// The number of observations.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// The observations as CSV with all eight columns.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> String {
        self.inner.to_csv()
    }

    /// A second handle on the same batch, for `observations_of`: the handle is consumed
    /// when Rust takes it back, and the caller's object stays usable.
    #[wasm_bindgen(js_name = __share, skip_typescript)]
    pub fn share(&self) -> JsObservations {
        JsObservations {
            inner: Rc::clone(&self.inner),
        }
    }
}

/// Converts what `evaluate` accepts into observations: CSV text, an array of records,
/// or an `Observations`.
pub(crate) fn observations_of(value: &JsValue) -> Result<Rc<Observations>, JsValue> {
    if let Some(text) = value.as_string() {
        return Observations::from_csv_str(&text, "observations.csv")
            .map(Rc::new)
            .map_err(errors::to_js);
    }
    if Array::is_array(value) {
        return records_of(value, "records").map(Rc::new);
    }
    // wasm-bindgen gives up the JavaScript object a Rust value is taken from, so take
    // a fresh handle instead of the caller's own.
    let share = sys::reflect_get(value, &JsValue::from_str("__share")).unwrap_or_default();
    if share.is_function() {
        let share: &sys::Function = share.unchecked_ref();
        if let Some(handle) = share
            .call0(value)
            .ok()
            .and_then(|h| JsObservations::try_from_js_value(h).ok())
        {
            return Ok(handle.inner);
        }
    }
    Err(errors::invalid_value(
        "observations must be CSV text, an array of records or an Observations",
    ))
}

/// Records (an array of plain objects) read property by property into the core's
/// record path (`Observations::from_keyed_records`, which observation JSON files take
/// too), with no JSON text in between: a record that is not an object, a key that is
/// not a column, a value that cannot be a cell (an object, an array) and every field
/// that does not validate are each a problem at the record's index (`row`, and the
/// path `[3].value`) and key (`field`), all of them reported.
fn records_of(value: &JsValue, label: &str) -> Result<Observations, JsValue> {
    if !Array::is_array(value) {
        return Err(errors::invalid_value("records must be an array of objects"));
    }
    let records: &Array = value.unchecked_ref();
    let keyed: Vec<KeyedRecord> = records.iter().map(|r| record_of(&r)).collect();
    Observations::from_keyed_records(keyed, label).map_err(|e| {
        let err = errors::to_js(e);
        rows_as_positions(&err);
        err
    })
}

/// One record's keys and cell texts; `None` for a value that is not an object.
fn record_of(record: &JsValue) -> KeyedRecord {
    if !record.is_object() || Array::is_array(record) {
        return None;
    }
    let entries = sys::Object::entries(record);
    Some(
        entries
            .iter()
            .map(|entry| {
                let entry: Array = entry.unchecked_into();
                (
                    entry.get(0).as_string().unwrap_or_default(),
                    text_of(&entry.get(1)),
                )
            })
            .collect(),
    )
}

/// A value as the text of its cell, as the JSON path reads JSON values: a string as
/// it is, a number by JavaScript's own shortest round-trip text (`String(x)`), a
/// BigInt by its digits, `true`/`false` as a milestone's done / not done, `null` and
/// `undefined` as empty; `None` for anything else (an object, an array).
fn text_of(value: &JsValue) -> Option<String> {
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    if value.as_f64().is_some() || value.is_bigint() {
        return Some(sys::string_of(value));
    }
    if let Some(done) = value.as_bool() {
        return Some(if done { "done" } else { "not done" }.into());
    }
    if value.is_undefined() || value.is_null() {
        return Some(String::new());
    }
    None
}

/// The `row` of each issue of a thrown error as the record's index (a number), as
/// Python gives a list's records their index: the core labels rows with text.
fn rows_as_positions(err: &JsValue) {
    let issues = sys::reflect_get(err, &JsValue::from_str("issues")).unwrap_or_default();
    if !Array::is_array(&issues) {
        return;
    }
    let issues: &Array = issues.unchecked_ref();
    let key = JsValue::from_str("row");
    for issue in issues.iter() {
        let row = sys::reflect_get(&issue, &key)
            .ok()
            .and_then(|r| r.as_string());
        if let Some(n) = row.and_then(|r| r.parse::<u32>().ok()) {
            let _ = sys::reflect_set(&issue, &key, &JsValue::from(n));
        }
    }
}

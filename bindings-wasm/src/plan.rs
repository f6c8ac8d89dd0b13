//! `Plan`: load, write and evaluate a plan, over [`planwatch::Plan`].

use planwatch::{Options, Plan, Quantity};
use wasm_bindgen::prelude::*;

use crate::errors;
use crate::js::{field, optional_string};
use crate::observations::observations_of;
use crate::scorecard::JsScorecard;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Settings of `plan.evaluate`. */
export interface EvaluateOptions {
  /**
   * Evaluate as of this date, "YYYY-MM-DD": only observations published on or before
   * it count, and deadlines after it are still open. Absent or null: every observation
   * counts.
   */
  asOf?: string | null;
  /** 基本完成 margin for levels, a decimal string (default "0.95"). */
  basicRatio?: string;
  /** 基本完成 margin for rates, in percentage points, a decimal string (default "0.5"). */
  basicMarginPp?: string;
  /**
   * Throw instead of reporting figures that cannot be compared with their target
   * (code "not_comparable") or conflicting figures of one release (code "conflict").
   */
  strict?: boolean;
}

/** The name of a built-in dataset, for `Plan.builtin` and `Observations.builtin`. */
export type BuiltinName = "nanshan-2024" | "china-14fyp";
/** What `plan.check` finds: errors (the plan's own, and every observation on an
 * indicator the plan does not define, at its row) and warnings (contradictions it
 * cannot resolve). */
export interface PlanCheck {
  errors: PlanwatchIssue[];
  warnings: PlanwatchIssue[];
}
"#;

/// A development plan: indicators, targets and references.
#[wasm_bindgen(js_name = Plan)]
pub struct JsPlan {
    inner: Plan,
}

impl JsPlan {
    pub(crate) fn new(inner: Plan) -> JsPlan {
        JsPlan { inner }
    }
}

#[wasm_bindgen(js_class = Plan)]
impl JsPlan {
    /// Loads a plan from TOML text. `file` names the text in error locations
    /// (default "plan.toml"). Throws a `PlanwatchError` with code "validation" listing every
    /// problem, each with its line and column, or "parse" for a syntax error.
    #[wasm_bindgen(js_name = fromToml)]
    pub fn from_toml(text: &str, file: Option<String>) -> Result<JsPlan, JsValue> {
        let file = file.as_deref().unwrap_or("plan.toml");
        Plan::from_toml_str(text, file)
            .map(JsPlan::new)
            .map_err(errors::to_js)
    }

    /// Loads a plan from JSON text in the same schema as TOML (default file name
    /// "plan.json"). Problems carry their path, such as `target[3].condition`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str, file: Option<String>) -> Result<JsPlan, JsValue> {
        let file = file.as_deref().unwrap_or("plan.json");
        Plan::from_json_str(text, file)
            .map(JsPlan::new)
            .map_err(errors::to_js)
    }

    /// A built-in plan, such as "nanshan-2024". Throws code "unknown_dataset" for
    /// another name.
    pub fn builtin(name: &str) -> Result<JsPlan, JsValue> {
        Plan::builtin(name).map(JsPlan::new).map_err(errors::to_js)
    }

    /// The plan as TOML in the file schema; `Plan.fromToml` of it gives the same plan.
    #[wasm_bindgen(js_name = toToml)]
    pub fn to_toml(&self) -> Result<String, JsValue> {
        self.inner.to_toml().map_err(errors::to_js)
    }

    /// The plan as JSON text in the file schema.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.inner.to_json().map_err(errors::to_js)
    }

    /// The plan id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id.clone()
    }

    /// The title, or undefined.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> Option<String> {
        self.inner.title.clone()
    }

    /// The plan period, such as "2024".
    #[wasm_bindgen(getter)]
    pub fn period(&self) -> String {
        self.inner.period.to_string()
    }

    /// The jurisdiction, or undefined.
    #[wasm_bindgen(getter)]
    pub fn jurisdiction(&self) -> Option<String> {
        self.inner.jurisdiction.clone()
    }

    /// The id of the source document, or undefined.
    #[wasm_bindgen(getter)]
    pub fn document(&self) -> Option<String> {
        self.inner.document.clone()
    }

    /// Binds a value to a `ref:` key (the quota a city assigns, "8.5立方米/万元"), so
    /// the targets that refer to it can be evaluated. Throws "parse" for a value that
    /// is not a quantity and "dimension_mismatch" for one that does not suit the
    /// targets using the key.
    #[wasm_bindgen(js_name = bindReference)]
    pub fn bind_reference(&mut self, key: &str, value: &str) -> Result<(), JsValue> {
        let value = Quantity::parse(value).map_err(errors::to_js)?;
        self.inner.bind_reference(key, value).map_err(errors::to_js)
    }

    /// The number of targets.
    #[wasm_bindgen(getter, js_name = targetCount)]
    pub fn target_count(&self) -> usize {
        self.inner.targets.len()
    }

    /// Every check of the plan and of `observations` against it (CSV text, records or
    /// an `Observations`): `{ errors, warnings }`, each an array of problems like an
    /// error's `issues`. Errors: the plan's own problems and every observation on an
    /// indicator the plan does not define, at its row and column. Warnings: a ceiling
    /// on a higher-is-better indicator, year-to-date figures of an indicator that is
    /// not a flow. A batch that does not load throws as in `evaluate`.
    #[wasm_bindgen(unchecked_return_type = "PlanCheck")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ObservationsInput")] observations: JsValue,
    ) -> Result<JsValue, JsValue> {
        let observations = observations_of(&observations)?;
        let checked = self.inner.check(&observations);
        let out: JsValue = crate::sys::Object::new().into();
        for (key, issues) in [("errors", &checked.errors), ("warnings", &checked.warnings)] {
            crate::sys::reflect_set(&out, &key.into(), &errors::issues(issues))?;
        }
        Ok(out)
    }

    /// Evaluates every target against `observations`: CSV text, an array of records
    /// (`{ indicator, period, value, unit, … }`, values as strings or numbers) or an
    /// `Observations`. A bad batch throws code "validation" with every bad row in `issues`;
    /// a missed target is a status, never an error.
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ObservationsInput")] observations: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EvaluateOptions")] options: Option<JsValue>,
    ) -> Result<JsScorecard, JsValue> {
        let observations = observations_of(&observations)?;
        let options = options_of(&options.unwrap_or(JsValue::UNDEFINED))?;
        let card =
            planwatch::try_evaluate(&self.inner, &observations, &options).map_err(errors::to_js)?;
        Ok(JsScorecard::new(card))
    }

    /// Names of the built-in datasets (`"nanshan-2024"`, `"china-14fyp"`), each
    /// loadable with `Plan.builtin` and `Observations.builtin`.
    #[wasm_bindgen(js_name = builtinNames, unchecked_return_type = "BuiltinName[]")]
    pub fn builtin_names() -> Vec<String> {
        Plan::builtin_names()
            .iter()
            .map(|s| s.to_string())
            .collect()
    }
}

/// Reads `{ asOf, basicRatio, basicMarginPp, strict }`; absent fields keep the core's defaults.
fn options_of(value: &JsValue) -> Result<Options, JsValue> {
    let mut options = Options::default();
    if let Some(text) = optional_string(&field(value, "asOf")?, "asOf")? {
        options.as_of = Some(planwatch::period::parse_date(&text).map_err(errors::to_js)?);
    }
    if let Some(text) = optional_string(&field(value, "basicRatio")?, "basicRatio")? {
        options.basic_ratio = planwatch::parse_number(&text).map_err(errors::to_js)?;
    }
    if let Some(text) = optional_string(&field(value, "basicMarginPp")?, "basicMarginPp")? {
        options.basic_margin_pp = planwatch::parse_number(&text).map_err(errors::to_js)?;
    }
    let strict = field(value, "strict")?;
    if !(strict.is_undefined() || strict.is_null()) {
        options.strict = strict
            .as_bool()
            .ok_or_else(|| errors::invalid_value("strict must be a boolean"))?;
    }
    Ok(options)
}

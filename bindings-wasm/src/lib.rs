//! WebAssembly bindings of planwatch for the browser and Node, built with wasm-bindgen.
//!
//! This crate only converts types and errors between JavaScript and the core crate;
//! every rule lives in `planwatch`. The JavaScript API mirrors the core's, in camelCase:
//!
//! | JavaScript | core |
//! |---|---|
//! | `Plan.fromToml(text, file?)`, `Plan.fromJson`, `Plan.builtin(name)` | `Plan::from_toml_str`, `from_json_str`, `builtin` |
//! | `plan.toToml()`, `plan.toJson()`, `plan.bindReference(key, "8.5立方米/万元")` | `Plan::to_toml`, `to_json`, `bind_reference` |
//! | `plan.evaluate(observations, { asOf })` | `evaluate(&plan, &observations, &Options)` |
//! | `plan.check(observations)` | `Plan::check` |
//! | `Observations.fromCsv`, `fromJson`, `fromRecords`, `builtin`, `concat` | `Observations::from_csv_str`, `from_json_str`, `from_keyed_records`, `builtin`, `extend` |
//! | `scorecard.records()`, `ordered()`, `summary()`, `toJSON()` | `Scorecard::assessments`, `ordered`, `summary`, serde |
//! | `scorecard.toHtml(lang)`, `toHtmlFragment`, `toCsv` | `Scorecard::to_html` … (the text and Markdown reports are left out of the module for its size budget; Rust and Python have them) |
//! | `extract(text)`, `draftPlan(text, options?)` | `extraction::try_extract`, `extraction::draft_plan` |
//! | `parseQuantity(text)` | `Quantity::parse(..).info()` |
//!
//! Decimals cross as strings so they stay exact; results are plain objects and arrays
//! whose field names are the core's JSON names (the same as in Python and in JSON
//! files); errors are thrown as `Error`s with a `code` and location properties (see
//! `errors.rs`).
//!
//! The binding modules are compiled for `wasm32` only: on the host, wasm-bindgen's
//! JavaScript imports panic when called, and `cargo test --workspace` must still build.

#[cfg(target_arch = "wasm32")]
mod errors;
#[cfg(target_arch = "wasm32")]
mod extract;
#[cfg(target_arch = "wasm32")]
mod js;
#[cfg(target_arch = "wasm32")]
mod observations;
#[cfg(target_arch = "wasm32")]
mod plan;
#[cfg(target_arch = "wasm32")]
mod quantity;
#[cfg(target_arch = "wasm32")]
mod scorecard;
#[cfg(target_arch = "wasm32")]
mod sys;

#[cfg(target_arch = "wasm32")]
pub use extract::{draft_plan, extract};
#[cfg(target_arch = "wasm32")]
pub use observations::JsObservations;
#[cfg(target_arch = "wasm32")]
pub use plan::JsPlan;
#[cfg(target_arch = "wasm32")]
pub use quantity::parse_quantity;
#[cfg(target_arch = "wasm32")]
pub use scorecard::JsScorecard;

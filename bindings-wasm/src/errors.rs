//! Turns a core [`planwatch::Error`] into a thrown JavaScript `Error`.
//!
//! The thrown value is a plain `Error` (so `instanceof Error` holds and stack traces
//! work) with data properties, the way Node's own errors carry `code`:
//! `code`, `byteOffset`, `charOffset`, `expected`, `location` and `issues`. Absent
//! values are `null`, so every error has the same shape.

use js_sys::{Error as JsError, Reflect};
use wasm_bindgen::JsValue;

use crate::plain;

/// Converts a core error into the `Error` to throw. Meant for `.map_err(errors::to_js)`.
pub(crate) fn to_js(err: planwatch::Error) -> JsValue {
    let js = JsError::new(&err.to_string());
    let loc = err.location();
    set(&js, "code", &JsValue::from_str(err.code()));
    set(&js, "byteOffset", &optional_number(loc.byte));
    set(&js, "charOffset", &optional_number(loc.char));
    set(
        &js,
        "expected",
        &err.expected().map_or(JsValue::NULL, JsValue::from_str),
    );
    set(&js, "location", &plain(loc).unwrap_or(JsValue::NULL));
    set(&js, "issues", &plain(err.issues()).unwrap_or(JsValue::NULL));
    js.into()
}

/// Sets a property on a fresh `Error`, which cannot fail: it is an ordinary extensible
/// object and the keys are not accessors.
fn set(target: &JsError, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn optional_number(n: Option<usize>) -> JsValue {
    // Offsets fit an f64 exactly: inputs are far below 2^53 bytes.
    n.map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64))
}

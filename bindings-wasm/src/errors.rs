//! Turns a core [`planwatch::Error`] into a thrown JavaScript `Error`.
//!
//! The thrown value is a plain `Error` (so `instanceof Error` holds and stack traces
//! work) with data properties, the way Node's own errors carry `code`. Location
//! properties sit on the error itself, flat, so `err.line` reads like `err.code`:
//! `code`, `file`, `line`, `column`, `path`, `byteOffset`, `charOffset`, `expected`,
//! and `issues` — every problem of a plan or observation batch, each the core's issue
//! record (`planwatch::Issue`'s `Serialize`: `code`, `message`, `file`, `line`,
//! `column`, `path`, `row`, `field`, `byte_offset`, `char_offset`, `input`, `hint`),
//! the same keys as Python's issue dicts. Absent values are `null`, so every error and
//! every issue has the same shape.

use planwatch::{Issue, Location};
use wasm_bindgen::JsValue;

use crate::js::plain;
use crate::sys;

/// Converts a core error into the `Error` to throw. Meant for `.map_err(errors::to_js)`.
pub(crate) fn to_js(err: planwatch::Error) -> JsValue {
    let js: JsValue = sys::Error::new(&err.to_string()).into();
    set(&js, "code", &JsValue::from_str(err.code()));
    set_location(&js, err.location());
    set(&js, "expected", &optional_str(err.expected()));
    set(&js, "issues", &issues(err.issues()));
    js
}

/// An error of the binding's own making, for JavaScript values of the wrong type
/// (a number where a string is required, an object where observations are). The
/// code is the core's `invalid_value`, so callers test one set of codes.
pub(crate) fn invalid_value(message: &str) -> JsValue {
    to_js(planwatch::Error::new(
        planwatch::ErrorKind::InvalidValue,
        message,
    ))
}

/// Problems as an array of plain objects, each the core's issue record.
pub(crate) fn issues(list: &[Issue]) -> JsValue {
    // Serialising strings and numbers cannot fail; an empty array is never wrong-typed.
    plain(list).unwrap_or_else(|_| sys::Array::new().into())
}

fn set_location(target: &JsValue, loc: &Location) {
    set(target, "file", &optional_str(loc.file.as_deref()));
    set(target, "line", &optional_number(loc.line));
    set(target, "column", &optional_number(loc.column));
    set(target, "path", &optional_str(loc.path.as_deref()));
    set(target, "byteOffset", &optional_number(loc.byte));
    set(target, "charOffset", &optional_number(loc.char));
}

/// Sets a property on a fresh object, which cannot fail: it is an ordinary extensible
/// object and the keys are not accessors.
fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = sys::reflect_set(target, &JsValue::from_str(key), value);
}

fn optional_str(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

fn optional_number(n: Option<usize>) -> JsValue {
    // Offsets and line numbers fit an f64 exactly: inputs are far below 2^53 bytes.
    n.map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64))
}

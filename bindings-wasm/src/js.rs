//! Reading JavaScript arguments: optional strings and option objects.
//!
//! Arguments typed `any` on the wasm-bindgen side are checked here, so a wrong type is
//! a thrown `PlanwatchError` with code `invalid_value` rather than a panic or a
//! silent default.

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::errors;
use crate::sys;

/// Serialises to plain JavaScript data through JSON text: objects rather than `Map`s,
/// and exactly the fields and values of the core's JSON output. Going through
/// `serde_json` (which the core uses anyway) rather than a second serializer keeps one
/// copy of every `Serialize` implementation in the module, which matters for its size.
pub(crate) fn plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| errors::invalid_value(&format!("cannot serialise the result: {e}")))?;
    sys::json_parse(&text)
}

/// `options[key]` of an options object that may be `undefined` or `null`.
pub(crate) fn field(options: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsValue::UNDEFINED);
    }
    if !options.is_object() {
        return Err(errors::invalid_value("options must be an object"));
    }
    sys::reflect_get(options, &JsValue::from_str(key))
}

/// A string, or `None` for `undefined` and `null`; anything else is an error naming `what`.
pub(crate) fn optional_string(value: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| errors::invalid_value(&format!("{what} must be a string")))
}

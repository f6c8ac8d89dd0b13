//! The few JavaScript built-ins the bindings call, imported directly rather than
//! through `js-sys`.
//!
//! Linking `js-sys` at all brought in its exported `#[no_mangle]` describe functions,
//! whose closure adapters and JSPI task waker stayed in the module's function table
//! after `wasm-bindgen` had removed the functions themselves: about 1 KB gzipped of
//! code nothing could call (BENCHMARKS.md, "Session 7"). Each import below is the
//! JavaScript call `js-sys` made for the same method.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JavaScript array (`Array.isArray` holds).
    pub(crate) type Array;

    /// `new Array()`.
    #[wasm_bindgen(constructor)]
    pub(crate) fn new() -> Array;

    /// `Array.isArray(value)`.
    #[wasm_bindgen(static_method_of = Array, js_name = isArray)]
    pub(crate) fn is_array(value: &JsValue) -> bool;

    /// `array.length`.
    #[wasm_bindgen(method, structural, getter)]
    pub(crate) fn length(this: &Array) -> u32;

    /// `array[index]`.
    #[wasm_bindgen(method, structural, indexing_getter)]
    pub(crate) fn get(this: &Array, index: u32) -> JsValue;

    /// A plain JavaScript object.
    pub(crate) type Object;

    /// `new Object()`.
    #[wasm_bindgen(constructor)]
    pub(crate) fn new() -> Object;

    /// `Object.entries(object)`: the `[key, value]` pairs of its own enumerable
    /// string-keyed properties.
    #[wasm_bindgen(static_method_of = Object)]
    pub(crate) fn entries(object: &JsValue) -> Array;

    /// A JavaScript `Error`.
    pub(crate) type Error;

    /// `new Error(message)`.
    #[wasm_bindgen(constructor)]
    pub(crate) fn new(message: &str) -> Error;

    /// `Reflect.get(target, key)`, which throws when `target` is not an object.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub(crate) fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    /// `Reflect.set(target, key, value)`, which throws when `target` is not an object.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set, catch)]
    pub(crate) fn reflect_set(
        target: &JsValue,
        key: &JsValue,
        value: &JsValue,
    ) -> Result<bool, JsValue>;

    /// `JSON.parse(text)`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    pub(crate) fn json_parse(text: &str) -> Result<JsValue, JsValue>;

    /// `String(value)`: for a number its shortest round-trip text (as
    /// `Number.prototype.toString(10)`), for a BigInt its digits.
    #[wasm_bindgen(js_name = String)]
    pub(crate) fn string_of(value: &JsValue) -> String;

    /// A JavaScript function (`typeof` is "function").
    pub(crate) type Function;

    /// `function.call(this_arg)`.
    #[wasm_bindgen(method, js_name = call, catch)]
    pub(crate) fn call0(this: &Function, this_arg: &JsValue) -> Result<JsValue, JsValue>;
}

impl Array {
    /// The elements, read by index up to the length read once at the start (as
    /// `js_sys::Array::iter` did).
    pub(crate) fn iter(&self) -> impl Iterator<Item = JsValue> + '_ {
        (0..self.length()).map(|i| self.get(i))
    }
}

//! The WebAssembly binding — where the core ends and the browser begins. Compiled only for
//! wasm32. Requests and plans cross as plain JS objects (serde-wasm-bindgen); every error
//! becomes one JS `Error` with a `.code`, made by [`js_error`].

mod render;

use crate::error::PlanError;
use crate::request::{StrictValue, from_json, read_error};
use crate::{Lang, Response};
use js_sys::{Error, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `plan(request)`: the plan for a request object, as a plain object; throws an `Error` with
/// `.code` for bad input.
#[wasm_bindgen(js_name = plan)]
pub fn plan_js(request: JsValue) -> Result<JsValue, Error> {
    let response = plan_of(request)?;
    to_js(&response)
}

/// `planJson(text)`: the JSON-lines contract — the same bytes `samtaleplan --jsonl` writes for
/// the same line, a response or `{"error":…}`. Never throws.
#[wasm_bindgen(js_name = planJson)]
pub fn plan_json_js(request: &str) -> String {
    crate::plan_json(request)
}

/// `render(element, request)`: computes the plan and draws it into `element` (its children are
/// replaced), using text nodes only. Returns the plan; throws like `plan` and then leaves the
/// element untouched.
#[wasm_bindgen(js_name = render)]
pub fn render_js(element: &web_sys::Element, request: JsValue) -> Result<JsValue, Error> {
    let response = plan_of(request)?;
    render::draw(element, &response)
        .map_err(|e| js_error("E_RENDER", &format!("The plan could not be drawn: {e:?}")))?;
    to_js(&response)
}

/// A JS object is read exactly as its JSON text would be, so the two interfaces cannot drift:
/// the same duplicate-key, size and field rules apply.
fn plan_of(request: JsValue) -> Result<Response, Error> {
    let value: StrictValue =
        serde_wasm_bindgen::from_value(request).map_err(|e| plan_error(read_error(&e.to_string(), Lang::Da)))?;
    let text = serde_json::to_string(&value.0).map_err(|e| plan_error(read_error(&e.to_string(), Lang::Da)))?;
    let req = from_json(&text).map_err(plan_error)?;
    crate::plan(&req).map_err(plan_error)
}

fn to_js(response: &Response) -> Result<JsValue, Error> {
    response
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("E_INTERNAL", &e.to_string()))
}

fn plan_error(e: PlanError) -> Error {
    js_error(e.code.as_str(), &e.message)
}

/// The one way an error leaves the module: `new Error(message)` with `.code` set.
fn js_error(code: &str, message: &str) -> Error {
    let error = Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error
}

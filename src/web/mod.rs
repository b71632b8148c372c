//! The WebAssembly binding — where the core ends and the browser begins. Compiled only for
//! wasm32. Requests and plans cross as plain JS objects (serde-wasm-bindgen); every error
//! becomes one JS `Error` with `.code` (and `.field` where known), made by [`js_error`].

#[cfg(feature = "caseload")]
mod caseload;
mod render;

use crate::error::{ErrorCode, PlanError};
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
    render::draw(element, &response).map_err(|e| {
        // A DOM exception's message, without formatting machinery for arbitrary JS values.
        let detail = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| e.as_string())
            .unwrap_or_default();
        plan_error(PlanError::new(
            ErrorCode::Render,
            response.lang,
            format!("Planen kunne ikke vises på siden ({detail})."),
            format!("The plan could not be drawn on the page ({detail})."),
        ))
    })?;
    to_js(&response)
}

/// `ics(request, stamp)`: the plan as an iCalendar file (RFC 5545) — one all-day event per
/// samtale with an alarm the day before its latest date. `stamp` is the DTSTAMP, the current
/// UTC time as `YYYYMMDDTHHMMSSZ`: the caller's clock, never the module's.
#[wasm_bindgen(js_name = ics)]
pub fn ics_js(request: JsValue, stamp: &str) -> Result<String, Error> {
    let response = plan_of(request)?;
    let stamp = crate::ics::parse_stamp_in(stamp, response.lang).map_err(plan_error)?;
    Ok(crate::ics::ics(&response, stamp))
}

/// A JS object is read exactly as its JSON text would be, so the two interfaces cannot drift:
/// the same duplicate-key, depth, size and field rules apply.
fn plan_of(request: JsValue) -> Result<Response, Error> {
    let value: StrictValue =
        serde_wasm_bindgen::from_value(request).map_err(|e| plan_error(read_error(&e.to_string(), None, Lang::Da)))?;
    let text =
        serde_json::to_string(&value.0).map_err(|e| plan_error(PlanError::internal(&e.to_string(), Lang::Da)))?;
    let req = from_json(&text).map_err(plan_error)?;
    crate::plan(&req).map_err(plan_error)
}

fn to_js(response: &Response) -> Result<JsValue, Error> {
    response
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| plan_error(PlanError::internal(&e.to_string(), Lang::Da)))
}

/// The one way an error leaves the module: `new Error(message)` with `.code` and `.field`.
pub(crate) fn plan_error(e: PlanError) -> Error {
    js_error(e.code, &e.message, e.field.as_deref())
}

fn js_error(code: ErrorCode, message: &str, field: Option<&str>) -> Error {
    let error = Error::new(message);
    // Setting properties on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code.as_str()));
    if let Some(field) = field {
        let _ = Reflect::set(&error, &JsValue::from_str("field"), &JsValue::from_str(field));
    }
    error
}

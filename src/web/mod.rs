//! The WebAssembly binding — where the core ends and the browser begins. Compiled only for
//! wasm32. Requests and plans cross as plain JS objects through serde-wasm-bindgen: a request
//! object is read into the contract's [`RequestJson`] by the same reader that reads JSON text
//! ([`crate::contract::wire`]), after [`guard`] has refused what serde-wasm-bindgen cannot refuse in the contract's
//! words; a plan leaves through its `Serialize` as a plain object (JSON-compatible: objects, not
//! Maps; `null` for the contract's null fields). Every error becomes one JS `Error` with
//! `.code` (and `.field` where known), made by [`js_error`].

#[cfg(feature = "caseload")]
mod caseload;
mod guard;
mod render;

use crate::Response;
use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::lang::Lang;
use crate::contract::request::{MAX_REQUEST_BYTES, validate};
use crate::contract::wire::{RequestJson, from_input};
use js_sys::{Error, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The TypeScript types the derives cannot write: a date, and the error every function throws.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A date written YYYY-MM-DD. */
export type IsoDate = string;

/** What plan(), render() and ics() throw for bad input: an Error with a stable code. */
export interface PlanError extends Error {
  /** A stable code (see docs/contract.md). */
  code: ErrorCode;
  /** The field the error is about, as a JSON path: "start", "pauses[2].to". */
  field?: string;
}
"#;

/// `plan(request)`: the plan for a request object, as a plain object; throws an `Error` with
/// `.code` for bad input.
#[wasm_bindgen(js_name = plan, unchecked_return_type = "Plan")]
pub fn plan_js(#[wasm_bindgen(unchecked_param_type = "PlanRequest")] request: JsValue) -> Result<JsValue, Error> {
    let response = plan_of(request)?;
    to_js(&response)
}

/// `planJson(text)`: the JSON-lines contract — the same bytes `samtaleplan --jsonl` writes for
/// the same line, a response or `{"error":…}`. Never throws. Only in the caseload module: reading
/// JSON text takes serde_json's reader, 26 KB of gzipped WebAssembly the plan module (the page,
/// the element) does without, as it only ever gets objects (docs/performance.md).
#[cfg(feature = "caseload")]
#[wasm_bindgen(js_name = planJson)]
pub fn plan_json_js(request: &str) -> String {
    crate::plan_json(request)
}

/// `render(element, request)`: computes the plan and draws it into `element` (its children are
/// replaced), using text nodes only. Returns the plan; throws like `plan` and then leaves the
/// element untouched.
#[wasm_bindgen(js_name = render, unchecked_return_type = "Plan")]
pub fn render_js(
    element: &web_sys::Element,
    #[wasm_bindgen(unchecked_param_type = "PlanRequest")] request: JsValue,
) -> Result<JsValue, Error> {
    let response = plan_of(request)?;
    render::draw(element, &response).map_err(|e| {
        let detail = describe(&e);
        plan_error(PlanError::new(
            ErrorCode::Render,
            response.lang,
            format!("Planen kunne ikke vises på siden ({detail})."),
            format!("The plan could not be drawn on the page ({detail})."),
        ))
    })?;
    to_js(&response)
}

/// `ics(request, stamp, link?, includePast?)`: the plan as an iCalendar file (RFC 5545) — one
/// all-day event per samtale on its latest date, with an alarm three days before. `stamp` is the
/// DTSTAMP, the current UTC time as `YYYYMMDDTHHMMSSZ`: the caller's clock, never the module's.
/// `link` (the page's address of the plan) goes in each description; samtaler whose latest date
/// is before the request's `today` are left out unless `includePast`. `member` (a caseload's
/// member reference) goes, hashed, into each event's UID, so two members' calendars with the same
/// start do not overwrite each other's events; without it the UIDs are a citizen's, as before.
/// A `link` or `member` over 64 KiB is an `E_REQUEST_TOO_LARGE` naming it, before any work.
#[wasm_bindgen(js_name = ics)]
pub fn ics_js(
    #[wasm_bindgen(unchecked_param_type = "PlanRequest")] request: JsValue,
    stamp: &str,
    link: Option<String>,
    include_past: Option<bool>,
    member: Option<String>,
) -> Result<String, Error> {
    let (lang, request) = guard::check(&request).map_err(plan_error)?;
    // The link goes into every event, the member into every UID: bounded, as a request is,
    // before anything is computed.
    for (field, text) in [("link", &link), ("member", &member)] {
        if let Some(n) = text.as_ref().map(|t| t.len()).filter(|n| *n > MAX_REQUEST_BYTES) {
            return Err(plan_error(
                PlanError::new(
                    ErrorCode::RequestTooLarge,
                    lang,
                    format!("{field} fylder {n} bytes; grænsen er {MAX_REQUEST_BYTES} bytes (64 KiB)."),
                    format!("{field} is {n} bytes; the limit is {MAX_REQUEST_BYTES} bytes (64 KiB)."),
                )
                .at(field),
            ));
        }
    }
    let response = plan_of_checked(lang, request)?;
    let stamp = crate::present::ics::parse_stamp_in(stamp, response.lang).map_err(plan_error)?;
    let options = crate::present::ics::IcsOptions {
        link: link.as_deref(),
        include_past: include_past.unwrap_or(false),
        member: member.as_deref(),
    };
    Ok(crate::present::ics::ics(&response, stamp, &options))
}

/// A request object read by serde, as its JSON text would be: the same fields, codes and paths.
fn plan_of(request: JsValue) -> Result<Response, Error> {
    let (lang, request) = guard::check(&request).map_err(plan_error)?;
    plan_of_checked(lang, request)
}

/// A request that [`guard::check`] has passed (its language and its copy), read as JSON text is.
fn plan_of_checked(lang: Lang, request: JsValue) -> Result<Response, Error> {
    let json: RequestJson = from_input(serde_wasm_bindgen::Deserializer::from(request), lang, |e| {
        let message = e.to_string();
        // serde-wasm-bindgen's errors are JS Errors: their text begins "Error: ".
        message.strip_prefix("Error: ").unwrap_or(&message).to_owned()
    })
    .map_err(plan_error)?;
    let request = validate(json).map_err(plan_error)?;
    crate::plan(&request).map_err(plan_error)
}

/// A thrown JS value's message, without formatting machinery for arbitrary JS values.
fn describe(e: &JsValue) -> String {
    Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_default()
}

/// A value as a plain JS object: objects, not Maps; `null`, not `undefined`, for a `None`.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    value
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

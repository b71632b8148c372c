//! The WebAssembly binding — where the core ends and the browser begins. Compiled only for
//! wasm32. Requests and plans cross as plain JS objects: a request object is read into the
//! core's [`Json`] value and then exactly as its JSON text would be; a plan leaves as the JSON
//! text of the contract, parsed by the browser's `JSON.parse` — so `plan()` and `planJson()`
//! cannot differ. Every error becomes one JS `Error` with `.code` (and `.field` where known),
//! made by [`js_error`].

#[cfg(feature = "caseload")]
mod caseload;
mod render;

/// The plan module's allocator ([`crate::heap`]): 7 KB less than dlmalloc. The caseload module
/// keeps dlmalloc.
#[cfg(not(feature = "caseload"))]
#[global_allocator]
static HEAP: heap::Global = heap::Global(std::cell::UnsafeCell::new(crate::heap::Heap::new(heap::Wasm)));

#[cfg(not(feature = "caseload"))]
mod heap {
    use crate::heap::{Heap, Memory};
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::UnsafeCell;

    /// The module's linear memory.
    pub struct Wasm;

    impl Memory for Wasm {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            let before = core::arch::wasm32::memory_grow(0, pages);
            (before != usize::MAX).then(|| before * crate::heap::PAGE)
        }
    }

    pub struct Global(pub UnsafeCell<Heap<Wasm>>);

    // SAFETY: this module is built without threads (wasm32-unknown-unknown, no atomics; a build
    // with them stops below), so no two calls ever reach the heap at once.
    unsafe impl Sync for Global {}

    #[cfg(target_feature = "atomics")]
    compile_error!("src/heap.rs serves one thread: build the plan module without atomics");

    // SAFETY: `Heap` hands out distinct blocks of at least the layout's size and alignment, or
    // null; the calls never overlap (see `Sync`).
    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { (*self.0.get()).alloc(layout.size(), layout.align()) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { (*self.0.get()).dealloc(ptr, layout.size(), layout.align()) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            unsafe { (*self.0.get()).realloc(ptr, layout.size(), layout.align(), new_size) }
        }
    }
}

use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::json::{self, Json, JsonError, MAX_DEPTH, Object};
use crate::contract::request::{from_json, json_error};
use crate::{Lang, Response};
use js_sys::{Array, Error, Reflect};
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

/// `ics(request, stamp)`: the plan as an iCalendar file (RFC 5545) — one all-day event per
/// samtale with an alarm the day before its latest date. `stamp` is the DTSTAMP, the current
/// UTC time as `YYYYMMDDTHHMMSSZ`: the caller's clock, never the module's.
#[wasm_bindgen(js_name = ics)]
pub fn ics_js(request: JsValue, stamp: &str) -> Result<String, Error> {
    let response = plan_of(request)?;
    let stamp = crate::present::ics::parse_stamp_in(stamp, response.lang).map_err(plan_error)?;
    Ok(crate::present::ics::ics(&response, stamp))
}

/// A JS object is read exactly as its JSON text would be, so the two interfaces cannot drift:
/// the same duplicate-key, depth, size and field rules apply.
fn plan_of(request: JsValue) -> Result<Response, Error> {
    let value = from_js(&request, 0).map_err(plan_error)?;
    let mut text = String::new();
    json::write(&value, &mut text);
    let req = from_json(&text).map_err(plan_error)?;
    crate::plan(&req).map_err(plan_error)
}

/// A JS value as JSON: `undefined` and numbers that are not finite become `null` (as in
/// `JSON.stringify`, but a key is kept, so an unknown one is still refused); objects give their
/// own enumerable keys; values JSON has no word for (functions, symbols, BigInt) are refused.
/// Nesting past [`MAX_DEPTH`] — a cycle among them — is refused before it can exhaust the stack.
fn from_js(value: &JsValue, depth: usize) -> Result<Json, PlanError> {
    if depth > MAX_DEPTH {
        return Err(json_error(&JsonError::TooDeep, Lang::Da));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Json::Bool(b));
    }
    if let Some(s) = value.as_string() {
        return Ok(Json::String(s));
    }
    if value.as_f64().is_some() {
        let n = js_sys::Number::from(value.clone());
        if !js_sys::Number::is_finite(&n) {
            return Ok(Json::Null);
        }
        // The browser writes the number: JSON's form of a finite double, without Rust's float
        // formatting in the module.
        let text: String = n.to_string_with_radix(10).map_or_else(|_| "0".into(), String::from);
        return Ok(Json::Number(text));
    }
    if Array::is_array(value) {
        let array = Array::from(value);
        let mut items = Vec::with_capacity(array.length() as usize);
        for i in 0..array.length() {
            items.push(from_js(&array.get(i), depth + 1)?);
        }
        return Ok(Json::Array(items));
    }
    if value.is_object() && !value.is_function() {
        let mut object = Object::default();
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let item = Reflect::get(value, &key);
            let key = key.as_string().unwrap_or_default();
            let item = item.map_err(|e| unreadable(&key, &describe(&e)))?;
            object
                .insert(key, from_js(&item, depth + 1)?)
                .map_err(|e| json_error(&e, Lang::Da))?;
        }
        return Ok(Json::Object(object));
    }
    Err(not_json(&value.js_typeof().as_string().unwrap_or_default()))
}

/// The error for a JS value JSON cannot express.
fn not_json(what: &str) -> PlanError {
    PlanError::new(
        ErrorCode::Json,
        Lang::Da,
        format!("Forespørgslen indeholder en JavaScript-værdi, som JSON ikke kan udtrykke ({what})."),
        format!("The request holds a JavaScript value JSON cannot express ({what})."),
    )
}

/// The error for a field whose getter throws.
fn unreadable(key: &str, detail: &str) -> PlanError {
    PlanError::new(
        ErrorCode::Json,
        Lang::Da,
        format!(
            "Feltet {} kunne ikke læses ({detail}).",
            crate::contract::error::quote(key)
        ),
        format!(
            "The field {} could not be read ({detail}).",
            crate::contract::error::quote(key)
        ),
    )
    .at(key)
}

/// A thrown JS value's message, without formatting machinery for arbitrary JS values.
fn describe(e: &JsValue) -> String {
    Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_default()
}

/// A value of the contract as a plain JS object: its JSON text through `JSON.parse`.
fn to_js<T: json::ToJson>(value: &T) -> Result<JsValue, Error> {
    parse_js(&crate::to_json(value))
}

/// JSON text as a plain JS object.
pub(crate) fn parse_js(text: &str) -> Result<JsValue, Error> {
    js_sys::JSON::parse(text).map_err(|e| plan_error(PlanError::internal(&describe(&e), Lang::Da)))
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

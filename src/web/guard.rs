//! What serde-wasm-bindgen cannot refuse in the contract's words, refused before it reads a
//! request object. It reads objects through `Object.entries` and `Reflect.get` without catching
//! what a getter throws; it would read a list where an object belongs as key–value pairs; it
//! takes functions, symbols and BigInts as values JSON has; and it copies every string before
//! anyone can count it. So, looking only at the request's own fields and its pauses' (the
//! contract has nothing deeper; serde refuses an unknown field by its name, unread):
//!
//! - a field whose getter throws is an `E_JSON` naming the field;
//! - a function, symbol or BigInt is an `E_JSON` (JSON has no word for it);
//! - the request, or a pause, that is not an object (a list included) is an `E_NOT_OBJECT`;
//!   `pauses` that is neither a list nor null is an `E_TYPE`, a list longer than
//!   [`MAX_PAUSES`] an `E_TOO_MANY_PAUSES` from its `length` alone;
//! - strings longer than [`MAX_REQUEST_BYTES`] in all (counted in UTF-16 units, from each
//!   string's `length`, nothing copied) are an `E_REQUEST_TOO_LARGE`.
//!
//! It answers with the request's language, for serde's errors.

use super::describe;
use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::lang::Lang;
use crate::contract::request::{MAX_PAUSES, MAX_REQUEST_BYTES, too_large};
use crate::contract::wire::{not_object, too_many_pauses, wrong_type};
use crate::contract::words::Word;
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Checks a request object; gives its language (Danish when `lang` is not a known word).
pub(super) fn check(request: &JsValue) -> Result<Lang, PlanError> {
    let mut strings = 0;
    // The language is not known before the request's fields are read: their errors are Danish.
    let fields = own_fields(request, "", Lang::Da, &mut strings)?;
    let lang = fields
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| v.as_string())
        .and_then(|w| <Lang as Word>::parse(&w))
        .unwrap_or_default();
    if let Some((_, pauses)) = fields.iter().find(|(k, _)| k == "pauses") {
        if Array::is_array(pauses) {
            let pauses = pauses.unchecked_ref::<Array>();
            let n = pauses.length() as usize;
            if n > MAX_PAUSES {
                return Err(too_many_pauses(n, lang));
            }
            for (i, pause) in pauses.iter().enumerate() {
                own_fields(&pause, &format!("pauses[{i}]"), lang, &mut strings)?;
            }
        } else if !pauses.is_null() && !pauses.is_undefined() {
            return Err(wrong_type("pauses", "være en liste", "be an array", lang));
        }
    }
    if strings > MAX_REQUEST_BYTES {
        return Err(too_large(strings, lang));
    }
    Ok(lang)
}

/// The own enumerable fields of the object at `path` (`""` for the request), each read once;
/// adds the length of every string among them to `strings`.
fn own_fields(
    value: &JsValue,
    path: &str,
    lang: Lang,
    strings: &mut usize,
) -> Result<Vec<(String, JsValue)>, PlanError> {
    not_json(value, path, lang)?;
    if !value.is_object() || Array::is_array(value) {
        return Err(not_object(path, lang));
    }
    let mut fields = Vec::new();
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        let field = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        let item =
            Reflect::get(value, &JsValue::from_str(&key)).map_err(|e| unreadable(&field, &describe(&e), lang))?;
        not_json(&item, &field, lang)?;
        if let Some(s) = item.dyn_ref::<JsString>() {
            *strings += s.length() as usize;
        }
        fields.push((key, item));
    }
    Ok(fields)
}

/// Refuses a value JSON has no word for.
fn not_json(value: &JsValue, field: &str, lang: Lang) -> Result<(), PlanError> {
    if !(value.is_function() || value.is_symbol() || value.is_bigint()) {
        return Ok(());
    }
    let what = value.js_typeof().as_string().unwrap_or_default();
    let error = PlanError::new(
        ErrorCode::Json,
        lang,
        format!("Forespørgslen indeholder en JavaScript-værdi, som JSON ikke kan udtrykke ({what})."),
        format!("The request holds a JavaScript value JSON cannot express ({what})."),
    );
    Err(if field.is_empty() { error } else { error.at(field) })
}

/// The error for a field whose getter throws.
fn unreadable(field: &str, detail: &str, lang: Lang) -> PlanError {
    PlanError::new(
        ErrorCode::Json,
        lang,
        format!("Feltet {} kunne ikke læses ({detail}).", quote(field)),
        format!("The field {} could not be read ({detail}).", quote(field)),
    )
    .at(field)
}

//! What serde-wasm-bindgen cannot refuse in the contract's words, refused before it reads a
//! request object. It reads objects through `Object.entries` and `Reflect.get` without catching
//! what a getter throws; it would read a list where an object belongs as key–value pairs; it
//! takes functions, symbols and BigInts as values JSON has; and it copies every string before
//! anyone can count it. So, looking only at the request's own fields and its pauses' (the
//! contract has nothing deeper; serde refuses an unknown field by its name, unread):
//!
//! - a field whose getter throws is an `E_JSON` naming the field, an object a Proxy's trap
//!   throws for (`ownKeys`, …) an `E_JSON` naming the object (none for the request);
//! - a function, symbol or BigInt is an `E_JSON` (JSON has no word for it);
//! - the request, or a pause, that is not a plain object (a list, a `Map`, a `Date` included) is
//!   an `E_NOT_OBJECT`;
//!   `pauses` that is neither a list nor null is an `E_TYPE`, a list longer than
//!   [`MAX_PAUSES`] an `E_TOO_MANY_PAUSES` from its `length` alone;
//! - strings longer than [`MAX_REQUEST_BYTES`] in all (counted in UTF-16 units, from each
//!   string's `length`, nothing copied) are an `E_REQUEST_TOO_LARGE`.
//!
//! It answers with the request's language, for serde's errors, and a copy of the request made
//! of plain objects and lists holding what it read (a value of a field that is an object or a
//! list becomes an empty one, refused by serde for its type alone): serde reads only that, so
//! no getter or trap runs twice and nothing it throws reaches JavaScript without a code.

use super::describe;
use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::lang::Lang;
use crate::contract::request::{MAX_PAUSES, MAX_REQUEST_BYTES, too_large};
use crate::contract::wire::{not_object, too_many_pauses, wrong_type};
use crate::contract::words::Word;
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Object.keys(value)`, catching what a Proxy's `ownKeys` or `getOwnPropertyDescriptor`
    /// trap throws (js_sys's `Object::keys` lets it through).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn keys(value: &JsValue) -> Result<Array, JsValue>;
    /// `Array.isArray(value)`, catching what a revoked Proxy throws.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Object.prototype.toString.call(value)`: `[object Object]` for a plain object (of any
    /// realm, a Proxy of one too), `[object Map]`, `[object Array]`, … otherwise.
    #[wasm_bindgen(catch, js_namespace = ["Object", "prototype", "toString"], js_name = call)]
    fn tag(value: &JsValue) -> Result<JsString, JsValue>;
}

/// Checks a request object; gives its language (Danish when `lang` is not a known word) and a
/// copy of it for serde to read: plain objects and lists holding the values read here, each
/// read once, so nothing serde reads can run a getter or a Proxy's trap again.
pub(super) fn check(request: &JsValue) -> Result<(Lang, JsValue), PlanError> {
    let mut strings = 0;
    // The language is not known before the request's fields are read: their errors are Danish.
    let fields = own_fields(request, "", Lang::Da, &mut strings)?;
    let lang = fields
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| v.as_string())
        .and_then(|w| <Lang as Word>::parse(&w))
        .unwrap_or_default();
    let mut copy = Vec::with_capacity(fields.len());
    for (key, value) in fields {
        let value = if key == "pauses" {
            pauses(&value, lang, &mut strings)?
        } else {
            leaf(&value, &key, lang)?
        };
        copy.push((key, value));
    }
    if strings > MAX_REQUEST_BYTES {
        return Err(too_large(strings, lang));
    }
    Ok((lang, plain(copy, lang)?))
}

/// The `pauses` field: a list (its length checked before any pause is read) of objects, copied;
/// null and undefined as they are; anything else an `E_TYPE`.
fn pauses(value: &JsValue, lang: Lang, strings: &mut usize) -> Result<JsValue, PlanError> {
    if value.is_null() || value.is_undefined() {
        return Ok(value.clone());
    }
    if !is_array(value).map_err(|e| unreadable("pauses", &describe(&e), lang))? {
        return Err(wrong_type("pauses", "være en liste", "be an array", lang));
    }
    let length = Reflect::get(value, &JsValue::from_str("length"))
        .map_err(|e| unreadable("pauses", &describe(&e), lang))?
        .as_f64()
        .unwrap_or(0.0);
    // A length is at most 2³² − 1; a Proxy may say anything, so it is bounded before use.
    if length > MAX_PAUSES as f64 {
        return Err(too_many_pauses(length as usize, lang));
    }
    let copy = Array::new();
    for i in 0..length.max(0.0) as u32 {
        let path = format!("pauses[{i}]");
        let pause = Reflect::get_u32(value, i).map_err(|e| unreadable(&path, &describe(&e), lang))?;
        let mut fields = Vec::new();
        for (key, item) in own_fields(&pause, &path, lang, strings)? {
            let item = leaf(&item, &format!("{path}.{key}"), lang)?;
            fields.push((key, item));
        }
        copy.push(&plain(fields, lang)?);
    }
    Ok(copy.into())
}

/// A value where the contract has a string, number or boolean: as it is, or, when an object or
/// a list, an empty one of its kind, which serde refuses for its type as it would the original,
/// without reading into it.
fn leaf(value: &JsValue, field: &str, lang: Lang) -> Result<JsValue, PlanError> {
    if !value.is_object() {
        return Ok(value.clone());
    }
    Ok(
        match is_array(value).map_err(|e| unreadable(field, &describe(&e), lang))? {
            true => Array::new().into(),
            false => Object::new().into(),
        },
    )
}

/// A plain object of the fields, each an own data property (a field named `__proto__` too).
fn plain(fields: Vec<(String, JsValue)>, lang: Lang) -> Result<JsValue, PlanError> {
    let entries: Array = fields
        .into_iter()
        .map(|(k, v)| Array::of2(&JsValue::from_str(&k), &v))
        .collect();
    Object::from_entries(&entries)
        .map(JsValue::from)
        .map_err(|e| PlanError::internal(&describe(&e), lang))
}

/// The own enumerable fields of the object at `path` (`""` for the request), each read once;
/// adds the length of every string among them to `strings`. Anything but a plain object (a list,
/// a `Map`, a `Date`, …) is an `E_NOT_OBJECT`; an object that cannot be read (a Proxy whose trap
/// throws) an `E_JSON`.
fn own_fields(
    value: &JsValue,
    path: &str,
    lang: Lang,
    strings: &mut usize,
) -> Result<Vec<(String, JsValue)>, PlanError> {
    not_json(value, path, lang)?;
    if !value.is_object() {
        return Err(not_object(path, lang));
    }
    let kind = tag(value).map_err(|e| unreadable(path, &describe(&e), lang))?;
    if kind != "[object Object]" {
        return Err(not_object(path, lang));
    }
    let mut fields = Vec::new();
    for key in keys(value).map_err(|e| unreadable(path, &describe(&e), lang))?.iter() {
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

/// The error for a field, or an object (`""`: the request), that throws when read.
fn unreadable(field: &str, detail: &str, lang: Lang) -> PlanError {
    if field.is_empty() {
        return PlanError::new(
            ErrorCode::Json,
            lang,
            format!("Forespørgslen kunne ikke læses ({detail})."),
            format!("The request could not be read ({detail})."),
        );
    }
    PlanError::new(
        ErrorCode::Json,
        lang,
        format!("Feltet {} kunne ikke læses ({detail}).", quote(field)),
        format!("The field {} could not be read ({detail}).", quote(field)),
    )
    .at(field)
}

//! The request as it arrives — JSON text or a JS object — read with serde into
//! [`RequestJson`], and every failure of that reading turned into the contract's error: the same
//! stable code, a message in the request's language and the field as a JSON path
//! (`pauses[0].from`), which `serde_path_to_error` keeps track of.
//!
//! serde's derive refuses unknown and repeated fields by itself (`deny_unknown_fields`; a
//! struct's visitor refuses a field it has already seen). What it cannot say in its own words —
//! a word outside its list, too many pauses, a value of the wrong JSON type — the visitors here
//! say through a *mark*: a `\u{1}` followed by what was found, inside the error's text, which
//! [`classify`] reads back. Everything else serde reports (an unknown or a repeated field) is
//! recognised by the wording serde's `de::Error` gives it.
//!
//! The reading is here; [`classify`] (in `classify.rs`) turns serde's error into the contract's;
//! `syntax.rs` checks that the text is JSON at all and words a syntax error.

mod classify;
mod syntax;

pub use classify::classify;
use classify::{EXPECT_ARRAY, EXPECT_OBJECT, OUT_OF_RANGE, too_many};
// The WebAssembly guard words what serde-wasm-bindgen cannot refuse with these.
#[cfg(target_arch = "wasm32")]
pub(crate) use classify::{not_object, too_many_pauses, wrong_type};
use syntax::{AnyJson, syntax_error};

use crate::contract::error::PlanError;
use crate::contract::fields::{MAX_PAUSES, PauseReason};
use crate::contract::hours::{HoursPerWeek, PriorHours};
use crate::rules::ledighed::Insurance;
use crate::vocabulary::group::Group;
use crate::vocabulary::lang::Lang;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A request as JSON gives it: every field optional, the dates still text. Validated into a
/// [`crate::Request`] by [`crate::contract::request::validate`].
///
/// Its TypeScript type is `PlanRequest`; the dates are `IsoDate` strings.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify::Tsify),
    tsify(missing_as_null, rename = "PlanRequest")
)]
#[serde(deny_unknown_fields)]
pub struct RequestJson {
    /// The first day of unemployment (required).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate"))]
    pub start: Option<String>,
    #[serde(default)]
    pub insurance: Option<Insurance>,
    #[serde(default)]
    pub group: Option<Group>,
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Pause[] | null"))]
    pub pauses: Option<Pauses>,
    /// Hours of an earlier spell of unemployment in the same dagpengeperiode ("forbrugte timer"
    /// in the a-kasse's self-service): a number of at least 0 with at most two decimals, at most
    /// 5,772 (deltid 4,680). Absent: 0 (schema 2).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub prior_hours: Option<PriorHours>,
    /// The hand-over date the a-kasse gave, overriding the computed one.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate | null"))]
    pub handover: Option<String>,
    /// Gives every samtale a status; the core never reads a clock.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate | null"))]
    pub today: Option<String>,
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Also answer with the plan under the neighbouring rules.
    #[serde(default)]
    pub compare: Option<bool>,
}

/// One pause as JSON gives it; its TypeScript type is `Pause`.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify::Tsify),
    tsify(missing_as_null, rename = "Pause")
)]
#[serde(deny_unknown_fields)]
pub struct PauseJson {
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate"))]
    pub from: Option<String>,
    /// The last day, included. May be absent only for part-time work (`hours_per_week`): it then
    /// goes on "indtil videre" (schema 2).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate | null"))]
    pub to: Option<String>,
    /// `sygdom` is the whole sickness, first to last day: its first 14 days count (schema 2).
    #[serde(default)]
    pub reason: Option<PauseReason>,
    /// The hours worked per week, when the period is part-time work (RULES.md § 2): a number
    /// above 0 with at most two decimals. Absent: no dagpenge at all in the period.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub hours_per_week: Option<HoursPerWeek>,
}

/// The pauses: a list of at most [`MAX_PAUSES`] objects. A longer list is refused from its
/// announced length where the input has one (a JS array), before any element is read.
#[derive(Debug, Default)]
pub struct Pauses(pub Vec<PauseJson>);

impl<'de> Deserialize<'de> for Pauses {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(PausesVisitor)
    }
}

struct PausesVisitor;

impl<'de> Visitor<'de> for PausesVisitor {
    type Value = Pauses;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECT_ARRAY)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Pauses, A::Error> {
        if let Some(n) = seq.size_hint().filter(|&n| n > MAX_PAUSES) {
            return Err(too_many(n));
        }
        let mut pauses = Vec::new();
        while let Some(Object(pause)) = seq.next_element::<Object<PauseJson>>()? {
            if pauses.len() == MAX_PAUSES {
                // Text gives no length ahead: count the rest (the text is at most 64 KiB).
                let mut n = MAX_PAUSES + 1;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                return Err(too_many(n));
            }
            pauses.push(pause);
        }
        Ok(Pauses(pauses))
    }
}

/// A value that must be a JSON object: a struct read from a map only, never from a list (which
/// serde's derive would otherwise accept, field by field in order).
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ObjectVisitor(PhantomData))
    }
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = Object<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECT_OBJECT)
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Object<T>, M::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Object)
    }
}

/// Only the language of a request, for the message of an error found before the request could
/// be read: every other field is skipped, whatever it holds.
#[derive(Deserialize)]
struct LangOnly {
    #[serde(default)]
    lang: Option<Lang>,
}

/// Reads a request from JSON text: first the text is checked to be JSON at all (so `[` is a
/// syntax error, not "not an object", and a broken string under an unknown field is still a
/// syntax error), then read into [`RequestJson`].
pub fn from_text(text: &str) -> Result<RequestJson, PlanError> {
    // A number too large for a double (`1e400`) is valid JSON that serde_json cannot read: not a
    // syntax error but a wrong value, so the text is read on, to where its field is known.
    // serde_json skips a value it ignores without reading its numbers: the rest of the text is
    // checked that way.
    let syntax = serde_json::from_str::<AnyJson>(text)
        .err()
        .map(|e| match e.to_string().starts_with(OUT_OF_RANGE) {
            true => serde_json::from_str::<IgnoredAny>(text)
                .err()
                .map_or((true, syntax_error(text, &e)), |e| (false, syntax_error(text, &e))),
            false => (false, syntax_error(text, &e)),
        });
    if let Some((false, e)) = syntax {
        return Err(e);
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    match (
        serde_path_to_error::deserialize::<_, Object<RequestJson>>(&mut reader),
        syntax,
    ) {
        // Read, the number unread: the text's own error after all.
        (Ok(_), Some((_, e))) => Err(e),
        (Ok(Object(request)), None) => Ok(request),
        (Err(e), _) => {
            // A request whose `lang` cannot be read gets its error in Danish.
            let lang = serde_json::from_str::<LangOnly>(text)
                .ok()
                .and_then(|l| l.lang)
                .unwrap_or_default();
            let message = e.inner().to_string();
            // serde_json ends every message with " at line L column C"; the path says where.
            let message = message.rfind(" at line ").map_or(&*message, |i| &message[..i]);
            Err(classify(&e.path().to_string(), message, lang))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::error::ErrorCode;

    fn error(text: &str) -> PlanError {
        from_text(text).expect_err("refused")
    }

    #[test]
    fn syntax_errors_name_line_and_column_in_characters() {
        let e = error("{\"start\":\n  \"æøå\" x}");
        assert_eq!(e.code, ErrorCode::Json);
        assert!(e.message.contains("linje 2, tegn 9"), "{}", e.message);
        assert!(e.message.contains("komma eller }"), "{}", e.message);
        let e = error(r#"{"lang":"en","start":"2024-03-04",}"#);
        assert!(
            e.message.contains("(line 1, column 35): there is a comma too many"),
            "{}",
            e.message
        );
        assert!(error("{").message.contains("slutter for tidligt"));
        assert!(error(r#"{"a":"\q"}"#).message.contains("ugyldig"));
        assert!(error("{\"a\":\"\u{1}\"}").message.contains("kontroltegn"));
        assert!(
            error(r#"{"start":"\ud800"}"#)
                .message
                .contains("(linje 1, tegn 17): en \\u-kode er et halvt tegn")
        );
        assert!(
            error(r#"{"start":"2024-03-04""#)
                .message
                .contains("(linje 1, tegn 22): teksten slutter")
        );
        assert!(error("nul").message.contains("slutter for tidligt"));
        assert!(error("{\"a\" 1}").message.contains("kolon"));
        // Nesting is refused past 128 levels, wherever it stands; within them, under an unknown
        // field, the field is refused by its name.
        let deep = |n: usize| format!(r#"{{"start":"2024-03-04","x":{}{}}}"#, "[".repeat(n), "]".repeat(n));
        assert!(
            error(&deep(100_000)).message.contains("128"),
            "{}",
            error(&deep(100_000)).message
        );
        assert_eq!(error(&deep(100)).code, ErrorCode::UnknownField);
        // A broken string under a field the request refuses is still a syntax error.
        assert!(
            error(r#"{"ance":"\ud800","start":"2024-03-04"}"#)
                .message
                .contains("surrogat")
        );
    }

    #[test]
    fn paths_reach_into_pauses() {
        let e = error(r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","from":"2024-04-02"}]}"#);
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::DuplicateField, Some("pauses[0].from"))
        );
        let e = error(r#"{"start":"2024-03-04","pauses":[{},{"from":"2024-04-01","days":3}]}"#);
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::UnknownField, Some("pauses[1].days"))
        );
        assert!(
            e.message.contains("i pauses[1]; kendte felter er: from, to, reason"),
            "{}",
            e.message
        );
        let e = error(r#"{"start":"2024-03-04","pauses":[{"reason":"x"}],"lang":"en"}"#);
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::UnknownValue, Some("pauses[0].reason"))
        );
        assert!(
            e.message.starts_with("Period 1, reason has the unknown value “x”"),
            "{}",
            e.message
        );
        let e = error(r#"{"start":"2024-03-04","insurance":"halvtid"}"#);
        assert_eq!(
            e.message,
            "Forsikringen (insurance) har den ukendte værdi “halvtid”; tilladt er: fuldtid, deltid."
        );
        let e = error(r#"{"start":"2024-03-04","pauses":[{"to":5}]}"#);
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Type, Some("pauses[0].to")));
        let e = error(r#"{"start":"2024-03-04","pauses":[[]]}"#);
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::NotObject, Some("pauses[0]")));
        let e = error(r#"{"start":"2024-03-04","compare":1}"#);
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Type, Some("compare")));
        assert!(e.message.contains("true eller false"), "{}", e.message);
        let e = error(r#"{"start":"2024-03-04","pauses":{}}"#);
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Type, Some("pauses")));
        let e = error(r#"{"start":"2024-03-04","start":"2024-03-05"}"#);
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::DuplicateField, Some("start")));
    }

    #[test]
    fn a_key_that_looks_like_a_mark_or_quote_is_only_a_key() {
        let e = error("{\"a`, expected \\u0001x\":1}");
        assert_eq!(e.code, ErrorCode::UnknownField);
        assert_eq!(e.field.as_deref(), Some("a`, expected \u{1}x"));
        let e = error("{\"insurance\":\"\\u0001E_TOO_MANY_PAUSES\\u00012\"}");
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::UnknownValue, Some("insurance"))
        );
    }
}

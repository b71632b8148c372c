//! The request as it arrives — JSON text or a JS object — read into [`RequestJson`], and every
//! failure of that reading turned into the contract's error: the same stable code, a message in
//! the request's language and the field as a JSON path (`pauses[0].from`).
//!
//! serde hands over the values; `read.rs` checks them — unknown and repeated fields, JSON
//! types, words, the number of pauses, hours — in the order the input gives them, and says what
//! it found as a [`read::Problem`], a value of its own: no visitor fails, nothing is read back
//! from serde's words. `classify.rs` turns a problem into the contract's error; `syntax.rs`
//! checks that the text is JSON at all and words a syntax error (the one place serde_json's own
//! words are read: for the message of a syntax error, and to tell a number too large for a
//! double from one).

mod classify;
mod pauses;
mod read;
mod syntax;

// The WebAssembly guard words what serde-wasm-bindgen cannot refuse with these.
#[cfg(target_arch = "wasm32")]
pub(crate) use classify::{not_object, too_many_pauses, wrong_type};
use classify::{number_out_of_range, unreadable};
pub(crate) use read::Found;
use syntax::{AnyJson, OUT_OF_RANGE, syntax_error};

use crate::contract::error::PlanError;
use crate::contract::fields::PauseReason;
use crate::contract::hours::{HoursPerWeek, PriorHours};
use crate::vocabulary::group::Group;
use crate::vocabulary::insurance::Insurance;
use crate::vocabulary::lang::Lang;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// A request as JSON gives it: every field optional, the dates still text. Validated into a
/// [`crate::Request`] by [`crate::contract::request::validate`].
///
/// Its TypeScript type is `PlanRequest`; the dates are `IsoDate` strings.
#[derive(Debug, Default)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify::Tsify),
    tsify(missing_as_null, rename = "PlanRequest"),
    serde(deny_unknown_fields)
)]
pub struct RequestJson {
    /// The first day of unemployment (required).
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate"))]
    pub start: Option<String>,
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    pub insurance: Option<Insurance>,
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    pub group: Option<Group>,
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Pause[] | null"))]
    pub pauses: Option<Pauses>,
    /// Hours of an earlier spell of unemployment in the same dagpengeperiode ("forbrugte timer"
    /// in the a-kasse's self-service): a number of at least 0 with at most two decimals, at most
    /// 5,772 (deltid 4,680). Absent: 0 (schema 2).
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub prior_hours: Option<PriorHours>,
    /// The hand-over date the a-kasse gave, overriding the computed one.
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate | null"))]
    pub handover: Option<String>,
    /// Gives every samtale a status; the core never reads a clock.
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate | null"))]
    pub today: Option<String>,
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    pub lang: Option<Lang>,
    /// Also answer with the plan under the neighbouring rules.
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    pub compare: Option<bool>,
}

/// One pause as JSON gives it; its TypeScript type is `Pause`.
#[derive(Debug, Default)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify::Tsify),
    tsify(missing_as_null, rename = "Pause"),
    serde(deny_unknown_fields)
)]
pub struct PauseJson {
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate"))]
    pub from: Option<String>,
    /// The last day, included. May be absent only for part-time work (`hours_per_week`): it then
    /// goes on "indtil videre" (schema 2).
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "IsoDate | null"))]
    pub to: Option<String>,
    /// `sygdom` is the whole sickness, first to last day: its first 14 days count (schema 2).
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    pub reason: Option<PauseReason>,
    /// The hours worked per week, when the period is part-time work (RULES.md § 2): a number
    /// above 0 with at most two decimals. Absent: no dagpenge at all in the period.
    #[cfg_attr(target_arch = "wasm32", serde(default))]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub hours_per_week: Option<HoursPerWeek>,
}

/// The pauses: a list of at most [`crate::contract::fields::MAX_PAUSES`] objects.
#[derive(Debug, Default)]
pub struct Pauses(pub Vec<PauseJson>);

/// Only the language of a request, for the message of a number too large for a double (the one
/// error the reader cannot read past): every other field is skipped, whatever it holds.
#[derive(Deserialize)]
struct LangOnly {
    #[cfg_attr(target_arch = "wasm32", serde(default))]
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
    let mut track = serde_path_to_error::Track::new();
    let mut found = Found::default();
    let read = read::request(
        serde_path_to_error::Deserializer::new(&mut reader, &mut track),
        &mut found,
    );
    match (read, found.problem.take(), syntax) {
        // Read, the number unread: the text's own error after all.
        (Ok(Some(_)), _, Some((_, e))) => Err(e),
        (Ok(Some(request)), _, None) => Ok(request),
        (Ok(None), Some(problem), _) => Err(problem.error(found.lang())),
        // Past a problem only a `lang` is read: one serde_json cannot read makes the message
        // Danish.
        (Err(_), Some(problem), _) => Err(problem.error(Lang::default())),
        // The syntax is checked: the text's only error is a number too large for a double,
        // where the reading stopped. The language is read again, past it.
        (Err(_), None, Some(_)) => {
            let lang = serde_json::from_str::<LangOnly>(text)
                .ok()
                .and_then(|l| l.lang)
                .unwrap_or_default();
            // The request itself is `.`.
            let path = track.path().to_string();
            Err(number_out_of_range(path.strip_prefix('.').unwrap_or(&path), lang))
        }
        // Neither happens: the reader keeps a problem where it reads none, and the text is JSON.
        (Ok(None), None, _) => Err(unreadable("", Lang::default())),
        (Err(e), None, None) => Err(unreadable(&e.to_string(), Lang::default())),
    }
}

/// Reads a request from any serde input (a JS object, in the browser): its problem's message in
/// `lang`; an error of the input itself, which its reader words (`message`), is an `E_JSON`.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn from_input<'de, D: serde::Deserializer<'de>>(
    input: D,
    lang: Lang,
    message: impl FnOnce(D::Error) -> String,
) -> Result<RequestJson, PlanError> {
    let mut found = Found::default();
    match (read::request(input, &mut found), found.problem) {
        (Ok(Some(request)), _) => Ok(request),
        (_, Some(problem)) => Err(problem.error(lang)),
        (Err(e), None) => Err(unreadable(&message(e), lang)),
        (Ok(None), None) => Err(unreadable("", lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::error::ErrorCode;
    use crate::contract::fields::MAX_PAUSES;

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

    /// The codes, messages and paths come from the reader, not from the words of the input's
    /// errors: read through another deserializer (serde_json's `Value`, whose errors are worded
    /// otherwise), a request gets the same error as from its text.
    #[test]
    fn another_deserializer_gives_the_same_errors() {
        for text in [
            r#"{"start":"2024-03-04","x":1}"#,
            r#"{"start":"2024-03-04","pauses":[{},{"from":"2024-04-01","days":3}]}"#,
            r#"{"start":"2024-03-04","pauses":[{"reason":"x"}],"lang":"en"}"#,
            r#"{"start":"2024-03-04","insurance":"halvtid"}"#,
            r#"{"start":"2024-03-04","insurance":5}"#,
            r#"{"start":"2024-03-04","pauses":[{"to":5}]}"#,
            r#"{"start":"2024-03-04","pauses":[[]]}"#,
            r#"{"start":"2024-03-04","pauses":[null]}"#,
            r#"{"start":"2024-03-04","compare":1}"#,
            r#"{"start":"2024-03-04","pauses":{}}"#,
            r#"{"start":"2024-03-04","prior_hours":"5"}"#,
            r#"{"start":"2024-03-04","prior_hours":-1}"#,
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","hours_per_week":18.555}]}"#,
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","hours_per_week":169}]}"#,
            r#"{"start":[1,{"a":2}]}"#,
            "[]",
            "5",
        ] {
            let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
            let lang = if text.contains(r#""lang":"en""#) {
                Lang::En
            } else {
                Lang::Da
            };
            let other = from_input(value, lang, |e| e.to_string()).expect_err(text);
            let from_text = error(text);
            assert_eq!(
                (other.code, &other.message, &other.field),
                (from_text.code, &from_text.message, &from_text.field),
                "{text}"
            );
        }
        let pauses = format!(r#"{{"pauses":[{}]}}"#, vec!["{}"; MAX_PAUSES + 2].join(","));
        let value: serde_json::Value = serde_json::from_str(&pauses).expect("JSON");
        let e = from_input(value, Lang::Da, |e| e.to_string()).expect_err("too many");
        assert_eq!((e.code, e.message), (ErrorCode::TooManyPauses, error(&pauses).message));
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

//! The request as it arrives — JSON text or a JS object — read into [`RequestJson`], and every
//! failure of that reading turned into the contract's error: the same stable code, a message in
//! the request's language and the field as a JSON path (`pauses[0].from`).
//!
//! serde hands over the values; `read.rs` checks them — unknown and repeated fields, JSON
//! types, words, the number of pauses, hours — in the order the input gives them, and says what
//! it found as a [`read::Problem`], a value of its own: no visitor fails, nothing is read back
//! from serde's words. `classify.rs` turns a problem into the contract's error; `syntax.rs`
//! tells from the text where serde_json stopped whether it was a number too large for a double,
//! and words a syntax error (the one place serde_json's own words are read: for the message of
//! a syntax error, whose code is always `E_JSON`).
//!
//! JSON text is read once ([`from_text`]): the request, and past a problem the rest of the text,
//! strictly and to its end. Only a number too large for a double makes it be read again.

mod classify;
mod pauses;
mod read;
mod syntax;

// The WebAssembly guard words what serde-wasm-bindgen cannot refuse with these.
#[cfg(target_arch = "wasm32")]
pub(crate) use classify::{not_object, too_many_pauses, wrong_type};
use classify::{number_out_of_range, unreadable};
pub(crate) use read::Found;
use read::Skip;
use syntax::{Stop, syntax_error};

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

/// Reads a request from JSON text, in one reading: the reader reads the request and, past a
/// problem, the rest of the text as strictly as [`syntax::AnyJson`] (every string decoded, every
/// number read, at most 128 levels) and to its end. So when the reading ends well the text is
/// JSON and its first problem is the answer; when it stops, the text's syntax error is (`[` is a
/// syntax error, not "not an object"; a broken string under an unknown field is still a syntax
/// error; a syntax error after a problem outranks it).
///
/// The one exception is a number too large for a double (`1e400`): valid JSON serde_json cannot
/// read past, told by [`syntax::stop`] from the text where the reading stopped. Only then is the
/// text read again ([`out_of_range`]).
pub fn from_text(text: &str) -> Result<RequestJson, PlanError> {
    let mut reader = json(text);
    let mut found = Found::default();
    let read = read::request(&mut reader, &mut found, Skip::Strict).and_then(|request| reader.end().map(|()| request));
    match read {
        Ok(Some(request)) => Ok(request),
        Ok(None) => Err(match found.problem.take() {
            Some(problem) => problem.error(found.lang()),
            // Does not happen: the reader keeps a problem where it reads none.
            None => unreadable("", Lang::default()),
        }),
        Err(e) if syntax::stop(text, &e) == Stop::TooLarge => Err(out_of_range(text, &e)),
        Err(e) => Err(syntax_error(text, &e)),
    }
}

/// The answer to a text whose first error is a number too large for a double (`e`): the text is
/// read again, as it was before the one reading: the rest of it must be JSON as serde's
/// `IgnoredAny` reads it (else its syntax error); then the request is read with every skipped
/// value read as `IgnoredAny` (the number under a refused field is not read), and the number's
/// field found; then the language, past the number.
fn out_of_range(text: &str, e: &serde_json::Error) -> PlanError {
    let mut rest = json(text);
    if let Err(e) = IgnoredAny::deserialize(&mut rest).and_then(|_| rest.end()) {
        return syntax_error(text, &e);
    }
    let mut reader = json(text);
    let mut track = serde_path_to_error::Track::new();
    let mut found = Found::default();
    let read = read::request(
        serde_path_to_error::Deserializer::new(&mut reader, &mut track),
        &mut found,
        Skip::Lenient,
    );
    match (read, found.problem.take()) {
        // Read, the number unread: the text's own error after all.
        (Ok(Some(_)), _) => syntax_error(text, e),
        (Ok(None), Some(problem)) => problem.error(found.lang()),
        // Past a problem only a `lang` is read: one serde_json cannot read makes the message
        // Danish.
        (Err(_), Some(problem)) => problem.error(Lang::default()),
        // The reading stopped at the number. The language is read again, past it.
        (Err(_), None) => {
            let mut again = json(text);
            let lang = LangOnly::deserialize(&mut again)
                .and_then(|l| again.end().map(|()| l.lang))
                .ok()
                .flatten()
                .unwrap_or_default();
            // The request itself is `.`.
            let path = track.path().to_string();
            number_out_of_range(path.strip_prefix('.').unwrap_or(&path), lang)
        }
        // Does not happen: the reader keeps a problem where it reads none.
        (Ok(None), None) => unreadable("", Lang::default()),
    }
}

/// A reader of the text: every reading of a request's text starts here (counted in tests).
fn json(text: &str) -> serde_json::Deserializer<serde_json::de::StrRead<'_>> {
    #[cfg(test)]
    tests::READINGS.with(|n| n.set(n.get() + 1));
    serde_json::Deserializer::from_str(text)
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
    match (read::request(input, &mut found, Skip::Lenient), found.problem) {
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

    thread_local! {
        /// How many readings of a text this thread began (counted by `super::json`).
        pub(super) static READINGS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// How many times `from_text` began to read `text`.
    fn readings(text: &str) -> usize {
        READINGS.with(|n| n.set(0));
        let _ = from_text(text);
        READINGS.with(std::cell::Cell::get)
    }

    #[test]
    fn a_text_is_read_once_unless_a_number_is_too_large() {
        let deep = |n: usize| format!(r#"{{"x":{}{}}}"#, "[".repeat(n), "]".repeat(n));
        for text in [
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-12"}],"lang":"en"}"#,
            r#"{"start":"2024-03-04","x":[1,{"y":"z"}],"lang":"en"}"#,
            r#"{"start":"2024-03-04","start":"2024-03-05"}"#,
            r#"{"start":5,"lang":"en"}"#,
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","days":3}]}"#,
            r#"{"start":"2024-03-04","x":"\ud800"}"#,
            r#"{"start":"2024-03-04","x":1,}"#,
            r#"{"start":"2024-03-04"} x"#,
            "[]",
            &deep(100),
            &deep(200),
        ] {
            assert_eq!(readings(text), 1, "{text}");
        }
        // The one exception: the text is read past the number, then its language.
        assert_eq!(readings(r#"{"start":1e400,"lang":"en"}"#), 4);
        assert_eq!(readings(r#"{"x":1e400,"lang":"en"}"#), 3);
        assert_eq!(readings(r#"{"start":1e400,"lang":"en"} x"#), 2);
    }

    /// Every reading of a text goes through `super::json`, where it is counted: no other reader of
    /// JSON text stands in this module's code.
    #[test]
    fn every_reading_is_counted() {
        for (name, source) in [
            ("mod.rs", include_str!("mod.rs")),
            ("read.rs", include_str!("read.rs")),
            ("pauses.rs", include_str!("pauses.rs")),
            ("syntax.rs", include_str!("syntax.rs")),
            ("classify.rs", include_str!("classify.rs")),
        ] {
            let code = source.split("#[cfg(test)]\nmod tests").next().unwrap_or(source);
            let readers = [
                "serde_json::from",
                "Deserializer::from_",
                "StreamDeserializer",
                "serde_json::de::from",
            ]
            .iter()
            .map(|reader| code.matches(reader).count())
            .sum::<usize>();
            assert_eq!(readers, usize::from(name == "mod.rs"), "{name}");
        }
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

    /// A list that announces its length (a JS array; here serde's own value deserializers) is
    /// refused by that length past the limit, and read up to it.
    #[test]
    fn a_list_that_says_its_length_is_held_to_the_limit_by_it() {
        let request = |n: usize| {
            let pauses: Vec<serde_json::Value> = (0..n)
                .map(|_| serde_json::json!({"from": "2024-04-01", "to": "2024-04-01"}))
                .collect();
            serde_json::json!({"start": "2024-03-04", "pauses": pauses})
        };
        let read = |n| from_input(request(n), Lang::En, |e: serde_json::Error| e.to_string());
        assert_eq!(
            read(MAX_PAUSES).expect("at the limit").pauses.map(|p| p.0.len()),
            Some(MAX_PAUSES)
        );
        let e = read(MAX_PAUSES + 1).expect_err("past the limit");
        assert_eq!(e.code, ErrorCode::TooManyPauses);
        assert!(e.message.starts_with("There are 1001 pauses"), "{}", e.message);
    }

    /// What each reader expects, in the words an input's own error quotes when it hands over a
    /// value no JSON has (here a 128-bit integer): an `E_JSON` naming it.
    #[test]
    fn an_input_that_cannot_be_read_says_what_was_expected() {
        use serde::de::value::{Error as ValueError, MapDeserializer};
        let read = |field: &'static str, value: i128| {
            let input = MapDeserializer::<_, ValueError>::new(vec![(field, value)].into_iter());
            from_input(input, Lang::En, |e| e.to_string()).expect_err("no such value")
        };
        let whole = serde::de::value::I128Deserializer::<ValueError>::new(5);
        let e = from_input(whole, Lang::En, |e| e.to_string()).expect_err("no request");
        assert!(e.message.ends_with("expected a request)."), "{}", e.message);
        for (field, expected) in [("start", "a JSON value"), ("pauses", "a list of pauses")] {
            let e = read(field, 5);
            assert_eq!(e.code, ErrorCode::Json);
            assert!(e.message.ends_with(&format!("expected {expected}).")), "{}", e.message);
        }
        let pauses = vec![("pauses", vec![5i128])].into_iter();
        let e = from_input(MapDeserializer::<_, ValueError>::new(pauses), Lang::En, |e| {
            e.to_string()
        })
        .expect_err("no such pause");
        assert!(e.message.ends_with("expected a pause)."), "{}", e.message);
    }
}

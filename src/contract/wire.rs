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

use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::hours::{EXPECT_NUMBER, HoursPerWeek, MAX_HOURS_PER_WEEK, PriorHours};
use crate::contract::request::{FIELDS, Group, MAX_PAUSES, PAUSE_FIELDS, PauseReason, label};
use crate::rules::ledighed::Insurance;
use crate::vocabulary::lang::Lang;
use crate::vocabulary::words::{EXPECT_STRING, MARK};
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

const EXPECT_ARRAY: &str = "\u{1}array";
const EXPECT_OBJECT: &str = "\u{1}object";
const EXPECT_BOOL: &str = "a boolean";

fn too_many<E: de::Error>(n: usize) -> E {
    E::custom(format_args!("{MARK}E_TOO_MANY_PAUSES{MARK}{n}"))
}

/// Any JSON value, read to its end with every string decoded — so a lone surrogate is a syntax
/// error wherever it stands, even under a field the request then refuses — and at most 128
/// levels deep (serde_json's limit).
struct AnyJson;

impl<'de> Deserialize<'de> for AnyJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyJson)
    }
}

impl<'de> Visitor<'de> for AnyJson {
    type Value = AnyJson;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, _: bool) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }

    fn visit_i64<E>(self, _: i64) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }

    fn visit_u64<E>(self, _: u64) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }

    fn visit_f64<E>(self, _: f64) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }

    fn visit_str<E>(self, _: &str) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }

    fn visit_unit<E>(self) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnyJson, A::Error> {
        while seq.next_element::<AnyJson>()?.is_some() {}
        Ok(AnyJson)
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<AnyJson, M::Error> {
        while map.next_entry::<AnyJson, AnyJson>()?.is_some() {}
        Ok(AnyJson)
    }
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

/// serde_json's words for a number too large for a double.
const OUT_OF_RANGE: &str = "number out of range";

/// A number too large to read (`1e400`) at `path`: a field of the contract that is not a number
/// has the wrong type; one that is a number (`hours_per_week`, `prior_hours`) is not a number a
/// double holds — `E_TYPE` too, as `NaN` or an infinity in a request object is.
fn number_out_of_range(path: &str, lang: Lang) -> PlanError {
    if path.is_empty() || path.ends_with(']') {
        return not_object(path, lang);
    }
    match path {
        "prior_hours" => wrong_type(
            path,
            "være et tal, fx 481 eller 481,25",
            "be a number, e.g. 481 or 481.25",
            lang,
        ),
        "pauses" => wrong_type(path, "være en liste", "be an array", lang),
        "compare" => wrong_type(path, "være true eller false", "be true or false", lang),
        _ if path.ends_with(".hours_per_week") => wrong_type(
            path,
            "være et tal, fx 15 eller 18,5",
            "be a number, e.g. 15 or 18.5",
            lang,
        ),
        _ => wrong_type(path, "være en tekst", "be a string", lang),
    }
}

/// The error of a request that serde could not read: `path` is where (`.` for the request
/// itself), `message` what serde or a visitor here said.
pub fn classify(path: &str, message: &str, lang: Lang) -> PlanError {
    let at = |p: &str| p.strip_prefix('.').unwrap_or(p).to_owned();
    let path = at(path);
    if let Some(found) = message.strip_prefix(MARK) {
        let mut parts = found.splitn(3, MARK);
        match (parts.next(), parts.next(), parts.next()) {
            (Some("E_UNKNOWN_VALUE"), Some(allowed), Some(value)) => {
                return unknown_value_error(&path, value, allowed, lang);
            }
            (Some("E_TOO_MANY_PAUSES"), Some(n), None) => return too_many_pauses(n, lang),
            (Some("E_HOURS"), Some(value), None) => return hours_refused(&path, value, lang),
            _ => {}
        }
    }
    if message.starts_with(OUT_OF_RANGE) {
        return number_out_of_range(&path, lang);
    }
    // "invalid type: …, expected …" ends with what the visitor expected.
    if message.starts_with("invalid type: ") {
        if message.ends_with(EXPECT_STRING) || message.ends_with(", expected a string") {
            return wrong_type(&path, "være en tekst", "be a string", lang);
        }
        if message.ends_with(EXPECT_ARRAY) {
            return wrong_type(&path, "være en liste", "be an array", lang);
        }
        if message.ends_with(EXPECT_OBJECT) {
            return not_object(&path, lang);
        }
        if message.ends_with(EXPECT_NUMBER) {
            let (da, en) = if path == "prior_hours" {
                ("være et tal, fx 481 eller 481,25", "be a number, e.g. 481 or 481.25")
            } else {
                ("være et tal, fx 15 eller 18,5", "be a number, e.g. 15 or 18.5")
            };
            return wrong_type(&path, da, en, lang);
        }
        if message.ends_with(EXPECT_BOOL) {
            return wrong_type(&path, "være true eller false", "be true or false", lang);
        }
    }
    if let Some(key) = quoted_after(message, "unknown field `") {
        // The path ends with the unknown key; what comes before it is the object it is in.
        let within = path.strip_suffix(key).map(|w| w.trim_end_matches('.')).unwrap_or("");
        return unknown_field(key, within, lang);
    }
    if let Some(key) = quoted_after(message, "duplicate field `") {
        let within = path.strip_suffix(key).map(|w| w.trim_end_matches('.')).unwrap_or(&path);
        let field = if within.is_empty() {
            key.to_owned()
        } else {
            format!("{within}.{key}")
        };
        return PlanError::new(
            ErrorCode::DuplicateField,
            lang,
            format!("Feltet {} står mere end én gang i forespørgslen.", quote(key)),
            format!("The field {} appears more than once in the request.", quote(key)),
        )
        .at(field);
    }
    PlanError::new(
        ErrorCode::Json,
        lang,
        format!("Forespørgslen kunne ikke læses ({message})."),
        format!("The request could not be read ({message})."),
    )
}

/// More pauses than [`MAX_PAUSES`]: `n`, as many as the list holds.
pub(crate) fn too_many_pauses(n: impl fmt::Display, lang: Lang) -> PlanError {
    PlanError::new(
        ErrorCode::TooManyPauses,
        lang,
        format!("Der er {n} pauser; højst {MAX_PAUSES} er tilladt."),
        format!("There are {n} pauses; at most {MAX_PAUSES} are allowed."),
    )
    .at("pauses")
}

/// A number of hours a week that cannot be used: at or below 0, above the limit, or with more
/// than two decimals; or a number of prior hours below 0 or with more than two decimals.
fn hours_refused(path: &str, value: &str, lang: Lang) -> PlanError {
    if path == "prior_hours" {
        return PlanError::new(
            ErrorCode::UnknownValue,
            lang,
            format!(
                "{}: {} kan ikke bruges. Skriv de timer, du har brugt af dagpengeperioden, som et tal fra 0 med højst to decimaler, fx 481 eller 481,25.",
                label(path, Lang::Da),
                quote(&value.replace('.', ","))
            ),
            format!(
                "{}: {} cannot be used. Write the hours you have used of the dagpengeperiode as a number from 0 with at most two decimals, e.g. 481 or 481.25.",
                label(path, Lang::En),
                quote(value)
            ),
        )
        .at(path);
    }
    let max = MAX_HOURS_PER_WEEK;
    PlanError::new(
        ErrorCode::UnknownValue,
        lang,
        format!(
            "{}: {} kan ikke bruges. Skriv de timer, du arbejder om ugen, som et tal over 0 og højst {} med højst to decimaler, fx 15 eller 18,5.",
            label(path, Lang::Da),
            quote(&value.replace('.', ",")),
            max.format(Lang::Da)
        ),
        format!(
            "{}: {} cannot be used. Write the hours you work a week as a number above 0 and at most {} with at most two decimals, e.g. 15 or 18.5.",
            label(path, Lang::En),
            quote(value),
            max.format(Lang::En)
        ),
    )
    .at(path)
}

/// The key serde quotes in "unknown field `key`, expected …" or "duplicate field `key`".
fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(prefix)?;
    let end = rest
        .rfind("`, expected")
        .or_else(|| rest.rfind("`, there are no fields"))
        .or_else(|| rest.rfind('`'))?;
    Some(&rest[..end])
}

fn unknown_field(key: &str, within: &str, lang: Lang) -> PlanError {
    let (known, da_in, en_in, path) = if within.is_empty() {
        (FIELDS.join(", "), String::new(), String::new(), key.to_owned())
    } else {
        (
            PAUSE_FIELDS.join(", "),
            format!(" i {within}"),
            format!(" in {within}"),
            format!("{within}.{key}"),
        )
    };
    PlanError::new(
        ErrorCode::UnknownField,
        lang,
        format!("Ukendt felt {}{da_in}; kendte felter er: {known}.", quote(key)),
        format!("Unknown field {}{en_in}; known fields are: {known}.", quote(key)),
    )
    .at(path)
}

fn unknown_value_error(path: &str, value: &str, allowed: &str, lang: Lang) -> PlanError {
    PlanError::new(
        ErrorCode::UnknownValue,
        lang,
        format!(
            "{} har den ukendte værdi {}; tilladt er: {allowed}.",
            label(path, Lang::Da),
            quote(value)
        ),
        format!(
            "{} has the unknown value {}; allowed: {allowed}.",
            label(path, Lang::En),
            quote(value)
        ),
    )
    .at(path)
}

pub(crate) fn wrong_type(path: &str, da: &str, en: &str, lang: Lang) -> PlanError {
    PlanError::new(
        ErrorCode::Type,
        lang,
        format!("{} skal {da}.", label(path, Lang::Da)),
        format!("{} must {en}.", label(path, Lang::En)),
    )
    .at(path)
}

/// The request, or a pause, is not an object.
pub(crate) fn not_object(path: &str, lang: Lang) -> PlanError {
    if path.is_empty() {
        return PlanError::new(
            ErrorCode::NotObject,
            lang,
            "Forespørgslen skal være et JSON-objekt, fx {\"start\": \"2024-03-04\"}.".into(),
            "The request must be a JSON object, e.g. {\"start\": \"2024-03-04\"}.".into(),
        );
    }
    PlanError::new(
        ErrorCode::NotObject,
        lang,
        format!(
            "{} skal være et objekt, fx {{\"from\": \"2024-04-01\", \"to\": \"2024-04-12\"}}.",
            label(path, Lang::Da)
        ),
        format!(
            "{} must be an object, e.g. {{\"from\": \"2024-04-01\", \"to\": \"2024-04-12\"}}.",
            label(path, Lang::En)
        ),
    )
    .at(path)
}

/// Text that is not JSON: where (line and column, in characters) and what, in words.
fn syntax_error(text: &str, e: &serde_json::Error) -> PlanError {
    let lang = crate::contract::request::sniff_lang(text.as_bytes());
    let message = e.to_string();
    let what = message.rfind(" at line ").map_or(&*message, |i| &message[..i]);
    if what == "recursion limit exceeded" {
        return PlanError::new(
            ErrorCode::Json,
            lang,
            "Forespørgslen er indlejret mere end 128 niveauer dybt.".into(),
            "The request is nested more than 128 levels deep.".into(),
        );
    }
    let (da, en) = problem_words(what);
    // serde_json counts columns in bytes; a person counts characters. A text that ends too early
    // is wrong just past its last character.
    let line_text = text.split('\n').nth(e.line().saturating_sub(1)).unwrap_or("");
    let bytes = e.column().min(line_text.len());
    let past_end = usize::from(e.classify() == serde_json::error::Category::Eof);
    let column = line_text.as_bytes()[..bytes]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        .max(1)
        + past_end;
    let line = e.line().max(1);
    PlanError::new(
        ErrorCode::Json,
        lang,
        format!("Forespørgslen er ikke gyldig JSON (linje {line}, tegn {column}): {da}."),
        format!("The request is not valid JSON (line {line}, column {column}): {en}."),
    )
}

/// serde_json's words for a syntax error, in Danish and in English; the first match counts.
fn problem_words(what: &str) -> (&'static str, &'static str) {
    const WORDS: &[(&str, &str, &str)] = &[
        (
            "EOF while parsing",
            "teksten slutter for tidligt",
            "the text ends too early",
        ),
        ("expected value", "her skulle stå en værdi", "a value was expected here"),
        ("expected ident", "her skulle stå en værdi", "a value was expected here"),
        (
            "key must be a string",
            "her skulle stå et feltnavn i anførselstegn",
            "a field name in double quotes was expected here",
        ),
        ("expected `:`", "her skulle stå et kolon", "a colon was expected here"),
        (
            "expected `,` or `}`",
            "her skulle stå et komma eller }",
            "a comma or } was expected here",
        ),
        (
            "expected `,` or `]`",
            "her skulle stå et komma eller ]",
            "a comma or ] was expected here",
        ),
        (
            "trailing comma",
            "der står et komma for meget",
            "there is a comma too many",
        ),
        (
            "trailing characters",
            "der står mere efter forespørgslen",
            "there is more after the request",
        ),
        (
            "control character",
            "en tekst indeholder et kontroltegn, som skal skrives med \\",
            "a string holds a control character that must be escaped",
        ),
        (
            "unexpected end of hex escape",
            "en \\u-kode er et halvt tegn (surrogat)",
            "a \\u escape is half a character (a lone surrogate)",
        ),
        (
            "lone leading surrogate",
            "en \\u-kode er et halvt tegn (surrogat)",
            "a \\u escape is half a character (a lone surrogate)",
        ),
        ("invalid number", "et tal er skrevet forkert", "a number is malformed"),
        ("number out of range", "et tal er for stort", "a number is too large"),
        (
            "invalid",
            "en tekst har en ugyldig \\-kode",
            "a string has an invalid \\ escape",
        ),
    ];
    WORDS.iter().find(|(start, ..)| what.starts_with(start)).map_or(
        ("teksten er ikke gyldig JSON", "the text is not valid JSON"),
        |&(_, da, en)| (da, en),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! Whether the text is JSON at all, and a syntax error in words: where (line and column, in
//! characters) and what.

use crate::contract::error::{ErrorCode, PlanError};
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// serde_json's words for a number too large for a double: valid JSON, which the request's
/// reader then refuses where it stands.
pub(super) const OUT_OF_RANGE: &str = "number out of range";

/// Any JSON value, read to its end with every string decoded — so a lone surrogate is a syntax
/// error wherever it stands, even under a field the request then refuses — and at most 128
/// levels deep (serde_json's limit).
pub(super) struct AnyJson;

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

/// Text that is not JSON: where (line and column, in characters) and what, in words.
pub(super) fn syntax_error(text: &str, e: &serde_json::Error) -> PlanError {
    let lang = crate::contract::fields::sniff_lang(text.as_bytes());
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

//! Whether the text is JSON at all, and a syntax error in words: where (line and column, in
//! characters) and what.
//!
//! Where serde_json stopped is told from the text at the error's line and column ([`stop`]): a
//! number too large for a double (`1e400`, valid JSON the request then refuses as a wrong value)
//! and a nesting too deep are known there, never from serde's words. Only the message of a
//! syntax error (always `E_JSON`) uses serde_json's words, in [`problem_words`]: no code depends
//! on them.

use crate::contract::error::{ErrorCode, PlanError};
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::error::Category;
use std::fmt;

/// Where serde_json stopped reading a text, as the text there shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// In a number where a value stands: the only syntax error serde_json reports inside a
    /// number's digits is a number too large for a double — valid JSON.
    TooLarge,
    /// At a `[` or `{` where a value stands: serde_json's limit of 128 levels.
    TooDeep,
    /// Anything else: the text is not JSON there.
    NotJson,
}

/// Where `e` stopped the reading of `text`. serde_json places an error at the byte it read last
/// (or peeked at): a number too large for a double is refused at one of its digits (its last,
/// or the exponent's digit that overflowed); a nesting too deep at the bracket it would open.
/// No other error of its syntax stands on a digit inside a number, or on a bracket, where a
/// value may stand: a number where a field name must stand (`{"a":1,1e400}`), a bracket after a
/// value, a digit in a string — each is told by the text before it. (The number is not read
/// again with `str::parse`: serde_json reads a double not quite exactly near `f64::MAX`, and its
/// own reading decides.)
pub(super) fn stop(text: &str, e: &serde_json::Error) -> Stop {
    let bytes = text.as_bytes();
    let Some(at) = error_byte(text, e).filter(|_| e.classify() == Category::Syntax) else {
        return Stop::NotJson;
    };
    match bytes[at] {
        b'[' | b'{' if value_here(&bytes[..at]) => Stop::TooDeep,
        b'0'..=b'9' => {
            let start = bytes[..at]
                .iter()
                .rposition(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                .map_or(0, |i| i + 1);
            match value_here(&bytes[..start]) && number_len(&bytes[start..]) > at - start {
                true => Stop::TooLarge,
                false => Stop::NotJson,
            }
        }
        _ => Stop::NotJson,
    }
}

/// The index of the byte an error of serde_json stands on: its column counts the bytes of its
/// line up to and including it.
fn error_byte(text: &str, e: &serde_json::Error) -> Option<usize> {
    let line_start: usize = text
        .split('\n')
        .take(e.line().checked_sub(1)?)
        .map(|line| line.len() + 1)
        .sum();
    (line_start + e.column()).checked_sub(1).filter(|&i| i < text.len())
}

/// Whether a value may start after `before` (JSON up to there): at the start, after `:` or `[`,
/// or after a `,` in a list — not in a string, not where a field name or a `,` must stand.
fn value_here(before: &[u8]) -> bool {
    let mut open = Vec::new();
    let (mut string, mut escaped, mut last) = (false, false, None);
    for &b in before {
        if string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b' ' | b'\n' | b'\t' | b'\r' => continue,
            b'"' => string = true,
            b'[' | b'{' => open.push(b),
            b']' | b'}' => {
                open.pop();
            }
            _ => {}
        }
        last = Some(b);
    }
    !string
        && match last {
            None | Some(b':' | b'[') => true,
            Some(b',') => open.last() == Some(&b'['),
            _ => false,
        }
}

/// The length of the JSON number `bytes` start with (0: none).
fn number_len(bytes: &[u8]) -> usize {
    let digits = |from: usize| bytes.iter().skip(from).take_while(|b| b.is_ascii_digit()).count();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    match bytes.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i += digits(i),
        _ => return 0,
    }
    if bytes.get(i) == Some(&b'.') && digits(i + 1) > 0 {
        i += 1 + digits(i + 1);
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(i + 1), Some(b'+' | b'-')));
        let n = digits(i + 1 + sign);
        if n > 0 {
            i += 1 + sign + n;
        }
    }
    i
}

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
    if stop(text, e) == Stop::TooDeep {
        return PlanError::new(
            ErrorCode::Json,
            lang,
            "Forespørgslen er indlejret mere end 128 niveauer dybt.".into(),
            "The request is nested more than 128 levels deep.".into(),
        );
    }
    let message = e.to_string();
    let what = message.rfind(" at line ").map_or(&*message, |i| &message[..i]);
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

/// serde_json's words for a syntax error, in Danish and in English; the first match counts. Only
/// a message is chosen here: the code of a syntax error is always `E_JSON`.
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

    /// [`stop`] reads the text where serde_json stopped as serde_json's own words say: checked
    /// here, over texts with errors at every place, against those words (in tests only).
    #[test]
    fn the_stop_is_told_from_the_text_as_serde_words_it() {
        let deep = format!(r#"{{"x":{}1{}}}"#, "[".repeat(130), "]".repeat(130));
        let texts = [
            r#"{"lang":"en","start":1e400,"pauses":[{"hours_per_week":-1e309}],"x":[1 9e999]}"#,
            r#"{"a":1,9e999,"b":[1e400.5],"c":"\ud8009e999","d":01,"e":1e99999999999}"#,
            r#"{"a" 1e400, 1E+400: 17976931348623159e292 [1,]"#,
            "{\n\"x\":\n[1\n9e999],\"y\":\"\\\u{1}\",\"z\":tr1e400}",
            "[1e400] 1e400",
            &deep,
        ];
        let (mut large, mut too_deep, mut other) = (0, 0, 0);
        for text in texts {
            // Every prefix, and the text with a `1e400`, a `[` or a `,` put in at every place.
            let mut variants = Vec::new();
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                variants.push(text[..i].to_owned());
                for put in ["1e400", "[", ","] {
                    variants.push(format!("{}{put}{}", &text[..i], &text[i..]));
                }
            }
            for variant in variants {
                let Err(e) = serde_json::from_str::<AnyJson>(&variant) else {
                    continue;
                };
                let words = e.to_string();
                let stop = stop(&variant, &e);
                assert_eq!(
                    (stop == Stop::TooLarge, stop == Stop::TooDeep),
                    (
                        words.starts_with("number out of range"),
                        words.starts_with("recursion limit exceeded")
                    ),
                    "{variant}: {words}"
                );
                match stop {
                    Stop::TooLarge => large += 1,
                    Stop::TooDeep => too_deep += 1,
                    Stop::NotJson => other += 1,
                }
            }
        }
        assert!(
            large > 100 && too_deep > 100 && other > 500,
            "{large} {too_deep} {other}"
        );
    }

    #[test]
    fn a_number_is_read_by_json_grammar() {
        for (text, len) in [
            ("1e400,", 5),
            ("-0.5e-3]", 7),
            ("01", 1),
            ("1.e5", 1),
            ("1e+", 1),
            ("-x", 0),
            ("e9", 0),
            ("17976931348623159e292", 21),
        ] {
            assert_eq!(number_len(text.as_bytes()), len, "{text}");
        }
    }
}

//! The contract's error for a request serde could not read: what serde or a visitor of
//! [`super`] said (a mark, or serde's own wording), turned into a stable code, a message in the
//! request's language and the field's path.

use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::fields::{FIELDS, MAX_PAUSES, PAUSE_FIELDS, label};
use crate::contract::hours::{EXPECT_NUMBER, MAX_HOURS_PER_WEEK};
use crate::vocabulary::lang::Lang;
use crate::vocabulary::words::{EXPECT_STRING, MARK};
use serde::de;
use std::fmt;

pub(super) const EXPECT_ARRAY: &str = "\u{1}array";
pub(super) const EXPECT_OBJECT: &str = "\u{1}object";
const EXPECT_BOOL: &str = "a boolean";

pub(super) fn too_many<E: de::Error>(n: usize) -> E {
    E::custom(format_args!("{MARK}E_TOO_MANY_PAUSES{MARK}{n}"))
}

/// serde_json's words for a number too large for a double.
pub(super) const OUT_OF_RANGE: &str = "number out of range";

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

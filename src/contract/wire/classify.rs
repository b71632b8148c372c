//! The contract's error for a request that could not be read: a [`Problem`] the reader found
//! (in `read.rs`), or a number too large for a double, turned into a stable code, a message in
//! the request's language and the field's path. Nothing here reads serde's words.

use super::read::{Expect, Problem};
use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::fields::{FIELDS, MAX_PAUSES, PAUSE_FIELDS, label};
use crate::contract::hours::MAX_HOURS_PER_WEEK;
use crate::vocabulary::lang::Lang;
use std::fmt;

/// A number too large to read (`1e400`) at `path`: a field of the contract that is not a number
/// has the wrong type; one that is a number (`hours_per_week`, `prior_hours`) is not a number a
/// double holds — `E_TYPE` too, as `NaN` or an infinity in a request object is.
pub(super) fn number_out_of_range(path: &str, lang: Lang) -> PlanError {
    if path.is_empty() || path.ends_with(']') {
        return not_object(path, lang);
    }
    let expect = match path {
        "prior_hours" => Expect::Number,
        "pauses" => Expect::List,
        "compare" => Expect::Bool,
        _ if path.ends_with(".hours_per_week") => Expect::Number,
        _ => Expect::Text,
    };
    type_error(path, expect, lang)
}

impl Problem {
    /// The contract's error for the problem: its code, its message in `lang`, its field.
    pub(crate) fn error(self, lang: Lang) -> PlanError {
        match self {
            Problem::UnknownValue { path, value, allowed } => {
                unknown_value_error(&path, &value, &allowed.join(", "), lang)
            }
            Problem::TooManyPauses(n) => too_many_pauses(n, lang),
            Problem::Hours { path, value } => hours_refused(&path, &value, lang),
            Problem::Type { path, expect } => type_error(&path, expect, lang),
            Problem::NotObject { path } => not_object(&path, lang),
            Problem::UnknownField { within, key } => unknown_field(&key, &within, lang),
            Problem::DuplicateField { within, key } => {
                let field = if within.is_empty() {
                    key.clone()
                } else {
                    format!("{within}.{key}")
                };
                PlanError::new(
                    ErrorCode::DuplicateField,
                    lang,
                    format!("Feltet {} står mere end én gang i forespørgslen.", quote(&key)),
                    format!("The field {} appears more than once in the request.", quote(&key)),
                )
                .at(field)
            }
        }
    }
}

/// A value of the wrong JSON type at `path`.
fn type_error(path: &str, expect: Expect, lang: Lang) -> PlanError {
    let (da, en) = match expect {
        Expect::Text => ("være en tekst", "be a string"),
        Expect::List => ("være en liste", "be an array"),
        Expect::Bool => ("være true eller false", "be true or false"),
        Expect::Number if path == "prior_hours" => {
            ("være et tal, fx 481 eller 481,25", "be a number, e.g. 481 or 481.25")
        }
        Expect::Number => ("være et tal, fx 15 eller 18,5", "be a number, e.g. 15 or 18.5"),
    };
    wrong_type(path, da, en, lang)
}

/// A request the input could not give at all (`message`: what the reader of the input said).
pub(crate) fn unreadable(message: &str, lang: Lang) -> PlanError {
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

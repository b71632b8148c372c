//! Bad input: every kind has a stable code, and every error carries a message in the request's
//! language. Nothing in the core panics on input; everything that can go wrong ends here.

use crate::lang::Lang;
use serde::Serialize;
use std::fmt;

/// The stable error codes. The strings are part of the JSON contract: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ErrorCode {
    /// The text is not JSON (or is nested too deeply).
    #[serde(rename = "E_JSON")]
    Json,
    /// The request is larger than [`crate::request::MAX_REQUEST_BYTES`].
    #[serde(rename = "E_REQUEST_TOO_LARGE")]
    RequestTooLarge,
    /// The request, or a pause, is not a JSON object.
    #[serde(rename = "E_NOT_OBJECT")]
    NotObject,
    /// A field the contract does not know.
    #[serde(rename = "E_UNKNOWN_FIELD")]
    UnknownField,
    /// The same field twice in one object.
    #[serde(rename = "E_DUPLICATE_FIELD")]
    DuplicateField,
    /// A required field is missing or null.
    #[serde(rename = "E_MISSING_FIELD")]
    MissingField,
    /// A field has the wrong JSON type.
    #[serde(rename = "E_TYPE")]
    Type,
    /// A date is not written `YYYY-MM-DD`.
    #[serde(rename = "E_DATE_FORMAT")]
    DateFormat,
    /// A date is written correctly but does not exist (2023-02-29, 2024-13-01).
    #[serde(rename = "E_DATE_INVALID")]
    DateInvalid,
    /// A date lies outside the years the calculator handles.
    #[serde(rename = "E_DATE_RANGE")]
    DateRange,
    /// A field has a value outside its list (`insurance`, `group`, `lang`, a pause's `reason`).
    #[serde(rename = "E_UNKNOWN_VALUE")]
    UnknownValue,
    /// `start` is before 2015-07-01.
    #[serde(rename = "E_START_TOO_EARLY")]
    StartTooEarly,
    /// `start` is after 2099-12-31.
    #[serde(rename = "E_START_TOO_LATE")]
    StartTooLate,
    /// A pause ends before it begins.
    #[serde(rename = "E_PAUSE_REVERSED")]
    PauseReversed,
    /// More than [`crate::request::MAX_PAUSES`] pauses.
    #[serde(rename = "E_TOO_MANY_PAUSES")]
    TooManyPauses,
    /// A hand-over override before T(15) or after L(6 md).
    #[serde(rename = "E_HANDOVER_RANGE")]
    HandoverRange,
    /// A hand-over override where the plan has no hand-over.
    #[serde(rename = "E_HANDOVER_NOT_APPLICABLE")]
    HandoverNotApplicable,
    /// The group is not modelled for the regime of `start`.
    #[serde(rename = "E_GROUP_UNSUPPORTED")]
    GroupUnsupported,
    /// A command-line argument is wrong (the command line only).
    #[serde(rename = "E_USAGE")]
    Usage,
}

impl ErrorCode {
    /// Every code, for documentation and tests.
    pub const ALL: [ErrorCode; 19] = [
        ErrorCode::Json,
        ErrorCode::RequestTooLarge,
        ErrorCode::NotObject,
        ErrorCode::UnknownField,
        ErrorCode::DuplicateField,
        ErrorCode::MissingField,
        ErrorCode::Type,
        ErrorCode::DateFormat,
        ErrorCode::DateInvalid,
        ErrorCode::DateRange,
        ErrorCode::UnknownValue,
        ErrorCode::StartTooEarly,
        ErrorCode::StartTooLate,
        ErrorCode::PauseReversed,
        ErrorCode::TooManyPauses,
        ErrorCode::HandoverRange,
        ErrorCode::HandoverNotApplicable,
        ErrorCode::GroupUnsupported,
        ErrorCode::Usage,
    ];

    /// The code as it appears in JSON and on a JS `Error`'s `.code`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Json => "E_JSON",
            ErrorCode::RequestTooLarge => "E_REQUEST_TOO_LARGE",
            ErrorCode::NotObject => "E_NOT_OBJECT",
            ErrorCode::UnknownField => "E_UNKNOWN_FIELD",
            ErrorCode::DuplicateField => "E_DUPLICATE_FIELD",
            ErrorCode::MissingField => "E_MISSING_FIELD",
            ErrorCode::Type => "E_TYPE",
            ErrorCode::DateFormat => "E_DATE_FORMAT",
            ErrorCode::DateInvalid => "E_DATE_INVALID",
            ErrorCode::DateRange => "E_DATE_RANGE",
            ErrorCode::UnknownValue => "E_UNKNOWN_VALUE",
            ErrorCode::StartTooEarly => "E_START_TOO_EARLY",
            ErrorCode::StartTooLate => "E_START_TOO_LATE",
            ErrorCode::PauseReversed => "E_PAUSE_REVERSED",
            ErrorCode::TooManyPauses => "E_TOO_MANY_PAUSES",
            ErrorCode::HandoverRange => "E_HANDOVER_RANGE",
            ErrorCode::HandoverNotApplicable => "E_HANDOVER_NOT_APPLICABLE",
            ErrorCode::GroupUnsupported => "E_GROUP_UNSUPPORTED",
            ErrorCode::Usage => "E_USAGE",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error with its code and a message already written in the request's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanError {
    pub code: ErrorCode,
    pub message: String,
}

impl PlanError {
    /// An error whose message is chosen from a Danish and an English text.
    pub fn new(code: ErrorCode, lang: Lang, da: String, en: String) -> PlanError {
        PlanError {
            code,
            message: lang.pick(da, en),
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for PlanError {}

/// The `{"error":{…}}` object the JSON interfaces answer with.
#[derive(Debug, Serialize)]
pub struct ErrorResponse<'a> {
    pub error: &'a PlanError,
}

/// Quotes a piece of user input for a message: at most 40 characters, with control and
/// bidirectional-formatting characters written as escapes so they cannot disturb the text
/// around them.
pub fn quote(input: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::from("\u{201c}");
    for (i, c) in input.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        let hidden = c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{feff}');
        if hidden {
            out.push_str(&format!("\\u{{{:04x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\u{201d}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_match_serde() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn quote_escapes_hidden_characters_and_truncates() {
        assert_eq!(quote("a\u{202e}b\0"), "\u{201c}a\\u{202e}b\\u{0000}\u{201d}");
        let long = "x".repeat(100);
        let q = quote(&long);
        assert_eq!(q.chars().filter(|&c| c == 'x').count(), 40);
        assert!(q.contains('…'));
    }
}

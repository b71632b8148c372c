//! Bad input: every kind has a stable code, and every error carries a message in the request's
//! language. Nothing in the core panics on input; everything that can go wrong ends here.

use crate::contract::lang::Lang;
use crate::vocabulary::words::words;
use serde::Serialize;
use std::fmt;

words! {
    /// The stable error codes. The words are part of the JSON contract: never rename one.
    pub enum ErrorCode {
        /// The text is not JSON, not UTF-8, or nested too deeply.
        Json = "E_JSON",
        /// The request is larger than [`crate::contract::request::MAX_REQUEST_BYTES`].
        RequestTooLarge = "E_REQUEST_TOO_LARGE",
        /// The request, or a pause, is not a JSON object.
        NotObject = "E_NOT_OBJECT",
        /// A field the contract does not know.
        UnknownField = "E_UNKNOWN_FIELD",
        /// The same field twice in one object.
        DuplicateField = "E_DUPLICATE_FIELD",
        /// A required field is missing or null.
        MissingField = "E_MISSING_FIELD",
        /// A field has the wrong JSON type.
        Type = "E_TYPE",
        /// A date is not written `YYYY-MM-DD`.
        DateFormat = "E_DATE_FORMAT",
        /// A date is written correctly but does not exist (2023-02-29, 2024-13-01).
        DateInvalid = "E_DATE_INVALID",
        /// A date lies outside the years the calculator handles.
        DateRange = "E_DATE_RANGE",
        /// A field has a value outside its list (`insurance`, `group`, `lang`, a pause's `reason`).
        UnknownValue = "E_UNKNOWN_VALUE",
        /// `start` is before 2015-07-01.
        StartTooEarly = "E_START_TOO_EARLY",
        /// `start` is after 2099-12-31.
        StartTooLate = "E_START_TOO_LATE",
        /// A pause ends before it begins.
        PauseReversed = "E_PAUSE_REVERSED",
        /// More than [`crate::contract::request::MAX_PAUSES`] pauses.
        TooManyPauses = "E_TOO_MANY_PAUSES",
        /// `prior_hours` is more than a whole dagpengeperiode (5,772 hours; deltid 4,680).
        PriorHours = "E_PRIOR_HOURS",
        /// A period of part-time work without an end leaves no hours (or too few to reach 16
        /// months before 2199-12-31): it needs an end date.
        OpenEndedNoHours = "E_OPEN_ENDED_NO_HOURS",
        /// A hand-over override before T(15) or after L(6 md).
        HandoverRange = "E_HANDOVER_RANGE",
        /// A hand-over override where the plan has no hand-over.
        HandoverNotApplicable = "E_HANDOVER_NOT_APPLICABLE",
        /// The group is not modelled for the regime of `start`.
        GroupUnsupported = "E_GROUP_UNSUPPORTED",
        /// A caseload file is larger or longer than the limits (docs/contract.md, "Limits").
        CsvTooLarge = "E_CSV_TOO_LARGE",
        /// A caseload file's header is missing or repeats a column, or lacks a column it needs.
        CsvHeader = "E_CSV_HEADER",
        /// A caseload file is not a table: not text, or a spreadsheet that cannot be read (or
        /// has no sheet of the name asked for).
        CsvFile = "E_CSV_FILE",
        /// A row of a caseload file has a quoted field that does not close properly.
        CsvQuote = "E_CSV_QUOTE",
        /// A row of a caseload file is not UTF-8 where the rest of the file is.
        CsvEncoding = "E_CSV_ENCODING",
        /// A row of a caseload file is longer than 64 KiB.
        CsvRow = "E_CSV_ROW",
        /// A row has another number of fields than the header.
        CsvFields = "E_CSV_FIELDS",
        /// A date in a caseload file is not a date, or does not exist.
        CsvDate = "E_CSV_DATE",
        /// A value in a caseload file is missing, unknown or too long.
        CsvValue = "E_CSV_VALUE",
        /// A pause in a caseload file is not written FROM..TO (or FROM..TO:HOURSt), or its hours cannot be used.
        CsvPause = "E_CSV_PAUSE",
        /// A held date is for a samtale the member's plan does not have, or before the start.
        CsvHeld = "E_CSV_HELD",
        /// A command-line argument is wrong (the command line only).
        Usage = "E_USAGE",
        /// The WebAssembly module could not draw into the page (the browser only).
        Render = "E_RENDER",
        /// A fault in the calculator itself, never bad input: please report it.
        Internal = "E_INTERNAL",
    }
}

/// An error with its code, a message already written in the request's language, and where
/// known the field it is about (`start`, `pauses[2].to`), so a form can show it beside that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl PlanError {
    /// An error whose message is chosen from a Danish and an English text.
    pub fn new(code: ErrorCode, lang: Lang, da: String, en: String) -> PlanError {
        PlanError {
            code,
            message: lang.pick(da, en),
            field: None,
        }
    }

    /// A fault in the calculator, never the user's: a state the code should not reach.
    pub fn internal(detail: &str, lang: Lang) -> PlanError {
        PlanError::new(
            ErrorCode::Internal,
            lang,
            format!("Der skete en fejl i beregneren ({detail}). Prøv igen, og meld fejlen, hvis den gentager sig."),
            format!("The calculator failed ({detail}). Try again, and report it if it happens again."),
        )
    }

    /// The same error, about `field`.
    pub fn at(self, field: impl Into<String>) -> PlanError {
        PlanError {
            field: Some(field.into()),
            ..self
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
        for &code in ErrorCode::ALL {
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

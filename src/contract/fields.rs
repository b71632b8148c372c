//! The request's fields, words and limits, as both the reader of JSON ([`super::wire`]) and the
//! checks of a request read ([`super::request`]) name them: a module of their own, so that the
//! request depends on the reader and the reader not on the request.

use crate::vocabulary::dates::ymd;
use crate::vocabulary::lang::Lang;
use crate::vocabulary::words::words;
use chrono::NaiveDate;

/// A request line or document may be at most 64 KiB.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// At most this many pauses in one request.
pub const MAX_PAUSES: usize = 1000;
/// The first `start` the calculator knows rules for (the 2015 reform).
pub const FIRST_START: NaiveDate = ymd(2015, 7, 1);
/// The last `start` accepted.
pub const LAST_START: NaiveDate = ymd(2099, 12, 31);
/// Every other date in a request (pauses, hand-over, today) must lie in these years.
pub const FIRST_DATE: NaiveDate = ymd(1900, 1, 1);
pub const LAST_DATE: NaiveDate = ymd(2199, 12, 31);

words! {
    /// Why no dagpenge were paid in a pause. It does not change the arithmetic.
    #[derive(Default)]
    pub enum PauseReason {
        Arbejde = "arbejde",
        Sygdom = "sygdom",
        Barsel = "barsel",
        Ferie = "ferie",
        Afmeldt = "afmeldt",
        #[default]
        Andet = "andet",
    }
}

/// The fields of a request, as its errors name them.
pub(crate) const FIELDS: [&str; 9] = [
    "start",
    "insurance",
    "group",
    "pauses",
    "prior_hours",
    "handover",
    "today",
    "lang",
    "compare",
];

/// The fields of a pause.
pub(crate) const PAUSE_FIELDS: [&str; 4] = ["from", "to", "reason", "hours_per_week"];

/// What a field is called in a message: "Første ledighedsdag", "Periode 2, til og med" (the
/// form's words: a pause is a "periode uden dagpenge" to the user).
pub(crate) fn label(path: &str, lang: Lang) -> String {
    let fixed = match path {
        "start" => Some(("Første ledighedsdag", "The first day of unemployment")),
        "today" => Some(("Dagens dato (today)", "Today's date (today)")),
        "prior_hours" => Some(("Timer fra tidligere ledighed", "Hours from earlier unemployment")),
        "handover" => Some(("Overgangsdatoen", "The hand-over date")),
        "insurance" => Some(("Forsikringen (insurance)", "The insurance (insurance)")),
        "group" => Some(("Gruppen (group)", "The group (group)")),
        "lang" => Some(("Sproget (lang)", "The language (lang)")),
        _ => None,
    };
    if let Some((da, en)) = fixed {
        return lang.pick(da, en).to_string();
    }
    // "pauses[3].to" → "Periode 4, til og med"
    let pause = path.strip_prefix("pauses[").and_then(|rest| rest.split_once(']'));
    match pause.and_then(|(i, rest)| Some((i.parse::<usize>().ok()? + 1, rest))) {
        Some((n, ".from")) => lang.pick(format!("Periode {n}, fra og med"), format!("Period {n}, from")),
        Some((n, ".to")) => lang.pick(format!("Periode {n}, til og med"), format!("Period {n}, to")),
        Some((n, ".hours_per_week")) => lang.pick(
            format!("Periode {n}, timer om ugen"),
            format!("Period {n}, hours per week"),
        ),
        Some((n, ".reason")) => lang.pick(format!("Periode {n}, årsag"), format!("Period {n}, reason")),
        Some((n, _)) => lang.pick(format!("Periode {n}"), format!("Period {n}")),
        None => lang.pick(format!("Feltet {path}"), format!("The field {path}")),
    }
}

/// For errors found before the JSON is read: English only if the start of the text plainly
/// asks for it with `"lang":"en"`.
pub fn sniff_lang(text: &[u8]) -> Lang {
    let head = &text[..text.len().min(4096)];
    let compact: Vec<u8> = head.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
    if compact.windows(11).any(|w| w == b"\"lang\":\"en\"") {
        Lang::En
    } else {
        Lang::Da
    }
}

//! A calendar of plain all-day events for callers other than a plan: the caseload's booking
//! proposal puts a member's proposed weeks in one (issue 15). Written with the same lines,
//! escaping, folding and dates as the plan's calendar.

use super::Stamp;
use super::lines::{Writer, escape_text};
use super::stamp::ics_date;
use chrono::NaiveDate;

/// An all-day event from `from` to `to`, both included.
#[derive(Debug, Clone)]
pub struct AllDay {
    /// Unique and stable for the same event (escaped here).
    pub uid: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub summary: String,
    pub description: String,
}

/// A `VCALENDAR` named `name` with one `VEVENT` per event, stamped `stamp`.
pub fn calendar(name: &str, events: &[AllDay], stamp: Stamp) -> String {
    let mut w = Writer::default();
    w.raw("BEGIN", "VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw(
        "PRODID",
        &format!("-//Samtaleplan//Samtaleplan {}//DA", env!("CARGO_PKG_VERSION")),
    );
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    w.text("X-WR-CALNAME", name);
    for e in events {
        w.raw("BEGIN", "VEVENT");
        w.text("UID", &e.uid);
        w.raw("DTSTAMP", &stamp.to_string());
        w.raw("DTSTART;VALUE=DATE", &ics_date(e.from));
        // DTEND is exclusive: the day after the last.
        if let Some(end) = e.to.max(e.from).succ_opt() {
            w.raw("DTEND;VALUE=DATE", &ics_date(end));
        }
        w.text("SUMMARY", &e.summary);
        w.text("DESCRIPTION", &e.description);
        w.raw("CATEGORIES", &escape_text("Samtaleplan"));
        w.raw("TRANSP", "TRANSPARENT");
        w.raw("END", "VEVENT");
    }
    w.raw("END", "VCALENDAR");
    w.out
}

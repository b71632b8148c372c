//! The plan as an iCalendar file (RFC 5545): one all-day event per samtale, spanning its window
//! from the earliest to the latest date, with a reminder the day before the latest date.
//!
//! The core never reads a clock, so the `DTSTAMP` every event must carry is an input: the caller
//! passes a [`Stamp`] (the page the browser's time, the command line the system's).
//!
//! Every line ends with CRLF and is folded at 75 octets without splitting a UTF-8 character;
//! text values are escaped as RFC 5545 § 3.3.11 says. The UID of an event depends only on the
//! plan's start, insurance and group and the samtale's id — not on its dates — so downloading the
//! plan again, after adding a pause that moves a window, updates the events in a calendar rather
//! than doubling them.
//!
//! This file writes the calendar and its events; `lines` escapes and folds the content lines,
//! `stamp` writes and reads the date values, `uid` makes the UIDs.

mod events;
mod lines;
mod stamp;
#[cfg(test)]
mod tests;
mod uid;

pub use events::{AllDay, calendar};
pub use stamp::{Stamp, parse_stamp, parse_stamp_in};

use crate::contract::lang::Lang;
use crate::contract::response::{Response, Samtale};
use crate::rules::dates;
use crate::rules::regimes::Obligation;
use lines::{Writer, escape_text};
use stamp::ics_date;
use uid::uid;

/// The plan as an iCalendar file: a `VCALENDAR` with one all-day `VEVENT` per samtale, in the
/// plan's order and language, each with a `VALARM` at 09:00 the day before its latest date.
pub fn ics(plan: &Response, stamp: Stamp) -> String {
    let lang = plan.lang;
    let mut w = Writer::default();
    w.raw("BEGIN", "VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw(
        "PRODID",
        &format!(
            "-//Samtaleplan//Samtaleplan {}//{}",
            env!("CARGO_PKG_VERSION"),
            lang.pick("DA", "EN")
        ),
    );
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    w.text("X-WR-CALNAME", "Samtaleplan");
    w.text(
        "X-WR-CALDESC",
        &format!(
            "{} {}",
            lang.pick(
                format!(
                    "Samtaler for ledighed fra {} ({} {}).",
                    dates::long(plan.start, lang),
                    plan.regime.id,
                    plan.regime.name
                ),
                format!(
                    "Samtaler for unemployment from {} ({} {}).",
                    dates::long(plan.start, lang),
                    plan.regime.id,
                    plan.regime.name
                ),
            ),
            indicative(lang)
        ),
    );
    for samtale in &plan.samtaler {
        event(&mut w, plan, samtale, stamp);
    }
    w.raw("END", "VCALENDAR");
    w.out
}

fn event(w: &mut Writer, plan: &Response, s: &Samtale, stamp: Stamp) {
    let lang = plan.lang;
    // The plan orders every window; should one come reversed, the event still ends after it starts.
    let last = s.latest.max(s.earliest);
    w.raw("BEGIN", "VEVENT");
    w.raw("UID", &uid(plan, s));
    w.raw("DTSTAMP", &stamp.to_string());
    w.raw("DTSTART;VALUE=DATE", &ics_date(s.earliest));
    // DTEND of an all-day event is exclusive: the day after the latest date. Without a next day
    // (chrono's last date, never a plan's) the event is left one day long, RFC 5545's default.
    if let Some(end) = last.succ_opt() {
        w.raw("DTEND;VALUE=DATE", &ics_date(end));
    }
    w.text("SUMMARY", &summary(s));
    w.text("DESCRIPTION", &description(plan, s));
    w.raw("CATEGORIES", &escape_text("Samtaleplan"));
    w.raw("TRANSP", "TRANSPARENT");
    w.raw("BEGIN", "VALARM");
    w.raw("ACTION", "DISPLAY");
    // DTEND is 00:00 the day after the latest date, so this is 09:00 the day before it.
    w.raw("TRIGGER;RELATED=END", "-P1DT15H");
    w.text(
        "DESCRIPTION",
        &lang.pick(
            format!("Senest i morgen, {}: {}", dates::long(s.latest, lang), summary(s)),
            format!("Deadline tomorrow, {}: {}", dates::long(s.latest, lang), summary(s)),
        ),
    );
    w.raw("END", "VALARM");
    w.raw("END", "VEVENT");
}

/// "A2 2. jobsamtale i a-kassen (a-kassen)".
fn summary(s: &Samtale) -> String {
    format!("{} {} ({})", s.id, s.title, s.holder_label)
}

/// The latest date in words, the explanation, the citation and the note that dates are
/// indicative, one paragraph a line.
fn description(plan: &Response, s: &Samtale) -> String {
    let lang = plan.lang;
    let mut lines = vec![lang.pick(
        format!(
            "Senest {} (tidligst {}). Holdes af {}.",
            dates::long(s.latest, lang),
            dates::long(s.earliest, lang),
            s.holder_label
        ),
        format!(
            "By {} (at the earliest {}). Held by {}.",
            dates::long(s.latest, lang),
            dates::long(s.earliest, lang),
            s.holder_label
        ),
    )];
    if let Some(day) = s.last_working_day.filter(|_| s.latest_non_working) {
        lines.push(lang.pick(
            format!(
                "Den seneste dato er ikke en arbejdsdag; den sidste arbejdsdag før den er {}.",
                dates::long(day, lang)
            ),
            format!(
                "The latest date is not a working day; the last working day before it is {}.",
                dates::long(day, lang)
            ),
        ));
    }
    if s.obligation != Obligation::Required {
        lines.push(format!(
            "{}: {}.",
            lang.pick("Forpligtelse", "Obligation"),
            s.obligation.label(lang)
        ));
    }
    if let Some(note) = s.note {
        lines.push(note.to_string());
    }
    if !s.explanation.is_empty() {
        lines.push(s.explanation.clone());
    }
    lines.push(format!(
        "{}: {} [{}]",
        lang.pick("Hjemmel", "Legal basis"),
        s.citation,
        s.basis.label(lang)
    ));
    lines.push(indicative(lang).to_string());
    lines.join("\n")
}

fn indicative(lang: Lang) -> &'static str {
    lang.pick(
        "Alle datoer er vejledende: din a-kasse og dit jobcenter eller din kommune fastsætter de rigtige \
         datoer og indkalder dig.",
        "All dates are indicative: your a-kasse and your jobcentre or municipality set the real dates \
         and call you in.",
    )
}

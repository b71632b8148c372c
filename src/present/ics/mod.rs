//! The plan as an iCalendar file (RFC 5545): one all-day event per samtale on its **latest** date
//! ("Senest i dag: …"), its window, holder, citation and the plan's link in the description, and
//! a reminder at 09:00 three days before. A deadline is the one date a person must not miss; a
//! months-long event would cover their calendar and say nothing on the day that matters. Samtaler
//! whose latest date is before the plan's `today` are left out unless asked for
//! ([`IcsOptions::include_past`]).
//!
//! The core never reads a clock, so the `DTSTAMP` every event must carry is an input: the caller
//! passes a [`Stamp`] (the page the browser's time, the command line the system's).
//!
//! Every line ends with CRLF and is folded at 75 octets without splitting a UTF-8 character;
//! text values are escaped as RFC 5545 § 3.3.11 says. The UID of an event depends only on the
//! plan's start, insurance and group and the samtale's id — not on its dates — so downloading the
//! plan again, after adding a pause that moves a window, updates the events in a calendar rather
//! than doubling them; when a caseload exports a member's plan, on the member's reference too
//! ([`IcsOptions::member`]), so two members with the same start do not share events.
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
use crate::rules::regimes::Obligation;
use crate::vocabulary::dates;
use lines::Writer;
use stamp::ics_date;
use uid::uid;

/// What the caller adds to the calendar: the link that reproduces the plan, and whether samtaler
/// whose latest date has passed are wanted too.
#[derive(Debug, Clone, Copy, Default)]
pub struct IcsOptions<'a> {
    /// The page's address of this plan, put in each description (and as `URL` when it is a plain
    /// ASCII address).
    pub link: Option<&'a str>,
    /// Keep the samtaler whose latest date is before the plan's `today`.
    pub include_past: bool,
    /// The member the plan is for, when a caseload exports it: it goes into each event's UID
    /// (hashed), so two members' calendars with the same start do not overwrite each other's
    /// events. `None` for a citizen's own plan, whose UIDs stay as they were.
    pub member: Option<&'a str>,
}

/// The plan as an iCalendar file: a `VCALENDAR` with one all-day `VEVENT` per samtale on its
/// latest date, in the plan's order and language, each with a `VALARM` at 09:00 three days
/// before. Without `include_past`, samtaler whose latest date is before `plan.today` are left out.
pub fn ics(plan: &Response, stamp: Stamp, options: &IcsOptions) -> String {
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
        let past = plan.today.is_some_and(|today| samtale.latest < today);
        if options.include_past || !past {
            event(&mut w, plan, samtale, stamp, options);
        }
    }
    w.raw("END", "VCALENDAR");
    w.out
}

fn event(w: &mut Writer, plan: &Response, s: &Samtale, stamp: Stamp, options: &IcsOptions) {
    let lang = plan.lang;
    let link = options.link;
    w.raw("BEGIN", "VEVENT");
    w.raw("UID", &uid(plan, s, options.member));
    w.raw("DTSTAMP", &stamp.to_string());
    // One day: the latest date. DTEND of an all-day event is exclusive, so the day after it;
    // without a next day (chrono's last date, never a plan's) it is left out, and the event is one
    // day long, RFC 5545's default.
    w.raw("DTSTART;VALUE=DATE", &ics_date(s.latest));
    if let Some(end) = s.latest.succ_opt() {
        w.raw("DTEND;VALUE=DATE", &ics_date(end));
    }
    w.text("SUMMARY", &summary(s, lang));
    w.text("DESCRIPTION", &description(plan, s, link));
    if let Some(url) = link.filter(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_graphic())) {
        w.raw("URL", url);
    }
    w.raw("CATEGORIES", "Samtaleplan");
    w.raw("TRANSP", "TRANSPARENT");
    w.raw("BEGIN", "VALARM");
    w.raw("ACTION", "DISPLAY");
    // DTSTART is 00:00 on the latest date, so this is 09:00 three days before it.
    w.raw("TRIGGER", "-P2DT15H");
    w.text(
        "DESCRIPTION",
        &lang.pick(
            format!(
                "Senest om 3 dage, {}: {} ({})",
                dates::long(s.latest, lang),
                s.title,
                s.id
            ),
            format!("Due in 3 days, {}: {} ({})", dates::long(s.latest, lang), s.title, s.id),
        ),
    );
    w.raw("END", "VALARM");
    w.raw("END", "VEVENT");
}

/// "Senest i dag: 2. jobsamtale i a-kassen (A2)".
fn summary(s: &Samtale, lang: Lang) -> String {
    format!("{} {} ({})", lang.pick("Senest i dag:", "Last day:"), s.title, s.id)
}

/// The window and holder, the explanation, the citation, the link and the note that dates are
/// indicative, one paragraph a line.
fn description(plan: &Response, s: &Samtale, link: Option<&str>) -> String {
    let lang = plan.lang;
    let mut lines = vec![lang.pick(
        format!(
            "{} {}: senest {}, tidligst {}. Holdes af {}.",
            s.id,
            s.title,
            dates::long(s.latest, lang),
            dates::long(s.earliest, lang),
            s.holder_label
        ),
        format!(
            "{} {}: by {}, at the earliest {}. Held by {}.",
            s.id,
            s.title,
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
    if let Some(link) = link.filter(|l| !l.is_empty()) {
        lines.push(format!("{}: {link}", lang.pick("Din plan", "Your plan")));
    }
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

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

use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::lang::Lang;
use crate::contract::response::{Response, Samtale};
use crate::present::hash::Fnv1a;
use crate::rules::dates;
use crate::rules::regimes::Obligation;
use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::hash::Hasher;
use std::str::FromStr;

/// The longest a content line may be, in octets, without its CRLF (RFC 5545 § 3.1).
const MAX_LINE_OCTETS: usize = 75;

/// The MIME type of what [`ics`] writes.
pub const MIME_TYPE: &str = "text/calendar; charset=utf-8";

/// A UTC date and time, `DTSTAMP`'s value: when the file was made. Written `YYYYMMDDTHHMMSSZ`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    date: NaiveDate,
    hour: u8,
    minute: u8,
    second: u8,
}

impl Stamp {
    /// A stamp from its parts; `None` unless `hour < 24`, `minute < 60`, `second < 61` (60 being
    /// a leap second) and the year has four digits (0–9999).
    pub fn new(date: NaiveDate, hour: u8, minute: u8, second: u8) -> Option<Stamp> {
        let valid = (0..=9999).contains(&date.year()) && hour < 24 && minute < 60 && second < 61;
        valid.then_some(Stamp {
            date,
            hour,
            minute,
            second,
        })
    }

    /// Midnight UTC at the start of `date` (years 0–9999).
    pub fn midnight(date: NaiveDate) -> Option<Stamp> {
        Stamp::new(date, 0, 0, 0)
    }

    pub fn date(self) -> NaiveDate {
        self.date
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }

    pub fn second(self) -> u8 {
        self.second
    }
}

/// `20240304T091500Z`.
impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}{:02}{:02}Z",
            ics_date(self.date),
            self.hour,
            self.minute,
            self.second
        )
    }
}

impl FromStr for Stamp {
    type Err = PlanError;

    fn from_str(s: &str) -> Result<Stamp, PlanError> {
        parse_stamp(s)
    }
}

/// Reads a stamp written exactly `YYYYMMDDTHHMMSSZ` (RFC 5545's UTC date-time), with its
/// messages in Danish. See [`parse_stamp_in`].
pub fn parse_stamp(s: &str) -> Result<Stamp, PlanError> {
    parse_stamp_in(s, Lang::Da)
}

/// Reads a stamp written exactly `YYYYMMDDTHHMMSSZ`: ASCII digits, a `T`, a `Z`, a day that
/// exists, `HH` < 24, `MM` < 60, `SS` < 61. Anything else is [`ErrorCode::DateFormat`] about the
/// field `stamp`, with its message in `lang`.
pub fn parse_stamp_in(s: &str, lang: Lang) -> Result<Stamp, PlanError> {
    let b = s.as_bytes();
    let shape = b.len() == 16 && b[8] == b'T' && b[15] == b'Z';
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let parts = shape
        .then(|| {
            Some((
                number(0..4)?,
                number(4..6)?,
                number(6..8)?,
                number(9..11)?,
                number(11..13)?,
                number(13..15)?,
            ))
        })
        .flatten();
    let Some((year, month, day, hour, minute, second)) = parts else {
        return Err(stamp_error(
            lang,
            format!(
                "{} er ikke et tidsstempel på formen ÅÅÅÅMMDDTttmmssZ (UTC), fx 20240304T091500Z.",
                quote(s)
            ),
            format!(
                "{} is not a time stamp of the form YYYYMMDDTHHMMSSZ (UTC), e.g. 20240304T091500Z.",
                quote(s)
            ),
        ));
    };
    // Four digits: year < 10000, so the cast cannot wrap.
    let Some(date) = NaiveDate::from_ymd_opt(year as i32, month, day) else {
        return Err(stamp_error(
            lang,
            format!("{}: datoen findes ikke i kalenderen.", quote(s)),
            format!("{}: the date does not exist.", quote(s)),
        ));
    };
    // Two digits each: every value fits in a u8.
    Stamp::new(date, hour as u8, minute as u8, second as u8).ok_or_else(|| {
        stamp_error(
            lang,
            format!(
                "{}: klokkeslættet findes ikke (timer 00–23, minutter 00–59, sekunder 00–60).",
                quote(s)
            ),
            format!(
                "{}: the time does not exist (hours 00–23, minutes 00–59, seconds 00–60).",
                quote(s)
            ),
        )
    })
}

fn stamp_error(lang: Lang, da: String, en: String) -> PlanError {
    PlanError::new(
        ErrorCode::DateFormat,
        lang,
        format!("stamp: {da}"),
        format!("stamp: {en}"),
    )
    .at("stamp")
}

/// A file name for the plan's calendar: `samtaleplan-2024-03-04.ics`.
pub fn file_name(plan: &Response) -> String {
    format!("samtaleplan-{}.ics", plan.start)
}

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

/// `<id>-<start>-<hash>@samtaleplan`: the same for the same person's samtale on every download,
/// whatever pauses have moved its dates since.
fn uid(plan: &Response, s: &Samtale) -> String {
    let mut h = Fnv1a::default();
    for part in [
        plan.start.to_string().as_str(),
        plan.insurance.as_str(),
        plan.group.as_str(),
        s.id,
    ] {
        h.write(part.as_bytes());
        // A separator no part contains, so ("ab","c") and ("a","bc") differ.
        h.write(&[0x1f]);
    }
    format!(
        "{}-{}-{:016x}@samtaleplan",
        uid_safe(s.id),
        ics_date(plan.start),
        h.finish()
    )
}

/// A samtale id as it may stand in a UID: ASCII letters, digits and `-` kept, anything else `_`.
fn uid_safe(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
        .collect()
}

/// `20240304`: RFC 5545's DATE.
fn ics_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A TEXT value escaped as RFC 5545 § 3.3.11 says: `\` `;` `,` and line breaks (CRLF, CR or LF
/// each become `\n`). Other control characters, which TEXT may not hold, are left out; a tab
/// is kept.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line to `out`, folded so that no physical line is longer than 75 octets
/// (without its CRLF): a CRLF and one space go in before the octet that would pass the limit,
/// moved back to the start of a UTF-8 character so that none is ever split.
fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    // The first physical line holds 75 octets; each continuation holds 74 after its space.
    let mut room = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // A UTF-8 character is at most 4 octets and room is at least 74, so cut > 0.
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        room = MAX_LINE_OCTETS - 1;
    }
}

/// Builds the file line by line.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// A property whose value is written as given (already escaped, or not TEXT).
    fn raw(&mut self, name: &str, value: &str) {
        fold_into(&mut self.out, &format!("{name}:{value}"));
    }

    /// A property whose value is TEXT, escaped here.
    fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_str;
    use crate::rules::dates::ymd;

    fn stamp() -> Stamp {
        parse_stamp("20240501T081530Z").unwrap()
    }

    fn plan(json: &str) -> Response {
        plan_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    /// Undoes folding: every CRLF followed by a space or tab goes (RFC 5545 § 3.1).
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "").replace("\r\n\t", "")
    }

    /// The logical lines of a file, unfolded, without their CRLF.
    fn lines(text: &str) -> Vec<String> {
        let unfolded = unfold(text);
        assert!(unfolded.ends_with("\r\n"));
        unfolded
            .trim_end_matches("\r\n")
            .split("\r\n")
            .map(str::to_string)
            .collect()
    }

    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(o) => out.push(o),
                    None => panic!("dangling backslash in {s:?}"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// The events of a file: for each VEVENT its own lines (without those of its VALARM).
    fn events(text: &str) -> Vec<Vec<String>> {
        let mut events = Vec::new();
        let mut current: Option<Vec<String>> = None;
        let mut in_alarm = false;
        for line in lines(text) {
            match line.as_str() {
                "BEGIN:VEVENT" => current = Some(Vec::new()),
                "END:VEVENT" => events.push(current.take().expect("END:VEVENT without BEGIN")),
                "BEGIN:VALARM" => in_alarm = true,
                "END:VALARM" => in_alarm = false,
                _ if in_alarm => {}
                _ => {
                    if let Some(e) = current.as_mut() {
                        e.push(line);
                    }
                }
            }
        }
        events
    }

    /// The value of the property `name` (with its parameters, e.g. `DTSTART;VALUE=DATE`).
    fn prop<'a>(event: &'a [String], name: &str) -> &'a str {
        let prefix = format!("{name}:");
        let found: Vec<&String> = event.iter().filter(|l| l.starts_with(&prefix)).collect();
        assert_eq!(found.len(), 1, "{name} in {event:?}");
        &found[0][prefix.len()..]
    }

    /// Every physical line ends with CRLF, holds no other CR or LF and is at most 75 octets.
    fn assert_well_formed(text: &str) {
        assert!(text.ends_with("\r\n"), "no final CRLF");
        for (i, physical) in text.split("\r\n").enumerate() {
            assert!(
                !physical.contains('\n') && !physical.contains('\r'),
                "bare CR/LF in line {i}"
            );
            assert!(
                physical.len() <= MAX_LINE_OCTETS,
                "line {i} is {} octets",
                physical.len()
            );
        }
        // Splitting a String on ASCII CRLF always leaves valid UTF-8, so check the bytes too: no
        // physical line may start with a UTF-8 continuation byte after its folding space.
        for physical in text.as_bytes().split(|&b| b == b'\n') {
            let body = physical.strip_prefix(b" ").unwrap_or(physical);
            if let Some(&first) = body.first() {
                assert_ne!(first & 0xc0, 0x80, "a UTF-8 character split across lines");
            }
        }
    }

    fn fold(line: &str) -> String {
        let mut out = String::new();
        fold_into(&mut out, line);
        out
    }

    #[test]
    fn folds_at_75_octets_without_splitting_utf8() {
        let danish = "Æbleøl på Ørestad-å: § 31, stk. 1–2 – rådighedssamtale 😀🇩🇰 i jobcentret ".repeat(12);
        for text in [
            String::new(),
            "x".repeat(75),
            "x".repeat(76),
            "x".repeat(75 + 74),
            "x".repeat(75 + 75),
            "ø".repeat(80),
            "😀".repeat(60),
            format!("DESCRIPTION:{danish}"),
        ] {
            let folded = fold(&text);
            assert_well_formed(&folded);
            assert_eq!(unfold(&folded), format!("{text}\r\n"));
        }
        // Exactly 75 octets stay on one line; 76 fold once.
        assert_eq!(fold(&"x".repeat(75)).matches("\r\n").count(), 1);
        assert_eq!(fold(&"x".repeat(76)), format!("{}\r\n x\r\n", "x".repeat(75)));
        // A two-octet character straddling octet 75 moves whole to the next line.
        let straddle = format!("{}ø", "x".repeat(74));
        assert_eq!(fold(&straddle), format!("{}\r\n ø\r\n", "x".repeat(74)));
        // Continuation lines carry 74 octets after their space.
        let long = fold(&"y".repeat(75 + 74 + 1));
        assert_eq!(long, format!("{}\r\n {}\r\n y\r\n", "y".repeat(75), "y".repeat(74)));
    }

    #[test]
    fn folding_holds_for_every_length_and_mix() {
        // A fixed pseudo-random walk over characters of 1–4 octets.
        let alphabet = ['a', ' ', ';', 'æ', 'ø', 'å', '§', '–', '…', '€', '😀', '𝄞'];
        let mut seed: u64 = 0x5eed;
        for n in 0..400 {
            let mut line = String::new();
            for _ in 0..n {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                line.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let folded = fold(&line);
            assert_well_formed(&folded);
            assert_eq!(unfold(&folded), format!("{line}\r\n"));
        }
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("en\nto\r\ntre\rfire"), r"en\nto\ntre\nfire");
        assert_eq!(
            escape_text("tab\tok, bell\u{7} and nul\0 gone"),
            "tab\tok\\, bell and nul gone"
        );
        assert_eq!(escape_text("æøå § 31: “x”"), "æøå § 31: “x”");
        assert_eq!(escape_text(r"\n"), r"\\n");
        let tricky = "a;b,c\\d\ne – ø";
        assert_eq!(unescape(&escape_text(tricky)), tricky);
    }

    #[test]
    fn file_is_crlf_folded_and_nested() {
        for json in [
            r#"{"start":"2024-03-04"}"#,
            r#"{"start":"2024-03-04","lang":"en","insurance":"deltid"}"#,
            r#"{"start":"2016-01-04","compare":true}"#,
        ] {
            let text = ics(&plan(json), stamp());
            assert_well_formed(&text);
            let lines = lines(&text);
            assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
            assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
            let mut stack: Vec<&str> = Vec::new();
            for line in &lines {
                if let Some(name) = line.strip_prefix("BEGIN:") {
                    stack.push(name);
                } else if let Some(name) = line.strip_prefix("END:") {
                    assert_eq!(stack.pop(), Some(name), "{json}");
                } else {
                    // Every content line is NAME[;PARAM=…]:VALUE.
                    let name = line.split([':', ';']).next().unwrap_or("");
                    assert!(
                        !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'),
                        "{line:?}"
                    );
                }
            }
            assert!(stack.is_empty());
        }
    }

    #[test]
    fn calendar_header() {
        let text = ics(&plan(r#"{"start":"2024-03-04"}"#), stamp());
        let head = lines(&text);
        assert_eq!(
            &head[..7],
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                &format!("PRODID:-//Samtaleplan//Samtaleplan {}//DA", env!("CARGO_PKG_VERSION")),
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Samtaleplan",
                "X-WR-CALDESC:Samtaler for ledighed fra mandag 4. marts 2024 (R2024 Forenklet kontaktforløb). \
                 Alle datoer er vejledende: din a-kasse og dit jobcenter eller din kommune fastsætter de \
                 rigtige datoer og indkalder dig.",
            ]
        );
        let en = ics(&plan(r#"{"start":"2024-03-04","lang":"en"}"#), stamp());
        assert!(unfold(&en).contains(&format!(
            "\r\nPRODID:-//Samtaleplan//Samtaleplan {}//EN\r\n",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(unfold(&en).contains("All dates are indicative"));
    }

    #[test]
    fn one_event_per_samtale_in_every_regime() {
        for json in [
            r#"{"start":"2015-07-01"}"#,
            r#"{"start":"2016-01-04","compare":true}"#,
            r#"{"start":"2019-12-31","insurance":"deltid"}"#,
            r#"{"start":"2020-01-02"}"#,
            r#"{"start":"2021-03-01","lang":"en"}"#,
            r#"{"start":"2024-03-04"}"#,
            r#"{"start":"2024-03-04","group":"jobcenter_from_day_one"}"#,
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-12","reason":"sygdom"}]}"#,
            r#"{"start":"2025-06-30","today":"2025-09-01"}"#,
            r#"{"start":"2026-07-01"}"#,
            r#"{"start":"2026-08-03","lang":"en","compare":true}"#,
            r#"{"start":"2099-12-31"}"#,
        ] {
            let p = plan(json);
            let text = ics(&p, stamp());
            assert_well_formed(&text);
            let evs = events(&text);
            assert!(!p.samtaler.is_empty(), "{json}");
            assert_eq!(evs.len(), p.samtaler.len(), "{json}");
            assert_eq!(text.matches("BEGIN:VALARM\r\n").count(), p.samtaler.len(), "{json}");
            for (e, s) in evs.iter().zip(&p.samtaler) {
                assert_eq!(prop(e, "DTSTART;VALUE=DATE"), ics_date(s.earliest), "{json}");
                assert_eq!(
                    prop(e, "DTEND;VALUE=DATE"),
                    ics_date(s.latest.succ_opt().unwrap()),
                    "{json}"
                );
                assert_eq!(prop(e, "DTSTAMP"), "20240501T081530Z");
                assert_eq!(prop(e, "TRANSP"), "TRANSPARENT");
                assert_eq!(
                    unescape(prop(e, "SUMMARY")),
                    format!("{} {} ({})", s.id, s.title, s.holder_label)
                );
                let description = unescape(prop(e, "DESCRIPTION"));
                assert!(description.contains(&dates::long(s.latest, p.lang)), "{json}");
                assert!(description.contains(&s.explanation), "{json}");
                assert!(description.contains(s.citation), "{json}");
                assert!(description.contains(p.lang.pick("vejledende", "indicative")), "{json}");
                assert!(prop(e, "UID").ends_with("@samtaleplan"));
            }
        }
    }

    #[test]
    fn known_plan_dates_and_texts() {
        let p = plan(r#"{"start":"2024-03-04"}"#);
        let text = ics(&p, stamp());
        let evs = events(&text);
        let a1 = &evs[0];
        assert_eq!(prop(a1, "DTSTART;VALUE=DATE"), "20240304");
        assert_eq!(prop(a1, "DTEND;VALUE=DATE"), "20240319");
        assert_eq!(prop(a1, "SUMMARY"), "A1 1. jobsamtale i a-kassen (a-kassen)");
        assert_eq!(prop(&evs[1], "SUMMARY"), "A2 2. jobsamtale i a-kassen (a-kassen)");
        assert_eq!(prop(&evs[1], "DTEND;VALUE=DATE"), "20240601");
        let description = unescape(prop(a1, "DESCRIPTION"));
        assert!(description.starts_with("Senest mandag 18. marts 2024 (tidligst mandag 4. marts 2024)."));
        assert!(description.contains("Hjemmel: LAB § 31, stk. 4 [lov]"));
        // The description's line breaks are escaped, its commas too.
        assert!(prop(a1, "DESCRIPTION").contains("\\n"));
        assert!(prop(a1, "DESCRIPTION").contains("\\,"));
        // The alarm: 09:00 the day before the latest date, counted back from the exclusive end.
        let unfolded = unfold(&text);
        let alarm = unfolded
            .split("BEGIN:VALARM\r\n")
            .nth(1)
            .unwrap()
            .split("END:VALARM")
            .next()
            .unwrap();
        assert_eq!(
            alarm,
            "ACTION:DISPLAY\r\nTRIGGER;RELATED=END:-P1DT15H\r\nDESCRIPTION:Senest i morgen\\, mandag 18. marts \
             2024: A1 1. jobsamtale i a-kassen (a-kassen)\r\n"
        );
        // The S16 window ends on 1 July 2025.
        let s16 = evs.iter().find(|e| prop(e, "SUMMARY").starts_with("S16 ")).unwrap();
        assert_eq!(prop(s16, "DTSTART;VALUE=DATE"), "20240830");
        assert_eq!(prop(s16, "DTEND;VALUE=DATE"), "20250702");

        let en = ics(&plan(r#"{"start":"2024-03-04","lang":"en"}"#), stamp());
        let a1 = &events(&en)[0];
        let description = unescape(prop(a1, "DESCRIPTION"));
        assert!(description.starts_with("By Monday 18 March 2024 (at the earliest Monday 4 March 2024)."));
        assert!(description.contains("indicative"));
        assert!(en.contains("Deadline tomorrow\\, Monday 18 March 2024"));
    }

    #[test]
    fn exclusive_end_across_month_and_year() {
        let mut p = plan(r#"{"start":"2024-03-04"}"#);
        p.samtaler.truncate(1);
        for (latest, end) in [
            (ymd(2024, 2, 29), "20240301"),
            (ymd(2023, 2, 28), "20230301"),
            (ymd(2024, 12, 31), "20250101"),
            (ymd(2024, 4, 30), "20240501"),
        ] {
            p.samtaler[0].earliest = latest;
            p.samtaler[0].latest = latest;
            let e = &events(&ics(&p, stamp()))[0];
            assert_eq!(prop(e, "DTEND;VALUE=DATE"), end);
        }
    }

    #[test]
    fn uids_are_stable_and_unique() {
        let uids = |json: &str| -> Vec<String> {
            events(&ics(&plan(json), stamp()))
                .iter()
                .map(|e| prop(e, "UID").to_string())
                .collect()
        };
        let base = uids(r#"{"start":"2024-03-04"}"#);
        assert!(base[0].starts_with("A1-20240304-"), "{}", base[0]);
        assert!(base[0].ends_with("@samtaleplan"));
        assert_eq!(base[0].len(), "A1-20240304-".len() + 16 + "@samtaleplan".len());
        // Unique within a plan, though A2 and A3 share their window.
        let mut sorted = base.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), base.len());
        // The same plan on another download, at another time and in another language: the same UIDs.
        assert_eq!(base, uids(r#"{"start":"2024-03-04"}"#));
        let later = events(&ics(
            &plan(r#"{"start":"2024-03-04"}"#),
            parse_stamp("20250101T000000Z").unwrap(),
        ));
        assert_eq!(
            base,
            later.iter().map(|e| prop(e, "UID").to_string()).collect::<Vec<_>>()
        );
        assert_eq!(base, uids(r#"{"start":"2024-03-04","lang":"en"}"#));
        // Another plan: other UIDs.
        for other in [
            r#"{"start":"2024-03-05"}"#,
            r#"{"start":"2024-03-04","insurance":"deltid"}"#,
            r#"{"start":"2024-03-04","group":"jobcenter_from_day_one"}"#,
        ] {
            for uid in uids(other) {
                assert!(!base.contains(&uid), "{other}: {uid}");
            }
        }
        // A pause moves some windows, but every event keeps its UID, so a calendar updates it.
        let paused_json =
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-30","reason":"arbejde"}]}"#;
        let (plain, paused) = (plan(r#"{"start":"2024-03-04"}"#), plan(paused_json));
        let paused_uids = uids(paused_json);
        let mut moved = 0;
        for ((a, b), (ua, ub)) in plain
            .samtaler
            .iter()
            .zip(&paused.samtaler)
            .zip(base.iter().zip(&paused_uids))
        {
            assert_eq!(a.id, b.id);
            assert_eq!(ua, ub, "{}", a.id);
            moved += usize::from((a.earliest, a.latest) != (b.earliest, b.latest));
        }
        assert!(moved > 0);
        // Every character of a UID is plain ASCII.
        for uid in &base {
            assert!(uid.bytes().all(|b| b.is_ascii_graphic()), "{uid}");
        }
    }

    #[test]
    fn fnv1a_matches_reference_values() {
        let hash = |s: &str| {
            let mut h = Fnv1a::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn parses_valid_stamps() {
        let s = parse_stamp("20240304T091530Z").unwrap();
        assert_eq!(
            (s.date(), s.hour(), s.minute(), s.second()),
            (ymd(2024, 3, 4), 9, 15, 30)
        );
        assert_eq!(s.to_string(), "20240304T091530Z");
        for ok in [
            "20240229T000000Z",
            "20241231T235959Z",
            "20161231T235960Z",
            "00010101T000000Z",
            "99991231T235959Z",
        ] {
            assert_eq!(parse_stamp(ok).map(|s| s.to_string()).as_deref(), Ok(ok));
        }
        assert_eq!("20240101T120000Z".parse::<Stamp>(), parse_stamp("20240101T120000Z"));
        assert_eq!(
            Stamp::midnight(ymd(2024, 1, 2)).unwrap().to_string(),
            "20240102T000000Z"
        );
        assert_eq!(Stamp::new(ymd(2024, 1, 2), 24, 0, 0), None);
        assert_eq!(Stamp::new(ymd(2024, 1, 2), 0, 60, 0), None);
        assert_eq!(Stamp::new(ymd(2024, 1, 2), 0, 0, 61), None);
        assert_eq!(Stamp::new(ymd(10000, 1, 1), 0, 0, 0), None);
    }

    #[test]
    fn refuses_bad_stamps() {
        for bad in [
            "",
            "20241301T000000Z",
            "20240001T000000Z",
            "20240230T000000Z",
            "20230229T000000Z",
            "20240431T000000Z",
            "20240100T000000Z",
            "20240101T240000Z",
            "20240101T006000Z",
            "20240101T000061Z",
            "2024-01-01T00:00:00Z",
            "20240101T000000",
            "20240101T000000z",
            "20240101t000000Z",
            "20240101 000000Z",
            "20240101T000000Z ",
            " 20240101T000000Z",
            "20240101",
            "2024010T1000000Z",
            "+2024101T000000Z",
            "2024010aT000000Z",
            "２０２４0101T000000Z",
            "20240101T0000ØZ",
            "20240101T000000+0100",
        ] {
            let e = parse_stamp(bad).expect_err(bad);
            assert_eq!(e.code, ErrorCode::DateFormat, "{bad:?}");
            assert_eq!(e.field.as_deref(), Some("stamp"), "{bad:?}");
            assert!(e.message.starts_with("stamp: "), "{bad:?}");
            let en = parse_stamp_in(bad, Lang::En).expect_err(bad);
            assert_eq!(en.code, ErrorCode::DateFormat);
            assert_ne!(e.message, en.message);
        }
        assert!(
            parse_stamp("2024-01-01T00:00:00Z")
                .unwrap_err()
                .message
                .contains("ÅÅÅÅMMDDTttmmssZ")
        );
        assert!(
            parse_stamp_in("2024-01-01T00:00:00Z", Lang::En)
                .unwrap_err()
                .message
                .contains("YYYYMMDDTHHMMSSZ")
        );
        assert!(
            parse_stamp_in("20240230T000000Z", Lang::En)
                .unwrap_err()
                .message
                .contains("date does not exist")
        );
        assert!(
            parse_stamp_in("20240101T240000Z", Lang::En)
                .unwrap_err()
                .message
                .contains("time does not exist")
        );
    }

    #[test]
    fn odd_plans_do_not_panic() {
        let mut p = plan(r#"{"start":"2024-03-04"}"#);
        let long = "Æ;ø,å\\ – 😀\r\n\0".repeat(50);
        p.samtaler[0].explanation = long.clone();
        // A reversed window, the last date chrono knows, and the first.
        p.samtaler[1].earliest = ymd(2024, 5, 31);
        p.samtaler[1].latest = ymd(2024, 3, 4);
        p.samtaler[2].earliest = NaiveDate::MAX;
        p.samtaler[2].latest = NaiveDate::MAX;
        p.samtaler[3].earliest = NaiveDate::MIN;
        p.samtaler[3].latest = NaiveDate::MIN;
        p.samtaler[4].explanation = String::new();
        let text = ics(&p, stamp());
        assert_well_formed(&text);
        let evs = events(&text);
        assert_eq!(evs.len(), p.samtaler.len());
        let description = unescape(prop(&evs[0], "DESCRIPTION"));
        assert!(description.contains(&"Æ;ø,å\\ – 😀\n".repeat(50)));
        // The reversed window still ends after it starts.
        assert_eq!(prop(&evs[1], "DTSTART;VALUE=DATE"), "20240531");
        assert_eq!(prop(&evs[1], "DTEND;VALUE=DATE"), "20240601");
        // No day after the last date: no DTEND, the event lasts its one day.
        assert!(!evs[2].iter().any(|l| l.starts_with("DTEND")));

        let mut empty = plan(r#"{"start":"2024-03-04"}"#);
        empty.samtaler.clear();
        let text = ics(&empty, stamp());
        assert_well_formed(&text);
        assert!(!text.contains("VEVENT"));
    }

    #[test]
    fn file_name_and_mime() {
        assert_eq!(
            file_name(&plan(r#"{"start":"2024-03-04"}"#)),
            "samtaleplan-2024-03-04.ics"
        );
        assert!(MIME_TYPE.starts_with("text/calendar"));
    }
}

//! The calendar file's tests: its lines folded and escaped, its events and UIDs, for plans of
//! every regime and for odd ones.

mod events;
mod folding;
mod uids;

use super::lines::{MAX_LINE_OCTETS, escape_text, fold_into};
use super::stamp::ics_date;
use super::*;
use crate::plan_str;
use crate::vocabulary::dates::ymd;
use chrono::NaiveDate;

/// Every samtale, past or not, and no link: the events as the plan has them.
fn all() -> IcsOptions<'static> {
    IcsOptions {
        link: None,
        include_past: true,
        member: None,
    }
}

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

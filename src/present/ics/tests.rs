//! The calendar file's tests: its lines folded and escaped, its events and UIDs, for plans of
//! every regime and for odd ones.

use super::lines::{MAX_LINE_OCTETS, escape_text, fold_into};
use super::stamp::ics_date;
use super::*;
use crate::plan_str;
use crate::rules::dates::ymd;
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
        let text = ics(&plan(json), stamp(), &all());
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
    let text = ics(&plan(r#"{"start":"2024-03-04"}"#), stamp(), &all());
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
    let en = ics(&plan(r#"{"start":"2024-03-04","lang":"en"}"#), stamp(), &all());
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
        let text = ics(&p, stamp(), &all());
        assert_well_formed(&text);
        let evs = events(&text);
        assert!(!p.samtaler.is_empty(), "{json}");
        assert_eq!(evs.len(), p.samtaler.len(), "{json}");
        assert_eq!(text.matches("BEGIN:VALARM\r\n").count(), p.samtaler.len(), "{json}");
        for (e, s) in evs.iter().zip(&p.samtaler) {
            // One day: the latest date, never the months-long window.
            assert_eq!(prop(e, "DTSTART;VALUE=DATE"), ics_date(s.latest), "{json}");
            assert_eq!(
                prop(e, "DTEND;VALUE=DATE"),
                ics_date(s.latest.succ_opt().unwrap()),
                "{json}"
            );
            assert_eq!(prop(e, "DTSTAMP"), "20240501T081530Z");
            assert_eq!(prop(e, "TRANSP"), "TRANSPARENT");
            assert_eq!(
                unescape(prop(e, "SUMMARY")),
                format!("{} {} ({})", p.lang.pick("Senest i dag:", "Last day:"), s.title, s.id)
            );
            let description = unescape(prop(e, "DESCRIPTION"));
            assert!(description.contains(&dates::long(s.latest, p.lang)), "{json}");
            assert!(description.contains(&dates::long(s.earliest, p.lang)), "{json}");
            assert!(description.contains(s.holder_label), "{json}");
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
    let text = ics(&p, stamp(), &all());
    let evs = events(&text);
    let a1 = &evs[0];
    assert_eq!(prop(a1, "DTSTART;VALUE=DATE"), "20240318");
    assert_eq!(prop(a1, "DTEND;VALUE=DATE"), "20240319");
    assert_eq!(prop(a1, "SUMMARY"), "Senest i dag: 1. jobsamtale i a-kassen (A1)");
    assert_eq!(prop(&evs[1], "SUMMARY"), "Senest i dag: 2. jobsamtale i a-kassen (A2)");
    assert_eq!(prop(&evs[1], "DTSTART;VALUE=DATE"), "20240531");
    assert_eq!(prop(&evs[1], "DTEND;VALUE=DATE"), "20240601");
    let description = unescape(prop(a1, "DESCRIPTION"));
    assert!(
        description.starts_with(
            "A1 1. jobsamtale i a-kassen: senest mandag 18. marts 2024, tidligst mandag 4. marts 2024. \
             Holdes af a-kassen."
        ),
        "{description}"
    );
    assert!(description.contains("Hjemmel: LAB § 31, stk. 4 [lov]"));
    // No link asked for: none in the description, no URL.
    assert!(!description.contains("Din plan"));
    assert!(!a1.iter().any(|l| l.starts_with("URL")));
    // The description's line breaks are escaped, its commas too.
    assert!(prop(a1, "DESCRIPTION").contains("\\n"));
    assert!(prop(a1, "DESCRIPTION").contains("\\,"));
    // The alarm: 09:00 three days before the latest date, counted from its start (00:00).
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
        "ACTION:DISPLAY\r\nTRIGGER:-P2DT15H\r\nDESCRIPTION:Senest om 3 dage\\, mandag 18. marts \
         2024: 1. jobsamtale i a-kassen (A1)\r\n"
    );
    // S16 falls on its latest date, 1 July 2025: a day, not a 10-month banner.
    let s16 = evs.iter().find(|e| prop(e, "SUMMARY").ends_with("(S16)")).unwrap();
    assert_eq!(prop(s16, "DTSTART;VALUE=DATE"), "20250701");
    assert_eq!(prop(s16, "DTEND;VALUE=DATE"), "20250702");

    let en = ics(&plan(r#"{"start":"2024-03-04","lang":"en"}"#), stamp(), &all());
    let a1 = &events(&en)[0];
    assert_eq!(prop(a1, "SUMMARY"), "Last day: 1st job interview at the a-kasse (A1)");
    let description = unescape(prop(a1, "DESCRIPTION"));
    assert!(
        description.contains("by Monday 18 March 2024, at the earliest Monday 4 March 2024. Held by"),
        "{description}"
    );
    assert!(description.contains("indicative"));
    assert!(en.contains("Due in 3 days\\, Monday 18 March 2024"));
}

#[test]
fn every_event_is_one_day_with_an_alarm_three_days_before() {
    for json in [
        r#"{"start":"2016-01-04"}"#,
        r#"{"start":"2024-03-04","group":"jobcenter_from_day_one"}"#,
        r#"{"start":"2026-08-03","lang":"en"}"#,
    ] {
        let text = ics(&plan(json), stamp(), &all());
        let unfolded = unfold(&text);
        for e in events(&text) {
            let start = NaiveDate::parse_from_str(prop(&e, "DTSTART;VALUE=DATE"), "%Y%m%d").unwrap();
            let end = NaiveDate::parse_from_str(prop(&e, "DTEND;VALUE=DATE"), "%Y%m%d").unwrap();
            assert_eq!(end, start.succ_opt().unwrap(), "{json}: no event longer than a day");
        }
        assert_eq!(
            unfolded.matches("\r\nTRIGGER:-P2DT15H\r\n").count(),
            events(&text).len(),
            "{json}"
        );
        assert_eq!(unfolded.matches("\r\nACTION:DISPLAY\r\n").count(), events(&text).len());
    }
}

#[test]
fn past_deadlines_are_left_out_unless_asked() {
    // On 2024-05-01 A1 (latest 18 March) is past; A2 (latest 31 May) is open.
    let p = plan(r#"{"start":"2024-03-04","today":"2024-05-01"}"#);
    let future: Vec<&Samtale> = p.samtaler.iter().filter(|s| s.latest >= ymd(2024, 5, 1)).collect();
    assert!(future.len() < p.samtaler.len() && !future.is_empty());
    let text = ics(&p, stamp(), &IcsOptions::default());
    assert_well_formed(&text);
    let evs = events(&text);
    assert_eq!(evs.len(), future.len());
    for (e, s) in evs.iter().zip(&future) {
        assert!(prop(e, "SUMMARY").ends_with(&format!("({})", s.id)));
    }
    assert!(!text.contains("(A1)"));
    // A deadline today is not past.
    let on_the_day = plan(r#"{"start":"2024-03-04","today":"2024-03-18"}"#);
    let evs = events(&ics(&on_the_day, stamp(), &IcsOptions::default()));
    assert_eq!(prop(&evs[0], "SUMMARY"), "Senest i dag: 1. jobsamtale i a-kassen (A1)");
    // Asked for: every samtale.
    assert_eq!(events(&ics(&p, stamp(), &all())).len(), p.samtaler.len());
    // Without a today, nothing is past.
    let p = plan(r#"{"start":"2016-01-04"}"#);
    assert_eq!(
        events(&ics(&p, stamp(), &IcsOptions::default())).len(),
        p.samtaler.len()
    );
}

#[test]
fn the_link_is_in_every_description_and_the_url() {
    let link = "https://samtaleplan.example/?start=2024-03-04&pause=2024-04-01..2024-04-12..sygdom";
    let options = IcsOptions {
        link: Some(link),
        include_past: false,
        member: None,
    };
    let text = ics(&plan(r#"{"start":"2024-03-04"}"#), stamp(), &options);
    assert_well_formed(&text);
    for e in events(&text) {
        assert_eq!(prop(&e, "URL"), link);
        assert!(unescape(prop(&e, "DESCRIPTION")).contains(&format!("Din plan: {link}")));
    }
    // An address that is not plain ASCII stays in the description, escaped, and makes no URL.
    let odd = "https://x.example/a b,c;ø";
    let options = IcsOptions {
        link: Some(odd),
        include_past: false,
        member: None,
    };
    let text = ics(&plan(r#"{"start":"2024-03-04","lang":"en"}"#), stamp(), &options);
    assert_well_formed(&text);
    for e in events(&text) {
        assert!(!e.iter().any(|l| l.starts_with("URL")));
        assert!(unescape(prop(&e, "DESCRIPTION")).contains(&format!("Your plan: {odd}")));
    }
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
        let e = &events(&ics(&p, stamp(), &all()))[0];
        assert_eq!(prop(e, "DTEND;VALUE=DATE"), end);
    }
}

#[test]
fn uids_are_stable_and_unique() {
    let uids = |json: &str| -> Vec<String> {
        events(&ics(&plan(json), stamp(), &all()))
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
        &all(),
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
    let paused_json = r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-30","reason":"arbejde"}]}"#;
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
    let text = ics(&p, stamp(), &all());
    assert_well_formed(&text);
    let evs = events(&text);
    assert_eq!(evs.len(), p.samtaler.len());
    let description = unescape(prop(&evs[0], "DESCRIPTION"));
    assert!(description.contains(&"Æ;ø,å\\ – 😀\n".repeat(50)));
    // A reversed window: the event is still its latest date, one day long.
    assert_eq!(prop(&evs[1], "DTSTART;VALUE=DATE"), "20240304");
    assert_eq!(prop(&evs[1], "DTEND;VALUE=DATE"), "20240305");
    // No day after the last date: no DTEND, the event lasts its one day.
    assert!(!evs[2].iter().any(|l| l.starts_with("DTEND")));

    let mut empty = plan(r#"{"start":"2024-03-04"}"#);
    empty.samtaler.clear();
    let text = ics(&empty, stamp(), &all());
    assert_well_formed(&text);
    assert!(!text.contains("VEVENT"));
}

#[test]
fn a_members_uids_depend_on_the_member_and_a_citizens_stay_as_they_were() {
    let p = plan(r#"{"start":"2024-03-04"}"#);
    let uids = |member: Option<&str>| -> Vec<String> {
        let options = IcsOptions { member, ..all() };
        events(&ics(&p, stamp(), &options))
            .iter()
            .map(|e| prop(e, "UID").to_string())
            .collect()
    };
    // A citizen's plan: the UID it had before members were known (issue 24), so a calendar that
    // imported it updates rather than doubles its events.
    let citizen = uids(None);
    assert_eq!(citizen[0], "A1-20240304-83a8d41b629bcbe7@samtaleplan");
    // Two members with the same start: no UID in common, and none a citizen's.
    let (a, b) = (uids(Some("1001")), uids(Some("1002")));
    assert_eq!(a.len(), citizen.len());
    for uid in &a {
        assert!(!b.contains(uid) && !citizen.contains(uid), "{uid}");
    }
    // The same member twice: the same UIDs.
    assert_eq!(a, uids(Some("1001")));
    // Any reference gives a plain ASCII UID of the same shape (only its hash is in it).
    for odd in ["Æble @ 3;x,y\\n", "", "😀\r\n"] {
        for (uid, plain) in uids(Some(odd)).iter().zip(&citizen) {
            assert!(uid.bytes().all(|b| b.is_ascii_graphic()), "{uid}");
            assert_eq!(uid.len(), plain.len());
            assert_eq!(uid[..12], plain[..12]);
            assert_ne!(uid, plain);
        }
    }
}

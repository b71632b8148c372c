//! The file and its events: header, nesting, one event per samtale, dates, alarms, links.

use super::*;

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

//! UIDs: stable, unique, and a member's apart from a citizen's.

use super::*;

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

//! What the rules say that the case tables do not: the notes each regime adds to a plan's
//! assumptions (RULES.md § 4). Found by mutation testing (`./build.sh mutants`, docs/mutants.md):
//! a regime's notes could be dropped with every case still holding.

use samtaleplan::plan_str;

#[path = "common/sources.rs"]
mod sources;

fn assumptions(request: &str) -> Vec<&'static str> {
    plan_str(request)
        .unwrap_or_else(|e| panic!("{request}: {e}"))
        .assumptions
        .iter()
        .map(|a| a.code)
        .collect()
}

/// The explanation of samtale `id` in the plan for `request`.
fn explanation(request: &str, id: &str) -> String {
    let plan = plan_str(request).unwrap_or_else(|e| panic!("{request}: {e}"));
    let samtale = plan.samtaler.iter().find(|s| s.id == id);
    samtale
        .unwrap_or_else(|| panic!("{request}: no {id}"))
        .explanation
        .clone()
}

/// Each regime says what it assumes, between the general assumptions and the last word that every
/// date is vejledende: R2015 the two weeks' tolerance of the monthly jobsamtaler, R2020 that F1 is
/// held only on a need and that the rådighedssamtaler' timing is practice, R2024 the
/// rådighedssamtale it gives no date (and, for the group, why the jobcenter holds them all), R2026
/// that A2, K1 and K2 are only normally due.
#[test]
fn each_regime_adds_its_own_notes() {
    for (request, notes) in [
        (r#"{"start":"2017-03-06"}"#, &["A_TOLERANCE"][..]),
        (r#"{"start":"2022-03-07"}"#, &["A_CONDITIONAL", "A_PRACTICE_TIMING"]),
        (r#"{"start":"2024-03-04"}"#, &["A_RAADIGHEDSSAMTALE"]),
        (
            r#"{"start":"2024-03-04","group":"jobcenter_from_day_one"}"#,
            &["A_RAADIGHEDSSAMTALE", "A_JOBCENTER_FROM_DAY_ONE"],
        ),
        (r#"{"start":"2026-07-06"}"#, &["A_NORMALLY_DUE"]),
    ] {
        let codes = assumptions(request);
        let at = codes
            .iter()
            .position(|c| *c == "A_DEADLINES_NOT_MOVED")
            .unwrap_or_else(|| panic!("{request}: {codes:?}"));
        assert_eq!(&codes[at + 1..], [notes, &["A_VEJLEDENDE"]].concat(), "{request}");
    }
}

/// The notes are in the plan's language.
#[test]
fn notes_follow_the_language() {
    let text = |request: &str, code: &str| {
        let p = plan_str(request).expect("a plan");
        p.assumptions
            .iter()
            .find(|a| a.code == code)
            .map(|a| a.text.clone())
            .unwrap_or_else(|| panic!("{request}: no {code}"))
    };
    let da = text(r#"{"start":"2026-07-06"}"#, "A_NORMALLY_DUE");
    let en = text(r#"{"start":"2026-07-06","lang":"en"}"#, "A_NORMALLY_DUE");
    assert!(da.contains("75 %") && en.contains("75 %"), "{da} / {en}");
    assert_ne!(da, en);
}

use chrono::{Datelike, Days, NaiveDate, Weekday};
use samtaleplan::Lang;
use samtaleplan::rules::holidays::{
    Holiday, easter_sunday, holiday, is_non_working, last_working_day_before, non_working_reason,
};

/// Easter Sunday by Gauss's algorithm, with its two exceptions: a second, independent way to the
/// date the code finds by Meeus/Jones/Butcher.
fn gauss_easter(y: i32) -> NaiveDate {
    let (a, b, c) = (y % 19, y % 4, y % 7);
    let k = y / 100;
    let p = (13 + 8 * k) / 25;
    let q = k / 4;
    let m = (15 - p + k - q) % 30;
    let n = (4 + k - q) % 7;
    let d = (19 * a + m) % 30;
    let e = (2 * b + 4 * c + 6 * d + n) % 7;
    let (month, day) = match 22 + d + e {
        day if day <= 31 => (3, day),
        _ if d == 29 && e == 6 => (4, 19),
        _ if d == 28 && e == 6 && (11 * m + 11) % 30 < 19 => (4, 18),
        day => (4, day - 31),
    };
    NaiveDate::from_ymd_opt(y, month as u32, day as u32).expect("a date")
}

#[test]
fn easter_agrees_with_gauss_for_every_gregorian_year_to_4099() {
    for y in 1583..=4099 {
        let e = easter_sunday(y);
        assert_eq!(e, gauss_easter(y), "{y}");
        assert_eq!(e.weekday(), Weekday::Sun, "{y}");
    }
}

/// Every day from 2015 to 2110 against RULES.md § 2's list, worked out here from Gauss's Easter.
#[test]
fn every_non_working_day_from_2015_to_2110() {
    let mut d = NaiveDate::from_ymd_opt(2015, 1, 1).expect("a date");
    let end = NaiveDate::from_ymd_opt(2111, 1, 1).expect("a date");
    let mut holidays = 0;
    while d < end {
        let offset = (d - gauss_easter(d.year())).num_days();
        let want = match (d.month(), d.day(), offset) {
            (1, 1, _) => Some(Holiday::Nytaarsdag),
            (6, 5, _) => Some(Holiday::Grundlovsdag),
            (12, 24, _) => Some(Holiday::Juleaftensdag),
            (12, 25, _) => Some(Holiday::Juledag),
            (12, 26, _) => Some(Holiday::AndenJuledag),
            (12, 31, _) => Some(Holiday::Nytaarsaftensdag),
            (.., -3) => Some(Holiday::Skaertorsdag),
            (.., -2) => Some(Holiday::Langfredag),
            (.., 0) => Some(Holiday::Paaskedag),
            (.., 1) => Some(Holiday::AndenPaaskedag),
            (.., 26) if d.year() <= 2023 => Some(Holiday::StoreBededag),
            (.., 39) => Some(Holiday::KristiHimmelfartsdag),
            (.., 49) => Some(Holiday::Pinsedag),
            (.., 50) => Some(Holiday::AndenPinsedag),
            _ => None,
        };
        assert_eq!(holiday(d), want, "{d}");
        holidays += usize::from(want.is_some());
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        assert_eq!(is_non_working(d), weekend || want.is_some(), "{d}");
        let reason = non_working_reason(d, Lang::Da);
        match want {
            Some(h) => assert_eq!(reason, Some(h.name().get(Lang::Da)), "{d}"),
            None if weekend => assert_eq!(
                reason,
                Some(if d.weekday() == Weekday::Sat {
                    "lørdag"
                } else {
                    "søndag"
                })
            ),
            None => assert_eq!(reason, None, "{d}"),
        }
        // The last working day before d: step back over every non-working day.
        let mut before = d - Days::new(1);
        while is_non_working(before) {
            before = before - Days::new(1);
        }
        assert_eq!(last_working_day_before(d), before, "{d}");
        d = d + Days::new(1);
    }
    // The loop met the holidays: at least 12 a year (13 up to 2023), less a few that coincide.
    assert!(holidays > 96 * 12 - 10, "{holidays}");
}

/// The plan says which rules it chose and the period they cover (RULES.md § 3), in its language.
#[test]
fn the_regime_is_named_with_its_period() {
    let text = |request: &str| {
        let p = plan_str(request).expect("a plan");
        p.assumptions
            .iter()
            .find(|a| a.code == "A_REGIME_BY_START")
            .map(|a| a.text.clone())
            .unwrap_or_else(|| panic!("{request}: no A_REGIME_BY_START"))
    };
    for (request, words) in [
        (
            r#"{"start":"2017-03-06"}"#,
            "(R2015) gælder for ledighed, der begynder 1. juli 2015–31. december 2019.",
        ),
        (
            r#"{"start":"2024-03-04"}"#,
            "(R2024) gælder for ledighed, der begynder 1. januar 2024–30. juni 2026.",
        ),
        (
            r#"{"start":"2026-07-06"}"#,
            "(R2026) gælder for ledighed, der begynder fra 1. juli 2026.",
        ),
        (
            r#"{"start":"2022-03-07","lang":"en"}"#,
            "(R2020) applies to unemployment beginning 1 January 2020–31 December 2023.",
        ),
        (
            r#"{"start":"2026-07-06","lang":"en"}"#,
            "(R2026) applies to unemployment beginning from 1 July 2026.",
        ),
    ] {
        let t = text(request);
        assert!(t.ends_with(words), "{request}: {t}");
    }
}

/// How an amount of ledighed is written in the explanations: singular and plural, and the half
/// months of STAR's indicators.
#[test]
fn spans_are_written_in_words() {
    use samtaleplan::rules::ledighed::Span;
    for (span, da, en) in [
        (Span::Weeks(1), "1 uge", "1 week"),
        (Span::Weeks(3), "3 uger", "3 weeks"),
        (Span::Months(1), "1 måned", "1 month"),
        (Span::Months(16), "16 måneder", "16 months"),
        (Span::HalfMonths(2), "1 måned", "1 month"),
        (Span::HalfMonths(3), "1½ måned", "1½ months"),
        (Span::HalfMonths(5), "2½ måned", "2½ months"),
        (Span::HalfMonths(6), "3 måneder", "3 months"),
    ] {
        assert_eq!(span.label(Lang::Da), da, "{span:?}");
        assert_eq!(span.label(Lang::En), en, "{span:?}");
    }
    assert_eq!(Span::HalfMonths(1).label(Lang::Da), "½ måned");
    // And in a plan: R2015's J1 runs from L(3 uger) to L(6 uger).
    let p = plan_str(r#"{"start":"2017-03-06"}"#).expect("a plan");
    let j1 = p.samtaler.iter().find(|s| s.id == "J1").expect("J1");
    assert!(
        j1.explanation
            .contains("3 uger = 111 timer; 15 dage à 7,4 timer = 111 timer")
            && j1
                .explanation
                .contains("6 uger = 222 timer; 30 dage à 7,4 timer = 222 timer"),
        "{}",
        j1.explanation
    );
}

/// The hours a span needs and the whole days of paid dagpenge that reach them: 7.4 hours a day
/// (fuldtid) or 6 (deltid), against the hours RULES.md § 2 gives each span, and the hand-over
/// line (410 hours; deltid 332.44).
#[test]
fn spans_are_worth_their_hours() {
    use samtaleplan::rules::ledighed::{Hundredths, Insurance, Span};
    let (full, part) = (Insurance::Fuldtid, Insurance::Deltid);
    // 3 × 160.33 = 480.99 hours: 65 days × 7.4 = 481.0 reach them, 64 × 7.4 = 473.6 do not.
    assert_eq!(Span::Months(3).hours(full), Hundredths(48_099));
    assert_eq!(Span::Months(3).full_days(full), 65);
    // 16 × 130 = 2080 hours deltid: 347 days × 6 = 2082 reach them, 346 × 6 = 2076 do not.
    assert_eq!(Span::Months(16).hours(part), Hundredths(208_000));
    assert_eq!(Span::Months(16).full_days(part), 347);
    assert_eq!(full.handover_threshold(), Hundredths(41_000));
    assert_eq!(part.handover_threshold(), Hundredths(33_244));
    let p = plan_str(r#"{"start":"2024-03-04","insurance":"deltid","lang":"en"}"#).expect("a plan");
    let s16 = p.samtaler.iter().find(|s| s.id == "S16").expect("S16");
    assert!(
        s16.explanation.contains("16 months = 2080 hours") && s16.explanation.contains("347"),
        "{}",
        s16.explanation
    );
}

/// The order within a window ("start (after A1)" in RULES.md § 4) and the remark beside a title
/// (how a samtale is held, or which part of its dates is a convention or practice), per regime.
#[test]
fn samtaler_carry_their_order_and_remarks() {
    for (request, after, noted) in [
        // R2015: the rådighedssamtaler in order; J1 (joint from 2016-07-01, or why it was not) and
        // the monthly jobsamtaler's two weeks of tolerance.
        (
            r#"{"start":"2017-03-06"}"#,
            &[("R2", "R1")][..],
            &["J1", "J2", "J3", "J4", "J6"][..],
        ),
        (
            r#"{"start":"2015-07-06"}"#,
            &[("R2", "R1")],
            &["J1", "J2", "J3", "J4", "J6"],
        ),
        // R2020: CV's 2 weeks are practice, F1 is conditional.
        (
            r#"{"start":"2022-03-07"}"#,
            &[("J2", "J1"), ("J3", "J2"), ("J4", "J3"), ("R2", "R1")],
            &["CV", "F1"],
        ),
        // R2024: A1 in person, J1 with the a-kasse if wished, S16's earliest date a convention.
        (
            r#"{"start":"2024-03-04"}"#,
            &[("A2", "A1"), ("A3", "A2"), ("J2", "J1"), ("J3", "J2")],
            &["A1", "J1", "S16"],
        ),
        (
            r#"{"start":"2024-03-04","group":"jobcenter_from_day_one"}"#,
            &[("J2", "J1"), ("J3", "J2"), ("J4", "J3"), ("J5", "J4"), ("J6", "J5")],
            &["S16"],
        ),
        // R2026: A1 for all jobparate, its 2 weeks carried over from R2024 by convention.
        (r#"{"start":"2026-07-06"}"#, &[("A2", "A1"), ("K2", "K1")], &["A1"]),
    ] {
        let p = plan_str(request).expect("a plan");
        let got_after: Vec<(&str, &str)> = p.samtaler.iter().filter_map(|s| s.after.map(|a| (s.id, a))).collect();
        assert_eq!(got_after, after, "{request}");
        let got_noted: Vec<&str> = p
            .samtaler
            .iter()
            .filter(|s| s.note.is_some_and(|n| n.len() > 10))
            .map(|s| s.id)
            .collect();
        assert_eq!(got_noted, noted, "{request}");
    }
    let a1 = |request: &str| {
        let p = plan_str(request).expect("a plan");
        p.samtaler[0].note.expect("a note")
    };
    assert_eq!(a1(r#"{"start":"2024-03-04"}"#), "Personligt fremmøde.");
    assert_eq!(a1(r#"{"start":"2024-03-04","lang":"en"}"#), "In person.");
}

/// What "obligation" is called where it is shown (the table and the calendar file).
#[test]
fn obligations_have_words() {
    use samtaleplan::rules::regimes::Obligation;
    for (o, da, en) in [
        (Obligation::Required, "skal holdes", "required"),
        (Obligation::NormallyDue, "holdes normalt", "normally due"),
        (Obligation::Conditional, "kun ved behov", "only if needed"),
    ] {
        assert_eq!((o.label(Lang::Da), o.label(Lang::En)), (da, en));
    }
}

/// A plan's warning or assumption of a code, by its text.
fn message(request: &str, code: &str) -> Option<String> {
    let p = plan_str(request).unwrap_or_else(|e| panic!("{request}: {e}"));
    p.warnings
        .iter()
        .chain(&p.assumptions)
        .find(|m| m.code == code)
        .map(|m| m.text.clone())
}

/// Schema 2 (issue 20): how much of each sickness counted, in both languages, in its three forms.
#[test]
fn each_sickness_says_how_much_of_it_counted() {
    let sick = |pauses: &str, lang: &str| {
        message(
            &format!(r#"{{"start":"2024-03-04","lang":"{lang}","pauses":[{pauses}]}}"#),
            "A_SICKNESS",
        )
        .expect("A_SICKNESS")
    };
    let forty = r#"{"from":"2024-04-01","to":"2024-05-10","reason":"sygdom"}"#;
    assert_eq!(
        sick(forty, "da"),
        "Periode 1, sygdom 1. april – 10. maj 2024: de første 14 dage (1.–14. april 2024) tæller med: dagpenge under sygdom. Fra 15. april 2024 tæller dagene ikke (sygedagpenge fra kommunen)."
    );
    assert_eq!(
        sick(forty, "en"),
        "Period 1, sickness 1 April – 10 May 2024: the first 14 days (1–14 April 2024) count: dagpenge during sickness. From 15 April 2024 the days do not count (sygedagpenge from the municipality)."
    );
    let fourteen = r#"{"from":"2024-04-01","to":"2024-04-14","reason":"sygdom"}"#;
    assert!(
        sick(fourteen, "da")
            .ends_with("hele sygdommen ligger inden for de første 14 dage og tæller med: dagpenge under sygdom.")
    );
    let fifteen = r#"{"from":"2024-04-01","to":"2024-04-15","reason":"sygdom"}"#;
    assert!(sick(fifteen, "da").contains("Fra 15. april 2024 tæller dagene ikke"));
    let working = r#"{"from":"2024-03-25","to":"2024-06-30","reason":"arbejde","hours_per_week":15},{"from":"2024-04-01","to":"2024-04-10","reason":"sygdom"}"#;
    assert_eq!(
        sick(working, "da"),
        "Periode 2, sygdom 1.–10. april 2024: du arbejdede på nedsat tid på første sygedag, så du får sygedagpenge fra kommunen fra 1. sygedag, og ingen af dagene tæller med."
    );
    assert!(sick(working, "en").contains("you worked part-time on the first day of sickness"));
    // Two sicknesses: one message each.
    let p = plan_str(&format!(r#"{{"start":"2024-03-04","pauses":[{forty},{fourteen}]}}"#)).expect("a plan");
    assert_eq!(p.assumptions.iter().filter(|a| a.code == "A_SICKNESS").count(), 2);
    // A full pause of another reason says nothing of sickness.
    assert!(
        message(
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-05-10","reason":"ferie"}]}"#,
            "A_SICKNESS"
        )
        .is_none()
    );
}

/// Schema 2: the explanation of each date shows the hours from before and the sick days counted.
#[test]
fn explanations_show_prior_hours_and_sick_days() {
    let p = plan_str(
        r#"{"start":"2024-03-04","prior_hours":200,"pauses":[{"from":"2024-04-01","to":"2024-05-10","reason":"sygdom"}]}"#,
    )
    .expect("a plan");
    let a2 = p.samtaler.iter().find(|s| s.id == "A2").expect("A2");
    // 200 + 29 × 7.4 = 414.6 > 410 on the 29th day with dagpenge (11 April: 9 of them sick days).
    assert!(
        a2.explanation.contains(
            "første dag i måneden efter 29. dag med dagpenge fra 4. marts 2024, 11. april 2024, hvor over 410 timer er udbetalt: 200 timer fra tidligere ledighed i dagpengeperioden + 29 dage à 7,4 timer = 214,6 timer (heraf 9 dage med dagpenge under sygdom); med de tidligere timer i alt 414,6 timer"
        ),
        "{}",
        a2.explanation
    );
    let en = plan_str(r#"{"start":"2024-03-04","lang":"en","prior_hours":200}"#).expect("a plan");
    let a2 = en.samtaler.iter().find(|s| s.id == "A2").expect("A2");
    assert!(
        a2.explanation.contains(
            "Latest day 38 with dagpenge from 4 March 2024, 24 April 2024: 3 months = 480.99 hours; 200 hours from earlier unemployment in the dagpengeperiode + 38 days at 7.4 hours = 281.2 hours; with the earlier hours, 481.2 hours in all"
        ),
        "{}",
        a2.explanation
    );
    // Without prior hours the words are as before, with the sick days where they counted.
    let p = plan_str(r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-05-10","reason":"sygdom"}]}"#)
        .expect("a plan");
    let a2 = p.samtaler.iter().find(|s| s.id == "A2").expect("A2");
    assert!(a2.explanation.contains("65. ledighedsdag"), "{}", a2.explanation);
    assert!(
        a2.explanation.contains("(heraf 10 dage med dagpenge under sygdom)"),
        "{}",
        a2.explanation
    );
    assert!(
        a2.explanation.contains("(20 hverdage uden dagpenge tæller ikke)"),
        "{}",
        a2.explanation
    );
    // The hand-over on the first day, by the hours from before.
    let p = plan_str(r#"{"start":"2024-03-04","prior_hours":410.01}"#).expect("a plan");
    let j1 = &p.samtaler[0];
    assert_eq!(j1.id, "J1");
    assert!(
        j1.explanation.starts_with(
            "Tidligst overgangen til jobcentret 4. marts 2024, første ledighedsdag: med 410,01 timer fra tidligere ledighed i dagpengeperioden er over 410 timer allerede udbetalt."
        ),
        "{}",
        j1.explanation
    );
    assert!(message(r#"{"start":"2024-03-04","prior_hours":410.01}"#, "A_HANDOVER_PRIOR").is_some());
    // The whole days of full dagpenge still needed to pass the line: 202.8 + 28 × 7.4 = 410.0 is
    // not more than 410, so 29; without hours from before, 56.
    assert!(
        message(r#"{"start":"2024-03-04","prior_hours":202.8}"#, "A_HANDOVER_ESTIMATED")
            .expect("estimated")
            .contains("(202,8 timer fra tidligere ledighed og så 29 dage med fulde dagpenge)")
    );
    assert!(
        message(r#"{"start":"2024-03-04","prior_hours":202.81}"#, "A_HANDOVER_ESTIMATED")
            .expect("estimated")
            .contains("og så 28 dage med fulde dagpenge)")
    );
    assert!(
        message(r#"{"start":"2024-03-04"}"#, "A_HANDOVER_ESTIMATED")
            .expect("estimated")
            .contains("over 410 dagpengetimer er udbetalt (56 dage).")
    );
    assert!(message(r#"{"start":"2024-03-04","prior_hours":410}"#, "A_HANDOVER_PRIOR").is_none());
    assert!(
        message(r#"{"start":"2024-03-04","prior_hours":200}"#, "A_HANDOVER_ESTIMATED")
            .expect("estimated")
            .contains("(200 timer fra tidligere ledighed og så 29 dage med fulde dagpenge)")
    );
    // An earliest date whose milestone lies before the first day is the first day, and says why.
    let p = plan_str(r#"{"start":"2024-03-04","prior_hours":1000}"#).expect("a plan");
    let s16 = p.samtaler.iter().find(|s| s.id == "S16").expect("S16");
    assert_eq!(s16.earliest, p.start);
    assert!(
        s16.explanation.starts_with(
            "Tidligst første ledighedsdag, 4. marts 2024: 6 måneder ledighed er allerede nået med 1000 timer fra tidligere ledighed i dagpengeperioden."
        ),
        "{}",
        s16.explanation
    );
}

/// Schema 2's warnings about what was typed, at their limits.
#[test]
fn warnings_about_what_was_typed() {
    let warned = |request: &str, code: &str| message(request, code).is_some();
    let part = |hours: &str, insurance: &str| {
        format!(
            r#"{{"start":"2024-03-04","insurance":"{insurance}","pauses":[{{"from":"2024-04-01","to":"2024-05-31","reason":"arbejde","hours_per_week":{hours}}}]}}"#
        )
    };
    // More than 33.58 hours a week (deltid 27.23) may count nothing.
    assert!(!warned(&part("33.58", "fuldtid"), "W_PART_TIME_FEW_HOURS"));
    assert!(warned(&part("33.59", "fuldtid"), "W_PART_TIME_FEW_HOURS"));
    assert!(!warned(&part("27.23", "deltid"), "W_PART_TIME_FEW_HOURS"));
    assert!(warned(&part("27.24", "deltid"), "W_PART_TIME_FEW_HOURS"));
    assert_eq!(
        message(&part("34", "fuldtid"), "W_PART_TIME_FEW_HOURS").expect("warned"),
        "Periode 1: med mere end 33,58 timers arbejde om ugen (af 37) er du ledig færre end 14,8 timer om måneden, og for sådan en måned udbetales normalt ingen supplerende dagpenge. Så tæller måneden måske ingen timer, og datoerne kan komme senere. Spørg din a-kasse."
    );
    assert!(
        message(
            &part("28", "deltid").replacen('{', r#"{"lang":"en","#, 1),
            "W_PART_TIME_FEW_HOURS"
        )
        .expect("warned")
        .starts_with(
            "Period 1: with more than 27.23 hours of work a week (of 30) you are unemployed fewer than 12 hours a month"
        )
    );
    // More than 30 weeks (210 days) from the first day, or without an end.
    let long = |from: &str, to: &str| {
        format!(r#"{{"start":"2024-03-04","pauses":[{{"from":"{from}","to":"{to}","hours_per_week":10}}]}}"#)
    };
    assert!(
        !warned(&long("2024-03-04", "2024-09-29"), "W_PART_TIME_LONG"),
        "210 days"
    );
    assert!(
        warned(&long("2024-03-04", "2024-09-30"), "W_PART_TIME_LONG"),
        "211 days"
    );
    assert!(
        !warned(&long("2024-01-01", "2024-09-29"), "W_PART_TIME_LONG"),
        "counted from the first day"
    );
    assert!(warned(
        r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","hours_per_week":10}]}"#,
        "W_PART_TIME_LONG"
    ));
    assert!(
        message(
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","hours_per_week":10}]}"#,
            "A_OPEN_ENDED"
        )
        .expect("open")
        .starts_with("Periode 1: arbejdet på nedsat tid har ingen slutdato.")
    );
    // A period wholly before the first day counts for nothing, and the plan says so.
    let before = r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-05"},{"from":"2024-02-01","to":"2024-03-03"},{"from":"2024-01-01","to":"2024-01-02"}]}"#;
    assert!(
        message(before, "W_PAUSE_BEFORE_START")
            .expect("warned")
            .starts_with("Periode 2 og 3 ligger helt før første ledighedsdag, 4. marts 2024, og tæller ikke med.")
    );
    assert!(!warned(
        r#"{"start":"2024-03-04","pauses":[{"from":"2024-02-01","to":"2024-03-04"}]}"#,
        "W_PAUSE_BEFORE_START"
    ));
    // A year with two digits swapped, against the first day or, for the first day, today.
    assert_eq!(
        message(
            r#"{"start":"2026-08-03","pauses":[{"from":"2062-01-05","to":"2062-01-09"}]}"#,
            "W_YEAR_TYPO"
        )
        .expect("warned"),
        "Periode 1: året 2062 ligger langt fra første ledighedsdag (2026) – mente du 2026?"
    );
    assert!(
        message(
            r#"{"start":"2062-08-03","today":"2026-12-06","lang":"en"}"#,
            "W_YEAR_TYPO"
        )
        .expect("warned")
        .starts_with("The first day of unemployment: the year 2062 is far from this year (2026) – did you mean 2026?")
    );
    assert!(
        !warned(r#"{"start":"2062-08-03"}"#, "W_YEAR_TYPO"),
        "no today to compare with"
    );
    assert!(!warned(r#"{"start":"2024-03-04","today":"2026-12-06"}"#, "W_YEAR_TYPO"));
}

/// Schema 2: the samtaler not owed in this registration are named, with why, in both languages.
#[test]
fn samtaler_not_owed_are_named() {
    let p = plan_str(r#"{"start":"2024-03-04","prior_hours":500}"#).expect("a plan");
    let ids: Vec<(&str, &str)> = p.not_owed.iter().map(|n| (n.id, n.reason.as_str())).collect();
    assert_eq!(
        ids,
        [
            ("A1", "handover_at_start"),
            ("A2", "handover_at_start"),
            ("A3", "handover_at_start")
        ]
    );
    assert_eq!(
        message(r#"{"start":"2024-03-04","prior_hours":500}"#, "W_NOT_OWED").expect("named"),
        "A1 “1. jobsamtale i a-kassen”, A2 “2. jobsamtale i a-kassen” og A3 “3. jobsamtale i a-kassen” holdes ikke: med 500 timer fra tidligere ledighed i dagpengeperioden har jobcentret dit forløb fra første ledighedsdag."
    );
    assert_eq!(
        message(r#"{"start":"2026-08-03","prior_hours":500,"lang":"en"}"#, "W_NOT_OWED").expect("named"),
        "A1 “1st job interview at the a-kasse” and A2 “2nd job interview at the a-kasse” are not held: with 500 hours from earlier unemployment in the dagpengeperiode, the municipality holds your plan from the first day of unemployment."
    );
    assert!(
        message(r#"{"start":"2022-03-07","prior_hours":700}"#, "W_NOT_OWED").expect("named")
            == "F1 “1. fælles jobsamtale” og R1 “1. rådighedssamtale i a-kassen” hørte til din tidligere ledighed i dagpengeperioden: med 700 timer fra før er fristen allerede passeret, så de skal ikke holdes i denne ledighed."
    );
    assert!(message(r#"{"start":"2024-03-04","prior_hours":300}"#, "W_NOT_OWED").is_none());
    // One samtale alone is named in the singular.
    assert_eq!(
        message(r#"{"start":"2017-03-06","prior_hours":230,"lang":"en"}"#, "W_NOT_OWED").expect("named"),
        "J1 “1st job interview (1st joint interview)” belonged to your earlier unemployment in the dagpengeperiode: with 230 hours from before, the deadline has already passed, so it is not owed in this spell."
    );
    let en = plan_str(r#"{"start":"2024-03-04","prior_hours":500,"lang":"en"}"#).expect("a plan");
    assert_eq!(en.not_owed[0].holder_label, "the a-kasse");
    assert_eq!(en.not_owed[0].title, "1st job interview at the a-kasse");
}

/// Every warning, assumption and error code the core can give is documented in docs/contract.md.
#[test]
fn every_code_is_documented() {
    let doc = include_str!("../docs/contract.md");
    // Every source file of the plan and the rules, found rather than listed, so a code in a file
    // split off or added later is still seen.
    let sources: Vec<String> = sources::rust_files(&["src/plan", "src/rules"])
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("a source file"))
        .collect();
    let mut codes: Vec<String> = Vec::new();
    for source in &sources {
        for piece in source.split('"').skip(1).step_by(2) {
            let is_code = (piece.starts_with("A_") || piece.starts_with("W_"))
                && piece[2..]
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            if is_code && !codes.iter().any(|c| c == piece) {
                codes.push(piece.to_string());
            }
        }
    }
    assert!(codes.len() >= 25, "{codes:?}");
    for code in &codes {
        assert!(doc.contains(&format!("`{code}`")), "{code} is not in docs/contract.md");
    }
    for code in samtaleplan::ErrorCode::ALL {
        if !code.as_str().starts_with("E_CSV_") {
            assert!(doc.contains(&format!("`{code}`")), "{code} is not in docs/contract.md");
        }
    }
}

/// The hours from before are stated with every plan that has them, with who to ask about
/// samtaler already held: the a-kasse while it holds the forløb, else the jobcenter or kommune.
#[test]
fn the_hours_from_before_are_stated_with_who_to_ask() {
    let said = |request: &str| message(request, "A_PRIOR_HOURS");
    assert_eq!(said(r#"{"start":"2024-03-04"}"#), None);
    assert_eq!(said(r#"{"start":"2024-03-04","prior_hours":0}"#), None);
    let small = said(r#"{"start":"2024-03-04","prior_hours":0.01}"#).expect("stated");
    assert!(small.starts_with("Beregningen regner med 0,01 timer fra tidligere ledighed i samme dagpengeperiode (de forbrugte timer, som a-kassens selvbetjening viser)."), "{small}");
    assert!(small.ends_with("spørg a-kassen."), "{small}");
    assert!(
        said(r#"{"start":"2024-03-04","prior_hours":410}"#)
            .expect("stated")
            .ends_with("spørg a-kassen.")
    );
    assert!(
        said(r#"{"start":"2024-03-04","prior_hours":410.01}"#)
            .expect("stated")
            .ends_with("spørg jobcentret eller kommunen.")
    );
    // A hand-over the a-kasse gives, after the first day: it holds the forløb until then.
    let given =
        said(r#"{"start":"2024-03-04","prior_hours":500,"handover":"2024-04-01","lang":"en"}"#).expect("stated");
    assert!(given.ends_with("ask the a-kasse."), "{given}");
    assert!(
        given.contains("(BEK om en aktiv beskæftigelsesindsats § 7(4))"),
        "{given}"
    );
}

// ---------------------------------------------------------------------------------------------
// The law's numbers (issue 25): one dated table, src/rules/law.rs, shown in docs/law.md.

mod law_table {
    use samtaleplan::contract::lang::Lang;
    use samtaleplan::rules::law::{self, Row, TABLE, Value};
    use samtaleplan::rules::ledighed::{FROZEN, Hundredths, Insurance, SICK_DAYS_WITH_DAGPENGE};

    const DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/law.md");
    const BEGIN: &str = "<!-- law table: begin (checked by tests/rules.rs against src/rules/law.rs) -->";
    const END: &str = "<!-- law table: end -->";

    fn value(row: &Row) -> String {
        match row.value {
            Value::PerInsurance(v) => format!("{} / {} h", v.fuldtid.format(Lang::En), v.deltid.format(Lang::En)),
            Value::Days(n) => format!("{n} days"),
            Value::Periods(ps) => ps
                .iter()
                .map(|p| format!("{}..{}", p.from, p.to))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The table as docs/law.md shows it, one Markdown row per value.
    fn markdown() -> String {
        let mut out = String::from(
            "| key | value (fuldtid / deltid) | meaning | in force from | source | § | address | RULES.md label | RULES.md section |\n|---|---|---|---|---|---|---|---|---|\n",
        );
        for row in &TABLE {
            out += &format!(
                "| `{}` | {} | {} | {} ({}) | {} | {} | {} | [{}] | {} |\n",
                row.key,
                value(row),
                row.meaning,
                row.in_force,
                row.in_force_basis,
                row.source.name,
                if row.source.section.is_empty() {
                    "—"
                } else {
                    row.source.section
                },
                row.source.address.unwrap_or("none given in RULES.md"),
                row.basis.as_str(),
                row.rules_md,
            );
        }
        out
    }

    /// docs/law.md's table is the code's, row for row. `UPDATE_LAW_DOCS=1` writes it.
    #[test]
    fn docs_show_the_table() {
        let docs = std::fs::read_to_string(DOCS).expect("docs/law.md");
        let (before, rest) = docs.split_once(BEGIN).expect("docs/law.md has the table's begin mark");
        let (shown, after) = rest.split_once(END).expect("docs/law.md has the table's end mark");
        let want = format!("\n{}", markdown());
        if std::env::var_os("UPDATE_LAW_DOCS").is_some() {
            std::fs::write(DOCS, format!("{before}{BEGIN}{want}{END}{after}")).expect("write docs/law.md");
            return;
        }
        assert_eq!(
            shown, want,
            "docs/law.md's table differs from src/rules/law.rs (UPDATE_LAW_DOCS=1 rewrites it)"
        );
    }

    /// Every value has a key, a meaning, a date in force with its reason, a source and where
    /// RULES.md states it; the keys are the constants' own names and each appears once.
    #[test]
    fn every_value_has_a_date_and_a_source() {
        let first_start = samtaleplan::rules::dates::ymd(2015, 7, 1);
        let mut keys: Vec<&str> = TABLE.iter().map(|r| r.key).collect();
        for row in &TABLE {
            assert!(!row.meaning.is_empty() && !row.in_force_basis.is_empty(), "{}", row.key);
            assert!(
                row.in_force >= first_start,
                "{}: in force before the first start the calculator knows",
                row.key
            );
            assert!(!row.source.name.is_empty(), "{}: no source", row.key);
            assert!(row.rules_md.starts_with("§ "), "{}: no RULES.md section", row.key);
            assert!(
                row.source.address.is_none_or(|a| a.starts_with("https://")),
                "{}",
                row.key
            );
        }
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), TABLE.len(), "a key twice");
        assert_eq!(
            TABLE.iter().map(|r| r.key).collect::<Vec<_>>(),
            [
                law::HOURS_PER_WEEK.key,
                law::HOURS_PER_MONTH.key,
                law::HANDOVER_HOURS.key,
                law::FROZEN.key,
                law::SICK_DAYS_WITH_DAGPENGE.key,
                law::MAX_PRIOR_HOURS.key,
            ]
        );
        let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/law.rs")).expect("law.rs");
        for row in &TABLE {
            assert!(
                src.contains(&format!("pub const {}: Law<", row.key)),
                "{}: not the constant's name",
                row.key
            );
        }
    }

    /// The values agree with each other and with what the counter uses.
    #[test]
    fn the_values_are_consistent() {
        let (week, month, handover, prior) = (
            law::HOURS_PER_WEEK.value,
            law::HOURS_PER_MONTH.value,
            law::HANDOVER_HOURS.value,
            law::MAX_PRIOR_HOURS.value,
        );
        for v in [week, month, handover, prior] {
            assert!(v.deltid < v.fuldtid, "{v:?}");
        }
        // Deltid's line: 410 × 130/160.33 rounded to hundredths (RULES.md § 2).
        let deltid = (handover.fuldtid.0 * month.deltid.0 * 2 + month.fuldtid.0) / (month.fuldtid.0 * 2);
        assert_eq!(handover.deltid, Hundredths(deltid));
        // A weekday is a fifth of a week, in whole units of 1/500 hour.
        for ins in [Insurance::Fuldtid, Insurance::Deltid] {
            assert_eq!(ins.per_week(), week.of(ins));
            assert_eq!(ins.per_month(), month.of(ins));
            assert_eq!(ins.handover_threshold(), handover.of(ins));
            assert_eq!(ins.max_prior_hours(), prior.of(ins));
            assert_eq!(ins.per_day().0 * 5, week.of(ins).units().0);
            assert!(handover.of(ins) < prior.of(ins));
        }
        assert_eq!(samtaleplan::contract::hours::MAX_PRIOR_HOURS, prior.fuldtid);
        assert_eq!(FROZEN, law::FROZEN.value);
        assert_eq!(SICK_DAYS_WITH_DAGPENGE, law::SICK_DAYS_WITH_DAGPENGE.value);
        for pair in law::FROZEN.value.windows(2) {
            assert!(pair[0].to < pair[1].from);
        }
        for p in law::FROZEN.value {
            // The words of A_COVID_FREEZE write each period within one year.
            assert!(p.from <= p.to && chrono::Datelike::year(&p.from) == chrono::Datelike::year(&p.to));
        }
        assert_eq!(law::FROZEN.in_force, law::FROZEN.value[0].from);
    }

    /// The code's uses go through the table: outside src/rules/law.rs no code (tests and comments
    /// aside) writes one of its values as a literal, in numbers or in words.
    #[test]
    fn the_code_reads_the_values_from_the_table() {
        let mut needles: Vec<String> = Vec::new();
        let hours = |h: Hundredths, needles: &mut Vec<String>| {
            let plain = h.0.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i).is_multiple_of(3) {
                    grouped.push('_');
                }
                grouped.push(c);
            }
            needles.push(format!("Hundredths({plain})"));
            needles.push(format!("Hundredths({grouped})"));
            needles.extend([Lang::Da, Lang::En].map(|l| format!("\"{}", h.format_grouped(l))));
            needles.extend([Lang::Da, Lang::En].map(|l| format!(" {} timer", h.format_grouped(l))));
            needles.extend([Lang::Da, Lang::En].map(|l| format!(" {} hours", h.format_grouped(l))));
        };
        for row in &TABLE {
            match row.value {
                Value::PerInsurance(v) => {
                    hours(v.fuldtid, &mut needles);
                    hours(v.deltid, &mut needles);
                }
                Value::Days(n) => {
                    needles.extend([
                        format!("første {n} dage"),
                        format!("first {n} days"),
                        format!("Days::new({n})"),
                    ]);
                }
                Value::Periods(ps) => {
                    for p in ps {
                        for d in [p.from, p.to] {
                            use chrono::Datelike;
                            needles.push(format!("ymd({}, {}, {})", d.year(), d.month(), d.day()));
                            needles.push(samtaleplan::rules::dates::short(d, Lang::Da));
                            needles.push(samtaleplan::rules::dates::short(d, Lang::En));
                        }
                    }
                }
            }
        }
        // "410-timers-reglen", the rule's name.
        needles.push(format!(
            " {}-timers",
            law::HANDOVER_HOURS.value.fuldtid.format(Lang::Da)
        ));
        needles.push(format!(
            " {}-hour rule",
            law::HANDOVER_HOURS.value.fuldtid.format(Lang::En)
        ));
        // Words in the table that do not say an amount ("37 timer") are too common to look for.
        let files = crate::sources::rust_files(&["src"]);
        let mut found = Vec::new();
        for file in files {
            let name = file.to_string_lossy().replace('\\', "/");
            if name.ends_with("/rules/law.rs") || name.ends_with("tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&file).expect("a source file");
            // Code only: up to the file's test module, comments and clap's help (doc comments) left out.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (n, line) in code.lines().enumerate() {
                let line = line.trim_start();
                if line.starts_with("//") {
                    continue;
                }
                for needle in &needles {
                    if line.contains(needle.as_str()) {
                        found.push(format!("{name}:{}: {needle}", n + 1));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "the law's numbers written as literals:\n{}",
            found.join("\n")
        );
        assert!(needles.len() > 40, "{}", needles.len());
    }
}

// ---------------------------------------------------------------------------------------------
// What depends on what (issue 25, docs/architecture.md): each folder of src/ uses only the
// folders below it, the vocabulary at the bottom nothing else of the crate.

mod layers {

    /// Each `crate::` path outside comments in `src/<folder>/` that names one of `forbidden`,
    /// as "file:line: text".
    fn uses_of(folder: &str, forbidden: &[&str]) -> (usize, Vec<String>) {
        let files = crate::sources::rust_files(&[&format!("src/{folder}")]);
        let mut found = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).expect("a source file");
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                let names = line.match_indices("crate::").map(|(i, m)| {
                    let rest = &line[i + m.len()..];
                    &rest[..rest
                        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                        .unwrap_or(rest.len())]
                });
                if names.into_iter().any(|name| forbidden.contains(&name)) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
        (files.len(), found)
    }

    /// The folders from the bottom up, as docs/architecture.md draws them: each may use only
    /// those before it (`web` and `cli` are both at the top, and neither uses the other).
    const LAYERS: [&str; 8] = [
        "vocabulary",
        "rules",
        "contract",
        "plan",
        "present",
        "caseload",
        "web",
        "cli",
    ];

    #[test]
    fn the_layers_use_only_the_layers_below_them() {
        for (i, folder) in LAYERS.iter().enumerate() {
            let (files, found) = uses_of(folder, &LAYERS[i + 1..]);
            assert!(files >= 3, "src/{folder}: {files} files");
            assert!(
                found.is_empty(),
                "src/{folder} uses a layer above it:\n{}",
                found.join("\n")
            );
        }
        // And the drawing in docs/architecture.md is this order.
        let doc = include_str!("../docs/architecture.md");
        assert!(
            doc.contains("vocabulary  ←  rules  ←  contract  ←  plan  ←  present  ←  caseload  ←  web, cli"),
            "docs/architecture.md draws another order"
        );
    }
}

/// A_COVID_FREEZE is said when a freeze (2020-03-01 – 2020-08-31, 2021-01-01 – 2021-06-30, RULES.md
/// § 2) touches the plan, from `start` to its last samtale's latest day, and only then: a plan of
/// 2017 or 2024 does not mention it. Found by mutation testing (src/plan/assumptions.rs).
#[test]
fn the_covid_freeze_is_named_when_it_touches_the_plan() {
    use chrono::{Duration, NaiveDate};
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    let freezes = [(day(2020, 3, 1), day(2020, 8, 31)), (day(2021, 1, 1), day(2021, 6, 30))];
    let (mut with, mut without) = (0, 0);
    let mut start = day(2017, 1, 2);
    while start <= day(2024, 12, 30) {
        let request = format!(r#"{{"start":"{start}"}}"#);
        let plan = plan_str(&request).unwrap_or_else(|e| panic!("{request}: {e}"));
        let last = plan.samtaler.iter().map(|s| s.latest).max().unwrap_or(start);
        let touches = freezes.iter().any(|&(from, to)| from <= last && to >= start);
        let named = plan.assumptions.iter().any(|a| a.code == "A_COVID_FREEZE");
        assert_eq!(named, touches, "{request}: the plan runs to {last}");
        if touches {
            with += 1
        } else {
            without += 1
        }
        start += Duration::days(11);
    }
    // Both kinds occur, before and after the freezes.
    assert!(with > 20 && without > 100, "{with} with, {without} without");
    assert!(!assumptions(r#"{"start":"2024-03-04"}"#).contains(&"A_COVID_FREEZE"));
    assert!(!assumptions(r#"{"start":"2017-03-06"}"#).contains(&"A_COVID_FREEZE"));
    assert!(assumptions(r#"{"start":"2020-06-01"}"#).contains(&"A_COVID_FREEZE"));
    // It names both freezes, in either language.
    for (lang, text) in [
        (
            "da",
            "Timer fra 1. marts til 31. august 2020 og fra 1. januar til 30. juni 2021 tæller ikke med (COVID-19).",
        ),
        (
            "en",
            "Hours from 1 March to 31 August 2020 and from 1 January to 30 June 2021 do not count (COVID-19).",
        ),
    ] {
        let request = format!(r#"{{"start":"2020-06-01","lang":"{lang}"}}"#);
        let plan = plan_str(&request).expect("a plan");
        let note = plan
            .assumptions
            .iter()
            .find(|a| a.code == "A_COVID_FREEZE")
            .expect("the note");
        assert_eq!(note.text, text);
    }
}

/// R2024's a-kasse samtaler end at 3 months of unemployment, before the hand-over; the
/// explanation says when that day is also the day before the hand-over, and only then (a
/// mutant of src/plan/explain.rs swapped the two wordings unnoticed).
#[test]
fn the_day_before_the_hand_over_is_named_as_such() {
    let a2 = |start: &str| explanation(&format!(r#"{{"start":"{start}","lang":"en"}}"#), "A2");
    // 4 March 2024: 3 months are reached on 31 May, the hand-over is 1 June.
    assert!(
        a2("2024-03-04")
            .ends_with("481 hours – which is also the day before the hand-over to the jobcentre 1 June 2024."),
        "{}",
        a2("2024-03-04")
    );
    // 18 March 2024: 3 months on 14 June, the hand-over 1 July.
    let e = a2("2024-03-18");
    assert!(
        e.ends_with("481 hours – before the hand-over to the jobcentre 1 July 2024."),
        "{e}"
    );
}

/// An explanation names at most four numbers of hours of part-time work one by one and counts
/// the rest ("and 1 more period"); with exactly four there is no rest to count (a mutant of
/// src/plan/explain.rs said "and 0 more periods" unnoticed).
#[test]
fn an_explanation_names_four_part_time_periods_and_counts_the_rest() {
    let a2 = |n: u32, lang: &str| {
        let pauses: Vec<String> = (0..n)
            .map(|i| {
                let from = 11 + 7 * i; // Mondays from 11 March 2024, a week each
                let (m, d) = if from > 31 { (4, from - 31) } else { (3, from) };
                format!(
                    r#"{{"from":"2024-{m:02}-{d:02}","to":"2024-{m:02}-{:02}","reason":"arbejde","hours_per_week":{}}}"#,
                    d + 6,
                    10 + 2 * i
                )
            })
            .collect();
        let request = format!(
            r#"{{"start":"2024-03-04","lang":"{lang}","pauses":[{}]}}"#,
            pauses.join(",")
        );
        explanation(&request, "A2")
    };
    for n in 1..=4 {
        let e = a2(n, "en");
        assert!(
            e.contains(&format!("{} hours a week of work from", 8 + 2 * n)),
            "{n}: {e}"
        );
        assert!(!e.contains("more period"), "{n}: {e}");
        assert!(!a2(n, "da").contains("mere"), "{n}");
    }
    assert!(a2(5, "en").contains("; and 1 more period)"));
    assert!(a2(5, "da").contains("; og 1 periode mere)"));
    assert!(a2(6, "en").contains("; and 2 more periods)"));
    assert!(a2(6, "da").contains("; og 2 perioder mere)"));
}

/// The hand-over's explanation says how the hours that passed the line were counted whenever
/// they are not plain days: with days of sickness, and with hours from an earlier spell; plain
/// days are just the hours (three mutants of src/plan/explain.rs's `paid` survived).
#[test]
fn the_hand_over_says_how_its_hours_were_counted() {
    let j1 = |extra: &str| explanation(&format!(r#"{{"start":"2024-03-04","lang":"en"{extra}}}"#), "J1");
    let plain = j1("");
    assert!(
        plain.contains("when more than 410 hours have been paid: 414.4 hours)."),
        "{plain}"
    );
    let sick = j1(r#","pauses":[{"from":"2024-03-11","to":"2024-03-15","reason":"sygdom"}]"#);
    assert!(
        sick.contains(
            "have been paid: 56 days at 7.4 hours = 414.4 hours (of them 5 days with dagpenge during sickness))."
        ),
        "{sick}"
    );
    let prior = j1(r#","prior_hours":100"#);
    assert!(
        prior.contains("have been paid: 100 hours from earlier unemployment in the dagpengeperiode + 42 days at 7.4 hours = 310.8 hours; with the earlier hours, 410.8 hours in all)."),
        "{prior}"
    );
}

/// A samtale's status on `today` is shown in words in the plan's view (and the command line's
/// table): passed, open now, coming (a mutant of contract/response.rs's `Status::label` survived
/// every test of the contract).
#[test]
fn each_status_is_shown_in_words() {
    for (lang, words) in [
        ("da", ["fristen er udløbet", "kan holdes nu", "kommende"]),
        ("en", ["deadline passed", "can be held now", "upcoming"]),
    ] {
        // On 10 April 2024: A1's window (to 18 March) has passed, A2's (to 31 May) is open, J1's
        // (from 1 June) is to come.
        let request = format!(r#"{{"start":"2024-03-04","today":"2024-04-10","lang":"{lang}"}}"#);
        let plan = plan_str(&request).unwrap_or_else(|e| panic!("{request}: {e}"));
        let view = samtaleplan::present::view::plan(&plan, "p");
        let statuses: Vec<String> = view
            .descendants()
            .into_iter()
            .filter(|n| n.get("class") == Some("samtaleplan-status"))
            .map(|n| n.text_content())
            .collect();
        let status_of = |id: &str| {
            let i = plan.samtaler.iter().position(|s| s.id == id).expect(id);
            statuses[i].clone()
        };
        assert_eq!(statuses.len(), plan.samtaler.len(), "{statuses:?}");
        assert_eq!(status_of("A1"), words[0]);
        assert_eq!(status_of("A2"), words[1]);
        assert_eq!(status_of("J1"), words[2]);
    }
}

/// A year that looks like two digits swapped is named where it was typed: of the whole period
/// when both its ends have it, of the end that has it otherwise (a mutant of
/// src/plan/warnings.rs named only the period's first day).
#[test]
fn a_swapped_year_is_named_at_the_end_that_has_it() {
    let slips = |from: &str, to: &str| {
        let request = format!(
            r#"{{"start":"2024-03-04","lang":"en","pauses":[{{"from":"{from}","to":"{to}","reason":"ferie"}}]}}"#
        );
        let plan = plan_str(&request).unwrap_or_else(|e| panic!("{request}: {e}"));
        plan.warnings
            .iter()
            .filter(|w| w.text.contains("did you mean"))
            .map(|w| w.text.split(':').next().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(slips("2024-12-02", "2042-12-10"), ["Period 1, to"]);
    assert_eq!(slips("2042-03-02", "2042-03-10"), ["Period 1"]);
    assert_eq!(slips("2042-12-22", "2043-01-10"), ["Period 1, from"]);
    assert_eq!(slips("2024-12-22", "2025-01-10"), Vec::<String>::new());
}

/// A latest date on a day off says the last working day before it, and that the window holds no
/// working day only when that day is before the window opens: a window of Wednesday to Easter
/// Sunday holds its Wednesday (a mutant of src/plan/warnings.rs said it held none).
#[test]
fn a_window_holds_a_working_day_on_its_first_day() {
    let warning = |start: &str| {
        let request = format!(r#"{{"start":"{start}","prior_hours":400,"lang":"en"}}"#);
        let plan = plan_str(&request).unwrap_or_else(|e| panic!("{request}: {e}"));
        let w: Vec<String> = plan
            .warnings
            .iter()
            .filter(|w| w.text.contains("not a working day"))
            .map(|w| w.text.clone())
            .collect();
        assert_eq!(w.len(), 1, "{request}: {w:?}");
        w[0].clone()
    };
    let head = "A2 and A3: the latest date, Sunday 31 March 2024, is not a working day (Easter Sunday). No rule moves the deadline; the last working day before it is Wednesday 27 March 2024.";
    assert_eq!(warning("2024-03-27"), head);
    assert_eq!(
        warning("2024-03-28"),
        format!("{head} The window of A2 and A3 holds no working day.")
    );
}

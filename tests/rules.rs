//! What the rules say that the case tables do not: the notes each regime adds to a plan's
//! assumptions (RULES.md § 4). Found by mutation testing (`./build.sh mutants`, docs/mutants.md):
//! a regime's notes could be dropped with every case still holding.

use samtaleplan::plan_str;

fn assumptions(request: &str) -> Vec<&'static str> {
    plan_str(request)
        .unwrap_or_else(|e| panic!("{request}: {e}"))
        .assumptions
        .iter()
        .map(|a| a.code)
        .collect()
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
/// line (410 hours; deltid 332.43).
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
    assert_eq!(part.handover_threshold(), Hundredths(33_243));
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

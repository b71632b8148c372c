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

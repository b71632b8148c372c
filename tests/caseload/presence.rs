//! The a-kasse's part in the joint samtaler (issue 15, seed 000): `akasse_deltog_<ID>` read,
//! refused where it does not belong, and counted as STAR counts it — the share of held joint
//! samtaler with the a-kasse present, per samtale and per month of the samtale. The file
//! tests/caseload/presence.csv worked by hand:
//!
//! - R2024 S16 held by 4001 (10.9.2024, ja), 4002 (20.9., nej), 4003 (2.10., ja), 4004 (15.10.,
//!   no answer), 4005 (28.10., JA): 3 with, 1 without, 1 unknown: 3 of 4 = 75,0 %.
//! - R2020 F2 held by 4006 (10.4.2024, nej): 0 of 1.
//! - By month: 2024-04 0 of 1; 2024-09 1 of 2; 2024-10 2 of 2 (one unknown left out).
//! - In all 3 of 5 = 60,0 %.
//! - 4007 answers for an S16 not held (E_CSV_HELD), 4008 answers "kanske" (E_CSV_VALUE).

use samtaleplan::Lang;
use samtaleplan::caseload::{self, Caseload, Options, Query};
use std::process::Command;

use crate::support::{self, file};

/// A file read whole on the day presence.csv is worked out for, in `lang`.
fn load(text: &[u8], lang: Lang) -> Caseload {
    support::load(text, Options::new("2025-06-02".parse().expect("day"), lang))
}

#[test]
fn the_hand_worked_file_gives_the_hand_worked_shares() {
    let text = file("presence.csv");
    let c = load(&text, Lang::Da);
    let s = c.summary(None);
    let errors: Vec<(usize, &str)> = s.errors.iter().map(|e| (e.line, e.code.as_str())).collect();
    assert_eq!(errors, [(8, "E_CSV_HELD"), (9, "E_CSV_VALUE")]);
    let a = &s.akasse_present;
    assert_eq!(a.columns, 2);
    let row = |r: &caseload::PresenceRow| {
        (
            r.key.clone(),
            r.counts.present,
            r.counts.absent,
            r.counts.unknown,
            r.share.per_mille,
        )
    };
    assert_eq!(
        a.by_samtale.iter().map(row).collect::<Vec<_>>(),
        [
            ("R2020 F2".into(), 0, 1, 0, Some(0)),
            ("R2024 S16".into(), 3, 1, 1, Some(750))
        ]
    );
    assert_eq!(
        a.by_month.iter().map(row).collect::<Vec<_>>(),
        [
            ("2024-04".into(), 0, 1, 0, Some(0)),
            ("2024-09".into(), 1, 1, 0, Some(500)),
            ("2024-10".into(), 2, 0, 1, Some(1000))
        ]
    );
    assert_eq!(row(&a.total), ("I alt".into(), 3, 2, 1, Some(600)));
    let csv = caseload::export(&c, "akasse_present_by_samtale", &Query::default()).expect("list");
    assert_eq!(
        csv,
        "Samtale;Titel;Med a-kassen;Uden a-kassen;Uden oplysning;Andel med a-kassen\r\n\
         R2020 F2;2. fælles jobsamtale;0;1;0;0,0 %\r\n\
         R2024 S16;Jobsamtale om intensiveret indsats (fælles);3;1;1;75,0 %\r\n\
         I alt;;3;2;1;60,0 %\r\n"
    );
    // The command line: the same list.
    let out = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
        .args([
            "caseload",
            "tests/caseload/presence.csv",
            "--today",
            "2025-06-02",
            "--format",
            "csv",
        ])
        .args(["--list", "akasse_present_by_month"])
        .output()
        .expect("run");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).expect("utf-8"),
        caseload::export(&c, "akasse_present_by_month", &Query::default()).expect("list")
    );
}

#[test]
fn an_answer_for_a_samtale_that_is_not_joint_is_refused() {
    let text = b"member;start;held_A1;akasse_present_A1;akasse_present_S16\n\
        5001;2024-01-08;2024-01-10;yes;\n\
        5002;2024-01-08;2024-01-10;;\n";
    let c = load(text, Lang::En);
    let s = c.summary(None);
    assert_eq!(s.members, 1);
    assert_eq!(s.errors.len(), 1);
    assert_eq!((s.errors[0].line, s.errors[0].code.as_str()), (2, "E_CSV_HELD"));
    assert!(
        s.errors[0].message.contains("A1 is not a joint samtale"),
        "{}",
        s.errors[0].message
    );
    // Nothing held jointly: nothing to share.
    assert_eq!(s.akasse_present.total.share.per_mille, None);
    assert_eq!(s.akasse_present.columns, 2);
}

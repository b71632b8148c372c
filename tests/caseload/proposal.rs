//! The caseload's booking proposal (issue 15): the hand-worked file, its lists from the command
//! line, what every proposal on the hand-worked caseload of tests/caseload/small.csv keeps to,
//! and the --capacity values refused.

use samtaleplan::Lang;
use samtaleplan::caseload::{self, Capacity, Caseload, Options, Query};
use std::process::Command;

use crate::support::{self, file};

/// The fixture `name` read on `today`, in Danish.
fn load(name: &str, today: &str) -> Caseload {
    support::load(&file(name), Options::new(today.parse().expect("today"), Lang::Da))
}

fn p_unlimited(c: &Caseload) -> caseload::Proposal {
    c.propose(&Capacity::default())
}

fn lines(text: &str) -> Vec<String> {
    text.lines().skip(1).map(str::to_string).collect()
}

#[test]
fn the_hand_worked_file_gives_the_hand_worked_bookings() {
    let want: toml::Table =
        toml::from_str(&String::from_utf8(file("booking.expected.toml")).expect("expected")).expect("toml");
    let today = want["today"].as_str().expect("today");
    let capacity = Capacity::parse(want["capacity"].as_str().expect("capacity")).expect("capacity");
    let c = load("booking.csv", today);
    let q = Query {
        capacity,
        ..Query::default()
    };
    for list in ["schedule", "at_risk"] {
        let got = caseload::export(&c, list, &q).expect(list);
        assert!(
            got.starts_with(if list == "schedule" {
                "Medlem;Samtale;Holdes af;Tidligst;Senest;Uge fra\r\n"
            } else {
                "Medlem;Samtale;Holdes af;Tidligst;Senest;Ville kræve plads i ugen fra;Status\r\n"
            }),
            "{got}"
        );
        let expected: Vec<String> = want[list]
            .as_array()
            .expect(list)
            .iter()
            .map(|v| v.as_str().expect(list).to_string())
            .collect();
        assert_eq!(lines(&got), expected, "{list}");
    }
    // The command line writes the same lists.
    for list in ["schedule", "at_risk"] {
        let out = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
            .args([
                "caseload",
                "tests/caseload/booking.csv",
                "--today",
                today,
                "--format",
                "csv",
            ])
            .args(["--capacity", "akasse=1,jobcenter=2", "--list", list])
            .output()
            .expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(
            String::from_utf8(out.stdout).expect("utf-8"),
            caseload::export(&c, list, &q).expect(list)
        );
    }
    // The summary: one at risk, needing week 0; the a-kasse's weeks 0–7 full.
    let p = c.propose(&capacity);
    let b = c.booking(&p, 10);
    assert_eq!((b.booked, b.at_risk, b.overdue), (20, 1, 0));
    assert_eq!(b.weeks[0].akasse.at_risk, 1);
    assert!(b.weeks[..8].iter().all(|w| w.akasse.full && w.akasse.booked == 1));
    assert!(!b.weeks[8].akasse.full);
    assert_eq!(b.weeks[11].jobcenter.booked, 2);
    assert_eq!(b.weeks[11].jobcenter.capacity, Some(2));
    assert_eq!(b.weeks[11].joint.capacity, None);
    // The call-in list of week 11 (26.8): the J1s of 3001 and 3002 (3001's J2 waits a week).
    let week = c.call_in(&p, "2024-08-26".parse().expect("date"), None, 0, 50);
    let got: Vec<String> = week.items.iter().map(|i| format!("{} {}", i.member, i.id)).collect();
    assert_eq!(got, ["3001 J1", "3002 J1"]);
    // 3002's own plan: A1 at risk, the rest booked.
    let own = c.member_proposal(&p, "3002");
    assert_eq!(own.len(), 7);
    assert!(own[0].at_risk && own[0].id == "A1");
    assert!(own[1..].iter().all(|x| !x.at_risk));
}

#[test]
fn every_proposal_keeps_windows_capacity_and_order() {
    let c = load("small.csv", "2024-06-03");
    let monday: chrono::NaiveDate = "2024-06-03".parse().expect("date");
    let today = monday;
    for cap in [
        "",
        "akasse=0",
        "akasse=1,jobcenter=1,joint=1",
        "akasse=2,kommune=1",
        "joint=0,jobcenter=3",
    ] {
        let capacity = Capacity::parse(cap).expect("capacity");
        let q = Query {
            capacity,
            ..Query::default()
        };
        let rows = |list: &str| -> Vec<Vec<String>> {
            lines(&caseload::export(&c, list, &q).expect(list))
                .iter()
                .map(|l| l.split(';').map(str::to_string).collect())
                .collect()
        };
        let (booked, at_risk) = (rows("schedule"), rows("at_risk"));
        let date = |s: &str| -> chrono::NaiveDate { s.parse().expect("date") };
        let week = |d: chrono::NaiveDate| (d - monday).num_days().div_euclid(7);
        let mut load = std::collections::BTreeMap::new();
        for r in &booked {
            let (earliest, latest, w) = (date(&r[3]), date(&r[4]), date(&r[5]));
            assert_eq!(w.format("%u").to_string(), "1", "{cap}: {r:?}: a Monday");
            assert!(latest >= today, "{cap}: {r:?}: an overdue samtale booked");
            assert!(
                week(w) >= week(earliest).max(0) && week(w) <= week(latest),
                "{cap}: {r:?}"
            );
            // The holder in the page's words (issue 23), jobcentret and kommunen one lane.
            let lane = match r[2].as_str() {
                "a-kassen" => "akasse",
                "jobcentret" | "kommunen" => "jobcenter",
                "jobcentret og a-kassen sammen" => "joint",
                h => panic!("{cap}: {r:?}: holder {h:?}"),
            };
            *load.entry((lane.to_string(), w)).or_insert(0u32) += 1;
        }
        for ((lane, w), n) in &load {
            let limit = match lane.as_str() {
                "akasse" => capacity.akasse,
                "jobcenter" => capacity.jobcenter,
                _ => capacity.joint,
            };
            assert!(limit.is_none_or(|l| *n <= l), "{cap}: {lane} {w}: {n}");
        }
        // A member's samtaler of one holder in plan order: each in a week after the one before
        // (issue 23: never two in one week).
        let mut last: std::collections::BTreeMap<(String, String), (String, chrono::NaiveDate)> = Default::default();
        for m in ["1001", "1002", "1003", "1005", "1009", "1011"] {
            let p = c.propose(&capacity);
            for x in c.member_proposal(&p, m).iter().filter(|x| !x.at_risk) {
                let lane = match x.holder.as_str() {
                    "kommune" => "jobcenter",
                    h => h,
                };
                let key = (m.to_string(), lane.to_string());
                let week = x.week.expect("a booked samtale has a week");
                if let Some((id, before)) = last.get(&key) {
                    assert!(week > *before, "{cap}: {m} {} in the week of {id} or before", x.id);
                }
                last.insert(key, (x.id.to_string(), week));
            }
            last.clear();
        }
        // Every samtale not held is booked or at risk, once; every overdue one at risk.
        let summary = c.summary(None);
        for o in &summary.overdue.items {
            assert!(
                at_risk
                    .iter()
                    .any(|r| r[0] == *o.member && r[1] == format!("{} {}", o.regime, o.id)),
                "{cap}: overdue {} {} not at risk",
                o.member,
                o.id
            );
        }
        let b = c.booking(&c.propose(&capacity), 0);
        assert_eq!((b.booked, b.at_risk), (booked.len(), at_risk.len()), "{cap}");
        if cap.is_empty() {
            // Unlimited: at risk are the overdue, and a samtale whose predecessor (the member's
            // earlier one of the same holder) takes the last week of its window — in small.csv
            // 1010's R2020 J4, due 7.6.2024 as J3 is.
            let mut crowded = 0;
            for r in at_risk.iter().filter(|r| r[6] == "i fare") {
                let own = c.member_proposal(&p_unlimited(&c), &r[0]);
                let i = own
                    .iter()
                    .position(|x| format!("{} {}", x.regime, x.id) == r[1])
                    .expect("listed");
                let x = &own[i];
                let lane = |h: samtaleplan::rules::regimes::Holder| h.as_str().replace("kommune", "jobcenter");
                assert!(
                    own[..i]
                        .iter()
                        .any(|y| !y.at_risk && lane(y.holder) == lane(x.holder) && y.week == x.week),
                    "{r:?}: at risk with unlimited capacity, yet no predecessor in its last week"
                );
                crowded += 1;
            }
            assert_eq!(b.at_risk, b.overdue + crowded, "unlimited: {at_risk:?}");
            assert!(crowded > 0, "small.csv has a member with two samtaler due in one week");
        }
    }
}

#[test]
fn capacity_is_read_or_refused_with_words() {
    let c = Capacity::parse("akasse=120, jobcenter=80,joint=40").expect("ok");
    assert_eq!(c.lanes(), [Some(120), Some(80), Some(40)]);
    assert_eq!(Capacity::parse("kommune=5").expect("ok").jobcenter, Some(5));
    assert_eq!(Capacity::parse("").expect("ok"), Capacity::default());
    for bad in [
        "akasse",
        "akasse=-1",
        "akasse=1.5",
        "akasse=+3",
        "foo=1",
        "akasse=2000000",
        "jobcenter=1,kommune=2",
    ] {
        let (da, en) = Capacity::parse(bad).expect_err(bad);
        assert!(!da.is_empty() && !en.is_empty() && da != en, "{bad}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
        .args([
            "caseload",
            "tests/caseload/booking.csv",
            "--today",
            "2024-06-10",
            "--capacity",
            "akasse=mange",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("E_USAGE") && err.contains("er ikke et helt tal"), "{err}");
}

#[test]
fn a_members_proposed_weeks_as_a_calendar_file_stay_inside_the_windows() {
    let c = load("booking.csv", "2024-06-10");
    let p = c.propose(&Capacity::parse("akasse=1,jobcenter=2").expect("capacity"));
    let stamp = samtaleplan::present::ics::parse_stamp("20240610T120000Z").expect("stamp");
    let text = c.member_calendar(&p, "3001", stamp).expect("a member");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 7);
    // A1: week 10.6–16.6, window to 10.6: that day only. J1: week 26.8–1.9, window from Sunday 1.9.
    let span =
        |start: &str, end: &str| text.contains(&format!("DTSTART;VALUE=DATE:{start}\r\nDTEND;VALUE=DATE:{end}\r\n"));
    assert!(span("20240610", "20240611"), "{text}");
    assert!(span("20240901", "20240902"), "{text}");
    // A2: the whole week 24.6–30.6.
    assert!(span("20240624", "20240701"), "{text}");
    assert!(
        text.contains("SUMMARY:Foreslået: A1 1. jobsamtale i a-kassen (a-kassen)"),
        "{text}"
    );
    // 3002's A1 is at risk: no event for it.
    let other = c.member_calendar(&p, "3002", stamp).expect("a member");
    assert_eq!(other.matches("BEGIN:VEVENT").count(), 6);
    assert!(c.member_calendar(&p, "9999", stamp).is_none());
}

#[test]
fn the_json_summary_has_the_booking_with_a_capacity_only() {
    let run = |extra: &[&str]| -> serde_json::Value {
        let out = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
            .args(["caseload", "tests/caseload/booking.csv", "--today", "2024-06-10"])
            .args(extra)
            .output()
            .expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    };
    assert!(run(&[]).get("booking").is_none());
    let j = run(&["--capacity", "akasse=1,jobcenter=2"]);
    let b = &j["booking"];
    assert_eq!((b["booked"].as_u64(), b["at_risk"].as_u64()), (Some(20), Some(1)));
    assert_eq!(
        b["capacity"],
        serde_json::json!({"akasse": 1, "jobcenter": 2, "joint": null})
    );
    assert_eq!(b["weeks"].as_array().map(Vec::len), Some(26));
    assert_eq!(
        b["weeks"][0]["akasse"],
        serde_json::json!({"booked": 1, "capacity": 1, "full": true, "at_risk": 1})
    );
    assert_eq!(b["at_risk_items"][0]["member"], "3002");
    assert_eq!(b["at_risk_items"][0]["week"], "2024-06-10");
}

/// The hand-worked file with a name column: every proposed samtale carries its member's name, as
/// the worklist's items do, in the booking's list at risk, the call-in list, a member's proposal
/// and the booking exports (issue 23).
#[test]
fn the_booking_lists_carry_the_members_names() {
    let text = String::from_utf8(file("booking.csv")).expect("the file");
    let names = ["Åse Ørnsø", "Bo Bæk", "Cai Ås"];
    let named: String = text
        .lines()
        .enumerate()
        .map(|(i, line)| match i {
            0 => format!("{line};Navn\r\n"),
            i => format!("{line};{}\r\n", names[i - 1]),
        })
        .collect();
    let mut c = Caseload::new(Options::new("2024-06-10".parse().expect("today"), Lang::Da));
    c.feed(named.as_bytes());
    c.finish().unwrap_or_else(|e| panic!("{e}"));
    let capacity = Capacity::parse("akasse=1,jobcenter=2").expect("capacity");
    let p = c.propose(&capacity);
    let name_of = |member: &str| names[member.parse::<usize>().expect("a number") - 3001];

    let b = c.booking(&p, 100);
    assert_eq!(b.at_risk_items.len(), 1);
    for x in &b.at_risk_items {
        assert_eq!(x.name.as_deref(), Some(name_of(&x.member)), "{x:?}");
    }
    let week = "2024-08-26".parse().expect("a week");
    let call_in = c.call_in(&p, week, None, 0, 100);
    assert_eq!(call_in.items.len(), 2);
    for x in &call_in.items {
        assert_eq!(x.name.as_deref(), Some(name_of(&x.member)), "{x:?}");
    }
    let own = c.member_proposal(&p, "3002");
    assert!(!own.is_empty());
    assert!(own.iter().all(|x| x.name.as_deref() == Some("Bo Bæk")), "{own:?}");
    // The JSON the page reads has the name; a file without names has none.
    let json = serde_json::to_value(&call_in.items[0]).expect("json");
    assert_eq!(json["name"], name_of(json["member"].as_str().expect("member")));
    let plain = load("booking.csv", "2024-06-10");
    let plain_p = plain.propose(&capacity);
    let json = serde_json::to_value(&plain.call_in(&plain_p, week, None, 0, 1).items[0]).expect("json");
    assert!(json.get("name").is_none(), "{json}");

    let q = Query {
        capacity,
        ..Query::default()
    };
    for list in ["schedule", "at_risk"] {
        let got = caseload::export(&c, list, &q).expect(list);
        let mut rows = got.lines();
        assert!(
            rows.next().expect("a header").starts_with("Medlem;Navn;Samtale;"),
            "{got}"
        );
        for row in rows {
            let cells: Vec<&str> = row.split(';').collect();
            assert_eq!(cells[1], name_of(cells[0]), "{list}: {row}");
        }
    }
}

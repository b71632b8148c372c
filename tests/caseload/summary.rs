//! The caseload: the hand-worked file, every accepted and refused CSV shape, and the workload's
//! weekly counts against the windows they come from.

use samtaleplan::caseload::{self, Caseload, Options, Query, Summary, WEEKS};
use samtaleplan::rules::dates::ymd;
use samtaleplan::{ErrorCode, Lang};
use std::collections::{BTreeMap, BTreeSet};

use crate::support::{self, errors};

fn opts(today: chrono::NaiveDate) -> Options {
    Options::new(today, Lang::Da)
}

fn run(text: &[u8], today: chrono::NaiveDate) -> Summary {
    caseload::caseload(text, opts(today)).unwrap_or_else(|e| panic!("{e}"))
}

fn names(list: &caseload::List) -> BTreeSet<String> {
    list.items.iter().map(|i| format!("{} {}", i.member, i.id)).collect()
}

#[test]
fn the_hand_worked_file_gives_the_hand_worked_summary() {
    let text = std::fs::read("tests/caseload/small.csv").expect("the file");
    let want: toml::Table =
        toml::from_str(&std::fs::read_to_string("tests/caseload/small.expected.toml").expect("expected"))
            .expect("toml");
    let today = want["today"].as_str().and_then(|d| d.parse().ok()).expect("today");
    let s = run(&text, today);
    let int = |v: &toml::Value| v.as_integer().expect("a number");
    assert_eq!(s.rows as i64, int(&want["rows"]), "rows");
    assert_eq!(s.members as i64, int(&want["members"]), "members");
    let errors: Vec<(usize, String)> = s.errors.iter().map(|e| (e.line, e.code.as_str().to_string())).collect();
    let want_errors: Vec<(usize, String)> = want["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| (int(&e[0]) as usize, e[1].as_str().expect("code").to_string()))
        .collect();
    assert_eq!(errors, want_errors);
    let set = |key: &str| -> BTreeSet<String> {
        want[key]
            .as_array()
            .expect(key)
            .iter()
            .map(|v| v.as_str().expect(key).to_string())
            .collect()
    };
    assert_eq!(names(&s.closing_this_week), set("closing_this_week"));
    assert_eq!(names(&s.closing_next_week), set("closing_next_week"));
    assert_eq!(names(&s.overdue), set("overdue"));
    // Every week: the listed ones as given, all others zero.
    let weeks = want["workload"].as_table().expect("workload");
    for w in &s.workload {
        let got = [w.akasse, w.jobcenter, w.kommune, w.joint].map(i64::from);
        let expected = weeks.get(&w.from.to_string()).map_or([0; 4], |t| {
            ["akasse", "jobcenter", "kommune", "joint"].map(|h| int(&t[h]))
        });
        assert_eq!(got, expected, "week {}", w.from);
    }
    let counts = |c: &caseload::OnTime| [c.on_time, c.early, c.late, c.missing].map(i64::from);
    let want_counts = |t: &toml::Value| ["on_time", "early", "late", "missing"].map(|k| int(&t[k]));
    assert_eq!(counts(&s.on_time.counts), want_counts(&want["on_time_total"]));
    let rows = |rows: &[caseload::OnTimeRow]| -> BTreeMap<String, [i64; 4]> {
        rows.iter().map(|r| (r.key.clone(), counts(&r.counts))).collect()
    };
    let want_rows = |key: &str| -> BTreeMap<String, [i64; 4]> {
        want[key]
            .as_table()
            .expect(key)
            .iter()
            .map(|(k, v)| (k.clone(), want_counts(v)))
            .collect()
    };
    assert_eq!(rows(&s.on_time_by_samtale), want_rows("on_time_by_samtale"));
    assert_eq!(rows(&s.on_time_by_start_month), want_rows("on_time_by_start_month"));
    let star = &want["star"];
    for (share, key) in [
        (&s.star.first_within_1_5_months, "first_within_1_5_months"),
        (&s.star.first_within_3_months, "first_within_3_months"),
        (&s.star.two_in_last_3_months, "two_in_last_3_months"),
    ] {
        assert_eq!(
            [i64::from(share.count), i64::from(share.of)],
            [int(&star[key][0]), int(&star[key][1])],
            "{key}"
        );
    }
}

/// The same members in every accepted shape give the same numbers.
#[test]
fn every_accepted_shape_reads_the_same() {
    let today = ymd(2024, 6, 5);
    let base = "medlem;start;forsikring;pauser;holdt_A1;holdt_A2\n\
                a1;04-03-2024;fuldtid;01-04-2024..12-04-2024;10-03-2024;\n\
                a2;2024-01-08;deltid;;;20.02.2024\n\
                a3;3.6.2024;;;;\n";
    let reference = run(base.as_bytes(), today);
    assert_eq!((reference.members, reference.error_count), (3, 0));
    let shapes: Vec<(&str, Vec<u8>)> = vec![
        ("CRLF line ends", base.replace('\n', "\r\n").into_bytes()),
        (
            "a byte-order mark",
            [b"\xEF\xBB\xBF".as_slice(), base.as_bytes()].concat(),
        ),
        ("commas", base.replace(';', ",").into_bytes()),
        ("tabs", base.replace(';', "\t").into_bytes()),
        (
            "quoted fields",
            base.replace("a1;04-03-2024;fuldtid", "\"a1\";\"04-03-2024\"; \"fuldtid\" ")
                .into_bytes(),
        ),
        (
            "other column names and order",
            base.replace("medlem;start;forsikring;pauser", "Member;Ledig fra;INSURANCE;Pauses")
                .into_bytes(),
        ),
        ("blank lines", base.replace("a2;", "\n\na2;").into_bytes()),
        ("no final line break", base.trim_end().as_bytes().to_vec()),
        ("spaces around values", base.replace(";", " ; ").into_bytes()),
        (
            "two pauses",
            base.replace(
                "01-04-2024..12-04-2024",
                "01-04-2024..05-04-2024|08-04-2024..12-04-2024",
            )
            .into_bytes(),
        ),
    ];
    let key = |s: &Summary| {
        serde_json::to_value(&s.workload).expect("json").to_string()
            + &serde_json::to_value(&s.overdue).expect("json")["total"].to_string()
            + &s.on_time.share.text
            + &s.star.first_within_1_5_months.text
    };
    for (what, text) in &shapes {
        let s = run(text, today);
        assert_eq!((s.members, s.error_count), (3, 0), "{what}: {:?}", s.errors);
        assert_eq!(key(&s), key(&reference), "{what}");
    }
    // A quoted field may hold the delimiter, a quote and a line break; line numbers follow the file.
    let text = "medlem;start;forsikring\n\"a;\"\"1\"\"\";04-03-2024;\"fuldtid\n\"\nb;31-02-2024;\n";
    let s = run(text.as_bytes(), today);
    assert_eq!(s.members, 1, "{:?}", s.errors);
    assert_eq!(s.overdue.items[0].member.as_ref(), "a;\"1\"");
    assert_eq!((s.errors[0].line, s.errors[0].code), (4, ErrorCode::CsvDate));
}

/// Feeding the file in any chunks gives the same summary as feeding it whole.
#[test]
fn chunks_do_not_matter() {
    let text = std::fs::read("tests/caseload/small.csv").expect("the file");
    let today = ymd(2024, 6, 5);
    let whole = serde_json::to_string(&run(&text, today)).expect("json");
    for size in [1, 2, 3, 7, 64, 1000] {
        let mut c = Caseload::new(opts(today));
        for chunk in text.chunks(size) {
            c.feed(chunk);
        }
        let s = serde_json::to_string(&c.finish().expect("summary")).expect("json");
        assert_eq!(s, whole, "chunks of {size}");
    }
}

fn row_errors(text: &[u8]) -> Vec<(usize, ErrorCode)> {
    let s = run(text, ymd(2024, 6, 5));
    s.errors.iter().map(|e| (e.line, e.code)).collect()
}

#[test]
fn bad_rows_are_listed_with_their_line_and_the_rest_goes_on() {
    // A UTF-8 header ("ø"): the file is UTF-8, and a row that is not is that row's error.
    let header = "medlem;første_ledighedsdag;forsikring;pauser;holdt_A1\n";
    let rows: [(&[u8], Option<ErrorCode>); 16] = [
        (b"ok1;04-03-2024;;;\n".as_slice(), None),
        (b"bad;03/04/2024;;;\n".as_slice(), Some(ErrorCode::CsvDate)),
        (b"bad;31-02-2024;;;\n".as_slice(), Some(ErrorCode::CsvDate)),
        (b"bad;04-03-2024;halvtid;;\n".as_slice(), Some(ErrorCode::CsvValue)),
        (b";04-03-2024;;;\n".as_slice(), Some(ErrorCode::CsvValue)),
        (b"bad;04-03-2024;;01-04-2024;\n".as_slice(), Some(ErrorCode::CsvPause)),
        (
            b"bad;04-03-2024;;12-04-2024..01-04-2024;\n".as_slice(),
            Some(ErrorCode::PauseReversed),
        ),
        (b"bad;04-03-2024;;;99-99-2024\n".as_slice(), Some(ErrorCode::CsvDate)),
        (b"bad;04-03-2024;;;01-03-2024\n".as_slice(), Some(ErrorCode::CsvHeld)),
        (b"bad;04-03-2024\n".as_slice(), Some(ErrorCode::CsvFields)),
        (b"bad;04-03-2024;;;;x\n".as_slice(), Some(ErrorCode::CsvFields)),
        (b"bad;\"04-03-2024\"x;;;\n".as_slice(), Some(ErrorCode::CsvQuote)),
        (b"bad\xff;04-03-2024;;;\n".as_slice(), Some(ErrorCode::CsvEncoding)),
        (b"ok1;05-03-2024;;;\n".as_slice(), Some(ErrorCode::CsvValue)),
        (b"bad;30-06-2015;;;\n".as_slice(), Some(ErrorCode::StartTooEarly)),
        (b"ok2;04-03-2024;;;\n".as_slice(), None),
    ];
    let mut text = header.as_bytes().to_vec();
    let mut want = Vec::new();
    for (i, (row, code)) in rows.iter().enumerate() {
        text.extend_from_slice(row);
        if let Some(code) = code {
            want.push((i + 2, *code));
        }
    }
    // A long reference, a row over 64 KiB, and a quote that never closes: only its row is lost.
    text.extend_from_slice(format!("{};04-03-2024;;;\n", "r".repeat(65)).as_bytes());
    want.push((rows.len() + 2, ErrorCode::CsvValue));
    text.extend_from_slice(format!("x;04-03-2024;;;{}\n", "y".repeat(70_000)).as_bytes());
    want.push((rows.len() + 3, ErrorCode::CsvRow));
    text.extend_from_slice(b"ok3;04-03-2024;;;\n\"open;04-03-2024;;;\nok4;04-03-2024;;;\n");
    want.push((rows.len() + 5, ErrorCode::CsvQuote));
    assert_eq!(row_errors(&text), want);
    let s = run(&text, ymd(2024, 6, 5));
    assert_eq!(s.members, 4, "ok1, ok2, ok3 and ok4");
    assert_eq!(s.rows, rows.len() + 5);
}

#[test]
fn part_time_pauses_move_the_caseload_as_they_move_the_plan() {
    // parttime.toml: start 2024-03-04, 18.5 hours a week from 1 June to 31 August 2024 -> J1–J3 latest Wed
    // 2024-10-16 (without the work: Fri 2024-08-30, overdue by October). The week of Mon 2024-10-14.
    let text = "medlem;start;pauser\n\
                pt1;04-03-2024;01-06-2024..31-08-2024:18,5t\n\
                pt2;04-03-2024;\"2024-06-01..2024-08-31:18.5\"\n\
                full;04-03-2024;\n\
                bad1;04-03-2024;01-06-2024..31-08-2024:0t\n\
                bad2;04-03-2024;01-06-2024..31-08-2024:15x\n\
                bad3;04-03-2024;01-06-2024..31-08-2024:18,555t\n";
    let s = run(text.as_bytes(), ymd(2024, 10, 14));
    assert_eq!(s.members, 3);
    let errors: Vec<(usize, ErrorCode)> = s.errors.iter().map(|e| (e.line, e.code)).collect();
    assert_eq!(
        errors,
        [
            (5, ErrorCode::CsvPause),
            (6, ErrorCode::CsvPause),
            (7, ErrorCode::CsvPause)
        ]
    );
    let closing = names(&s.closing_this_week);
    let overdue = names(&s.overdue);
    for member in ["pt1", "pt2"] {
        for id in ["J1", "J2", "J3"] {
            assert!(
                closing.contains(&format!("{member} {id}")),
                "{member} {id}: {closing:?}"
            );
            assert!(!overdue.contains(&format!("{member} {id}")), "{member} {id}");
        }
    }
    assert!(
        overdue.contains("full J1") && !closing.contains("full J1"),
        "{overdue:?}"
    );
    // The member's windows are the plan's for the same JSON request.
    let json = r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","to":"2024-08-31","reason":"arbejde","hours_per_week":18.5}]}"#;
    let plan = samtaleplan::plan_str(json).expect("a plan");
    let member = samtaleplan::contract::request::from_json(json).expect("valid");
    let w = samtaleplan::plan::windows(&member).expect("windows");
    let got: Vec<_> = w.samtaler.iter().map(|s| (s.id, s.earliest, s.latest)).collect();
    let want: Vec<_> = plan.samtaler.iter().map(|s| (s.id, s.earliest, s.latest)).collect();
    assert_eq!(got, want);
    assert!(want.contains(&("J1", ymd(2024, 6, 1), ymd(2024, 10, 16))));
}

#[test]
fn a_file_that_cannot_be_read_is_refused_whole() {
    let refused = |text: &[u8]| caseload::caseload(text, opts(ymd(2024, 6, 5))).expect_err("refused");
    for (text, words) in [
        (b"".as_slice(), "tom"),
        (b"\n\n".as_slice(), "tom"),
        (b"medlem;start;medlem\n".as_slice(), "to gange"),
        (b"medlem;forsikring\n".as_slice(), "start"),
        (b"start\n".as_slice(), "medlem"),
        (
            b"navn;farve\nx;y\n".as_slice(),
            "\u{201c}navn\u{201d}, \u{201c}farve\u{201d}",
        ),
    ] {
        let e = refused(text);
        assert_eq!(e.code, ErrorCode::CsvHeader, "{}", String::from_utf8_lossy(text));
        assert!(e.message.contains(words), "{}", e.message);
    }
    // Too large: over 64 MB.
    let mut c = Caseload::new(opts(ymd(2024, 6, 5)));
    c.feed(b"medlem;start\n");
    let filler = vec![b'x'; 1 << 20];
    for _ in 0..=64 {
        c.feed(&filler);
    }
    assert_eq!(c.finish().expect_err("too large").code, ErrorCode::CsvTooLarge);
    // English when asked.
    let e = caseload::caseload(b"member;colour\n", Options::new(ymd(2024, 6, 5), Lang::En)).expect_err("refused");
    assert!(e.message.contains("has no start column"), "{}", e.message);
}

use crate::rng::Rng;

#[test]
fn weekly_counts_add_up_to_the_windows_they_come_from() {
    use samtaleplan::rules::regimes::Obligation;
    let mut rng = Rng(99);
    let today = ymd(2025, 3, 5);
    let mut text = String::from("medlem;start;forsikring;pauser;holdt_A1;holdt_A2;holdt_J1\n");
    let mut members = Vec::new();
    for i in 0..2000 {
        let start = ymd(2024, 1, 1) + rng.days(1200);
        let pause = (rng.below(3) == 0).then(|| {
            let from = start + rng.days(200);
            (from, from + rng.days(40))
        });
        let held: Vec<Option<chrono::NaiveDate>> = (0..3)
            .map(|k| (rng.below(2) == 0).then(|| start + chrono::Days::new(10 + 40 * k + rng.below(20) as u64)))
            .collect();
        let fmt = |d: chrono::NaiveDate| d.format("%d-%m-%Y").to_string();
        let insurance = if rng.below(4) == 0 { "deltid" } else { "" };
        text += &format!(
            "m{i};{};{insurance};{};{};{};{}\n",
            fmt(start),
            pause.map_or(String::new(), |(a, b)| format!("{}..{}", fmt(a), fmt(b))),
            held[0].map_or(String::new(), fmt),
            held[1].map_or(String::new(), fmt),
            held[2].map_or(String::new(), fmt),
        );
        members.push((start, insurance, pause, held));
    }
    let s = run(text.as_bytes(), today);
    assert_eq!(s.members + s.error_count, 2000);
    // Count, independently from the plans' windows, what the weeks should hold.
    let monday = ymd(2025, 3, 3);
    let horizon = monday + chrono::Days::new(WEEKS as u64 * 7 - 1);
    let mut due = 0;
    let mut overdue = 0;
    for (start, insurance, pause, held) in &members {
        let mut req = samtaleplan::Request::new(*start);
        req.insurance = if insurance.is_empty() {
            samtaleplan::rules::ledighed::Insurance::Fuldtid
        } else {
            samtaleplan::rules::ledighed::Insurance::Deltid
        };
        if let Some((from, to)) = pause {
            req.pauses.push(samtaleplan::contract::request::Pause {
                period: samtaleplan::rules::ledighed::Period { from: *from, to: *to },
                reason: samtaleplan::contract::request::PauseReason::Andet,
                hours_per_week: None,
                open_ended: false,
            });
        }
        let Ok(w) = samtaleplan::plan::windows(&req) else {
            continue;
        };
        let held_ids = ["A1", "A2", "J1"];
        let bad = held_ids
            .iter()
            .zip(held)
            .any(|(id, h)| h.is_some_and(|d| d < *start || !w.samtaler.iter().any(|s| s.id == *id)));
        if bad {
            continue; // listed as an error row
        }
        for s in w.samtaler.iter().filter(|s| s.obligation != Obligation::Conditional) {
            // A held date after today is not counted as held (issue 24).
            let is_held = held_ids
                .iter()
                .zip(held)
                .any(|(id, h)| *id == s.id && h.is_some_and(|d| d <= today));
            if is_held {
                continue;
            }
            if s.latest < today {
                overdue += 1;
            } else if s.latest <= horizon {
                due += 1;
            }
        }
    }
    let weekly: u32 = s.workload.iter().map(|w| w.total).sum();
    assert_eq!(weekly, due);
    assert_eq!(s.overdue.total, overdue);
    assert_eq!(s.workload.len(), WEEKS);
    assert_eq!(s.closing_this_week.total as u32, s.workload[0].total);
    assert_eq!(s.closing_next_week.total as u32, s.workload[1].total);
    for w in &s.workload {
        assert_eq!(w.total, w.akasse + w.jobcenter + w.kommune + w.joint);
        assert_eq!((w.to - w.from).num_days(), 6);
    }
    assert!(
        weekly > 100 && overdue > 100,
        "a test that counts something: {weekly} {overdue}"
    );
}

/// A caseload read whole, kept for its lists and exports.
fn read(text: &[u8], today: chrono::NaiveDate) -> (Caseload, Summary) {
    support::read(text, opts(today))
}

#[test]
fn exports_are_csv_with_one_row_per_entry() {
    let text = std::fs::read("tests/caseload/small.csv").expect("the file");
    let (c, s) = read(&text, ymd(2024, 6, 5));
    let all = Query::default();
    let overdue = caseload::export(&c, "overdue", &all).expect("a list");
    let lines: Vec<&str> = overdue.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + s.overdue.total);
    assert_eq!(
        lines[0],
        "Medlem;Linje;Regler;Samtale;Titel;Holdes af;Tidligst;Senest;Status;Dage over fristen"
    );
    // As the page shows it: Danish dates, the holder and the status in words.
    assert!(
        lines.contains(&"1004;6;R2024;A1;1. jobsamtale i a-kassen;a-kassen;4.3.2024;18.3.2024;overskredet;79"),
        "{lines:#?}"
    );
    let akasse = Query {
        holder: caseload::holder("akasse"),
        ..Query::default()
    };
    assert_eq!(
        caseload::export(&c, "overdue", &akasse)
            .expect("a list")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .count(),
        1 + s.overdue.items.iter().filter(|i| i.holder.as_str() == "akasse").count()
    );
    let workload = caseload::export(&c, "workload", &all).expect("workload");
    assert_eq!(workload.split("\r\n").filter(|l| !l.is_empty()).count(), 1 + WEEKS);
    assert!(
        workload.starts_with(
            "Uge;Fra;Til;A-kassen;Jobcentret/kommunen;Fælles;I alt\r\nuge 23, 2024;3.6.2024;9.6.2024;2;2;1;5\r\n"
        ),
        "{workload}"
    );
    let on_time = caseload::export(&c, "on_time_by_samtale", &all).expect("on time");
    assert!(on_time.ends_with("I alt;;16;2;3;4;25;64,0 %\r\n"), "{on_time}");
    for list in caseload::EXPORTS {
        assert!(caseload::export(&c, list, &all).is_some(), "{list}");
    }
    assert!(caseload::export(&c, "nonsense", &all).is_none());
}

/// `members` R2024 members who all started Mon 2024-03-04 (L(1½ md) = Wed 2024-04-17, L(3 md) =
/// Fri 2024-05-31, L(6 md) = Fri 2024-08-30), the first `held` of them with A1 held Sun 2024-03-10.
/// On 2024-12-02 every member counts in STAR's first two indicators (`of` = `members`) and those
/// who held A1 count as having their first samtale in time (`count` = `held`).
fn star_shares(members: usize, held: usize, lang: Lang) -> Summary {
    let mut text = String::from("medlem;start;holdt_A1\n");
    for i in 0..members {
        let a1 = if i < held { "10-03-2024" } else { "" };
        text += &format!("m{i};04-03-2024;{a1}\n");
    }
    let s = caseload::caseload(
        text.as_bytes(),
        Options {
            lang,
            ..opts(ymd(2024, 12, 2))
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((s.members, s.error_count), (members, 0));
    s
}

/// Shares are per mille rounded half up (README "Caseload"): 1 of 16 is 62.5 ‰, so 63 and
/// "6,3 %" — truncating would give 62, rounding half down or to even 62 too. The exact boundary
/// below: 1998 of 1999 is 999.4997… ‰, so 999 (rounding up would give 1000); 1 of 2001 is
/// 0.49975 ‰, so 0; 1 of 1999 is 0.50025 ‰, just over the half, so 1.
#[test]
fn caseload_shares_are_rounded_half_up() {
    for (members, held, per_mille, da, en) in [
        (16, 1, 63, "6,3 %", "6.3 %"),
        (16, 3, 188, "18,8 %", "18.8 %"),
        (16, 5, 313, "31,3 %", "31.3 %"),
        (1999, 1998, 999, "99,9 %", "99.9 %"),
        (2001, 1, 0, "0,0 %", "0.0 %"),
        (1999, 1, 1, "0,1 %", "0.1 %"),
        (16, 16, 1000, "100,0 %", "100.0 %"),
    ] {
        for (lang, text) in [(Lang::Da, da), (Lang::En, en)] {
            let s = star_shares(members, held, lang);
            for share in [&s.star.first_within_1_5_months, &s.star.first_within_3_months] {
                assert_eq!(
                    (share.count, share.of, share.per_mille, share.text.as_str()),
                    (held as u32, members as u32, Some(per_mille), text),
                    "{held} of {members}"
                );
            }
        }
    }
    // No one to count: no share, a dash.
    let s = star_shares(0, 0, Lang::Da);
    assert_eq!(s.star.first_within_3_months.per_mille, None);
    assert_eq!(s.star.first_within_3_months.text, "–");
}

/// The same rounding, straight from `Share::new`, at the exact boundary: 0.4999 ‰ down, 0.5 ‰ up,
/// 999.4999 ‰ down, 999.5 ‰ up.
#[test]
fn a_share_rounds_half_up_at_the_exact_boundary() {
    let per_mille = |count, of| caseload::Share::new(count, of, Lang::Da).per_mille;
    assert_eq!(per_mille(4_999, 10_000_000), Some(0));
    assert_eq!(per_mille(5_000, 10_000_000), Some(1));
    assert_eq!(per_mille(9_994_999, 10_000_000), Some(999));
    assert_eq!(per_mille(9_995_000, 10_000_000), Some(1000));
    assert_eq!(per_mille(1, 16), Some(63));
    assert_eq!(per_mille(1, 2), Some(500));
    // No overflow at the largest counts.
    assert_eq!(per_mille(u32::MAX, u32::MAX), Some(1000));
    assert_eq!(per_mille(u32::MAX / 2, u32::MAX), Some(500));
    assert_eq!(per_mille(0, 0), None);
}

/// The edges of the counts (README "Caseload"), worked out by hand. Today is Fri 2024-08-30.
/// Member a, R2024, start Mon 2024-03-04: A1 2024-03-04..03-18, A2/A3 ..05-31 (L3m = H - 1),
/// J1-J3 2024-06-01..08-30 (L6m = today), L(1½ md) 04-17. Held: A1 on the first day (the start:
/// not before it, so no E_CSV_HELD; and A1's earliest: on time, not early), A2 on its latest
/// date (on time, not late), J1 on its earliest date, the hand-over (on time). A3 has passed
/// unheld: missing. J2, J3 end today: not yet counted.
/// Member b, R2024, start Mon 2024-06-03: L(1½ md) 07-17, L3m = 08-30 = today, day 56 08-19 so
/// H = 09-01; A1 ..06-17, A2 ..min(08-30, 08-31) = 08-30. Held A1 06-10 and A2 08-01: on time.
/// STAR: both have 1½ and 3 months by today and held their first samtale by then: 2 of 2 each.
/// Three to six months (L3m <= today < L6m): b (L3m is today) but not a (L6m is today); b held
/// two samtaler after 2024-05-30 (today less three months): 1 of 1.
/// Per samtale: on time, early, late and missing.
fn on_time_counts(s: &Summary) -> BTreeMap<String, [u32; 4]> {
    s.on_time_by_samtale
        .iter()
        .map(|r| {
            (
                r.key.clone(),
                [r.counts.on_time, r.counts.early, r.counts.late, r.counts.missing],
            )
        })
        .collect()
}

#[test]
fn counts_at_the_edges_of_windows_and_spans() {
    let text = "medlem;start;holdt_A1;holdt_A2;holdt_J1\n\
                a;04-03-2024;04-03-2024;31-05-2024;01-06-2024\n\
                b;03-06-2024;10-06-2024;01-08-2024;\n";
    let s = run(text.as_bytes(), ymd(2024, 8, 30));
    assert_eq!((s.members, s.error_count), (2, 0), "{:?}", s.errors);
    let rows = on_time_counts(&s);
    let want: BTreeMap<String, [u32; 4]> = [
        ("R2024 A1", [2, 0, 0, 0]),
        ("R2024 A2", [2, 0, 0, 0]),
        ("R2024 A3", [0, 0, 0, 1]),
        ("R2024 J1", [1, 0, 0, 0]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(rows, want);
    assert_eq!((s.on_time.counts.on_time, s.on_time.counts.evaluated()), (5, 6));
    let months: Vec<(String, u32)> = s
        .on_time_by_start_month
        .iter()
        .map(|r| (r.key.clone(), r.counts.evaluated()))
        .collect();
    assert_eq!(months, [("2024-03".to_string(), 4), ("2024-06".to_string(), 2)]);
    let share = |s: &caseload::Share| (s.count, s.of);
    assert_eq!(share(&s.star.first_within_1_5_months), (2, 2));
    assert_eq!(share(&s.star.first_within_3_months), (2, 2));
    assert_eq!(share(&s.star.two_in_last_3_months), (1, 1));
}

/// A kommune's samtaler are counted in its own lane and in the week's total. R2026, start
/// Mon 2026-07-06, today the same day: A1 by T(14) = Mon 07-20 (week 2); day 56 = 09-21, so
/// H = 10-01 and A2 by min(L3m 10-02, H - 1 09-30) = Wed 09-30 (86 days on: week 12); K1 and K2 by
/// L6m = start + 179 = Fri 2027-01-01 (week 25, the last); S16 (2027-11-02) is beyond.
#[test]
fn the_kommune_has_its_own_lane() {
    let s = run(b"medlem;start\nk;06-07-2026\n", ymd(2026, 7, 6));
    let weeks: Vec<(usize, [u32; 5])> = s
        .workload
        .iter()
        .enumerate()
        .filter(|(_, w)| w.total > 0)
        .map(|(i, w)| (i, [w.akasse, w.jobcenter, w.kommune, w.joint, w.total]))
        .collect();
    assert_eq!(
        weeks,
        [(2, [1, 0, 0, 0, 1]), (12, [1, 0, 0, 0, 1]), (25, [0, 0, 2, 0, 2])]
    );
    assert_eq!(s.workload[25].from, ymd(2026, 12, 28));
}

/// A member's own plan (the calendar file the page offers per member) keeps the row's insurance
/// and the summary's language.
#[test]
fn a_members_plan_keeps_the_rows_insurance_and_the_language() {
    use samtaleplan::rules::ledighed::Insurance;
    let mut c = Caseload::new(Options {
        lang: Lang::En,
        ..opts(ymd(2024, 6, 5))
    });
    c.feed(b"medlem;start;forsikring\nx;04-03-2024;deltid\n");
    c.finish().expect("a summary");
    let m = c.member("x").expect("member x");
    assert_eq!(m.request.insurance, Insurance::Deltid);
    let p = caseload::member_plan(m).expect("a plan");
    assert_eq!((p.insurance, p.lang), (Insurance::Deltid, Lang::En));
    assert!(
        p.samtaler[1].explanation.contains("at 6 hours"),
        "{}",
        p.samtaler[1].explanation
    );
}

/// What the page asks for: the summary with each list cut to a screenful (totals whole). The
/// holder filters and the worklist's query are tested in tests/caseload/files.rs and the e2e tests.
#[test]
fn lists_are_cut_with_their_totals() {
    let text = std::fs::read("tests/caseload/small.csv").expect("the file");
    let s = run(&text, ymd(2024, 6, 5));
    let lists = |s: &Summary| {
        [
            s.closing_this_week.clone(),
            s.closing_next_week.clone(),
            s.overdue.clone(),
        ]
    };
    // Closing this week 5, next week 1, overdue 4 (tests/caseload/small.expected.toml).
    let t = s.clone().truncated(2);
    for (whole, cut) in lists(&s).iter().zip(lists(&t).iter()) {
        assert_eq!(cut.total, whole.total);
        let kept = whole.items.len().min(2);
        let first: BTreeSet<String> = whole.items[..kept]
            .iter()
            .map(|i| format!("{} {}", i.member, i.id))
            .collect();
        assert_eq!(names(cut), first);
    }
    assert_eq!(lists(&t).map(|l| (l.total, l.items.len())), [(5, 2), (1, 1), (4, 2)]);
    assert_eq!(
        serde_json::to_value(&t.workload).expect("json"),
        serde_json::to_value(&s.workload).expect("json")
    );
    assert_eq!(t.on_time.share, s.on_time.share);
}

/// A member's own plan (the page's dialog) is asked for with the member's request: a part-time
/// pause keeps its hours, so the plan shown is the plan counted.
#[test]
fn a_members_own_request_keeps_part_time_hours() {
    let mut c = Caseload::new(opts(ymd(2024, 9, 2)));
    c.feed(b"medlem;start;pauser\n77;04-03-2024;01-06-2024..31-08-2024:18,5t\n");
    c.finish().expect("a summary");
    let m = c.member("77").expect("member 77");
    let request = serde_json::to_value(m.request_object(ymd(2024, 9, 2)).request).expect("json");
    assert_eq!(request["pauses"][0]["hours_per_week"], serde_json::json!(18.5));
    assert_eq!(request["pauses"][0]["reason"], "arbejde");
    let text = serde_json::to_string(&request).expect("text");
    let own = samtaleplan::plan_str(&text).expect("a plan");
    let counted = caseload::member_plan(m).expect("the member's plan");
    assert_eq!(
        own.samtaler.iter().map(|s| (s.id, s.latest)).collect::<Vec<_>>(),
        counted.samtaler.iter().map(|s| (s.id, s.latest)).collect::<Vec<_>>()
    );
    // The part-time weeks moved L(6 md) past where a plan without them has it.
    let plain = samtaleplan::plan_str(r#"{"start":"2024-03-04"}"#).expect("a plan");
    assert!(own.milestones.l6m > plain.milestones.l6m);
}

/// Counts in messages take the singular for one: "1 felt", "1 kolonne", "1 medlemsreference".
#[test]
fn a_count_of_one_is_singular() {
    let header = "medlem;første_ledighedsdag;forsikring\n";
    let s = run(format!("{header}alene\nto;04-03-2024\n").as_bytes(), ymd(2024, 6, 5));
    let messages: Vec<&str> = s.errors.iter().map(|e| e.message.as_str()).collect();
    assert!(messages[0].contains("Rækken har 1 felt;"), "{messages:?}");
    assert!(messages[1].contains("Rækken har 2 felter;"), "{messages:?}");
    let s = run(
        b"medlem;;f\xc3\xb8rste_ledighedsdag\na\xe2\x80\x8b;;04-03-2024\n",
        ymd(2024, 6, 5),
    );
    let warnings: Vec<&str> = s.warnings.iter().map(|w| w.text.as_str()).collect();
    let warnings = warnings.join(" | ");
    assert!(warnings.contains("1 kolonne uden navn"), "{warnings}");
    assert!(warnings.contains("fra 1 medlemsreference."), "{warnings}");
}

/// A caseload read whole, the reader kept (for its members and worklist).
fn read_whole(text: &[u8], today: chrono::NaiveDate, lang: Lang) -> (Caseload, Summary) {
    support::read(text, Options::new(today, lang))
}

type Windows = BTreeSet<(String, chrono::NaiveDate, chrono::NaiveDate)>;

/// A member's samtaler on the worklist (every one not held, when `today` is after them all).
fn on_worklist(c: &Caseload, member: &str) -> Windows {
    c.query(&Query::default())
        .items
        .iter()
        .filter(|i| &*i.member == member)
        .map(|i| (i.id.to_string(), i.earliest, i.latest))
        .collect()
}

/// The core's own answer for a JSON request: its samtaler but those `held`.
fn core_windows(json: &str, held: &[&str]) -> Windows {
    let plan = samtaleplan::plan_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
    plan.samtaler
        .iter()
        .filter(|s| !held.contains(&s.id))
        .map(|s| (s.id.to_string(), s.earliest, s.latest))
        .collect()
}

/// The row's member is exactly the JSON request, and its worklist the core's windows for it.
fn member_is_request(c: &Caseload, member: &str, json: &str, held: &[&str]) {
    let m = c.member(member).unwrap_or_else(|| panic!("member {member}"));
    let request = samtaleplan::contract::request::from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(m.request, request, "{member}: {json}");
    let want = core_windows(json, held);
    assert!(!want.is_empty(), "{member}: the test has windows to compare");
    assert_eq!(on_worklist(c, member), want, "{member}: {json}");
    // The member's own plan on the page is asked for with a request that gives the same dates.
    let object = serde_json::to_string(&m.request_object(ymd(2026, 9, 1)).request).expect("json");
    assert_eq!(core_windows(&object, held), want, "{member}: {object}");
}

#[test]
fn prior_hours_are_read_under_every_header_spelling_and_move_the_windows_as_in_the_plan() {
    // Every window of these members has closed by 2031: each samtale not held is overdue and on
    // the worklist.
    let today = ymd(2031, 1, 5);
    for header in [
        "forbrugte_timer",
        "Forbrugte timer",
        "FORBRUGTE-TIMER",
        "tidligere_timer",
        "timer_før",
        "Timer før",
        "timer_foer",
        "prior_hours",
        "Prior Hours",
        "hours_used",
    ] {
        let text = format!(
            "medlem;start;forsikring;{header}\n\
             a;03-08-2026;;481\n\
             b;03-08-2026;;481,25\n\
             c;03-08-2026;;\"481.25\"\n\
             d;03-08-2026;;481t\n\
             e;03-08-2026;;481 timer\n\
             f;03-08-2026;;\n\
             g;04-03-2024;deltid;300,5\n\
             h;04-03-2024;;0\n"
        );
        let (c, s) = read_whole(text.as_bytes(), today, Lang::Da);
        assert_eq!((s.members, s.error_count), (8, 0), "{header}: {:?}", s.errors);
        // The file has no held dates (W_NO_HELD_DATES); nothing else is said.
        let codes: Vec<&str> = s.warnings.iter().map(|w| w.code).collect();
        assert_eq!(
            codes,
            ["W_NO_HELD_DATES"],
            "{header}: the column is read: {:?}",
            s.warnings
        );
        for (member, json) in [
            ("a", r#"{"start":"2026-08-03","prior_hours":481}"#),
            ("b", r#"{"start":"2026-08-03","prior_hours":481.25}"#),
            ("c", r#"{"start":"2026-08-03","prior_hours":481.25}"#),
            ("d", r#"{"start":"2026-08-03","prior_hours":481}"#),
            ("e", r#"{"start":"2026-08-03","prior_hours":481}"#),
            ("f", r#"{"start":"2026-08-03"}"#),
            (
                "g",
                r#"{"start":"2024-03-04","insurance":"deltid","prior_hours":300.5}"#,
            ),
            ("h", r#"{"start":"2024-03-04","prior_hours":0}"#),
        ] {
            member_is_request(&c, member, json, &[]);
        }
        // Past 410 hours the kommune holds the forløb from the first day: no A1 or A2 to hold.
        let ids = |m: &str| -> Vec<String> { on_worklist(&c, m).into_iter().map(|w| w.0).collect() };
        assert!(!ids("a").contains(&"A1".to_string()), "{:?}", ids("a"));
        assert!(ids("f").contains(&"A1".to_string()), "{:?}", ids("f"));
    }
    // Two spellings of the one column are one column twice.
    let e = caseload::caseload(b"medlem;start;forbrugte_timer;prior_hours\n", opts(today)).expect_err("refused");
    assert_eq!(e.code, ErrorCode::CsvHeader);
    assert!(e.message.contains("to gange"), "{}", e.message);
    // The header's error names the column among those it knows.
    let e = caseload::caseload(b"navn;timer\n", opts(today)).expect_err("refused");
    assert!(
        e.message.contains("forbrugte_timer") && e.message.contains("prior_hours"),
        "{}",
        e.message
    );
}

#[test]
fn a_bad_prior_hours_cell_is_its_rows_error_with_a_stable_code() {
    let text = "medlem;start;forsikring;forbrugte timer\n\
                ok;03-08-2026;;481,25\n\
                neg;03-08-2026;;-5\n\
                three;03-08-2026;;481,255\n\
                word;03-08-2026;;mange\n\
                thousands;03-08-2026;;1.234\n\
                two;03-08-2026;;\"1.234,5\"\n\
                fuld;03-08-2026;;5772,01\n\
                deltid;03-08-2026;deltid;4680,01\n\
                fuldmax;03-08-2026;;5772\n\
                deltidmax;03-08-2026;deltid;4680\n";
    for lang in [Lang::Da, Lang::En] {
        let (c, s) = read_whole(text.as_bytes(), ymd(2026, 9, 1), lang);
        assert_eq!(
            errors(&s),
            [
                (3, "neg", ErrorCode::CsvValue),
                (4, "three", ErrorCode::CsvValue),
                (5, "word", ErrorCode::CsvValue),
                (6, "thousands", ErrorCode::CsvValue),
                (7, "two", ErrorCode::CsvValue),
                (8, "fuld", ErrorCode::PriorHours),
                (9, "deltid", ErrorCode::PriorHours),
            ]
        );
        assert_eq!(s.members, 3);
        assert!(c.member("fuldmax").is_some() && c.member("deltidmax").is_some());
        let message = &s.errors[0].message;
        match lang {
            Lang::Da => assert!(
                message.starts_with("forbrugte_timer: “-5” er ikke et antal timer som 481, 481,25 eller 481t"),
                "{message}"
            ),
            Lang::En => assert!(
                message.starts_with("prior_hours: “-5” is not a number of hours like 481, 481.25 or 481t"),
                "{message}"
            ),
        }
        // Over a whole dagpengeperiode: the request's own error for the same value.
        for (row, json) in [
            (5, r#"{"start":"2026-08-03","prior_hours":5772.01}"#),
            (
                6,
                r#"{"start":"2026-08-03","insurance":"deltid","prior_hours":4680.01}"#,
            ),
        ] {
            let json = json.replace('}', if lang == Lang::En { r#","lang":"en"}"# } else { "}" });
            let e = samtaleplan::plan_str(&json).expect_err("refused");
            assert_eq!(s.errors[row].code, e.code, "{json}");
            // The row knows the insurance and names its limit ("… for fuldtidsforsikrede").
            let head = |m: &str| m.split("dagpengeperiode").next().unwrap_or_default().to_string();
            assert_eq!(head(&s.errors[row].message), head(&e.message));
        }
    }
}

#[test]
fn an_open_ended_part_time_pause_and_a_whole_sickness_move_the_windows_as_in_the_plan() {
    let today = ymd(2031, 1, 5);
    let text = "medlem;start;pauser\n\
                open;03-08-2026;01-09-2026..:15t\n\
                open2;03-08-2026;\"2026-09-01..:18,5\"\n\
                open3;03-08-2026;01-09-2026..:arbejde:15T\n\
                ended;03-08-2026;01-09-2026..30-11-2026:15t\n\
                sick;03-08-2026;01-09-2026..15-10-2026:sygdom\n\
                sick2;03-08-2026;01-09-2026..15-10-2026:Sygdom|01-02-2027..:20t\n\
                holiday;03-08-2026;01-09-2026..15-10-2026:ferie\n\
                barsel;03-08-2026;01-09-2026..15-10-2026:barsel\n\
                afmeldt;03-08-2026;01-09-2026..15-10-2026:afmeldt\n\
                andet;03-08-2026;01-09-2026..15-10-2026:andet\n\
                fulltime;03-08-2026;01-09-2026..15-10-2026:arbejde\n\
                plain;03-08-2026;01-09-2026..15-10-2026\n\
                noend;03-08-2026;01-09-2026..\n\
                noend2;03-08-2026;01-09-2026..:sygdom\n\
                allweek;03-08-2026;01-09-2026..:37t\n\
                sickhours;03-08-2026;01-09-2026..15-10-2026:sygdom:15t\n\
                unknown;03-08-2026;01-09-2026..15-10-2026:syg\n\
                twice;03-08-2026;01-09-2026..15-10-2026:ferie:ferie\n\
                badhours;03-08-2026;01-09-2026..:15x\n";
    let (c, s) = read_whole(text.as_bytes(), today, Lang::Da);
    let pause = |from: &str, to: Option<&str>, reason: &str, hours: Option<f64>| {
        let mut p = serde_json::json!({"from": from, "reason": reason});
        if let Some(to) = to {
            p["to"] = serde_json::json!(to);
        }
        if let Some(h) = hours {
            p["hours_per_week"] = serde_json::json!(h);
        }
        p
    };
    let request =
        |pauses: Vec<serde_json::Value>| serde_json::json!({"start": "2026-08-03", "pauses": pauses}).to_string();
    let sick = request(vec![pause("2026-09-01", Some("2026-10-15"), "sygdom", None)]);
    let holiday = request(vec![pause("2026-09-01", Some("2026-10-15"), "ferie", None)]);
    let open = request(vec![pause("2026-09-01", None, "arbejde", Some(15.0))]);
    for (member, json) in [
        ("open", open.clone()),
        ("open2", request(vec![pause("2026-09-01", None, "arbejde", Some(18.5))])),
        ("open3", open.clone()),
        (
            "ended",
            request(vec![pause("2026-09-01", Some("2026-11-30"), "arbejde", Some(15.0))]),
        ),
        ("sick", sick.clone()),
        (
            "sick2",
            request(vec![
                pause("2026-09-01", Some("2026-10-15"), "sygdom", None),
                pause("2027-02-01", None, "arbejde", Some(20.0)),
            ]),
        ),
        ("holiday", holiday.clone()),
        (
            "barsel",
            request(vec![pause("2026-09-01", Some("2026-10-15"), "barsel", None)]),
        ),
        (
            "afmeldt",
            request(vec![pause("2026-09-01", Some("2026-10-15"), "afmeldt", None)]),
        ),
        (
            "andet",
            request(vec![pause("2026-09-01", Some("2026-10-15"), "andet", None)]),
        ),
        (
            "fulltime",
            request(vec![pause("2026-09-01", Some("2026-10-15"), "arbejde", None)]),
        ),
        (
            "plain",
            request(vec![pause("2026-09-01", Some("2026-10-15"), "andet", None)]),
        ),
    ] {
        member_is_request(&c, member, &json, &[]);
    }
    // The whole sickness counts its first 14 days: earlier dates than a holiday of the same days;
    // every other reason is a full pause, as the holiday is.
    assert_ne!(on_worklist(&c, "sick"), on_worklist(&c, "holiday"));
    for member in ["barsel", "afmeldt", "andet", "fulltime", "plain"] {
        assert_eq!(on_worklist(&c, member), on_worklist(&c, "holiday"), "{member}");
    }
    // Open-ended work moves the later windows further than work that ends.
    assert_ne!(on_worklist(&c, "open"), on_worklist(&c, "ended"));
    let m = c.member("open").expect("open");
    let object = serde_json::to_value(m.request_object(today).request).expect("json");
    assert!(object["pauses"][0]["to"].is_null(), "{object}");
    assert_eq!(object["pauses"][0]["hours_per_week"], 15);
    let errors: Vec<(&str, ErrorCode)> = s
        .errors
        .iter()
        .map(|e| (e.member.as_deref().unwrap_or(""), e.code))
        .collect();
    assert_eq!(
        errors,
        [
            ("noend", ErrorCode::CsvPause),
            ("noend2", ErrorCode::CsvPause),
            ("allweek", ErrorCode::OpenEndedNoHours),
            ("sickhours", ErrorCode::CsvPause),
            ("unknown", ErrorCode::CsvPause),
            ("twice", ErrorCode::CsvPause),
            ("badhours", ErrorCode::CsvPause),
        ]
    );
    let message = |member: &str| {
        &s.errors
            .iter()
            .find(|e| e.member.as_deref() == Some(member))
            .expect(member)
            .message
    };
    for member in ["noend", "noend2"] {
        assert!(
            message(member).contains("har ingen slutdato. Kun arbejde på nedsat tid kan stå uden slutdato"),
            "{}",
            message(member)
        );
    }
    assert!(
        message("unknown").contains("ukendte årsag “syg”; tilladt er: arbejde, sygdom"),
        "{}",
        message("unknown")
    );
    assert!(
        message("sickhours").contains("hører kun til arbejde på nedsat tid"),
        "{}",
        message("sickhours")
    );
    assert!(
        message("badhours").contains("har ikke timer om ugen"),
        "{}",
        message("badhours")
    );
    // The core's own error for open-ended work that leaves no hours, word for word.
    let e =
        samtaleplan::plan_str(&request(vec![pause("2026-09-01", None, "arbejde", Some(37.0))])).expect_err("refused");
    assert_eq!(message("allweek"), &e.message);
    // In English.
    let (_, s) = read_whole(b"member;start;pauses\nx;03-08-2026;01-09-2026..\n", today, Lang::En);
    assert!(
        s.errors[0]
            .message
            .contains("has no end. Only part-time work may be given without an end"),
        "{}",
        s.errors[0].message
    );
}

#[test]
fn a_held_date_for_a_samtale_not_owed_counts_nowhere_and_is_said_in_the_warnings() {
    // 500 hours from before (R2026): the kommune has the forløb from the first day, A1 and A2 are
    // not owed. The file says A1 was held: not an error, not counted, named in a warning.
    let json = r#"{"start":"2026-08-03","prior_hours":500}"#;
    let plan = samtaleplan::plan_str(json).expect("a plan");
    let not_owed: Vec<&str> = plan.not_owed.iter().map(|n| n.id).collect();
    assert_eq!(not_owed, ["A1", "A2"]);
    let k1 = plan.samtaler.iter().find(|s| s.id == "K1").expect("K1");
    assert!(
        k1.earliest <= ymd(2026, 8, 20) && ymd(2026, 8, 20) <= k1.latest,
        "K1 {k1:?}"
    );
    let text = "medlem;start;forbrugte_timer;holdt_A1;holdt_A2;holdt_K1;akasse_deltog_A1\n\
                p1;03-08-2026;500;05-08-2026;;20-08-2026;\n\
                p2;03-08-2026;500;05-08-2026;06-08-2026;;\n\
                p3;03-08-2026;500;;01-08-2026;;\n\
                new;03-08-2026;;05-08-2026;;;\n";
    let today = ymd(2031, 1, 5);
    let (c, s) = read_whole(text.as_bytes(), today, Lang::Da);
    assert_eq!((s.members, s.error_count), (4, 0), "{:?}", s.errors);
    // Counted nowhere: no A1 or A2 of the members with prior hours on time or late; K1 on time.
    let by_samtale = on_time_counts(&s);
    assert_eq!(
        by_samtale.get("R2026 A1"),
        Some(&[1, 0, 0, 0]),
        "only new's A1: {by_samtale:?}"
    );
    assert_eq!(
        by_samtale.get("R2026 A2"),
        Some(&[0, 0, 0, 1]),
        "only new's A2, missing: {by_samtale:?}"
    );
    assert_eq!(
        by_samtale.get("R2026 K1").map(|c| c[0]),
        Some(1),
        "p1's K1: {by_samtale:?}"
    );
    for member in ["p1", "p2", "p3"] {
        let held: Vec<&str> = c
            .member(member)
            .expect(member)
            .held
            .iter()
            .map(|(id, _)| &**id)
            .collect();
        assert!(!held.contains(&"A1") && !held.contains(&"A2"), "{member}: {held:?}");
    }
    // The worklist: the core's windows for the request, K1 held by p1.
    member_is_request(&c, "p1", json, &["K1"]);
    member_is_request(&c, "p2", json, &[]);
    assert_eq!(
        s.warnings.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
        [
            "4 holdte datoer for samtaler, som medlemmet ikke skal til i denne ledighed (med timer fra tidligere ledighed i dagpengeperioden), er ikke talt med nogen steder: p1 A1, p2 A1, p2 A2, …."
        ]
    );
    // One, in English.
    let (_, s) = read_whole(
        b"member;start;prior_hours;held_A1\np1;03-08-2026;500;05-08-2026\n",
        today,
        Lang::En,
    );
    assert_eq!(s.error_count, 0);
    assert_eq!(
        s.warnings.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
        [
            "1 held date for a samtale the member does not owe in this spell of unemployment (with hours from an earlier spell in the dagpengeperiode) is counted nowhere: p1 A1."
        ]
    );
    // A samtale the regime does not have at all is still the row's error.
    let (_, s) = read_whole(
        b"medlem;start;forbrugte_timer;holdt_J1\np1;03-08-2026;500;05-08-2026\n",
        today,
        Lang::Da,
    );
    assert_eq!(
        s.errors.iter().map(|e| e.code).collect::<Vec<_>>(),
        [ErrorCode::CsvHeld]
    );
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}

/// Every warning the caseload can give and every `E_CSV_` error is documented in
/// docs/caseload.md, found in the source rather than listed here, so a new code cannot go
/// undocumented (the plan's codes: `every_code_is_documented` in tests/rules.rs).
#[test]
fn every_caseload_code_is_documented() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/caseload.md")).expect("docs/caseload.md");
    let sources: Vec<String> = crate::sources::rust_files(&["src/caseload", "src/cli", "src/web"])
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("a source file"))
        .collect();
    let mut codes = BTreeSet::new();
    for source in &sources {
        for piece in source.split('"').skip(1).step_by(2) {
            let is_code = piece.starts_with("W_")
                && piece.len() > 2
                && piece[2..]
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            if is_code {
                codes.insert(piece.to_string());
            }
        }
    }
    assert!(codes.len() >= 5, "{codes:?}");
    for code in ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| c.starts_with("E_CSV_"))
    {
        codes.insert(code.to_string());
    }
    let missing: Vec<&String> = codes.iter().filter(|c| !doc.contains(&format!("`{c}`"))).collect();
    assert!(missing.is_empty(), "not in docs/caseload.md: {missing:?}");
}

#[test]
fn a_quoted_field_spanning_lines_that_look_like_members_is_said_with_its_lines() {
    let today = ymd(2024, 6, 5);
    // A note opened on member 2's row (line 3) and closed on member 5's: 3–5 (lines 4–6) are text
    // of the note; the same for 10 (line 9).
    let swallowing = "medlem;start;note\n1;04-03-2024;\n2;04-03-2024;\"VIP\n3;04-03-2024;\n4;04-03-2024;x\n5;04-03-2024;ring igen\"\n6;04-03-2024;\n9;04-03-2024;\"a\n10;04-03-2024;b\"\n";
    for text in [swallowing.to_string(), swallowing.replace('\n', "\r\n")] {
        let s = run(text.as_bytes(), today);
        assert_eq!(s.members, 4, "1, 2, 6 and 9; the rest are inside quotes");
        let w: Vec<_> = s.warnings.iter().filter(|w| w.code == "W_QUOTE_SPANS_ROWS").collect();
        assert_eq!(w.len(), 1, "{:?}", s.warnings);
        assert_eq!(
            w[0].text,
            "4 linjer i felter i anførselstegn, der går over flere linjer, ligner medlemsrækker, men er læst som tekst i feltet, ikke som medlemmer: linje 4, 5, 6 (i rækken fra linje 3); linje 9 (i rækken fra linje 8). Mangler et afsluttende anførselstegn, så ret filen; er det en note over flere linjer, er alt i orden."
        );
        let en = caseload::caseload(text.as_bytes(), Options::new(today, Lang::En)).expect("read");
        let w = en
            .warnings
            .iter()
            .find(|w| w.code == "W_QUOTE_SPANS_ROWS")
            .expect("the warning");
        assert!(
            w.text
                .starts_with("4 lines inside fields in quotes spanning several lines look like member rows but were read as text of the field, not as members: lines 4, 5, 6 (in the row from line 3); line 9 (in the row from line 8)."),
            "{}",
            w.text
        );
    }
    // A genuine note over several lines: read as one member's, no warning.
    let note = "medlem;start;note\n1;04-03-2024;\"Ring igen\nefter ferien; husk papirer\n\"\n2;04-03-2024;\"x\"\n";
    let s = run(note.as_bytes(), today);
    assert_eq!((s.members, s.errors.len()), (2, 0), "{:?}", s.errors);
    assert!(
        !s.warnings.iter().any(|w| w.code == "W_QUOTE_SPANS_ROWS"),
        "{:?}",
        s.warnings
    );
    // Many: counted whole, the first lines named.
    let mut many = String::from("medlem;start\n1;04-03-2024\n2;\"04-03-2024\n");
    for i in 3..100 {
        many.push_str(&format!("{i};04-03-2024\n"));
    }
    many.push_str("100;04-03-2024\"\n");
    let s = run(many.as_bytes(), today);
    let w = s
        .warnings
        .iter()
        .find(|w| w.code == "W_QUOTE_SPANS_ROWS")
        .expect("the warning");
    assert!(w.text.starts_with("98 linjer i et felt "), "{}", w.text);
    assert!(w.text.contains(": linje 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23 (i rækken fra linje 3); …. "), "{}", w.text);
}

/// A summary as JSON without its `source` (which says how the file was read).
fn numbers_of(s: &Summary) -> serde_json::Value {
    let mut v = serde_json::to_value(s).expect("json");
    v.as_object_mut().expect("object").remove("source");
    v
}

#[test]
fn excels_unicode_text_le_and_be_in_any_chunks_reads_as_the_utf8_file() {
    let today = ymd(2024, 6, 5);
    let small = std::fs::read("tests/caseload/small.csv").expect("small.csv");
    let want = numbers_of(&run(&small, today));
    // Excel's "Unicode-tekst": UTF-16 with a byte-order mark, tab-separated, CRLF.
    let text = String::from_utf8(small)
        .expect("utf-8")
        .trim_start_matches('\u{feff}')
        .replace(';', "\t")
        .replace('\n', "\r\n");
    for (big_endian, encoding) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let bytes: Vec<u8> = std::iter::once(0xFEFF)
            .chain(text.encode_utf16())
            .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect();
        for size in [1, 2, 3, 511, 513, 4096, 65_537] {
            let mut c = Caseload::new(opts(today));
            for chunk in bytes.chunks(size) {
                c.feed(chunk);
            }
            while c.pump(5000) > 0 {}
            let s = c
                .finish()
                .unwrap_or_else(|e| panic!("{encoding} in chunks of {size}: {e}"));
            assert_eq!(s.source.encoding, Some(encoding));
            assert_eq!(s.source.delimiter.as_deref(), Some("\t"));
            assert_eq!(numbers_of(&s), want, "{encoding} in chunks of {size}");
        }
        // An odd number of bytes: the half character is one U+FFFD on a last row of its own.
        let mut odd = bytes.clone();
        odd.push(b'7');
        let s = run(&odd, today);
        assert_eq!(
            (s.rows, s.members),
            (
                want["rows"].as_u64().expect("rows") as usize + 1,
                want["members"].as_u64().expect("members") as usize
            )
        );
    }
    // Only a byte-order mark (LE or BE), as the page must say it too: an empty file.
    for bom in [&b"\xFF\xFE"[..], b"\xFE\xFF"] {
        let e = caseload::caseload(bom, opts(today)).expect_err("empty");
        assert_eq!(e.code, ErrorCode::CsvHeader);
        assert!(e.message.starts_with("Filen er tom"), "{}", e.message);
    }
}

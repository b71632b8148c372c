//! The caseload: the hand-worked file, every accepted and refused CSV shape, and the workload's
//! weekly counts against the windows they come from.

use samtaleplan::caseload::{self, Caseload, Options, Query, Summary, WEEKS};
use samtaleplan::rules::dates::ymd;
use samtaleplan::{ErrorCode, Lang};
use std::collections::{BTreeMap, BTreeSet};

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

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

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
            let is_held = held_ids.iter().zip(held).any(|(id, h)| *id == s.id && h.is_some());
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
    let mut c = Caseload::new(opts(today));
    c.feed(text);
    let s = c.finish().unwrap_or_else(|e| panic!("{e}"));
    (c, s)
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

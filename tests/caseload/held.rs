//! Issue 23: a caseload file without held dates (no `holdt_<ID>` column) does not look like
//! failure — the summary, the worklist, the exports and the command line say that past samtaler
//! cannot be judged, and the shares are "ukendt" rather than 0 % — and the booking proposal's
//! overdue samtaler are listed as overdue, its lists in the page's language, the overview
//! workbook with booking sheets only once capacities are given.

use calamine::{Data, Reader, Xlsx};
use samtaleplan::Lang;
use samtaleplan::caseload::{self, Capacity, Caseload, Options, Query, Status, Summary};
use std::io::Cursor;
use std::process::Command;

use crate::support::{self, TODAY, file, today};

/// tests/caseload/small.csv with its first five columns only (no held dates); with `empty_held`,
/// an empty `holdt_A1` column after them (the file then says no samtale was held).
fn small(empty_held: bool) -> Vec<u8> {
    let text = String::from_utf8(file("small.csv")).expect("small.csv");
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split(';').take(5).collect();
        out.push_str(&fields.join(";"));
        if empty_held {
            out.push_str(if i == 0 { ";holdt_A1" } else { ";" });
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// A file read whole on the hand-worked day, in `lang`.
fn read(bytes: &[u8], lang: Lang) -> (Caseload, Summary) {
    support::read(bytes, Options::new(today(), lang))
}

#[test]
fn without_held_dates_the_summary_says_so_and_the_shares_are_unknown() {
    let (c, s) = read(&small(false), Lang::Da);
    assert!(!s.held_dates);
    assert_eq!(s.warnings[0].code, "W_NO_HELD_DATES", "{:?}", s.warnings);
    assert!(
        s.warnings[0].text.starts_with("Filen har ingen holdte datoer"),
        "{:?}",
        s.warnings
    );
    // The shares on time: of the samtaler whose latest date has passed, none known.
    assert!(s.on_time.share.of > 0);
    assert_eq!(
        (s.on_time.share.per_mille, s.on_time.share.text.as_str()),
        (None, "ukendt")
    );
    assert!(
        s.on_time_by_samtale
            .iter()
            .chain(&s.on_time_by_start_month)
            .all(|r| r.share.per_mille.is_none() && r.share.text == "ukendt")
    );
    // STAR's indicators: unknown, of the members they apply to.
    let star = [
        &s.star.first_within_1_5_months,
        &s.star.first_within_3_months,
        &s.star.two_in_last_3_months,
    ];
    assert!(star.iter().any(|x| x.of > 0));
    for x in star {
        assert_eq!((x.per_mille, x.text.as_str()), (None, "ukendt"), "{x:?}");
    }
    // A samtale whose latest date has passed is not called overdue.
    assert!(s.overdue.total > 0);
    for i in &s.overdue.items {
        assert_eq!(i.status_label, "frist passeret, holdt ukendt");
    }
    // This week's list counts from the day (before it, a samtale is overdue) to Sunday.
    assert_eq!(s.this_week.from, today());
    assert_eq!(s.this_week.to, "2024-06-09".parse::<chrono::NaiveDate>().expect("date"));
    // The worklist of what is still open: every samtale but those whose latest date has passed.
    let all = c.query(&Query::default());
    let open = c.query(&Query {
        open: true,
        ..Query::default()
    });
    assert_eq!(open.total, all.total - s.overdue.total);
    assert!(
        open.items
            .iter()
            .all(|i| i.status != Status::Overdue && i.latest >= today())
    );
    assert!(Query::parse("", "open", "", "", "").open);

    // In English too.
    let (_, en) = read(&small(false), Lang::En);
    assert_eq!(en.warnings[0].code, "W_NO_HELD_DATES");
    assert!(en.warnings[0].text.starts_with("The file has no held dates"));
    assert_eq!(en.on_time.share.text, "unknown");
    assert_eq!(en.overdue.items[0].status_label, "latest date passed, held unknown");
}

#[test]
fn an_empty_held_column_is_a_file_that_says_nothing_was_held() {
    // The same members with a held column, empty: the file tells, and the numbers are counted.
    let (_, s) = read(&small(true), Lang::Da);
    assert!(s.held_dates);
    assert!(
        s.warnings.iter().all(|w| w.code != "W_NO_HELD_DATES"),
        "{:?}",
        s.warnings
    );
    assert_eq!(s.on_time.share.per_mille, Some(0));
    assert_eq!(s.on_time.share.text, "0,0 %");
    assert_eq!(s.overdue.items[0].status_label, "overskredet");
    // The counts themselves are the same either way: only what can be told of them differs.
    let (_, without) = read(&small(false), Lang::Da);
    assert_eq!(without.on_time.share.of, s.on_time.share.of);
    assert_eq!(without.overdue.total, s.overdue.total);
}

#[test]
fn the_exports_begin_with_the_note_and_write_unknown() {
    let (c, _) = read(&small(false), Lang::Da);
    let q = Query::default();
    let note = "Filen har ingen holdte datoer";
    for list in caseload::EXPORTS {
        let csv = caseload::export(&c, list, &q).expect(list);
        assert!(csv.starts_with(note), "{list}: {csv}");
    }
    let on_time = caseload::export(&c, "on_time_by_samtale", &q).expect("csv");
    let lines: Vec<&str> = on_time.lines().collect();
    assert!(lines[1].starts_with("Samtale;Titel;Rettidigt"), "{on_time}");
    assert!(lines.last().expect("total").starts_with("I alt;") && on_time.trim_end().ends_with(";ukendt"));
    let star = caseload::export(&c, "star", &q).expect("csv");
    assert!(
        star.lines()
            .skip(2)
            .all(|l| l.ends_with(";ukendt") && l.contains(";ukendt;")),
        "{star}"
    );
    // The workbook: a note sheet first, then the lists.
    let tables: Vec<_> = ["overdue", "star"].iter().filter_map(|l| c.table(l, &q)).collect();
    let bytes = caseload::xlsx::workbook(&tables, today(), Lang::Da).expect("xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("read back");
    assert_eq!(book.sheet_names(), ["Bemærk", "Overskredne", "STAR"]);
    let sheet = book.worksheet_range("Bemærk").expect("sheet");
    assert!(matches!(sheet.get((1, 0)), Some(Data::String(t)) if t.starts_with(note)));
    let star = book.worksheet_range("STAR").expect("sheet");
    assert_eq!(star.get((1, 3)), Some(&Data::String("ukendt".into())));
    // A file with held dates has neither.
    let (c, _) = read(&small(true), Lang::Da);
    assert!(caseload::export(&c, "overdue", &q).expect("csv").starts_with("Medlem;"));
}

fn cli(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
        .arg("caseload")
        .args(args)
        .args(["--today", TODAY])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn the_command_line_says_the_same() {
    let dir = std::env::temp_dir().join(format!("samtaleplan-held-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("uden-holdt.csv");
    std::fs::write(&file, small(false)).expect("write");
    let path = file.to_str().expect("path");
    let json: serde_json::Value = serde_json::from_slice(&cli(&[path])).expect("json");
    let (_, s) = read(&small(false), Lang::Da);
    assert_eq!(json["warnings"][0]["code"], "W_NO_HELD_DATES");
    assert_eq!(json["held_dates"], false);
    assert_eq!(json["on_time"]["share"]["per_mille"], serde_json::Value::Null);
    assert_eq!(json["on_time"]["share"]["text"], "ukendt");
    assert_eq!(json["star"]["first_within_3_months"]["text"], "ukendt");
    assert_eq!(
        json,
        serde_json::to_value(&s).expect("json"),
        "the command line and the library agree"
    );
    // --status open: the worklist of what is still open.
    let csv = String::from_utf8(cli(&[
        path, "--format", "csv", "--list", "worklist", "--status", "open",
    ]))
    .expect("utf-8");
    let (c, _) = read(&small(false), Lang::Da);
    let open = c.query(&Query {
        open: true,
        ..Query::default()
    });
    assert_eq!(csv.lines().count(), 2 + open.total, "the note, the header and the rows");
    assert!(!csv.contains("frist passeret"), "{csv}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_overview_workbook_has_booking_sheets_only_with_capacities() {
    let names = |bytes: Vec<u8>| -> Vec<String> {
        let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("xlsx");
        book.sheet_names()
    };
    let plain = names(cli(&["tests/caseload/small.csv", "--format", "xlsx", "--list", "all"]));
    assert!(!plain.iter().any(|n| n == "Bookinger" || n == "I fare"), "{plain:?}");
    assert_eq!(plain.len(), caseload::EXPORTS.len() - 2);
    let booked = names(cli(&[
        "tests/caseload/small.csv",
        "--format",
        "xlsx",
        "--list",
        "all",
        "--capacity",
        "akasse=2",
    ]));
    assert!(
        booked.iter().any(|n| n == "Bookinger") && booked.iter().any(|n| n == "I fare"),
        "{booked:?}"
    );
    assert_eq!(caseload::overview(false).len() + 2, caseload::overview(true).len());
}

#[test]
fn an_overdue_samtale_is_listed_as_overdue_not_as_needing_a_week() {
    let (c, s) = read(&file("small.csv"), Lang::Da);
    let p = c.propose(&Capacity::default());
    let b = c.booking(&p, usize::MAX);
    assert_eq!(b.overdue, s.overdue.total);
    for x in &b.at_risk_items {
        assert_eq!(x.overdue, x.latest < today(), "{x:?}");
        assert_eq!(x.week.is_none(), x.overdue, "{x:?}: an overdue samtale has no week");
    }
    let at_risk = caseload::export(&c, "at_risk", &Query::default()).expect("csv");
    let overdue: Vec<&str> = at_risk.lines().filter(|l| l.ends_with(";overskredet")).collect();
    assert_eq!(overdue.len(), s.overdue.total, "{at_risk}");
    assert!(
        overdue.iter().all(|l| l.ends_with(";;overskredet")),
        "no week: {at_risk}"
    );
    // The member's own proposal says the same.
    let own = c.member_proposal(&p, "1004");
    assert!(
        own.iter().any(|x| x.id == "A1" && x.overdue && x.week.is_none()),
        "{own:?}"
    );
    // In English, the lists' words are English.
    let (c, _) = read(&file("small.csv"), Lang::En);
    let at_risk = caseload::export(&c, "at_risk", &Query::default()).expect("csv");
    assert!(
        at_risk.starts_with("Member;Samtale;Held by;Earliest;Latest;"),
        "{at_risk}"
    );
    assert!(
        at_risk.contains(";the a-kasse;") && at_risk.contains(";overdue\r\n"),
        "{at_risk}"
    );
}

/// Issue 24: a file of three members, the same start; `a1` is member 1002's `holdt_A1`.
fn held_file(a1: &str) -> Vec<u8> {
    format!(
        "medlem;start;holdt_A1;holdt_A2\n1001;08-01-2024;15-01-2024;\n1002;08-01-2024;{a1};\n1003;08-01-2024;;20-02-2024\n"
    )
    .into_bytes()
}

#[test]
fn a_held_date_outside_1900_to_2199_is_a_row_error() {
    for (a1, shown) in [("31-12-9999", "9999"), ("2200-01-01", "2200"), ("1899-12-31", "1899")] {
        let (c, s) = read(&held_file(a1), Lang::Da);
        assert_eq!(s.errors.len(), 1, "{a1}: {:?}", s.errors);
        let e = &s.errors[0];
        assert_eq!((e.line, e.member.as_deref()), (3, Some("1002")), "{a1}");
        assert_eq!(e.code.as_str(), "E_DATE_RANGE", "{a1}: {e:?}");
        assert!(e.message.starts_with("holdt_A1: datoen"), "{}", e.message);
        assert!(
            e.message.contains(shown) && e.message.contains("1900 og 2199"),
            "{}",
            e.message
        );
        // The member is not counted, held late or otherwise.
        assert!(c.member("1002").is_none());
        assert_eq!(s.members, 2);
    }
    let (_, s) = read(&held_file("31-12-9999"), Lang::En);
    assert!(
        s.errors[0].message.contains("between the years 1900 and 2199"),
        "{:?}",
        s.errors
    );
    // The last day of 2199 is in range (and after today, so flagged, not held).
    let (_, s) = read(&held_file("31-12-2199"), Lang::Da);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert!(s.warnings.iter().any(|w| w.code == "W_HELD_FUTURE"), "{:?}", s.warnings);
}

#[test]
fn a_held_date_after_today_is_not_counted_as_held_and_is_flagged() {
    // today is 2024-06-05: 2024-07-01 is to come; 2024-06-05 itself is a day that has come.
    let (future, s) = read(&held_file("01-07-2024"), Lang::Da);
    let (_, empty) = read(&held_file(""), Lang::Da);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert_eq!(s.members, 3);
    // Counted as the empty field is: not held.
    let json = |x: &Summary| serde_json::to_value(x).expect("json");
    for key in [
        "on_time",
        "on_time_by_samtale",
        "on_time_by_start_month",
        "star",
        "overdue",
    ] {
        assert_eq!(json(&s)[key], json(&empty)[key], "{key}");
    }
    assert!(future.member("1002").is_some_and(|m| m.held.is_empty()));
    let w = s.warnings.iter().find(|w| w.code == "W_HELD_FUTURE").expect("warning");
    assert!(
        w.text.starts_with("1 holdt dato efter i dag er ikke talt som holdt"),
        "{}",
        w.text
    );
    assert!(w.text.contains("1002 holdt_A1 1. juli 2024 (linje 3)"), "{}", w.text);
    assert!(!empty.warnings.iter().any(|w| w.code == "W_HELD_FUTURE"));
    // Today is not after today: held, no warning.
    let (_, s) = read(&held_file("05-06-2024"), Lang::Da);
    assert!(
        !s.warnings.iter().any(|w| w.code == "W_HELD_FUTURE"),
        "{:?}",
        s.warnings
    );
    assert_ne!(json(&s)["on_time"], json(&empty)["on_time"]);
    // In English, and on the command line the same.
    let (_, s) = read(&held_file("01-07-2024"), Lang::En);
    let w = s.warnings.iter().find(|w| w.code == "W_HELD_FUTURE").expect("warning");
    assert!(w.text.contains("1002 held_A1 1 July 2024 (line 3)"), "{}", w.text);
    let dir = std::env::temp_dir().join(format!("samtaleplan-future-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("fremtid.csv");
    std::fs::write(&file, held_file("01-07-2024")).expect("write");
    let out: serde_json::Value = serde_json::from_slice(&cli(&[file.to_str().expect("path")])).expect("json");
    let (_, s) = read(&held_file("01-07-2024"), Lang::Da);
    assert_eq!(out, json(&s), "the command line and the library agree");
    std::fs::remove_dir_all(&dir).ok();
}

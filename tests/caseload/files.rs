//! The files a-kasser really have: small.csv as Danish Excel saves it (Windows-1252, extra and
//! empty columns), as UTF-16, pipe-separated, and as an .xlsx made by rust_xlsxwriter, all read
//! to small.expected.toml's numbers; a messy file (stray quotes, formula-like references,
//! invisible characters) read to its hand-worked members and errors; files that are not tables;
//! the worklist's search, filters, sort and pages; and the exports (CSV neutralised, .xlsx read
//! back).

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use samtaleplan::caseload::{self, Caseload, Options, Query, Status, Summary};
use samtaleplan::rules::dates::ymd;
use samtaleplan::{ErrorCode, Lang};
use std::io::Cursor;

use crate::support::{DIR, errors, file, today, try_read};
use crate::workbook;

/// Read as the page reads a file: in pieces of 4096 bytes.
fn read_with(bytes: &[u8], opts: Options) -> Result<(Caseload, Summary), samtaleplan::PlanError> {
    try_read(bytes, opts, 4096)
}

/// Read as the page reads it, on the hand-worked day, in Danish.
fn read(bytes: &[u8]) -> (Caseload, Summary) {
    read_with(bytes, Options::new(today(), Lang::Da)).unwrap_or_else(|e| panic!("{e}"))
}

/// A summary's numbers and lists, without what says how the file was read.
fn numbers(s: &Summary) -> serde_json::Value {
    let mut v = serde_json::to_value(s).expect("json");
    let o = v.as_object_mut().expect("object");
    o.remove("source");
    o.remove("warnings");
    // An error's words may name the file's own columns; its line, code and member are compared.
    for e in o["errors"].as_array_mut().expect("errors") {
        e.as_object_mut().expect("error").remove("message");
    }
    v
}

/// A summary's numbers without the members' names (for a file with a name column compared with
/// one without).
fn without_names(mut v: serde_json::Value) -> serde_json::Value {
    match &mut v {
        serde_json::Value::Object(o) => {
            o.remove("name");
            for x in o.values_mut() {
                *x = without_names(x.take());
            }
        }
        serde_json::Value::Array(a) => {
            for x in a.iter_mut() {
                *x = without_names(x.take());
            }
        }
        _ => {}
    }
    v
}

/// Two summaries' numbers the same, or where they first differ.
fn same(got: &serde_json::Value, want: &serde_json::Value, what: &str) {
    let (a, b) = (got.to_string(), want.to_string());
    if a != b {
        let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        let from = at.saturating_sub(200);
        panic!(
            "{what}: differs at {at}:\n got  …{}\n want …{}",
            &a[from..(at + 200).min(a.len())],
            &b[from..(at + 200).min(b.len())]
        );
    }
}

/// small.csv as a workbook, as `small.xlsx.md` describes it.
fn small_workbook() -> Vec<u8> {
    let text = std::fs::read_to_string(format!("{DIR}/small.csv")).expect("small.csv");
    let mut book = Workbook::new();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 6, 5).expect("date")),
    );
    let dates = Format::new().set_num_format("dd-mm-yyyy");
    let sheet = book.add_worksheet();
    sheet.set_name("Medlemmer").expect("name");
    for (r, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let r = r as u32;
        for (c, cell) in line.split(';').enumerate() {
            // small.csv's 18 columns, then "navn"; a field beyond the 18 (row 16) after it.
            let c = if c < 18 { c as u16 } else { c as u16 + 1 };
            let date = caseload::csv::parse_date(cell).ok();
            if r == 0 {
                sheet.write_string(0, c, cell).expect("head");
            } else if c == 0 && cell == "1006" {
                sheet
                    .write_formula(r, c, Formula::new(r#"="10"&"06""#).set_result("1006"))
                    .expect("formula");
            } else if let (0, Ok(n)) = (c, cell.parse::<f64>()) {
                sheet.write_number(r, c, n).expect("number");
            } else if let Some(d) = date.filter(|_| c > 0 && !cell.contains("..")) {
                let d = ExcelDateTime::from_ymd(
                    chrono::Datelike::year(&d) as u16,
                    chrono::Datelike::month(&d) as u8,
                    chrono::Datelike::day(&d) as u8,
                )
                .expect("date");
                sheet.write_datetime_with_format(r, c, d, &dates).expect("date");
            } else if !cell.is_empty() {
                sheet.write_string(r, c, cell).expect("text");
            }
        }
        // A column the calculator does not know, after small.csv's 18.
        let name = if r == 0 { "navn" } else { "Søren Ørsted" };
        sheet.write_string(r, 18, name).expect("navn");
    }
    let notes = book.add_worksheet();
    notes.set_name("Noter").expect("name");
    notes.write_string(0, 0, "Eksporteret fra sagssystemet").expect("note");
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn the_xlsx_fixture_is_made_by_rust_xlsxwriter() {
    let made = small_workbook();
    let path = format!("{DIR}/small.xlsx");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &made).expect("write");
    }
    // By content first (each sheet's cells, as a reader sees them), so a difference says where;
    // then the bytes, which a new rust_xlsxwriter may change without changing what is read.
    assert_eq!(
        contents(&file("small.xlsx")),
        contents(&made),
        "{path} does not hold what small_workbook() makes (UPDATE_FIXTURES=1)"
    );
    assert!(
        file("small.xlsx") == made,
        "{path} is not what small_workbook() makes (UPDATE_FIXTURES=1)"
    );
}

/// A workbook's content as a reader sees it: each sheet's name and cells (formula cells by
/// their saved value), in order.
fn contents(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    contents_of::<Xlsx<_>>(bytes)
}

/// A workbook's content as `R` (Xlsx, Ods …) reads it.
fn contents_of<R: Reader<Cursor<Vec<u8>>>>(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)>
where
    R::Error: std::fmt::Debug,
{
    let mut book: R = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

#[test]
fn small_in_every_shape_excel_writes_gives_the_hand_worked_numbers() {
    let (_, reference) = read(&file("small.csv"));
    let want = numbers(&reference);
    let text = String::from_utf8(file("small.csv")).expect("utf-8");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            text.trim_start_matches('\u{feff}')
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let shapes: Vec<(&str, Vec<u8>, &str)> = vec![
        ("excel-1252.csv", file("excel-1252.csv"), "Windows-1252"),
        ("UTF-16 with a byte-order mark", utf16, "UTF-16LE"),
        ("pipes", text.replace(';', "|").into_bytes(), "UTF-8 (BOM)"),
        ("small.xlsx", file("small.xlsx"), ""),
    ];
    for (what, bytes, encoding) in shapes {
        let (_, s) = read(&bytes);
        // excel-1252.csv and small.xlsx have a name column; small.csv has none.
        let mut got = without_names(numbers(&s));
        if what == "excel-1252.csv" {
            // The one reference that differs (expected.toml): put back to compare the rest.
            assert_eq!(s.errors[1].line, 7);
            assert_eq!(s.errors[1].member.as_deref(), Some("Ærø-2002"));
            got = serde_json::from_str(&got.to_string().replace("Ærø-2002", "2002")).expect("json");
            assert_eq!(s.source.ignored_columns, ["sagsbehandler"]);
            assert_eq!(s.source.name_column.as_deref(), Some("navn"));
            assert_eq!(s.source.delimiter.as_deref(), Some(";"));
        }
        if what == "small.xlsx" {
            assert_eq!(s.source.format, "xlsx");
            assert_eq!(s.source.sheet.as_deref(), Some("Medlemmer"));
            assert_eq!(s.source.sheets, ["Medlemmer", "Noter"]);
            assert!(s.source.ignored_columns.is_empty());
            assert_eq!(s.source.name_column.as_deref(), Some("navn"));
        } else {
            assert_eq!(s.source.encoding, Some(encoding), "{what}");
        }
        same(&got, &want, what);
        // In any chunks.
        let mut c = Caseload::new(Options::new(today(), Lang::Da));
        for chunk in bytes.chunks(7) {
            c.feed(chunk);
        }
        same(
            &numbers(&c.finish().expect("summary")),
            &numbers(&s),
            &format!("{what} in chunks of 7"),
        );
    }
}

#[test]
fn the_messy_file_gives_its_hand_worked_members_and_errors() {
    let want: toml::Table =
        toml::from_str(&String::from_utf8(file("messy.expected.toml")).expect("utf-8")).expect("toml");
    let bytes = file("messy.csv");
    let (c, s) = read(&bytes);
    let strings = |key: &str| -> Vec<String> {
        want[key]
            .as_array()
            .expect(key)
            .iter()
            .map(|v| v.as_str().expect(key).to_string())
            .collect()
    };
    assert_eq!(s.rows as i64, want["rows"].as_integer().expect("rows"));
    let members: Vec<String> = strings("members");
    for m in &members {
        assert!(c.member(m).is_some(), "{m} is a member");
    }
    assert_eq!(s.members, members.len());
    let errors: Vec<(i64, String, String)> = s
        .errors
        .iter()
        .map(|e| {
            (
                e.line as i64,
                e.code.to_string(),
                e.member.as_deref().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want_errors: Vec<(i64, String, String)> = want["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e[0].as_integer().expect("line"),
                e[1].as_str().expect("code").to_string(),
                e[2].as_str().expect("member").to_string(),
            )
        })
        .collect();
    assert_eq!(errors, want_errors);
    assert_eq!(s.source.ignored_columns, strings("ignored_columns"));
    assert_eq!(s.warnings.len(), 2, "{:?}", s.warnings);
    assert_eq!(s.warnings[1].code, "W_REFERENCES_CLEANED");
    let cleaned = want["cleaned_references"].as_integer().expect("n").to_string();
    assert!(
        s.warnings[1].text.contains(&format!("fra {cleaned} medlemsreference")),
        "{:?}",
        s.warnings
    );
    assert_eq!(s.overdue.total as i64, want["overdue_total"].as_integer().expect("n"));
    let csv = caseload::export(&c, "overdue", &Query::default()).expect("csv");
    for cell in strings("export_cells") {
        assert!(
            csv.lines().any(|l| l.starts_with(&format!("{cell};"))),
            "{cell} in\n{csv}"
        );
    }
    // No cell of any CSV export begins with what a spreadsheet runs.
    for list in caseload::EXPORTS {
        let text = caseload::export(&c, list, &Query::default()).expect("csv");
        for cell in text.lines().flat_map(|l| l.split(';')) {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t']), "{list}: {cell}");
        }
    }
    // Any chunks.
    for size in [1, 2, 3, 5, 64] {
        let mut c = Caseload::new(Options::new(today(), Lang::Da));
        for chunk in bytes.chunks(size) {
            c.feed(chunk);
        }
        same(
            &numbers(&c.finish().expect("summary")),
            &numbers(&s),
            &format!("chunks of {size}"),
        );
    }
}

#[test]
fn a_file_that_is_not_a_table_says_so() {
    let refused = |bytes: &[u8], sheet: Option<&str>| {
        let opts = Options {
            sheet: sheet.map(str::to_string),
            ..Options::new(today(), Lang::Da)
        };
        read_with(bytes, opts).err().expect("refused")
    };
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00";
    let e = refused(png, None);
    assert_eq!(e.code, ErrorCode::CsvFile);
    assert!(e.message.starts_with("Filen er ikke tekst"), "{}", e.message);
    let e = refused(b"PK\x03\x04 not really a zip", None);
    assert_eq!(e.code, ErrorCode::CsvFile);
    assert!(e.message.starts_with("Det ligner et regneark"), "{}", e.message);
    let e = refused(&file("small.xlsx"), Some("Ark9"));
    assert_eq!(e.code, ErrorCode::CsvFile);
    assert!(
        e.message.contains("\u{201c}Medlemmer\u{201d}, \u{201c}Noter\u{201d}"),
        "{}",
        e.message
    );
    let e = refused(&file("small.xlsx"), Some("Noter"));
    assert_eq!(e.code, ErrorCode::CsvHeader);
    assert!(e.message.contains("mangler kolonnen medlem"), "{}", e.message);
}

#[test]
fn the_worklist_searches_filters_sorts_and_pages() {
    let (c, s) = read(&file("small.csv"));
    let all = c.query(&Query::default());
    // Everything open: the overdue, and all of the 26 weeks (38 windows, small.expected.toml).
    assert_eq!(all.total, s.overdue.total + 38);
    let dates: Vec<_> = all.items.iter().map(|i| i.latest).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    let desc = c.query(&Query {
        descending: true,
        ..Query::default()
    });
    assert_eq!(desc.items.first().map(|i| i.latest), dates.last().copied());
    // Pages cover all of it, each item once.
    let mut paged = Vec::new();
    for offset in (0..all.total).step_by(7) {
        let p = c.query(&Query {
            offset,
            limit: Some(7),
            ..Query::default()
        });
        assert_eq!(p.total, all.total);
        paged.extend(p.items.into_iter().map(|i| format!("{} {}", i.member, i.id)));
    }
    let whole: Vec<String> = all.items.iter().map(|i| format!("{} {}", i.member, i.id)).collect();
    assert_eq!(paged, whole);
    let q = |query: Query| -> Vec<String> {
        c.query(&query)
            .items
            .iter()
            .map(|i| format!("{} {}", i.member, i.id))
            .collect()
    };
    assert_eq!(
        q(Query {
            search: Some("100".into()),
            status: Some(Status::Overdue),
            ..Query::default()
        }),
        ["1004 A1", "1003 A3", "1002 A3", "1004 A2"]
    );
    assert_eq!(
        q(Query::parse("akasse", "this_week", "", "", "")),
        ["1008 A1", "1010 R2"]
    );
    assert_eq!(q(Query::parse("", "", "R2020 F2", "", "")), ["1010 F2"]);
    assert_eq!(q(Query::parse("", "", "", "2024-W24", "")), ["1009 A1"]);
    assert_eq!(q(Query::parse("", "", "", "", "1010")).len(), 4);
    // The holder filter: jobcenter and kommune are one lane, and every number follows it.
    let akasse = c.summary(caseload::holder("akasse"));
    assert_eq!(akasse.overdue.total, 4);
    assert_eq!(akasse.workload[0].total, 2);
    assert!(akasse.workload.iter().all(|w| w.jobcenter + w.kommune + w.joint == 0));
    let summed: u32 = akasse.on_time_by_samtale.iter().map(|r| r.counts.evaluated()).sum();
    assert_eq!(summed, akasse.on_time.counts.evaluated());
    let month: u32 = akasse.on_time_by_start_month.iter().map(|r| r.counts.evaluated()).sum();
    assert_eq!(month, akasse.on_time.counts.evaluated());
    assert_eq!(
        akasse.star.first_within_1_5_months.of,
        s.star.first_within_1_5_months.of
    );
}

#[test]
fn the_xlsx_export_has_real_dates_words_and_percentages() {
    let (c, _) = read(&file("small.csv"));
    let tables: Vec<_> = caseload::EXPORTS
        .iter()
        .filter_map(|l| c.table(l, &Query::default()))
        .collect();
    let bytes = caseload::xlsx::workbook(&tables, today(), Lang::Da).expect("xlsx");
    assert_eq!(
        bytes,
        caseload::xlsx::workbook(&tables, today(), Lang::Da).expect("xlsx"),
        "the same bytes"
    );
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("read back");
    assert_eq!(
        book.sheet_names(),
        [
            "Arbejdsliste",
            "Frister",
            "Overskredne",
            "Uger",
            "Rettidighed pr. samtale",
            "Rettidighed pr. startmåned",
            "STAR",
            "Fejl",
            "Bookinger",
            "I fare",
            "A-kassen deltog pr. samtale",
            "A-kassen deltog pr. måned"
        ]
    );
    let overdue = book.worksheet_range("Overskredne").expect("sheet");
    let head: Vec<String> = overdue
        .rows()
        .next()
        .expect("head")
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        head[..6],
        ["Medlem", "Linje", "Regler", "Samtale", "Titel", "Holdes af"]
    );
    let row = overdue.rows().nth(1).expect("a row");
    assert_eq!(row[0], Data::String("1004".into()));
    assert_eq!(row[5], Data::String("a-kassen".into()));
    assert!(
        matches!(&row[7], Data::DateTime(d) if d.to_ymd_hms_milli().0 == 2024),
        "{:?}",
        row[7]
    );
    let on_time = book.worksheet_range("Rettidighed pr. samtale").expect("sheet");
    let total = on_time.rows().next_back().expect("total");
    assert_eq!(total[0], Data::String("I alt".into()));
    assert_eq!(total[7], Data::Float(0.64), "16 of 25 on time, as a percentage cell");
    let errors = book.worksheet_range("Fejl").expect("sheet");
    assert_eq!(errors.height(), 1 + 5, "every error, the header first");
    // English headers when asked.
    let en = Options::new(today(), Lang::En);
    let (c, _) = read_with(&file("small.csv"), en).expect("summary");
    let tables: Vec<_> = c.table("overdue", &Query::default()).into_iter().collect();
    let bytes = caseload::xlsx::workbook(&tables, today(), Lang::En).expect("xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("read back");
    let sheet = book.worksheet_range("Overdue").expect("sheet");
    assert_eq!(sheet.rows().next().expect("head")[5], Data::String("Held by".into()));
}

/// prior-hours-1252.csv: as Danish Excel saves "CSV (semikolonsepareret)" — Windows-1252 ("Første
/// ledighedsdag" and the names), CRLF, a column the calculator does not know (Navn) and empty
/// columns after the last — with the hours from an earlier spell ("Forbrugte timer"), part-time
/// work until further notice, a whole sickness, a held date for a samtale not owed, and two bad
/// rows. Every member's dates are the core's own for the same JSON request.
#[test]
fn a_windows_1252_file_with_forbrugte_timer_gives_the_cores_dates() {
    // Every window of these members has closed by then: each samtale not held is on the worklist.
    let today = ymd(2031, 1, 5);
    let bytes = file("prior-hours-1252.csv");
    assert!(bytes.windows(2).any(|w| w == b"F\xf8"), "Windows-1252, not UTF-8");
    // The same file under another spelling of the column, "Timer før" (an ø in Windows-1252).
    let mut other = b"Timer f\xf8r".to_vec();
    let at = bytes
        .windows(15)
        .position(|w| w == b"Forbrugte timer")
        .expect("the header names Forbrugte timer");
    other = [&bytes[..at], &other[..], &bytes[at + 15..]].concat();
    for bytes in [bytes, other] {
        let (c, s) = read_with(&bytes, Options::new(today, Lang::Da)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.source.encoding, Some("Windows-1252"));
        assert!(s.source.ignored_columns.is_empty());
        assert_eq!(s.source.name_column.as_deref(), Some("Navn"));
        assert_eq!(
            errors(&s),
            [(6, "3005", ErrorCode::CsvValue), (8, "3007", ErrorCode::CsvPause)]
        );
        assert!(s.errors[0].message.contains("“48l”"), "{}", s.errors[0].message);
        assert_eq!(s.members, 5);
        for (member, json, held) in [
            (
                "3001",
                r#"{"start":"2026-08-03","insurance":"fuldtid","prior_hours":481.25}"#,
                &[][..],
            ),
            (
                "3002",
                r#"{"start":"2026-08-03","insurance":"deltid","prior_hours":300,"pauses":[{"from":"2026-09-01","reason":"arbejde","hours_per_week":15}]}"#,
                &[],
            ),
            (
                "3003",
                r#"{"start":"2026-08-03","pauses":[{"from":"2026-09-01","to":"2026-10-15","reason":"sygdom"}]}"#,
                &[],
            ),
            ("3004", r#"{"start":"2026-08-03","prior_hours":500}"#, &["K1"]),
            (
                "3006",
                r#"{"start":"2024-03-04","prior_hours":962,"pauses":[{"from":"2024-06-01","reason":"arbejde","hours_per_week":18.5}]}"#,
                &[],
            ),
        ] {
            let m = c.member(member).unwrap_or_else(|| panic!("member {member}"));
            let request = samtaleplan::contract::request::from_json(json).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(m.request, request, "{member}");
            let plan = samtaleplan::plan_str(json).unwrap_or_else(|e| panic!("{e}"));
            let want: Vec<(&str, chrono::NaiveDate, chrono::NaiveDate)> = plan
                .samtaler
                .iter()
                .filter(|s| !held.contains(&s.id))
                .map(|s| (s.id, s.earliest, s.latest))
                .collect();
            assert!(!want.is_empty(), "{member}");
            let mut got: Vec<(&str, chrono::NaiveDate, chrono::NaiveDate)> = c
                .query(&Query::default())
                .items
                .iter()
                .filter(|i| &*i.member == member)
                .map(|i| (i.id, i.earliest, i.latest))
                .collect();
            let order = |id: &str| plan.samtaler.iter().position(|s| s.id == id);
            got.sort_by_key(|(id, _, _)| order(id));
            assert_eq!(got, want, "{member}");
        }
        // 3004's A1 is not owed (500 hours: the kommune holds the forløb from the first day): its
        // held date counts nowhere, and the summary says so; K1 is held on time.
        assert!(
            s.warnings.iter().any(|w| w.code == "W_HELD_NOT_OWED"
                && w.text
                    .starts_with("1 holdt dato for en samtale, som medlemmet ikke skal til")
                && w.text.ends_with(": 3004 A1.")),
            "{:?}",
            s.warnings
        );
        // A1 is counted for those who owe it (3002, 3003: neither held it, both missing), never
        // as held.
        let a1 = s.on_time_by_samtale.iter().find(|r| r.key == "R2026 A1").expect("A1");
        let c = a1.counts;
        assert_eq!([c.on_time, c.early, c.late, c.missing], [0, 0, 0, 2], "{a1:?}");
        let k1 = s
            .on_time_by_samtale
            .iter()
            .find(|r| r.key == "R2026 K1")
            .expect("K1 counted");
        assert_eq!(k1.counts.on_time, 1);
    }
}

/// Workbooks another program wrote: LibreOffice Calc converting small.csv and excel-1252.csv
/// to .xlsx and to OpenDocument (.ods) (tests/caseload/small-libreoffice.xlsx.md) — numbers as
/// numbers, some dates as date cells and some as text. Each gives its CSV's summary, number for
/// number (and names).
#[test]
fn spreadsheets_libreoffice_wrote_give_the_csv_numbers() {
    for (xlsx, csv, sheet, format) in [
        ("small-libreoffice.xlsx", "small.csv", "small", "xlsx"),
        ("excel-1252-libreoffice.xlsx", "excel-1252.csv", "excel-1252", "xlsx"),
        ("small-libreoffice.ods", "small.csv", "small", "ods"),
        ("excel-1252-libreoffice.ods", "excel-1252.csv", "excel-1252", "ods"),
    ] {
        let bytes = file(xlsx);
        let (book, part) = if format == "ods" {
            let mimetype = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
            assert!(
                bytes.windows(mimetype.len()).any(|w| w == mimetype),
                "{xlsx} is OpenDocument"
            );
            (contents_of::<calamine::Ods<_>>(&bytes), "content.xml")
        } else {
            (contents(&bytes), "docProps/app.xml")
        };
        assert!(String::from_utf8_lossy(&bytes).contains(part), "{xlsx} is a workbook");
        assert_eq!(book.len(), 1, "{xlsx}: one sheet");
        // LibreOffice's own cells, not rust_xlsxwriter's: a member number as a number, a start as
        // a date cell, a dotted date as text.
        let rows = &book[0].1;
        assert_eq!(rows[1][0], Data::Float(1001.0), "{xlsx}");
        assert!(
            matches!(
                rows[1][rows[0]
                    .iter()
                    .position(|h| h.to_string().contains("ledighedsdag") || *h == Data::String("start".into()))
                    .expect("start")],
                Data::DateTime(_) | Data::DateTimeIso(_)
            ),
            "{xlsx}: {:?}",
            rows[1]
        );
        let (c, s) = read(&bytes);
        let (want_c, want) = read(&file(csv));
        assert_eq!(s.source.format, format);
        assert_eq!(s.source.sheet.as_deref(), Some(sheet));
        assert_eq!(s.source.name_column, want.source.name_column, "{xlsx}");
        assert_eq!(s.source.ignored_columns, want.source.ignored_columns, "{xlsx}");
        same(&numbers(&s), &numbers(&want), xlsx);
        // The worklist's export, byte for byte.
        let q = Query::default();
        assert_eq!(
            caseload::export(&c, "worklist", &q),
            caseload::export(&want_c, "worklist", &q),
            "{xlsx}"
        );
    }
    // And small.csv's hand-worked numbers (small.expected.toml) through it.
    let (_, reference) = read(&file("small.csv"));
    let (_, s) = read(&file("small-libreoffice.xlsx"));
    assert_eq!(s.members, reference.members);
    assert!(s.members > 0 && s.error_count > 0);
}

/// A name column (`navn`, `Medlemsnavn`, `Name` …) is read, searched whatever the case of its
/// Danish letters, and carried into the member's request and every list of members, on screen
/// and exported; a file without one keeps its lists as they were.
#[test]
fn names_are_read_searched_and_exported() {
    let (c, s) = read(&file("excel-1252.csv"));
    assert_eq!(s.source.name_column.as_deref(), Some("navn"));
    let m = c.member("1002").expect("1002");
    assert_eq!(m.name.as_deref(), Some("Åse Æbelø"));
    let request = serde_json::to_value(m.request_object(today())).expect("json");
    assert_eq!(request["name"], "Åse Æbelø");
    // Searched by name, any case, Danish letters and all.
    for search in ["Åse", "åse", "ÅSE", "æbelø", "Se Æ"] {
        let page = c.query(&Query::parse("", "", "", "", search));
        assert!(page.total > 0, "{search}");
        assert!(
            page.items
                .iter()
                .all(|i| &*i.member == "1002" && i.name.as_deref() == Some("Åse Æbelø")),
            "{search}"
        );
    }
    // Still by reference, and a name that is nobody's finds nothing.
    assert!(c.query(&Query::parse("", "", "", "", "1002")).total > 0);
    assert_eq!(c.query(&Query::parse("", "", "", "", "Åsa")).total, 0);
    // Every list of the summary carries the name.
    let item = &s.overdue.items[0];
    assert_eq!(item.name, c.member(&item.member).and_then(|m| m.name.clone()));
    assert!(item.name.is_some());
    // Every export of members: the name after the reference.
    let q = Query::parse("", "", "", "", "åse");
    let csv = caseload::export(&c, "worklist", &q).expect("csv");
    let mut lines = csv.lines();
    assert!(lines.next().expect("head").starts_with("Medlem;Navn;Linje;"), "{csv}");
    assert!(lines.next().expect("row").starts_with("1002;Åse Æbelø;3;"), "{csv}");
    for list in ["worklist", "closing", "overdue", "errors", "schedule", "at_risk"] {
        let t = c.table(list, &Query::default()).expect(list);
        let at = t.head.iter().position(|h| *h == "Navn" || *h == "name").expect(list);
        let member = t
            .head
            .iter()
            .position(|h| *h == "Medlem" || *h == "member")
            .expect(list);
        assert_eq!(at, member + 1, "{list}: the name after the member");
        for row in &t.rows {
            let (caseload::Cell::Text(r), caseload::Cell::Text(n)) = (&row[member], &row[at]) else {
                panic!("{list}: {row:?}");
            };
            let want = c.member(r).and_then(|m| m.name.as_deref()).unwrap_or_else(|| {
                // A row with an error: its name as the file writes it.
                s.errors
                    .iter()
                    .find(|e| e.member.as_deref() == Some(r))
                    .and_then(|e| e.name.as_deref())
                    .unwrap_or("")
            });
            assert_eq!(n, want, "{list}: {r}");
        }
    }
    assert_eq!(
        s.errors[1].name.as_deref(),
        Some("Bjørn Ås"),
        "a row's error keeps its name"
    );
    // In the workbook too.
    let tables: Vec<_> = c.table("worklist", &q).into_iter().collect();
    let bytes = caseload::xlsx::workbook(&tables, today(), Lang::Da).expect("xlsx");
    let sheet = &contents(&bytes)[0].1;
    assert_eq!(sheet[0][1], Data::String("Navn".into()));
    assert_eq!(sheet[1][1], Data::String("Åse Æbelø".into()));
    // A file without a name column: no name anywhere.
    let (c, s) = read(&file("small.csv"));
    assert_eq!(s.source.name_column, None);
    let json = serde_json::to_string(&s).expect("json");
    assert!(!json.contains("\"name\""), "{json}");
    for list in ["worklist", "errors", "schedule"] {
        let t = c.table(list, &Query::default()).expect(list);
        assert!(!t.head.iter().any(|h| *h == "Navn" || *h == "name"), "{list}");
    }
    // The other spellings of the header.
    for header in ["Navn", "Medlemsnavn", "Fulde navn", "Name", "member-name"] {
        let text = format!("medlem;{header};start\n1;Åse Ørn;04-03-2024\n");
        let (c, s) = read(text.as_bytes());
        assert_eq!(s.source.name_column.as_deref(), Some(header));
        assert_eq!(
            c.member("1").and_then(|m| m.name.as_deref()),
            Some("Åse Ørn"),
            "{header}"
        );
    }
    // A name that is not a name is the row's error, with a stable code.
    let long = "x".repeat(201);
    let text = format!("medlem;navn;start\n1;{long};04-03-2024\n2;\"a\tb\";04-03-2024\n3;;04-03-2024\n");
    let (c, s) = read(text.as_bytes());
    let codes: Vec<_> = s.errors.iter().map(|e| (e.line, e.code)).collect();
    assert_eq!(codes, [(2, ErrorCode::CsvValue), (3, ErrorCode::CsvValue)]);
    assert!(s.errors[0].message.contains("Navnet"), "{}", s.errors[0].message);
    assert_eq!(
        c.member("3").map(|m| m.name.clone()),
        Some(None),
        "an empty name is none"
    );
}

/// The wordings member systems use: `Medlemsnr`, `Medlemsnummer`, `Ledig siden`, `Ledig fra`,
/// `Forsikring` as headers; `Fuldtidsforsikret`/`Deltidsforsikret` in any case as insurance. The
/// same members as in the calculator's own words.
#[test]
fn common_wordings_read_as_the_calculators_own() {
    let own = "medlem;start;forsikring\n1;04-03-2024;fuldtid\n2;04-03-2024;deltid\n3;04-03-2024;deltid\n";
    let (_, want) = read(own.as_bytes());
    assert!(want.errors.is_empty());
    for (member, start, insurance) in [
        ("Medlemsnr", "Ledig siden", "Forsikring"),
        ("Medlemsnummer", "Ledig fra", "forsikringstype"),
        ("MEDLEMSNR.", "ledig-siden", "Insurance"),
    ] {
        for (full, part) in [
            ("Fuldtidsforsikret", "Deltidsforsikret"),
            ("FULDTIDSFORSIKRET", "deltidsforsikret"),
            ("Fuldtid", "DELTID"),
        ] {
            let text = format!(
                "{member};{start};{insurance}\n1;04-03-2024;{full}\n2;04-03-2024;{part}\n3;04-03-2024;Deltidsforsikring\n"
            );
            let (c, s) = read(text.as_bytes());
            assert!(s.errors.is_empty(), "{text}: {:?}", s.errors);
            assert!(s.source.ignored_columns.is_empty(), "{text}");
            same(&numbers(&s), &numbers(&want), &text);
            assert_eq!(
                c.member("2").map(|m| m.request.insurance),
                Some(samtaleplan::rules::ledighed::Insurance::Deltid)
            );
        }
    }
    // Not every word: "halvtid" is still the row's error, naming the words it knows.
    let (_, s) = read(b"medlem;start;forsikring\n1;04-03-2024;halvtidsforsikret\n");
    assert_eq!(s.errors[0].code, ErrorCode::CsvValue);
    assert!(
        s.errors[0].message.contains("fuldtidsforsikret"),
        "{}",
        s.errors[0].message
    );
    // A header without a member or start column names every header known.
    for text in ["navn;ledighed\n", "medlemsnr;ledig\n"] {
        let e = caseload::caseload(text.as_bytes(), Options::new(today(), Lang::Da)).expect_err("refused");
        assert_eq!(e.code, ErrorCode::CsvHeader);
        for known in [
            "medlemsnr",
            "medlemsnummer",
            "ledig_siden",
            "ledig_fra",
            "navn",
            "forsikring",
            "holdt_<ID>",
        ] {
            assert!(e.message.contains(known), "{known}: {}", e.message);
        }
    }
}

/// Any column the caseworker picks is read as the members' label (issue 23): the `navn` column is
/// then one of the columns not read; a column used in the calculation or not in the header is
/// refused with words; the command line's `--name-column` reads the same.
#[test]
fn a_column_the_caseworker_picks_is_the_label() {
    let bytes = file("excel-1252.csv");
    let label = |label: &str| {
        read_with(
            &bytes,
            Options {
                label: Some(label.into()),
                ..Options::new(today(), Lang::Da)
            },
        )
    };
    let (c, s) = label("SAGSBEHANDLER").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.source.name_column.as_deref(), Some("sagsbehandler"));
    assert!(
        s.source.ignored_columns.iter().any(|n| n == "navn"),
        "{:?}",
        s.source.ignored_columns
    );
    assert!(!s.source.ignored_columns.iter().any(|n| n == "sagsbehandler"));
    assert_eq!(
        c.member("1002").and_then(|m| m.name.clone()).as_deref(),
        Some("Bodil Ærø")
    );
    assert!(c.query(&Query::parse("", "", "", "", "bodil")).total > 0);
    assert_eq!(
        c.query(&Query::parse("", "", "", "", "Åse")).total,
        0,
        "navn is not read now"
    );
    // The same numbers as without a label: a label is never computed with.
    let (_, plain) = read(&bytes);
    let (got, want) = (numbers(&s), numbers(&plain));
    for key in [
        "members",
        "on_time",
        "on_time_by_samtale",
        "star",
        "workload",
        "error_count",
    ] {
        assert_eq!(got[key], want[key], "{key}");
    }
    // An empty label is no label.
    let (_, s) = label("  ").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.source.name_column.as_deref(), Some("navn"));
    for (picked, words) in [("forsikring", "bruges allerede"), ("Farve", "står ikke i overskriften")] {
        let e = label(picked).map(|_| ()).expect_err(picked);
        assert_eq!(e.code, samtaleplan::ErrorCode::CsvHeader, "{picked}");
        assert!(e.message.contains(words), "{picked}: {}", e.message);
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
        .args(["caseload", &format!("{DIR}/excel-1252.csv"), "--today", "2024-06-05"])
        .args([
            "--name-column",
            "Sagsbehandler",
            "--format",
            "csv",
            "--list",
            "worklist",
        ])
        .args(["--search", "bodil", "--holder", "akasse"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert!(lines.next().expect("head").starts_with("Medlem;Navn;"), "{csv}");
    assert!(lines.all(|l| l.split(';').nth(1) == Some("Bodil Ærø")), "{csv}");
}

/// A sheet costs its cells, not the addresses they claim (issue 24): a cell at XFD1048576, or at
/// row 99,999,999, in small.xlsx is read as the one cell it is — its row an error with its line,
/// every member of small.xlsx still read — not a rectangle of 17 billion cells (which aborted).
#[test]
fn a_cell_far_away_costs_one_cell_not_its_address() {
    let book = file("small.xlsx");
    let (_, want) = read(&book);
    let far = workbook::with_sheet(&book, |xml| {
        let xml = workbook::append_row(xml, 1_048_576, &[("XFD1048576", "x")]);
        workbook::append_row(&xml, 99_999_999, &[("A99999999", "9001")])
    });
    let (c, s) = read(&far);
    assert_eq!(s.members, want.members);
    assert_eq!(s.rows, want.rows + 2);
    let last: Vec<_> = s.errors.iter().rev().take(2).rev().collect();
    assert_eq!(
        (last[0].line, last[0].code),
        (1_048_576, ErrorCode::CsvFields),
        "{last:?}"
    );
    assert!(
        last[0].message.starts_with("Rækken har 16384 felter"),
        "{}",
        last[0].message
    );
    assert_eq!(last[1].line, 99_999_999, "{last:?}");
    assert_eq!(last[1].member.as_deref(), Some("9001"));
    assert!(c.member("9001").is_none());
    // Thousands of rows each with a cell at XFD would be gigabytes as CSV text: refused whole.
    let wide = workbook::with_sheet(&book, |xml| {
        (20..5_000).fold(xml.to_string(), |xml, r| {
            workbook::append_row(&xml, r, &[(&format!("XFD{r}"), "x")])
        })
    });
    let e = read_with(&wide, Options::new(today(), Lang::En))
        .err()
        .expect("refused");
    assert_eq!(e.code, ErrorCode::CsvTooLarge);
    assert_eq!(e.message, "The sheet is larger than 64 MB, read as CSV text.");
}

/// A workbook whose parts declare more than 512 MB unpacked (a zip bomb: 2 MB holding 2 GB of
/// XML) is refused before a byte of it is inflated; the zip reader refuses a part that inflates
/// past what it declares, so the declaration bounds the work.
#[test]
fn a_workbook_that_unpacks_too_large_is_refused_before_it_is_read() {
    let book = file("small.xlsx");
    for part in [workbook::SHEET, "xl/media/padding.bin"] {
        let padded = workbook::with_part(&book, part, |xml| format!("{xml}        "));
        assert!(read_with(&padded, Options::new(today(), Lang::Da)).is_ok(), "{part}");
        let bomb = workbook::declaring(&padded, part, 2_000_000_000);
        for (lang, text) in [
            (
                Lang::Da,
                "Regnearket fylder mere end 512 MB pakket ud, og det læses ikke.",
            ),
            (
                Lang::En,
                "The spreadsheet unpacks to more than 512 MB, and it is not read.",
            ),
        ] {
            let e = read_with(&bomb, Options::new(today(), lang)).err().expect("refused");
            assert_eq!((e.code, e.message.as_str()), (ErrorCode::CsvTooLarge, text), "{part}");
        }
    }
}

/// A cell address given twice (two `<c r="A2">`) is refused with the address and both values,
/// never one of them kept without a word.
#[test]
fn a_cell_address_given_twice_is_refused() {
    let book = file("small.xlsx");
    let twice = workbook::with_sheet(&book, |xml| {
        let at = xml.find(r#"<c r="A2""#).expect("A2");
        let end = at + xml[at..].find("</c>").expect("its end") + 4;
        format!(
            r#"{}<c r="A2" t="inlineStr"><is><t>9999</t></is></c>{}"#,
            &xml[..end],
            &xml[end..]
        )
    });
    let e = read_with(&twice, Options::new(today(), Lang::Da))
        .err()
        .expect("refused");
    assert_eq!(e.code, ErrorCode::CsvFile);
    assert!(
        e.message
            .starts_with("Regnearket har cellen A2 to gange (“1001” og “9999”)"),
        "{}",
        e.message
    );
    let e = read_with(&twice, Options::new(today(), Lang::En))
        .err()
        .expect("refused");
    assert!(
        e.message
            .starts_with("The spreadsheet has the cell A2 twice (“1001” and “9999”)"),
        "{}",
        e.message
    );
}

/// An .ods is read whole (calamine), each sheet a rectangle from its first filled cell to its
/// last: one repeated row (`table:number-rows-repeated`) of a repeated cell spans billions of
/// cells in a few bytes, and such a workbook is refused before calamine reads it, not given
/// gigabytes; small-libreoffice.ods with a few repeated rows is read.
#[test]
fn an_ods_whose_repeats_span_too_many_cells_is_refused() {
    let book = file("small-libreoffice.ods");
    let repeated = |rows: u32, cols: u32| {
        workbook::with_part(&book, "content.xml", |xml| {
            xml.replacen(
                "</table:table>",
                &format!(
                    r#"<table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="{cols}"/><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#
                ),
                1,
            )
        })
    };
    let (_, want) = read(&book);
    let (_, s) = read(&repeated(3, 2));
    assert_eq!((s.members, s.rows), (want.members, want.rows + 3));
    for (rows, cols) in [(1_048_000, 16_000), (5_600, 16_000), (8_000_001, 0)] {
        let e = read_with(&repeated(rows, cols), Options::new(today(), Lang::En))
            .err()
            .expect("refused");
        assert_eq!(e.code, ErrorCode::CsvTooLarge, "{rows} × {cols}: {e}");
        assert_eq!(
            e.message,
            "The spreadsheet's sheets span more than 8 million cells (from the first filled cell to the last), and it is not read."
        );
    }
}

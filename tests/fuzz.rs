//! Bounded fuzzing, in CI: over a million generated and mutated inputs to the JSON request
//! reader, `plan()` and the caseload CSV reader, from fixed seeds, each checked for panics and for
//! answers that break the contract. `./build.sh test` runs this file in a release build (the full
//! count); a debug `cargo test` runs a fiftieth of it. `FUZZ_SCALE=10` runs ten times as many,
//! `FUZZ_SEED=…` another sequence.
//!
//! An input that ever makes a panic is written to `target/fuzz-crashes/`; copy it into
//! `tests/fuzz/regressions/`, where `the_regression_corpus_holds` runs every file on every build.

use samtaleplan::caseload::{self, Options};
use samtaleplan::contract::request::{Group, Pause, PauseReason};
use samtaleplan::rules::dates::ymd;
use samtaleplan::rules::ledighed::{Hundredths, Insurance, Period};
use samtaleplan::{ErrorCode, Lang, Request};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// How many inputs each generator makes in a release build.
const JSON_INPUTS: usize = 800_000;
const STRUCTURED_INPUTS: usize = 250_000;
const CSV_FILES: usize = 12_000;
/// Mutated spreadsheets (small.xlsx and small-libreoffice.ods with bytes changed, cut or
/// repeated).
const XLSX_FILES: usize = 1_500;
/// small.xlsx with its sheet's XML made hostile (far addresses, a cell twice, rows out of order).
const SHEET_FILES: usize = 1_000;

fn scale(n: usize) -> usize {
    let factor: usize = std::env::var("FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let n = n * factor.max(1);
    if cfg!(debug_assertions) { n / 50 } else { n }
}

fn seed(salt: u64) -> u64 {
    let base: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5a17_a1e9);
    base ^ salt
}

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// Keeps a crashing input where a developer can find it, then fails.
fn crashed(kind: &str, input: &[u8]) -> ! {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-crashes");
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join(format!("{kind}-{:016x}", fnv(input)));
    let _ = std::fs::write(&file, input);
    panic!(
        "{kind}: a panic on the input saved in {} ({:?})",
        file.display(),
        String::from_utf8_lossy(&input[..input.len().min(300)])
    );
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

const TOKENS: [&str; 38] = [
    "\"start\"",
    "\"pauses\"",
    "\"prior_hours\"",
    "\"hours_per_week\"",
    "\"sygdom\"",
    "5772.01",
    "\"from\"",
    "\"to\"",
    "\"handover\"",
    "\"today\"",
    "\"lang\"",
    "\"group\"",
    "\"insurance\"",
    "\"compare\"",
    "\"reason\"",
    "null",
    "true",
    "false",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"2024-02-29\"",
    "\"2023-02-29\"",
    "\"1900-01-01\"",
    "\"2199-12-31\"",
    "\"9999-12-31\"",
    "\"0000-00-00\"",
    "-1",
    "1e999",
    "18446744073709551616",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\u{202e}<script>\"",
    "\"deltid\"",
    "\"jobcenter_from_day_one\"",
];

fn seeds() -> Vec<String> {
    let mut out = vec![
        r#"{"start":"2024-03-04"}"#.to_string(),
        r#"{"start":"2024-03-04","insurance":"deltid","today":"2024-05-01","lang":"en","compare":true}"#.into(),
        r#"{"start":"2019-10-07","pauses":[{"from":"2019-11-04","to":"2019-11-15","reason":"sygdom"}]}"#.into(),
        r#"{"start":"2026-07-06","handover":"2026-09-01","pauses":[{"from":"2026-06-01","to":"2026-07-20"}]}"#.into(),
        r#"{"start":"2024-01-01","group":"jobcenter_from_day_one","today":"2024-06-30"}"#.into(),
        r#"{"start":"2021-03-15","pauses":[{"from":"2021-08-01","to":"2021-08-31"},{"from":"2021-08-15","to":"2021-09-30"}]}"#.into(),
        r#"{"start":"2026-08-03","prior_hours":481.25,"pauses":[{"from":"2026-09-01","reason":"arbejde","hours_per_week":15}]}"#.into(),
    ];
    // Every request of the case tables.
    for entry in std::fs::read_dir("tests/cases").expect("tests/cases") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let doc: toml::Table = toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("toml");
            for case in doc["case"].as_array().expect("cases") {
                out.push(serde_json::to_string(&case["request"]).expect("json"));
            }
        }
    }
    out
}

fn mutate(rng: &mut Rng, input: &[u8], seeds: &[String]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len() + 1);
        match rng.below(8) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 => b.insert(at, rng.next() as u8),
            2 if !b.is_empty() => {
                let end = (at + rng.below(16)).min(b.len());
                b.drain(at.min(end)..end);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(at..at, token.iter().copied());
            }
            4 if !b.is_empty() => {
                let from = rng.below(b.len());
                let end = (from + rng.below(32)).min(b.len());
                let piece = b[from..end].to_vec();
                b.splice(at..at, piece);
            }
            5 => {
                let other = seeds[rng.below(seeds.len())].as_bytes();
                let cut = rng.below(other.len() + 1);
                b.truncate(at);
                b.extend_from_slice(&other[cut..]);
            }
            6 if !b.is_empty() => {
                // A digit in a date, somewhere.
                let i = rng.below(b.len());
                if b[i].is_ascii_digit() {
                    b[i] = b'0' + rng.below(10) as u8;
                }
            }
            _ => b.truncate(at),
        }
    }
    b
}

/// Checks one answer of the JSON contract.
fn check_answer(input: &str, out: &str) {
    let v: serde_json::Value =
        serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}) for {input:?}: {out}"));
    if let Some(error) = v.get("error") {
        let code = error["code"].as_str().unwrap_or_default();
        assert!(
            ErrorCode::ALL.iter().any(|c| c.as_str() == code),
            "unknown code {code} for {input:?}"
        );
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()), "{input:?}");
        return;
    }
    assert_eq!(v["schema"], 2, "{input:?}");
    let samtaler = v["samtaler"].as_array().unwrap_or_else(|| panic!("{input:?}: {out}"));
    // None owed only where the hours from an earlier spell left them all out.
    let not_owed = v["not_owed"].as_array().unwrap_or_else(|| panic!("{input:?}: {out}"));
    assert!(!samtaler.is_empty() || !not_owed.is_empty(), "{input:?}");
    for s in samtaler {
        let (e, l) = (s["earliest"].as_str().unwrap_or(""), s["latest"].as_str().unwrap_or(""));
        assert!(e.len() == 10 && e <= l, "{input:?}: {e} > {l}");
    }
}

#[test]
fn mutated_json_requests_never_panic_and_always_answer() {
    let seeds = seeds();
    let mut rng = Rng(seed(1));
    let mut corpus: Vec<Vec<u8>> = seeds.iter().map(|s| s.as_bytes().to_vec()).collect();
    for i in 0..scale(JSON_INPUTS) {
        let base = corpus[rng.below(corpus.len())].clone();
        let input = mutate(&mut rng, &base, &seeds);
        let text = String::from_utf8_lossy(&input).into_owned();
        let out = catch_unwind(AssertUnwindSafe(|| samtaleplan::plan_json(&text)))
            .unwrap_or_else(|_| crashed("json", &input));
        check_answer(&text, &out);
        same_verdict_as_serde_json(&text, &out);
        // Keep some inputs that still plan, so mutations go deeper than one step.
        if i % 7 == 0 && !out.starts_with("{\"error\"") && corpus.len() < 4096 && input.len() < 4096 {
            corpus.push(input);
        }
    }
}

/// Text serde_json refuses as JSON is an `E_JSON` and nothing else (but a number too large for
/// an f64, which is JSON); text it reads is never an `E_JSON` for its syntax (a value JSON has but
/// the contract cannot use is another code).
fn same_verdict_as_serde_json(text: &str, out: &str) {
    let json = serde_json::from_str::<serde_json::Value>(text);
    let code = serde_json::from_str::<serde_json::Value>(out).expect("always JSON")["error"]["code"]
        .as_str()
        .map(str::to_owned);
    match (&json, code.as_deref()) {
        (Err(_), Some("E_JSON")) => {}
        (Err(_), Some("E_REQUEST_TOO_LARGE")) if text.len() > 64 * 1024 => {}
        // A number too large for an f64 is JSON serde_json cannot read: a wrong value in its
        // field (E_TYPE, …), or E_JSON when the text is broken elsewhere too (issue 24).
        (Err(e), Some(_)) if e.to_string().starts_with("number out of range") => {}
        (Err(e), other) => panic!("serde_json says {e}, we say {other:?} for {text:?}"),
        (Ok(_), Some("E_JSON")) => panic!("serde_json reads it, we say E_JSON for {text:?}: {out}"),
        (Ok(_), _) => {}
    }
}

fn any_date(rng: &mut Rng) -> chrono::NaiveDate {
    ymd(1900, 1, 1) + chrono::Days::new(rng.below(300 * 366) as u64)
}

#[test]
fn structured_requests_never_panic() {
    let mut rng = Rng(seed(2));
    for _ in 0..scale(STRUCTURED_INPUTS) {
        let start = ymd(2015, 7, 1) + chrono::Days::new(rng.below(365 * 85) as u64);
        let mut req = Request::new(start);
        req.insurance = if rng.chance(30) {
            Insurance::Deltid
        } else {
            Insurance::Fuldtid
        };
        req.group = if rng.chance(15) {
            Group::JobcenterFromDayOne
        } else {
            Group::Standard
        };
        req.lang = if rng.chance(30) { Lang::En } else { Lang::Da };
        req.compare = rng.chance(20);
        let most = if rng.chance(2) { 1000 } else { 5 };
        for _ in 0..rng.below(most) {
            let (a, b) = (any_date(&mut rng), any_date(&mut rng));
            let near = start + chrono::Days::new(rng.below(800) as u64);
            let from = if rng.chance(70) { near } else { a.min(b) };
            let to = if rng.chance(70) {
                from + chrono::Days::new(rng.below(90) as u64)
            } else {
                a.max(b).max(from)
            };
            // A third of them part-time work, from a few minutes to more than a week holds;
            // some of those without an end. Any reason: a sickness counts its first 14 days.
            let hours_per_week = rng.chance(33).then(|| Hundredths(1 + rng.below(16_800) as u64));
            let open_ended = hours_per_week.is_some() && rng.chance(10);
            let reason = PauseReason::ALL[rng.below(PauseReason::ALL.len())];
            req.pauses.push(Pause {
                period: Period {
                    from,
                    to: if open_ended {
                        samtaleplan::contract::request::LAST_DATE
                    } else {
                        to
                    },
                },
                reason,
                hours_per_week,
                open_ended,
            });
        }
        // Hours from an earlier spell: none, a few, around the lines, up to a whole period.
        if rng.chance(30) {
            let cap = match req.insurance {
                Insurance::Fuldtid => 577_200,
                Insurance::Deltid => 468_000,
            };
            req.prior_hours = Hundredths(rng.below(cap + 1) as u64);
        }
        if rng.chance(20) {
            req.handover = Some(if rng.chance(50) {
                start + chrono::Days::new(rng.below(400) as u64)
            } else {
                any_date(&mut rng)
            });
        }
        if rng.chance(50) {
            req.today = Some(any_date(&mut rng));
        }
        let input = format!("{req:?}");
        let result = catch_unwind(AssertUnwindSafe(|| samtaleplan::plan(&req)))
            .unwrap_or_else(|_| crashed("plan", input.as_bytes()));
        match result {
            Ok(p) => {
                assert!(p.samtaler.iter().all(|s| s.earliest <= s.latest), "{input}");
                assert!(
                    p.milestones.l3m <= p.milestones.l6m && p.milestones.l6m <= p.milestones.l16m,
                    "{input}"
                );
            }
            Err(e) => assert!(
                matches!(
                    e.code,
                    ErrorCode::HandoverRange
                        | ErrorCode::HandoverNotApplicable
                        | ErrorCode::GroupUnsupported
                        | ErrorCode::DateRange
                        | ErrorCode::OpenEndedNoHours
                ),
                "{input}: {e}"
            ),
        }
    }
}

#[test]
fn mutated_caseload_files_never_panic() {
    let small = std::fs::read("tests/caseload/small.csv").expect("small.csv");
    let generated = {
        let mut rng = Rng(seed(3));
        let mut t = String::from("medlem,start,insurance,pauses,held_A1,held_J1\n");
        for i in 0..60 {
            let d = ymd(2015, 7, 1) + chrono::Days::new(rng.below(4000) as u64);
            t += &format!(
                "m{i},{},{},\"{}..{}\",{},\n",
                d.format("%d.%m.%Y"),
                ["", "deltid", "x"][rng.below(3)],
                d,
                d + chrono::Days::new(9),
                d.format("%d-%m-%Y")
            );
        }
        t.into_bytes()
    };
    // The shapes of issue 24: a quoted field spanning lines that look like members, and a genuine
    // note over lines; Excel's "Unicode-tekst" (UTF-16 LE and BE with a byte-order mark, tabs),
    // one with an odd number of bytes; byte-order marks alone.
    let quoted = b"medlem;start;note\n1;04-03-2024;\n2;04-03-2024;\"VIP\n3;04-03-2024;\n4;04-03-2024;x\n5;04-03-2024;ring igen\"\n6;04-03-2024;\"Ring igen\r\nefter ferien\"\n7;04-03-2024;\n".to_vec();
    let unicode_text = String::from_utf8_lossy(&small).replace(';', "\t");
    let utf16 = |big_endian: bool| -> Vec<u8> {
        let units = std::iter::once(0xFEFF).chain(unicode_text.trim_start_matches('\u{feff}').encode_utf16());
        units
            .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    };
    let mut odd = utf16(false);
    odd.push(b'1');
    let seeds = [
        small.clone(),
        generated,
        quoted,
        utf16(false),
        utf16(true),
        odd,
        b"\xFF\xFE".to_vec(),
        b"\xFE\xFF\x00".to_vec(),
        [&b"\xEF\xBB\xBF"[..], &small].concat(),
    ];
    let splice: Vec<String> = seeds.iter().map(|s| String::from_utf8_lossy(s).into_owned()).collect();
    let mut rng = Rng(seed(4));
    let today = ymd(2024, 6, 5);
    for _ in 0..scale(CSV_FILES) {
        let base = &seeds[rng.below(seeds.len())];
        let mut input = base.clone();
        for _ in 0..1 + rng.below(6) {
            input = mutate(&mut rng, &input, &splice);
            if rng.chance(10) {
                let at = rng.below(input.len() + 1);
                let special: &[u8] = [
                    &b"\""[..],
                    b"\r\n",
                    b"\n",
                    b";",
                    b",",
                    b"\t",
                    b"\xEF\xBB\xBF",
                    b"\x00",
                    b"\xff",
                    b"..",
                    b"|",
                    b"\xFF\xFE",
                    b"\"\n1;04-03-2024;\n",
                ][rng.below(13)];
                input.splice(at..at, special.iter().copied());
            }
        }
        let chunk = 1 + rng.below(512);
        let lang = if rng.chance(50) { Lang::En } else { Lang::Da };
        let result = catch_unwind(AssertUnwindSafe(|| {
            let mut c = caseload::Caseload::new(Options {
                list_limit: Some(50),
                ..Options::new(today, lang)
            });
            for piece in input.chunks(chunk) {
                c.feed(piece);
            }
            c.finish()
        }))
        .unwrap_or_else(|_| crashed("csv", &input));
        // One file in ten is read again whole: the chunks never change what is read.
        if rng.chance(10) {
            let whole = catch_unwind(AssertUnwindSafe(|| {
                caseload::caseload(
                    &input,
                    Options {
                        list_limit: Some(50),
                        ..Options::new(today, lang)
                    },
                )
            }))
            .unwrap_or_else(|_| crashed("csv", &input));
            let json = |r: &Result<caseload::Summary, samtaleplan::PlanError>| match r {
                Ok(s) => serde_json::to_string(s).unwrap_or_default(),
                Err(e) => e.to_string(),
            };
            assert!(
                json(&whole) == json(&result),
                "chunks of {chunk} read otherwise than the whole: {:?}",
                String::from_utf8_lossy(&input[..input.len().min(300)])
            );
        }
        if let Ok(s) = result {
            // Every row read is either a member or an error.
            assert_eq!(
                s.members + s.error_count,
                s.rows,
                "{:?}",
                String::from_utf8_lossy(&input[..input.len().min(300)])
            );
            let weekly: u32 = s.workload.iter().map(|w| w.total).sum();
            assert!(weekly as usize >= s.closing_this_week.total + s.closing_next_week.total);
        }
    }
}

#[test]
fn mutated_spreadsheets_never_panic() {
    let books = ["small.xlsx", "small-libreoffice.ods"].map(|f| std::fs::read(format!("tests/caseload/{f}")).expect(f));
    let mut rng = Rng(seed(5));
    let today = ymd(2024, 6, 5);
    for _ in 0..scale(XLSX_FILES) {
        let mut input = books[rng.below(books.len())].clone();
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(input.len());
            match rng.below(4) {
                0 => input[at] = rng.below(256) as u8,
                1 => input[at] ^= 1 << rng.below(8),
                2 => input.truncate(at.max(4)),
                _ => {
                    let end = (at + rng.below(64)).min(input.len());
                    let piece = input[at..end].to_vec();
                    input.splice(at..at, piece);
                }
            }
        }
        let result = catch_unwind(AssertUnwindSafe(|| {
            caseload::caseload(&input, Options::new(today, Lang::Da))
        }))
        .unwrap_or_else(|_| crashed("xlsx", &input));
        if let Ok(s) = result {
            assert_eq!(s.members + s.error_count, s.rows);
        }
    }
}

#[path = "common/workbook.rs"]
mod workbook;

/// A cell address, anywhere Excel allows and a little past (row 10^8, column XFD and beyond).
fn any_address(rng: &mut Rng) -> String {
    let col = match rng.below(3) {
        0 => rng.below(30),
        1 => 16_383 - rng.below(3),
        _ => rng.below(17_000),
    };
    let row = match rng.below(3) {
        0 => 1 + rng.below(40),
        1 => 1_048_576 - rng.below(3),
        _ => 1 + rng.below(100_000_000),
    };
    let mut letters = Vec::new();
    let mut c = col;
    loop {
        letters.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8(letters).expect("ASCII"))
}

/// small.xlsx with its sheet's XML made hostile as issue 24 found it: cells moved to far
/// addresses (XFD1048576, row 10^8), a cell given twice, rows out of order, far rows added, a
/// byte changed. Never a panic, and never an allocation for the addresses (which aborts the
/// process, so it cannot pass unseen): each file is read or refused with a code.
#[test]
fn hostile_sheets_never_panic() {
    let book = std::fs::read("tests/caseload/small.xlsx").expect("small.xlsx");
    let mut rng = Rng(seed(6));
    let today = ymd(2024, 6, 5);
    for _ in 0..scale(SHEET_FILES).max(20) {
        let input = workbook::with_sheet(&book, |xml| {
            let mut xml = xml.to_string();
            for _ in 0..1 + rng.below(4) {
                let cells: Vec<usize> = xml.match_indices("<c r=\"").map(|(i, _)| i + 6).collect();
                let at = cells[rng.below(cells.len())];
                let end = at + xml[at..].find('"').expect("the address ends");
                match rng.below(5) {
                    0 => xml.replace_range(at..end, &any_address(&mut rng)),
                    1 => {
                        let cell = at - 6..at + xml[at..].find("</c>").expect("the cell ends") + 4;
                        let copy = xml[cell.clone()].to_string();
                        xml.insert_str(cell.end, &copy);
                    }
                    2 => {
                        let row = 1 + rng.below(100_000_000);
                        let a = any_address(&mut rng);
                        xml = workbook::append_row(&xml, row as u64, &[(&a, "1001")]);
                    }
                    3 => {
                        let rows: Vec<usize> = xml.match_indices("<row r=\"").map(|(i, _)| i + 8).collect();
                        let at = rows[rng.below(rows.len())];
                        let end = at + xml[at..].find('"').expect("the number ends");
                        xml.replace_range(at..end, &(1 + rng.below(30)).to_string());
                    }
                    _ => {
                        let at = rng.below(xml.len());
                        if xml.is_char_boundary(at) && xml.is_char_boundary(at + 1) {
                            xml.replace_range(at..at + 1, &char::from(b' ' + rng.below(95) as u8).to_string());
                        }
                    }
                }
            }
            xml
        });
        let result = catch_unwind(AssertUnwindSafe(|| {
            caseload::caseload(&input, Options::new(today, Lang::Da))
        }))
        .unwrap_or_else(|_| crashed("sheet", &input));
        match result {
            Ok(s) => assert_eq!(s.members + s.error_count, s.rows),
            Err(e) => assert!(
                matches!(
                    e.code,
                    ErrorCode::CsvFile | ErrorCode::CsvHeader | ErrorCode::CsvTooLarge
                ),
                "{e}"
            ),
        }
    }
}

#[test]
fn the_regression_corpus_holds() {
    let mut n = 0;
    for entry in std::fs::read_dir("tests/fuzz/regressions").expect("tests/fuzz/regressions") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        let name = path.display().to_string();
        if name.ends_with(".csv") {
            let r = catch_unwind(AssertUnwindSafe(|| {
                caseload::caseload(&bytes, Options::new(ymd(2024, 6, 5), Lang::Da))
            }));
            assert!(r.is_ok(), "{name} panics");
        } else {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let out = catch_unwind(AssertUnwindSafe(|| samtaleplan::plan_json(&text)))
                .unwrap_or_else(|_| panic!("{name} panics"));
            check_answer(&name, &out);
        }
        n += 1;
    }
    assert!(n >= 8, "the corpus has {n} files");
}

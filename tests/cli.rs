//! The command line: `--jsonl`, `--json`, the readable table, `caseload`, and how it fails.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The program may stop reading early; a broken pipe here is fine.
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("output");
    writer.join().expect("writer");
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn jsonl_answers_every_line_in_order_and_goes_on_after_errors() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"start\":\"2024-03-04\"}\n");
    input.extend_from_slice(b"{\"start\":\"2024-02-30\"}\r\n");
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"start\":\"\xff\xfe\"}\n");
    input.extend_from_slice(format!("{{\"start\":\"2024-03-04\",\"x\":\"{}\"}}\n", "y".repeat(200_000)).as_bytes());
    input.extend_from_slice(b"{\"start\":\"2024-01-01\",\"lang\":\"en\"}"); // no final newline
    let out = run(&["--jsonl"], &input);
    assert!(out.status.success());
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(lines.len(), 7, "{lines:?}");
    let code = |l: &str| -> String {
        let v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
        v["error"]["code"].as_str().unwrap_or("ok").to_string()
    };
    let codes: Vec<String> = lines.iter().map(|l| code(l)).collect();
    assert_eq!(
        codes,
        [
            "ok",
            "E_DATE_INVALID",
            "E_JSON",
            "E_JSON",
            "E_JSON",
            "E_REQUEST_TOO_LARGE",
            "ok"
        ],
        "{lines:?}"
    );
    // Each answer is exactly what the library gives for that line.
    assert_eq!(lines[0], samtaleplan::plan_json(r#"{"start":"2024-03-04"}"#));
    assert_eq!(
        lines[6],
        samtaleplan::plan_json(r#"{"start":"2024-01-01","lang":"en"}"#)
    );
    assert!(lines[6].contains(r#""lang":"en""#), "{}", lines[6]);
}

#[test]
fn jsonl_handles_many_lines() {
    let line = b"{\"start\":\"2024-03-04\",\"pauses\":[{\"from\":\"2024-04-01\",\"to\":\"2024-04-12\"}]}\n";
    let input: Vec<u8> = line.repeat(5000);
    let out = run(&["--jsonl"], &input);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 5000);
    assert!(text.lines().all(|l| l.contains("\"L3m\":\"2024-06-14\"")));
}

#[test]
fn json_one_request_may_span_lines() {
    let out = run(
        &["--json"],
        b"{\n  \"start\": \"2024-03-04\",\n  \"insurance\": \"deltid\"\n}\n",
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(v["insurance"], "deltid");
    assert_eq!(v["samtaler"][0]["latest"], "2024-03-18");

    let out = run(&["--json"], b"{\"start\":\"2015-06-30\"}");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with(r#"{"error":{"code":"E_START_TOO_EARLY""#));

    let big = format!("{{\"start\":\"{}\"}}", "1".repeat(100_000));
    let out = run(&["--json"], big.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("E_REQUEST_TOO_LARGE"));
}

#[test]
fn table_is_readable_danish() {
    let out = run(&["2024-03-04", "--today", "2024-05-01"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    for want in [
        "mandag 18. marts 2024",
        "fredag 31. maj 2024",
        "A1 1. jobsamtale i a-kassen",
        "jobcentret og a-kassen sammen",
        "Hvem holder den",
        "kan holdes nu",
        "LAB § 31, stk. 4",
        "65. ledighedsdag",
        "vejledende",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn table_options_reach_the_request() {
    let text = stdout(&run(
        &["2024-03-04", "--deltid", "--pause", "2024-04-01:2024-04-12:ferie"],
        b"",
    ));
    assert!(text.contains("deltid"), "{text}");
    assert!(text.contains("6 timer"), "{text}");
    assert!(text.contains("fredag 14. juni 2024"), "{text}");
    let text = stdout(&run(
        &["2024-03-04", "--lang", "en", "--group", "jobcenter_from_day_one"],
        b"",
    ));
    assert!(text.contains("J6 6th job interview at the jobcentre"), "{text}");
}

#[test]
fn a_part_time_pause_in_the_table_gives_the_dates_of_the_json_request() {
    // parttime.toml: 18.5 hours a week from 1 June to 31 August 2024 -> L6m Wed 2024-10-16, L16m Fri 2025-08-15.
    let json = br#"{"start":"2024-03-04","today":"2024-05-01","pauses":[{"from":"2024-06-01","to":"2024-08-31","reason":"arbejde","hours_per_week":18.5}]}"#;
    let plan: serde_json::Value = serde_json::from_slice(&run(&["--json"], json).stdout).expect("JSON");
    assert_eq!(plan["milestones"]["L6m"], "2024-10-16");
    assert_eq!(plan["pauses"][0]["hours_per_week"], 18.5);
    for hours in ["18.5", "18,5"] {
        let pause = format!("2024-06-01:2024-08-31:arbejde:{hours}");
        let out = run(&["2024-03-04", "--today", "2024-05-01", "--pause", &pause], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        for s in plan["samtaler"].as_array().expect("samtaler") {
            assert!(
                text.contains(s["explanation"].as_str().expect("text")),
                "{}\n{text}",
                s["id"]
            );
        }
        assert!(
            text.contains("onsdag 16. oktober 2024") && text.contains("fredag 15. august 2025"),
            "{text}"
        );
        assert!(
            text.contains("18,5 timer om ugen i arbejde fra 1. juni 2024: 3,7 timer pr. dag"),
            "{text}"
        );
    }
    // The reason may be left empty; the hours are checked by the core (exit 1) or are not a number (exit 2).
    let out = run(&["2024-03-04", "--pause", "2024-06-01:2024-08-31::15"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&["2024-03-04", "--pause", "2024-06-01:2024-08-31:arbejde:0"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("E_UNKNOWN_VALUE: Periode 1, timer om ugen"),
        "{}",
        stderr(&out)
    );
    let out = run(&["2024-03-04", "--pause", "2024-06-01:2024-08-31:arbejde:15t"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("timer om ugen skal være et tal"),
        "{}",
        stderr(&out)
    );
}

/// The plan the core gives for a JSON request, through `--json` (the same bytes as the library).
fn json_plan(request: &str) -> serde_json::Value {
    let out = run(&["--json"], request.as_bytes());
    assert!(out.status.success(), "{request}: {}", stdout(&out));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let library = samtaleplan::plan_str(request).expect("a plan");
    let ours: Vec<(String, String)> = plan["samtaler"]
        .as_array()
        .expect("samtaler")
        .iter()
        .map(|s| {
            (
                s["id"].as_str().expect("id").into(),
                s["latest"].as_str().expect("latest").into(),
            )
        })
        .collect();
    let theirs: Vec<(String, String)> = library
        .samtaler
        .iter()
        .map(|s| (s.id.to_string(), s.latest.to_string()))
        .collect();
    assert_eq!(ours, theirs, "--json and the library agree");
    plan
}

/// Every samtale of `plan` is in the table `text`: its dates as the table writes them and its
/// explanation word for word.
fn table_has_the_plan(text: &str, plan: &serde_json::Value, lang: samtaleplan::Lang) {
    use samtaleplan::rules::dates::{long, parse_iso};
    for s in plan["samtaler"].as_array().expect("samtaler") {
        for key in ["earliest", "latest"] {
            let day = parse_iso(s[key].as_str().expect("date")).expect("ISO date");
            assert!(text.contains(&long(day, lang)), "{} {key} {day}\n{text}", s["id"]);
        }
        assert!(
            text.contains(s["explanation"].as_str().expect("text")),
            "{}\n{text}",
            s["id"]
        );
    }
}

#[test]
fn prior_hours_in_the_table_give_the_dates_of_the_json_request() {
    // 481.25 hours from an earlier spell: past 410, so the kommune holds the forløb from the first
    // day (A1 and A2 are not owed) and the later dates come nearer.
    let plan = json_plan(r#"{"start":"2026-08-03","today":"2026-09-01","prior_hours":481.25}"#);
    assert_eq!(plan["prior_hours"], 481.25);
    assert_eq!(plan["milestones"]["handover"], "2026-08-03");
    let not_owed: Vec<&str> = plan["not_owed"]
        .as_array()
        .expect("not_owed")
        .iter()
        .map(|x| x["id"].as_str().expect("id"))
        .collect();
    assert_eq!(not_owed, ["A1", "A2"]);
    let plain = json_plan(r#"{"start":"2026-08-03","today":"2026-09-01"}"#);
    assert!(plan["milestones"]["L6m"].as_str() < plain["milestones"]["L6m"].as_str());
    let warning = plan["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .find(|w| w["code"] == "W_NOT_OWED")
        .expect("W_NOT_OWED");
    for hours in ["481,25", "481.25"] {
        let out = run(&["2026-08-03", "--today", "2026-09-01", "--prior-hours", hours], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        table_has_the_plan(&text, &plan, samtaleplan::Lang::Da);
        assert!(
            text.contains("Timer fra tidligere ledighed i dagpengeperioden: 481,25\n"),
            "{text}"
        );
        assert!(
            text.contains("Holdes ikke i denne ledighed: A1, A2 (se advarslerne)"),
            "{text}"
        );
        assert!(text.contains(warning["text"].as_str().expect("text")), "{text}");
        // A1 and A2 are in no row of the table.
        assert!(!text.contains("A1 1. jobsamtale"), "{text}");
    }
    // In English, with the point.
    let plan = json_plan(r#"{"start":"2026-08-03","today":"2026-09-01","prior_hours":481.25,"lang":"en"}"#);
    let out = run(
        &[
            "2026-08-03",
            "--today",
            "2026-09-01",
            "--prior-hours",
            "481,25",
            "--lang",
            "en",
        ],
        b"",
    );
    let text = stdout(&out);
    table_has_the_plan(&text, &plan, samtaleplan::Lang::En);
    assert!(
        text.contains("Hours from earlier unemployment in the dagpengeperiode: 481.25\n"),
        "{text}"
    );
    assert!(text.contains("Not held in this spell: A1, A2"), "{text}");
}

#[test]
fn prior_hours_past_every_samtale_leave_an_empty_plan_said_in_words() {
    // 5,000 hours (R2024): every window closed in the earlier spell, every milestone before start.
    let plan = json_plan(r#"{"start":"2024-08-05","today":"2024-09-01","prior_hours":5000}"#);
    assert_eq!(plan["samtaler"], serde_json::json!([]));
    for m in ["L3m", "L6m", "L16m"] {
        assert!(plan["milestones"][m].is_null(), "{m}: {}", plan["milestones"]);
    }
    let out = run(&["2024-08-05", "--today", "2024-09-01", "--prior-hours", "5000"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Ingen samtaler i denne ledighed."), "{text}");
    assert!(
        text.contains("Holdes ikke i denne ledighed: A1, A2, A3, J1, J2, J3, S16"),
        "{text}"
    );
    assert!(!text.contains("Hvem holder den"), "no empty table: {text}");
}

#[test]
fn bad_prior_hours_get_the_cores_error_and_exit_status_1() {
    for (args, code, words) in [
        (&["--prior-hours", "-5"][..], "E_UNKNOWN_VALUE", "“-5” kan ikke bruges"),
        (&["--prior-hours=-5"], "E_UNKNOWN_VALUE", "“-5” kan ikke bruges"),
        (&["--prior-hours", "481,255"], "E_UNKNOWN_VALUE", "højst to decimaler"),
        (&["--prior-hours", "481t"], "E_TYPE", "Timer fra tidligere ledighed"),
        (&["--prior-hours", "mange"], "E_TYPE", "Timer fra tidligere ledighed"),
        (&["--prior-hours", ""], "E_TYPE", "Timer fra tidligere ledighed"),
        (&["--prior-hours", "5772,01"], "E_PRIOR_HOURS", "5.772 timer"),
        (
            &["--prior-hours", "4680,01", "--deltid"],
            "E_PRIOR_HOURS",
            "4.680 timer",
        ),
    ] {
        let mut all = vec!["2026-08-03"];
        all.extend_from_slice(args);
        let out = run(&all, b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).starts_with(&format!("samtaleplan: {code}: ")) && stderr(&out).contains(words),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty(), "{args:?}");
        // The same code as the JSON request with the same value gives.
        let value = match args[0] {
            "--prior-hours=-5" => "-5",
            _ => args[1],
        };
        let number = value.replacen(',', ".", 1);
        let field = if serde_json::from_str::<serde_json::Number>(&number).is_ok() {
            number
        } else {
            format!("\"{value}\"")
        };
        let insurance = if args.contains(&"--deltid") {
            r#","insurance":"deltid""#
        } else {
            ""
        };
        let request = format!(r#"{{"start":"2026-08-03","prior_hours":{field}{insurance}}}"#);
        let e = samtaleplan::plan_str(&request).expect_err("refused");
        assert_eq!(e.code.as_str(), code, "{request}");
    }
    // The limits themselves are taken.
    for args in [
        &["--prior-hours", "5772"][..],
        &["--prior-hours", "4680", "--deltid"],
        &["--prior-hours", "0"],
    ] {
        let mut all = vec!["2026-08-03", "--today", "2026-09-01"];
        all.extend_from_slice(args);
        let out = run(&all, b"");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    // English when asked.
    let out = run(&["2026-08-03", "--prior-hours", "-5", "--lang", "en"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("samtaleplan: E_UNKNOWN_VALUE: Hours from earlier unemployment"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_open_ended_part_time_pause_and_a_whole_sickness_give_the_dates_of_the_json_request() {
    // Part-time work "indtil videre": the request has no `to`.
    let plan = json_plan(
        r#"{"start":"2026-08-03","today":"2026-09-01","pauses":[{"from":"2026-10-01","reason":"arbejde","hours_per_week":15}]}"#,
    );
    assert!(plan["pauses"][0]["to"].is_null(), "{}", plan["pauses"]);
    let out = run(
        &[
            "2026-08-03",
            "--today",
            "2026-09-01",
            "--pause",
            "2026-10-01::arbejde:15",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    table_has_the_plan(&text, &plan, samtaleplan::Lang::Da);
    assert!(
        text.contains("  1. oktober 2026 – indtil videre: arbejde, 15 timer om ugen\n"),
        "{text}"
    );
    // The later dates are those of the part-time work going on: later than without it.
    let plain = json_plan(r#"{"start":"2026-08-03","today":"2026-09-01"}"#);
    assert!(plan["milestones"]["L16m"].as_str() > plain["milestones"]["L16m"].as_str());
    // With an end the dates are those of the end.
    let ended = json_plan(
        r#"{"start":"2026-08-03","today":"2026-09-01","pauses":[{"from":"2026-10-01","to":"2026-11-30","reason":"arbejde","hours_per_week":15}]}"#,
    );
    assert_ne!(ended["milestones"]["L16m"], plan["milestones"]["L16m"]);
    // Only part-time work may go without an end: the core's E_MISSING_FIELD, exit status 1.
    for pause in ["2026-10-01:", "2026-10-01::ferie", "2026-10-01::sygdom"] {
        let out = run(&["2026-08-03", "--pause", pause], b"");
        assert_eq!(out.status.code(), Some(1), "{pause}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("E_MISSING_FIELD: Periode 1, til og med mangler. Kun arbejde på nedsat tid"),
            "{pause}: {}",
            stderr(&out)
        );
    }
    // Open-ended work of 37 hours leaves no hours: the core asks for an end date.
    let out = run(&["2026-08-03", "--pause", "2026-10-01::arbejde:37"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E_OPEN_ENDED_NO_HOURS"), "{}", stderr(&out));

    // A sickness entered whole: its first 14 days count, so the dates are earlier than for a
    // holiday (a full pause) of the same days.
    let sick = json_plan(
        r#"{"start":"2026-08-03","today":"2026-09-01","pauses":[{"from":"2026-09-01","to":"2026-10-15","reason":"sygdom"}]}"#,
    );
    let holiday = json_plan(
        r#"{"start":"2026-08-03","today":"2026-09-01","pauses":[{"from":"2026-09-01","to":"2026-10-15","reason":"ferie"}]}"#,
    );
    assert!(sick["milestones"]["L6m"].as_str() < holiday["milestones"]["L6m"].as_str());
    for (pause, plan, line) in [
        (
            "2026-09-01:2026-10-15:sygdom",
            &sick,
            "  1. september – 15. oktober 2026: sygdom\n",
        ),
        (
            "2026-09-01:2026-10-15:ferie",
            &holiday,
            "  1. september – 15. oktober 2026: ferie\n",
        ),
    ] {
        let out = run(&["2026-08-03", "--today", "2026-09-01", "--pause", pause], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        table_has_the_plan(&text, plan, samtaleplan::Lang::Da);
        assert!(text.contains(line), "{text}");
    }
    let text = stdout(&run(
        &[
            "2026-08-03",
            "--today",
            "2026-09-01",
            "--pause",
            "2026-09-01:2026-10-15:sygdom",
        ],
        b"",
    ));
    assert!(
        text.contains("de første 14 dage (1.–14. september 2026) tæller med"),
        "the sickness assumption: {text}"
    );
}

#[test]
fn table_errors_and_usage() {
    let out = run(&["2024-02-30"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E_DATE_INVALID"));
    let out = run(&["2024-03-04", "--bogus"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E_USAGE"));
    let out = run(&["2024-03-04", "--today"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--help"], b"");
    assert!(out.status.success());
    assert!(stdout(&out).contains("--jsonl"));
}

#[test]
fn oversized_requests_name_their_size_in_the_request_language() {
    let line = format!(
        "{{\"lang\":\"en\",\"start\":\"2024-03-04\",\"x\":\"{}\"}}",
        "y".repeat(100_000)
    );
    let out = run(&["--jsonl"], format!("{line}\n").as_bytes());
    assert_eq!(
        stdout(&out).trim_end(),
        samtaleplan::plan_json(&line),
        "the same bytes as the library"
    );
    assert!(
        stdout(&out).contains(&format!("The request is {} bytes", line.len())),
        "{}",
        stdout(&out)
    );
    let out = run(&["--json"], line.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).trim_end(), samtaleplan::plan_json(&line));
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_are_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E_USAGE"));
}

#[test]
fn caseload_gives_json_and_csv() {
    let out = run(&["caseload", "tests/caseload/small.csv", "--today", "2024-06-05"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(v["members"], 11);
    assert_eq!(v["error_count"], 5);
    assert_eq!(v["star"]["first_within_1_5_months"]["count"], 7);
    assert_eq!(v["workload"].as_array().map(Vec::len), Some(26));
    let out = run(
        &[
            "caseload",
            "tests/caseload/small.csv",
            "--today",
            "2024-06-05",
            "--format",
            "csv",
            "--list",
            "overdue",
            "--holder",
            "akasse",
        ],
        b"",
    );
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with("Medlem;Linje;Regler;Samtale;Titel;Holdes af;Tidligst;Senest;Status;Dage over fristen\r\n"),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        5,
        "four overdue a-kasse samtaler and the header: {text}"
    );
    let out = run(
        &[
            "caseload",
            "tests/caseload/small.csv",
            "--today",
            "2024-06-05",
            "--format",
            "csv",
            "--list",
            "star",
            "--lang",
            "en",
        ],
        b"",
    );
    assert!(
        stdout(&out)
            .starts_with("Indicator;Count;Of;Share\r\nFirst samtale within 1½ months of unemployment;7;8;87.5 %\r\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn caseload_reads_and_writes_spreadsheets() {
    let day = ["--today", "2024-06-05"];
    let args = |more: &[&'static str]| -> Vec<&'static str> {
        let mut a = vec!["caseload", "tests/caseload/small.xlsx", "--today", "2024-06-05"];
        a.extend_from_slice(more);
        a
    };
    let out = run(&args(&[]), b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!((v["members"].as_u64(), v["error_count"].as_u64()), (Some(11), Some(5)));
    assert_eq!(v["source"]["format"], "xlsx");
    // The worklist, filtered, as CSV; the same from the CSV file.
    let worklist = &[
        "--format", "csv", "--list", "worklist", "--status", "overdue", "--holder", "akasse",
    ];
    let from_xlsx = stdout(&run(&args(worklist), b""));
    assert_eq!(from_xlsx.lines().count(), 5, "{from_xlsx}");
    let mut csv_args = vec!["caseload", "tests/caseload/small.csv"];
    csv_args.extend_from_slice(&day);
    csv_args.extend_from_slice(worklist);
    // small.xlsx has a name column ("navn", Søren Ørsted on every row), small.csv none: the
    // same rows, the names after the member.
    assert!(from_xlsx.starts_with("Medlem;Navn;Linje;"), "{from_xlsx}");
    let without_names: String = from_xlsx
        .split_inclusive("\r\n")
        .map(|l| {
            let (member, rest) = l.split_once(';').expect("fields");
            let (name, rest) = rest.split_once(';').expect("fields");
            assert!(["Navn", "Søren Ørsted"].contains(&name), "{l}");
            format!("{member};{rest}")
        })
        .collect();
    assert_eq!(stdout(&run(&csv_args, b"")), without_names);
    // Every list as a workbook, to stdout (not a terminal here) or to a file.
    let out = run(&args(&["--format", "xlsx", "--list", "all"]), b"");
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
    let path = std::env::temp_dir().join(format!("samtaleplan-cli-{}.xlsx", std::process::id()));
    let file = path.to_str().expect("path").to_string();
    let mut with_output: Vec<&str> = args(&["--format", "xlsx", "--list", "all", "--output"]);
    with_output.push(&file);
    assert!(run(&with_output, b"").status.success());
    assert_eq!(std::fs::read(&path).expect("written"), out.stdout, "the same bytes");
    let _ = std::fs::remove_file(&path);
    // Another sheet; a sheet that is not there; a list that needs a workbook.
    let out = run(&args(&["--sheet", "Noter"]), b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E_CSV_HEADER"));
    let out = run(&args(&["--sheet", "Ark9"]), b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E_CSV_FILE: Regnearket har intet ark"));
    let out = run(&args(&["--format", "csv", "--list", "all"]), b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E_USAGE"));
    let out = run(&args(&["--status", "soon"]), b"");
    assert_eq!(out.status.code(), Some(2));
    // A file that is not a table.
    let out = run(&["caseload", "www/favicon.svg", "--today", "2024-06-05"], b"");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn caseload_errors_and_usage() {
    let out = run(&["caseload", "tests/no-such-file.csv"], b"");
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["caseload", "README.md", "--today", "2024-06-05"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E_CSV_HEADER"));
    for bad in [
        &["caseload"][..],
        &["caseload", "x.csv", "--today", "05-06-2024"],
        &["caseload", "x.csv", "--list", "nope"],
        &["caseload", "x.csv", "--format", "xml"],
    ] {
        let out = run(bad, b"");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("E_USAGE"));
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn help_and_version_work_on_every_command() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["caseload", "--help"],
        &["caseload", "-h"],
        &["caseload", "x.csv", "--help"],
        &["2024-03-04", "--help"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        // Bilingual: a Danish and an English word from every help.
        assert!(text.contains("Brug / usage"), "{args:?}: {text}");
        assert!(text.contains("--help"), "{args:?}: {text}");
        if args[0] == "caseload" {
            assert!(text.contains("--holder") && text.contains("--list"), "{args:?}: {text}");
            assert!(!text.contains("--jsonl"), "the caseload help is its own: {text}");
        } else {
            assert!(text.contains("--jsonl") && text.contains("--pause"), "{args:?}: {text}");
            for want in [
                "--prior-hours",
                "forbrugte timer",
                "FRA::arbejde:15",
                "FRA:TIL:sygdom",
                "until further notice",
            ] {
                assert!(text.contains(want), "{args:?}: {want}: {text}");
            }
        }
    }
    for args in [&["--version"][..], &["-V"], &["caseload", "--version"]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(stdout(&out), format!("samtaleplan {}\n", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn usage_errors_are_e_usage_in_danish_unless_asked_for_english() {
    let out = run(&["2024-03-04", "--bogus"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("samtaleplan: E_USAGE: ukendt tilvalg --bogus"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
    let out = run(&["2024-03-04", "--lang", "en", "--bogus"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("samtaleplan: E_USAGE: unknown option --bogus"),
        "{}",
        stderr(&out)
    );
    for (args, want) in [
        (&["--jsonl", "2024-03-04"][..], "--jsonl kan ikke bruges sammen med"),
        (&["--json", "--deltid"], "--json kan ikke bruges sammen med"),
        (&["--jsonl", "--json"], "--jsonl kan ikke bruges sammen med --json"),
        (
            &["2024-03-04", "--deltid", "--fuldtid"],
            "--deltid kan ikke bruges sammen med --fuldtid",
        ),
        (&["2024-03-04", "2024-03-05"], "2024-03-05: ét argument for meget"),
        (&["--deltid"], "angiv <ÅÅÅÅ-MM-DD>"),
        (
            &["2024-03-04", "--pause", "2024-04-01"],
            "--pause 2024-04-01: skriv FRA:TIL",
        ),
        (&["caseload", "x.csv", "y.csv"], "y.csv: ét argument for meget"),
        (
            &["caseload", "x.csv", "--holder", "chef"],
            "--holder chef: skriv akasse",
        ),
        (&["caseload", "x.csv", "--format"], "--format mangler en værdi"),
        (&["caseload", "--jsonl"], "ukendt tilvalg --jsonl"),
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains(&format!("E_USAGE: {want}")),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_repeated_option_is_refused_like_a_repeated_json_key() {
    for args in [
        &["2024-03-04", "--today", "2024-05-01", "--today", "2024-06-01"][..],
        &["2024-03-04", "--lang", "da", "--lang", "en"],
        &["2024-03-04", "--deltid", "--deltid"],
        &["2024-03-04", "--compare", "--compare"],
        &["2024-03-04", "--group", "standard", "--group", "standard"],
        &["2024-03-04", "--handover", "2024-06-01", "--handover=2024-06-01"],
        &["--jsonl", "--jsonl"],
        &["--json", "--json"],
        &["caseload", "x.csv", "--today", "2024-06-05", "--today", "2024-06-06"],
        &["caseload", "x.csv", "--format", "csv", "--format", "json"],
        &["caseload", "x.csv", "--list", "star", "--list", "star"],
        &["caseload", "x.csv", "--holder", "akasse", "--holder", "joint"],
        &["caseload", "x.csv", "--lang", "da", "--lang", "en"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("E_USAGE"), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("mere end én gang"), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
    // --pause is the one option that repeats: each one adds a pause.
    let one = stdout(&run(
        &[
            "2024-03-04",
            "--pause",
            "2024-04-01:2024-04-12",
            "--today",
            "2024-05-01",
        ],
        b"",
    ));
    let two = run(
        &[
            "2024-03-04",
            "--pause",
            "2024-04-01:2024-04-12",
            "--pause",
            "2024-05-06:2024-05-10:ferie",
            "--today",
            "2024-05-01",
        ],
        b"",
    );
    assert!(two.status.success(), "{}", stderr(&two));
    assert!(one.contains("fredag 14. juni 2024"), "{one}");
    assert!(stdout(&two).contains("fredag 21. juni 2024"), "{}", stdout(&two));
}

/// A request of exactly `len` bytes: a plan request padded with JSON whitespace.
fn request_of(len: usize) -> String {
    let head = r#"{"start":"2024-03-04""#;
    format!("{head}{}}}", " ".repeat(len - head.len() - 1))
}

#[test]
fn json_does_not_count_the_final_newline_against_64_kib() {
    let max = samtaleplan::contract::request::MAX_REQUEST_BYTES;
    let exact = request_of(max);
    assert_eq!(exact.len(), 64 * 1024);
    for end in ["", "\n", "\r\n"] {
        let out = run(&["--json"], format!("{exact}{end}").as_bytes());
        assert_eq!(out.status.code(), Some(0), "64 KiB + {end:?}: {}", stdout(&out));
        assert_eq!(stdout(&out).trim_end(), samtaleplan::plan_json(&exact));
    }
    let over = request_of(max + 1);
    for end in ["", "\n", "\r\n"] {
        let out = run(&["--json"], format!("{over}{end}").as_bytes());
        assert_eq!(out.status.code(), Some(1), "64 KiB + 1 + {end:?}");
        assert!(stdout(&out).contains("E_REQUEST_TOO_LARGE"), "{}", stdout(&out));
        assert!(
            stdout(&out).contains(&format!("fylder {} bytes", max + 1)),
            "{}",
            stdout(&out)
        );
        assert_eq!(stdout(&out).trim_end(), samtaleplan::plan_json(&over));
    }
    // Only one line end is the end of the text: a second one is part of the request.
    let out = run(&["--json"], format!("{exact}\n\n").as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains(&format!("fylder {} bytes", max + 1)),
        "{}",
        stdout(&out)
    );
    // --jsonl has always counted a line without its end, "\r\n" too.
    let out = run(&["--jsonl"], format!("{exact}\r\n{over}\n").as_bytes());
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(lines, [samtaleplan::plan_json(&exact), samtaleplan::plan_json(&over)]);
}

/// Runs the binary with its stdout (or stderr) a pipe whose reading end is already closed, so
/// every write to it fails with a broken pipe.
#[cfg(unix)]
fn run_closed(args: &[&str], stdin: &[u8], close_stderr: bool) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut command = Command::new(env!("CARGO_BIN_EXE_samtaleplan"));
    command.args(args).stdin(Stdio::piped());
    if close_stderr {
        command.stdout(Stdio::piped()).stderr(Stdio::from(writer));
    } else {
        command.stdout(Stdio::from(writer)).stderr(Stdio::piped());
    }
    let mut child = command.spawn().expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("output");
    feeder.join().expect("feeder");
    out
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_or_stderr_never_panics() {
    let jsonl = b"{\"start\":\"2024-03-04\"}\n".repeat(100);
    let request = br#"{"start":"2024-03-04"}"#;
    // Nothing to tell, and no one to tell it to: the work is done, exit status 0.
    for (args, stdin) in [
        (&["--help"][..], &b""[..]),
        (&["--version"], b""),
        (&["caseload", "--help"], b""),
        (&["--jsonl"], &jsonl[..]),
        (&["--json"], request),
        (&["2024-03-04"], b""),
        (&["caseload", "tests/caseload/small.csv", "--today", "2024-06-05"], b""),
    ] {
        let out = run_closed(args, stdin, false);
        assert!(!stderr(&out).contains("panicked"), "{args:?}: {}", stderr(&out));
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    // Errors to a closed stderr: the exit status still tells.
    for (args, code) in [
        (&["2024-03-04", "--bogus"][..], 2),
        (&[], 2),
        (&["2024-02-30"], 1),
        (&["caseload", "tests/no-such-file.csv"], 1),
        (&["caseload", "x.csv", "--today", "2200-01-01"], 2),
    ] {
        let out = run_closed(args, b"", true);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}

#[test]
fn caseload_today_is_refused_outside_1900_to_2199() {
    for day in ["1899-12-31", "2200-01-01"] {
        let out = run(&["caseload", "tests/caseload/small.csv", "--today", day], b"");
        assert_eq!(out.status.code(), Some(2), "{day}");
        assert_eq!(
            stderr(&out),
            format!(
                "samtaleplan: E_DATE_RANGE: Dagens dato (today): datoen {day} skal ligge mellem år 1900 og 2199.\n"
            )
        );
        assert!(stdout(&out).is_empty());
        let out = run(
            &["caseload", "tests/caseload/small.csv", "--today", day, "--lang", "en"],
            b"",
        );
        assert_eq!(out.status.code(), Some(2), "{day}");
        assert!(
            stderr(&out).contains("E_DATE_RANGE: Today's date (today)"),
            "{}",
            stderr(&out)
        );
    }
    for day in ["1900-01-01", "2199-12-31"] {
        let out = run(&["caseload", "tests/caseload/small.csv", "--today", day], b"");
        assert_eq!(out.status.code(), Some(0), "{day}: {}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        assert_eq!(v["today"], day);
    }
}

/// Today's date at UTC `offset_hours`, from the system clock.
fn date_at(offset_hours: i64) -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let days = (i64::try_from(secs).expect("secs") + offset_hours * 3600).div_euclid(86_400);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("1970") + chrono::Days::new(u64::try_from(days).expect("days"))
}

/// Runs the binary with the time zone `tz` and gives `f(output, local date)`, unless the date at
/// `offset_hours` changed while it ran (then the test cannot tell and says nothing).
fn in_zone(tz: &str, offset_hours: i64, args: &[&str], f: impl Fn(&Output, chrono::NaiveDate)) {
    let before = date_at(offset_hours);
    let out = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
        .args(args)
        .env("TZ", tz)
        .output()
        .expect("runs");
    if date_at(offset_hours) == before {
        f(&out, before);
    }
}

/// The default day is the machine's local date. At UTC+14 the date is a day ahead of UTC from
/// 10:00 UTC, at UTC−12 a day behind it until 12:00 UTC: at every hour one of the two would catch
/// a command line that took the date in UTC. (POSIX time zones, so no time zone database is needed.)
#[test]
fn the_default_today_is_the_local_date() {
    for (tz, offset) in [("XXX-14", 14), ("XXX+12", -12), ("UTC0", 0)] {
        in_zone(tz, offset, &["caseload", "tests/caseload/small.csv"], |out, local| {
            assert_eq!(out.status.code(), Some(0), "{tz}: {}", stderr(out));
            let v: serde_json::Value = serde_json::from_str(&stdout(out)).expect("JSON");
            assert_eq!(v["today"], local.to_string(), "TZ={tz}");
        });
        // The table too: a plan that starts today has its first samtale open now; one that starts
        // tomorrow has it upcoming.
        let status = |out: &Output| {
            let text = stdout(out);
            let a1 = text
                .lines()
                .find(|l| l.starts_with("A1 "))
                .unwrap_or_default()
                .to_string();
            assert!(out.status.success(), "{}", stderr(out));
            a1
        };
        in_zone(tz, offset, &[], |_, local| {
            let start = local.to_string();
            in_zone(tz, offset, &[&start, "--lang", "en"], |out, _| {
                assert!(status(out).ends_with("can be held now"), "TZ={tz}: {}", status(out));
            });
            let tomorrow = (local + chrono::Days::new(1)).to_string();
            in_zone(tz, offset, &[&tomorrow, "--lang", "en"], |out, _| {
                assert!(status(out).ends_with("upcoming"), "TZ={tz}: {}", status(out));
            });
        });
    }
}

/// Runs the binary with `stdin` fed by `feed` (until it fails: an endless input may be cut off),
/// and gives its output, or fails the test if it has not ended within `secs` seconds (it is
/// killed then, so a regression fails rather than hangs).
#[cfg(unix)]
fn run_within(secs: u64, args: &[&str], feed: impl FnOnce(std::process::ChildStdin) + Send + 'static) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let input = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || feed(input));
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} still runs after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    feeder.join().expect("feeder");
    out
}

#[cfg(unix)]
#[test]
fn an_endless_input_is_refused_at_the_limit_not_read_forever() {
    // /dev/zero, and an endless stream into /dev/stdin: at most 64 MB + 1 byte is read.
    let zero = run_within(60, &["caseload", "/dev/zero", "--today", "2024-06-05"], drop);
    let stream = run_within(
        60,
        &["caseload", "/dev/stdin", "--today", "2024-06-05", "--lang", "en"],
        |mut input| {
            let _ = input.write_all(b"medlem;start\n");
            let zeros = vec![0u8; 64 * 1024];
            while input.write_all(&zeros).is_ok() {}
        },
    );
    for (out, said) in [
        (zero, "Filen er større end 64 MB."),
        (stream, "The file is larger than 64 MB."),
    ] {
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert_eq!(stderr(&out), format!("samtaleplan: E_CSV_TOO_LARGE: {said}\n"));
        assert!(out.stdout.is_empty());
    }
    // `yes | samtaleplan caseload /dev/stdin`: the header "y" is refused, and the run ends.
    let yes = run_within(60, &["caseload", "/dev/stdin", "--today", "2024-06-05"], |mut input| {
        let lines = b"y\n".repeat(32 * 1024);
        while input.write_all(&lines).is_ok() {}
    });
    assert_eq!(yes.status.code(), Some(1), "{}", stderr(&yes));
    assert!(
        stderr(&yes).starts_with("samtaleplan: E_CSV_HEADER: "),
        "{}",
        stderr(&yes)
    );
}

/// An endless request (`--json`, or one endless `--jsonl` line) is read only to 64 MB to say how
/// large it is, then refused: the run ends; `--jsonl` stops there, since the next line cannot be
/// found without reading on.
#[cfg(unix)]
#[test]
fn an_endless_request_is_refused_not_read_forever() {
    for (args, first) in [
        (&["--json"][..], b"".as_slice()),
        (&["--jsonl"], b"{\"start\":\"2024-03-04\"}\n"),
    ] {
        let out = run_within(60, args, move |mut input| {
            let _ = input.write_all(first);
            let spaces = vec![b' '; 64 * 1024];
            while input.write_all(&spaces).is_ok() {}
        });
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let last = text.lines().last().expect("an answer");
        assert!(last.contains("\"code\":\"E_REQUEST_TOO_LARGE\""), "{args:?}: {last}");
        assert!(last.contains("mere end 64 MB"), "{args:?}: {last}");
        assert_eq!(text.lines().count(), first.len().min(1) + 1, "{args:?}: {text}");
    }
}

/// Every output to a full disk (`> /dev/full`) is exit status 74, help and version too.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_exit_status_74_for_every_output() {
    for args in [
        &["--help"][..],
        &["--version"],
        &["caseload", "--help"],
        &["2024-03-04"],
        &["caseload", "tests/caseload/small.csv", "--today", "2024-06-05"],
        &["--json"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let mut child = Command::new(env!("CARGO_BIN_EXE_samtaleplan"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::from(full))
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut input = child.stdin.take().expect("stdin");
        let _ = input.write_all(br#"{"start":"2024-03-04"}"#);
        drop(input);
        let out = child.wait_with_output().expect("output");
        assert_eq!(out.status.code(), Some(74), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).starts_with("samtaleplan: "), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{args:?}");
    }
}

#[test]
fn a_byte_order_mark_is_allowed_on_the_first_jsonl_line_only() {
    let request = br#"{"start":"2024-03-04"}"#;
    let input = [
        b"\xEF\xBB\xBF",
        &request[..],
        b"\n",
        b"\xEF\xBB\xBF",
        &request[..],
        b"\n",
    ]
    .concat();
    let out = run(&["--jsonl"], &input);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    // The first is the plan of the request without the mark.
    assert_eq!(
        lines[0],
        serde_json::from_str::<serde_json::Value>(&samtaleplan::plan_json(
            std::str::from_utf8(request).expect("utf-8")
        ))
        .expect("JSON")
    );
    // On a later line the mark is a character the JSON does not allow.
    assert_eq!(lines[1]["error"]["code"], "E_JSON", "{}", lines[1]);
}

#[test]
fn caseload_says_in_its_json_when_a_quoted_field_takes_in_member_rows() {
    let text = "medlem;start;note\n1;04-03-2024;\n2;04-03-2024;\"VIP\n3;04-03-2024;\n4;04-03-2024;\n5;04-03-2024;ring igen\"\n";
    let path = std::env::temp_dir().join(format!("samtaleplan-cli-quote-{}.csv", std::process::id()));
    std::fs::write(&path, text).expect("written");
    let out = run(
        &["caseload", path.to_str().expect("path"), "--today", "2024-06-05"],
        b"",
    );
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let core = samtaleplan::caseload::caseload(
        text.as_bytes(),
        samtaleplan::caseload::Options::new(samtaleplan::rules::dates::ymd(2024, 6, 5), samtaleplan::Lang::Da),
    )
    .expect("read");
    let warning = json["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .find(|w| w["code"] == "W_QUOTE_SPANS_ROWS")
        .expect("the warning");
    let said = core
        .warnings
        .iter()
        .find(|w| w.code == "W_QUOTE_SPANS_ROWS")
        .expect("the core's");
    assert_eq!(warning["text"], said.text.as_str());
    assert!(
        said.text.contains("linje 4, 5, 6 (i rækken fra linje 3)"),
        "{}",
        said.text
    );
    assert_eq!(json["members"], 2);
}

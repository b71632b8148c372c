//! The command line: `--jsonl`, `--json` and the readable table.

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
        &["2024-03-04", "--deltid", "--pause", "2024-04-01:2024-04-12:sygdom"],
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
        text.starts_with("medlem;regler;samtale;titel;holdes_af;tidligst;senest;dage_over\r\n"),
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
        stdout(&out).starts_with("indicator;count;of;per_mille\r\nfirst_within_1_5_months;7;8;875\r\n"),
        "{}",
        stdout(&out)
    );
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

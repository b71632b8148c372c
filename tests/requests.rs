//! Bad input the case tables cannot express: broken JSON, duplicate keys, sizes and counts at
//! their limits, and the language of every message.

use samtaleplan::{ErrorCode, plan_json, plan_str};
use serde_json::{Value, json};

fn code(text: &str) -> String {
    let v: Value = serde_json::from_str(&plan_json(text)).expect("always JSON");
    v["error"]["code"].as_str().unwrap_or("(no error)").to_string()
}

fn message(text: &str) -> String {
    plan_str(text).expect_err("an error").message
}

#[test]
fn broken_json_is_e_json() {
    for bad in [
        "",
        "{",
        "{\"start\":}",
        "start=2024-03-04",
        "{\"start\":\"2024-03-04\",}",
        "\u{feff}{}",
        "[",
        "nul",
    ] {
        assert_eq!(code(bad), "E_JSON", "{bad:?}");
    }
    // Nested 10,000 deep and never closed: the text ends too early, not a stack overflow.
    assert_eq!(code(&"[".repeat(10_000)), "E_JSON");
    let nested = |depth: usize| {
        format!(
            r#"{{"start":"2024-03-04","x":{}1{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    // Within 128 levels a value under an unknown field is refused by the field's name; past
    // them, the text is refused for its depth, not a stack overflow.
    assert_eq!(code(&nested(30)), "E_UNKNOWN_FIELD");
    assert!(message(&nested(30)).contains("“x”"), "{}", message(&nested(30)));
    assert_eq!(code(&nested(10_000)), "E_JSON");
    assert!(message(&nested(10_000)).contains("128"), "{}", message(&nested(10_000)));
}

#[test]
fn not_an_object() {
    for bad in ["null", "[]", "\"2024-03-04\"", "42", "true"] {
        assert_eq!(code(bad), "E_NOT_OBJECT", "{bad}");
    }
}

#[test]
fn duplicate_keys_are_refused_not_overwritten() {
    assert_eq!(
        code(r#"{"start":"2024-03-04","start":"2010-01-01"}"#),
        "E_DUPLICATE_FIELD"
    );
    assert_eq!(
        code(r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-02","to":"2024-04-03"}]}"#),
        "E_DUPLICATE_FIELD"
    );
    assert!(message(r#"{"start":"2024-03-04","start":"2010-01-01"}"#).contains("“start”"));
}

#[test]
fn request_size_limit_is_64_kib() {
    let pad = |n: usize| format!(r#"{{"start":"2024-03-04"{}}}"#, " ".repeat(n));
    let base = pad(0).len();
    assert_eq!(code(&pad(64 * 1024 - base)), "(no error)", "exactly 64 KiB is fine");
    assert_eq!(code(&pad(64 * 1024 - base + 1)), "E_REQUEST_TOO_LARGE");
    // A 10 MB request is refused before it is parsed.
    assert_eq!(
        code(&format!(r#"{{"start":"{}"}}"#, "9".repeat(10_000_000))),
        "E_REQUEST_TOO_LARGE"
    );
}

#[test]
fn at_most_1000_pauses() {
    let pauses = |n: usize| {
        let p: Vec<Value> = (0..n)
            .map(|_| json!({"from": "2024-04-01", "to": "2024-04-01"}))
            .collect();
        json!({"start": "2024-03-04", "pauses": p}).to_string()
    };
    assert_eq!(code(&pauses(1000)), "(no error)");
    assert_eq!(code(&pauses(1001)), "E_TOO_MANY_PAUSES");
}

#[test]
fn messages_follow_the_request_language() {
    let da = message(r#"{"start":"2024-02-30"}"#);
    let en = message(r#"{"start":"2024-02-30","lang":"en"}"#);
    assert!(da.contains("findes ikke"), "{da}");
    assert!(en.contains("does not exist"), "{en}");
    // An impossible date is named as a person says it, in the words of the form ("Periode 1").
    assert_eq!(da, "Første ledighedsdag: 30. februar 2024 findes ikke (“2024-02-30”).");
    assert_eq!(
        en,
        "The first day of unemployment: 30 February 2024 does not exist (“2024-02-30”)."
    );
    let pause = message(r#"{"start":"2024-03-04","pauses":[{"from":"2024-13-01","to":"2024-04-01"}]}"#);
    assert_eq!(pause, "Periode 1, fra og med: måned 13 findes ikke (“2024-13-01”).");
    let reversed = message(r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-12","to":"2024-04-01"}]}"#);
    assert!(
        reversed.starts_with("Periode 1: perioden slutter (1. april 2024)"),
        "{reversed}"
    );
    // Errors found before the JSON is read still honour a plain "lang":"en".
    let big = format!(r#"{{"lang":"en","start":"2024-03-04","x":"{}"}}"#, "a".repeat(70_000));
    assert!(message(&big).contains("limit"), "{}", message(&big));
    // A bad lang is reported in Danish, the default.
    assert!(message(r#"{"start":"2024-03-04","lang":"xx"}"#).contains("ukendte værdi"));
    // Every error in English names no Danish-only words such as "feltet".
    let en = message(r#"{"start":"2024-03-04","lang":"en","pauses":[{"from":"2024-04-12","to":"2024-04-01"}]}"#);
    assert!(en.contains("ends") && !en.contains("slutter"), "{en}");
}

#[test]
fn hostile_text_is_quoted_short_and_escaped() {
    let hostile = format!("<script>alert(1)</script>\u{202e}{}", "x".repeat(5000));
    let req = json!({"start": hostile}).to_string();
    let msg = message(&req);
    assert!(msg.chars().count() < 200, "{msg}");
    assert!(msg.contains("\\u{202e}"), "{msg}");
    assert!(!msg.contains('\u{202e}'));
    let req = json!({"start": "2024-03-04", "\u{0}\u{202e}evil": 1}).to_string();
    assert_eq!(code(&req), "E_UNKNOWN_FIELD");
}

#[test]
fn json_nulls_mean_absent_for_optional_fields() {
    let out = plan_str(r#"{"start":"2024-03-04","insurance":null,"group":null,"pauses":null,"handover":null,"today":null,"lang":null}"#)
        .expect("valid");
    assert_eq!(out.samtaler.len(), 7);
    assert_eq!(code(r#"{"start":null}"#), "E_MISSING_FIELD");
}

#[test]
fn every_error_code_has_a_message_in_both_languages() {
    // One request per code reachable from JSON; the list must cover them all.
    let cases = [
        (ErrorCode::Json, r#"{"#.to_string()),
        (
            ErrorCode::RequestTooLarge,
            format!("{{\"start\":\"{}\"}}", "1".repeat(70_000)),
        ),
        (ErrorCode::NotObject, "[]".into()),
        (ErrorCode::UnknownField, r#"{"start":"2024-03-04","x":1}"#.into()),
        (
            ErrorCode::DuplicateField,
            r#"{"start":"2024-03-04","start":"2024-03-04"}"#.into(),
        ),
        (ErrorCode::MissingField, r#"{}"#.into()),
        (ErrorCode::Type, r#"{"start":1}"#.into()),
        (ErrorCode::DateFormat, r#"{"start":"x"}"#.into()),
        (ErrorCode::DateInvalid, r#"{"start":"2024-02-30"}"#.into()),
        (
            ErrorCode::DateRange,
            r#"{"start":"2024-03-04","today":"1800-01-01"}"#.into(),
        ),
        (
            ErrorCode::UnknownValue,
            r#"{"start":"2024-03-04","insurance":"x"}"#.into(),
        ),
        (ErrorCode::StartTooEarly, r#"{"start":"2015-01-01"}"#.into()),
        (ErrorCode::StartTooLate, r#"{"start":"2100-01-01"}"#.into()),
        (
            ErrorCode::PauseReversed,
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-02","to":"2024-04-01"}]}"#.into(),
        ),
        (
            ErrorCode::TooManyPauses,
            format!(r#"{{"start":"2024-03-04","pauses":[{}]}}"#, vec!["{}"; 1001].join(",")),
        ),
        (
            ErrorCode::HandoverRange,
            r#"{"start":"2024-03-04","handover":"2024-03-05"}"#.into(),
        ),
        (
            ErrorCode::HandoverNotApplicable,
            r#"{"start":"2024-03-04","group":"jobcenter_from_day_one","handover":"2024-06-01"}"#.into(),
        ),
        (
            ErrorCode::GroupUnsupported,
            r#"{"start":"2020-03-02","group":"jobcenter_from_day_one"}"#.into(),
        ),
    ];
    let covered: Vec<ErrorCode> = cases.iter().map(|(c, _)| *c).collect();
    for code in ErrorCode::ALL {
        // Usage, Render and Internal cannot come from a request, nor the caseload file's codes.
        let reachable = !matches!(code, ErrorCode::Usage | ErrorCode::Render | ErrorCode::Internal)
            && !code.as_str().starts_with("E_CSV_");
        assert_eq!(covered.contains(code), reachable, "{code}");
    }
    for (want, req) in &cases {
        let mut messages = Vec::new();
        for lang in ["da", "en"] {
            let req = match *want {
                ErrorCode::RequestTooLarge => format!(r#"{{"lang":"{lang}","start":"{}"}}"#, "1".repeat(70_000)),
                _ if req.len() > 2 && req.starts_with('{') => req.replacen('{', &format!(r#"{{"lang":"{lang}","#), 1),
                _ => req.clone(),
            };
            let err = plan_str(&req).expect_err("an error");
            assert_eq!(err.code, *want, "{req}");
            assert!(err.message.len() > 10, "{want}: {}", err.message);
            messages.push(err.message);
        }
        // A request that can say its language gets the message in it.
        let says_lang = req.len() > 2 && req.starts_with('{') || *want == ErrorCode::RequestTooLarge;
        assert_eq!(messages[0] != messages[1], says_lang, "{want}: {messages:?}");
    }
}

#[test]
fn errors_name_their_field() {
    let field = |req: &str| plan_str(req).expect_err("an error").field;
    assert_eq!(field(r#"{"start":"2024-02-30"}"#).as_deref(), Some("start"));
    assert_eq!(field(r#"{"start":"2010-01-01"}"#).as_deref(), Some("start"));
    assert_eq!(field(r#"{"start":"2024-03-04","today":"x"}"#).as_deref(), Some("today"));
    assert_eq!(
        field(r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-02"},{"from":"2024-04-09","to":"2024-04-08"}]}"#)
            .as_deref(),
        Some("pauses[1].to")
    );
    assert_eq!(
        field(r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","too":1}]}"#).as_deref(),
        Some("pauses[0].too")
    );
    assert_eq!(
        field(r#"{"start":"2024-03-04","handover":"2024-03-05"}"#).as_deref(),
        Some("handover")
    );
    assert_eq!(
        field(r#"{"start":"2020-03-02","group":"jobcenter_from_day_one"}"#).as_deref(),
        Some("group")
    );
    assert_eq!(field("{"), None);
    // An empty date field reads as missing, in plain words.
    assert_eq!(
        message(r#"{"start":""}"#),
        "Første ledighedsdag mangler. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-03-04."
    );
}

/// Counts of one are singular in the explanations too, and a pause is a "periode uden dagpenge".
#[test]
fn one_weekday_without_dagpenge_is_singular() {
    let explanations = |lang: &str| -> Vec<String> {
        let json =
            format!(r#"{{"start":"2024-03-04","lang":"{lang}","pauses":[{{"from":"2024-04-02","to":"2024-04-02"}}]}}"#);
        let plan = plan_str(&json).expect("a plan");
        let mut all: Vec<String> = plan.samtaler.iter().map(|s| s.explanation.clone()).collect();
        all.extend(plan.assumptions.iter().map(|m| m.text.clone()));
        all
    };
    let da = explanations("da");
    assert!(
        da.iter().any(|e| e.contains("(1 hverdag uden dagpenge tæller ikke)")),
        "{da:#?}"
    );
    assert!(
        da.iter()
            .any(|e| e.contains("ud over de angivne perioder uden dagpenge")),
        "{da:#?}"
    );
    let en = explanations("en");
    assert!(
        en.iter()
            .any(|e| e.contains("(1 weekday without dagpenge does not count)")),
        "{en:#?}"
    );
}

/// Five kinds of part-time work: four are named, and "1 periode mere" (singular) sums up the fifth.
#[test]
fn one_more_period_is_singular() {
    let week = |i: u32, h: u32| {
        format!(
            r#"{{"from":"2024-04-{:02}","to":"2024-04-{:02}","hours_per_week":{h}}}"#,
            1 + 7 * i,
            5 + 7 * i
        )
    };
    let pauses: Vec<String> = (0..4)
        .map(|i| week(i, i + 1))
        .chain([r#"{"from":"2024-05-06","to":"2024-05-10","hours_per_week":5}"#.to_string()])
        .collect();
    let json = format!(r#"{{"start":"2024-03-04","pauses":[{}]}}"#, pauses.join(","));
    let plan = plan_str(&json).expect("a plan");
    let all: Vec<&str> = plan.samtaler.iter().map(|s| s.explanation.as_str()).collect();
    assert!(all.iter().any(|e| e.contains("; og 1 periode mere)")), "{all:#?}");
}

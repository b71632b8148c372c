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

/// The page refuses a link with too many pauses by their count before reading any (www/url.js):
/// its copy of the limit is the contract's, so the page and the core refuse the same links.
#[test]
fn the_pages_limit_on_pauses_is_the_contracts() {
    let js = include_str!("../www/url.js");
    let line = js
        .lines()
        .find_map(|l| l.strip_prefix("export const MAX_PAUSES = "))
        .expect("www/url.js exports MAX_PAUSES");
    let n: usize = line.trim_end_matches(';').parse().expect("a number");
    assert_eq!(n, samtaleplan::contract::fields::MAX_PAUSES);
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
            ErrorCode::PriorHours,
            r#"{"start":"2024-03-04","prior_hours":6000}"#.into(),
        ),
        (
            ErrorCode::OpenEndedNoHours,
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","reason":"arbejde","hours_per_week":37}]}"#.into(),
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

/// Schema 2's bad input (issue 20): prior hours below 0, with three decimals, over a whole
/// dagpengeperiode or not a number; a full pause without its last day; part-time work without an
/// end that leaves no hours — each with its code, its field and a message in both languages that
/// says what to do.
#[test]
fn schema_2_input_is_refused_in_words() {
    let err = |req: &str| plan_str(req).expect_err("an error");
    let both = |req: &str| {
        let en = req.replacen('{', r#"{"lang":"en","#, 1);
        (err(req), err(&en))
    };
    for (value, code) in [
        ("-1", ErrorCode::UnknownValue),
        ("-0.01", ErrorCode::UnknownValue),
        ("-0.0", ErrorCode::UnknownValue),
        ("-0", ErrorCode::UnknownValue),
        ("10.555", ErrorCode::UnknownValue),
        (r#""500""#, ErrorCode::Type),
        ("true", ErrorCode::Type),
        ("5772.01", ErrorCode::PriorHours),
        ("1e9", ErrorCode::PriorHours),
        ("99999999999999999999", ErrorCode::PriorHours),
    ] {
        let (da, en) = both(&format!(r#"{{"start":"2024-03-04","prior_hours":{value}}}"#));
        assert_eq!((da.code, da.field.as_deref()), (code, Some("prior_hours")), "{value}");
        assert_eq!(en.code, code, "{value}");
        assert!(da.message.starts_with("Timer fra tidligere ledighed"), "{}", da.message);
        assert!(
            en.message.starts_with("Hours from earlier unemployment"),
            "{}",
            en.message
        );
    }
    let (da, en) = both(r#"{"start":"2024-03-04","prior_hours":"481,25"}"#);
    assert_eq!(
        da.message,
        "Timer fra tidligere ledighed skal være et tal, fx 481 eller 481,25."
    );
    assert_eq!(
        en.message,
        "Hours from earlier unemployment must be a number, e.g. 481 or 481.25."
    );
    let (da, en) = both(r#"{"start":"2024-03-04","prior_hours":-5}"#);
    assert!(
        da.message
            .contains("som et tal fra 0 med højst to decimaler, fx 481 eller 481,25"),
        "{}",
        da.message
    );
    assert!(
        en.message.contains("as a number from 0 with at most two decimals"),
        "{}",
        en.message
    );
    // 0 is a number of hours from before, however it is written; 5772.00 is the limit itself.
    for zero in ["0", "0.0", "0.00"] {
        let p = plan_str(&format!(r#"{{"start":"2024-03-04","prior_hours":{zero}}}"#)).expect(zero);
        assert_eq!(p.prior_hours.0.0, 0, "{zero}");
    }
    assert!(plan_str(r#"{"start":"2024-03-04","prior_hours":5772.00}"#).is_ok());
    assert!(plan_str(r#"{"start":"2024-03-04","prior_hours":5771.99}"#).is_ok());
    for big in ["9999999.5", "123456789.25", "1e15"] {
        let e = plan_str(&format!(r#"{{"start":"2024-03-04","prior_hours":{big}}}"#)).expect_err(big);
        assert_eq!(e.code, ErrorCode::PriorHours, "{big}");
    }
    // The limit depends on the insurance; both limits are valid values.
    for (insurance, ok, over, da_limit, en_limit) in [
        (
            "fuldtid",
            "5772",
            "5772.01",
            "højst er 5.772 timer for fuldtidsforsikrede",
            "at most 5,772 hours when insured full-time",
        ),
        (
            "deltid",
            "4680",
            "4680.01",
            "højst er 4.680 timer for deltidsforsikrede",
            "at most 4,680 hours when insured part-time",
        ),
    ] {
        assert!(
            plan_str(&format!(
                r#"{{"start":"2024-03-04","insurance":"{insurance}","prior_hours":{ok}}}"#
            ))
            .is_ok()
        );
        let (da, en) = both(&format!(
            r#"{{"start":"2024-03-04","insurance":"{insurance}","prior_hours":{over}}}"#
        ));
        assert_eq!(da.code, ErrorCode::PriorHours);
        assert!(
            da.message.contains(da_limit) && da.message.contains("4680,01") == (insurance == "deltid"),
            "{}",
            da.message
        );
        assert!(en.message.contains(en_limit), "{}", en.message);
        assert!(da.message.contains("a-kassens selvbetjening"), "{}", da.message);
    }
    // Only part-time work may go without an end.
    for reason in ["andet", "sygdom", "arbejde"] {
        let (da, en) = both(&format!(
            r#"{{"start":"2024-03-04","pauses":[{{"from":"2024-04-01","reason":"{reason}"}}]}}"#
        ));
        assert_eq!(
            (da.code, da.field.as_deref()),
            (ErrorCode::MissingField, Some("pauses[0].to"))
        );
        assert_eq!(
            da.message,
            "Periode 1, til og med mangler. Kun arbejde på nedsat tid kan stå uden slutdato (indtil videre); en periode uden dagpenge skal have sin sidste dag."
        );
        assert!(
            en.message
                .starts_with("Period 1, to is missing. Only part-time work may be given without an end"),
            "{}",
            en.message
        );
    }
    // Without an end, 37 hours (deltid 30) leave no hours; 36.99 leave too few for 2200.
    let (da, en) = both(
        r#"{"start":"2024-03-04","pauses":[{"from":"2024-01-01","to":"2024-01-31"},{"from":"2024-06-03","reason":"arbejde","hours_per_week":37}]}"#,
    );
    assert_eq!(
        (da.code, da.field.as_deref()),
        (ErrorCode::OpenEndedNoHours, Some("pauses[1].to"))
    );
    assert_eq!(
        da.message,
        "Periode 2: arbejdet har ingen slutdato, og med 37 timers arbejde om ugen fra 3. juni 2024 tæller ingen timer (du arbejder 37 timer om ugen eller mere). Så nås de senere frister aldrig. Skriv den dato, arbejdet slutter, eller den dato, du regner med."
    );
    assert!(
        en.message.starts_with(
            "Period 2: the work has no end date, and with 37 hours of work a week from 3 June 2024 no hours count"
        ),
        "{}",
        en.message
    );
    let deltid =
        err(r#"{"start":"2024-03-04","insurance":"deltid","pauses":[{"from":"2024-06-03","hours_per_week":30}]}"#);
    assert_eq!(deltid.code, ErrorCode::OpenEndedNoHours);
    assert!(
        deltid.message.contains("du arbejder 30 timer om ugen eller mere"),
        "{}",
        deltid.message
    );
    let few = err(r#"{"start":"2024-03-04","pauses":[{"from":"2024-03-04","hours_per_week":36.99}]}"#);
    assert_eq!(few.code, ErrorCode::OpenEndedNoHours);
    assert!(
        few.message
            .contains("tæller så få timer, at 16 måneders ledighed ikke nås før år 2200"),
        "{}",
        few.message
    );
    // With an end, the same hours are a long but valid period; 29.99 hours deltid without an end are valid.
    assert!(
        plan_str(r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-03","to":"2024-12-31","hours_per_week":37}]}"#)
            .is_ok()
    );
    assert!(
        plan_str(r#"{"start":"2024-03-04","insurance":"deltid","pauses":[{"from":"2024-06-03","hours_per_week":20}]}"#)
            .is_ok()
    );
}

/// A year refused for its range names the year it likely meant: two digits swapped back, near the
/// first day (or, for the first day, near today).
#[test]
fn a_year_out_of_range_suggests_the_year_meant() {
    let e = plan_str(r#"{"start":"2026-08-03","pauses":[{"from":"2026-11-01","to":"2206-11-16"}]}"#).expect_err("2206");
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::DateRange, Some("pauses[0].to"))
    );
    assert!(
        e.message.ends_with("skal ligge mellem år 1900 og 2199. Mente du 2026?"),
        "{}",
        e.message
    );
    let e = plan_str(r#"{"lang":"en","start":"2026-08-03","handover":"0226-11-02"}"#).expect_err("0226");
    assert!(e.message.ends_with("Did you mean 2026?"), "{}", e.message);
    let e = plan_str(r#"{"start":"2206-08-03","today":"2026-12-06"}"#).expect_err("2206");
    assert_eq!(e.code, ErrorCode::StartTooLate);
    assert!(e.message.ends_with("Mente du 2026?"), "{}", e.message);
    // No suggestion where no swap comes near, or nothing to compare with.
    let e = plan_str(r#"{"start":"2206-08-03"}"#).expect_err("2206");
    assert!(!e.message.contains("Mente du"), "{}", e.message);
    let e = plan_str(r#"{"start":"2026-08-03","today":"2300-01-01"}"#).expect_err("2300");
    assert!(!e.message.contains("Mente du"), "{}", e.message);
}

/// Issue 24: a number too large for a double (`1e400`) is valid JSON: a wrong value in its field
/// (`E_TYPE` with the field, as docs/contract.md says for an infinity), not broken JSON.
#[test]
fn a_number_too_large_is_the_wrong_type_in_its_field() {
    let err = |req: &str| plan_str(req).expect_err(req);
    for (req, field, words) in [
        (
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-30","reason":"arbejde","hours_per_week":1e400}]}"#,
            "pauses[0].hours_per_week",
            "Periode 1, timer om ugen skal være et tal",
        ),
        (
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-02"},{"from":"2024-06-01","hours_per_week":-1e400}]}"#,
            "pauses[1].hours_per_week",
            "Periode 2, timer om ugen skal være et tal",
        ),
        (
            r#"{"start":"2024-03-04","prior_hours":1e999}"#,
            "prior_hours",
            "skal være et tal",
        ),
        (r#"{"start":1e400}"#, "start", "skal være en tekst"),
        (
            r#"{"start":"2024-03-04","compare":1e400}"#,
            "compare",
            "true eller false",
        ),
        (r#"{"start":"2024-03-04","pauses":1e400}"#, "pauses", "være en liste"),
    ] {
        let e = err(req);
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::Type, Some(field)),
            "{req}: {e:?}"
        );
        assert!(e.message.contains(words), "{req}: {}", e.message);
        assert_eq!(code(req), "E_TYPE", "{req}");
    }
    let e = err(r#"{"start":"2024-03-04","pauses":[1e400]}"#);
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::NotObject, Some("pauses[0]")));
    assert_eq!(code("1e400"), "E_NOT_OBJECT");
    // Under an unknown field, the field is what is wrong.
    assert_eq!(code(r#"{"start":"2024-03-04","x":1e400}"#), "E_UNKNOWN_FIELD");
    // Broken JSON after the number is still broken JSON.
    assert_eq!(
        code(r#"{"start":"2024-03-04","pauses":[{"hours_per_week":1e400,}]}"#),
        "E_JSON"
    );
    assert!(
        message(r#"{"start":"2024-03-04","pauses":[{"hours_per_week":1e400,}]}"#)
            .contains("ikke gyldig JSON (linje 1, tegn 57)")
    );
    assert_eq!(code(r#"{"start":"2024-03-04"} 1e400"#), "E_JSON");
    // In English too; a large number that a double holds is read as before.
    let en = err(r#"{"lang":"en","start":"2024-03-04","pauses":[{"from":"2024-06-01","hours_per_week":1e400}]}"#);
    assert!(
        en.message.starts_with("Period 1, hours per week must be a number"),
        "{}",
        en.message
    );
    assert_eq!(
        code(r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","hours_per_week":1e300}]}"#),
        "E_UNKNOWN_VALUE"
    );
}

/// Every field of a request has its own name in a message, in the form's words, in both
/// languages (the labels of contract/fields.rs; mutation testing found four of them untested).
#[test]
fn each_field_is_named_in_its_own_words() {
    for (request, da, en) in [
        (
            r#""start":"2024-02-30""#,
            "Første ledighedsdag: ",
            "The first day of unemployment: ",
        ),
        (
            r#""start":"2024-03-04","today":"2024-02-30""#,
            "Dagens dato (today): ",
            "Today's date (today): ",
        ),
        (
            r#""start":"2024-03-04","handover":"2024-02-30""#,
            "Overgangsdatoen: ",
            "The hand-over date: ",
        ),
        (
            r#""start":"2024-03-04","group":"x""#,
            "Gruppen (group) har",
            "The group (group) has",
        ),
        (
            r#""start":"2024-03-04","insurance":"x""#,
            "Forsikringen (insurance) har",
            "The insurance (insurance) has",
        ),
        (
            r#""start":"2024-03-04","prior_hours":"x""#,
            "Timer fra tidligere ledighed ",
            "Hours from earlier unemployment ",
        ),
        (
            r#""start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-02-30"}]"#,
            "Periode 1, til og med: ",
            "Period 1, to: ",
        ),
    ] {
        let m = message(&format!("{{{request}}}"));
        assert!(m.starts_with(da), "{request}: {m}");
        let m = message(&format!(r#"{{"lang":"en",{request}}}"#));
        assert!(m.starts_with(en), "{request}: {m}");
    }
    // The language itself: a language it does not know is named in Danish.
    assert!(message(r#"{"start":"2024-03-04","lang":"xx"}"#).starts_with("Sproget (lang) har"));
}

/// A PlanError shown as text (the command line's and Rust callers' `{e}`) is its code and message.
#[test]
fn an_error_shows_as_its_code_and_message() {
    let e = plan_str(r#"{"start":"2024-02-30"}"#).expect_err("no such day");
    assert_eq!(e.to_string(), format!("E_DATE_INVALID: {}", e.message));
    assert!(e.message.starts_with("Første ledighedsdag"), "{}", e.message);
}

/// A number of the wrong type is asked for with an example of its own kind: hours used of a
/// dagpengeperiode (481), hours a week (15).
#[test]
fn a_number_of_the_wrong_type_gets_an_example_of_its_kind() {
    let prior = message(r#"{"start":"2024-03-04","lang":"en","prior_hours":true}"#);
    assert_eq!(
        prior,
        "Hours from earlier unemployment must be a number, e.g. 481 or 481.25."
    );
    let week = message(
        r#"{"start":"2024-03-04","lang":"en","pauses":[{"from":"2024-04-01","to":"2024-04-05","reason":"arbejde","hours_per_week":true}]}"#,
    );
    assert_eq!(week, "Period 1, hours per week must be a number, e.g. 15 or 18.5.");
}

/// What is not an object is `E_NOT_OBJECT` whatever it is; a list's language is its only item's
/// (as serde's derive once read a struct from a list), a longer list's is Danish.
#[test]
fn what_is_not_an_object_is_refused_as_such() {
    for text in [
        "-5",
        "5",
        "1.5",
        "true",
        "null",
        r#""x""#,
        "[]",
        r#"["en"]"#,
        r#"["en",1]"#,
    ] {
        assert_eq!(code(text), "E_NOT_OBJECT", "{text}");
    }
    assert!(message(r#"["en"]"#).starts_with("The request must be a JSON object"));
    for text in [r#"["en",1]"#, r#"["en",1,2]"#, r#"[1]"#] {
        assert!(
            message(text).starts_with("Forespørgslen skal være et JSON-objekt"),
            "{text}"
        );
    }
}

/// Past the first problem only the language is read, wherever it stands, and only when there is
/// one: a second `lang` makes the message Danish.
#[test]
fn past_a_problem_the_language_is_still_read() {
    let english = "Unknown field “x”";
    for text in [
        r#"{"lang":"en","x":1,"start":"2024-03-04"}"#,
        r#"{"x":1,"start":"2024-03-04","lang":"en"}"#,
        r#"{"x":1,"lang":"en","start":"2024-03-04"}"#,
    ] {
        assert!(message(text).starts_with(english), "{text}: {}", message(text));
    }
    for text in [
        r#"{"x":1,"lang":"en","lang":"en"}"#,
        r#"{"x":1,"lang":null}"#,
        r#"{"x":1,"lang":"fr"}"#,
    ] {
        assert!(
            message(text).starts_with("Ukendt felt “x”"),
            "{text}: {}",
            message(text)
        );
    }
}

/// Null is "not given" for every field, the flag `compare` too.
#[test]
fn null_is_not_given() {
    for field in [
        "insurance",
        "group",
        "pauses",
        "prior_hours",
        "handover",
        "today",
        "lang",
        "compare",
    ] {
        let text = format!(r#"{{"start":"2024-03-04","{field}":null}}"#);
        assert_eq!(code(&text), "(no error)", "{text}");
    }
}

/// A number too large for a double is a wrong value of its field, not broken JSON, wherever it
/// stands: after strings with escapes (`\\`, `\"`) and after an object closed inside a list.
#[test]
fn a_number_too_large_is_found_past_escapes_and_closed_objects() {
    for (text, code_, field) in [
        (
            r#"{"start":"2024-03-04","handover":"a\\b","today":1e400}"#,
            "E_TYPE",
            "today",
        ),
        (
            r#"{"start":"2024-03-04","handover":"a\"b","today":1e400}"#,
            "E_TYPE",
            "today",
        ),
        (
            r#"{"start":"2024-03-04","x":{"y":[1]},"today":1e400}"#,
            "E_UNKNOWN_FIELD",
            "x",
        ),
        (
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-02"},1e400]}"#,
            "E_NOT_OBJECT",
            "pauses[1]",
        ),
        (r#"{"start":"2024-03-04","today":1.25e400}"#, "E_TYPE", "today"),
        (r#"{"start":"2024-03-04","today":-12.5E+400}"#, "E_TYPE", "today"),
        (
            r#"{"start":"2024-03-04","handover":"a\"b","today":1e400,}"#,
            "E_JSON",
            "",
        ),
    ] {
        let v: Value = serde_json::from_str(&plan_json(text)).expect("always JSON");
        assert_eq!(v["error"]["code"], code_, "{text}");
        assert_eq!(v["error"]["field"].as_str().unwrap_or(""), field, "{text}");
    }
}

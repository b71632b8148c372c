//! The WebAssembly module in headless Chromium (wasm-bindgen-test): the JS-facing `plan`,
//! `planJson` and `render`, and every case table run through them. `./build.sh test` runs it
//! on both builds: the caseload module (with `planJson`) and the plan module (without).
#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::{Array, JSON, Reflect};
#[cfg(feature = "caseload")]
use samtaleplan::web::plan_json_js;
use samtaleplan::web::{plan_js, render_js};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| {
        Reflect::get(&v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn string(v: &JsValue) -> String {
    v.as_string().unwrap_or_else(|| format!("{v:?}"))
}

/// Answers a request through the JS-facing `plan`, shaped like the JSON-lines contract.
fn through_plan(request: &str) -> String {
    through_plan_value(js(request))
}

fn through_plan_value(request: JsValue) -> String {
    match plan_js(request) {
        Ok(v) => string(&JSON::stringify(&v).expect("stringify")),
        Err(e) => {
            let e: JsValue = e.into();
            serde_json::json!({"error": {"code": string(&get(&e, &["code"])), "message": string(&get(&e, &["message"]))}})
                .to_string()
        }
    }
}

#[wasm_bindgen_test]
fn every_case_table_holds_through_plan() {
    // As many as natively: every [[case]] in tests/cases/*.toml (run_all checks it too).
    let n = common::cases::run_all(through_plan);
    assert_eq!(n, common::cases::CASES);
}

#[cfg(feature = "caseload")]
#[wasm_bindgen_test]
fn every_case_table_holds_through_plan_json() {
    let n = common::cases::run_all(plan_json_js);
    assert_eq!(n, common::cases::CASES);
}

#[wasm_bindgen_test]
fn plan_returns_a_plain_object_with_the_contract_fields() {
    let v = plan_js(js(r#"{"start":"2024-03-04","today":"2024-05-01"}"#)).expect("a plan");
    assert!(v.is_object());
    assert_eq!(get(&v, &["schema"]).as_f64(), Some(2.0));
    assert_eq!(string(&get(&v, &["regime", "id"])), "R2024");
    assert_eq!(string(&get(&v, &["milestones", "handover"])), "2024-06-01");
    let samtaler: Array = get(&v, &["samtaler"]).dyn_into().expect("an array");
    assert_eq!(samtaler.length(), 7);
    let a1 = samtaler.get(0);
    assert_eq!(string(&get(&a1, &["latest"])), "2024-03-18");
    assert_eq!(string(&get(&a1, &["status"])), "past");
    assert_eq!(get(&a1, &["latest_non_working"]).as_bool(), Some(false));
    // None becomes null, not undefined, so JSON.stringify keeps every field.
    let v = plan_js(js(r#"{"start":"2024-03-04","group":"jobcenter_from_day_one"}"#)).expect("a plan");
    assert!(get(&v, &["milestones", "handover"]).is_null());
}

#[cfg(feature = "caseload")]
#[wasm_bindgen_test]
fn plan_and_plan_json_give_the_same_bytes() {
    for req in [
        r#"{"start":"2024-03-04"}"#,
        r#"{"start":"2024-01-01","lang":"en","today":"2024-03-29","insurance":"deltid"}"#,
        r#"{"start":"2025-02-07","pauses":[{"from":"2025-04-21","to":"2025-04-21","reason":"sygdom"}]}"#,
        r#"{"start":"2026-06-30","handover":"2026-09-01"}"#,
    ] {
        assert_eq!(through_plan(req), plan_json_js(req), "{req}");
    }
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_a_code() {
    for (req, code, words) in [
        (r#"{"start":"2024-02-30"}"#, "E_DATE_INVALID", "findes ikke"),
        (
            r#"{"start":"2024-02-30","lang":"en"}"#,
            "E_DATE_INVALID",
            "does not exist",
        ),
        (r#"{"start":"2024-03-04","extra":true}"#, "E_UNKNOWN_FIELD", "extra"),
        (r#"{"start":"2010-01-04"}"#, "E_START_TOO_EARLY", "2015"),
        (r#"[1,2]"#, "E_NOT_OBJECT", "objekt"),
        (
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-02","to":"2024-04-01"}]}"#,
            "E_PAUSE_REVERSED",
            "Periode 1",
        ),
    ] {
        let err: JsValue = plan_js(js(req)).expect_err(req).into();
        assert!(err.is_instance_of::<js_sys::Error>(), "{req}");
        assert_eq!(string(&get(&err, &["code"])), code, "{req}");
        assert!(
            string(&get(&err, &["message"])).contains(words),
            "{req}: {}",
            string(&get(&err, &["message"]))
        );
    }
    // Values JSON has no word for are refused, not guessed.
    for bad in [
        JsValue::UNDEFINED,
        JsValue::from_str("2024-03-04"),
        JsValue::from_f64(f64::NAN),
    ] {
        let err: JsValue = plan_js(bad).expect_err("refused").into();
        assert!(string(&get(&err, &["code"])).starts_with("E_"));
    }
    // `.field` says which field an error is about.
    let err: JsValue = plan_js(js(
        r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-02","to":"2024-04-01"}]}"#,
    ))
    .expect_err("refused")
    .into();
    assert_eq!(string(&get(&err, &["field"])), "pauses[0].to");
    // planJson never throws: it answers with the error object.
    #[cfg(feature = "caseload")]
    assert!(plan_json_js("{").starts_with(r#"{"error":{"code":"E_JSON""#));
}

fn new_div() -> web_sys::Element {
    let doc = web_sys::window().and_then(|w| w.document()).expect("a document");
    let div = doc.create_element("div").expect("div");
    doc.body().expect("body").append_child(&div).expect("append");
    div
}

#[wasm_bindgen_test]
fn render_builds_the_table() {
    let div = new_div();
    let v = render_js(&div, js(r#"{"start":"2024-03-04","today":"2024-05-01"}"#)).expect("drawn");
    assert_eq!(string(&get(&v, &["regime", "id"])), "R2024");
    let rows = div.query_selector_all("tbody tr").expect("rows");
    assert_eq!(rows.length(), 7);
    let a2 = div.query_selector("tr[data-id=A2]").expect("query").expect("A2 row");
    let text = a2.text_content().unwrap_or_default();
    assert!(text.contains("fredag 31. maj 2024"), "{text}");
    assert!(text.contains("a-kassen"), "{text}");
    assert!(text.contains("LAB § 31, stk. 1"), "{text}");
    let status = div
        .query_selector("tr[data-id=J1] .samtaleplan-status")
        .expect("q")
        .expect("status cell");
    assert_eq!(status.get_attribute("data-status").as_deref(), Some("upcoming"));
    let time = div
        .query_selector("tr[data-id=S16] .samtaleplan-latest time")
        .expect("q")
        .expect("time");
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2025-07-01"));
    // Drawing again replaces the plan rather than adding a second one.
    render_js(&div, js(r#"{"start":"2024-01-01","lang":"en"}"#)).expect("drawn");
    assert_eq!(div.query_selector_all("table").expect("tables").length(), 1);
    assert!(div.text_content().unwrap_or_default().contains("Monday 1 January 2024"));
}

#[wasm_bindgen_test]
fn render_leaves_the_element_alone_on_error() {
    let div = new_div();
    render_js(&div, js(r#"{"start":"2024-03-04"}"#)).expect("drawn");
    let before = div.inner_html();
    let err: JsValue = render_js(&div, js(r#"{"start":"<img src=x onerror=alert(1)>"}"#))
        .expect_err("refused")
        .into();
    assert_eq!(string(&get(&err, &["code"])), "E_DATE_FORMAT");
    assert_eq!(div.inner_html(), before);
    assert!(div.query_selector("img").expect("q").is_none());
}

#[wasm_bindgen_test]
fn deep_and_cyclic_objects_are_refused_and_the_module_keeps_working() {
    // 5,000 levels deep, built as JS objects (no JSON text to limit it).
    let deep = js_sys::Object::new();
    let mut inner: JsValue = deep.clone().into();
    for _ in 0..5000 {
        let next = js_sys::Object::new();
        Reflect::set(&inner, &JsValue::from_str("x"), &next).expect("set");
        inner = next.into();
    }
    // Under an unknown field it is refused by the field's name, unread; in a known field, as
    // the wrong type, unread.
    for (key, code) in [("x", "E_UNKNOWN_FIELD"), ("today", "E_TYPE")] {
        let request = js(r#"{"start":"2024-03-04"}"#);
        Reflect::set(&request, &JsValue::from_str(key), &deep).expect("set");
        let err: JsValue = plan_js(request).expect_err("refused").into();
        assert_eq!(string(&get(&err, &["code"])), code);
        assert_eq!(string(&get(&err, &["field"])), key);
    }
    // An object that contains itself, as a field and as a pause.
    let cyclic = js(r#"{"start":"2024-03-04"}"#);
    Reflect::set(&cyclic, &JsValue::from_str("x"), &cyclic).expect("set");
    let err: JsValue = plan_js(cyclic).expect_err("refused").into();
    assert_eq!(string(&get(&err, &["code"])), "E_UNKNOWN_FIELD");
    let cyclic = js(r#"{"start":"2024-03-04","pauses":[{"from":"2024-04-01","to":"2024-04-02"}]}"#);
    let pause = get(&cyclic, &["pauses"]);
    let pause = Reflect::get(&pause, &JsValue::from_f64(0.0)).expect("pause");
    Reflect::set(&pause, &JsValue::from_str("reason"), &cyclic).expect("set");
    let err: JsValue = plan_js(cyclic).expect_err("refused").into();
    assert_eq!(string(&get(&err, &["code"])), "E_TYPE");
    assert_eq!(string(&get(&err, &["field"])), "pauses[0].reason");
    // The module is unharmed.
    let v = plan_js(js(r#"{"start":"2024-03-04"}"#)).expect("a plan after the refusals");
    assert_eq!(string(&get(&v, &["regime", "id"])), "R2024");
}

/// `request` with `key` set to `value`, through `plan`: the error code, or "ok".
fn with(key: &str, value: &JsValue) -> String {
    let request = js(r#"{"start":"2024-03-04"}"#);
    Reflect::set(&request, &JsValue::from_str(key), value).expect("set");
    match plan_js(request) {
        Ok(_) => "ok".into(),
        Err(e) => string(&get(&e.into(), &["code"])),
    }
}

#[wasm_bindgen_test]
fn js_values_are_read_as_their_json_would_be() {
    // `undefined` is null: absent for a known field, still refused as an unknown one.
    assert_eq!(with("today", &JsValue::UNDEFINED), "ok");
    assert_eq!(with("extra", &JsValue::UNDEFINED), "E_UNKNOWN_FIELD");
    // A number where a string belongs, finite or not, is the wrong type (JSON.stringify would
    // write Infinity as null; a request object is not JSON text, and a date is not a number).
    assert_eq!(with("today", &JsValue::from_f64(2024.0)), "E_TYPE");
    assert_eq!(with("today", &JsValue::from_f64(f64::INFINITY)), "E_TYPE");
    assert_eq!(with("today", &JsValue::NULL), "ok");
    // Values JSON cannot express are refused, not dropped as JSON.stringify would.
    let function = js_sys::Function::new_no_args("return 1");
    assert_eq!(with("today", &function), "E_JSON");
    assert_eq!(with("today", &js_sys::BigInt::from(5u64).into()), "E_JSON");
    assert_eq!(with("today", &js_sys::Symbol::for_("x").into()), "E_JSON");
    // A Date object is not a date string.
    assert_eq!(with("today", &js_sys::Date::new_0().into()), "E_TYPE");
    // A getter that throws is an E_JSON, and the module goes on.
    let request = js(r#"{"start":"2024-03-04"}"#);
    let throwing = js_sys::Function::new_no_args("throw new Error('boom')");
    let descriptor = js_sys::Object::new();
    Reflect::set(&descriptor, &JsValue::from_str("get"), &throwing).expect("set");
    Reflect::set(&descriptor, &JsValue::from_str("enumerable"), &JsValue::TRUE).expect("set");
    js_sys::Object::define_property(
        request.unchecked_ref::<js_sys::Object>(),
        &JsValue::from_str("today"),
        &descriptor,
    );
    let err: JsValue = plan_js(request).expect_err("refused").into();
    assert_eq!(string(&get(&err, &["code"])), "E_JSON");
    assert!(string(&get(&err, &["message"])).contains("boom"));
    assert_eq!(string(&get(&err, &["field"])), "today");
    assert_eq!(with("today", &JsValue::from_str("2024-05-01")), "ok");
}

/// Limits are refused from what the objects say of themselves, before serde copies anything:
/// a list's `length`, a string's `length`. Paths reach into the pauses.
#[wasm_bindgen_test]
fn limits_and_pauses_are_refused_with_a_code_and_a_path() {
    let huge = js_sys::Array::new_with_length(1_000_000_000);
    let started = js_sys::Date::now();
    assert_eq!(with("pauses", &huge), "E_TOO_MANY_PAUSES");
    let big = JsValue::from_str(&"9".repeat(10_000_000));
    assert_eq!(with("start", &big), "E_REQUEST_TOO_LARGE");
    let pause = js(r#"[{"from":"2024-04-01","to":"2024-04-02"}]"#);
    let first = Reflect::get(&pause, &JsValue::from_f64(0.0)).expect("pause");
    Reflect::set(&first, &JsValue::from_str("to"), &big).expect("set");
    assert_eq!(with("pauses", &pause), "E_REQUEST_TOO_LARGE");
    assert!(js_sys::Date::now() - started < 1000.0, "refused quickly");
    // Paths inside pauses, as plan_json gives them.
    for (pauses, code, field) in [
        (r#"[["2024-04-01","2024-04-02"]]"#, "E_NOT_OBJECT", "pauses[0]"),
        (
            r#"[{"from":"2024-04-01","to":"2024-04-02"},"x"]"#,
            "E_NOT_OBJECT",
            "pauses[1]",
        ),
        (
            r#"[{"from":"2024-04-01","to":"2024-04-02","days":3}]"#,
            "E_UNKNOWN_FIELD",
            "pauses[0].days",
        ),
        (r#"[{"from":"2024-04-01","to":5}]"#, "E_TYPE", "pauses[0].to"),
        (
            r#"[{"from":"2024-04-01","to":"2024-04-02","reason":"x"}]"#,
            "E_UNKNOWN_VALUE",
            "pauses[0].reason",
        ),
        (r#"[{"from":"2024-04-01"}]"#, "E_MISSING_FIELD", "pauses[0].to"),
        (r#"{"from":"2024-04-01"}"#, "E_TYPE", "pauses"),
        (r#""2024-04-01""#, "E_TYPE", "pauses"),
    ] {
        let request = js(r#"{"start":"2024-03-04"}"#);
        Reflect::set(&request, &JsValue::from_str("pauses"), &js(pauses)).expect("set");
        let err: JsValue = plan_js(request).expect_err("refused").into();
        assert_eq!(string(&get(&err, &["code"])), code, "{pauses}");
        assert_eq!(string(&get(&err, &["field"])), field, "{pauses}");
        let text = format!(r#"{{"start":"2024-03-04","pauses":{pauses}}}"#);
        let line = samtaleplan::plan_json(&text);
        assert!(
            line.contains(&format!(r#""code":"{code}""#)) && line.contains(&format!(r#""field":"{field}""#)),
            "{line}"
        );
    }
    // A plan comes back with null, not undefined, for the contract's null fields.
    let v = plan_js(js(r#"{"start":"2020-03-02"}"#)).expect("plan");
    assert!(get(&v, &["milestones", "handover"]).is_null());
    assert!(Reflect::has(&get(&v, &["milestones"]), &JsValue::from_str("handover")).expect("has"));
}

/// The module's memory in bytes.
fn memory_bytes() -> f64 {
    get(&wasm_bindgen::memory(), &["buffer", "byteLength"])
        .as_f64()
        .expect("memory size")
}

/// Many plans and large texts, one after another, reuse the memory the first ones took (in the
/// plan module and in the caseload module alike, the standard allocator), and answer the same.
#[wasm_bindgen_test]
fn memory_reaches_a_steady_size() {
    let requests: Vec<String> = (0..50)
        .map(|i| {
            format!(
                r#"{{"start":"20{:02}-0{}-1{}","pauses":[{{"from":"2024-05-0{}","to":"2024-06-1{}"}}],"lang":"{}"}}"#,
                16 + i % 11,
                1 + i % 9,
                i % 10,
                1 + i % 9,
                i % 10,
                if i % 2 == 0 { "da" } else { "en" }
            )
        })
        .collect();
    let round = || -> Vec<String> {
        let out = requests.iter().map(|r| through_plan(r)).collect();
        // A 3 MB text is made in the module's memory and refused, as a huge line from a page is.
        let text = "x".repeat(3_000_000);
        let request = js(r#"{"start":"2024-03-04"}"#);
        Reflect::set(&request, &JsValue::from_str("today"), &JsValue::from_str(&text)).expect("set");
        assert!(through_plan_value(request).contains("E_REQUEST_TOO_LARGE"));
        #[cfg(feature = "caseload")]
        assert!(plan_json_js(&text).contains("E_REQUEST_TOO_LARGE"));
        out
    };
    // The first answers are kept, so a second round takes memory of its own; from the third
    // on, each round fits in what the second gave back.
    let first = round();
    assert_eq!(round(), first, "the same requests give the same answers");
    let settled = memory_bytes();
    for _ in 0..20 {
        assert_eq!(round(), first, "the same requests give the same answers");
    }
    assert_eq!(memory_bytes(), settled, "memory grew after the second round");
    assert!(
        first.iter().all(|line| line.contains("\"samtaler\":[")),
        "every request has a plan"
    );
}

/// A pause's `hours_per_week` as a JS number: read exactly, with the same codes and path as in
/// JSON text; NaN and the infinities are the wrong type, a BigInt is not JSON.
#[wasm_bindgen_test]
fn hours_per_week_is_read_from_js_numbers() {
    let with_hours = |hours: &JsValue| -> Result<JsValue, (String, String)> {
        let request =
            js(r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","to":"2024-08-31","reason":"arbejde"}]}"#);
        let pause = Reflect::get(&get(&request, &["pauses"]), &JsValue::from_f64(0.0)).expect("pause");
        Reflect::set(&pause, &JsValue::from_str("hours_per_week"), hours).expect("set");
        plan_js(request).map_err(|e| {
            let e: JsValue = e.into();
            (string(&get(&e, &["code"])), string(&get(&e, &["field"])))
        })
    };
    // parttime.toml: 18.5 hours a week from 1 June to 31 August 2024 -> L6m 2024-10-16.
    let plan = with_hours(&JsValue::from_f64(18.5)).expect("a plan");
    assert_eq!(string(&get(&plan, &["milestones", "L6m"])), "2024-10-16");
    let echo = Reflect::get(&get(&plan, &["pauses"]), &JsValue::from_f64(0.0)).expect("echo");
    assert_eq!(get(&echo, &["hours_per_week"]).as_f64(), Some(18.5));
    for ok in [15.0, 36.99, 0.01, 168.0] {
        assert!(with_hours(&JsValue::from_f64(ok)).is_ok(), "{ok}");
    }
    // Without hours (undefined or null) the pause is a full one.
    let full = with_hours(&JsValue::NULL).expect("a plan");
    assert_eq!(string(&get(&full, &["milestones", "L6m"])), "2024-11-29");
    let field = "pauses[0].hours_per_week".to_string();
    for (value, code) in [
        (JsValue::from_f64(0.0), "E_UNKNOWN_VALUE"),
        (JsValue::from_f64(-0.0), "E_UNKNOWN_VALUE"),
        (JsValue::from_f64(-3.0), "E_UNKNOWN_VALUE"),
        (JsValue::from_f64(0.1 + 0.2), "E_UNKNOWN_VALUE"),
        (JsValue::from_f64(18.555), "E_UNKNOWN_VALUE"),
        (JsValue::from_f64(168.01), "E_UNKNOWN_VALUE"),
        (JsValue::from_f64(f64::NAN), "E_TYPE"),
        (JsValue::from_f64(f64::INFINITY), "E_TYPE"),
        (JsValue::from_str("15"), "E_TYPE"),
        (JsValue::TRUE, "E_TYPE"),
        (js_sys::Array::new().into(), "E_TYPE"),
        (js_sys::BigInt::from(15u64).into(), "E_JSON"),
    ] {
        assert_eq!(
            with_hours(&value).err(),
            Some((code.to_string(), field.clone())),
            "{value:?}"
        );
    }
}

/// A JS value made by `source` (an expression), for what Rust cannot build: Proxies, Maps.
fn made(source: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({source});"))
        .call0(&JsValue::NULL)
        .expect("test value")
}

/// The code and field of what `plan` throws, or "ok"; what it throws must be an `Error`.
fn refused(request: JsValue) -> (String, Option<String>) {
    match plan_js(request) {
        Ok(_) => ("ok".into(), None),
        Err(e) => {
            let e: JsValue = e.into();
            assert!(e.is_instance_of::<js_sys::Error>(), "{e:?}");
            (string(&get(&e, &["code"])), get(&e, &["field"]).as_string())
        }
    }
}

/// Issue 24: whatever a Proxy's traps throw becomes the one error with a code; a Map or
/// another object that is not plain is not a request; a field is read once.
#[wasm_bindgen_test]
fn proxies_maps_and_getters_are_refused_with_a_code() {
    let start = r#"{ start: '2024-03-04' }"#;
    for (source, code, field) in [
        (format!("new Proxy({start}, {{ get() {{ throw new Error('boom'); }} }})"), "E_JSON", None),
        (format!("new Proxy({start}, {{ ownKeys() {{ throw new Error('boom'); }} }})"), "E_JSON", None),
        (
            format!("new Proxy({start}, {{ getOwnPropertyDescriptor() {{ throw new Error('boom'); }} }})"),
            "E_JSON",
            None,
        ),
        ("(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()".into(), "E_JSON", None),
        (
            "{ start: '2024-03-04', pauses: new Proxy([], { get() { throw new Error('boom'); } }) }".into(),
            "E_JSON",
            Some("pauses"),
        ),
        (
            "{ start: '2024-03-04', pauses: [new Proxy({ from: '2024-04-01', to: '2024-04-02' }, { ownKeys() { throw 5; } })] }".into(),
            "E_JSON",
            Some("pauses[0]"),
        ),
        (
            "{ start: '2024-03-04', today: new Proxy({}, { ownKeys() { throw new Error('boom'); } }) }".into(),
            "E_TYPE",
            Some("today"),
        ),
        ("new Map([['start', '2024-03-04']])".into(), "E_NOT_OBJECT", None),
        ("new Map()".into(), "E_NOT_OBJECT", None),
        ("new Set()".into(), "E_NOT_OBJECT", None),
        ("new Date()".into(), "E_NOT_OBJECT", None),
        (
            "{ start: '2024-03-04', pauses: [new Map([['from', '2024-04-01'], ['to', '2024-04-02']])] }".into(),
            "E_NOT_OBJECT",
            Some("pauses[0]"),
        ),
        // A plain object through a harmless Proxy, and a class instance, are requests.
        (format!("new Proxy({start}, {{}})"), "ok", None),
        ("new (class R { constructor() { this.start = '2024-03-04'; } })()".into(), "ok", None),
    ] {
        let (c, f) = refused(made(&source));
        assert_eq!((c.as_str(), f.as_deref()), (code, field), "{source}");
    }
    // A getter read once: one that throws the second time it is read is not read twice.
    let once = made(
        "(() => { let n = 0; return { get start() { if (n++) throw new Error('twice'); return '2024-03-04'; } }; })()",
    );
    assert_eq!(refused(once).0, "ok");
    // A field named __proto__ (as JSON.parse makes it) is an unknown field, not a prototype.
    assert_eq!(
        refused(js(r#"{"start":"2024-03-04","__proto__":{"x":1}}"#)).0,
        "E_UNKNOWN_FIELD"
    );
    // And the module goes on.
    assert_eq!(with("today", &JsValue::from_str("2024-05-01")), "ok");
}

/// Issue 24: `ics()`'s link goes into every event and its member into every UID: over 64 KiB is
/// refused before any work; a member's UIDs are its own, the same on every download.
#[wasm_bindgen_test]
fn ics_bounds_its_link_and_gives_members_their_own_uids() {
    use samtaleplan::web::ics_js;
    let request = || js(r#"{"start":"2024-03-04"}"#);
    let stamp = "20240501T120000Z";
    let code = |link: Option<String>, member: Option<String>| match ics_js(request(), stamp, link, None, member) {
        Ok(_) => ("ok".to_string(), None),
        Err(e) => {
            let e: JsValue = e.into();
            (string(&get(&e, &["code"])), get(&e, &["field"]).as_string())
        }
    };
    let long = "x".repeat(70_000);
    let started = js_sys::Date::now();
    assert_eq!(
        code(Some(long.clone()), None),
        ("E_REQUEST_TOO_LARGE".into(), Some("link".into()))
    );
    assert_eq!(
        code(None, Some(long)),
        ("E_REQUEST_TOO_LARGE".into(), Some("member".into()))
    );
    assert!(js_sys::Date::now() - started < 1000.0);
    assert_eq!(code(Some("https://x.example/?start=2024-03-04".into()), None).0, "ok");
    let uids = |member: Option<&str>| -> Vec<String> {
        let text = ics_js(request(), stamp, None, Some(true), member.map(String::from)).expect("ics");
        text.lines()
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(String::from)
            .collect()
    };
    let (a, b, citizen) = (uids(Some("1001")), uids(Some("1002")), uids(None));
    assert!(!a.is_empty());
    assert!(a.iter().all(|u| !b.contains(u) && !citizen.contains(u)), "{a:?} {b:?}");
    assert_eq!(a, uids(Some("1001")));
}

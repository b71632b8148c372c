//! The case tables in `tests/cases/*.toml`: reading them and checking a response against them.
//! Used by the native tests (`tests/cases.rs`) and, through the WebAssembly module in Chromium,
//! by `tests/wasm.rs`. The format is described at the top of each table.

use serde_json::Value;
use std::collections::BTreeMap;

/// One row of a case table.
pub struct Case {
    pub name: String,
    /// The request as JSON text.
    pub request: String,
    expect: Expect,
}

enum Expect {
    Error(String),
    Plan {
        milestones: BTreeMap<String, String>,
        samtaler: Vec<Row>,
        obligation: BTreeMap<String, String>,
        non_working: BTreeMap<String, String>,
        status: Option<BTreeMap<String, String>>,
        warnings: Option<Vec<String>>,
        /// The ids of the samtaler not owed in this registration, in plan order (empty when absent).
        not_owed: Vec<String>,
    },
}

/// One line of `samtaler`: `id holder earliest latest [nominal]`.
struct Row {
    id: String,
    holder: String,
    earliest: String,
    latest: String,
    nominal: Option<String>,
}

const KEYS: [&str; 10] = [
    "name",
    "request",
    "error",
    "milestones",
    "samtaler",
    "non_working",
    "status",
    "warnings",
    "obligation",
    "not_owed",
];

/// Reads a table; a malformed table fails the test with the case named.
pub fn load(file: &str, text: &str) -> Vec<Case> {
    let doc: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let cases = doc
        .get("case")
        .and_then(|c| c.as_array())
        .unwrap_or_else(|| panic!("{file}: no [[case]]"));
    cases.iter().enumerate().map(|(i, c)| read_case(file, i, c)).collect()
}

fn read_case(file: &str, i: usize, c: &toml::Value) -> Case {
    let t = c.as_table().unwrap_or_else(|| panic!("{file} case {i}: not a table"));
    let name = t
        .get("name")
        .and_then(|n| n.as_str())
        .unwrap_or_else(|| panic!("{file} case {i}: no name"))
        .to_string();
    let here = format!("{file}: {name}");
    if let Some(k) = t.keys().find(|k| !KEYS.contains(&k.as_str())) {
        panic!("{here}: unknown key {k}");
    }
    let request = t.get("request").unwrap_or_else(|| panic!("{here}: no request"));
    let request = serde_json::to_string(request).unwrap_or_else(|e| panic!("{here}: {e}"));
    let str_map = |key: &str| -> Option<BTreeMap<String, String>> {
        t.get(key).map(|v| {
            v.as_table()
                .unwrap_or_else(|| panic!("{here}: {key} is not a table"))
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_str().unwrap_or_else(|| panic!("{here}: {key}.{k}")).to_string(),
                    )
                })
                .collect()
        })
    };
    let expect = if let Some(code) = t.get("error") {
        Expect::Error(code.as_str().unwrap_or_else(|| panic!("{here}: error")).to_string())
    } else {
        let milestones = str_map("milestones").unwrap_or_else(|| panic!("{here}: no milestones"));
        let mut keys: Vec<&str> = milestones.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["L16m", "L3m", "L6m", "handover"],
            "{here}: milestones needs exactly these keys"
        );
        let lines = t
            .get("samtaler")
            .and_then(|s| s.as_str())
            .unwrap_or_else(|| panic!("{here}: no samtaler"));
        let samtaler = lines
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let cols: Vec<&str> = l.split_whitespace().collect();
                let row = |nominal: Option<&str>| Row {
                    id: cols[0].to_string(),
                    holder: cols[1].to_string(),
                    earliest: cols[2].to_string(),
                    latest: cols[3].to_string(),
                    nominal: nominal.map(str::to_string),
                };
                match cols[..] {
                    [_, _, _, _] => row(None),
                    [_, _, _, _, nominal] => row(Some(nominal)),
                    _ => panic!("{here}: samtale line {l:?} is not `id holder earliest latest [nominal]`"),
                }
            })
            .collect();
        let warnings = t.get("warnings").map(|w| {
            w.as_array()
                .unwrap_or_else(|| panic!("{here}: warnings"))
                .iter()
                .map(|c| c.as_str().unwrap_or_else(|| panic!("{here}: warnings")).to_string())
                .collect()
        });
        let not_owed = t.get("not_owed").map_or_else(Vec::new, |n| {
            n.as_str()
                .unwrap_or_else(|| panic!("{here}: not_owed is not a string of ids"))
                .split_whitespace()
                .map(str::to_string)
                .collect()
        });
        Expect::Plan {
            milestones,
            samtaler,
            obligation: str_map("obligation").unwrap_or_default(),
            non_working: str_map("non_working").unwrap_or_default(),
            status: str_map("status"),
            warnings,
            not_owed,
        }
    };
    Case { name, request, expect }
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => "none".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Case {
    /// Compares a response (the JSON text of a plan or of `{"error":…}`) with the table.
    pub fn check(&self, response: &str) -> Result<(), String> {
        let v: Value = serde_json::from_str(response).map_err(|e| format!("response is not JSON: {e}"))?;
        let mut problems = Vec::new();
        let mut eq = |what: String, got: String, want: &str| {
            if got != want {
                problems.push(format!("{what}: got {got}, want {want}"));
            }
        };
        match &self.expect {
            Expect::Error(code) => eq("error code".into(), text(&v["error"]["code"]), code),
            Expect::Plan {
                milestones,
                samtaler,
                obligation,
                non_working,
                status,
                warnings,
                not_owed,
            } => {
                if v.get("error").is_some() {
                    return Err(format!("unexpected error {}", v["error"]));
                }
                for (k, want) in milestones {
                    eq(format!("milestones.{k}"), text(&v["milestones"][k]), want);
                }
                let got = v["samtaler"].as_array().cloned().unwrap_or_default();
                let got_ids: Vec<String> = got.iter().map(|s| text(&s["id"])).collect();
                let want_ids: Vec<String> = samtaler.iter().map(|s| s.id.clone()).collect();
                eq("samtaler".into(), got_ids.join(" "), &want_ids.join(" "));
                for (s, row) in got.iter().zip(samtaler) {
                    let id = &row.id;
                    eq(format!("{id}.holder"), text(&s["holder"]), &row.holder);
                    eq(format!("{id}.earliest"), text(&s["earliest"]), &row.earliest);
                    eq(format!("{id}.latest"), text(&s["latest"]), &row.latest);
                    eq(
                        format!("{id}.nominal"),
                        text(&s["nominal"]),
                        row.nominal.as_deref().unwrap_or("none"),
                    );
                    let want = obligation.get(id).map_or("required", String::as_str);
                    eq(format!("{id}.obligation"), text(&s["obligation"]), want);
                    let flagged = s["latest_non_working"] == Value::Bool(true);
                    match non_working.get(id) {
                        Some(day) => eq(format!("{id}.last_working_day"), text(&s["last_working_day"]), day),
                        None => eq(format!("{id}.latest_non_working"), flagged.to_string(), "false"),
                    }
                    if let Some(status) = status {
                        let want = status.get(id).map_or("(not in table)", String::as_str);
                        eq(format!("{id}.status"), text(&s["status"]), want);
                    } else {
                        eq(format!("{id}.status"), text(&s["status"]), "none");
                    }
                    if s["citation"].as_str().is_none_or(str::is_empty) {
                        eq(format!("{id}.citation"), "empty".into(), "a citation");
                    }
                }
                // The samtaler left out, in plan order: an array of objects with `id` (always present).
                match v["not_owed"].as_array() {
                    Some(left_out) => {
                        let ids: Vec<String> = left_out.iter().map(|n| text(&n["id"])).collect();
                        eq("not_owed".into(), ids.join(" "), &not_owed.join(" "));
                        for id in &ids {
                            if got_ids.contains(id) {
                                eq(format!("not_owed.{id}"), "also in samtaler".into(), "only one of them");
                            }
                        }
                    }
                    None => eq("not_owed".into(), "no array".into(), "an array"),
                }
                for id in non_working.keys().chain(obligation.keys()) {
                    if !want_ids.contains(id) {
                        eq(format!("non_working.{id}"), "not a samtale".into(), "a samtale id");
                    }
                }
                let codes: Vec<String> = v["warnings"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|w| text(&w["code"]))
                    .collect();
                // One warning per non-working latest date, naming every samtale that ends on it.
                let flagged = codes.iter().filter(|c| *c == "W_LATEST_NON_WORKING").count();
                let days: std::collections::BTreeSet<&str> = samtaler
                    .iter()
                    .filter(|r| non_working.contains_key(&r.id))
                    .map(|r| r.latest.as_str())
                    .collect();
                eq(
                    "W_LATEST_NON_WORKING warnings".into(),
                    flagged.to_string(),
                    &days.len().to_string(),
                );
                if let Some(want) = warnings {
                    let others: Vec<&str> = codes
                        .iter()
                        .map(String::as_str)
                        .filter(|c| *c != "W_LATEST_NON_WORKING")
                        .collect();
                    eq("warnings".into(), others.join(" "), &want.join(" "));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }
}

/// `TABLES`, every tests/cases/*.toml built into the test binary so the WebAssembly tests read
/// the same, and `CASES`, the `[[case]]` headers they hold: listed by the dev-dependency
/// `case-tables` (tests/common/case_tables/build.rs), not by hand.
pub use case_tables::{CASES, TABLES};

/// Runs every case of every table through `answer` (request JSON → response JSON) and panics
/// with all the differences found, or when it ran fewer or more cases than the tables' `[[case]]`
/// headers. Returns the number of cases run.
pub fn run_all(answer: impl Fn(&str) -> String) -> usize {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, text) in TABLES {
        for case in load(file, text) {
            count += 1;
            if let Err(e) = case.check(&answer(&case.request)) {
                failures.push(format!("{file}: {}: {e}", case.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(count, CASES, "cases run, and [[case]] headers in tests/cases/*.toml");
    count
}

//! Properties over a few thousand random valid requests from a fixed seed (every run checks the
//! same ones): windows are ordered, pauses never pull a date earlier, more hours of part-time work
//! never pull a date earlier, `hours_per_week` of W or more is a full pause, every samtale is cited
//! and explained, and the regime matches the start. Schema 2: more hours from an earlier spell
//! never push a date later and only ever leave more samtaler out; a sickness is never later than a
//! full pause of the same days; part-time work without an end is part-time work to 2199-12-31.

use chrono::{Days, NaiveDate};
use samtaleplan::Response;
use samtaleplan::rules::regimes::REGIMES;
use serde_json::{Value, json};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a date")
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A random full pause, or (one in three) a period of part-time work.
fn pause(rng: &mut Rng, start: NaiveDate) -> Value {
    let from = rng.date(start - Days::new(60), 700);
    let to = from + Days::new(rng.below(120) as u64);
    if rng.chance(33) {
        return json!({"from": iso(from), "to": iso(to), "reason": "arbejde", "hours_per_week": hours(rng)});
    }
    // A sickness (its first 14 days count), or a full pause of another reason.
    let reason = if rng.chance(50) { "sygdom" } else { "ferie" };
    json!({"from": iso(from), "to": iso(to), "reason": reason})
}

/// Random hours a week with at most two decimals, from 0.01 to 60 (beyond W either way).
fn hours(rng: &mut Rng) -> Value {
    let cents = 1 + rng.below(6000) as u64;
    if cents.is_multiple_of(100) {
        json!(cents / 100)
    } else {
        json!(cents as f64 / 100.0)
    }
}

/// Every date of a plan, in order: the milestones, then each samtale's window.
fn dates(p: &Response) -> Vec<Option<NaiveDate>> {
    let m = &p.milestones;
    let mut out = vec![m.l3m, m.l6m, m.l16m, m.handover];
    for s in &p.samtaler {
        out.extend([Some(s.earliest), Some(s.latest)]);
    }
    out
}

/// A random request that should be valid: any regime, fuldtid or deltid, 0–4 pauses, maybe
/// today, maybe the "from day one" group where R2024 models it.
fn request(rng: &mut Rng) -> Value {
    let start = rng.date(d(2015, 7, 1), 365 * 15);
    let mut req = json!({"start": iso(start)});
    if rng.chance(30) {
        req["insurance"] = json!("deltid");
    }
    if (d(2024, 1, 1)..=d(2026, 6, 30)).contains(&start) && rng.chance(20) {
        req["group"] = json!("jobcenter_from_day_one");
    }
    let n = rng.below(5);
    req["pauses"] = Value::Array((0..n).map(|_| pause(rng, start)).collect());
    if rng.chance(40) {
        req["today"] = json!(iso(rng.date(start, 700)));
    }
    if rng.chance(20) {
        req["lang"] = json!("en");
    }
    req
}

fn plan(req: &Value) -> Response {
    samtaleplan::plan_str(&req.to_string()).unwrap_or_else(|e| panic!("{req}: {e}"))
}

const CASES: usize = 3000;

#[test]
fn windows_are_ordered_cited_and_explained() {
    let mut rng = Rng(0x5a17_a1e9_2024_0304);
    for _ in 0..CASES {
        let req = request(&mut rng);
        let p = plan(&req);
        let m = &p.milestones;
        // Without prior hours every milestone lies on or after start.
        let reached = |d: Option<NaiveDate>| d.unwrap_or_else(|| panic!("{req}: a milestone before start"));
        let (l3m, l6m, l16m) = (reached(m.l3m), reached(m.l6m), reached(m.l16m));
        assert!(p.start <= l3m && l3m <= l6m && l6m <= l16m, "{req}");
        assert!(!p.samtaler.is_empty(), "{req}");
        for s in &p.samtaler {
            assert!(s.earliest <= s.latest, "{req}: {} {} > {}", s.id, s.earliest, s.latest);
            assert!(p.start <= s.earliest, "{req}: {} before start", s.id);
            assert!(!s.citation.trim().is_empty(), "{req}: {} has no citation", s.id);
            assert!(
                !s.title.trim().is_empty() && s.explanation.len() > 20,
                "{req}: {}",
                s.id
            );
            assert_eq!(s.latest_non_working, s.last_working_day.is_some(), "{req}: {}", s.id);
            if let Some(day) = s.last_working_day {
                assert!(day < s.latest, "{req}: {}", s.id);
            }
            if let Some(nominal) = s.nominal {
                assert!(nominal < s.latest, "{req}: {}", s.id);
            }
        }
        if let Some(h) = m.handover {
            let t15 = p.start + Days::new(15);
            assert!(t15 <= h && h <= l6m, "{req}: hand-over {h}");
        }
        // L(16 md) is the last date a plan shows: the 2199 limit is checked on it alone.
        for s in &p.samtaler {
            assert!(s.latest <= l16m, "{req}: {} ends after L(16 md)", s.id);
        }
        assert!(!p.assumptions.is_empty(), "{req}");
    }
}

#[test]
fn the_regime_matches_the_start() {
    let mut rng = Rng(0x0dd_c0ffee);
    for _ in 0..CASES {
        let req = request(&mut rng);
        let p = plan(&req);
        let regime = REGIMES.iter().find(|r| r.id == p.regime.id).expect("a known regime");
        assert!(
            regime.from <= p.start && regime.to.is_none_or(|to| p.start <= to),
            "{req}: {}",
            regime.id
        );
        assert_eq!((p.regime.from, p.regime.to), (regime.from, regime.to));
    }
}

#[test]
fn adding_a_pause_never_moves_a_date_earlier() {
    let mut rng = Rng(0xfeed_beef_1234);
    for _ in 0..CASES {
        let req = request(&mut rng);
        let start = req["start"]
            .as_str()
            .and_then(|s| s.parse::<NaiveDate>().ok())
            .expect("start");
        let mut more = req.clone();
        more["pauses"]
            .as_array_mut()
            .expect("pauses")
            .push(pause(&mut rng, start));
        let (a, b) = (plan(&req), plan(&more));
        let (ma, mb) = (&a.milestones, &b.milestones);
        assert!(mb.l3m >= ma.l3m && mb.l6m >= ma.l6m && mb.l16m >= ma.l16m, "{more}");
        assert!(mb.handover >= ma.handover, "{more}");
        assert_eq!(a.samtaler.len(), b.samtaler.len());
        for (x, y) in a.samtaler.iter().zip(&b.samtaler) {
            assert_eq!(x.id, y.id);
            assert!(
                y.earliest >= x.earliest && y.latest >= x.latest,
                "{more}: {} moved earlier",
                x.id
            );
        }
    }
}

#[test]
fn a_hand_over_override_stays_valid_when_a_pause_is_added() {
    // The override's range T(15)..L(6 md) only grows with pauses, so a valid override stays valid.
    let mut rng = Rng(0xabc_def);
    for _ in 0..CASES {
        let start = rng.date(d(2024, 1, 1), 1000);
        let base = json!({"start": iso(start), "pauses": [pause(&mut rng, start)]});
        let p = plan(&base);
        let (first, last) = (start + Days::new(15), p.milestones.l6m.expect("L(6 md) after start"));
        let span = (last - first).num_days().max(0) as u64 + 1;
        let handover = rng.date(first, span as usize);
        let mut req = base.clone();
        req["handover"] = json!(iso(handover));
        let with = plan(&req);
        assert_eq!(with.milestones.handover, Some(handover), "{req}");
        req["pauses"]
            .as_array_mut()
            .expect("pauses")
            .push(pause(&mut rng, start));
        assert_eq!(plan(&req).milestones.handover, Some(handover), "{req}");
    }
}

#[test]
fn windows_without_words_are_the_plans_dates() {
    let mut rng = Rng(0x3141_5926_5358);
    for _ in 0..CASES {
        let req = request(&mut rng);
        let p = plan(&req);
        let parsed = samtaleplan::contract::request::from_json(&req.to_string()).expect("valid");
        let w = samtaleplan::plan::windows(&parsed).expect("windows");
        assert_eq!(w.regime.id, p.regime.id);
        assert_eq!(w.handover, p.milestones.handover, "{req}");
        let got: Vec<_> = w
            .samtaler
            .iter()
            .map(|s| (s.id, s.holder, s.obligation, s.earliest, s.latest))
            .collect();
        let want: Vec<_> = p
            .samtaler
            .iter()
            .map(|s| (s.id, s.holder, s.obligation, s.earliest, s.latest))
            .collect();
        assert_eq!(got, want, "{req}");
    }
}

#[test]
fn more_hours_of_work_never_move_a_date_earlier() {
    let mut rng = Rng(0x7ea5_2024_0601);
    let mut checked = 0;
    for _ in 0..CASES {
        let mut req = request(&mut rng);
        let start = req["start"]
            .as_str()
            .and_then(|s| s.parse::<NaiveDate>().ok())
            .expect("start");
        // A period of part-time work, and the same with more hours a week.
        let from = rng.date(start - Days::new(30), 400);
        let to = from + Days::new(rng.below(300) as u64);
        let fewer = 1 + rng.below(4000) as u64;
        let more = fewer + 1 + rng.below(3000) as u64;
        let at = |cents: u64| json!({"from": iso(from), "to": iso(to), "reason": "arbejde", "hours_per_week": cents as f64 / 100.0});
        req["pauses"].as_array_mut().expect("pauses").push(at(fewer));
        let a = plan(&req);
        let last = req["pauses"].as_array().map_or(0, Vec::len) - 1;
        req["pauses"][last] = at(more);
        let b = plan(&req);
        for (x, y) in dates(&a).into_iter().zip(dates(&b)) {
            assert!(y >= x, "{req}: {fewer} -> {more} hundredths moved {x:?} to {y:?}");
        }
        checked += 1;
    }
    assert_eq!(checked, CASES);
}

#[test]
fn hours_of_w_or_more_are_a_full_pause() {
    let mut rng = Rng(0x37_0000_3000);
    for _ in 0..CASES {
        let mut req = request(&mut rng);
        let start = req["start"]
            .as_str()
            .and_then(|s| s.parse::<NaiveDate>().ok())
            .expect("start");
        let w: u64 = if req["insurance"] == "deltid" { 30 } else { 37 };
        let from = rng.date(start - Days::new(30), 400);
        let to = from + Days::new(rng.below(300) as u64);
        // A sickness that begins in part-time work counts none of its days (RULES.md § 2), even
        // with hours of W or more; one that begins in a full pause counts its first 14 days where
        // nothing else stops them. The two are alike only where no sickness begins in the period.
        let sick_in = req["pauses"].as_array().expect("pauses").iter().any(|p| {
            p["reason"] == "sygdom"
                && (iso(from).as_str()..=iso(to).as_str()).contains(&p["from"].as_str().unwrap_or(""))
        });
        if sick_in {
            continue;
        }
        req["pauses"]
            .as_array_mut()
            .expect("pauses")
            .push(json!({"from": iso(from), "to": iso(to), "reason": "arbejde"}));
        let full = plan(&req);
        // W exactly, or anything above it up to 168 hours.
        let cents = if rng.chance(30) {
            w * 100
        } else {
            w * 100 + rng.below(((168 - w) * 100) as usize) as u64
        };
        let last = req["pauses"].as_array().map_or(0, Vec::len) - 1;
        req["pauses"][last]["hours_per_week"] = json!(cents as f64 / 100.0);
        let worked = plan(&req);
        assert_eq!(dates(&full), dates(&worked), "{req}");
    }
}

/// More hours from an earlier spell count from the first day: no milestone comes later, one the
/// hours reached stays reached (null), every earliest date is at least the first day, and the
/// samtaler left out only grow; owed and not owed together are the regime's samtaler.
#[test]
fn more_prior_hours_never_push_a_date_later() {
    let mut rng = Rng(0x09e1_0e54_1000);
    for _ in 0..CASES / 3 {
        let mut req = request(&mut rng);
        let deltid = req["insurance"] == "deltid";
        let cap = if deltid { 468_000 } else { 577_200 };
        let a = rng.below(cap / 2) as u64;
        let b = a + rng.below(cap / 2) as u64;
        let with = |req: &mut Value, cents: u64| {
            req["prior_hours"] = if cents.is_multiple_of(100) {
                json!(cents / 100)
            } else {
                json!(cents as f64 / 100.0)
            };
            plan(req)
        };
        let (less, more) = (with(&mut req, a), with(&mut req, b));
        let (ml, mm) = (&less.milestones, &more.milestones);
        for (x, y) in [(ml.l3m, mm.l3m), (ml.l6m, mm.l6m), (ml.l16m, mm.l16m)] {
            match (x, y) {
                (Some(x), Some(y)) => assert!(y <= x, "{req}: {y} after {x}"),
                (None, y) => assert_eq!(y, None, "{req}: a milestone reached came back"),
                (Some(_), None) => {}
            }
        }
        if let (Some(x), Some(y)) = (ml.handover, mm.handover) {
            assert!(y <= x, "{req}: hand-over {y} after {x}");
        }
        let ids = |p: &Response| -> Vec<&str> { p.not_owed.iter().map(|n| n.id).collect() };
        assert!(ids(&less).iter().all(|id| ids(&more).contains(id)), "{req}");
        for p in [&less, &more] {
            assert_eq!(
                p.samtaler.len() + p.not_owed.len(),
                less.samtaler.len() + less.not_owed.len(),
                "{req}"
            );
            for s in &p.samtaler {
                assert!(p.start <= s.earliest && s.earliest <= s.latest, "{req}: {}", s.id);
            }
            let a_kasse_first = p
                .samtaler
                .iter()
                .any(|s| s.holder.as_str() == "akasse" && s.id.starts_with('A'));
            if p.milestones.handover == Some(p.start) {
                assert!(
                    !a_kasse_first,
                    "{req}: an a-kasse samtale while the jobcenter holds the forløb"
                );
            }
        }
    }
}

/// A sickness counts its first 14 days, so it never makes a date later than a full pause of
/// the same days would; a sickness of 14 days or fewer, where no part-time work covers its first
/// day and no other period touches it, changes nothing at all.
#[test]
fn a_sickness_is_never_later_than_a_full_pause_of_the_same_days() {
    let mut rng = Rng(0x0005_1c14);
    for _ in 0..CASES / 2 {
        let mut req = request(&mut rng);
        let start = req["start"]
            .as_str()
            .and_then(|s| s.parse::<NaiveDate>().ok())
            .expect("start");
        let from = rng.date(start - Days::new(20), 400);
        let to = from + Days::new(rng.below(60) as u64);
        let last = req["pauses"].as_array().map_or(0, Vec::len);
        req["pauses"]
            .as_array_mut()
            .expect("pauses")
            .push(json!({"from": iso(from), "to": iso(to), "reason": "ferie"}));
        let paused = plan(&req);
        req["pauses"][last]["reason"] = json!("sygdom");
        let sick = plan(&req);
        for (p, s) in dates(&paused).into_iter().zip(dates(&sick)) {
            if let (Some(p), Some(s)) = (p, s) {
                assert!(s <= p, "{req}: {s} after {p}");
            }
        }
        if (to - from).num_days() < 14 && last == 0 {
            let mut alone = req.clone();
            alone["pauses"] = json!([]);
            assert_eq!(dates(&plan(&alone)), dates(&sick), "{req}");
        }
    }
}

/// Part-time work without an end lasts to 2199-12-31: the same dates as with that end given.
#[test]
fn part_time_without_an_end_runs_to_2199() {
    let mut rng = Rng(0x00be_1100);
    let mut checked = 0;
    for _ in 0..CASES / 3 {
        let mut req = request(&mut rng);
        let start = req["start"]
            .as_str()
            .and_then(|s| s.parse::<NaiveDate>().ok())
            .expect("start");
        let from = rng.date(start - Days::new(20), 600);
        // Up to 20 hours a week: enough left to reach 16 months before 2200.
        let cents = 1 + rng.below(2000) as u64;
        let h = json!(cents as f64 / 100.0);
        let last = req["pauses"].as_array().map_or(0, Vec::len);
        req["pauses"]
            .as_array_mut()
            .expect("pauses")
            .push(json!({"from": iso(from), "reason": "arbejde", "hours_per_week": h}));
        let open = plan(&req);
        assert_eq!(open.pauses[last].to, None, "{req}");
        req["pauses"][last]["to"] = json!("2199-12-31");
        let closed = plan(&req);
        assert_eq!(dates(&open), dates(&closed), "{req}");
        checked += 1;
    }
    assert_eq!(checked, CASES / 3);
}

//! `./build.sh bench` (native part): how fast the core is, on generated members with pauses.
//! Prints figures; asserts nothing (speed is measured here, never in a test).

use samtaleplan::caseload::{self, Options};
use samtaleplan::contract::request::{Pause, PauseReason};
use samtaleplan::rules::dates::ymd;
use samtaleplan::rules::ledighed::{Insurance, Period};
use samtaleplan::{Lang, Request};
use std::hint::black_box;
use std::time::{Duration, Instant};

const MEMBERS: usize = 100_000;

#[path = "../tests/common/rng.rs"]
mod rng;
use rng::Rng;

fn members() -> Vec<Request> {
    let mut rng = Rng(2024);
    (0..MEMBERS)
        .map(|_| {
            let start = ymd(2015, 7, 1) + rng.days(365 * 12);
            let mut r = Request::new(start);
            if rng.below(5) == 0 {
                r.insurance = Insurance::Deltid;
            }
            for _ in 0..rng.below(3) {
                let from = start + rng.days(300);
                let to = from + rng.days(40);
                r.pauses.push(Pause {
                    period: Period { from, to },
                    reason: PauseReason::Sygdom,
                    hours_per_week: None,
                    open_ended: false,
                });
            }
            r
        })
        .collect()
}

/// Runs `f` over all members as often as fits in about a second; returns members per second.
fn rate(label: &str, f: impl Fn() -> usize) -> f64 {
    let started = Instant::now();
    let mut done = 0;
    while started.elapsed() < Duration::from_secs(1) {
        done += f();
    }
    let per_second = done as f64 / started.elapsed().as_secs_f64();
    println!("{label:<58} {:>12.0} /s", per_second);
    per_second
}

fn main() {
    let members = members();
    println!("Samtaleplan benchmark (native, release build), {MEMBERS} generated members, 0–2 pauses each");
    rate("plans, dates only (plan::windows)", || {
        members
            .iter()
            .map(|r| {
                black_box(samtaleplan::plan::windows(black_box(r))).map_or(0, |w| usize::from(!w.samtaler.is_empty()))
            })
            .sum()
    });
    // The same members with every pause made part-time work (15 hours a week): more runs to walk.
    let part_time: Vec<Request> = members
        .iter()
        .map(|r| {
            let mut r = r.clone();
            for p in &mut r.pauses {
                p.hours_per_week = Some(samtaleplan::rules::ledighed::Hundredths(1500));
            }
            r
        })
        .collect();
    rate("plans, dates only, the pauses part-time work", || {
        part_time
            .iter()
            .map(|r| {
                black_box(samtaleplan::plan::windows(black_box(r))).map_or(0, |w| usize::from(!w.samtaler.is_empty()))
            })
            .sum()
    });
    rate("plans, full responses with text (plan)", || {
        members
            .iter()
            .map(|r| usize::from(black_box(samtaleplan::plan(black_box(r))).is_ok()))
            .sum()
    });
    let lines: Vec<String> = members
        .iter()
        .take(20_000)
        .map(|r| {
            let pauses: Vec<String> = r
                .pauses
                .iter()
                .map(|p| format!(r#"{{"from":"{}","to":"{}"}}"#, p.period.from, p.period.to))
                .collect();
            format!(
                r#"{{"start":"{}","insurance":"{}","pauses":[{}]}}"#,
                r.start,
                r.insurance.as_str(),
                pauses.join(",")
            )
        })
        .collect();
    rate("JSON lines in, JSON lines out (plan_json, as --jsonl)", || {
        lines
            .iter()
            .map(|l| black_box(samtaleplan::plan_json(black_box(l))).len().min(1))
            .sum()
    });
    // A caseload file of 100,000 R2024 members, as the page reads one.
    let mut csv = String::from("medlem;start;forsikring;pauser;holdt_A1;holdt_A2\n");
    let mut rng = Rng(7);
    for i in 0..MEMBERS {
        let start = ymd(2024, 1, 1) + rng.days(420);
        let f = |d: chrono::NaiveDate| d.format("%d-%m-%Y").to_string();
        let pause = if rng.below(3) == 0 {
            let from = start + rng.days(120);
            format!("{}..{}", f(from), f(from + rng.days(30)))
        } else {
            String::new()
        };
        let held = f(start + chrono::Days::new(9 + rng.below(8) as u64));
        csv += &format!("M{i:06};{};;{pause};{held};\n", f(start));
    }
    let today = ymd(2025, 3, 5);
    let opts = Options {
        list_limit: Some(200),
        ..Options::new(today, Lang::Da)
    };
    let rounds = rate("caseload: CSV rows read, planned and summed up", || {
        black_box(caseload::caseload(black_box(csv.as_bytes()), opts.clone())).map_or(0, |s| s.rows)
    });
    println!(
        "{:<58} {:>12.0} ms",
        "caseload of 100,000 members, one run",
        1000.0 * MEMBERS as f64 / rounds
    );
}

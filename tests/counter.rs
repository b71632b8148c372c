//! The ledighed counter against a day-by-day count written from RULES.md § 2 alone: walk from
//! `start` one day at a time, beginning with the hours from before `start` (`prior_hours`); a
//! weekday in a full pause or a COVID freeze adds nothing, any other weekday adds `W − h` units of
//! 1/500 hour (`h` the hours worked that week, summed over the part-time periods covering the day;
//! nothing when `h ≥ W`). A sickness is a full pause from its 15th calendar day on, and all of it
//! when a part-time period covers its first day; its first 14 days count as if it were not there
//! (another full pause on them still wins). `L(x)` is the first day the count reaches x — none when
//! the hours from before `start` already do — and the hand-over the first day of the month after
//! the day the count first passes 410 hours (deltid 332.44), or `start` when the hours from before
//! alone are over the line. The counter jumps run by run with divisions; the walk cannot share its
//! mistakes. Targets are random and, as often, a whole number of days exactly, where `<` and `<=`
//! part.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use samtaleplan::rules::dates::ymd;
use samtaleplan::rules::ledighed::{
    Effect, FROZEN, HandoverBasis, Hundredths, Insurance, Ledighed, Period, Span, Units,
};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

type Periods = Vec<(Period, Effect)>;

/// The units a whole day adds: `W` hours / 5 = `100 × W` units, `W` in hours (37, deltid 30).
fn per_day(insurance: Insurance) -> u64 {
    match insurance {
        Insurance::Fuldtid => 3700,
        Insurance::Deltid => 3000,
    }
}

fn covers(p: &Period, d: NaiveDate) -> bool {
    p.from <= d && d <= p.to
}

/// Whether part-time work covers day `d`.
fn part_time_on(d: NaiveDate, periods: &Periods) -> bool {
    periods
        .iter()
        .any(|(p, e)| matches!(e, Effect::PartTime(_)) && covers(p, d))
}

/// Whether `d` lies in the first 14 calendar days of the sickness `p` (`from .. from + 13`) and
/// they count: no part-time work on its first day (RULES.md § 2, "Sickness").
fn in_counted_sick_days(p: &Period, d: NaiveDate, periods: &Periods) -> bool {
    covers(p, d) && d < p.from + Days::new(14) && !part_time_on(p.from, periods)
}

/// Whether `d` lies in a full pause: a pause, or a sickness outside its counted first 14 days.
fn full_pause_on(d: NaiveDate, periods: &Periods) -> bool {
    periods.iter().any(|(p, e)| match e {
        Effect::Pause => covers(p, d),
        Effect::Sickness => covers(p, d) && !in_counted_sick_days(p, d, periods),
        Effect::PartTime(_) => false,
    })
}

/// What a day adds, by RULES.md § 2.
fn adds(d: NaiveDate, insurance: Insurance, periods: &Periods) -> u64 {
    if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        return 0;
    }
    if FROZEN.iter().any(|p| covers(p, d)) || full_pause_on(d, periods) {
        return 0;
    }
    let worked: u64 = periods
        .iter()
        .filter(|(p, _)| covers(p, d))
        .filter_map(|(_, e)| match e {
            Effect::PartTime(h) => Some(h.0),
            _ => None,
        })
        .sum();
    // (W − h)/5 hours = (W − h) × 100/500 hour, with W and h in hundredths: W − h units.
    let w = per_day(insurance);
    w - worked.min(w)
}

/// Where the day-by-day count stands on the day it reaches a target.
#[derive(Debug)]
struct Walked {
    date: NaiveDate,
    /// Weekdays from `start` that added something / nothing.
    days: u32,
    skipped: u32,
    /// Of `days`, those in the counted first 14 days of a sickness.
    sick_days: u32,
    /// With the hours from before `start`.
    counted: u64,
}

/// The first day the count — `prior` units at `start`, then each day's — reaches `target` (at
/// least one unit); `None` when `prior` already does: the day lies before `start`.
fn walk(start: NaiveDate, insurance: Insurance, prior: u64, periods: &Periods, target: u64) -> Option<Walked> {
    let target = target.max(1);
    if target <= prior {
        return None;
    }
    let mut w = Walked {
        date: start,
        days: 0,
        skipped: 0,
        sick_days: 0,
        counted: prior,
    };
    loop {
        let d = w.date;
        let added = adds(d, insurance, periods);
        if added > 0 {
            w.days += 1;
            let sick = periods
                .iter()
                .any(|(p, e)| matches!(e, Effect::Sickness) && in_counted_sick_days(p, d, periods));
            w.sick_days += u32::from(sick);
        } else if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            w.skipped += 1;
        }
        w.counted += added;
        if w.counted >= target {
            return Some(w);
        }
        w.date = d + Days::new(1);
    }
}

fn random_hours(rng: &mut Rng) -> Hundredths {
    match rng.below(3) {
        0 => Hundredths([50, 1850, 3000, 3699, 3700, 4500][rng.below(6)]),
        _ => Hundredths(1 + rng.below(4200) as u64),
    }
}

/// Pauses and part-time periods, as in the first test.
fn random_periods(rng: &mut Rng, start: NaiveDate) -> Periods {
    (0..rng.below(5))
        .map(|_| {
            let from = rng.date(start - Days::new(40), 500);
            let to = from + Days::new(rng.below(160) as u64);
            let effect = match rng.below(6) {
                0 | 1 => Effect::Pause,
                _ => Effect::PartTime(random_hours(rng)),
            };
            (Period { from, to }, effect)
        })
        .collect()
}

/// Sicknesses (13, 14 and 15 days as often as not), some beginning before `start`, some
/// overlapping each other, pauses or part-time work, some with part-time work on their first day.
fn random_sick_periods(rng: &mut Rng, start: NaiveDate) -> Periods {
    let mut periods = random_periods(rng, start);
    for _ in 0..1 + rng.below(3) {
        let from = match rng.below(4) {
            // In or next to an earlier period: the overlaps RULES.md settles.
            0 if !periods.is_empty() => {
                let (p, _) = periods[rng.below(periods.len())];
                p.from - Days::new(3) + rng.days(10)
            }
            1 => rng.date(start - Days::new(20), 25),
            _ => rng.date(start, 400),
        };
        let days = match rng.below(4) {
            0 => [13, 14, 15][rng.below(3)],
            1 => 1 + rng.below(20),
            _ => 1 + rng.below(70),
        } as u64;
        let sick = Period {
            from,
            to: from + Days::new(days - 1),
        };
        if rng.chance(20) {
            // Part-time work on the sickness's first day (and around it).
            let pt = Period {
                from: from - rng.days(20),
                to: from + rng.days(40),
            };
            periods.push((pt, Effect::PartTime(random_hours(rng))));
        }
        periods.push((sick, Effect::Sickness));
    }
    periods
}

/// Hours from before `start`, in hundredths: none, anything up to the cap, around the hand-over
/// line and exactly at (or a hundredth either side of) a target.
fn random_prior(rng: &mut Rng, insurance: Insurance) -> Hundredths {
    let line = insurance.handover_threshold().0;
    let cap = match insurance {
        Insurance::Fuldtid => 577_200,
        Insurance::Deltid => 468_000,
    };
    let span = [
        Span::Weeks(3),
        Span::Weeks(6),
        Span::Months(3),
        Span::Months(6),
        Span::Months(16),
    ][rng.below(5)];
    let at_target = span.target(insurance).0 / 5;
    match rng.below(8) {
        0 | 1 => Hundredths(0),
        2 => Hundredths(line - 1 + rng.below(3) as u64),
        3 => Hundredths(at_target - 1 + rng.below(3) as u64),
        4 => Hundredths(cap),
        _ => Hundredths(rng.below(cap as usize + 1) as u64),
    }
}

/// Checks the counter against the walk for one person: each target, its breakdown, the hand-over.
fn check(start: NaiveDate, insurance: Insurance, prior: Hundredths, periods: &Periods, extra: &[u64]) {
    let counter = Ledighed::counting(start, insurance, prior, periods);
    let prior_units = prior.0 * 5;
    assert_eq!(counter.prior(), Units(prior_units));
    let per_day = per_day(insurance);
    let mut targets: Vec<u64> = [
        Span::Weeks(3),
        Span::Weeks(6),
        Span::Months(3),
        Span::Months(6),
        Span::Months(16),
        Span::HalfMonths(3),
    ]
    .iter()
    .map(|s| s.target(insurance).0)
    .collect();
    targets.extend_from_slice(extra);
    for target in targets {
        let want = walk(start, insurance, prior_units, periods, target);
        let got = counter.reach_units(Units(target));
        let here = || format!("target {target} from {start} ({insurance:?}), prior {prior:?}, over {periods:?}");
        let (Some(got), Some(want)) = (got, &want) else {
            assert_eq!(got.map(|r| r.date), want.map(|w| w.date), "{}", here());
            continue;
        };
        assert_eq!(got.date, want.date, "{}", here());
        assert_eq!(
            (got.days, got.skipped, got.counted.0),
            (want.days, want.skipped, want.counted),
            "days, skipped, counted: {}",
            here()
        );
        // Asked again (the counter remembers recent answers), the same day.
        assert_eq!(counter.reach_units(Units(target)).map(|r| r.date), Some(want.date));
        // The explanation's breakdown of that day adds up to what was counted: its whole days and
        // its part-time days, in days and in hours, with the hours from before `start`; and the
        // days counted in the first 14 days of a sickness.
        let b = counter.breakdown(got.date);
        let part_days: u32 = b.part_time.iter().map(|s| s.days).sum();
        assert_eq!(b.full_days + part_days, got.days, "days to {}: {}", got.date, here());
        let part_units: u64 = b.part_time.iter().map(|s| u64::from(s.days) * s.per_day.0).sum();
        assert_eq!(
            prior_units + u64::from(b.full_days) * per_day + part_units,
            got.counted.0,
            "hours to {}: {}",
            got.date,
            here()
        );
        assert_eq!(b.sick_days, want.sick_days, "sick days to {}: {}", got.date, here());
        assert!(got.counted.0 >= target.max(1));
    }
    // The hand-over: `start` when the hours from before are over the line; otherwise the first of
    // the month after the day the count passes it.
    let line = insurance.handover_threshold().units().0 + 1;
    let handover = counter.handover();
    match walk(start, insurance, prior_units, periods, line) {
        None => {
            assert!(prior_units >= line);
            assert_eq!(handover.date, start, "hand-over from {start} with prior {prior:?}");
            assert!(matches!(handover.basis, HandoverBasis::Prior));
            assert_eq!(handover.trigger(), None);
        }
        Some(trigger) => {
            let d = trigger.date;
            let (y, m) = if d.month() == 12 {
                (d.year() + 1, 1)
            } else {
                (d.year(), d.month() + 1)
            };
            assert_eq!(
                handover.date,
                ymd(y, m, 1),
                "hand-over from {start} ({insurance:?}), prior {prior:?}, over {periods:?}"
            );
            assert_eq!(handover.trigger().map(|t| t.date), Some(d));
        }
    }
}

fn random_insurance(rng: &mut Rng) -> Insurance {
    if rng.chance(50) {
        Insurance::Fuldtid
    } else {
        Insurance::Deltid
    }
}

#[test]
fn the_counter_reaches_each_target_on_the_day_a_day_by_day_count_does() {
    let mut rng = Rng(0x1ed1_6e0d);
    let cases = if cfg!(debug_assertions) { 400 } else { 2000 };
    for _ in 0..cases {
        let start = rng.date(ymd(2015, 7, 1), 16 * 365);
        let insurance = random_insurance(&mut rng);
        let periods = random_periods(&mut rng, start);
        // The counter of schema 1 (pauses and part-time work only) is the same counter.
        let old = Ledighed::with_part_time(
            start,
            insurance,
            periods.iter().map(|(p, e)| {
                (
                    *p,
                    match e {
                        Effect::PartTime(h) => Some(*h),
                        _ => None,
                    },
                )
            }),
        );
        let new = Ledighed::counting(start, insurance, Hundredths(0), &periods);
        let month = Units(Span::Months(3).target(insurance).0);
        assert_eq!(old.reach_units(month), new.reach_units(month));
        let per_day = per_day(insurance);
        let mut extra = vec![1 + rng.below(1_000_000) as u64];
        // A whole number of full days, and a whole number of a part-time day's worth.
        extra.push(per_day * (1 + rng.below(300) as u64));
        let worked = periods.iter().find_map(|(_, e)| match e {
            Effect::PartTime(h) if h.0 < per_day => Some(*h),
            _ => None,
        });
        if let Some(h) = worked {
            extra.push((per_day - h.0) * (1 + rng.below(200) as u64));
        }
        check(start, insurance, Hundredths(0), &periods, &extra);
    }
}

#[test]
fn sicknesses_and_prior_hours_count_as_a_day_by_day_count_does() {
    let mut rng = Rng(0x51c4_d4a9);
    let cases = if cfg!(debug_assertions) { 400 } else { 2000 };
    let mut seen = [0usize; 4];
    for _ in 0..cases {
        let start = rng.date(ymd(2015, 7, 1), 16 * 365);
        let insurance = random_insurance(&mut rng);
        let periods = random_sick_periods(&mut rng, start);
        let prior = random_prior(&mut rng, insurance);
        let per_day = per_day(insurance);
        let prior_units = prior.0 * 5;
        // Targets just above and at the hours from before `start`, a random one, and a whole number
        // of days past the hours from before.
        let extra = [
            prior_units,
            prior_units + 1,
            prior_units + per_day * (1 + rng.below(300) as u64),
            1 + rng.below(3_000_000) as u64,
        ];
        check(start, insurance, prior, &periods, &extra);
        // What the cases covered, so that a change to the generators cannot empty the test.
        let line = insurance.handover_threshold().units().0;
        seen[0] += usize::from(prior_units > line);
        seen[1] += usize::from(prior.0 > 0 && prior_units <= line);
        let sick_first_part_time = periods
            .iter()
            .any(|(p, e)| matches!(e, Effect::Sickness) && part_time_on(p.from, &periods));
        seen[2] += usize::from(sick_first_part_time);
        seen[3] += usize::from(
            periods
                .iter()
                .any(|(p, e)| matches!(e, Effect::Sickness) && p.from < start),
        );
    }
    assert!(
        seen.iter().all(|&n| n >= cases / 20),
        "H = start by prior hours, prior hours under the line, part-time work on a first sick day, a sickness before start: {seen:?} of {cases}"
    );
}

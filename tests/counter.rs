//! The ledighed counter against a day-by-day count written from RULES.md § 2 alone: walk from
//! `start` one day at a time; a weekday in a full pause or a COVID freeze adds nothing, any other
//! weekday adds `W − h` units of 1/500 hour (`h` the hours worked that week, summed over the
//! part-time periods covering the day; nothing when `h ≥ W`); `L(x)` is the first day the count
//! reaches x, and the hand-over the first day of the month after the day it first passes 410
//! hours (deltid 332.43). The counter jumps run by run with divisions; the walk cannot share its
//! mistakes. Targets are random and, as often, a whole number of days exactly, where `<` and `<=`
//! part.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use samtaleplan::rules::dates::ymd;
use samtaleplan::rules::ledighed::{FROZEN, Hundredths, Insurance, Ledighed, Period, Span, Units};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

type Periods = Vec<(Period, Option<Hundredths>)>;

/// What a day adds, by RULES.md § 2.
fn adds(d: NaiveDate, insurance: Insurance, periods: &Periods) -> u64 {
    if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        return 0;
    }
    let covers = |p: &Period| p.from <= d && d <= p.to;
    if FROZEN.iter().any(covers) || periods.iter().any(|(p, h)| h.is_none() && covers(p)) {
        return 0;
    }
    let worked: u64 = periods
        .iter()
        .filter(|(p, _)| covers(p))
        .filter_map(|(_, h)| h.map(|h| h.0))
        .sum();
    let w = match insurance {
        Insurance::Fuldtid => 3700,
        Insurance::Deltid => 3000,
    };
    // (W − h)/5 hours = (W − h) × 100/500 hour, with W and h in hundredths: W − h units.
    w - worked.min(w)
}

/// The first day the count from `start` reaches `target` units (at least one).
fn walk(start: NaiveDate, insurance: Insurance, periods: &Periods, target: u64) -> NaiveDate {
    let (mut d, mut counted) = (start, 0);
    loop {
        counted += adds(d, insurance, periods);
        if counted >= target.max(1) {
            return d;
        }
        d = d + Days::new(1);
    }
}

fn random_periods(rng: &mut Rng, start: NaiveDate) -> Periods {
    (0..rng.below(5))
        .map(|_| {
            let from = rng.date(start - Days::new(40), 500);
            let to = from + Days::new(rng.below(160) as u64);
            let hours = match rng.below(6) {
                0 | 1 => None,
                2 => Some(Hundredths([50, 1850, 3000, 3699, 3700, 4500][rng.below(6)])),
                _ => Some(Hundredths(1 + rng.below(4200) as u64)),
            };
            (Period { from, to }, hours)
        })
        .collect()
}

#[test]
fn the_counter_reaches_each_target_on_the_day_a_day_by_day_count_does() {
    let mut rng = Rng(0x1ed1_6e0d);
    let cases = if cfg!(debug_assertions) { 400 } else { 2000 };
    for _ in 0..cases {
        let start = rng.date(ymd(2015, 7, 1), 16 * 365);
        let insurance = if rng.chance(50) {
            Insurance::Fuldtid
        } else {
            Insurance::Deltid
        };
        let periods = random_periods(&mut rng, start);
        let counter = Ledighed::with_part_time(start, insurance, periods.iter().copied());
        let per_day = u64::from(match insurance {
            Insurance::Fuldtid => 3700u32,
            Insurance::Deltid => 3000,
        });
        let mut targets: Vec<u64> = [
            Span::Weeks(6),
            Span::Months(3),
            Span::Months(6),
            Span::Months(16),
            Span::HalfMonths(3),
        ]
        .iter()
        .map(|s| s.target(insurance).0)
        .collect();
        targets.push(1 + rng.below(1_000_000) as u64);
        // A whole number of full days, and a whole number of a part-time day's worth.
        targets.push(per_day * (1 + rng.below(300) as u64));
        if let Some(h) = periods.iter().find_map(|(_, h)| *h).filter(|h| h.0 < per_day) {
            targets.push((per_day - h.0) * (1 + rng.below(200) as u64));
        }
        for target in targets {
            let want = walk(start, insurance, &periods, target);
            let got = counter.reach_units(Units(target)).unwrap();
            assert_eq!(
                got.date, want,
                "target {target} from {start} ({insurance:?}) over {periods:?}"
            );
            // Asked again (the counter remembers recent answers), the same day.
            assert_eq!(counter.reach_units(Units(target)).unwrap().date, want);
            // The explanation's breakdown of that day adds up to what was counted: its whole
            // days and its part-time days, in days and in hours.
            let b = counter.breakdown(got.date);
            let part_days: u32 = b.part_time.iter().map(|s| s.days).sum();
            assert_eq!(
                b.full_days + part_days,
                got.days,
                "days to {} over {periods:?}",
                got.date
            );
            let part_units: u64 = b.part_time.iter().map(|s| u64::from(s.days) * s.per_day.0).sum();
            assert_eq!(
                u64::from(b.full_days) * per_day + part_units,
                got.counted.0,
                "hours to {}",
                got.date
            );
            assert!(got.counted.0 >= target.max(1));
        }
        // The hand-over: the first of the month after the day the count passes the line.
        let line = insurance.handover_threshold().units().0 + 1;
        let trigger = walk(start, insurance, &periods, line);
        let (y, m) = if trigger.month() == 12 {
            (trigger.year() + 1, 1)
        } else {
            (trigger.year(), trigger.month() + 1)
        };
        let handover = counter.handover();
        assert_eq!(
            handover.date,
            ymd(y, m, 1),
            "hand-over from {start} ({insurance:?}) over {periods:?}"
        );
        assert_eq!(handover.trigger().map(|t| t.date), Some(trigger));
    }
}

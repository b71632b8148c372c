//! The ledighed counter (RULES.md § 2): how many hours of sammenlagt ledighed have been counted
//! on each day, when x weeks or months are reached (`L(x)`), calendar offsets (`T(d)`) and the
//! hand-over from a-kasse to jobcenter/kommune (`H`).
//!
//! Every weekday from `start` on adds hours: a whole day (7.4 hours, deltid 6) when dagpenge are
//! paid for it all, `(W − h)/5` hours in a period of part-time work with `h` hours worked a week
//! (supplerende dagpenge), nothing in a pause or a COVID freeze. The days are kept as *runs*:
//! stretches in which every weekday adds the same, so that `L(x)` is found run by run rather
//! than day by day. Everything is whole days and whole units of 1/500 hour ([`Units`]); there is
//! no floating point.
//!
//! Two things from schema 2 (RULES.md § 2): a sickness is entered whole, and only its days from
//! the 15th on are a pause ([`sickness_split`]); and hours from an earlier spell of unemployment in
//! the same dagpengeperiode (`prior_hours`) are counted at `start`, so a target they already reach
//! lies before `start` and [`Ledighed::reach`] has no day for it (`None`).

mod hours;

pub use hours::{Span, Units};
// The vocabulary's hours, insurance and periods, at their old paths.
pub use crate::vocabulary::hours::{HoursError, Hundredths};
pub use crate::vocabulary::insurance::Insurance;
pub use crate::vocabulary::period::{Effect, Period};

use crate::rules::dates::{day_number, from_day_number, weekday_at, weekdays_before};
use crate::rules::law;
use chrono::{Datelike, Days, NaiveDate};
use std::cell::Cell;

/// Hours from these periods do not count ([`law::FROZEN`]: BEK om en aktiv beskæftigelsesindsats § 7;
/// the COVID freeze).
pub const FROZEN: [Period; 2] = law::FROZEN.value;

/// The calendar days of a sickness that are days with dagpenge: the first 14
/// ([`law::SICK_DAYS_WITH_DAGPENGE`], RULES.md § 2).
pub const SICK_DAYS_WITH_DAGPENGE: u32 = law::SICK_DAYS_WITH_DAGPENGE.value;

/// How a sickness counts (RULES.md § 2): its first 14 calendar days are days with dagpenge
/// (dagpenge under sygdom) and count as if it were not there; from the 15th day on it is a full
/// pause (sygedagpenge from the kommune count no hours). Where part-time work covers its first
/// day, sygedagpenge are paid from the first day, and none of it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SickSplit {
    /// The days that count as days with dagpenge, `from .. min(from + 13, to)`; `None` with
    /// part-time work on the first day.
    pub counted: Option<Period>,
    /// The days that are a full pause: from the 15th day, or all of them.
    pub paused: Option<Period>,
    /// Part-time work covered the sickness's first day.
    pub part_time_on_first_day: bool,
}

/// How the sickness `sick` counts among all the periods given (only their part-time periods matter).
pub fn sickness_split(sick: Period, periods: &[(Period, Effect)]) -> SickSplit {
    let part_time_on_first_day = periods
        .iter()
        .any(|(p, e)| matches!(e, Effect::PartTime(_)) && p.from <= sick.from && sick.from <= p.to);
    if part_time_on_first_day {
        return SickSplit {
            counted: None,
            paused: Some(sick),
            part_time_on_first_day,
        };
    }
    let fifteenth = sick
        .from
        .checked_add_days(Days::new(u64::from(SICK_DAYS_WITH_DAGPENGE)))
        .unwrap_or(NaiveDate::MAX);
    let last_counted = fifteenth.pred_opt().unwrap_or(fifteenth).min(sick.to);
    SickSplit {
        counted: Some(Period {
            from: sick.from,
            to: last_counted,
        }),
        paused: (fifteenth <= sick.to).then_some(Period {
            from: fifteenth,
            to: sick.to,
        }),
        part_time_on_first_day,
    }
}

/// The day on which an amount of ledighed is reached, with what it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reached {
    pub date: NaiveDate,
    /// The weekdays from `start` to `date` that added hours: `date` is the `days`-th.
    pub days: u32,
    /// The weekdays from `start` to `date` that added nothing (pauses, frozen periods, weeks of
    /// `W` hours' work or more).
    pub skipped: u32,
    /// The hours counted up to `date` (included): the hours from before `start`
    /// ([`Ledighed::prior`]) and those counted from `start` on.
    pub counted: Units,
}

/// The hand-over date and how it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handover {
    pub date: NaiveDate,
    pub basis: HandoverBasis,
}

/// How the hand-over date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoverBasis {
    /// By the 410-hour rule: the day that passed the line.
    Counted(Reached),
    /// The hours from before `start` alone are over the line: `H` is `start` (RULES.md § 2).
    Prior,
    /// The a-kasse gave the date (an override).
    Given,
}

impl Handover {
    /// The day that passed the line, when the 410-hour rule found the date.
    pub fn trigger(&self) -> Option<Reached> {
        match self.basis {
            HandoverBasis::Counted(r) => Some(r),
            HandoverBasis::Prior | HandoverBasis::Given => None,
        }
    }
}

/// Part of the way to a day, in a run of part-time work: from `from`, `days` weekdays each
/// adding `per_day`, with `worked` hours a week worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    pub from: NaiveDate,
    pub worked: Hundredths,
    pub per_day: Units,
    pub days: u32,
}

/// How the hours up to a day were counted: whole days, and the runs of part-time work.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Breakdown {
    /// Weekdays that added a whole day.
    pub full_days: u32,
    /// The runs of part-time work that added something, in calendar order.
    pub part_time: Vec<Slice>,
    /// Of the weekdays that added something, those in the first 14 days of a sickness
    /// (dagpenge under sygdom).
    pub sick_days: u32,
}

/// From day number `from` on, up to the next run, every weekday adds `adds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    from: i64,
    /// The hours worked a week (0 outside part-time work, and in a full pause or a freeze).
    worked: Hundredths,
    adds: Units,
    /// In the first 14 days of a sickness (counted as sick days only where the run adds
    /// something: a full pause or a freeze wins).
    sick: bool,
    /// Monday–Friday days before `from` (from day 1 on), as [`weekdays_before`] counts them.
    weekdays: i64,
    /// The units counted from `start` to the day before `from`.
    counted: u64,
    /// The weekdays from `start` to the day before `from` that added something.
    days: u64,
}

/// One entry of the counter's memory: a target and the day that reached it (`target` 0: empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Remembered {
    target: u64,
    reached: Reached,
}

const EMPTY: Remembered = Remembered {
    target: 0,
    reached: Reached {
        date: NaiveDate::MIN,
        days: 0,
        skipped: 0,
        counted: Units(0),
    },
};

/// The counter of one person's ledighed.
#[derive(Debug, Clone)]
pub struct Ledighed {
    start: NaiveDate,
    start_n: i64,
    insurance: Insurance,
    /// The hours counted before `start` (`prior_hours`).
    prior: Units,
    /// From `start` on, in order; the last run lasts for ever and adds a whole day.
    runs: Vec<Run>,
    /// The last few targets reached (a plan asks for the same L(x) several times), each kept in
    /// its own cell so that a look-up copies one entry, not all of them.
    recent: [Cell<Remembered>; 6],
    next: Cell<usize>,
}

impl Default for Remembered {
    fn default() -> Remembered {
        EMPTY
    }
}

impl Ledighed {
    /// A counter from `start` with full pauses only; they may overlap and begin before `start`.
    pub fn new(start: NaiveDate, insurance: Insurance, pauses: &[Period]) -> Ledighed {
        Ledighed::with_part_time(start, insurance, pauses.iter().map(|p| (*p, None)))
    }

    /// A counter from `start` over periods without dagpenge (`None`) and periods of part-time
    /// work (`Some(hours worked a week)`); any of them may overlap and begin before `start`. On a
    /// day in a full pause or a freeze nothing counts; otherwise the hours worked a week are the
    /// sum over the part-time periods covering it.
    pub fn with_part_time(
        start: NaiveDate,
        insurance: Insurance,
        periods: impl Iterator<Item = (Period, Option<Hundredths>)>,
    ) -> Ledighed {
        let periods: Vec<(Period, Effect)> = periods
            .map(|(p, h)| (p, h.map_or(Effect::Pause, Effect::PartTime)))
            .collect();
        Ledighed::counting(start, insurance, Hundredths(0), &periods)
    }

    /// A counter from `start`, with `prior` hours already counted before it (an earlier spell of
    /// unemployment in the same dagpengeperiode), over the periods the person gave: pauses,
    /// part-time work and sicknesses, which may overlap and begin before `start` (RULES.md § 2).
    pub fn counting(
        start: NaiveDate,
        insurance: Insurance,
        prior: Hundredths,
        periods: &[(Period, Effect)],
    ) -> Ledighed {
        let start_n = day_number(start);
        let clip = |p: &Period| {
            let (from, to) = (day_number(p.from).max(start_n), day_number(p.to));
            (from <= to).then_some((from, to + 1))
        };
        // (day, change in the number of full pauses, change in the hours worked a week, change
        // in the number of sicknesses in their first 14 days)
        let mut events: Vec<(i64, i64, i64, i64)> = Vec::new();
        let mut add = |period: &Period, paused: i64, worked: i64, sick: i64| {
            if let Some((from, end)) = clip(period) {
                events.extend([(from, paused, worked, sick), (end, -paused, -worked, -sick)]);
            }
        };
        for (period, effect) in periods {
            match *effect {
                Effect::Pause => add(period, 1, 0, 0),
                Effect::PartTime(h) => add(period, 0, i64::try_from(h.0).unwrap_or(i64::MAX / 4_096), 0),
                Effect::Sickness => {
                    let split = sickness_split(*period, periods);
                    if let Some(counted) = split.counted {
                        add(&counted, 0, 0, 1);
                    }
                    if let Some(paused) = split.paused {
                        add(&paused, 1, 0, 0);
                    }
                }
            }
        }
        for frozen in &FROZEN {
            add(frozen, 1, 0, 0);
        }
        events.sort_unstable_by_key(|e| e.0);
        let run = |from: i64, paused: i64, worked: i64, sick: i64| {
            let (worked, adds) = if paused > 0 {
                (Hundredths(0), Units(0))
            } else {
                let worked = Hundredths(u64::try_from(worked).unwrap_or(0));
                (worked, insurance.per_day_working(worked))
            };
            Run {
                from,
                worked,
                adds,
                sick: sick > 0,
                weekdays: weekdays_before(from),
                counted: 0,
                days: 0,
            }
        };
        let mut runs = Vec::with_capacity(events.len() + 1);
        runs.push(run(start_n, 0, 0, 0));
        let (mut paused, mut worked, mut sick) = (0, 0, 0);
        for (day, dp, dw, ds) in events {
            paused += dp;
            worked += dw;
            sick += ds;
            let next = run(day, paused, worked, sick);
            match runs.last_mut() {
                Some(last) if last.from == day => *last = next,
                _ => runs.push(next),
            }
        }
        // Neighbours that add the same for the same reason are one run.
        runs.dedup_by(|next, kept| (next.worked, next.adds, next.sick) == (kept.worked, kept.adds, kept.sick));
        // What was counted before each run: the hours from before `start`, then each run's.
        let prior = prior.units();
        let (mut counted, mut days) = (prior.0, 0u64);
        for i in 0..runs.len() {
            runs[i].counted = counted;
            runs[i].days = days;
            if let Some(end) = runs.get(i + 1).map(|r| r.weekdays) {
                let n = u64::try_from(end - runs[i].weekdays).unwrap_or(0);
                counted = counted.saturating_add(n.saturating_mul(runs[i].adds.0));
                days += if runs[i].adds.0 > 0 { n } else { 0 };
            }
        }
        Ledighed {
            start,
            start_n,
            insurance,
            prior,
            runs,
            recent: Default::default(),
            next: Cell::new(0),
        }
    }

    pub fn start(&self) -> NaiveDate {
        self.start
    }

    pub fn insurance(&self) -> Insurance {
        self.insurance
    }

    /// The hours counted before `start` (`prior_hours`).
    pub fn prior(&self) -> Units {
        self.prior
    }

    /// Whether some day from `start` on is counted in part (part-time work).
    pub fn has_part_time(&self) -> bool {
        self.runs.iter().any(|r| r.worked.0 > 0)
    }

    /// `T(d)`: the calendar date `start + d` days.
    pub fn t(&self, days: u32) -> NaiveDate {
        self.start
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The runs with the day number each one ends before (`None`: never).
    fn spans(&self) -> impl Iterator<Item = (Run, Option<i64>)> + '_ {
        self.runs
            .iter()
            .enumerate()
            .map(|(i, run)| (*run, self.runs.get(i + 1).map(|next| next.from)))
    }

    /// The first day on which the hours counted reach `target`; `None` when the hours from
    /// before `start` already reach it (the day lies in an earlier spell of unemployment).
    pub fn reach_units(&self, target: Units) -> Option<Reached> {
        let target = target.0.max(1);
        if target <= self.prior.0 {
            return None;
        }
        for cell in &self.recent {
            let r = cell.get();
            if r.target == target {
                return Some(r.reached);
            }
        }
        // The run in which the target is reached: the last one that begins below it (the first
        // begins below it, and a run that adds nothing never ends one above it).
        let i = self.runs.partition_point(|r| r.counted < target).saturating_sub(1);
        let reached = match self.runs.get(i).filter(|r| r.adds.0 > 0) {
            Some(run) => {
                let need = (target - run.counted).div_ceil(run.adds.0);
                let n = weekday_at(run.weekdays + i64::try_from(need).unwrap_or(i64::MAX / 8) - 1);
                let days = run.days + need;
                let weekdays = u64::try_from(weekdays_before(n + 1) - weekdays_before(self.start_n)).unwrap_or(0);
                Reached {
                    date: from_day_number(n),
                    days: u32::try_from(days).unwrap_or(u32::MAX),
                    skipped: u32::try_from(weekdays.saturating_sub(days)).unwrap_or(u32::MAX),
                    counted: Units(run.counted + need * run.adds.0),
                }
            }
            // Not reached: the last run adds a whole day for ever, so this is never so.
            None => EMPTY.reached,
        };
        let slot = self.next.get();
        self.recent[slot].set(Remembered { target, reached });
        self.next.set((slot + 1) % self.recent.len());
        Some(reached)
    }

    /// `L(x)`: the first day on which the hours counted reach hours(x); `None` when it lies
    /// before `start` (the hours from before `start` reach it).
    pub fn reach(&self, span: Span) -> Option<Reached> {
        self.reach_units(span.target(self.insurance))
    }

    /// `H`: the first day of the month after the first month at whose end more than 410 hours
    /// (deltid 332.44) have been counted — the month of the first day on which they have; `start`
    /// when the hours from before `start` alone are more (RULES.md § 2).
    pub fn handover(&self) -> Handover {
        // More than the threshold, in whole units: at least one unit more.
        let over = Units(self.insurance.handover_threshold().units().0 + 1);
        let Some(trigger) = self.reach_units(over) else {
            return Handover {
                date: self.start,
                basis: HandoverBasis::Prior,
            };
        };
        let d = trigger.date;
        let (y, m) = if d.month() == 12 {
            (d.year() + 1, 1)
        } else {
            (d.year(), d.month() + 1)
        };
        let date = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX);
        Handover {
            date,
            basis: HandoverBasis::Counted(trigger),
        }
    }

    /// How the hours from `start` up to `date` (included) were counted.
    pub fn breakdown(&self, date: NaiveDate) -> Breakdown {
        let last = day_number(date);
        let mut out = Breakdown::default();
        for (run, end) in self.spans() {
            if run.from > last {
                break;
            }
            let stop = end.map_or(last + 1, |end| end.min(last + 1));
            let days = u32::try_from(weekdays_before(stop) - weekdays_before(run.from)).unwrap_or(0);
            if run.adds.0 == 0 || days == 0 {
                continue;
            }
            if run.sick {
                out.sick_days += days;
            }
            if run.worked.0 == 0 {
                out.full_days += days;
            } else {
                out.part_time.push(Slice {
                    from: from_day_number(run.from),
                    worked: run.worked,
                    per_day: run.adds,
                    days,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;

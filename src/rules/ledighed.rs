//! The ledighed counter (RULES.md § 2): which days count as days of paid dagpenge, when x weeks or
//! months of sammenlagt ledighed are reached (`L(x)`), calendar offsets (`T(d)`) and the
//! hand-over from a-kasse to jobcenter/kommune (`H`).
//!
//! Everything is whole days and whole hundredths of an hour; there is no floating point.

use crate::contract::lang::Lang;
use crate::rules::dates::{day_number, from_day_number, weekday_at, weekdays_before, ymd};
use chrono::{Datelike, Days, NaiveDate};
use std::cell::Cell;

/// A number of hours in whole hundredths: `Hundredths(16033)` is 160.33 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hundredths(pub u64);

impl Hundredths {
    /// "480,99" / "480.99", "7,4", "481": no trailing zeros.
    pub fn format(self, lang: Lang) -> String {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        let sep = lang.pick(',', '.');
        match frac {
            0 => whole.to_string(),
            f if f % 10 == 0 => format!("{whole}{sep}{}", f / 10),
            f => format!("{whole}{sep}{f:02}"),
        }
    }
}

words! {
    /// Full-time or part-time insurance: how many hours a day, a week and a month are worth
    /// (BEK om en aktiv beskæftigelsesindsats § 7).
    #[derive(Default)]
    pub enum Insurance {
        #[default]
        Fuldtid = "fuldtid",
        Deltid = "deltid",
    }
}

impl Insurance {
    /// One accrual day: a fifth of a week.
    pub fn per_day(self) -> Hundredths {
        Hundredths(self.per_week().0 / 5)
    }

    /// 37 hours, or 30 for deltid.
    pub fn per_week(self) -> Hundredths {
        match self {
            Insurance::Fuldtid => Hundredths(3700),
            Insurance::Deltid => Hundredths(3000),
        }
    }

    /// 160.33 hours, or 130 for deltid.
    pub fn per_month(self) -> Hundredths {
        match self {
            Insurance::Fuldtid => Hundredths(16_033),
            Insurance::Deltid => Hundredths(13_000),
        }
    }

    /// The hand-over happens once *more than* this many hours are paid: 410 hours, scaled to
    /// 332.4 for deltid (RULES.md § 2).
    pub fn handover_threshold(self) -> Hundredths {
        match self {
            Insurance::Fuldtid => Hundredths(41_000),
            Insurance::Deltid => Hundredths(33_240),
        }
    }
}

/// An amount of sammenlagt ledighed: "3 uger", "6 måneder".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Weeks(u32),
    Months(u32),
    /// Half months: `HalfMonths(3)` is 1½ months, as STAR's indicator of the first samtale uses.
    HalfMonths(u32),
}

impl Span {
    /// hours(n weeks) = n × 37, hours(n months) = n × 160.33 (deltid 30 and 130), as a fraction
    /// of whole hundredths (numerator, denominator): half months can end in half a hundredth.
    fn hours_fraction(self, insurance: Insurance) -> (u64, u64) {
        match self {
            Span::Weeks(n) => (u64::from(n) * insurance.per_week().0, 1),
            Span::Months(n) => (u64::from(n) * insurance.per_month().0, 1),
            Span::HalfMonths(n) => (u64::from(n) * insurance.per_month().0, 2),
        }
    }

    /// The hours of the span, rounded up to whole hundredths.
    pub fn hours(self, insurance: Insurance) -> Hundredths {
        let (num, den) = self.hours_fraction(insurance);
        Hundredths(num.div_ceil(den))
    }

    /// k: the smallest number of accrual days whose hours reach the span's hours.
    pub fn accrual_days(self, insurance: Insurance) -> AccrualDays {
        let (num, den) = self.hours_fraction(insurance);
        let k = num.div_ceil(den * insurance.per_day().0).max(1);
        AccrualDays(u32::try_from(k).unwrap_or(u32::MAX))
    }

    /// "3 måneder" / "3 months".
    pub fn label(self, lang: Lang) -> String {
        let (n, da1, da, en1, en) = match self {
            Span::Weeks(n) => (n, "uge", "uger", "week", "weeks"),
            Span::Months(n) => (n, "måned", "måneder", "month", "months"),
            Span::HalfMonths(n) if n % 2 == 1 => {
                let whole = if n == 1 { String::new() } else { (n / 2).to_string() };
                return format!("{whole}½ {}", lang.pick("måned", "months"));
            }
            Span::HalfMonths(n) => (n / 2, "måned", "måneder", "month", "months"),
        };
        let unit = if n == 1 { lang.pick(da1, en1) } else { lang.pick(da, en) };
        format!("{n} {unit}")
    }
}

/// A count of accrual days, at least one. Only the counter's own rules make one, so `L(x)` can
/// never be asked for the "0th" day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct AccrualDays(u32);

impl AccrualDays {
    /// The smallest k with k × per-day *more than* the hand-over threshold: 56 both ways.
    pub fn for_handover(insurance: Insurance) -> AccrualDays {
        let per_day = insurance.per_day().0;
        let k = insurance.handover_threshold().0 / per_day + 1;
        AccrualDays(u32::try_from(k).unwrap_or(u32::MAX))
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// The hours paid after this many accrual days.
    pub fn hours(self, insurance: Insurance) -> Hundredths {
        Hundredths(u64::from(self.0) * insurance.per_day().0)
    }
}

/// An inclusive range of dates without dagpenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Hours from these periods do not count (BEK om en aktiv beskæftigelsesindsats § 7; the COVID freeze).
pub const FROZEN: [Period; 2] = [
    Period {
        from: ymd(2020, 3, 1),
        to: ymd(2020, 8, 31),
    },
    Period {
        from: ymd(2021, 1, 1),
        to: ymd(2021, 6, 30),
    },
];

/// The date on which an amount of ledighed is reached, with what it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reached {
    pub date: NaiveDate,
    pub days: AccrualDays,
    /// Monday–Friday days from `start` to `date` that did not count (pauses, frozen periods).
    pub skipped: u32,
}

/// The hand-over date and the accrual day that triggered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handover {
    pub date: NaiveDate,
    /// `None` when the a-kasse gave the date (an override); otherwise the day that passed 410 hours.
    pub trigger: Option<Reached>,
}

/// The counter of one person's ledighed.
#[derive(Debug, Clone)]
pub struct Ledighed {
    start: NaiveDate,
    start_n: i64,
    insurance: Insurance,
    /// Day-number ranges without accrual, inclusive, on or after `start`, sorted and merged.
    blocked: Vec<(i64, i64)>,
    /// The last few days reached: a plan asks for the same L(x) several times.
    recent: Cell<[Option<Reached>; 6]>,
}

impl Ledighed {
    /// A counter from `start`; pauses may overlap and may begin before `start`.
    pub fn new(start: NaiveDate, insurance: Insurance, pauses: &[Period]) -> Ledighed {
        let start_n = day_number(start);
        let mut blocked: Vec<(i64, i64)> = pauses
            .iter()
            .chain(FROZEN.iter())
            .map(|p| (day_number(p.from).max(start_n), day_number(p.to)))
            .filter(|&(from, to)| from <= to)
            .collect();
        blocked.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(blocked.len());
        for (from, to) in blocked {
            match merged.last_mut() {
                Some(last) if from <= last.1 + 1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        Ledighed {
            start,
            start_n,
            insurance,
            blocked: merged,
            recent: Cell::new([None; 6]),
        }
    }

    pub fn start(&self) -> NaiveDate {
        self.start
    }

    pub fn insurance(&self) -> Insurance {
        self.insurance
    }

    /// `T(d)`: the calendar date `start + d` days.
    pub fn t(&self, days: u32) -> NaiveDate {
        self.start
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The day number of the k-th accrual day.
    fn nth(&self, k: AccrualDays) -> i64 {
        let mut remaining = i64::from(k.0);
        let mut cur = self.start_n;
        for &(from, to) in &self.blocked {
            if from > cur {
                let before_cur = weekdays_before(cur);
                let available = weekdays_before(from) - before_cur;
                if remaining <= available {
                    return weekday_at(before_cur + remaining - 1);
                }
                remaining -= available;
            }
            cur = cur.max(to + 1);
        }
        weekday_at(weekdays_before(cur) + remaining - 1)
    }

    /// The date of the k-th accrual day, with the weekdays it skipped.
    pub fn reach_days(&self, days: AccrualDays) -> Reached {
        let mut recent = self.recent.get();
        if let Some(r) = recent.iter().flatten().find(|r| r.days == days) {
            return *r;
        }
        let n = self.nth(days);
        let weekdays = weekdays_before(n + 1) - weekdays_before(self.start_n);
        let skipped = u32::try_from(weekdays - i64::from(days.0)).unwrap_or(0);
        let reached = Reached {
            date: from_day_number(n),
            days,
            skipped,
        };
        recent.rotate_right(1);
        recent[0] = Some(reached);
        self.recent.set(recent);
        reached
    }

    /// `L(x)`.
    pub fn reach(&self, span: Span) -> Reached {
        self.reach_days(span.accrual_days(self.insurance))
    }

    /// `H`: the first day of the month after the month in which more than 410 hours
    /// (56 accrual days) have been paid.
    pub fn handover(&self) -> Handover {
        let trigger = self.reach_days(AccrualDays::for_handover(self.insurance));
        let d = trigger.date;
        let (y, m) = if d.month() == 12 {
            (d.year() + 1, 1)
        } else {
            (d.year(), d.month() + 1)
        };
        let date = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX);
        Handover {
            date,
            trigger: Some(trigger),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_table_of_rules_md() {
        let table = [
            (Span::Weeks(3), 15),
            (Span::Weeks(6), 30),
            (Span::Months(1), 22),
            (Span::Months(2), 44),
            (Span::Months(3), 65),
            (Span::Months(4), 87),
            (Span::Months(5), 109),
            (Span::Months(6), 130),
            (Span::Months(9), 195),
            (Span::Months(12), 260),
            (Span::Months(15), 325),
            (Span::Months(16), 347),
        ];
        for (span, k) in table {
            for ins in [Insurance::Fuldtid, Insurance::Deltid] {
                assert_eq!(span.accrual_days(ins).get(), k, "{span:?} {ins:?}");
            }
        }
        // 1½ months = 240.495 hours (fuldtid) or 195 (deltid): 33 accrual days either way.
        for ins in [Insurance::Fuldtid, Insurance::Deltid] {
            assert_eq!(Span::HalfMonths(3).accrual_days(ins).get(), 33, "{ins:?}");
            assert_eq!(Span::HalfMonths(6).accrual_days(ins), Span::Months(3).accrual_days(ins));
        }
        assert_eq!(Span::HalfMonths(3).label(Lang::Da), "1½ måned");
        assert_eq!(Span::HalfMonths(3).label(Lang::En), "1½ months");
        assert_eq!(AccrualDays::for_handover(Insurance::Fuldtid).get(), 56);
        assert_eq!(AccrualDays::for_handover(Insurance::Deltid).get(), 56);
    }

    #[test]
    fn hours_are_written_without_trailing_zeros() {
        assert_eq!(Hundredths(48_099).format(Lang::Da), "480,99");
        assert_eq!(Hundredths(740).format(Lang::Da), "7,4");
        assert_eq!(Hundredths(740).format(Lang::En), "7.4");
        assert_eq!(Hundredths(48_100).format(Lang::Da), "481");
        assert_eq!(Hundredths(41_440).format(Lang::Da), "414,4");
        assert_eq!(Hundredths(1_005).format(Lang::Da), "10,05");
    }

    #[test]
    fn monday_start_without_pauses() {
        let ledighed = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[]);
        // RULES.md: L(3 md) is the Friday of the 13th week, start + 88 days.
        assert_eq!(ledighed.reach(Span::Months(3)).date, ymd(2024, 5, 31));
        assert_eq!(ledighed.reach(Span::Months(6)).date, ymd(2024, 8, 30));
        assert_eq!(ledighed.reach(Span::Months(16)).date, ymd(2025, 7, 1));
        let h = ledighed.handover();
        assert_eq!(h.trigger.map(|t| t.date), Some(ymd(2024, 5, 20)));
        assert_eq!(h.date, ymd(2024, 6, 1));
        assert_eq!(ledighed.t(14), ymd(2024, 3, 18));
    }

    #[test]
    fn weekend_start_counts_from_monday() {
        let ledighed = Ledighed::new(ymd(2024, 3, 2), Insurance::Fuldtid, &[]);
        assert_eq!(ledighed.reach_days(AccrualDays(1)).date, ymd(2024, 3, 4));
        assert_eq!(ledighed.reach(Span::Months(3)).date, ymd(2024, 5, 31));
    }

    #[test]
    fn pauses_merge_clip_and_skip() {
        let p = |a: (i32, u32, u32), b: (i32, u32, u32)| Period {
            from: ymd(a.0, a.1, a.2),
            to: ymd(b.0, b.1, b.2),
        };
        let plain = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[]);
        // Two overlapping pauses covering Mon 1 April to Fri 12 April: ten weekdays.
        let paused = Ledighed::new(
            ymd(2024, 3, 4),
            Insurance::Fuldtid,
            &[p((2024, 4, 5), (2024, 4, 12)), p((2024, 4, 1), (2024, 4, 8))],
        );
        let r = paused.reach(Span::Months(3));
        assert_eq!(r.date, ymd(2024, 6, 14));
        assert_eq!(r.skipped, 10);
        // A pause lying wholly before start changes nothing; one reaching into it is clipped.
        let before = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[p((2024, 1, 1), (2024, 2, 1))]);
        assert_eq!(before.reach(Span::Months(3)), plain.reach(Span::Months(3)));
        let into = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[p((2024, 2, 1), (2024, 3, 8))]);
        assert_eq!(into.reach_days(AccrualDays(1)).date, ymd(2024, 3, 11));
        // Adjacent pauses behave as one.
        let adjacent = Ledighed::new(
            ymd(2024, 3, 4),
            Insurance::Fuldtid,
            &[p((2024, 4, 1), (2024, 4, 5)), p((2024, 4, 6), (2024, 4, 12))],
        );
        assert_eq!(adjacent.reach(Span::Months(3)).date, ymd(2024, 6, 14));
    }

    #[test]
    fn covid_freeze_stops_the_clock() {
        // Start Monday 2 March 2020: nothing counts until Tuesday 1 September 2020.
        let ledighed = Ledighed::new(ymd(2020, 3, 2), Insurance::Fuldtid, &[]);
        assert_eq!(ledighed.reach_days(AccrualDays(1)).date, ymd(2020, 9, 1));
    }

    #[test]
    fn handover_in_december_rolls_the_year() {
        // Start Monday 2 September 2024: day 56 is Monday 18 November; H = 1 December.
        let ledighed = Ledighed::new(ymd(2024, 9, 2), Insurance::Fuldtid, &[]);
        assert_eq!(ledighed.handover().date, ymd(2024, 12, 1));
        // Start Monday 7 October 2024: day 56 is Monday 23 December; H = 1 January 2025.
        let ledighed = Ledighed::new(ymd(2024, 10, 7), Insurance::Fuldtid, &[]);
        assert_eq!(ledighed.handover().date, ymd(2025, 1, 1));
    }
}

//! Whole-day arithmetic on weekdays, as the counter and the holidays use it. The dates' words
//! and their strict reading are the vocabulary's ([`crate::vocabulary::dates`]), re-exported
//! here at their old paths.

use chrono::{Datelike, NaiveDate, Weekday};

pub use crate::vocabulary::dates::{
    DateError, likely_year, long, month_name, parse_iso, period, short, span, weekday_name, ymd,
};

/// A running day number: 1 for Monday 0001-01-01, so `(n - 1) % 7 == 0` on Mondays.
pub fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// The date of a day number made by [`day_number`]. Day numbers here come from valid dates
/// plus at most a few thousand days, far inside chrono's range.
pub fn from_day_number(n: i64) -> NaiveDate {
    i32::try_from(n)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(NaiveDate::MAX)
}

/// How many Monday–Friday days lie before day `n` (from day 1 on).
pub fn weekdays_before(n: i64) -> i64 {
    let m = n - 1;
    5 * m.div_euclid(7) + m.rem_euclid(7).min(5)
}

/// The day number of the weekday with 0-based index `i` counted by [`weekdays_before`].
pub fn weekday_at(i: i64) -> i64 {
    1 + 7 * i.div_euclid(5) + i.rem_euclid(5)
}

/// Saturday or Sunday.
pub fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_counting_round_trips() {
        let monday = day_number(ymd(2024, 3, 4));
        assert_eq!((monday - 1) % 7, 0);
        for n in monday - 20..monday + 20 {
            let d = from_day_number(n);
            let i = weekdays_before(n);
            if !is_weekend(d) {
                assert_eq!(weekday_at(i), n);
            }
            assert_eq!(weekdays_before(n + 7), i + 5);
        }
    }
}

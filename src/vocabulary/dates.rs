//! Calendar dates as words: strict ISO parsing, the year a typing slip meant, and the Danish and
//! English names and long forms. Dates are `chrono::NaiveDate`; nothing here reads a clock. The
//! whole-day arithmetic on weekdays the counter does is the rules' ([`crate::rules::dates`]).

use crate::vocabulary::lang::Lang;
use chrono::{Datelike, NaiveDate};

/// Why a date string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// Of the right form, but no such day (2023-02-29, 2024-04-31, 2024-13-01).
    Invalid,
}

/// Builds a date known at compile time; fails the build if it does not exist.
pub const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("not a date"),
    }
}

/// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day, ASCII digits).
pub fn parse_iso(s: &str) -> Result<NaiveDate, DateError> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(DateError::Format);
    }
    let digits = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
        b[r].iter().try_fold(0u32, |acc, &c| {
            if c.is_ascii_digit() {
                Ok(acc * 10 + u32::from(c - b'0'))
            } else {
                Err(DateError::Format)
            }
        })
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    // year < 10000, so the cast cannot wrap.
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateError::Invalid)
}

const WEEKDAYS_DA: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekday's name: "mandag" / "Monday".
pub fn weekday_name(d: NaiveDate, lang: Lang) -> &'static str {
    lang.pick(WEEKDAYS_DA, WEEKDAYS_EN)[d.weekday().num_days_from_monday() as usize]
}

/// The name of month `m` (1–12) in `lang`, or `None` for a number that is no month.
pub fn month_name(m: u32, lang: Lang) -> Option<&'static str> {
    let i = usize::try_from(m).ok()?.checked_sub(1)?;
    lang.pick(MONTHS_DA, MONTHS_EN).get(i).copied()
}

/// "18. marts 2024" / "18 March 2024".
pub fn short(d: NaiveDate, lang: Lang) -> String {
    let month = lang.pick(MONTHS_DA, MONTHS_EN)[d.month0() as usize];
    match lang {
        Lang::Da => format!("{}. {} {}", d.day(), month, d.year()),
        Lang::En => format!("{} {} {}", d.day(), month, d.year()),
    }
}

/// "mandag 18. marts 2024" / "Monday 18 March 2024": the way the page and the table write dates.
pub fn long(d: NaiveDate, lang: Lang) -> String {
    format!("{} {}", weekday_name(d, lang), short(d, lang))
}

/// A period in force: "1. januar 2024–30. juni 2026", or "fra 1. juli 2026" while open-ended.
pub fn period(from: NaiveDate, to: Option<NaiveDate>, lang: Lang) -> String {
    match to {
        Some(to) => format!("{}–{}", short(from, lang), short(to, lang)),
        None => format!("{} {}", lang.pick("fra", "from"), short(from, lang)),
    }
}

/// Two dates as a span of days: "1.–14. april 2024", "28. marts – 10. april 2024",
/// "30. december 2024 – 12. januar 2025" (English: "1–14 April 2024"); one date alone when they
/// are the same day.
pub fn span(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    if from == to {
        return short(from, lang);
    }
    let day = |d: NaiveDate| match lang {
        Lang::Da => format!("{}.", d.day()),
        Lang::En => d.day().to_string(),
    };
    if from.year() != to.year() {
        return format!("{} – {}", short(from, lang), short(to, lang));
    }
    if from.month() != to.month() {
        let month = month_name(from.month(), lang).unwrap_or_default();
        return format!("{} {month} – {}", day(from), short(to, lang));
    }
    format!("{}–{}", day(from), short(to, lang))
}

/// A year that looks like a typing slip: swapping two neighbouring digits of its four ("2206",
/// "2062", "0226") gives another year within one of `reference` — that year ("mente du 2026?").
/// A swap moves a year by a multiple of 9 (of 90, of 900), so a year near `reference` never has
/// one: only a year nine or more from it can.
pub fn likely_year(typed: i32, reference: i32) -> Option<i32> {
    if !(0..10_000).contains(&typed) {
        return None;
    }
    // The four digits, thousands first; a swap of digits i and i + 1 gives the year again.
    let digit = |i: u32| typed / 10_i32.pow(3 - i) % 10;
    (0..3)
        .map(|i| {
            let (a, b) = (digit(i), digit(i + 1));
            let (pa, pb) = (10_i32.pow(3 - i), 10_i32.pow(2 - i));
            typed - a * pa - b * pb + b * pa + a * pb
        })
        // Two swaps move the year by different multiples of 9, so at most one lands near.
        .find(|&y| y != typed && (y - reference).abs() <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_named_one_to_twelve() {
        assert_eq!(month_name(1, Lang::Da), Some("januar"));
        assert_eq!(month_name(2, Lang::Da), Some("februar"));
        assert_eq!(month_name(12, Lang::En), Some("December"));
        assert_eq!(month_name(0, Lang::Da), None);
        assert_eq!(month_name(13, Lang::En), None);
    }

    #[test]
    fn parses_strict_iso_only() {
        assert_eq!(parse_iso("2024-02-29"), Ok(ymd(2024, 2, 29)));
        assert_eq!(parse_iso("2023-02-29"), Err(DateError::Invalid));
        assert_eq!(parse_iso("2024-13-01"), Err(DateError::Invalid));
        assert_eq!(parse_iso("2024-04-31"), Err(DateError::Invalid));
        assert_eq!(parse_iso("2024-00-10"), Err(DateError::Invalid));
        for bad in [
            "",
            "2024-3-4",
            "04-03-2024",
            "2024/03/04",
            "2024-03-04T00:00",
            " 2024-03-04",
            "２０２４-03-04",
            "+202-03-04",
        ] {
            assert_eq!(parse_iso(bad), Err(DateError::Format), "{bad:?}");
        }
    }

    #[test]
    fn writes_danish_and_english() {
        let d = ymd(2024, 3, 18);
        assert_eq!(long(d, Lang::Da), "mandag 18. marts 2024");
        assert_eq!(long(d, Lang::En), "Monday 18 March 2024");
        assert_eq!(long(ymd(2024, 6, 1), Lang::Da), "lørdag 1. juni 2024");
    }

    #[test]
    fn spans_name_the_month_and_year_once_where_they_are_shared() {
        assert_eq!(span(ymd(2024, 4, 1), ymd(2024, 4, 14), Lang::Da), "1.–14. april 2024");
        assert_eq!(span(ymd(2024, 4, 1), ymd(2024, 4, 14), Lang::En), "1–14 April 2024");
        assert_eq!(
            span(ymd(2024, 3, 28), ymd(2024, 4, 10), Lang::Da),
            "28. marts – 10. april 2024"
        );
        assert_eq!(
            span(ymd(2024, 3, 28), ymd(2024, 4, 10), Lang::En),
            "28 March – 10 April 2024"
        );
        assert_eq!(
            span(ymd(2024, 12, 30), ymd(2025, 1, 12), Lang::Da),
            "30. december 2024 – 12. januar 2025"
        );
        assert_eq!(span(ymd(2024, 4, 1), ymd(2024, 4, 1), Lang::Da), "1. april 2024");
    }

    #[test]
    fn a_year_with_two_digits_swapped_is_recognised() {
        assert_eq!(likely_year(2206, 2026), Some(2026));
        assert_eq!(likely_year(2062, 2026), Some(2026));
        assert_eq!(likely_year(226, 2026), Some(2026), "0226");
        assert_eq!(likely_year(2602, 2026), None, "two swaps away");
        assert_eq!(likely_year(2025, 2026), None, "near enough");
        assert_eq!(
            likely_year(2000, 2000),
            None,
            "a swap of two equal digits is the same year"
        );
        assert_eq!(likely_year(2002, 2001), None);
        assert_eq!(
            likely_year(2017, 2026),
            None,
            "9 from it, but 2071, 2107 and 0217 are not near"
        );
        assert_eq!(likely_year(2035, 2026), None);
        assert_eq!(
            likely_year(2031, 2026),
            None,
            "five years on, but no swap gives 2025–2027"
        );
        assert_eq!(likely_year(2042, 2024), Some(2024));
        assert_eq!(likely_year(2052, 2025), Some(2025));
        assert_eq!(likely_year(2021, 2012), Some(2012), "the last two digits swapped");
        assert_eq!(likely_year(1202, 2012), None);
        assert_eq!(likely_year(-1, 2026), None);
    }
}

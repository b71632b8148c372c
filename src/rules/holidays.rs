//! Danish non-working days (RULES.md § 2, "Non-working last days"). No rule moves a samtale
//! deadline off such a day; the calculator only flags it and names the last working day before.

use crate::rules::dates::is_weekend;
use crate::vocabulary::dates::weekday_name;
use crate::vocabulary::lang::{Lang, Text};
use chrono::{Datelike, Days, NaiveDate};

/// A public holiday or other day off that RULES.md § 2 counts as non-working.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Nytaarsdag,
    Skaertorsdag,
    Langfredag,
    Paaskedag,
    AndenPaaskedag,
    StoreBededag,
    KristiHimmelfartsdag,
    Pinsedag,
    AndenPinsedag,
    Grundlovsdag,
    Juleaftensdag,
    Juledag,
    AndenJuledag,
    Nytaarsaftensdag,
}

impl Holiday {
    pub fn name(self) -> Text {
        match self {
            Holiday::Nytaarsdag => Text::new("nytårsdag", "New Year's Day"),
            Holiday::Skaertorsdag => Text::new("skærtorsdag", "Maundy Thursday"),
            Holiday::Langfredag => Text::new("langfredag", "Good Friday"),
            Holiday::Paaskedag => Text::new("påskedag", "Easter Sunday"),
            Holiday::AndenPaaskedag => Text::new("2. påskedag", "Easter Monday"),
            Holiday::StoreBededag => Text::new("store bededag", "General Prayer Day"),
            Holiday::KristiHimmelfartsdag => Text::new("Kristi himmelfartsdag", "Ascension Day"),
            Holiday::Pinsedag => Text::new("pinsedag", "Whit Sunday"),
            Holiday::AndenPinsedag => Text::new("2. pinsedag", "Whit Monday"),
            Holiday::Grundlovsdag => Text::new("grundlovsdag", "Constitution Day"),
            Holiday::Juleaftensdag => Text::new("juleaftensdag", "Christmas Eve"),
            Holiday::Juledag => Text::new("1. juledag", "Christmas Day"),
            Holiday::AndenJuledag => Text::new("2. juledag", "Boxing Day"),
            Holiday::Nytaarsaftensdag => Text::new("nytårsaftensdag", "New Year's Eve"),
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 of a real Easter date for every year.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// The holiday on this date, if any (the list in RULES.md § 2, store bededag up to and including 2023).
pub fn holiday(d: NaiveDate) -> Option<Holiday> {
    let fixed = match (d.month(), d.day()) {
        (1, 1) => Some(Holiday::Nytaarsdag),
        (6, 5) => Some(Holiday::Grundlovsdag),
        (12, 24) => Some(Holiday::Juleaftensdag),
        (12, 25) => Some(Holiday::Juledag),
        (12, 26) => Some(Holiday::AndenJuledag),
        (12, 31) => Some(Holiday::Nytaarsaftensdag),
        _ => None,
    };
    if fixed.is_some() || !(3..=6).contains(&d.month()) {
        return fixed;
    }
    let offset = d.signed_duration_since(easter_sunday(d.year())).num_days();
    match offset {
        -3 => Some(Holiday::Skaertorsdag),
        -2 => Some(Holiday::Langfredag),
        0 => Some(Holiday::Paaskedag),
        1 => Some(Holiday::AndenPaaskedag),
        26 if d.year() <= 2023 => Some(Holiday::StoreBededag),
        39 => Some(Holiday::KristiHimmelfartsdag),
        49 => Some(Holiday::Pinsedag),
        50 => Some(Holiday::AndenPinsedag),
        _ => None,
    }
}

/// Saturday, Sunday or a holiday of [`holiday`].
pub fn is_non_working(d: NaiveDate) -> bool {
    is_weekend(d) || holiday(d).is_some()
}

/// What makes the day non-working, in a word: "2. pinsedag", "lørdag".
pub fn non_working_reason(d: NaiveDate, lang: Lang) -> Option<&'static str> {
    match holiday(d) {
        Some(h) => Some(h.name().get(lang)),
        None if is_weekend(d) => Some(weekday_name(d, lang)),
        None => None,
    }
}

/// The nearest day before `d` that is a working day.
pub fn last_working_day_before(d: NaiveDate) -> NaiveDate {
    let mut day = d;
    loop {
        // Never more than a handful of steps: the longest run of non-working days is Easter's five.
        day = day.checked_sub_days(Days::new(1)).unwrap_or(NaiveDate::MIN);
        if day == NaiveDate::MIN || !is_non_working(day) {
            return day;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::dates::ymd;

    #[test]
    fn easter_dates() {
        for (y, m, d) in [
            (2015, 4, 5),
            (2016, 3, 27),
            (2019, 4, 21),
            (2020, 4, 12),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
        ] {
            assert_eq!(easter_sunday(y), ymd(y, m, d), "{y}");
        }
    }

    #[test]
    fn danish_holidays_2024_and_store_bededag() {
        assert_eq!(holiday(ymd(2024, 3, 28)), Some(Holiday::Skaertorsdag));
        assert_eq!(holiday(ymd(2024, 3, 29)), Some(Holiday::Langfredag));
        assert_eq!(holiday(ymd(2024, 4, 1)), Some(Holiday::AndenPaaskedag));
        assert_eq!(holiday(ymd(2024, 5, 9)), Some(Holiday::KristiHimmelfartsdag));
        assert_eq!(holiday(ymd(2024, 5, 20)), Some(Holiday::AndenPinsedag));
        assert_eq!(holiday(ymd(2024, 6, 5)), Some(Holiday::Grundlovsdag));
        assert_eq!(holiday(ymd(2023, 5, 5)), Some(Holiday::StoreBededag));
        assert_eq!(holiday(ymd(2024, 4, 26)), None, "store bededag was abolished from 2024");
        assert_eq!(holiday(ymd(2024, 12, 24)), Some(Holiday::Juleaftensdag));
        assert_eq!(holiday(ymd(2024, 3, 4)), None);
    }

    #[test]
    fn last_working_day_skips_easter() {
        // 2. påskedag 2024 is Monday 1 April; before it: Sunday, Saturday, langfredag, skærtorsdag.
        assert_eq!(last_working_day_before(ymd(2024, 4, 1)), ymd(2024, 3, 27));
        assert_eq!(last_working_day_before(ymd(2024, 6, 1)), ymd(2024, 5, 31));
        assert_eq!(non_working_reason(ymd(2024, 5, 20), Lang::Da), Some("2. pinsedag"));
        assert_eq!(non_working_reason(ymd(2024, 6, 1), Lang::En), Some("Saturday"));
        assert_eq!(non_working_reason(ymd(2024, 6, 3), Lang::Da), None);
    }
}

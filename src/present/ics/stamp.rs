//! The file's date values (RFC 5545 § 3.3.4–5): an all-day event's DATE, `20240304`, and the
//! UTC DATE-TIME of `DTSTAMP`, a [`Stamp`], which the caller passes in and this module reads.

use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::lang::Lang;
use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::str::FromStr;

/// A UTC date and time, `DTSTAMP`'s value: when the file was made. Written `YYYYMMDDTHHMMSSZ`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    date: NaiveDate,
    hour: u8,
    minute: u8,
    second: u8,
}

impl Stamp {
    /// A stamp from its parts; `None` unless `hour < 24`, `minute < 60`, `second < 61` (60 being
    /// a leap second) and the year has four digits (0–9999).
    pub fn new(date: NaiveDate, hour: u8, minute: u8, second: u8) -> Option<Stamp> {
        let valid = (0..=9999).contains(&date.year()) && hour < 24 && minute < 60 && second < 61;
        valid.then_some(Stamp {
            date,
            hour,
            minute,
            second,
        })
    }

    pub fn date(self) -> NaiveDate {
        self.date
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }

    pub fn second(self) -> u8 {
        self.second
    }
}

/// `20240304T091500Z`.
impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}{:02}{:02}Z",
            ics_date(self.date),
            self.hour,
            self.minute,
            self.second
        )
    }
}

impl FromStr for Stamp {
    type Err = PlanError;

    fn from_str(s: &str) -> Result<Stamp, PlanError> {
        parse_stamp(s)
    }
}

/// Reads a stamp written exactly `YYYYMMDDTHHMMSSZ` (RFC 5545's UTC date-time), with its
/// messages in Danish. See [`parse_stamp_in`].
pub fn parse_stamp(s: &str) -> Result<Stamp, PlanError> {
    parse_stamp_in(s, Lang::Da)
}

/// Reads a stamp written exactly `YYYYMMDDTHHMMSSZ`: ASCII digits, a `T`, a `Z`, a day that
/// exists, `HH` < 24, `MM` < 60, `SS` < 61. Anything else is [`ErrorCode::DateFormat`] about the
/// field `stamp`, with its message in `lang`.
pub fn parse_stamp_in(s: &str, lang: Lang) -> Result<Stamp, PlanError> {
    let b = s.as_bytes();
    let shape = b.len() == 16 && b[8] == b'T' && b[15] == b'Z';
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let parts = shape
        .then(|| {
            Some((
                number(0..4)?,
                number(4..6)?,
                number(6..8)?,
                number(9..11)?,
                number(11..13)?,
                number(13..15)?,
            ))
        })
        .flatten();
    let Some((year, month, day, hour, minute, second)) = parts else {
        return Err(stamp_error(
            lang,
            format!(
                "{} er ikke et tidsstempel på formen ÅÅÅÅMMDDTttmmssZ (UTC), fx 20240304T091500Z.",
                quote(s)
            ),
            format!(
                "{} is not a time stamp of the form YYYYMMDDTHHMMSSZ (UTC), e.g. 20240304T091500Z.",
                quote(s)
            ),
        ));
    };
    // Four digits: year < 10000, so the cast cannot wrap.
    let Some(date) = NaiveDate::from_ymd_opt(year as i32, month, day) else {
        return Err(stamp_error(
            lang,
            format!("{}: datoen findes ikke i kalenderen.", quote(s)),
            format!("{}: the date does not exist.", quote(s)),
        ));
    };
    // Two digits each: every value fits in a u8.
    Stamp::new(date, hour as u8, minute as u8, second as u8).ok_or_else(|| {
        stamp_error(
            lang,
            format!(
                "{}: klokkeslættet findes ikke (timer 00–23, minutter 00–59, sekunder 00–60).",
                quote(s)
            ),
            format!(
                "{}: the time does not exist (hours 00–23, minutes 00–59, seconds 00–60).",
                quote(s)
            ),
        )
    })
}

fn stamp_error(lang: Lang, da: String, en: String) -> PlanError {
    PlanError::new(
        ErrorCode::DateFormat,
        lang,
        format!("stamp: {da}"),
        format!("stamp: {en}"),
    )
    .at("stamp")
}

/// `20240304`: RFC 5545's DATE.
pub(super) fn ics_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::dates::ymd;

    #[test]
    fn parses_valid_stamps() {
        let s = parse_stamp("20240304T091530Z").unwrap();
        assert_eq!(
            (s.date(), s.hour(), s.minute(), s.second()),
            (ymd(2024, 3, 4), 9, 15, 30)
        );
        assert_eq!(s.to_string(), "20240304T091530Z");
        for ok in [
            "20240229T000000Z",
            "20241231T235959Z",
            "20161231T235960Z",
            "00010101T000000Z",
            "99991231T235959Z",
        ] {
            assert_eq!(parse_stamp(ok).map(|s| s.to_string()).as_deref(), Ok(ok));
        }
        assert_eq!("20240101T120000Z".parse::<Stamp>(), parse_stamp("20240101T120000Z"));
        assert_eq!(
            Stamp::new(ymd(2024, 1, 2), 0, 0, 0).unwrap().to_string(),
            "20240102T000000Z"
        );
        assert_eq!(Stamp::new(ymd(2024, 1, 2), 24, 0, 0), None);
        assert_eq!(Stamp::new(ymd(2024, 1, 2), 0, 60, 0), None);
        assert_eq!(Stamp::new(ymd(2024, 1, 2), 0, 0, 61), None);
        assert_eq!(Stamp::new(ymd(10000, 1, 1), 0, 0, 0), None);
    }

    #[test]
    fn refuses_bad_stamps() {
        for bad in [
            "",
            "20241301T000000Z",
            "20240001T000000Z",
            "20240230T000000Z",
            "20230229T000000Z",
            "20240431T000000Z",
            "20240100T000000Z",
            "20240101T240000Z",
            "20240101T006000Z",
            "20240101T000061Z",
            "2024-01-01T00:00:00Z",
            "20240101T000000",
            "20240101T000000z",
            "20240101t000000Z",
            "20240101 000000Z",
            "20240101T000000Z ",
            " 20240101T000000Z",
            "20240101",
            "2024010T1000000Z",
            "+2024101T000000Z",
            "2024010aT000000Z",
            "２０２４0101T000000Z",
            "20240101T0000ØZ",
            "20240101T000000+0100",
        ] {
            let e = parse_stamp(bad).expect_err(bad);
            assert_eq!(e.code, ErrorCode::DateFormat, "{bad:?}");
            assert_eq!(e.field.as_deref(), Some("stamp"), "{bad:?}");
            assert!(e.message.starts_with("stamp: "), "{bad:?}");
            let en = parse_stamp_in(bad, Lang::En).expect_err(bad);
            assert_eq!(en.code, ErrorCode::DateFormat);
            assert_ne!(e.message, en.message);
        }
        assert!(
            parse_stamp("2024-01-01T00:00:00Z")
                .unwrap_err()
                .message
                .contains("ÅÅÅÅMMDDTttmmssZ")
        );
        assert!(
            parse_stamp_in("2024-01-01T00:00:00Z", Lang::En)
                .unwrap_err()
                .message
                .contains("YYYYMMDDTHHMMSSZ")
        );
        assert!(
            parse_stamp_in("20240230T000000Z", Lang::En)
                .unwrap_err()
                .message
                .contains("date does not exist")
        );
        assert!(
            parse_stamp_in("20240101T240000Z", Lang::En)
                .unwrap_err()
                .message
                .contains("time does not exist")
        );
    }
}

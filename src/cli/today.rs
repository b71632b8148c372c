//! Today's date for the command line: the machine's local date, as the page takes it from the
//! browser. The core never reads a clock (chrono has no "clock" feature there); only the binary does.

use chrono::NaiveDate;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::time::SystemTime;

/// Today in the system's time zone (`TZ`, else `/etc/localtime`, else the platform's setting);
/// in UTC if the time zone cannot be read.
pub fn local() -> NaiveDate {
    let zone = TimeZone::try_system().unwrap_or(TimeZone::UTC);
    let date = Timestamp::try_from(SystemTime::now()).map(|now| zone.to_datetime(now).date());
    date.ok()
        .and_then(|d| {
            NaiveDate::from_ymd_opt(
                d.year().into(),
                d.month().unsigned_abs().into(),
                d.day().unsigned_abs().into(),
            )
        })
        .unwrap_or_else(utc)
}

/// Today in UTC from the system clock, without a time zone: the last resort.
fn utc() -> NaiveDate {
    let days = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    samtaleplan::vocabulary::dates::ymd(1970, 1, 1)
        .checked_add_days(chrono::Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

//! Periods of dates, and what a period the person gives means for the count: the words the
//! request's pauses are read into and the counter ([`crate::rules::ledighed`]) takes.

use crate::vocabulary::hours::Hundredths;
use chrono::NaiveDate;

/// An inclusive range of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// What a period the person gives means for the count (RULES.md § 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// No dagpenge at all (work, barsel, holiday without feriedagpenge, deregistration…): no
    /// day in it counts.
    Pause,
    /// Part-time work with supplerende dagpenge, so many hours worked a week: each weekday
    /// counts `(W − h)/5`.
    PartTime(Hundredths),
    /// A sickness from its first to its last day: see [`crate::rules::ledighed::sickness_split`].
    Sickness,
}

//! The rules (RULES.md §§ 2–4): calendar dates, Danish non-working days, the ledighed counter
//! (sammenlagt ledighed, `L(x)`, `T(d)`, the hand-over), the law's numbers it counts with (one
//! dated table, [`law`]) and the regimes with their samtaler.

pub mod dates;
pub mod holidays;
pub mod law;
pub mod ledighed;
pub mod regimes;

//! The contract (RULES.md § 5): what a request may say, what a plan answers, the errors and
//! their stable codes, and the fixed words and two languages they are written in.

#[macro_use]
pub mod words;

pub mod error;
pub mod hours;
pub mod lang;
pub mod request;
pub mod response;
pub mod wire;

//! The contract (RULES.md § 5): what a request may say, what a plan answers, the errors and
//! their stable codes, and the fixed words and two languages they are written in.

pub mod error;
pub mod fields;
pub mod hours;
pub mod request;
pub mod response;
pub mod wire;

// The language and the fixed-word machinery now live in the bottom module, `crate::vocabulary`;
// re-exported here so `crate::contract::lang::Lang` and `crate::contract::words::Word` still name them.
pub use crate::vocabulary::{lang, words};

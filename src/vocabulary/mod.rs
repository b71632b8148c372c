//! The shared vocabulary, at the bottom of the crate: the two languages and the two-language
//! [`lang::Text`], the `words!` macro for enums whose values are fixed words of the JSON contract,
//! the [`group::Group`] a request names, dates as words ([`dates`]: strict reading, names, long
//! forms), hours in hundredths ([`hours::Hundredths`]), the [`insurance::Insurance`], periods and
//! what they mean for the count ([`period::Period`], [`period::Effect`]), and who holds a samtale
//! and what settles a rule ([`holder::Holder`], [`basis::Basis`]). The rules and the contract
//! both build on it; it builds on neither (see docs/architecture.md, "What depends on what").

pub mod basis;
pub mod dates;
pub mod group;
pub mod holder;
pub mod hours;
pub mod insurance;
pub mod lang;
pub mod period;
pub mod words;

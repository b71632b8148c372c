//! The shared vocabulary, at the bottom of the crate: the two languages and the two-language
//! [`lang::Text`], the `words!` macro for enums whose values are fixed words of the JSON contract,
//! and the [`group::Group`] a request names. The rules and the contract both build on it; it
//! builds on neither (see docs/architecture.md, "What depends on what").

pub mod group;
pub mod lang;
pub mod words;

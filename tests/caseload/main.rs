//! The caseload's tests, one binary (one link of the crate): each module one concern, the helpers
//! they share in `support`. The files they read, worked out by hand, are beside them in
//! tests/caseload/ (docs/testing.md).

mod booking;
mod counts;
mod files;
mod held;
mod presence;
mod proposal;
mod summary;
mod support;

#[path = "../common/rng.rs"]
mod rng;
#[path = "../common/sources.rs"]
mod sources;
#[path = "../common/workbook.rs"]
mod workbook;

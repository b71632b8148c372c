//! What the caseload's tests share: the day the hand-worked files are worked out for, a fixture
//! read from tests/caseload/, a file read into a [`Caseload`], and a summary's errors as
//! `(line, member, code)`.

use samtaleplan::caseload::{Caseload, Options, Summary};
use samtaleplan::{ErrorCode, PlanError};

/// The fixtures' folder, relative to the package (where `cargo test` runs a test).
pub const DIR: &str = "tests/caseload";

/// The day tests/caseload/small.expected.toml (and the other hand-worked files) are worked out for.
pub const TODAY: &str = "2024-06-05";

/// [`TODAY`] as a date.
pub fn today() -> chrono::NaiveDate {
    TODAY.parse().expect("today")
}

/// A fixture's bytes: `name` in tests/caseload/.
pub fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A caseload fed in pieces of `chunk` bytes, the reader kept (for its members, lists and
/// exports), or the error that refused the file whole.
pub fn try_read(bytes: &[u8], opts: Options, chunk: usize) -> Result<(Caseload, Summary), PlanError> {
    let mut c = Caseload::new(opts);
    for piece in bytes.chunks(chunk) {
        c.feed(piece);
    }
    let s = c.finish()?;
    Ok((c, s))
}

/// A caseload fed whole, the reader kept; a file refused whole fails the test.
pub fn read(bytes: &[u8], opts: Options) -> (Caseload, Summary) {
    let mut c = Caseload::new(opts);
    c.feed(bytes);
    let s = c.finish().unwrap_or_else(|e| panic!("{e}"));
    (c, s)
}

/// A caseload fed whole, for its lists, proposal and exports.
pub fn load(bytes: &[u8], opts: Options) -> Caseload {
    read(bytes, opts).0
}

/// A summary's row errors as `(line, member, code)`, the member "" where the row had none.
pub fn errors(s: &Summary) -> Vec<(usize, &str, ErrorCode)> {
    s.errors
        .iter()
        .map(|e| (e.line, e.member.as_deref().unwrap_or(""), e.code))
        .collect()
}

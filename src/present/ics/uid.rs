//! The UID of an event: the same for the same person's samtale on every download, so a calendar
//! updates an event rather than doubling it.

use super::stamp::ics_date;
use crate::contract::response::{Response, Samtale};
use crate::present::hash::Fnv1a;
use std::hash::Hasher;

/// `<id>-<start>-<hash>@samtaleplan`: the same for the same person's samtale on every download,
/// whatever pauses have moved its dates since.
pub(super) fn uid(plan: &Response, s: &Samtale) -> String {
    let mut h = Fnv1a::default();
    for part in [
        plan.start.to_string().as_str(),
        plan.insurance.as_str(),
        plan.group.as_str(),
        s.id,
    ] {
        h.write(part.as_bytes());
        // A separator no part contains, so ("ab","c") and ("a","bc") differ.
        h.write(&[0x1f]);
    }
    format!(
        "{}-{}-{:016x}@samtaleplan",
        uid_safe(s.id),
        ics_date(plan.start),
        h.finish()
    )
}

/// A samtale id as it may stand in a UID: ASCII letters, digits and `-` kept, anything else `_`.
fn uid_safe(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
        .collect()
}

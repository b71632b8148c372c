//! The UID of an event: the same for the same person's samtale on every download, so a calendar
//! updates an event rather than doubling it.

use super::stamp::ics_date;
use crate::contract::response::{Response, Samtale};
use std::hash::Hasher;

/// `<id>-<start>-<hash>@samtaleplan`: the same for the same person's samtale on every download,
/// whatever pauses have moved its dates since. `member` (a caseload's member reference) goes into
/// the hash, so members with the same start, insurance and group get different UIDs and one
/// calendar's import does not overwrite another's; without it (a citizen's own plan) the UID is
/// what it has always been. The reference never appears in the UID itself (only its hash), so
/// any characters it has are safe.
pub(super) fn uid(plan: &Response, s: &Samtale, member: Option<&str>) -> String {
    let mut h = Fnv1a::default();
    if let Some(member) = member {
        // A prefix no plan part starts with, so a member's UIDs never equal a citizen's.
        h.write(b"member\x1e");
        h.write(member.as_bytes());
        h.write(&[0x1e]);
    }
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

/// FNV-1a, 64 bits: small, the same on every platform and Rust version (std's default hasher
/// promises neither), no dependency.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_reference_values() {
        let hash = |s: &str| {
            let mut h = Fnv1a::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }
}

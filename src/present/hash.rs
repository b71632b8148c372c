//! FNV-1a, 64 bits: small, deterministic on every platform, no dependency. Used for the stable
//! UIDs of calendar events and as a fast hasher for the caseload's short keys (the default
//! SipHash is built to resist hostile keys; a caseload's member references are read once each).

use std::hash::{BuildHasherDefault, Hasher};

pub struct Fnv1a(u64);

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

/// For `HashMap`/`HashSet` with FNV-1a.
pub type BuildFnv = BuildHasherDefault<Fnv1a>;

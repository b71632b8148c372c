//! FNV-1a, 64 bits: small, deterministic on every platform, no dependency. Used for the stable
//! UIDs of calendar events, which must not change with the platform or the Rust version (std's
//! default hasher promises neither).

use std::hash::Hasher;

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

//! xorshift64*: a small, deterministic generator for the tests that spread random requests and
//! inputs around (properties.rs, fuzz.rs, caseload/summary.rs, caseload/booking.rs, the native
//! benchmark). A seed gives the same sequence on every machine.

// Each test that includes this file uses part of it.
#![allow(dead_code)]

use chrono::{Days, NaiveDate};

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number from 0 to `n - 1` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// From 0 to `n - 1` days.
    pub fn days(&mut self, n: usize) -> Days {
        Days::new(self.below(n) as u64)
    }

    /// A day from `from` to `span_days - 1` days after it.
    pub fn date(&mut self, from: NaiveDate, span_days: usize) -> NaiveDate {
        from + Days::new(self.below(span_days) as u64)
    }
}

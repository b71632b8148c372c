//! A heapsort: in place, O(n log n), a few hundred bytes of WebAssembly per element type.
//!
//! The standard library's sorts are faster on large inputs but add some 5 KB of code to the
//! module for each element type; here they would sort a handful of pauses and, only for hostile
//! requests, the keys of one large JSON object (README, "Speed and size").

/// Sorts `v` in ascending order (not stable; equal elements are indistinguishable here).
pub fn heapsort<T: Ord>(v: &mut [T]) {
    for start in (0..v.len() / 2).rev() {
        sift_down(v, start, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Moves `v[node]` down the max-heap in `v[..end]` until its children are no greater.
fn sift_down<T: Ord>(v: &mut [T], mut node: usize, end: usize) {
    loop {
        let mut child = 2 * node + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v[child] < v[child + 1] {
            child += 1;
        }
        if v[node] >= v[child] {
            return;
        }
        v.swap(node, child);
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::heapsort;
    use crate::test_rng::Rng;

    #[test]
    fn sorts_like_the_standard_library() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for len in 0..200 {
            for _ in 0..5 {
                let mut v: Vec<(i64, i64)> = (0..len)
                    .map(|_| (rng.below(17) as i64 - 8, rng.below(5) as i64))
                    .collect();
                let mut want = v.clone();
                want.sort();
                heapsort(&mut v);
                assert_eq!(v, want, "length {len}");
            }
        }
    }

    #[test]
    fn sorts_strings() {
        let mut v = vec!["pauses", "start", "lang", "", "start", "Ø", "a"];
        heapsort(&mut v);
        assert_eq!(v, ["", "a", "lang", "pauses", "start", "start", "Ø"]);
    }
}

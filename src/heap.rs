//! The plan module's memory allocator: free lists by power-of-two size, over memory that only
//! grows. About 1 KB of WebAssembly where the standard library's dlmalloc is 8 KB; it is the
//! module's global allocator when built without the caseload feature (`web/mod.rs`), and the
//! caseload module, which reads 100,000 rows, keeps dlmalloc (README, "Speed and size").
//!
//! A block of class `c` is `16 << c` bytes and aligned to its size, up to one 64 KiB page, so it
//! serves any layout whose size and alignment fit in it. A freed block goes on its class's list
//! and is the next one handed out of that class; memory is never given back, so a page that
//! plans one request after another reaches a steady size (`memory_reaches_a_steady_size` in
//! tests/wasm.rs).
//! The logic is written against [`Memory`], so it is tested natively on an arena.

/// Memory that grows a page at a time.
pub trait Memory {
    /// Grows by `pages` pages of [`PAGE`] bytes; the address of the first new byte, or `None`
    /// when there is no more.
    fn grow(&mut self, pages: usize) -> Option<usize>;
}

/// A WebAssembly page.
pub const PAGE: usize = 64 * 1024;

/// Classes 16 bytes to 1 GiB.
const CLASSES: usize = 27;

pub struct Heap<M> {
    memory: M,
    /// The first free block of each class (0: none); each free block holds the next's address.
    free: [usize; CLASSES],
    /// Grown memory not yet handed out: `next..end`.
    next: usize,
    end: usize,
}

impl<M: Memory> Heap<M> {
    pub const fn new(memory: M) -> Heap<M> {
        Heap {
            memory,
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// The class of a layout, if it is not too large.
    fn class(size: usize, align: usize) -> Option<usize> {
        if align > PAGE {
            return None;
        }
        let bytes = size.max(align).max(16).checked_next_power_of_two()?;
        let class = (bytes.trailing_zeros() - 4) as usize;
        (class < CLASSES).then_some(class)
    }

    /// A block for `size` bytes aligned to `align`, or null when memory is exhausted.
    pub fn alloc(&mut self, size: usize, align: usize) -> *mut u8 {
        match Self::class(size, align) {
            Some(class) => self.take(class),
            None => core::ptr::null_mut(),
        }
    }

    fn take(&mut self, class: usize) -> *mut u8 {
        let head = self.free[class];
        if head != 0 {
            // SAFETY: `head` is a free block of this class, which `give` wrote a `usize` into.
            self.free[class] = unsafe { (head as *const usize).read() };
            return head as *mut u8;
        }
        let size = 16usize << class;
        let align = size.min(PAGE);
        let mut start = self.next.next_multiple_of(align);
        if start.checked_add(size).is_none_or(|end| end > self.end) {
            // Enough pages for the block whatever the alignment of where they begin.
            let pages = (size + align).div_ceil(PAGE);
            let Some(at) = self.memory.grow(pages) else {
                return core::ptr::null_mut();
            };
            if at != self.end {
                // Not contiguous with what was left: start afresh at the new pages.
                self.next = at;
            }
            self.end = at + pages * PAGE;
            start = self.next.next_multiple_of(align);
        }
        self.next = start + size;
        start as *mut u8
    }

    /// Gives back a block from [`Heap::alloc`] with the same layout.
    ///
    /// # Safety
    /// `ptr` came from this heap for `size` and `align` and is not used afterwards.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, size: usize, align: usize) {
        if let Some(class) = Self::class(size, align) {
            // SAFETY: a block is at least 16 bytes and 16-aligned, and now unused.
            unsafe { (ptr as *mut usize).write(self.free[class]) };
            self.free[class] = ptr as usize;
        }
    }

    /// The same block when the new size is of its class; else a new block with the contents.
    ///
    /// # Safety
    /// As [`Heap::dealloc`] for `ptr`, `size` and `align`.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, size: usize, align: usize, new_size: usize) -> *mut u8 {
        if Self::class(size, align) == Self::class(new_size, align) {
            return ptr;
        }
        let new = self.alloc(new_size, align);
        if !new.is_null() {
            // SAFETY: both blocks hold at least `min(size, new_size)` bytes and are distinct.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, new, size.min(new_size));
                self.dealloc(ptr, size, align);
            }
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::{Heap, Memory, PAGE};
    use crate::test_rng::Rng;
    use std::alloc::Layout;

    /// An arena of `pages` pages, handed out in order, with room left for the checks.
    struct Arena {
        base: *mut u8,
        pages: usize,
        used: usize,
    }

    impl Arena {
        fn layout(pages: usize) -> Layout {
            Layout::from_size_align(pages * PAGE, PAGE).unwrap()
        }

        fn new(pages: usize) -> Arena {
            // SAFETY: a non-zero size.
            let base = unsafe { std::alloc::alloc(Arena::layout(pages)) };
            assert!(!base.is_null());
            Arena { base, pages, used: 0 }
        }

        fn contains(&self, at: usize, size: usize) -> bool {
            at >= self.base as usize && at + size <= self.base as usize + self.used * PAGE
        }
    }

    impl Drop for Arena {
        fn drop(&mut self) {
            // SAFETY: allocated in `new` with this layout.
            unsafe { std::alloc::dealloc(self.base, Arena::layout(self.pages)) };
        }
    }

    impl Memory for Arena {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            if self.used + pages > self.pages {
                return None;
            }
            let at = self.base as usize + self.used * PAGE;
            self.used += pages;
            Some(at)
        }
    }

    struct Live {
        at: *mut u8,
        size: usize,
        align: usize,
        fill: u8,
    }

    fn fill(block: &Live) {
        // SAFETY: a live block of `size` bytes.
        unsafe { std::ptr::write_bytes(block.at, block.fill, block.size) };
    }

    fn intact(block: &Live) -> bool {
        // SAFETY: a live block of `size` bytes.
        unsafe { std::slice::from_raw_parts(block.at, block.size) }
            .iter()
            .all(|&b| b == block.fill)
    }

    /// Random allocations, reallocations and frees: every live block stays aligned, inside the
    /// grown memory, apart from every other, and keeps what was written into it.
    #[test]
    fn blocks_never_overlap_and_keep_their_contents() {
        let mut heap = Heap::new(Arena::new(2048));
        let mut rng = Rng(0x5EED_1234_ABCD_0001);
        let mut live: Vec<Live> = Vec::new();
        for step in 0..40_000 {
            match rng.below(10) {
                0..=3 => {
                    let size = match rng.below(20) {
                        0 => rng.below(300_000) + 1,
                        1..=4 => rng.below(4_000) + 1,
                        _ => rng.below(100) + 1,
                    };
                    let align = 1 << rng.below(8);
                    let at = heap.alloc(size, align);
                    assert!(!at.is_null(), "step {step}: out of memory");
                    assert_eq!(at as usize % align, 0, "step {step}: misaligned");
                    assert!(heap.memory.contains(at as usize, size), "step {step}: outside memory");
                    let block = Live {
                        at,
                        size,
                        align,
                        fill: rng.below(256) as u8,
                    };
                    fill(&block);
                    live.push(block);
                }
                4..=5 if !live.is_empty() => {
                    let i = rng.below(live.len());
                    let new_size = rng.below(6_000) + 1;
                    let block = &mut live[i];
                    // SAFETY: a live block with its layout.
                    let at = unsafe { heap.realloc(block.at, block.size, block.align, new_size) };
                    assert!(!at.is_null());
                    assert_eq!(at as usize % block.align, 0);
                    // What was kept is the old contents.
                    let kept = block.size.min(new_size);
                    let old = Live {
                        at,
                        size: kept,
                        align: block.align,
                        fill: block.fill,
                    };
                    assert!(intact(&old), "step {step}: realloc lost contents");
                    block.at = at;
                    block.size = new_size;
                    fill(block);
                }
                _ if !live.is_empty() => {
                    let block = live.swap_remove(rng.below(live.len()));
                    assert!(intact(&block), "step {step}: a block was overwritten");
                    // SAFETY: a live block with its layout, dropped from `live`.
                    unsafe { heap.dealloc(block.at, block.size, block.align) };
                }
                _ => {}
            }
        }
        let mut spans: Vec<(usize, usize)> = live.iter().map(|b| (b.at as usize, b.at as usize + b.size)).collect();
        spans.sort_unstable();
        assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "blocks overlap");
        assert!(live.iter().all(intact));
    }

    /// A freed block is the next one of its class; the heap reaches a steady size.
    #[test]
    fn freed_blocks_are_reused() {
        let mut heap = Heap::new(Arena::new(64));
        let a = heap.alloc(100, 8);
        // SAFETY: `a` is live with this layout.
        unsafe { heap.dealloc(a, 100, 8) };
        assert_eq!(heap.alloc(120, 8), a, "same class, same block");
        for _ in 0..10_000 {
            let b = heap.alloc(5_000, 8);
            // SAFETY: `b` is live with this layout.
            unsafe { heap.dealloc(b, 5_000, 8) };
        }
        assert_eq!(heap.memory.used, 1, "one page serves it all");
    }

    #[test]
    fn says_no_rather_than_guessing() {
        let mut heap = Heap::new(Arena::new(4));
        assert!(heap.alloc(5 * PAGE, 8).is_null(), "more than the memory has");
        assert!(heap.alloc(8, 2 * PAGE).is_null(), "alignment beyond a page");
        assert!(heap.alloc(usize::MAX - 3, 8).is_null(), "no class that large");
        assert!(!heap.alloc(PAGE, 8).is_null(), "and it still works");
    }
}

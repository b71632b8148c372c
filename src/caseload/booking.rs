//! A booking proposal (issue 15): every samtale not yet held gets a week — Monday to Sunday,
//! counted from the week of the summary's day (week 0) — inside its window, and no week gets
//! more samtaler of a holder than the holder's weekly capacity. Pure logic on week numbers; the
//! caseload turns its samtaler into [`Job`]s and the weeks back into dates (`caseload::plan`).
//!
//! The rule: earliest deadline first, week by week, one lane (holder) at a time. In week `w`,
//! among the samtaler of the lane whose window is open (released by `w`, due at `w` or later),
//! book those whose due week comes first (ties: the one given first), until the week's capacity
//! is used. A samtale whose due week passes unbooked is at risk. For samtaler of one week each
//! with release and due weeks this books as many on time as any plan could (Glover's greedy
//! matching of a convex bipartite graph: the weeks are the slots).
//!
//! Order inside a member's plan: a samtale with a predecessor (`prev`, the same member's earlier
//! samtale of the same holder) becomes bookable only once the predecessor is booked — and then
//! from the week after the predecessor's, never in the same week or before (a member does not
//! have J1 and J2 in one week) — or has passed unbooked. It is still booked only inside its own
//! window: when the week after the predecessor's is past its due week, it is at risk.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The lanes: the a-kasse, the jobcenter or kommune, the two jointly.
pub const LANES: usize = 3;

/// A samtale to book, in weeks from the week of the summary's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    pub lane: usize,
    /// The first week it may be booked in (its earliest date's week, or week 0).
    pub release: u32,
    /// The last week it may be booked in (its latest date's week).
    pub due: u32,
    /// The samtale it must not be booked before: an earlier index, of the same lane (any other
    /// is not minded).
    pub prev: Option<u32>,
}

/// The week each job is booked in (`None`: at risk), for weekly capacities per lane (`None`:
/// unlimited).
pub fn book(jobs: &[Job], capacity: &[Option<u32>; LANES]) -> Vec<Option<u32>> {
    let n = jobs.len();
    let mut week_of: Vec<Option<u32>> = vec![None; n];
    if n == 0 {
        return week_of;
    }
    // The first successor of each job (a chain: each job has at most one).
    // A predecessor counts when it comes before and is of the same lane.
    let gated = |i: usize| -> Option<usize> {
        let p = jobs[i].prev? as usize;
        (p < i && jobs[p].lane == jobs[i].lane).then_some(p)
    };
    let mut next: Vec<u32> = vec![u32::MAX; n];
    for i in 0..n {
        if let Some(p) = gated(i) {
            next[p] = i as u32;
        }
    }
    let last = jobs.iter().map(|j| j.due).max().unwrap_or(0);
    // The jobs released in each week (a successor is added once its predecessor is settled).
    let mut released: Vec<Vec<u32>> = vec![Vec::new(); last as usize + 1];
    for (i, j) in jobs.iter().enumerate() {
        if gated(i).is_none() && j.release <= j.due {
            released[j.release as usize].push(i as u32);
        }
    }
    let mut heaps: [BinaryHeap<Reverse<(u32, u32)>>; LANES] = Default::default();
    // A settled job's successor: open from `from` on (the week after a booked predecessor's,
    // the week a passed one was let go), if its window is still open then.
    let settle =
        |i: u32, from: u32, week: u32, released: &mut Vec<Vec<u32>>, heap: &mut BinaryHeap<Reverse<(u32, u32)>>| {
            // A successor whose window closes before `from` is at risk, and the same holds for the
            // next one down the chain (its nearest booked predecessor is still `i`).
            let mut s = next[i as usize];
            while s != u32::MAX {
                let j = &jobs[s as usize];
                let open = j.release.max(from);
                if open <= j.due {
                    if open == week {
                        heap.push(Reverse((j.due, s)));
                    } else {
                        released[open as usize].push(s);
                    }
                    return;
                }
                s = next[s as usize];
            }
        };
    for week in 0..=last {
        for i in std::mem::take(&mut released[week as usize]) {
            let j = &jobs[i as usize];
            heaps[j.lane].push(Reverse((j.due, i)));
        }
        for (lane, heap) in heaps.iter_mut().enumerate() {
            let mut left = capacity[lane].unwrap_or(u32::MAX);
            while let Some(&Reverse((due, i))) = heap.peek() {
                if due < week {
                    // Passed unbooked: at risk; its successor may go on.
                    heap.pop();
                    settle(i, week, week, &mut released, heap);
                    continue;
                }
                if left == 0 {
                    break;
                }
                heap.pop();
                left -= 1;
                week_of[i as usize] = Some(week);
                settle(i, week + 1, week, &mut released, heap);
            }
        }
    }
    week_of
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(lane: usize, release: u32, due: u32, prev: Option<u32>) -> Job {
        Job {
            lane,
            release,
            due,
            prev,
        }
    }

    #[test]
    fn earliest_deadline_first_within_capacity() {
        // One slot a week: the one due first goes first; the third cannot fit.
        let jobs = [job(0, 0, 1, None), job(0, 0, 0, None), job(0, 0, 1, None)];
        assert_eq!(book(&jobs, &[Some(1), None, None]), [Some(1), Some(0), None]);
    }

    #[test]
    fn unlimited_books_in_the_release_week_and_lanes_are_apart() {
        let jobs = [job(0, 2, 5, None), job(1, 0, 0, None), job(1, 0, 0, None)];
        assert_eq!(book(&jobs, &[None, Some(1), None]), [Some(2), Some(0), None]);
    }

    #[test]
    fn a_successor_waits_for_its_predecessor() {
        // The successor's window is open first, but it may not come before the predecessor.
        // It comes in the week after the predecessor's, never the same week.
        let jobs = [job(0, 3, 4, None), job(0, 0, 6, Some(0))];
        assert_eq!(book(&jobs, &[None, None, None]), [Some(3), Some(4)]);
        // A chain of three with windows open together: one a week, in order.
        let jobs = [job(0, 0, 5, None), job(0, 0, 5, Some(0)), job(0, 0, 5, Some(1))];
        assert_eq!(book(&jobs, &[None, None, None]), [Some(0), Some(1), Some(2)]);
        // The week after the predecessor's is past the successor's window: at risk.
        let jobs = [job(0, 2, 2, None), job(0, 0, 2, Some(0))];
        assert_eq!(book(&jobs, &[None, None, None]), [Some(2), None]);
        // A predecessor at risk frees its successor from the week it passed.
        let jobs = [job(0, 0, 0, None), job(0, 0, 0, None), job(0, 0, 3, Some(1))];
        assert_eq!(book(&jobs, &[Some(1), None, None]), [Some(0), None, Some(1)]);
    }

    #[test]
    fn a_predecessor_of_another_lane_itself_or_later_is_not_minded() {
        // Another lane's samtale booked late does not hold this one back.
        let jobs = [job(1, 5, 6, None), job(0, 0, 0, Some(0))];
        assert_eq!(book(&jobs, &[None, None, None]), [Some(5), Some(0)]);
        // Nor does the samtale itself, or one given after it.
        let jobs = [job(0, 0, 0, Some(1)), job(0, 1, 1, None), job(0, 0, 0, Some(2))];
        assert_eq!(book(&jobs, &[None, None, None]), [Some(0), Some(1), Some(0)]);
    }

    #[test]
    fn zero_capacity_books_nothing() {
        let jobs = [job(2, 0, 3, None)];
        assert_eq!(book(&jobs, &[None, None, Some(0)]), [None]);
    }
}

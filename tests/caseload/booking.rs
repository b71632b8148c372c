//! The booking proposal's rule (src/caseload/booking.rs) on random instances, seeded: no
//! samtale booked outside its window or over its lane's capacity, a member's order kept, and —
//! against an exhaustive search of every plan on small instances — no plan books more samtaler
//! on time.

use samtaleplan::caseload::booking::{Job, LANES, book};

use crate::rng::Rng;

/// Random jobs in chains (a member's samtaler of one lane). With `follow`, a chain's windows
/// follow each other, as a plan's do (release and due never go down along a chain).
fn instance(rng: &mut Rng, jobs: usize, weeks: u32, follow: bool) -> (Vec<Job>, [Option<u32>; LANES]) {
    let mut out: Vec<Job> = Vec::new();
    let mut last_of_lane_chain: Vec<Option<usize>> = vec![None; LANES];
    for _ in 0..jobs {
        let lane = rng.below(LANES);
        // Continue the lane's current chain, or start a new member.
        let prev = if rng.below(2) == 0 {
            last_of_lane_chain[lane]
        } else {
            None
        };
        let (mut release, mut due) = {
            let a = rng.below(weeks as usize) as u32;
            let b = rng.below(weeks as usize) as u32;
            (a.min(b), a.max(b))
        };
        if follow && let Some(p) = prev {
            release = release.max(out[p].release);
            due = due.max(out[p].due).max(release);
        }
        out.push(Job {
            lane,
            release,
            due,
            prev: prev.map(|p| p as u32),
        });
        last_of_lane_chain[lane] = Some(out.len() - 1);
    }
    let mut capacity = [None; LANES];
    for c in &mut capacity {
        *c = match rng.below(4) {
            0 => None,
            k => Some(k as u32 - 1),
        };
    }
    (out, capacity)
}

/// What every booking must be: inside the window, under capacity, a chain's booked samtaler each
/// in a week after the one before (issue 23: never two of a member's in one week).
fn check(jobs: &[Job], capacity: &[Option<u32>; LANES], weeks: &[Option<u32>]) -> Result<(), String> {
    let mut load = std::collections::BTreeMap::new();
    for (i, (j, w)) in jobs.iter().zip(weeks).enumerate() {
        let Some(w) = *w else { continue };
        if w < j.release || w > j.due {
            return Err(format!("job {i} {j:?} in week {w}"));
        }
        *load.entry((j.lane, w)).or_insert(0u32) += 1;
        // The nearest booked predecessor up the chain.
        let mut p = j.prev;
        while let Some(k) = p {
            if let Some(pw) = weeks[k as usize] {
                if pw >= w {
                    return Err(format!(
                        "job {i} in week {w}, not after its predecessor {k} in week {pw}"
                    ));
                }
                break;
            }
            p = jobs[k as usize].prev;
        }
    }
    for ((lane, w), n) in load {
        if capacity[lane].is_some_and(|c| n > c) {
            return Err(format!("lane {lane} week {w}: {n} over {:?}", capacity[lane]));
        }
    }
    Ok(())
}

/// The most samtaler any plan books on time: every job in a week of its window or not at all.
fn best(jobs: &[Job], capacity: &[Option<u32>; LANES]) -> usize {
    fn go(i: usize, jobs: &[Job], cap: &[Option<u32>; LANES], weeks: &mut Vec<Option<u32>>, best: &mut usize) {
        let booked = weeks.iter().flatten().count();
        if booked + (jobs.len() - i) <= *best {
            return;
        }
        if i == jobs.len() {
            *best = booked;
            return;
        }
        let j = jobs[i];
        for w in j.release..=j.due {
            weeks.push(Some(w));
            if check(&jobs[..=i], cap, weeks).is_ok() {
                go(i + 1, jobs, cap, weeks, best);
            }
            weeks.pop();
        }
        weeks.push(None);
        go(i + 1, jobs, cap, weeks, best);
        weeks.pop();
    }
    let mut b = 0;
    go(0, jobs, capacity, &mut Vec::new(), &mut b);
    b
}

#[test]
fn no_booking_outside_its_window_over_capacity_or_out_of_order() {
    let mut rng = Rng(0x5A17_A1E0_2026_0015);
    for case in 0..2000 {
        let n = 1 + rng.below(40);
        let weeks = 1 + rng.below(12) as u32;
        let follow = case % 2 == 0;
        let (jobs, capacity) = instance(&mut rng, n, weeks, follow);
        let got = book(&jobs, &capacity);
        assert_eq!(got.len(), jobs.len());
        if let Err(e) = check(&jobs, &capacity, &got) {
            panic!("case {case}: {e}\n{jobs:?}\n{capacity:?}\n{got:?}");
        }
        // Unlimited capacity: every job whose chain allows it is booked, in its release week
        // when nothing before it in its chain holds it back.
        if capacity.iter().all(Option::is_none) {
            for (j, w) in jobs.iter().zip(&got) {
                if j.prev.is_none() {
                    assert_eq!(*w, Some(j.release), "case {case}");
                }
            }
        }
    }
}

#[test]
fn no_plan_books_more_on_time_than_the_proposal() {
    let mut rng = Rng(0x0000_0002_0000_0015);
    let mut compared = 0;
    for case in 0..600 {
        let n = 1 + rng.below(7);
        let weeks = 1 + rng.below(4) as u32;
        let (jobs, capacity) = instance(&mut rng, n, weeks, true);
        let got = book(&jobs, &capacity);
        let booked = got.iter().flatten().count();
        let most = best(&jobs, &capacity);
        assert_eq!(booked, most, "case {case}: {jobs:?} {capacity:?} booked {got:?}");
        compared += usize::from(booked < jobs.len());
    }
    // Instances where capacity bites are among them.
    assert!(compared > 50, "only {compared} instances with a samtale at risk");
}

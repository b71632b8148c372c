use super::*;
use crate::vocabulary::dates::ymd;

fn p(a: (i32, u32, u32), b: (i32, u32, u32)) -> Period {
    Period {
        from: ymd(a.0, a.1, a.2),
        to: ymd(b.0, b.1, b.2),
    }
}

/// A period of part-time work with `hours` hundredths of an hour worked a week.
fn part(a: (i32, u32, u32), b: (i32, u32, u32), hours: u64) -> (Period, Hundredths) {
    (p(a, b), Hundredths(hours))
}

/// A counter over full pauses and part-time periods.
fn counter(start: NaiveDate, insurance: Insurance, pauses: &[Period], part_time: &[(Period, Hundredths)]) -> Ledighed {
    let full = pauses.iter().map(|p| (*p, None));
    let part = part_time.iter().map(|(p, h)| (*p, Some(*h)));
    Ledighed::with_part_time(start, insurance, full.chain(part))
}

#[test]
fn monday_start_without_pauses() {
    let ledighed = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[]);
    // RULES.md: L(3 md) is the Friday of the 13th week, start + 88 days.
    let l3 = ledighed.reach(Span::Months(3)).unwrap();
    assert_eq!((l3.date, l3.days, l3.skipped), (ymd(2024, 5, 31), 65, 0));
    assert_eq!(l3.counted, Units(65 * 3700));
    assert_eq!(ledighed.reach(Span::Months(6)).unwrap().date, ymd(2024, 8, 30));
    assert_eq!(ledighed.reach(Span::Months(16)).unwrap().date, ymd(2025, 7, 1));
    let h = ledighed.handover();
    assert_eq!(h.trigger().map(|t| (t.date, t.days)), Some((ymd(2024, 5, 20), 56)));
    assert_eq!(h.date, ymd(2024, 6, 1));
    assert_eq!(ledighed.t(14), ymd(2024, 3, 18));
    assert!(!ledighed.has_part_time());
}

#[test]
fn weekend_start_counts_from_monday() {
    let ledighed = Ledighed::new(ymd(2024, 3, 2), Insurance::Fuldtid, &[]);
    assert_eq!(ledighed.reach_units(Units(1)).unwrap().date, ymd(2024, 3, 4));
    assert_eq!(ledighed.reach(Span::Months(3)).unwrap().date, ymd(2024, 5, 31));
}

#[test]
fn pauses_merge_clip_and_skip() {
    let plain = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[]);
    // Two overlapping pauses covering Mon 1 April to Fri 12 April: ten weekdays.
    let paused = Ledighed::new(
        ymd(2024, 3, 4),
        Insurance::Fuldtid,
        &[p((2024, 4, 5), (2024, 4, 12)), p((2024, 4, 1), (2024, 4, 8))],
    );
    let r = paused.reach(Span::Months(3)).unwrap();
    assert_eq!(r.date, ymd(2024, 6, 14));
    assert_eq!(r.skipped, 10);
    // A pause lying wholly before start changes nothing; one reaching into it is clipped.
    let before = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[p((2024, 1, 1), (2024, 2, 1))]);
    assert_eq!(
        before.reach(Span::Months(3)).unwrap(),
        plain.reach(Span::Months(3)).unwrap()
    );
    let into = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[p((2024, 2, 1), (2024, 3, 8))]);
    assert_eq!(into.reach_units(Units(1)).unwrap().date, ymd(2024, 3, 11));
    // Adjacent pauses behave as one.
    let adjacent = Ledighed::new(
        ymd(2024, 3, 4),
        Insurance::Fuldtid,
        &[p((2024, 4, 1), (2024, 4, 5)), p((2024, 4, 6), (2024, 4, 12))],
    );
    assert_eq!(adjacent.reach(Span::Months(3)).unwrap().date, ymd(2024, 6, 14));
}

#[test]
fn covid_freeze_stops_the_clock() {
    // Start Monday 2 March 2020: nothing counts until Tuesday 1 September 2020.
    let ledighed = Ledighed::new(ymd(2020, 3, 2), Insurance::Fuldtid, &[]);
    assert_eq!(ledighed.reach_units(Units(1)).unwrap().date, ymd(2020, 9, 1));
}

#[test]
fn handover_in_december_rolls_the_year() {
    // Start Monday 2 September 2024: day 56 is Monday 18 November; H = 1 December.
    let ledighed = Ledighed::new(ymd(2024, 9, 2), Insurance::Fuldtid, &[]);
    assert_eq!(ledighed.handover().date, ymd(2024, 12, 1));
    // Start Monday 7 October 2024: day 56 is Monday 23 December; H = 1 January 2025.
    let ledighed = Ledighed::new(ymd(2024, 10, 7), Insurance::Fuldtid, &[]);
    assert_eq!(ledighed.handover().date, ymd(2025, 1, 1));
}

#[test]
fn part_time_days_count_in_part() {
    // Start Mon 4 March 2024; 18.5 hours a week from Mon 1 April to Fri 26 April (20 weekdays).
    // Mar 4–29: 20 days × 3,700 = 74,000 units; Apr 1–26: 20 × 1,850 = 37,000; 111,000 in all.
    // 3 months = 240,495 units: 129,495 more ÷ 3,700 = 34.998…, so 35 whole days from Mon 29
    // April: seven weeks, Fri 14 June — the same as ten weekdays of full pause.
    let ledighed = counter(
        ymd(2024, 3, 4),
        Insurance::Fuldtid,
        &[],
        &[part((2024, 4, 1), (2024, 4, 26), 1850)],
    );
    let r = ledighed.reach(Span::Months(3)).unwrap();
    assert_eq!((r.date, r.days, r.skipped), (ymd(2024, 6, 14), 75, 0));
    assert_eq!(r.counted, Units(111_000 + 35 * 3700));
    assert!(ledighed.has_part_time());
    let b = ledighed.breakdown(r.date);
    assert_eq!(b.full_days, 55);
    assert_eq!(
        b.part_time,
        vec![Slice {
            from: ymd(2024, 4, 1),
            worked: Hundredths(1850),
            per_day: Units(1850),
            days: 20
        }]
    );
    // Two jobs at once add up: 10 + 8.5 hours is 18.5.
    let two = counter(
        ymd(2024, 3, 4),
        Insurance::Fuldtid,
        &[],
        &[
            part((2024, 4, 1), (2024, 4, 26), 1000),
            part((2024, 4, 1), (2024, 4, 26), 850),
        ],
    );
    assert_eq!(two.reach(Span::Months(3)).unwrap(), r);
}

#[test]
fn working_w_hours_or_more_is_a_full_pause_and_a_full_pause_wins() {
    let full = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[p((2024, 4, 1), (2024, 4, 12))]);
    for hours in [3700, 4500] {
        let worked = counter(
            ymd(2024, 3, 4),
            Insurance::Fuldtid,
            &[],
            &[part((2024, 4, 1), (2024, 4, 12), hours)],
        );
        for span in [Span::Months(3), Span::Months(6), Span::Months(16)] {
            assert_eq!(
                worked.reach(span).unwrap(),
                full.reach(span).unwrap(),
                "{hours} {span:?}"
            );
        }
        assert_eq!(worked.handover(), full.handover());
    }
    // Deltid: 30 hours is a full week's work.
    let full = Ledighed::new(ymd(2024, 3, 4), Insurance::Deltid, &[p((2024, 4, 1), (2024, 4, 12))]);
    let worked = counter(
        ymd(2024, 3, 4),
        Insurance::Deltid,
        &[],
        &[part((2024, 4, 1), (2024, 4, 12), 3000)],
    );
    assert_eq!(
        worked.reach(Span::Months(6)).unwrap(),
        full.reach(Span::Months(6)).unwrap()
    );
    // A full pause over a part-time period: the pause wins, the part-time hours are not added.
    let both = counter(
        ymd(2024, 3, 4),
        Insurance::Fuldtid,
        &[p((2024, 4, 1), (2024, 4, 12))],
        &[part((2024, 4, 1), (2024, 4, 12), 1850)],
    );
    let full = Ledighed::new(ymd(2024, 3, 4), Insurance::Fuldtid, &[p((2024, 4, 1), (2024, 4, 12))]);
    assert_eq!(
        both.reach(Span::Months(3)).unwrap(),
        full.reach(Span::Months(3)).unwrap()
    );
}

#[test]
fn the_hand_over_needs_more_than_the_threshold() {
    // Start Mon 4 March 2024: 45 whole days to Fri 3 May (166,500 units), then 17.75 hours a
    // week from Mon 6 May to Fri 31 May: 20 days × 1,925 = 38,500. On Fri 31 May exactly
    // 205,000 units = 410 hours are counted: not more than 410. Mon 3 June passes it: H = 1 July.
    let ledighed = counter(
        ymd(2024, 3, 4),
        Insurance::Fuldtid,
        &[],
        &[part((2024, 5, 6), (2024, 5, 31), 1775)],
    );
    let h = ledighed.handover();
    let t = h.trigger().expect("estimated");
    assert_eq!((t.date, t.days, t.counted), (ymd(2024, 6, 3), 66, Units(208_700)));
    assert_eq!(h.date, ymd(2024, 7, 1));
    // Deltid: 55 whole days to Fri 17 May (165,000 units); 17.85 hours a week on Mon 20 May
    // adds 1,215: exactly 166,215 units = 332.43 hours, not more. Tue 21 May passes it.
    let ledighed = counter(
        ymd(2024, 3, 4),
        Insurance::Deltid,
        &[],
        &[part((2024, 5, 20), (2024, 5, 20), 1785)],
    );
    let t = ledighed.handover().trigger().expect("estimated");
    assert_eq!((t.date, t.counted), (ymd(2024, 5, 21), Units(169_215)));
}

#[test]
fn part_time_before_start_is_clipped_and_the_runs_merge() {
    let ledighed = counter(
        ymd(2024, 3, 4),
        Insurance::Fuldtid,
        &[],
        &[
            part((2024, 1, 1), (2024, 3, 8), 1850),
            part((2024, 3, 9), (2024, 3, 15), 1850),
        ],
    );
    // Mar 4–15 at 3.7 hours: ten days, one run.
    let b = ledighed.breakdown(ymd(2024, 3, 15));
    assert_eq!(b.part_time.len(), 1);
    assert_eq!((b.part_time[0].from, b.part_time[0].days), (ymd(2024, 3, 4), 10));
    assert_eq!(b.full_days, 0);
    assert_eq!(ledighed.reach_units(Units(10 * 1850)).unwrap().date, ymd(2024, 3, 15));
}

//! The caseload's counts from the sides the hand-worked file does not look at: the order of its
//! lists, a summary for one holder, lists cut to a limit, the worklist's words and its export,
//! what the summary says it read, and a spreadsheet read a few rows at a time.

use samtaleplan::Lang;
use samtaleplan::caseload::{Caseload, Item, Options, Query, Summary};
use samtaleplan::rules::dates::ymd;
use samtaleplan::rules::regimes::Holder;
use std::collections::BTreeSet;

use crate::support::{file, read, today};

/// tests/caseload/small.csv read on the day it is worked out for.
fn small() -> (Caseload, Summary) {
    read(&file("small.csv"), Options::new(today(), Lang::Da))
}

/// Jobcenter and kommune are one lane: each regime has one of the two.
fn lane(h: Holder) -> u8 {
    match h {
        Holder::Akasse => 0,
        Holder::Jobcenter | Holder::Kommune => 1,
        Holder::Joint => 2,
    }
}

const LANES: [Holder; 3] = [Holder::Akasse, Holder::Jobcenter, Holder::Joint];

fn keys(items: &[Item]) -> Vec<(chrono::NaiveDate, usize)> {
    items.iter().map(|i| (i.latest, i.line)).collect()
}

#[test]
fn lists_go_by_latest_date_then_file_order_not_by_file_order() {
    // The first member starts two months after the second: its deadlines come later, though its
    // row comes first.
    let text = "medlem;start\nsenere;2024-03-04\ntidligere;2024-01-08\n";
    let (c, s) = read(text.as_bytes(), Options::new(ymd(2024, 9, 2), Lang::Da));
    let overdue = keys(&s.overdue.items);
    assert!(overdue.len() >= 4, "both members have overdue samtaler: {overdue:?}");
    assert_eq!(s.overdue.items[0].member.as_ref(), "tidligere");
    let mut sorted = overdue.clone();
    sorted.sort();
    assert_eq!(overdue, sorted);
    // The worklist the same way, and latest first when asked.
    let page = c.query(&Query::default());
    assert_eq!(keys(&page.items), {
        let mut all = keys(&page.items);
        all.sort();
        all
    });
    assert_eq!(page.items[0].member.as_ref(), "tidligere");
    let back = c.query(&Query {
        descending: true,
        ..Query::default()
    });
    let mut reversed = keys(&back.items);
    reversed.reverse();
    assert_eq!(reversed, keys(&page.items));
}

#[test]
fn a_summary_for_one_holder_has_that_holders_samtaler_and_the_three_add_up_to_all() {
    let (c, all) = small();
    let parts = LANES.map(|h| (h, c.summary(Some(h))));
    // The file has open samtaler and counted ones of more than one holder, so a filter that lets
    // everything through, or nothing, is seen.
    let open = |s: &Summary| s.workload.iter().map(|w| w.total).sum::<u32>() as usize + s.overdue.total;
    let with_open = parts.iter().filter(|(_, s)| open(s) > 0);
    assert!(
        with_open.count() >= 2,
        "the file should have open samtaler of two holders"
    );
    assert_eq!(parts.iter().map(|(_, s)| open(s)).sum::<usize>(), open(&all));
    // The worklist by holder likewise.
    let whole = c.query(&Query::default()).total;
    let mut by_holder = 0;
    for h in LANES {
        let page = c.query(&Query {
            holder: Some(h),
            ..Query::default()
        });
        assert!(page.items.iter().all(|i| lane(i.holder) == lane(h)), "{h:?}'s worklist");
        by_holder += page.total;
    }
    assert_eq!(by_holder, whole);
    let counted = parts.iter().filter(|(_, s)| s.on_time.counts.evaluated() > 0);
    assert!(
        counted.count() >= 2,
        "the file should have counted samtaler of two holders"
    );
    for (h, s) in &parts {
        assert_eq!(s.holder, Some(*h));
        for list in [&s.overdue, &s.closing_this_week, &s.closing_next_week] {
            for i in &list.items {
                assert_eq!(lane(i.holder), lane(*h), "{h:?}'s summary lists {} {}", i.member, i.id);
            }
        }
        for w in &s.workload {
            let others = [
                (Holder::Akasse, w.akasse),
                (Holder::Jobcenter, w.jobcenter),
                (Holder::Kommune, w.kommune),
                (Holder::Joint, w.joint),
            ];
            for (other, n) in others {
                if lane(other) != lane(*h) {
                    assert_eq!(n, 0, "{h:?}'s workload counts {other:?} in the week of {}", w.from);
                }
            }
            assert_eq!(w.total, w.akasse + w.jobcenter + w.kommune + w.joint);
        }
    }
    let sum = |f: &dyn Fn(&Summary) -> [u32; 4]| {
        parts.iter().fold([0; 4], |acc, (_, s)| {
            let n = f(s);
            [acc[0] + n[0], acc[1] + n[1], acc[2] + n[2], acc[3] + n[3]]
        })
    };
    let on_time = |s: &Summary| {
        let c = s.on_time.counts;
        [c.on_time, c.early, c.late, c.missing]
    };
    assert_eq!(sum(&on_time), on_time(&all));
    let lists =
        |s: &Summary| [s.overdue.total, s.closing_this_week.total, s.closing_next_week.total, 0].map(|n| n as u32);
    assert_eq!(sum(&lists), lists(&all));
    // Month by month too.
    for row in &all.on_time_by_start_month {
        let month = |s: &Summary| {
            s.on_time_by_start_month
                .iter()
                .find(|r| r.key == row.key)
                .map_or([0; 4], |r| {
                    [r.counts.on_time, r.counts.early, r.counts.late, r.counts.missing]
                })
        };
        assert_eq!(sum(&month), month(&all), "month {}", row.key);
    }
}

#[test]
fn the_samtaler_offered_as_filters_are_those_with_open_samtaler_each_once_in_order() {
    let (c, s) = small();
    let page = c.query(&Query::default());
    let open: BTreeSet<String> = page.items.iter().map(|i| format!("{} {}", i.regime, i.id)).collect();
    assert!(open.len() >= 3, "{open:?}");
    let offered: Vec<&str> = s.samtaler.iter().map(|k| k.key.as_str()).collect();
    assert_eq!(offered, open.iter().map(String::as_str).collect::<Vec<_>>());
    for k in &s.samtaler {
        assert!(!k.title.is_empty(), "{} has a title", k.key);
    }
}

#[test]
fn a_list_limit_keeps_that_many_entries_and_the_whole_totals() {
    let bytes = file("small.csv");
    let (_, whole) = small();
    assert!(whole.overdue.total >= 3, "the file has several overdue samtaler");
    for limit in [1, 2] {
        let mut opts = Options::new(today(), Lang::Da);
        opts.list_limit = Some(limit);
        let (_, s) = read(&bytes, opts);
        assert_eq!(s.overdue.items.len(), limit);
        assert_eq!(s.overdue.total, whole.overdue.total);
        assert_eq!(keys(&s.overdue.items), keys(&whole.overdue.items[..limit]));
    }
}

#[test]
fn the_worklists_words_become_its_query() {
    let q = Query::parse("akasse", "overdue", " R2024 A2 ", "2024-W23", " 100 ");
    assert_eq!(q.holder, Some(Holder::Akasse));
    assert_eq!(q.status.map(|s| format!("{s:?}")), Some("Overdue".to_string()));
    assert_eq!(q.samtale.as_deref(), Some("R2024 A2"));
    assert_eq!(q.week.as_deref(), Some("2024-W23"));
    assert_eq!(q.search.as_deref(), Some("100"));
    assert_eq!((q.offset, q.limit, q.descending), (0, None, false));
    let any = Query::parse("", " ", "", "", "");
    assert!(any.holder.is_none() && any.status.is_none() && any.samtale.is_none());
    assert!(any.week.is_none() && any.search.is_none());
    // And the words select what they say.
    let (c, _) = small();
    let page = c.query(&Query::parse("akasse", "overdue", "", "", ""));
    assert!(page.total > 0);
    assert!(
        page.items
            .iter()
            .all(|i| i.holder == Holder::Akasse && i.latest < today())
    );
}

#[test]
fn the_worklists_export_is_all_of_it_whatever_page_is_shown() {
    let (c, _) = small();
    let whole = c.query(&Query::default());
    assert!(whole.total >= 3);
    let paged = Query {
        offset: 1,
        limit: Some(1),
        ..Query::default()
    };
    assert_eq!(c.query(&paged).items.len(), 1);
    let table = c.table("worklist", &paged).expect("the worklist");
    assert_eq!(table.rows.len(), whole.total);
}

#[test]
fn the_summary_says_how_the_file_was_read() {
    let cases = [
        (b';', "semikolon"),
        (b',', "komma"),
        (b'\t', "tabulator"),
        (b'|', "lodret streg"),
    ];
    for (d, word) in cases {
        let d = char::from(d);
        let text = format!("medlem{d}start{d}noter\n1{d}2024-03-04{d}ring tirsdag\n");
        let (_, s) = read(text.as_bytes(), Options::new(ymd(2024, 6, 5), Lang::Da));
        assert_eq!(s.members, 1);
        assert_eq!(s.source.delimiter.as_deref(), Some(d.to_string().as_str()));
        assert_eq!(s.source.text, format!("CSV, UTF-8, {word}"));
        assert_eq!(s.source.ignored_columns, vec!["noter".to_string()]);
    }
}

#[test]
fn a_spreadsheet_read_a_few_rows_at_a_time_reads_as_one_read_whole() {
    let bytes = file("small.xlsx");
    let (_, whole) = read(&bytes, Options::new(today(), Lang::Da));
    assert!(
        whole.members > 3 && whole.error_count > 0,
        "the workbook has members and errors"
    );
    let mut c = Caseload::new(Options::new(today(), Lang::Da));
    c.feed(&bytes);
    let mut reads = 0;
    loop {
        let n = c.pump(2);
        assert!(n <= 2);
        if n == 0 {
            break;
        }
        reads += 1;
        assert!(reads < 1000, "the sheet's rows never end");
    }
    assert!(reads >= 3, "read in chunks");
    let s = c.finish().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (s.rows, s.members, s.error_count),
        (whole.rows, whole.members, whole.error_count)
    );
    let errors = |s: &Summary| s.errors.iter().map(|e| (e.line, e.code)).collect::<Vec<_>>();
    assert_eq!(errors(&s), errors(&whole));
    assert_eq!(keys(&s.overdue.items), keys(&whole.overdue.items));
}

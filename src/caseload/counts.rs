//! Sums the members up as they are read, for a day: the windows closing this week and next, the
//! overdue samtaler, the workload per week, the shares held on time (and STAR's, in `star`).

use super::star::StarCounts;
use super::summary::{Days7, Item, List, OnTime, OnTimeRow, Share, Summary, Week};
use super::{Caseload, Member, WEEKS};
use crate::contract::lang::{Lang, Text};
use crate::plan;
use crate::rules::dates::short;
use crate::rules::regimes::{Holder, Obligation};
use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeMap;

/// Sums members up as they are read.
pub(super) struct Accumulator {
    today: NaiveDate,
    monday: NaiveDate,
    closing: [Vec<Item>; 2],
    overdue: Vec<Item>,
    workload: [[u32; 4]; WEEKS],
    /// (regime id, samtale id, title, counts); found by the ids' addresses, which are the rule
    /// tables' own, so no text is compared per samtale.
    by_samtale: Vec<(&'static str, &'static str, Text, OnTime)>,
    by_month: BTreeMap<(i32, u32), OnTime>,
    total: OnTime,
    star: StarCounts,
}

fn lane(h: Holder) -> usize {
    match h {
        Holder::Akasse => 0,
        Holder::Jobcenter => 1,
        Holder::Kommune => 2,
        Holder::Joint => 3,
    }
}

impl Accumulator {
    pub(super) fn new(today: NaiveDate) -> Accumulator {
        let back = u64::from(today.weekday().num_days_from_monday());
        Accumulator {
            today,
            monday: today.checked_sub_days(Days::new(back)).unwrap_or(today),
            closing: [Vec::new(), Vec::new()],
            overdue: Vec::new(),
            workload: [[0; 4]; WEEKS],
            by_samtale: Vec::new(),
            by_month: BTreeMap::new(),
            total: OnTime::default(),
            star: StarCounts::default(),
        }
    }

    /// Adds a member; refuses held dates that do not fit the plan (the words of the error).
    pub(super) fn add(&mut self, m: &Member, w: &plan::Windows, lang: Lang) -> Result<(), (String, String)> {
        for (id, date) in &m.held {
            if !w.samtaler.iter().any(|s| s.id == &**id) {
                let ids: Vec<&str> = w.samtaler.iter().map(|s| s.id).collect();
                return Err((
                    format!(
                        "holdt_{id}: planen ({}) har ingen samtale {id}; den har {}.",
                        w.regime.id,
                        ids.join(", ")
                    ),
                    format!(
                        "held_{id}: the plan ({}) has no samtale {id}; it has {}.",
                        w.regime.id,
                        ids.join(", ")
                    ),
                ));
            }
            if *date < m.request.start {
                return Err((
                    format!("holdt_{id}: {} ligger før første ledighedsdag.", short(*date, Lang::Da)),
                    format!(
                        "held_{id}: {} is before the first day of unemployment.",
                        short(*date, Lang::En)
                    ),
                ));
            }
        }
        let today = self.today;
        let held = |id: &str| m.held.iter().find(|(h, _)| &**h == id).map(|(_, d)| *d);
        // This member's counts, added to its month of start and the total once at the end.
        let mut member = OnTime::default();
        for s in w.samtaler.iter().filter(|s| s.obligation != Obligation::Conditional) {
            let h = held(s.id);
            let found = self
                .by_samtale
                .iter()
                .position(|(r, id, _, _)| std::ptr::eq(*r, w.regime.id) && std::ptr::eq(*id, s.id));
            let k = found.unwrap_or_else(|| {
                self.by_samtale.push((w.regime.id, s.id, s.title, OnTime::default()));
                self.by_samtale.len() - 1
            });
            let counts = &mut self.by_samtale[k].3;
            let outcome: Option<fn(&mut OnTime)> = match h {
                Some(d) if d < s.earliest => Some(|c| c.early += 1),
                Some(d) if d > s.latest => Some(|c| c.late += 1),
                Some(_) => Some(|c| c.on_time += 1),
                None if s.latest < today => Some(|c| c.missing += 1),
                None => None,
            };
            if let Some(count) = outcome {
                count(counts);
                count(&mut member);
            }
            if h.is_some() {
                continue;
            }
            let item = || Item {
                member: m.reference.clone(),
                line: m.line,
                regime: w.regime.id,
                id: s.id,
                title: s.title.get(lang),
                holder: s.holder,
                holder_label: s.holder.label(lang),
                earliest: s.earliest,
                latest: s.latest,
            };
            if s.latest < today {
                self.overdue.push(item());
                continue;
            }
            let week = (s.latest - self.monday).num_days() / 7;
            if let Ok(week) = usize::try_from(week)
                && week < WEEKS
            {
                self.workload[week][lane(s.holder)] += 1;
                if week < 2 {
                    self.closing[week].push(item());
                }
            }
        }
        if member.evaluated() > 0 {
            let month = self
                .by_month
                .entry((m.request.start.year(), m.request.start.month()))
                .or_default();
            month.add(member);
            self.total.add(member);
        }
        self.star.add(today, m, w);
        Ok(())
    }

    pub(super) fn summary(&self, c: &Caseload) -> Summary {
        let lang = c.opts.lang;
        let limit = c.opts.list_limit.unwrap_or(usize::MAX);
        let list = |items: &Vec<Item>| {
            let mut sorted: Vec<&Item> = items.iter().collect();
            // By deadline, then in file order: no text is compared.
            sorted.sort_by_key(|i| (i.latest, i.line));
            List {
                total: items.len(),
                items: sorted.into_iter().take(limit).cloned().collect(),
            }
        };
        let day = |weeks: u64, days: u64| {
            self.monday
                .checked_add_days(Days::new(weeks * 7 + days))
                .unwrap_or(self.monday)
        };
        let row = |key: String, title: Option<&'static str>, counts: OnTime| OnTimeRow {
            key,
            title,
            counts,
            share: Share::new(counts.on_time, counts.evaluated(), lang),
        };
        let workload = (0..WEEKS)
            .map(|i| {
                let from = day(i as u64, 0);
                let iso = from.iso_week();
                let [akasse, jobcenter, kommune, joint] = self.workload[i];
                Week {
                    week: format!("{}-W{:02}", iso.year(), iso.week()),
                    from,
                    to: day(i as u64, 6),
                    akasse,
                    jobcenter,
                    kommune,
                    joint,
                    total: akasse + jobcenter + kommune + joint,
                }
            })
            .collect();
        Summary {
            schema: 1,
            lang,
            today: self.today,
            rows: c.rows,
            members: c.members.len(),
            error_count: c.error_count,
            errors: c.errors.clone(),
            this_week: Days7 {
                from: day(0, 0),
                to: day(0, 6),
            },
            next_week: Days7 {
                from: day(1, 0),
                to: day(1, 6),
            },
            closing_this_week: list(&self.closing[0]),
            closing_next_week: list(&self.closing[1]),
            overdue: list(&self.overdue),
            workload,
            on_time: row(lang.pick("I alt", "Total").to_string(), None, self.total),
            on_time_by_samtale: {
                let mut rows: Vec<_> = self
                    .by_samtale
                    .iter()
                    .filter(|(.., counts)| counts.evaluated() > 0)
                    .collect();
                rows.sort_by_key(|(regime, id, ..)| (*regime, *id));
                rows.into_iter()
                    .map(|(regime, id, title, counts)| row(format!("{regime} {id}"), Some(title.get(lang)), *counts))
                    .collect()
            },
            on_time_by_start_month: self
                .by_month
                .iter()
                .filter(|(_, counts)| counts.evaluated() > 0)
                .map(|((y, m), counts)| row(format!("{y}-{m:02}"), None, *counts))
                .collect(),
            star: self.star.shares(lang),
        }
    }
}

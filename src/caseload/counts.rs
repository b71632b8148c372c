//! Sums the members up as they are read, for a day: the samtaler still to hold (overdue, or due
//! within the 26 weeks: the worklist, and the closing and overdue lists drawn from it), the
//! workload per week, the shares held on time (and STAR's, in `star`) — per holder, so a summary
//! for one holder has exactly that holder's numbers.

use super::presence::{self, PresenceCounts};
use super::star::StarCounts;
use super::summary::{Days7, Item, List, OnTime, OnTimeRow, SamtaleKey, Share, Status, Summary, Week};
use super::{Caseload, Member, WEEKS};
use crate::contract::lang::{Lang, Text};
use crate::plan;
use crate::rules::regimes::Obligation;
use crate::vocabulary::dates::short;
use crate::vocabulary::holder::Holder;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeMap;

/// The lanes numbers are kept in: the a-kasse, the jobcenter or kommune (each regime has one of
/// the two: the law's word from 1 July 2026 is kommune), and the two together.
pub const LANES: usize = 3;

/// A holder's lane.
pub fn lane(h: Holder) -> usize {
    match h {
        Holder::Akasse => 0,
        Holder::Jobcenter | Holder::Kommune => 1,
        Holder::Joint => 2,
    }
}

/// Whether a samtale held by `h` is among those a filter for `filter` asks for.
pub fn matches(filter: Option<Holder>, h: Holder) -> bool {
    filter.is_none_or(|f| lane(f) == lane(h))
}

/// A samtale of a regime with its holder: what the lists and counts are kept by.
pub(super) struct Kind {
    pub(super) regime: &'static str,
    pub(super) id: &'static str,
    pub(super) title: Text,
    pub(super) holder: Holder,
    pub(super) counts: OnTime,
}

/// A samtale not held, overdue or due within the 26 weeks: compact, made into an [`Item`] when
/// shown.
#[derive(Debug, Clone, Copy)]
pub(super) struct Open {
    /// The member's index in the caseload's members.
    pub(super) member: u32,
    pub(super) kind: u16,
    pub(super) earliest: NaiveDate,
    pub(super) latest: NaiveDate,
}

/// Sums members up as they are read.
pub(super) struct Accumulator {
    today: NaiveDate,
    pub(super) monday: NaiveDate,
    pub(super) kinds: Vec<Kind>,
    /// Sorted by latest date, then file order, before a summary is made.
    pub(super) open: Vec<Open>,
    /// Every samtale not held, in file order and each member's plan order: what the booking
    /// proposal books (`proposal`).
    pub(super) pending: Vec<Open>,
    workload: [[u32; 4]; WEEKS],
    by_month: BTreeMap<(i32, u32), [OnTime; LANES]>,
    star: StarCounts,
    presence: PresenceCounts,
}

fn column(h: Holder) -> usize {
    match h {
        Holder::Akasse => 0,
        Holder::Jobcenter => 1,
        Holder::Kommune => 2,
        Holder::Joint => 3,
    }
}

impl Accumulator {
    pub(super) fn new(today: NaiveDate) -> Accumulator {
        Accumulator {
            today,
            monday: today.week(Weekday::Mon).checked_first_day().unwrap_or(today),
            kinds: Vec::new(),
            open: Vec::new(),
            pending: Vec::new(),
            workload: [[0; 4]; WEEKS],
            by_month: BTreeMap::new(),
            star: StarCounts::default(),
            presence: PresenceCounts::default(),
        }
    }

    /// The week (0 = this week) a latest date falls in, if within the 26 weeks.
    pub(super) fn week(&self, latest: NaiveDate) -> Option<usize> {
        let week = (latest - self.monday).num_days().div_euclid(7);
        usize::try_from(week).ok().filter(|w| *w < WEEKS)
    }

    /// A samtale's status on the day.
    pub(super) fn status(&self, latest: NaiveDate) -> Status {
        match self.week(latest) {
            _ if latest < self.today => Status::Overdue,
            Some(0) => Status::ThisWeek,
            Some(1) => Status::NextWeek,
            _ => Status::Later,
        }
    }

    /// Adds a member (the `index`th read); refuses held dates that do not fit the plan (the
    /// words of the error).
    pub(super) fn add(&mut self, index: usize, m: &Member, w: &plan::Windows) -> Result<(), (String, String)> {
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
        presence::check(m, w)?;
        let today = self.today;
        let held = |id: &str| m.held.iter().find(|(h, _)| &**h == id).map(|(_, d)| *d);
        // This member's counts, added to its month of start at the end.
        let mut member = [OnTime::default(); LANES];
        for s in w.samtaler.iter().filter(|s| s.obligation != Obligation::Conditional) {
            let h = held(s.id);
            // Found by the ids' addresses, which are the rule tables' own: no text is compared.
            let found = self
                .kinds
                .iter()
                .position(|k| std::ptr::eq(k.regime, w.regime.id) && std::ptr::eq(k.id, s.id) && k.holder == s.holder);
            let k = found.unwrap_or_else(|| {
                self.kinds.push(Kind {
                    regime: w.regime.id,
                    id: s.id,
                    title: s.title,
                    holder: s.holder,
                    counts: OnTime::default(),
                });
                self.kinds.len() - 1
            });
            let outcome: Option<fn(&mut OnTime)> = match h {
                Some(d) if d < s.earliest => Some(|c| c.early += 1),
                Some(d) if d > s.latest => Some(|c| c.late += 1),
                Some(_) => Some(|c| c.on_time += 1),
                None if s.latest < today => Some(|c| c.missing += 1),
                None => None,
            };
            if let Some(count) = outcome {
                count(&mut self.kinds[k].counts);
                count(&mut member[lane(s.holder)]);
            }
            if h.is_some() {
                continue;
            }
            let open = Open {
                member: u32::try_from(index).unwrap_or(u32::MAX),
                kind: u16::try_from(k).unwrap_or(u16::MAX),
                earliest: s.earliest,
                latest: s.latest,
            };
            self.pending.push(open);
            let week = self.week(s.latest);
            if s.latest < today || week.is_some() {
                self.open.push(open);
            }
            if let (Some(week), false) = (week, s.latest < today) {
                self.workload[week][column(s.holder)] += 1;
            }
        }
        if member.iter().any(|c| c.evaluated() > 0) {
            let month = self
                .by_month
                .entry((m.request.start.year(), m.request.start.month()))
                .or_default();
            for (sum, c) in month.iter_mut().zip(member) {
                sum.add(c);
            }
        }
        self.star.add(today, m, w);
        self.presence.add(m, w);
        Ok(())
    }

    /// Puts the open samtaler in order: by latest date, then file order (no text compared).
    pub(super) fn sort(&mut self) {
        self.open.sort_by_key(|o| (o.latest, o.member));
    }

    /// An open samtale as shown.
    pub(super) fn item(&self, c: &Caseload, o: &Open) -> Item {
        let lang = c.opts.lang;
        let k = &self.kinds[usize::from(o.kind)];
        let m = &c.members[o.member as usize];
        let status = self.status(o.latest);
        Item {
            member: m.reference.clone(),
            name: m.name.clone(),
            line: m.line,
            regime: k.regime,
            id: k.id,
            title: k.title.get(lang),
            holder: k.holder,
            holder_label: k.holder.label(lang),
            earliest: o.earliest,
            latest: o.latest,
            status,
            status_label: status.label(lang, c.held_dates()),
        }
    }

    /// The summary, for one holder's samtaler or all, with at most `limit` entries in each list
    /// and of the errors (the totals stay whole).
    pub(super) fn summary(&self, c: &Caseload, holder: Option<Holder>, limit: usize) -> Summary {
        let lang = c.opts.lang;
        let list = |status: Status| {
            let mut total = 0;
            let mut items = Vec::new();
            for o in &self.open {
                if self.status(o.latest) == status && matches(holder, self.kinds[usize::from(o.kind)].holder) {
                    total += 1;
                    if items.len() < limit {
                        items.push(self.item(c, o));
                    }
                }
            }
            List { total, items }
        };
        let day = |weeks: u64, days: u64| {
            self.monday
                .checked_add_days(Days::new(weeks * 7 + days))
                .unwrap_or(self.monday)
        };
        let known = c.held_dates();
        let row = |key: String, title: Option<&'static str>, counts: OnTime| OnTimeRow {
            key,
            title,
            counts,
            share: if known {
                Share::new(counts.on_time, counts.evaluated(), lang)
            } else {
                Share::unknown(counts.evaluated(), lang)
            },
        };
        let workload = (0..WEEKS)
            .map(|i| {
                let from = day(i as u64, 0);
                let iso = from.iso_week();
                let n = |h: Holder| {
                    if matches(holder, h) {
                        self.workload[i][column(h)]
                    } else {
                        0
                    }
                };
                let [akasse, jobcenter, kommune, joint] =
                    [Holder::Akasse, Holder::Jobcenter, Holder::Kommune, Holder::Joint].map(n);
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
        let in_lanes = |counts: &[OnTime; LANES]| {
            let mut sum = OnTime::default();
            for (i, c) in counts.iter().enumerate() {
                if holder.is_none_or(|h| lane(h) == i) {
                    sum.add(*c);
                }
            }
            sum
        };
        // Per samtale (regime and id), the holders asked for added up.
        let mut by_samtale: BTreeMap<(&str, &str), (&'static str, OnTime)> = BTreeMap::new();
        for k in self.kinds.iter().filter(|k| matches(holder, k.holder)) {
            let entry = by_samtale
                .entry((k.regime, k.id))
                .or_insert((k.title.get(lang), OnTime::default()));
            entry.1.add(k.counts);
        }
        let mut total = OnTime::default();
        for counts in self.by_month.values() {
            total.add(in_lanes(counts));
        }
        let mut samtaler: Vec<SamtaleKey> = Vec::new();
        let mut seen = vec![false; self.kinds.len()];
        for o in &self.open {
            seen[usize::from(o.kind)] = true;
        }
        let mut keys: Vec<&Kind> = self
            .kinds
            .iter()
            .zip(&seen)
            .filter(|(_, s)| **s)
            .map(|(k, _)| k)
            .collect();
        keys.sort_by_key(|k| (k.regime, k.id));
        for k in keys {
            let key = format!("{} {}", k.regime, k.id);
            if samtaler.last().is_none_or(|s| s.key != key) {
                samtaler.push(SamtaleKey {
                    key,
                    title: k.title.get(lang),
                });
            }
        }
        Summary {
            schema: 2,
            lang,
            today: self.today,
            source: c.source(),
            warnings: c.warnings(),
            held_dates: known,
            holder,
            rows: c.rows,
            members: c.members.len(),
            error_count: c.error_count,
            errors: c.errors.iter().take(limit).cloned().collect(),
            this_week: Days7 {
                from: self.today,
                to: day(0, 6),
            },
            next_week: Days7 {
                from: day(1, 0),
                to: day(1, 6),
            },
            closing_this_week: list(Status::ThisWeek),
            closing_next_week: list(Status::NextWeek),
            overdue: list(Status::Overdue),
            workload,
            on_time: row(lang.pick("I alt", "Total").to_string(), None, total),
            on_time_by_samtale: by_samtale
                .into_iter()
                .filter(|(_, (_, counts))| counts.evaluated() > 0)
                .map(|((regime, id), (title, counts))| row(format!("{regime} {id}"), Some(title), counts))
                .collect(),
            on_time_by_start_month: self
                .by_month
                .iter()
                .map(|(k, counts)| (k, in_lanes(counts)))
                .filter(|(_, counts)| counts.evaluated() > 0)
                .map(|((y, m), counts)| row(format!("{y}-{m:02}"), None, counts))
                .collect(),
            star: self.star.shares(lang, known),
            akasse_present: self.presence.rows(c.present_ids.len(), lang),
            samtaler,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::caseload::{Caseload, Options};
    use crate::contract::lang::Lang;
    use crate::vocabulary::dates::ymd;
    use std::collections::BTreeSet;

    #[test]
    fn one_kind_per_samtale_of_a_regime_however_many_members_have_it() {
        let bytes = std::fs::read("tests/caseload/small.csv").expect("the file");
        let mut c = Caseload::new(Options::new(ymd(2024, 6, 5), Lang::Da));
        c.feed(&bytes);
        let s = c.finish().unwrap_or_else(|e| panic!("{e}"));
        assert!(s.members > 3);
        let kinds = &c.acc.kinds;
        let distinct: BTreeSet<(&str, &str)> = kinds.iter().map(|k| (k.regime, k.id)).collect();
        assert_eq!(
            kinds.len(),
            distinct.len(),
            "a samtale is kept once, not once per member"
        );
    }
}

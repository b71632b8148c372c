//! The worklist: every samtale not yet held that is overdue or due within the 26 weeks, searched
//! by member (reference or name), filtered by holder, samtale, week and status, sorted by latest date either way,
//! and read a page at a time — the same for the page, its exports and the command line.

use super::Caseload;
use super::counts::{Open, matches};
use super::summary::{Item, Status};
use crate::contract::words::Word;
use crate::vocabulary::holder::Holder;
use serde::{Deserialize, Serialize};

/// What the worklist is asked for. Every field may be left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(default, deny_unknown_fields)]
pub struct Query {
    /// Only samtaler in this state.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "CaseloadStatus | null"))]
    pub status: Option<Status>,
    /// Only samtaler whose latest date has not passed (not overdue): what is still open for
    /// certain. The page's worklist starts so when the file has no held dates.
    pub open: bool,
    /// Only samtaler this holder holds (jobcenter and kommune are one: each regime has one).
    pub holder: Option<Holder>,
    /// Only this samtale: "R2024 A1".
    pub samtale: Option<String>,
    /// Only samtaler whose latest date is in this week: "2024-W23".
    pub week: Option<String>,
    /// Only members whose reference or name contains this text (case not minded: "åse" finds
    /// "Åse").
    pub search: Option<String>,
    /// Latest date last first.
    pub descending: bool,
    /// The page: skip this many, give at most `limit` (all when `None`).
    pub offset: usize,
    pub limit: Option<usize>,
    /// The weekly capacities for the booking lists (`schedule`, `at_risk`): unlimited when
    /// left out.
    pub capacity: super::Capacity,
}

impl Query {
    /// A query from words as the command line and the page give them (`""` for "any").
    pub fn parse(holder: &str, status: &str, samtale: &str, week: &str, search: &str) -> Query {
        let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        Query {
            holder: <Holder as Word>::parse(holder),
            status: <Status as Word>::parse(status),
            open: status.trim() == "open",
            samtale: some(samtale),
            week: some(week),
            search: some(search),
            ..Query::default()
        }
    }
}

/// A page of the worklist.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Page {
    /// How many samtaler match, in all.
    pub total: usize,
    pub offset: usize,
    pub items: Vec<Item>,
}

/// Whether `needle` (already lower case) is in `hay`, case not minded.
fn contains(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        hay.to_lowercase().contains(needle)
    }
}

impl Caseload {
    /// The worklist as asked for (after [`Caseload::finish`]).
    pub fn query(&self, q: &Query) -> Page {
        let acc = &self.acc;
        let needle = q.search.as_deref().map(str::to_lowercase);
        let week = q.week.as_deref().and_then(|w| {
            (0..super::WEEKS).find(|&i| {
                let from = acc.monday + chrono::Days::new(i as u64 * 7);
                let iso = chrono::Datelike::iso_week(&from);
                format!("{}-W{:02}", iso.year(), iso.week()) == w
            })
        });
        let wanted = |o: &&Open| {
            let k = &acc.kinds[usize::from(o.kind)];
            matches(q.holder, k.holder)
                && q.status.is_none_or(|s| acc.status(o.latest) == s)
                && (!q.open || o.latest >= self.opts.today)
                && q.samtale.as_deref().is_none_or(|s| {
                    s.split_once(' ')
                        .is_some_and(|(regime, id)| regime == k.regime && id == k.id)
                })
                && q.week.is_none() == week.is_none()
                && week.is_none_or(|w| o.latest >= self.opts.today && acc.week(o.latest) == Some(w))
                && needle.as_deref().is_none_or(|n| {
                    let m = &self.members[o.member as usize];
                    contains(&m.reference, n) || m.name.as_deref().is_some_and(|name| contains(name, n))
                })
        };
        let limit = q.limit.unwrap_or(usize::MAX);
        let mut total = 0;
        let mut items = Vec::new();
        let mut take = |o: &Open| {
            if total >= q.offset && items.len() < limit {
                items.push(acc.item(self, o));
            }
            total += 1;
        };
        if q.descending {
            acc.open.iter().rev().filter(wanted).for_each(&mut take);
        } else {
            acc.open.iter().filter(wanted).for_each(&mut take);
        }
        Page {
            total,
            offset: q.offset,
            items,
        }
    }
}

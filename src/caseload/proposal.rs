//! The booking proposal for a caseload (issue 15): weekly capacities per holder, every samtale
//! not yet held booked into a week by the rule in `booking`, and what the page and the exports
//! show of it — the booked load per week against capacity, the samtaler at risk, the samtaler to
//! call in a week, and a member's proposed weeks.
//!
//! The samtaler of a member are booked in their plan's order within each holder, each in a week
//! after the one before (A2 in a week after A1's, J2 after J1's), inside its own window. The jobcenter and the kommune are one lane,
//! as everywhere in the caseload; joint samtaler use the joint capacity only. A samtale whose
//! latest date has passed (overdue) cannot be booked: it is at risk from the start and listed
//! as overdue, with no week.

use super::booking::{self, Job, LANES};
use super::counts::{Open, lane, matches};
use super::{Caseload, WEEKS};
use crate::contract::lang::Lang;
use crate::contract::response::IsoDate;
use crate::present::ics::{AllDay, Stamp, calendar};
use crate::vocabulary::holder::Holder;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A weekly capacity may be at most this.
pub const MAX_CAPACITY: u32 = 1_000_000;

/// Samtaler a holder can hold a week (`None`: unlimited).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(default, deny_unknown_fields)]
pub struct Capacity {
    pub akasse: Option<u32>,
    /// The jobcenter or the kommune (one lane).
    #[serde(alias = "kommune")]
    pub jobcenter: Option<u32>,
    pub joint: Option<u32>,
}

impl Capacity {
    /// By lane (a-kasse, jobcenter/kommune, joint).
    pub fn lanes(&self) -> [Option<u32>; LANES] {
        [self.akasse, self.jobcenter, self.joint]
    }

    /// Reads `akasse=120,jobcenter=80,joint=40` (`kommune` for `jobcenter`; any left out are
    /// unlimited); the words of the error (Danish, English) when it cannot.
    pub fn parse(text: &str) -> Result<Capacity, (String, String)> {
        let mut c = Capacity::default();
        let bad = |da: String, en: String| Err((da, en));
        for part in text.split(',').map(str::trim) {
            if part.is_empty() {
                continue;
            }
            let Some((holder, n)) = part.split_once('=') else {
                return bad(
                    format!("{part:?} er ikke HOLDER=ANTAL, fx akasse=120"),
                    format!("{part:?} is not HOLDER=NUMBER, e.g. akasse=120"),
                );
            };
            let slot = match holder.trim() {
                "akasse" => &mut c.akasse,
                "jobcenter" | "kommune" => &mut c.jobcenter,
                "joint" => &mut c.joint,
                h => {
                    return bad(
                        format!("ukendt holder {h:?}; skriv akasse, jobcenter, kommune eller joint"),
                        format!("unknown holder {h:?}; write akasse, jobcenter, kommune or joint"),
                    );
                }
            };
            let n = n.trim();
            let value = n
                .parse::<u32>()
                .ok()
                .filter(|v| n.bytes().all(|b| b.is_ascii_digit()) && *v <= MAX_CAPACITY);
            let Some(value) = value else {
                return bad(
                    format!("{holder}: {n:?} er ikke et helt tal fra 0 til {MAX_CAPACITY}"),
                    format!("{holder}: {n:?} is not a whole number from 0 to {MAX_CAPACITY}"),
                );
            };
            if slot.replace(value).is_some() {
                return bad(
                    format!("{holder} står to gange (jobcenter og kommune er én)"),
                    format!("{holder} is given twice (jobcenter and kommune are one)"),
                );
            }
        }
        Ok(c)
    }
}

/// The week each samtale not yet held is booked in, for a capacity.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub capacity: Capacity,
    /// By the caseload's pending samtaler: the week from this Monday (`None`: at risk).
    weeks: Vec<Option<u32>>,
}

/// A samtale with its proposed week, as listed.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Proposed {
    pub member: Arc<str>,
    /// The member's name, when the file has a name column (shown in the call-in and at-risk
    /// lists and their exports, as in the worklist).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Arc<str>>,
    pub line: usize,
    pub regime: &'static str,
    pub id: &'static str,
    pub title: &'static str,
    pub holder: Holder,
    pub holder_label: &'static str,
    pub earliest: IsoDate,
    pub latest: IsoDate,
    /// The Monday of the proposed week; for a samtale at risk, of the week of its latest date
    /// (the week it would need a place in); `null` for one already overdue (no week can help).
    pub week: Option<IsoDate>,
    pub at_risk: bool,
    /// At risk because its latest date has passed: listed as overdue.
    pub overdue: bool,
}

/// One lane of one week: booked against capacity.
#[derive(Debug, Clone, Copy, Default, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Load {
    pub booked: u32,
    pub capacity: Option<u32>,
    /// Every place taken.
    pub full: bool,
    /// Samtaler at risk whose latest date is in the week.
    pub at_risk: u32,
}

/// A week of the proposal, in lanes: the a-kasse, the jobcenter/kommune, joint.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct BookedWeek {
    /// ISO week, "2024-W18".
    pub week: String,
    pub from: IsoDate,
    pub to: IsoDate,
    pub akasse: Load,
    pub jobcenter: Load,
    pub joint: Load,
}

/// The proposal summed up, as the page shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Booking {
    pub capacity: Capacity,
    /// Samtaler booked, and of them after the 26 weeks.
    pub booked: usize,
    pub booked_later: usize,
    /// Samtaler at risk, and of them those already overdue.
    pub at_risk: usize,
    pub overdue: usize,
    pub weeks: Vec<BookedWeek>,
    /// The first of those at risk, by latest date (at most the list limit).
    pub at_risk_items: Vec<Proposed>,
}

/// A page of a list of proposed samtaler.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ProposedPage {
    pub total: usize,
    pub offset: usize,
    pub items: Vec<Proposed>,
}

impl Caseload {
    /// The proposal for a capacity (after [`Caseload::finish`]).
    pub fn propose(&self, capacity: &Capacity) -> Proposal {
        let acc = &self.acc;
        let today = self.opts.today;
        let week = |d: NaiveDate| (d - acc.monday).num_days().div_euclid(7).clamp(0, i64::from(u32::MAX)) as u32;
        let mut jobs = Vec::with_capacity(acc.pending.len());
        let mut job_of = vec![u32::MAX; acc.pending.len()];
        let mut member = u32::MAX;
        let mut last: [Option<u32>; LANES] = [None; LANES];
        for (i, o) in acc.pending.iter().enumerate() {
            if o.latest < today {
                continue;
            }
            if o.member != member {
                member = o.member;
                last = [None; LANES];
            }
            let l = lane(acc.kinds[usize::from(o.kind)].holder);
            let index = jobs.len() as u32;
            jobs.push(Job {
                lane: l,
                release: week(o.earliest),
                due: week(o.latest),
                prev: last[l],
            });
            last[l] = Some(index);
            job_of[i] = index;
        }
        let booked = booking::book(&jobs, &capacity.lanes());
        Proposal {
            capacity: *capacity,
            weeks: job_of
                .iter()
                .map(|&j| booked.get(j as usize).copied().flatten())
                .collect(),
        }
    }

    fn monday_of(&self, week: u32) -> NaiveDate {
        self.acc
            .monday
            .checked_add_days(Days::new(u64::from(week) * 7))
            .unwrap_or(self.acc.monday)
    }

    /// A pending samtale with its week, as listed.
    fn proposed(&self, p: &Proposal, i: usize) -> Proposed {
        let lang = self.opts.lang;
        let o: &Open = &self.acc.pending[i];
        let k = &self.acc.kinds[usize::from(o.kind)];
        let m = &self.members[o.member as usize];
        let overdue = o.latest < self.opts.today;
        let (week, at_risk) = match p.weeks[i] {
            Some(w) => (Some(self.monday_of(w)), false),
            None if overdue => (None, true),
            None => (
                Some(o.latest.week(Weekday::Mon).checked_first_day().unwrap_or(o.latest)),
                true,
            ),
        };
        Proposed {
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
            week,
            at_risk,
            overdue,
        }
    }

    /// The pending samtalers' indices of one holder (all: `None`), booked (in order of week,
    /// then file) or at risk (in order of latest date, then file).
    fn proposal_order(&self, p: &Proposal, holder: Option<Holder>, at_risk: bool) -> Vec<usize> {
        let acc = &self.acc;
        let mut out: Vec<usize> = (0..acc.pending.len())
            .filter(|&i| p.weeks[i].is_none() == at_risk)
            .filter(|&i| matches(holder, acc.kinds[usize::from(acc.pending[i].kind)].holder))
            .collect();
        if at_risk {
            out.sort_by_key(|&i| (acc.pending[i].latest, i));
        } else {
            out.sort_by_key(|&i| (p.weeks[i], i));
        }
        out
    }

    /// The proposal summed up: the load of the 26 weeks, the counts, the first `limit` at risk.
    pub fn booking(&self, p: &Proposal, limit: usize) -> Booking {
        let acc = &self.acc;
        let today = self.opts.today;
        let mut loads = vec![[Load::default(); LANES]; WEEKS];
        let caps = p.capacity.lanes();
        for w in &mut loads {
            for (l, load) in w.iter_mut().enumerate() {
                load.capacity = caps[l];
            }
        }
        let (mut booked, mut later, mut at_risk, mut overdue) = (0, 0, 0, 0);
        for (i, o) in acc.pending.iter().enumerate() {
            let l = lane(acc.kinds[usize::from(o.kind)].holder);
            match p.weeks[i] {
                Some(w) => {
                    booked += 1;
                    match loads.get_mut(w as usize) {
                        Some(week) => week[l].booked += 1,
                        None => later += 1,
                    }
                }
                None => {
                    at_risk += 1;
                    if o.latest < today {
                        overdue += 1;
                    } else if let Some(w) = acc.week(o.latest) {
                        loads[w][l].at_risk += 1;
                    }
                }
            }
        }
        let weeks = loads
            .into_iter()
            .enumerate()
            .map(|(i, mut lanes)| {
                for load in &mut lanes {
                    load.full = load.capacity.is_some_and(|c| load.booked >= c);
                }
                let from = self.monday_of(i as u32);
                let iso = from.iso_week();
                BookedWeek {
                    week: format!("{}-W{:02}", iso.year(), iso.week()),
                    from,
                    to: from.checked_add_days(Days::new(6)).unwrap_or(from),
                    akasse: lanes[0],
                    jobcenter: lanes[1],
                    joint: lanes[2],
                }
            })
            .collect();
        let at_risk_items = self
            .proposal_order(p, None, true)
            .into_iter()
            .take(limit)
            .map(|i| self.proposed(p, i))
            .collect();
        Booking {
            capacity: p.capacity,
            booked,
            booked_later: later,
            at_risk,
            overdue,
            weeks,
            at_risk_items,
        }
    }

    /// The samtaler to call in for the week beginning `monday` (of one holder, or all), a page
    /// at a time, in file order.
    pub fn call_in(
        &self,
        p: &Proposal,
        monday: NaiveDate,
        holder: Option<Holder>,
        offset: usize,
        limit: usize,
    ) -> ProposedPage {
        let all: Vec<usize> = self
            .proposal_order(p, holder, false)
            .into_iter()
            .filter(|&i| p.weeks[i].is_some_and(|w| self.monday_of(w) == monday))
            .collect();
        ProposedPage {
            total: all.len(),
            offset,
            items: all
                .iter()
                .skip(offset)
                .take(limit)
                .map(|&i| self.proposed(p, i))
                .collect(),
        }
    }

    /// A member's samtaler not yet held, with their proposed weeks, in the plan's order.
    pub fn member_proposal(&self, p: &Proposal, reference: &str) -> Vec<Proposed> {
        let Some(index) = self.members.iter().position(|m| &*m.reference == reference) else {
            return Vec::new();
        };
        (0..self.acc.pending.len())
            .filter(|&i| self.acc.pending[i].member as usize == index)
            .map(|i| self.proposed(p, i))
            .collect()
    }

    /// A member's proposed weeks as an iCalendar file (`None`: no such member): an all-day event
    /// per booked samtale over the days of its week inside its window.
    pub fn member_calendar(&self, p: &Proposal, reference: &str, stamp: Stamp) -> Option<String> {
        self.member(reference)?;
        let lang = self.opts.lang;
        let d = |x: NaiveDate| super::export::date(x, lang);
        let events: Vec<AllDay> = self
            .member_proposal(p, reference)
            .into_iter()
            .filter(|x| !x.at_risk)
            .filter_map(|x| Some((x.week?, x)))
            .map(|(week, x)| {
                let sunday = week.checked_add_days(Days::new(6)).unwrap_or(week);
                let (from, to) = (week.max(x.earliest), sunday.min(x.latest));
                AllDay {
                    uid: format!("{}-{}-{}-forslag@samtaleplan", x.member, x.regime, x.id),
                    from,
                    to,
                    summary: lang.pick(
                        format!("Foreslået: {} {} ({})", x.id, x.title, x.holder_label),
                        format!("Proposed: {} {} ({})", x.id, x.title, x.holder_label),
                    ),
                    description: lang.pick(
                        format!(
                            "Bookingforslag for medlem {}: {}, {}–{}. Samtalens vindue: {}–{}. Vejledende.",
                            x.member,
                            week_words(week, lang),
                            d(from),
                            d(to),
                            d(x.earliest),
                            d(x.latest)
                        ),
                        format!(
                            "Booking proposal for member {}: {}, {} to {}. The samtale's window: {} to {}. Indicative.",
                            x.member,
                            week_words(week, lang),
                            d(from),
                            d(to),
                            d(x.earliest),
                            d(x.latest)
                        ),
                    ),
                }
            })
            .collect();
        let name = lang.pick(
            format!("Samtaleplan – bookingforslag for {reference}"),
            format!("Samtaleplan – booking proposal for {reference}"),
        );
        Some(calendar(&name, &events, stamp))
    }

    /// Every booked samtale (`at_risk`: every one at risk) of one holder or all, as listed.
    pub(super) fn proposal_list(&self, p: &Proposal, holder: Option<Holder>, at_risk: bool) -> Vec<Proposed> {
        self.proposal_order(p, holder, at_risk)
            .into_iter()
            .map(|i| self.proposed(p, i))
            .collect()
    }
}

/// The week of a proposed samtale in words: "uge 23 (3.6.2024)".
pub fn week_words(monday: NaiveDate, lang: Lang) -> String {
    let iso = monday.iso_week();
    format!(
        "{} {} ({})",
        lang.pick("uge", "week"),
        iso.week(),
        super::export::date(monday, lang)
    )
}

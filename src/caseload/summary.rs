//! What the summary of a caseload holds — the lists, the workload per week, the shares held on
//! time, STAR's indicators — and the parts of it the page asks for.

use super::RowError;
use super::star::Star;
use crate::contract::lang::Lang;
use crate::rules::regimes::Holder;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// Counts of samtaler whose window has closed or that were held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OnTime {
    /// Held within the window.
    pub on_time: u32,
    /// Held before the window opened.
    pub early: u32,
    /// Held after the latest date.
    pub late: u32,
    /// Not held, and the latest date has passed.
    pub missing: u32,
}

impl OnTime {
    pub(super) fn add(&mut self, other: OnTime) {
        self.on_time += other.on_time;
        self.early += other.early;
        self.late += other.late;
        self.missing += other.missing;
    }

    pub fn evaluated(&self) -> u32 {
        self.on_time + self.early + self.late + self.missing
    }
}

/// A share: how many of how many, in per mille (rounded half up) and in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Share {
    pub count: u32,
    pub of: u32,
    /// `null` when `of` is 0.
    pub per_mille: Option<u32>,
    pub text: String,
}

impl Share {
    pub fn new(count: u32, of: u32, lang: Lang) -> Share {
        let per_mille = (of > 0).then(|| ((u64::from(count) * 2000 + u64::from(of)) / (2 * u64::from(of))) as u32);
        let text = match per_mille {
            Some(p) => format!("{}{}{} %", p / 10, lang.pick(',', '.'), p % 10),
            None => "–".to_string(),
        };
        Share {
            count,
            of,
            per_mille,
            text,
        }
    }
}

/// One samtale in a list.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub member: Arc<str>,
    pub line: usize,
    pub regime: &'static str,
    pub id: &'static str,
    pub title: &'static str,
    pub holder: Holder,
    pub holder_label: &'static str,
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
}

/// A list with its full length, when the summary holds only its start.
#[derive(Debug, Clone, Serialize)]
pub struct List {
    pub total: usize,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Week {
    /// ISO week, "2024-W18".
    pub week: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub akasse: u32,
    pub jobcenter: u32,
    pub kommune: u32,
    pub joint: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct OnTimeRow {
    /// The regime and samtale id ("R2024 A2"), or the month of start ("2024-03").
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'static str>,
    #[serde(flatten)]
    pub counts: OnTime,
    pub share: Share,
}

/// A week, Monday to Sunday.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Days7 {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The caseload summed up for a day.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub schema: u32,
    pub lang: Lang,
    pub today: NaiveDate,
    /// Rows with a member (valid or not).
    pub rows: usize,
    /// Members whose plan was computed.
    pub members: usize,
    pub error_count: usize,
    pub errors: Vec<RowError>,
    pub this_week: Days7,
    pub next_week: Days7,
    pub closing_this_week: List,
    pub closing_next_week: List,
    pub overdue: List,
    pub workload: Vec<Week>,
    pub on_time: OnTimeRow,
    pub on_time_by_samtale: Vec<OnTimeRow>,
    pub on_time_by_start_month: Vec<OnTimeRow>,
    pub star: Star,
}

impl Summary {
    /// The same summary with at most `limit` entries in each list (the totals stay whole): what a
    /// page shows at once. Only the lists are long; the rest is copied.
    pub fn truncated(&self, limit: usize) -> Summary {
        let cut = |l: &List| List {
            total: l.total,
            items: l.items.iter().take(limit).cloned().collect(),
        };
        Summary {
            closing_this_week: cut(&self.closing_this_week),
            closing_next_week: cut(&self.closing_next_week),
            overdue: cut(&self.overdue),
            ..self.clone_without_lists()
        }
    }

    fn clone_without_lists(&self) -> Summary {
        let empty = || List {
            total: 0,
            items: Vec::new(),
        };
        Summary {
            schema: self.schema,
            lang: self.lang,
            today: self.today,
            rows: self.rows,
            members: self.members,
            error_count: self.error_count,
            errors: self.errors.clone(),
            this_week: self.this_week,
            next_week: self.next_week,
            closing_this_week: empty(),
            closing_next_week: empty(),
            overdue: empty(),
            workload: self.workload.clone(),
            on_time: self.on_time.clone(),
            on_time_by_samtale: self.on_time_by_samtale.clone(),
            on_time_by_start_month: self.on_time_by_start_month.clone(),
            star: self.star.clone(),
        }
    }

    /// A list by name ("closing_this_week", "closing_next_week", "overdue"), only one holder's
    /// samtaler if asked, at most `limit` of them; `None` for another name.
    pub fn list(&self, name: &str, holder: Option<Holder>, limit: usize) -> Option<List> {
        let list = match name {
            "closing_this_week" => &self.closing_this_week,
            "closing_next_week" => &self.closing_next_week,
            "overdue" => &self.overdue,
            _ => return None,
        };
        let matching: Vec<&Item> = list
            .items
            .iter()
            .filter(|i| holder.is_none_or(|h| h == i.holder))
            .collect();
        Some(List {
            total: matching.len(),
            items: matching.into_iter().take(limit).cloned().collect(),
        })
    }
}

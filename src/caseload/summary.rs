//! What the summary of a caseload holds — the lists, the workload per week, the shares held on
//! time, STAR's indicators — and the parts of it the page asks for.

use super::RowError;
pub use super::share::{Share, unknown};
use super::star::Star;
use crate::contract::lang::Lang;
use crate::contract::response::IsoDate;
use crate::vocabulary::holder::Holder;
use crate::vocabulary::words::words;
use serde::Serialize;
use std::sync::Arc;

/// Counts of samtaler whose window has closed or that were held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
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

words! {
    /// Where a samtale not yet held stands on the summary's day. Its TypeScript type is
    /// `CaseloadStatus`: the plan's `Status` (upcoming, open, past) has the name in the same module.
    #[cfg_attr(target_arch = "wasm32", tsify(rename = "CaseloadStatus"))]
    pub enum Status {
        /// Its latest date has passed.
        Overdue = "overdue",
        /// Its latest date is from the day to this Sunday.
        ThisWeek = "this_week",
        /// Its latest date is in next week.
        NextWeek = "next_week",
        /// Its latest date is later, within the 26 weeks.
        Later = "later",
    }
}

impl Status {
    /// The words for the status; `held_dates`: whether the file has held dates (without them a
    /// samtale whose latest date has passed may have been held: it is not called overdue).
    pub fn label(self, lang: Lang, held_dates: bool) -> &'static str {
        match self {
            Status::Overdue if !held_dates => {
                lang.pick("frist passeret, holdt ukendt", "latest date passed, held unknown")
            }
            Status::Overdue => lang.pick("overskredet", "overdue"),
            Status::ThisWeek => lang.pick("frist denne uge", "due this week"),
            Status::NextWeek => lang.pick("frist næste uge", "due next week"),
            Status::Later => lang.pick("senere", "later"),
        }
    }
}

/// One samtale in a list.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Item {
    pub member: Arc<str>,
    /// The member's name, when the file has a name column.
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
    // The TypeScript name given here: tsify would write the Rust name, `Status`, which is
    // the plan's in TypeScript.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "CaseloadStatus"))]
    pub status: Status,
    pub status_label: &'static str,
}

/// A list with its full length, when the summary holds only its start.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct List {
    pub total: usize,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Week {
    /// ISO week, "2024-W18".
    pub week: String,
    pub from: IsoDate,
    pub to: IsoDate,
    pub akasse: u32,
    pub jobcenter: u32,
    pub kommune: u32,
    pub joint: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct OnTimeRow {
    /// The regime and samtale id ("R2024 A2"), or the month of start ("2024-03").
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'static str>,
    #[serde(flatten)]
    pub counts: OnTime,
    pub share: Share,
}

/// The days a list counts: Monday to Sunday, but this week's list from the summary's day (a
/// samtale whose latest date is earlier is overdue, not due this week).
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Days7 {
    pub from: IsoDate,
    pub to: IsoDate,
}

/// What was read, and how. Its TypeScript type is `CaseloadSource`: a rule's `Source` has the
/// name in the same module.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify::Tsify),
    tsify(missing_as_null, rename = "CaseloadSource")
)]
pub struct Source {
    /// "csv", or the spreadsheet's kind: "xlsx", "xlsb", "xls", "ods".
    pub format: &'static str,
    /// A text file's encoding ("UTF-8", "Windows-1252", …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
    /// A text file's delimiter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    /// The sheet read, and all the workbook's sheets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub sheets: Vec<String>,
    /// Columns of the header that were not read.
    pub ignored_columns: Vec<String>,
    /// The column the members' names were read from, as the header writes it ("Navn"), when
    /// the file has one: the lists then show each member's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_column: Option<String>,
    /// The same in words: "CSV, Windows-1252, semikolon".
    pub text: String,
}

/// A samtale as the worklist's filter offers it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct SamtaleKey {
    /// "R2024 A1"
    pub key: String,
    pub title: &'static str,
}

/// The caseload summed up for a day.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Summary {
    pub schema: u32,
    pub lang: Lang,
    pub today: IsoDate,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "CaseloadSource"))]
    pub source: Source,
    /// What the reader did that the user should know, each {code, text}: no held dates,
    /// columns ignored, characters removed (docs/caseload.md).
    pub warnings: Vec<crate::contract::response::Message>,
    /// Whether the file has held dates (`holdt_<ID>` columns). Without them the shares on time
    /// and STAR's indicators are unknown (`per_mille: null`, "ukendt") and a samtale whose
    /// latest date has passed is "frist passeret, holdt ukendt", not "overskredet".
    pub held_dates: bool,
    /// The holder the numbers are for (`null`: all); STAR's indicators and the member counts
    /// are always for everyone.
    pub holder: Option<Holder>,
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
    /// The a-kasse's part in the joint samtaler held (`akasse_deltog_<ID>`, seed 000).
    pub akasse_present: super::presence::AkassePresent,
    /// The samtaler among the open ones, for the worklist's filter.
    pub samtaler: Vec<SamtaleKey>,
}

impl Summary {
    /// The same summary with at most `limit` entries in each list and of the errors (the totals
    /// stay whole): what a page shows at once.
    pub fn truncated(mut self, limit: usize) -> Summary {
        for list in [
            &mut self.closing_this_week,
            &mut self.closing_next_week,
            &mut self.overdue,
        ] {
            list.items.truncate(limit);
        }
        self.errors.truncate(limit);
        self
    }
}

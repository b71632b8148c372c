//! The caseload of an a-kasse or a jobcenter: a file with one member per row, read in chunks,
//! each member's plan computed (dates only, [`plan::windows`]), and summed up for a given day:
//! the windows closing this week and next, the overdue samtaler, the workload per week for the
//! next 26 weeks, the share held on time, and STAR's two indicators (seed 004).
//!
//! How each list and number is defined is written in README.md ("Caseload"); every choice there
//! that no source settles is the calculator's convention.

pub mod chart;
pub mod csv;

use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::lang::{Lang, Text};
use crate::contract::request::{self, Group, MAX_PAUSES, Pause, PauseReason, Request};
use crate::contract::response::Response;
use crate::contract::words::Word;
use crate::plan;
use crate::rules::dates::{DateError, short};
use crate::rules::ledighed::{Insurance, Period, Span};
use crate::rules::regimes::{Holder, Obligation};
use chrono::{Datelike, Days, Months, NaiveDate};
use csv::{FieldError, Record, Splitter};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// A caseload file may be at most this large.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// And have at most this many member rows.
pub const MAX_ROWS: usize = 250_000;
/// The workload covers this many weeks from the week of `today`.
pub const WEEKS: usize = 26;
/// Rows with errors kept with their message; beyond this they are only counted.
pub const MAX_ERRORS_LISTED: usize = 1000;

/// What the summary is for.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub today: NaiveDate,
    pub lang: Lang,
    /// Keep at most this many entries in each list of the summary (the counts stay whole); the
    /// page asks for a screenful, the command line for everything.
    pub list_limit: Option<usize>,
}

/// The columns of a caseload file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Member,
    Start,
    Insurance,
    Group,
    Pauses,
    /// `holdt_<ID>`: the date samtale ID was held.
    Held(String),
}

const MEMBER: [&str; 7] = [
    "medlem",
    "medlemsnummer",
    "medlemsnr",
    "member",
    "reference",
    "ref",
    "id",
];
const START: [&str; 6] = [
    "start",
    "ledig_fra",
    "første_ledighedsdag",
    "forste_ledighedsdag",
    "first_day",
    "startdato",
];

fn column(name: &str) -> Option<Column> {
    let n = name.trim().to_lowercase().replace([' ', '-'], "_");
    let held = n.strip_prefix("holdt_").or_else(|| n.strip_prefix("held_"));
    Some(match n.as_str() {
        _ if MEMBER.contains(&n.as_str()) => Column::Member,
        _ if START.contains(&n.as_str()) => Column::Start,
        "forsikring" | "insurance" => Column::Insurance,
        "gruppe" | "group" => Column::Group,
        "pauser" | "pauses" => Column::Pauses,
        _ => match held {
            Some(id) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                Column::Held(id.to_ascii_uppercase())
            }
            _ => return None,
        },
    })
}

/// Where each column is, found once from the header.
#[derive(Debug, Clone)]
struct Layout {
    delimiter: u8,
    width: usize,
    member: usize,
    start: usize,
    insurance: Option<usize>,
    group: Option<usize>,
    pauses: Option<usize>,
    /// (column, samtale id)
    held: Vec<(usize, String)>,
}

/// A member as read from a row.
#[derive(Debug, Clone)]
pub struct Member {
    pub line: usize,
    pub reference: Arc<str>,
    pub request: Request,
    /// (samtale id, the date it was held)
    pub held: Vec<(Arc<str>, NaiveDate)>,
}

/// A row that could not be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<Arc<str>>,
    pub code: ErrorCode,
    pub message: String,
}

/// Reads a caseload file in chunks and sums it up.
pub struct Caseload {
    opts: Options,
    splitter: Splitter,
    bytes: usize,
    layout: Option<Layout>,
    /// The held columns' ids, shared by every member that has a date in them.
    held_ids: Vec<Arc<str>>,
    fatal: Option<PlanError>,
    rows: usize,
    members: Vec<Member>,
    references: HashSet<Arc<str>>,
    errors: Vec<RowError>,
    error_count: usize,
    acc: Accumulator,
}

type RowResult<T> = Result<T, (Option<Arc<str>>, PlanError)>;

impl Caseload {
    pub fn new(opts: Options) -> Caseload {
        Caseload {
            opts,
            splitter: Splitter::new(),
            bytes: 0,
            layout: None,
            held_ids: Vec::new(),
            fatal: None,
            rows: 0,
            members: Vec::new(),
            references: HashSet::new(),
            errors: Vec::new(),
            error_count: 0,
            acc: Accumulator::new(opts.today),
        }
    }

    /// Reads the next bytes of the file.
    pub fn feed(&mut self, bytes: &[u8]) {
        if self.fatal.is_some() {
            return;
        }
        self.bytes = self.bytes.saturating_add(bytes.len());
        if self.bytes > MAX_FILE_BYTES {
            let lang = self.opts.lang;
            self.fatal = Some(PlanError::new(
                ErrorCode::CsvTooLarge,
                lang,
                format!("Filen er større end {} MB.", MAX_FILE_BYTES / (1024 * 1024)),
                format!("The file is larger than {} MB.", MAX_FILE_BYTES / (1024 * 1024)),
            ));
            return;
        }
        let mut records = Vec::new();
        self.splitter.feed(bytes, &mut |r| records.push(r));
        let mut fields = Vec::new();
        for r in &records {
            self.record(r, &mut fields);
        }
    }

    /// Rows read so far (for progress).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Ends the file and sums it up; an error if the file as a whole cannot be read.
    pub fn finish(&mut self) -> Result<Summary, PlanError> {
        let mut records = Vec::new();
        let open = self.splitter.finish(&mut |r| records.push(r));
        // A last record inside an unterminated quote is reported as that, not read.
        if open {
            records.pop();
        }
        let mut fields = Vec::new();
        for r in &records {
            self.record(r, &mut fields);
        }
        if open && self.fatal.is_none() {
            let line = self.splitter.start_line();
            self.rows += 1;
            self.row_error(
                line,
                None,
                ErrorCode::CsvQuote,
                "Et felt i anførselstegn slutter aldrig; resten af filen er sprunget over.".into(),
                "A quoted field never ends; the rest of the file was skipped.".into(),
            );
        }
        if let Some(e) = &self.fatal {
            return Err(e.clone());
        }
        if self.layout.is_none() {
            return Err(PlanError::new(
                ErrorCode::CsvHeader,
                self.opts.lang,
                "Filen er tom: den skal have en overskriftslinje, fx medlem;start.".into(),
                "The file is empty: it needs a header line, e.g. member,start.".into(),
            ));
        }
        Ok(self.acc.summary(self))
    }

    /// A member read from the file (for a calendar file on request).
    pub fn member(&self, reference: &str) -> Option<&Member> {
        self.members.iter().find(|m| &*m.reference == reference)
    }

    fn row_error(&mut self, line: usize, member: Option<Arc<str>>, code: ErrorCode, da: String, en: String) {
        let e = PlanError::new(code, self.opts.lang, da, en);
        self.plan_error(line, member, e);
    }

    fn plan_error(&mut self, line: usize, member: Option<Arc<str>>, e: PlanError) {
        self.error_count += 1;
        if self.errors.len() < MAX_ERRORS_LISTED {
            self.errors.push(RowError {
                line,
                member,
                code: e.code,
                message: e.message,
            });
        }
    }

    fn record<'a>(&mut self, r: &'a Record, fields: &mut Vec<Cow<'a, str>>) {
        if self.fatal.is_some() {
            return;
        }
        let lang = self.opts.lang;
        if r.too_long {
            if self.layout.is_none() {
                self.fatal = Some(PlanError::new(
                    ErrorCode::CsvHeader,
                    lang,
                    "Overskriften er for lang til at være en overskrift.".into(),
                    "The header is too long to be a header.".into(),
                ));
                return;
            }
            self.rows += 1;
            self.row_error(
                r.line,
                None,
                ErrorCode::CsvRow,
                format!("Rækken er længere end {} KiB.", csv::MAX_RECORD_BYTES / 1024),
                format!("The row is longer than {} KiB.", csv::MAX_RECORD_BYTES / 1024),
            );
            return;
        }
        let Some(layout) = &self.layout else {
            if !r.bytes.iter().all(|b| b.is_ascii_whitespace()) {
                self.header(r);
            }
            return;
        };
        let (delimiter, width) = (layout.delimiter, layout.width);
        if let Err(e) = csv::fields(&r.bytes, delimiter, fields) {
            let (code, da, en) = match e {
                FieldError::Quote => (
                    ErrorCode::CsvQuote,
                    "Rækken har et felt med forkerte anførselstegn.",
                    "The row has a field with misplaced quotes.",
                ),
                FieldError::Encoding => (
                    ErrorCode::CsvEncoding,
                    "Rækken er ikke gyldig UTF-8-tekst.",
                    "The row is not valid UTF-8 text.",
                ),
            };
            self.rows += 1;
            self.row_error(r.line, None, code, da.into(), en.into());
            return;
        }
        if fields.iter().all(|f| f.is_empty()) {
            return; // a blank row, as spreadsheets leave at the end
        }
        self.rows += 1;
        if self.rows > MAX_ROWS {
            self.fatal = Some(PlanError::new(
                ErrorCode::CsvTooLarge,
                lang,
                format!("Filen har mere end {MAX_ROWS} rækker med medlemmer."),
                format!("The file has more than {MAX_ROWS} member rows."),
            ));
            return;
        }
        if fields.len() != width {
            let n = fields.len();
            self.row_error(
                r.line,
                None,
                ErrorCode::CsvFields,
                format!("Rækken har {n} felter; overskriften har {width}."),
                format!("The row has {n} fields; the header has {width}."),
            );
            return;
        }
        let outcome = self.member_of(r.line, fields).and_then(|m| {
            let w = plan::windows(&m.request).map_err(|e| (Some(m.reference.clone()), e))?;
            Ok((m, w))
        });
        match outcome {
            Ok((m, w)) => match self.acc.add(&m, &w, lang) {
                Ok(()) => {
                    self.references.insert(m.reference.clone());
                    self.members.push(m);
                }
                Err((da, en)) => self.row_error(r.line, Some(m.reference), ErrorCode::CsvHeld, da, en),
            },
            Err((member, e)) => self.plan_error(r.line, member, e),
        }
    }

    fn header(&mut self, r: &Record) {
        let lang = self.opts.lang;
        let delimiter = csv::guess_delimiter(&r.bytes);
        let fail = |da: String, en: String| Some(PlanError::new(ErrorCode::CsvHeader, lang, da, en));
        let mut names = Vec::new();
        if csv::fields(&r.bytes, delimiter, &mut names).is_err() {
            self.fatal = fail(
                format!("Overskriften på linje {} kan ikke læses.", r.line),
                format!("The header on line {} cannot be read.", r.line),
            );
            return;
        }
        let known = "medlem, start, forsikring, gruppe, pauser, holdt_<ID> (eller member, start, insurance, group, pauses, held_<ID>)";
        let mut columns = Vec::new();
        for name in &names {
            let Some(c) = column(name) else {
                self.fatal = fail(
                    format!(
                        "Ukendt kolonne {} i overskriften; kendte kolonner er: {known}.",
                        quote(name)
                    ),
                    format!(
                        "Unknown column {} in the header; known columns are: {known}.",
                        quote(name)
                    ),
                );
                return;
            };
            if columns.contains(&c) {
                self.fatal = fail(
                    format!("Kolonnen {} står to gange i overskriften.", quote(name)),
                    format!("The column {} appears twice in the header.", quote(name)),
                );
                return;
            }
            columns.push(c);
        }
        let find = |c: &Column| columns.iter().position(|x| x == c);
        let (Some(member), Some(start)) = (find(&Column::Member), find(&Column::Start)) else {
            let (da, en) = if find(&Column::Member).is_none() {
                ("medlem", "member")
            } else {
                ("start", "start")
            };
            self.fatal = fail(
                format!("Overskriften mangler kolonnen {da}."),
                format!("The header has no {en} column."),
            );
            return;
        };
        let held: Vec<(usize, String)> = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Column::Held(id) => Some((i, id.clone())),
                _ => None,
            })
            .collect();
        self.held_ids = held.iter().map(|(_, id)| Arc::from(id.as_str())).collect();
        self.layout = Some(Layout {
            delimiter,
            width: columns.len(),
            member,
            start,
            insurance: find(&Column::Insurance),
            group: find(&Column::Group),
            pauses: find(&Column::Pauses),
            held,
        });
    }

    /// A member from the fields of a row, checked as a request would be.
    fn member_of(&self, line: usize, fields: &[Cow<'_, str>]) -> RowResult<Member> {
        let lang = self.opts.lang;
        let Some(layout) = &self.layout else {
            return Err((None, PlanError::internal("a row before the header", lang)));
        };
        let value = |i: Option<usize>| i.map_or("", |i| &*fields[i]);
        let text = value(Some(layout.member));
        if text.is_empty() {
            return Err((
                None,
                PlanError::new(
                    ErrorCode::CsvValue,
                    lang,
                    "Medlem mangler.".into(),
                    "The member is missing.".into(),
                ),
            ));
        }
        if text.chars().count() > 64 || text.chars().any(char::is_control) {
            return Err((
                None,
                PlanError::new(
                    ErrorCode::CsvValue,
                    lang,
                    format!(
                        "Medlemsreferencen {} er længere end 64 tegn eller har styretegn.",
                        quote(text)
                    ),
                    format!(
                        "The member reference {} is longer than 64 characters or has control characters.",
                        quote(text)
                    ),
                ),
            ));
        }
        let reference: Arc<str> = Arc::from(text);
        let err =
            |code: ErrorCode, da: String, en: String| (Some(reference.clone()), PlanError::new(code, lang, da, en));
        if self.references.contains(&reference) {
            return Err(err(
                ErrorCode::CsvValue,
                format!("Medlemmet {} står allerede på en tidligere række.", quote(text)),
                format!("The member {} is already on an earlier row.", quote(text)),
            ));
        }
        let date = |name: &str, s: &str| -> RowResult<NaiveDate> {
            csv::parse_date(s).map_err(|e| {
                let (da, en) = match e {
                    DateError::Format => (
                        "er ikke en dato som 04-03-2024, 04.03.2024 eller 2024-03-04",
                        "is not a date like 04-03-2024, 04.03.2024 or 2024-03-04",
                    ),
                    DateError::Invalid => ("findes ikke i kalenderen", "does not exist"),
                };
                err(
                    ErrorCode::CsvDate,
                    format!("{name}: {} {da}.", quote(s)),
                    format!("{name}: {} {en}.", quote(s)),
                )
            })
        };
        let start = date("start", value(Some(layout.start)))?;
        request::check_start(start, lang).map_err(|e| (Some(reference.clone()), e))?;
        let word = |name: &str, s: &str, words: &[&str]| {
            err(
                ErrorCode::CsvValue,
                format!("{name}: ukendt værdi {}; tilladt er: {}.", quote(s), words.join(", ")),
                format!("{name}: unknown value {}; allowed: {}.", quote(s), words.join(", ")),
            )
        };
        let insurance = match value(layout.insurance) {
            "" => Insurance::default(),
            s => <Insurance as Word>::WORDS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(s))
                .map(|i| Insurance::ALL[i])
                .ok_or_else(|| word("forsikring", s, Insurance::WORDS))?,
        };
        let group = match value(layout.group) {
            "" => Group::default(),
            s => <Group as Word>::WORDS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(s))
                .map(|i| Group::ALL[i])
                .ok_or_else(|| word("gruppe", s, Group::WORDS))?,
        };
        let mut pauses = Vec::new();
        for (i, item) in value(layout.pauses)
            .split(['|', ' '])
            .filter(|s| !s.is_empty())
            .enumerate()
        {
            let Some((from, to)) = item.split_once("..") else {
                return Err(err(
                    ErrorCode::CsvPause,
                    format!("pauser: {} er ikke en periode som 01-04-2024..12-04-2024.", quote(item)),
                    format!("pauses: {} is not a period like 01-04-2024..12-04-2024.", quote(item)),
                ));
            };
            let period = Period {
                from: date("pauser", from)?,
                to: date("pauser", to)?,
            };
            if i >= MAX_PAUSES {
                return Err(err(
                    ErrorCode::TooManyPauses,
                    format!("Højst {MAX_PAUSES} pauser pr. medlem."),
                    format!("At most {MAX_PAUSES} pauses per member."),
                ));
            }
            request::check_pause(i, period, lang).map_err(|e| (Some(reference.clone()), e))?;
            pauses.push(Pause {
                period,
                reason: PauseReason::Andet,
            });
        }
        let mut held = Vec::new();
        for (k, (i, id)) in layout.held.iter().enumerate() {
            let s = &*fields[*i];
            if !s.is_empty() {
                // The column's name is only spelled out for an error.
                let day = csv::parse_date(s).or_else(|_| date(&format!("holdt_{id}"), s))?;
                held.push((self.held_ids[k].clone(), day));
            }
        }
        let request = Request {
            insurance,
            group,
            pauses,
            lang,
            ..Request::new(start)
        };
        Ok(Member {
            line,
            reference,
            request,
            held,
        })
    }
}

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
    fn add(&mut self, other: OnTime) {
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

#[derive(Debug, Clone, Serialize)]
pub struct Star {
    /// Members with at least 1½ months of ledighed whose first samtale was held within 1½ months.
    pub first_within_1_5_months: Share,
    /// The same within 3 months.
    pub first_within_3_months: Share,
    /// Members with 3–6 months of ledighed who had two samtaler in the last three months.
    pub two_in_last_3_months: Share,
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

#[derive(Default)]
struct StarCounts {
    within_1_5: (u32, u32),
    within_3: (u32, u32),
    two_in_3: (u32, u32),
}

/// Sums members up as they are read.
struct Accumulator {
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
    fn new(today: NaiveDate) -> Accumulator {
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
    fn add(&mut self, m: &Member, w: &plan::Windows, lang: Lang) -> Result<(), (String, String)> {
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
        self.star(m, w);
        Ok(())
    }

    /// STAR's indicators (seed 004), as of today.
    fn star(&mut self, m: &Member, w: &plan::Windows) {
        let today = self.today;
        let first_held = m.held.iter().map(|(_, d)| *d).min();
        let reach = |span| w.ledighed.reach(span).date;
        for (span, counts) in [
            (Span::HalfMonths(3), &mut self.star.within_1_5),
            (Span::Months(3), &mut self.star.within_3),
        ] {
            let by = reach(span);
            if by <= today {
                counts.1 += 1;
                counts.0 += u32::from(first_held.is_some_and(|d| d <= by));
            }
        }
        let (l3, l6) = (reach(Span::Months(3)), reach(Span::Months(6)));
        if l3 <= today && today < l6 {
            let since = today.checked_sub_months(Months::new(3)).unwrap_or(today);
            let recent = m.held.iter().filter(|(_, d)| since < *d && *d <= today).count();
            self.star.two_in_3.1 += 1;
            self.star.two_in_3.0 += u32::from(recent >= 2);
        }
    }

    fn summary(&self, c: &Caseload) -> Summary {
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
        let s = &self.star;
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
            star: Star {
                first_within_1_5_months: Share::new(s.within_1_5.0, s.within_1_5.1, lang),
                first_within_3_months: Share::new(s.within_3.0, s.within_3.1, lang),
                two_in_last_3_months: Share::new(s.two_in_3.0, s.two_in_3.1, lang),
            },
        }
    }
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

/// Reads a whole file at once.
pub fn caseload(bytes: &[u8], opts: Options) -> Result<Summary, PlanError> {
    let mut c = Caseload::new(opts);
    for chunk in bytes.chunks(64 * 1024) {
        c.feed(chunk);
    }
    c.finish()
}

/// The plan of one member, in full (for a calendar file).
pub fn member_plan(m: &Member) -> Result<Response, PlanError> {
    crate::plan(&m.request)
}

/// Which lists the CSV export can write.
pub const EXPORTS: [&str; 7] = [
    "closing",
    "overdue",
    "workload",
    "on_time_by_samtale",
    "on_time_by_start_month",
    "star",
    "errors",
];

/// One list of a summary as CSV (`;`-separated, ISO dates, a header row), optionally only the
/// samtaler of one holder. `None` for an unknown list name.
pub fn export(s: &Summary, list: &str, holder: Option<Holder>) -> Option<String> {
    let lang = s.lang;
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let escaped: Vec<String> = cells
            .iter()
            .map(|c| {
                if c.contains([';', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&escaped.join(";"));
        out.push_str("\r\n");
    };
    let t = |da: &str, en: &str| lang.pick(da, en).to_string();
    let items = |line: &mut dyn FnMut(&[String]), list: &List, week: Option<&str>| {
        for i in list.items.iter().filter(|i| holder.is_none_or(|h| h == i.holder)) {
            let mut row = vec![
                i.member.to_string(),
                i.regime.to_string(),
                i.id.to_string(),
                i.title.to_string(),
                i.holder.as_str().to_string(),
                i.earliest.to_string(),
                i.latest.to_string(),
            ];
            if let Some(w) = week {
                row.push(w.to_string());
            } else {
                row.push((s.today - i.latest).num_days().to_string());
            }
            line(&row);
        }
    };
    let head = |last: String| {
        vec![
            t("medlem", "member"),
            t("regler", "rules"),
            t("samtale", "samtale"),
            t("titel", "title"),
            t("holdes_af", "holder"),
            t("tidligst", "earliest"),
            t("senest", "latest"),
            last,
        ]
    };
    match list {
        "closing" => {
            line(&head(t("uge", "week")));
            items(&mut line, &s.closing_this_week, Some(&t("denne", "this")));
            items(&mut line, &s.closing_next_week, Some(&t("næste", "next")));
        }
        "overdue" => {
            line(&head(t("dage_over", "days_overdue")));
            items(&mut line, &s.overdue, None);
        }
        "workload" => {
            line(&[
                "week".into(),
                t("fra", "from"),
                t("til", "to"),
                "akasse".into(),
                "jobcenter".into(),
                "kommune".into(),
                "joint".into(),
                t("i_alt", "total"),
            ]);
            for w in &s.workload {
                line(&[
                    w.week.clone(),
                    w.from.to_string(),
                    w.to.to_string(),
                    w.akasse.to_string(),
                    w.jobcenter.to_string(),
                    w.kommune.to_string(),
                    w.joint.to_string(),
                    w.total.to_string(),
                ]);
            }
        }
        "on_time_by_samtale" | "on_time_by_start_month" => {
            line(&[
                t("nøgle", "key"),
                t("rettidigt", "on_time"),
                t("for_tidligt", "early"),
                t("for_sent", "late"),
                t("mangler", "missing"),
                t("vurderet", "evaluated"),
                t("promille", "per_mille"),
            ]);
            let rows = if list == "on_time_by_samtale" {
                &s.on_time_by_samtale
            } else {
                &s.on_time_by_start_month
            };
            for r in rows.iter().chain([&s.on_time]) {
                let c = r.counts;
                line(&[
                    r.key.clone(),
                    c.on_time.to_string(),
                    c.early.to_string(),
                    c.late.to_string(),
                    c.missing.to_string(),
                    c.evaluated().to_string(),
                    r.share.per_mille.map_or(String::new(), |p| p.to_string()),
                ]);
            }
        }
        "star" => {
            line(&[
                t("indikator", "indicator"),
                t("antal", "count"),
                t("af", "of"),
                t("promille", "per_mille"),
            ]);
            for (name, share) in [
                ("first_within_1_5_months", &s.star.first_within_1_5_months),
                ("first_within_3_months", &s.star.first_within_3_months),
                ("two_in_last_3_months", &s.star.two_in_last_3_months),
            ] {
                line(&[
                    name.to_string(),
                    share.count.to_string(),
                    share.of.to_string(),
                    share.per_mille.map_or(String::new(), |p| p.to_string()),
                ]);
            }
        }
        "errors" => {
            line(&[
                t("linje", "line"),
                t("medlem", "member"),
                t("kode", "code"),
                t("besked", "message"),
            ]);
            for e in &s.errors {
                line(&[
                    e.line.to_string(),
                    e.member.as_deref().unwrap_or_default().to_string(),
                    e.code.as_str().to_string(),
                    e.message.clone(),
                ]);
            }
        }
        _ => return None,
    }
    Some(out)
}

/// Parses a holder filter ("akasse", …) for the exports.
pub fn holder(word: &str) -> Option<Holder> {
    <Holder as Word>::parse(word)
}

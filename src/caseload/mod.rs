//! The caseload of an a-kasse or a jobcenter: a file with one member per row, read in chunks,
//! each member's plan computed (dates only, [`plan::windows`](crate::plan::windows())), and
//! summed up for a given day: the windows closing this week and next, the overdue samtaler, the
//! workload per week for the next 26 weeks, the share held on time, and STAR's two indicators
//! (seed 004).
//!
//! How each list and number is defined is written in docs/caseload.md; every choice there
//! that no source settles is the calculator's convention.
//!
//! This file holds the reader and its glue: `text` tells what the file is and decodes its text,
//! `csv` splits text into records and fields, `sheet` reads a spreadsheet's rows (calamine);
//! `columns` reads the header, `rows` each member's row, `counts` sums the members up into a
//! `summary`, `star` counts STAR's indicators, `export` writes the lists as CSV and `xlsx` as a
//! workbook; `chart` draws the workload; `warnings` writes the reader's warnings and `member` a
//! member's request for the plan functions.

pub mod booking;
mod cells;
pub mod chart;
mod columns;
mod counts;
pub mod csv;
mod export;
mod member;
mod presence;
pub mod proposal;
mod rows;
mod share;
// Spreadsheets are read with the feature "xlsx" (calamine); without it (the light module of a CSV
// visit) a spreadsheet is refused, and the page reads it with the full module instead.
#[cfg(feature = "xlsx")]
mod sheet;
#[cfg(not(feature = "xlsx"))]
#[path = "sheet_none.rs"]
mod sheet;
mod star;
mod summary;
pub mod text;
mod warnings;
mod worklist;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use export::{Cell, EXPORTS, Table, csv as table_csv, export, holder, overview};
pub use member::{MemberRequest, PauseObject, RequestObject};
pub use presence::{AkassePresent, Presence, PresenceRow};
pub use proposal::{Booking, Capacity, Proposal, Proposed};
pub use star::Star;
pub use summary::{Days7, Item, List, OnTime, OnTimeRow, SamtaleKey, Share, Source, Status, Summary, Week};
pub use warnings::no_held_dates;
pub use worklist::{Page, Query};

use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::lang::Lang;
use crate::contract::request::Request;
use crate::contract::response::Response;
use crate::vocabulary::holder::Holder;
use chrono::NaiveDate;
use columns::Layout;
use counts::Accumulator;
use csv::Splitter;
use serde::Serialize;
use sheet::Sheet;
use std::collections::HashSet;
use std::sync::Arc;
use text::{Decoder, Kind};

/// A caseload file may be at most this large.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// And have at most this many member rows.
pub const MAX_ROWS: usize = 250_000;
/// The workload covers this many weeks from the week of `today`.
pub const WEEKS: usize = 26;
/// What the summary is for.
#[derive(Debug, Clone)]
pub struct Options {
    pub today: NaiveDate,
    pub lang: Lang,
    /// Keep at most this many entries in each list of the summary (the counts stay whole); the
    /// page asks for a screenful, the command line for everything.
    pub list_limit: Option<usize>,
    /// The sheet of a spreadsheet to read (the first when `None`).
    pub sheet: Option<String>,
    /// The column whose text labels each member, as the caseworker picks it (its header, any
    /// case): read as the name, in place of a `navn`/`name` column (`None`: that column, if any).
    pub label: Option<String>,
}

impl Options {
    /// Everything, from the first sheet, for `today` in `lang`.
    pub fn new(today: NaiveDate, lang: Lang) -> Options {
        Options {
            today,
            lang,
            list_limit: None,
            sheet: None,
            label: None,
        }
    }
}

/// A member as read from a row.
#[derive(Debug, Clone)]
pub struct Member {
    pub line: usize,
    pub reference: Arc<str>,
    /// The member's name, from a `navn`/`name` column (shown and searched, never computed with).
    pub name: Option<Arc<str>>,
    pub request: Request,
    /// (samtale id, the date it was held)
    pub held: Vec<(Arc<str>, NaiveDate)>,
    /// (joint samtale id, whether the a-kasse took part), from `akasse_deltog_<ID>`.
    pub present: Vec<(Arc<str>, bool)>,
}

/// A row that could not be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct RowError {
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<Arc<str>>,
    /// The row's name (`navn` column), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Arc<str>>,
    pub code: ErrorCode,
    pub message: String,
}

/// Reads a caseload file in chunks and sums it up.
pub struct Caseload {
    opts: Options,
    decoder: Decoder,
    splitter: Splitter,
    /// The bytes of a spreadsheet, kept until the end of the file to be opened whole.
    book: Vec<u8>,
    sheet: Option<Sheet>,
    bytes: usize,
    layout: Option<Layout>,
    /// The held columns' ids, shared by every member that has a date in them.
    held_ids: Vec<Arc<str>>,
    /// The same for the `akasse_deltog_<ID>` columns.
    present_ids: Vec<Arc<str>>,
    fatal: Option<PlanError>,
    rows: usize,
    members: Vec<Member>,
    references: HashSet<Arc<str>>,
    errors: Vec<RowError>,
    error_count: usize,
    acc: Accumulator,
    /// Columns the header names that are not read, and columns without a name.
    ignored: Vec<String>,
    unnamed: usize,
    /// Member references that had invisible characters removed.
    cleaned: usize,
    /// Held dates for samtaler a member does not owe in this registration (hours from an earlier
    /// spell): counted nowhere; how many, and the first few as "member samtale".
    not_owed_held: usize,
    not_owed_examples: Vec<String>,
    /// Held dates after today: not counted as held; how many, and the first few.
    future_held: usize,
    future_held_examples: Vec<String>,
    /// The name on the row being read, for its errors.
    row_name: Option<Arc<str>>,
    /// The header of the name column, when there is one.
    name_column: Option<String>,
}

impl Caseload {
    pub fn new(opts: Options) -> Caseload {
        let today = opts.today;
        Caseload {
            opts,
            decoder: Decoder::new(),
            splitter: Splitter::new(),
            book: Vec::new(),
            sheet: None,
            bytes: 0,
            layout: None,
            held_ids: Vec::new(),
            present_ids: Vec::new(),
            fatal: None,
            rows: 0,
            members: Vec::new(),
            references: HashSet::new(),
            errors: Vec::new(),
            error_count: 0,
            acc: Accumulator::new(today),
            ignored: Vec::new(),
            unnamed: 0,
            cleaned: 0,
            not_owed_held: 0,
            not_owed_examples: Vec::new(),
            future_held: 0,
            future_held_examples: Vec::new(),
            row_name: None,
            name_column: None,
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
        match self.decoder.kind() {
            Kind::Spreadsheet => self.book.extend_from_slice(bytes),
            Kind::Binary => {}
            Kind::Unknown | Kind::Text(_) => {
                let text = self.decoder.decode(bytes, &mut self.book);
                self.split(&text, false);
            }
        }
    }

    /// Splits text into records and reads them.
    fn split(&mut self, text: &[u8], last: bool) {
        let mut records = Vec::new();
        self.splitter.feed(text, &mut |r| records.push(r));
        if last {
            self.splitter.finish(&mut |r| records.push(r));
        }
        let mut fields = Vec::new();
        for r in &records {
            self.record(r, &mut fields);
        }
    }

    /// Rows read so far (for progress).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// What the file is, as far as read.
    pub fn kind(&self) -> Kind {
        self.decoder.kind()
    }

    /// Reads up to `budget` rows of a spreadsheet once the whole file is in (opening it first);
    /// gives the number read, 0 when there is nothing (more) to read. A CSV file is read as it
    /// arrives and has nothing left here.
    pub fn pump(&mut self, budget: usize) -> usize {
        if self.fatal.is_some() {
            return 0;
        }
        if self.decoder.kind() == Kind::Unknown {
            let text = self.decoder.finish(&mut self.book);
            self.split(&text, false);
        }
        if self.decoder.kind() != Kind::Spreadsheet {
            return 0;
        }
        if self.sheet.is_none() {
            let book = std::mem::take(&mut self.book);
            match sheet::open(&book, self.opts.sheet.as_deref(), self.opts.lang) {
                Ok(s) => self.sheet = Some(s),
                Err(e) => {
                    self.fatal = Some(e);
                    return 0;
                }
            }
        }
        self.sheet_rows(budget)
    }

    /// Ends the file and sums it up; an error if the file as a whole cannot be read.
    pub fn finish(&mut self) -> Result<Summary, PlanError> {
        match self.decoder.kind() {
            Kind::Unknown | Kind::Text(_) => {
                let text = self.decoder.finish(&mut self.book);
                self.split(&text, true);
            }
            Kind::Spreadsheet | Kind::Binary => {}
        }
        while self.pump(usize::MAX) > 0 {}
        if self.decoder.kind() == Kind::Binary && self.fatal.is_none() {
            self.fatal = Some(PlanError::new(
                ErrorCode::CsvFile,
                self.opts.lang,
                "Filen er ikke tekst, og den ligner ikke et regneark: den kan ikke læses. Gem medlemslisten som CSV (semikolonsepareret) eller som Excel-projektmappe (.xlsx).".into(),
                "The file is not text, nor does it look like a spreadsheet: it cannot be read. Save the member list as CSV or as an Excel workbook (.xlsx).".into(),
            ));
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
        self.acc.sort();
        Ok(self.summary(None))
    }

    /// The summary again, for one holder's samtaler (`None`: all), once the file is finished;
    /// its lists as long as the options' `list_limit`.
    pub fn summary(&self, holder: Option<Holder>) -> Summary {
        self.acc
            .summary(self, holder, self.opts.list_limit.unwrap_or(usize::MAX))
    }

    /// The summary with its lists whole (for the exports).
    pub(crate) fn whole_summary(&self, holder: Option<Holder>) -> Summary {
        self.acc.summary(self, holder, usize::MAX)
    }

    /// What was read, and how.
    fn source(&self) -> Source {
        let lang = self.opts.lang;
        let mut s = Source {
            ignored_columns: self.ignored.clone(),
            name_column: self.name_column.clone(),
            ..Source::default()
        };
        if let Some(sheet) = &self.sheet {
            s.format = sheet.format;
            s.sheet = Some(sheet.name.clone());
            s.sheets = sheet.names.clone();
            s.text = format!(
                "{} ({}: {})",
                lang.pick("Regneark", "Spreadsheet"),
                lang.pick("ark", "sheet"),
                sheet.name
            );
        } else {
            s.format = "csv";
            let encoding = match self.decoder.kind() {
                Kind::Text(e) => e,
                _ => text::Encoding::Utf8,
            };
            s.encoding = Some(encoding.name());
            let d = self.splitter.delimiter().unwrap_or(b';');
            s.delimiter = Some(char::from(d).to_string());
            let name = match d {
                b',' => lang.pick("komma", "comma"),
                b'\t' => lang.pick("tabulator", "tab"),
                b'|' => lang.pick("lodret streg", "vertical bar"),
                _ => lang.pick("semikolon", "semicolon"),
            };
            s.text = format!("CSV, {}, {name}", encoding.name());
        }
        s
    }

    /// Whether the file has any held-date column (`holdt_<ID>`): without one, nothing tells
    /// whether a samtale whose latest date has passed was held, and the shares held on time and
    /// STAR's indicators cannot be counted (they are "ukendt", unknown).
    pub fn held_dates(&self) -> bool {
        !self.held_ids.is_empty()
    }

    /// Whether the file has a name column: the lists and exports then show each member's name.
    pub fn has_names(&self) -> bool {
        self.layout.as_ref().is_some_and(|l| l.name.is_some())
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
        // Every error is kept: there are at most as many as rows (MAX_ROWS).
        self.error_count += 1;
        self.errors.push(RowError {
            line,
            member,
            name: self.row_name.clone(),
            code: e.code,
            message: e.message,
        });
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

/// A count with its noun in the singular or the plural: "1 kolonne", "2 kolonner".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

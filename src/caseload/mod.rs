//! The caseload of an a-kasse or a jobcenter: a file with one member per row, read in chunks,
//! each member's plan computed (dates only, [`plan::windows`](crate::plan::windows())), and
//! summed up for a given day: the windows closing this week and next, the overdue samtaler, the
//! workload per week for the next 26 weeks, the share held on time, and STAR's two indicators
//! (seed 004).
//!
//! How each list and number is defined is written in docs/caseload.md; every choice there
//! that no source settles is the calculator's convention.
//!
//! This file holds the reader and its glue; `columns` reads the header, `rows` each member's row,
//! `counts` sums the members up into a `summary`, `star` counts STAR's indicators, `export`
//! writes the lists as CSV; `csv` splits the file into records and fields, `chart` draws the
//! workload.

pub mod chart;
mod columns;
mod counts;
pub mod csv;
mod export;
mod rows;
mod star;
mod summary;

pub use export::{EXPORTS, export, holder};
pub use star::Star;
pub use summary::{Days7, Item, List, OnTime, OnTimeRow, Share, Summary, Week};

use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::lang::Lang;
use crate::contract::request::Request;
use crate::contract::response::Response;
use chrono::NaiveDate;
use columns::Layout;
use counts::Accumulator;
use csv::Splitter;
use serde::Serialize;
use std::collections::HashSet;
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

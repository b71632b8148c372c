//! The caseload in the browser: a job that a Web Worker feeds with the file's bytes as they are
//! read, then asks for the summary, lists, exports and a member's calendar file; and the workload
//! chart, drawn on the page.

use super::{plan_error, to_js};
use crate::Lang;
use crate::caseload::{self, Caseload, Options, Query, Week};
use crate::contract::error::PlanError;
use crate::contract::request::check_date;
use crate::contract::words::Word;
use crate::present::ics;
use crate::present::tree::{Child, Node};
use js_sys::Error;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct CaseloadJob {
    caseload: Caseload,
    finished: bool,
    lang: Lang,
    today: chrono::NaiveDate,
    /// The last booking proposal made (`book`), for the call-in lists and a member's weeks.
    proposal: Option<caseload::Proposal>,
}

/// The error for a job asked for results before its file is finished.
fn not_finished(lang: Lang) -> Error {
    plan_error(PlanError::internal("the file is not finished", lang))
}

#[wasm_bindgen]
impl CaseloadJob {
    /// A job for the day `today` (YYYY-MM-DD) in `lang`, reading the sheet `sheet` of a
    /// spreadsheet (the first when empty) and each member's name from the column `label` (the
    /// `navn`/`name` column when empty); the summaries it gives show `limit` entries of each
    /// list and of the errors.
    #[wasm_bindgen(constructor)]
    pub fn new(
        today: &str,
        lang: &str,
        limit: u32,
        sheet: Option<String>,
        label: Option<String>,
    ) -> Result<CaseloadJob, Error> {
        let lang = <Lang as Word>::parse(lang).unwrap_or_default();
        let today = crate::vocabulary::dates::parse_iso(today).map_err(|_| {
            plan_error(
                PlanError::new(
                    crate::ErrorCode::DateFormat,
                    lang,
                    format!(
                        "Datoen for opgørelsen {} er ikke en dato som 2024-06-05.",
                        crate::contract::error::quote(today)
                    ),
                    format!(
                        "The date of the summary {} is not a date like 2024-06-05.",
                        crate::contract::error::quote(today)
                    ),
                )
                .at("today"),
            )
        })?;
        check_date(today, "today", lang).map_err(plan_error)?;
        // The whole lists are kept for exports; the page gets `limit` entries of each.
        // The summaries the page gets hold `limit` entries of each list; the exports and the
        // worklist's pages are made from the whole.
        let opts = Options {
            sheet: sheet.filter(|s| !s.is_empty()),
            label: label.filter(|s| !s.trim().is_empty()),
            list_limit: Some(limit as usize),
            ..Options::new(today, lang)
        };
        Ok(CaseloadJob {
            caseload: Caseload::new(opts),
            finished: false,
            lang,
            today,
            proposal: None,
        })
    }

    /// The next bytes of the file.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.caseload.feed(bytes);
    }

    /// Member rows read so far.
    pub fn rows(&self) -> u32 {
        u32::try_from(self.caseload.rows()).unwrap_or(u32::MAX)
    }

    /// Once every byte is fed: reads up to `budget` rows of a spreadsheet; 0 when there is
    /// nothing (more) to read — the page calls it until then, to show the rows counted.
    pub fn pump(&mut self, budget: u32) -> u32 {
        u32::try_from(self.caseload.pump(budget as usize)).unwrap_or(u32::MAX)
    }

    /// Ends the file: the summary, or an Error with `.code` if the file cannot be read at all.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn finish(&mut self) -> Result<JsValue, Error> {
        let summary = self.caseload.finish().map_err(plan_error)?;
        self.finished = true;
        to_js(&summary)
    }

    /// The summary for one holder's samtaler, or all (""): every number it holds for that
    /// holder, except STAR's indicators and the member counts, which are everyone's.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn summary(&self, holder: &str) -> Result<JsValue, Error> {
        if !self.finished {
            return Err(not_finished(self.lang));
        }
        to_js(&self.caseload.summary(caseload::holder(holder)))
    }

    /// A page of the worklist: `query` is `{status, holder, samtale, week, search, descending,
    /// offset, limit}`, each optional.
    #[wasm_bindgen(unchecked_return_type = "Page")]
    pub fn query(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Query | null | undefined")] query: JsValue,
    ) -> Result<JsValue, Error> {
        let q = self.read_query(query)?;
        to_js(&self.caseload.query(&q))
    }

    /// One list as CSV (docs/caseload.md), for the samtaler `query` asks for.
    pub fn export(
        &self,
        list: &str,
        #[wasm_bindgen(unchecked_param_type = "Query | null | undefined")] query: JsValue,
    ) -> Result<Option<String>, Error> {
        let q = self.read_query(query)?;
        Ok(caseload::export(&self.caseload, list, &q))
    }

    /// One list ("all": every list the page shows, a sheet each; the booking lists only after
    /// `book`) as an .xlsx workbook. Only in the full module (feature "xlsx"): the light one of a
    /// CSV visit carries no .xlsx writer.
    #[cfg(feature = "xlsx")]
    #[wasm_bindgen(js_name = exportXlsx)]
    pub fn export_xlsx(
        &self,
        list: &str,
        #[wasm_bindgen(unchecked_param_type = "Query | null | undefined")] query: JsValue,
    ) -> Result<Vec<u8>, Error> {
        let q = self.read_query(query)?;
        // The overview as the page shows it: the booking lists once a proposal is made.
        let lists: Vec<&str> = if list == "all" {
            caseload::overview(self.proposal.is_some())
        } else {
            vec![list]
        };
        let tables: Vec<_> = lists.iter().filter_map(|l| self.caseload.table(l, &q)).collect();
        caseload::xlsx::workbook(&tables, self.today, self.lang).map_err(plan_error)
    }

    /// The booking proposal for weekly capacities written `akasse=120,jobcenter=80,joint=40`
    /// (a holder left out is unlimited): its 26 weeks, counts and the first `limit` samtaler at
    /// risk. Kept for `callIn` and `memberProposal`.
    #[wasm_bindgen(unchecked_return_type = "Booking")]
    pub fn book(&mut self, capacity: &str, limit: u32) -> Result<JsValue, Error> {
        if !self.finished {
            return Err(not_finished(self.lang));
        }
        let cap = caseload::Capacity::parse(capacity).map_err(|(da, en)| {
            plan_error(
                PlanError::new(
                    crate::ErrorCode::UnknownValue,
                    self.lang,
                    format!("Kapaciteten kan ikke bruges: {da}."),
                    format!("The capacity cannot be used: {en}."),
                )
                .at("capacity"),
            )
        })?;
        let p = self.caseload.propose(&cap);
        let booking = self.caseload.booking(&p, limit as usize);
        self.proposal = Some(p);
        to_js(&booking)
    }

    /// The samtaler the last proposal books in the week beginning `monday` (YYYY-MM-DD), of one
    /// holder or all (""), a page at a time: `{total, offset, items}`.
    #[wasm_bindgen(js_name = callIn, unchecked_return_type = "ProposedPage")]
    pub fn call_in(&self, monday: &str, holder: &str, offset: u32, limit: u32) -> Result<JsValue, Error> {
        let p = self.proposal.as_ref().ok_or_else(|| not_finished(self.lang))?;
        let monday = crate::vocabulary::dates::parse_iso(monday)
            .map_err(|_| plan_error(PlanError::internal("callIn: week", self.lang)))?;
        to_js(
            &self
                .caseload
                .call_in(p, monday, caseload::holder(holder), offset as usize, limit as usize),
        )
    }

    /// A member's samtaler not yet held with the last proposal's weeks (empty before one).
    #[wasm_bindgen(js_name = memberProposal, unchecked_return_type = "Proposed[]")]
    pub fn member_proposal(&self, member: &str) -> Result<JsValue, Error> {
        match &self.proposal {
            Some(p) => to_js(&self.caseload.member_proposal(p, member)),
            None => to_js(&Vec::<caseload::Proposed>::new()),
        }
    }

    /// A member's proposed weeks (the last proposal's) as an iCalendar file, stamped with the
    /// caller's UTC time.
    #[wasm_bindgen(js_name = proposalIcs)]
    pub fn proposal_ics(&self, member: &str, stamp: &str) -> Result<String, Error> {
        let lang = self.lang;
        let p = self.proposal.as_ref().ok_or_else(|| not_finished(lang))?;
        self.find(member)?;
        let stamp = ics::parse_stamp_in(stamp, lang).map_err(plan_error)?;
        self.caseload
            .member_calendar(p, member, stamp)
            .ok_or_else(|| not_finished(lang))
    }

    /// A member's request for `plan()`, `render()` and `ics()`, with the dates the file says
    /// samtaler were held: `{request, member, line, held}`.
    #[wasm_bindgen(unchecked_return_type = "MemberRequest")]
    pub fn member(&self, member: &str) -> Result<JsValue, Error> {
        let m = self.find(member)?;
        to_js(&m.request_object(self.today))
    }

    /// A member's plan as an iCalendar file, stamped with the caller's UTC time.
    pub fn ics(&self, member: &str, stamp: &str) -> Result<String, Error> {
        let lang = self.lang;
        let m = self.find(member)?;
        let plan = caseload::member_plan(m).map_err(plan_error)?;
        let stamp = ics::parse_stamp_in(stamp, lang).map_err(plan_error)?;
        let options = ics::IcsOptions {
            member: Some(member),
            ..ics::IcsOptions::default()
        };
        Ok(ics::ics(&plan, stamp, &options))
    }

    /// The bytes of WebAssembly memory in use (for the benchmark's report).
    #[wasm_bindgen(js_name = memoryBytes)]
    pub fn memory_bytes() -> u32 {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(0, |m| {
                m.buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(0, |b| b.byte_length())
            })
    }
}

impl CaseloadJob {
    fn read_query(&self, query: JsValue) -> Result<Query, Error> {
        if query.is_undefined() || query.is_null() {
            return Ok(Query::default());
        }
        serde_wasm_bindgen::from_value(query).map_err(|e| {
            let lang = self.lang;
            plan_error(PlanError::new(
                crate::ErrorCode::UnknownValue,
                lang,
                format!("Filteret kan ikke bruges ({e})."),
                format!("The filter cannot be used ({e})."),
            ))
        })
    }

    fn find(&self, member: &str) -> Result<&caseload::Member, Error> {
        let lang = self.lang;
        self.caseload.member(member).ok_or_else(|| {
            plan_error(PlanError::new(
                crate::ErrorCode::CsvValue,
                lang,
                format!(
                    "Medlemmet {} findes ikke i filen.",
                    crate::contract::error::quote(member)
                ),
                format!(
                    "The member {} is not in the file.",
                    crate::contract::error::quote(member)
                ),
            ))
        })
    }
}

/// `workloadChart(weeks, lang)`: the workload chart of a summary's `workload` as plain data —
/// `{name, attrs: [[name, value]…], children: [element or text…]}`, an SVG element tree — which the
/// worker hands to the page and the page mounts with createElementNS and text nodes
/// (caseload.js). The page's main thread thus needs no caseload module: it draws plans with the
/// plan module and this tree with a few lines of script.
#[wasm_bindgen(js_name = workloadChart, unchecked_return_type = "ChartNode")]
pub fn workload_chart(
    #[wasm_bindgen(unchecked_param_type = "Week[]")] weeks: JsValue,
    lang: &str,
) -> Result<JsValue, Error> {
    let lang = <Lang as Word>::parse(lang).unwrap_or_default();
    // The weeks come back from the page as the summary gave them.
    let weeks: Vec<Week> = serde_wasm_bindgen::from_value(weeks)
        .map_err(|e| plan_error(PlanError::internal(&format!("workload: {e}"), lang)))?;
    to_js(&Tree(&caseload::chart::workload(&weeks, lang, "caseload-chart")))
}

/// The TypeScript type of an element tree (`workloadChart`), written here: [`Tree`] serializes by
/// hand (an element or a text), which no derive can describe.
#[wasm_bindgen(typescript_custom_section)]
const CHART_NODE: &str = r#"
/** The workload chart as an element tree (`workloadChart`): an SVG element, its attributes
 * as [name, value] pairs, and its children, elements or texts. */
export interface ChartNode {
  name: string;
  attrs: [string, string][];
  children: (ChartNode | string)[];
}
"#;

/// An element tree as plain data (`workloadChart`).
struct Tree<'a>(&'a Node);

impl serde::Serialize for Tree<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Tree", 3)?;
        out.serialize_field("name", self.0.name)?;
        out.serialize_field("attrs", &self.0.attrs)?;
        let children: Vec<TreeChild> = self.0.children.iter().map(TreeChild).collect();
        out.serialize_field("children", &children)?;
        out.end()
    }
}

/// A child: an element, or a text (a string).
struct TreeChild<'a>(&'a Child);

impl serde::Serialize for TreeChild<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Child::Node(n) => Tree(n).serialize(s),
            Child::Text(t) => s.serialize_str(t),
        }
    }
}

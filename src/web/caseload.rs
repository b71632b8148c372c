//! The caseload in the browser: a job that a Web Worker feeds with the file's bytes as they are
//! read, then asks for the summary, lists, exports and a member's calendar file; and the workload
//! chart, drawn on the page.

use super::{plan_error, render::Dom, to_js};
use crate::Lang;
use crate::caseload::{self, Caseload, Options, Summary, Week};
use crate::contract::error::PlanError;
use crate::contract::request::check_date;
use crate::contract::words::Word;
use crate::present::ics;
use js_sys::Error;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct CaseloadJob {
    caseload: Caseload,
    summary: Option<Summary>,
    lang: Lang,
    limit: usize,
}

#[wasm_bindgen]
impl CaseloadJob {
    /// A job for the day `today` (YYYY-MM-DD) in `lang`; the summary it gives shows `limit`
    /// entries of each list.
    #[wasm_bindgen(constructor)]
    pub fn new(today: &str, lang: &str, limit: u32) -> Result<CaseloadJob, Error> {
        let lang = <Lang as Word>::parse(lang).unwrap_or_default();
        let today = crate::rules::dates::parse_iso(today).map_err(|_| {
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
        let opts = Options {
            today,
            lang,
            list_limit: None,
        };
        Ok(CaseloadJob {
            caseload: Caseload::new(opts),
            summary: None,
            lang,
            limit: limit as usize,
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

    /// Ends the file: the summary, or an Error with `.code` if the file cannot be read at all.
    pub fn finish(&mut self) -> Result<JsValue, Error> {
        let summary = self.caseload.finish().map_err(plan_error)?;
        let js = to_js(&summary.truncated(self.limit))?;
        self.summary = Some(summary);
        Ok(js)
    }

    /// A list ("closing_this_week", "closing_next_week", "overdue") for one holder, or all ("").
    pub fn list(&self, name: &str, holder: &str, limit: u32) -> Result<JsValue, Error> {
        let list = self
            .summary
            .as_ref()
            .and_then(|s| s.list(name, caseload::holder(holder), limit as usize));
        to_js(&list)
    }

    /// One list as CSV (docs/caseload.md), for one holder or all ("").
    pub fn export(&self, list: &str, holder: &str) -> Option<String> {
        caseload::export(self.summary.as_ref()?, list, caseload::holder(holder))
    }

    /// A member's plan as an iCalendar file, stamped with the caller's UTC time.
    pub fn ics(&self, member: &str, stamp: &str) -> Result<String, Error> {
        let lang = self.lang;
        let m = self.caseload.member(member).ok_or_else(|| {
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
        })?;
        let plan = caseload::member_plan(m).map_err(plan_error)?;
        let stamp = ics::parse_stamp_in(stamp, lang).map_err(plan_error)?;
        Ok(ics::ics(&plan, stamp))
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

/// `drawWorkload(element, weeks, lang)`: the workload chart of a summary's `workload`, drawn into
/// `element` with createElementNS and text nodes.
#[wasm_bindgen(js_name = drawWorkload)]
pub fn draw_workload(element: &web_sys::Element, weeks: JsValue, lang: &str) -> Result<(), Error> {
    let lang = <Lang as Word>::parse(lang).unwrap_or_default();
    // The weeks come back from the page as the summary gave them.
    let weeks: Vec<Week> = serde_wasm_bindgen::from_value(weeks)
        .map_err(|e| plan_error(PlanError::internal(&format!("workload: {e}"), lang)))?;
    let doc = element
        .owner_document()
        .ok_or_else(|| plan_error(PlanError::internal("no document", lang)))?;
    let dom = Dom { doc };
    let svg = dom
        .mount(&caseload::chart::workload(&weeks, lang, "caseload-chart"), true)
        .map_err(|e| plan_error(PlanError::internal(&format!("{e:?}"), lang)))?;
    element.set_text_content(None);
    element
        .append_child(&svg)
        .map_err(|e| plan_error(PlanError::internal(&format!("{e:?}"), lang)))?;
    Ok(())
}

//! The response (RULES.md § 5), and its JSON text: each type's `ToJson` below writes its fields
//! in the order of the contract, for the command line and the WebAssembly module alike.

use crate::contract::json::{ObjectWriter, ToJson};
use crate::contract::lang::Lang;
use crate::contract::request::{Group, PauseReason};
use crate::rules::ledighed::Insurance;
use crate::rules::regimes::{Basis, Holder, Obligation, Source};
use chrono::NaiveDate;

/// The version of this contract.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone)]
pub struct Response {
    pub schema: u32,
    pub lang: Lang,
    pub start: NaiveDate,
    pub today: Option<NaiveDate>,
    pub insurance: Insurance,
    pub group: Group,
    /// The pauses of the request, as given.
    pub pauses: Vec<PauseEcho>,
    pub regime: RegimeInfo,
    pub milestones: Milestones,
    /// With `today`: the samtale to attend next (the nearest deadline not yet passed).
    pub next: Option<Next>,
    pub samtaler: Vec<Samtale>,
    /// With `"compare": true`: the plan under the neighbouring regime, in short.
    pub comparison: Option<Comparison>,
    pub warnings: Vec<Message>,
    pub assumptions: Vec<Message>,
}

#[derive(Debug, Clone)]
pub struct RegimeInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub citation: &'static str,
}

/// The dates the windows are built from.
#[derive(Debug, Clone)]
pub struct Milestones {
    /// L(3 md)
    pub l3m: NaiveDate,
    /// L(6 md)
    pub l6m: NaiveDate,
    /// L(16 md)
    pub l16m: NaiveDate,
    /// H; null where the plan has no hand-over.
    pub handover: Option<NaiveDate>,
}

words! {
    /// Where `today` lies against a samtale's window.
    pub enum Status {
        /// `today` is before the window.
        Upcoming = "upcoming",
        /// `today` is inside the window.
        Open = "open",
        /// `today` is after the window.
        Past = "past",
    }
}

impl Status {
    pub fn of(today: NaiveDate, earliest: NaiveDate, latest: NaiveDate) -> Status {
        if today < earliest {
            Status::Upcoming
        } else if today <= latest {
            Status::Open
        } else {
            Status::Past
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Upcoming => lang.pick("kommende", "upcoming"),
            Status::Open => lang.pick("kan holdes nu", "can be held now"),
            Status::Past => lang.pick("fristen er udløbet", "deadline passed"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Samtale {
    pub id: &'static str,
    pub title: &'static str,
    pub note: Option<&'static str>,
    pub holder: Holder,
    pub holder_label: &'static str,
    pub obligation: Obligation,
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
    /// The nominal date where `latest` is a tolerance after it (R2015's monthly jobsamtaler).
    pub nominal: Option<NaiveDate>,
    pub after: Option<&'static str>,
    pub citation: &'static str,
    pub basis: Basis,
    pub source: Option<&'static Source>,
    pub explanation: String,
    pub status: Option<Status>,
    pub latest_non_working: bool,
    /// When `latest` is not a working day: the last working day before it.
    pub last_working_day: Option<NaiveDate>,
}

/// A warning or an assumption: a stable code and a text in the request's language.
#[derive(Debug, Clone)]
pub struct Message {
    pub code: &'static str,
    pub text: String,
}

/// How the plan would have looked under the neighbouring regime: the one before, or for the
/// first regime the one after.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub regime: RegimeInfo,
    /// "Efter reglerne før 1. januar 2024 (…) ville du have haft 10 samtaler i stedet for 7."
    pub text: String,
    pub samtaler: Vec<ComparedSamtale>,
}

#[derive(Debug, Clone)]
pub struct ComparedSamtale {
    pub id: &'static str,
    pub title: &'static str,
    pub holder: Holder,
    pub holder_label: &'static str,
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct PauseEcho {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: PauseReason,
}

/// "Din næste samtale: 2. jobsamtale i a-kassen, senest fredag 31. maj 2024."
#[derive(Debug, Clone)]
pub struct Next {
    pub id: &'static str,
    pub status: Status,
    pub text: String,
}

impl ToJson for Response {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("schema", &self.schema)
            .field("lang", &self.lang)
            .field("start", &self.start)
            .some("today", &self.today)
            .field("insurance", &self.insurance)
            .field("group", &self.group)
            .field("pauses", &self.pauses)
            .field("regime", &self.regime)
            .field("milestones", &self.milestones)
            .some("next", &self.next)
            .field("samtaler", &self.samtaler)
            .some("comparison", &self.comparison)
            .field("warnings", &self.warnings)
            .field("assumptions", &self.assumptions)
            .end();
    }
}

impl ToJson for RegimeInfo {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("id", self.id)
            .field("name", self.name)
            .field("from", &self.from)
            .field("to", &self.to)
            .field("citation", self.citation)
            .end();
    }
}

impl ToJson for Milestones {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("L3m", &self.l3m)
            .field("L6m", &self.l6m)
            .field("L16m", &self.l16m)
            .field("handover", &self.handover)
            .end();
    }
}

impl ToJson for Samtale {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("id", self.id)
            .field("title", self.title)
            .some("note", &self.note)
            .field("holder", &self.holder)
            .field("holder_label", self.holder_label)
            .field("obligation", &self.obligation)
            .field("earliest", &self.earliest)
            .field("latest", &self.latest)
            .some("nominal", &self.nominal)
            .some("after", &self.after)
            .field("citation", self.citation)
            .field("basis", &self.basis)
            .some("source", &self.source)
            .field("explanation", &self.explanation)
            .some("status", &self.status)
            .field("latest_non_working", &self.latest_non_working)
            .some("last_working_day", &self.last_working_day)
            .end();
    }
}

impl ToJson for Message {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("code", self.code)
            .field("text", &self.text)
            .end();
    }
}

impl ToJson for Comparison {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("regime", &self.regime)
            .field("text", &self.text)
            .field("samtaler", &self.samtaler)
            .end();
    }
}

impl ToJson for ComparedSamtale {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("id", self.id)
            .field("title", self.title)
            .field("holder", &self.holder)
            .field("holder_label", self.holder_label)
            .field("earliest", &self.earliest)
            .field("latest", &self.latest)
            .end();
    }
}

impl ToJson for PauseEcho {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("from", &self.from)
            .field("to", &self.to)
            .field("reason", &self.reason)
            .end();
    }
}

impl ToJson for Next {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("id", self.id)
            .field("status", &self.status)
            .field("text", &self.text)
            .end();
    }
}

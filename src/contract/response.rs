//! The response (RULES.md § 5). Each type serializes its fields in the order declared here,
//! which is the contract's: as JSON text (serde_json) for the command line and `planJson`, as a
//! plain JS object (serde-wasm-bindgen) for `plan()`. A field marked `skip_serializing_if` is
//! left out when it has no value; every other `Option` is written as `null`.

use crate::contract::lang::Lang;
use crate::contract::request::{Group, PauseReason};
use crate::contract::request::{LAST_DATE, effect_of};
use crate::rules::regimes::{Obligation, Source};
use crate::vocabulary::basis::Basis;
use crate::vocabulary::holder::Holder;
use crate::vocabulary::hours::Hundredths;
use crate::vocabulary::insurance::Insurance;
use crate::vocabulary::period::{Effect, Period};
use crate::vocabulary::words::words;
use chrono::NaiveDate;

/// A date in the contract: a `NaiveDate`, written `YYYY-MM-DD` (the TypeScript types call it
/// `IsoDate`, a string).
pub type IsoDate = NaiveDate;
use serde::Serialize;

/// The version of this contract: 2 since sickness is entered whole, `prior_hours` and periods of
/// part-time work without an end (docs/contract.md, "Schema 2").
pub const SCHEMA: u32 = 2;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify::Tsify),
    tsify(missing_as_null, rename = "Plan")
)]
pub struct Response {
    pub schema: u32,
    pub lang: Lang,
    pub start: IsoDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub today: Option<IsoDate>,
    pub insurance: Insurance,
    pub group: Group,
    /// The pauses of the request, as given.
    pub pauses: Vec<PauseEcho>,
    /// The hours from an earlier spell of unemployment, as given (0 when not given).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number"))]
    pub prior_hours: HoursNumber,
    pub regime: RegimeInfo,
    pub milestones: Milestones,
    /// With `today`: the samtale to attend next (the nearest deadline not yet passed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Next>,
    /// The samtaler owed in this registration.
    pub samtaler: Vec<Samtale>,
    /// The regime's samtaler not owed in this registration, and why (only with `prior_hours`).
    pub not_owed: Vec<NotOwed>,
    /// With `"compare": true`: the plan under the neighbouring regime, in short.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    pub warnings: Vec<Message>,
    pub assumptions: Vec<Message>,
}

impl Response {
    /// The periods of the request as the counter takes them (a period without an end lasts to
    /// 2199-12-31): what the timeline shades.
    pub fn periods(&self) -> Vec<(Period, Effect)> {
        self.pauses.iter().map(PauseEcho::counted).collect()
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct RegimeInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub from: IsoDate,
    pub to: Option<IsoDate>,
    pub citation: &'static str,
}

/// The dates the windows are built from. A milestone the hours from an earlier spell already
/// reach lies before `start`: it is null (schema 2).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Milestones {
    /// L(3 md)
    #[serde(rename = "L3m")]
    pub l3m: Option<IsoDate>,
    /// L(6 md)
    #[serde(rename = "L6m")]
    pub l6m: Option<IsoDate>,
    /// L(16 md)
    #[serde(rename = "L16m")]
    pub l16m: Option<IsoDate>,
    /// H; null where the plan has no hand-over.
    pub handover: Option<IsoDate>,
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

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Samtale {
    pub id: &'static str,
    pub title: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
    pub holder: Holder,
    pub holder_label: &'static str,
    pub obligation: Obligation,
    pub earliest: IsoDate,
    pub latest: IsoDate,
    /// The nominal date where `latest` is a tolerance after it (R2015's monthly jobsamtaler).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nominal: Option<IsoDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<&'static str>,
    pub citation: &'static str,
    pub basis: Basis,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static Source>,
    pub explanation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    pub latest_non_working: bool,
    /// When `latest` is not a working day: the last working day before it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_working_day: Option<IsoDate>,
}

words! {
    /// Why a samtale of the regime is not owed in this registration (RULES.md § 2, `prior_hours`).
    pub enum NotOwedReason {
        /// Its latest date lies before `start`, or its window is empty from `start` on: it
        /// belonged to the earlier spell of unemployment in the dagpengeperiode.
        EarlierSpell = "earlier_spell",
        /// An a-kasse samtale, but the jobcenter/kommune holds the forløb from `start`.
        HandoverAtStart = "handover_at_start",
    }
}

/// A samtale of the regime that is not owed in this registration.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct NotOwed {
    pub id: &'static str,
    pub title: &'static str,
    pub holder: Holder,
    pub holder_label: &'static str,
    pub reason: NotOwedReason,
}

/// A warning or an assumption: a stable code and a text in the request's language.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Message {
    pub code: &'static str,
    pub text: String,
}

/// How the plan would have looked under the neighbouring regime: the one before, or for the
/// first regime the one after.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Comparison {
    pub regime: RegimeInfo,
    /// "Efter reglerne før 1. januar 2024 (…) ville du have haft 10 samtaler i stedet for 7."
    pub text: String,
    pub samtaler: Vec<ComparedSamtale>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ComparedSamtale {
    pub id: &'static str,
    pub title: &'static str,
    pub holder: Holder,
    pub holder_label: &'static str,
    pub earliest: IsoDate,
    pub latest: IsoDate,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct PauseEcho {
    pub from: IsoDate,
    /// null for part-time work given without an end ("indtil videre").
    pub to: Option<IsoDate>,
    pub reason: PauseReason,
    /// The hours worked per week, for a period of part-time work; left out for a full pause.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number"))]
    pub hours_per_week: Option<HoursNumber>,
}

impl PauseEcho {
    /// The period and what it means for the count, as [`crate::contract::request::Pause::effect`].
    pub fn counted(&self) -> (Period, Effect) {
        let period = Period {
            from: self.from,
            to: self.to.unwrap_or(LAST_DATE),
        };
        (period, effect_of(self.hours_per_week.map(|h| h.0), self.reason))
    }
}

/// Hours in hundredths, written as a JSON number: `15`, `18.5`, `36.99`. A whole number is
/// written as one; otherwise `n as f64 / 100.0` is the `f64` nearest to the decimal n/100 (an
/// integer below 2^53 converts exactly, and IEEE division rounds the exact quotient), which
/// serde_json and JavaScript both write with its shortest digits — the decimal itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoursNumber(pub Hundredths);

impl Serialize for HoursNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.0.0;
        if n.is_multiple_of(100) {
            s.serialize_u64(n / 100)
        } else {
            // The output edge: a JSON number that is not whole is an f64 (see the type's text).
            s.serialize_f64(n as f64 / 100.0)
        }
    }
}

/// "Din næste samtale: 2. jobsamtale i a-kassen, senest fredag 31. maj 2024."
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Next {
    pub id: &'static str,
    pub status: Status,
    pub text: String,
}

//! A plan's dates without a word of text: what a caseload of many thousand members needs.

use super::setup::setup;
use crate::contract::error::PlanError;
use crate::contract::lang::Text;
use crate::contract::request::Request;
use crate::contract::response::NotOwedReason;
use crate::rules::ledighed::Ledighed;
use crate::rules::regimes::{self, Obligation, Regime};
use crate::vocabulary::holder::Holder;
use chrono::NaiveDate;

/// A plan's dates without a word of text: what a caseload of many thousand members needs.
pub struct Windows {
    pub regime: &'static Regime,
    pub ledighed: Ledighed,
    pub handover: Option<NaiveDate>,
    /// The samtaler owed in this registration.
    pub samtaler: Vec<Window>,
    /// The regime's samtaler not owed in this registration (hours from an earlier spell).
    pub not_owed: Vec<(&'static str, NotOwedReason)>,
}

/// One samtale's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub id: &'static str,
    pub title: Text,
    pub holder: Holder,
    pub obligation: Obligation,
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
}

/// The windows of a valid request's plan; the same dates [`plan`](super::plan()) gives, computed without text.
pub fn windows(req: &Request) -> Result<Windows, PlanError> {
    let regime = regimes::for_start(req.start).ok_or_else(|| PlanError::internal("no regime for start", req.lang))?;
    let setup = setup(req, regime)?;
    let mut samtaler = Vec::with_capacity(setup.specs.len());
    let mut not_owed = Vec::new();
    for spec in setup.specs.iter() {
        match setup.window(spec)? {
            Ok((earliest, latest)) => samtaler.push(Window {
                id: spec.id,
                title: spec.title,
                holder: spec.holder,
                obligation: spec.obligation,
                earliest,
                latest,
            }),
            Err(reason) => not_owed.push((spec.id, reason)),
        }
    }
    Ok(Windows {
        regime,
        handover: setup.handover.map(|h| h.date),
        ledighed: setup.ledighed,
        samtaler,
        not_owed,
    })
}

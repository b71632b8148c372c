//! A plan's dates without a word of text: what a caseload of many thousand members needs.

use super::setup::setup;
use crate::contract::error::PlanError;
use crate::contract::lang::Text;
use crate::contract::request::Request;
use crate::rules::ledighed::Ledighed;
use crate::rules::regimes::{self, Holder, Obligation, Regime};
use chrono::NaiveDate;

/// A plan's dates without a word of text: what a caseload of many thousand members needs.
pub struct Windows {
    pub regime: &'static Regime,
    pub ledighed: Ledighed,
    pub handover: Option<NaiveDate>,
    pub samtaler: Vec<Window>,
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
    let samtaler = setup
        .specs
        .iter()
        .map(|spec| {
            Ok(Window {
                id: spec.id,
                title: spec.title,
                holder: spec.holder,
                obligation: spec.obligation,
                earliest: setup.date(spec.earliest)?,
                latest: setup.date(spec.latest)?,
            })
        })
        .collect::<Result<Vec<_>, PlanError>>()?;
    Ok(Windows {
        regime,
        handover: setup.handover.map(|h| h.date),
        ledighed: setup.ledighed,
        samtaler,
    })
}

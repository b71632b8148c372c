//! R2026, "Mere fleksible kontaktforløb". Not computed yet: a request in its period is answered with
//! `E_REGIME_UNSUPPORTED` (RULES.md § 3 allows this until its samtaler are implemented).

use super::{Note, Regime, Spec, unsupported};
use crate::dates::ymd;
use crate::error::PlanError;
use crate::lang::Text;
use crate::request::Request;
use std::borrow::Cow;

pub static REGIME: Regime = Regime {
    id: "R2026",
    name: Text::new(
        "Mere fleksible kontaktforløb",
        "More flexible contact processes",
    ),
    from: ymd(2026, 7, 1),
    to: None,
    citation: "Lov nr. 1750 af 29. december 2025 (L 66 2025-26)",
    samtaler,
    notes,
};

fn samtaler(req: &Request) -> Result<Cow<'static, [Spec]>, PlanError> {
    Err(unsupported(&REGIME, req))
}

fn notes(_: &Request) -> Vec<Note> {
    Vec::new()
}

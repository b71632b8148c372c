//! R2015, "Fælles og intensiveret kontaktforløb". Not computed yet: a request in its period is answered with
//! `E_REGIME_UNSUPPORTED` (RULES.md § 3 allows this until its samtaler are implemented).

use super::{Note, Regime, Spec, unsupported};
use crate::dates::ymd;
use crate::error::PlanError;
use crate::lang::Text;
use crate::request::Request;
use std::borrow::Cow;

pub static REGIME: Regime = Regime {
    id: "R2015",
    name: Text::new(
        "Fælles og intensiveret kontaktforløb",
        "Joint and intensified contact process",
    ),
    from: ymd(2015, 7, 1),
    to: Some(ymd(2019, 12, 31)),
    citation: "Beskæftigelsesreformen 2015 (fælles og intensiveret kontaktforløb)",
    samtaler,
    notes,
};

fn samtaler(req: &Request) -> Result<Cow<'static, [Spec]>, PlanError> {
    Err(unsupported(&REGIME, req))
}

fn notes(_: &Request) -> Vec<Note> {
    Vec::new()
}

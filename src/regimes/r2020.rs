//! R2020, "Forenklet beskæftigelsesindsats". Not computed yet: a request in its period is answered with
//! `E_REGIME_UNSUPPORTED` (RULES.md § 3 allows this until its samtaler are implemented).

use super::{Note, Regime, Spec, unsupported};
use crate::dates::ymd;
use crate::error::PlanError;
use crate::lang::Text;
use crate::request::Request;
use std::borrow::Cow;

pub static REGIME: Regime = Regime {
    id: "R2020",
    name: Text::new(
        "Forenklet beskæftigelsesindsats",
        "Simplified employment effort",
    ),
    from: ymd(2020, 1, 1),
    to: Some(ymd(2023, 12, 31)),
    citation: "LAB, lov nr. 548 af 7. maj 2019, §§ 25, 31, 32",
    samtaler,
    notes,
};

fn samtaler(req: &Request) -> Result<Cow<'static, [Spec]>, PlanError> {
    Err(unsupported(&REGIME, req))
}

fn notes(_: &Request) -> Vec<Note> {
    Vec::new()
}

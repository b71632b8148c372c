//! R2020, "forenklet beskæftigelsesindsats": ledighed beginning 1 January 2020 to 31 December
//! 2023. LAB, lov nr. 548 af 7. maj 2019, §§ 25, 31, 32. Nine samtaler in the first six months —
//! a CV-samtale and two rådighedssamtaler in the a-kasse, four jobsamtaler in the jobcenter, two
//! joint ones — and one more by 16 months (RULES.md § 4, "R2020"). The COVID freeze of 2020–2021
//! is the clock's (src/clock.rs).

use super::Basis::{Law, Practice};
use super::Bound::{Days, Reached, Start};
use super::Holder::{Akasse, Jobcenter, Joint};
use super::Obligation::Conditional;
use super::{Note, Regime, Spec, group_unsupported};
use crate::clock::Span::Months;
use crate::dates::ymd;
use crate::error::PlanError;
use crate::lang::Text;
use crate::request::{Group, Request};
use std::borrow::Cow;

pub static REGIME: Regime = Regime {
    id: "R2020",
    name: Text::new("Forenklet beskæftigelsesindsats", "Simplified employment effort"),
    from: ymd(2020, 1, 1),
    to: Some(ymd(2023, 12, 31)),
    citation: "LAB, lov nr. 548 af 7. maj 2019, §§ 25, 31, 32",
    samtaler,
    notes,
};

fn samtaler(req: &Request) -> Result<Cow<'static, [Spec]>, PlanError> {
    match req.group {
        Group::Standard => Ok(Cow::Borrowed(&STANDARD)),
        Group::JobcenterFromDayOne => Err(group_unsupported(&REGIME, req)),
    }
}

fn notes(_: &Request) -> Vec<Note> {
    vec![CONDITIONAL_F1, RAADIGHED_TIMING]
}

const fn t(da: &'static str, en: &'static str) -> Text {
    Text::new(da, en)
}

const fn jobsamtale(id: &'static str, title: Text) -> Spec {
    Spec::new(id, title, Jobcenter, Start, Reached(Months(6)), "LAB § 31, stk. 1", Law)
}

const PRACTICE: &str = "A-kassernes praksis";

static STANDARD: [Spec; 10] = [
    Spec::new(
        "CV",
        t("CV-samtale i a-kassen", "CV interview at the a-kasse"),
        Akasse,
        Start,
        Days(14),
        "LAB § 25",
        Law,
    )
    .note(
        "Fristen på 2 uger er a-kassernes praksis.",
        "The 2-week limit is the a-kassers' practice.",
    ),
    jobsamtale(
        "J1",
        t("1. jobsamtale i jobcentret", "1st job interview at the jobcentre"),
    ),
    jobsamtale(
        "J2",
        t("2. jobsamtale i jobcentret", "2nd job interview at the jobcentre"),
    )
    .after("J1"),
    jobsamtale(
        "J3",
        t("3. jobsamtale i jobcentret", "3rd job interview at the jobcentre"),
    )
    .after("J2"),
    jobsamtale(
        "J4",
        t("4. jobsamtale i jobcentret", "4th job interview at the jobcentre"),
    )
    .after("J3"),
    Spec::new(
        "F1",
        t("1. fælles jobsamtale", "1st joint job interview"),
        Joint,
        Start,
        Reached(Months(3)),
        "LAB § 31, stk. 2, nr. 1",
        Law,
    )
    .note(
        "Kun hvis a-kassen finder behov for det, eller jobcentret eller du ønsker det.",
        "Only if the a-kasse finds a need, or the jobcentre or you ask for it.",
    )
    .obligation(Conditional),
    Spec::new(
        "F2",
        t("2. fælles jobsamtale", "2nd joint job interview"),
        Joint,
        Reached(Months(3)),
        Reached(Months(6)),
        "LAB § 31, stk. 2, nr. 2",
        Law,
    ),
    Spec::new(
        "R1",
        t(
            "1. rådighedssamtale i a-kassen",
            "1st availability interview at the a-kasse",
        ),
        Akasse,
        Start,
        Reached(Months(3)),
        PRACTICE,
        Practice,
    ),
    Spec::new(
        "R2",
        t(
            "2. rådighedssamtale i a-kassen",
            "2nd availability interview at the a-kasse",
        ),
        Akasse,
        Start,
        Reached(Months(6)),
        PRACTICE,
        Practice,
    )
    .after("R1"),
    Spec::new(
        "S16",
        t(
            "Jobsamtale om intensiveret indsats (fælles)",
            "Joint job interview on intensified support",
        ),
        Joint,
        Reached(Months(6)),
        Reached(Months(16)),
        "LAB § 32, stk. 2",
        Law,
    ),
];

const CONDITIONAL_F1: Note = Note {
    code: "A_CONDITIONAL",
    text: t(
        "Den 1. fælles jobsamtale (F1) holdes kun, hvis a-kassen finder behov for det, eller jobcentret eller du ønsker det (LAB § 31, stk. 2, nr. 1).",
        "The 1st joint job interview (F1) is held only if the a-kasse finds a need, or the jobcentre or you ask for it (LAB § 31(2)(1)).",
    ),
};

const RAADIGHED_TIMING: Note = Note {
    code: "A_PRACTICE_TIMING",
    text: t(
        "Fristerne for CV-samtalen og rådighedssamtalerne følger a-kassernes praksis; loven fastsætter dem ikke.",
        "The time limits of the CV interview and the availability interviews follow the a-kassers' practice; the law does not set them.",
    ),
};

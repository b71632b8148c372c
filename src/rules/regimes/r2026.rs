//! R2026, "mere fleksible kontaktforløb": ledighed beginning 1 July 2026 or later.
//! Lov nr. 1750 af 29. december 2025 (L 66 2025-26), as STAR explains it. The a-kasse holds two
//! jobsamtaler until the hand-over, the kommune two until six months and one more by 16 months.
//! A2, K1 and K2 are owed to at least 75 % of dagpengemodtagere (RULES.md § 4, "R2026").

use super::Bound::{BeforeHandover, Days, Handover, Reached, Start};
use super::Obligation::NormallyDue;
use super::{GroupUnsupported, Note, Regime, Source, Spec};
use crate::rules::ledighed::Span::Months;
use crate::vocabulary::basis::Basis::Star;
use crate::vocabulary::dates::ymd;
use crate::vocabulary::group::Group;
use crate::vocabulary::holder::Holder::{Akasse, Kommune};
use crate::vocabulary::lang::Text;
use chrono::NaiveDate;
use std::borrow::Cow;

pub static REGIME: Regime = Regime {
    id: "R2026",
    name: Text::new("Mere fleksible kontaktforløb", "More flexible contact processes"),
    from: ymd(2026, 7, 1),
    to: None,
    citation: "Lov nr. 1750 af 29. december 2025 (L 66 2025-26)",
    samtaler,
    notes,
};

fn samtaler(_: NaiveDate, group: Group) -> Result<Cow<'static, [Spec]>, GroupUnsupported> {
    match group {
        Group::Standard => Ok(Cow::Borrowed(&STANDARD)),
        Group::JobcenterFromDayOne => Err(GroupUnsupported),
    }
}

fn notes(_: Group) -> Vec<Note> {
    vec![NORMALLY_DUE]
}

const fn t(da: &'static str, en: &'static str) -> Text {
    Text::new(da, en)
}

const STAR_QA: &str = "STAR, spørgsmål og svar om lov nr. 1750/2025";

static STANDARD: [Spec; 5] = [
    Spec::new(
        "A1",
        t("1. jobsamtale i a-kassen", "1st job interview at the a-kasse"),
        Akasse,
        Start,
        Days(14),
        STAR_QA,
        Star,
    )
    .source(&STAR_WEBINAR)
    .note(
        "For alle jobparate. Fristen på 2 uger er videreført fra reglerne fra 2024 (beregnerens valg).",
        "For everyone ready for work. The 2-week limit is carried over from the 2024 rules (the calculator's choice).",
    )
    .while_akasse_holds(),
    Spec::new(
        "A2",
        t("2. jobsamtale i a-kassen", "2nd job interview at the a-kasse"),
        Akasse,
        Start,
        BeforeHandover(Months(3)),
        STAR_QA,
        Star,
    )
    .source(&STAR_WEBINAR)
    .after("A1")
    .obligation(NormallyDue)
    .while_akasse_holds(),
    Spec::new(
        "K1",
        t("1. jobsamtale i kommunen", "1st job interview at the municipality"),
        Kommune,
        Handover,
        Reached(Months(6)),
        STAR_QA,
        Star,
    )
    .source(&STAR_WEBINAR)
    .obligation(NormallyDue),
    Spec::new(
        "K2",
        t("2. jobsamtale i kommunen", "2nd job interview at the municipality"),
        Kommune,
        Handover,
        Reached(Months(6)),
        STAR_QA,
        Star,
    )
    .source(&STAR_WEBINAR)
    .after("K1")
    .obligation(NormallyDue),
    Spec::new(
        "S16",
        t(
            "Jobsamtale om intensiveret indsats",
            "Job interview on intensified support",
        ),
        Kommune,
        Reached(Months(6)),
        Reached(Months(16)),
        STAR_QA,
        Star,
    )
    .source(&STAR_WEBINAR),
];

/// STAR's answers on the first phase of the reform; the samtale list itself is STAR's account
/// of lov nr. 1750/2025 (RULES.md § 4), whose new wording of LAB § 31 the calculator does not quote.
const STAR_WEBINAR: Source = Source {
    name: "STAR, spørgsmål fra webinar 21. januar 2026 om første fase af beskæftigelsesreformen",
    url: "https://star.dk/implementering/beskaeftigelsesreform/svar-paa-spoergsmaal-fra-webinar-den-21-januar-2026",
    quote: Some(
        "Reglerne om, at kommunen kan undtage op til 25 pct. af personerne fra jobsamtaler og tilbud, som kommunen vurderer selv kan komme i job, gælder også for unge med uddannelsespålæg.",
    ),
};

const NORMALLY_DUE: Note = Note {
    code: "A_NORMALLY_DUE",
    text: t(
        "A2, K1 og K2 skal holdes for mindst 75 % af dagpengemodtagerne: a-kassen eller kommunen kan fritage for op til hver fjerde af dem. De er markeret \u{201c}holdes normalt\u{201d}.",
        "A2, K1 and K2 are owed to at least 75 % of dagpengemodtagere: the a-kasse or municipality may exempt up to one in four of them. They are marked \u{201c}normally due\u{201d}.",
    ),
};

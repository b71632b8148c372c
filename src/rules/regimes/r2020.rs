//! R2020, "forenklet beskæftigelsesindsats": ledighed beginning 1 January 2020 to 31 December
//! 2023. LAB, lov nr. 548 af 7. maj 2019, §§ 25, 31, 32. Nine samtaler in the first six months —
//! a CV-samtale and two rådighedssamtaler in the a-kasse, four jobsamtaler in the jobcenter, two
//! joint ones — and one more by 16 months (RULES.md § 4, "R2020"). The COVID freeze of 2020–2021
//! is the ledighed counter's (src/rules/ledighed.rs).

use super::Bound::{Days, Reached, Start};
use super::Obligation::Conditional;
use super::{GroupUnsupported, Note, Regime, Source, Spec};
use crate::rules::ledighed::Span::Months;
use crate::vocabulary::basis::Basis::{Law, Practice};
use crate::vocabulary::dates::ymd;
use crate::vocabulary::group::Group;
use crate::vocabulary::holder::Holder::{Akasse, Jobcenter, Joint};
use crate::vocabulary::lang::Text;
use chrono::NaiveDate;
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

fn samtaler(_: NaiveDate, group: Group) -> Result<Cow<'static, [Spec]>, GroupUnsupported> {
    match group {
        Group::Standard => Ok(Cow::Borrowed(&STANDARD)),
        Group::JobcenterFromDayOne => Err(GroupUnsupported),
    }
}

fn notes(_: Group) -> Vec<Note> {
    vec![CONDITIONAL_F1, RAADIGHED_TIMING]
}

const fn t(da: &'static str, en: &'static str) -> Text {
    Text::new(da, en)
}

const fn jobsamtale(id: &'static str, title: Text) -> Spec {
    Spec::new(id, title, Jobcenter, Start, Reached(Months(6)), "LAB § 31, stk. 1", Law).source(&LAB_31_1)
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
    .source(&CV_STAR)
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
    .source(&LAB_31_2_1)
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
    )
    .source(&LAB_31_2_2),
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
    )
    .source(&LAB_32_2),
];

const LBK_701: &str = "https://www.retsinformation.dk/eli/lta/2022/701";

/// STAR on LAB § 25 (RULES.md labels the 2-week limit practice; STAR reads it in the law).
const CV_STAR: Source = Source {
    name: "STAR, spørgsmål og svar om cv (09-01-2020)",
    url: "https://star.dk/it/borger-it/cv/spoergsmaal-og-svar-om-cv/",
    quote: Some(
        "Det følger af § 25 i loven, at a-kassen skal holde en samatale med en dagpengemodtager senest 2 uger efter pågældendes tilmelding som jobsøgende, hvor det sikres, at dagpengemodtagerens cv-oplysninger er fyldestgørende. Samtalen skal holdes ved personligt fremmøde.",
    ),
};

const LAB_31_1: Source = Source {
    name: "Lovbekendtgørelse nr. 701 af 22. maj 2022 (LAB), § 31, stk. 1",
    url: LBK_701,
    quote: Some(
        "For personer omfattet af § 6, nr. 1-5, 7 og 8, personer omfattet af § 6, nr. 9, som modtager ledighedsydelse, og personer omfattet af § 6, nr. 10, holder jobcenteret mindst fire individuelle jobsamtaler inden for de første 6 måneder, jf. § 9.",
    ),
};

const LAB_31_2_1: Source = Source {
    name: "Lovbekendtgørelse nr. 701 af 22. maj 2022 (LAB), § 31, stk. 2, nr. 1",
    url: LBK_701,
    quote: Some(
        "For personer omfattet af § 6, nr. 1, deltager arbejdsløshedskassen i to jobsamtaler, som holdes ud over jobsamtalerne efter stk. 1, medmindre personen ikke ønsker, at arbejdsløshedskassen deltager: 1) En, som holdes, senest når personen har været ledig i 3 måneder, hvis arbejdsløshedskassen ud fra en helhedsorienteret vurdering af personens ledighedssituation finder, at personen har behov herfor, eller hvis jobcenteret eller personen anmoder herom.",
    ),
};

const LAB_31_2_2: Source = Source {
    name: "Lovbekendtgørelse nr. 701 af 22. maj 2022 (LAB), § 31, stk. 2, nr. 2",
    url: LBK_701,
    quote: Some(
        "2) En, som tidligst holdes, når personen har været ledig i 3 måneder, og senest når personen har været ledig i 6 måneder.",
    ),
};

const LAB_32_2: Source = Source {
    name: "Lovbekendtgørelse nr. 701 af 22. maj 2022 (LAB), § 32, stk. 2",
    url: LBK_701,
    quote: None,
};

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

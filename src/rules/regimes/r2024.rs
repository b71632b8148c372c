//! R2024, "forenklet kontaktforløb": ledighed beginning 1 January 2024 to 30 June 2026.
//! Lov nr. 727 af 13. juni 2023; LAB (lovbek. nr. 280 af 1. marts 2024) §§ 31, 32; seed 001.
//! The a-kasse holds three jobsamtaler until the hand-over, the jobcenter three until six
//! months, and a joint samtale follows by 16 months (RULES.md § 4, "R2024").

use super::Bound::{BeforeHandover, Days, Handover, Reached, Start};
use super::{GroupUnsupported, Note, Regime, Source, Spec};
use crate::rules::ledighed::Span::Months;
use crate::vocabulary::basis::Basis::Law;
use crate::vocabulary::dates::ymd;
use crate::vocabulary::group::Group;
use crate::vocabulary::holder::Holder::{Akasse, Jobcenter, Joint};
use crate::vocabulary::lang::Text;
use chrono::NaiveDate;
use std::borrow::Cow;

pub static REGIME: Regime = Regime {
    id: "R2024",
    name: Text::new("Forenklet kontaktforløb", "Simplified contact process"),
    from: ymd(2024, 1, 1),
    to: Some(ymd(2026, 6, 30)),
    citation: "Lov nr. 727 af 13. juni 2023; LAB (lovbek. nr. 280 af 1. marts 2024) §§ 31, 32",
    samtaler,
    notes,
};

fn samtaler(_: NaiveDate, group: Group) -> Result<Cow<'static, [Spec]>, GroupUnsupported> {
    Ok(Cow::Borrowed(match group {
        Group::Standard => &STANDARD,
        Group::JobcenterFromDayOne => &FROM_DAY_ONE,
    }))
}

fn notes(group: Group) -> Vec<Note> {
    let mut notes = vec![RAADIGHED];
    if group == Group::JobcenterFromDayOne {
        notes.push(FROM_DAY_ONE_NOTE);
    }
    notes
}

const fn t(da: &'static str, en: &'static str) -> Text {
    Text::new(da, en)
}

/// The law sets only S16's latest date; its earliest is the calculator's convention.
const S16: Spec = Spec::new(
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
.source(&LAB_32_2)
.note(
    "Loven fastsætter kun den seneste dato; den tidligste er beregnerens valg.",
    "The law sets only the latest date; the earliest is the calculator's choice.",
);

static STANDARD: [Spec; 7] = [
    Spec::new(
        "A1",
        t("1. jobsamtale i a-kassen", "1st job interview at the a-kasse"),
        Akasse,
        Start,
        Days(14),
        "LAB § 31, stk. 4",
        Law,
    )
    .source(&LAB_31_4)
    .note("Personligt fremmøde.", "In person.")
    .while_akasse_holds(),
    Spec::new(
        "A2",
        t("2. jobsamtale i a-kassen", "2nd job interview at the a-kasse"),
        Akasse,
        Start,
        BeforeHandover(Months(3)),
        "LAB § 31, stk. 1",
        Law,
    )
    .source(&LAB_31_1)
    .after("A1")
    .while_akasse_holds(),
    Spec::new(
        "A3",
        t("3. jobsamtale i a-kassen", "3rd job interview at the a-kasse"),
        Akasse,
        Start,
        BeforeHandover(Months(3)),
        "LAB § 31, stk. 1",
        Law,
    )
    .source(&LAB_31_1)
    .after("A2")
    .while_akasse_holds(),
    Spec::new(
        "J1",
        t("1. jobsamtale i jobcentret", "1st job interview at the jobcentre"),
        Jobcenter,
        Handover,
        Reached(Months(6)),
        "LAB § 31, stk. 1–2",
        Law,
    )
    .source(&LAB_31_1_2)
    .note(
        "A-kassen deltager, hvis du ønsker det.",
        "The a-kasse takes part if you wish.",
    ),
    Spec::new(
        "J2",
        t("2. jobsamtale i jobcentret", "2nd job interview at the jobcentre"),
        Jobcenter,
        Handover,
        Reached(Months(6)),
        "LAB § 31, stk. 1",
        Law,
    )
    .source(&LAB_31_1)
    .after("J1"),
    Spec::new(
        "J3",
        t("3. jobsamtale i jobcentret", "3rd job interview at the jobcentre"),
        Jobcenter,
        Handover,
        Reached(Months(6)),
        "LAB § 31, stk. 1",
        Law,
    )
    .source(&LAB_31_1)
    .after("J2"),
    S16,
];

/// The group with the jobcenter from day one (LAB § 27, stk. 3): six jobsamtaler in the
/// jobcenter within six months (LAB § 31, stk. 1, third sentence), then S16.
static FROM_DAY_ONE: [Spec; 7] = [
    day_one(
        "J1",
        t("1. jobsamtale i jobcentret", "1st job interview at the jobcentre"),
    ),
    day_one(
        "J2",
        t("2. jobsamtale i jobcentret", "2nd job interview at the jobcentre"),
    )
    .after("J1"),
    day_one(
        "J3",
        t("3. jobsamtale i jobcentret", "3rd job interview at the jobcentre"),
    )
    .after("J2"),
    day_one(
        "J4",
        t("4. jobsamtale i jobcentret", "4th job interview at the jobcentre"),
    )
    .after("J3"),
    day_one(
        "J5",
        t("5. jobsamtale i jobcentret", "5th job interview at the jobcentre"),
    )
    .after("J4"),
    day_one(
        "J6",
        t("6. jobsamtale i jobcentret", "6th job interview at the jobcentre"),
    )
    .after("J5"),
    S16,
];

const fn day_one(id: &'static str, title: Text) -> Spec {
    Spec::new(
        id,
        title,
        Jobcenter,
        Start,
        Reached(Months(6)),
        "LAB § 31, stk. 1, 3. pkt.",
        Law,
    )
    .source(&LAB_31_1_3)
}

const LBK_280: &str = "https://www.retsinformation.dk/eli/lta/2024/280";

const LAB_31_4: Source = Source {
    name: "Lovbekendtgørelse nr. 280 af 1. marts 2024 (LAB), § 31, stk. 4",
    url: LBK_280,
    quote: Some(
        "For personer omfattet af § 6, nr. 1, bortset fra personer også omfattet af § 27, stk. 3, skal arbejdsløshedskassen senest 2 uger efter personens tilmelding som jobsøgende holde den første jobsamtale med personen.",
    ),
};

const LAB_31_1: Source = Source {
    name: "Lovbekendtgørelse nr. 280 af 1. marts 2024 (LAB), § 31, stk. 1",
    url: LBK_280,
    quote: Some(
        "Inden for de første 3 måneder, jf. § 9, holder arbejdsløshedskassen mindst tre individuelle jobsamtaler for personer omfattet af § 6, nr. 1, bortset fra personer også omfattet af § 27, stk. 3. Herefter, og senest inden personen har været ledig i 6 måneder, holder jobcenteret mindst tre individuelle jobsamtaler.",
    ),
};

const LAB_31_1_2: Source = Source {
    name: "Lovbekendtgørelse nr. 280 af 1. marts 2024 (LAB), § 31, stk. 1, 2. pkt., og stk. 2",
    url: LBK_280,
    quote: Some(
        "Herefter, og senest inden personen har været ledig i 6 måneder, holder jobcenteret mindst tre individuelle jobsamtaler. […] Personen vælger, om arbejdsløshedskassen skal deltage i den første individuelle jobsamtale med jobcenteret.",
    ),
};

const LAB_31_1_3: Source = Source {
    name: "Lovbekendtgørelse nr. 280 af 1. marts 2024 (LAB), § 31, stk. 1, 3. pkt.",
    url: LBK_280,
    quote: Some(
        "Inden for de første 6 måneder, jf. § 9, holder jobcenteret mindst seks individuelle jobsamtaler for personer omfattet af § 6, nr. 1, som visiteres til et kontaktforløb i jobcenteret, jf. § 27, stk. 3.",
    ),
};

const LAB_32_2: Source = Source {
    name: "Lovbekendtgørelse nr. 280 af 1. marts 2024 (LAB), § 32, stk. 2",
    url: LBK_280,
    quote: Some(
        "For personer omfattet af § 6, nr. 1, deltager arbejdsløshedskassen i en jobsamtale, senest når personen har været ledig i 16 måneder, medmindre personen ønsker, at arbejdsløshedskassen ikke deltager. Ved jobsamtalen skal jobcenteret tilbyde en obligatorisk intensiveret indsats.",
    ),
};

const RAADIGHED: Note = Note {
    code: "A_RAADIGHEDSSAMTALE",
    text: t(
        "A-kassen holder kun en rådighedssamtale, hvis den finder behov for det (BEK om rådighed nr. 1590/2023 § 40). Den har derfor ingen dato her.",
        "The a-kasse holds an availability interview (rådighedssamtale) only when it finds a need (BEK om rådighed no. 1590/2023 § 40), so it has no date here.",
    ),
};

const FROM_DAY_ONE_NOTE: Note = Note {
    code: "A_JOBCENTER_FROM_DAY_ONE",
    text: t(
        "Planen gælder gruppen, der har kontaktforløb i jobcentret fra første dag (LAB § 27, stk. 3, fx under 25 år uden kvalificerende uddannelse og uden børn). Der er ingen overgang fra a-kassen.",
        "The plan is for the group whose contact process is with the jobcentre from day one (LAB § 27(3), e.g. under 25 without a qualifying education and without children). There is no hand-over from the a-kasse.",
    ),
};

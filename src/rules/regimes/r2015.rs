//! R2015, "fælles og intensiveret kontaktforløb": ledighed beginning 1 July 2015 to 31 December
//! 2019, after beskæftigelsesreformen 2015 (seeds 000, 002, 003). Nine samtaler in the first six
//! months: a CV-samtale and two rådighedssamtaler in the a-kasse, six jobsamtaler in the
//! jobcenter of which two are joint; then a jobsamtale every three months and a third joint one
//! by 16 months (RULES.md § 4, "R2015"). The monthly jobsamtaler may be held up to two weeks
//! after their nominal date; the joint ones are firm (STAR Q&A 30-01-2018).

use super::Bound::{Days, Reached, ReachedPlus, Start};
use super::{GroupUnsupported, Note, Regime, Source, Spec};
use crate::rules::ledighed::Span::{Months, Weeks};
use crate::vocabulary::basis::Basis::{Practice, Star};
use crate::vocabulary::dates::ymd;
use crate::vocabulary::group::Group;
use crate::vocabulary::holder::Holder::{Akasse, Jobcenter, Joint};
use crate::vocabulary::lang::Text;
use chrono::NaiveDate;
use std::borrow::Cow;

pub static REGIME: Regime = Regime {
    id: "R2015",
    name: Text::new(
        "Fælles og intensiveret kontaktforløb",
        "Joint and intensified contact process",
    ),
    from: ymd(2015, 7, 1),
    to: Some(ymd(2019, 12, 31)),
    citation: "Beskæftigelsesreformen 2015: aftale om et fælles og intensiveret kontaktforløb (STAR)",
    samtaler,
    notes,
};

/// From this start the first jobsamtale is joint with the a-kasse (phased in, seed 002).
pub const JOINT_J1_FROM: NaiveDate = ymd(2016, 7, 1);

fn samtaler(start: NaiveDate, group: Group) -> Result<Cow<'static, [Spec]>, GroupUnsupported> {
    match group {
        Group::Standard if start >= JOINT_J1_FROM => Ok(Cow::Borrowed(&STANDARD)),
        Group::Standard => {
            let mut specs = STANDARD.to_vec();
            specs[1] = J1_BEFORE_JOINT;
            Ok(Cow::Owned(specs))
        }
        Group::JobcenterFromDayOne => Err(GroupUnsupported),
    }
}

fn notes(_: Group) -> Vec<Note> {
    vec![TOLERANCE]
}

const fn t(da: &'static str, en: &'static str) -> Text {
    Text::new(da, en)
}

const KONTAKTFORLOEB: &str = "STAR, Det fælles og intensiverede kontaktforløb";
const OPGOERELSE: &str = "Beskæftigelsesministeriet, Ny opgørelse over fælles jobsamtaler (24-09-2018)";
const TOLERANCE_QA: &str = "STAR, spørgsmål og svar 30-01-2018";

/// A jobsamtale due at `n` months, up to 14 days later.
const fn monthly(id: &'static str, title: Text, n: u32) -> Spec {
    Spec::new(
        id,
        title,
        Jobcenter,
        Start,
        ReachedPlus(Months(n), 14),
        TOLERANCE_QA,
        Star,
    )
    .source(&MONTHLY)
    .note(
        "Kan holdes før eller op til 2 uger efter den nominelle dato.",
        "May be held before or up to 2 weeks after the nominal date.",
    )
}

/// A jobsamtale every three months after the first six, up to 14 days later [practice].
const fn quarterly(id: &'static str, title: Text, n: u32) -> Spec {
    Spec::new(
        id,
        title,
        Jobcenter,
        Start,
        ReachedPlus(Months(n), 14),
        "Praksis: en jobsamtale hver 3. måned efter de første 6 måneder",
        Practice,
    )
}

const J1: Spec = Spec::new(
    "J1",
    t(
        "1. jobsamtale (1. fællessamtale)",
        "1st job interview (1st joint interview)",
    ),
    Joint,
    Reached(Weeks(3)),
    Reached(Weeks(6)),
    "Beskæftigelsesministeriet 24-09-2018; KL og AK-Samvirke 27-02-2015",
    Star,
)
.source(&FIRST_JOINT)
.note(
    "A-kassen deltager, hvis den vurderer, at du har behov for det, eller hvis jobcentret eller du ønsker det.",
    "The a-kasse takes part if it finds you need it, or if the jobcentre or you ask for it.",
);

/// Before 1 July 2016 the jobcenter held the first jobsamtale alone.
const J1_BEFORE_JOINT: Spec = J1.holder(Jobcenter).note(
    "Jobcentret holdt samtalen alene: fællessamtalen blev indfaset for ledighed fra 1. juli 2016.",
    "The jobcentre held it alone: the joint interview was phased in for unemployment from 1 July 2016.",
);

static STANDARD: [Spec; 13] = [
    Spec::new(
        "CV",
        t(
            "CV- og vejledningssamtale i a-kassen",
            "CV and guidance interview at the a-kasse",
        ),
        Akasse,
        Start,
        Days(14),
        KONTAKTFORLOEB,
        Star,
    )
    .source(&CV_STAR),
    J1,
    monthly("J2", t("Jobsamtale, 2. måned", "Job interview, 2nd month"), 2),
    monthly("J3", t("Jobsamtale, 3. måned", "Job interview, 3rd month"), 3),
    monthly("J4", t("Jobsamtale, 4. måned", "Job interview, 4th month"), 4),
    Spec::new(
        "J5",
        t("2. fællessamtale (5./6. måned)", "2nd joint interview (5th/6th month)"),
        Joint,
        Reached(Months(4)),
        Reached(Months(6)),
        "STAR, Data på fælles jobsamtaler",
        Star,
    )
    .source(&SECOND_JOINT),
    monthly("J6", t("Jobsamtale, 6. måned", "Job interview, 6th month"), 6),
    Spec::new(
        "R1",
        t(
            "1. rådighedssamtale i a-kassen",
            "1st availability interview at the a-kasse",
        ),
        Akasse,
        Start,
        Reached(Months(3)),
        KONTAKTFORLOEB,
        Star,
    )
    .source(&RAADIGHED_STAR),
    Spec::new(
        "R2",
        t(
            "2. rådighedssamtale i a-kassen",
            "2nd availability interview at the a-kasse",
        ),
        Akasse,
        Start,
        Reached(Months(6)),
        KONTAKTFORLOEB,
        Star,
    )
    .source(&RAADIGHED_STAR)
    .after("R1"),
    quarterly("Q9", t("Jobsamtale efter 9 måneder", "Job interview after 9 months"), 9),
    quarterly(
        "Q12",
        t("Jobsamtale efter 12 måneder", "Job interview after 12 months"),
        12,
    ),
    quarterly(
        "Q15",
        t("Jobsamtale efter 15 måneder", "Job interview after 15 months"),
        15,
    ),
    Spec::new(
        "S16",
        t(
            "3. fællessamtale, intensiveret indsats",
            "3rd joint interview, intensified support",
        ),
        Joint,
        Reached(Months(6)),
        Reached(Months(16)),
        OPGOERELSE,
        Star,
    )
    .source(&THIRD_JOINT),
];

const STAR_PAGE: &str =
    "https://star.dk/da/indsatser-og-ordninger/kontaktforloeb/det-faelles-og-intensiverede-kontaktforloeb/";
const BM_NEWS: &str =
    "https://bm.dk/nyheder/nyheder/2018/09/ny-opgoerelse-over-faelles-jobsamtaler-med-dagpengemodtagere/";

const CV_STAR: Source = Source {
    name: "STAR, Det fælles og intensiverede kontaktforløb",
    url: STAR_PAGE,
    quote: Some(
        "Alle ledige skal inden to ugers ledighed møde til CV- og vejledningssamtale i a-kassen, hvor bl.a. deres CV skal godkendes.",
    ),
};

const RAADIGHED_STAR: Source = Source {
    name: "STAR, Det fælles og intensiverede kontaktforløb",
    url: STAR_PAGE,
    quote: Some(
        "A-kassen deltager som udgangspunkt i en fælles samtale i jobcenteret i 5. eller 6. måned og afholder desuden to rådighedssamtaler inden for de første seks måneder.",
    ),
};

const FIRST_JOINT: Source = Source {
    name: "Beskæftigelsesministeriet, Ny opgørelse over fælles jobsamtaler med dagpengemodtagere (24-09-2018)",
    url: BM_NEWS,
    quote: Some("Den første samtale skal afholdes mellem tre til seks ugers ledighed"),
};

const SECOND_JOINT: Source = Source {
    name: "STAR, Data på fælles jobsamtaler",
    url: "https://www.star.dk/da/indsatser-og-ordninger/kontaktforloeb/data-paa-faelles-jobsamtaler/",
    quote: Some("Tidligst efter 4 måneders ledighed og senest efter seks måneders ledighed"),
};

const THIRD_JOINT: Source = Source {
    name: "Beskæftigelsesministeriet, Ny opgørelse over fælles jobsamtaler med dagpengemodtagere (24-09-2018)",
    url: BM_NEWS,
    quote: Some("Den tredje fællessamtale skal afholdes senest efter 16 måneders ledighed"),
};

const MONTHLY: Source = Source {
    name: "STAR, Spørgsmål og svar om det fælles og intensiverede kontaktforløb (30-01-2018)",
    url: "https://star.dk/da/indsatser-og-ordninger/kontaktforloeb/det-faelles-og-intensiverede-kontaktforloeb/spoergsmaal-og-svar/",
    quote: Some(
        "For dagpengemodtagere skal der i de første seks måneders sammenlagt ledighed afholdes en individuel jobsamtale, hver gang personen har været ledig i sammenlagt en måned i jobcentret. […] Det er muligt at afholde samtalerne tidligere i personens ledighedsforløb eller skyde afholdelsen af den enkelte samtale i op til to uger.",
    ),
};

const TOLERANCE: Note = Note {
    code: "A_TOLERANCE",
    text: t(
        "Jobsamtalerne i jobcentret skulle holdes hver gang, du havde været ledig en måned mere. De kunne holdes før eller op til 2 uger efter den nominelle dato; de fælles samtaler ligger fast (STAR, spørgsmål og svar 30-01-2018). Tidspunkterne for rådighedssamtalerne følger a-kassernes praksis.",
        "The jobsamtaler at the jobcentre were due each time you had been unemployed one more month. They could be held before or up to 2 weeks after the nominal date; the joint ones are firm (STAR Q&A 30-01-2018). The timing of the availability interviews follows the a-kassers' practice.",
    ),
};

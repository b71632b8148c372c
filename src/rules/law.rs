//! The law's numbers as data (issue 25, OpenFisca's habit): every number of hours, days and dates
//! the counter takes from the law, in one table. Each value carries the date from which it is in
//! force, its source (name, paragraph and, where RULES.md or the code's citations give one, its
//! address) and its RULES.md label and section. The counter, the plan's explanations and the
//! contract's messages read the values from here; `docs/law.md` is this table, checked against it
//! by a test (`tests/rules.rs`).
//!
//! Not here: the 168 hours a week that `hours_per_week` may be at most
//! ([`crate::contract::hours::MAX_HOURS_PER_WEEK`]) is 7 × 24, a limit on what can be typed, not a
//! number of the law (RULES.md § 2 asks only for "a number > 0").

use crate::vocabulary::basis::Basis;
use crate::vocabulary::dates::ymd;
use crate::vocabulary::hours::Hundredths;
use crate::vocabulary::insurance::Insurance;
use crate::vocabulary::period::Period;
use chrono::NaiveDate;

/// Where a number comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The source's name, as RULES.md names it.
    pub name: &'static str,
    /// The paragraph ("§ 7"); empty where the source has none (a union's page).
    pub section: &'static str,
    /// The address, where RULES.md or the code's citations give one; `None`: they give none.
    pub address: Option<&'static str>,
}

/// One value and an amount for each insurance: 37 hours fuldtid, 30 deltid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PerInsurance {
    pub fuldtid: Hundredths,
    pub deltid: Hundredths,
}

impl PerInsurance {
    /// The value for `insurance`.
    pub const fn of(self, insurance: Insurance) -> Hundredths {
        match insurance {
            Insurance::Fuldtid => self.fuldtid,
            Insurance::Deltid => self.deltid,
        }
    }
}

/// A number of the law: its value, in force from `in_force`, with where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Law<T> {
    /// A stable name for the docs: the constant's own name.
    pub key: &'static str,
    pub value: T,
    /// What the number is.
    pub meaning: &'static str,
    /// The date from which the calculator applies the value.
    pub in_force: NaiveDate,
    /// Why that date: what RULES.md says of it.
    pub in_force_basis: &'static str,
    pub source: Source,
    /// RULES.md's label for the value.
    pub basis: Basis,
    /// Where RULES.md states it.
    pub rules_md: &'static str,
}

/// The first `start` the calculator knows (RULES.md § 3): the counting rules of BEK om en aktiv
/// beskæftigelsesindsats § 7 apply from here on, as far as the calculator is concerned.
const FIRST_START: NaiveDate = ymd(2015, 7, 1);
const FIRST_START_BASIS: &str =
    "RULES.md gives no date in force; the calculator applies it from the first start it knows, 2015-07-01 (§ 3)";

const BEK_7: Source = Source {
    name: "BEK om en aktiv beskæftigelsesindsats",
    section: "§ 7",
    address: None,
};

const COUNTING: &str = "§ 2, Counting sammenlagt ledighed";

/// One week of ledighed in hours: 37, deltid 30. A weekday with dagpenge is a fifth of it.
pub const HOURS_PER_WEEK: Law<PerInsurance> = Law {
    key: "HOURS_PER_WEEK",
    value: PerInsurance {
        fuldtid: Hundredths(3700),
        deltid: Hundredths(3000),
    },
    meaning: "1 week of sammenlagt ledighed, in hours; a weekday with dagpenge adds a fifth",
    in_force: FIRST_START,
    in_force_basis: FIRST_START_BASIS,
    source: BEK_7,
    basis: Basis::Law,
    rules_md: COUNTING,
};

/// One month of ledighed in hours: 160.33, deltid 130.
pub const HOURS_PER_MONTH: Law<PerInsurance> = Law {
    key: "HOURS_PER_MONTH",
    value: PerInsurance {
        fuldtid: Hundredths(16_033),
        deltid: Hundredths(13_000),
    },
    meaning: "1 month of sammenlagt ledighed, in hours",
    in_force: FIRST_START,
    in_force_basis: FIRST_START_BASIS,
    source: BEK_7,
    basis: Basis::Law,
    rules_md: COUNTING,
};

/// The hand-over happens once *more than* this many hours are counted at a month's end: 410,
/// deltid 332.44 (410 × 130/160.33 = 332.4393… in hundredths, RULES.md's convention).
pub const HANDOVER_HOURS: Law<PerInsurance> = Law {
    key: "HANDOVER_HOURS",
    value: PerInsurance {
        fuldtid: Hundredths(41_000),
        deltid: Hundredths(33_244),
    },
    meaning: "the a-kasse hands over to the jobcenter/kommune after the month in which more than these hours are counted (deltid: 410 × 130/160.33, rounded to hundredths, a convention)",
    in_force: ymd(2024, 1, 1),
    in_force_basis: "from R2024 (lov nr. 727 af 13. juni 2023), RULES.md § 3; R2015 and R2020 have no hand-over",
    source: Source {
        name: "MA a-kasse; the rule is set by bekendtgørelse under the authority lov nr. 727/2023 added to LAB § 10",
        section: "LAB § 10",
        address: None,
    },
    basis: Basis::Practice,
    rules_md: "§ 2, Hand-over from a-kasse to jobcenter/kommune (H)",
};

/// Hours in these periods do not count: the two COVID-19 freezes.
pub const FROZEN: Law<[Period; 2]> = Law {
    key: "FROZEN",
    value: [
        Period {
            from: ymd(2020, 3, 1),
            to: ymd(2020, 8, 31),
        },
        Period {
            from: ymd(2021, 1, 1),
            to: ymd(2021, 6, 30),
        },
    ],
    meaning: "hours in these periods do not count (the COVID-19 freezes)",
    in_force: ymd(2020, 3, 1),
    in_force_basis: "the first frozen day; the periods are the law's own dates (RULES.md § 2)",
    source: BEK_7,
    basis: Basis::Law,
    rules_md: COUNTING,
};

/// The calendar days of a sickness that are days with dagpenge: the first 14.
pub const SICK_DAYS_WITH_DAGPENGE: Law<u32> = Law {
    key: "SICK_DAYS_WITH_DAGPENGE",
    value: 14,
    meaning: "the first calendar days of a sickness, paid as dagpenge under sygdom, count; from the next day on it is a pause",
    in_force: FIRST_START,
    in_force_basis: "RULES.md gives no date; the calculator applies it from the first start it knows, 2015-07-01 (§ 3)",
    source: Source {
        name: "FOA, NNF, f-f.dk, CA, DEF (a-kasser and unions); sygedagpenge count no hours: BEK om en aktiv beskæftigelsesindsats § 7, stk. 1",
        section: "",
        address: None,
    },
    basis: Basis::Practice,
    rules_md: "§ 2, Sickness",
};

/// The most hours `prior_hours` may be: a whole dagpengeperiode, 5,772 hours, deltid 4,680.
pub const MAX_PRIOR_HOURS: Law<PerInsurance> = Law {
    key: "MAX_PRIOR_HOURS",
    value: PerInsurance {
        fuldtid: Hundredths(577_200),
        deltid: Hundredths(468_000),
    },
    meaning: "a whole dagpengeperiode in hours: prior_hours above it is an error",
    in_force: FIRST_START,
    in_force_basis: FIRST_START_BASIS,
    source: Source {
        name: "BEK om en aktiv beskæftigelsesindsats (hours count over the whole dagpengeperiode; RULES.md names no source for the number itself)",
        section: "§ 7, stk. 1 og 4",
        address: None,
    },
    basis: Basis::Law,
    rules_md: "§ 2, Hours before this registration (prior_hours)",
};

/// A value as one row of the table shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    PerInsurance(PerInsurance),
    Days(u32),
    Periods(&'static [Period]),
}

/// One row of the table: a number without its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub key: &'static str,
    pub value: Value,
    pub meaning: &'static str,
    pub in_force: NaiveDate,
    pub in_force_basis: &'static str,
    pub source: Source,
    pub basis: Basis,
    pub rules_md: &'static str,
}

impl<T> Law<T> {
    const fn row(&self, value: Value) -> Row {
        Row {
            key: self.key,
            value,
            meaning: self.meaning,
            in_force: self.in_force,
            in_force_basis: self.in_force_basis,
            source: self.source,
            basis: self.basis,
            rules_md: self.rules_md,
        }
    }
}

/// Every number of the law the calculator uses, in the order docs/law.md lists them.
pub const TABLE: [Row; 6] = [
    HOURS_PER_WEEK.row(Value::PerInsurance(HOURS_PER_WEEK.value)),
    HOURS_PER_MONTH.row(Value::PerInsurance(HOURS_PER_MONTH.value)),
    HANDOVER_HOURS.row(Value::PerInsurance(HANDOVER_HOURS.value)),
    FROZEN.row(Value::Periods(&FROZEN.value)),
    SICK_DAYS_WITH_DAGPENGE.row(Value::Days(SICK_DAYS_WITH_DAGPENGE.value)),
    MAX_PRIOR_HOURS.row(Value::PerInsurance(MAX_PRIOR_HOURS.value)),
];

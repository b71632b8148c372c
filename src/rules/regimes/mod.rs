//! The regime table (RULES.md § 3) and the vocabulary every regime file uses to state its
//! samtaler (RULES.md § 4). A regime is one file in this folder plus one line in [`REGIMES`].

use crate::rules::ledighed::Span;
use crate::vocabulary::group::Group;
// The vocabulary's holders and bases, at their old paths.
pub use crate::vocabulary::basis::Basis;
pub use crate::vocabulary::holder::Holder;
use crate::vocabulary::lang::{Lang, Text};
use crate::vocabulary::words::words;
use chrono::NaiveDate;
use std::borrow::Cow;

pub mod r2015;
pub mod r2020;
pub mod r2024;
pub mod r2026;

/// Every regime, oldest first. The periods are contiguous and do not overlap.
pub static REGIMES: [&Regime; 4] = [&r2015::REGIME, &r2020::REGIME, &r2024::REGIME, &r2026::REGIME];

/// The regime for a first day of ledighed [convention: chosen by `start`].
pub fn for_start(start: NaiveDate) -> Option<&'static Regime> {
    REGIMES
        .iter()
        .copied()
        .find(|r| r.from <= start && r.to.is_none_or(|to| start <= to))
}

/// The regime before this one, if any.
pub fn previous(regime: &Regime) -> Option<&'static Regime> {
    REGIMES
        .iter()
        .copied()
        .find(|r| r.to.and_then(|to| to.succ_opt()) == Some(regime.from))
}

/// The regime after this one, if any.
pub fn next_after(regime: &Regime) -> Option<&'static Regime> {
    REGIMES
        .iter()
        .copied()
        .find(|r| Some(r.from) == regime.to.and_then(|to| to.succ_opt()))
}

/// How a regime gives its samtaler: for a first day of ledighed and a group.
pub type SamtalerFn = fn(NaiveDate, Group) -> Result<Cow<'static, [Spec]>, GroupUnsupported>;

/// A set of rules in force for people whose ledighed began in a period.
pub struct Regime {
    pub id: &'static str,
    pub name: Text,
    pub from: NaiveDate,
    /// The last `start` the regime applies to; `None` while it is in force.
    pub to: Option<NaiveDate>,
    pub citation: &'static str,
    /// The samtaler for a first day of ledighed and a group, or [`GroupUnsupported`] for a group
    /// the regime does not model.
    pub samtaler: SamtalerFn,
    /// What the plan assumes or leaves out under this regime for a group, shown with every plan.
    pub notes: fn(Group) -> Vec<Note>,
}

/// A fixed text with a stable code, as shown in `warnings` and `assumptions`.
#[derive(Debug, Clone, Copy)]
pub struct Note {
    pub code: &'static str,
    pub text: Text,
}

words! {
    /// Whether a samtale must be held.
    pub enum Obligation {
        Required = "required",
        /// Owed to at least 75 % of dagpengemodtagere: the a-kasse or kommune may exempt up to
        /// one in four (R2026).
        NormallyDue = "normally_due",
        /// Held only when a condition is met (R2020's first joint samtale).
        Conditional = "conditional",
    }
}

impl Obligation {
    /// "skal holdes", "holdes normalt", "kun ved behov".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Obligation::Required => lang.pick("skal holdes", "required"),
            Obligation::NormallyDue => lang.pick("holdes normalt", "normally due"),
            Obligation::Conditional => lang.pick("kun ved behov", "only if needed"),
        }
    }
}

/// An end of a samtale's window, in the words of RULES.md § 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The first day of ledighed.
    Start,
    /// `T(d)`: `start + d` calendar days.
    Days(u32),
    /// `L(x)`.
    Reached(Span),
    /// `L(x) + d` calendar days.
    ReachedPlus(Span, u32),
    /// `H`, the hand-over to jobcenter/kommune.
    Handover,
    /// `min(L(x), H − 1 day)`.
    BeforeHandover(Span),
}

impl Bound {
    pub fn uses_handover(self) -> bool {
        matches!(self, Bound::Handover | Bound::BeforeHandover(_))
    }
}

/// Where a rule comes from: the source's name, its address, and where found, its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Source {
    pub name: &'static str,
    pub url: &'static str,
    /// The source's own Danish words, verbatim ("[…]" marks text left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<&'static str>,
}

/// One samtale as a regime states it.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub id: &'static str,
    pub title: Text,
    /// A short remark shown with the title (how it is held, who may take part).
    pub note: Option<Text>,
    pub holder: Holder,
    pub earliest: Bound,
    pub latest: Bound,
    /// An ordering, not a date bound: held after this samtale.
    pub after: Option<&'static str>,
    pub obligation: Obligation,
    pub citation: &'static str,
    pub basis: Basis,
    /// The text behind the citation, where the calculator has it.
    pub source: Option<&'static Source>,
    /// Owed only while the a-kasse holds the forløb: not when the hand-over is on `start`, as it
    /// is for hours from an earlier spell over the line (RULES.md § 2, `prior_hours`).
    pub while_akasse_holds: bool,
}

impl Spec {
    /// A required samtale with no note and no ordering; the builders below add those.
    pub const fn new(
        id: &'static str,
        title: Text,
        holder: Holder,
        earliest: Bound,
        latest: Bound,
        citation: &'static str,
        basis: Basis,
    ) -> Spec {
        Spec {
            id,
            title,
            note: None,
            holder,
            earliest,
            latest,
            after: None,
            obligation: Obligation::Required,
            citation,
            basis,
            source: None,
            while_akasse_holds: false,
        }
    }

    /// Owed only while the a-kasse holds the forløb (R2024's and R2026's a-kasse samtaler).
    pub const fn while_akasse_holds(self) -> Spec {
        Spec {
            while_akasse_holds: true,
            ..self
        }
    }

    /// Held after samtale `id`.
    pub const fn after(self, id: &'static str) -> Spec {
        Spec {
            after: Some(id),
            ..self
        }
    }

    /// With a remark shown beside the title.
    pub const fn note(self, da: &'static str, en: &'static str) -> Spec {
        Spec {
            note: Some(Text::new(da, en)),
            ..self
        }
    }

    pub const fn obligation(self, obligation: Obligation) -> Spec {
        Spec { obligation, ..self }
    }

    pub const fn source(self, source: &'static Source) -> Spec {
        Spec {
            source: Some(source),
            ..self
        }
    }

    pub const fn holder(self, holder: Holder) -> Spec {
        Spec { holder, ..self }
    }

    /// The nominal date of a samtale whose latest date is a tolerance after it: `L(x)` of
    /// `latest = L(x) + d` (R2015's monthly jobsamtaler).
    pub fn nominal(&self) -> Option<Span> {
        match self.latest {
            Bound::ReachedPlus(span, _) => Some(span),
            _ => None,
        }
    }
}

/// A regime's refusal of a group it does not model (the "jobcenter from day one" group before
/// 2024). The rules say only that; the plan words it as the contract's `E_GROUP_UNSUPPORTED`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupUnsupported;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::dates::ymd;

    #[test]
    fn every_samtale_resting_on_law_carries_its_source() {
        for regime in REGIMES {
            for group in [Group::Standard, Group::JobcenterFromDayOne] {
                let Ok(specs) = (regime.samtaler)(regime.from, group) else {
                    continue;
                };
                for spec in specs.iter() {
                    if spec.basis == Basis::Law {
                        let source = spec
                            .source
                            .unwrap_or_else(|| panic!("{} {} has no source", regime.id, spec.id));
                        assert!(source.url.starts_with("https://"), "{} {}", regime.id, spec.id);
                    }
                    if let Some(q) = spec.source.and_then(|s| s.quote) {
                        assert!(q.len() > 20 && !q.contains('\n'), "{} {}", regime.id, spec.id);
                    }
                }
            }
        }
    }

    #[test]
    fn regimes_are_contiguous_and_chosen_by_start() {
        for pair in REGIMES.windows(2) {
            assert_eq!(
                pair[0].to.and_then(|d| d.succ_opt()),
                Some(pair[1].from),
                "{} → {}",
                pair[0].id,
                pair[1].id
            );
            assert_eq!(next_after(pair[0]).map(|r| r.id), Some(pair[1].id));
            assert_eq!(previous(pair[1]).map(|r| r.id), Some(pair[0].id));
        }
        assert!(REGIMES.last().is_some_and(|r| r.to.is_none()));
        assert!(previous(REGIMES[0]).is_none());
        let id = |y, m, d| for_start(ymd(y, m, d)).map(|r| r.id);
        assert_eq!(id(2015, 6, 30), None);
        assert_eq!(id(2015, 7, 1), Some("R2015"));
        assert_eq!(id(2019, 12, 31), Some("R2015"));
        assert_eq!(id(2020, 1, 1), Some("R2020"));
        assert_eq!(id(2023, 12, 31), Some("R2020"));
        assert_eq!(id(2024, 1, 1), Some("R2024"));
        assert_eq!(id(2026, 6, 30), Some("R2024"));
        assert_eq!(id(2026, 7, 1), Some("R2026"));
        assert_eq!(id(2099, 12, 31), Some("R2026"));
    }
}

//! What a plan under a regime is computed from — its samtaler, the ledighed counter, the
//! hand-over (estimated, or given and checked) — and the date of each bound.

use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::lang::Lang;
use crate::contract::request::LAST_DATE;
use crate::contract::request::Request;
use crate::rules::dates::short;
use crate::rules::ledighed::{Handover, Ledighed, Span};
use crate::rules::regimes::{Bound, Holder, Regime, Spec};
use chrono::{Days, NaiveDate};
use std::borrow::Cow;

pub(super) fn plus_days(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(days))).unwrap_or(NaiveDate::MAX)
}

/// What a plan under a regime is computed from: its samtaler, the ledighed counter, the hand-over.
pub(super) struct Setup {
    pub(super) specs: Cow<'static, [Spec]>,
    pub(super) ledighed: Ledighed,
    pub(super) handover: Option<Handover>,
    /// Who takes over at the hand-over (jobcentret, kommunen), for the words.
    pub(super) handover_to: Holder,
    pub(super) lang: Lang,
}

pub(super) fn setup(req: &Request, regime: &Regime) -> Result<Setup, PlanError> {
    let lang = req.lang;
    let specs = (regime.samtaler)(req)?;
    let periods = req.pauses.iter().map(|p| (p.period, p.hours_per_week));
    let ledighed = Ledighed::with_part_time(req.start, req.insurance, periods);
    within_range(&ledighed, lang)?;
    let handover_to = specs
        .iter()
        .find(|s| s.earliest == Bound::Handover)
        .map_or(Holder::Jobcenter, |s| s.holder);
    let handover = if specs
        .iter()
        .any(|s| s.earliest.uses_handover() || s.latest.uses_handover())
    {
        Some(match req.handover {
            Some(date) => checked_override(&ledighed, date, lang)?,
            None => ledighed.handover(),
        })
    } else if req.handover.is_some() {
        return Err(PlanError::new(
            ErrorCode::HandoverNotApplicable,
            lang,
            "Denne plan har ingen overgang fra a-kassen til jobcentret, så en overgangsdato kan ikke angives.".into(),
            "This plan has no hand-over from the a-kasse to the jobcentre, so a hand-over date cannot be given.".into(),
        )
        .at("handover"));
    } else {
        None
    };
    Ok(Setup {
        specs,
        ledighed,
        handover,
        handover_to,
        lang,
    })
}

/// No plan shows a date after 2199-12-31 (RULES.md § 2). The last date a plan shows is L(16 md):
/// every regime's latest dates lie on or before it (L(15 md) + 14 days included: a month of
/// hours takes at least 22 weekdays), and so do H and the earliest dates.
fn within_range(ledighed: &Ledighed, lang: Lang) -> Result<(), PlanError> {
    let l16 = ledighed.reach(Span::Months(16)).date;
    if l16 <= LAST_DATE {
        return Ok(());
    }
    Err(PlanError::new(
        ErrorCode::DateRange,
        lang,
        format!(
            "Med disse perioder uden dagpenge nås 16 måneders ledighed først {}, og beregneren viser ingen datoer efter {}. Tjek periodernes datoer.",
            short(l16, Lang::Da),
            short(LAST_DATE, Lang::Da)
        ),
        format!(
            "With these periods without dagpenge, 16 months of unemployment are only reached on {}, and the calculator shows no date after {}. Check the dates of the periods.",
            short(l16, Lang::En),
            short(LAST_DATE, Lang::En)
        ),
    )
    .at("pauses"))
}

/// An override of `H` must lie from `T(15)` to `L(6 md)` (RULES.md § 2).
fn checked_override(ledighed: &Ledighed, date: NaiveDate, lang: Lang) -> Result<Handover, PlanError> {
    let (first, last) = (ledighed.t(15), ledighed.reach(Span::Months(6)).date);
    if date < first || date > last {
        return Err(PlanError::new(
            ErrorCode::HandoverRange,
            lang,
            format!(
                "Overgangsdatoen {} skal ligge fra {} (15 dage efter første ledighedsdag) til {} (6 måneders ledighed).",
                short(date, Lang::Da),
                short(first, Lang::Da),
                short(last, Lang::Da)
            ),
            format!(
                "The hand-over date {} must lie from {} (15 days after the first day of unemployment) to {} (6 months of unemployment).",
                short(date, Lang::En),
                short(first, Lang::En),
                short(last, Lang::En)
            ),
        )
        .at("handover"));
    }
    Ok(Handover { date, trigger: None })
}

impl Setup {
    /// Only a plan with a hand-over has samtaler bounded by it (`setup` sees to that).
    pub(super) fn h(&self) -> Result<Handover, PlanError> {
        self.handover
            .ok_or_else(|| PlanError::internal("a bound uses H, the plan has none", self.lang))
    }

    /// The date of a bound.
    pub(super) fn date(&self, bound: Bound) -> Result<NaiveDate, PlanError> {
        let ledighed = &self.ledighed;
        Ok(match bound {
            Bound::Start => ledighed.start(),
            Bound::Days(d) => ledighed.t(d),
            Bound::Reached(span) => ledighed.reach(span).date,
            Bound::ReachedPlus(span, d) => plus_days(ledighed.reach(span).date, d),
            Bound::Handover => self.h()?.date,
            Bound::BeforeHandover(span) => {
                let h = self.h()?.date;
                ledighed.reach(span).date.min(h.pred_opt().unwrap_or(h))
            }
        })
    }
}

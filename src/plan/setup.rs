//! What a plan under a regime is computed from — its samtaler, the ledighed counter, the
//! hand-over (estimated, or given and checked) — the date of each bound, and each samtale's
//! window, or why it is not owed in this registration.

use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::lang::Lang;
use crate::contract::request::LAST_DATE;
use crate::contract::request::{Pause, Request, label};
use crate::contract::response::NotOwedReason;
use crate::rules::ledighed::{Handover, HandoverBasis, Ledighed, Span};
use crate::rules::regimes::{Bound, Regime, Spec};
use crate::vocabulary::dates::short;
use crate::vocabulary::holder::Holder;
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
    let specs = (regime.samtaler)(req.start, req.group).map_err(|_| group_unsupported(regime, req))?;
    let ledighed = Ledighed::counting(req.start, req.insurance, req.prior_hours, &req.periods());
    within_range(&ledighed, &req.pauses, lang)?;
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
/// hours takes at least 22 weekdays), and so do H and the earliest dates — except, with hours
/// from an earlier spell, a `T(14)` after an early L(16 md), which lies before 2100 with `start`.
/// Where a period of part-time work without an end is why, it needs an end date.
fn within_range(ledighed: &Ledighed, pauses: &[Pause], lang: Lang) -> Result<(), PlanError> {
    let Some(l16) = ledighed.reach(Span::Months(16)).map(|r| r.date) else {
        return Ok(());
    };
    if l16 <= LAST_DATE {
        return Ok(());
    }
    if let Some((i, open)) = pauses.iter().enumerate().find(|(_, p)| p.open_ended) {
        return Err(open_ended_no_hours(i, open, ledighed, lang));
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

/// A period of part-time work without an end that leaves no hours (or too few): the later
/// milestones are never reached, so it needs an end date (RULES.md § 2).
fn open_ended_no_hours(i: usize, pause: &Pause, ledighed: &Ledighed, lang: Lang) -> PlanError {
    let path = format!("pauses[{i}].to");
    let ins = ledighed.insurance();
    let hours = pause.hours_per_week.unwrap_or_default();
    let w = ins.per_week();
    let from = pause.period.from;
    let (da_why, en_why) = if hours >= w {
        (
            format!(
                "med {} timers arbejde om ugen fra {} tæller ingen timer (du arbejder {} timer om ugen eller mere)",
                hours.format(Lang::Da),
                short(from, Lang::Da),
                w.format(Lang::Da)
            ),
            format!(
                "with {} hours of work a week from {} no hours count (you work {} hours a week or more)",
                hours.format(Lang::En),
                short(from, Lang::En),
                w.format(Lang::En)
            ),
        )
    } else {
        (
            format!(
                "med {} timers arbejde om ugen fra {} tæller så få timer, at 16 måneders ledighed ikke nås før år 2200",
                hours.format(Lang::Da),
                short(from, Lang::Da)
            ),
            format!(
                "with {} hours of work a week from {} so few hours count that 16 months of unemployment are not reached before the year 2200",
                hours.format(Lang::En),
                short(from, Lang::En)
            ),
        )
    };
    PlanError::new(
        ErrorCode::OpenEndedNoHours,
        lang,
        format!(
            "{}: arbejdet har ingen slutdato, og {da_why}. Så nås de senere frister aldrig. Skriv den dato, arbejdet slutter, eller den dato, du regner med.",
            label(&format!("pauses[{i}]"), Lang::Da)
        ),
        format!(
            "{}: the work has no end date, and {en_why}. The later deadlines are then never reached. Write the date the work ends, or the date you expect it to.",
            label(&format!("pauses[{i}]"), Lang::En)
        ),
    )
    .at(path)
}

/// An override of `H` must lie from `T(15)` to `L(6 md)`; there is none to give when `L(6 md)`
/// lies before `start` (RULES.md § 2).
fn checked_override(ledighed: &Ledighed, date: NaiveDate, lang: Lang) -> Result<Handover, PlanError> {
    let first = ledighed.t(15);
    let Some(last) = ledighed.reach(Span::Months(6)).map(|r| r.date) else {
        return Err(PlanError::new(
            ErrorCode::HandoverRange,
            lang,
            format!(
                "Overgangsdatoen {} kan ikke angives: med timerne fra tidligere ledighed er 6 måneders ledighed nået før første ledighedsdag, så jobcentret eller kommunen har dit forløb fra første dag.",
                short(date, Lang::Da)
            ),
            format!(
                "The hand-over date {} cannot be given: with the hours from earlier unemployment, 6 months of unemployment were reached before the first day, so the jobcentre or municipality holds your plan from the first day.",
                short(date, Lang::En)
            ),
        )
        .at("handover"));
    };
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
    Ok(Handover {
        date,
        basis: HandoverBasis::Given,
    })
}

impl Setup {
    /// Only a plan with a hand-over has samtaler bounded by it (`setup` sees to that).
    pub(super) fn h(&self) -> Result<Handover, PlanError> {
        self.handover
            .ok_or_else(|| PlanError::internal("a bound uses H, the plan has none", self.lang))
    }

    /// The date of a bound; `None` for a milestone that lies before `start` (the hours from an
    /// earlier spell reach it).
    pub(super) fn date(&self, bound: Bound) -> Result<Option<NaiveDate>, PlanError> {
        let ledighed = &self.ledighed;
        let reached = |span: Span| ledighed.reach(span).map(|r| r.date);
        Ok(match bound {
            Bound::Start => Some(ledighed.start()),
            Bound::Days(d) => Some(ledighed.t(d)),
            Bound::Reached(span) => reached(span),
            Bound::ReachedPlus(span, d) => reached(span).map(|l| plus_days(l, d)),
            Bound::Handover => Some(self.h()?.date),
            Bound::BeforeHandover(span) => {
                let h = self.h()?.date;
                reached(span).map(|l| l.min(h.pred_opt().unwrap_or(h)))
            }
        })
    }

    /// A samtale's window — its earliest date at least `start` — or why it is not owed in this
    /// registration (RULES.md § 2, `prior_hours`): an a-kasse samtale when the hand-over is on
    /// `start`; a samtale whose latest date lies before `start`, or whose window is then empty.
    pub(super) fn window(&self, spec: &Spec) -> Result<Result<(NaiveDate, NaiveDate), NotOwedReason>, PlanError> {
        let start = self.ledighed.start();
        if spec.while_akasse_holds && self.handover.is_some_and(|h| h.date <= start) {
            return Ok(Err(NotOwedReason::HandoverAtStart));
        }
        let Some(latest) = self.date(spec.latest)? else {
            return Ok(Err(NotOwedReason::EarlierSpell));
        };
        let earliest = self.date(spec.earliest)?.map_or(start, |d| d.max(start));
        Ok(if earliest <= latest {
            Ok((earliest, latest))
        } else {
            Err(NotOwedReason::EarlierSpell)
        })
    }
}

/// The answer when the regime does not model the request's group (the rules' [`GroupUnsupported`]).
///
/// [`GroupUnsupported`]: crate::rules::regimes::GroupUnsupported
fn group_unsupported(regime: &Regime, req: &Request) -> PlanError {
    PlanError::new(
        ErrorCode::GroupUnsupported,
        req.lang,
        format!(
            "Gruppen med kontaktforløb i jobcentret fra første dag er ikke beskrevet for reglerne {} ({}). Beregneren kan kun vise standardforløbet for ledighed, der begynder {}.",
            regime.id,
            regime.name.da,
            short(req.start, Lang::Da)
        ),
        format!(
            "The group with the jobcentre from day one is not modelled for the rules {} ({}). The calculator can only show the standard plan for unemployment beginning {}.",
            regime.id,
            regime.name.en,
            short(req.start, Lang::En)
        ),
    )
    .at("group")
}

//! From a valid request to a plan: choose the regime, run the ledighed counter, evaluate each samtale's
//! window, and explain every date.

use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::lang::{Lang, Text};
use crate::contract::request::Request;
use crate::contract::response::{
    ComparedSamtale, Comparison, Message, Milestones, Next, PauseEcho, RegimeInfo, Response, SCHEMA, Samtale, Status,
};
use crate::rules::dates::{long, period, short, ymd};
use crate::rules::holidays::{is_non_working, last_working_day_before, non_working_reason};
use crate::rules::ledighed::{AccrualDays, FROZEN, Handover, Ledighed, Period, Reached, Span};
use crate::rules::regimes::{self, Bound, Holder, Obligation, Regime, Spec};
use chrono::{Days, NaiveDate};
use std::borrow::Cow;

fn plus_days(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(days))).unwrap_or(NaiveDate::MAX)
}

/// The day a new main law on the employment effort is expected (RULES.md § 3).
pub const EXPECTED_CHANGE: NaiveDate = ymd(2027, 1, 1);

/// Computes the plan for a valid request.
pub fn plan(req: &Request) -> Result<Response, PlanError> {
    let regime = regimes::for_start(req.start).ok_or_else(|| {
        // The request reader refuses such starts; this is the same answer, should it be reached.
        PlanError::new(
            ErrorCode::StartTooEarly,
            req.lang,
            "Beregneren kender ingen regler for den første ledighedsdag.".into(),
            "The calculator knows no rules for that first day of unemployment.".into(),
        )
    })?;
    let mut response = plan_under(req, regime)?;
    if req.compare {
        response.comparison = compare(req, regime, response.samtaler.len());
    }
    Ok(response)
}

/// The plan under the neighbouring regime — the one before, or after the first — in short; `None`
/// where that regime cannot plan for the request (a group it does not model).
fn compare(req: &Request, regime: &Regime, count: usize) -> Option<Comparison> {
    let (other, before) = match regimes::previous(regime) {
        Some(previous) => (previous, true),
        None => (regimes::next_after(regime)?, false),
    };
    let plain = Request {
        compare: false,
        today: None,
        ..req.clone()
    };
    let other_plan = plan_under(&plain, other)
        .or_else(|_| {
            plan_under(
                &Request {
                    handover: None,
                    ..plain.clone()
                },
                other,
            )
        })
        .ok()?;
    let lang = req.lang;
    let n = other_plan.samtaler.len();
    let (da_when, en_when) = if before {
        (
            format!("før {}", short(regime.from, Lang::Da)),
            format!("before {}", short(regime.from, Lang::En)),
        )
    } else {
        (
            format!("fra {}", short(other.from, Lang::Da)),
            format!("from {}", short(other.from, Lang::En)),
        )
    };
    let tense = if before {
        ("begyndte", "began")
    } else {
        ("begynder", "begins")
    };
    let text = lang.pick(
        format!(
            "Efter reglerne for ledighed, der {} {da_when} ({}), ville du have haft {n} samtaler i stedet for {count}.",
            tense.0, other.name.da
        ),
        format!(
            "Under the rules for unemployment that {} {en_when} ({}), you would have had {n} interviews instead of {count}.",
            tense.1, other.name.en
        ),
    );
    Some(Comparison {
        regime: other_plan.regime,
        text,
        samtaler: other_plan
            .samtaler
            .into_iter()
            .map(|s| ComparedSamtale {
                id: s.id,
                title: s.title,
                holder: s.holder,
                holder_label: s.holder_label,
                earliest: s.earliest,
                latest: s.latest,
            })
            .collect(),
    })
}

/// What a plan under a regime is computed from: its samtaler, the ledighed counter, the hand-over.
struct Setup {
    specs: Cow<'static, [Spec]>,
    ledighed: Ledighed,
    handover: Option<Handover>,
    /// Who takes over at the hand-over (jobcentret, kommunen), for the words.
    handover_to: Holder,
    lang: Lang,
}

fn setup(req: &Request, regime: &Regime) -> Result<Setup, PlanError> {
    let lang = req.lang;
    let specs = (regime.samtaler)(req)?;
    let pauses: Vec<Period> = req.pauses.iter().map(|p| p.period).collect();
    let ledighed = Ledighed::new(req.start, req.insurance, &pauses);
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

/// A plan's dates without a word of text: what a caseload of many thousand members needs.
pub struct Windows {
    pub regime: &'static Regime,
    pub ledighed: Ledighed,
    pub handover: Option<NaiveDate>,
    pub samtaler: Vec<Window>,
}

/// One samtale's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub id: &'static str,
    pub title: Text,
    pub holder: Holder,
    pub obligation: Obligation,
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
}

/// The windows of a valid request's plan; the same dates [`plan`] gives, computed without text.
pub fn windows(req: &Request) -> Result<Windows, PlanError> {
    let regime = regimes::for_start(req.start).ok_or_else(|| PlanError::internal("no regime for start", req.lang))?;
    let setup = setup(req, regime)?;
    let samtaler = setup
        .specs
        .iter()
        .map(|spec| {
            Ok(Window {
                id: spec.id,
                title: spec.title,
                holder: spec.holder,
                obligation: spec.obligation,
                earliest: setup.date(spec.earliest)?,
                latest: setup.date(spec.latest)?,
            })
        })
        .collect::<Result<Vec<_>, PlanError>>()?;
    Ok(Windows {
        regime,
        handover: setup.handover.map(|h| h.date),
        ledighed: setup.ledighed,
        samtaler,
    })
}

/// The plan for a request under a given regime.
fn plan_under(req: &Request, regime: &Regime) -> Result<Response, PlanError> {
    let lang = req.lang;
    let ctx = setup(req, regime)?;
    let ledighed = &ctx.ledighed;
    let handover = ctx.handover;
    // Loops rather than `collect::<Result<…>>()`: the same work in less WebAssembly.
    let mut samtaler = Vec::with_capacity(ctx.specs.len());
    for spec in ctx.specs.iter() {
        samtaler.push(ctx.samtale(spec, req.today)?);
    }

    let mut warnings = non_working_warnings(&samtaler, lang);
    let last_latest = samtaler.iter().map(|s| s.latest).max().unwrap_or(req.start);
    if let Some(next) = regimes::next_after(regime).filter(|next| next.from <= last_latest) {
        warnings.push(newer_rules_warning(next, lang));
    }
    if req.start >= EXPECTED_CHANGE || last_latest >= EXPECTED_CHANGE {
        warnings.push(Message {
            code: "W_RULES_2027",
            text: lang
                .pick(
                    "En ny hovedlov om beskæftigelsesindsatsen ventes at gælde fra 1. januar 2027. Datoer fra den dag kan blive ændret.",
                    "A new main law on the employment effort is expected from 1 January 2027. Dates from that day on may change.",
                )
                .into(),
        });
    }

    let next = next_samtale(&samtaler, lang);
    Ok(Response {
        schema: SCHEMA,
        lang,
        start: req.start,
        today: req.today,
        insurance: req.insurance,
        group: req.group,
        pauses: req
            .pauses
            .iter()
            .map(|p| PauseEcho {
                from: p.period.from,
                to: p.period.to,
                reason: p.reason,
            })
            .collect(),
        regime: RegimeInfo {
            id: regime.id,
            name: regime.name.get(lang),
            from: regime.from,
            to: regime.to,
            citation: regime.citation,
        },
        milestones: Milestones {
            l3m: ledighed.reach(Span::Months(3)).date,
            l6m: ledighed.reach(Span::Months(6)).date,
            l16m: ledighed.reach(Span::Months(16)).date,
            handover: handover.map(|h| h.date),
        },
        next,
        samtaler,
        comparison: None,
        warnings,
        assumptions: assumptions(req, regime, ledighed, handover, last_latest),
    })
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
    fn h(&self) -> Result<Handover, PlanError> {
        self.handover
            .ok_or_else(|| PlanError::internal("a bound uses H, the plan has none", self.lang))
    }

    /// The date of a bound.
    fn date(&self, bound: Bound) -> Result<NaiveDate, PlanError> {
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

    /// How the date of a bound was found, in words.
    fn how(&self, bound: Bound) -> Result<String, PlanError> {
        let lang = self.lang;
        let ledighed = &self.ledighed;
        Ok(match bound {
            Bound::Start => lang.pick(
                format!("første ledighedsdag, {}", short(ledighed.start(), lang)),
                format!("the first day of unemployment, {}", short(ledighed.start(), lang)),
            ),
            Bound::Days(d) => lang.pick(
                format!("{d} dage efter første ledighedsdag, {}", short(ledighed.t(d), lang)),
                format!(
                    "{d} days after the first day of unemployment, {}",
                    short(ledighed.t(d), lang)
                ),
            ),
            Bound::Reached(span) => self.reached(span, ledighed.reach(span)),
            Bound::ReachedPlus(span, d) => {
                let r = ledighed.reach(span);
                let date = plus_days(r.date, d);
                lang.pick(
                    format!("{}: {d} dage efter {}", short(date, lang), self.reached(span, r)),
                    format!("{}: {d} days after {}", short(date, lang), self.reached(span, r)),
                )
            }
            Bound::Handover => self.handover_words(self.h()?),
            Bound::BeforeHandover(span) => {
                let r = ledighed.reach(span);
                let h = self.h()?;
                let day_before = h.date.pred_opt().unwrap_or(h.date);
                let to = self.handover_to.label(lang);
                if day_before < r.date {
                    lang.pick(
                        format!(
                            "dagen før {}, {}; {} ledighed nås først {}",
                            self.handover_words(h),
                            short(day_before, lang),
                            span.label(lang),
                            short(r.date, lang)
                        ),
                        format!(
                            "the day before {}, {}; {} of unemployment is only reached {}",
                            self.handover_words(h),
                            short(day_before, lang),
                            span.label(lang),
                            short(r.date, lang)
                        ),
                    )
                } else {
                    let (da, en) = if r.date == day_before {
                        (
                            "som også er dagen før overgangen til",
                            "which is also the day before the hand-over to",
                        )
                    } else {
                        ("før overgangen til", "before the hand-over to")
                    };
                    lang.pick(
                        format!("{} – {da} {to} {}", self.reached(span, r), short(h.date, lang)),
                        format!("{} – {en} {to} {}", self.reached(span, r), short(h.date, lang)),
                    )
                }
            }
        })
    }

    fn samtale(&self, spec: &Spec, today: Option<NaiveDate>) -> Result<Samtale, PlanError> {
        let lang = self.lang;
        let (earliest, latest) = (self.date(spec.earliest)?, self.date(spec.latest)?);
        let after = spec.after.map_or(String::new(), |id| {
            lang.pick(format!("Holdes efter {id}. "), format!("Held after {id}. "))
        });
        let (from, to) = (self.how(spec.earliest)?, self.how(spec.latest)?);
        let explanation = lang.pick(
            format!("{after}Tidligst {from}. Senest {to}."),
            format!("{after}Earliest {from}. Latest {to}."),
        );
        let non_working = is_non_working(latest);
        Ok(Samtale {
            id: spec.id,
            title: spec.title.get(lang),
            note: spec.note.map(|n| n.get(lang)),
            holder: spec.holder,
            holder_label: spec.holder.label(lang),
            obligation: spec.obligation,
            earliest,
            latest,
            nominal: spec.nominal().map(|span| self.ledighed.reach(span).date),
            after: spec.after,
            citation: spec.citation,
            basis: spec.basis,
            source: spec.source,
            explanation,
            status: today.map(|t| Status::of(t, earliest, latest)),
            latest_non_working: non_working,
            last_working_day: non_working.then(|| last_working_day_before(latest)),
        })
    }

    /// "65. ledighedsdag, 31. maj 2024: 3 måneder = 480,99 timer; 65 dage à 7,4 timer = 481 timer".
    fn reached(&self, span: Span, r: Reached) -> String {
        let lang = self.lang;
        let ins = self.ledighed.insurance();
        let k = r.days.get();
        let hours = span.hours(ins).format(lang);
        let per_day = ins.per_day().format(lang);
        let total = r.days.hours(ins).format(lang);
        let skipped = match r.skipped {
            0 => String::new(),
            n => lang.pick(
                format!(" ({n} hverdage uden dagpenge tæller ikke)"),
                format!(" ({n} weekdays without dagpenge do not count)"),
            ),
        };
        lang.pick(
            format!(
                "{k}. ledighedsdag, {}: {} = {hours} timer; {k} dage à {per_day} timer = {total} timer{skipped}",
                short(r.date, lang),
                span.label(lang)
            ),
            format!(
                "accrual day {k}, {}: {} = {hours} hours; {k} days at {per_day} hours = {total} hours{skipped}",
                short(r.date, lang),
                span.label(lang)
            ),
        )
    }

    /// "overgangen til jobcentret 1. juni 2024 (første dag i måneden efter 56. ledighedsdag, …)".
    fn handover_words(&self, h: Handover) -> String {
        let lang = self.lang;
        let to = self.handover_to.label(lang);
        let ins = self.ledighed.insurance();
        match h.trigger {
            Some(t) => lang.pick(
                format!(
                    "overgangen til {to} {} (første dag i måneden efter {}. ledighedsdag, {}, hvor over {} timer er udbetalt: {} timer)",
                    short(h.date, lang),
                    t.days.get(),
                    short(t.date, lang),
                    ins.handover_threshold().format(lang),
                    t.days.hours(ins).format(lang)
                ),
                format!(
                    "the hand-over to {to} on {} (the first day of the month after accrual day {}, {}, when more than {} hours have been paid: {} hours)",
                    short(h.date, lang),
                    t.days.get(),
                    short(t.date, lang),
                    ins.handover_threshold().format(lang),
                    t.days.hours(ins).format(lang)
                ),
            ),
            None => lang.pick(
                format!("overgangen til {to} {}, som a-kassen har oplyst", short(h.date, lang)),
                format!("the hand-over to {to} on {}, as given by the a-kasse", short(h.date, lang)),
            ),
        }
    }
}

/// The samtale to attend next: among those whose window has not passed (and that are not merely
/// conditional), the one with the nearest latest date; the plan's order breaks ties.
fn next_samtale(samtaler: &[Samtale], lang: Lang) -> Option<Next> {
    let s = samtaler
        .iter()
        .filter(|s| {
            matches!(s.status, Some(Status::Open | Status::Upcoming)) && s.obligation != Obligation::Conditional
        })
        .min_by_key(|s| s.latest)?;
    let status = s.status?;
    let text = match status {
        Status::Upcoming => lang.pick(
            format!(
                "Din næste samtale: {}, tidligst {} og senest {}.",
                s.title,
                long(s.earliest, lang),
                long(s.latest, lang)
            ),
            format!(
                "Your next interview: {}, from {} and by {} at the latest.",
                s.title,
                long(s.earliest, lang),
                long(s.latest, lang)
            ),
        ),
        _ => lang.pick(
            format!("Din næste samtale: {}, senest {}.", s.title, long(s.latest, lang)),
            format!(
                "Your next interview: {}, by {} at the latest.",
                s.title,
                long(s.latest, lang)
            ),
        ),
    };
    Some(Next { id: s.id, status, text })
}

/// One warning for each latest date that is not a working day, naming every samtale that ends on it.
fn non_working_warnings(samtaler: &[Samtale], lang: Lang) -> Vec<Message> {
    let mut days: Vec<(NaiveDate, Vec<&Samtale>)> = Vec::new();
    for s in samtaler.iter().filter(|s| s.latest_non_working) {
        match days.iter_mut().find(|(day, _)| *day == s.latest) {
            Some((_, list)) => list.push(s),
            None => days.push((s.latest, vec![s])),
        }
    }
    days.into_iter()
        .map(|(day, list)| {
            let ids = join_ids(list.iter().map(|s| s.id), lang);
            let reason = non_working_reason(day, lang).unwrap_or_default();
            let before = last_working_day_before(day);
            let empty: Vec<&str> = list.iter().filter(|s| before < s.earliest).map(|s| s.id).collect();
            let empty = match empty.is_empty() {
                true => String::new(),
                false => {
                    let ids = join_ids(empty.into_iter(), lang);
                    lang.pick(format!(" Vinduet for {ids} rummer ingen arbejdsdag."), format!(" The window of {ids} holds no working day."))
                }
            };
            Message {
                code: "W_LATEST_NON_WORKING",
                text: lang.pick(
                    format!(
                        "{ids}: den seneste dato, {}, er ikke en arbejdsdag ({reason}). Ingen regel flytter fristen; sidste arbejdsdag før er {}.{empty}",
                        long(day, lang),
                        long(before, lang)
                    ),
                    format!(
                        "{ids}: the latest date, {}, is not a working day ({reason}). No rule moves the deadline; the last working day before it is {}.{empty}",
                        long(day, lang),
                        long(before, lang)
                    ),
                ),
            }
        })
        .collect()
}

/// "A2 og A3", "J1, J2 og J3".
fn join_ids<'a>(ids: impl Iterator<Item = &'a str>, lang: Lang) -> String {
    let ids: Vec<&str> = ids.collect();
    match ids.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {} {last}", rest.join(", "), lang.pick("og", "and")),
        _ => ids.concat(),
    }
}

fn newer_rules_warning(next: &Regime, lang: Lang) -> Message {
    Message {
        code: "W_NEWER_RULES",
        text: lang.pick(
            format!(
                "Nye regler ({}) gælder for ledighed, der begynder fra {}. Planen følger de regler, der gjaldt, da ledigheden begyndte, sådan som overgangen i 2024 blev håndteret i praksis.",
                next.name.da,
                short(next.from, lang)
            ),
            format!(
                "New rules ({}) apply to unemployment beginning from {}. The plan follows the rules in force when the unemployment began, as the 2024 change was handled in practice.",
                next.name.en,
                short(next.from, lang)
            ),
        ),
    }
}

fn assumptions(
    req: &Request,
    regime: &Regime,
    ledighed: &Ledighed,
    handover: Option<Handover>,
    last_latest: NaiveDate,
) -> Vec<Message> {
    let lang = req.lang;
    let ins = req.insurance;
    let fixed = |code: &'static str, text: Text| Message {
        code,
        text: text.get(lang).into(),
    };
    let mut out = Vec::new();
    out.push(Message {
        code: "A_REGIME_BY_START",
        text: lang.pick(
            format!(
                "Reglerne er valgt ud fra første ledighedsdag: {} ({}) gælder for ledighed, der begynder {}.",
                regime.name.da,
                regime.id,
                period(regime.from, regime.to, lang)
            ),
            format!(
                "The rules are chosen by the first day of unemployment: {} ({}) applies to unemployment beginning {}.",
                regime.name.en,
                regime.id,
                period(regime.from, regime.to, lang)
            ),
        ),
    });
    let (da_ins, en_ins) = match ins {
        crate::rules::ledighed::Insurance::Fuldtid => ("fuldtidsforsikret", "insured full-time"),
        crate::rules::ledighed::Insurance::Deltid => ("deltidsforsikret", "insured part-time"),
    };
    out.push(Message {
        code: "A_CONTINUOUS",
        text: lang.pick(
            format!(
                "Beregningen går ud fra, at du er {da_ins} og ledig uden afbrydelser ud over de angivne pauser: hver hverdag med dagpenge tæller {} timer (1 uge = {} timer, 1 måned = {} timer). Helligdage på hverdage tæller med; lørdage og søndage gør ikke.",
                ins.per_day().format(lang),
                ins.per_week().format(lang),
                ins.per_month().format(lang)
            ),
            format!(
                "The calculation assumes that you are {en_ins} and unemployed without breaks other than the pauses given: each weekday with dagpenge counts {} hours (1 week = {} hours, 1 month = {} hours). Public holidays on weekdays count; Saturdays and Sundays do not.",
                ins.per_day().format(lang),
                ins.per_week().format(lang),
                ins.per_month().format(lang)
            ),
        ),
    });
    if FROZEN.iter().any(|f| f.to >= ledighed.start() && f.from <= last_latest) {
        out.push(fixed(
            "A_COVID_FREEZE",
            Text::new(
                "Timer fra 1. marts til 31. august 2020 og fra 1. januar til 30. juni 2021 tæller ikke med (COVID-19).",
                "Hours from 1 March to 31 August 2020 and from 1 January to 30 June 2021 do not count (COVID-19).",
            ),
        ));
    }
    match handover.map(|h| h.trigger.is_some()) {
        Some(true) => out.push(Message {
            code: "A_HANDOVER_ESTIMATED",
            text: lang.pick(
                format!(
                    "Overgangen fra a-kassen er beregnet efter 410-timers-reglen: første dag i måneden efter den måned, hvor over {} dagpengetimer er udbetalt ({} dage). Brug den dato, din a-kasse giver dig, hvis den er en anden.",
                    ins.handover_threshold().format(lang),
                    AccrualDays::for_handover(ins).get()
                ),
                format!(
                    "The hand-over from the a-kasse is estimated by the 410-hour rule: the first day of the month after the month in which more than {} hours of dagpenge have been paid ({} days). Use the date your a-kasse gives you if it differs.",
                    ins.handover_threshold().format(lang),
                    AccrualDays::for_handover(ins).get()
                ),
            ),
        }),
        Some(false) => out.push(fixed(
            "A_HANDOVER_GIVEN",
            Text::new(
                "Overgangen fra a-kassen er den dato, du har angivet.",
                "The hand-over from the a-kasse is the date you gave.",
            ),
        )),
        None => {}
    }
    out.push(fixed(
        "A_DEADLINES_NOT_MOVED",
        Text::new(
            "En seneste dato, der falder på en weekend eller helligdag, flyttes ikke; den bliver markeret.",
            "A latest date that falls on a weekend or public holiday is not moved; it is flagged.",
        ),
    ));
    out.extend((regime.notes)(req).into_iter().map(|n| fixed(n.code, n.text)));
    out.push(fixed(
        "A_VEJLEDENDE",
        Text::new(
            "Alle datoer er vejledende. Din a-kasse og dit jobcenter fastsætter de rigtige datoer og indkalder dig.",
            "All dates are indicative (vejledende). Your a-kasse and jobcentre set the real dates and call you in.",
        ),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::request::from_json;

    fn plan_of(json: &str) -> Response {
        plan(&from_json(json).expect("valid")).expect("a plan")
    }

    #[test]
    fn the_next_samtale_is_the_nearest_deadline_not_yet_passed() {
        let next = |json: &str| plan_of(json).next.map(|n| (n.id, n.text));
        assert_eq!(
            next(r#"{"start":"2024-03-04","today":"2024-05-01"}"#),
            Some((
                "A2",
                "Din næste samtale: 2. jobsamtale i a-kassen, senest fredag 31. maj 2024.".to_string()
            ))
        );
        let (id, text) = next(r#"{"start":"2024-03-04","today":"2024-05-31","lang":"en"}"#).expect("next");
        assert_eq!(id, "A2", "the last day of A2's window");
        assert!(text.contains("by Friday 31 May 2024"), "{text}");
        let (id, text) = next(r#"{"start":"2024-03-04","today":"2024-06-01"}"#).expect("next");
        assert_eq!(id, "J1");
        assert!(text.contains("senest fredag 30. august 2024"), "{text}");
        // Before the window opens, both ends are given.
        let (id, text) = next(r#"{"start":"2024-03-04","today":"2024-03-01"}"#).expect("next");
        assert_eq!(id, "A1");
        assert!(
            text.contains("tidligst mandag 4. marts 2024 og senest mandag 18. marts 2024"),
            "{text}"
        );
        // A conditional samtale (R2020's F1) is not announced as the next one.
        let (id, _) = next(r#"{"start":"2022-05-02","today":"2022-05-20"}"#).expect("next");
        assert_ne!(id, "F1");
        assert_eq!(
            next(r#"{"start":"2024-03-04","today":"2026-01-01"}"#),
            None,
            "everything has passed"
        );
        assert_eq!(next(r#"{"start":"2024-03-04"}"#), None, "no today, no next");
    }

    #[test]
    fn ids_are_joined_the_danish_and_english_way() {
        assert_eq!(join_ids(["A2"].into_iter(), Lang::Da), "A2");
        assert_eq!(join_ids(["A2", "A3"].into_iter(), Lang::Da), "A2 og A3");
        assert_eq!(join_ids(["J1", "J2", "J3"].into_iter(), Lang::En), "J1, J2 and J3");
    }

    #[test]
    fn one_warning_per_non_working_day_and_a_window_without_a_working_day_is_named() {
        // Start Wed 2024-06-26: L(6 md) is Tue 24 December 2024 (juleaftensdag). With the hand-over
        // given as that same day, J1–J3 may only be held on a day that is not a working day.
        let p = plan_of(r#"{"start":"2024-06-26","handover":"2024-12-24"}"#);
        assert_eq!(p.milestones.l6m, ymd(2024, 12, 24));
        let flagged: Vec<&Message> = p.warnings.iter().filter(|w| w.code == "W_LATEST_NON_WORKING").collect();
        assert_eq!(flagged.len(), 1, "{flagged:?}");
        assert!(flagged[0].text.starts_with("J1, J2 og J3:"), "{}", flagged[0].text);
        assert!(flagged[0].text.contains("(juleaftensdag)"), "{}", flagged[0].text);
        assert!(
            flagged[0]
                .text
                .contains("Vinduet for J1, J2 og J3 rummer ingen arbejdsdag."),
            "{}",
            flagged[0].text
        );
    }

    #[test]
    fn the_comparison_looks_back_and_for_the_first_regime_forward() {
        let p = plan_of(r#"{"start":"2024-03-04","compare":true}"#);
        let c = p.comparison.expect("a comparison");
        assert_eq!((c.regime.id, c.samtaler.len()), ("R2020", 10));
        assert!(
            c.text.contains("før 1. januar 2024") && c.text.contains("10 samtaler i stedet for 7"),
            "{}",
            c.text
        );
        let p = plan_of(r#"{"start":"2017-03-06","compare":true,"lang":"en"}"#);
        let c = p.comparison.expect("a comparison");
        assert_eq!(c.regime.id, "R2020");
        assert!(c.text.contains("from 1 January 2020"), "{}", c.text);
        // A hand-over given for R2026 carries over to R2024, which has one too.
        let p = plan_of(r#"{"start":"2026-07-06","handover":"2026-09-01","compare":true}"#);
        let c = p.comparison.expect("a comparison");
        assert_eq!(c.regime.id, "R2024");
        assert_eq!(
            c.samtaler.iter().find(|s| s.id == "J1").map(|s| s.earliest),
            Some(ymd(2026, 9, 1))
        );
        // R2020 has no hand-over: the comparison drops it rather than failing.
        let p = plan_of(r#"{"start":"2024-03-04","handover":"2024-06-03","compare":true}"#);
        assert_eq!(p.comparison.map(|c| c.regime.id), Some("R2020"));
        // The "from day one" group has no counterpart in R2020: no comparison, and no error.
        let p = plan_of(r#"{"start":"2024-03-04","group":"jobcenter_from_day_one","compare":true}"#);
        assert!(p.comparison.is_none());
        // Without "compare" there is none.
        assert!(plan_of(r#"{"start":"2024-03-04"}"#).comparison.is_none());
    }
}

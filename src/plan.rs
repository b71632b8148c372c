//! From a valid request to a plan: choose the regime, run the clock, evaluate each samtale's
//! window, and explain every date.

use crate::calendar::{is_non_working, last_working_day_before, non_working_reason};
use crate::clock::{Clock, FROZEN, Handover, Period, Reached, Span};
use crate::dates::{long, period, short, ymd};
use crate::error::{ErrorCode, PlanError};
use crate::lang::{Lang, Text};
use crate::regimes::{self, Bound, Holder, Regime, Spec};
use crate::request::Request;
use crate::response::{
    ComparedSamtale, Comparison, Message, Milestones, RegimeInfo, Response, SCHEMA, Samtale, Status,
};
use chrono::{Days, NaiveDate};

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

/// The plan for a request under a given regime.
fn plan_under(req: &Request, regime: &Regime) -> Result<Response, PlanError> {
    let lang = req.lang;
    let specs = (regime.samtaler)(req)?;
    let pauses: Vec<Period> = req.pauses.iter().map(|p| p.period).collect();
    let clock = Clock::new(req.start, req.insurance, &pauses);
    let handover_to = specs
        .iter()
        .find(|s| s.earliest == Bound::Handover)
        .map_or(Holder::Jobcenter, |s| s.holder);
    let handover = if specs
        .iter()
        .any(|s| s.earliest.uses_handover() || s.latest.uses_handover())
    {
        Some(match req.handover {
            Some(date) => checked_override(&clock, date, lang)?,
            None => clock.handover(),
        })
    } else if req.handover.is_some() {
        return Err(PlanError::new(
            ErrorCode::HandoverNotApplicable,
            lang,
            "Denne plan har ingen overgang fra a-kassen til jobcentret, så en overgangsdato kan ikke angives.".into(),
            "This plan has no hand-over from the a-kasse to the jobcentre, so a hand-over date cannot be given.".into(),
        ));
    } else {
        None
    };
    let ctx = Context {
        clock: &clock,
        handover,
        handover_to,
        lang,
    };
    let samtaler: Vec<Samtale> = specs.iter().map(|spec| ctx.samtale(spec, req.today)).collect();

    let mut warnings = Vec::new();
    for s in samtaler.iter().filter(|s| s.latest_non_working) {
        warnings.push(non_working_warning(s, lang));
    }
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

    Ok(Response {
        schema: SCHEMA,
        lang,
        start: req.start,
        insurance: req.insurance,
        group: req.group,
        regime: RegimeInfo {
            id: regime.id,
            name: regime.name.get(lang),
            from: regime.from,
            to: regime.to,
            citation: regime.citation,
        },
        milestones: Milestones {
            l3m: clock.reach(Span::Months(3)).date,
            l6m: clock.reach(Span::Months(6)).date,
            l16m: clock.reach(Span::Months(16)).date,
            handover: handover.map(|h| h.date),
        },
        samtaler,
        comparison: None,
        warnings,
        assumptions: assumptions(req, regime, &clock, handover, last_latest),
    })
}

/// An override of `H` must lie from `T(15)` to `L(6 md)` (RULES.md § 2).
fn checked_override(clock: &Clock, date: NaiveDate, lang: Lang) -> Result<Handover, PlanError> {
    let (first, last) = (clock.t(15), clock.reach(Span::Months(6)).date);
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
        ));
    }
    Ok(Handover { date, trigger: None })
}

struct Context<'a> {
    clock: &'a Clock,
    handover: Option<Handover>,
    handover_to: Holder,
    lang: Lang,
}

/// A date with the words that say how it was found.
struct Found {
    date: NaiveDate,
    how: String,
}

impl Context<'_> {
    fn samtale(&self, spec: &Spec, today: Option<NaiveDate>) -> Samtale {
        let lang = self.lang;
        let earliest = self.eval(spec.earliest);
        let latest = self.eval(spec.latest);
        let after = spec.after.map_or(String::new(), |id| {
            lang.pick(format!("Holdes efter {id}. "), format!("Held after {id}. "))
        });
        let explanation = lang.pick(
            format!("{after}Tidligst {}. Senest {}.", earliest.how, latest.how),
            format!("{after}Earliest {}. Latest {}.", earliest.how, latest.how),
        );
        let non_working = is_non_working(latest.date);
        Samtale {
            id: spec.id,
            title: spec.title.get(lang),
            note: spec.note.map(|n| n.get(lang)),
            holder: spec.holder,
            holder_label: spec.holder.label(lang),
            obligation: spec.obligation,
            earliest: earliest.date,
            latest: latest.date,
            nominal: spec.nominal().map(|span| self.clock.reach(span).date),
            after: spec.after,
            citation: spec.citation,
            basis: spec.basis,
            explanation,
            status: today.map(|t| Status::of(t, earliest.date, latest.date)),
            latest_non_working: non_working,
            last_working_day: non_working.then(|| last_working_day_before(latest.date)),
        }
    }

    fn eval(&self, bound: Bound) -> Found {
        let lang = self.lang;
        let clock = self.clock;
        match bound {
            Bound::Start => Found {
                date: clock.start(),
                how: lang.pick(
                    format!("første ledighedsdag, {}", short(clock.start(), lang)),
                    format!("the first day of unemployment, {}", short(clock.start(), lang)),
                ),
            },
            Bound::Days(d) => Found {
                date: clock.t(d),
                how: lang.pick(
                    format!("{d} dage efter første ledighedsdag, {}", short(clock.t(d), lang)),
                    format!(
                        "{d} days after the first day of unemployment, {}",
                        short(clock.t(d), lang)
                    ),
                ),
            },
            Bound::Reached(span) => {
                let r = clock.reach(span);
                Found {
                    date: r.date,
                    how: self.reached(span, r),
                }
            }
            Bound::ReachedPlus(span, d) => {
                let r = clock.reach(span);
                let date = r
                    .date
                    .checked_add_days(Days::new(u64::from(d)))
                    .unwrap_or(NaiveDate::MAX);
                Found {
                    date,
                    how: lang.pick(
                        format!("{}: {d} dage efter {}", short(date, lang), self.reached(span, r)),
                        format!("{}: {d} days after {}", short(date, lang), self.reached(span, r)),
                    ),
                }
            }
            Bound::Handover => match self.handover {
                Some(h) => Found {
                    date: h.date,
                    how: self.handover_words(h),
                },
                // Only regimes with a hand-over use this bound, and `plan` gives them one.
                None => self.eval(Bound::Start),
            },
            Bound::BeforeHandover(span) => {
                let r = clock.reach(span);
                let Some(h) = self.handover else {
                    return Found {
                        date: r.date,
                        how: self.reached(span, r),
                    };
                };
                let day_before = h.date.pred_opt().unwrap_or(h.date);
                let to = self.handover_to.label(lang);
                if day_before < r.date {
                    Found {
                        date: day_before,
                        how: lang.pick(
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
                        ),
                    }
                } else {
                    let (da, en) = if r.date == day_before {
                        (
                            "som også er dagen før overgangen til",
                            "which is also the day before the hand-over to",
                        )
                    } else {
                        ("før overgangen til", "before the hand-over to")
                    };
                    Found {
                        date: r.date,
                        how: lang.pick(
                            format!("{} – {da} {to} {}", self.reached(span, r), short(h.date, lang)),
                            format!("{} – {en} {to} {}", self.reached(span, r), short(h.date, lang)),
                        ),
                    }
                }
            }
        }
    }

    /// "65. ledighedsdag, 31. maj 2024: 3 måneder = 480,99 timer; 65 dage à 7,4 timer = 481 timer".
    fn reached(&self, span: Span, r: Reached) -> String {
        let lang = self.lang;
        let ins = self.clock.insurance();
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
        let ins = self.clock.insurance();
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

fn non_working_warning(s: &Samtale, lang: Lang) -> Message {
    let reason = non_working_reason(s.latest, lang).unwrap_or_default();
    let before = s.last_working_day.map(|d| long(d, lang)).unwrap_or_default();
    Message {
        code: "W_LATEST_NON_WORKING",
        text: lang.pick(
            format!(
                "{} ({}): den seneste dato, {}, er ikke en arbejdsdag ({reason}). Ingen regel flytter fristen; sidste arbejdsdag før er {before}.",
                s.id,
                s.title,
                long(s.latest, lang)
            ),
            format!(
                "{} ({}): the latest date, {}, is not a working day ({reason}). No rule moves the deadline; the last working day before it is {before}.",
                s.id,
                s.title,
                long(s.latest, lang)
            ),
        ),
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
    clock: &Clock,
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
        crate::clock::Insurance::Fuldtid => ("fuldtidsforsikret", "insured full-time"),
        crate::clock::Insurance::Deltid => ("deltidsforsikret", "insured part-time"),
    };
    out.push(Message {
        code: "A_CONTINUOUS",
        text: lang.pick(
            format!(
                "Du er {da_ins} og ledig uden afbrydelser ud over de angivne pauser: hver hverdag med dagpenge tæller {} timer (1 uge = {} timer, 1 måned = {} timer). Helligdage på hverdage tæller med; lørdage og søndage gør ikke.",
                ins.per_day().format(lang),
                ins.per_week().format(lang),
                ins.per_month().format(lang)
            ),
            format!(
                "You are {en_ins} and unemployed without breaks other than the pauses given: each weekday with dagpenge counts {} hours (1 week = {} hours, 1 month = {} hours). Public holidays on weekdays count; Saturdays and Sundays do not.",
                ins.per_day().format(lang),
                ins.per_week().format(lang),
                ins.per_month().format(lang)
            ),
        ),
    });
    if FROZEN.iter().any(|f| f.to >= clock.start() && f.from <= last_latest) {
        out.push(fixed(
            "A_COVID_FREEZE",
            Text::new(
                "Timer fra 1. marts til 31. august 2020 og fra 1. januar til 30. juni 2021 tæller ikke med (COVID-19).",
                "Hours from 1 March to 31 August 2020 and from 1 January to 30 June 2021 do not count (COVID-19).",
            ),
        ));
    }
    match handover.map(|h| h.trigger.is_some()) {
        Some(true) => out.push(fixed(
            "A_HANDOVER_ESTIMATED",
            Text::new(
                "Overgangen fra a-kassen er beregnet efter 410-timers-reglen: første dag i måneden efter den måned, hvor over 410 dagpengetimer er udbetalt (56 dage). Brug den dato, din a-kasse giver dig, hvis den er en anden.",
                "The hand-over from the a-kasse is estimated by the 410-hour rule: the first day of the month after the month in which more than 410 hours of dagpenge have been paid (56 days). Use the date your a-kasse gives you if it differs.",
            ),
        )),
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

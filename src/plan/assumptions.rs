//! What a plan assumes: the regime chosen, the hours counted, the hand-over, the COVID-19 freeze.

use super::warnings::periods;
use crate::contract::lang::{Lang, Text};
use crate::contract::request::{Request, label};
use crate::contract::response::Message;
use crate::rules::law;
use crate::rules::ledighed::{
    FROZEN, Handover, HandoverBasis, Ledighed, SICK_DAYS_WITH_DAGPENGE as SICK_DAYS, sickness_split,
};
use crate::rules::regimes::Regime;
use crate::vocabulary::dates::{period, short, span};
use crate::vocabulary::period::Effect;
use chrono::{Datelike, NaiveDate};

pub(super) fn assumptions(
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
        crate::vocabulary::insurance::Insurance::Fuldtid => ("fuldtidsforsikret", "insured full-time"),
        crate::vocabulary::insurance::Insurance::Deltid => ("deltidsforsikret", "insured part-time"),
    };
    out.push(Message {
        code: "A_CONTINUOUS",
        text: lang.pick(
            format!(
                "Beregningen går ud fra, at du er {da_ins} og ledig uden afbrydelser ud over de angivne perioder uden dagpenge: hver hverdag med dagpenge tæller {} timer (1 uge = {} timer, 1 måned = {} timer). Helligdage på hverdage tæller med; lørdage og søndage gør ikke.",
                ins.per_day().format(lang),
                ins.per_week().format(lang),
                ins.per_month().format(lang)
            ),
            format!(
                "The calculation assumes that you are {en_ins} and unemployed without breaks other than the periods without dagpenge given: each weekday with dagpenge counts {} hours (1 week = {} hours, 1 month = {} hours). Public holidays on weekdays count; Saturdays and Sundays do not.",
                ins.per_day().format(lang),
                ins.per_week().format(lang),
                ins.per_month().format(lang)
            ),
        ),
    });
    if FROZEN.iter().any(|f| f.to >= ledighed.start() && f.from <= last_latest) {
        out.push(Message {
            code: "A_COVID_FREEZE",
            text: lang.pick(
                format!("Timer {} tæller ikke med (COVID-19).", frozen_periods(lang)),
                format!("Hours {} do not count (COVID-19).", frozen_periods(lang)),
            ),
        });
    }
    if req.prior_hours.0 > 0 {
        let holder = match handover {
            Some(h) if h.date <= req.start => lang.pick("jobcentret eller kommunen", "the jobcentre or municipality"),
            _ => lang.pick("a-kassen", "the a-kasse"),
        };
        let p = req.prior_hours.format(lang);
        out.push(Message {
            code: "A_PRIOR_HOURS",
            text: lang.pick(
                format!(
                    "Beregningen regner med {p} timer fra tidligere ledighed i samme dagpengeperiode (de forbrugte timer, som a-kassens selvbetjening viser). Timerne tæller med fra første ledighedsdag (BEK om en aktiv beskæftigelsesindsats § 7, stk. 4). Samtaler, du allerede har holdt i den tidligere ledighed, kan tælle med i det antal samtaler, loven kræver: spørg {holder}."
                ),
                format!(
                    "The calculation counts {p} hours from earlier unemployment in the same dagpengeperiode (the hours used, as the a-kasse's self-service shows them). They count from the first day of unemployment (BEK om en aktiv beskæftigelsesindsats § 7(4)). Samtaler you already held in the earlier spell may count towards the number the law asks for: ask {holder}."
                ),
            ),
        });
    }
    out.extend(sickness_assumptions(req));
    let open: Vec<usize> = req
        .pauses
        .iter()
        .enumerate()
        .filter(|(_, p)| p.open_ended)
        .map(|(i, _)| i + 1)
        .collect();
    if !open.is_empty() {
        out.push(Message {
            code: "A_OPEN_ENDED",
            text: lang.pick(
                format!(
                    "{}: arbejdet på nedsat tid har ingen slutdato. Datoerne går ud fra, at det fortsætter med de samme timer; ændrer det sig, ændrer datoerne sig også.",
                    periods(&open, Lang::Da)
                ),
                format!(
                    "{}: the part-time work has no end date. The dates assume it goes on with the same hours; if that changes, the dates change too.",
                    periods(&open, Lang::En)
                ),
            ),
        });
    }
    if ledighed.has_part_time() {
        let w = ins.per_week().format(lang);
        out.push(Message {
            code: "A_PART_TIME",
            text: lang.pick(
                format!(
                    "I perioder med arbejde på nedsat tid tæller kun de timer, du får supplerende dagpenge for (BEK om en aktiv beskæftigelsesindsats § 7, stk. 1): hver hverdag tæller ({w} − dine timer om ugen) ÷ 5 timer, og intet, hvis du arbejder {w} timer om ugen eller mere. Det udskyder fristerne. Beregningen går ud fra, at du arbejder lige mange timer hver uge i perioden og får supplerende dagpenge for resten."
                ),
                format!(
                    "In periods of part-time work only the hours you get supplerende dagpenge for count (BEK om en aktiv beskæftigelsesindsats § 7(1)): each weekday counts ({w} − your hours a week) ÷ 5 hours, and nothing if you work {w} hours a week or more. This moves the deadlines later. The calculation assumes that you work the same hours every week of the period and get supplerende dagpenge for the rest."
                ),
            ),
        });
    }
    match handover.map(|h| h.basis) {
        Some(HandoverBasis::Counted(_)) => {
            // Whole days with dagpenge to pass the line: 56 both ways (RULES.md § 2).
            let prior = ledighed.prior();
            let days = (ins.handover_threshold().units().0 + 1)
                .saturating_sub(prior.0)
                .div_ceil(ins.per_day().0);
            // The rule is named by its full-time hours, whatever the insurance.
            let rule_hours = law::HANDOVER_HOURS.value.fuldtid;
            let (da_days, en_days) = if prior.0 > 0 {
                let p = prior.format(lang);
                (
                    format!("{p} timer fra tidligere ledighed og så {days} dage med fulde dagpenge"),
                    format!("{p} hours from earlier unemployment, then {days} days of full dagpenge"),
                )
            } else if ledighed.has_part_time() {
                (
                    format!("{days} dage med fulde dagpenge, flere med arbejde på nedsat tid"),
                    format!("{days} days of full dagpenge, more with part-time work"),
                )
            } else {
                (format!("{days} dage"), format!("{days} days"))
            };
            out.push(Message {
                code: "A_HANDOVER_ESTIMATED",
                text: lang.pick(
                    format!(
                        "Overgangen fra a-kassen er beregnet efter {}-timers-reglen: første dag i måneden efter den måned, hvor over {} dagpengetimer er udbetalt ({da_days}). Brug den dato, din a-kasse giver dig, hvis den er en anden.",
                        rule_hours.format(lang),
                        ins.handover_threshold().format(lang),
                    ),
                    format!(
                        "The hand-over from the a-kasse is estimated by the {}-hour rule: the first day of the month after the month in which more than {} hours of dagpenge have been paid ({en_days}). Use the date your a-kasse gives you if it differs.",
                        rule_hours.format(lang),
                        ins.handover_threshold().format(lang),
                    ),
                ),
            });
        }
        Some(HandoverBasis::Prior) => out.push(Message {
            code: "A_HANDOVER_PRIOR",
            text: lang.pick(
                format!(
                    "Med over {} timer fra tidligere ledighed i dagpengeperioden har jobcentret eller kommunen dit kontaktforløb fra første ledighedsdag: a-kassen har kun forløbet for ledige med mindre end tre måneders ledighed, når de melder sig ledige. Brug den dato, din a-kasse giver dig, hvis den er en anden.",
                    ins.handover_threshold().format(lang)
                ),
                format!(
                    "With more than {} hours from earlier unemployment in the dagpengeperiode, the jobcentre or municipality holds your contact process from the first day: the a-kasse holds it only for people with less than three months of unemployment when they register. Use the date your a-kasse gives you if it differs.",
                    ins.handover_threshold().format(lang)
                ),
            ),
        }),
        Some(HandoverBasis::Given) => out.push(fixed(
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
    out.extend((regime.notes)(req.group).into_iter().map(|n| fixed(n.code, n.text)));
    out.push(fixed(
        "A_VEJLEDENDE",
        Text::new(
            "Alle datoer er vejledende. Din a-kasse og dit jobcenter fastsætter de rigtige datoer og indkalder dig.",
            "All dates are indicative (vejledende). Your a-kasse and jobcentre set the real dates and call you in.",
        ),
    ));
    out
}

/// The frozen periods in words: "fra 1. marts til 31. august 2020 og fra 1. januar til 30. juni 2021"
/// / "from 1 March to 31 August 2020 and from …" (each period within one year).
fn frozen_periods(lang: Lang) -> String {
    let one = |p: &crate::vocabulary::period::Period| {
        let to = short(p.to, lang);
        let from = short(p.from, lang);
        let from = from.strip_suffix(&format!(" {}", p.from.year())).unwrap_or(&from);
        format!("{} {from} {} {to}", lang.pick("fra", "from"), lang.pick("til", "to"))
    };
    let all: Vec<String> = FROZEN.iter().map(one).collect();
    all.join(lang.pick(" og ", " and "))
}

/// How much of each sickness counted (RULES.md § 2): its first 14 days, all of it, or none of it.
fn sickness_assumptions(req: &Request) -> Vec<Message> {
    let lang = req.lang;
    let periods_all = req.periods();
    req.pauses
        .iter()
        .enumerate()
        .filter(|(_, p)| p.effect() == Effect::Sickness)
        .map(|(i, p)| {
            let split = sickness_split(p.period, &periods_all);
            let name = |l: Lang| {
                format!(
                    "{}, {} {}",
                    label(&format!("pauses[{i}]"), l),
                    l.pick("sygdom", "sickness"),
                    span(p.period.from, p.period.to, l)
                )
            };
            let text = match (split.counted, split.paused) {
                (None, _) => lang.pick(
                    format!("{}: du arbejdede på nedsat tid på første sygedag, så du får sygedagpenge fra kommunen fra 1. sygedag, og ingen af dagene tæller med.", name(Lang::Da)),
                    format!("{}: you worked part-time on the first day of sickness, so you get sygedagpenge from the municipality from the first day, and none of the days count.", name(Lang::En)),
                ),
                (Some(_), None) => lang.pick(
                    format!("{}: hele sygdommen ligger inden for de første {SICK_DAYS} dage og tæller med: dagpenge under sygdom.", name(Lang::Da)),
                    format!("{}: the whole sickness lies within the first {SICK_DAYS} days and counts: dagpenge during sickness.", name(Lang::En)),
                ),
                (Some(counted), Some(paused)) => lang.pick(
                    format!(
                        "{}: de første {SICK_DAYS} dage ({}) tæller med: dagpenge under sygdom. Fra {} tæller dagene ikke (sygedagpenge fra kommunen).",
                        name(Lang::Da),
                        span(counted.from, counted.to, Lang::Da),
                        short(paused.from, Lang::Da)
                    ),
                    format!(
                        "{}: the first {SICK_DAYS} days ({}) count: dagpenge during sickness. From {} the days do not count (sygedagpenge from the municipality).",
                        name(Lang::En),
                        span(counted.from, counted.to, Lang::En),
                        short(paused.from, Lang::En)
                    ),
                ),
            };
            Message { code: "A_SICKNESS", text }
        })
        .collect()
}

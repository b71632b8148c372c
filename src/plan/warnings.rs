//! What a plan warns of and assumes: latest dates that are not working days, newer rules and the
//! expected law of 2027; the regime chosen, the hours counted, the hand-over, the COVID-19 freeze.

use crate::contract::lang::{Lang, Text};
use crate::contract::request::Request;
use crate::contract::response::{Message, Samtale};
use crate::rules::dates::{long, period, short, ymd};
use crate::rules::holidays::{last_working_day_before, non_working_reason};
use crate::rules::ledighed::{FROZEN, Handover, Ledighed};
use crate::rules::regimes::{self, Regime};
use chrono::NaiveDate;

/// The day a new main law on the employment effort is expected (RULES.md § 3).
pub const EXPECTED_CHANGE: NaiveDate = ymd(2027, 1, 1);

/// The plan's warnings: one per latest date that is not a working day, then newer rules that
/// begin within the plan, then the law expected in 2027.
pub(super) fn warnings(req: &Request, regime: &Regime, samtaler: &[Samtale], last_latest: NaiveDate) -> Vec<Message> {
    let lang = req.lang;
    let mut warnings = non_working_warnings(samtaler, lang);
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
    warnings
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
        crate::rules::ledighed::Insurance::Fuldtid => ("fuldtidsforsikret", "insured full-time"),
        crate::rules::ledighed::Insurance::Deltid => ("deltidsforsikret", "insured part-time"),
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
        out.push(fixed(
            "A_COVID_FREEZE",
            Text::new(
                "Timer fra 1. marts til 31. august 2020 og fra 1. januar til 30. juni 2021 tæller ikke med (COVID-19).",
                "Hours from 1 March to 31 August 2020 and from 1 January to 30 June 2021 do not count (COVID-19).",
            ),
        ));
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
    match handover.map(|h| h.trigger.is_some()) {
        Some(true) => {
            // Whole days with dagpenge to pass the line: 56 both ways (RULES.md § 2).
            let days = (ins.handover_threshold().units().0 + 1).div_ceil(ins.per_day().0);
            let (da_days, en_days) = if ledighed.has_part_time() {
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
                        "Overgangen fra a-kassen er beregnet efter 410-timers-reglen: første dag i måneden efter den måned, hvor over {} dagpengetimer er udbetalt ({da_days}). Brug den dato, din a-kasse giver dig, hvis den er en anden.",
                        ins.handover_threshold().format(lang),
                    ),
                    format!(
                        "The hand-over from the a-kasse is estimated by the 410-hour rule: the first day of the month after the month in which more than {} hours of dagpenge have been paid ({en_days}). Use the date your a-kasse gives you if it differs.",
                        ins.handover_threshold().format(lang),
                    ),
                ),
            });
        }
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
    use crate::contract::response::Response;
    use crate::plan;

    fn plan_of(json: &str) -> Response {
        plan(&from_json(json).expect("valid")).expect("a plan")
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
}

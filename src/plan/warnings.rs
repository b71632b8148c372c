//! What a plan warns of: latest dates that are not working days, newer rules and the expected law
//! of 2027. What it assumes is written in `assumptions`.

use crate::contract::lang::Lang;
use crate::contract::request::{Pause, Request, label};
use crate::contract::response::{Message, NotOwed, NotOwedReason, Samtale};
use crate::rules::holidays::{last_working_day_before, non_working_reason};
use crate::rules::regimes::{self, Regime};
use crate::vocabulary::dates::{likely_year, long, short, ymd};
use crate::vocabulary::holder::Holder;
use crate::vocabulary::hours::Hundredths;
use crate::vocabulary::insurance::Insurance;
use chrono::{Datelike, NaiveDate};

/// The day a new main law on the employment effort is expected (RULES.md § 3).
pub const EXPECTED_CHANGE: NaiveDate = ymd(2027, 1, 1);

/// Part-time work of more hours a week than this leaves fewer than 14.8 hours of ledighed a month
/// (deltid 12), for which supplerende dagpenge are not paid (RULES.md § 2, "Not modelled, warned").
fn few_hours_line(insurance: Insurance) -> Hundredths {
    match insurance {
        Insurance::Fuldtid => Hundredths(3358),
        Insurance::Deltid => Hundredths(2723),
    }
}

/// Supplerende dagpenge are paid for at most 30 weeks within 104 (RULES.md § 2).
const PART_TIME_DAYS: i64 = 30 * 7;

/// The plan's warnings: first about what was typed (a year that looks like a slip, a period before
/// the first day, part-time work that may count nothing), then the samtaler not owed in this
/// registration, one per latest date that is not a working day, newer rules that begin within the
/// plan, and the law expected in 2027.
pub(super) fn warnings(
    req: &Request,
    regime: &Regime,
    handover_to: Holder,
    samtaler: &[Samtale],
    not_owed: &[NotOwed],
    last_latest: NaiveDate,
) -> Vec<Message> {
    let lang = req.lang;
    let mut warnings = input_warnings(req);
    if let Some(w) = not_owed_warning(req, handover_to, not_owed) {
        warnings.push(w);
    }
    warnings.extend(non_working_warnings(samtaler, lang));
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

/// Warnings about what was typed: a year that looks like two digits swapped, periods wholly
/// before the first day, part-time work of so many hours or so long that it may count nothing.
fn input_warnings(req: &Request) -> Vec<Message> {
    let lang = req.lang;
    let mut out = Vec::new();
    // Years: the first day against today; every other date against the first day.
    let mut slips: Vec<String> = Vec::new();
    let mut slip = |path: &str, date: NaiveDate, reference: i32, what: (&str, &str)| {
        if let Some(year) = likely_year(date.year(), reference) {
            slips.push(lang.pick(
                format!(
                    "{}: året {} ligger langt fra {} ({reference}) – mente du {year}?",
                    label(path, Lang::Da),
                    date.year(),
                    what.0
                ),
                format!(
                    "{}: the year {} is far from {} ({reference}) – did you mean {year}?",
                    label(path, Lang::En),
                    date.year(),
                    what.1
                ),
            ));
        }
    };
    if let Some(today) = req.today {
        slip("start", req.start, today.year(), ("i år", "this year"));
    }
    let first_day = ("første ledighedsdag", "the first day of unemployment");
    for (i, p) in req.pauses.iter().enumerate() {
        match p.given_to() {
            // The same slip at both ends of a period is said once, of the period.
            Some(to) if to.year() == p.period.from.year() => {
                slip(&format!("pauses[{i}]"), p.period.from, req.start.year(), first_day);
            }
            to => {
                slip(&format!("pauses[{i}].from"), p.period.from, req.start.year(), first_day);
                if let Some(to) = to {
                    slip(&format!("pauses[{i}].to"), to, req.start.year(), first_day);
                }
            }
        }
    }
    if let Some(h) = req.handover {
        slip("handover", h, req.start.year(), first_day);
    }
    if !slips.is_empty() {
        out.push(Message {
            code: "W_YEAR_TYPO",
            text: slips.join(" "),
        });
    }
    let numbered = |keep: &dyn Fn(&Pause) -> bool| -> Vec<usize> {
        req.pauses
            .iter()
            .enumerate()
            .filter(|(_, p)| keep(p))
            .map(|(i, _)| i + 1)
            .collect()
    };
    let before = numbered(&|p| p.period.to < req.start);
    if !before.is_empty() {
        out.push(Message {
            code: "W_PAUSE_BEFORE_START",
            text: lang.pick(
                format!(
                    "{} ligger helt før første ledighedsdag, {}, og tæller ikke med. Har du været ledig før i samme dagpengeperiode, så skriv i stedet de timer, du har brugt (forbrugte timer i a-kassens selvbetjening).",
                    periods(&before, Lang::Da),
                    short(req.start, lang)
                ),
                format!(
                    "{} lies wholly before the first day of unemployment, {}, and does not count. If you were unemployed before in the same dagpengeperiode, give the hours you have used instead (“forbrugte timer” in the a-kasse's self-service).",
                    periods(&before, Lang::En),
                    short(req.start, lang)
                ),
            ),
        });
    }
    let line = few_hours_line(req.insurance);
    let per_month = req.insurance.per_week();
    let few = numbered(&|p| p.period.to >= req.start && p.hours_per_week.is_some_and(|h| h > line));
    if !few.is_empty() {
        let (monthly, w) = match req.insurance {
            Insurance::Fuldtid => (Hundredths(1480), per_month),
            Insurance::Deltid => (Hundredths(1200), per_month),
        };
        out.push(Message {
            code: "W_PART_TIME_FEW_HOURS",
            text: lang.pick(
                format!(
                    "{}: med mere end {} timers arbejde om ugen (af {}) er du ledig færre end {} timer om måneden, og for sådan en måned udbetales normalt ingen supplerende dagpenge. Så tæller måneden måske ingen timer, og datoerne kan komme senere. Spørg din a-kasse.",
                    periods(&few, Lang::Da),
                    line.format(Lang::Da),
                    w.format(Lang::Da),
                    monthly.format(Lang::Da)
                ),
                format!(
                    "{}: with more than {} hours of work a week (of {}) you are unemployed fewer than {} hours a month, and for such a month supplerende dagpenge are normally not paid. The month may then count no hours, and the dates may come later. Ask your a-kasse.",
                    periods(&few, Lang::En),
                    line.format(Lang::En),
                    w.format(Lang::En),
                    monthly.format(Lang::En)
                ),
            ),
        });
    }
    let long_ones = numbered(&|p| {
        let from = p.period.from.max(req.start);
        p.hours_per_week.is_some() && (p.open_ended || (p.period.to - from).num_days() + 1 > PART_TIME_DAYS)
    });
    if !long_ones.is_empty() {
        out.push(Message {
            code: "W_PART_TIME_LONG",
            text: lang.pick(
                format!(
                    "{}: arbejde på nedsat tid i mere end 30 uger. Supplerende dagpenge udbetales højst i 30 uger inden for 104 uger; uger derudover tæller måske ingen timer, så datoerne kan komme senere. Spørg din a-kasse.",
                    periods(&long_ones, Lang::Da)
                ),
                format!(
                    "{}: part-time work for more than 30 weeks. Supplerende dagpenge are paid for at most 30 weeks within 104 weeks; weeks beyond that may count no hours, so the dates may come later. Ask your a-kasse.",
                    periods(&long_ones, Lang::En)
                ),
            ),
        });
    }
    out
}

/// "Periode 2", "Periode 1 og 3" / "Period 2", "Periods 1 and 3".
pub(super) fn periods(numbers: &[usize], lang: Lang) -> String {
    let ids: Vec<String> = numbers.iter().map(usize::to_string).collect();
    let joined = join_ids(ids.iter().map(String::as_str), lang);
    match (lang, numbers.len()) {
        (Lang::Da, _) => format!("Periode {joined}"),
        (Lang::En, 1) => format!("Period {joined}"),
        (Lang::En, _) => format!("Periods {joined}"),
    }
}

/// The samtaler of the regime not owed in this registration, and why (RULES.md § 2, `prior_hours`).
fn not_owed_warning(req: &Request, handover_to: Holder, not_owed: &[NotOwed]) -> Option<Message> {
    if not_owed.is_empty() {
        return None;
    }
    let lang = req.lang;
    let prior = req.prior_hours.format(lang);
    // The samtaler of a reason, joined, and whether there is more than one.
    let ids = |reason: NotOwedReason| {
        // Named with their titles: the table does not show them.
        let named: Vec<String> = not_owed
            .iter()
            .filter(|n| n.reason == reason)
            .map(|n| format!("{} “{}”", n.id, n.title))
            .collect();
        let many = named.len() > 1;
        (!named.is_empty()).then(|| (join_ids(named.iter().map(String::as_str), lang), many))
    };
    let mut parts = Vec::new();
    if let Some((ids, many)) = ids(NotOwedReason::HandoverAtStart) {
        let to = handover_to.label(lang);
        let are = if many { "are" } else { "is" };
        parts.push(lang.pick(
            format!("{ids} holdes ikke: med {prior} timer fra tidligere ledighed i dagpengeperioden har {to} dit forløb fra første ledighedsdag."),
            format!("{ids} {are} not held: with {prior} hours from earlier unemployment in the dagpengeperiode, {to} holds your plan from the first day of unemployment."),
        ));
    }
    if let Some((ids, many)) = ids(NotOwedReason::EarlierSpell) {
        let (de, they) = if many { ("de", "they are") } else { ("den", "it is") };
        parts.push(lang.pick(
            format!("{ids} hørte til din tidligere ledighed i dagpengeperioden: med {prior} timer fra før er fristen allerede passeret, så {de} skal ikke holdes i denne ledighed."),
            format!("{ids} belonged to your earlier unemployment in the dagpengeperiode: with {prior} hours from before, the deadline has already passed, so {they} not owed in this spell."),
        ));
    }
    Some(Message {
        code: "W_NOT_OWED",
        text: parts.join(" "),
    })
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
        assert_eq!(p.milestones.l6m, Some(ymd(2024, 12, 24)));
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

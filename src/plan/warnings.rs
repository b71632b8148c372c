//! What a plan warns of and assumes: latest dates that are not working days, newer rules and the
//! expected law of 2027; the regime chosen, the hours counted, the hand-over, the COVID-19 freeze.

use crate::contract::lang::{Lang, Text};
use crate::contract::request::{Pause, Request, label};
use crate::contract::response::{Message, NotOwed, NotOwedReason, Samtale};
use crate::rules::dates::{likely_year, long, period, short, span, ymd};
use crate::rules::holidays::{last_working_day_before, non_working_reason};
use crate::rules::law;
use crate::rules::ledighed::{
    Effect, FROZEN, Handover, HandoverBasis, Hundredths, Insurance, Ledighed, SICK_DAYS_WITH_DAGPENGE as SICK_DAYS,
    sickness_split,
};
use crate::rules::regimes::{self, Holder, Regime};
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
fn periods(numbers: &[usize], lang: Lang) -> String {
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
    let one = |p: &crate::rules::ledighed::Period| {
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

//! The timeline's text alternative (`<desc>`): every bar, line and shaded period in words.

use crate::contract::lang::Lang;
use crate::contract::request::PauseReason;
use crate::contract::response::Response;
use crate::rules::ledighed::{SICK_DAYS_WITH_DAGPENGE, sickness_split};
use crate::vocabulary::dates::short;

/// The text alternative: every bar, line and shaded period in words.
pub(super) fn description(plan: &Response, lang: Lang) -> String {
    let mut parts: Vec<String> = plan
        .samtaler
        .iter()
        .map(|s| {
            lang.pick(
                format!(
                    "{} {}, {}: {} til {}.",
                    s.id,
                    s.title,
                    s.holder_label,
                    short(s.earliest, lang),
                    short(s.latest, lang)
                ),
                format!(
                    "{} {}, {}: {} to {}.",
                    s.id,
                    s.title,
                    s.holder_label,
                    short(s.earliest, lang),
                    short(s.latest, lang)
                ),
            )
        })
        .collect();
    if let Some(h) = plan.milestones.handover {
        parts.push(lang.pick(
            format!("Overgang: {}.", short(h, lang)),
            format!("Hand-over: {}.", short(h, lang)),
        ));
    }
    let periods = plan.periods();
    for (p, (period, _)) in plan.pauses.iter().zip(&periods) {
        let from = short(p.from, lang);
        let to = p.to.map_or_else(
            || lang.pick("indtil videre", "until further notice").to_string(),
            |to| short(to, lang),
        );
        parts.push(match (p.hours_per_week, p.reason) {
            (None, PauseReason::Sygdom) if sickness_split(*period, &periods).counted.is_none() => lang.pick(
                format!("Sygdom: {from} til {to} (ingen af dagene tæller: arbejde på nedsat tid på første sygedag)."),
                format!("Sickness: {from} to {to} (none of the days count: part-time work on the first day)."),
            ),
            (None, PauseReason::Sygdom) => lang.pick(
                format!("Sygdom: {from} til {to} (de første {SICK_DAYS_WITH_DAGPENGE} dage tæller med: dagpenge under sygdom)."),
                format!("Sickness: {from} to {to} (the first {SICK_DAYS_WITH_DAGPENGE} days count: dagpenge during sickness)."),
            ),
            (None, _) => lang.pick(
                format!("Periode uden dagpenge: {from} til {to}."),
                format!("Period without dagpenge: {from} to {to}."),
            ),
            (Some(h), _) => lang.pick(
                format!(
                    "Arbejde på nedsat tid, {} timer om ugen (lysere felt; kun en del af timerne tæller): {from} til {to}.",
                    h.0.format(lang)
                ),
                format!(
                    "Part-time work, {} hours a week (lighter area; only some of the hours count): {from} to {to}.",
                    h.0.format(lang)
                ),
            ),
        });
    }
    if let Some(today) = plan.today {
        parts.push(lang.pick(
            format!("I dag: {}.", short(today, lang)),
            format!("Today: {}.", short(today, lang)),
        ));
    }
    parts.join(" ")
}

//! From a valid request to a plan: choose the regime, run the ledighed counter, evaluate each samtale's
//! window, and explain every date.
//!
//! [`plan`] is the entry point and assembles the response; `setup` finds the date of each bound,
//! `explain` puts each date in words, `warnings` adds the warnings and assumptions, `compare` the
//! neighbouring regime. [`windows`] gives the same dates without text, for the caseload.

mod assumptions;
mod compare;
mod explain;
mod setup;
mod warnings;
mod windows;

pub use warnings::EXPECTED_CHANGE;
pub use windows::{Window, Windows, windows};

use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::lang::Lang;
use crate::contract::request::Request;
use crate::contract::response::{
    HoursNumber, Milestones, Next, NotOwed, PauseEcho, RegimeInfo, Response, SCHEMA, Samtale, Status,
};
use crate::rules::ledighed::Span;
use crate::rules::regimes::{self, Obligation, Regime};
use crate::vocabulary::dates::long;
use assumptions::assumptions;
use compare::compare;
use setup::setup;

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

/// The plan for a request under a given regime.
fn plan_under(req: &Request, regime: &Regime) -> Result<Response, PlanError> {
    let lang = req.lang;
    let ctx = setup(req, regime)?;
    let ledighed = &ctx.ledighed;
    let handover = ctx.handover;
    // Loops rather than `collect::<Result<…>>()`: the same work in less WebAssembly.
    let mut samtaler = Vec::with_capacity(ctx.specs.len());
    let mut not_owed = Vec::new();
    for spec in ctx.specs.iter() {
        match ctx.window(spec)? {
            Ok(window) => samtaler.push(ctx.samtale(spec, window, req.today)?),
            Err(reason) => not_owed.push(NotOwed {
                id: spec.id,
                title: spec.title.get(lang),
                holder: spec.holder,
                holder_label: spec.holder.label(lang),
                reason,
            }),
        }
    }

    let last_latest = samtaler.iter().map(|s| s.latest).max().unwrap_or(req.start);
    let warnings = warnings::warnings(req, regime, ctx.handover_to, &samtaler, &not_owed, last_latest);
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
                to: p.given_to(),
                reason: p.reason,
                hours_per_week: p.hours_per_week.map(HoursNumber),
            })
            .collect(),
        prior_hours: HoursNumber(req.prior_hours),
        regime: RegimeInfo {
            id: regime.id,
            name: regime.name.get(lang),
            from: regime.from,
            to: regime.to,
            citation: regime.citation,
        },
        milestones: Milestones {
            l3m: ledighed.reach(Span::Months(3)).map(|r| r.date),
            l6m: ledighed.reach(Span::Months(6)).map(|r| r.date),
            l16m: ledighed.reach(Span::Months(16)).map(|r| r.date),
            handover: handover.map(|h| h.date),
        },
        next,
        samtaler,
        not_owed,
        comparison: None,
        warnings,
        assumptions: assumptions(req, regime, ledighed, handover, last_latest),
    })
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
}

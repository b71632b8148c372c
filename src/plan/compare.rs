//! The comparison with the neighbouring regime: how many samtaler the same request would have had
//! under the rules before (or, for the first regime, after).

use super::plan_under;
use crate::contract::lang::Lang;
use crate::contract::request::Request;
use crate::contract::response::{ComparedSamtale, Comparison};
use crate::rules::regimes::{self, Regime};
use crate::vocabulary::dates::short;

/// The plan under the neighbouring regime — the one before, or after the first — in short; `None`
/// where that regime cannot plan for the request (a group it does not model).
pub(super) fn compare(req: &Request, regime: &Regime, count: usize) -> Option<Comparison> {
    let (other, before) = match regimes::previous(regime) {
        Some(previous) => (previous, true),
        None => (regimes::next_after(regime)?, false),
    };
    // Only the other plan's number of samtaler is used: `today` (statuses) and `compare` (which
    // `plan_under` does not read) cannot change it. A hand-over date the other regime cannot use
    // is left out rather than spoiling the comparison.
    let other_plan = plan_under(req, other)
        .or_else(|_| {
            plan_under(
                &Request {
                    handover: None,
                    ..req.clone()
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

#[cfg(test)]
mod tests {
    use crate::contract::request::from_json;
    use crate::contract::response::Response;
    use crate::plan;
    use crate::vocabulary::dates::ymd;

    fn plan_of(json: &str) -> Response {
        plan(&from_json(json).expect("valid")).expect("a plan")
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

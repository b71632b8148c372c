//! A member's request as the plan functions take it, for the caseload page to open the member's
//! own plan from.

use super::Member;
use crate::contract::lang::Lang;
use crate::contract::response::HoursNumber;
use crate::contract::response::IsoDate;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// A member's request as the plan functions take it (`plan()`, `render()`, `ics()`), for the
/// day of the summary, with the dates the file says samtaler were held: what the caseload page
/// opens the member's own plan from.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct MemberRequest {
    pub request: RequestObject,
    pub member: Arc<str>,
    /// The member's name, when the file has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Arc<str>>,
    pub line: usize,
    /// (samtale id, the date it was held)
    pub held: Vec<(Arc<str>, IsoDate)>,
}

/// A request with the contract's field names and words.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct RequestObject {
    pub start: IsoDate,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Insurance"))]
    pub insurance: &'static str,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Group"))]
    pub group: &'static str,
    pub pauses: Vec<PauseObject>,
    /// Hours from an earlier spell in the same dagpengeperiode (the `forbrugte_timer` column).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number"))]
    pub prior_hours: HoursNumber,
    pub today: IsoDate,
    pub lang: Lang,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct PauseObject {
    pub from: IsoDate,
    /// `None` (null) for part-time work "indtil videre".
    pub to: Option<IsoDate>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "PauseReason"))]
    pub reason: &'static str,
    /// The hours worked a week, for a part-time pause (the request's `hours_per_week`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number"))]
    pub hours_per_week: Option<HoursNumber>,
}

impl Member {
    /// The member's request for the plan functions, as of `today`.
    pub fn request_object(&self, today: NaiveDate) -> MemberRequest {
        let r = &self.request;
        MemberRequest {
            request: RequestObject {
                start: r.start,
                insurance: r.insurance.as_str(),
                group: r.group.as_str(),
                pauses: r
                    .pauses
                    .iter()
                    .map(|p| PauseObject {
                        from: p.period.from,
                        to: p.given_to(),
                        reason: p.reason.as_str(),
                        hours_per_week: p.hours_per_week.map(HoursNumber),
                    })
                    .collect(),
                prior_hours: HoursNumber(r.prior_hours),
                today,
                lang: r.lang,
            },
            member: self.reference.clone(),
            name: self.name.clone(),
            line: self.line,
            held: self.held.clone(),
        }
    }
}

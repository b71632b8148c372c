//! STAR's indicators (seed 004): the first samtale held within 1½ and within 3 months, and two
//! samtaler in the last three months for members with 3–6 months of ledighed.

use super::Member;
use super::share::Share;
use crate::contract::lang::Lang;
use crate::plan;
use crate::rules::ledighed::Span;
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// STAR's indicators as of the summary's day, as shares.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Star {
    /// Members with at least 1½ months of ledighed whose first samtale was held within 1½ months.
    pub first_within_1_5_months: Share,
    /// The same within 3 months.
    pub first_within_3_months: Share,
    /// Members with 3–6 months of ledighed who had two samtaler in the last three months.
    pub two_in_last_3_months: Share,
}

/// STAR's indicators as they are counted: (members who meet it, members it applies to).
#[derive(Default)]
pub(super) struct StarCounts {
    within_1_5: (u32, u32),
    within_3: (u32, u32),
    two_in_3: (u32, u32),
}

impl StarCounts {
    /// Counts a member in STAR's indicators (seed 004), as of today.
    pub(super) fn add(&mut self, today: NaiveDate, m: &Member, w: &plan::Windows) {
        let first_held = m.held.iter().map(|(_, d)| *d).min();
        // A milestone the hours from an earlier spell already reach lies before the start: the
        // indicator is about the first months of a spell, so the member is not counted for it.
        let reach = |span| w.ledighed.reach(span).map(|r| r.date);
        for (span, counts) in [
            (Span::HalfMonths(3), &mut self.within_1_5),
            (Span::Months(3), &mut self.within_3),
        ] {
            let Some(by) = reach(span) else { continue };
            if by <= today {
                counts.1 += 1;
                counts.0 += u32::from(first_held.is_some_and(|d| d <= by));
            }
        }
        let (l3, l6) = (reach(Span::Months(3)), reach(Span::Months(6)));
        // Three months reached (before the start, too) and six not yet.
        if l3.is_none_or(|d| d <= today) && l6.is_some_and(|d| today < d) {
            let since = today.checked_sub_months(Months::new(3)).unwrap_or(today);
            let recent = m.held.iter().filter(|(_, d)| since < *d && *d <= today).count();
            self.two_in_3.1 += 1;
            self.two_in_3.0 += u32::from(recent >= 2);
        }
    }

    /// The indicators as shares; unknown (of the members they apply to) when the file has no
    /// held dates (`known` false).
    pub(super) fn shares(&self, lang: Lang, known: bool) -> Star {
        let share = |(count, of): (u32, u32)| {
            if known {
                Share::new(count, of, lang)
            } else {
                Share::unknown(of, lang)
            }
        };
        Star {
            first_within_1_5_months: share(self.within_1_5),
            first_within_3_months: share(self.within_3),
            two_in_last_3_months: share(self.two_in_3),
        }
    }
}

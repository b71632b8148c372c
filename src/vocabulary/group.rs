//! Who a plan is for: the one fact about the person, besides dates, that chooses samtaler.

use crate::vocabulary::words::words;

words! {
    /// Who the plan is for (LAB § 27, stk. 3 names the "from day one" group).
    #[derive(Default)]
    pub enum Group {
        #[default]
        Standard = "standard",
        JobcenterFromDayOne = "jobcenter_from_day_one",
    }
}

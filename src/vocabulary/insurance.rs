//! Full-time or part-time insurance, a word of the request and the response. What each is worth
//! in hours (37 or 30 a week…) the rules say (`Insurance::per_week` and the rest, in
//! [`crate::rules::ledighed`]).

use crate::vocabulary::words::words;

words! {
    /// Full-time or part-time insurance: how many hours a day, a week and a month are worth
    /// (BEK om en aktiv beskæftigelsesindsats § 7).
    #[derive(Default)]
    pub enum Insurance {
        #[default]
        Fuldtid = "fuldtid",
        Deltid = "deltid",
    }
}

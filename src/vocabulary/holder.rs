//! Who holds a samtale: a word of the response, and its name in either language.

use crate::vocabulary::lang::Lang;
use crate::vocabulary::words::words;

words! {
    /// Who holds a samtale.
    pub enum Holder {
        Akasse = "akasse",
        Jobcenter = "jobcenter",
        /// The law's word from 1 July 2026.
        Kommune = "kommune",
        /// Held by the jobcenter/kommune with the a-kasse taking part.
        Joint = "joint",
    }
}

impl Holder {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Holder::Akasse => lang.pick("a-kassen", "the a-kasse"),
            Holder::Jobcenter => lang.pick("jobcentret", "the jobcentre"),
            Holder::Kommune => lang.pick("kommunen", "the municipality"),
            Holder::Joint => lang.pick(
                "jobcentret og a-kassen sammen",
                "the jobcentre and the a-kasse together",
            ),
        }
    }
}

//! What settles a rule (RULES.md's labels law, STAR, practice, convention): a word of the
//! response, and its name in either language.

use crate::vocabulary::lang::Lang;
use crate::vocabulary::words::words;

words! {
    /// What settles a rule (RULES.md's labels).
    pub enum Basis {
        /// The statute or bekendtgørelse says it.
        Law = "law",
        /// The Danish Agency for Labour Market and Recruitment (STAR) says it.
        Star = "star",
        /// Only a-kasser or unions say it.
        Practice = "practice",
        /// No source settles it: the calculator's documented choice.
        Convention = "convention",
    }
}

impl Basis {
    /// "lov", "STAR", "praksis", "konvention".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Basis::Law => lang.pick("lov", "law"),
            Basis::Star => "STAR",
            Basis::Practice => lang.pick("praksis", "practice"),
            Basis::Convention => lang.pick("konvention", "convention"),
        }
    }
}

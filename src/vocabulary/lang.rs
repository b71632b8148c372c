//! The two languages every user-facing text comes in.

use crate::vocabulary::words::words;

words! {
    /// The language of a request and of everything said back: messages, titles, explanations.
    #[derive(Default)]
    pub enum Lang {
        /// Danish, the default.
        #[default]
        Da = "da",
        /// English.
        En = "en",
    }
}

impl Lang {
    /// Picks the Danish or the English text.
    pub fn pick<T>(self, da: T, en: T) -> T {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

/// A fixed text in both languages, as the rule tables carry them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub da: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(da: &'static str, en: &'static str) -> Text {
        Text { da, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.da, self.en)
    }
}

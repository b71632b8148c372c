//! A share of the caseload's counts — how many of how many, in per mille and in words — used by
//! the summary, STAR's indicators and the a-kasse's part in joint samtaler alike (its own module,
//! so that those three depend on it and not on each other).

use crate::contract::lang::Lang;
use serde::Serialize;

/// A share: how many of how many, in per mille (rounded half up) and in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Share {
    pub count: u32,
    pub of: u32,
    /// `null` when `of` is 0, or when the share cannot be known (a file without held dates:
    /// the text is then "ukendt", "unknown").
    pub per_mille: Option<u32>,
    pub text: String,
}

impl Share {
    pub fn new(count: u32, of: u32, lang: Lang) -> Share {
        let per_mille = (of > 0).then(|| ((u64::from(count) * 2000 + u64::from(of)) / (2 * u64::from(of))) as u32);
        let text = match per_mille {
            Some(p) => format!("{}{}{} %", p / 10, lang.pick(',', '.'), p % 10),
            None => "–".to_string(),
        };
        Share {
            count,
            of,
            per_mille,
            text,
        }
    }

    /// A share that cannot be known: of `of`, but no count (the file has no held dates).
    pub fn unknown(of: u32, lang: Lang) -> Share {
        Share {
            count: 0,
            of,
            per_mille: None,
            text: unknown(lang).to_string(),
        }
    }

    /// Whether the share is unknown (rather than counted, or of nothing).
    pub fn is_unknown(&self) -> bool {
        self.per_mille.is_none() && self.of > 0
    }
}

/// "ukendt", "unknown".
pub fn unknown(lang: Lang) -> &'static str {
    lang.pick("ukendt", "unknown")
}

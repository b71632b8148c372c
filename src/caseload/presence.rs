//! The a-kasse's part in the joint samtaler (issue 15, seed 000): for each joint samtale held,
//! whether the a-kasse took part (`akasse_deltog_<ID>`: ja/nej), counted as STAR counts it — the
//! share of the held joint samtaler with the a-kasse present, per samtale and per month of the
//! samtale (the month of the held date). A held joint samtale without an answer is counted as
//! unknown and left out of the share.

use super::Member;
use super::share::Share;
use crate::contract::lang::{Lang, Text};
use crate::plan;
use crate::vocabulary::holder::Holder;
use chrono::Datelike;
use serde::Serialize;
use std::collections::BTreeMap;

/// Held joint samtaler: with the a-kasse, without, not told.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Presence {
    pub present: u32,
    pub absent: u32,
    pub unknown: u32,
}

impl Presence {
    fn add(&mut self, o: Presence) {
        self.present += o.present;
        self.absent += o.absent;
        self.unknown += o.unknown;
    }
}

/// A row of the a-kasse's part: a samtale ("R2024 S16") or a month ("2024-09").
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct PresenceRow {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'static str>,
    #[serde(flatten)]
    pub counts: Presence,
    /// Present of present and absent.
    pub share: Share,
}

/// The a-kasse's part in the joint samtaler held.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct AkassePresent {
    /// The file's `akasse_deltog_<ID>` columns (0: nothing to count).
    pub columns: usize,
    pub by_samtale: Vec<PresenceRow>,
    pub by_month: Vec<PresenceRow>,
    pub total: PresenceRow,
}

#[derive(Default)]
pub(super) struct PresenceCounts {
    by_samtale: BTreeMap<(&'static str, &'static str), (Text, Presence)>,
    by_month: BTreeMap<(i32, u32), Presence>,
}

/// Checks a member's `akasse_deltog_<ID>` answers against the plan: the samtale must be in it,
/// joint, and held. The words of the error (Danish, English).
pub(super) fn check(m: &Member, w: &plan::Windows) -> Result<(), (String, String)> {
    for (id, _) in &m.present {
        let Some(s) = w.samtaler.iter().find(|s| s.id == &**id) else {
            return Err((
                format!("akasse_deltog_{id}: planen ({}) har ingen samtale {id}.", w.regime.id),
                format!("akasse_present_{id}: the plan ({}) has no samtale {id}.", w.regime.id),
            ));
        };
        if s.holder != Holder::Joint {
            return Err((
                format!(
                    "akasse_deltog_{id}: {id} er ikke en fælles samtale (den holdes af {}); kolonnen gælder kun fælles samtaler.",
                    s.holder.label(Lang::Da)
                ),
                format!(
                    "akasse_present_{id}: {id} is not a joint samtale (it is held by {}); the column is for joint samtaler only.",
                    s.holder.label(Lang::En)
                ),
            ));
        }
        if !m.held.iter().any(|(h, _)| h == id) {
            return Err((
                format!("akasse_deltog_{id} er udfyldt, men holdt_{id} er tom: samtalen skal være holdt."),
                format!("akasse_present_{id} is filled in, but held_{id} is empty: the samtale must have been held."),
            ));
        }
    }
    Ok(())
}

impl PresenceCounts {
    /// Counts a member's held joint samtaler.
    pub(super) fn add(&mut self, m: &Member, w: &plan::Windows) {
        for s in w.samtaler.iter().filter(|s| s.holder == Holder::Joint) {
            let Some((_, day)) = m.held.iter().find(|(h, _)| &**h == s.id) else {
                continue;
            };
            let answer = m.present.iter().find(|(h, _)| &**h == s.id).map(|(_, p)| *p);
            let one = match answer {
                Some(true) => Presence {
                    present: 1,
                    ..Presence::default()
                },
                Some(false) => Presence {
                    absent: 1,
                    ..Presence::default()
                },
                None => Presence {
                    unknown: 1,
                    ..Presence::default()
                },
            };
            self.by_samtale
                .entry((w.regime.id, s.id))
                .or_insert((s.title, Presence::default()))
                .1
                .add(one);
            self.by_month.entry((day.year(), day.month())).or_default().add(one);
        }
    }

    pub(super) fn rows(&self, columns: usize, lang: Lang) -> AkassePresent {
        let row = |key: String, title: Option<&'static str>, c: Presence| PresenceRow {
            key,
            title,
            counts: c,
            share: Share::new(c.present, c.present + c.absent, lang),
        };
        let mut total = Presence::default();
        for (_, c) in self.by_samtale.values() {
            total.add(*c);
        }
        AkassePresent {
            columns,
            by_samtale: self
                .by_samtale
                .iter()
                .map(|((regime, id), (title, c))| row(format!("{regime} {id}"), Some(title.get(lang)), *c))
                .collect(),
            by_month: self
                .by_month
                .iter()
                .map(|((y, m), c)| row(format!("{y}-{m:02}"), None, *c))
                .collect(),
            total: row(lang.pick("I alt", "Total").into(), None, total),
        }
    }
}

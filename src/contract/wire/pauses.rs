//! The list of pauses and each pause, read as [`super::read`] reads the request: value by value,
//! every check plain Rust, the first problem kept (its own file, so no file of the reader is over
//! 500 lines).

use super::PauseJson;
use super::Pauses;
use super::read::{Expect, LeafSeed, Problem, Skip, field, number_of_hours, skip_map, skip_seq, text, word, wrong};
use crate::contract::fields::{MAX_PAUSES, PAUSE_FIELDS, PauseReason};
use crate::contract::hours::{self, HoursPerWeek, MAX_HOURS_PER_WEEK};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The `pauses` field: read (`None` for null), or its problem; what is not looked at is read as
/// [`Skip`] says.
pub(super) struct PausesSeed(pub Skip);

impl<'de> DeserializeSeed<'de> for PausesSeed {
    type Value = Result<Option<Pauses>, Problem>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PausesSeed {
    type Value = Result<Option<Pauses>, Problem>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of pauses")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // A longer list is refused from its announced length where the input has one (a JS
        // array), before any pause is read.
        let skip = self.0;
        if let Some(n) = seq.size_hint().filter(|&n| n > MAX_PAUSES) {
            skip_seq(seq, skip)?;
            return Ok(Err(Problem::TooManyPauses(n)));
        }
        let mut pauses = Vec::new();
        while let Some(pause) = seq.next_element_seed(PauseSeed(pauses.len(), skip))? {
            let pause = match pause {
                Ok(pause) => pause,
                Err(problem) => {
                    skip_seq(seq, skip)?;
                    return Ok(Err(problem));
                }
            };
            if pauses.len() == MAX_PAUSES {
                // Text gives no length ahead: count the rest (the text is at most 64 KiB).
                let n = MAX_PAUSES + 1 + skip_seq(seq, skip)?;
                return Ok(Err(Problem::TooManyPauses(n)));
            }
            pauses.push(pause);
        }
        Ok(Ok(Some(Pauses(pauses))))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Ok(None))
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Ok(None))
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        skip_map(map, self.0)?;
        Ok(Err(wrong("pauses", Expect::List)))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err(wrong("pauses", Expect::List)))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err(wrong("pauses", Expect::List)))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err(wrong("pauses", Expect::List)))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err(wrong("pauses", Expect::List)))
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Err(wrong("pauses", Expect::List)))
    }
}

/// The pause at an index: read, or its problem.
struct PauseSeed(usize, Skip);

impl PauseSeed {
    fn path(&self) -> String {
        format!("pauses[{}]", self.0)
    }

    fn not_object(&self) -> Result<PauseJson, Problem> {
        Err(Problem::NotObject { path: self.path() })
    }
}

impl<'de> DeserializeSeed<'de> for PauseSeed {
    type Value = Result<PauseJson, Problem>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PauseSeed {
    type Value = Result<PauseJson, Problem>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a pause")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let within = self.path();
        let mut pause = PauseJson::default();
        let mut seen = [false; PAUSE_FIELDS.len()];
        while let Some(key) = map.next_key::<String>()? {
            let read = match field(&key, &PAUSE_FIELDS, &mut seen, &within) {
                Ok(i) => {
                    let name = PAUSE_FIELDS[i];
                    let path = format!("{within}.{name}");
                    let leaf = map.next_value_seed(LeafSeed(self.1))?;
                    match name {
                        "from" => text(leaf, &path).map(|v| pause.from = v),
                        "to" => text(leaf, &path).map(|v| pause.to = v),
                        "reason" => word::<PauseReason>(leaf, &path).map(|v| pause.reason = v),
                        _ => number_of_hours(leaf, &path, false, MAX_HOURS_PER_WEEK).and_then(|read| {
                            pause.hours_per_week = match read {
                                None => None,
                                Some(hours::Read::Within(h)) => Some(HoursPerWeek(h)),
                                Some(hours::Read::Over(value)) => return Err(Problem::Hours { path, value }),
                            };
                            Ok(())
                        }),
                    }
                }
                Err(problem) => {
                    self.1.value(&mut map)?;
                    Err(problem)
                }
            };
            if let Err(problem) = read {
                skip_map(map, self.1)?;
                return Ok(Err(problem));
            }
        }
        Ok(Ok(pause))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq, self.1)?;
        Ok(self.not_object())
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(self.not_object())
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(self.not_object())
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(self.not_object())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(self.not_object())
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(self.not_object())
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(self.not_object())
    }
}

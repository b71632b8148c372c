//! The request read value by value, in the order the input gives them, into [`RequestJson`].
//! serde only hands over the values — a [`Leaf`] (null, a boolean, a number, a string; a list or
//! an object where the contract has a leaf, skipped unread) or the objects and the list of
//! pauses; every check is plain Rust here, and what it finds is a [`Problem`], never an error
//! inside serde's. So no visitor ever fails: the first problem is kept, the rest of the input
//! is skipped (still read to its end, as serde must), and only a `lang` after it is still read,
//! for the language of the message. The only errors that leave serde are the input's own — a
//! syntax error or a number too large for a double (JSON text), what a JS value cannot give.
//!
//! What is skipped is read as [`Skip`] says: JSON text [`Skip::Strict`]ly, every string decoded
//! and every number read as [`AnyJson`] reads them, so the one reading of a text also checks that
//! all of it is JSON (see `super::from_text`).

use super::RequestJson;
use super::pauses::PausesSeed;
use super::syntax::AnyJson;
use crate::contract::fields::FIELDS;
use crate::contract::hours::{self, MAX_PRIOR_HOURS, Number, PriorHours};
use crate::vocabulary::group::Group;
use crate::vocabulary::hours::Hundredths;
use crate::vocabulary::insurance::Insurance;
use crate::vocabulary::lang::Lang;
use crate::vocabulary::words::Word;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// What a request's JSON says wrong, and where (a field's path: `pauses[0].from`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Problem {
    /// A field the object (`within`: `""` for the request, `pauses[0]`) does not have.
    UnknownField { within: String, key: String },
    /// A field the object already had.
    DuplicateField { within: String, key: String },
    /// A value of the wrong JSON type.
    Type { path: String, expect: Expect },
    /// The request (`""`), or a pause, is not an object.
    NotObject { path: String },
    /// A word outside its list.
    UnknownValue {
        path: String,
        value: String,
        allowed: &'static [&'static str],
    },
    /// A number of hours that cannot be used: the number as written.
    Hours { path: String, value: String },
    /// More pauses than [`MAX_PAUSES`]: as many as the list holds.
    TooManyPauses(usize),
}

/// The JSON type a field must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    Text,
    List,
    Bool,
    Number,
}

/// What a reading found besides the request: its first problem, and the request's language as
/// far as it can be read (for the problem's message).
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub problem: Option<Problem>,
    lang: LangSeen,
}

/// The `lang` of a request with a problem: read where it is the only `lang` and a known word;
/// otherwise (null too) the message is Danish.
#[derive(Debug, Default)]
enum LangSeen {
    #[default]
    None,
    Read(Lang),
    Unreadable,
}

impl Found {
    /// The language of the problem's message.
    pub fn lang(&self) -> Lang {
        match self.lang {
            LangSeen::Read(lang) => lang,
            _ => Lang::default(),
        }
    }

    fn see_lang(&mut self, leaf: Option<&Leaf>) {
        self.lang = match (&self.lang, leaf) {
            (LangSeen::None, Some(Leaf::Str(word))) => match <Lang as Word>::parse(word) {
                Some(lang) => LangSeen::Read(lang),
                None => LangSeen::Unreadable,
            },
            // A second `lang`, or one that is not a word (null: the default, Danish, either way).
            _ => LangSeen::Unreadable,
        };
    }

    fn keep(&mut self, problem: Problem) {
        self.problem.get_or_insert(problem);
    }
}

/// Reads a request: `Some` when it has no problem; `None` when it has one (in `found`); an
/// error only when the input itself cannot give a value (then `found.problem` says whether a
/// problem came first).
pub(crate) fn request<'de, D: Deserializer<'de>>(
    d: D,
    found: &mut Found,
    skip: Skip,
) -> Result<Option<RequestJson>, D::Error> {
    d.deserialize_any(RequestVisitor(found, skip))
}

/// How the reader reads a value it does not look at (past a problem; a list or an object where
/// the contract has a leaf).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    /// As [`AnyJson`]: every string decoded, every number read, at most 128 levels deep — so a
    /// text read to its end is JSON, a lone surrogate anywhere is its syntax error.
    Strict,
    /// As serde's `IgnoredAny`: a JS value; and a text with a number too large for a double,
    /// read again past the number (`super::from_text`).
    Lenient,
}

impl Skip {
    /// Reads the next item of a list: `false` at its end.
    fn item<'de, A: SeqAccess<'de>>(self, seq: &mut A) -> Result<bool, A::Error> {
        Ok(match self {
            Skip::Strict => seq.next_element::<AnyJson>()?.is_some(),
            Skip::Lenient => seq.next_element::<IgnoredAny>()?.is_some(),
        })
    }

    /// Reads the value of an entry of an object.
    pub(super) fn value<'de, M: MapAccess<'de>>(self, map: &mut M) -> Result<(), M::Error> {
        match self {
            Skip::Strict => map.next_value::<AnyJson>().map(drop),
            Skip::Lenient => map.next_value::<IgnoredAny>().map(drop),
        }
    }

    /// Reads the next entry of an object: `false` at its end.
    fn entry<'de, M: MapAccess<'de>>(self, map: &mut M) -> Result<bool, M::Error> {
        Ok(match self {
            Skip::Strict => map.next_entry::<AnyJson, AnyJson>()?.is_some(),
            Skip::Lenient => map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some(),
        })
    }
}

/// A value where the contract has a string, a number or a boolean, as serde handed it over.
#[derive(Debug, Clone)]
pub(super) enum Leaf {
    Null,
    Bool(bool),
    Number(Number),
    Str(String),
    /// A list or an object: its contents skipped.
    Nested,
}

/// Reads a [`Leaf`], skipping a list or an object as [`Skip`] says.
#[derive(Clone, Copy)]
pub(super) struct LeafSeed(pub Skip);

impl<'de> DeserializeSeed<'de> for LeafSeed {
    type Value = Leaf;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Leaf, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LeafSeed {
    type Value = Leaf;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Leaf, E> {
        Ok(Leaf::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Leaf, E> {
        Ok(Leaf::Number(Number::I64(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Leaf, E> {
        Ok(Leaf::Number(Number::U64(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Leaf, E> {
        Ok(Leaf::Number(Number::F64(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Leaf, E> {
        Ok(Leaf::Str(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Leaf, E> {
        Ok(Leaf::Str(v))
    }

    fn visit_unit<E>(self) -> Result<Leaf, E> {
        Ok(Leaf::Null)
    }

    fn visit_none<E>(self) -> Result<Leaf, E> {
        Ok(Leaf::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Leaf, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Leaf, A::Error> {
        skip_seq(seq, self.0)?;
        Ok(Leaf::Nested)
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Leaf, M::Error> {
        skip_map(map, self.0)?;
        Ok(Leaf::Nested)
    }
}

/// Reads the rest of a list without looking at it: how many items it held.
pub(super) fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A, skip: Skip) -> Result<usize, A::Error> {
    let mut n = 0;
    while skip.item(&mut seq)? {
        n += 1;
    }
    Ok(n)
}

/// Reads the rest of an object without looking at it.
pub(super) fn skip_map<'de, M: MapAccess<'de>>(mut map: M, skip: Skip) -> Result<(), M::Error> {
    while skip.entry(&mut map)? {}
    Ok(())
}

/// A string, or null.
pub(super) fn text(leaf: Leaf, path: &str) -> Result<Option<String>, Problem> {
    match leaf {
        Leaf::Null => Ok(None),
        Leaf::Str(s) => Ok(Some(s)),
        _ => Err(wrong(path, Expect::Text)),
    }
}

/// One of `T`'s words, or null.
pub(super) fn word<T: Word>(leaf: Leaf, path: &str) -> Result<Option<T>, Problem> {
    match leaf {
        Leaf::Null => Ok(None),
        Leaf::Str(s) => T::parse(&s).map(Some).ok_or_else(|| Problem::UnknownValue {
            path: path.to_owned(),
            value: s,
            allowed: T::WORDS,
        }),
        _ => Err(wrong(path, Expect::Text)),
    }
}

/// A boolean, or null.
pub(super) fn flag(leaf: Leaf, path: &str) -> Result<Option<bool>, Problem> {
    match leaf {
        Leaf::Null => Ok(None),
        Leaf::Bool(b) => Ok(Some(b)),
        _ => Err(wrong(path, Expect::Bool)),
    }
}

/// A number of hours ([`hours::read`]), or null.
pub(super) fn number_of_hours(
    leaf: Leaf,
    path: &str,
    zero: bool,
    max: Hundredths,
) -> Result<Option<hours::Read>, Problem> {
    match leaf {
        Leaf::Null => Ok(None),
        Leaf::Number(n) => match hours::read(n, zero, max) {
            Ok(read) => Ok(Some(read)),
            Err(hours::Fault::NotFinite) => Err(wrong(path, Expect::Number)),
            Err(hours::Fault::Refused(value)) => Err(Problem::Hours {
                path: path.to_owned(),
                value,
            }),
        },
        _ => Err(wrong(path, Expect::Number)),
    }
}

pub(super) fn wrong(path: &str, expect: Expect) -> Problem {
    Problem::Type {
        path: path.to_owned(),
        expect,
    }
}

/// Reads the key of an entry of an object with `fields`: the field's index, or the problem of an
/// unknown or repeated field. `seen` marks the fields read.
pub(super) fn field(key: &str, fields: &[&str], seen: &mut [bool], within: &str) -> Result<usize, Problem> {
    let Some(i) = fields.iter().position(|f| *f == key) else {
        return Err(Problem::UnknownField {
            within: within.to_owned(),
            key: key.to_owned(),
        });
    };
    if std::mem::replace(&mut seen[i], true) {
        return Err(Problem::DuplicateField {
            within: within.to_owned(),
            key: key.to_owned(),
        });
    }
    Ok(i)
}

struct RequestVisitor<'a>(&'a mut Found, Skip);

impl<'de> Visitor<'de> for RequestVisitor<'_> {
    type Value = Option<RequestJson>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a request")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Option<RequestJson>, M::Error> {
        let (found, skip) = (self.0, self.1);
        let mut json = RequestJson::default();
        let mut seen = [false; FIELDS.len()];
        while let Some(key) = map.next_key::<String>()? {
            if found.problem.is_some() {
                // Past the problem only the language is still read.
                // (An error of the input while reading it: the message is Danish, see
                // `super::from_text`.)
                if key == "lang" && matches!(found.lang, LangSeen::None) {
                    let leaf = map.next_value_seed(LeafSeed(skip))?;
                    found.see_lang(Some(&leaf));
                } else {
                    if key == "lang" {
                        found.see_lang(None);
                    }
                    skip.value(&mut map)?;
                }
                continue;
            }
            let i = match field(&key, &FIELDS, &mut seen, "") {
                Ok(i) => i,
                Err(problem) => {
                    if key == "lang" {
                        found.see_lang(None);
                    }
                    found.keep(problem);
                    skip.value(&mut map)?;
                    continue;
                }
            };
            let read = match FIELDS[i] {
                "pauses" => map.next_value_seed(PausesSeed(skip))?.map(|p| json.pauses = p),
                name => {
                    let leaf = map.next_value_seed(LeafSeed(skip))?;
                    if name == "lang" {
                        found.see_lang(Some(&leaf));
                    }
                    set(&mut json, name, leaf)
                }
            };
            if let Err(problem) = read {
                found.keep(problem);
            }
        }
        Ok(found.problem.is_none().then_some(json))
    }

    /// A list is not a request; its language is its only item's, as serde's derive reads a
    /// struct from a list.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<RequestJson>, A::Error> {
        let (found, skip) = (self.0, self.1);
        found.keep(Problem::NotObject { path: String::new() });
        if let Some(leaf) = seq.next_element_seed(LeafSeed(skip))? {
            found.see_lang(Some(&leaf));
        }
        if skip_seq(seq, skip)? > 0 {
            found.lang = LangSeen::Unreadable;
        }
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Option<RequestJson>, E> {
        Ok(self.not_object())
    }

    fn visit_i64<E>(self, _: i64) -> Result<Option<RequestJson>, E> {
        Ok(self.not_object())
    }

    fn visit_u64<E>(self, _: u64) -> Result<Option<RequestJson>, E> {
        Ok(self.not_object())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Option<RequestJson>, E> {
        Ok(self.not_object())
    }

    fn visit_str<E>(self, _: &str) -> Result<Option<RequestJson>, E> {
        Ok(self.not_object())
    }

    fn visit_unit<E>(self) -> Result<Option<RequestJson>, E> {
        Ok(self.not_object())
    }
}

impl RequestVisitor<'_> {
    fn not_object(self) -> Option<RequestJson> {
        self.0.keep(Problem::NotObject { path: String::new() });
        None
    }
}

/// Sets the request's field `name` (not `pauses`) from its value.
fn set(json: &mut RequestJson, name: &str, leaf: Leaf) -> Result<(), Problem> {
    match name {
        "start" => json.start = text(leaf, name)?,
        "insurance" => json.insurance = word::<Insurance>(leaf, name)?,
        "group" => json.group = word::<Group>(leaf, name)?,
        "prior_hours" => {
            json.prior_hours = number_of_hours(leaf, name, true, MAX_PRIOR_HOURS)?.map(|read| {
                PriorHours(match read {
                    hours::Read::Within(h) => Ok(h),
                    hours::Read::Over(text) => Err(text),
                })
            });
        }
        "handover" => json.handover = text(leaf, name)?,
        "today" => json.today = text(leaf, name)?,
        "lang" => json.lang = word::<Lang>(leaf, name)?,
        "compare" => json.compare = flag(leaf, name)?,
        // `pauses`, read by [`PausesSeed`].
        _ => {}
    }
    Ok(())
}

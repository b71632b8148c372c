//! Enums whose values are fixed words of the JSON contract ("fuldtid", "akasse", "E_JSON"…).
//! One macro gives each its word list, parsing and JSON forms, so a word is written once.

/// A value that is one of a fixed list of words.
pub trait Word: Copy + 'static {
    /// Every word, in declaration order.
    const WORDS: &'static [&'static str];
    fn parse(word: &str) -> Option<Self>;
    fn as_str(self) -> &'static str;
}

/// `words! { pub enum Insurance { Fuldtid = "fuldtid", Deltid = "deltid" } }` — brought into a
/// file by `use crate::vocabulary::words::words;` (a path, so module order in `lib.rs` does not
/// matter).
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),+ $(,)? }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
        // After the derives, so an enum's own `tsify(…)` (a TypeScript name) comes after Tsify's.
        $(#[$meta])*
        pub enum $name { $( $(#[$vmeta])* #[cfg_attr(target_arch = "wasm32", serde(rename = $word))] $variant ),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value's word in the JSON contract.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl $crate::vocabulary::words::Word for $name {
            const WORDS: &'static [&'static str] = &[$($word),+];
            fn parse(word: &str) -> Option<Self> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }

        /// Reads the word; any other text is refused, naming the words allowed (a caseload
        /// filter's words; the request's reader checks words itself).
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_str($crate::vocabulary::words::WordVisitor::<$name>(std::marker::PhantomData))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use words;

/// Reads a [`Word`] from a string: the visitor behind every word's `Deserialize`.
pub struct WordVisitor<T>(pub std::marker::PhantomData<T>);

impl<T: Word> serde::de::Visitor<'_> for WordVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "one of {}", T::WORDS.join(", "))
    }

    /// A word outside its list is serde's own "unknown variant" error, naming the words there
    /// are. The request's reader ([`crate::contract::wire`]) does not use this visitor: it reads
    /// the text and words its own error; a caseload filter (`web/caseload.rs`) shows this text.
    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<T, E> {
        T::parse(word).ok_or_else(|| E::unknown_variant(word, T::WORDS))
    }
}

#[cfg(test)]
mod tests {
    use crate::vocabulary::lang::Lang;

    /// A word read through serde (a caseload filter) is refused in serde's own words, naming the
    /// words there are, with no mark or code inside the text.
    #[test]
    fn a_word_outside_its_list_is_refused_in_plain_words() {
        let e = serde_json::from_str::<Lang>(r#""xx""#).expect_err("no such language");
        assert_eq!(
            e.to_string(),
            "unknown variant `xx`, expected `da` or `en` at line 1 column 4"
        );
        let e = serde_json::from_str::<Lang>("5").expect_err("not a string");
        assert_eq!(
            e.to_string(),
            "invalid type: integer `5`, expected one of da, en at line 1 column 1"
        );
        assert_eq!(serde_json::from_str::<Lang>(r#""en""#).ok(), Some(Lang::En));
    }
}

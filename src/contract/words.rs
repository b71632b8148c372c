//! Enums whose values are fixed words of the JSON contract ("fuldtid", "akasse", "E_JSON"…).
//! One macro gives each its word list, parsing and JSON forms, so a word is written once.

/// A value that is one of a fixed list of words.
pub trait Word: Copy + 'static {
    /// Every word, in declaration order.
    const WORDS: &'static [&'static str];
    fn parse(word: &str) -> Option<Self>;
    fn as_str(self) -> &'static str;
}

/// `words! { pub enum Insurance { Fuldtid = "fuldtid", Deltid = "deltid" } }`
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
        pub enum $name { $( $(#[$vmeta])* #[cfg_attr(target_arch = "wasm32", serde(rename = $word))] $variant ),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value's word in the JSON contract.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl $crate::contract::words::Word for $name {
            const WORDS: &'static [&'static str] = &[$($word),+];
            fn parse(word: &str) -> Option<Self> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }

        /// Reads the word; any other text is refused with `E_UNKNOWN_VALUE`, naming the words
        /// allowed ([`crate::contract::wire`] turns the error into the contract's).
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_str($crate::contract::words::WordVisitor::<$name>(std::marker::PhantomData))
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

/// Reads a [`Word`] from a string: the visitor behind every word's `Deserialize`.
pub struct WordVisitor<T>(pub std::marker::PhantomData<T>);

impl<T: Word> serde::de::Visitor<'_> for WordVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::contract::wire::EXPECT_STRING)
    }

    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<T, E> {
        T::parse(word).ok_or_else(|| crate::contract::wire::unknown_value(word, T::WORDS))
    }
}

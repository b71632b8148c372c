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
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

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

        impl $crate::contract::json::ToJson for $name {
            fn write_json(&self, out: &mut String) {
                $crate::contract::json::write_string(self.as_str(), out);
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

//! A small, strict JSON reader and writer for requests (RFC 8259), with two rules a general
//! parser lacks: a key may appear only once in an object, and values nest at most
//! [`MAX_DEPTH`] deep. Numbers are kept as their text — no request field is a number, so
//! reading one never needs floating point — and every syntax error names its line and column.
//!
//! The command line and the WebAssembly module both read requests through [`parse`]; a JS
//! object is first turned into a [`Json`] value, written with [`write`] and read back, so the
//! two interfaces cannot drift.

use std::fmt::Write as _;

/// JSON nested deeper than this is refused (a request is three levels deep). The limit also
/// stops a cyclic JS object before it exhausts the stack.
pub const MAX_DEPTH: usize = 32;

/// A JSON value. Objects keep their keys in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as written (already checked against the JSON grammar).
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Object),
}

/// An object's members, in order, each key once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Object(Vec<(String, Json)>);

impl Object {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Adds a member; refuses a key already present.
    pub fn insert(&mut self, key: String, value: Json) -> Result<(), JsonError> {
        // A small object is checked key by key; a large one (never a valid request, but a
        // 64 KiB text can hold thousands of keys) once, sorted, in `finish`.
        if self.0.len() < SMALL && self.get(&key).is_some() {
            return Err(JsonError::Duplicate(key));
        }
        self.0.push((key, value));
        Ok(())
    }

    /// Refuses a repeated key among the members added past [`SMALL`].
    fn finish(self) -> Result<Object, JsonError> {
        if self.0.len() > SMALL {
            let mut keys: Vec<&str> = self.keys().collect();
            crate::sort::heapsort(&mut keys);
            if let Some(pair) = keys.windows(2).find(|w| w[0] == w[1]) {
                return Err(JsonError::Duplicate(pair[0].to_owned()));
            }
        }
        Ok(self)
    }
}

/// Up to this many members, an object is checked for repeated keys as it is read.
const SMALL: usize = 16;

/// What is wrong with a JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON: where (1-based line and column, in characters) and what.
    Syntax {
        line: usize,
        column: usize,
        problem: Problem,
    },
    /// A key written twice in one object.
    Duplicate(String),
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// A syntax error, worded for people in [`Problem::words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    End,
    Value,
    Key,
    Colon,
    CommaOrEnd(u8),
    Trailing,
    Control,
    Escape,
    Surrogate,
    Number,
}

impl Problem {
    /// The problem in Danish and in English.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Problem::End => ("teksten slutter for tidligt", "the text ends too early"),
            Problem::Value => ("her skulle stå en værdi", "a value was expected here"),
            Problem::Key => (
                "her skulle stå et feltnavn i anførselstegn",
                "a field name in double quotes was expected here",
            ),
            Problem::Colon => ("her skulle stå et kolon", "a colon was expected here"),
            Problem::CommaOrEnd(b'}') => ("her skulle stå et komma eller }", "a comma or } was expected here"),
            Problem::CommaOrEnd(_) => ("her skulle stå et komma eller ]", "a comma or ] was expected here"),
            Problem::Trailing => ("der står mere efter forespørgslen", "there is more after the request"),
            Problem::Control => (
                "en tekst indeholder et kontroltegn, som skal skrives med \\",
                "a string holds a control character that must be escaped",
            ),
            Problem::Escape => ("en tekst har en ugyldig \\-kode", "a string has an invalid \\ escape"),
            Problem::Surrogate => (
                "en \\u-kode er et halvt tegn (surrogat)",
                "a \\u escape is half a character (a lone surrogate)",
            ),
            Problem::Number => ("et tal er skrevet forkert", "a number is malformed"),
        }
    }
}

/// Reads one JSON value that fills the whole text (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser { text, at: 0 };
    p.space();
    let value = p.value(0)?;
    p.space();
    if p.at < text.len() {
        return Err(p.fail(Problem::Trailing));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    /// An error at the current position.
    fn fail(&self, problem: Problem) -> JsonError {
        let problem = if self.at >= self.text.len() && problem != Problem::Trailing {
            Problem::End
        } else {
            problem
        };
        // Counted on bytes: a line ends at b'\n'; a character starts at every byte that is not
        // a UTF-8 continuation byte (0b10xx_xxxx).
        let before = &self.bytes()[..self.at.min(self.text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = 1 + before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        JsonError::Syntax { line, column, problem }
    }

    /// The text from `from` to the current position; both are at ASCII bytes (or the end),
    /// so the slice is on character boundaries and never `None`.
    fn slice(&self, from: usize) -> Result<&'a str, JsonError> {
        self.text.get(from..self.at).ok_or_else(|| self.fail(Problem::Value))
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        if self.bytes()[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.fail(Problem::Value))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.eat("true", Json::Bool(true)),
            Some(b'f') => self.eat("false", Json::Bool(false)),
            Some(b'n') => self.eat("null", Json::Null),
            _ => Err(self.fail(Problem::Value)),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1; // {
        let mut object = Object::default();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(object));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.fail(Problem::Key));
            }
            let key = self.string()?;
            self.space();
            if self.peek() != Some(b':') {
                return Err(self.fail(Problem::Colon));
            }
            self.at += 1;
            self.space();
            let value = self.value(depth + 1)?;
            object.insert(key, value)?;
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return object.finish().map(Json::Object);
                }
                _ => return Err(self.fail(Problem::CommaOrEnd(b'}'))),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1; // [
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.space();
            items.push(self.value(depth + 1)?);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.fail(Problem::CommaOrEnd(b']'))),
            }
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Json, JsonError> {
        let from = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.fail(Problem::Number)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail(Problem::Number));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail(Problem::Number));
            }
            self.digits();
        }
        Ok(Json::Number(self.slice(from)?.to_owned()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    /// A string from its opening quote; escapes decoded, lone surrogates refused.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // "
        let mut out = String::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character at once.
            let run = self.bytes()[self.at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(self.text.len() - self.at);
            self.at += run;
            out.push_str(self.slice(self.at - run)?);
            match self.peek() {
                None => return Err(self.fail(Problem::End)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.fail(Problem::Control)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let high = self.hex4()?;
                let c = match high {
                    0xD800..=0xDBFF => {
                        if !self.bytes()[self.at..].starts_with(b"\\u") {
                            return Err(self.fail(Problem::Surrogate));
                        }
                        self.at += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.fail(Problem::Surrogate));
                        }
                        0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(self.fail(Problem::Surrogate)),
                    _ => high,
                };
                out.push(char::from_u32(c).ok_or_else(|| self.fail(Problem::Surrogate))?);
                return Ok(());
            }
            _ => return Err(self.fail(Problem::Escape)),
        };
        self.at += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let hex = self
            .bytes()
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.fail(Problem::Escape))?;
        let mut n = 0;
        for &b in hex {
            let d = (b as char).to_digit(16).ok_or_else(|| self.fail(Problem::Escape))?;
            n = n * 16 + d;
        }
        self.at += 4;
        Ok(n)
    }
}

/// Writes `value` as compact JSON text.
pub fn write(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => b.write_json(out),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => write_string(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Json::Object(object) => {
            let mut o = ObjectWriter::new(out);
            for (key, item) in &object.0 {
                o.key(key);
                write(item, o.out);
            }
            o.end();
        }
    }
}

/// A JSON string literal as serde_json writes it: `"` and `\` escaped, control characters as
/// `\n`, `\t`… or `\u00XX`, everything else as it is.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut plain = 0;
    // Every byte that needs an escape is ASCII, so a byte scan never splits a character.
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(plain_run(s, plain, i));
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push_str(plain_run(s, plain, s.len()));
    out.push('"');
}

/// `s[from..to]` where both ends are at ASCII bytes or the ends of `s`, so always on character
/// boundaries; `get` rather than indexing keeps the panic machinery of `str` slicing out of the
/// WebAssembly module.
fn plain_run(s: &str, from: usize, to: usize) -> &str {
    s.get(from..to).unwrap_or_default()
}

/// A value of the contract written as JSON text. The response types implement it by hand, in
/// the order their fields appear in the JSON, so the module needs no serialization framework.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_string(self, out);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_string(self, out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

/// A date as `"YYYY-MM-DD"` (the calculator's dates all lie in the years 1900–2201).
impl ToJson for chrono::NaiveDate {
    fn write_json(&self, out: &mut String) {
        use chrono::Datelike;
        let digits = |out: &mut String, n: u32, width: u32| {
            for p in (0..width).rev() {
                out.push(char::from(b'0' + (n / 10u32.pow(p) % 10) as u8));
            }
        };
        out.push('"');
        digits(out, self.year().clamp(0, 9999) as u32, 4);
        out.push('-');
        digits(out, self.month(), 2);
        out.push('-');
        digits(out, self.day(), 2);
        out.push('"');
    }
}

/// `None` is `null`; [`ObjectWriter::some`] leaves the key out instead.
impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// Writes one object, member by member: `ObjectWriter::new(out).field("id", &x).end()`.
pub struct ObjectWriter<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> ObjectWriter<'a> {
    pub fn new(out: &'a mut String) -> ObjectWriter<'a> {
        out.push('{');
        ObjectWriter { out, empty: true }
    }

    fn key(&mut self, key: &str) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        write_string(key, self.out);
        self.out.push(':');
    }

    /// A member.
    pub fn field<T: ToJson + ?Sized>(mut self, key: &str, value: &T) -> Self {
        self.key(key);
        value.write_json(self.out);
        self
    }

    /// A member only when there is a value.
    pub fn some<T: ToJson>(self, key: &str, value: &Option<T>) -> Self {
        match value {
            Some(v) => self.field(key, v),
            None => self,
        }
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(text: &str) -> (usize, usize, Problem) {
        match parse(text) {
            Err(JsonError::Syntax { line, column, problem }) => (line, column, problem),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v =
            parse(r#" {"a": [1, -0.5e+3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e6\ud83d\ude00"} "#).unwrap();
        let Json::Object(o) = &v else { panic!() };
        assert_eq!(o.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(
            o.get("a"),
            Some(&Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-0.5e+3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ]))
        );
        assert_eq!(o.get("b"), Some(&Json::String("x\"\\/\u{8}\u{c}\n\r\tæ😀".into())));
    }

    #[test]
    fn writes_what_it_reads() {
        for text in [
            r#"{"start":"2024-03-04","pauses":[{"from":"a\"b\\c\u0001"}],"x":[1.5e3,null,true]}"#,
            r#"[]"#,
            r#"{}"#,
            r#""æøå 😀""#,
        ] {
            let mut out = String::new();
            write(&parse(text).unwrap(), &mut out);
            assert_eq!(out, text);
        }
    }

    #[test]
    fn refuses_what_rfc_8259_refuses() {
        assert_eq!(syntax(""), (1, 1, Problem::End));
        assert_eq!(syntax("{"), (1, 2, Problem::End));
        assert_eq!(syntax("{\"a\":1,}"), (1, 8, Problem::Key));
        assert_eq!(syntax("{\"a\" 1}"), (1, 6, Problem::Colon));
        assert_eq!(syntax("{\"a\":1 \"b\":2}"), (1, 8, Problem::CommaOrEnd(b'}')));
        assert_eq!(syntax("[1 2]"), (1, 4, Problem::CommaOrEnd(b']')));
        assert_eq!(syntax("{}\n x"), (2, 2, Problem::Trailing));
        assert_eq!(syntax("\u{feff}{}"), (1, 1, Problem::Value));
        assert_eq!(syntax("nul"), (1, 1, Problem::Value));
        assert_eq!(syntax("\"a\u{1}\""), (1, 3, Problem::Control));
        assert_eq!(syntax(r#""\x""#), (1, 3, Problem::Escape));
        assert_eq!(syntax(r#""\u12""#), (1, 4, Problem::Escape));
        assert_eq!(syntax(r#""\ud800""#), (1, 8, Problem::Surrogate));
        assert_eq!(syntax(r#""\udc00""#), (1, 8, Problem::Surrogate));
        assert_eq!(syntax(r#""\ud800\u0041""#), (1, 14, Problem::Surrogate));
        for bad in ["01", "-", "1.", "1e", ".5", "+1", "1.e3", "NaN", "Infinity"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        for good in ["0", "-0", "1.25", "1E9", "1e-9", "123456789012345678901234567890"] {
            assert_eq!(parse(good), Ok(Json::Number(good.into())));
        }
    }

    #[test]
    fn columns_count_characters_and_lines_restart_them() {
        assert_eq!(syntax("{\"æø\":1,\n  \"å\" 2}"), (2, 7, Problem::Colon));
    }

    #[test]
    fn refuses_duplicate_keys_and_deep_nesting() {
        assert_eq!(parse(r#"{"a":1,"b":2,"a":3}"#), Err(JsonError::Duplicate("a".into())));
        assert_eq!(parse(r#"{"a":{"b":1,"b":1}}"#), Err(JsonError::Duplicate("b".into())));
        // A large object is checked too: the repeat is past the first members.
        let many: Vec<String> = (0..5000).map(|i| format!("\"k{i}\":0")).collect();
        let text = format!("{{{},\"k4999\":1}}", many.join(","));
        assert_eq!(parse(&text), Err(JsonError::Duplicate("k4999".into())));
        assert!(parse(&format!("{{{}}}", many.join(","))).is_ok());
        let nest = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&nest(MAX_DEPTH)).is_ok());
        assert_eq!(parse(&nest(MAX_DEPTH + 1)), Err(JsonError::TooDeep));
        assert_eq!(parse(&"[".repeat(100_000)), Err(JsonError::TooDeep));
    }
}

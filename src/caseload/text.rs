//! What a caseload file is, told from its first bytes, and its text decoded to UTF-8 as the
//! chunks arrive: UTF-8 with or without a byte-order mark; Windows-1252, as Danish Excel writes
//! "CSV (semikolonsepareret)"; UTF-16 with a byte-order mark, as Excel writes "Unicode-tekst";
//! or no text at all — a spreadsheet (.xlsx, .xls, .ods: read by `sheet`) or something binary.
//!
//! Without a byte-order mark the file is UTF-8 unless its first non-ASCII character is not:
//! everything before it is ASCII, which both encodings read alike, so the choice is made while
//! streaming and never revised.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// The first bytes looked at before the kind of file is decided.
const HEAD: usize = 512;

/// What the file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Not decided yet (fewer than [`HEAD`] bytes seen).
    Unknown,
    Text(Encoding),
    /// A zip (.xlsx, .ods) or OLE (.xls) container.
    Spreadsheet,
    /// A NUL byte among the first bytes, and no UTF-16 byte-order mark.
    Binary,
}

/// The encoding a text file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, or only ASCII (which reads the same in every encoding here).
    Utf8,
    Utf8Bom,
    Windows1252,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    /// The encoding's name as people know it.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }
}

enum State {
    /// The first bytes, until [`HEAD`] of them (or the end) tell what the file is.
    Head(Vec<u8>),
    /// Text without a byte-order mark, ASCII so far; holds an incomplete non-ASCII sequence.
    Ascii(Vec<u8>),
    Utf8(Encoding),
    Legacy(Encoding, Box<encoding_rs::Decoder>),
    Done(Kind),
}

/// Decodes a file's bytes to UTF-8 text, chunk by chunk.
pub struct Decoder {
    state: State,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::new()
    }
}

impl Decoder {
    pub fn new() -> Decoder {
        Decoder {
            state: State::Head(Vec::new()),
        }
    }

    /// What the file is, as far as known.
    pub fn kind(&self) -> Kind {
        match &self.state {
            State::Head(_) => Kind::Unknown,
            State::Ascii(_) => Kind::Text(Encoding::Utf8),
            State::Utf8(e) | State::Legacy(e, _) => Kind::Text(*e),
            State::Done(k) => *k,
        }
    }

    /// The UTF-8 text of the next bytes (empty for a file that is not text). The first bytes of
    /// a spreadsheet or binary file are given back through `held` once the kind is known, so the
    /// caller can keep the whole file.
    pub fn decode<'a>(&mut self, bytes: &'a [u8], held: &mut Vec<u8>) -> Cow<'a, [u8]> {
        self.run(bytes, false, held)
    }

    /// The end of the file: the text still held back.
    pub fn finish(&mut self, held: &mut Vec<u8>) -> Vec<u8> {
        self.run(&[], true, held).into_owned()
    }

    fn run<'a>(&mut self, bytes: &'a [u8], last: bool, held: &mut Vec<u8>) -> Cow<'a, [u8]> {
        if let State::Head(head) = &mut self.state {
            head.extend_from_slice(bytes);
            if head.len() < HEAD && !last {
                return Cow::Borrowed(&[]);
            }
            let head = std::mem::take(head);
            self.state = classify(&head);
            if matches!(self.state, State::Done(_)) {
                held.extend_from_slice(&head);
                return Cow::Borrowed(&[]);
            }
            // A UTF-8 byte-order mark is not data: the splitter never sees it.
            let skip = if matches!(self.state, State::Utf8(Encoding::Utf8Bom)) {
                3
            } else {
                0
            };
            return Cow::Owned(self.text(&head[skip..], last).into_owned());
        }
        self.text(bytes, last)
    }

    fn text<'a>(&mut self, bytes: &'a [u8], last: bool) -> Cow<'a, [u8]> {
        match &mut self.state {
            State::Head(_) | State::Done(_) => Cow::Borrowed(&[]),
            State::Utf8(_) => Cow::Borrowed(bytes),
            State::Legacy(_, decoder) => Cow::Owned(legacy(decoder, bytes, last)),
            State::Ascii(pending) => {
                let joined: Cow<'a, [u8]> = if pending.is_empty() {
                    Cow::Borrowed(bytes)
                } else {
                    let mut v = std::mem::take(pending);
                    v.extend_from_slice(bytes);
                    Cow::Owned(v)
                };
                let Some(at) = joined.iter().position(|&b| b >= 0x80) else {
                    return joined;
                };
                let probe = &joined[at..joined.len().min(at + 4)];
                let decided = match std::str::from_utf8(probe) {
                    Ok(_) => Some(true),
                    Err(e) if e.valid_up_to() > 0 => Some(true),
                    Err(e) if e.error_len().is_some() => Some(false),
                    // An incomplete sequence at the end of what has arrived.
                    Err(_) if last => Some(false),
                    Err(_) => None,
                };
                match decided {
                    Some(true) => {
                        self.state = State::Utf8(Encoding::Utf8);
                        joined
                    }
                    Some(false) => {
                        let mut decoder = Box::new(WINDOWS_1252.new_decoder_without_bom_handling());
                        let mut out = joined[..at].to_vec();
                        out.extend(legacy(&mut decoder, &joined[at..], last));
                        self.state = State::Legacy(Encoding::Windows1252, decoder);
                        Cow::Owned(out)
                    }
                    None => {
                        let out = joined[..at].to_vec();
                        if let State::Ascii(pending) = &mut self.state {
                            pending.extend_from_slice(&joined[at..]);
                        }
                        Cow::Owned(out)
                    }
                }
            }
        }
    }
}

/// What the first bytes say the file is.
fn classify(head: &[u8]) -> State {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"\xEF\xBB\xBF") {
        return State::Utf8(Encoding::Utf8Bom);
    }
    if starts(b"\xFF\xFE") {
        return State::Legacy(Encoding::Utf16Le, Box::new(UTF_16LE.new_decoder_with_bom_removal()));
    }
    if starts(b"\xFE\xFF") {
        return State::Legacy(Encoding::Utf16Be, Box::new(UTF_16BE.new_decoder_with_bom_removal()));
    }
    if starts(b"PK\x03\x04") || starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return State::Done(Kind::Spreadsheet);
    }
    if head[..head.len().min(HEAD)].contains(&0) {
        return State::Done(Kind::Binary);
    }
    State::Ascii(Vec::new())
}

/// Decodes with an encoding_rs decoder into UTF-8 bytes.
fn legacy(decoder: &mut encoding_rs::Decoder, bytes: &[u8], last: bool) -> Vec<u8> {
    let room = decoder
        .max_utf8_buffer_length(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3).saturating_add(4));
    let mut out = String::with_capacity(room);
    let _ = decoder.decode_to_string(bytes, &mut out, last);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(chunks: &[&[u8]]) -> (Kind, String, Vec<u8>) {
        let mut d = Decoder::new();
        let mut out = Vec::new();
        let mut held = Vec::new();
        for c in chunks {
            out.extend_from_slice(&d.decode(c, &mut held));
        }
        out.extend(d.finish(&mut held));
        (d.kind(), String::from_utf8(out).expect("utf-8"), held)
    }

    #[test]
    fn each_encoding_is_told_and_decoded_whatever_the_chunks() {
        let text = "medlem;første_ledighedsdag\nSøren Ørsted;04-03-2024\nÅse;05-03-2024\n";
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let (cp1252, _, _) = WINDOWS_1252.encode(text);
        let padded = format!("{}{text}", "x".repeat(600));
        let (late_1252, _, _) = WINDOWS_1252.encode(&padded);
        let cases: Vec<(Vec<u8>, Encoding, String)> = vec![
            (text.as_bytes().to_vec(), Encoding::Utf8, text.into()),
            (
                [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
                Encoding::Utf8Bom,
                text.into(),
            ),
            (cp1252.into_owned(), Encoding::Windows1252, text.into()),
            (late_1252.into_owned(), Encoding::Windows1252, padded.clone()),
            (padded.clone().into_bytes(), Encoding::Utf8, padded),
            (utf16le, Encoding::Utf16Le, text.into()),
            (utf16be, Encoding::Utf16Be, text.into()),
            (b"a;b\n".to_vec(), Encoding::Utf8, "a;b\n".into()),
        ];
        for (bytes, encoding, want) in cases {
            for size in [1, 2, 3, 7, 100, 4096] {
                let chunks: Vec<&[u8]> = bytes.chunks(size).collect();
                let (kind, got, held) = read(&chunks);
                assert_eq!(kind, Kind::Text(encoding), "{encoding:?} in chunks of {size}");
                assert_eq!(got, want, "{encoding:?} in chunks of {size}");
                assert!(held.is_empty());
            }
        }
    }

    #[test]
    fn spreadsheets_and_binary_files_are_not_text() {
        let zip = b"PK\x03\x04\x14\x00rest of the zip";
        let (kind, text, held) = read(&[&zip[..3], &zip[3..]]);
        assert_eq!(
            (kind, text.as_str(), held.as_slice()),
            (Kind::Spreadsheet, "", &zip[..])
        );
        let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old .xls";
        assert_eq!(read(&[ole]).0, Kind::Spreadsheet);
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        assert_eq!(read(&[png]).0, Kind::Binary);
        // A file that ends inside a UTF-8 sequence is not UTF-8.
        assert_eq!(read(&[b"a;b\n\xC3"]).0, Kind::Text(Encoding::Windows1252));
    }
}

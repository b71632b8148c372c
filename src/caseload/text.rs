//! What a caseload file is, told from its first bytes, and its text decoded to UTF-8 as the
//! chunks arrive: UTF-8 with or without a byte-order mark; Windows-1252, as Danish Excel writes
//! "CSV (semikolonsepareret)"; UTF-16 with a byte-order mark, as Excel writes "Unicode-tekst";
//! or no text at all — a spreadsheet (.xlsx, .xls, .ods: read by `sheet`) or something binary.
//!
//! Without a byte-order mark the file is UTF-8 unless its first non-ASCII character is not:
//! everything before it is ASCII, which both encodings read alike, so the choice is made while
//! streaming and never revised.
//!
//! Windows-1252 and UTF-16 are decoded here, by the WHATWG Encoding Standard's rules (the
//! windows-1252 index; the shared UTF-16 decoder), rather than by encoding_rs: its decoder links
//! every encoding of the standard, which the caseload's light module does not carry
//! (docs/dependencies.md). The tests check these decoders against encoding_rs byte for byte.

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
    Legacy(Encoding, Legacy),
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
            // A byte-order mark is not data: the splitter never sees it.
            let skip = match self.state {
                State::Utf8(Encoding::Utf8Bom) => 3,
                State::Legacy(Encoding::Utf16Le | Encoding::Utf16Be, _) => 2,
                _ => 0,
            };
            return Cow::Owned(self.text(&head[skip..], last).into_owned());
        }
        self.text(bytes, last)
    }

    fn text<'a>(&mut self, bytes: &'a [u8], last: bool) -> Cow<'a, [u8]> {
        match &mut self.state {
            State::Head(_) | State::Done(_) => Cow::Borrowed(&[]),
            State::Utf8(_) => Cow::Borrowed(bytes),
            State::Legacy(_, decoder) => Cow::Owned(decoder.decode(bytes, last)),
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
                        let mut decoder = Legacy::Windows1252;
                        let mut out = joined[..at].to_vec();
                        out.extend(decoder.decode(&joined[at..], last));
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
        return State::Legacy(Encoding::Utf16Le, Legacy::utf16(false));
    }
    if starts(b"\xFE\xFF") {
        return State::Legacy(Encoding::Utf16Be, Legacy::utf16(true));
    }
    if starts(b"PK\x03\x04") || starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return State::Done(Kind::Spreadsheet);
    }
    if head[..head.len().min(HEAD)].contains(&0) {
        return State::Done(Kind::Binary);
    }
    State::Ascii(Vec::new())
}

/// The windows-1252 index of the WHATWG Encoding Standard for the bytes 0x80–0x9F; the bytes
/// 0xA0–0xFF are U+00A0–U+00FF, the bytes below 0x80 ASCII.
const WINDOWS_1252_80: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
    0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x009D, 0x017E, 0x0178,
];

/// A decoder of a text that is not UTF-8, with what it holds between chunks.
enum Legacy {
    /// Windows-1252: one byte, one character; nothing is held.
    Windows1252,
    /// UTF-16 (the byte-order mark already skipped): an odd byte and a lead surrogate are held
    /// until the next chunk.
    Utf16 {
        big_endian: bool,
        byte: Option<u8>,
        surrogate: Option<u16>,
    },
}

impl Legacy {
    fn utf16(big_endian: bool) -> Legacy {
        Legacy::Utf16 {
            big_endian,
            byte: None,
            surrogate: None,
        }
    }

    /// The UTF-8 text of the next bytes (`last`: the file ends with them). What cannot be
    /// decoded becomes U+FFFD, as the standard's decoders with replacement do.
    fn decode(&mut self, bytes: &[u8], last: bool) -> Vec<u8> {
        let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
        match self {
            Legacy::Windows1252 => {
                for &b in bytes {
                    let c = match b {
                        0x80..=0x9F => char::from_u32(u32::from(WINDOWS_1252_80[usize::from(b - 0x80)])),
                        _ => Some(char::from(b)),
                    };
                    out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
                }
            }
            Legacy::Utf16 {
                big_endian,
                byte,
                surrogate,
            } => {
                for &b in bytes {
                    let Some(first) = byte.take() else {
                        *byte = Some(b);
                        continue;
                    };
                    let unit = if *big_endian {
                        u16::from_be_bytes([first, b])
                    } else {
                        u16::from_le_bytes([first, b])
                    };
                    if let Some(lead) = surrogate.take() {
                        if (0xDC00..=0xDFFF).contains(&unit) {
                            let c = 0x10000 + ((u32::from(lead) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                            out.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
                            continue;
                        }
                        // A lead surrogate not followed by a trail one; the unit is read anew.
                        out.push(char::REPLACEMENT_CHARACTER);
                    }
                    match unit {
                        0xD800..=0xDBFF => *surrogate = Some(unit),
                        0xDC00..=0xDFFF => out.push(char::REPLACEMENT_CHARACTER),
                        _ => out.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)),
                    }
                }
                // The file ends inside a code unit or a surrogate pair: one replacement.
                if last && (byte.take().is_some() | surrogate.take().is_some()) {
                    out.push(char::REPLACEMENT_CHARACTER);
                }
            }
        }
        out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

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

    /// The decoders here against encoding_rs, the WHATWG standard's well-kept implementation:
    /// random bytes (biased to what is hard: surrogates, odd lengths, the 0x80–0x9F row) in
    /// random chunks decode to the same text.
    #[test]
    fn the_hand_decoders_agree_with_encoding_rs() {
        let mut rng = crate::test_rng::Rng(23);
        let interesting = [
            0x00, 0x41, 0x80, 0x81, 0x8D, 0x9F, 0xA0, 0xC5, 0xD8, 0xDB, 0xDC, 0xDF, 0xFF,
        ];
        for round in 0..3000 {
            let len = rng.below(40);
            let body: Vec<u8> = (0..len)
                .map(|_| {
                    if rng.chance(60) {
                        interesting[rng.below(interesting.len())]
                    } else {
                        rng.next() as u8
                    }
                })
                .collect();
            let (encoding, bom, wanted): (_, &[u8], _) = match round % 3 {
                0 => (Encoding::Utf16Le, b"\xFF\xFE", encoding_rs::UTF_16LE),
                1 => (Encoding::Utf16Be, b"\xFE\xFF", encoding_rs::UTF_16BE),
                _ => (Encoding::Windows1252, b"", WINDOWS_1252),
            };
            let mut decoder = match encoding {
                Encoding::Windows1252 => Legacy::Windows1252,
                e => Legacy::utf16(e == Encoding::Utf16Be),
            };
            let mut got = Vec::new();
            let mut rest = &body[..];
            while !rest.is_empty() {
                let (chunk, tail) = rest.split_at(1 + rng.below(rest.len()));
                got.extend(decoder.decode(chunk, false));
                rest = tail;
            }
            got.extend(decoder.decode(&[], true));
            let (want, _) = wanted.decode_with_bom_removal(&body);
            assert_eq!(
                String::from_utf8(got).expect("utf-8"),
                want,
                "{encoding:?} of {body:02X?}"
            );
            // And the whole reader, byte-order mark and all, for the UTF-16 files.
            if !bom.is_empty() {
                let file = [bom, &body[..]].concat();
                let (kind, text, _) = read(&[&file]);
                assert_eq!((kind, text.as_str()), (Kind::Text(encoding), &*want));
            }
        }
    }
}

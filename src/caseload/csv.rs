//! Reading a caseload file as exported from Excel or a case system: semicolon, comma or tab
//! separated, UTF-8 with or without a byte-order mark, quoted fields (RFC 4180, with `""` for a
//! quote and line breaks inside quotes), Danish `dd-mm-yyyy`, `dd.mm.yyyy` or ISO dates. The file
//! arrives in chunks of bytes, as a browser or a disk gives it; a record is read once it is whole.

use crate::rules::dates::{DateError, parse_iso};
use chrono::NaiveDate;
use std::borrow::Cow;

/// A record (one row) may be at most this long.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;

/// A complete record: its fields as raw bytes, and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub bytes: Vec<u8>,
    /// The record was longer than [`MAX_RECORD_BYTES`]; `bytes` holds its start only.
    pub too_long: bool,
}

/// Splits a stream of bytes into records: a line break ends a record unless it is inside quotes.
/// Knowing whether a line break is quoted only takes the parity of the quotes seen, so records
/// can be found before the delimiter is known.
#[derive(Debug, Default)]
pub struct Splitter {
    current: Vec<u8>,
    too_long: bool,
    in_quotes: bool,
    /// The line the next byte is on.
    line: usize,
    start_line: usize,
    started: bool,
    /// Bytes of a UTF-8 byte-order mark still to be checked at the very start.
    seen: usize,
}

impl Splitter {
    pub fn new() -> Splitter {
        Splitter {
            line: 1,
            start_line: 1,
            ..Splitter::default()
        }
    }

    /// Feeds bytes; calls `out` for each record completed by them.
    pub fn feed(&mut self, mut bytes: &[u8], out: &mut impl FnMut(Record)) {
        // A byte-order mark at the start of the file is not data.
        while self.seen < 3 && !bytes.is_empty() {
            let bom = [0xEF, 0xBB, 0xBF];
            if bytes[0] == bom[self.seen] && self.current.len() == self.seen {
                self.current.push(bytes[0]);
                self.seen += 1;
                bytes = &bytes[1..];
                if self.seen == 3 {
                    self.current.clear();
                }
            } else {
                self.seen = 3;
            }
        }
        let mut i = 0;
        while i < bytes.len() {
            if !self.started {
                self.started = true;
                self.start_line = self.line;
            }
            // Copy the run up to the next quote or line break at once.
            let run = bytes[i..]
                .iter()
                .position(|&b| b == b'"' || b == b'\n')
                .map_or(bytes.len(), |k| i + k);
            self.push(&bytes[i..run]);
            if run == bytes.len() {
                break;
            }
            let b = bytes[run];
            i = run + 1;
            if b == b'"' {
                self.in_quotes = !self.in_quotes;
            } else {
                self.line += 1;
                if !self.in_quotes {
                    self.emit(out);
                    continue;
                }
            }
            self.push(&[b]);
        }
    }

    /// Keeps bytes of the current record, up to the limit.
    fn push(&mut self, bytes: &[u8]) {
        let room = MAX_RECORD_BYTES.saturating_sub(self.current.len());
        if bytes.len() > room {
            self.too_long = true;
        }
        self.current.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    /// Ends the input: the last record, if the file does not end with a line break. Returns true
    /// if the file ended inside quotes (an unterminated quoted field).
    pub fn finish(&mut self, out: &mut impl FnMut(Record)) -> bool {
        let open = self.in_quotes;
        if self.started {
            self.emit(out);
        }
        open
    }

    /// The line the splitter has reached (for progress and for an unterminated quote's message).
    pub fn line(&self) -> usize {
        self.line
    }

    pub fn start_line(&self) -> usize {
        self.start_line
    }

    fn emit(&mut self, out: &mut impl FnMut(Record)) {
        if self.current.last() == Some(&b'\r') {
            self.current.pop();
        }
        let bytes = std::mem::take(&mut self.current);
        out(Record {
            line: self.start_line,
            bytes,
            too_long: self.too_long,
        });
        self.too_long = false;
        self.in_quotes = false;
        self.started = false;
        self.seen = 3;
    }
}

/// Why a record's fields could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    /// A quoted field has text after its closing quote, or no closing quote.
    Quote,
    /// The bytes are not UTF-8.
    Encoding,
}

/// The delimiter of a file, guessed from its header: the most frequent of `;`, `,` and tab
/// outside quotes (`;` when there is none, as Danish Excel writes).
pub fn guess_delimiter(header: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in header {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => counts[0] += 1,
            b',' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b';'
    } else {
        [b';', b',', b'\t'][best]
    }
}

/// The fields of a record, unquoted and trimmed, into `out` (cleared first). A field borrows the
/// record's bytes unless it holds an escaped quote.
pub fn fields<'a>(record: &'a [u8], delimiter: u8, out: &mut Vec<Cow<'a, str>>) -> Result<(), FieldError> {
    out.clear();
    let text = |bytes: &'a [u8]| {
        std::str::from_utf8(bytes)
            .map(str::trim)
            .map_err(|_| FieldError::Encoding)
    };
    let mut i = 0;
    loop {
        // Leading spaces before a quote are allowed (as Excel sometimes writes them).
        let mut j = i;
        while j < record.len() && record[j] == b' ' {
            j += 1;
        }
        if j < record.len() && record[j] == b'"' {
            let first = j + 1;
            let mut escaped: Option<Vec<u8>> = None;
            i = first;
            loop {
                match record.get(i) {
                    None => return Err(FieldError::Quote),
                    Some(b'"') if record.get(i + 1) == Some(&b'"') => {
                        let buf = escaped.get_or_insert_with(|| record[first..i].to_vec());
                        buf.push(b'"');
                        i += 2;
                    }
                    Some(b'"') => {
                        let field = match escaped.take() {
                            Some(buf) => Cow::Owned(
                                String::from_utf8(buf)
                                    .map_err(|_| FieldError::Encoding)?
                                    .trim()
                                    .to_string(),
                            ),
                            None => Cow::Borrowed(text(&record[first..i])?),
                        };
                        out.push(field);
                        i += 1;
                        break;
                    }
                    Some(&b) => {
                        if let Some(buf) = escaped.as_mut() {
                            buf.push(b);
                        }
                        i += 1;
                    }
                }
            }
            while i < record.len() && record[i] == b' ' {
                i += 1;
            }
            if i < record.len() && record[i] != delimiter {
                return Err(FieldError::Quote);
            }
        } else {
            let end = record[i..]
                .iter()
                .position(|&b| b == delimiter)
                .map_or(record.len(), |k| i + k);
            out.push(Cow::Borrowed(text(&record[i..end])?));
            i = end;
        }
        if i >= record.len() {
            return Ok(());
        }
        i += 1; // the delimiter
    }
}

/// A date as people write them in Danish files: `4-3-2024`, `04-03-2024`, `04.03.2024`, or ISO
/// `2024-03-04`. Nothing is guessed: `03/04/2024` (day or month first?) is refused.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let b = s.trim().as_bytes();
    if b.len() == 10 && b[4] == b'-' {
        return parse_iso(s.trim());
    }
    // d[d] SEP m[m] SEP yyyy, with SEP one of '-' and '.', the same both times.
    let number = |from: usize, max: usize| -> Option<(u32, usize)> {
        let len = b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 || len > max {
            return None;
        }
        let n = b[from..from + len]
            .iter()
            .fold(0u32, |n, c| n * 10 + u32::from(c - b'0'));
        Some((n, from + len))
    };
    let parsed = (|| {
        let (day, i) = number(0, 2)?;
        let sep = *b.get(i).filter(|c| **c == b'-' || **c == b'.')?;
        let (month, j) = number(i + 1, 2)?;
        (b.get(j) == Some(&sep)).then_some(())?;
        let (year, k) = number(j + 1, 4)?;
        (k == b.len() && k - j - 1 == 4).then_some((day, month, year))
    })();
    let (day, month, year) = parsed.ok_or(DateError::Format)?;
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::ymd;

    fn split(chunks: &[&[u8]]) -> (Vec<Record>, bool) {
        let mut s = Splitter::new();
        let mut out = Vec::new();
        for c in chunks {
            s.feed(c, &mut |r| out.push(r));
        }
        let open = s.finish(&mut |r| out.push(r));
        (out, open)
    }

    #[test]
    fn records_split_on_unquoted_line_breaks_whatever_the_chunks() {
        let text: &[u8] = b"\xEF\xBB\xBFa;b\r\n1;\"x\ny\"\n2;z";
        let whole = split(&[text]);
        // Every way of cutting the bytes in two gives the same records.
        for cut in 0..text.len() {
            assert_eq!(split(&[&text[..cut], &text[cut..]]), whole, "cut at {cut}");
        }
        let (records, open) = whole;
        assert!(!open);
        let lines: Vec<(usize, &[u8])> = records.iter().map(|r| (r.line, r.bytes.as_slice())).collect();
        assert_eq!(lines, vec![(1, &b"a;b"[..]), (2, &b"1;\"x\ny\""[..]), (4, &b"2;z"[..])]);
    }

    #[test]
    fn an_unterminated_quote_is_noticed() {
        let (records, open) = split(&[b"a;b\n1;\"never closed\n2;3\n"]);
        assert!(open);
        assert_eq!(records.len(), 2);
    }

    #[test]
    fn a_long_record_is_cut_and_flagged() {
        let long = vec![b'x'; MAX_RECORD_BYTES + 10];
        let (records, _) = split(&[b"a\n", &long, b"\nb\n"]);
        assert!(records[1].too_long);
        assert_eq!(records[1].bytes.len(), MAX_RECORD_BYTES);
        assert!(!records[2].too_long);
        assert_eq!(records[2].line, 3);
    }

    fn fields_of(record: &[u8], delimiter: u8) -> Result<Vec<String>, FieldError> {
        let mut out = Vec::new();
        fields(record, delimiter, &mut out)?;
        Ok(out.into_iter().map(Cow::into_owned).collect())
    }

    #[test]
    fn fields_are_unquoted_and_trimmed() {
        assert_eq!(
            fields_of(b" a ; \"b;c\" ;\"d\"\"e\";;\"\"\"x\"\"\"", b';'),
            Ok(vec!["a".into(), "b;c".into(), "d\"e".into(), "".into(), "\"x\"".into()])
        );
        assert_eq!(fields_of(b"\"a\"x;b", b';'), Err(FieldError::Quote));
        assert_eq!(fields_of(b"\"a;b", b';'), Err(FieldError::Quote));
        assert_eq!(fields_of(b"a;\xff", b';'), Err(FieldError::Encoding));
        assert_eq!(fields_of(b"\"\xff\"", b';'), Err(FieldError::Encoding));
        assert_eq!(fields_of(b"", b','), Ok(vec!["".into()]));
    }

    #[test]
    fn delimiters_are_guessed_from_the_header() {
        assert_eq!(guess_delimiter(b"medlem;start;forsikring"), b';');
        assert_eq!(guess_delimiter(b"member,start,insurance"), b',');
        assert_eq!(guess_delimiter(b"member\tstart"), b'\t');
        assert_eq!(guess_delimiter(b"\"a;b\",c"), b',');
        assert_eq!(guess_delimiter(b"member"), b';');
    }

    #[test]
    fn danish_and_iso_dates() {
        for s in [
            "04-03-2024",
            "4-3-2024",
            "04.03.2024",
            "4.3.2024",
            "2024-03-04",
            " 04-03-2024 ",
        ] {
            assert_eq!(parse_date(s), Ok(ymd(2024, 3, 4)), "{s}");
        }
        assert_eq!(parse_date("30-02-2024"), Err(DateError::Invalid));
        for s in [
            "03/04/2024",
            "2024-3-4",
            "04-03-24",
            "04-03-2024-1",
            "",
            "4.3-2024",
            "x",
        ] {
            assert_eq!(parse_date(s), Err(DateError::Format), "{s}");
        }
    }
}

//! Reading a caseload file as exported from Excel or a case system: semicolon, comma, tab or
//! pipe separated, quoted fields (RFC 4180, with `""` for a quote and line breaks inside quotes,
//! read in the relaxed way: only a field that begins with a quote is quoted, a quote inside an
//! unquoted field is a plain character), Danish `dd-mm-yyyy`, `dd.mm.yyyy` or ISO dates. The text
//! arrives in chunks of UTF-8 bytes (`text` decodes the file); a record is read once it is whole.
//!
//! One bad row never costs another: a quote still open when the record has reached
//! [`MAX_RECORD_BYTES`] or the file has ended was never closed, so the record is cut back to its
//! first line — that line is the row with the error — and the lines after it are read again.

use crate::vocabulary::dates::{DateError, parse_iso};
use chrono::NaiveDate;
use std::borrow::Cow;

/// A record (one row) may be at most this long.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;

/// The separators a header may use, in the order a tie is settled.
pub const DELIMITERS: [u8; 4] = [b';', b',', b'\t', b'|'];

/// A complete record: its fields as raw bytes, and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub bytes: Vec<u8>,
    /// The record was longer than [`MAX_RECORD_BYTES`]; `bytes` holds its start only.
    pub too_long: bool,
}

/// Where the reading of a record's fields is: the one reading of quotes, shared by the splitter
/// (where a record ends: a line break outside quotes) and [`fields`] (what the fields hold).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum State {
    /// At the start of a field (spaces may come before a quote).
    #[default]
    FieldStart,
    /// In a field that did not begin with a quote: a quote is a plain character.
    Unquoted,
    /// Inside a quoted field: a line break belongs to the field.
    Quoted,
    /// Just after a quote inside a quoted field: `""` or the field's end.
    QuoteInQuoted,
    /// After a quoted field's closing quote and spaces: only the delimiter may come.
    Closed,
}

impl State {
    /// The state after byte `b`, given whether it is the delimiter. (A line break that ends a
    /// record is the splitter's to see first; to [`fields`] it is a plain byte.) Text after a
    /// quoted field's closing quote leads to `Unquoted`: to the splitter its quotes are plain
    /// characters, to [`fields`] it is an error.
    fn next(self, b: u8, delimiter: bool) -> State {
        match (self, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') | (State::FieldStart, b'"') => State::Quoted,
            (State::FieldStart, b' ') => State::FieldStart,
            (State::QuoteInQuoted | State::Closed, b' ') => State::Closed,
            _ if delimiter => State::FieldStart,
            _ => State::Unquoted,
        }
    }
}

/// Lines inside a quoted field that look like member rows, as many as are kept to be named.
pub const SWALLOWED_EXAMPLES: usize = 20;

/// Where a record kept whole over several lines has lines that on their own read as rows of the
/// header's width: members the quoted field may have taken in (`W_QUOTE_SPANS_ROWS`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Swallowed {
    /// Lines that look like member rows, in all.
    pub lines: usize,
    /// The records (rows) that hold them.
    pub records: usize,
    /// The first [`SWALLOWED_EXAMPLES`] of them: (the record's first line, the line).
    pub examples: Vec<(usize, usize)>,
}

/// Splits a stream of bytes into records: a line break ends a record unless it is inside a
/// quoted field. The delimiter is guessed from the first record that is not blank (the header);
/// until then any of [`DELIMITERS`] starts a field.
///
/// A record whose quoted field spans lines is taken only if it then reads as a row of the
/// header's width; otherwise (a stray opening quote that paired with a quote on a later line) it
/// is cut back to its first line, like a quote still open at the limit or at the end of the file.
/// A record so taken whose lines after the first themselves read as rows of the header's width
/// is kept (a legal multi-line cell may hold such text), and those lines are noted
/// ([`Splitter::swallowed`]) for a warning.
#[derive(Debug, Default)]
pub struct Splitter {
    current: Vec<u8>,
    too_long: bool,
    /// A line break inside quotes is part of the current record.
    multiline: bool,
    state: State,
    delimiter: Option<u8>,
    /// The number of fields of the header, once read.
    width: Option<usize>,
    /// The line the next byte is on.
    line: usize,
    start_line: usize,
    started: bool,
    /// Bytes to read again (the lines after a record cut back), and how far they are read.
    replay: Vec<u8>,
    replayed: usize,
    /// Set by a cut back: the bytes after the record's first line.
    cut: Option<Vec<u8>>,
    swallowed: Swallowed,
}

impl Splitter {
    pub fn new() -> Splitter {
        Splitter {
            line: 1,
            start_line: 1,
            ..Splitter::default()
        }
    }

    /// The lines inside quoted fields that look like member rows.
    pub fn swallowed(&self) -> &Swallowed {
        &self.swallowed
    }

    /// The delimiter guessed from the header, once it has been read.
    pub fn delimiter(&self) -> Option<u8> {
        self.delimiter
    }

    fn is_delimiter(&self, b: u8) -> bool {
        match self.delimiter {
            Some(d) => b == d,
            None => DELIMITERS.contains(&b),
        }
    }

    /// Feeds bytes; calls `out` for each record completed by them.
    pub fn feed(&mut self, bytes: &[u8], out: &mut impl FnMut(Record)) {
        let mut i = 0;
        loop {
            // What was cut back is read before anything after it.
            while self.replayed < self.replay.len() {
                let buf = std::mem::take(&mut self.replay);
                let done = self.replayed + self.run(&buf[self.replayed..], out);
                match self.cut.take() {
                    Some(mut tail) => {
                        tail.extend_from_slice(&buf[done..]);
                        self.replay = tail;
                        self.replayed = 0;
                    }
                    None => {
                        self.replay = buf;
                        self.replayed = done;
                    }
                }
            }
            self.replay.clear();
            self.replayed = 0;
            if i >= bytes.len() {
                return;
            }
            i += self.run(&bytes[i..], out);
            if let Some(tail) = self.cut.take() {
                self.replay = tail;
            }
        }
    }

    /// Reads bytes until they end or a record is cut back; gives how many were read.
    fn run(&mut self, bytes: &[u8], out: &mut impl FnMut(Record)) -> usize {
        let mut i = 0;
        while i < bytes.len() && self.cut.is_none() {
            if !self.started {
                self.started = true;
                self.start_line = self.line;
            }
            let rest = &bytes[i..];
            if self.too_long {
                // A record cut at the limit ends at the next line break, quotes or not.
                let Some(k) = rest.iter().position(|&b| b == b'\n') else {
                    return bytes.len();
                };
                i += k + 1;
                self.line += 1;
                self.emit(out, true);
                continue;
            }
            match self.state {
                State::FieldStart | State::QuoteInQuoted | State::Closed => {
                    let b = rest[0];
                    i += 1;
                    if b == b'\n' {
                        self.line += 1;
                        self.emit(out, true);
                        continue;
                    }
                    self.state = self.state.next(b, self.is_delimiter(b));
                    self.push(&[b]);
                }
                State::Unquoted => {
                    let k = rest
                        .iter()
                        .position(|&b| b == b'\n' || self.is_delimiter(b))
                        .unwrap_or(rest.len());
                    self.push(&rest[..k]);
                    i += k;
                    if k < rest.len() {
                        // The delimiter or line break is read as at the start of a field.
                        self.state = State::FieldStart;
                    }
                }
                State::Quoted => {
                    let k = rest
                        .iter()
                        .position(|&b| b == b'"' || b == b'\n')
                        .map_or(rest.len(), |k| k + 1);
                    if self.current.len() + k > MAX_RECORD_BYTES {
                        if self.cut_back(false) {
                            self.emit_only(out);
                            return i;
                        }
                        // One line too long: it ends at its line break, quotes or not.
                        continue;
                    }
                    self.push(&rest[..k]);
                    i += k;
                    match rest.get(k.wrapping_sub(1)) {
                        Some(b'"') => self.state = State::QuoteInQuoted,
                        Some(b'\n') => {
                            self.line += 1;
                            self.multiline = true;
                        }
                        _ => {}
                    }
                }
            }
        }
        i
    }

    /// Cuts the current record back to its first line, which is emitted by the caller as a record
    /// of its own (with its open quote, that row's error); the bytes after it are to be read
    /// again. False when the record has no line break: it is then one line too long.
    fn cut_back(&mut self, ended: bool) -> bool {
        let Some(k) = self.current.iter().position(|&b| b == b'\n') else {
            self.too_long = true;
            return false;
        };
        let mut tail = self.current.split_off(k + 1);
        self.current.pop();
        if ended {
            tail.push(b'\n');
        }
        self.cut = Some(tail);
        self.line = self.start_line + 1;
        self.multiline = false;
        if !ended {
            // The first line is a record now; the rest is read again.
            self.too_long = false;
        }
        true
    }

    /// Keeps bytes of the current record, up to the limit.
    fn push(&mut self, bytes: &[u8]) {
        let room = MAX_RECORD_BYTES.saturating_sub(self.current.len());
        if bytes.len() > room {
            self.too_long = true;
        }
        self.current.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    /// Ends the input: the last record, if the file does not end with a line break; a quote
    /// still open is cut back to its line, and the lines after it are read again.
    pub fn finish(&mut self, out: &mut impl FnMut(Record)) {
        loop {
            self.feed(&[], out);
            if !self.started {
                return;
            }
            if self.state == State::Quoted && self.multiline && !self.too_long {
                self.cut_back(false);
                self.emit_only(out);
            } else {
                self.emit(out, false);
            }
            if let Some(tail) = self.cut.take() {
                self.replay = tail;
                self.replayed = 0;
            }
        }
    }

    /// The line the splitter has reached (for progress).
    pub fn line(&self) -> usize {
        self.line
    }

    /// Ends the current record; a record spanning lines that does not read as a row of the
    /// header's width is cut back first.
    fn emit(&mut self, out: &mut impl FnMut(Record), ended: bool) {
        if self.current.last() == Some(&b'\r') {
            self.current.pop();
        }
        if self.multiline && !self.too_long && !self.fits() {
            self.cut_back(ended);
        }
        if self.multiline && !self.too_long {
            self.note_swallowed();
        }
        self.emit_only(out);
    }

    /// Notes the lines after the first of the current record (kept whole over several lines)
    /// that on their own read as rows of the header's width (a header that is read has two
    /// columns at least: member and start).
    fn note_swallowed(&mut self) {
        let (Some(delimiter), Some(width)) = (self.delimiter, self.width) else {
            return;
        };
        let mut f = Vec::new();
        let mut found = false;
        for (k, line) in self.current.split(|&b| b == b'\n').enumerate().skip(1) {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if fields(line, delimiter, &mut f).is_ok() && f.len() >= width && width_of(&f) <= width {
                found = true;
                self.swallowed.lines += 1;
                if self.swallowed.examples.len() < SWALLOWED_EXAMPLES {
                    self.swallowed.examples.push((self.start_line, self.start_line + k));
                }
            }
        }
        self.swallowed.records += usize::from(found);
    }

    /// Whether the current record reads as a row as wide as the header.
    fn fits(&self) -> bool {
        let (Some(delimiter), Some(width)) = (self.delimiter, self.width) else {
            return true;
        };
        let mut f = Vec::new();
        match fields(&self.current, delimiter, &mut f) {
            Ok(()) => f.len() >= width && width_of(&f) <= width,
            Err(FieldError::Quote) => false,
            Err(FieldError::Encoding) => true,
        }
    }

    fn emit_only(&mut self, out: &mut impl FnMut(Record)) {
        if self.current.last() == Some(&b'\r') {
            self.current.pop();
        }
        let bytes = std::mem::take(&mut self.current);
        if self.delimiter.is_none() && !bytes.iter().all(u8::is_ascii_whitespace) {
            let delimiter = guess_delimiter(&bytes);
            self.delimiter = Some(delimiter);
            let mut f = Vec::new();
            self.width = fields(&bytes, delimiter, &mut f).ok().map(|()| width_of(&f));
        }
        out(Record {
            line: self.start_line,
            bytes,
            too_long: self.too_long,
        });
        self.too_long = false;
        self.multiline = false;
        self.state = State::FieldStart;
        self.started = false;
    }
}

/// The number of fields up to the last one that is not empty: trailing empty fields, as Excel
/// leaves after a table, do not count.
pub fn width_of(fields: &[Cow<'_, str>]) -> usize {
    fields.iter().rposition(|f| !f.is_empty()).map_or(0, |k| k + 1)
}

/// Why a record's fields could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    /// A quoted field has text after its closing quote, or no closing quote.
    Quote,
    /// The bytes are not UTF-8.
    Encoding,
}

/// The delimiter of a file, guessed from its header: the most frequent of `;`, `,`, tab and `|`
/// outside quotes (`;` when there is none, as Danish Excel writes).
pub fn guess_delimiter(header: &[u8]) -> u8 {
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for &b in header {
        if b == b'"' {
            quoted = !quoted;
        } else if let Some(k) = DELIMITERS.iter().position(|&d| d == b).filter(|_| !quoted) {
            counts[k] += 1;
        }
    }
    let best = (0..4).max_by_key(|&i| (counts[i], 4 - i)).unwrap_or(0);
    if counts[best] == 0 { b';' } else { DELIMITERS[best] }
}

/// The fields of a record, unquoted and trimmed, into `out` (cleared first), read with the
/// splitter's [`State`]s. A field borrows the record's bytes unless it holds an escaped quote.
pub fn fields<'a>(record: &'a [u8], delimiter: u8, out: &mut Vec<Cow<'a, str>>) -> Result<(), FieldError> {
    out.clear();
    let text = |bytes: &'a [u8]| {
        std::str::from_utf8(bytes)
            .map(str::trim)
            .map_err(|_| FieldError::Encoding)
    };
    // A quoted field's text: between its quotes, or with its `""` read as `"`.
    let quoted = |inner: &'a [u8], escaped: Option<Vec<u8>>| match escaped {
        Some(buf) => Ok(Cow::Owned(
            String::from_utf8(buf)
                .map_err(|_| FieldError::Encoding)?
                .trim()
                .to_string(),
        )),
        None => text(inner).map(Cow::Borrowed),
    };
    let mut state = State::FieldStart;
    // Where the field's text starts and (quoted) where its last quote is.
    let (mut start, mut close) = (0, 0);
    let mut escaped: Option<Vec<u8>> = None;
    for (i, &b) in record.iter().enumerate() {
        let next = state.next(b, b == delimiter);
        match (state, next) {
            (State::FieldStart, State::Quoted) => start = i + 1,
            (State::Quoted, State::QuoteInQuoted) => close = i,
            (State::Quoted, _) => {
                if let Some(buf) = escaped.as_mut() {
                    buf.push(b);
                }
            }
            (State::QuoteInQuoted, State::Quoted) => {
                escaped.get_or_insert_with(|| record[start..close].to_vec()).push(b'"');
            }
            (State::QuoteInQuoted, _) => out.push(quoted(&record[start..close], escaped.take())?),
            _ => {}
        }
        match (state, next) {
            (State::QuoteInQuoted | State::Closed, State::Unquoted) => return Err(FieldError::Quote),
            (State::FieldStart | State::Unquoted, State::FieldStart) if b == delimiter => {
                out.push(Cow::Borrowed(text(&record[start..i])?));
            }
            _ => {}
        }
        if next == State::FieldStart && b == delimiter {
            start = i + 1;
        }
        state = next;
    }
    match state {
        State::FieldStart | State::Unquoted => out.push(Cow::Borrowed(text(&record[start..])?)),
        State::Quoted => return Err(FieldError::Quote),
        State::QuoteInQuoted => out.push(quoted(&record[start..close], escaped.take())?),
        State::Closed => {}
    }
    Ok(())
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
#[path = "csv_tests.rs"]
mod tests;

//! `--jsonl` and `--json`: JSON requests on stdin, the library's JSON lines on stdout.

use samtaleplan::contract::request::{MAX_REQUEST_BYTES, sniff_lang, too_large};
use samtaleplan::{ErrorCode, PlanError, Response, plan_str, to_line};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How far a request past the limit is read to say how large it is: an endless input
/// (`/dev/zero`, `yes | tr -d '\n'`) stops here, as the caseload's stops at its 64 MB.
const COUNTED: usize = 64 * 1024 * 1024;

/// One request per line, one answer per line, in order; a bad line answers with an error and the
/// run goes on. Lines longer than the request limit are skipped over without being held in memory.
pub fn jsonl() -> io::Result<ExitCode> {
    let mut input = io::BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = Vec::with_capacity(1024);
    let mut first = true;
    while let Some(mut len) = read_line_bounded(&mut input, &mut line, MAX_REQUEST_BYTES)? {
        // A byte-order mark (as Windows editors write UTF-8) is not part of the first request;
        // anywhere else it is a character the JSON does not allow.
        if std::mem::take(&mut first) && line.starts_with(BOM) {
            line.drain(..BOM.len());
            len -= BOM.len();
        }
        let answer = to_line(&answer(&line, len));
        out.write_all(answer.as_bytes())?;
        out.write_all(b"\n")?;
        if len > COUNTED {
            // Where this line ends is not known without reading on for ever: stop.
            out.flush()?;
            return Ok(ExitCode::FAILURE);
        }
        // Flush whenever no more input is waiting, so an interactive caller sees each answer.
        if input.buffer().is_empty() {
            out.flush()?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads one line (without `\n` or `\r\n`) into `buf`, keeping at most `max + 1` bytes of it.
/// Returns the line's full length, or `None` at the end of input.
fn read_line_bounded(input: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Option<usize>> {
    buf.clear();
    let mut len = 0usize;
    let mut any = false;
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        let room = (max + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        len += chunk.len();
        let used = chunk.len() + usize::from(done);
        input.consume(used);
        if done || len > COUNTED {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') && len <= max + 1 {
        buf.pop();
        len -= 1;
    }
    Ok(Some(len))
}

/// The answer to one request, of which `kept` holds at most the first `MAX_REQUEST_BYTES + 1`
/// bytes and `len` is the full length.
fn answer(kept: &[u8], len: usize) -> Result<Response, PlanError> {
    let lang = sniff_lang(kept);
    if len > COUNTED {
        return Err(PlanError::new(
            ErrorCode::RequestTooLarge,
            lang,
            format!("Forespørgslen fylder mere end 64 MB; grænsen er {MAX_REQUEST_BYTES} bytes (64 KiB)."),
            format!("The request is more than 64 MB; the limit is {MAX_REQUEST_BYTES} bytes (64 KiB)."),
        ));
    }
    if len > MAX_REQUEST_BYTES {
        return Err(too_large(len, lang));
    }
    let text = std::str::from_utf8(kept).map_err(|_| {
        PlanError::new(
            ErrorCode::Json,
            lang,
            "Forespørgslen er ikke gyldig UTF-8-tekst.".into(),
            "The request is not valid UTF-8 text.".into(),
        )
    })?;
    plan_str(text)
}

/// One request on stdin (it may span lines), one answer; exit status 1 if it was refused. One final
/// `\n` or `\r\n` is the end of the text, not part of the request, and does not count against the
/// limit, as the line's end does not in `--jsonl`.
pub fn json_one() -> io::Result<ExitCode> {
    let (kept, len) = read_request(&mut io::stdin().lock(), MAX_REQUEST_BYTES)?;
    let result = answer(&kept, len);
    crate::out(&(to_line(&result) + "\n"))?;
    Ok(if result.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Reads all of `input` (up to [`COUNTED`] bytes), keeping at most its first `max + 1` bytes, and
/// returns them with the length of the whole text less one final line end. Whatever lies beyond
/// the limit is counted, to say how large the request was, but not kept; past `COUNTED` the
/// reading stops and the length is then more than `COUNTED`.
fn read_request(input: &mut impl Read, max: usize) -> io::Result<(Vec<u8>, usize)> {
    // Two bytes more than the limit and a final "\r\n" fit: then nothing was left unread.
    let room = max + 1 + 2;
    let mut kept = Vec::new();
    input.take(room as u64).read_to_end(&mut kept)?;
    let mut total = kept.len();
    let mut tail = [kept.len().checked_sub(2).map(|i| kept[i]), kept.last().copied()];
    if kept.len() == room {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match input.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            total += n;
            tail = [if n >= 2 { Some(buf[n - 2]) } else { tail[1] }, Some(buf[n - 1])];
            if total > COUNTED {
                break;
            }
        }
    }
    let end = match tail {
        [Some(b'\r'), Some(b'\n')] => 2,
        [_, Some(b'\n')] => 1,
        _ => 0,
    };
    let len = total - end;
    kept.truncate(len.min(max + 1));
    Ok((kept, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &[u8], max: usize) -> (Vec<u8>, usize) {
        read_request(&mut &text[..], max).expect("reads")
    }

    #[test]
    fn one_final_line_end_is_not_part_of_the_request() {
        assert_eq!(read(b"abcd", 4), (b"abcd".to_vec(), 4));
        assert_eq!(read(b"abcd\n", 4), (b"abcd".to_vec(), 4));
        assert_eq!(read(b"abcd\r\n", 4), (b"abcd".to_vec(), 4));
        assert_eq!(read(b"abcd\n\n", 4), (b"abcd\n".to_vec(), 5));
        assert_eq!(read(b"abcde", 4), (b"abcde".to_vec(), 5));
        assert_eq!(read(b"abcde\r\n", 4), (b"abcde".to_vec(), 5));
        assert_eq!(read(b"", 4), (b"".to_vec(), 0));
        assert_eq!(read(b"\n", 4), (b"".to_vec(), 0));
        assert_eq!(read(b"\r", 4), (b"\r".to_vec(), 1));
    }

    #[test]
    fn what_lies_beyond_the_limit_is_counted_not_kept() {
        let mut text = b"x".repeat(100);
        assert_eq!(read(&text, 4), (b"xxxxx".to_vec(), 100));
        text.extend_from_slice(b"\r\n");
        assert_eq!(read(&text, 4), (b"xxxxx".to_vec(), 100));
        // The line end split over the last two reads of a long text.
        let mut reader = io::Read::chain(&b"xxxxxxxxx\r"[..], &b"\n"[..]);
        assert_eq!(read_request(&mut reader, 4).expect("reads"), (b"xxxxx".to_vec(), 9));
    }
}

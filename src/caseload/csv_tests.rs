//! Tests of `csv`: records, fields, delimiters and dates.

use super::*;
use crate::vocabulary::dates::ymd;

fn split(chunks: &[&[u8]]) -> Vec<Record> {
    let mut s = Splitter::new();
    let mut out = Vec::new();
    for c in chunks {
        s.feed(c, &mut |r| out.push(r));
    }
    s.finish(&mut |r| out.push(r));
    out
}

fn lines(records: &[Record]) -> Vec<(usize, String)> {
    records
        .iter()
        .map(|r| (r.line, String::from_utf8_lossy(&r.bytes).into_owned()))
        .collect()
}

#[test]
fn records_split_on_unquoted_line_breaks_whatever_the_chunks() {
    let text: &[u8] = b"a;b\r\n1;\"x\ny\"\n2;z";
    let whole = split(&[text]);
    // Every way of cutting the bytes in two gives the same records.
    for cut in 0..text.len() {
        assert_eq!(split(&[&text[..cut], &text[cut..]]), whole, "cut at {cut}");
    }
    assert_eq!(
        lines(&whole),
        vec![(1, "a;b".into()), (2, "1;\"x\ny\"".into()), (4, "2;z".into())]
    );
}

#[test]
fn a_stray_quote_is_a_plain_character_and_an_open_quote_costs_only_its_row() {
    // Quotes inside unquoted fields are text; only a field beginning with a quote is quoted.
    let text: &[u8] = b"a;b\n1;5\" tall\n2;it's \"x\"\n3;\"open\n4;z\n5;\"ok\"\n6;\"never\n7;y";
    let whole = split(&[text]);
    for cut in 0..text.len() {
        assert_eq!(split(&[&text[..cut], &text[cut..]]), whole, "cut at {cut}");
    }
    assert_eq!(
        lines(&whole),
        vec![
            (1, "a;b".into()),
            (2, "1;5\" tall".into()),
            (3, "2;it's \"x\"".into()),
            (4, "3;\"open".into()),
            (5, "4;z".into()),
            (6, "5;\"ok\"".into()),
            (7, "6;\"never".into()),
            (8, "7;y".into()),
        ]
    );
    // A quote open at the limit is cut back too: the rows after it are read.
    let mut long = b"a\n\"open\n".to_vec();
    for i in 0..20_000 {
        long.extend_from_slice(format!("r{i}\n").as_bytes());
    }
    let records = split(&[&long]);
    assert_eq!(records.len(), 20_002);
    assert_eq!((records[1].line, records[1].bytes.as_slice()), (2, &b"\"open"[..]));
    assert_eq!(
        (records[20_001].line, records[20_001].bytes.as_slice()),
        (20_002, &b"r19999"[..])
    );
}

#[test]
fn a_long_record_is_cut_and_flagged() {
    let long = vec![b'x'; MAX_RECORD_BYTES + 10];
    let records = split(&[b"a\n", &long, b"\nb\n"]);
    assert!(records[1].too_long);
    assert_eq!(records[1].bytes.len(), MAX_RECORD_BYTES);
    assert!(!records[2].too_long);
    assert_eq!(records[2].line, 3);
    // One line over the limit inside an open quote ends at its line break.
    let mut quoted = b"a\n\"".to_vec();
    quoted.extend(vec![b'y'; MAX_RECORD_BYTES + 10]);
    quoted.extend_from_slice(b"\nb\n");
    let records = split(&[&quoted]);
    assert_eq!(records.len(), 3);
    assert!(records[1].too_long);
    assert_eq!((records[2].line, records[2].bytes.as_slice()), (3, &b"b"[..]));
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
    assert_eq!(fields_of(b" \"a\"  ; \" b \" ", b';'), Ok(vec!["a".into(), "b".into()]));
    assert_eq!(fields_of(b"\"a\" \"b\";c", b';'), Err(FieldError::Quote));
    assert_eq!(fields_of(b"\"\xff\"x", b';'), Err(FieldError::Encoding));
}

#[test]
fn text_after_a_closing_quote_does_not_open_another() {
    // The splitter and `fields` read quotes alike: after `"x" ` a quote is a plain character
    // to the splitter (the line break ends the record) and an error to `fields`.
    let records = split(&[b"a;b\n1;\"x\" \"y\n2;z"]);
    assert_eq!(
        lines(&records),
        vec![(1, "a;b".into()), (2, "1;\"x\" \"y".into()), (3, "2;z".into())]
    );
    assert_eq!(fields_of(&records[1].bytes, b';'), Err(FieldError::Quote));
}

#[test]
fn delimiters_are_guessed_from_the_header() {
    assert_eq!(guess_delimiter(b"medlem;start;forsikring"), b';');
    assert_eq!(guess_delimiter(b"member,start,insurance"), b',');
    assert_eq!(guess_delimiter(b"member\tstart"), b'\t');
    assert_eq!(guess_delimiter(b"\"a;b\",c"), b',');
    assert_eq!(guess_delimiter(b"member|start|pauses"), b'|');
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

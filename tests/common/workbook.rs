//! Hostile workbooks made from a real one (caseload/files.rs, fuzz.rs): tests/caseload/small.xlsx
//! with its first sheet's XML edited (a cell at XFD1048576, a cell address twice …), or with a
//! part whose declared unpacked size is a lie, rezipped with the zip crate calamine reads with.

// Each test that includes this file uses part of it.
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// small.xlsx's first sheet (Medlemmer).
pub const SHEET: &str = "xl/worksheets/sheet1.xml";

/// The workbook `book` with `part` (a new one if it has none) as `edit` makes it from its text.
pub fn with_part(book: &[u8], part: &str, edit: impl FnOnce(&str) -> String) -> Vec<u8> {
    let mut zip = ZipArchive::new(Cursor::new(book)).expect("a workbook");
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut edit = Some(edit);
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("a part");
        let name = file.name().expect("its name").to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("its bytes");
        if name == part {
            let edit = edit.take().expect("one part of the name");
            bytes = edit(&String::from_utf8(bytes).expect("XML")).into_bytes();
        }
        out.start_file(name, stored).expect("start");
        out.write_all(&bytes).expect("write");
    }
    if let Some(edit) = edit {
        out.start_file(part, stored).expect("start");
        out.write_all(edit("").as_bytes()).expect("write");
    }
    out.finish().expect("zip").into_inner()
}

/// small.xlsx's first sheet as `edit` makes it.
pub fn with_sheet(book: &[u8], edit: impl FnOnce(&str) -> String) -> Vec<u8> {
    with_part(book, SHEET, edit)
}

/// A row of cells appended to a sheet's XML: `cells` as (address, text).
pub fn append_row(xml: &str, row: u64, cells: &[(&str, &str)]) -> String {
    let cells: String = cells
        .iter()
        .map(|(at, text)| format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#))
        .collect();
    xml.replacen(
        "</sheetData>",
        &format!(r#"<row r="{row}">{cells}</row></sheetData>"#),
        1,
    )
}

/// The workbook with its part `part`'s declared unpacked size (in the central directory) set to
/// `size`, its bytes unchanged: what a zip bomb's table of contents says.
pub fn declaring(book: &[u8], part: &str, size: u32) -> Vec<u8> {
    let mut bytes = book.to_vec();
    let name = part.as_bytes();
    // A central directory header: PK\1\2, the name's length at 28, the name at 46, the unpacked
    // size at 24.
    let at = (0..bytes.len().saturating_sub(46))
        .find(|&i| {
            bytes[i..i + 4] == *b"PK\x01\x02"
                && usize::from(u16::from_le_bytes([bytes[i + 28], bytes[i + 29]])) == name.len()
                && bytes[i + 46..].starts_with(name)
        })
        .expect("the part's central directory header");
    bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
    bytes
}

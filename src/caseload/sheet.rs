//! A caseload as a spreadsheet: an Excel workbook (.xlsx, .xlsb, or the old .xls) or an
//! OpenDocument one (.ods), read with calamine — the first sheet, or the one asked for. Each row
//! of the sheet is a row of the file: numbers as written (a member number 1001, not 1001.0),
//! dates Excel knows as dates as dates, formulas by the value Excel saved with them, and a cell
//! with an error (`#N/A`) in a column that is read as that row's error.
//!
//! Memory follows the cells a sheet has, never the addresses they claim: an .xlsx or .xlsb sheet
//! is read cell by cell (calamine's cell readers, not a rectangle from A1 to its last address),
//! each cell kept as its text; a workbook that unpacks to more than [`MAX_UNPACKED_BYTES`], or a
//! sheet whose cells would be more than the CSV limit as CSV text, is refused before it is read
//! further (`E_CSV_TOO_LARGE`); a cell address given twice is refused (`E_CSV_FILE`), never one
//! value silently kept.

use super::{Caseload, MAX_FILE_BYTES};
use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::lang::Lang;
use calamine::{Data, DataRef, Range, Reader, Xls, Xlsb, Xlsx, open_workbook_from_rs};
use std::borrow::Cow;
use std::io::{Cursor, Read};

/// The most a zipped workbook (.xlsx, .xlsb, .ods) may unpack to, all its parts together, as its
/// table of contents declares them (the zip reader refuses a part that inflates past its
/// declared size, so the declaration bounds the work).
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// OpenDocument's `mimetype` part for a spreadsheet.
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// One cell that has a value: where it is and where its text is in [`Sheet::text`].
#[derive(Clone, Copy)]
struct Stored {
    row: u32,
    col: u32,
    start: u32,
    end: u32,
    /// The text is the cell's error (`#N/A`), not a value.
    error: bool,
}

/// A sheet's cells (those with a value, in row order), and how far its rows have been read.
pub(super) struct Sheet {
    text: String,
    cells: Vec<Stored>,
    /// The first column that has a cell: the sheet's fields count from it.
    first_col: u32,
    /// The index in `cells` of the next row's first cell.
    next: usize,
    pub(super) name: String,
    pub(super) names: Vec<String>,
    pub(super) format: &'static str,
}

/// The cells read so far, within the limit.
struct Cells {
    text: String,
    cells: Vec<Stored>,
    lang: Lang,
}

/// A sheet larger than the caseload's limit (as CSV text, each field and its separator).
fn too_large(lang: Lang) -> PlanError {
    let mb = MAX_FILE_BYTES / (1024 * 1024);
    PlanError::new(
        ErrorCode::CsvTooLarge,
        lang,
        format!("Arket er større end {mb} MB, læst som CSV-tekst."),
        format!("The sheet is larger than {mb} MB, read as CSV text."),
    )
}

/// A column's letters (0 → A, 26 → AA, 16383 → XFD).
fn column_name(mut col: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

impl Cells {
    fn new(lang: Lang) -> Self {
        Cells {
            text: String::new(),
            cells: Vec::new(),
            lang,
        }
    }

    /// Keeps a cell (an empty one is as if not there).
    fn push(&mut self, (row, col): (u32, u32), value: &DataRef<'_>) -> Result<(), PlanError> {
        if matches!(value, DataRef::Empty) {
            return Ok(());
        }
        let start = self.text.len();
        let error = match text(value) {
            Ok(t) => {
                self.text.push_str(&t);
                false
            }
            Err(e) => {
                self.text.push_str(&e);
                true
            }
        };
        // Each cell costs its text and a separator, as in a CSV file.
        if self.text.len() + self.cells.len() + 1 > MAX_FILE_BYTES {
            return Err(too_large(self.lang));
        }
        self.cells.push(Stored {
            row,
            col,
            start: start as u32,
            end: self.text.len() as u32,
            error,
        });
        Ok(())
    }

    /// The cells in row order, each address once, the sheet within the limit.
    fn finish(mut self) -> Result<(String, Vec<Stored>, u32), PlanError> {
        let key = |c: &Stored| (c.row, c.col);
        if !self.cells.is_sorted_by_key(key) {
            self.cells.sort_by_key(key); // stable: a repeated address's cells stay in file order
        }
        if let Some(w) = self.cells.windows(2).find(|w| key(&w[0]) == key(&w[1])) {
            let at = format!("{}{}", column_name(w[0].col), u64::from(w[0].row) + 1);
            let value = |c: &Stored| quote(&self.text[c.start as usize..c.end as usize]);
            let (a, b) = (value(&w[0]), value(&w[1]));
            return Err(PlanError::new(
                ErrorCode::CsvFile,
                self.lang,
                format!(
                    "Regnearket har cellen {at} to gange ({a} og {b}), så det er uklart, hvad der står i den. Åbn det i Excel og gem det igen."
                ),
                format!(
                    "The spreadsheet has the cell {at} twice ({a} and {b}), so what it holds is unclear. Open it in Excel and save it again."
                ),
            ));
        }
        let first_col = self.cells.iter().map(|c| c.col).min().unwrap_or(0);
        // The fields the rows make, gaps and all (a cell at XFD makes a row 16,384 fields long).
        let mut fields: usize = 0;
        for row in self.cells.chunk_by(|a, b| a.row == b.row) {
            let last = row.last().map_or(first_col, |c| c.col);
            fields = fields.saturating_add((last - first_col) as usize + 1);
        }
        if self.text.len().saturating_add(fields) > MAX_FILE_BYTES {
            return Err(too_large(self.lang));
        }
        Ok((self.text, self.cells, first_col))
    }
}

/// Opens the workbook in `bytes` and reads the sheet `wanted` (the first when `None`).
pub(super) fn open(bytes: &[u8], wanted: Option<&str>, lang: Lang) -> Result<Sheet, PlanError> {
    let unreadable = |detail: String| {
        PlanError::new(
            ErrorCode::CsvFile,
            lang,
            format!(
                "Det ligner et regneark, men det kan ikke læses ({detail}). Åbn det i Excel og gem det igen som Excel-projektmappe (.xlsx) eller CSV (semikolonsepareret)."
            ),
            format!(
                "It looks like a spreadsheet, but it cannot be read ({detail}). Open it in Excel and save it again as an Excel workbook (.xlsx) or CSV."
            ),
        )
    };
    let format = if bytes.starts_with(b"PK") {
        zipped(bytes, lang).map_err(|e| e.unwrap_or_else(&unreadable))?
    } else {
        "xls"
    };
    let cursor = || Cursor::new(bytes);
    let mut cells = Cells::new(lang);
    // The sheet names, and whether the sheet was there (its cells then in `cells`).
    let read = |cells: &mut Cells| -> Result<(Vec<String>, bool), Result<PlanError, String>> {
        macro_rules! streamed {
            ($reader:ty) => {{
                let mut book = open_workbook_from_rs::<$reader, _>(cursor()).map_err(|e| Err(e.to_string()))?;
                let names = book.sheet_names();
                let Some(name) = pick(&names, wanted) else {
                    return Ok((names, false));
                };
                let mut reader = book
                    .worksheet_cells_reader(&name)
                    .map_err(|e| Err(e.to_string()))?;
                while let Some(cell) = reader.next_cell().map_err(|e| Err(e.to_string()))? {
                    cells.push(cell.get_position(), cell.get_value()).map_err(Ok)?;
                }
                Ok((names, true))
            }};
        }
        macro_rules! whole {
            ($reader:ty) => {{
                let mut book = open_workbook_from_rs::<$reader, _>(cursor()).map_err(|e| Err(e.to_string()))?;
                let names = book.sheet_names();
                let Some(name) = pick(&names, wanted) else {
                    return Ok((names, false));
                };
                let range: Range<Data> = book.worksheet_range(&name).map_err(|e| Err(e.to_string()))?;
                let (r0, c0) = range.start().unwrap_or((0, 0));
                for (r, c, value) in range.used_cells() {
                    let at = (r0.saturating_add(r as u32), c0.saturating_add(c as u32));
                    cells.push(at, &as_ref(value)).map_err(Ok)?;
                }
                Ok((names, true))
            }};
        }
        match format {
            "xlsx" => streamed!(Xlsx<_>),
            "xlsb" => streamed!(Xlsb<_>),
            "ods" => whole!(calamine::Ods<_>),
            _ => whole!(Xls<_>),
        }
    };
    let (names, found) = read(&mut cells).map_err(|e| e.unwrap_or_else(&unreadable))?;
    if !found {
        let listed: Vec<String> = names.iter().map(|n| quote(n)).collect();
        return Err(match wanted {
            Some(w) => PlanError::new(
                ErrorCode::CsvFile,
                lang,
                format!(
                    "Regnearket har intet ark, der hedder {}; dets ark er: {}.",
                    quote(w),
                    listed.join(", ")
                ),
                format!(
                    "The spreadsheet has no sheet called {}; its sheets are: {}.",
                    quote(w),
                    listed.join(", ")
                ),
            ),
            None => unreadable(lang.pick("ingen ark", "no sheets").into()),
        });
    }
    let (text, cells, first_col) = cells.finish()?;
    let name = wanted
        .map(str::to_string)
        .or(names.first().cloned())
        .unwrap_or_default();
    Ok(Sheet {
        text,
        cells,
        first_col,
        next: 0,
        name,
        names,
        format,
    })
}

/// The sheet asked for (the first when `None`), if the workbook has it.
fn pick(names: &[String], wanted: Option<&str>) -> Option<String> {
    let name = wanted.or(names.first().map(String::as_str))?;
    names.iter().any(|n| n == name).then(|| name.to_string())
}

/// What a zipped workbook is, told by its parts (an OpenDocument spreadsheet by its `mimetype`,
/// an .xlsb by its binary workbook part, else .xlsx), once its declared unpacked size is within
/// [`MAX_UNPACKED_BYTES`]. `Err(Err(detail))`: the zip cannot be read.
fn zipped(bytes: &[u8], lang: Lang) -> Result<&'static str, Result<PlanError, String>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Err(e.to_string()))?;
    let mut unpacked: u64 = 0;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| Err(e.to_string()))?;
        unpacked = unpacked.saturating_add(part.size());
    }
    if unpacked > MAX_UNPACKED_BYTES {
        let mb = MAX_UNPACKED_BYTES / (1024 * 1024);
        return Err(Ok(PlanError::new(
            ErrorCode::CsvTooLarge,
            lang,
            format!("Regnearket fylder mere end {mb} MB pakket ud, og det læses ikke."),
            format!("The spreadsheet unpacks to more than {mb} MB, and it is not read."),
        )));
    }
    let mut mimetype = Vec::new();
    if let Ok(part) = zip.by_name("mimetype") {
        // A `mimetype` that cannot be read is no OpenDocument's: the file is then read as .xlsx,
        // whose reader says what is wrong.
        if part.take(100).read_to_end(&mut mimetype).is_err() {
            mimetype.clear();
        }
    }
    if mimetype.trim_ascii() == ODS_MIMETYPE {
        let content = zip.by_name("content.xml").map_err(|e| Err(e.to_string()))?;
        if ods_cells(content).map_err(Err)? > MAX_ODS_CELLS {
            let n = MAX_ODS_CELLS / 1_000_000;
            return Err(Ok(PlanError::new(
                ErrorCode::CsvTooLarge,
                lang,
                format!(
                    "Regnearkets ark spænder over mere end {n} mio. celler (fra den første til den sidste udfyldte), og det læses ikke."
                ),
                format!(
                    "The spreadsheet's sheets span more than {n} million cells (from the first filled cell to the last), and it is not read."
                ),
            )));
        }
        return Ok("ods");
    }
    Ok(if zip.index_for_name("xl/workbook.bin").is_some() {
        "xlsb"
    } else {
        "xlsx"
    })
}

/// The most cells an OpenDocument workbook's sheets may span, all together: calamine reads an
/// .ods whole, each sheet a rectangle from its first filled cell to its last, so the rectangles
/// are measured first (a repeated row or cell, `table:number-rows-repeated="1048000"`, can make a
/// few bytes span billions of cells).
pub const MAX_ODS_CELLS: u64 = 8_000_000;

/// A sheet's rectangle so far: first and last row, first and last column with a value.
type Area = Option<(u64, u64, u64, u64)>;

/// The cells an OpenDocument `content.xml`'s sheets span: for each sheet, the rectangle from its
/// first cell with a value (or text) to its last, repeats counted, summed.
fn ods_cells(content: impl Read) -> Result<u64, String> {
    use quick_xml::events::{BytesStart, Event};
    let repeats = |e: &BytesStart<'_>, name: &str| -> u64 {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| a.value.trim().parse().ok())
            .unwrap_or(1u64)
            .max(1)
    };
    let add = |area: &mut Area, rows: (u64, u64), cols: (u64, u64)| {
        *area = Some(match *area {
            None => (rows.0, rows.1, cols.0, cols.1),
            Some((r0, r1, c0, c1)) => (r0.min(rows.0), r1.max(rows.1), c0.min(cols.0), c1.max(cols.1)),
        });
    };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    let mut total: u64 = 0;
    let mut area: Area = None;
    let (mut row, mut col, mut row_repeats) = (0u64, 0u64, 1u64);
    // The current row's first and last column with a value.
    let mut filled: Option<(u64, u64)> = None;
    loop {
        buf.clear();
        let (e, empty) = match xml.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Eof => break,
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table-row" => {
                        if let Some(cols) = filled.take() {
                            add(&mut area, (row, row.saturating_add(row_repeats - 1)), cols);
                        }
                        row = row.saturating_add(row_repeats);
                    }
                    "table:table" => {
                        if let Some((r0, r1, c0, c1)) = area.take() {
                            total = total.saturating_add((r1 - r0 + 1).saturating_mul(c1 - c0 + 1));
                        }
                    }
                    _ => {}
                }
                continue;
            }
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table" => (area, row) = (None, 0),
            "table:table-row" => {
                (col, row_repeats, filled) = (0, repeats(&e, "table:number-rows-repeated"), None);
                if empty {
                    row = row.saturating_add(row_repeats);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let n = repeats(&e, "table:number-columns-repeated");
                if !empty || matches!(e.try_get_attribute("office:value-type"), Ok(Some(_))) {
                    let last = col.saturating_add(n - 1);
                    filled = Some(filled.map_or((col, last), |(a, b)| (a.min(col), b.max(last))));
                }
                col = col.saturating_add(n);
            }
            _ => {}
        }
    }
    Ok(total)
}

/// A whole sheet's cell as a streamed one.
fn as_ref(cell: &Data) -> DataRef<'_> {
    match cell {
        Data::Empty => DataRef::Empty,
        Data::String(s) => DataRef::SharedString(s),
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
    }
}

/// A cell as the text a CSV file would have: `Err` with the error's text for an error cell.
fn text<'a>(cell: &'a DataRef<'_>) -> Result<Cow<'a, str>, String> {
    Ok(match cell {
        DataRef::Empty => Cow::Borrowed(""),
        DataRef::String(s) => Cow::Borrowed(s.trim()),
        DataRef::SharedString(s) => Cow::Borrowed(s.trim()),
        DataRef::Int(i) => Cow::Owned(i.to_string()),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Cow::Owned(format!("{}", *f as i64)),
        DataRef::Float(f) => Cow::Owned(f.to_string()),
        DataRef::Bool(b) => Cow::Owned(b.to_string()),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Cow::Owned(format!("{y:04}-{m:02}-{day:02}"))
        }
        DataRef::DateTime(d) => Cow::Owned(d.as_f64().to_string()),
        // An ISO date-time (OpenDocument): its date.
        DataRef::DateTimeIso(s) => Cow::Borrowed(s.get(..10).filter(|d| d.len() == 10).unwrap_or(s)),
        DataRef::DurationIso(s) => Cow::Borrowed(s.as_str()),
        DataRef::Error(e) => return Err(e.to_string()),
    })
}

impl Caseload {
    /// Reads up to `budget` rows of the open sheet; gives how many were read.
    pub(super) fn sheet_rows(&mut self, budget: usize) -> usize {
        let Some(mut sheet) = self.sheet.take() else {
            return 0;
        };
        let mut done = 0;
        let mut fields: Vec<Cow<'_, str>> = Vec::new();
        let mut bad: Vec<(usize, &str)> = Vec::new();
        let mut rows = sheet.cells[sheet.next..].chunk_by(|a, b| a.row == b.row);
        let mut next = sheet.next;
        while done < budget && self.fatal.is_none() {
            let Some(row) = rows.next() else { break };
            next += row.len();
            done += 1;
            let line = row[0].row as usize + 1;
            fields.clear();
            bad.clear();
            for cell in row {
                let i = (cell.col - sheet.first_col) as usize;
                fields.resize(i, Cow::Borrowed(""));
                let text = &sheet.text[cell.start as usize..cell.end as usize];
                if cell.error {
                    bad.push((i, text));
                    fields.push(Cow::Borrowed(""));
                } else {
                    fields.push(Cow::Borrowed(text));
                }
            }
            // A row ends at its last cell; as in a dense sheet, it reaches the header's width.
            if let Some(width) = self.layout.as_ref().map(|l| l.width)
                && fields.len() < width
            {
                fields.resize(width, Cow::Borrowed(""));
            }
            // An error cell in a column that is read is the row's error; elsewhere it is ignored.
            let read = |i: usize| self.layout.as_ref().is_none_or(|l| l.reads(i));
            if let Some((_, e)) = bad.iter().find(|(i, _)| read(*i)) {
                let lang = self.opts.lang;
                self.rows += 1;
                let e = quote(e);
                self.plan_error(
                    line,
                    None,
                    PlanError::new(
                        ErrorCode::CsvValue,
                        lang,
                        format!("Rækken har en celle med fejlen {e} i en kolonne, der læses."),
                        format!("The row has a cell with the error {e} in a column that is read."),
                    ),
                );
                continue;
            }
            self.row(line, &mut fields);
        }
        drop(fields);
        drop(bad);
        sheet.next = next;
        self.sheet = Some(sheet);
        done
    }
}

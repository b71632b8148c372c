//! A caseload as a spreadsheet: an Excel workbook (.xlsx, .xlsb, or the old .xls) or an
//! OpenDocument one (.ods), read with calamine — the first sheet, or the one asked for. Each row
//! of the sheet is a row of the file: numbers as written (a member number 1001, not 1001.0),
//! dates Excel knows as dates as dates, formulas by the value Excel saved with them, and a cell
//! with an error (`#N/A`) in a column that is read as that row's error.

use super::Caseload;
use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::lang::Lang;
use calamine::{Data, Range, Reader, Xls, Xlsb, Xlsx, open_workbook_from_rs};
use std::borrow::Cow;
use std::io::Cursor;

/// A sheet read whole, and how far its rows have been read.
pub(super) struct Sheet {
    rows: Range<Data>,
    next: usize,
    /// The sheet's own row number of its first row (1-based).
    first_line: usize,
    pub(super) name: String,
    pub(super) names: Vec<String>,
    pub(super) format: &'static str,
}

/// What a reader found: the format, the sheet names, the sheet's cells (if it has the sheet).
type Found = (&'static str, Vec<String>, Option<Range<Data>>);

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
    let zip = bytes.starts_with(b"PK");
    let cursor = || Cursor::new(bytes);
    // (format, sheet names, the sheet's cells) from the first reader that takes the file.
    let read = |name: Option<&str>| -> Result<Found, String> {
        macro_rules! with {
            ($reader:ty, $format:expr) => {{
                let mut book = open_workbook_from_rs::<$reader, _>(cursor()).map_err(|e| e.to_string())?;
                let names = book.sheet_names();
                let range = match name.or(names.first().map(String::as_str)) {
                    Some(n) if names.iter().any(|x| x == n) => {
                        Some(book.worksheet_range(n).map_err(|e| e.to_string())?)
                    }
                    _ => None,
                };
                Ok(($format, names, range))
            }};
        }
        if zip {
            with!(Xlsx<_>, "xlsx")
                .or_else(|e: String| with!(calamine::Ods<_>, "ods").map_err(|_: String| e.clone()))
                .or_else(|e: String| with!(Xlsb<_>, "xlsb").map_err(|_: String| e))
        } else {
            with!(Xls<_>, "xls")
        }
    };
    let (format, names, range) = read(wanted).map_err(unreadable)?;
    let Some(rows) = range else {
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
    };
    let first_line = rows.start().map_or(1, |(row, _)| row as usize + 1);
    let name = wanted
        .map(str::to_string)
        .or(names.first().cloned())
        .unwrap_or_default();
    Ok(Sheet {
        rows,
        next: 0,
        first_line,
        name,
        names,
        format,
    })
}

/// A cell as the text a CSV file would have: `Err` with the error's text for an error cell.
fn text(cell: &Data) -> Result<Cow<'_, str>, String> {
    Ok(match cell {
        Data::Empty => Cow::Borrowed(""),
        Data::String(s) => Cow::Borrowed(s.trim()),
        Data::Int(i) => Cow::Owned(i.to_string()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Cow::Owned(format!("{}", *f as i64)),
        Data::Float(f) => Cow::Owned(f.to_string()),
        Data::Bool(b) => Cow::Owned(b.to_string()),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Cow::Owned(format!("{y:04}-{m:02}-{day:02}"))
        }
        Data::DateTime(d) => Cow::Owned(d.as_f64().to_string()),
        // An ISO date-time (OpenDocument): its date.
        Data::DateTimeIso(s) => Cow::Borrowed(s.get(..10).filter(|d| d.len() == 10).unwrap_or(s)),
        Data::DurationIso(s) => Cow::Borrowed(s.as_str()),
        Data::Error(e) => return Err(e.to_string()),
    })
}

impl Caseload {
    /// Reads up to `budget` rows of the open sheet; gives how many were read.
    pub(super) fn sheet_rows(&mut self, budget: usize) -> usize {
        let Some(sheet) = self.sheet.take() else {
            return 0;
        };
        let mut done = 0;
        let mut fields: Vec<Cow<'_, str>> = Vec::new();
        let mut bad: Vec<(usize, String)> = Vec::new();
        for row in sheet.rows.rows().skip(sheet.next).take(budget) {
            if self.fatal.is_some() {
                break;
            }
            let line = sheet.first_line + sheet.next + done;
            done += 1;
            fields.clear();
            bad.clear();
            for (i, cell) in row.iter().enumerate() {
                match text(cell) {
                    Ok(t) => fields.push(t),
                    Err(e) => {
                        bad.push((i, e));
                        fields.push(Cow::Borrowed(""));
                    }
                }
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
        self.sheet = Some(Sheet {
            next: sheet.next + done,
            ..sheet
        });
        done
    }
}

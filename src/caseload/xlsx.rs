//! The exported tables as an Excel workbook (rust_xlsxwriter): one sheet per list, a bold header
//! row with a filter and frozen panes, real dates (shown 2.6.2025 in Danish, 2025-06-02 in
//! English), shares as percentages, numbers as numbers, text as text (a text cell is never a
//! formula in .xlsx, so nothing needs neutralising). The workbook's creation date is the
//! summary's day, not the clock: the same file gives the same bytes, in the browser and on the
//! command line.

use super::export::{Cell, Table};
use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::lang::Lang;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// The tables as an .xlsx file.
pub fn workbook(tables: &[Table], today: NaiveDate, lang: Lang) -> Result<Vec<u8>, PlanError> {
    write(tables, today, lang).map_err(|e| {
        PlanError::new(
            ErrorCode::Internal,
            lang,
            format!("Regnearket kunne ikke skrives ({e})."),
            format!("The spreadsheet could not be written ({e})."),
        )
    })
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    // Dates before 1900 do not exist for Excel; the caseload's dates are all later.
    ExcelDateTime::from_ymd(d.year().clamp(1900, 9999) as u16, d.month() as u8, d.day() as u8)
}

fn write(tables: &[Table], today: NaiveDate, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(lang.pick("Samtaleplan – sagsoverblik", "Samtaleplan – caseload"))
            .set_creation_datetime(&excel_date(today)?),
    );
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format(lang.pick("d.m.yyyy", "yyyy-mm-dd"));
    let iso = Format::new().set_num_format("yyyy-mm-dd");
    let percent = Format::new().set_num_format("0.0%");
    // What the reader must know first (the file has no held dates): a sheet before the lists.
    if let Some(note) = tables.iter().find_map(|t| t.note) {
        let sheet = book.add_worksheet();
        sheet.set_name(lang.pick("Bemærk", "Note"))?;
        sheet.set_column_width(0, 100)?;
        sheet.write_string_with_format(0, 0, lang.pick("Bemærk", "Note"), &bold)?;
        sheet.write_string_with_format(1, 0, note, &Format::new().set_text_wrap())?;
    }
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.sheet)?;
        let mut widths: Vec<usize> = table.head.iter().map(|h| h.chars().count() + 2).collect();
        for (col, head) in table.head.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *head, &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                let width = match cell {
                    Cell::Text(s) if s.is_empty() => 0,
                    Cell::Text(s) => {
                        sheet.write_string(r, c, s)?;
                        s.chars().count()
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, c, *n as f64)?;
                        n.to_string().len()
                    }
                    Cell::Date(d) => {
                        sheet.write_datetime_with_format(r, c, excel_date(*d)?, &date)?;
                        10
                    }
                    Cell::Iso(d) => {
                        sheet.write_datetime_with_format(r, c, excel_date(*d)?, &iso)?;
                        10
                    }
                    Cell::Share(Some(p)) => {
                        sheet.write_number_with_format(r, c, f64::from(*p) / 1000.0, &percent)?;
                        7
                    }
                    Cell::Share(None) => 0,
                };
                if let Some(w) = widths.get_mut(col) {
                    *w = (*w).max(width.min(60) + 1);
                }
            }
        }
        for (col, w) in widths.iter().enumerate() {
            sheet.set_column_width(col as u16, *w as f64)?;
        }
        let last_col = table.head.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
        sheet.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}

//! `cargo run --release --example caseload_xlsx -- IN.csv OUT.xlsx`: a caseload CSV file (`;`,
//! UTF-8, as tests/e2e/generate.mjs writes them) as an Excel workbook made by rust_xlsxwriter,
//! every date a real date cell — the spreadsheet the browser benchmark reads (`./build.sh bench`).

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use samtaleplan::caseload::csv::parse_date;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        return Err("usage: caseload_xlsx IN.csv OUT.xlsx".into());
    };
    let text = std::fs::read_to_string(input)?;
    let mut book = Workbook::new();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2025, 1, 1)?),
    );
    let dates = Format::new().set_num_format("dd-mm-yyyy");
    let sheet = book.add_worksheet();
    sheet.set_name("Medlemmer")?;
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(';').enumerate() {
            let (r, c) = (r as u32, c as u16);
            match parse_date(cell) {
                Ok(d) if r > 0 => {
                    use chrono::Datelike;
                    let d = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    sheet.write_datetime_with_format(r, c, d, &dates)?;
                }
                _ if !cell.is_empty() => {
                    sheet.write_string(r, c, cell)?;
                }
                _ => {}
            }
        }
    }
    book.save(output)?;
    Ok(())
}

//! A caseload built without the feature "xlsx" (the caseload page's light module, for a CSV
//! visit) reads no spreadsheets: it tells what the file is and refuses it with a clear error. The
//! page never gives it one: its worker reads a file that starts like a spreadsheet ("PK", or an
//! old .xls) with the full module (`sheet.rs`).

use super::Caseload;
use crate::contract::error::{ErrorCode, PlanError};
use crate::contract::lang::Lang;

/// Never made: there is no sheet without a reader.
pub(super) struct Sheet {
    pub(super) name: String,
    pub(super) names: Vec<String>,
    pub(super) format: &'static str,
}

/// Refuses the workbook: this build reads CSV only.
pub(super) fn open(_bytes: &[u8], _wanted: Option<&str>, lang: Lang) -> Result<Sheet, PlanError> {
    Err(PlanError::new(
        ErrorCode::CsvFile,
        lang,
        "Det ligner et regneark, men denne udgave af beregneren læser kun CSV-filer. Gem medlemslisten som CSV (semikolonsepareret).".into(),
        "It looks like a spreadsheet, but this build of the calculator reads CSV files only. Save the member list as CSV.".into(),
    ))
}

impl Caseload {
    /// No rows: no sheet is ever open.
    pub(super) fn sheet_rows(&mut self, _budget: usize) -> usize {
        0
    }
}

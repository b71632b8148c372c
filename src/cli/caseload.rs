//! `samtaleplan caseload FILE.csv …`: the caseload summed up, as JSON (everything) or one list as CSV.

use crate::usage::Bad;
use clap::builder::PossibleValuesParser;
use clap::{Args, ValueEnum};
use samtaleplan::Lang;
use samtaleplan::caseload::{self, Caseload, Options};
use samtaleplan::contract::request::check_date;
use samtaleplan::rules::dates::parse_iso;
use samtaleplan::rules::regimes::Holder;
use std::io::{self, Read};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
#[command(next_help_heading = "Tilvalg / options")]
pub struct CaseloadArgs {
    /// Filen med ét medlem pr. række (se docs/caseload.md) / the file, one member per row (see docs/caseload.md).
    #[arg(value_name = "FIL.csv", display_order = 0)]
    file: PathBuf,

    /// Opgørelsens dag (standard: i dag) / the day of the summary (default: today)
    #[arg(long, value_name = "ÅÅÅÅ-MM-DD", value_parser = day)]
    today: Option<chrono::NaiveDate>,

    /// Alt som JSON, eller én liste som CSV / everything as JSON, or one list as CSV.
    #[arg(long, value_enum, value_name = "json|csv", hide_possible_values = true, default_value_t = Format::Json)]
    format: Format,

    /// Listen til --format csv / the list for --format csv.
    #[arg(long, value_name = "LISTE", default_value = "overdue", value_parser = PossibleValuesParser::new(caseload::EXPORTS))]
    list: String,

    /// Kun samtaler, som denne holder (CSV) / only the samtaler this one holds (CSV).
    #[arg(long, value_name = "akasse|jobcenter|kommune|joint", value_parser = holder)]
    holder: Option<Holder>,

    /// Sprog / language.
    #[arg(long, value_enum, value_name = "da|en", hide_possible_values = true, default_value_t = LangArg::Da)]
    lang: LangArg,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    Da,
    En,
}

fn day(v: &str) -> Result<chrono::NaiveDate, Bad> {
    parse_iso(v).map_err(|_| Bad::new("skriv ÅÅÅÅ-MM-DD".into(), "write YYYY-MM-DD".into()))
}

fn holder(v: &str) -> Result<Holder, Bad> {
    caseload::holder(v).ok_or_else(|| {
        Bad::new(
            "skriv akasse, jobcenter, kommune eller joint".into(),
            "write akasse, jobcenter, kommune or joint".into(),
        )
    })
}

/// Reads the file, sums it up for the day, and prints the JSON or the list; a refused file is
/// exit status 1, a day outside 1900–2199 exit status 2.
pub fn run(args: CaseloadArgs) -> io::Result<ExitCode> {
    let lang = match args.lang {
        LangArg::Da => Lang::Da,
        LangArg::En => Lang::En,
    };
    // The core never reads a clock; the command line gives it the local date unless told, and
    // refuses a day outside the years the core handles, as the page does.
    let today = args.today.unwrap_or_else(crate::today::local);
    if let Err(e) = check_date(today, "today", lang) {
        crate::say(&format!("samtaleplan: {}: {}\n", e.code, e.message));
        return Ok(ExitCode::from(crate::USAGE_EXIT));
    }
    let mut c = Caseload::new(Options {
        today,
        lang,
        list_limit: None,
    });
    let mut f = match std::fs::File::open(&args.file) {
        Ok(f) => f,
        Err(e) => {
            crate::say(&format!("samtaleplan: {}: {e}\n", args.file.display()));
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", args.file.display()))),
        };
        c.feed(&buf[..n]);
    }
    let summary = match c.finish() {
        Ok(s) => s,
        Err(e) => {
            crate::say(&format!("samtaleplan: {}: {}\n", e.code, e.message));
            return Ok(ExitCode::FAILURE);
        }
    };
    let text = match args.format {
        Format::Csv => caseload::export(&summary, &args.list, args.holder).unwrap_or_default(),
        Format::Json => serde_json::to_string(&summary).map_err(io::Error::other)? + "\n",
    };
    crate::out(&text)?;
    Ok(ExitCode::SUCCESS)
}

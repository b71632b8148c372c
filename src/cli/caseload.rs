//! `samtaleplan caseload FILE.{csv,xlsx} …`: the caseload summed up, as JSON (everything), one
//! list as CSV, or lists as an .xlsx workbook — the same numbers and tables as the page.

use crate::usage::Bad;
use clap::builder::PossibleValuesParser;
use clap::{Args, ValueEnum};
use samtaleplan::Lang;
use samtaleplan::caseload::{self, Caseload, Options, Query, Status};
use samtaleplan::contract::request::check_date;
use samtaleplan::contract::words::Word;
use samtaleplan::vocabulary::dates::parse_iso;
use samtaleplan::vocabulary::holder::Holder;
use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
#[command(next_help_heading = "Tilvalg / options")]
pub struct CaseloadArgs {
    /// Filen med ét medlem pr. række, CSV eller regneark (se docs/caseload.md) / the file, one member per row, CSV or spreadsheet (see docs/caseload.md).
    #[arg(value_name = "FIL.csv|FIL.xlsx", display_order = 0)]
    file: PathBuf,

    /// Arket i et regneark (standard: det første) / the sheet of a spreadsheet (default: the first).
    #[arg(long, value_name = "ARK")]
    sheet: Option<String>,

    /// Kolonnen, hvis tekst er medlemmets navn i lister og søgning (standard: navn/name) / the column whose text is the member's name in lists and search (default: navn/name).
    #[arg(long, value_name = "KOLONNE")]
    name_column: Option<String>,

    /// Opgørelsens dag (standard: i dag) / the day of the summary (default: today)
    #[arg(long, value_name = "ÅÅÅÅ-MM-DD", value_parser = day)]
    today: Option<chrono::NaiveDate>,

    /// Alt som JSON, én liste som CSV, eller lister som Excel-projektmappe / everything as JSON, one list as CSV, or lists as an Excel workbook.
    #[arg(long, value_enum, value_name = "json|csv|xlsx", hide_possible_values = true, default_value_t = Format::Json)]
    format: Format,

    /// Listen til --format csv/xlsx (xlsx: også all) / the list for --format csv/xlsx (xlsx: also all).
    #[arg(long, value_name = "LISTE", default_value = "overdue", value_parser = lists())]
    list: String,

    /// Kun samtaler, som denne holder (jobcenter og kommune er ét) / only the samtaler this one holds (jobcenter and kommune are one).
    #[arg(long, value_name = "akasse|jobcenter|kommune|joint", value_parser = holder)]
    holder: Option<Holder>,

    /// Arbejdslisten: kun samtaler med denne status (open: alle, hvis frist ikke er passeret) / the worklist: only samtaler in this state (open: all whose latest date has not passed).
    #[arg(long, value_name = "open|overdue|this_week|next_week|later", value_parser = status)]
    status: Option<StatusArg>,

    /// Arbejdslisten: kun denne samtale / the worklist: only this samtale ("R2024 A1").
    #[arg(long, value_name = "REGLER ID")]
    samtale: Option<String>,

    /// Arbejdslisten: kun samtaler med seneste dato i denne uge / the worklist: only samtaler due in this week (2024-W23).
    #[arg(long, value_name = "ÅÅÅÅ-Wnn")]
    week: Option<String>,

    /// Arbejdslisten: kun medlemmer, hvis reference eller navn indeholder teksten (store og små bogstaver ens) / the worklist: only members whose reference or name contains the text (any case).
    #[arg(long, value_name = "TEKST")]
    search: Option<String>,

    /// Ugentlig kapacitet pr. holder til bookingforslaget (uden: ubegrænset) / weekly capacity per holder for the booking proposal (left out: unlimited): akasse=120,jobcenter=80,joint=40.
    #[arg(long, value_name = "akasse=N,jobcenter=N,joint=N", value_parser = capacity)]
    capacity: Option<caseload::Capacity>,

    /// Skriv til denne fil i stedet for standard-output / write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FIL")]
    output: Option<PathBuf>,

    /// Sprog / language.
    #[arg(long, value_enum, value_name = "da|en", hide_possible_values = true, default_value_t = LangArg::Da)]
    lang: LangArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Csv,
    Xlsx,
}

/// The lists `--list` takes: every export, and `all` (every list, for --format xlsx).
fn lists() -> PossibleValuesParser {
    PossibleValuesParser::new(samtaleplan::caseload::EXPORTS.into_iter().chain(["all"]))
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    Da,
    En,
}

fn day(v: &str) -> Result<chrono::NaiveDate, Bad> {
    parse_iso(v).map_err(|_| Bad::new("skriv ÅÅÅÅ-MM-DD".into(), "write YYYY-MM-DD".into()))
}

/// A status, or `open` (`StatusArg(None)`: every samtale whose latest date has not passed).
#[derive(Clone, Copy, Debug)]
struct StatusArg(Option<Status>);

fn status(v: &str) -> Result<StatusArg, Bad> {
    if v == "open" {
        return Ok(StatusArg(None));
    }
    <Status as Word>::parse(v).map(|s| StatusArg(Some(s))).ok_or_else(|| {
        Bad::new(
            "skriv open, overdue, this_week, next_week eller later".into(),
            "write open, overdue, this_week, next_week or later".into(),
        )
    })
}

fn capacity(v: &str) -> Result<caseload::Capacity, Bad> {
    caseload::Capacity::parse(v).map_err(|(da, en)| Bad::new(da, en))
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
    if args.format == Format::Xlsx && args.output.is_none() && io::stdout().is_terminal() {
        crate::say(lang.pick(
            "samtaleplan: E_USAGE: --format xlsx skriver et regneark: giv --output FIL.xlsx, eller send det til en fil (> FIL.xlsx)\n",
            "samtaleplan: E_USAGE: --format xlsx writes a spreadsheet: give --output FILE.xlsx, or send it to a file (> FILE.xlsx)\n",
        ));
        return Ok(ExitCode::from(crate::USAGE_EXIT));
    }
    if args.format == Format::Csv && args.list == "all" {
        crate::say(lang.pick(
            "samtaleplan: E_USAGE: --list all findes kun med --format xlsx (en CSV-fil har én liste)\n",
            "samtaleplan: E_USAGE: --list all is for --format xlsx only (a CSV file holds one list)\n",
        ));
        return Ok(ExitCode::from(crate::USAGE_EXIT));
    }
    let mut c = Caseload::new(Options {
        sheet: args.sheet.clone(),
        label: args.name_column.clone(),
        ..Options::new(today, lang)
    });
    let f = match std::fs::File::open(&args.file) {
        Ok(f) => f,
        Err(e) => {
            crate::say(&format!("samtaleplan: {}: {e}\n", args.file.display()));
            return Ok(ExitCode::FAILURE);
        }
    };
    // Never more than one byte past the limit is read: the core then refuses the file as too
    // large (E_CSV_TOO_LARGE), and an endless input (/dev/zero, `yes |`) ends there.
    let mut f = f.take(caseload::MAX_FILE_BYTES as u64 + 1);
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
    let query = Query {
        holder: args.holder,
        status: args.status.and_then(|s| s.0),
        open: args.status.is_some_and(|s| s.0.is_none()),
        samtale: args.samtale.clone(),
        week: args.week.clone(),
        search: args.search.clone(),
        capacity: args.capacity.unwrap_or_default(),
        ..Query::default()
    };
    let bytes = match args.format {
        Format::Csv => caseload::export(&c, &args.list, &query)
            .unwrap_or_default()
            .into_bytes(),
        Format::Json => {
            let summary = if args.holder.is_some() {
                c.summary(args.holder)
            } else {
                summary
            };
            let mut json = serde_json::to_value(&summary).map_err(io::Error::other)?;
            // With --capacity, the booking proposal summed up too (its lists: --list schedule,
            // --list at_risk).
            if let (Some(cap), Some(object)) = (&args.capacity, json.as_object_mut()) {
                let p = c.propose(cap);
                let booking = c.booking(&p, usize::MAX);
                object.insert(
                    "booking".into(),
                    serde_json::to_value(&booking).map_err(io::Error::other)?,
                );
            }
            (serde_json::to_string(&json).map_err(io::Error::other)? + "\n").into_bytes()
        }
        Format::Xlsx => {
            // The overview as the page shows it: the booking lists with --capacity only.
            let lists: Vec<&str> = if args.list == "all" {
                caseload::overview(args.capacity.is_some())
            } else {
                vec![args.list.as_str()]
            };
            let tables: Vec<_> = lists.iter().filter_map(|l| c.table(l, &query)).collect();
            match caseload::xlsx::workbook(&tables, today, lang) {
                Ok(b) => b,
                Err(e) => {
                    crate::say(&format!("samtaleplan: {}: {}\n", e.code, e.message));
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, &bytes).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?
        }
        None => crate::out_bytes(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

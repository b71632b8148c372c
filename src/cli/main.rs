//! `samtaleplan`: the command line over the same core as the WebAssembly module.
//!
//! ```text
//! samtaleplan --jsonl                  one JSON request per line on stdin, one response per line out
//! samtaleplan --json                   one JSON request on stdin (it may span lines), one response out
//! samtaleplan 2024-03-04 [options]     a readable table (Danish by default)
//! samtaleplan caseload FILE.csv [...]  a caseload summed up, as JSON, or one list as CSV
//! samtaleplan [caseload] --help        help (Danish and English); --version the version
//! ```
//!
//! Table options: `--deltid`/`--fuldtid`, `--today`, `--handover`, `--group`, `--lang`, `--compare`,
//! `--prior-hours 481,25` (hours from an earlier spell in the same dagpengeperiode, "forbrugte
//! timer"; a comma or a point for the decimals; any value the core refuses is its error, exit
//! status 1) and `--pause FROM:TO[:REASON[:HOURS]]` (HOURS a week of part-time work, `15` or
//! `18,5`; an empty TO, `2026-06-01::arbejde:15`, is part-time work "indtil videre"; a `sygdom`
//! without hours is the whole sickness, from its first to its last sick day);
//! caseload options: `--today`, `--format json|csv|xlsx`, `--list`, `--holder`, `--capacity`
//! (the booking proposal's weekly capacities), `--lang`. Every option may be given once, except `--pause`, which adds a pause each
//! time: a repeated option is refused as a repeated JSON key is. Without `--today` the day is the
//! machine's local date, as on the page (the core has no clock; `today.rs` reads it).
//!
//! `--jsonl` writes, for each line, exactly the library's [`samtaleplan::plan_json`] line; a request
//! is at most 64 KiB, not counting the line's end (for `--json`, one final `\n` or `\r\n`).
//!
//! Exit status: 0 done (also when the reader of stdout went away), 1 the request or the file was
//! refused (the error names its code), 2 the command line is wrong (`E_USAGE`; `E_DATE_RANGE` for a
//! `caseload --today` outside 1900–2199), 74 reading or writing failed. Nothing is written with
//! `println!`: a closed stdout or stderr never panics.

// The command line is native only: built for wasm32 (as `cargo test --target wasm32-unknown-unknown`
// builds every binary), it is empty, and its dependencies (clap, jiff) are not there.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

mod caseload;
mod stdin;
mod table;
mod today;
mod usage;

use clap::{ArgAction, Args, Parser, Subcommand};
use std::io::{self, Write};
use std::process::ExitCode;

/// The exit status for a wrong command line.
const USAGE_EXIT: u8 = 2;
/// The exit status for failed input or output (`EX_IOERR`).
const IO_EXIT: u8 = 74;

/// How the command is used (the usage lines of the help and of a usage error).
const USAGE: &str = "\
samtaleplan --jsonl < forespørgsler.jsonl
  samtaleplan --json < forespørgsel.json
  samtaleplan ÅÅÅÅ-MM-DD [TILVALG]
  samtaleplan caseload FIL.csv|FIL.xlsx [TILVALG]";

/// How `caseload` is used.
const CASELOAD_USAGE: &str = "\
samtaleplan caseload FIL.csv|FIL.xlsx [--today ÅÅÅÅ-MM-DD] [--format json|csv|xlsx]
    [--list LISTE|all] [--holder akasse|jobcenter|kommune|joint] [--status STATUS]
    [--samtale \"R2024 A1\"] [--week ÅÅÅÅ-Wnn] [--search TEKST] [--sheet ARK] [--output FIL]
    [--capacity akasse=N,jobcenter=N,joint=N] [--lang da|en]";

const HELP_TEMPLATE: &str = "\
{about-with-newline}
Brug / usage:
  {usage}

{all-args}{after-help}";

const AFTER_HELP: &str = "\
Alle datoer er vejledende. Forespørgslen og svaret er beskrevet i docs/contract.md.
Every date is indicative. The request and the response are described in docs/contract.md.

Udgangskode / exit status: 0 færdig / done, 1 afvist / refused, 2 forkert brug / wrong usage
(E_USAGE), 74 læse- eller skrivefejl / input or output failed.";

#[derive(Parser, Debug)]
#[command(
    name = "samtaleplan",
    version,
    about = "Samtaleplan: hvilke samtaler en dagpengemodtager skal til, hvem der holder dem og hvornår.\n\
             Which samtaler a dagpengemodtager must attend, who holds them and when.",
    override_usage = USAGE,
    help_template = HELP_TEMPLATE,
    after_help = AFTER_HELP,
    subcommand_help_heading = "Kommandoer / commands",
    subcommand_value_name = "KOMMANDO",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    arg_required_else_help = true,
    propagate_version = true,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
struct Cli {
    /// Én forespørgsel pr. linje på stdin, ét svar pr. linje / one request per line, one response per line
    #[arg(long, conflicts_with_all = ["json", "TableArgs"], help_heading = "JSON")]
    jsonl: bool,

    /// Én forespørgsel (gerne over flere linjer), ét svar / one request (it may span lines), one response
    #[arg(long, conflicts_with = "TableArgs", help_heading = "JSON")]
    json: bool,

    #[command(flatten)]
    table: table::TableArgs,

    #[command(flatten)]
    common: Common,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Sagsoverblik for en CSV-fil med ét medlem pr. række / a caseload file with one member per row
    #[command(
        help_template = HELP_TEMPLATE,
        display_name = "samtaleplan",
        override_usage = CASELOAD_USAGE,
        disable_help_flag = true,
        disable_version_flag = true
    )]
    Caseload(caseload::CaseloadArgs),
}

/// `--help` and `--version` on every command, with bilingual help texts.
#[derive(Args, Debug)]
#[command(next_help_heading = "Andet / other")]
struct Common {
    /// Vis denne hjælp / print this help
    #[arg(short = 'h', long, action = ArgAction::Help, global = true)]
    help: Option<bool>,
    /// Vis versionen / print the version
    #[arg(short = 'V', long, action = ArgAction::Version, global = true)]
    version: Option<bool>,
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage::report(&e, &args),
    };
    let result = match cli.command {
        Some(Command::Caseload(c)) => caseload::run(c),
        None if cli.jsonl => stdin::jsonl(),
        None if cli.json => stdin::json_one(),
        None => table::run(cli.table),
    };
    match result {
        Ok(code) => code,
        // A reader that went away (`samtaleplan --jsonl | head`) is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("samtaleplan: {e}\n"));
            ExitCode::from(IO_EXIT)
        }
    }
}

/// Writes `text` to stdout: the command's answer. A closed stdout is a `BrokenPipe` error for the
/// caller, never a panic.
fn out(text: &str) -> io::Result<()> {
    out_bytes(text.as_bytes())
}

/// Writes bytes to stdout (an .xlsx file).
fn out_bytes(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()
}

/// Writes `text` to stderr: a message for the person. If stderr is closed there is no one to tell,
/// and the exit status still says what happened.
fn say(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}

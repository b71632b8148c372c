//! What clap found wrong with the command line, told as the tool tells every error: with the
//! stable code `E_USAGE`, in Danish unless the command line asks for `--lang en`, and exit status
//! 2. `--help` and `--version` also come here (clap hands them over as "errors"): they go to
//! stdout, exit status 0.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};
use samtaleplan::{ErrorCode, Lang};
use std::ffi::OsString;
use std::process::ExitCode;

/// A value an option does not take: what to write instead, in Danish and English.
#[derive(Debug)]
pub struct Bad {
    da: String,
    en: String,
}

impl Bad {
    pub fn new(da: String, en: String) -> Bad {
        Bad { da, en }
    }
}

impl std::fmt::Display for Bad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Bad {}

/// Prints clap's verdict on the command line `args` and gives the exit status.
pub fn report(e: &Error, args: &[OsString]) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // A closed stdout (`samtaleplan --help | true`) has no reader left to fail; any other
            // write error (`--help > /dev/full`) is exit status 74, as for every other output.
            let mut text = e.render().to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            match crate::out(&text) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    crate::say(&format!("samtaleplan: {e}\n"));
                    ExitCode::from(crate::IO_EXIT)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let lang = lang_of(args);
            crate::say(&format!(
                "samtaleplan: {}: {}\n\n{}",
                ErrorCode::Usage,
                lang.pick(
                    "angiv en startdato, --jsonl, --json eller caseload",
                    "give a start date, --jsonl, --json or caseload"
                ),
                e.render()
            ));
            ExitCode::from(crate::USAGE_EXIT)
        }
        _ => {
            let lang = lang_of(args);
            let (usage, command) = match args.get(1).and_then(|a| a.to_str()) {
                Some("caseload") => (crate::CASELOAD_USAGE, "samtaleplan caseload --help"),
                _ => (crate::USAGE, "samtaleplan --help"),
            };
            crate::say(&format!(
                "samtaleplan: {}: {}\n\n{}:\n  {usage}\n\n{} {command}\n",
                ErrorCode::Usage,
                message(e, lang),
                lang.pick("Brug", "Usage"),
                lang.pick("Se", "See"),
            ));
            ExitCode::from(crate::USAGE_EXIT)
        }
    }
}

/// The language asked for on the command line (`--lang en` or `--lang=en`), else Danish.
fn lang_of(args: &[OsString]) -> Lang {
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        let value = match arg.to_str() {
            Some("--lang") => it.next().and_then(|v| v.to_str()),
            Some(a) => a.strip_prefix("--lang="),
            None => None,
        };
        if let Some(v) = value {
            return if v == "en" { Lang::En } else { Lang::Da };
        }
    }
    Lang::Da
}

/// One context value as text: a single value, or several joined by `and`.
fn text(e: &Error, kind: ContextKind, and: &str) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => match v.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
            None => String::new(),
        },
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// `--today <ÅÅÅÅ-MM-DD>` → `--today`: the option as the person wrote it.
fn flag(arg: &str) -> &str {
    arg.split_whitespace().next().unwrap_or(arg)
}

/// The message for an error clap found, in `lang`.
fn message(e: &Error, lang: Lang) -> String {
    let t = |da: String, en: String| lang.pick(da, en);
    let or = lang.pick("eller", "or");
    let arg = text(e, ContextKind::InvalidArg, lang.pick("og", "and"));
    let value = text(e, ContextKind::InvalidValue, or);
    match e.kind() {
        // A second positional where a subcommand could stand: one argument too many.
        ErrorKind::ArgumentConflict if e.get(ContextKind::InvalidSubcommand).is_some() => {
            too_many(&text(e, ContextKind::InvalidSubcommand, or), lang)
        }
        // --jsonl or --json with the table's start date or options (all named by clap).
        ErrorKind::ArgumentConflict if matches!(e.get(ContextKind::PriorArg), Some(ContextValue::Strings(v)) if v.len() > 1) => {
            t(
                format!(
                    "{} kan ikke bruges sammen med en startdato eller tabellens tilvalg",
                    flag(&arg)
                ),
                format!("{} cannot be used with a start date or the table's options", flag(&arg)),
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(e, ContextKind::PriorArg, or);
            let (arg, prior) = (flag(&arg), flag(&prior));
            if arg == prior {
                t(
                    format!("{arg} er givet mere end én gang; giv hvert tilvalg én gang"),
                    format!("{arg} is given more than once; give each option once"),
                )
            } else {
                t(
                    format!("{arg} kan ikke bruges sammen med {prior}"),
                    format!("{arg} cannot be used with {prior}"),
                )
            }
        }
        ErrorKind::InvalidValue if value.is_empty() => t(
            format!("{} mangler en værdi", flag(&arg)),
            format!("{} needs a value", flag(&arg)),
        ),
        ErrorKind::InvalidValue => {
            let valid = text(e, ContextKind::ValidValue, or);
            t(
                format!("{} {value}: skriv {valid}", flag(&arg)),
                format!("{} {value}: write {valid}", flag(&arg)),
            )
        }
        ErrorKind::ValueValidation => {
            let bad = std::error::Error::source(e).and_then(|s| s.downcast_ref::<Bad>());
            let (da, en) = bad.map_or(("ugyldig værdi", "not a valid value"), |b| (&b.da, &b.en));
            t(
                format!("{} {value}: {da}", flag(&arg)),
                format!("{} {value}: {en}", flag(&arg)),
            )
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            let mut m = t(format!("ukendt tilvalg {arg}"), format!("unknown option {arg}"));
            let suggested = text(e, ContextKind::SuggestedArg, or);
            if !suggested.is_empty() {
                m += &t(
                    format!(" (mente du {suggested}?)"),
                    format!(" (did you mean {suggested}?)"),
                );
            }
            m
        }
        ErrorKind::UnknownArgument => too_many(&arg, lang),
        ErrorKind::MissingRequiredArgument => t(format!("angiv {arg}"), format!("give {arg}")),
        ErrorKind::InvalidUtf8 => t(
            "et argument er ikke gyldig tekst (UTF-8)".into(),
            "an argument is not valid UTF-8 text".into(),
        ),
        // Kinds this command line cannot give; clap's own words, in English.
        _ => {
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            first.trim_start_matches("error: ").to_string()
        }
    }
}

fn too_many(arg: &str, lang: Lang) -> String {
    lang.pick(
        format!("{arg}: ét argument for meget (én startdato eller én fil ad gangen)"),
        format!("{arg}: one argument too many (one start date or one file at a time)"),
    )
}

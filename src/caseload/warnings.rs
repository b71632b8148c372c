//! The reader's warnings: what it did that the user should know, each with a stable code.

use super::{Caseload, count, csv};
use crate::contract::error::quote;
use crate::contract::lang::Lang;
use crate::contract::response::Message;

impl Caseload {
    /// What the reader did that the user should know, each with a stable code: first
    /// `W_NO_HELD_DATES` (the file has no held-date column), then `W_COLUMNS_IGNORED`,
    /// `W_COLUMNS_UNNAMED`, `W_REFERENCES_CLEANED`, `W_HELD_NOT_OWED`, `W_HELD_FUTURE` and
    /// `W_QUOTE_SPANS_ROWS`.
    pub(super) fn warnings(&self) -> Vec<Message> {
        let lang = self.opts.lang;
        let mut w = Vec::new();
        if self.layout.is_some() && !self.held_dates() {
            w.push(Message {
                code: "W_NO_HELD_DATES",
                text: no_held_dates(lang).to_string(),
            });
        }
        let mut push = |code: &'static str, text: String| w.push(Message { code, text });
        if !self.ignored.is_empty() {
            let names: Vec<String> = self.ignored.iter().map(|n| quote(n)).collect();
            push(
                "W_COLUMNS_IGNORED",
                lang.pick(
                    format!(
                        "Kolonner, som beregneren ikke kender, er sprunget over: {}.",
                        names.join(", ")
                    ),
                    format!(
                        "Columns the calculator does not know were skipped: {}.",
                        names.join(", ")
                    ),
                ),
            );
        }
        if self.unnamed > 0 {
            let n = self.unnamed;
            push(
                "W_COLUMNS_UNNAMED",
                lang.pick(
                    format!(
                        "{} uden navn i overskriften er sprunget over.",
                        count(n, "kolonne", "kolonner")
                    ),
                    format!(
                        "{} without a name in the header {} skipped.",
                        count(n, "column", "columns"),
                        if n == 1 { "was" } else { "were" }
                    ),
                ),
            );
        }
        if self.cleaned > 0 {
            let n = self.cleaned;
            push(
                "W_REFERENCES_CLEANED",
                lang.pick(
                    format!(
                        "Usynlige tegn (fx nulbredde-mellemrum eller retningsmarkører) er fjernet fra {}.",
                        count(n, "medlemsreference", "medlemsreferencer")
                    ),
                    format!(
                        "Invisible characters (such as zero-width spaces or direction marks) were removed from {}.",
                        count(n, "member reference", "member references")
                    ),
                ),
            );
        }
        if self.not_owed_held > 0 {
            let n = self.not_owed_held;
            let more = if n > self.not_owed_examples.len() { ", …" } else { "" };
            let examples = format!("{}{more}", self.not_owed_examples.join(", "));
            push("W_HELD_NOT_OWED", lang.pick(
                format!(
                    "{} for {}, som medlemmet ikke skal til i denne ledighed (med timer fra tidligere ledighed i dagpengeperioden), er ikke talt med nogen steder: {examples}.",
                    count(n, "holdt dato", "holdte datoer"),
                    if n == 1 { "en samtale" } else { "samtaler" }
                ),
                format!(
                    "{} for {} the member does not owe in this spell of unemployment (with hours from an earlier spell in the dagpengeperiode) {} counted nowhere: {examples}.",
                    count(n, "held date", "held dates"),
                    if n == 1 { "a samtale" } else { "samtaler" },
                    if n == 1 { "is" } else { "are" }
                ),
            ));
        }
        if self.future_held > 0 {
            let n = self.future_held;
            let more = if n > self.future_held_examples.len() {
                ", …"
            } else {
                ""
            };
            let examples = format!("{}{more}", self.future_held_examples.join(", "));
            push("W_HELD_FUTURE", lang.pick(
                format!(
                    "{} efter i dag er ikke talt som holdt (en samtale kan ikke være holdt på en dag, der ikke er kommet endnu; ret datoen i filen): {examples}.",
                    count(n, "holdt dato", "holdte datoer"),
                ),
                format!(
                    "{} after today {} not counted as held (a samtale cannot have been held on a day still to come; correct the date in the file): {examples}.",
                    count(n, "held date", "held dates"),
                    if n == 1 { "is" } else { "are" }
                ),
            ));
        }
        let swallowed = self.splitter.swallowed();
        if swallowed.lines > 0 {
            push("W_QUOTE_SPANS_ROWS", quote_spans_rows(swallowed, lang));
        }
        w
    }
}

/// The warning `W_NO_HELD_DATES`, also the first row of every export from such a file.
pub fn no_held_dates(lang: Lang) -> &'static str {
    lang.pick(
        "Filen har ingen holdte datoer (ingen kolonner holdt_<ID>), så det kan ikke afgøres, om samtaler med en seneste dato, der er passeret, blev holdt: rettidigheden og STAR's indikatorer er ukendte, og samtaler, hvis frist er passeret, er ikke nødvendigvis overskredne. Tilføj kolonner holdt_<ID> (fx holdt_A1) med datoerne for at få dem opgjort.",
        "The file has no held dates (no held_<ID> columns), so whether samtaler whose latest date has passed were held cannot be told: the shares on time and STAR's indicators are unknown, and samtaler whose latest date has passed are not necessarily overdue. Add held_<ID> columns (e.g. held_A1) with the dates to have them counted.",
    )
}

/// The warning `W_QUOTE_SPANS_ROWS`: lines inside a quoted field spanning lines that look like
/// member rows, counted and named by line ("linje 3, 4, 5 (i rækken fra linje 2)").
fn quote_spans_rows(s: &csv::Swallowed, lang: Lang) -> String {
    let mut groups: Vec<(usize, Vec<String>)> = Vec::new();
    for &(row, line) in &s.examples {
        match groups.last_mut() {
            Some((r, lines)) if *r == row => lines.push(line.to_string()),
            _ => groups.push((row, vec![line.to_string()])),
        }
    }
    let more = if s.lines > s.examples.len() { "; …" } else { "" };
    let named = |word_one: &str, word_many: &str, within: &str| -> String {
        let parts: Vec<String> = groups
            .iter()
            .map(|(row, lines)| {
                let word = if lines.len() == 1 { word_one } else { word_many };
                format!("{word} {} ({within} {row})", lines.join(", "))
            })
            .collect();
        format!("{}{more}", parts.join("; "))
    };
    lang.pick(
        format!(
            "{} i {} i anførselstegn, der går over flere linjer, ligner medlemsrækker, men er læst som tekst i feltet, ikke som medlemmer: {}. Mangler et afsluttende anførselstegn, så ret filen; er det en note over flere linjer, er alt i orden.",
            count(s.lines, "linje", "linjer"),
            if s.records == 1 { "et felt" } else { "felter" },
            named("linje", "linje", "i rækken fra linje"),
        ),
        format!(
            "{} inside {} in quotes spanning several lines {} like member rows but {} read as text of the field, not as members: {}. If a closing quote is missing, correct the file; if it is a note over several lines, all is well.",
            count(s.lines, "line", "lines"),
            if s.records == 1 { "a field" } else { "fields" },
            if s.lines == 1 { "looks" } else { "look" },
            if s.lines == 1 { "was" } else { "were" },
            named("line", "lines", "in the row from line"),
        ),
    )
}

//! A caseload file's rows: each record split into fields and checked, and the member read from
//! them as a request would be (start, insurance, group, pauses, held dates), then counted.

use super::csv::{self, FieldError, Record};
use super::{Caseload, MAX_ROWS, Member, count};
use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::hours::MAX_HOURS_PER_WEEK;
use crate::contract::request::{self, Group, MAX_PAUSES, Pause, PauseReason, Request};
use crate::contract::words::Word;
use crate::plan;
use crate::rules::dates::DateError;
use crate::rules::ledighed::{Hundredths, Insurance, Period};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::sync::Arc;

type RowResult<T> = Result<T, (Option<Arc<str>>, PlanError)>;

impl Caseload {
    /// Reads one record of a CSV file: the header, or a member's row.
    pub(super) fn record<'a>(&mut self, r: &'a Record, fields: &mut Vec<Cow<'a, str>>) {
        if self.fatal.is_some() {
            return;
        }
        let lang = self.opts.lang;
        if r.too_long {
            if self.layout.is_none() {
                self.fatal = Some(PlanError::new(
                    ErrorCode::CsvHeader,
                    lang,
                    "Overskriften er for lang til at være en overskrift.".into(),
                    "The header is too long to be a header.".into(),
                ));
                return;
            }
            self.rows += 1;
            self.row_error(
                r.line,
                None,
                ErrorCode::CsvRow,
                format!("Rækken er længere end {} KiB.", csv::MAX_RECORD_BYTES / 1024),
                format!("The row is longer than {} KiB.", csv::MAX_RECORD_BYTES / 1024),
            );
            return;
        }
        if self.layout.is_none() && r.bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return;
        }
        let delimiter = self.splitter.delimiter().unwrap_or(b';');
        if let Err(e) = csv::fields(&r.bytes, delimiter, fields) {
            if self.layout.is_none() {
                self.fatal = Some(PlanError::new(
                    ErrorCode::CsvHeader,
                    lang,
                    format!("Overskriften på linje {} kan ikke læses.", r.line),
                    format!("The header on line {} cannot be read.", r.line),
                ));
                return;
            }
            let (code, da, en) = match e {
                FieldError::Quote => (
                    ErrorCode::CsvQuote,
                    "Rækken har et felt i anførselstegn, der ikke slutter (eller har tekst efter sit sidste anførselstegn).",
                    "The row has a quoted field that does not end (or has text after its closing quote).",
                ),
                FieldError::Encoding => (
                    ErrorCode::CsvEncoding,
                    "Rækken er ikke gyldig UTF-8-tekst, som resten af filen er.",
                    "The row is not valid UTF-8 text, as the rest of the file is.",
                ),
            };
            self.rows += 1;
            self.row_error(r.line, None, code, da.into(), en.into());
            return;
        }
        self.row(r.line, fields);
    }

    /// Reads one row's fields (from a CSV record or a sheet's row): the header, or a member.
    pub(super) fn row(&mut self, line: usize, fields: &mut Vec<Cow<'_, str>>) {
        let lang = self.opts.lang;
        let member = self.layout.as_ref().map(|l| l.member);
        for (i, f) in fields.iter_mut().enumerate() {
            let clean = match visible(f) {
                Cow::Owned(clean) => clean,
                Cow::Borrowed(_) => continue,
            };
            self.cleaned += usize::from(Some(i) == member);
            *f = Cow::Owned(clean);
        }
        let Some(layout) = &self.layout else {
            if csv::width_of(fields) > 0 {
                self.header(line, fields);
            }
            return;
        };
        let width = layout.width;
        if fields.iter().all(|f| f.is_empty()) {
            return; // a blank row, as spreadsheets leave at the end
        }
        self.rows += 1;
        if self.rows > MAX_ROWS {
            self.fatal = Some(PlanError::new(
                ErrorCode::CsvTooLarge,
                lang,
                format!("Filen har mere end {MAX_ROWS} rækker med medlemmer."),
                format!("The file has more than {MAX_ROWS} member rows."),
            ));
            return;
        }
        // Empty fields after the header's last column are as if not there.
        if fields.len() > width && csv::width_of(fields) <= width {
            fields.truncate(width);
        }
        if fields.len() != width {
            let n = fields.len();
            self.row_error(
                line,
                None,
                ErrorCode::CsvFields,
                format!("Rækken har {}; overskriften har {width}.", count(n, "felt", "felter")),
                format!("The row has {}; the header has {width}.", count(n, "field", "fields")),
            );
            return;
        }
        let outcome = self.member_of(line, fields).and_then(|m| {
            let w = plan::windows(&m.request).map_err(|e| (Some(m.reference.clone()), e))?;
            Ok((m, w))
        });
        match outcome {
            Ok((m, w)) => match self.acc.add(self.members.len(), &m, &w) {
                Ok(()) => {
                    self.references.insert(m.reference.clone());
                    self.members.push(m);
                }
                Err((da, en)) => self.row_error(line, Some(m.reference), ErrorCode::CsvHeld, da, en),
            },
            Err((member, e)) => self.plan_error(line, member, e),
        }
    }

    /// A member from the fields of a row, checked as a request would be.
    fn member_of(&self, line: usize, fields: &[Cow<'_, str>]) -> RowResult<Member> {
        let lang = self.opts.lang;
        let Some(layout) = &self.layout else {
            return Err((None, PlanError::internal("a row before the header", lang)));
        };
        let value = |i: Option<usize>| i.map_or("", |i| &*fields[i]);
        let text = value(Some(layout.member));
        if text.is_empty() {
            return Err((
                None,
                PlanError::new(
                    ErrorCode::CsvValue,
                    lang,
                    "Medlem mangler.".into(),
                    "The member is missing.".into(),
                ),
            ));
        }
        if text.chars().count() > 64 || text.chars().any(char::is_control) {
            return Err((
                None,
                PlanError::new(
                    ErrorCode::CsvValue,
                    lang,
                    format!(
                        "Medlemsreferencen {} er længere end 64 tegn eller har styretegn.",
                        quote(text)
                    ),
                    format!(
                        "The member reference {} is longer than 64 characters or has control characters.",
                        quote(text)
                    ),
                ),
            ));
        }
        let reference: Arc<str> = Arc::from(text);
        let err =
            |code: ErrorCode, da: String, en: String| (Some(reference.clone()), PlanError::new(code, lang, da, en));
        if self.references.contains(&reference) {
            return Err(err(
                ErrorCode::CsvValue,
                format!("Medlemmet {} står allerede på en tidligere række.", quote(text)),
                format!("The member {} is already on an earlier row.", quote(text)),
            ));
        }
        let date = |name: &str, s: &str| -> RowResult<NaiveDate> {
            csv::parse_date(s).map_err(|e| {
                let (da, en) = match e {
                    DateError::Format => (
                        "er ikke en dato som 04-03-2024, 04.03.2024 eller 2024-03-04",
                        "is not a date like 04-03-2024, 04.03.2024 or 2024-03-04",
                    ),
                    DateError::Invalid => ("findes ikke i kalenderen", "does not exist"),
                };
                err(
                    ErrorCode::CsvDate,
                    format!("{name}: {} {da}.", quote(s)),
                    format!("{name}: {} {en}.", quote(s)),
                )
            })
        };
        let start = date("start", value(Some(layout.start)))?;
        request::check_start(start, lang).map_err(|e| (Some(reference.clone()), e))?;
        let word = |name: &str, s: &str, words: &[&str]| {
            err(
                ErrorCode::CsvValue,
                format!("{name}: ukendt værdi {}; tilladt er: {}.", quote(s), words.join(", ")),
                format!("{name}: unknown value {}; allowed: {}.", quote(s), words.join(", ")),
            )
        };
        let insurance = match value(layout.insurance) {
            "" => Insurance::default(),
            s => <Insurance as Word>::WORDS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(s))
                .map(|i| Insurance::ALL[i])
                .ok_or_else(|| word("forsikring", s, Insurance::WORDS))?,
        };
        let group = match value(layout.group) {
            "" => Group::default(),
            s => <Group as Word>::WORDS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(s))
                .map(|i| Group::ALL[i])
                .ok_or_else(|| word("gruppe", s, Group::WORDS))?,
        };
        let mut pauses = Vec::new();
        for (i, item) in value(layout.pauses)
            .split(['|', ' '])
            .filter(|s| !s.is_empty())
            .enumerate()
        {
            // FROM..TO, or FROM..TO:HOURS for part-time work ("01-06-2024..31-08-2024:15t").
            let (range, hours) = match item.split_once(':') {
                Some((range, hours)) => (range, Some(hours)),
                None => (item, None),
            };
            let Some((from, to)) = range.split_once("..") else {
                return Err(err(
                    ErrorCode::CsvPause,
                    format!("pauser: {} er ikke en periode som 01-04-2024..12-04-2024.", quote(item)),
                    format!("pauses: {} is not a period like 01-04-2024..12-04-2024.", quote(item)),
                ));
            };
            let hours_per_week = match hours {
                None => None,
                Some(text) => Some(part_time_hours(text).ok_or_else(|| {
                    err(
                        ErrorCode::CsvPause,
                        format!(
                            "pauser: {} har ikke timer om ugen som 01-06-2024..31-08-2024:15t eller :18,5t (over 0 og højst 168 timer, højst to decimaler).",
                            quote(item)
                        ),
                        format!(
                            "pauses: {} has no hours a week like 01-06-2024..31-08-2024:15t or :18.5t (above 0 and at most 168 hours, at most two decimals).",
                            quote(item)
                        ),
                    )
                })?),
            };
            let period = Period {
                from: date("pauser", from)?,
                to: date("pauser", to)?,
            };
            if i >= MAX_PAUSES {
                return Err(err(
                    ErrorCode::TooManyPauses,
                    format!("Højst {MAX_PAUSES} pauser pr. medlem."),
                    format!("At most {MAX_PAUSES} pauses per member."),
                ));
            }
            request::check_pause(i, period, lang).map_err(|e| (Some(reference.clone()), e))?;
            pauses.push(Pause {
                period,
                reason: if hours_per_week.is_some() {
                    PauseReason::Arbejde
                } else {
                    PauseReason::Andet
                },
                hours_per_week,
                open_ended: false,
            });
        }
        let mut held = Vec::new();
        for (k, (i, id)) in layout.held.iter().enumerate() {
            let s = &*fields[*i];
            if !s.is_empty() {
                // The column's name is only spelled out for an error.
                let day = csv::parse_date(s).or_else(|_| date(&format!("holdt_{id}"), s))?;
                held.push((self.held_ids[k].clone(), day));
            }
        }
        let mut present = Vec::new();
        for (k, (i, id)) in layout.present.iter().enumerate() {
            let s = &*fields[*i];
            if s.is_empty() {
                continue;
            }
            let yes = match s.to_lowercase().as_str() {
                "ja" | "j" | "yes" | "y" | "x" | "1" | "sand" | "true" => true,
                "nej" | "n" | "no" | "0" | "falsk" | "false" => false,
                _ => {
                    return Err(err(
                        ErrorCode::CsvValue,
                        format!("akasse_deltog_{id}: skriv ja eller nej, ikke {}.", quote(s)),
                        format!("akasse_present_{id}: write ja or nej (yes or no), not {}.", quote(s)),
                    ));
                }
            };
            present.push((self.present_ids[k].clone(), yes));
        }
        let request = Request {
            insurance,
            group,
            pauses,
            lang,
            ..Request::new(start)
        };
        Ok(Member {
            line,
            reference,
            request,
            held,
            present,
        })
    }
}

/// The hours a week of a part-time pause in a caseload file: "15t", "18,5t", "18.5" — above 0,
/// at most 168, at most two decimals; the "t" (timer) may be left out.
fn part_time_hours(text: &str) -> Option<Hundredths> {
    let number = text.strip_suffix(['t', 'T']).unwrap_or(text);
    Hundredths::parse(number)
        .ok()
        .filter(|h| h.0 > 0 && *h <= MAX_HOURS_PER_WEEK)
}

/// Characters that show nothing: zero-width spaces and joiners, the byte-order mark, the soft
/// hyphen, and the bidirectional controls. In a member reference they would let two rows for
/// one member look like two members, so they are removed from every field.
pub(super) fn invisible(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The field without invisible characters (borrowed when it has none), trimmed again.
pub(super) fn visible(field: &str) -> Cow<'_, str> {
    if field.is_ascii() || !field.chars().any(invisible) {
        return Cow::Borrowed(field);
    }
    Cow::Owned(
        field
            .chars()
            .filter(|&c| !invisible(c))
            .collect::<String>()
            .trim()
            .to_string(),
    )
}

//! A caseload file's rows: each record split into fields and checked, and the member read from
//! them as a request would be (start, insurance, group, pauses, held dates), then counted. The
//! cells' own words (insurance, name, pause, hours) are read in `cells`.

use super::cells::{insurance, name, pause, prior_hours, visible};
use super::csv::{self, FieldError, Record};
use super::{Caseload, MAX_ROWS, Member, count};
use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::lang::Lang;
use crate::contract::request::{self, Group, MAX_PAUSES, Pause, Request};
use crate::contract::words::Word;
use crate::plan;
use crate::vocabulary::dates::{DateError, short};
use crate::vocabulary::hours::Hundredths;
use crate::vocabulary::insurance::Insurance;
use crate::vocabulary::period::Period;
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
        let name_at = layout.name;
        self.row_name = None;
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
        self.row_name = name_at.and_then(|i| name(&fields[i]).ok().flatten());
        let outcome = self.member_of(line, fields).and_then(|m| {
            let w = plan::windows(&m.request).map_err(|e| (Some(m.reference.clone()), e))?;
            Ok((m, w))
        });
        match outcome {
            Ok((mut m, w)) => {
                self.drop_not_owed(&mut m, &w);
                self.drop_future_held(line, &mut m, &w);
                match self.acc.add(self.members.len(), &m, &w) {
                    Ok(()) => {
                        self.references.insert(m.reference.clone());
                        self.members.push(m);
                    }
                    Err((da, en)) => self.row_error(line, Some(m.reference), ErrorCode::CsvHeld, da, en),
                }
            }
            Err((member, e)) => self.plan_error(line, member, e),
        }
        self.row_name = None;
    }

    /// Takes out the held dates (and the a-kasse's answers) for samtaler the member does not owe
    /// in this registration (`not_owed`: hours from an earlier spell), so that they count nowhere
    /// and the row is not an error for them; the summary's warnings count them.
    fn drop_not_owed(&mut self, m: &mut Member, w: &plan::Windows) {
        let owed = |id: &str| !w.not_owed.iter().any(|(n, _)| *n == id);
        for (id, _) in m.held.iter().filter(|(id, _)| !owed(id)) {
            self.not_owed_held += 1;
            if self.not_owed_examples.len() < 3 {
                self.not_owed_examples.push(format!("{} {id}", m.reference));
            }
        }
        m.held.retain(|(id, _)| owed(id));
        m.present.retain(|(id, _)| owed(id));
    }

    /// Takes out the held dates after today (and the a-kasse's answers for them): a samtale
    /// cannot have been held on a day still to come, so it is not counted as held (it counts as
    /// not held yet); the summary's warning `W_HELD_FUTURE` says how many, with the first few as
    /// "member holdt_ID date (line N)".
    /// A held date that is wrong for another reason (before the start, for a samtale the plan
    /// does not have) is kept, for the row's error.
    fn drop_future_held(&mut self, line: usize, m: &mut Member, w: &plan::Windows) {
        let today = self.opts.today;
        let lang = self.opts.lang;
        let start = m.request.start;
        let future = |id: &str, day: NaiveDate| day > today && day >= start && w.samtaler.iter().any(|s| s.id == id);
        let ids: Vec<Arc<str>> = m
            .held
            .iter()
            .filter(|(id, day)| future(id, *day))
            .map(|(id, _)| id.clone())
            .collect();
        for (id, day) in m.held.iter().filter(|(id, day)| future(id, *day)) {
            self.future_held += 1;
            if self.future_held_examples.len() < 3 {
                self.future_held_examples.push(lang.pick(
                    format!("{} holdt_{id} {} (linje {line})", m.reference, short(*day, Lang::Da)),
                    format!("{} held_{id} {} (line {line})", m.reference, short(*day, Lang::En)),
                ));
            }
        }
        m.held.retain(|(id, _)| !ids.contains(id));
        m.present.retain(|(id, _)| !ids.contains(id));
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
        let name = name(value(layout.name)).map_err(|(da, en)| err(ErrorCode::CsvValue, da, en))?;
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
            s => insurance(s).ok_or_else(|| {
                err(
                    ErrorCode::CsvValue,
                    format!(
                        "forsikring: ukendt værdi {}; tilladt er: fuldtid, deltid (også fuldtidsforsikret, deltidsforsikret).",
                        quote(s)
                    ),
                    format!(
                        "insurance: unknown value {}; allowed: fuldtid, deltid (also fuldtidsforsikret, deltidsforsikret).",
                        quote(s)
                    ),
                )
            })?,
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
            let pause = pause(item).map_err(|(da, en)| err(ErrorCode::CsvPause, da, en))?;
            let from = date("pauser", pause.from)?;
            // An empty TO: part-time work "indtil videre", to the last day the calculator knows.
            let (to, open_ended) = match pause.to {
                "" => (request::LAST_DATE, true),
                to => (date("pauser", to)?, false),
            };
            if i >= MAX_PAUSES {
                return Err(err(
                    ErrorCode::TooManyPauses,
                    format!("Højst {MAX_PAUSES} pauser pr. medlem."),
                    format!("At most {MAX_PAUSES} pauses per member."),
                ));
            }
            let period = Period { from, to };
            request::check_pause(i, period, lang).map_err(|e| (Some(reference.clone()), e))?;
            pauses.push(Pause {
                period,
                reason: pause.reason,
                hours_per_week: pause.hours,
                open_ended,
            });
        }
        let prior_hours = match value(layout.prior_hours) {
            "" => Hundredths(0),
            s => prior_hours(s).ok_or_else(|| {
                err(
                    ErrorCode::CsvValue,
                    format!(
                        "forbrugte_timer: {} er ikke et antal timer som 481, 481,25 eller 481t (fra 0, højst to decimaler, uden tusindtalsseparator).",
                        quote(s)
                    ),
                    format!(
                        "prior_hours: {} is not a number of hours like 481, 481.25 or 481t (from 0, at most two decimals, no thousands separator).",
                        quote(s)
                    ),
                )
            })?,
        };
        request::check_prior_hours(prior_hours, insurance, lang).map_err(|e| (Some(reference.clone()), e))?;
        let mut held = Vec::new();
        for (k, (i, id)) in layout.held.iter().enumerate() {
            let s = &*fields[*i];
            if !s.is_empty() {
                // The column's name is only spelled out for an error.
                let day = csv::parse_date(s).or_else(|_| date(&format!("holdt_{id}"), s))?;
                // The years the plan's own dates may lie in (a request's `check_date`).
                if !(request::FIRST_DATE..=request::LAST_DATE).contains(&day) {
                    return Err(err(
                        ErrorCode::DateRange,
                        format!(
                            "holdt_{id}: datoen {} skal ligge mellem år 1900 og 2199.",
                            short(day, Lang::Da)
                        ),
                        format!(
                            "held_{id}: the date {} must lie between the years 1900 and 2199.",
                            short(day, Lang::En)
                        ),
                    ));
                }
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
            prior_hours,
            lang,
            ..Request::new(start)
        };
        Ok(Member {
            line,
            reference,
            name,
            request,
            held,
            present,
        })
    }
}

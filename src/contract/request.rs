//! The request (RULES.md § 5) and its strict reading: unknown fields, duplicate fields, wrong
//! types, malformed or impossible dates, unknown values and oversized input are all refused
//! with a stable code and a message in the request's language. serde reads the JSON into a
//! [`RequestJson`] ([`crate::contract::wire`]); [`validate`] checks what it says.

pub(crate) use super::fields::label;
pub use super::fields::{
    FIRST_DATE, FIRST_START, LAST_DATE, LAST_START, MAX_PAUSES, MAX_REQUEST_BYTES, PauseReason, sniff_lang,
};
use crate::contract::error::{ErrorCode, PlanError, quote};
use crate::contract::hours::max_prior_hours;
use crate::contract::lang::Lang;
use crate::contract::wire::{self, PauseJson, RequestJson};
use crate::vocabulary::dates::{DateError, likely_year, month_name, parse_iso, short};
pub use crate::vocabulary::group::Group;
use crate::vocabulary::hours::Hundredths;
use crate::vocabulary::insurance::Insurance;
use crate::vocabulary::period::{Effect, Period};
use chrono::Datelike;
use chrono::NaiveDate;

/// A period without dagpenge, or with dagpenge for only part of the hours (part-time work), or a
/// sickness from its first to its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    /// From and to, both included; a period given without an end lasts to [`LAST_DATE`].
    pub period: Period,
    pub reason: PauseReason,
    /// The hours worked per week in the period, for part-time work (supplerende dagpenge);
    /// `None`: no dagpenge at all (RULES.md § 2), or for a sickness its first 14 days only.
    pub hours_per_week: Option<Hundredths>,
    /// Given without `to` ("indtil videre"): only part-time work may be (RULES.md § 2).
    pub open_ended: bool,
}

impl Pause {
    /// A full pause: no dagpenge in the period.
    pub fn full(period: Period, reason: PauseReason) -> Pause {
        Pause {
            period,
            reason,
            hours_per_week: None,
            open_ended: false,
        }
    }

    /// What the period means for the count: part-time work where it has hours worked a week,
    /// otherwise a sickness (`sygdom`) or a full pause.
    pub fn effect(&self) -> Effect {
        effect_of(self.hours_per_week, self.reason)
    }

    /// The last day as given: `None` for a period without an end.
    pub fn given_to(&self) -> Option<NaiveDate> {
        (!self.open_ended).then_some(self.period.to)
    }
}

/// What a period with these hours worked a week and this reason means for the count (RULES.md
/// § 2): part-time work where it has hours, otherwise a sickness (`sygdom`) or a full pause.
pub fn effect_of(hours_per_week: Option<Hundredths>, reason: PauseReason) -> Effect {
    match (hours_per_week, reason) {
        (Some(h), _) => Effect::PartTime(h),
        (None, PauseReason::Sygdom) => Effect::Sickness,
        (None, _) => Effect::Pause,
    }
}

/// A valid request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub start: NaiveDate,
    pub insurance: Insurance,
    pub group: Group,
    pub pauses: Vec<Pause>,
    /// Hours from an earlier spell of unemployment in the same dagpengeperiode, counted at
    /// `start` (RULES.md § 2; 0 when not given).
    pub prior_hours: Hundredths,
    pub handover: Option<NaiveDate>,
    pub today: Option<NaiveDate>,
    pub lang: Lang,
    /// Also answer with the plan under the neighbouring regime.
    pub compare: bool,
}

impl Request {
    /// A request with only `start`, everything else at its default.
    pub fn new(start: NaiveDate) -> Request {
        Request {
            start,
            insurance: Insurance::default(),
            group: Group::default(),
            pauses: Vec::new(),
            prior_hours: Hundredths(0),
            handover: None,
            today: None,
            lang: Lang::default(),
            compare: false,
        }
    }

    /// The periods as the counter takes them.
    pub fn periods(&self) -> Vec<(Period, Effect)> {
        self.pauses.iter().map(|p| (p.period, p.effect())).collect()
    }
}

/// Reads a request from JSON text.
pub fn from_json(text: &str) -> Result<Request, PlanError> {
    if text.len() > MAX_REQUEST_BYTES {
        return Err(too_large(text.len(), sniff_lang(text.as_bytes())));
    }
    validate(wire::from_text(text)?)
}

/// The error for a request over the size limit.
pub fn too_large(bytes: usize, lang: Lang) -> PlanError {
    PlanError::new(
        ErrorCode::RequestTooLarge,
        lang,
        format!("Forespørgslen fylder {bytes} bytes; grænsen er {MAX_REQUEST_BYTES} bytes (64 KiB)."),
        format!("The request is {bytes} bytes; the limit is {MAX_REQUEST_BYTES} bytes (64 KiB)."),
    )
}

/// Checks a request as read: `start` given and in range, every date real and in range, every
/// pause the right way round. Messages are in the request's language.
pub fn validate(json: RequestJson) -> Result<Request, PlanError> {
    let lang = json.lang.unwrap_or_default();
    // Today, where it reads, is what a first day's year is compared with in a message; the first
    // day is what every other date's year is.
    let today_year = json.today.as_deref().and_then(|t| parse_iso(t).ok()).map(|d| d.year());
    let mut r = Reader { lang, year: today_year };
    let start = r.start(json.start.as_deref())?;
    r.year = Some(start.year());
    let handover = r.date(json.handover.as_deref(), "handover")?;
    let today = r.date(json.today.as_deref(), "today")?;
    let items = json.pauses.map(|p| p.0).unwrap_or_default();
    let mut pauses = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        pauses.push(r.pause(i, item)?);
    }
    let insurance = json.insurance.unwrap_or_default();
    let prior_hours = match json.prior_hours.map(|h| h.0) {
        None => Hundredths(0),
        Some(Ok(h)) => h,
        Some(Err(written)) => return Err(prior_hours_too_many(&written, insurance, lang)),
    };
    check_prior_hours(prior_hours, insurance, lang)?;
    Ok(Request {
        start,
        insurance,
        group: json.group.unwrap_or_default(),
        pauses,
        prior_hours,
        handover,
        today,
        lang,
        compare: json.compare.unwrap_or(false),
    })
}

/// `prior_hours` must not be more than a whole dagpengeperiode: 5,772 hours, deltid 4,680.
pub fn check_prior_hours(hours: Hundredths, insurance: Insurance, lang: Lang) -> Result<(), PlanError> {
    if hours <= max_prior_hours(insurance) {
        return Ok(());
    }
    Err(prior_hours_too_many(&hours.format(Lang::En), insurance, lang))
}

/// `prior_hours` over a whole dagpengeperiode (`value` as written, with a `.` for decimals).
fn prior_hours_too_many(value: &str, insurance: Insurance, lang: Lang) -> PlanError {
    let max = insurance.max_prior_hours();
    let (da_who, en_who) = match insurance {
        Insurance::Fuldtid => ("fuldtidsforsikrede", "full-time"),
        Insurance::Deltid => ("deltidsforsikrede", "part-time"),
    };
    let da_max = format!("{} timer for {da_who}", max.format_grouped(Lang::Da));
    let en_max = format!("{} hours when insured {en_who}", max.format_grouped(Lang::En));
    PlanError::new(
        ErrorCode::PriorHours,
        lang,
        format!(
            "{}: {} timer er mere end en hel dagpengeperiode, som højst er {da_max}. Skriv de forbrugte timer, som a-kassens selvbetjening viser dem.",
            label("prior_hours", Lang::Da),
            value.replace('.', ",")
        ),
        format!(
            "{}: {value} hours is more than a whole dagpengeperiode, which is at most {en_max}. Write the hours used as the a-kasse's self-service shows them.",
            label("prior_hours", Lang::En),
        ),
    )
    .at("prior_hours")
}

/// A date other than `start` must lie in the years 1900–2199.
pub fn check_date(d: NaiveDate, path: &str, lang: Lang) -> Result<(), PlanError> {
    if (FIRST_DATE..=LAST_DATE).contains(&d) {
        return Ok(());
    }
    Err(PlanError::new(
        ErrorCode::DateRange,
        lang,
        format!(
            "{}: datoen {d} skal ligge mellem år 1900 og 2199.",
            label(path, Lang::Da)
        ),
        format!(
            "{}: the date {d} must lie between the years 1900 and 2199.",
            label(path, Lang::En)
        ),
    )
    .at(path))
}

/// `start` must lie from 2015-07-01 to 2099-12-31: the rules the calculator knows.
pub fn check_start(start: NaiveDate, lang: Lang) -> Result<(), PlanError> {
    if start < FIRST_START {
        return Err(PlanError::new(
            ErrorCode::StartTooEarly,
            lang,
            format!(
                "Første ledighedsdag ({}) ligger før {}. Beregneren kender kun reglerne fra beskæftigelsesreformen 1. juli 2015 og frem.",
                short(start, Lang::Da),
                short(FIRST_START, Lang::Da)
            ),
            format!(
                "The first day of unemployment ({}) is before {}. The calculator only knows the rules from the 2015 reform on.",
                short(start, Lang::En),
                short(FIRST_START, Lang::En)
            ),
        )
        .at("start"));
    }
    if start > LAST_START {
        return Err(PlanError::new(
            ErrorCode::StartTooLate,
            lang,
            format!(
                "Første ledighedsdag ({}) ligger efter {}.",
                short(start, Lang::Da),
                short(LAST_START, Lang::Da)
            ),
            format!(
                "The first day of unemployment ({}) is after {}.",
                short(start, Lang::En),
                short(LAST_START, Lang::En)
            ),
        )
        .at("start"));
    }
    Ok(())
}

/// The `index`-th pause: both dates in range and `to` not before `from`.
pub fn check_pause(index: usize, p: Period, lang: Lang) -> Result<(), PlanError> {
    let path = format!("pauses[{index}]");
    check_date(p.from, &format!("{path}.from"), lang)?;
    check_date(p.to, &format!("{path}.to"), lang)?;
    if p.to < p.from {
        return Err(PlanError::new(
            ErrorCode::PauseReversed,
            lang,
            format!(
                "{}: perioden slutter ({}) før den begynder ({}).",
                label(&path, Lang::Da),
                short(p.to, Lang::Da),
                short(p.from, Lang::Da)
            ),
            format!(
                "{}: the period ends ({}) before it begins ({}).",
                label(&path, Lang::En),
                short(p.to, Lang::En),
                short(p.from, Lang::En)
            ),
        )
        .at(format!("{path}.to")));
    }
    Ok(())
}

struct Reader {
    lang: Lang,
    /// The year a date's year is compared with, to suggest one with two digits swapped back.
    year: Option<i32>,
}

impl Reader {
    fn missing(&self, path: &str) -> PlanError {
        PlanError::new(
            ErrorCode::MissingField,
            self.lang,
            format!("{} mangler.", label(path, Lang::Da)),
            format!("{} is missing.", label(path, Lang::En)),
        )
        .at(path)
    }

    /// A period without dagpenge given without its last day.
    fn no_end(&self, path: &str) -> PlanError {
        PlanError::new(
            ErrorCode::MissingField,
            self.lang,
            format!(
                "{} mangler. Kun arbejde på nedsat tid kan stå uden slutdato (indtil videre); en periode uden dagpenge skal have sin sidste dag.",
                label(path, Lang::Da)
            ),
            format!(
                "{} is missing. Only part-time work may be given without an end (until further notice); a period without dagpenge needs its last day.",
                label(path, Lang::En)
            ),
        )
        .at(path)
    }

    /// A date written `YYYY-MM-DD`, any year.
    fn any_date(&self, value: Option<&str>, path: &str) -> Result<Option<NaiveDate>, PlanError> {
        let Some(s) = value else {
            return Ok(None);
        };
        let (da, en) = (label(path, Lang::Da), label(path, Lang::En));
        parse_iso(s).map(Some).map_err(|e| {
            let error = match e {
                DateError::Format if s.is_empty() => PlanError::new(
                    ErrorCode::DateFormat,
                    self.lang,
                    format!("{da} mangler. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-03-04."),
                    format!("{en} is missing. Write the date as YYYY-MM-DD, e.g. 2024-03-04."),
                ),
                DateError::Format => PlanError::new(
                    ErrorCode::DateFormat,
                    self.lang,
                    format!(
                        "{da}: {} er ikke en dato på formen ÅÅÅÅ-MM-DD, fx 2024-03-04.",
                        quote(s)
                    ),
                    format!(
                        "{en}: {} is not a date of the form YYYY-MM-DD, e.g. 2024-03-04.",
                        quote(s)
                    ),
                ),
                // Named as a person says it: "30. februar 2025 findes ikke", "måned 13 findes ikke".
                DateError::Invalid => {
                    let (y, m, d): (&str, u32, u32) =
                        (&s[..4], s[5..7].parse().unwrap_or(0), s[8..].parse().unwrap_or(0));
                    let (da_day, en_day) = match (month_name(m, Lang::Da), month_name(m, Lang::En)) {
                        (Some(da_m), Some(en_m)) => (format!("{d}. {da_m} {y}"), format!("{d} {en_m} {y}")),
                        _ => (format!("måned {m}"), format!("month {m}")),
                    };
                    PlanError::new(
                        ErrorCode::DateInvalid,
                        self.lang,
                        format!("{da}: {da_day} findes ikke ({}).", quote(s)),
                        format!("{en}: {en_day} does not exist ({}).", quote(s)),
                    )
                }
            };
            error.at(path)
        })
    }

    /// A date in the years 1900–2199.
    fn date(&self, value: Option<&str>, path: &str) -> Result<Option<NaiveDate>, PlanError> {
        let date = self.any_date(value, path)?;
        if let Some(d) = date {
            check_date(d, path, self.lang).map_err(|e| self.year_hint(e, d))?;
        }
        Ok(date)
    }

    /// `start`: required, and from 2015-07-01 to 2099-12-31.
    fn start(&self, value: Option<&str>) -> Result<NaiveDate, PlanError> {
        let start = self.any_date(value, "start")?.ok_or_else(|| self.missing("start"))?;
        check_start(start, self.lang).map_err(|e| self.year_hint(e, start))?;
        Ok(start)
    }

    /// A date refused for its year, with the year it likely meant: "… Mente du 2026?".
    fn year_hint(&self, mut error: PlanError, date: NaiveDate) -> PlanError {
        if let Some(year) = self.year.and_then(|reference| likely_year(date.year(), reference)) {
            error.message.push_str(
                &self
                    .lang
                    .pick(format!(" Mente du {year}?"), format!(" Did you mean {year}?")),
            );
        }
        error
    }

    fn pause(&self, i: usize, item: PauseJson) -> Result<Pause, PlanError> {
        let path = format!("pauses[{i}]");
        let (from_path, to_path) = (format!("{path}.from"), format!("{path}.to"));
        let from = self
            .date(item.from.as_deref(), &from_path)?
            .ok_or_else(|| self.missing(&from_path))?;
        let hours_per_week = item.hours_per_week.map(|h| h.0);
        // Only part-time work may go on without an end ("indtil videre"): it lasts to LAST_DATE.
        let (to, open_ended) = match (self.date(item.to.as_deref(), &to_path)?, hours_per_week) {
            (Some(to), _) => (to, false),
            (None, Some(_)) => (LAST_DATE, true),
            (None, None) => return Err(self.no_end(&to_path)),
        };
        check_pause(i, Period { from, to }, self.lang)?;
        Ok(Pause {
            period: Period { from, to },
            reason: item.reason.unwrap_or_default(),
            hours_per_week,
            open_ended,
        })
    }
}

//! Each samtale of a plan with its dates explained in words: how each bound was reached (the
//! ledighedsdag and its hours, the hand-over and what triggered it).

use super::setup::{Setup, plus_days};
use crate::contract::error::PlanError;
use crate::contract::response::{Samtale, Status};
use crate::rules::dates::short;
use crate::rules::holidays::{is_non_working, last_working_day_before};
use crate::rules::ledighed::{Handover, Reached, Slice, Span, Units};
use crate::rules::regimes::{Bound, Spec};
use chrono::NaiveDate;

impl Setup {
    /// How the date of a bound was found, in words.
    fn how(&self, bound: Bound) -> Result<String, PlanError> {
        let lang = self.lang;
        let ledighed = &self.ledighed;
        Ok(match bound {
            Bound::Start => lang.pick(
                format!("første ledighedsdag, {}", short(ledighed.start(), lang)),
                format!("the first day of unemployment, {}", short(ledighed.start(), lang)),
            ),
            Bound::Days(d) => lang.pick(
                format!("{d} dage efter første ledighedsdag, {}", short(ledighed.t(d), lang)),
                format!(
                    "{d} days after the first day of unemployment, {}",
                    short(ledighed.t(d), lang)
                ),
            ),
            Bound::Reached(span) => self.reached(span, ledighed.reach(span)),
            Bound::ReachedPlus(span, d) => {
                let r = ledighed.reach(span);
                let date = plus_days(r.date, d);
                lang.pick(
                    format!("{}: {d} dage efter {}", short(date, lang), self.reached(span, r)),
                    format!("{}: {d} days after {}", short(date, lang), self.reached(span, r)),
                )
            }
            Bound::Handover => self.handover_words(self.h()?),
            Bound::BeforeHandover(span) => {
                let r = ledighed.reach(span);
                let h = self.h()?;
                let day_before = h.date.pred_opt().unwrap_or(h.date);
                let to = self.handover_to.label(lang);
                if day_before < r.date {
                    lang.pick(
                        format!(
                            "dagen før {}, {}; {} ledighed nås først {}",
                            self.handover_words(h),
                            short(day_before, lang),
                            span.label(lang),
                            short(r.date, lang)
                        ),
                        format!(
                            "the day before {}, {}; {} of unemployment is only reached {}",
                            self.handover_words(h),
                            short(day_before, lang),
                            span.label(lang),
                            short(r.date, lang)
                        ),
                    )
                } else {
                    let (da, en) = if r.date == day_before {
                        (
                            "som også er dagen før overgangen til",
                            "which is also the day before the hand-over to",
                        )
                    } else {
                        ("før overgangen til", "before the hand-over to")
                    };
                    lang.pick(
                        format!("{} – {da} {to} {}", self.reached(span, r), short(h.date, lang)),
                        format!("{} – {en} {to} {}", self.reached(span, r), short(h.date, lang)),
                    )
                }
            }
        })
    }

    /// The samtale of a spec, its dates explained, with its status on `today` if given.
    pub(super) fn samtale(&self, spec: &Spec, today: Option<NaiveDate>) -> Result<Samtale, PlanError> {
        let lang = self.lang;
        let (earliest, latest) = (self.date(spec.earliest)?, self.date(spec.latest)?);
        let after = spec.after.map_or(String::new(), |id| {
            lang.pick(format!("Holdes efter {id}. "), format!("Held after {id}. "))
        });
        let (from, to) = (self.how(spec.earliest)?, self.how(spec.latest)?);
        let explanation = lang.pick(
            format!("{after}Tidligst {from}. Senest {to}."),
            format!("{after}Earliest {from}. Latest {to}."),
        );
        let non_working = is_non_working(latest);
        Ok(Samtale {
            id: spec.id,
            title: spec.title.get(lang),
            note: spec.note.map(|n| n.get(lang)),
            holder: spec.holder,
            holder_label: spec.holder.label(lang),
            obligation: spec.obligation,
            earliest,
            latest,
            nominal: spec.nominal().map(|span| self.ledighed.reach(span).date),
            after: spec.after,
            citation: spec.citation,
            basis: spec.basis,
            source: spec.source,
            explanation,
            status: today.map(|t| Status::of(t, earliest, latest)),
            latest_non_working: non_working,
            last_working_day: non_working.then(|| last_working_day_before(latest)),
        })
    }

    /// "65. ledighedsdag, 31. maj 2024: 3 måneder = 480,99 timer; 65 dage à 7,4 timer = 481 timer".
    fn reached(&self, span: Span, r: Reached) -> String {
        let lang = self.lang;
        let k = r.days;
        let hours = span.hours(self.ledighed.insurance()).format(lang);
        let counted = self.counted(r);
        let skipped = match r.skipped {
            0 => String::new(),
            n => lang.pick(
                format!(" ({n} hverdage uden dagpenge tæller ikke)"),
                format!(" ({n} weekdays without dagpenge do not count)"),
            ),
        };
        lang.pick(
            format!(
                "{k}. ledighedsdag, {}: {} = {hours} timer; {counted}{skipped}",
                short(r.date, lang),
                span.label(lang)
            ),
            format!(
                "accrual day {k}, {}: {} = {hours} hours; {counted}{skipped}",
                short(r.date, lang),
                span.label(lang)
            ),
        )
    }

    /// How the hours up to a day were counted: "65 dage à 7,4 timer = 481 timer", or with
    /// part-time work "55 hele dage à 7,4 timer = 407 timer og 20 dage på nedsat tid = 74 timer
    /// (18,5 timer om ugen i arbejde fra 1. april 2024: 3,7 timer pr. dag i 20 dage), i alt 481 timer".
    fn counted(&self, r: Reached) -> String {
        /// At most this many periods of part-time work are named one by one.
        const NAMED: usize = 4;
        let lang = self.lang;
        let per_day = self.ledighed.insurance().per_day();
        let total = r.counted.format(lang);
        let b = self.ledighed.breakdown(r.date);
        let days = |n: u32| lang.pick(if n == 1 { "dag" } else { "dage" }, if n == 1 { "day" } else { "days" });
        let full_units = Units(u64::from(b.full_days) * per_day.0);
        // "98 hele dage à 7,4 timer" beside days of part-time work; "65 dage à 7,4 timer" alone.
        let whole = match b.part_time.is_empty() {
            true => "",
            false => lang.pick("hele ", "whole "),
        };
        let full = lang.pick(
            format!(
                "{} {whole}{} à {} timer = {} timer",
                b.full_days,
                days(b.full_days),
                per_day.format(lang),
                full_units.format(lang)
            ),
            format!(
                "{} {whole}{} at {} hours = {} hours",
                b.full_days,
                days(b.full_days),
                per_day.format(lang),
                full_units.format(lang)
            ),
        );
        if b.part_time.is_empty() {
            return full;
        }
        let part_days: u32 = b.part_time.iter().map(|s| s.days).sum();
        let part_units = Units(r.counted.0.saturating_sub(full_units.0));
        // One entry per number of hours worked, from the first day it applied.
        let mut groups: Vec<Slice> = Vec::new();
        for s in &b.part_time {
            match groups.iter_mut().find(|g| g.worked == s.worked) {
                Some(g) => g.days += s.days,
                None => groups.push(*s),
            }
        }
        let mut slices: Vec<String> = groups
            .iter()
            .take(NAMED)
            .map(|s| {
                lang.pick(
                    format!(
                        "{} timer om ugen i arbejde fra {}: {} timer pr. dag i {} {}",
                        s.worked.format(lang),
                        short(s.from, lang),
                        s.per_day.format(lang),
                        s.days,
                        days(s.days)
                    ),
                    format!(
                        "{} hours a week of work from {}: {} hours a day for {} {}",
                        s.worked.format(lang),
                        short(s.from, lang),
                        s.per_day.format(lang),
                        s.days,
                        days(s.days)
                    ),
                )
            })
            .collect();
        if groups.len() > NAMED {
            let more = groups.len() - NAMED;
            slices.push(lang.pick(format!("og {more} perioder mere"), format!("and {more} more periods")));
        }
        let slices = slices.join("; ");
        let part = part_units.format(lang);
        let full = if b.full_days == 0 {
            String::new()
        } else {
            format!("{full} {} ", lang.pick("og", "and"))
        };
        lang.pick(
            format!(
                "{full}{part_days} {} på nedsat tid = {part} timer ({slices}), i alt {total} timer",
                days(part_days)
            ),
            format!(
                "{full}{part_days} {} of part-time work = {part} hours ({slices}), {total} hours in all",
                days(part_days)
            ),
        )
    }

    /// The hours counted by the day that passed the hand-over line: "414,4 timer", or with
    /// part-time work how they were counted.
    fn paid(&self, t: Reached) -> String {
        if self.ledighed.breakdown(t.date).part_time.is_empty() {
            self.lang.pick(
                format!("{} timer", t.counted.format(self.lang)),
                format!("{} hours", t.counted.format(self.lang)),
            )
        } else {
            self.counted(t)
        }
    }

    /// "overgangen til jobcentret 1. juni 2024 (første dag i måneden efter 56. ledighedsdag, …)".
    fn handover_words(&self, h: Handover) -> String {
        let lang = self.lang;
        let to = self.handover_to.label(lang);
        let ins = self.ledighed.insurance();
        match h.trigger {
            Some(t) => lang.pick(
                format!(
                    "overgangen til {to} {} (første dag i måneden efter {}. ledighedsdag, {}, hvor over {} timer er udbetalt: {})",
                    short(h.date, lang),
                    t.days,
                    short(t.date, lang),
                    ins.handover_threshold().format(lang),
                    self.paid(t),
                ),
                format!(
                    "the hand-over to {to} on {} (the first day of the month after accrual day {}, {}, when more than {} hours have been paid: {})",
                    short(h.date, lang),
                    t.days,
                    short(t.date, lang),
                    ins.handover_threshold().format(lang),
                    self.paid(t),
                ),
            ),
            None => lang.pick(
                format!("overgangen til {to} {}, som a-kassen har oplyst", short(h.date, lang)),
                format!("the hand-over to {to} on {}, as given by the a-kasse", short(h.date, lang)),
            ),
        }
    }
}

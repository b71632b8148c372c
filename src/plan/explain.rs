//! Each samtale of a plan with its dates explained in words: how each bound was reached (the
//! ledighedsdag and its hours, the hand-over and what triggered it).

use super::setup::{Setup, plus_days};
use crate::contract::error::PlanError;
use crate::contract::response::{Samtale, Status};
use crate::rules::dates::short;
use crate::rules::holidays::{is_non_working, last_working_day_before};
use crate::rules::ledighed::{Handover, Reached, Span};
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
        let ins = self.ledighed.insurance();
        let k = r.days.get();
        let hours = span.hours(ins).format(lang);
        let per_day = ins.per_day().format(lang);
        let total = r.days.hours(ins).format(lang);
        let skipped = match r.skipped {
            0 => String::new(),
            n => lang.pick(
                format!(" ({n} hverdage uden dagpenge tæller ikke)"),
                format!(" ({n} weekdays without dagpenge do not count)"),
            ),
        };
        lang.pick(
            format!(
                "{k}. ledighedsdag, {}: {} = {hours} timer; {k} dage à {per_day} timer = {total} timer{skipped}",
                short(r.date, lang),
                span.label(lang)
            ),
            format!(
                "accrual day {k}, {}: {} = {hours} hours; {k} days at {per_day} hours = {total} hours{skipped}",
                short(r.date, lang),
                span.label(lang)
            ),
        )
    }

    /// "overgangen til jobcentret 1. juni 2024 (første dag i måneden efter 56. ledighedsdag, …)".
    fn handover_words(&self, h: Handover) -> String {
        let lang = self.lang;
        let to = self.handover_to.label(lang);
        let ins = self.ledighed.insurance();
        match h.trigger {
            Some(t) => lang.pick(
                format!(
                    "overgangen til {to} {} (første dag i måneden efter {}. ledighedsdag, {}, hvor over {} timer er udbetalt: {} timer)",
                    short(h.date, lang),
                    t.days.get(),
                    short(t.date, lang),
                    ins.handover_threshold().format(lang),
                    t.days.hours(ins).format(lang)
                ),
                format!(
                    "the hand-over to {to} on {} (the first day of the month after accrual day {}, {}, when more than {} hours have been paid: {} hours)",
                    short(h.date, lang),
                    t.days.get(),
                    short(t.date, lang),
                    ins.handover_threshold().format(lang),
                    t.days.hours(ins).format(lang)
                ),
            ),
            None => lang.pick(
                format!("overgangen til {to} {}, som a-kassen har oplyst", short(h.date, lang)),
                format!("the hand-over to {to} on {}, as given by the a-kasse", short(h.date, lang)),
            ),
        }
    }
}

//! Each samtale of a plan with its dates explained in words: how each bound was reached (the
//! ledighedsdag and its hours, the hand-over and what triggered it).

use super::setup::{Setup, plus_days};
use crate::contract::error::PlanError;
use crate::contract::lang::Lang;
use crate::contract::response::{Samtale, Status};
use crate::rules::holidays::{is_non_working, last_working_day_before};
use crate::rules::ledighed::{Breakdown, Handover, HandoverBasis, Reached, Slice, Span, Units};
use crate::rules::regimes::{Bound, Spec};
use crate::vocabulary::dates::short;
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
            Bound::Reached(span) => match ledighed.reach(span) {
                Some(r) => self.reached(span, r),
                None => self.before_start(span),
            },
            Bound::ReachedPlus(span, d) => {
                let Some(r) = ledighed.reach(span) else {
                    return Ok(self.before_start(span));
                };
                let date = plus_days(r.date, d);
                lang.pick(
                    format!("{}: {d} dage efter {}", short(date, lang), self.reached(span, r)),
                    format!("{}: {d} days after {}", short(date, lang), self.reached(span, r)),
                )
            }
            Bound::Handover => self.handover_words(self.h()?),
            Bound::BeforeHandover(span) => {
                let Some(r) = ledighed.reach(span) else {
                    return Ok(self.before_start(span));
                };
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

    /// "56. ledighedsdag" / "accrual day 56"; with hours from an earlier spell, where the k-th day
    /// of this registration is not the k-th of the dagpengeperiode, "56. dag med dagpenge fra 4.
    /// marts 2024" / "day 56 with dagpenge from 4 March 2024".
    fn nth_day(&self, k: u32) -> String {
        let lang = self.lang;
        if self.ledighed.prior().0 == 0 {
            return lang.pick(format!("{k}. ledighedsdag"), format!("accrual day {k}"));
        }
        let start = short(self.ledighed.start(), lang);
        lang.pick(
            format!("{k}. dag med dagpenge fra {start}"),
            format!("day {k} with dagpenge from {start}"),
        )
    }

    /// "første ledighedsdag, 4. marts 2024: 3 måneders ledighed er allerede nået med 500 timer fra
    /// tidligere ledighed": a milestone before `start`, as an earliest date is then `start`.
    fn before_start(&self, span: Span) -> String {
        let lang = self.lang;
        let (start, label) = (short(self.ledighed.start(), lang), span.label(lang));
        let prior = self.ledighed.prior().format(lang);
        lang.pick(
            format!("første ledighedsdag, {start}: {label} ledighed er allerede nået med {prior} timer fra tidligere ledighed i dagpengeperioden"),
            format!("the first day of unemployment, {start}: {label} of unemployment were already reached with {prior} hours from earlier unemployment in the dagpengeperiode"),
        )
    }

    /// The samtale of a spec with its window, its dates explained, with its status on `today` if given.
    pub(super) fn samtale(
        &self,
        spec: &Spec,
        (earliest, latest): (NaiveDate, NaiveDate),
        today: Option<NaiveDate>,
    ) -> Result<Samtale, PlanError> {
        let lang = self.lang;
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
            nominal: spec
                .nominal()
                .and_then(|span| self.ledighed.reach(span))
                .map(|r| r.date),
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
    /// (Only the request's language is written: a plan explains many dates.)
    fn reached(&self, span: Span, r: Reached) -> String {
        let lang = self.lang;
        let k = r.days;
        let hours = span.hours(self.ledighed.insurance()).format(lang);
        let counted = self.counted(r);
        let (date, label, n) = (short(r.date, lang), span.label(lang), r.skipped);
        let day = self.nth_day(k);
        match (lang, n) {
            (Lang::Da, 0) => format!("{day}, {date}: {label} = {hours} timer; {counted}"),
            (Lang::Da, 1) => {
                format!("{day}, {date}: {label} = {hours} timer; {counted} (1 hverdag uden dagpenge tæller ikke)")
            }
            (Lang::Da, n) => {
                format!("{day}, {date}: {label} = {hours} timer; {counted} ({n} hverdage uden dagpenge tæller ikke)")
            }
            (Lang::En, 0) => format!("{day}, {date}: {label} = {hours} hours; {counted}"),
            (Lang::En, 1) => {
                format!("{day}, {date}: {label} = {hours} hours; {counted} (1 weekday without dagpenge does not count)")
            }
            (Lang::En, n) => format!(
                "{day}, {date}: {label} = {hours} hours; {counted} ({n} weekdays without dagpenge do not count)"
            ),
        }
    }

    /// How the hours up to a day were counted: "65 dage à 7,4 timer = 481 timer", or with
    /// part-time work "55 hele dage à 7,4 timer = 407 timer og 20 dage på nedsat tid = 74 timer
    /// (18,5 timer om ugen i arbejde fra 1. april 2024: 3,7 timer pr. dag i 20 dage), i alt 481 timer".
    fn counted(&self, r: Reached) -> String {
        let lang = self.lang;
        let b = self.ledighed.breakdown(r.date);
        let prior = self.ledighed.prior();
        let mut text = self.counted_from_start(r, &b);
        if b.sick_days > 0 {
            let n = b.sick_days;
            text.push_str(&match (lang, n) {
                (Lang::Da, 1) => " (heraf 1 dag med dagpenge under sygdom)".to_string(),
                (Lang::Da, n) => format!(" (heraf {n} dage med dagpenge under sygdom)"),
                (Lang::En, 1) => " (of them 1 day with dagpenge during sickness)".to_string(),
                (Lang::En, n) => format!(" (of them {n} days with dagpenge during sickness)"),
            });
        }
        if prior.0 == 0 {
            return text;
        }
        let (p, total) = (prior.format(lang), r.counted.format(lang));
        lang.pick(
            format!("{p} timer fra tidligere ledighed i dagpengeperioden + {text}; med de tidligere timer i alt {total} timer"),
            format!("{p} hours from earlier unemployment in the dagpengeperiode + {text}; with the earlier hours, {total} hours in all"),
        )
    }

    /// How the hours from `start` up to a day were counted (the breakdown `b` of that day).
    fn counted_from_start(&self, r: Reached, b: &Breakdown) -> String {
        /// At most this many periods of part-time work are named one by one.
        const NAMED: usize = 4;
        let lang = self.lang;
        let da = lang == Lang::Da;
        let per_day = self.ledighed.insurance().per_day();
        let days = |n: u32| match (da, n) {
            (true, 1) => "dag",
            (true, _) => "dage",
            (false, 1) => "day",
            (false, _) => "days",
        };
        let full_units = Units(u64::from(b.full_days) * per_day.0);
        let (n, pd, fu) = (b.full_days, per_day.format(lang), full_units.format(lang));
        if b.part_time.is_empty() {
            return match da {
                true => format!("{n} {} à {pd} timer = {fu} timer", days(n)),
                false => format!("{n} {} at {pd} hours = {fu} hours", days(n)),
            };
        }
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
                let (h, from, per, d) = (
                    s.worked.format(lang),
                    short(s.from, lang),
                    s.per_day.format(lang),
                    s.days,
                );
                match da {
                    true => format!(
                        "{h} timer om ugen i arbejde fra {from}: {per} timer pr. dag i {d} {}",
                        days(d)
                    ),
                    false => format!(
                        "{h} hours a week of work from {from}: {per} hours a day for {d} {}",
                        days(d)
                    ),
                }
            })
            .collect();
        if groups.len() > NAMED {
            let more = groups.len() - NAMED;
            slices.push(match (da, more) {
                (true, 1) => "og 1 periode mere".to_string(),
                (true, _) => format!("og {more} perioder mere"),
                (false, 1) => "and 1 more period".to_string(),
                (false, _) => format!("and {more} more periods"),
            });
        }
        let slices = slices.join("; ");
        let part_days: u32 = b.part_time.iter().map(|s| s.days).sum();
        let from_start = Units(r.counted.0.saturating_sub(self.ledighed.prior().0));
        let part = Units(from_start.0.saturating_sub(full_units.0)).format(lang);
        let total = from_start.format(lang);
        // "98 hele dage à 7,4 timer = 725,2 timer og " before the days of part-time work.
        let full = match (n, da) {
            (0, _) => String::new(),
            (_, true) => format!("{n} hele {} à {pd} timer = {fu} timer og ", days(n)),
            (_, false) => format!("{n} whole {} at {pd} hours = {fu} hours and ", days(n)),
        };
        match da {
            true => format!(
                "{full}{part_days} {} på nedsat tid = {part} timer ({slices}), i alt {total} timer",
                days(part_days)
            ),
            false => format!(
                "{full}{part_days} {} of part-time work = {part} hours ({slices}), {total} hours in all",
                days(part_days)
            ),
        }
    }

    /// The hours counted by the day that passed the hand-over line: "414,4 timer", or with
    /// part-time work how they were counted.
    fn paid(&self, t: Reached) -> String {
        let b = self.ledighed.breakdown(t.date);
        if b.part_time.is_empty() && b.sick_days == 0 && self.ledighed.prior().0 == 0 {
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
        match h.basis {
            HandoverBasis::Counted(t) => lang.pick(
                format!(
                    "overgangen til {to} {} (første dag i måneden efter {}, {}, hvor over {} timer er udbetalt: {})",
                    short(h.date, lang),
                    self.nth_day(t.days),
                    short(t.date, lang),
                    ins.handover_threshold().format(lang),
                    self.paid(t),
                ),
                format!(
                    "the hand-over to {to} on {} (the first day of the month after {}, {}, when more than {} hours have been paid: {})",
                    short(h.date, lang),
                    self.nth_day(t.days),
                    short(t.date, lang),
                    ins.handover_threshold().format(lang),
                    self.paid(t),
                ),
            ),
            HandoverBasis::Prior => lang.pick(
                format!(
                    "overgangen til {to} {}, første ledighedsdag: med {} timer fra tidligere ledighed i dagpengeperioden er over {} timer allerede udbetalt",
                    short(h.date, lang),
                    self.ledighed.prior().format(lang),
                    ins.handover_threshold().format(lang),
                ),
                format!(
                    "the hand-over to {to} on {}, the first day of unemployment: with {} hours from earlier unemployment in the dagpengeperiode, more than {} hours have already been paid",
                    short(h.date, lang),
                    self.ledighed.prior().format(lang),
                    ins.handover_threshold().format(lang),
                ),
            ),
            HandoverBasis::Given => lang.pick(
                format!("overgangen til {to} {}, som a-kassen har oplyst", short(h.date, lang)),
                format!("the hand-over to {to} on {}, as given by the a-kasse", short(h.date, lang)),
            ),
        }
    }
}

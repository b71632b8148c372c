//! Hours as the counter counts them (RULES.md § 2), in whole numbers only:
//!
//! - [`Hundredths`]: what people and the law write — 37 timer, 160,33 timer, 18,5 timer om ugen
//!   (the vocabulary's, [`crate::vocabulary::hours`]);
//! - [`Units`]: what the counter adds up, 1/500 hour. A weekday adds `(W − h)/5` hours, that is
//!   `100 × (W − h)` units: with `W` and `h` in hundredths of an hour, simply `W − h`. A fuldtid
//!   day is 3,700 units (7.4 hours), a month 80,165 (160.33 hours).

use crate::rules::law;
use crate::vocabulary::hours::Hundredths;
use crate::vocabulary::insurance::Insurance;
use crate::vocabulary::lang::Lang;

impl Hundredths {
    /// The same hours in units of 1/500 hour.
    pub fn units(self) -> Units {
        Units(self.0 * 5)
    }
}

/// An amount of counted hours in units of 1/500 hour (RULES.md § 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Units(pub u64);

impl Units {
    /// The hours, with at most three decimals and no trailing zeros: "481", "414,4", "0,002".
    pub fn format(self, lang: Lang) -> String {
        let thousandths = self.0 * 2;
        let (whole, frac) = (thousandths / 1000, thousandths % 1000);
        if frac == 0 {
            return whole.to_string();
        }
        let frac = format!("{frac:03}");
        format!("{whole}{}{}", lang.pick(',', '.'), frac.trim_end_matches('0'))
    }
}

impl Insurance {
    /// One weekday with dagpenge for the whole day: a fifth of a week, 7.4 or 6 hours.
    pub fn per_day(self) -> Units {
        self.per_day_working(Hundredths(0))
    }

    /// One weekday in a week with `worked` hours of work: `(W − h)/5` hours, nothing when
    /// `h ≥ W` (RULES.md § 2, part-time work).
    pub fn per_day_working(self, worked: Hundredths) -> Units {
        // 100 × (W − h) units, with W and h in hundredths: W − h.
        Units(self.per_week().0.saturating_sub(worked.0))
    }

    /// 37 hours, or 30 for deltid ([`law::HOURS_PER_WEEK`]).
    pub fn per_week(self) -> Hundredths {
        law::HOURS_PER_WEEK.value.of(self)
    }

    /// 160.33 hours, or 130 for deltid ([`law::HOURS_PER_MONTH`]).
    pub fn per_month(self) -> Hundredths {
        law::HOURS_PER_MONTH.value.of(self)
    }

    /// The hand-over happens once *more than* this many hours are counted: 410 hours, or 332.44
    /// for deltid ([`law::HANDOVER_HOURS`]; RULES.md § 2).
    pub fn handover_threshold(self) -> Hundredths {
        law::HANDOVER_HOURS.value.of(self)
    }

    /// The most `prior_hours` may be: a whole dagpengeperiode, 5,772 hours, or 4,680 for deltid
    /// ([`law::MAX_PRIOR_HOURS`]).
    pub fn max_prior_hours(self) -> Hundredths {
        law::MAX_PRIOR_HOURS.value.of(self)
    }
}

/// An amount of sammenlagt ledighed: "3 uger", "6 måneder".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Weeks(u32),
    Months(u32),
    /// Half months: `HalfMonths(3)` is 1½ months, as STAR's indicator of the first samtale uses.
    HalfMonths(u32),
}

impl Span {
    /// hours(n weeks) = n × 37, hours(n months) = n × 160.33 (deltid 30 and 130), in units as a
    /// fraction (numerator, denominator): half months can end in half a unit.
    fn units_fraction(self, insurance: Insurance) -> (u64, u64) {
        match self {
            Span::Weeks(n) => (u64::from(n) * insurance.per_week().units().0, 1),
            Span::Months(n) => (u64::from(n) * insurance.per_month().units().0, 1),
            Span::HalfMonths(n) => (u64::from(n) * insurance.per_month().units().0, 2),
        }
    }

    /// The units the counted hours must reach: a whole number of units reaches the fraction
    /// exactly when it reaches the fraction rounded up.
    pub fn target(self, insurance: Insurance) -> Units {
        let (num, den) = self.units_fraction(insurance);
        Units(num.div_ceil(den).max(1))
    }

    /// The hours of the span, rounded up to whole hundredths (for the words only).
    pub fn hours(self, insurance: Insurance) -> Hundredths {
        let (num, den) = self.units_fraction(insurance);
        Hundredths(num.div_ceil(den * 5))
    }

    /// k: the smallest number of whole weekdays with dagpenge whose hours reach the span (RULES.md's k-table).
    pub fn full_days(self, insurance: Insurance) -> u32 {
        let k = self.target(insurance).0.div_ceil(insurance.per_day().0);
        u32::try_from(k).unwrap_or(u32::MAX)
    }

    /// "3 måneder" / "3 months".
    pub fn label(self, lang: Lang) -> String {
        let (n, da1, da, en1, en) = match self {
            Span::Weeks(n) => (n, "uge", "uger", "week", "weeks"),
            Span::Months(n) => (n, "måned", "måneder", "month", "months"),
            Span::HalfMonths(n) if n % 2 == 1 => {
                let whole = if n == 1 { String::new() } else { (n / 2).to_string() };
                return format!("{whole}½ {}", lang.pick("måned", "months"));
            }
            Span::HalfMonths(n) => (n / 2, "måned", "måneder", "month", "months"),
        };
        let unit = if n == 1 { lang.pick(da1, en1) } else { lang.pick(da, en) };
        format!("{n} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_table_of_rules_md() {
        let table = [
            (Span::Weeks(3), 15),
            (Span::Weeks(6), 30),
            (Span::Months(1), 22),
            (Span::Months(2), 44),
            (Span::Months(3), 65),
            (Span::Months(4), 87),
            (Span::Months(5), 109),
            (Span::Months(6), 130),
            (Span::Months(9), 195),
            (Span::Months(12), 260),
            (Span::Months(15), 325),
            (Span::Months(16), 347),
        ];
        for (span, k) in table {
            for ins in [Insurance::Fuldtid, Insurance::Deltid] {
                assert_eq!(span.full_days(ins), k, "{span:?} {ins:?}");
            }
        }
        // 1½ months = 240.495 hours (fuldtid) or 195 (deltid): 33 whole days either way.
        for ins in [Insurance::Fuldtid, Insurance::Deltid] {
            assert_eq!(Span::HalfMonths(3).full_days(ins), 33, "{ins:?}");
            assert_eq!(Span::HalfMonths(6).target(ins), Span::Months(3).target(ins));
        }
        assert_eq!(Span::HalfMonths(3).target(Insurance::Fuldtid), Units(120_248));
        assert_eq!(Span::Months(1).target(Insurance::Fuldtid), Units(80_165));
        assert_eq!(Span::Months(1).target(Insurance::Deltid), Units(65_000));
        assert_eq!(Span::HalfMonths(3).label(Lang::Da), "1½ måned");
        assert_eq!(Span::HalfMonths(3).label(Lang::En), "1½ months");
    }

    #[test]
    fn a_day_adds_w_minus_h_hundredths_in_units() {
        let f = Insurance::Fuldtid;
        assert_eq!(f.per_day(), Units(3700));
        assert_eq!(f.per_day().format(Lang::Da), "7,4");
        assert_eq!(Insurance::Deltid.per_day().format(Lang::Da), "6");
        assert_eq!(f.per_day_working(Hundredths(1850)).format(Lang::Da), "3,7");
        assert_eq!(f.per_day_working(Hundredths(50)).format(Lang::En), "7.3");
        assert_eq!(f.per_day_working(Hundredths(3699)).format(Lang::Da), "0,002");
        assert_eq!(f.per_day_working(Hundredths(3700)), Units(0));
        assert_eq!(f.per_day_working(Hundredths(4500)), Units(0));
        assert_eq!(Insurance::Deltid.per_day_working(Hundredths(3000)), Units(0));
        assert_eq!(Hundredths(33_244).units(), Units(166_220));
    }

    #[test]
    fn units_are_written_with_at_most_three_decimals() {
        assert_eq!(Units(207_200).format(Lang::Da), "414,4");
        assert_eq!(Units(205_001).format(Lang::Da), "410,002");
        assert_eq!(Units(0).format(Lang::Da), "0");
    }
}

//! Hours as people and the law write them — 37 timer, 160,33 timer, 18,5 timer om ugen — in
//! whole hundredths ([`Hundredths`]), read from and written as decimal text in either language.
//! What the counter adds up (units of 1/500 hour) is the rules' ([`crate::rules::ledighed::Units`]).

use crate::vocabulary::lang::Lang;

/// A number of hours in whole hundredths: `Hundredths(16033)` is 160.33 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hundredths(pub u64);

/// Why a written number of hours was refused by [`Hundredths::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursError {
    /// Not digits with at most one decimal separator.
    Malformed,
    /// More than two decimals that are not zero.
    Decimals,
}

impl Hundredths {
    /// "480,99" / "480.99", "7,4", "481": no trailing zeros.
    pub fn format(self, lang: Lang) -> String {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        let sep = lang.pick(',', '.');
        match frac {
            0 => whole.to_string(),
            f if f % 10 == 0 => format!("{whole}{sep}{}", f / 10),
            f => format!("{whole}{sep}{f:02}"),
        }
    }

    /// As [`Hundredths::format`], with the language's thousands separator in the whole hours:
    /// "5.772" / "5,772", "4.680,5" / "4,680.5".
    pub fn format_grouped(self, lang: Lang) -> String {
        let text = self.format(lang);
        let (whole, rest) = text.split_at(text.find([',', '.']).unwrap_or(text.len()));
        let mut out = String::with_capacity(text.len() + whole.len() / 3);
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push(lang.pick('.', ','));
            }
            out.push(digit);
        }
        out + rest
    }

    /// Reads a number of hours written in decimal: ASCII digits, then optionally a `.` or `,`
    /// and at most two decimals (zeros after the second are allowed: "15,000" is 15).
    /// "15", "18.5", "18,5", "36.99", "0.5" are read; "", ".5", "15.", "1e2", "-3", "18.555" are not.
    pub fn parse(text: &str) -> Result<Hundredths, HoursError> {
        let (whole, frac) = match text.find(['.', ',']) {
            Some(i) => (&text[..i], Some(&text[i + 1..])),
            None => (text, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        // Nine digits of whole hours cannot overflow; anything that large is refused later.
        if !digits(whole) || whole.len() > 9 || frac.is_some_and(|f| !digits(f)) {
            return Err(HoursError::Malformed);
        }
        let frac = frac.unwrap_or("").trim_end_matches('0');
        if frac.len() > 2 {
            return Err(HoursError::Decimals);
        }
        let number = |s: &str| s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        // "5" is 50 hundredths, "05" 5, "" none.
        let cents = match frac.len() {
            1 => number(frac) * 10,
            _ => number(frac),
        };
        Ok(Hundredths(number(whole) * 100 + cents))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_written_without_trailing_zeros() {
        assert_eq!(Hundredths(48_099).format(Lang::Da), "480,99");
        assert_eq!(Hundredths(740).format(Lang::Da), "7,4");
        assert_eq!(Hundredths(740).format(Lang::En), "7.4");
        assert_eq!(Hundredths(48_100).format(Lang::Da), "481");
        assert_eq!(Hundredths(41_440).format(Lang::Da), "414,4");
        assert_eq!(Hundredths(1_005).format(Lang::Da), "10,05");
        assert_eq!(Hundredths(577_200).format_grouped(Lang::Da), "5.772");
        assert_eq!(Hundredths(468_000).format_grouped(Lang::En), "4,680");
        assert_eq!(Hundredths(123_456_789).format_grouped(Lang::Da), "1.234.567,89");
        assert_eq!(Hundredths(123_456_750).format_grouped(Lang::En), "1,234,567.5");
        assert_eq!(Hundredths(99_900).format_grouped(Lang::Da), "999");
        assert_eq!(Hundredths(5).format_grouped(Lang::Da), "0,05");
    }

    #[test]
    fn hours_are_read_from_decimal_text() {
        let ok = |s: &str| Hundredths::parse(s).map(|h| h.0);
        assert_eq!(ok("15"), Ok(1500));
        assert_eq!(ok("18.5"), Ok(1850));
        assert_eq!(ok("18,5"), Ok(1850));
        assert_eq!(ok("36.99"), Ok(3699));
        assert_eq!(ok("0.5"), Ok(50));
        assert_eq!(ok("0"), Ok(0));
        assert_eq!(ok("15,000"), Ok(1500));
        assert_eq!(ok("007"), Ok(700));
        // Nine digits of whole hours are read (and refused later, as too many); ten are not.
        assert_eq!(ok("123456789"), Ok(12_345_678_900));
        assert_eq!(ok("999999999.99"), Ok(99_999_999_999));
        assert_eq!(ok("18.05"), Ok(1805));
        assert_eq!(ok("18.555"), Err(HoursError::Decimals));
        assert_eq!(ok("0.001"), Err(HoursError::Decimals));
        for bad in [
            "",
            ".5",
            "15.",
            "1e2",
            "-3",
            "+3",
            "1.2.3",
            " 15",
            "15t",
            "１５",
            "1234567890",
        ] {
            assert_eq!(ok(bad), Err(HoursError::Malformed), "{bad:?}");
        }
    }
}

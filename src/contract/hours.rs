//! Numbers of hours in a request (RULES.md § 2, § 5), read into exact hundredths of an hour: a
//! pause's `hours_per_week` (part-time work), a JSON number above 0 and at most
//! [`MAX_HOURS_PER_WEEK`]; and `prior_hours` (hours from an earlier spell of unemployment), a JSON
//! number of at least 0 and at most [`MAX_PRIOR_HOURS`] — both with at most two decimals.
//!
//! serde hands a number over as a `u64` or `i64` (serde_json for a whole number written without
//! a point, serde-wasm-bindgen for a safe integer) or as an `f64` (anything else). Whole numbers
//! are multiplied by 100. An `f64` is only compared and then written out: Rust's `Display` for
//! `f64` writes the *shortest* decimal digits that read back as the same `f64`, never in exponent
//! form, and those digits are read as an integer of hundredths ([`Hundredths::parse`]). No
//! arithmetic is done on the `f64`, and the result is exact:
//!
//! - every decimal with at most 15 significant digits comes back unchanged from the round trip
//!   decimal → nearest `f64` → shortest decimal (an `f64` carries 15.95 decimal digits; C's
//!   `DBL_DIG` is 15). An allowed value has at most five (168.00), so "18.5" is read as 1850
//!   hundredths and "36.99" as 3699, and a value of at most 168 with three or more decimals
//!   ("18.555", "0.001") keeps them and is refused;
//! - the calculator sees the number as JSON.parse does, as an `f64`: a text with more digits than
//!   an `f64` holds ("15.0000000000000001") is the same `f64` as 15, and is read as 15, in the
//!   command line and the browser alike.
//!
//! A value that is not a number, `NaN` or an infinity is `E_TYPE`; for `hours_per_week` a number
//! at or below 0, above 168 or with more than two decimals is `E_UNKNOWN_VALUE`; for
//! `prior_hours` a number below 0 or with more than two decimals is `E_UNKNOWN_VALUE`, and one
//! above a whole dagpengeperiode is `E_PRIOR_HOURS` (checked with the insurance, in
//! [`crate::contract::request::validate`]); all name the field (`pauses[0].hours_per_week`,
//! `prior_hours`). [`crate::contract::wire`] reads the number and words the error.

use crate::vocabulary::hours::{HoursError, Hundredths};

/// The most hours a week can hold (7 × 24): more is a typing mistake, not a week's work. A limit on
/// input, not a number of the law, so not in [`crate::rules::law`].
pub const MAX_HOURS_PER_WEEK: Hundredths = Hundredths(16_800);

/// The most `prior_hours` can be, fuldtid: a whole dagpengeperiode (RULES.md § 2,
/// [`crate::rules::law::MAX_PRIOR_HOURS`]). Deltid's limit is [`max_prior_hours`].
pub const MAX_PRIOR_HOURS: Hundredths = crate::rules::law::MAX_PRIOR_HOURS.value.fuldtid;

/// A whole dagpengeperiode in hours: 5,772 fuldtid, 4,680 deltid (RULES.md § 2).
pub fn max_prior_hours(insurance: crate::vocabulary::insurance::Insurance) -> Hundredths {
    insurance.max_prior_hours()
}

/// The hours worked per week in a pause, in exact hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoursPerWeek(pub Hundredths);

/// The hours from an earlier spell of unemployment in the same dagpengeperiode: exact
/// hundredths, 0 or more; or, past [`MAX_PRIOR_HOURS`], the number as written — refused by
/// [`crate::contract::request::validate`], which knows the insurance and so the limit to name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorHours(pub Result<Hundredths, String>);

/// A JSON number as serde hands it over.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

/// A number of hours as read: within the limit, or past it (as written).
pub(crate) enum Read {
    Within(Hundredths),
    Over(String),
}

/// Why a number of hours cannot be used at all.
pub(crate) enum Fault {
    /// `NaN` or an infinity: not a number a request can hold (`E_TYPE`).
    NotFinite,
    /// At or below 0 (or below 0, with `zero`), or with more than two decimals: the number as
    /// written, for the message (`E_UNKNOWN_VALUE`).
    Refused(String),
}

/// Reads a number of hours: above 0 (or from 0, with `zero`) with at most two decimals, refused
/// otherwise; at most `max`, or else [`Read::Over`].
pub(crate) fn read(number: Number, zero: bool, max: Hundredths) -> Result<Read, Fault> {
    let check = |h: Hundredths, text: String| {
        if h.0 == 0 && !zero {
            Err(Fault::Refused(text))
        } else if h > max {
            Ok(Read::Over(text))
        } else {
            Ok(Read::Within(h))
        }
    };
    // Past u64 in hundredths is past any limit.
    let whole = |n: u64| check(Hundredths(n.saturating_mul(100)), n.to_string());
    match number {
        Number::U64(n) => whole(n),
        Number::I64(n) => match u64::try_from(n) {
            Ok(n) => whole(n),
            Err(_) => Err(Fault::Refused(n.to_string())),
        },
        Number::F64(v) => {
            if !v.is_finite() {
                return Err(Fault::NotFinite);
            }
            // Below 0, and `-0`, are refused as such.
            if v.is_sign_negative() {
                return Err(Fault::Refused(v.to_string()));
            }
            // The shortest digits of a finite number of at least 0 are digits and at most one
            // point: only one of more than nine whole digits cannot be read back, and it is past
            // any limit.
            let text = v.to_string();
            match Hundredths::parse(&text) {
                Ok(h) => check(h, text),
                Err(HoursError::Decimals) => Err(Fault::Refused(text)),
                Err(HoursError::Malformed) => Ok(Read::Over(text)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::contract::error::ErrorCode;
    use crate::contract::request::from_json;

    fn hours(value: &str) -> Result<u64, (ErrorCode, Option<String>)> {
        let json = format!(
            r#"{{"start":"2024-03-04","pauses":[{{"from":"2024-06-01","to":"2024-08-31","hours_per_week":{value}}}]}}"#
        );
        from_json(&json)
            .map(|r| r.pauses[0].hours_per_week.map_or(0, |h| h.0))
            .map_err(|e| (e.code, e.field))
    }

    #[test]
    fn numbers_with_two_decimals_are_read_exactly() {
        assert_eq!(hours("15"), Ok(1500));
        assert_eq!(hours("18.5"), Ok(1850));
        assert_eq!(hours("36.99"), Ok(3699));
        assert_eq!(hours("0.5"), Ok(50));
        assert_eq!(hours("0.01"), Ok(1));
        assert_eq!(hours("0.1"), Ok(10));
        assert_eq!(
            hours("0.29"),
            Ok(29),
            "0.29 is 0.28999… in binary: read from its shortest digits"
        );
        assert_eq!(hours("1.15"), Ok(115));
        assert_eq!(hours("168"), Ok(16_800));
        assert_eq!(hours("168.00"), Ok(16_800));
        assert_eq!(hours("37.0"), Ok(3700));
        assert_eq!(hours("1.5e1"), Ok(1500));
        assert_eq!(hours("null"), Ok(0), "null is absent: a full pause");
        // Every value with two decimals up to 168 reads back as itself.
        for cents in 1..=16_800u64 {
            let text = format!("{}.{:02}", cents / 100, cents % 100);
            assert_eq!(hours(&text), Ok(cents), "{text}");
        }
    }

    #[test]
    fn other_values_are_refused_with_the_field() {
        let field = Some("pauses[0].hours_per_week".to_string());
        for bad in [
            "0",
            "-0",
            "0.0",
            "-1",
            "-0.5",
            "18.555",
            "0.001",
            "168.01",
            "169",
            "1e300",
            "99999999999999999999",
        ] {
            assert_eq!(hours(bad), Err((ErrorCode::UnknownValue, field.clone())), "{bad}");
        }
        for bad in [r#""15""#, "true", "[15]", "{}"] {
            assert_eq!(hours(bad), Err((ErrorCode::Type, field.clone())), "{bad}");
        }
        let e = from_json(
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","to":"2024-08-31","hours_per_week":18.555}]}"#,
        )
        .expect_err("refused");
        assert!(
            e.message.starts_with("Periode 1, timer om ugen: “18,555”"),
            "{}",
            e.message
        );
        let e = from_json(r#"{"lang":"en","start":"2024-03-04","pauses":[{"from":"2024-06-01","to":"2024-08-31","hours_per_week":"15"}]}"#)
            .expect_err("refused");
        assert!(
            e.message.starts_with("Period 1, hours per week must be a number"),
            "{}",
            e.message
        );
    }
}

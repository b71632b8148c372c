//! A caseload row's cells as people write them: the insurance, the name, a pause, hours.

use crate::contract::error::quote;
use crate::contract::hours::MAX_HOURS_PER_WEEK;
use crate::contract::request::PauseReason;
use crate::contract::words::Word;
use crate::vocabulary::hours::Hundredths;
use crate::vocabulary::insurance::Insurance;
use std::borrow::Cow;
use std::sync::Arc;

/// The insurance as member systems write it: the contract's words (`fuldtid`, `deltid`) or
/// `fuldtidsforsikret`, `deltidsforsikret` (also `…forsikring`), in any case.
pub(super) fn insurance(text: &str) -> Option<Insurance> {
    let lower = text.to_lowercase();
    let word = lower
        .strip_suffix("sforsikret")
        .or_else(|| lower.strip_suffix("sforsikring"))
        .unwrap_or(&lower);
    <Insurance as Word>::WORDS
        .iter()
        .position(|w| *w == word)
        .map(|i| Insurance::ALL[i])
}

/// The longest name a `navn` column may hold, in characters.
pub(super) const MAX_NAME_CHARS: usize = 200;

/// A member's name from the `navn` column: `None` when empty; an error (Danish, English) when
/// longer than [`MAX_NAME_CHARS`] or with control characters.
pub(super) fn name(text: &str) -> Result<Option<Arc<str>>, (String, String)> {
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > MAX_NAME_CHARS || text.chars().any(char::is_control) {
        return Err((
            format!(
                "Navnet {} er længere end {MAX_NAME_CHARS} tegn eller har styretegn.",
                quote(text)
            ),
            format!(
                "The name {} is longer than {MAX_NAME_CHARS} characters or has control characters.",
                quote(text)
            ),
        ));
    }
    Ok(Some(Arc::from(text)))
}

/// A pause as written in a caseload file, its dates not yet read.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct PauseText<'a> {
    pub(super) from: &'a str,
    /// Empty for part-time work "indtil videre".
    pub(super) to: &'a str,
    pub(super) reason: PauseReason,
    pub(super) hours: Option<Hundredths>,
}

/// One pause of the `pauser` column: `FROM..TO`, then after colons a reason (`:sygdom`, the whole
/// sickness; `:ferie`, …: the contract's words, any case) or the hours worked a week (`:15t`,
/// part-time work, reason `arbejde`), or both (`:arbejde:15t`). TO may be empty for part-time work
/// only (`01-06-2026..:15t`). Without a reason or hours the pause is a full one (`andet`). The
/// words of the error (Danish, English).
pub(super) fn pause(item: &str) -> Result<PauseText<'_>, (String, String)> {
    let mut parts = item.split(':');
    let range = parts.next().unwrap_or_default();
    let Some((from, to)) = range.split_once("..") else {
        return Err((
            format!("pauser: {} er ikke en periode som 01-04-2024..12-04-2024.", quote(item)),
            format!("pauses: {} is not a period like 01-04-2024..12-04-2024.", quote(item)),
        ));
    };
    let (mut reason, mut hours) = (None, None);
    for part in parts {
        let word = <PauseReason as Word>::WORDS
            .iter()
            .position(|w| w.eq_ignore_ascii_case(part))
            .map(|i| PauseReason::ALL[i]);
        match (word, part_time_hours(part)) {
            (Some(w), _) if reason.is_none() && hours.is_none() => reason = Some(w),
            (None, Some(h)) if hours.is_none() => hours = Some(h),
            (None, None) if part.starts_with(|c: char| c.is_ascii_digit()) || part.is_empty() => {
                return Err((
                    format!(
                        "pauser: {} har ikke timer om ugen som 01-06-2024..31-08-2024:15t eller :18,5t (over 0 og højst 168 timer, højst to decimaler).",
                        quote(item)
                    ),
                    format!(
                        "pauses: {} has no hours a week like 01-06-2024..31-08-2024:15t or :18.5t (above 0 and at most 168 hours, at most two decimals).",
                        quote(item)
                    ),
                ));
            }
            (None, None) => {
                let words = <PauseReason as Word>::WORDS.join(", ");
                return Err((
                    format!(
                        "pauser: {} har den ukendte årsag {}; tilladt er: {words}.",
                        quote(item),
                        quote(part)
                    ),
                    format!(
                        "pauses: {} has the unknown reason {}; allowed: {words}.",
                        quote(item),
                        quote(part)
                    ),
                ));
            }
            _ => {
                return Err((
                    format!(
                        "pauser: {} skal skrives FRA..TIL, FRA..TIL:ÅRSAG, FRA..TIL:TIMERt eller FRA..TIL:arbejde:TIMERt, fx 01-04-2024..10-05-2024:sygdom eller 01-06-2024..31-08-2024:15t.",
                        quote(item)
                    ),
                    format!(
                        "pauses: write {} as FROM..TO, FROM..TO:REASON, FROM..TO:HOURSt or FROM..TO:arbejde:HOURSt, e.g. 01-04-2024..10-05-2024:sygdom or 01-06-2024..31-08-2024:15t.",
                        quote(item)
                    ),
                ));
            }
        }
    }
    if hours.is_some() && reason.is_some_and(|r| r != PauseReason::Arbejde) {
        return Err((
            format!(
                "pauser: {} har både en årsag og timer om ugen; timer om ugen hører kun til arbejde på nedsat tid (:arbejde:15t eller blot :15t).",
                quote(item)
            ),
            format!(
                "pauses: {} has both a reason and hours a week; hours a week belong to part-time work only (:arbejde:15t or just :15t).",
                quote(item)
            ),
        ));
    }
    if to.is_empty() && hours.is_none() {
        return Err((
            format!(
                "pauser: {} har ingen slutdato. Kun arbejde på nedsat tid kan stå uden slutdato (indtil videre), fx 01-06-2026..:15t; en periode uden dagpenge skal have sin sidste dag.",
                quote(item)
            ),
            format!(
                "pauses: {} has no end. Only part-time work may be given without an end (until further notice), e.g. 01-06-2026..:15t; a period without dagpenge needs its last day.",
                quote(item)
            ),
        ));
    }
    let reason = reason.unwrap_or(if hours.is_some() {
        PauseReason::Arbejde
    } else {
        PauseReason::Andet
    });
    Ok(PauseText {
        from,
        to,
        reason,
        hours,
    })
}

/// The hours from an earlier spell in a caseload file: "481", "481,25", "481.25", "481t",
/// "481 timer" — from 0, at most two decimals. The limit of a whole dagpengeperiode is checked
/// with the insurance, as in a request (`E_PRIOR_HOURS`).
pub(super) fn prior_hours(text: &str) -> Option<Hundredths> {
    let lower = text.trim().to_lowercase();
    let number = lower
        .strip_suffix("timer")
        .or_else(|| lower.strip_suffix('t'))
        .unwrap_or(&lower)
        .trim_end();
    Hundredths::parse(number).ok()
}

/// The hours a week of a part-time pause in a caseload file: "15t", "18,5t", "18.5" — above 0,
/// at most 168, at most two decimals; the "t" (timer) may be left out.
pub(super) fn part_time_hours(text: &str) -> Option<Hundredths> {
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

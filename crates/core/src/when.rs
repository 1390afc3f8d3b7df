//! Reading the dates and times people type: a local time is read in a named zone, and a
//! time that does not exist (spring-forward gap) or exists twice (autumn fold) is refused
//! rather than silently shifted.

use crate::InvalidValue;
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// The years Followup accepts a date in: a job search is now or soon, and working-day
/// arithmetic must never run off the end of the calendar (jiff stops at 9999).
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2200;

/// `date` if its year is one Followup supports, else why not, naming `field`.
pub fn in_range(field: &str, date: Date) -> Result<Date, InvalidValue> {
    if YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(InvalidValue::new(
            field,
            format!(
                "{date} is outside the years Followup supports ({}–{})",
                YEARS.start(),
                YEARS.end()
            ),
        ))
    }
}

/// A calendar day, `YYYY-MM-DD`, in the supported years.
pub fn date(field: &str, text: &str) -> Result<Date, InvalidValue> {
    let date = text.trim().parse::<Date>().map_err(|_| {
        InvalidValue::new(
            field,
            match no_such_day(text) {
                Some(why) => format!("'{}' is no day of the calendar: {why}", text.trim()),
                None => format!("'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-12"),
            },
        )
    })?;
    in_range(field, date)
}

/// The date of a date and time typed ("2027-02-30" of "2027-02-30T10:00").
fn date_part(text: &str) -> &str {
    text.trim().split(['T', ' ']).next().unwrap_or("")
}

/// Whether a date and time is typed with a date the calendar has not ("2027-02-30T10:00"):
/// what reads it says so, rather than that it is no date and time at all.
pub fn typed_with_no_such_day(text: &str) -> bool {
    no_such_day(date_part(text)).is_some()
}

/// Whether `text` is written as a date (YYYY-MM-DD), whatever its figures.
pub fn written_as_a_date(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split('-').collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len())
            && [y, m, d].iter().all(|p| p.chars().all(|c| c.is_ascii_digit())))
}

/// Why a date written as YYYY-MM-DD is none: "February 2027 has 28 days", "there is no
/// month 13". `None` when it is not written so, or is a date.
fn no_such_day(text: &str) -> Option<String> {
    if !written_as_a_date(text) || text.trim().parse::<Date>().is_ok() {
        return None;
    }
    let figures: Vec<i16> = text
        .trim()
        .split('-')
        .filter_map(|p| p.parse().ok())
        .collect();
    let [year, month, _] = figures[..] else {
        return None;
    };
    let first = i8::try_from(month)
        .ok()
        .and_then(|m| Date::new(year, m, 1).ok());
    Some(match first {
        Some(first) => format!(
            "{} has {} days",
            first.strftime("%B %Y"),
            first.days_in_month()
        ),
        None if !(1..=12).contains(&month) => format!("there is no month {month}"),
        None => "that year is out of range".to_string(),
    })
}

/// An instant typed as a local time (`2027-03-02T10:00`, or with a space) in `zone`, or as
/// an RFC 3339 time with an explicit offset (then the zone only says how to show it).
pub fn instant(field: &str, text: &str, zone: &str) -> Result<Timestamp, InvalidValue> {
    let ts = instant_any_year(field, text, zone)?;
    in_range(field, ts.to_zoned_datetime(TimeZone::UTC).date())?;
    Ok(ts)
}

/// The calendar day `at` falls on in `zone` (in UTC when the zone is unknown): the day a
/// call was made, as the words said on it count from.
pub fn day_in(at: Timestamp, zone: &str) -> Date {
    let tz = TimeZone::get(zone).unwrap_or(TimeZone::UTC);
    at.to_zoned_datetime(tz).date()
}

/// An instant as a person reads it in `zone` (UTC when the zone is unknown), for a
/// message: "Tue 2 Mar 2027 11:00 GMT".
pub fn shown_in(at: Timestamp, zone: &str) -> String {
    let tz = TimeZone::get(zone).unwrap_or(TimeZone::UTC);
    at.to_zoned_datetime(tz)
        .strftime("%a %-d %b %Y %H:%M %Z")
        .to_string()
}

mod spoken;
pub use spoken::instant_in_words;

fn instant_any_year(field: &str, text: &str, zone: &str) -> Result<Timestamp, InvalidValue> {
    let text = text.trim();
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Ok(ts);
    }
    let local: DateTime = text.replacen(' ', "T", 1).parse().map_err(|_| {
        InvalidValue::new(
            field,
            match no_such_day(date_part(text)) {
                Some(why) => format!("'{text}' is no day of the calendar: {why}"),
                None => format!(
                    "'{text}' is not a date and time; write it as YYYY-MM-DDTHH:MM, e.g. 2027-03-02T10:00"
                ),
            },
        )
    })?;
    let tz = TimeZone::get(zone)
        .map_err(|_| InvalidValue::new("tz", format!("unknown time zone '{zone}'")))?;
    let ambiguous = tz.to_ambiguous_timestamp(local);
    if ambiguous.is_ambiguous() {
        let problem = match ambiguous.offset() {
            jiff::tz::AmbiguousOffset::Gap { .. } => format!(
                "{local} does not exist in {zone}: the clocks go forward then; pick a time outside the gap"
            ),
            _ => format!(
                "{local} happens twice in {zone}: the clocks go back then; give the offset, e.g. {}",
                ambiguous_example(text, &ambiguous)
            ),
        };
        return Err(InvalidValue::new(field, problem));
    }
    // A year the zone arithmetic cannot reach (9999 near midnight) is out of range, said
    // in those words rather than the arithmetic's.
    ambiguous.unambiguous().map_err(|e| {
        in_range(field, local.date())
            .err()
            .unwrap_or_else(|| InvalidValue::new(field, format!("{local} in {zone}: {e}")))
    })
}

fn ambiguous_example(text: &str, ambiguous: &jiff::tz::AmbiguousTimestamp) -> String {
    match ambiguous.offset() {
        jiff::tz::AmbiguousOffset::Fold { before, after } => {
            format!(
                "{text}{} or {text}{}",
                offset_text(before),
                offset_text(after)
            )
        }
        _ => text.to_string(),
    }
}

/// "+01:00": the form RFC 3339 wants (jiff prints whole hours as "+01").
pub fn offset_text(offset: jiff::tz::Offset) -> String {
    let secs = offset.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let mins = secs.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", mins / 60, mins % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_and_time_the_calendar_has_not_says_why() {
        let e = instant("at", "2027-02-30T10:00", "Europe/London").unwrap_err();
        assert_eq!(
            e.problem,
            "'2027-02-30T10:00' is no day of the calendar: February 2027 has 28 days"
        );
        assert!(typed_with_no_such_day("2027-02-30 10:00"));
        assert!(!typed_with_no_such_day("2027-02-28T10:00"));
        assert!(!typed_with_no_such_day("Thursday 3pm"));
    }

    #[test]
    fn a_date_the_calendar_has_not_says_why() {
        let why = |t: &str| date("decide-by", t).unwrap_err().problem;
        assert_eq!(
            why("2027-02-30"),
            "'2027-02-30' is no day of the calendar: February 2027 has 28 days"
        );
        assert!(why("2028-02-30").ends_with("February 2028 has 29 days"));
        assert!(why("2027-13-01").ends_with("there is no month 13"));
        assert!(why("12 March").contains("write it as YYYY-MM-DD"));
        assert!(date("d", "2028-02-29").is_ok());
    }

    #[test]
    fn the_last_instant_jiff_can_hold_is_out_of_range_in_those_words() {
        let e = instant("at", "9999-12-31T23:59", "Europe/Berlin").unwrap_err();
        assert!(e.problem.contains("outside the years"), "{}", e.problem);
    }

    #[test]
    fn local_time_is_read_in_the_given_zone() {
        let ts = instant("at", "2027-03-02T10:00", "America/New_York").unwrap();
        assert_eq!(ts.to_string(), "2027-03-02T15:00:00Z");
        let ts = instant("at", "2027-07-02 10:00", "Europe/London").unwrap();
        assert_eq!(ts.to_string(), "2027-07-02T09:00:00Z");
    }

    #[test]
    fn explicit_offsets_win() {
        let ts = instant("at", "2027-03-02T10:00:00+01:00", "Europe/London").unwrap();
        assert_eq!(ts.to_string(), "2027-03-02T09:00:00Z");
    }

    #[test]
    fn gaps_and_folds_are_refused_with_the_reason() {
        let gap = instant("at", "2027-03-28T01:30", "Europe/London").unwrap_err();
        assert!(gap.problem.contains("does not exist"), "{gap}");
        let fold = instant("at", "2027-10-31T01:30", "Europe/London").unwrap_err();
        assert!(fold.problem.contains("happens twice"), "{fold}");
        assert!(fold.problem.contains("+01:00"), "{fold}");
        let suggested = instant("at", "2027-10-31T01:30+00:00", "Europe/London").unwrap();
        assert_eq!(suggested.to_string(), "2027-10-31T01:30:00Z");
    }

    #[test]
    fn dates_outside_the_supported_years_are_refused_with_the_range() {
        let err = instant("at", "9999-12-30T10:00", "Europe/London").unwrap_err();
        assert!(err.problem.contains("1900–2200"), "{err}");
        let err = date("decide-by", "9999-12-29").unwrap_err();
        assert_eq!(err.field, "decide-by");
        assert!(date("d", "2200-12-31").is_ok());
        assert!(date("d", "1899-12-31").is_err());
    }

    #[test]
    fn bad_text_names_the_field() {
        let err = instant("at", "next tuesday", "Europe/London").unwrap_err();
        assert_eq!(err.field, "at");
        let err = date("decide-by", "12/03/2027").unwrap_err();
        assert!(err.problem.contains("YYYY-MM-DD"));
    }
}

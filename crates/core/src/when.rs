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
            format!("'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-12"),
        )
    })?;
    in_range(field, date)
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

/// A time they asked for, as typed (`2027-03-16T14:30`) or in words as people say it on the
/// phone: "Thursday 3pm", "tomorrow at 10:30", "Tuesday next week at 9am", "the 16th at
/// noon", "today 16:00", "after 3", "in an hour". The day is read as the employer's
/// timeline is (said.rs) from the call's day in `zone`, and "in an hour" from the call's
/// time, `at`; a bare hour ("at 3") is read as business hours do (1 to 6 is the
/// afternoon). A day without a time ("Thursday", "Friday afternoon") is refused: a
/// callback is an hour, and which one is theirs to say.
pub fn instant_in_words(
    field: &str,
    text: &str,
    zone: &str,
    at: Timestamp,
    cal: &crate::calendar::WorkingDays,
    locale: &crate::model::Locale,
) -> Result<Timestamp, InvalidValue> {
    let today = day_in(at, zone);
    // Typed as a date and time: its own errors (a time in the clocks' gap) stand.
    let trimmed = text.trim();
    if trimmed.parse::<Timestamp>().is_ok()
        || trimmed.replacen(' ', "T", 1).parse::<DateTime>().is_ok()
    {
        return instant(field, text, zone);
    }
    let refuse = || {
        InvalidValue::new(
            field,
            format!(
                "'{}' is not a day and a time Followup can read; write it as YYYY-MM-DDTHH:MM (2027-03-02T10:00) or in words with a time (\"Thursday 3pm\", \"tomorrow at 10:30\")",
                text.trim()
            ),
        )
    };
    if let Some(later) = in_minutes(trimmed) {
        return at
            .checked_add(jiff::Span::new().minutes(later))
            .map_err(|_| refuse());
    }
    let (day_words, hour, minute) = split_time(text).ok_or_else(refuse)?;
    let day = match day_words.trim().to_lowercase().as_str() {
        "" | "today" | "later today" | "this morning" | "this afternoon" | "this evening" => today,
        words => crate::said::date_from_phrase(words, today, cal, locale).ok_or_else(refuse)?,
    };
    instant(field, &format!("{day}T{hour:02}:{minute:02}"), zone)
}

/// "in an hour", "in half an hour", "in 20 minutes", "in 2 hours": minutes from the call.
fn in_minutes(text: &str) -> Option<i64> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let (n, unit) = match words.as_slice() {
        ["in", "an" | "one", "hour"] => (1.0, "hour"),
        ["in", "half", "an", "hour"] | ["in", "a", "half", "hour"] => (0.5, "hour"),
        ["in", "an" | "one", "hour", "and", "a", "half"] => (1.5, "hour"),
        ["in", n, unit] => (n.parse::<f64>().ok()?, *unit),
        _ => return None,
    };
    let minutes = match unit {
        "hour" | "hours" | "hr" | "hrs" => n * 60.0,
        "minute" | "minutes" | "min" | "mins" => n,
        _ => return None,
    };
    (minutes > 0.0 && minutes <= 12.0 * 60.0).then_some(minutes.round() as i64)
}

/// The time at the end of a callback in words and what comes before it: "Thursday 3pm" →
/// ("Thursday", 15, 0); "tomorrow at 10:30" → ("tomorrow", 10, 30); "Monday at noon".
fn split_time(text: &str) -> Option<(String, i8, i8)> {
    static TIME: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let time = TIME.get_or_init(|| {
        regex::Regex::new(
            r"(?i)(?:^|\s)(at\s+|after\s+|from\s+|@\s*)?(?:(noon|midday)|(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)\s*$",
        )
        .expect("a valid pattern")
    });
    let c = time.captures(text.trim())?;
    let (hour, minute) = if c.get(2).is_some() {
        (12, 0)
    } else {
        // A number alone is a day ("March 16") unless "at" says it is an hour.
        if c.get(1).is_none() && c.get(4).is_none() && c.get(5).is_none() {
            return None;
        }
        let hour: i8 = c[3].parse().ok()?;
        let minute: i8 = c.get(4).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let half = c.get(5).map(|m| m.as_str().to_lowercase());
        let hour = match half.as_deref() {
            Some(h) if h.starts_with('p') && hour < 12 => hour + 12,
            Some(h) if h.starts_with('a') && hour == 12 => 0,
            Some(_) => hour,
            // "at 3" on the phone is the afternoon; "at 10" the morning.
            None if c.get(4).is_none() && (1..=6).contains(&hour) => hour + 12,
            None => hour,
        };
        (hour, minute)
    };
    let start = c.get(0)?.start();
    ((0..24).contains(&hour) && (0..60).contains(&minute))
        .then(|| (text.trim()[..start].to_string(), hour, minute))
}

fn instant_any_year(field: &str, text: &str, zone: &str) -> Result<Timestamp, InvalidValue> {
    let text = text.trim();
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Ok(ts);
    }
    let local: DateTime = text.replacen(' ', "T", 1).parse().map_err(|_| {
        InvalidValue::new(
            field,
            format!("'{text}' is not a date and time; write it as YYYY-MM-DDTHH:MM, e.g. 2027-03-02T10:00"),
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
    fn a_callback_in_words_is_a_day_and_an_hour_in_their_zone() {
        let cal = crate::calendar::WorkingDays::new("gb-eng", &[]).unwrap();
        let gb = crate::model::Locale::EnGb;
        // Said on a call on Tue 2 Mar 2027 at 11:20, in London (GMT).
        let call: Timestamp = "2027-03-02T11:20:00Z".parse().unwrap();
        let read =
            |text: &str| instant_in_words("callback", text, "Europe/London", call, &cal, &gb);
        let at = |t: &str| Ok(t.parse::<Timestamp>().unwrap());
        assert_eq!(read("Thursday 3pm"), at("2027-03-04T15:00:00Z"));
        assert_eq!(read("tomorrow at 10:30"), at("2027-03-03T10:30:00Z"));
        assert_eq!(read("Tuesday next week at 9am"), at("2027-03-09T09:00:00Z"));
        assert_eq!(read("the 16th at noon"), at("2027-03-16T12:00:00Z"));
        assert_eq!(read("today 16:00"), at("2027-03-02T16:00:00Z"));
        assert_eq!(read("this afternoon at 4"), at("2027-03-02T16:00:00Z"));
        assert_eq!(read("Friday at 3"), at("2027-03-05T15:00:00Z"));
        assert_eq!(read("Friday at 10"), at("2027-03-05T10:00:00Z"));
        assert_eq!(read("16/03 at 14.30"), at("2027-03-16T14:30:00Z"));
        assert_eq!(read("after 3"), at("2027-03-02T15:00:00Z"));
        assert_eq!(read("tomorrow after 2pm"), at("2027-03-03T14:00:00Z"));
        assert_eq!(read("in an hour"), at("2027-03-02T12:20:00Z"));
        assert_eq!(read("in half an hour"), at("2027-03-02T11:50:00Z"));
        assert_eq!(read("in 2 hours"), at("2027-03-02T13:20:00Z"));
        // As typed, as before.
        assert_eq!(read("2027-03-16T14:30"), at("2027-03-16T14:30:00Z"));
        // A day without an hour, a number that is a day, and nonsense are refused.
        for text in [
            "Thursday",
            "March 16",
            "soonish",
            "Thursday 25:00",
            "",
            "Friday afternoon",
            "in 3 weeks",
        ] {
            let e = read(text).unwrap_err();
            assert!(e.to_string().contains("YYYY-MM-DDTHH:MM"), "{text}: {e}");
        }
        // A time that does not exist is refused, as typed ones are.
        let gap = instant_in_words(
            "callback",
            "the 28th at 1:30am",
            "Europe/London",
            call,
            &cal,
            &gb,
        );
        assert!(gap.unwrap_err().to_string().contains("clocks go forward"));
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

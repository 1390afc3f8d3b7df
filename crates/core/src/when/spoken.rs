//! Callbacks in words, as people say them on the phone ("Thursday 3pm", "3pm Thursday",
//! "tomorrow at half past ten", "in an hour"): a day read as the employer's timeline is
//! (said.rs) and an hour, into an instant in the callee's zone.

use super::{InvalidValue, day_in, instant};
use jiff::Timestamp;
use jiff::civil::DateTime;
use regex::Regex;
use std::sync::OnceLock;

/// A time they asked for, as typed (`2027-03-16T14:30`) or in words as people say it on the
/// phone: "Thursday 3pm", "tomorrow at 10:30", "Tuesday next week at 9am", "the 16th at
/// noon", "today 16:00", "after 3", "3pm Thursday", "half past three on Friday", "2-4pm"
/// (`time_last` puts each as the first ones are), "in an hour". The day is read as the
/// employer's timeline is (said.rs) from the call's day in `zone`, and "in an hour" from
/// the call's time, `at`; a bare hour ("at 3") is read as business hours do (1 to 6 is the
/// afternoon). A day without a time ("Thursday", "Friday afternoon") is refused: a
/// callback is an hour, and which one is theirs to say. A time more than a year after
/// `at` is refused too: nobody books a call that far ahead, so it is a year mistyped
/// ("2099" for "2026"), and shown without its year it would pass for a date this year.
pub fn instant_in_words(
    field: &str,
    text: &str,
    zone: &str,
    at: Timestamp,
    cal: &crate::calendar::WorkingDays,
    locale: &crate::model::Locale,
) -> Result<Timestamp, InvalidValue> {
    let when = read(field, text, zone, at, cal, locale)?;
    let said_on = day_in(at, zone);
    if day_in(when, zone) > said_on.saturating_add(jiff::Span::new().years(1)) {
        return Err(InvalidValue::new(
            field,
            format!(
                "{} is more than a year after {}: check the year",
                super::shown_in(when, zone),
                said_on.strftime("%a %-d %b %Y")
            ),
        ));
    }
    Ok(when)
}

/// `instant_in_words` before its horizon is checked.
fn read(
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
        || super::typed_with_no_such_day(trimmed)
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
    let (day_words, hour, minute) = split_time(&time_last(trimmed)).ok_or_else(refuse)?;
    let day = match day_words.trim().to_lowercase().as_str() {
        "" | "today" | "later today" | "this morning" | "this afternoon" | "this evening" => today,
        words => crate::said::date_from_phrase(words, today, cal, locale).ok_or_else(refuse)?,
    };
    instant(field, &format!("{day}T{hour:02}:{minute:02}"), zone)
}

/// "in an hour", "in half an hour", "in 20 minutes", "in 2 hours", "in about an hour or
/// so": minutes from the call.
fn in_minutes(text: &str) -> Option<i64> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "about" | "around" | "roughly" | "approximately" | "or" | "so"
            )
        })
        .collect();
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

/// The callback with its time said as `split_time` reads it, at the end and in figures:
/// "3pm Thursday" and "at 3pm on Thursday" are "Thursday at 3pm"; "half past three" is
/// "at 3:30", "3 o'clock" "at 3", "around 3" and "3ish" "at 3"; a window ("2-4pm",
/// "between 2 and 4") is its start; "10 in the morning" is "10am", "3 in the afternoon"
/// "3pm"; "UK time" and "their time" are the callee's zone, which it is read in anyway.
fn time_last(text: &str) -> String {
    static RULES: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        [
            (
                r"\s+(?:uk|london|local|your|their|his|her|my|our)\s+time$",
                "",
            ),
            (r"\b(?:at\s+)?(\d{1,2})\s*o['’ ]?\s*clock\b", "at $1"),
            (r"\b(and|to|-|–)\s*(?:noon|midday)$", "$1 12pm"),
            (
                r"\b(?:at\s+)?(?:about|around|roughly|approximately|approx\.?)\s+(\d)",
                "at $1",
            ),
            (
                r"\b(?:at\s+)?(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)\s*-?\s*ish\b",
                "at $1",
            ),
            // "at 10 in the morning", "3 in the afternoon": the half of the day said in words.
            (
                r"\b(\d{1,2}(?:[:.]\d{2})?)\s+in\s+the\s+morning\b",
                "${1}am",
            ),
            (
                r"\b(\d{1,2}(?:[:.]\d{2})?)\s+in\s+the\s+(?:afternoon|evening)\b",
                "${1}pm",
            ),
            (r"\b(noon|midday)\s*-?\s*ish\b", "$1"),
        ]
        .into_iter()
        .map(|(rule, with)| (Regex::new(rule).expect("a valid pattern"), with))
        .collect()
    });
    let mut text = text.trim().to_lowercase();
    for (rule, with) in rules {
        text = rule.replace_all(&text, *with).into_owned();
    }
    text = window_start(&text);
    text = spoken_hours(&text);
    // A time first ("3pm Thursday", "at 3pm on Thursday", "noon tomorrow"): moved last. Only
    // a time that says it is one (am/pm, minutes, noon, "at") is moved: "8 March" is a day.
    static FIRST: OnceLock<Regex> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        Regex::new(
            r"^((?:at\s+|@\s*)?(?:noon|midday|\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.h]\d{2})|at\s+\d{1,2})(?:\s*,\s*|\s+)(?:on\s+)?(\S.*)$",
        )
        .expect("a valid pattern")
    });
    if split_time(&text).is_none()
        && let Some(c) = first.captures(&text)
    {
        let time = c[1].trim_start_matches("at").trim_start_matches('@').trim();
        return format!("{} at {time}", &c[2]);
    }
    text
}

/// A window at the end ("2-4pm", "at 2 to 4pm", "between 2 and 4") as its start, "at
/// 2pm": the first time, with the second's half of the day when the first has none and
/// is no later ("11-1pm" is 11am).
fn window_start(text: &str) -> String {
    static WINDOWS: OnceLock<[Regex; 2]> = OnceLock::new();
    let windows = WINDOWS.get_or_init(|| {
        let time = r"(\d{1,2})((?:[:.]\d{2})?)\s*(am|pm)?";
        [
            format!(r"\bbetween\s+{time}\s+and\s+{time}$"),
            format!(
                r"(?:\bat\s+|\s){time}\s*(?:-|–|to)\s*(\d{{1,2}})((?:[:.]\d{{2}})?)\s*(am|pm)$"
            ),
        ]
        .map(|rule| Regex::new(&rule).expect("a valid pattern"))
    });
    for window in windows {
        if let Some(c) = window.captures(text) {
            let start: u32 = c[1].parse().unwrap_or(0);
            let end: u32 = c[4].parse().unwrap_or(0);
            let half = match (c.get(3), c.get(6)) {
                (Some(own), _) => own.as_str(),
                (None, Some(end_half)) if start <= end => end_half.as_str(),
                _ => "",
            };
            let at = c.get(0).map_or(0, |m| m.start());
            return format!("{} at {}{}{half}", text[..at].trim_end(), &c[1], &c[2]);
        }
    }
    text.to_string()
}

/// "half past three", "quarter past 10", "quarter to four", in figures ("at 3:30").
fn spoken_hours(text: &str) -> String {
    static SPOKEN: OnceLock<Regex> = OnceLock::new();
    let spoken = SPOKEN.get_or_init(|| {
        Regex::new(r"\b(?:at\s+)?(half|quarter)\s+(past|to)\s+(\w+)\b").expect("a valid pattern")
    });
    const HOURS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    spoken
        .replace_all(text, |c: &regex::Captures| {
            let hour = c[3]
                .parse::<i32>()
                .ok()
                .or_else(|| HOURS.iter().position(|h| *h == &c[3]).map(|i| i as i32 + 1))
                .filter(|h| (1..=12).contains(h));
            let Some(hour) = hour else {
                return c[0].to_string();
            };
            match (&c[1], &c[2]) {
                ("half", "past") => format!("at {hour}:30"),
                ("quarter", "past") => format!("at {hour}:15"),
                ("quarter", "to") => format!("at {}:45", if hour == 1 { 12 } else { hour - 1 }),
                _ => c[0].to_string(),
            }
        })
        .into_owned()
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
            // So is "at 3:30"; "03:30" is a 24-hour clock's.
            None if !c[3].starts_with('0') && (1..=6).contains(&hour) => hour + 12,
            None => hour,
        };
        (hour, minute)
    };
    let start = c.get(0)?.start();
    ((0..24).contains(&hour) && (0..60).contains(&minute))
        .then(|| (text.trim()[..start].to_string(), hour, minute))
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
        // A year ahead at most: further is a year mistyped, typed or in words.
        assert_eq!(read("2028-03-02T10:00"), at("2028-03-02T10:00:00Z"));
        for text in ["2028-03-03T10:00", "2099-01-01T10:00", "16/03/2029 at 10am"] {
            let e = read(text).unwrap_err().to_string();
            assert!(
                e.contains("more than a year after Tue 2 Mar 2027: check the year"),
                "{text}: {e}"
            );
        }
    }

    #[test]
    fn a_callback_as_people_write_it_down() {
        let cal = crate::calendar::WorkingDays::new("gb-eng", &[]).unwrap();
        let gb = crate::model::Locale::EnGb;
        // Said on a call on Tue 2 Mar 2027 at 11:20, in London (GMT).
        let call: Timestamp = "2027-03-02T11:20:00Z".parse().unwrap();
        let read =
            |text: &str| instant_in_words("callback", text, "Europe/London", call, &cal, &gb);
        let at = |t: &str| Ok(t.parse::<Timestamp>().unwrap());
        // The time first.
        assert_eq!(read("3pm Thursday"), at("2027-03-04T15:00:00Z"));
        assert_eq!(read("at 3pm on Thursday"), at("2027-03-04T15:00:00Z"));
        assert_eq!(read("noon tomorrow"), at("2027-03-03T12:00:00Z"));
        assert_eq!(read("10:30 on Friday"), at("2027-03-05T10:30:00Z"));
        assert_eq!(read("at 3 o'clock Thursday"), at("2027-03-04T15:00:00Z"));
        // Hours in words, roughly, and windows (their start).
        assert_eq!(
            read("Thursday at half past three"),
            at("2027-03-04T15:30:00Z")
        );
        assert_eq!(read("Thursday quarter to four"), at("2027-03-04T15:45:00Z"));
        assert_eq!(read("Thursday around 3"), at("2027-03-04T15:00:00Z"));
        assert_eq!(
            read("Thursday at 10 in the morning"),
            at("2027-03-04T10:00:00Z")
        );
        assert_eq!(
            read("Thursday at 3 in the afternoon"),
            at("2027-03-04T15:00:00Z")
        );
        assert_eq!(
            read("at half past four in the afternoon on Friday"),
            at("2027-03-05T16:30:00Z")
        );
        assert_eq!(read("Thursday noonish"), at("2027-03-04T12:00:00Z"));
        assert_eq!(read("Thursday 3pm-ish"), at("2027-03-04T15:00:00Z"));
        assert_eq!(read("Wednesday 11ish"), at("2027-03-03T11:00:00Z"));
        assert_eq!(read("Thursday 2-4pm"), at("2027-03-04T14:00:00Z"));
        assert_eq!(read("Thursday 11-1pm"), at("2027-03-04T11:00:00Z"));
        assert_eq!(read("Thursday between 2 and 4"), at("2027-03-04T14:00:00Z"));
        assert_eq!(
            read("Friday between 10am and noon"),
            at("2027-03-05T10:00:00Z")
        );
        assert_eq!(read("in an hour or so"), at("2027-03-02T12:20:00Z"));
        // "at 3:30" on the phone is the afternoon; "03:30" is a 24-hour clock's.
        assert_eq!(read("Thursday at 3:30"), at("2027-03-04T15:30:00Z"));
        assert_eq!(read("Thursday at 03:30"), at("2027-03-04T03:30:00Z"));
        // Their own time is the zone it is read in; a weekday beside a date only names it.
        assert_eq!(read("Thursday 3pm UK time"), at("2027-03-04T15:00:00Z"));
        assert_eq!(read("Mon 8 March 10:00"), at("2027-03-08T10:00:00Z"));
        assert_eq!(read("15.03.2027 at 10am"), at("2027-03-15T10:00:00Z"));
        // Still no hour: refused.
        for text in [
            "8 March",
            "first thing tomorrow",
            "tomorrow 10",
            "Thursday 3pm EST",
        ] {
            assert!(read(text).is_err(), "{text}");
        }
    }
}

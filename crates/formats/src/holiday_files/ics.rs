//! .ics holiday calendars: their all-day events, each day of each (yearly repeats
//! expanded), for the one region the user names. A file in the wrong shape (an event with
//! a time of day, one repeating weekly) is refused whole, naming the line.

use crate::LineError;
use followup_core::calendar::Holiday;
use jiff::civil::Date;

/// One VEVENT as read so far.
#[derive(Default)]
struct Event {
    line: usize,
    start: Option<Date>,
    end: Option<Date>,
    name: String,
    cancelled: bool,
    /// The RRULE, with its line.
    rule: Option<(usize, String)>,
    /// Days an EXDATE takes out of the rule.
    except: Vec<Date>,
}

/// Reads the all-day events of an .ics holiday calendar as holidays of `region`. An event
/// spanning several days gives one holiday per day; a yearly one (`RRULE:FREQ=YEARLY`,
/// as holiday calendars write fixed days and "the last Monday in May") one per year, to
/// its `UNTIL` or `COUNT` or the last supported year; a cancelled one none. An event with
/// a time of day, or one repeating other than yearly, is no holiday: the file is refused.
pub fn read_ics(text: &str, region: &str) -> Result<Vec<Holiday>, LineError> {
    let mut out = Vec::new();
    let mut event: Option<Event> = None;
    let mut saw_calendar = false;
    for (n, line) in unfold(text) {
        let upper = line.to_ascii_uppercase();
        if upper == "BEGIN:VCALENDAR" {
            saw_calendar = true;
        } else if upper == "BEGIN:VEVENT" {
            event = Some(Event {
                line: n,
                ..Event::default()
            });
        } else if upper == "END:VEVENT" {
            let e = event
                .take()
                .ok_or_else(|| LineError::new(n, "END:VEVENT without BEGIN:VEVENT"))?;
            if !e.cancelled {
                add_event(&mut out, e, region)?;
            }
        } else if let Some(e) = event.as_mut() {
            let (head, value) = line.split_once(':').unwrap_or((&line, ""));
            let prop = head.split(';').next().unwrap_or("").to_ascii_uppercase();
            match prop.as_str() {
                "DTSTART" => e.start = Some(ics_day(n, value)?),
                "DTEND" => e.end = Some(ics_day(n, value)?),
                "SUMMARY" => {
                    e.name = value
                        .replace("\\,", ",")
                        .replace("\\;", ";")
                        .replace("\\n", " ")
                }
                "STATUS" => e.cancelled = value.trim().eq_ignore_ascii_case("CANCELLED"),
                "RRULE" => e.rule = Some((n, value.trim().to_ascii_uppercase())),
                "EXDATE" => {
                    for v in value.split(',') {
                        e.except.push(ics_date(n, v)?);
                    }
                }
                _ => {}
            }
        }
    }
    if !saw_calendar {
        return Err(LineError::new(
            1,
            "not an iCalendar file (no BEGIN:VCALENDAR)",
        ));
    }
    if event.is_some() {
        return Err(LineError::new(
            1,
            "an event has no END:VEVENT (is the file cut short?)",
        ));
    }
    Ok(out)
}

/// The days off one event gives: each day it spans, in each year its rule repeats it.
fn add_event(out: &mut Vec<Holiday>, e: Event, region: &str) -> Result<(), LineError> {
    let start = e
        .start
        .ok_or_else(|| LineError::new(e.line, "this event has no DTSTART"))?;
    // Dates are within the supported years (ics_date), so the day after is too.
    let end = match e.end {
        Some(end) => end,
        None => start
            .tomorrow()
            .map_err(|err| LineError::new(e.line, err.to_string()))?,
    };
    if end <= start {
        return Err(LineError::new(
            e.line,
            format!("this event ends ({end}) before it starts ({start})"),
        ));
    }
    let days = (end - start).get_days();
    if days > MAX_EVENT_DAYS {
        return Err(LineError::new(
            e.line,
            format!(
                "this event lasts {days} days; a holiday calendar's events are at most {MAX_EVENT_DAYS}"
            ),
        ));
    }
    let firsts = match &e.rule {
        None => vec![start],
        Some((n, rule)) => yearly(*n, rule, start)?,
    };
    let name = if e.name.is_empty() {
        "Holiday".to_string()
    } else {
        e.name.clone()
    };
    for first in firsts.into_iter().filter(|d| !e.except.contains(d)) {
        if out.len() + days as usize > MAX_DAYS {
            return Err(LineError::new(
                e.line,
                format!("the file gives more than {MAX_DAYS} days off; is it a holiday calendar?"),
            ));
        }
        let mut day = first;
        for _ in 0..days {
            out.push(Holiday {
                region: region.to_string(),
                date: day,
                name: name.clone(),
                source: "file".into(),
            });
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => break,
            }
        }
    }
    Ok(())
}

/// The first day of each occurrence of a yearly rule from `start` (itself the first):
/// `FREQ=YEARLY` with `INTERVAL`, `COUNT`, `UNTIL`, `BYMONTH`, and `BYMONTHDAY` or an
/// ordinal `BYDAY` ("-1MO": the month's last Monday). Other parts, or another frequency,
/// are refused with the line: a day off every week is no holiday calendar.
fn yearly(n: usize, rule: &str, start: Date) -> Result<Vec<Date>, LineError> {
    let bad = |why: String| LineError::new(n, why);
    let mut interval = 1i16;
    let mut count: Option<usize> = None;
    let mut until: Option<Date> = None;
    let mut month = start.month();
    let mut month_day: Option<i8> = None;
    let mut weekday: Option<(i8, jiff::civil::Weekday)> = None;
    let mut frequency = "";
    for part in rule.split(';').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let number = || value.parse::<i64>().ok();
        match key {
            "FREQ" => frequency = value,
            "INTERVAL" => {
                interval = number()
                    .filter(|i| (1..=100).contains(i))
                    .ok_or_else(|| bad(format!("INTERVAL={value} is not 1 to 100")))?
                    as i16
            }
            "COUNT" => {
                count = Some(
                    number()
                        .filter(|c| (1..=1000).contains(c))
                        .ok_or_else(|| bad(format!("COUNT={value} is not 1 to 1000")))?
                        as usize,
                )
            }
            "UNTIL" => until = Some(ics_date(n, value)?),
            "BYMONTH" => {
                month = number()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(|| bad(format!("BYMONTH={value} is not one month (1 to 12)")))?
                    as i8
            }
            "BYMONTHDAY" => {
                month_day =
                    Some(number().filter(|d| (1..=31).contains(d)).ok_or_else(|| {
                        bad(format!("BYMONTHDAY={value} is not one day (1 to 31)"))
                    })? as i8)
            }
            "BYDAY" => {
                weekday = Some(ordinal_weekday(value).ok_or_else(|| {
                    bad(format!(
                        "BYDAY={value} is not one weekday of the month, such as 1MO or -1MO"
                    ))
                })?)
            }
            "WKST" => {}
            other => {
                return Err(bad(format!(
                    "RRULE part {other} is not one a holiday calendar needs; Followup reads FREQ=YEARLY with INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY and BYDAY"
                )));
            }
        }
    }
    if frequency != "YEARLY" {
        return Err(bad(format!(
            "this event repeats {}; a holiday repeats yearly at most",
            if frequency.is_empty() {
                "without FREQ"
            } else {
                frequency
            }
        )));
    }
    let day_in = |year: i16| -> Option<Date> {
        match (weekday, month_day) {
            (Some((nth, wd)), _) => Date::new(year, month, 1)
                .ok()?
                .nth_weekday_of_month(nth, wd)
                .ok(),
            (None, Some(d)) => Date::new(year, month, d).ok(),
            (None, None) => Date::new(year, month, start.day()).ok(),
        }
    };
    let last_year = until.map_or(LAST_YEAR, |u| u.year().min(LAST_YEAR));
    let mut out = Vec::new();
    let mut year = start.year();
    while year <= last_year && count.is_none_or(|c| out.len() < c) {
        // A year without the day (29 February) is skipped, as calendars do.
        if let Some(day) = day_in(year).filter(|d| *d >= start && until.is_none_or(|u| *d <= u)) {
            out.push(day);
        }
        year += interval;
    }
    Ok(out)
}

/// "1MO", "-1MO", "+2TU": which weekday of the month.
fn ordinal_weekday(value: &str) -> Option<(i8, jiff::civil::Weekday)> {
    use jiff::civil::Weekday::*;
    let (number, day) = value.split_at(value.len().checked_sub(2)?);
    let day = match day {
        "MO" => Monday,
        "TU" => Tuesday,
        "WE" => Wednesday,
        "TH" => Thursday,
        "FR" => Friday,
        "SA" => Saturday,
        "SU" => Sunday,
        _ => return None,
    };
    let nth = number.trim_start_matches('+').parse::<i8>().ok()?;
    ((1..=5).contains(&nth.abs())).then_some((nth, day))
}

/// The most days off one file may give: a region's holidays for every supported year are
/// a few thousand; a yearly month-long closure to 2200 would be a hundred thousand.
const MAX_DAYS: usize = 20_000;

/// The last year a rule without an end is read to: the last Followup supports.
const LAST_YEAR: i16 = 2200;

/// A DTSTART or DTEND: a date, as a holiday is a whole day. One with a time of day is an
/// appointment, not a day off: the file is refused rather than every meeting read as one.
fn ics_day(n: usize, value: &str) -> Result<Date, LineError> {
    if value.trim().as_bytes().get(8) == Some(&b'T') {
        return Err(LineError::new(
            n,
            format!(
                "'{value}' has a time of day: a holiday is a whole day (VALUE=DATE); is this a holiday calendar?"
            ),
        ));
    }
    ics_date(n, value)
}

fn ics_date(n: usize, value: &str) -> Result<Date, LineError> {
    let digits = value.get(..8).unwrap_or("");
    let parsed = (digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| {
            format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8])
                .parse::<Date>()
                .ok()
        })
        .flatten();
    let date =
        parsed.ok_or_else(|| LineError::new(n, format!("'{value}' is not a date (YYYYMMDD)")))?;
    followup_core::when::in_range("DTSTART/DTEND", date).map_err(|e| LineError::new(n, e.problem))
}

/// The longest event read as holidays: a closure of a few weeks is a holiday, a
/// years-long event in a hand-made file is a mistake (and would be a day per row).
const MAX_EVENT_DAYS: i32 = 366;

/// Logical lines with the number of the physical line each starts on.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        match (line.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some((_, last))) => last.push_str(rest),
            _ if line.trim().is_empty() => {}
            _ => out.push((i + 1, line.trim_start_matches('\u{feff}').to_string())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::holiday_files::read_govuk;

    fn calendar(events: &str) -> String {
        format!("BEGIN:VCALENDAR\r\n{events}END:VCALENDAR\r\n")
    }

    #[test]
    fn dates_outside_the_supported_years_are_refused_with_their_line() {
        let text = calendar("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:99991231\r\nEND:VEVENT\r\n");
        let err = read_ics(&text, "gb-eng").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.problem.contains("1900–2200"), "{}", err.problem);
        let json = r#"{"scotland":{"events":[{"title":"x","date":"9999-12-31"}]}}"#;
        let err = read_govuk(json).unwrap_err();
        assert!(err.starts_with("scotland.events[0].date:"), "{err}");
    }

    #[test]
    fn an_event_that_ends_before_it_starts_or_lasts_years_is_refused() {
        let backwards = calendar(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270105\r\nDTEND;VALUE=DATE:20270101\r\nEND:VEVENT\r\n",
        );
        assert!(
            read_ics(&backwards, "gb-eng")
                .unwrap_err()
                .problem
                .contains("before it starts")
        );
        let years = calendar(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:21990101\r\nEND:VEVENT\r\n",
        );
        assert!(
            read_ics(&years, "gb-eng")
                .unwrap_err()
                .problem
                .contains("at most 366")
        );
        let closure = calendar(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20271224\r\nDTEND;VALUE=DATE:20280102\r\nSUMMARY:Closed\r\nEND:VEVENT\r\n",
        );
        assert_eq!(read_ics(&closure, "gb-eng").unwrap().len(), 9);
    }

    fn days(text: &str) -> Vec<String> {
        read_ics(text, "gb-eng")
            .unwrap()
            .iter()
            .map(|h| h.date.to_string())
            .collect()
    }

    #[test]
    fn yearly_events_give_a_day_each_year_to_their_end() {
        // The last Monday in May, from 2027, three times; Christmas to 2029 but 2028.
        let text = calendar(concat!(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270531\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;COUNT=3\r\nSUMMARY:Spring\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20271225\r\nRRULE:FREQ=YEARLY;UNTIL=20291231\r\n",
            "EXDATE;VALUE=DATE:20281225\r\nEND:VEVENT\r\n",
        ));
        assert_eq!(
            days(&text),
            [
                "2027-05-31",
                "2028-05-29",
                "2029-05-28",
                "2027-12-25",
                "2029-12-25"
            ]
        );
        // No end: to the last supported year, a day a year.
        let open = calendar(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:21980101\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n",
        );
        assert_eq!(days(&open), ["2198-01-01", "2199-01-01", "2200-01-01"]);
        // A cancelled event is no day off.
        let cancelled = calendar(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n",
        );
        assert!(days(&cancelled).is_empty());
        // A month off every year to 2200 is no holiday calendar: refused, not expanded.
        let closure = calendar(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:19000101\r\nDTEND;VALUE=DATE:19000401\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n",
        );
        match read_ics(&closure, "gb-eng") {
            Err(e) => assert!(
                e.problem.contains("more than 20000 days off"),
                "{}",
                e.problem
            ),
            Ok(days) => panic!("{} days read", days.len()),
        }
    }

    #[test]
    fn a_weekly_rule_or_a_meeting_is_refused_with_its_line() {
        for (event, line, says) in [
            (
                "DTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=DAILY\r\n",
                4,
                "repeats DAILY",
            ),
            (
                "DTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=YEARLY;BYSETPOS=1\r\n",
                4,
                "BYSETPOS",
            ),
            (
                "DTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=YEARLY;BYDAY=MO\r\n",
                4,
                "BYDAY=MO",
            ),
            ("DTSTART:20270104T100000Z\r\n", 3, "has a time of day"),
        ] {
            let text = calendar(&format!("BEGIN:VEVENT\r\n{event}END:VEVENT\r\n"));
            let err = read_ics(&text, "gb-eng").unwrap_err();
            assert_eq!(err.line, line, "{event}");
            assert!(err.problem.contains(says), "{event}: {}", err.problem);
        }
    }
}

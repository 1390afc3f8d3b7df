//! Holiday calendars users import: GOV.UK's `bank-holidays.json` (its divisions map to the
//! UK regions) and .ics holiday calendars (all-day events, for one region the user names).
//! A file in the wrong shape is refused whole, naming the field or line.

use crate::LineError;
use followup_core::calendar::Holiday;
use jiff::civil::Date;

/// GOV.UK division → Followup regions (Wales keeps England's list).
const DIVISIONS: &[(&str, &[&str])] = &[
    ("england-and-wales", &["gb-eng", "gb-wls"]),
    ("scotland", &["gb-sct"]),
    ("northern-ireland", &["gb-nir"]),
];

/// Reads GOV.UK's bank-holidays.json. Errors name the JSON path that is wrong.
pub fn read_govuk(text: &str) -> Result<Vec<Holiday>, String> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
    let root = value
        .as_object()
        .ok_or("the top level must be an object of divisions")?;
    let mut out = Vec::new();
    let mut known = 0;
    for (division, body) in root {
        let Some((_, regions)) = DIVISIONS.iter().find(|(d, _)| d == division) else {
            return Err(format!(
                "{division}: not a GOV.UK division (expected england-and-wales, scotland, northern-ireland)"
            ));
        };
        known += 1;
        let events = body
            .get("events")
            .and_then(|e| e.as_array())
            .ok_or(format!("{division}.events: missing or not a list"))?;
        for (i, event) in events.iter().enumerate() {
            let field = |name: &str| {
                event.get(name).and_then(|v| v.as_str()).ok_or(format!(
                    "{division}.events[{i}].{name}: missing or not text"
                ))
            };
            let (title, date) = (field("title")?, field("date")?);
            let date: Date = date.parse().map_err(|_| {
                format!("{division}.events[{i}].date: '{date}' is not a date (YYYY-MM-DD)")
            })?;
            let date = followup_core::when::in_range("date", date)
                .map_err(|e| format!("{division}.events[{i}].date: {}", e.problem))?;
            for region in *regions {
                out.push(Holiday {
                    region: region.to_string(),
                    date,
                    // GOV.UK titles use a curly apostrophe; keep them as published.
                    name: title.to_string(),
                    source: "file".into(),
                });
            }
        }
    }
    if known == 0 {
        return Err("no GOV.UK division in the file".into());
    }
    Ok(out)
}

/// Reads the all-day events of an .ics holiday calendar as holidays of `region`. An event
/// spanning several days gives one holiday per day.
pub fn read_ics(text: &str, region: &str) -> Result<Vec<Holiday>, LineError> {
    let mut out = Vec::new();
    let mut event: Option<(usize, Option<Date>, Option<Date>, String)> = None;
    let mut saw_calendar = false;
    for (n, line) in unfold(text) {
        let upper = line.to_ascii_uppercase();
        if upper == "BEGIN:VCALENDAR" {
            saw_calendar = true;
        } else if upper == "BEGIN:VEVENT" {
            event = Some((n, None, None, String::new()));
        } else if upper == "END:VEVENT" {
            let (start_line, start, end, name) = event
                .take()
                .ok_or_else(|| LineError::new(n, "END:VEVENT without BEGIN:VEVENT"))?;
            let start =
                start.ok_or_else(|| LineError::new(start_line, "this event has no DTSTART"))?;
            // Dates are within the supported years (ics_date), so the day after is too.
            let end = match end {
                Some(end) => end,
                None => start
                    .tomorrow()
                    .map_err(|e| LineError::new(start_line, e.to_string()))?,
            };
            if end <= start {
                return Err(LineError::new(
                    start_line,
                    format!("this event ends ({end}) before it starts ({start})"),
                ));
            }
            let days = (end - start).get_days();
            if days > MAX_EVENT_DAYS {
                return Err(LineError::new(
                    start_line,
                    format!(
                        "this event lasts {days} days; a holiday calendar's events are at most {MAX_EVENT_DAYS}"
                    ),
                ));
            }
            let mut day = start;
            while day < end {
                out.push(Holiday {
                    region: region.to_string(),
                    date: day,
                    name: if name.is_empty() {
                        "Holiday".into()
                    } else {
                        name.clone()
                    },
                    source: "file".into(),
                });
                day = day
                    .tomorrow()
                    .map_err(|e| LineError::new(start_line, e.to_string()))?;
            }
        } else if let Some((_, start, end, name)) = event.as_mut() {
            let (head, value) = line.split_once(':').unwrap_or((&line, ""));
            let prop = head.split(';').next().unwrap_or("").to_ascii_uppercase();
            match prop.as_str() {
                "DTSTART" => *start = Some(ics_date(n, value)?),
                "DTEND" => *end = Some(ics_date(n, value)?),
                "SUMMARY" => {
                    *name = value
                        .replace("\\,", ",")
                        .replace("\\;", ";")
                        .replace("\\n", " ")
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
}

//! Holiday calendars users import: GOV.UK's `bank-holidays.json` (its divisions map to the
//! UK regions) and .ics holiday calendars (all-day events, for one region the user names).
//! A file in the wrong shape is refused whole, naming the field or line.

mod ics;

pub use ics::read_ics;

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

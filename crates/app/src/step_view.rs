//! Steps as people read them: what to do, for which interview and person, the window in
//! your time and in theirs, and why. Used by the agenda, `plan show` and the .ics feed.

use followup_core::plan::{Due, Step, StepKind, StepState};
use followup_store::Store;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;
use std::collections::HashMap;

/// The `--json` shape of a step (documented in the README).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepView {
    pub id: String,
    pub key: String,
    pub kind: String,
    pub state: String,
    pub interview_id: String,
    pub contact_id: Option<String>,
    /// RFC 3339 in their zone's offset.
    pub start: String,
    pub end: String,
    pub their_zone: String,
    pub your_zone: String,
    /// "overdue", "now" or "upcoming", against the time of the command.
    pub due: String,
    pub reason: String,
    pub what: String,
    pub application: String,
    pub person: String,
    /// When it was marked done or skipped (RFC 3339 in your zone's offset), if it was.
    pub done_at: Option<String>,
    /// The state as a person reads it, with when it was done or skipped ("done Mon 30 Nov
    /// 15:00"): a call made early is not taken for one made in its window.
    #[serde(skip)]
    pub state_shown: String,
    #[serde(skip)]
    pub your_window: String,
    #[serde(skip)]
    pub their_window: String,
}

/// What each kind of step asks, in a few words.
pub fn action(kind: &StepKind) -> &'static str {
    match kind {
        StepKind::CaptureDetails => "Capture their details",
        StepKind::ThankYou => "Send the thank-you note",
        StepKind::FollowUpCall => "Follow-up call",
        StepKind::FollowUpEmail => "Follow-up email",
        StepKind::EmailQuery => "Email your query",
        StepKind::Feedback => "Ask for feedback, then move on",
        StepKind::Other(_) => "Step",
    }
}

/// Describes `steps`, with the applications and people they refer to read in one joined
/// query (`all` says `steps` is every step, so no id list is needed).
pub fn describe(
    store: &mut Store,
    steps: &[Step],
    your_zone: &str,
    now: Timestamp,
    all: bool,
) -> crate::Result<Vec<StepView>> {
    let labels = store.step_labels(if all { None } else { Some(steps) })?;
    let yours = Zone::new(TimeZone::get(your_zone).unwrap_or(TimeZone::UTC), now);
    let mut zones: HashMap<&str, Zone> = HashMap::new();
    Ok(steps
        .iter()
        .map(|s| {
            let theirs = zones
                .entry(s.zone.as_str())
                .or_insert_with(|| Zone::new(TimeZone::get(&s.zone).unwrap_or(TimeZone::UTC), now))
                .clone();
            let label = labels.get(&s.id).cloned().unwrap_or_default();
            StepView {
                id: s.id.clone(),
                key: s.key.clone(),
                kind: s.kind.to_string(),
                state: s.state.to_string(),
                interview_id: s.interview_id.clone(),
                contact_id: s.contact_id.clone(),
                start: rfc3339(s.start, &theirs.tz),
                end: rfc3339(s.end, &theirs.tz),
                their_zone: s.zone.clone(),
                your_zone: your_zone.to_string(),
                due: Due::of(s.start, s.end, now).as_str().into(),
                reason: s.reason.clone(),
                what: action(&s.kind).into(),
                application: label.application,
                person: label.person,
                done_at: s.done_at.map(|at| rfc3339(at, &yours.tz)),
                state_shown: match s.done_at {
                    Some(at) if matches!(s.state, StepState::Done | StepState::Skipped) => {
                        format!("{} {}", s.state, moment(at, &yours))
                    }
                    _ => s.state.to_string(),
                },
                your_window: window(s.start, s.end, &yours),
                their_window: window(s.start, s.end, &theirs),
            }
        })
        .collect())
}

fn rfc3339(ts: Timestamp, tz: &TimeZone) -> String {
    ts.display_with_offset(tz.to_offset(ts)).to_string()
}

/// A time zone, and the year it is there now: what a window is shown in (its year is
/// given only when it is not this one). Made once per zone, not per window: the calendar
/// feed shows two windows for each of tens of thousands of steps.
#[derive(Clone)]
pub struct Zone {
    pub tz: TimeZone,
    this_year: i16,
}

impl Zone {
    pub fn new(tz: TimeZone, now: Timestamp) -> Zone {
        let this_year = now.to_zoned_datetime(tz.clone()).year();
        Zone { tz, this_year }
    }
}

/// "Tue 9 Mar 10:00–11:30 GMT", with the year ("Tue 5 Jan 2027") when it is not this
/// year in the zone, so a step next year, or a date mistyped years ahead, is not taken
/// for one this year. Written by hand rather than with `strftime`: the calendar feed
/// formats two windows for each of tens of thousands of steps.
pub fn window(start: Timestamp, end: Timestamp, zone: &Zone) -> String {
    let tz = &zone.tz;
    let (a, b) = (
        start.to_zoned_datetime(tz.clone()),
        end.to_zoned_datetime(tz.clone()),
    );
    let abbreviation = tz.to_offset_info(end).abbreviation().to_string();
    let day = |z: &jiff::ZonedDateTime| day(z, zone.this_year);
    if a.date() == b.date() {
        format!("{} {}–{} {abbreviation}", day(&a), clock(&a), clock(&b))
    } else {
        format!(
            "{} {} – {} {} {abbreviation}",
            day(&a),
            clock(&a),
            day(&b),
            clock(&b)
        )
    }
}

/// "Mon 30 Nov 15:05" in the zone, with the year when it is not this year there.
fn moment(at: Timestamp, zone: &Zone) -> String {
    let z = at.to_zoned_datetime(zone.tz.clone());
    format!("{} {}", day(&z, zone.this_year), clock(&z))
}

/// "Tue 9 Mar", or "Tue 9 Mar 2027" when that is not `this_year`.
fn day(z: &jiff::ZonedDateTime, this_year: i16) -> String {
    let weekday = WEEKDAYS[z.weekday().to_monday_zero_offset() as usize];
    let month = MONTHS[z.month() as usize - 1];
    match z.year() == this_year {
        true => format!("{weekday} {} {month}", z.day()),
        false => format!("{weekday} {} {month} {}", z.day(), z.year()),
    }
}

fn clock(z: &jiff::ZonedDateTime) -> String {
    format!("{:02}:{:02}", z.hour(), z.minute())
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_says_its_year_only_when_it_is_not_this_year() {
        let london = TimeZone::get("Europe/London").unwrap();
        let at = |t: &str| t.parse::<Timestamp>().unwrap();
        let (start, end) = (at("2027-01-05T10:00:00Z"), at("2027-01-05T11:30:00Z"));
        assert_eq!(
            window(
                start,
                end,
                &Zone::new(london.clone(), at("2027-01-01T00:00:00Z"))
            ),
            "Tue 5 Jan 10:00–11:30 GMT"
        );
        assert_eq!(
            window(start, end, &Zone::new(london, at("2026-12-01T09:00:00Z"))),
            "Tue 5 Jan 2027 10:00–11:30 GMT"
        );
        // This year is the year where the window is read: 23:30 UTC on 31 December is
        // already the new year in Auckland.
        let auckland = TimeZone::get("Pacific/Auckland").unwrap();
        assert_eq!(
            window(start, end, &Zone::new(auckland, at("2026-12-31T23:30:00Z"))),
            "Tue 5 Jan 23:00 – Wed 6 Jan 00:30 NZDT"
        );
    }
}

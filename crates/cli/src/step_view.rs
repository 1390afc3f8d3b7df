//! Steps as people read them: what to do, for which interview and person, the window in
//! your time and in theirs, and why. Used by the agenda, `plan show` and the .ics feed.

use followup_core::plan::{Step, StepKind};
use followup_store::Store;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;
use std::collections::HashMap;

/// The `--json` shape of a step (documented in the README).
#[derive(Serialize)]
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

/// Describes `steps`, loading the interviews, applications and people they refer to in
/// a few queries (not one per step).
pub fn describe(
    store: &mut Store,
    steps: &[Step],
    your_zone: &str,
    now: Timestamp,
) -> anyhow::Result<Vec<StepView>> {
    let mut interview_ids: Vec<String> = steps.iter().map(|s| s.interview_id.clone()).collect();
    interview_ids.sort();
    interview_ids.dedup();
    let mut app_of: HashMap<String, String> = HashMap::new();
    for chunk in interview_ids.chunks(500) {
        for i in store.interviews_by_ids(chunk)? {
            app_of.insert(i.id, i.application_id);
        }
    }
    let mut app_ids: Vec<String> = app_of.values().cloned().collect();
    app_ids.sort();
    app_ids.dedup();
    let mut apps: HashMap<String, String> = HashMap::new();
    for chunk in app_ids.chunks(500) {
        for a in store.applications_by_ids(chunk)? {
            apps.insert(a.id, format!("{} – {}", a.company, a.role));
        }
    }
    let mut contact_ids: Vec<String> = steps.iter().filter_map(|s| s.contact_id.clone()).collect();
    contact_ids.sort();
    contact_ids.dedup();
    let mut people: HashMap<String, String> = HashMap::new();
    for chunk in contact_ids.chunks(500) {
        for c in store.contacts_by_ids(chunk)? {
            people.insert(c.id, c.full_name);
        }
    }
    let yours = TimeZone::get(your_zone).unwrap_or(TimeZone::UTC);
    Ok(steps
        .iter()
        .map(|s| {
            let theirs = TimeZone::get(&s.zone).unwrap_or(TimeZone::UTC);
            let app = app_of
                .get(&s.interview_id)
                .and_then(|a| apps.get(a))
                .cloned()
                .unwrap_or_default();
            StepView {
                id: s.id.clone(),
                key: s.key.clone(),
                kind: s.kind.to_string(),
                state: s.state.to_string(),
                interview_id: s.interview_id.clone(),
                contact_id: s.contact_id.clone(),
                start: rfc3339(s.start, &theirs),
                end: rfc3339(s.end, &theirs),
                their_zone: s.zone.clone(),
                your_zone: your_zone.to_string(),
                due: if s.end < now {
                    "overdue"
                } else if s.start <= now {
                    "now"
                } else {
                    "upcoming"
                }
                .into(),
                reason: s.reason.clone(),
                what: action(&s.kind).into(),
                application: app,
                person: s
                    .contact_id
                    .as_ref()
                    .and_then(|c| people.get(c))
                    .cloned()
                    .unwrap_or_default(),
                your_window: window(s.start, s.end, &yours),
                their_window: window(s.start, s.end, &theirs),
            }
        })
        .collect())
}

fn rfc3339(ts: Timestamp, tz: &TimeZone) -> String {
    ts.display_with_offset(tz.to_offset(ts)).to_string()
}

/// "Tue 9 Mar 10:00–11:30 GMT"
pub fn window(start: Timestamp, end: Timestamp, tz: &TimeZone) -> String {
    let (a, b) = (
        start.to_zoned_datetime(tz.clone()),
        end.to_zoned_datetime(tz.clone()),
    );
    if a.date() == b.date() {
        format!(
            "{}–{}",
            a.strftime("%a %-d %b %H:%M"),
            b.strftime("%H:%M %Z")
        )
    } else {
        format!(
            "{} – {}",
            a.strftime("%a %-d %b %H:%M"),
            b.strftime("%a %-d %b %H:%M %Z")
        )
    }
}

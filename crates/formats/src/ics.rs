//! The calendar feed (RFC 5545): calls as VEVENTs with a reminder, notes and emails as
//! VTODOs. UIDs come from step ids and DTSTAMP from the step's last change, so exporting
//! twice gives the same bytes; SEQUENCE follows the step's, so clients take updates.

use crate::text::{escape_into, fold_into};
use followup_core::plan::{Step, StepKind, StepState};
use jiff::Timestamp;

/// A step with the words a calendar shows for it.
pub struct CalendarEntry<'a> {
    pub step: &'a Step,
    pub summary: String,
    pub description: String,
}

pub fn write_calendar(entries: &[CalendarEntry]) -> String {
    let mut out = String::with_capacity(entries.len() * 600 + 200);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Followup//Followup//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Followup",
    ] {
        fold_into(&mut out, line);
    }
    for entry in entries {
        write_entry(&mut out, entry);
    }
    fold_into(&mut out, "END:VCALENDAR");
    out
}

fn utc(ts: Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn write_entry(out: &mut String, entry: &CalendarEntry) {
    let s = entry.step;
    let is_call = s.kind == StepKind::FollowUpCall;
    let component = if is_call { "VEVENT" } else { "VTODO" };
    let mut line = String::with_capacity(256);
    let mut emit = |out: &mut String, parts: &[&str], text: Option<&str>| {
        line.clear();
        parts.iter().for_each(|p| line.push_str(p));
        if let Some(text) = text {
            escape_into(&mut line, text);
        }
        fold_into(out, &line);
    };
    emit(out, &["BEGIN:", component], None);
    emit(out, &["UID:", &s.id, "@followup"], None);
    emit(out, &["DTSTAMP:", &utc(s.updated_at)], None);
    emit(out, &["SEQUENCE:", &s.sequence.to_string()], None);
    emit(out, &["SUMMARY:"], Some(&entry.summary));
    emit(out, &["DESCRIPTION:"], Some(&entry.description));
    emit(out, &["DTSTART:", &utc(s.start)], None);
    if is_call {
        emit(out, &["DTEND:", &utc(s.end)], None);
        emit(out, &["STATUS:", event_status(&s.state)], None);
    } else {
        emit(out, &["DUE:", &utc(s.end)], None);
        emit(out, &["STATUS:", todo_status(&s.state)], None);
        if let Some(done) = s.done_at.filter(|_| s.state == StepState::Done) {
            emit(out, &["COMPLETED:", &utc(done)], None);
        }
    }
    if is_call && s.state == StepState::Pending {
        emit(out, &["BEGIN:VALARM"], None);
        emit(out, &["ACTION:DISPLAY"], None);
        emit(out, &["TRIGGER:-PT15M"], None);
        emit(out, &["DESCRIPTION:"], Some(&entry.summary));
        emit(out, &["END:VALARM"], None);
    }
    emit(out, &["END:", component], None);
}

fn event_status(state: &StepState) -> &'static str {
    match state {
        StepState::Cancelled | StepState::Skipped => "CANCELLED",
        _ => "CONFIRMED",
    }
}

fn todo_status(state: &StepState) -> &'static str {
    match state {
        StepState::Done => "COMPLETED",
        StepState::Cancelled | StepState::Skipped => "CANCELLED",
        _ => "NEEDS-ACTION",
    }
}

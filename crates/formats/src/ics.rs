//! The calendar feed (RFC 5545): calls as VEVENTs with a reminder, notes and emails as
//! VTODOs. UIDs come from step ids and DTSTAMP from the step's last change, so exporting
//! twice gives the same bytes; SEQUENCE follows the step's, so clients take updates.

use crate::text::{escape, fold_into};
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
    let mut lines = vec![
        format!("BEGIN:{component}"),
        format!("UID:{}@followup", s.id),
        format!("DTSTAMP:{}", utc(s.updated_at)),
        format!("SEQUENCE:{}", s.sequence),
        format!("SUMMARY:{}", escape(&entry.summary)),
        format!("DESCRIPTION:{}", escape(&entry.description)),
        format!("DTSTART:{}", utc(s.start)),
    ];
    if is_call {
        lines.push(format!("DTEND:{}", utc(s.end)));
        lines.push(format!("STATUS:{}", event_status(&s.state)));
    } else {
        lines.push(format!("DUE:{}", utc(s.end)));
        lines.push(format!("STATUS:{}", todo_status(&s.state)));
        if let Some(done) = s.done_at.filter(|_| s.state == StepState::Done) {
            lines.push(format!("COMPLETED:{}", utc(done)));
        }
    }
    if is_call && s.state == StepState::Pending {
        lines.extend([
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            "TRIGGER:-PT15M".to_string(),
            format!("DESCRIPTION:{}", escape(&entry.summary)),
            "END:VALARM".to_string(),
        ]);
    }
    lines.push(format!("END:{component}"));
    for line in lines {
        fold_into(out, &line);
    }
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

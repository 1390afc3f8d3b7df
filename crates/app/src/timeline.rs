//! An application's story in time order — applied, interviewed, called, written, sent,
//! done, and what is due next — and searching the record for a piece of text.

use crate::step_view::action;
use crate::{Followup, Result};
use followup_core::model::{Application, Interview};
use followup_core::outbox::OutboxState;
use followup_core::plan::StepState;
use followup_store::Page;
use jiff::Timestamp;
use serde::Serialize;

/// What kind of thing happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Applied,
    Interview,
    Call,
    DraftWritten,
    Approved,
    Sent,
    StepDone,
    StepSkipped,
    StepCancelled,
    /// Pending: what the plan has next, at its start.
    StepDue,
}

/// One thing that happened, or is due.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: Timestamp,
    pub kind: EventKind,
    /// The record it is about (interview, call, draft or step id).
    pub id: String,
    pub text: String,
}

/// An application with its interviews and everything that happened, oldest first.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Timeline {
    #[serde(flatten)]
    pub application: Application,
    pub interviews: Vec<Interview>,
    pub events: Vec<Event>,
}

/// Where some text was found, with what the record is.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Found {
    /// "application", "contact", "interview" or "call"
    pub kind: String,
    pub id: String,
    /// What the record is ("Acme – SRE", a person's name).
    pub label: String,
    pub field: String,
    pub text: String,
}

impl Followup {
    pub fn timeline(&mut self, application_id: &str) -> Result<Timeline> {
        let application = self.store.application(application_id)?;
        let ids = self.store.interview_ids_for_application(application_id)?;
        let mut interviews: Vec<Interview> = ids
            .iter()
            .map(|id| self.store.interview(id))
            .collect::<std::result::Result<_, _>>()?;
        interviews.sort_by_key(|i| i.start);
        let mut events = Vec::new();
        let zone = self.store.profile()?.unwrap_or_default().time_zone;
        let applied_at = application
            .applied_on
            .and_then(|d| {
                d.to_zoned_datetime(jiff::tz::TimeZone::get(&zone).ok()?)
                    .ok()
            })
            .map(|z| z.timestamp())
            .unwrap_or(application.created_at);
        events.push(Event {
            at: applied_at,
            kind: EventKind::Applied,
            id: application.id.clone(),
            text: format!("applied: {} – {}", application.company, application.role),
        });
        for interview in &interviews {
            let panel = self.store.contacts_by_ids(&interview.interviewer_ids)?;
            let names: Vec<&str> = panel.iter().map(|c| c.full_name.as_str()).collect();
            events.push(Event {
                at: interview.start,
                kind: EventKind::Interview,
                id: interview.id.clone(),
                text: match names.is_empty() {
                    true => format!("{} interview", interview.format),
                    false => format!("{} interview with {}", interview.format, names.join(", ")),
                },
            });
            for call in self.store.calls(&interview.id)? {
                let person = match &call.contact_id {
                    Some(id) => self
                        .store
                        .contact(id)
                        .map(|c| c.full_name)
                        .unwrap_or_default(),
                    None => String::new(),
                };
                let mut text = format!("call: {}", call.outcome);
                if !person.is_empty() {
                    text.push_str(&format!(" · {person}"));
                }
                if let Some(d) = call.decide_by {
                    text.push_str(&format!("; they decide by {d}"));
                }
                if let Some(first) = call.note.lines().find(|l| !l.trim().is_empty()) {
                    text.push_str(&format!(" — {}", first.trim()));
                }
                events.push(Event {
                    at: call.at,
                    kind: EventKind::Call,
                    id: call.id.clone(),
                    text,
                });
            }
            for d in self.store.drafts(Some(&interview.id), Page::ALL)? {
                events.push(Event {
                    at: d.created_at,
                    kind: EventKind::DraftWritten,
                    id: d.id.clone(),
                    text: format!("{} {} written", d.kind, d.channel),
                });
                if let (Some(at), true) = (d.approved_at, d.is_approved()) {
                    events.push(Event {
                        at,
                        kind: EventKind::Approved,
                        id: d.id.clone(),
                        text: format!("{} {} approved", d.kind, d.channel),
                    });
                }
                if let Some(entry) = self.store.outbox_entry(&d.id)? {
                    let (at, text) = match entry.state {
                        OutboxState::Sent => (
                            entry.sent_at.unwrap_or(entry.updated_at),
                            format!("{} sent to {}", d.kind, entry.recipient),
                        ),
                        ref state => (
                            entry.updated_at,
                            format!("{} to {}: {state}", d.kind, entry.recipient),
                        ),
                    };
                    events.push(Event {
                        at,
                        kind: EventKind::Sent,
                        id: d.id.clone(),
                        text,
                    });
                }
            }
            for step in self.store.steps(&interview.id)? {
                let what = action(&step.kind);
                let (kind, at, text) = match step.state {
                    StepState::Done => (
                        EventKind::StepDone,
                        step.done_at.unwrap_or(step.updated_at),
                        format!("done: {what}"),
                    ),
                    StepState::Skipped => (
                        EventKind::StepSkipped,
                        step.done_at.unwrap_or(step.updated_at),
                        format!("skipped: {what}"),
                    ),
                    StepState::Pending => (
                        EventKind::StepDue,
                        step.start,
                        format!("due: {what} — {}", step.reason),
                    ),
                    _ => (
                        EventKind::StepCancelled,
                        step.updated_at,
                        format!("cancelled: {what} — {}", step.reason),
                    ),
                };
                events.push(Event {
                    at,
                    kind,
                    id: step.id.clone(),
                    text,
                });
            }
        }
        events.sort_by_key(|e| e.at);
        Ok(Timeline {
            application,
            interviews,
            events,
        })
    }

    /// Where `text` appears: companies, roles, people, interview and call notes.
    pub fn find(&mut self, text: &str) -> Result<Vec<Found>> {
        let hits = self.store.find(text)?;
        let mut out = Vec::with_capacity(hits.len());
        for hit in hits {
            let label = match hit.kind {
                "application" => self
                    .store
                    .application(&hit.id)
                    .map(|a| format!("{} – {}", a.company, a.role))?,
                "contact" => self.store.contact(&hit.id)?.full_name,
                "interview" => {
                    let i = self.store.interview(&hit.id)?;
                    let a = self.store.application(&i.application_id)?;
                    format!("{} – {}, {}", a.company, a.role, i.local_start().date())
                }
                _ => {
                    let c = self.store.call(&hit.id)?;
                    let i = self.store.interview(&c.interview_id)?;
                    let a = self.store.application(&i.application_id)?;
                    format!("call about {} – {}, {}", a.company, a.role, c.outcome)
                }
            };
            out.push(Found {
                kind: hit.kind.to_string(),
                id: hit.id,
                label,
                field: hit.field.to_string(),
                text: hit.text,
            });
        }
        Ok(out)
    }
}

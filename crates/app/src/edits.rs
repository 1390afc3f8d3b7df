//! Changing and deleting what was captured: an application's fields, an interview's
//! time, format and panel, a call's details; deleting applications, contacts,
//! interviews, calls and drafts. Every change replans what it touches and is journaled
//! (`undo`). Deleting anything with a message handed to the mail server needs `force`,
//! and the outbox keeps its record of that message.

use crate::steps::WhenYouDid;
use crate::{AppError, Followup, Result};
use followup_core::model::{Application, ApplicationStatus, Interview, InterviewFormat};
use followup_core::outbox::OutboxState;
use followup_core::plan::{CallOutcome, CallRecord};
use followup_core::{place, when};
use followup_store::Page;

/// Fields to change on an application (`None` leaves a field as it is).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationChanges {
    pub company: Option<String>,
    pub role: Option<String>,
    pub url: Option<String>,
    pub job_description: Option<String>,
    /// YYYY-MM-DD, or empty to clear.
    pub applied_on: Option<String>,
    pub status: Option<String>,
}

/// Fields to change on an interview.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InterviewChanges {
    /// A new local start, read in `time_zone` (the interview's zone when `None`).
    pub at: Option<String>,
    pub time_zone: Option<String>,
    pub format: Option<String>,
    pub duration_minutes: Option<u32>,
    pub location: Option<String>,
    pub add_interviewers: Vec<String>,
    pub remove_interviewers: Vec<String>,
}

/// Fields to change on a logged call.
#[derive(Debug, Clone, Default)]
pub struct CallChanges {
    pub outcome: Option<String>,
    pub at: Option<WhenYouDid>,
    /// A time they asked for, in their zone unless `callback_tz`; empty clears it.
    pub callback: Option<String>,
    pub callback_tz: Option<String>,
    /// YYYY-MM-DD, or empty to clear.
    pub decide_by: Option<String>,
    pub note: Option<String>,
}

/// What can be deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Application(String),
    Contact(String),
    Interview(String),
    Call(String),
    Draft(String),
}

impl Target {
    pub fn id(&self) -> &str {
        match self {
            Target::Application(id)
            | Target::Contact(id)
            | Target::Interview(id)
            | Target::Call(id)
            | Target::Draft(id) => id,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Target::Application(_) => "application",
            Target::Contact(_) => "contact",
            Target::Interview(_) => "interview",
            Target::Call(_) => "call",
            Target::Draft(_) => "draft",
        }
    }
}

/// What a delete takes with it, for the question the front end asks first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeletePreview {
    /// "application app-… (Acme – SRE)"
    pub what: String,
    pub interviews: usize,
    pub steps: usize,
    pub calls: usize,
    pub drafts: usize,
    /// Drafts among them that were handed to the mail server (sent, or maybe sent).
    pub sent: Vec<String>,
    /// Interviews whose panel a deleted contact leaves.
    pub panels: usize,
}

impl Followup {
    /// A new application from the fields as typed (a form, an API body): what
    /// `change_application` takes, applied to an empty one with status "applied".
    pub fn add_application_with(&mut self, changes: ApplicationChanges) -> Result<Application> {
        let applied_on = match changes.applied_on.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(when::date("applied-on", d)?),
        };
        let now = self.now();
        self.add_application(Application {
            id: String::new(),
            company: changes.company.unwrap_or_default(),
            role: changes.role.unwrap_or_default(),
            job_description: changes.job_description.unwrap_or_default(),
            source_url: changes.url.unwrap_or_default().trim().to_string(),
            documents: Vec::new(),
            status: ApplicationStatus::from(changes.status.as_deref().unwrap_or("applied")),
            applied_on,
            created_at: now,
            updated_at: now,
        })
    }

    pub fn change_application(
        &mut self,
        id: &str,
        changes: ApplicationChanges,
    ) -> Result<Application> {
        let applied_on = match changes.applied_on.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(d) => Some(Some(when::date("applied-on", d)?)),
        };
        self.write(|tx| {
            tx.summary(format!("application set {id}"));
            let mut app = tx.store.application(id)?;
            if let Some(company) = &changes.company {
                app.company = non_empty("company", company)?;
            }
            if let Some(role) = &changes.role {
                app.role = non_empty("role", role)?;
            }
            if let Some(url) = &changes.url {
                app.source_url = url.trim().to_string();
            }
            if let Some(text) = &changes.job_description {
                app.job_description = text.clone();
            }
            if let Some(date) = applied_on {
                app.applied_on = date;
            }
            if let Some(status) = &changes.status {
                app.status = ApplicationStatus::from(non_empty("status", status)?.as_str());
            }
            tx.update_application(&app)
        })
    }

    pub fn change_interview(&mut self, id: &str, changes: InterviewChanges) -> Result<Interview> {
        let format = changes
            .format
            .as_deref()
            .map(|f| {
                let format = InterviewFormat::from(f);
                if format.is_known() {
                    Ok(format)
                } else {
                    Err(AppError::invalid(
                        "format",
                        format!(
                            "unknown format '{f}'; use one of {}",
                            InterviewFormat::KNOWN.join(", ")
                        ),
                    ))
                }
            })
            .transpose()?;
        self.write(|tx| {
            tx.summary(format!("interview set {id}"));
            tx.plan_of(id)?;
            let mut interview = tx.store.interview(id)?;
            let zone = match &changes.time_zone {
                Some(tz) => place::time_zone("tz", tz)?,
                None => interview.time_zone.clone(),
            };
            match &changes.at {
                Some(at) => interview.start = when::instant("at", at, &zone)?,
                None if changes.time_zone.is_some() => {
                    // The same wall-clock time, now meant in the new zone.
                    let old = jiff::tz::TimeZone::get(&interview.time_zone)
                        .map_err(|e| AppError::invalid("tz", e.to_string()))?;
                    let local = interview.start.to_zoned_datetime(old);
                    let local = local.strftime("%Y-%m-%dT%H:%M").to_string();
                    interview.start = when::instant("tz", &local, &zone)?;
                }
                None => {}
            }
            interview.time_zone = zone;
            if let Some(format) = format {
                interview.format = format;
            }
            if let Some(minutes) = changes.duration_minutes {
                crate::capture::check_duration(minutes)?;
                interview.duration_minutes = minutes;
            }
            if let Some(location) = &changes.location {
                interview.location = location.trim().to_string();
            }
            for gone in &changes.remove_interviewers {
                if !interview.interviewer_ids.contains(gone) {
                    return Err(AppError::invalid(
                        "remove-interviewer",
                        format!("{gone} is not on this interview's panel"),
                    ));
                }
                interview.leave_panel(gone);
            }
            for new in &changes.add_interviewers {
                tx.store.contact(new)?;
                if !interview.interviewer_ids.contains(new) {
                    interview.interviewer_ids.push(new.clone());
                }
            }
            tx.update_interview(&interview)
        })
    }

    pub fn change_call(&mut self, id: &str, changes: CallChanges) -> Result<CallRecord> {
        let now = self.now();
        self.write(|tx| {
            tx.summary(format!("call set {id}"));
            let mut call = tx.store.call(id)?;
            tx.plan_of(&call.interview_id)?;
            tx.keep_call(id)?;
            if let Some(outcome) = &changes.outcome {
                let outcome = CallOutcome::from(outcome.as_str());
                if !outcome.is_known() {
                    return Err(AppError::invalid(
                        "outcome",
                        format!(
                            "unknown outcome; use one of {}",
                            CallOutcome::KNOWN.join(", ")
                        ),
                    ));
                }
                call.outcome = outcome;
            }
            if let Some(at) = &changes.at {
                let zone = tx.store.profile()?.unwrap_or_default().time_zone;
                call.at = at.read("at", &zone, now)?.0;
            }
            if let Some(text) = changes.callback.as_deref().map(str::trim) {
                call.callback = match text {
                    "" => None,
                    text => {
                        let zone = match &changes.callback_tz {
                            Some(tz) => place::time_zone("callback-tz", tz)?,
                            None => their_zone(tx.store, &call)?,
                        };
                        Some(when::instant("callback", text, &zone)?)
                    }
                };
            }
            if let Some(date) = changes.decide_by.as_deref().map(str::trim) {
                call.decide_by = match date {
                    "" => None,
                    d => Some(when::date("decide-by", d)?),
                };
            }
            if let Some(note) = &changes.note {
                call.note = note.trim().to_string();
            }
            Ok(tx.store.update_call(&call)?)
        })
    }

    /// What deleting `target` would take with it.
    pub fn delete_preview(&mut self, target: &Target) -> Result<DeletePreview> {
        let store = &mut self.store;
        let mut p = DeletePreview::default();
        let interviews: Vec<String> = match target {
            Target::Application(id) => {
                let app = store.application(id)?;
                p.what = format!("application {id} ({} – {})", app.company, app.role);
                store.interview_ids_for_application(id)?
            }
            Target::Interview(id) => {
                let interview = store.interview(id)?;
                let app = store.application(&interview.application_id)?;
                p.what = format!("interview {id} ({} – {})", app.company, app.role);
                vec![id.clone()]
            }
            Target::Contact(id) => {
                let contact = store.contact(id)?;
                p.what = format!("contact {id} ({})", contact.full_name);
                p.panels = store.interview_ids_for_contact(id)?.len();
                for d in store.drafts(None, Page::ALL)? {
                    if d.recipient_id.as_deref() == Some(id.as_str()) && handed_over(store, &d.id)?
                    {
                        p.sent.push(d.id);
                    }
                }
                Vec::new()
            }
            Target::Call(id) => {
                let call = store.call(id)?;
                p.what = format!("call {id} ({}, {})", call.outcome, call.at);
                Vec::new()
            }
            Target::Draft(id) => {
                let draft = store.draft(id)?;
                p.what = format!("draft {id} ({} {})", draft.kind, draft.channel);
                if handed_over(store, id)? {
                    p.sent.push(id.clone());
                }
                Vec::new()
            }
        };
        p.interviews = match target {
            Target::Application(_) => interviews.len(),
            _ => 0,
        };
        for interview in &interviews {
            p.steps += store.steps(interview)?.len();
            p.calls += store.calls(interview)?.len();
            for d in store.drafts(Some(interview), Page::ALL)? {
                p.drafts += 1;
                if handed_over(store, &d.id)? {
                    p.sent.push(d.id);
                }
            }
        }
        Ok(p)
    }

    /// Deletes `target` and what hangs off it, in one transaction, journaled. A message
    /// handed to the mail server refuses the delete unless `force`; its outbox record is
    /// kept either way.
    pub fn delete(&mut self, target: &Target, force: bool) -> Result<DeletePreview> {
        let preview = self.delete_preview(target)?;
        if !preview.sent.is_empty() && !force {
            return Err(AppError::refused(format!(
                "{} has messages handed to the mail server ({}); delete it with --force (the outbox keeps its record of them)",
                preview.what,
                preview.sent.join(", ")
            )));
        }
        self.write(|tx| {
            tx.summary(format!("{} delete {}", target.kind(), target.id()));
            match target {
                Target::Application(id) => {
                    tx.keep_application(id)?;
                    for interview in tx.store.interview_ids_for_application(id)? {
                        keep_interview_tree(tx, &interview)?;
                    }
                    tx.store.delete_application(id)?;
                }
                Target::Interview(id) => {
                    let application = tx.store.interview(id)?.application_id;
                    keep_interview_tree(tx, id)?;
                    tx.store.delete_interview(id)?;
                    // An earlier round takes the follow-ups back.
                    tx.every_round_of(&application)?;
                }
                Target::Contact(id) => {
                    tx.keep_contact(id)?;
                    for interview in tx.store.interview_ids_for_contact(id)? {
                        tx.keep_interview(&interview)?;
                        tx.plan_of(&interview)?;
                    }
                    for d in tx.store.drafts(None, Page::ALL)? {
                        if d.recipient_id.as_deref() == Some(id.as_str()) {
                            tx.keep_draft(&d.id)?;
                        }
                    }
                    tx.store.delete_contact(id)?;
                }
                Target::Call(id) => {
                    let call = tx.store.call(id)?;
                    tx.plan_of(&call.interview_id)?;
                    tx.keep_call(id)?;
                    tx.store.delete_call(id)?;
                }
                Target::Draft(id) => {
                    tx.keep_draft(id)?;
                    tx.store.delete_draft(id)?;
                }
            }
            Ok(())
        })?;
        Ok(preview)
    }
}

/// Journals an interview with everything that hangs off it, before it goes.
fn keep_interview_tree(tx: &mut crate::write::Tx, id: &str) -> Result<()> {
    tx.keep_interview(id)?;
    tx.keep_plan(id)?;
    for call in tx.store.calls(id)? {
        tx.keep_call(&call.id)?;
    }
    for d in tx.store.drafts(Some(id), Page::ALL)? {
        tx.keep_draft(&d.id)?;
    }
    Ok(())
}

fn handed_over(store: &mut followup_store::Store, draft_id: &str) -> Result<bool> {
    Ok(store
        .outbox_entry(draft_id)?
        .is_some_and(|e| e.state != OutboxState::Failed))
}

fn their_zone(store: &mut followup_store::Store, call: &CallRecord) -> Result<String> {
    let interview = store.interview(&call.interview_id)?;
    let lead = match &call.contact_id {
        Some(id) => store.contact(id).ok(),
        None => None,
    };
    Ok(lead
        .and_then(|c| c.time_zone)
        .unwrap_or(interview.time_zone))
}

fn non_empty(field: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::invalid(field, "must not be empty"));
    }
    Ok(text.to_string())
}

//! Changing what was captured: an application's fields, an interview's time, format and
//! panel, a call's details. Every change replans what it touches and is journaled
//! (`undo`); deleting is deletes.rs.

use crate::steps::WhenYouDid;
use crate::{AppError, Followup, Result};
use followup_core::model::{Application, ApplicationStatus, Interview, InterviewFormat};
use followup_core::plan::{CallOutcome, CallRecord};
use followup_core::{place, said, when};

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
    /// A time they asked for, in their zone unless `callback_tz` (`YYYY-MM-DDTHH:MM` or
    /// words with an hour, "Friday 11am"); empty clears it.
    pub callback: Option<String>,
    pub callback_tz: Option<String>,
    /// YYYY-MM-DD or words ("end of next week"), or empty to clear.
    pub decide_by: Option<String>,
    pub note: Option<String>,
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
                app.source_url = crate::capture::typed_line("url", url)?;
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
                interview.location = crate::capture::typed_line("location", location)?;
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
            if changes.at.is_some() || changes.duration_minutes.is_some() {
                // What followed the interview still follows it at its new time: a call made
                // or a step done before it would be a follow-up made before the interview.
                let over = interview.end();
                let calls = tx
                    .store
                    .calls(id)?
                    .into_iter()
                    .map(|c| (c.at, format!("the call {} was made", c.id)));
                let steps = tx.store.steps(id)?.into_iter().filter_map(|s| {
                    let at = s
                        .done_at
                        .filter(|_| s.state == followup_core::plan::StepState::Done)?;
                    Some((at, format!("step {} was done", s.id)))
                });
                let first = calls.chain(steps).min_by_key(|(at, _)| *at);
                if let Some((at, what)) = first.filter(|(at, _)| *at < over) {
                    let zone = tx.store.profile()?.unwrap_or_default().time_zone;
                    return Err(AppError::invalid(
                        "at",
                        format!(
                            "{what} at {}, before the interview would be over ({}): what \
                             follows an interview comes after it; correct or take back that one first",
                            when::shown_in(at, &zone),
                            when::shown_in(over, &zone)
                        ),
                    ));
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
                let interview = tx.store.interview(&call.interview_id)?;
                interview.followed_at(call.at, "at", true, &zone, "a follow-up call")?;
            }
            // An empty text clears; words in either ("Thursday 3pm", "end of next week")
            // are read from the call's day in their zone, in the employer's working days,
            // loaded once for both.
            let callback = changes.callback.as_deref().map(str::trim);
            let decide_by = changes.decide_by.as_deref().map(str::trim);
            if callback == Some("") {
                call.callback = None;
            }
            if decide_by == Some("") {
                call.decide_by = None;
            }
            let callback = callback.filter(|t| !t.is_empty());
            let decide_by = decide_by.filter(|t| !t.is_empty());
            if callback.is_some() || decide_by.is_some() {
                let theirs = their_zone(tx.store, &call)?;
                let interview = tx.store.interview(&call.interview_id)?;
                let mut planner = crate::planner::Planner::load(tx.store)?;
                let locale = planner.profile.locale.clone();
                let days = planner.employer_days(tx.store, &interview)?;
                if let Some(text) = callback {
                    let zone = match &changes.callback_tz {
                        Some(tz) => place::time_zone("callback-tz", tz)?,
                        None => theirs.clone(),
                    };
                    call.callback = Some(when::instant_in_words(
                        "callback", text, &zone, call.at, days, &locale,
                    )?);
                }
                if let Some(text) = decide_by {
                    let said_on = when::day_in(call.at, &theirs);
                    call.decide_by =
                        Some(said::given_date("decide-by", text, said_on, days, &locale)?);
                }
            }
            if let Some(note) = &changes.note {
                call.note = note.trim().to_string();
            }
            Ok(tx.store.update_call(&call)?)
        })
    }
}

fn their_zone(store: &mut followup_store::Store, call: &CallRecord) -> Result<String> {
    let interview = store.interview(&call.interview_id)?;
    let lead = match &call.contact_id {
        Some(id) => store.contact(id).ok(),
        None => None,
    };
    Ok(followup_core::contact::their_zone(
        lead.as_ref(),
        &interview.time_zone,
    ))
}

fn non_empty(field: &str, text: &str) -> Result<String> {
    let text = crate::capture::typed_line(field, text)?;
    if text.is_empty() {
        return Err(AppError::invalid(field, "must not be empty"));
    }
    Ok(text)
}

//! Drafts: composed from templates for an interview, checked (tone, content, and the
//! cadence guard), stored, edited and approved. Approval is of the exact text the user
//! saw; any change clears it (the store's rule). Composing them is drafts/composing.rs.

mod composing;
pub use composing::DraftRequest;

use crate::journal::Kind;
use crate::planner::cadence_problems;
use crate::step_view::{Zone, window};
use crate::{AppError, Done, DraftState, Followup, Result, Warning};
use followup_core::cadence::Purpose;
use followup_core::compose::{self, Channel, ComposeInput, Draft, DraftKind, Situation};
use followup_core::model::Contact;
use followup_core::plan::{CallOutcome, StepKind, StepState};
use followup_core::private::{self, Source};
use followup_core::skills;
use followup_core::tone::{Checker, Finding, Level};
use followup_store::Page;
use jiff::Timestamp;
use serde::Serialize;

/// A draft with its findings (the `--json` shape, documented in the README).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftView {
    pub id: String,
    pub kind: DraftKind,
    pub channel: Channel,
    pub interview_id: String,
    pub recipient_id: Option<String>,
    pub subject: Option<String>,
    pub body: String,
    pub approved: bool,
    /// "Name <address>" for an email, the name otherwise; empty without a recipient.
    pub recipient: String,
    pub state: DraftState,
    pub findings: Vec<Finding>,
    /// Where each sentence came from: the template, or an input you wrote.
    pub sources: Vec<Source>,
    /// While the interview is still to come, when it is over: a message that follows it
    /// is not sent (nor recorded as sent) before then. `None` once it is over.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub not_before: Option<jiff::Timestamp>,
    #[serde(skip)]
    pub draft: Draft,
}

/// The approval policy: a draft with error findings is approved only with a reason
/// (returned trimmed). Front ends call it before asking for a yes; `approve` again.
pub fn may_approve(view: &DraftView, override_reason: Option<&str>) -> Result<Option<String>> {
    let errors = view
        .findings
        .iter()
        .filter(|f| f.level == Level::Error)
        .count();
    let reason = override_reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    if errors > 0 && reason.is_none() {
        return Err(AppError::NeedsOverride {
            draft_id: view.id.clone(),
            errors,
        });
    }
    Ok(reason)
}

impl Followup {
    /// Drafts, newest first, optionally for one interview.
    pub fn drafts(&mut self, interview_id: Option<&str>, page: Page) -> Result<Vec<Draft>> {
        Ok(self.store.drafts(interview_id, page)?)
    }

    /// Drafts with their findings.
    pub fn draft_views(
        &mut self,
        interview_id: Option<&str>,
        page: Page,
    ) -> Result<Vec<DraftView>> {
        let drafts = self.store.drafts(interview_id, page)?;
        let checker = self.checker(None, Vec::new(), Vec::new())?.value;
        drafts.into_iter().map(|d| self.view(&checker, d)).collect()
    }

    /// One draft with its findings.
    pub fn draft(&mut self, id: &str) -> Result<DraftView> {
        let draft = self.store.draft(id)?;
        let checker = self.checker(None, Vec::new(), Vec::new())?.value;
        self.view(&checker, draft)
    }

    /// Replaces a draft's text (as edited: "Subject: …" first for emails); an approval
    /// no longer matching is cleared. Returns it checked again.
    pub fn edit_draft(&mut self, id: &str, text: &str) -> Result<DraftView> {
        let now = self.now();
        let draft = self.write(|tx| {
            tx.summary(format!("draft edit {id}"));
            tx.keep_draft(id)?;
            let mut draft = tx.store.draft(id)?;
            put_text(&mut draft, text);
            draft.updated_at = now;
            Ok(tx.store.update_draft(&draft)?)
        })?;
        let checker = self.checker(None, Vec::new(), Vec::new())?.value;
        self.view(&checker, draft)
    }

    /// The draft as it would be with `text`, checked, and nothing saved: what an editor
    /// shows while the user types.
    pub fn preview_edit(&mut self, id: &str, text: &str) -> Result<DraftView> {
        let mut draft = self.store.draft(id)?;
        put_text(&mut draft, text);
        let checker = self.checker(None, Vec::new(), Vec::new())?.value;
        self.view(&checker, draft)
    }

    /// For a thank-you draft, the two of your skills its job description asks for most,
    /// each with what it matched and why it scored so (what the draft names unless you
    /// chose others); nothing for other drafts.
    pub fn skills_for_draft(&mut self, id: &str) -> Result<Vec<skills::SkillMatch>> {
        let draft = self.store.draft(id)?;
        if draft.kind != DraftKind::ThankYou {
            return Ok(Vec::new());
        }
        let interview = self.store.interview(&draft.interview_id)?;
        let app = self.store.application(&interview.application_id)?;
        let profile = self.store.profile()?.unwrap_or_default();
        Ok(skills::rank(&profile.skills, &app.job_description, 2))
    }

    /// Approves `seen`, the exact text the user was shown: refused if the draft changed
    /// since, or if it has error findings and no `override_reason`.
    pub fn approve(
        &mut self,
        id: &str,
        seen: &str,
        override_reason: Option<&str>,
    ) -> Result<DraftView> {
        let checker = self.checker(None, Vec::new(), Vec::new())?.value;
        let stored = self.store.draft(id)?;
        let view = self.view(&checker, stored)?;
        let reason = may_approve(&view, override_reason)?;
        let now = self.now();
        let draft = self.write(|tx| {
            tx.summary(format!("approve {id}"));
            tx.keep_draft(id)?;
            let mut draft = tx.store.draft(id)?;
            if draft.full_text() != seen {
                return Err(AppError::refused(format!(
                    "{id} changed since it was shown; look at it again before approving"
                )));
            }
            draft.approved_text = Some(seen.to_string());
            draft.approved_at = Some(now);
            draft.override_reason = reason;
            Ok(tx.store.update_draft(&draft)?)
        })?;
        self.view(&checker, draft)
    }

    /// The behaviour rules for a text about to go to this interview's employer: would
    /// getting in touch now break the cadence (before the date they gave, within 72
    /// hours, too soon, one follow-up too many)? A text is judged as a new follow-up,
    /// unless the plan's next step is part of an earlier contact (the email after a
    /// voicemail, a call at the time they asked for). A note asking for feedback is
    /// judged as such when drafted with `draft feedback`.
    pub fn behaviour_findings(&mut self, interview_id: &str) -> Result<Vec<Finding>> {
        let now = self.now();
        let purpose = self
            .store
            .steps(interview_id)?
            .iter()
            .filter(|s| s.state == StepState::Pending)
            .map(|s| Purpose::of_step(&s.kind, &s.key))
            .find(|p| matches!(p, Purpose::AfterVoicemail | Purpose::Agreed))
            .unwrap_or(Purpose::FollowUp);
        Ok(
            cadence_problems(&mut self.store, interview_id, now, purpose)?
                .iter()
                .map(|p| p.to_finding())
                .collect(),
        )
    }

    /// What `text`, written for this interview, says that its facts contradict:
    /// another company you applied to named in it (a note copied from one for another),
    /// a name greeted that is not the recipient's (when `recipient_id` says who it is
    /// for), and a day you met that is not the interview's, as the reader lived it (the
    /// recipient's zone, else the lead interviewer's).
    pub fn facts_findings(
        &mut self,
        interview_id: &str,
        text: &str,
        recipient_id: Option<&str>,
    ) -> Result<Vec<Finding>> {
        let interview = self.store.interview(interview_id)?;
        let app = self.store.application(&interview.application_id)?;
        self.facts(&interview, &app, text, recipient_id)
    }

    fn facts(
        &mut self,
        interview: &followup_core::model::Interview,
        app: &followup_core::model::Application,
        text: &str,
        recipient_id: Option<&str>,
    ) -> Result<Vec<Finding>> {
        let mut findings =
            compose::other_company_findings(text, &app.company, &self.store.companies()?);
        let panel = self.store.contacts_by_ids(&interview.interviewer_ids)?;
        let recipient = match recipient_id {
            Some(id) => self.store.contact(id).ok(),
            None => None,
        };
        if let Some(recipient) = &recipient {
            findings.extend(compose::greeting_findings(text, recipient, &panel));
        }
        // The day drafts name: the interview's as the reader (else the lead) lived it.
        let day = interview.day_for(recipient.as_ref().or(panel.first()));
        findings.extend(compose::meeting_day_findings(text, day));
        Ok(findings)
    }

    /// When a draft makes its contact, as the behaviour rules judge it: an email or a
    /// letter could go now; what you say on the phone (a call script, a voicemail) is
    /// said on the call, so at its step's time when that is later.
    fn used_at(&mut self, d: &Draft) -> Result<Timestamp> {
        let now = self.now();
        if !d.kind.said_on_the_call() {
            return Ok(now);
        }
        let step_start = match &d.step_id {
            Some(id) => self.store.step(id).ok().map(|s| s.start),
            None => None,
        };
        Ok(step_start.map_or(now, |start| start.max(now)))
    }

    /// What a draft's contact is for: its step's purpose, else its kind's.
    fn draft_purpose(&mut self, d: &Draft) -> Result<Purpose> {
        if let Some(step_id) = &d.step_id
            && let Ok(step) = self.store.step(step_id)
        {
            return Ok(Purpose::of_step(&step.kind, &step.key));
        }
        Ok(match d.kind {
            DraftKind::ThankYou => Purpose::NotAFollowUp,
            DraftKind::Feedback => Purpose::Feedback,
            _ => Purpose::FollowUp,
        })
    }

    fn view(&mut self, checker: &Checker, d: Draft) -> Result<DraftView> {
        let profile = self.store.profile()?.unwrap_or_default();
        let mut findings = checker.check(&d.full_text(), &profile.locale.tag());
        if !d.kind.judged_for_length() {
            findings.retain(|f| !f.rule.starts_with("Length."));
        }
        let inputs = self.inputs_of(&d.interview_id)?;
        findings.extend(inputs.leaks(&d.full_text()));
        let sources = private::sources(&d.body, &inputs.all());
        findings.extend(compose::callback_findings(&d.kind, &profile.phone));
        findings.extend(compose::placeholder_findings(&d.full_text()));
        let interview = self.store.interview(&d.interview_id)?;
        let app = self.store.application(&interview.application_id)?;
        findings.extend(self.facts(&interview, &app, &d.full_text(), d.recipient_id.as_deref())?);
        if d.kind == DraftKind::ThankYou {
            // Any of your skills named will do: you may have chosen them (--skills).
            let names: Vec<String> = profile.skills.iter().map(|s| s.name.clone()).collect();
            let yours = skills::chosen(&profile.skills, &names).unwrap_or_default();
            findings.extend(compose::content_findings(
                &d.body,
                &app.role,
                &app.company,
                &yours,
            ));
        }
        let (recipient, state) = self.standing(&d)?;
        // Once it went out, the cadence is history: the rules judge what is still to send.
        if d.kind != DraftKind::ThankYou
            && matches!(
                state,
                DraftState::Draft | DraftState::Approved | DraftState::Failed
            )
        {
            let purpose = self.draft_purpose(&d)?;
            let when = self.used_at(&d)?;
            findings.extend(
                cadence_problems(&mut self.store, &d.interview_id, when, purpose)?
                    .iter()
                    .map(|p| p.to_finding()),
            );
        }
        Ok(DraftView {
            recipient,
            state,
            id: d.id.clone(),
            kind: d.kind.clone(),
            channel: d.channel.clone(),
            interview_id: d.interview_id.clone(),
            recipient_id: d.recipient_id.clone(),
            subject: d.subject.clone(),
            body: d.body.clone(),
            approved: d.is_approved(),
            findings,
            sources,
            not_before: Some(interview.end()).filter(|end| self.now() < *end),
            draft: d,
        })
    }
}

/// Puts an edited text into a draft: an email's text starts "Subject: …".
fn put_text(draft: &mut Draft, text: &str) {
    match text.strip_prefix("Subject:") {
        Some(rest) if draft.subject.is_some() => {
            let (subject, body) = rest.split_once('\n').unwrap_or((rest, ""));
            draft.subject = Some(subject.trim().to_string());
            draft.body = body.trim_start_matches('\n').to_string();
        }
        _ => draft.body = text.to_string(),
    }
}

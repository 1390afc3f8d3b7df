//! What happened, as people look back on it: the calls made with their notes, and the
//! drafts with whom they are for and how far they got.

use crate::{Followup, Result};
use followup_core::compose::{Channel, Draft};
use followup_core::outbox::OutboxState;
use followup_core::plan::CallRecord;
use followup_store::Page;
use serde::Serialize;
use std::collections::HashMap;

/// A call with the application and person it was about.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallView {
    #[serde(flatten)]
    pub call: CallRecord,
    /// "Company – Role"
    pub application: String,
    pub person: String,
}

/// How far a draft got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DraftState {
    /// Written, not approved (or edited since).
    Draft,
    /// Its exact text approved; not handed to the mail server.
    Approved,
    /// Being handed to the mail server now.
    Sending,
    /// The server accepted it (or you said it went another way).
    Sent,
    /// The server refused it; it can be sent again.
    Failed,
    /// Whether it arrived is not known: `outbox resolve` says.
    Unknown,
}

impl DraftState {
    pub fn as_str(&self) -> &'static str {
        match self {
            DraftState::Draft => "draft",
            DraftState::Approved => "approved",
            DraftState::Sending => "sending",
            DraftState::Sent => "sent",
            DraftState::Failed => "failed",
            DraftState::Unknown => "unknown",
        }
    }
}

/// A draft as listed: who it is for and where it stands.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftSummary {
    #[serde(flatten)]
    pub draft: Draft,
    /// The person's name (their address for an email), or empty when it has no
    /// recipient yet.
    pub recipient: String,
    pub state: DraftState,
}

impl Followup {
    /// Calls, oldest first: one interview's, or all of them.
    pub fn call_list(&mut self, interview_id: Option<&str>) -> Result<Vec<CallView>> {
        let calls = match interview_id {
            Some(id) => {
                self.store.interview(id)?;
                self.store.calls(id)?
            }
            None => {
                let mut all = self.store.all_calls()?;
                all.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
                all
            }
        };
        let mut interviews: Vec<String> = calls.iter().map(|c| c.interview_id.clone()).collect();
        interviews.sort();
        interviews.dedup();
        let applications = self.interview_applications(&interviews)?;
        let people = self.people(calls.iter().filter_map(|c| c.contact_id.clone()))?;
        Ok(calls
            .into_iter()
            .map(|call| CallView {
                application: applications
                    .get(&call.interview_id)
                    .cloned()
                    .unwrap_or_default(),
                person: call
                    .contact_id
                    .as_ref()
                    .and_then(|c| people.get(c))
                    .map(|c| c.0.clone())
                    .unwrap_or_default(),
                call,
            })
            .collect())
    }

    /// Drafts, newest first, with recipient and state.
    pub fn draft_list(
        &mut self,
        interview_id: Option<&str>,
        page: Page,
    ) -> Result<Vec<DraftSummary>> {
        let drafts = self.store.drafts(interview_id, page)?;
        drafts
            .into_iter()
            .map(|draft| {
                let (recipient, state) = self.standing(&draft)?;
                Ok(DraftSummary {
                    draft,
                    recipient,
                    state,
                })
            })
            .collect()
    }

    /// Whom a draft is for ("Name <address>" for an email) and how far it got.
    pub(crate) fn standing(&mut self, draft: &Draft) -> Result<(String, DraftState)> {
        let state = match self.store.outbox_entry(&draft.id)?.map(|e| e.state) {
            Some(OutboxState::Sent) => DraftState::Sent,
            Some(OutboxState::Sending) => DraftState::Sending,
            Some(OutboxState::Failed) => DraftState::Failed,
            Some(_) => DraftState::Unknown,
            None if draft.is_approved() => DraftState::Approved,
            None => DraftState::Draft,
        };
        let recipient = match &draft.recipient_id {
            Some(id) => {
                let people = self.people(std::iter::once(id.clone()))?;
                match people.get(id) {
                    Some((name, Some(email))) if draft.channel == Channel::Email => {
                        format!("{name} <{email}>")
                    }
                    Some((name, _)) => name.clone(),
                    None => String::new(),
                }
            }
            None => String::new(),
        };
        Ok((recipient, state))
    }

    /// "Company – Role" for each interview.
    fn interview_applications(
        &mut self,
        interview_ids: &[String],
    ) -> Result<HashMap<String, String>> {
        let mut out = HashMap::new();
        for id in interview_ids {
            let interview = self.store.interview(id)?;
            let app = self.store.application(&interview.application_id)?;
            out.insert(id.clone(), format!("{} – {}", app.company, app.role));
        }
        Ok(out)
    }

    /// Each contact's name and first email address.
    fn people(
        &mut self,
        ids: impl Iterator<Item = String>,
    ) -> Result<HashMap<String, (String, Option<String>)>> {
        let mut ids: Vec<String> = ids.collect();
        ids.sort();
        ids.dedup();
        Ok(self
            .store
            .contacts_by_ids(&ids)?
            .into_iter()
            .map(|c| {
                let email = c.emails.first().map(|e| e.value.clone());
                (c.id.clone(), (c.full_name.clone(), email))
            })
            .collect())
    }
}

//! The rows of messages: drafts and the outbox.

use super::{instant, seconds};
use crate::StoreError;
use crate::schema::*;
use diesel::prelude::*;
use followup_core::compose::{Channel, Draft, DraftKind};
use followup_core::outbox::{OutboxEntry, OutboxState};

#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = drafts, treat_none_as_null = true)]
pub struct DraftRow {
    pub id: String,
    pub interview_id: String,
    pub step_id: Option<String>,
    pub kind: String,
    pub channel: String,
    pub recipient_id: Option<String>,
    pub subject: Option<String>,
    pub body: String,
    pub approved_text: Option<String>,
    pub approved_at: Option<i64>,
    pub override_reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl From<&Draft> for DraftRow {
    fn from(d: &Draft) -> Self {
        Self {
            id: d.id.clone(),
            interview_id: d.interview_id.clone(),
            step_id: d.step_id.clone(),
            kind: d.kind.to_string(),
            channel: d.channel.to_string(),
            recipient_id: d.recipient_id.clone(),
            subject: d.subject.clone(),
            body: d.body.clone(),
            approved_text: d.approved_text.clone(),
            approved_at: d.approved_at.map(seconds),
            override_reason: d.override_reason.clone(),
            created_at: seconds(d.created_at),
            updated_at: seconds(d.updated_at),
        }
    }
}

impl DraftRow {
    pub fn into_model(self) -> Result<Draft, StoreError> {
        let t = "drafts";
        Ok(Draft {
            approved_at: self
                .approved_at
                .map(|s| instant(s, t, &self.id))
                .transpose()?,
            created_at: instant(self.created_at, t, &self.id)?,
            updated_at: instant(self.updated_at, t, &self.id)?,
            kind: DraftKind::from(self.kind.as_str()),
            channel: Channel::from(self.channel.as_str()),
            interview_id: self.interview_id,
            step_id: self.step_id,
            recipient_id: self.recipient_id,
            subject: self.subject,
            body: self.body,
            approved_text: self.approved_text,
            override_reason: self.override_reason,
            id: self.id,
        })
    }
}

#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = outbox, treat_none_as_null = true)]
pub struct OutboxRow {
    pub id: String,
    pub draft_id: String,
    pub message_id: String,
    pub recipient: String,
    pub state: String,
    pub attempts: i32,
    pub last_error: String,
    pub sent_text: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
    pub claimed_by: String,
    pub lease_until: Option<i64>,
}

impl From<&OutboxEntry> for OutboxRow {
    fn from(e: &OutboxEntry) -> Self {
        Self {
            id: e.id.clone(),
            draft_id: e.draft_id.clone(),
            message_id: e.message_id.clone(),
            recipient: e.recipient.clone(),
            state: e.state.to_string(),
            attempts: e.attempts as i32,
            last_error: e.last_error.clone(),
            sent_text: e.sent_text.clone(),
            created_at: seconds(e.created_at),
            updated_at: seconds(e.updated_at),
            sent_at: e.sent_at.map(seconds),
            claimed_by: e.claimed_by.clone(),
            lease_until: e.lease_until.map(seconds),
        }
    }
}

impl OutboxRow {
    pub fn into_model(self) -> Result<OutboxEntry, StoreError> {
        let t = "outbox";
        Ok(OutboxEntry {
            created_at: instant(self.created_at, t, &self.id)?,
            updated_at: instant(self.updated_at, t, &self.id)?,
            sent_at: self.sent_at.map(|s| instant(s, t, &self.id)).transpose()?,
            lease_until: self
                .lease_until
                .map(|s| instant(s, t, &self.id))
                .transpose()?,
            claimed_by: self.claimed_by,
            state: OutboxState::from(self.state.as_str()),
            attempts: self.attempts.max(0) as u32,
            draft_id: self.draft_id,
            message_id: self.message_id,
            recipient: self.recipient,
            last_error: self.last_error,
            sent_text: self.sent_text,
            id: self.id,
        })
    }
}

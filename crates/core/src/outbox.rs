//! The outbox's rules: a draft goes out only if its exact text is approved, only by
//! email, and at most once. A message whose last attempt may have reached the server is
//! never sent again without the user saying so.

use crate::compose::{Channel, Draft};
use serde::{Deserialize, Serialize};

open_enum!(
    /// Where a message stands. `sending` is written before the server is contacted; a
    /// `sending` row found later means a crash mid-send, and counts as `unknown`.
    OutboxState {
        Sending => "sending",
        Sent => "sent",
        Failed => "failed",
        Unknown => "unknown",
    }
);

/// A message handed, or about to be handed, to the mail server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub id: String,
    pub draft_id: String,
    pub message_id: String,
    pub recipient: String,
    pub state: OutboxState,
    pub attempts: u32,
    #[serde(default)]
    pub last_error: String,
    /// The exact text that was (being) sent.
    pub sent_text: String,
    pub created_at: jiff::Timestamp,
    pub updated_at: jiff::Timestamp,
    #[serde(default)]
    pub sent_at: Option<jiff::Timestamp>,
}

/// Why a draft may not be sent now, or `Ok` when it may.
pub fn may_send(draft: &Draft, entry: Option<&OutboxEntry>) -> Result<(), String> {
    if draft.channel != Channel::Email {
        return Err(format!(
            "{} is a {} draft: only emails are sent (`followup letter` prints a letter)",
            draft.id, draft.channel
        ));
    }
    if !draft.is_approved() {
        let why = if draft.approved_text.is_some() {
            "it changed after it was approved"
        } else {
            "it is not approved"
        };
        return Err(format!(
            "{} cannot be sent: {why}; `followup approve {}` first",
            draft.id, draft.id
        ));
    }
    match entry.map(|e| &e.state) {
        Some(OutboxState::Sent) => Err(format!(
            "{} was sent already ({}); it is never sent twice",
            draft.id,
            entry.map(|e| e.message_id.as_str()).unwrap_or_default()
        )),
        Some(OutboxState::Unknown | OutboxState::Sending) => Err(format!(
            "the last attempt to send {} may have reached the server: look in your Sent folder or ask, \
             then `followup outbox resolve {} sent` or `… resend`",
            draft.id, draft.id
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::DraftKind;
    use jiff::Timestamp;

    fn draft(channel: Channel, approved: bool) -> Draft {
        let mut d = Draft {
            id: "draft-1".into(),
            interview_id: "int-1".into(),
            step_id: None,
            kind: DraftKind::ThankYou,
            channel,
            recipient_id: None,
            subject: Some("Thanks".into()),
            body: "Dear Ms Patel".into(),
            approved_text: None,
            approved_at: None,
            override_reason: None,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
        };
        if approved {
            d.approved_text = Some(d.full_text());
        }
        d
    }

    fn entry(state: OutboxState) -> OutboxEntry {
        OutboxEntry {
            id: "out-1".into(),
            draft_id: "draft-1".into(),
            message_id: "<m@x>".into(),
            recipient: "p@acme.test".into(),
            state,
            attempts: 1,
            last_error: String::new(),
            sent_text: String::new(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            sent_at: None,
        }
    }

    #[test]
    fn only_approved_unsent_emails_go() {
        assert!(may_send(&draft(Channel::Email, true), None).is_ok());
        assert!(
            may_send(
                &draft(Channel::Email, true),
                Some(&entry(OutboxState::Failed))
            )
            .is_ok()
        );
        assert!(
            may_send(&draft(Channel::Email, false), None)
                .unwrap_err()
                .contains("not approved")
        );
        let mut edited = draft(Channel::Email, true);
        edited.body.push_str(" and more");
        assert!(
            may_send(&edited, None)
                .unwrap_err()
                .contains("changed after it was approved")
        );
        assert!(
            may_send(&draft(Channel::Letter, true), None)
                .unwrap_err()
                .contains("letter")
        );
        for state in [
            OutboxState::Sent,
            OutboxState::Unknown,
            OutboxState::Sending,
        ] {
            assert!(may_send(&draft(Channel::Email, true), Some(&entry(state))).is_err());
        }
    }
}

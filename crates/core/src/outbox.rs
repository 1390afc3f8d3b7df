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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: jiff::Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: jiff::Timestamp,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub sent_at: Option<jiff::Timestamp>,
    /// While `sending`: who holds the send (host, process, a random part) and until when.
    /// A claim past its lease, or whose process is gone, is a crash.
    #[serde(default)]
    pub claimed_by: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub lease_until: Option<jiff::Timestamp>,
}

/// Why a draft may not be sent now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendRefused {
    #[error("{draft_id} is a {channel} draft: only emails are sent")]
    NotEmail { draft_id: String, channel: Channel },
    #[error("{draft_id} is not approved")]
    NotApproved { draft_id: String },
    #[error("{draft_id} changed after it was approved")]
    ChangedAfterApproval { draft_id: String },
    #[error("{draft_id} was sent already ({message_id}); it is never sent twice")]
    AlreadySent {
        draft_id: String,
        message_id: String,
    },
    #[error("the last attempt to send {draft_id} may have reached the server")]
    MayHaveArrived { draft_id: String },
    #[error(
        "{draft_id} is being sent right now by another Followup (until {lease_until} at the latest)"
    )]
    InFlight {
        draft_id: String,
        lease_until: jiff::Timestamp,
    },
}

/// Whether a `sending` row is a send in progress (`live`) or the trace of a crash.
/// `live` is what the caller knows beyond the lease (the claiming process still runs).
pub fn claim_is_live(entry: &OutboxEntry, now: jiff::Timestamp, process_alive: bool) -> bool {
    entry.state == OutboxState::Sending
        && process_alive
        && entry.lease_until.is_some_and(|until| until > now)
}

/// `Ok` when the draft may be sent now. `live_claim` says whether a `sending` row is a
/// send in progress (see [`claim_is_live`]); a dead one counts as `unknown`.
pub fn may_send(
    draft: &Draft,
    entry: Option<&OutboxEntry>,
    live_claim: bool,
) -> Result<(), SendRefused> {
    let draft_id = draft.id.clone();
    if draft.channel != Channel::Email {
        return Err(SendRefused::NotEmail {
            draft_id,
            channel: draft.channel.clone(),
        });
    }
    if !draft.is_approved() {
        return Err(if draft.approved_text.is_some() {
            SendRefused::ChangedAfterApproval { draft_id }
        } else {
            SendRefused::NotApproved { draft_id }
        });
    }
    let Some(entry) = entry else { return Ok(()) };
    match &entry.state {
        OutboxState::Sent => Err(SendRefused::AlreadySent {
            draft_id,
            message_id: entry.message_id.clone(),
        }),
        OutboxState::Sending if live_claim => Err(SendRefused::InFlight {
            draft_id,
            lease_until: entry.lease_until.unwrap_or(entry.updated_at),
        }),
        OutboxState::Unknown | OutboxState::Sending => {
            Err(SendRefused::MayHaveArrived { draft_id })
        }
        _ => Ok(()),
    }
}

/// How far a message has got, for a restore: a restore never moves a message back
/// (a `sent` row read from an older backup as `failed` would be sent again).
pub fn progress(state: &OutboxState) -> u8 {
    match state {
        OutboxState::Failed | OutboxState::Other(_) => 0,
        OutboxState::Sending => 1,
        OutboxState::Unknown => 2,
        OutboxState::Sent => 3,
    }
}

/// Which of a stored outbox row and a backup's copy of it a restore keeps: the backup's
/// only when it has got at least as far.
pub fn restore_keeps_backup(stored: &OutboxEntry, backup: &OutboxEntry) -> bool {
    progress(&backup.state) >= progress(&stored.state)
        && !(stored.state == OutboxState::Sent && backup.state != OutboxState::Sent)
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
            claimed_by: String::new(),
            lease_until: None,
        }
    }

    #[test]
    fn only_approved_unsent_emails_go() {
        assert!(may_send(&draft(Channel::Email, true), None, false).is_ok());
        assert!(
            may_send(
                &draft(Channel::Email, true),
                Some(&entry(OutboxState::Failed)),
                false
            )
            .is_ok()
        );
        assert!(
            may_send(&draft(Channel::Email, false), None, false).unwrap_err()
                == SendRefused::NotApproved {
                    draft_id: "draft-1".into()
                }
        );
        let mut edited = draft(Channel::Email, true);
        edited.body.push_str(" and more");
        assert!(
            may_send(&edited, None, false).unwrap_err()
                == SendRefused::ChangedAfterApproval {
                    draft_id: "draft-1".into()
                }
        );
        assert!(matches!(
            may_send(&draft(Channel::Letter, true), None, false),
            Err(SendRefused::NotEmail { .. })
        ));
        for state in [
            OutboxState::Sent,
            OutboxState::Unknown,
            OutboxState::Sending,
        ] {
            assert!(may_send(&draft(Channel::Email, true), Some(&entry(state)), false).is_err());
        }
    }

    #[test]
    fn a_live_claim_is_in_flight_and_a_dead_one_may_have_arrived() {
        let now = Timestamp::from_second(1_000_000).unwrap();
        let mut e = entry(OutboxState::Sending);
        e.lease_until = Some(now + jiff::SignedDuration::from_secs(60));
        assert!(claim_is_live(&e, now, true));
        assert!(
            !claim_is_live(&e, now, false),
            "the claiming process is gone"
        );
        assert!(!claim_is_live(
            &e,
            now + jiff::SignedDuration::from_secs(61),
            true
        ));
        let d = draft(Channel::Email, true);
        assert!(matches!(
            may_send(&d, Some(&e), true),
            Err(SendRefused::InFlight { .. })
        ));
        assert!(matches!(
            may_send(&d, Some(&e), false),
            Err(SendRefused::MayHaveArrived { .. })
        ));
    }

    #[test]
    fn a_restore_never_moves_a_message_back() {
        let sent = entry(OutboxState::Sent);
        let failed = entry(OutboxState::Failed);
        let unknown = entry(OutboxState::Unknown);
        assert!(!restore_keeps_backup(&sent, &failed));
        assert!(!restore_keeps_backup(&sent, &unknown));
        assert!(!restore_keeps_backup(&unknown, &failed));
        assert!(restore_keeps_backup(&failed, &sent));
        assert!(restore_keeps_backup(&failed, &unknown));
        assert!(restore_keeps_backup(&sent, &sent));
    }
}

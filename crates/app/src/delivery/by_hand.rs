//! What happens outside Followup's own sending: a message you sent yourself (from your
//! mail client, or by post) put on record as sent, and the rule every message keeps,
//! sent here or by hand: it follows the interview, so not before it is over.

use crate::{AppError, Done, Followup, Result};
use followup_core::compose::{Channel, Draft};
use followup_core::outbox::{OutboxEntry, OutboxState};
use jiff::Timestamp;

impl Followup {
    /// Records that you sent a draft yourself (from your mail client, or by post), at
    /// `at` (your time; now when `None`): the outbox keeps it as sent, so Followup never
    /// sends it, and its step is done then.
    pub fn record_sent_elsewhere(
        &mut self,
        draft_id: &str,
        at: Option<crate::WhenYouDid>,
    ) -> Result<Done<Timestamp>> {
        let now = self.now();
        self.write(|tx| {
            tx.summary(format!("draft sent {draft_id}"));
            tx.not_undoable("a message you sent is on record as sent; it cannot be taken back");
            tx.store.lock_draft(draft_id)?;
            let draft = tx.store.draft(draft_id)?;
            let existing = tx.store.outbox_entry(draft_id)?;
            if let Some(e) = existing.as_ref().filter(|e| e.state != OutboxState::Failed) {
                return Err(AppError::refused(format!(
                    "{draft_id} was handed to the mail server already ({}): `followup outbox resolve` settles it",
                    e.state
                )));
            }
            let mut warnings = Vec::new();
            let at = match &at {
                Some(when) => {
                    let zone = tx.store.profile()?.unwrap_or_default().time_zone;
                    let (at, warning) = when.read("at", &zone, now)?;
                    let interview = tx.store.interview(&draft.interview_id)?;
                    interview.followed_at(at, "at", true, &zone, FOLLOWS)?;
                    warnings.extend(warning);
                    at
                }
                None => {
                    let interview = tx.store.interview(&draft.interview_id)?;
                    not_before_it(&interview, "at", now, &zone_of(tx.store)?)?;
                    now
                }
            };
            let recipient = match &draft.recipient_id {
                Some(id) => {
                    let contact = tx.store.contact(id)?;
                    match (&draft.channel, contact.emails.first()) {
                        (Channel::Email, Some(email)) => email.value.clone(),
                        _ => contact.full_name,
                    }
                }
                None => String::new(),
            };
            tx.store.save_outbox(&OutboxEntry {
                id: existing.map(|e| e.id).unwrap_or_default(),
                draft_id: draft.id.clone(),
                message_id: String::new(),
                recipient,
                state: OutboxState::Sent,
                attempts: 0,
                last_error: "sent by you, outside Followup".into(),
                sent_text: draft.full_text(),
                created_at: now,
                updated_at: now,
                sent_at: Some(at),
                claimed_by: String::new(),
                lease_until: None,
            })?;
            tx.complete_draft_step(&draft, at)?;
            Ok(Done::new(at, warnings))
        })
    }

    /// A message follows the interview: sent before it is over, a thank-you thanks them
    /// for a conversation still to come (or the interview's time is wrong, and so is its
    /// plan).
    pub(super) fn interview_is_over(&mut self, draft: &Draft, now: Timestamp) -> Result<()> {
        let interview = self.store.interview(&draft.interview_id)?;
        // Refused, not an invalid value: nothing typed is wrong, the time is.
        not_before_it(&interview, "draft", now, &zone_of(&mut self.store)?).map_err(|e| match e {
            AppError::Invalid(v) => AppError::refused(format!("not sent: {}", v.problem)),
            e => e,
        })
    }
}

/// What a message is, said when one would go before the interview is over.
const FOLLOWS: &str = "a message that follows it";

/// `followed_at` for now: the interview is not over yet. Said with the way out, in case
/// it is the interview's time that is wrong.
fn not_before_it(
    interview: &followup_core::model::Interview,
    field: &str,
    now: Timestamp,
    zone: &str,
) -> Result<()> {
    interview
        .followed_at(now, field, false, zone, FOLLOWS)
        .map_err(|mut e| {
            e.problem.push_str(&format!(
                " (if the interview's time is wrong, `followup interview set {} --at …` mends it)",
                interview.id
            ));
            e.into()
        })
}

/// Your time zone, in which times are shown to you.
fn zone_of(store: &mut followup_store::Store) -> Result<String> {
    Ok(store.profile()?.unwrap_or_default().time_zone)
}

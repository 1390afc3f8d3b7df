//! Delivery: an approved email draft to the user's mail server, exactly once — under
//! crashes, two senders at once, and restores alike; the message for a mail client
//! (.eml, mailto:); the letter as PDF.
//!
//! A send is *claimed* before the server is contacted: in one write transaction (the
//! draft's row locked on PostgreSQL, the single writer on SQLite) the outbox row is read,
//! the rules checked (`followup_core::outbox::may_send`), and the row written `sending`
//! with the claimant and a lease. A second sender then sees a live claim and stops; a
//! claim whose lease passed or whose process is gone is a crash, and becomes `unknown`:
//! it may have arrived, so it is never sent again without the user saying so.

mod by_hand;
mod claim;
mod export;

use crate::{AppError, Done, Followup, Result, Warning};
use claim::{claimant, process_alive};
use followup_core::compose::Draft;
use followup_core::outbox::{self, OutboxEntry, OutboxState};
use followup_mail::{Delivery, Outgoing, build_message, deliver};
use followup_store::Page;
use jiff::{SignedDuration, Timestamp};
use std::time::Duration;

/// Attempts for errors that are safe to retry (nothing was accepted).
const ATTEMPTS: u32 = 3;
/// How long a claim holds without being renewed (it is renewed before every attempt).
const LEASE: SignedDuration = SignedDuration::from_secs(300);

/// A message the server accepted.
#[derive(Debug, Clone)]
pub struct Sent {
    pub draft_id: String,
    pub reply: String,
    pub entry: OutboxEntry,
}

/// What the user found about a message whose fate was unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// It arrived: record it as sent.
    Sent,
    /// It did not: send it again now.
    Resend,
}

impl Followup {
    /// Sends an approved email draft through the configured server, exactly once.
    pub fn send(&mut self, draft_id: &str) -> Result<Done<Sent>> {
        // What is wrong with the draft is said before what is missing from the settings.
        let draft = self.store.draft(draft_id)?;
        let entry = self.store.outbox_entry(draft_id)?;
        // (A `sending` row may be a live claim or a crash: the claim below tells.)
        let now = self.now();
        match outbox::may_send(&draft, entry.as_ref(), true) {
            // A send cut short is settled whenever it is found.
            Err(
                outbox::SendRefused::InFlight { .. } | outbox::SendRefused::MayHaveArrived { .. },
            ) => {}
            Ok(()) => self.interview_is_over(&draft, now)?,
            Err(refused) => return Err(refused.into()),
        }
        let settings = self.smtp_settings()?;
        let me = claimant();
        let claimed = self.write(|tx| {
            tx.store.lock_draft(draft_id)?;
            let draft = tx.store.draft(draft_id)?;
            let entry = tx.store.outbox_entry(draft_id)?;
            let live = entry
                .as_ref()
                .is_some_and(|e| outbox::claim_is_live(e, now, process_alive(&e.claimed_by)));
            if let Some(e) = entry
                .as_ref()
                .filter(|e| e.state == OutboxState::Sending && !live)
            {
                // A crash mid-send: the server may have it.
                let mut e = e.clone();
                e.state = OutboxState::Unknown;
                e.last_error = "interrupted while sending".into();
                e.updated_at = now;
                e.lease_until = None;
                tx.store.save_outbox(&e)?;
            }
            let entry = tx.store.outbox_entry(draft_id)?;
            if let Err(refused) = outbox::may_send(&draft, entry.as_ref(), live) {
                return Ok(Err(refused));
            }
            let attempts = entry.as_ref().map_or(0, |e| e.attempts);
            let outgoing = outgoing(tx.store, &draft, attempts, now)?;
            let message = build_message(&outgoing).map_err(|e| AppError::Mail(e.to_string()))?;
            let entry = tx.store.save_outbox(&OutboxEntry {
                id: entry.as_ref().map(|e| e.id.clone()).unwrap_or_default(),
                draft_id: draft.id.clone(),
                message_id: outgoing.message_id.clone(),
                recipient: outgoing.to_email.clone(),
                state: OutboxState::Sending,
                attempts,
                last_error: String::new(),
                sent_text: draft.full_text(),
                created_at: entry.as_ref().map_or(now, |e| e.created_at),
                updated_at: now,
                sent_at: None,
                claimed_by: me.clone(),
                lease_until: Some(now + LEASE),
            })?;
            Ok(Ok((draft, entry, outgoing, message)))
        })?;
        let (draft, mut entry, outgoing, message) = claimed?;
        let mut warnings = Vec::new();
        let mut delay = self.options.retry_delay.unwrap_or(Duration::from_secs(2));
        for attempt in 1..=ATTEMPTS {
            if attempt > 1 {
                entry.lease_until = Some(self.now() + LEASE);
                entry.updated_at = self.now();
                if !self.store.settle_outbox(&entry, &me)? {
                    warnings.push(Warning::ClaimLost {
                        draft_id: draft.id.clone(),
                    });
                    return Err(AppError::SendRefused(outbox::SendRefused::MayHaveArrived {
                        draft_id: draft.id,
                    }));
                }
            }
            entry.attempts += 1;
            let result = deliver(
                &settings,
                &outgoing.from_email,
                &outgoing.to_email,
                &message,
            );
            match result {
                Delivery::Sent(reply) => {
                    let at = self.now();
                    entry.state = OutboxState::Sent;
                    entry.sent_at = Some(at);
                    entry.last_error = String::new();
                    entry.updated_at = at;
                    entry.lease_until = None;
                    if !self.complete(&draft, &entry, &me, at)? {
                        warnings.push(Warning::ClaimLost {
                            draft_id: draft.id.clone(),
                        });
                    }
                    return Ok(Done::new(
                        Sent {
                            draft_id: draft.id.clone(),
                            reply,
                            entry,
                        },
                        warnings,
                    ));
                }
                Delivery::Retry(why) if attempt < ATTEMPTS => {
                    warnings.push(Warning::Retrying {
                        why: why.clone(),
                        wait: delay,
                    });
                    std::thread::sleep(delay);
                    delay *= 2;
                }
                Delivery::Retry(why) | Delivery::Failed(why) => {
                    entry.state = OutboxState::Failed;
                    entry.last_error = why.clone();
                    entry.updated_at = self.now();
                    entry.lease_until = None;
                    self.store.settle_outbox(&entry, &me)?;
                    return Err(AppError::NotDelivered {
                        draft_id: draft.id,
                        why,
                    });
                }
                Delivery::Unknown(why) => {
                    entry.state = OutboxState::Unknown;
                    entry.last_error = why.clone();
                    entry.updated_at = self.now();
                    entry.lease_until = None;
                    self.store.settle_outbox(&entry, &me)?;
                    return Err(AppError::DeliveryUnknown {
                        draft_id: draft.id,
                        why,
                    });
                }
            }
        }
        unreachable!("the last attempt always settles the state")
    }

    /// Saves the sent entry (if the claim is still ours) and marks the draft's plan step
    /// done, in one transaction; the plan moves on.
    fn complete(
        &mut self,
        draft: &Draft,
        entry: &OutboxEntry,
        me: &str,
        at: Timestamp,
    ) -> Result<bool> {
        self.write(|tx| {
            tx.summary(format!("send {}", draft.id));
            tx.not_undoable("the message was handed to the mail server: it cannot be taken back");
            let ours = tx.store.settle_outbox(entry, me)?;
            if !ours {
                // Whoever holds the row now decides; but a message the server accepted is
                // recorded as sent all the same, so it can never go out again.
                let mut current = tx
                    .store
                    .outbox_entry(&draft.id)?
                    .unwrap_or_else(|| entry.clone());
                if current.state != OutboxState::Sent {
                    current.state = OutboxState::Sent;
                    current.sent_at = Some(at);
                    current.message_id = entry.message_id.clone();
                    current.updated_at = at;
                    tx.store.save_outbox(&current)?;
                }
            }
            tx.complete_draft_step(draft, at)?;
            Ok(ours)
        })
    }

    /// Settles a message whose last attempt may have reached the server. Refused while
    /// another Followup is sending it.
    pub fn resolve(
        &mut self,
        draft_id: &str,
        resolution: Resolution,
    ) -> Result<Done<Option<Sent>>> {
        let now = self.now();
        let entry = self.write(|tx| {
            tx.summary(format!("outbox resolve {draft_id}"));
            tx.not_undoable("what became of a message is recorded as it was found");
            tx.store.lock_draft(draft_id)?;
            tx.store.draft(draft_id)?;
            let mut entry =
                tx.store
                    .outbox_entry(draft_id)?
                    .ok_or_else(|| AppError::NeverHandedOver {
                        draft_id: draft_id.to_string(),
                    })?;
            if outbox::claim_is_live(&entry, now, process_alive(&entry.claimed_by)) {
                return Err(AppError::SendRefused(outbox::SendRefused::InFlight {
                    draft_id: draft_id.to_string(),
                    lease_until: entry.lease_until.unwrap_or(now),
                }));
            }
            if !matches!(entry.state, OutboxState::Unknown | OutboxState::Sending) {
                return Err(AppError::NothingToResolve {
                    draft_id: draft_id.to_string(),
                    state: entry.state,
                });
            }
            if resolution == Resolution::Resend {
                entry.state = OutboxState::Failed;
                entry.last_error = "the user found it was not delivered".into();
                entry.updated_at = now;
                entry.lease_until = None;
                tx.store.save_outbox(&entry)?;
            }
            Ok(entry)
        })?;
        match resolution {
            Resolution::Resend => {
                let sent = self.send(draft_id)?;
                Ok(Done::new(Some(sent.value), sent.warnings))
            }
            Resolution::Sent => {
                let draft = self.store.draft(draft_id)?;
                let at = entry.updated_at;
                let mut entry = entry;
                entry.state = OutboxState::Sent;
                entry.sent_at = Some(at);
                entry.updated_at = now;
                entry.lease_until = None;
                let claim = entry.claimed_by.clone();
                self.complete(&draft, &entry, &claim, at)?;
                Ok(Done::quiet(None))
            }
        }
    }

    /// Messages handed to the mail server, newest first.
    pub fn outbox(&mut self) -> Result<Vec<OutboxEntry>> {
        Ok(self.store.outbox(Page::ALL)?)
    }
}

fn outgoing(
    store: &mut followup_store::Store,
    draft: &Draft,
    attempts: u32,
    now: Timestamp,
) -> Result<Outgoing> {
    let profile = store.profile()?.unwrap_or_default();
    if profile.email.trim().is_empty() {
        return Err(AppError::NoSenderAddress);
    }
    let recipient_id = draft
        .recipient_id
        .as_deref()
        .ok_or_else(|| AppError::NoRecipient {
            draft_id: draft.id.clone(),
        })?;
    let contact = store.contact(recipient_id)?;
    let to = contact
        .primary_email()
        .ok_or_else(|| AppError::NoRecipientAddress {
            contact_id: contact.id.clone(),
            name: contact.full_name.clone(),
        })?;
    let domain = profile
        .email
        .rsplit_once('@')
        .map_or("followup.invalid", |(_, d)| d)
        .trim()
        .to_string();
    Ok(Outgoing {
        from_name: profile.name.clone(),
        from_email: profile.email.clone(),
        to_name: contact.full_name.clone(),
        to_email: to.to_string(),
        subject: draft.subject.clone().unwrap_or_default(),
        body: draft.body.clone(),
        message_id: followup_mail::message_id(
            &format!("{}.{}.{}", draft.id, attempts + 1, now.as_second()),
            &domain,
        ),
        date: now,
    })
}

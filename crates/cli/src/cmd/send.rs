//! `followup send`, `followup outbox` and `followup mail test`: approved drafts to the
//! user's mail server, exactly once.
//!
//! The order matters: the outbox row (state `sending`, with its Message-ID) is committed
//! before the server is contacted; the result is committed after. A crash in between
//! leaves `sending`, which the next attempt treats as "may have been sent" and refuses.

use crate::exit::bad_input;
use crate::planner::{Planner, now};
use crate::{out, smtp};
use clap::Subcommand;
use followup_core::compose::Draft;
use followup_core::outbox::{self, OutboxEntry, OutboxState};
use followup_core::plan::StepState;
use followup_mail::{Delivery, Outgoing, build_message, deliver};
use followup_store::{Page, Store};
use std::time::Duration;

/// Attempts for errors that are safe to retry (nothing was accepted).
const ATTEMPTS: u32 = 3;

#[derive(Subcommand)]
pub enum OutboxCommand {
    /// Messages handed to the mail server, newest first
    List {
        #[arg(long)]
        json: bool,
    },
    /// Settle a message whose last attempt may have reached the server: `sent` (it
    /// arrived) or `resend` (it did not: send it again now)
    Resolve { draft_id: String, outcome: String },
}

#[derive(Subcommand)]
pub enum MailCommand {
    /// Connect, log in and quit, sending nothing: checks the smtp.* settings
    Test,
}

pub fn send(store: &mut Store, draft_id: &str) -> anyhow::Result<()> {
    let draft = store.draft(draft_id)?;
    let mut entry = store.outbox_entry(draft_id)?;
    if let Some(e) = entry.as_mut().filter(|e| e.state == OutboxState::Sending) {
        // A crash mid-send: the server may have it.
        e.state = OutboxState::Unknown;
        e.last_error = "interrupted while sending".into();
        e.updated_at = now();
        store.save_outbox(e)?;
    }
    outbox::may_send(&draft, entry.as_ref()).map_err(bad_input)?;
    let settings = smtp::settings(store)?;
    let outgoing = outgoing(store, &draft, entry.as_ref().map_or(0, |e| e.attempts))?;
    let message = build_message(&outgoing).map_err(|e| bad_input(e.to_string()))?;
    let mut entry = store.save_outbox(&OutboxEntry {
        id: entry.as_ref().map(|e| e.id.clone()).unwrap_or_default(),
        draft_id: draft.id.clone(),
        message_id: outgoing.message_id.clone(),
        recipient: outgoing.to_email.clone(),
        state: OutboxState::Sending,
        attempts: entry.as_ref().map_or(0, |e| e.attempts),
        last_error: String::new(),
        sent_text: draft.full_text(),
        created_at: entry.as_ref().map_or(now(), |e| e.created_at),
        updated_at: now(),
        sent_at: None,
    })?;
    let mut delay = retry_delay();
    for attempt in 1..=ATTEMPTS {
        entry.attempts += 1;
        let result = deliver(
            &settings,
            &outgoing.from_email,
            &outgoing.to_email,
            &message,
        );
        match result {
            Delivery::Sent(reply) => return sent(store, &draft, entry, &reply),
            Delivery::Retry(why) if attempt < ATTEMPTS => {
                eprintln!("followup: {why}; trying again in {} s", delay.as_secs_f32());
                std::thread::sleep(delay);
                delay *= 2;
            }
            Delivery::Retry(why) | Delivery::Failed(why) => {
                entry.state = OutboxState::Failed;
                entry.last_error = why.clone();
                entry.updated_at = now();
                store.save_outbox(&entry)?;
                return Err(bad_input(format!("{} was not sent: {why}", draft.id)));
            }
            Delivery::Unknown(why) => {
                entry.state = OutboxState::Unknown;
                entry.last_error = why.clone();
                entry.updated_at = now();
                store.save_outbox(&entry)?;
                return Err(bad_input(format!(
                    "the connection broke after the message was handed over ({why}): it may have arrived. \
                     Check your Sent folder, then `followup outbox resolve {} sent` or `… resend`",
                    draft.id
                )));
            }
        }
    }
    unreachable!("the last attempt always settles the state")
}

/// Between retries: `FOLLOWUP_SMTP_RETRY_MS` (default 2000), doubling each time.
fn retry_delay() -> Duration {
    let ms = std::env::var("FOLLOWUP_SMTP_RETRY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    Duration::from_millis(ms)
}

fn outgoing(store: &mut Store, draft: &Draft, attempts: u32) -> anyhow::Result<Outgoing> {
    let profile = store.profile()?.unwrap_or_default();
    if profile.email.trim().is_empty() {
        return Err(bad_input(
            "your email address is not set: `followup profile set --email …`",
        ));
    }
    let recipient_id = draft.recipient_id.as_deref().ok_or_else(|| {
        bad_input(format!(
            "{} has no recipient; draft it again with --to CONTACT_ID",
            draft.id
        ))
    })?;
    let contact = store.contact(recipient_id)?;
    let to = contact.primary_email().ok_or_else(|| {
        bad_input(format!(
            "no email address for {}: `followup contact set {} --email …`",
            contact.full_name, contact.id
        ))
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
            &format!("{}.{}.{}", draft.id, attempts + 1, now().as_second()),
            &domain,
        ),
        date: now(),
    })
}

/// The server took it: record that, complete the plan step, move the plan on.
fn sent(
    store: &mut Store,
    draft: &Draft,
    mut entry: OutboxEntry,
    reply: &str,
) -> anyhow::Result<()> {
    let at = now();
    entry.state = OutboxState::Sent;
    entry.sent_at = Some(at);
    entry.last_error = String::new();
    entry.updated_at = at;
    complete(store, draft, entry, at)?;
    out::line(format!("{} sent ({reply})", draft.id))
}

/// Saves the sent entry and marks the draft's plan step done, in one transaction.
fn complete(
    store: &mut Store,
    draft: &Draft,
    entry: OutboxEntry,
    at: jiff::Timestamp,
) -> anyhow::Result<()> {
    let mut planner = Planner::load(store)?;
    store.atomically(|s| {
        s.save_outbox(&entry)?;
        if let Some(step_id) = &draft.step_id {
            let mut step = s.step(step_id)?;
            if step.state == StepState::Pending {
                step.state = StepState::Done;
                step.done_at = Some(at);
                step.sequence += 1;
                step.updated_at = at;
                s.save_steps(vec![step])?;
            }
        }
        planner.replan(s, &draft.interview_id).map(|_| ())
    })
}

pub fn run_outbox(store: &mut Store, command: OutboxCommand) -> anyhow::Result<()> {
    match command {
        OutboxCommand::List { json } => {
            let entries = store.outbox(Page::ALL)?;
            if json {
                return out::json(&entries);
            }
            let rows = entries
                .iter()
                .map(|e| {
                    vec![
                        e.draft_id.clone(),
                        e.state.to_string(),
                        e.recipient.clone(),
                        e.message_id.clone(),
                        e.attempts.to_string(),
                        e.last_error.clone(),
                    ]
                })
                .collect();
            out::table(
                &[
                    "draft",
                    "state",
                    "to",
                    "message-id",
                    "attempts",
                    "last error",
                ],
                rows,
            )
        }
        OutboxCommand::Resolve { draft_id, outcome } => {
            let draft = store.draft(&draft_id)?;
            let mut entry = store.outbox_entry(&draft_id)?.ok_or_else(|| {
                bad_input(format!("{draft_id} was never handed to the mail server"))
            })?;
            if !matches!(entry.state, OutboxState::Unknown | OutboxState::Sending) {
                return Err(bad_input(format!(
                    "{draft_id} is {}: nothing to resolve",
                    entry.state
                )));
            }
            match outcome.as_str() {
                "sent" => {
                    let at = entry.updated_at;
                    entry.state = OutboxState::Sent;
                    entry.sent_at = Some(at);
                    entry.updated_at = now();
                    complete(store, &draft, entry, at)?;
                    out::line(format!("{draft_id} recorded as sent"))
                }
                "resend" => {
                    entry.state = OutboxState::Failed;
                    entry.last_error = "the user found it was not delivered".into();
                    entry.updated_at = now();
                    store.save_outbox(&entry)?;
                    send(store, &draft_id)
                }
                other => Err(bad_input(format!("'{other}': use sent or resend"))),
            }
        }
    }
}

pub fn run_mail(store: &mut Store, command: MailCommand) -> anyhow::Result<()> {
    let MailCommand::Test = command;
    let settings = smtp::settings(store)?;
    let name = followup_mail::test_connection(&settings).map_err(|e| bad_input(e.to_string()))?;
    out::line(format!(
        "connected to {}:{} ({}, {}){}; nothing was sent",
        settings.host,
        settings.port,
        name,
        settings.security.as_str(),
        if settings.user.is_some() {
            ", logged in"
        } else {
            ""
        }
    ))
}

/// `draft export ID --eml|--mailto`: the message for a mail client, when there is no
/// server to send through.
pub fn export(store: &mut Store, draft_id: &str, mailto: bool) -> anyhow::Result<()> {
    let draft = store.draft(draft_id)?;
    let outgoing = outgoing(store, &draft, 0)?;
    if mailto {
        return out::line(followup_mail::mailto(&outgoing));
    }
    let message = build_message(&outgoing).map_err(|e| bad_input(e.to_string()))?;
    out::raw(&String::from_utf8_lossy(&message))
}

//! `followup send`, `followup outbox` and `followup mail test`: approved drafts to the
//! user's mail server, exactly once.
//!
//! The order matters: the outbox row (state `sending`, with its Message-ID) is committed
//! before the server is contacted; the result is committed after. A crash in between
//! leaves `sending`, which the next attempt treats as "may have been sent" and refuses.

use crate::exit::bad_input;
use crate::out;
use clap::Subcommand;
use followup_app::{Followup, Resolution};

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

pub fn send(app: &mut Followup, draft_id: &str) -> anyhow::Result<()> {
    let draft_id = &super::full_id(app, draft_id)?;
    let sent = app.send(draft_id)?;
    super::warn(&sent.warnings);
    out::line(format!(
        "{} sent ({})",
        sent.value.draft_id, sent.value.reply
    ))
}

pub fn run_outbox(app: &mut Followup, command: OutboxCommand) -> anyhow::Result<()> {
    match command {
        OutboxCommand::List { json } => {
            let entries = app.outbox()?;
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
            let draft_id = super::full_id(app, &draft_id)?;
            let resolution = match outcome.as_str() {
                "sent" => Resolution::Sent,
                "resend" => Resolution::Resend,
                other => return Err(bad_input(format!("'{other}': use sent or resend"))),
            };
            let done = app.resolve(&draft_id, resolution)?;
            super::warn(&done.warnings);
            match done.value {
                Some(sent) => out::line(format!("{} sent ({})", sent.draft_id, sent.reply)),
                None => out::line(format!("{draft_id} recorded as sent")),
            }
        }
    }
}

pub fn run_mail(app: &mut Followup, command: MailCommand) -> anyhow::Result<()> {
    let MailCommand::Test = command;
    let (settings, name) = app.test_mail_server()?;
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
pub fn export(app: &mut Followup, draft_id: &str, mailto: bool) -> anyhow::Result<()> {
    let draft_id = &super::full_id(app, draft_id)?;
    if mailto {
        return out::line(app.export_mailto(draft_id)?);
    }
    out::raw(&String::from_utf8_lossy(&app.export_eml(draft_id)?))
}

//! `followup draft`: thank-you notes, the email query, call and voicemail scripts —
//! composed, checked, stored, edited and approved.

use super::PageArgs;
use crate::{exit::bad_input, out};
use clap::{Args, Subcommand};
use followup_app::{DraftRequest, DraftView, Followup, Target};
use followup_core::compose::{self, Draft, DraftKind};
use followup_core::tone::Finding;
use std::io::{BufRead, IsTerminal, Write};

#[derive(Subcommand)]
pub enum DraftCommand {
    /// Delete a draft
    Delete(super::edit::DeleteArgs),
    /// Record that you sent a draft yourself (your mail client, the post): Followup will
    /// never send it, and its step is done
    Sent {
        id: String,
        #[command(flatten)]
        at: super::step::AtArgs,
    },
    /// A thank-you note to the lead interviewer (or --to, or --each of the panel)
    ThankYou(Box<NoteArgs>),
    /// An email with your query, for when they could not talk
    Query(Box<NoteArgs>),
    /// The short, gracious note that asks for feedback and moves on (after the last
    /// follow-up, never before their date)
    Feedback(Box<NoteArgs>),
    /// What to say on the follow-up call
    Script(Box<NoteArgs>),
    /// A voicemail to leave (under 30 seconds)
    Voicemail(Box<NoteArgs>),
    /// Drafts, newest first
    List {
        #[arg(long)]
        interview: Option<String>,
        #[command(flatten)]
        page: PageArgs,
        #[arg(long)]
        json: bool,
    },
    /// One draft with its findings
    Show {
        id: String,
        #[arg(long)]
        json: bool,
        /// Also say where each sentence came from (the template, or what you wrote)
        #[arg(long)]
        sources: bool,
    },
    /// Edit a draft in $EDITOR (approval is cleared if the text changes)
    Edit { id: String },
    /// The message as an .eml file (RFC 5322) or a mailto: URL, for your mail client
    Export {
        id: String,
        /// A mailto: URL instead of the .eml text
        #[arg(long)]
        mailto: bool,
        /// The .eml text (the default)
        #[arg(long, conflicts_with = "mailto")]
        eml: bool,
    },
    /// Approve the exact text for sending
    Approve {
        id: String,
        /// Approve despite error-level findings, saying why
        #[arg(long, value_name = "REASON")]
        r#override: Option<String>,
        /// Don't ask (for scripts)
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Args)]
pub struct NoteArgs {
    interview_id: String,
    /// email or letter (thank-you notes)
    #[arg(long, default_value = "email")]
    channel: String,
    /// Write to this interviewer instead of the lead
    #[arg(long, value_name = "CONTACT_ID")]
    to: Option<String>,
    /// One note per interviewer (thank-you notes)
    #[arg(long, conflicts_with = "to")]
    each: bool,
    /// Name these skills instead of the two best matched (by name or alias: SQL,Go)
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    skills: Vec<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(app: &mut Followup, command: DraftCommand) -> anyhow::Result<()> {
    match command {
        DraftCommand::ThankYou(a) => compose_drafts(app, DraftKind::ThankYou, *a),
        DraftCommand::Query(a) => compose_drafts(app, DraftKind::Query, *a),
        DraftCommand::Feedback(a) => compose_drafts(app, DraftKind::Feedback, *a),
        DraftCommand::Script(a) => compose_drafts(app, DraftKind::Script, *a),
        DraftCommand::Voicemail(a) => compose_drafts(app, DraftKind::Voicemail, *a),
        DraftCommand::List {
            interview,
            page,
            json,
        } => {
            let interview = interview.map(|i| super::full_id(app, &i)).transpose()?;
            if json {
                return out::json(&app.draft_views(interview.as_deref(), page.page())?);
            }
            let drafts = app.draft_list(interview.as_deref(), page.page())?;
            let rows = drafts
                .iter()
                .map(|s| {
                    let d = &s.draft;
                    vec![
                        d.id.clone(),
                        d.kind.to_string(),
                        d.channel.to_string(),
                        s.recipient.clone(),
                        s.state.as_str().to_string(),
                        d.subject.clone().unwrap_or_else(|| {
                            let first = d.body.lines().next().unwrap_or("");
                            match first.char_indices().nth(50) {
                                Some((i, _)) => format!("{}…", &first[..i]),
                                None => first.to_string(),
                            }
                        }),
                    ]
                })
                .collect();
            out::table(
                &[
                    "id",
                    "kind",
                    "channel",
                    "to",
                    "state",
                    "subject or first line",
                ],
                rows,
            )
        }
        DraftCommand::Show { id, json, sources } => {
            let id = super::full_id(app, &id)?;
            let v = app.draft(&id)?;
            if json {
                return out::json(&v);
            }
            print(&v.draft, &v.findings)?;
            if sources {
                out::line("Where each sentence came from:")?;
                for s in &v.sources {
                    out::line(format!("  [{}] {}", s.from, s.sentence))?;
                }
            }
            Ok(())
        }
        DraftCommand::Edit { id } => edit(app, &id),
        DraftCommand::Export { id, mailto, .. } => super::send::export(app, &id, mailto),
        DraftCommand::Delete(args) => super::edit::delete(app, args, Target::Draft),
        DraftCommand::Sent { id, at } => {
            let id = super::full_id(app, &id)?;
            let done = app.record_sent_elsewhere(&id, at.into_when())?;
            super::warn(&done.warnings);
            let zone = app.profile()?.unwrap_or_default().time_zone;
            out::line(format!(
                "{id} recorded as sent at {}",
                super::in_zone(done.value, &zone)?
            ))
        }
        DraftCommand::Approve {
            id,
            r#override,
            yes,
        } => approve(app, &id, r#override, yes),
    }
}

fn compose_drafts(app: &mut Followup, kind: DraftKind, args: NoteArgs) -> anyhow::Result<()> {
    let interview_id = super::full_id(app, &args.interview_id)?;
    let done = app.compose(DraftRequest {
        interview_id,
        kind,
        channel: Some(args.channel),
        to: args.to,
        each: args.each,
        skills: args.skills,
    })?;
    super::warn(&done.warnings);
    let views = done.value;
    if args.json {
        return if views.len() == 1 {
            out::json(&views[0])
        } else {
            out::json(&views)
        };
    }
    for v in &views {
        print(&v.draft, &v.findings)?;
    }
    Ok(())
}

fn print(d: &Draft, findings: &[Finding]) -> anyhow::Result<()> {
    if let Some(subject) = &d.subject {
        out::line(format!("Subject: {subject}\n"))?;
    }
    out::raw(&d.body)?;
    let words = compose::body_words(&d.body);
    out::line(format!(
        "\n[{}: {} {}, {words} words{}]",
        d.id,
        d.kind,
        d.channel,
        if d.is_approved() { ", approved" } else { "" }
    ))?;
    for f in findings {
        out::line(format!(
            "  {}:{} {} {} — {}",
            f.line, f.column, f.level, f.rule, f.message
        ))?;
    }
    Ok(())
}

/// Opens the draft in `$VISUAL`/`$EDITOR` in a private temporary file (unpredictable
/// name, readable by the user only), then saves what was written.
fn edit(app: &mut Followup, id: &str) -> anyhow::Result<()> {
    let id = &super::full_id(app, id)?;
    let draft = app.draft(id)?.draft;
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .map_err(|_| bad_input("set $EDITOR (or $VISUAL) to the editor to use"))?;
    let mut file = tempfile::Builder::new()
        .prefix("followup-draft-")
        .suffix(".txt")
        .tempfile()?;
    file.write_all(draft.full_text().as_bytes())?;
    file.flush()?;
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("followup-edit")
        .arg(file.path())
        .status()?;
    if !status.success() {
        return Err(bad_input(format!(
            "the editor exited with {status}; the draft is unchanged"
        )));
    }
    // Read by path: editors often replace the file rather than write into it.
    let text = std::fs::read_to_string(file.path())?;
    let v = app.edit_draft(id, &text)?;
    print(&v.draft, &v.findings)
}

pub fn approve(
    app: &mut Followup,
    id: &str,
    reason: Option<String>,
    yes: bool,
) -> anyhow::Result<()> {
    let id = &super::full_id(app, id)?;
    let v: DraftView = app.draft(id)?;
    print(&v.draft, &v.findings)?;
    let shown = v.draft.full_text();
    followup_app::may_approve(&v, reason.as_deref())?;
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(bad_input(
                "approving needs a yes: answer on a terminal, or pass --yes",
            ));
        }
        eprint!("Approve exactly this text? [y/N] ");
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !answer.trim().eq_ignore_ascii_case("y") && !answer.trim().eq_ignore_ascii_case("yes") {
            return out::line("not approved");
        }
    }
    app.approve(id, &shown, reason.as_deref())?;
    out::line(format!("{id} approved"))
}

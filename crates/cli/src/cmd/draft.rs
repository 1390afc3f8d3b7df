//! `followup draft`: thank-you notes, the email query, call and voicemail scripts —
//! composed, checked, stored, edited and approved.

use super::{PageArgs, config_dir};
use crate::planner::{Loaded, Planner, now};
use crate::{exit::bad_input, out};
use clap::{Args, Subcommand};
use followup_core::compose::{self, Channel, ComposeInput, Draft, DraftKind};
use followup_core::model::Contact;
use followup_core::plan::{StepKind, StepState};
use followup_core::skills;
use followup_core::tone::{Checker, Finding, Level};
use followup_store::Store;
use serde::Serialize;
use std::io::{BufRead, IsTerminal};

#[derive(Subcommand)]
pub enum DraftCommand {
    /// A thank-you note to the lead interviewer (or --to, or --each of the panel)
    ThankYou(Box<NoteArgs>),
    /// An email with your query, for when they could not talk
    Query(Box<NoteArgs>),
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
    #[arg(long)]
    json: bool,
}

/// The `--json` shape of a draft.
#[derive(Serialize)]
struct DraftOut<'a> {
    id: &'a str,
    kind: &'a DraftKind,
    channel: &'a Channel,
    interview_id: &'a str,
    recipient_id: Option<&'a str>,
    subject: Option<&'a str>,
    body: &'a str,
    approved: bool,
    findings: Vec<Finding>,
}

pub fn run(store: &mut Store, command: DraftCommand) -> anyhow::Result<()> {
    match command {
        DraftCommand::ThankYou(a) => compose_drafts(store, DraftKind::ThankYou, *a),
        DraftCommand::Query(a) => compose_drafts(store, DraftKind::Query, *a),
        DraftCommand::Script(a) => compose_drafts(store, DraftKind::Script, *a),
        DraftCommand::Voicemail(a) => compose_drafts(store, DraftKind::Voicemail, *a),
        DraftCommand::List {
            interview,
            page,
            json,
        } => {
            let drafts = store.drafts(interview.as_deref(), page.page())?;
            if json {
                let checker = checker(store)?;
                let locale = store.profile()?.unwrap_or_default().locale.tag();
                let all: Vec<DraftOut> = drafts
                    .iter()
                    .map(|d| view(store, &checker, &locale, d))
                    .collect::<anyhow::Result<_>>()?;
                return out::json(&all);
            }
            let rows = drafts
                .iter()
                .map(|d| {
                    vec![
                        d.id.clone(),
                        d.kind.to_string(),
                        d.channel.to_string(),
                        d.subject.clone().unwrap_or_else(|| {
                            let first = d.body.lines().next().unwrap_or("");
                            match first.char_indices().nth(60) {
                                Some((i, _)) => format!("{}…", &first[..i]),
                                None => first.to_string(),
                            }
                        }),
                        if d.is_approved() {
                            "approved".into()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            out::table(
                &["id", "kind", "channel", "subject or first line", "approval"],
                rows,
            )
        }
        DraftCommand::Show { id, json } => {
            let draft = store.draft(&id)?;
            let checker = checker(store)?;
            let locale = store.profile()?.unwrap_or_default().locale.tag();
            let v = view(store, &checker, &locale, &draft)?;
            if json {
                return out::json(&v);
            }
            print(&draft, &v.findings)
        }
        DraftCommand::Edit { id } => edit(store, &id),
        DraftCommand::Export { id, mailto, .. } => super::send::export(store, &id, mailto),
        DraftCommand::Approve {
            id,
            r#override,
            yes,
        } => approve(store, &id, r#override, yes),
    }
}

fn compose_drafts(store: &mut Store, kind: DraftKind, args: NoteArgs) -> anyhow::Result<()> {
    let channel = match kind {
        DraftKind::ThankYou => {
            let c = Channel::from(args.channel.as_str());
            if !matches!(c, Channel::Email | Channel::Letter) {
                return Err(bad_input(format!(
                    "--channel: '{}': use email or letter",
                    args.channel
                )));
            }
            c
        }
        DraftKind::Query => Channel::Email,
        _ => Channel::Phone,
    };
    let interview = store.interview(&args.interview_id)?;
    let application = store.application(&interview.application_id)?;
    let profile = store.profile()?.unwrap_or_default();
    let panel = store.contacts_by_ids(&interview.interviewer_ids)?;
    let recipients: Vec<Option<Contact>> = match (&args.to, args.each) {
        (Some(id), _) => vec![Some(store.contact(id)?)],
        (None, true) if !panel.is_empty() => panel.iter().cloned().map(Some).collect(),
        _ => vec![panel.first().cloned()],
    };
    let picks = skills::rank(&profile.skills, &application.job_description, 2);
    let name = compose::template_name(&kind, &channel);
    let source = template_source(name)?;
    let steps = store.steps(&interview.id)?;
    let step_kind = match kind {
        DraftKind::ThankYou => StepKind::ThankYou,
        DraftKind::Query => StepKind::EmailQuery,
        _ => StepKind::FollowUpCall,
    };
    let step = steps
        .iter()
        .find(|s| s.state == StepState::Pending && s.kind == step_kind);
    let their_time = step.map(|s| {
        let tz = jiff::tz::TimeZone::get(&s.zone).unwrap_or(jiff::tz::TimeZone::UTC);
        crate::step_view::window(s.start, s.end, &tz)
    });
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(
            jiff::tz::TimeZone::get(&profile.time_zone).unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .date();
    let mut drafts = Vec::new();
    for recipient in &recipients {
        let ctx = compose::context(&ComposeInput {
            profile: &profile,
            application: &application,
            interview: &interview,
            recipient: recipient.as_ref(),
            skills: &picks,
            their_time: their_time.clone(),
            today,
        });
        let composed =
            compose::render(name, &source, &ctx).map_err(|e| bad_input(e.to_string()))?;
        drafts.push(Draft {
            id: String::new(),
            interview_id: interview.id.clone(),
            step_id: step.map(|s| s.id.clone()),
            kind: kind.clone(),
            channel: channel.clone(),
            recipient_id: recipient.as_ref().map(|c| c.id.clone()),
            subject: composed.subject,
            body: composed.body,
            approved_text: None,
            approved_at: None,
            override_reason: None,
            created_at: now(),
            updated_at: now(),
        });
    }
    let stored = store.atomically(|s| {
        drafts
            .into_iter()
            .map(|d| s.add_draft(d))
            .collect::<Result<Vec<_>, _>>()
    })?;
    for (i, a) in stored.iter().enumerate() {
        for b in &stored[i + 1..] {
            if compose::near_identical(&a.body, &b.body) {
                eprintln!(
                    "followup: warning: drafts {} and {} are near-identical; make each one personal",
                    a.id, b.id
                );
            }
        }
    }
    let checker = checker(store)?;
    let locale = profile.locale.tag();
    let views: Vec<DraftOut> = stored
        .iter()
        .map(|d| view(store, &checker, &locale, d))
        .collect::<anyhow::Result<_>>()?;
    if args.json {
        return if views.len() == 1 {
            out::json(&views[0])
        } else {
            out::json(&views)
        };
    }
    for (d, v) in stored.iter().zip(&views) {
        print(d, &v.findings)?;
    }
    Ok(())
}

/// A user's template from the config folder (checked first), else the built-in one.
fn template_source(name: &str) -> anyhow::Result<String> {
    let path = config_dir()?.join("templates").join(format!("{name}.txt"));
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            compose::check_template(name, &text)
                .map_err(|e| bad_input(format!("{}: {e}", path.display())))?;
            Ok(text)
        }
        Err(_) => Ok(compose::TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.to_string())
            .expect("every kind has a built-in template")),
    }
}

/// The checker with the user's styles and settings.
fn checker(store: &mut Store) -> anyhow::Result<Checker> {
    super::check::configured_checker(store, None, Vec::new(), Vec::new())
}

fn view<'a>(
    store: &mut Store,
    checker: &Checker,
    locale: &str,
    d: &'a Draft,
) -> anyhow::Result<DraftOut<'a>> {
    let mut findings = checker.check(&d.full_text(), locale);
    if d.kind != DraftKind::ThankYou {
        findings.extend(behaviour_findings(store, &d.interview_id)?);
    }
    if d.kind == DraftKind::ThankYou {
        let interview = store.interview(&d.interview_id)?;
        let app = store.application(&interview.application_id)?;
        let profile = store.profile()?.unwrap_or_default();
        let picks = skills::rank(&profile.skills, &app.job_description, 2);
        findings.extend(compose::content_findings(
            &d.body,
            &app.role,
            &app.company,
            &picks,
        ));
    }
    Ok(DraftOut {
        id: &d.id,
        kind: &d.kind,
        channel: &d.channel,
        interview_id: &d.interview_id,
        recipient_id: d.recipient_id.as_deref(),
        subject: d.subject.as_deref(),
        body: &d.body,
        approved: d.is_approved(),
        findings,
    })
}

/// The behaviour rules: would getting in touch now break the cadence (before the date
/// they gave, within 72 hours, too soon, one follow-up too many)?
pub fn behaviour_findings(store: &mut Store, interview_id: &str) -> anyhow::Result<Vec<Finding>> {
    let mut planner = Planner::load(store)?;
    let loaded = Loaded::from_store(store, interview_id)?;
    let region = followup_core::plan::employer_region(&loaded.panel, &planner.profile);
    let input = loaded.input(&planner.profile, &planner.settings);
    let cal = planner.calendars.get(&region)?;
    Ok(
        followup_core::plan::cadence_problems(jiff::Timestamp::now(), &input, cal)
            .iter()
            .map(|p| p.to_finding())
            .collect(),
    )
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

fn edit(store: &mut Store, id: &str) -> anyhow::Result<()> {
    let mut draft = store.draft(id)?;
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .map_err(|_| bad_input("set $EDITOR (or $VISUAL) to the editor to use"))?;
    let dir = tempfile_dir()?;
    let path = dir.join(format!("{id}.txt"));
    std::fs::write(&path, draft.full_text())?;
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("followup-edit")
        .arg(&path)
        .status()?;
    if !status.success() {
        return Err(bad_input(format!(
            "the editor exited with {status}; the draft is unchanged"
        )));
    }
    let text = std::fs::read_to_string(&path)?;
    let _ = std::fs::remove_dir_all(&dir);
    match text.strip_prefix("Subject:") {
        Some(rest) if draft.subject.is_some() => {
            let (subject, body) = rest.split_once('\n').unwrap_or((rest, ""));
            draft.subject = Some(subject.trim().to_string());
            draft.body = body.trim_start_matches('\n').to_string();
        }
        _ => draft.body = text,
    }
    draft.updated_at = now();
    let draft = store.update_draft(&draft)?;
    let checker = checker(store)?;
    let locale = store.profile()?.unwrap_or_default().locale.tag();
    let v = view(store, &checker, &locale, &draft)?;
    print(&draft, &v.findings)
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("followup-edit-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

pub fn approve(
    store: &mut Store,
    id: &str,
    reason: Option<String>,
    yes: bool,
) -> anyhow::Result<()> {
    let mut draft = store.draft(id)?;
    let checker = checker(store)?;
    let locale = store.profile()?.unwrap_or_default().locale.tag();
    let v = view(store, &checker, &locale, &draft)?;
    let errors = v
        .findings
        .iter()
        .filter(|f| f.level == Level::Error)
        .count();
    print(&draft, &v.findings)?;
    let reason = reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    if errors > 0 && reason.is_none() {
        return Err(bad_input(format!(
            "{id} has {errors} error finding(s); fix the text (`followup draft edit {id}`) or approve with --override \"why\""
        )));
    }
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
    draft.approved_text = Some(draft.full_text());
    draft.approved_at = Some(now());
    draft.override_reason = reason;
    store.update_draft(&draft)?;
    out::line(format!("{id} approved"))
}

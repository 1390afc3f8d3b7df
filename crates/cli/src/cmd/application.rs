//! `followup application`: jobs applied for.

use super::{PageArgs, read_text_arg};
use crate::out;
use clap::{Args, Subcommand};
use followup_app::{ApplicationChanges, Followup, Target, Timeline};
use followup_core::model::{Application, ApplicationStatus, DocumentKind, SentDocument};
use followup_core::when;
use jiff::Timestamp;

#[derive(Subcommand)]
pub enum ApplicationCommand {
    /// Record an application; prints its id
    Add(Box<AddArgs>),
    /// List applications, newest first
    List {
        #[command(flatten)]
        page: PageArgs,
        #[arg(long)]
        json: bool,
    },
    /// Show one application
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Set the status: applied, interviewing, offer, rejected, withdrawn (or your own word)
    Status { id: String, status: String },
    /// Change the fields given; the plan follows
    Set(Box<SetArgs>),
    /// Delete an application with its interviews, plans, calls and drafts
    Delete(super::edit::DeleteArgs),
}

#[derive(Args)]
pub struct SetArgs {
    id: String,
    #[arg(long)]
    company: Option<String>,
    #[arg(long)]
    role: Option<String>,
    /// The job description: a file, or - for standard input
    #[arg(long, value_name = "FILE|-")]
    job_description: Option<String>,
    #[arg(long)]
    url: Option<String>,
    /// YYYY-MM-DD ("" clears it)
    #[arg(long, value_name = "DATE")]
    applied_on: Option<String>,
    #[arg(long)]
    status: Option<String>,
}

#[derive(Args)]
pub struct AddArgs {
    #[arg(long)]
    company: String,
    #[arg(long)]
    role: String,
    /// The job description: a file, or - for standard input
    #[arg(long, value_name = "FILE|-")]
    job_description: Option<String>,
    /// Where the job was advertised
    #[arg(long)]
    url: Option<String>,
    /// Date applied, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    applied_on: Option<String>,
    /// The CV sent: its file path (recorded, not copied)
    #[arg(long, value_name = "FILE")]
    cv: Option<String>,
    /// The CV sent, as pasted text
    #[arg(long, value_name = "TEXT")]
    cv_text: Option<String>,
    /// The cover letter sent: its file path
    #[arg(long, value_name = "FILE")]
    cover_letter: Option<String>,
    /// The cover letter sent, as pasted text
    #[arg(long, value_name = "TEXT")]
    cover_letter_text: Option<String>,
    /// The application form sent: its file path
    #[arg(long, value_name = "FILE")]
    form: Option<String>,
    /// The application form sent, as pasted text
    #[arg(long, value_name = "TEXT")]
    form_text: Option<String>,
    /// Status to start with
    #[arg(long, default_value = "applied")]
    status: String,
}

pub fn run(app: &mut Followup, command: ApplicationCommand) -> anyhow::Result<()> {
    match command {
        ApplicationCommand::Add(args) => add(app, *args),
        ApplicationCommand::List { page, json } => {
            let apps = app.applications(page.page())?;
            if json {
                return out::json(&apps);
            }
            let rows = apps
                .iter()
                .map(|a| {
                    vec![
                        a.id.clone(),
                        a.company.clone(),
                        a.role.clone(),
                        a.status.to_string(),
                        a.applied_on.map(|d| d.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            out::table(&["id", "company", "role", "status", "applied"], rows)
        }
        ApplicationCommand::Show { id, json } => {
            let id = super::full_id(app, &id)?;
            let timeline = app.timeline(&id)?;
            if json {
                return out::json(&timeline);
            }
            show(&timeline.application)?;
            print_timeline(app, &timeline)
        }
        ApplicationCommand::Set(args) => {
            let args = *args;
            let id = super::full_id(app, &args.id)?;
            let job_description = match &args.job_description {
                Some(path) => Some(read_text_arg(
                    path,
                    "job description",
                    super::MAX_TEXT_BYTES,
                )?),
                None => None,
            };
            let changed = app.change_application(
                &id,
                ApplicationChanges {
                    company: args.company,
                    role: args.role,
                    url: args.url,
                    job_description,
                    applied_on: args.applied_on,
                    status: args.status,
                },
            )?;
            warn_own_status(&changed.status);
            out::line(format!("application {} updated", changed.id))
        }
        ApplicationCommand::Delete(args) => super::edit::delete(app, args, Target::Application),
        ApplicationCommand::Status { id, status } => {
            let id = super::full_id(app, &id)?;
            let app = app.set_application_status(&id, &status)?;
            warn_own_status(&app.status);
            out::line(format!("{id}: {}", app.status))
        }
    }
}

fn add(app: &mut Followup, args: AddArgs) -> anyhow::Result<()> {
    let job_description = match &args.job_description {
        Some(path) => read_text_arg(path, "job description", super::MAX_TEXT_BYTES)?,
        None => String::new(),
    };
    let applied_on = args
        .applied_on
        .as_deref()
        .map(|d| when::date("applied-on", d))
        .transpose()
        .map_err(super::invalid)?;
    let documents = [
        (DocumentKind::Cv, args.cv, args.cv_text),
        (
            DocumentKind::CoverLetter,
            args.cover_letter,
            args.cover_letter_text,
        ),
        (DocumentKind::ApplicationForm, args.form, args.form_text),
    ]
    .into_iter()
    .filter(|(_, path, text)| path.is_some() || text.is_some())
    .map(|(kind, path, text)| SentDocument { kind, path, text })
    .collect();
    let stored = app.add_application(Application {
        id: String::new(),
        company: args.company,
        role: args.role,
        job_description,
        source_url: args.url.unwrap_or_default(),
        documents,
        status: ApplicationStatus::from(args.status.as_str()),
        applied_on,
        created_at: Timestamp::now(),
        updated_at: Timestamp::now(),
    })?;
    warn_own_status(&stored.status);
    out::line(stored.id)
}

fn show(a: &Application) -> anyhow::Result<()> {
    let documents = a
        .documents
        .iter()
        .map(|d| match (&d.path, &d.text) {
            (Some(path), _) => format!("{}: {path}", d.kind),
            (None, Some(text)) => format!(
                "{}: {} words of text",
                d.kind,
                text.split_whitespace().count()
            ),
            (None, None) => d.kind.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    out::fields(&[
        ("Id", a.id.clone()),
        ("Company", a.company.clone()),
        ("Role", a.role.clone()),
        ("Status", a.status.to_string()),
        (
            "Applied",
            a.applied_on.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("Advert", a.source_url.clone()),
        ("Sent", documents),
        ("Created", a.created_at.to_string()),
    ])?;
    if !a.job_description.trim().is_empty() {
        out::line(format!(
            "\nJob description\n{}",
            a.job_description.trim_end()
        ))?;
    }
    Ok(())
}

/// The events of an application, one line each, in your time.
pub fn print_timeline(app: &mut Followup, timeline: &Timeline) -> anyhow::Result<()> {
    let zone = app.profile()?.unwrap_or_default().time_zone;
    let tz = jiff::tz::TimeZone::get(&zone)?;
    let now = jiff::Timestamp::now();
    let mut text = format!(
        "\nTimeline ({}; times in {zone})\n",
        match timeline.interviews.len() {
            1 => "1 interview".to_string(),
            n => format!("{n} interviews"),
        }
    );
    for e in &timeline.events {
        let when =
            e.at.to_zoned_datetime(tz.clone())
                .strftime("%a %-d %b %Y %H:%M");
        let mark = if e.at > now { "·" } else { " " };
        text.push_str(&format!("{mark} {when}  {}  [{}]\n", e.text, e.id));
    }
    out::raw(&text)
}

/// A status Followup does not know is kept; standard error says so (stdout keeps the id
/// scripts read).
fn warn_own_status(status: &ApplicationStatus) {
    super::warn(
        &followup_app::Warning::own_status(status)
            .into_iter()
            .collect::<Vec<_>>(),
    );
}

//! `followup interview`: when it was, who was on the panel, what to remember.

use super::{PageArgs, invalid};
use crate::planner::Planner;
use crate::{exit::bad_input, out};
use clap::{Args, Subcommand};
use followup_core::model::{Interview, InterviewFormat, InterviewStatus};
use followup_core::{place, when};
use followup_store::Store;
use jiff::Timestamp;
use std::collections::HashMap;

#[derive(Subcommand)]
pub enum InterviewCommand {
    /// Record an interview; prints its id
    Add(Box<AddArgs>),
    /// Add what to remember: points to clarify, their timeline, notes
    Note(NoteArgs),
    /// List interviews, most recent first
    List {
        #[command(flatten)]
        page: PageArgs,
        #[arg(long)]
        json: bool,
    },
    /// Show one interview
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct AddArgs {
    /// The application it is for
    #[arg(long)]
    application: String,
    /// Local start time, e.g. 2027-03-02T10:00 (or RFC 3339 with an offset)
    #[arg(long, value_name = "DATETIME")]
    at: String,
    /// The zone --at is in [default: your profile's]
    #[arg(long)]
    tz: Option<String>,
    /// An interviewer's contact id, lead first (repeatable)
    #[arg(long = "interviewer", value_name = "CONTACT_ID")]
    interviewers: Vec<String>,
    /// in-person, video or phone
    #[arg(long, default_value = "in-person")]
    format: String,
    /// Length in minutes
    #[arg(long, default_value_t = 60)]
    duration: u32,
    #[arg(long)]
    location: Option<String>,
}

#[derive(Args)]
pub struct NoteArgs {
    id: String,
    /// Something that didn't come across well, to clarify on the call (repeatable)
    #[arg(long = "clarify")]
    clarify: Vec<String>,
    /// What they said about their timeline, in their words
    #[arg(long)]
    timeline: Option<String>,
    /// The date they said they would decide or shortlist by, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    decide_by: Option<String>,
    /// Notes on what was discussed (appended)
    #[arg(long)]
    notes: Option<String>,
    /// scheduled, held or cancelled
    #[arg(long)]
    status: Option<String>,
}

pub fn run(store: &mut Store, command: InterviewCommand) -> anyhow::Result<()> {
    match command {
        InterviewCommand::Add(args) => add(store, *args),
        InterviewCommand::Note(args) => note(store, args),
        InterviewCommand::List { page, json } => {
            let interviews = store.interviews(page.page())?;
            if json {
                return out::json(&interviews);
            }
            list(store, &interviews)
        }
        InterviewCommand::Show { id, json } => {
            let interview = store.interview(&id)?;
            if json {
                return out::json(&interview);
            }
            show(store, &interview)
        }
    }
}

fn add(store: &mut Store, args: AddArgs) -> anyhow::Result<()> {
    let zone = match args.tz {
        Some(tz) => place::time_zone("tz", &tz).map_err(invalid)?,
        None => store.profile()?.unwrap_or_default().time_zone,
    };
    let start = when::instant("at", &args.at, &zone).map_err(invalid)?;
    let format = InterviewFormat::from(args.format.as_str());
    if !format.is_known() {
        return Err(bad_input(format!(
            "--format: unknown format '{}'; use one of {}",
            args.format,
            InterviewFormat::KNOWN.join(", ")
        )));
    }
    let interview = Interview {
        id: String::new(),
        application_id: args.application,
        start,
        time_zone: zone,
        duration_minutes: args.duration,
        format,
        location: args.location.unwrap_or_default(),
        interviewer_ids: args.interviewers,
        notes: String::new(),
        points_to_clarify: Vec::new(),
        timeline: String::new(),
        decide_by: None,
        status: InterviewStatus::Scheduled,
        created_at: Timestamp::now(),
        updated_at: Timestamp::now(),
    };
    let mut planner = Planner::load(store)?;
    let interview = store.atomically(|s| {
        let stored = s.add_interview(interview)?;
        planner.replan(s, &stored.id)?;
        Ok::<_, anyhow::Error>(stored)
    })?;
    out::line(interview.id)
}

fn note(store: &mut Store, args: NoteArgs) -> anyhow::Result<()> {
    let mut interview = store.interview(&args.id)?;
    for point in args
        .clarify
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
    {
        interview.points_to_clarify.push(point.to_string());
    }
    if let Some(timeline) = args.timeline {
        interview.timeline = timeline.trim().to_string();
    }
    if let Some(date) = args.decide_by {
        interview.decide_by = Some(when::date("decide-by", &date).map_err(invalid)?);
    }
    if let Some(notes) = args.notes {
        interview.notes = match interview.notes.is_empty() {
            true => notes.trim().to_string(),
            false => format!("{}\n{}", interview.notes, notes.trim()),
        };
    }
    if let Some(status) = args.status {
        let status = InterviewStatus::from(status.as_str());
        if !status.is_known() {
            return Err(bad_input(format!(
                "--status: unknown status '{status}'; use one of {}",
                InterviewStatus::KNOWN.join(", ")
            )));
        }
        interview.status = status;
    }
    let mut planner = Planner::load(store)?;
    store.atomically(|s| {
        s.update_interview(&interview)?;
        planner.replan(s, &interview.id).map(|_| ())
    })?;
    out::line(format!("interview {} updated", interview.id))
}

/// "Tue 2 Mar 2027 10:00 GMT"
fn local_time(interview: &Interview) -> String {
    interview
        .local_start()
        .strftime("%a %-d %b %Y %H:%M %Z")
        .to_string()
}

fn list(store: &mut Store, interviews: &[Interview]) -> anyhow::Result<()> {
    let app_ids: Vec<String> = interviews
        .iter()
        .map(|i| i.application_id.clone())
        .collect();
    let apps: HashMap<String, String> = store
        .applications_by_ids(&app_ids)?
        .into_iter()
        .map(|a| (a.id, format!("{} – {}", a.company, a.role)))
        .collect();
    let mut contact_ids: Vec<String> = interviews
        .iter()
        .flat_map(|i| i.interviewer_ids.clone())
        .collect();
    contact_ids.sort();
    contact_ids.dedup();
    let names: HashMap<String, String> = store
        .contacts_by_ids(&contact_ids)?
        .into_iter()
        .map(|c| (c.id, c.full_name))
        .collect();
    let rows = interviews
        .iter()
        .map(|i| {
            let panel: Vec<&str> = i
                .interviewer_ids
                .iter()
                .filter_map(|id| names.get(id).map(String::as_str))
                .collect();
            vec![
                i.id.clone(),
                local_time(i),
                apps.get(&i.application_id).cloned().unwrap_or_default(),
                panel.join(", "),
                i.format.to_string(),
            ]
        })
        .collect();
    out::table(
        &["id", "when", "application", "interviewers", "format"],
        rows,
    )
}

fn show(store: &mut Store, i: &Interview) -> anyhow::Result<()> {
    let app = store.application(&i.application_id)?;
    let panel = store
        .contacts_by_ids(&i.interviewer_ids)?
        .into_iter()
        .map(|c| match c.position.is_empty() {
            true => format!("{} [{}]", c.full_name, c.id),
            false => format!("{}, {} [{}]", c.full_name, c.position, c.id),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let clarify = i
        .points_to_clarify
        .iter()
        .map(|p| format!("- {p}"))
        .collect::<Vec<_>>()
        .join("\n");
    out::fields(&[
        ("Id", i.id.clone()),
        (
            "Application",
            format!("{} – {} [{}]", app.company, app.role, app.id),
        ),
        ("When", format!("{} ({})", local_time(i), i.time_zone)),
        ("Length", format!("{} min", i.duration_minutes)),
        ("Format", i.format.to_string()),
        ("Location", i.location.clone()),
        ("Status", i.status.to_string()),
        ("Interviewers", panel),
        ("Timeline", i.timeline.clone()),
        (
            "Decide by",
            i.decide_by.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("To clarify", clarify),
        ("Notes", i.notes.clone()),
    ])
}

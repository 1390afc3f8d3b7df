//! `followup interview`: when it was, who was on the panel, what to remember.

use super::PageArgs;
use crate::out;
use clap::{Args, Subcommand};
use followup_app::{
    Followup, InterviewChanges, InterviewNote, NewInterview, PanellistNote, Target, TimelineReading,
};
use followup_core::model::Interview;
use std::collections::HashMap;

#[derive(Subcommand)]
pub enum InterviewCommand {
    /// Record an interview; prints its id
    Add(Box<AddArgs>),
    /// Change the time, zone, format, length, place or panel; the plan follows
    Set(Box<SetArgs>),
    /// Delete an interview with its plan, calls and drafts
    Delete(super::edit::DeleteArgs),
    /// Add what to remember: points to clarify, their timeline, notes, each panellist
    Note(Box<NoteArgs>),
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
    /// in-person, video or phone (also "onsite", "zoom", "phone call"…)
    #[arg(long, default_value = "in-person")]
    format: String,
    /// Length in minutes (1 to 1440)
    #[arg(long, default_value_t = 60, allow_negative_numbers = true,
          value_parser = clap::value_parser!(u32).range(1..=1440))]
    duration: u32,
    #[arg(long)]
    location: Option<String>,
}

#[derive(Args)]
pub struct SetArgs {
    id: String,
    /// New local start, e.g. 2027-03-02T14:00 (in --tz, else the interview's zone)
    #[arg(long, value_name = "DATETIME")]
    at: Option<String>,
    /// The interview's zone (alone: the same local time, in this zone)
    #[arg(long)]
    tz: Option<String>,
    /// in-person, video or phone (also "onsite", "zoom", "phone call"…)
    #[arg(long)]
    format: Option<String>,
    /// Length in minutes (1 to 1440)
    #[arg(long, allow_negative_numbers = true,
          value_parser = clap::value_parser!(u32).range(1..=1440))]
    duration: Option<u32>,
    #[arg(long)]
    location: Option<String>,
    /// A contact who was on the panel too (repeatable)
    #[arg(long = "add-interviewer", value_name = "CONTACT_ID")]
    add: Vec<String>,
    /// A contact who was not on the panel after all (repeatable)
    #[arg(long = "remove-interviewer", value_name = "CONTACT_ID")]
    remove: Vec<String>,
}

fn set(app: &mut Followup, args: SetArgs) -> anyhow::Result<()> {
    let id = super::full_id(app, &args.id)?;
    let expand = |app: &mut Followup, ids: &[String]| -> anyhow::Result<Vec<String>> {
        ids.iter().map(|i| super::full_id(app, i)).collect()
    };
    let add_interviewers = expand(app, &args.add)?;
    let remove_interviewers = expand(app, &args.remove)?;
    let interview = app.change_interview(
        &id,
        InterviewChanges {
            at: args.at,
            time_zone: args.tz,
            format: args.format,
            duration_minutes: args.duration,
            location: args.location,
            add_interviewers,
            remove_interviewers,
        },
    )?;
    out::line(format!(
        "interview {} updated: {} ({})",
        interview.id,
        local_time(&interview),
        interview.time_zone
    ))
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("panellist_fields").multiple(true)))]
pub struct NoteArgs {
    id: String,
    /// Private: something that didn't come across well, for you to clarify (repeatable;
    /// never quoted in a draft)
    #[arg(long = "clarify")]
    clarify: Vec<String>,
    /// For the reader: something from the conversation the thank-you should mention,
    /// written to them, e.g. "your plans for the Edinburgh team" (repeatable)
    #[arg(long = "mention")]
    mention: Vec<String>,
    /// For the reader: a topic to offer to say more about in the query and on the call,
    /// e.g. "how I size A/B tests when traffic is low" (repeatable)
    #[arg(long = "offer")]
    offer: Vec<String>,
    /// Empty a list first: mentions, offers or points (repeatable)
    #[arg(long = "clear", value_name = "LIST")]
    clear: Vec<String>,
    /// What they said about their timeline, in their words
    #[arg(long)]
    timeline: Option<String>,
    /// The date they said they would decide or shortlist by, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    decide_by: Option<String>,
    /// Private notes on what was discussed (appended; never quoted in a draft)
    #[arg(long)]
    notes: Option<String>,
    /// scheduled, held or cancelled
    #[arg(long)]
    status: Option<String>,
    /// For the reader: the panellist (contact id) that --works-on and --part describe
    #[arg(long, value_name = "CONTACT", requires = "panellist_fields")]
    panellist: Option<String>,
    /// What the panellist said they work on, written to them, e.g. "the payments
    /// migration" (a note to them alone refers to it; empty clears it)
    #[arg(long, requires = "panellist", group = "panellist_fields")]
    works_on: Option<String>,
    /// The panellist's part in the interview, e.g. "the system-design exercise"
    #[arg(long, requires = "panellist", group = "panellist_fields")]
    part: Option<String>,
}

pub fn run(app: &mut Followup, command: InterviewCommand) -> anyhow::Result<()> {
    match command {
        InterviewCommand::Add(args) => add(app, *args),
        InterviewCommand::Note(args) => note(app, *args),
        InterviewCommand::List { page, json } => {
            let interviews = app.interviews(page.page())?;
            if json {
                return out::json(&interviews);
            }
            list(app, &interviews)
        }
        InterviewCommand::Set(args) => set(app, *args),
        InterviewCommand::Delete(args) => super::edit::delete(app, args, Target::Interview),
        InterviewCommand::Show { id, json } => {
            let id = super::full_id(app, &id)?;
            let interview = app.interview(&id)?;
            if json {
                return out::json(&interview);
            }
            show(app, &interview)
        }
    }
}

fn add(app: &mut Followup, args: AddArgs) -> anyhow::Result<()> {
    let application_id = super::full_id(app, &args.application)?;
    let interviewer_ids = args
        .interviewers
        .iter()
        .map(|id| super::full_id(app, id))
        .collect::<anyhow::Result<_>>()?;
    let zone_given = args.tz.is_some();
    let typed = args.at.clone();
    let interview = app.add_interview(NewInterview {
        application_id,
        at: args.at,
        time_zone: args.tz,
        interviewer_ids,
        format: Some(args.format),
        duration_minutes: args.duration,
        location: args.location,
    })?;
    out::line(&interview.id)?;
    // A time read in your zone that is another hour for the interviewer is said, in
    // case it was theirs (an in-person interview abroad, typed as the invitation gave it).
    if !zone_given && let Some(theirs) = app.start_for_them(&interview.id)? {
        eprintln!(
            "followup: note: {typed} was read in your zone ({}); for the interviewer that is {}. If it was their time: followup interview set {} --at {typed} --tz {}",
            interview.time_zone,
            theirs.strftime("%a %-d %b %H:%M %Z"),
            interview.id,
            theirs.time_zone().iana_name().unwrap_or_default()
        );
    }
    Ok(())
}

fn note(app: &mut Followup, args: NoteArgs) -> anyhow::Result<()> {
    let id = super::full_id(app, &args.id)?;
    let panellist = match &args.panellist {
        Some(who) => Some(PanellistNote {
            contact_id: super::full_id(app, who)?,
            works_on: args.works_on,
            part: args.part,
        }),
        None => None,
    };
    let noted = app.note_interview(
        &id,
        InterviewNote {
            clarify: args.clarify,
            mention: args.mention,
            offer: args.offer,
            clear: args.clear,
            timeline: args.timeline,
            decide_by: args.decide_by,
            notes: args.notes,
            status: args.status,
            panellist,
        },
    )?;
    out::line(format!("interview {} updated", noted.interview.id))?;
    let day = |d: jiff::civil::Date| d.strftime("%a %-d %b %Y").to_string();
    let Some(TimelineReading {
        phrase,
        date,
        start,
        far_off,
    }) = noted.timeline
    else {
        return Ok(());
    };
    if let Some(far) = far_off {
        eprintln!(
            "followup: warning: their timeline \"{phrase}\" reads as {}, too far off for a decision (a day just past, read as next year's?): the follow-up does not wait for it; give --decide-by DATE if they meant another day",
            day(far)
        );
        return Ok(());
    }
    match (date, start) {
        (Some(date), start) => {
            out::line(format!(
                "their timeline \"{phrase}\" read as {}: the follow-up waits for it",
                day(date)
            ))?;
            if let Some(start) = start {
                out::line(format!(
                    "({} is when someone would start, not when they decide: the follow-up does not wait for it)",
                    day(start)
                ))?;
            }
        }
        (None, Some(start)) => eprintln!(
            "followup: warning: their timeline \"{phrase}\" says when someone would start ({}), not when they decide, which comes first: the follow-up does not wait for it; give --decide-by DATE if they said when they decide",
            day(start)
        ),
        (None, None) => eprintln!(
            "followup: warning: the plan did not use their timeline \"{phrase}\" (not a date Followup can read); give --decide-by DATE"
        ),
    }
    Ok(())
}

fn local_time(interview: &Interview) -> String {
    interview
        .local_start()
        .strftime("%a %-d %b %Y %H:%M %Z")
        .to_string()
}

fn list(app: &mut Followup, interviews: &[Interview]) -> anyhow::Result<()> {
    let app_ids: Vec<String> = interviews
        .iter()
        .map(|i| i.application_id.clone())
        .collect();
    let apps: HashMap<String, String> = app.application_labels(&app_ids)?;
    let mut contact_ids: Vec<String> = interviews
        .iter()
        .flat_map(|i| i.interviewer_ids.clone())
        .collect();
    contact_ids.sort();
    contact_ids.dedup();
    let names: HashMap<String, String> = app
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

fn show(app: &mut Followup, i: &Interview) -> anyhow::Result<()> {
    let application = app.application(&i.application_id)?;
    let panel = app
        .contacts_by_ids(&i.interviewer_ids)?
        .into_iter()
        .map(|c| {
            let mut line = match c.position.is_empty() {
                true => format!("{} [{}]", c.full_name, c.id),
                false => format!("{}, {} [{}]", c.full_name, c.position, c.id),
            };
            if let Some(p) = i.panellist(&c.id) {
                if !p.works_on.is_empty() {
                    line.push_str(&format!("\n  works on: {}", p.works_on));
                }
                if !p.part.is_empty() {
                    line.push_str(&format!("\n  their part: {}", p.part));
                }
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n");
    let bullets = |list: &[String]| {
        list.iter()
            .map(|p| format!("- {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    out::fields(&[
        ("Id", i.id.clone()),
        (
            "Application",
            format!(
                "{} – {} [{}]",
                application.company, application.role, application.id
            ),
        ),
        ("When", format!("{} ({})", local_time(i), i.time_zone)),
        ("Length", format!("{} min", i.duration_minutes)),
        ("Format", i.format.to_string()),
        ("Location", i.location.clone()),
        ("Status", i.status_at(app.now()).to_string()),
        ("Interviewers", panel),
        ("Timeline", i.timeline.clone()),
        (
            "Decide by",
            i.decide_by.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("To mention", bullets(&i.mentions)),
        ("To offer", bullets(&i.offers)),
        ("To clarify (private)", bullets(&i.points_to_clarify)),
        ("Notes (private)", i.notes.clone()),
    ])
}

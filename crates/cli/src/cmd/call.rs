//! `followup call log`: how a call went, which moves the plan on.

use super::invalid;
use crate::planner::{Loaded, Planner, now};
use crate::{exit::bad_input, out};
use clap::{Args, Subcommand};
use followup_core::plan::{self, CallOutcome, CallRecord, StepKind, StepState};
use followup_core::when;
use followup_store::Store;

#[derive(Subcommand)]
pub enum CallCommand {
    /// Record a call you made for an interview
    Log(Box<LogArgs>),
}

#[derive(Args)]
pub struct LogArgs {
    interview_id: String,
    /// reached, unavailable, voicemail or no-answer
    #[arg(long)]
    outcome: String,
    /// A time they agreed for another call, e.g. 2027-03-16T14:30 (read in their zone)
    #[arg(long, value_name = "DATETIME")]
    callback: Option<String>,
    /// The zone --callback and --at are in [default: the interviewer's]
    #[arg(long)]
    tz: Option<String>,
    /// A date they gave for their decision
    #[arg(long, value_name = "DATE")]
    decide_by: Option<String>,
    /// When the call was made [default: now]
    #[arg(long, value_name = "DATETIME")]
    at: Option<String>,
    #[arg(long)]
    note: Option<String>,
    /// Book a callback outside their business hours or on a holiday all the same
    #[arg(long)]
    anyway: bool,
}

pub fn run(store: &mut Store, command: CallCommand) -> anyhow::Result<()> {
    let CallCommand::Log(args) = command;
    let interview = store.interview(&args.interview_id)?;
    let panel = store.contacts_by_ids(&interview.interviewer_ids)?;
    let lead = panel.first();
    let mut planner = Planner::load(store)?;
    let zone = match &args.tz {
        Some(tz) => followup_core::place::time_zone("tz", tz).map_err(invalid)?,
        None => lead
            .and_then(|c| c.time_zone.clone())
            .unwrap_or_else(|| interview.time_zone.clone()),
    };
    let outcome = CallOutcome::from(args.outcome.as_str());
    if !outcome.is_known() {
        return Err(bad_input(format!(
            "--outcome: unknown outcome '{}'; use one of {}",
            args.outcome,
            CallOutcome::KNOWN.join(", ")
        )));
    }
    let at = match &args.at {
        Some(text) => when::instant("at", text, &zone).map_err(invalid)?,
        None => now(),
    };
    let callback = args
        .callback
        .as_deref()
        .map(|text| when::instant("callback", text, &zone))
        .transpose()
        .map_err(invalid)?;
    if callback.is_some() && outcome != CallOutcome::Unavailable {
        return Err(bad_input("--callback goes with --outcome unavailable"));
    }
    let region = plan::employer_region(&panel, &planner.profile);
    if let Some(when) = callback {
        // Against the call's own time: a callback agreed on a call logged later (--at)
        // is judged by when the call was, not by today.
        if when <= at {
            let what = if args.at.is_some() {
                "before the call"
            } else {
                "in the past"
            };
            return Err(bad_input(format!("--callback: {when} is {what}")));
        }
        let cal = planner.calendars.get(&region)?;
        if let Some(problem) = plan::call_time_problem(when, &zone, cal, &planner.settings)
            && !args.anyway
        {
            return Err(bad_input(format!(
                "--callback: {problem}; agree another time, or pass --anyway"
            )));
        }
    }
    let record = CallRecord {
        id: String::new(),
        interview_id: interview.id.clone(),
        contact_id: lead.map(|c| c.id.clone()),
        at,
        outcome: outcome.clone(),
        callback,
        decide_by: args
            .decide_by
            .as_deref()
            .map(|d| when::date("decide-by", d))
            .transpose()
            .map_err(invalid)?,
        note: args.note.unwrap_or_default(),
    };
    warn_on_cadence(store, &mut planner, &record, &region)?;
    let steps = store.atomically(|s| {
        s.add_call(record.clone())?;
        complete_due_call(s, &record)?;
        planner.replan(s, &record.interview_id)
    })?;
    out::line(format!("call logged: {outcome}"))?;
    if let Some(when) = callback {
        let theirs = jiff::tz::TimeZone::get(&zone)?;
        let yours = jiff::tz::TimeZone::get(&planner.profile.time_zone)?;
        out::line(format!(
            "callback booked: {} their time ({}), {} yours",
            when.to_zoned_datetime(theirs)
                .strftime("%a %-d %b %H:%M %Z"),
            zone,
            when.to_zoned_datetime(yours).strftime("%a %-d %b %H:%M %Z")
        ))?;
    }
    if let Some(next) = steps
        .iter()
        .find(|s| s.state == StepState::Pending && s.kind != StepKind::ThankYou)
    {
        out::line(format!(
            "next: {} ({}): {}",
            crate::step_view::action(&next.kind),
            next.id,
            next.reason
        ))?;
    }
    Ok(())
}

/// The pending call this one answers is done.
fn complete_due_call(store: &mut Store, call: &CallRecord) -> anyhow::Result<()> {
    let due: Vec<_> = store
        .steps(&call.interview_id)?
        .into_iter()
        .filter(|s| s.state == StepState::Pending && s.kind == StepKind::FollowUpCall)
        .map(|mut s| {
            s.state = StepState::Done;
            s.done_at = Some(call.at);
            s.sequence += 1;
            s.updated_at = now();
            s
        })
        .collect();
    store.save_steps(due)?;
    Ok(())
}

/// The call has happened, so the cadence guard only warns here.
fn warn_on_cadence(
    store: &mut Store,
    planner: &mut Planner,
    call: &CallRecord,
    region: &str,
) -> anyhow::Result<()> {
    if !matches!(call.outcome, CallOutcome::Reached | CallOutcome::Voicemail) {
        return Ok(());
    }
    let loaded = Loaded::from_store(store, &call.interview_id)?;
    let input = loaded.input(&planner.profile, &planner.settings);
    let cal = planner.calendars.get(region)?;
    for problem in plan::cadence_problems(call.at, &input, cal) {
        eprintln!("followup: warning: {problem}");
    }
    Ok(())
}

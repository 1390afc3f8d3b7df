//! `followup call log`: how a call went, which moves the plan on.

use crate::out;
use clap::{Args, Subcommand};
use followup_app::{CallLog, Followup, action};

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

pub fn run(app: &mut Followup, command: CallCommand) -> anyhow::Result<()> {
    let CallCommand::Log(args) = command;
    let logged = app.log_call(CallLog {
        interview_id: args.interview_id,
        outcome: args.outcome,
        callback: args.callback,
        tz: args.tz,
        decide_by: args.decide_by,
        at: args.at,
        note: args.note,
        anyway: args.anyway,
    })?;
    super::warn(&logged.warnings);
    let logged = logged.value;
    out::line(format!("call logged: {}", logged.call.outcome))?;
    if let Some(when) = logged.call.callback {
        let theirs = jiff::tz::TimeZone::get(&logged.their_zone)?;
        let yours = jiff::tz::TimeZone::get(&logged.your_zone)?;
        out::line(format!(
            "callback booked: {} their time ({}), {} yours",
            when.to_zoned_datetime(theirs)
                .strftime("%a %-d %b %H:%M %Z"),
            logged.their_zone,
            when.to_zoned_datetime(yours).strftime("%a %-d %b %H:%M %Z")
        ))?;
    }
    if let Some(next) = &logged.next {
        out::line(format!(
            "next: {} ({}): {}",
            action(&next.kind),
            next.id,
            next.reason
        ))?;
    }
    Ok(())
}

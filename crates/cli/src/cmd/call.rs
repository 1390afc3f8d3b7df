//! `followup call log`: how a call went, which moves the plan on.

use crate::out;
use clap::{Args, Subcommand};
use followup_app::{CallChanges, CallLog, Followup, Target, action};

#[derive(Subcommand)]
pub enum CallCommand {
    /// Record a call you made for an interview
    Log(Box<LogArgs>),
    /// Change a logged call; the plan follows
    Set(Box<SetArgs>),
    /// Delete a logged call; the plan follows
    Delete(super::edit::DeleteArgs),
    /// The calls you made, oldest first, with their notes
    List {
        /// Only this interview's
        #[arg(long)]
        interview: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct LogArgs {
    interview_id: String,
    /// reached, unavailable, voicemail or no-answer
    #[arg(long)]
    outcome: String,
    /// A time they agreed for another call, e.g. 2027-03-16T14:30 or "Thursday at 3" (read
    /// in their zone)
    #[arg(long, value_name = "DATETIME")]
    callback: Option<String>,
    /// The zone --callback is in [default: the interviewer's]
    #[arg(long, value_name = "ZONE", requires = "callback")]
    callback_tz: Option<String>,
    /// A date they gave for their decision
    #[arg(long, value_name = "DATE")]
    decide_by: Option<String>,
    #[command(flatten)]
    at: super::step::AtArgs,
    #[arg(long)]
    note: Option<String>,
    /// Book a callback outside their business hours or on a holiday all the same
    #[arg(long)]
    anyway: bool,
}

pub fn run(app: &mut Followup, command: CallCommand) -> anyhow::Result<()> {
    let args = match command {
        CallCommand::Log(args) => args,
        CallCommand::List { interview, json } => return list(app, interview, json),
        CallCommand::Delete(args) => return super::edit::delete(app, args, Target::Call),
        CallCommand::Set(args) => return set(app, *args),
    };
    let interview_id = super::full_id(app, &args.interview_id)?;
    let logged = app.log_call(CallLog {
        interview_id,
        outcome: args.outcome,
        callback: args.callback,
        callback_tz: args.callback_tz,
        decide_by: args.decide_by,
        at: args.at.into_when(),
        note: args.note,
        anyway: args.anyway,
    })?;
    super::warn(&logged.warnings);
    let logged = logged.value;
    out::line(format!(
        "call logged: {} at {}, {} theirs",
        logged.call.outcome,
        super::in_zone(logged.call.at, &logged.your_zone)?,
        super::in_zone(logged.call.at, &logged.their_zone)?
    ))?;
    if let Some(when) = logged.call.callback {
        let theirs = jiff::tz::TimeZone::get(&logged.their_zone)?;
        let yours = jiff::tz::TimeZone::get(&logged.your_zone)?;
        out::line(format!(
            "callback booked: {} their time ({}), {} yours",
            when.to_zoned_datetime(theirs)
                .strftime("%a %-d %b %Y %H:%M %Z"),
            logged.their_zone,
            when.to_zoned_datetime(yours)
                .strftime("%a %-d %b %Y %H:%M %Z")
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

fn list(app: &mut Followup, interview: Option<String>, json: bool) -> anyhow::Result<()> {
    let interview = interview.map(|i| super::full_id(app, &i)).transpose()?;
    let calls = app.call_list(interview.as_deref())?;
    if json {
        return out::json(&calls);
    }
    if calls.is_empty() {
        return out::line(
            "No calls logged yet: `followup call log INTERVIEW --outcome …` records one.",
        );
    }
    let zone = app.profile()?.unwrap_or_default().time_zone;
    let tz = jiff::tz::TimeZone::get(&zone)?;
    let mut text = String::new();
    for v in &calls {
        let c = &v.call;
        let when =
            c.at.to_zoned_datetime(tz.clone())
                .strftime("%a %-d %b %Y %H:%M %Z");
        let person = if v.person.is_empty() {
            String::new()
        } else {
            format!(" · {}", v.person)
        };
        text.push_str(&format!(
            "{when}  {}{person} — {}  [{}]\n",
            c.outcome, v.application, c.id
        ));
        if let Some(callback) = c.callback {
            let at = callback
                .to_zoned_datetime(tz.clone())
                .strftime("%a %-d %b %Y %H:%M %Z");
            text.push_str(&format!("    callback agreed: {at} your time\n"));
        }
        if let Some(date) = c.decide_by {
            text.push_str(&format!("    they decide by {date}\n"));
        }
        for line in c.note.lines().filter(|l| !l.trim().is_empty()) {
            text.push_str(&format!("    {line}\n"));
        }
    }
    out::raw(&text)
}

#[derive(Args)]
pub struct SetArgs {
    id: String,
    /// reached, unavailable, voicemail or no-answer
    #[arg(long)]
    outcome: Option<String>,
    #[command(flatten)]
    at: super::step::AtArgs,
    /// A time they agreed for another call, e.g. "Friday 11am" (their zone; "" clears it)
    #[arg(long, value_name = "DATETIME")]
    callback: Option<String>,
    /// The zone --callback is in [default: the interviewer's]
    #[arg(long, value_name = "ZONE", requires = "callback")]
    callback_tz: Option<String>,
    /// A date they gave for their decision ("" clears it)
    #[arg(long, value_name = "DATE")]
    decide_by: Option<String>,
    #[arg(long)]
    note: Option<String>,
}

fn set(app: &mut Followup, args: SetArgs) -> anyhow::Result<()> {
    let id = super::full_id(app, &args.id)?;
    let call = app.change_call(
        &id,
        CallChanges {
            outcome: args.outcome,
            at: args.at.into_when(),
            callback: args.callback,
            callback_tz: args.callback_tz,
            decide_by: args.decide_by,
            note: args.note,
        },
    )?;
    let zone = app.profile()?.unwrap_or_default().time_zone;
    out::line(format!(
        "call {} updated: {} at {}",
        call.id,
        call.outcome,
        super::in_zone(call.at, &zone)?
    ))
}

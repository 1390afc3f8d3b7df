//! `followup step`: acting on a plan step by hand.

use crate::out;
use clap::{Args, Subcommand};
use followup_app::{Followup, StepAction, WhenYouDid};

#[derive(Subcommand)]
pub enum StepCommand {
    /// Mark a step done (the plan moves on: a follow-up email counts as a contact)
    Done {
        id: String,
        /// For a letter: it went in the post
        #[arg(long)]
        posted: bool,
        #[command(flatten)]
        at: AtArgs,
    },
    /// Skip a step
    Skip {
        id: String,
        #[command(flatten)]
        at: AtArgs,
    },
    /// Move a step to another time; recomputing the plan leaves it there
    Move {
        id: String,
        /// New start, e.g. 2027-03-16T14:30 (read in the step's zone unless --tz)
        #[arg(long, value_name = "DATETIME")]
        to: String,
        #[arg(long)]
        tz: Option<String>,
        /// Move a call outside their business hours or onto a holiday all the same
        #[arg(long)]
        anyway: bool,
    },
}

/// When you did something, for back-dating: your time unless `--at-tz`.
#[derive(Args)]
pub struct AtArgs {
    /// When you did it, e.g. 2027-03-16T15:05 [default: now]; read in your zone
    #[arg(long, value_name = "DATETIME")]
    at: Option<String>,
    /// The zone --at is in [default: your profile's]
    #[arg(long, value_name = "ZONE", requires = "at")]
    at_tz: Option<String>,
}

impl AtArgs {
    pub fn into_when(self) -> Option<WhenYouDid> {
        self.at.map(|text| WhenYouDid {
            text,
            tz: self.at_tz,
        })
    }
}

pub fn run(app: &mut Followup, command: StepCommand) -> anyhow::Result<()> {
    let (id, action, said) = match command {
        StepCommand::Done { id, posted, at } => (
            id,
            StepAction::Done {
                posted,
                at: at.into_when(),
            },
            "done",
        ),
        StepCommand::Skip { id, at } => (id, StepAction::Skip { at: at.into_when() }, "skipped"),
        StepCommand::Move { id, to, tz, anyway } => {
            (id, StepAction::Move { to, tz, anyway }, "moved")
        }
    };
    let id = super::full_id(app, &id)?;
    let acted = app.act_on_step(&id, action)?;
    super::warn(&acted.warnings);
    let acted = acted.value;
    let when = match (said, acted.step.done_at) {
        ("moved", _) | (_, None) => String::new(),
        (_, Some(at)) => format!(" at {}", super::in_zone(at, &acted.your_zone)?),
    };
    out::line(format!("step {id} {said}{when}"))
}

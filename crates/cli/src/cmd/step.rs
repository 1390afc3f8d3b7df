//! `followup step`: acting on a plan step by hand.

use crate::out;
use clap::Subcommand;
use followup_app::{Followup, StepAction};

#[derive(Subcommand)]
pub enum StepCommand {
    /// Mark a step done (the plan moves on: a follow-up email counts as a contact)
    Done {
        id: String,
        /// For a letter: it went in the post
        #[arg(long)]
        posted: bool,
    },
    /// Skip a step
    Skip { id: String },
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

pub fn run(app: &mut Followup, command: StepCommand) -> anyhow::Result<()> {
    let (id, action, said) = match command {
        StepCommand::Done { id, posted } => (id, StepAction::Done { posted }, "done"),
        StepCommand::Skip { id } => (id, StepAction::Skip, "skipped"),
        StepCommand::Move { id, to, tz, anyway } => {
            (id, StepAction::Move { to, tz, anyway }, "moved")
        }
    };
    app.act_on_step(&id, action)?;
    out::line(format!("step {id} {said}"))
}

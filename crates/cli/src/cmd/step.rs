//! `followup step`: acting on a plan step by hand.

use super::invalid;
use crate::planner::{Planner, now};
use crate::{exit::bad_input, out};
use clap::Subcommand;
use followup_core::plan::{self, StepKind, StepState};
use followup_core::when;
use followup_store::Store;
use jiff::SignedDuration;

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

pub fn run(store: &mut Store, command: StepCommand) -> anyhow::Result<()> {
    let id = match &command {
        StepCommand::Done { id, .. } | StepCommand::Skip { id } | StepCommand::Move { id, .. } => {
            id.clone()
        }
    };
    let mut step = store.step(&id)?;
    if step.state != StepState::Pending {
        return Err(bad_input(format!(
            "step {id} is {}; only pending steps can change",
            step.state
        )));
    }
    let mut planner = Planner::load(store)?;
    let said = match command {
        StepCommand::Done { posted, .. } => {
            step.state = StepState::Done;
            step.done_at = Some(now());
            if posted {
                step.reason.push_str("; posted");
            }
            "done"
        }
        StepCommand::Skip { .. } => {
            step.state = StepState::Skipped;
            "skipped"
        }
        StepCommand::Move { to, tz, anyway, .. } => {
            let zone = match tz {
                Some(z) => followup_core::place::time_zone("tz", &z).map_err(invalid)?,
                None => step.zone.clone(),
            };
            let start = when::instant("to", &to, &zone).map_err(invalid)?;
            if step.kind == StepKind::FollowUpCall {
                let interview = store.interview(&step.interview_id)?;
                let panel = store.contacts_by_ids(&interview.interviewer_ids)?;
                let region = plan::employer_region(&panel, &planner.profile);
                let cal = planner.calendars.get(&region)?;
                if let Some(problem) =
                    plan::call_time_problem(start, &step.zone, cal, &planner.settings)
                    && !anyway
                {
                    return Err(bad_input(format!(
                        "--to: {problem}; pick another time, or pass --anyway"
                    )));
                }
            }
            let length = step
                .end
                .duration_since(step.start)
                .max(SignedDuration::from_mins(15));
            step.start = start;
            step.end = start + length;
            step.moved = true;
            "moved"
        }
    };
    step.sequence += 1;
    step.updated_at = now();
    let interview_id = step.interview_id.clone();
    store.atomically(|s| {
        s.save_steps(vec![step])?;
        planner.replan(s, &interview_id).map(|_| ())
    })?;
    out::line(format!("step {id} {said}"))
}

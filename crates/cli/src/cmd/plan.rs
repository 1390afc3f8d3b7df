//! `followup plan`: an interview's steps, or recomputing plans by hand.

use crate::out;
use crate::planner::Planner;
use crate::step_view::describe;
use clap::Subcommand;
use followup_store::Store;
use jiff::Timestamp;

#[derive(Subcommand)]
pub enum PlanCommand {
    /// An interview's steps: what, when, why, and their state
    Show {
        interview_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Recompute plans (they are kept up to date on every change; this is for after an
    /// upgrade)
    Refresh {
        /// One interview [default: every interview with something pending]
        interview_id: Option<String>,
    },
}

pub fn run(store: &mut Store, command: PlanCommand) -> anyhow::Result<()> {
    match command {
        PlanCommand::Show { interview_id, json } => {
            let steps = store.steps(&interview_id)?;
            if steps.is_empty() {
                store.interview(&interview_id)?;
            }
            let zone = store.profile()?.unwrap_or_default().time_zone;
            let views = describe(store, &steps, &zone, Timestamp::now(), false)?;
            if json {
                return out::json(&views);
            }
            let rows = views
                .iter()
                .map(|v| {
                    vec![
                        v.id.clone(),
                        v.what.clone(),
                        v.state.clone(),
                        v.your_window.clone(),
                        v.reason.clone(),
                    ]
                })
                .collect();
            out::table(&["id", "step", "state", "when (your time)", "why"], rows)
        }
        PlanCommand::Refresh { interview_id } => {
            let ids = match interview_id {
                Some(id) => vec![id],
                None => store.interviews_with_pending_steps()?,
            };
            let mut planner = Planner::load(store)?;
            store.atomically(|s| planner.replan_all(s, &ids))?;
            out::line(format!("recomputed {} plan(s)", ids.len()))
        }
    }
}

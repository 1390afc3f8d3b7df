//! `followup plan`: an interview's steps, or recomputing plans by hand.

use crate::out;
use clap::Subcommand;
use followup_app::Followup;

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

pub fn run(app: &mut Followup, command: PlanCommand) -> anyhow::Result<()> {
    match command {
        PlanCommand::Show { interview_id, json } => {
            let interview_id = super::full_id(app, &interview_id)?;
            let views = app.plan(&interview_id)?;
            if json {
                return out::json(&views);
            }
            let rows = views
                .iter()
                .map(|v| {
                    vec![
                        v.id.clone(),
                        v.what.clone(),
                        v.state_shown.clone(),
                        v.your_window.clone(),
                        v.reason.clone(),
                    ]
                })
                .collect();
            out::table(&["id", "step", "state", "when (your time)", "why"], rows)
        }
        PlanCommand::Refresh { interview_id } => {
            let interview_id = interview_id.map(|i| super::full_id(app, &i)).transpose()?;
            let n = app.refresh_plans(interview_id.as_deref())?;
            out::line(format!("recomputed {n} plan(s)"))
        }
    }
}

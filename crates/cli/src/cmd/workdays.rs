//! `followup workdays`: working-day arithmetic in a region.

use super::invalid;
use crate::out;
use clap::Subcommand;
use followup_app::Followup;
use followup_core::when;

#[derive(Subcommand)]
pub enum WorkdaysCommand {
    /// The N-th working day after DATE
    Add {
        date: String,
        /// How many working days (0 to 10000: about forty years)
        #[arg(value_parser = clap::value_parser!(u32).range(0..=10_000))]
        n: u32,
        #[arg(long)]
        region: String,
        #[arg(long)]
        json: bool,
    },
    /// The first working day after DATE
    Next {
        date: String,
        #[arg(long)]
        region: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(app: &mut Followup, command: WorkdaysCommand) -> anyhow::Result<()> {
    let (date, n, region, json) = match command {
        WorkdaysCommand::Add {
            date,
            n,
            region,
            json,
        } => (date, n, region, json),
        WorkdaysCommand::Next { date, region, json } => (date, 1, region, json),
    };
    let date = when::date("date", &date).map_err(invalid)?;
    let calendar = app.working_days(&region)?;
    let answer = calendar.add(date, n);
    if !calendar.covers(answer) {
        eprintln!(
            "followup: warning: the holiday data for {} ends before {answer}; only weekends are counted past it",
            calendar.region()
        );
    }
    if json {
        return out::json(&serde_json::json!({ "date": answer.to_string() }));
    }
    out::line(answer)
}

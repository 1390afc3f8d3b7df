//! `followup export`: everything out, as a backup that `followup import json` reads
//! back, or the plan as a calendar feed phones subscribe to.

use crate::out;
use crate::step_view::describe;
use clap::Subcommand;
use followup_formats::backup;
use followup_formats::ics::{self, CalendarEntry};
use followup_store::Store;
use jiff::Timestamp;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Every record and field as JSON (with a schema version) to standard output
    Json,
    /// The plan as an iCalendar feed: calls as events with a reminder, the rest as to-dos
    Ics,
}

pub fn run(store: &mut Store, command: ExportCommand) -> anyhow::Result<()> {
    match command {
        ExportCommand::Json => out::raw(&backup::write(store.records()?, Timestamp::now())),
        ExportCommand::Ics => {
            let steps = store.all_steps()?;
            let zone = store.profile()?.unwrap_or_default().time_zone;
            let views = describe(store, &steps, &zone, Timestamp::now(), true)?;
            let entries: Vec<CalendarEntry> = steps
                .iter()
                .zip(&views)
                .map(|(step, v)| CalendarEntry {
                    step,
                    summary: match v.person.is_empty() {
                        true => format!("{}: {}", v.what, v.application),
                        false => format!("{}: {} ({})", v.what, v.person, v.application),
                    },
                    description: format!(
                        "Their time: {} ({}).\nYour time: {} ({}).\nWhy: {}",
                        v.their_window, v.their_zone, v.your_window, v.your_zone, v.reason
                    ),
                })
                .collect();
            out::raw(&ics::write_calendar(&entries))
        }
    }
}

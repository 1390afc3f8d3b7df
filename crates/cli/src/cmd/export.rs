//! `followup export`: everything out, as a backup that `followup import json` reads
//! back, or the plan as a calendar feed phones subscribe to.

use crate::out;
use clap::Subcommand;
use followup_app::Followup;
use followup_formats::backup;
use jiff::Timestamp;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Every record and field as JSON (with a schema version) to standard output
    Json,
    /// The plan as an iCalendar feed: calls as events with a reminder, the rest as to-dos
    Ics,
}

pub fn run(app: &mut Followup, command: ExportCommand) -> anyhow::Result<()> {
    match command {
        ExportCommand::Json => out::raw(&backup::write(app.records()?, Timestamp::now())),
        ExportCommand::Ics => out::raw(&app.calendar_feed()?),
    }
}

//! `followup export`: everything out, as a backup that `followup import json` reads
//! back, or the plan as a calendar feed phones subscribe to.

use crate::out;
use clap::Subcommand;
use followup_app::{Followup, action, window};
use followup_formats::backup;
use followup_formats::ics::{self, CalendarEntry};
use followup_store::StepLabel;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::collections::HashMap;

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
        ExportCommand::Ics => {
            let followup_app::CalendarData {
                steps,
                labels,
                your_zone,
            } = app.calendar()?;
            let yours = TimeZone::get(&your_zone).unwrap_or(TimeZone::UTC);
            let mut zones: HashMap<&str, TimeZone> = HashMap::new();
            let entries: Vec<CalendarEntry> = steps
                .iter()
                .map(|step| {
                    let theirs = zones
                        .entry(step.zone.as_str())
                        .or_insert_with(|| TimeZone::get(&step.zone).unwrap_or(TimeZone::UTC));
                    let none = StepLabel::default();
                    let label = labels.get(&step.id).unwrap_or(&none);
                    let what = action(&step.kind);
                    CalendarEntry {
                        step,
                        summary: match label.person.is_empty() {
                            true => format!("{what}: {}", label.application),
                            false => format!("{what}: {} ({})", label.person, label.application),
                        },
                        description: format!(
                            "Their time: {} ({}).\nYour time: {} ({your_zone}).\nWhy: {}",
                            window(step.start, step.end, theirs),
                            step.zone,
                            window(step.start, step.end, &yours),
                            step.reason
                        ),
                    }
                })
                .collect();
            out::raw(&ics::write_calendar(&entries))
        }
    }
}

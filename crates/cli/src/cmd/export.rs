//! `followup export`: everything out, as a backup that `followup import json` reads back.

use crate::out;
use clap::Subcommand;
use followup_formats::backup;
use followup_store::Store;
use jiff::Timestamp;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Every record and field as JSON (with a schema version) to standard output
    Json,
}

pub fn run(store: &mut Store, command: ExportCommand) -> anyhow::Result<()> {
    match command {
        ExportCommand::Json => out::raw(&backup::write(store.records()?, Timestamp::now())),
    }
}

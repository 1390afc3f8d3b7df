//! `followup import`: a JSON backup, or applications from a CSV file. Each import is one
//! transaction: on any error nothing is written.

use super::read_text_arg;
use crate::{exit::bad_input, out};
use anyhow::Context;
use clap::Subcommand;
use followup_app::Followup;
use followup_formats::{backup, csv_import};
use indicatif::{ProgressBar, ProgressStyle};
use jiff::Timestamp;
use std::io::IsTerminal;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Restore a backup made by `followup export json` (records are matched by id)
    Json {
        file: String,
        /// Also apply the backup's settings that run commands or turn checks off
        /// (smtp.password_command, tone.off, tone.accept, tone.styles)
        #[arg(long)]
        with_settings: bool,
    },
    /// Add applications from a CSV file with a header row
    Csv {
        file: String,
        /// Map a field to a header: company, role, status, url, applied_on,
        /// job_description (repeatable), e.g. --column company=Employer
        #[arg(long = "column", value_name = "FIELD=HEADER")]
        columns: Vec<String>,
        /// Import the valid rows even if some are bad (those are listed and skipped)
        #[arg(long)]
        skip_invalid: bool,
    },
}

pub fn run(app: &mut Followup, command: ImportCommand) -> anyhow::Result<()> {
    match command {
        ImportCommand::Json {
            file,
            with_settings,
        } => {
            let text = read_text_arg(&file, "backup", super::MAX_BACKUP_BYTES)?;
            let records = backup::read(&text).map_err(|e| bad_input(format!("{file}: {e}")))?;
            let done = app.restore(records, with_settings)?;
            super::warn(&done.warnings);
            let report = done.value;
            let counts = report.counts;
            if !report.settings_not_applied.is_empty() {
                eprintln!(
                    "followup: to apply them: `followup import json {file} --with-settings`, or `followup config set NAME VALUE`"
                );
            }
            out::line(format!(
                "restored: {} applications, {} contacts, {} interviews{}",
                counts.applications,
                counts.contacts,
                counts.interviews,
                if report.profile { ", the profile" } else { "" }
            ))
        }
        ImportCommand::Csv {
            file,
            columns,
            skip_invalid,
        } => csv(app, &file, &columns, skip_invalid),
    }
}

fn csv(
    app: &mut Followup,
    file: &str,
    columns: &[String],
    skip_invalid: bool,
) -> anyhow::Result<()> {
    let mapping = columns
        .iter()
        .map(|c| {
            c.split_once('=')
                .map(|(f, h)| (f.trim().to_string(), h.trim().to_string()))
                .ok_or_else(|| bad_input(format!("--column {c}: write it as FIELD=HEADER")))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let handle = std::fs::File::open(file).with_context(|| format!("cannot read {file}"))?;
    let size = handle.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(size);
    let read = csv_import::read_applications(
        std::io::BufReader::new(handle),
        &mapping,
        Timestamp::now(),
        |bytes| bar.set_position(bytes),
    )
    .map_err(|e| super::at(file, &e))?;
    bar.finish_and_clear();
    for column in &read.ignored_columns {
        eprintln!("{file}: column '{column}' is not used");
    }
    let skipped = read.skipped.len();
    super::refuse_unless_skipping(
        file,
        &read.skipped,
        skip_invalid,
        "row(s) could not be used",
        &format!("imported: 0, skipped: {skipped}"),
    )?;
    let imported = app.add_applications(read.rows.into_iter().map(|(_, a)| a).collect())?;
    out::line(format!("imported: {imported}, skipped: {skipped}"))
}

/// A bar on a terminal for files big enough to wait for; nothing otherwise.
fn progress_bar(size: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() || size < 1024 * 1024 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(size);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {eta}")
            .expect("the template is valid"),
    );
    bar
}

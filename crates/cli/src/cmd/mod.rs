//! The command line: global options, the subcommand tree, and opening the database.
//! Each subcommand lives in its own file and only parses, calls and prints.

mod agenda;
mod application;
mod call;
mod check;
mod config;
mod contact;
mod dev;
mod draft;
mod edit;
mod export;
mod history;
mod holidays;
mod import;
mod interview;
mod letter;
mod meta;
mod plan;
mod profile;
mod send;
mod serve;
mod skills;
mod step;
mod template;
mod workdays;

use crate::exit::bad_input;
use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use followup_app::{Followup, Options};
use followup_store::Page;

#[derive(Parser)]
#[command(
    name = "followup",
    version,
    about = "After the interview: capture the interviewers, send the thank-you, make the follow-up call.",
    propagate_version = true
)]
pub struct Cli {
    /// Database: a SQLite file path or a postgres:// URL [default: followup.db in the
    /// XDG data directory]
    #[arg(long, global = true, env = "FOLLOWUP_DB", value_name = "PATH|URL")]
    db: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Your name, contact details, locale, region, time zone and skills
    #[command(subcommand)]
    Profile(profile::ProfileCommand),
    /// Jobs applied for
    #[command(subcommand)]
    Application(application::ApplicationCommand),
    /// Interviewers and other people at employers
    #[command(subcommand)]
    Contact(contact::ContactCommand),
    /// Interviews, their panels and what to remember
    #[command(subcommand)]
    Interview(interview::InterviewCommand),
    /// The web app in your browser: http://127.0.0.1:7878/ by default
    Serve(serve::ServeArgs),
    /// What is overdue and due today
    Today {
        #[arg(long)]
        json: bool,
    },
    /// What is due over the coming days
    Agenda {
        /// First day, YYYY-MM-DD [default: today]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        #[arg(long, default_value_t = 14)]
        days: u32,
        #[arg(long)]
        json: bool,
    },
    /// An interview's follow-up plan
    #[command(subcommand)]
    Plan(plan::PlanCommand),
    /// Act on a plan step by hand: done, skip, move
    #[command(subcommand)]
    Step(step::StepCommand),
    /// Log how a follow-up call went
    #[command(subcommand)]
    Call(call::CallCommand),
    /// Working-day arithmetic in a region
    #[command(subcommand)]
    Workdays(workdays::WorkdaysCommand),
    /// Bank holidays, and your own days off
    #[command(subcommand)]
    Holidays(holidays::HolidaysCommand),
    /// Drafts: thank-you notes, queries, call and voicemail scripts
    #[command(subcommand)]
    Draft(draft::DraftCommand),
    /// Approve a draft's exact text for sending (same as `draft approve`)
    Approve {
        draft_id: String,
        /// Approve despite error-level findings, saying why
        #[arg(long, value_name = "REASON")]
        r#override: Option<String>,
        /// Don't ask (for scripts)
        #[arg(long)]
        yes: bool,
    },
    /// Send an approved email draft through your mail server, exactly once
    Send { draft_id: String },
    /// An application's timeline: applied, interviews, calls, drafts, messages sent,
    /// steps done and what is due
    Log {
        application_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Search companies, roles, people and your notes for some text
    Find {
        text: String,
        #[arg(long)]
        json: bool,
    },
    /// Take back the last change (again for the one before); --list shows the journal
    Undo {
        /// The latest changes, newest first, instead of undoing
        #[arg(long)]
        list: bool,
        #[arg(long, requires = "list")]
        json: bool,
    },
    /// A thank-you letter draft as a PDF to print and post
    Letter(letter::LetterArgs),
    /// Messages handed to the mail server
    #[command(subcommand)]
    Outbox(send::OutboxCommand),
    /// Mail server checks
    #[command(subcommand)]
    Mail(send::MailCommand),
    /// The templates drafts are written from, and your versions of them
    #[command(subcommand)]
    Template(template::TemplateCommand),
    /// Which of your skills match a job description
    #[command(subcommand)]
    Skills(skills::SkillsCommand),
    /// Check a text's tone: exit 0 when no errors, 1 when errors, 2 when unreadable
    Check(check::CheckArgs),
    /// Settings: the plan's timing, the tone checker, the mail server
    #[command(subcommand)]
    Config(config::ConfigCommand),
    /// A consistent copy of the whole database file (SQLite), even while the web app
    /// writes: open it with `--db FILE`
    Backup {
        /// The new file to write
        file: String,
    },
    /// Write everything out: a JSON backup, or the calendar feed
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Read a backup or a CSV of applications
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Shell completions: `followup completions bash > /etc/bash_completion.d/followup`
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// The manual page (roff) to standard output: `followup man > followup.1`
    Man,
    /// Developer tools (benchmark data)
    #[command(subcommand, hide = true)]
    Dev(dev::DevCommand),
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Template(c) => return template::run(c),
        Command::Completions { shell } => return meta::completions(shell),
        Command::Man => return meta::man(),
        Command::Serve(args) => return serve::run(database(cli.db)?, args),
        _ => {}
    }
    let mut app = open(cli.db)?;
    let app = &mut app;
    match cli.command {
        Command::Profile(c) => profile::run(app, c),
        Command::Application(c) => application::run(app, c),
        Command::Contact(c) => contact::run(app, c),
        Command::Interview(c) => interview::run(app, c),
        Command::Today { json } => agenda::run(app, None, 1, json),
        Command::Agenda { from, days, json } => agenda::run(app, from, days, json),
        Command::Plan(c) => plan::run(app, c),
        Command::Step(c) => step::run(app, c),
        Command::Call(c) => call::run(app, c),
        Command::Workdays(c) => workdays::run(app, c),
        Command::Check(args) => check::run(app, args),
        Command::Skills(c) => skills::run(app, c),
        Command::Draft(c) => draft::run(app, c),
        Command::Approve {
            draft_id,
            r#override,
            yes,
        } => draft::approve(app, &draft_id, r#override, yes),
        Command::Send { draft_id } => send::send(app, &draft_id),
        Command::Undo { list, json } => edit::undo(app, list, json),
        Command::Log {
            application_id,
            json,
        } => history::log(app, &application_id, json),
        Command::Find { text, json } => history::find(app, &text, json),
        Command::Letter(args) => letter::run(app, args),
        Command::Outbox(c) => send::run_outbox(app, c),
        Command::Mail(c) => send::run_mail(app, c),
        Command::Holidays(c) => holidays::run(app, c),
        Command::Config(c) => config::run(app, c),
        Command::Export(c) => export::run(app, c),
        Command::Backup { file } => {
            app.copy_database(&file)?;
            crate::out::line(format!("copied the database to {file}"))
        }
        Command::Import(c) => import::run(app, c),
        Command::Dev(c) => dev::run(app, c),
        Command::Template(_) | Command::Completions { .. } | Command::Man | Command::Serve(_) => {
            unreachable!("handled before the database opens")
        }
    }
}

/// The database to use: `--db`, else the default file.
fn database(db: Option<String>) -> anyhow::Result<String> {
    match db {
        Some(target) if !target.trim().is_empty() => Ok(target),
        _ => default_database(),
    }
}

fn open(db: Option<String>) -> anyhow::Result<Followup> {
    let target = database(db)?;
    Ok(Followup::open(
        &target,
        Options::from_env(config_dir().ok()),
    )?)
}

/// Prints what a use case warned about, on stderr.
pub fn warn(warnings: &[followup_app::Warning]) {
    for w in warnings {
        eprintln!("followup: warning: {w}");
    }
}

/// The full id for what was typed: any unambiguous prefix of an id works.
pub fn full_id(app: &mut Followup, typed: &str) -> anyhow::Result<String> {
    Ok(app.full_id(typed)?)
}

/// "Tue 16 Mar 15:05 GMT (Europe/London)": a time in a named zone, the zone spelt out.
pub fn in_zone(at: jiff::Timestamp, zone: &str) -> anyhow::Result<String> {
    let tz = jiff::tz::TimeZone::get(zone)?;
    Ok(format!(
        "{} ({zone})",
        at.to_zoned_datetime(tz).strftime("%a %-d %b %Y %H:%M %Z")
    ))
}

/// `followup.db` in the XDG data directory (created on first use).
fn default_database() -> anyhow::Result<String> {
    let dirs = directories::ProjectDirs::from("", "", "followup")
        .context("cannot find a home directory for the database; pass --db PATH")?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    Ok(dir.join("followup.db").display().to_string())
}

/// Followup's configuration folder: `FOLLOWUP_CONFIG_DIR`, else the XDG config directory.
pub fn config_dir() -> anyhow::Result<std::path::PathBuf> {
    if let Ok(dir) = std::env::var("FOLLOWUP_CONFIG_DIR")
        && !dir.is_empty()
    {
        return Ok(dir.into());
    }
    let dirs = directories::ProjectDirs::from("", "", "followup")
        .context("cannot find a home directory for the configuration; set FOLLOWUP_CONFIG_DIR")?;
    Ok(dirs.config_dir().to_path_buf())
}

/// Which rows a `list` shows.
#[derive(Args)]
pub struct PageArgs {
    /// Rows to show
    #[arg(long, default_value_t = 50)]
    limit: i64,
    /// Rows to skip
    #[arg(long, default_value_t = 0)]
    offset: i64,
    /// Show every row
    #[arg(long)]
    all: bool,
}

impl PageArgs {
    pub fn page(&self) -> Page {
        Page {
            limit: (!self.all).then_some(self.limit.max(0)),
            offset: self.offset.max(0),
        }
    }
}

/// The most a text read from a file or standard input may hold: a job description, a
/// skills list or a template is a few kilobytes, so a larger one is a wrong file (or
/// `/dev/zero`), refused before it fills memory.
pub const MAX_TEXT_BYTES: u64 = 4 << 20;
/// The most a backup may hold: ten thousand applications with their adverts fit well
/// inside it.
pub const MAX_BACKUP_BYTES: u64 = 512 << 20;

/// The bytes of a file, or of standard input for `-`, read no further than one byte past
/// `max_bytes`: a device or a pipe (`/dev/zero`) reports no size and never ends, so the
/// limit is what stops it, and a result longer than `max_bytes` means "too large".
pub fn read_at_most(path: &str, max_bytes: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .take(max_bytes + 1)
            .read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?
            .take(max_bytes + 1)
            .read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Reads a text argument that may be a file path or `-` for standard input, refusing one
/// over `max_bytes` without reading further.
pub fn read_text_arg(path: &str, what: &str, max_bytes: u64) -> anyhow::Result<String> {
    let bytes = read_at_most(path, max_bytes).with_context(|| {
        if path == "-" {
            format!("reading {what} from standard input")
        } else {
            format!("cannot read {what} file {path}")
        }
    })?;
    let name = if path == "-" { "<stdin>" } else { path };
    if bytes.len() as u64 > max_bytes {
        return Err(bad_input(format!(
            "{name}: more than {} MB, too large for a {what} (the limit is {} MB); is it the \
             right file?",
            max_bytes >> 20,
            max_bytes >> 20
        )));
    }
    followup_formats::decoded_text(&bytes)
        .map(|t| t.into_owned())
        .map_err(|e| at(name, &e))
}

/// Lists an import's problems on stderr as `file:line: problem`; unless the user chose to
/// skip them, refuses the whole import (after printing `nothing_summary`).
pub fn refuse_unless_skipping(
    file: &str,
    problems: &[followup_formats::LineError],
    skip_invalid: bool,
    what: &str,
    nothing_summary: &str,
) -> anyhow::Result<()> {
    for e in problems {
        eprintln!("{file}:{}: {}", e.line, e.problem);
    }
    if problems.is_empty() || skip_invalid {
        return Ok(());
    }
    crate::out::line(nothing_summary)?;
    Err(bad_input(format!(
        "{file}: {} {what}, so nothing was imported; fix them, or pass --skip-invalid to \
         import the rest",
        problems.len()
    )))
}

/// "file:line: problem", the form editors and terminals make clickable.
pub fn at(file: &str, e: &followup_formats::LineError) -> anyhow::Error {
    bad_input(format!("{file}:{}: {}", e.line, e.problem))
}

/// Turns a domain validation error into a user error.
pub fn invalid(e: followup_core::InvalidValue) -> anyhow::Error {
    bad_input(format!("--{e}"))
}

//! Followup's engine: the use cases, once. A [`Followup`] holds the store (bound to one
//! database), a clock and the options the front end read from its environment; it has a
//! method per use case — capture, the plan, drafts, delivery, settings, import and export.
//! The CLI and the web app parse, call a method, and present what it returns: a value
//! plus [`Warning`]s, or an [`AppError`]. Nothing here prints.
//!
//! Every write goes through [`write::Tx`], which replans the interviews the write touched
//! before its transaction commits: a command cannot forget to replan.

mod backup;
mod capture;
mod deletes;
mod delivery;
mod drafts;
mod edits;
mod error;
mod feed;
mod guide;
mod history;
mod journal;
mod login;
mod planner;
mod privacy;
mod settings;
mod step_view;
mod steps;
mod templates;
mod timeline;
mod write;

pub use backup::{CalendarData, HolidayImport, RISKY_SETTINGS, RestoreReport};
pub use capture::{
    ContactChanges, InterviewNote, Joining, NewInterview, Noted, PanellistNote, ProfileChanges,
    TimelineReading,
};
pub use deletes::{DeletePreview, Target};
pub use delivery::{Resolution, Sent};
pub use drafts::{DraftRequest, DraftView, may_approve};
pub use edits::{ApplicationChanges, CallChanges, InterviewChanges};
pub use error::{AppError, Result};
pub use guide::EmptyAgenda;
pub use history::{CallView, DraftState, DraftSummary};
pub use journal::{JournalLine, Undone};
pub use login::MIN_PASSWORD_CHARS;
pub use settings::{ResolvedSetting, TONE_SETTINGS};
pub use step_view::{StepView, Zone, action, window};
pub use steps::{Agenda, CallLog, CallLogged, Section, StepActed, StepAction, WhenYouDid};
pub use templates::{TemplateInfo, Templates};
pub use timeline::{Event, EventKind, Found, Timeline};

use followup_store::Store;
use jiff::Timestamp;
use std::path::PathBuf;
use std::time::Duration;

/// The use cases over one database.
pub struct Followup {
    store: Store,
    clock: Clock,
    options: Options,
}

/// What the front end read from its environment, once.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Followup's configuration folder (user templates).
    pub config_dir: Option<PathBuf>,
    /// `FOLLOWUP_SMTP_*` values, by setting name (`smtp.host` …); they beat the database.
    pub smtp_env: Vec<(String, String)>,
    /// `FOLLOWUP_SMTP_PASSWORD`.
    pub smtp_password: Option<String>,
    /// The first wait between send attempts (doubles each time).
    pub retry_delay: Option<Duration>,
}

impl Options {
    /// Reads `FOLLOWUP_SMTP_*` and `FOLLOWUP_SMTP_RETRY_MS` from the process environment.
    pub fn from_env(config_dir: Option<PathBuf>) -> Options {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Options {
            config_dir,
            smtp_env: settings::SMTP_KEYS
                .iter()
                .filter_map(|(key, _)| var(&settings::env_name(key)).map(|v| (key.to_string(), v)))
                .collect(),
            smtp_password: var("FOLLOWUP_SMTP_PASSWORD"),
            retry_delay: var("FOLLOWUP_SMTP_RETRY_MS")
                .and_then(|v| v.parse().ok())
                .map(Duration::from_millis),
        }
    }
}

/// 32 random bytes from the operating system, as 64 hex digits: for tokens that must not
/// be guessed (the calendar feed's, the web app's sessions and forms).
pub fn random_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| AppError::Io(std::io::Error::other(format!("no random source: {e}"))))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Now, to the second (what the store keeps); fixed in tests.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    fixed: Option<Timestamp>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    pub fn fixed(at: Timestamp) -> Clock {
        Clock { fixed: Some(at) }
    }

    pub fn now(&self) -> Timestamp {
        let t = self.fixed.unwrap_or_else(Timestamp::now);
        Timestamp::from_second(t.as_second()).expect("now is in range")
    }
}

/// Something the user should know about a use case that still went ahead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Getting in touch at this time breaks the cadence (too soon, one too many…).
    Cadence(String),
    /// Two drafts of a panel say nearly the same thing.
    NearIdentical { first: String, second: String },
    /// A send attempt was refused in a way worth retrying; the next comes after `wait`.
    Retrying { why: String, wait: Duration },
    /// A backup's settings that run commands or turn checks off, left unapplied.
    SettingsNotApplied(Vec<String>),
    /// A backup's record that would have moved something back (a sent message, a done
    /// step) was kept as it is.
    KeptNewer { what: String, id: String },
    /// A user's tone rule that could not be loaded.
    RuleNotLoaded { path: String, problem: String },
    /// A claim on a send finished after another process had taken it over.
    ClaimLost { draft_id: String },
    /// A time given for something you did lies in the future.
    Future(String),
    /// A step moved to a time already gone: it is overdue at once.
    Past(String),
    /// An application status Followup does not know (a typo such as "rejectd", or the
    /// user's own word): kept as written, but it ends nothing.
    OwnStatus(String),
}

impl Warning {
    /// The warning a status written by the user earns, if it is not one Followup knows:
    /// only the known outcomes end the follow-up, so a misspelt one must not pass silently.
    pub fn own_status(status: &followup_core::model::ApplicationStatus) -> Option<Warning> {
        (!status.is_known()).then(|| Warning::OwnStatus(status.as_str().to_string()))
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::Cadence(why) => f.write_str(why),
            Warning::NearIdentical { first, second } => write!(
                f,
                "drafts {first} and {second} are near-identical; make each one personal"
            ),
            Warning::Retrying { why, wait } => {
                write!(f, "{why}; trying again in {} s", wait.as_secs_f32())
            }
            Warning::SettingsNotApplied(names) => write!(
                f,
                "the backup's settings {} were not applied (they run commands or turn checks off)",
                names.join(", ")
            ),
            Warning::KeptNewer { what, id } => write!(
                f,
                "kept the {what} {id} as it is: the backup's copy is older"
            ),
            Warning::RuleNotLoaded { path, problem } => {
                write!(f, "rule not loaded: {path}: {problem}")
            }
            Warning::ClaimLost { draft_id } => write!(
                f,
                "{draft_id}: another Followup took this send over while it ran"
            ),
            Warning::Future(why) | Warning::Past(why) => f.write_str(why),
            Warning::OwnStatus(status) => write!(
                f,
                "status {status}: not a status Followup knows ({}); kept as written, and it \
                 does not end the follow-up",
                followup_core::model::ApplicationStatus::KNOWN.join(", ")
            ),
        }
    }
}

/// A result and the warnings that came with it.
#[derive(Debug)]
pub struct Done<T> {
    pub value: T,
    pub warnings: Vec<Warning>,
}

impl<T> Done<T> {
    pub(crate) fn new(value: T, warnings: Vec<Warning>) -> Done<T> {
        Done { value, warnings }
    }

    pub(crate) fn quiet(value: T) -> Done<T> {
        Done {
            value,
            warnings: Vec::new(),
        }
    }
}

impl Followup {
    /// Opens (creating and migrating if needed) the database at `target`.
    pub fn open(target: &str, options: Options) -> Result<Followup> {
        Ok(Followup::with_store(Store::open(target)?, options))
    }

    pub fn with_store(store: Store, options: Options) -> Followup {
        Followup {
            store,
            clock: Clock::system(),
            options,
        }
    }

    /// Uses `clock` for "now" (tests).
    pub fn with_clock(mut self, clock: Clock) -> Followup {
        self.clock = clock;
        self
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// The full id of the record `typed` names: any unambiguous prefix of its id.
    pub fn full_id(&mut self, typed: &str) -> Result<String> {
        Ok(self.store.expand_id(typed)?)
    }

    /// Where the database is (a URL's password hidden).
    pub fn target(&self) -> &str {
        self.store.target()
    }

    pub fn backend(&self) -> &'static str {
        self.store.backend()
    }
}

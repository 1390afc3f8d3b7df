//! The JSON backup: every record, every field, with a format name and schema version so
//! an older Followup refuses a newer file instead of dropping what it does not know.

use followup_core::model::Records;
use followup_core::place;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "followup-backup";
/// Bumped whenever a field is added, renamed or changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// A backup file: a header, then every record.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Backup {
    /// Always "followup-backup".
    pub format: String,
    pub schema_version: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    #[serde(deserialize_with = "followup_core::model::instant::deserialize")]
    pub exported_at: Timestamp,
    #[serde(flatten)]
    pub records: Records,
}

/// Why a backup file cannot be imported.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("line {line}, column {column}: {problem}")]
    Syntax {
        line: usize,
        column: usize,
        problem: String,
    },
    #[error("not a Followup backup (\"format\" is {0})")]
    NotABackup(String),
    #[error(
        "written by a newer Followup (schema_version {found}; this version reads up to \
         {SCHEMA_VERSION}); upgrade Followup to import it"
    )]
    Newer { found: u64 },
    #[error("{field}: {problem}")]
    Invalid { field: String, problem: String },
}

pub fn write(records: Records, exported_at: Timestamp) -> String {
    let backup = Backup {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        exported_at,
        records,
    };
    let mut out = serde_json::to_string_pretty(&backup).expect("records serialise");
    out.push('\n');
    out
}

/// Reads a backup, checking the format and version before the records, then the values
/// the rest of Followup relies on (zones, regions, references).
pub fn read(text: &str) -> Result<Records, BackupError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(syntax)?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        other => {
            return Err(BackupError::NotABackup(
                other.map_or("missing".into(), |f| format!("\"{f}\"")),
            ));
        }
    }
    let version = value.get("schema_version").and_then(|v| v.as_u64());
    match version {
        Some(v) if v > SCHEMA_VERSION as u64 => return Err(BackupError::Newer { found: v }),
        Some(_) => {}
        None => {
            return Err(BackupError::Invalid {
                field: "schema_version".into(),
                problem: "missing or not a number".into(),
            });
        }
    }
    let backup: Backup = serde_json::from_str(text).map_err(syntax)?;
    validate(&backup.records)?;
    Ok(backup.records)
}

fn syntax(e: serde_json::Error) -> BackupError {
    BackupError::Syntax {
        line: e.line(),
        column: e.column(),
        problem: e.to_string(),
    }
}

fn validate(records: &Records) -> Result<(), BackupError> {
    let invalid = |field: String, e: followup_core::InvalidValue| BackupError::Invalid {
        field,
        problem: e.problem,
    };
    // Text no record may hold (control characters, a script for an address), with
    // where it is: `applications[2].company`.
    let at = |place: String| {
        move |e: followup_core::InvalidValue| BackupError::Invalid {
            field: format!("{place}.{}", e.field),
            problem: e.problem,
        }
    };
    if let Some(p) = &records.profile {
        p.check().map_err(at("profile".into()))?;
        place::time_zone("", &p.time_zone).map_err(|e| invalid("profile.time_zone".into(), e))?;
        place::region("", &p.region).map_err(|e| invalid("profile.region".into(), e))?;
    }
    ids("contacts", records.contacts.iter().map(|c| c.id.as_str()))?;
    ids(
        "applications",
        records.applications.iter().map(|a| a.id.as_str()),
    )?;
    ids(
        "interviews",
        records.interviews.iter().map(|iv| iv.id.as_str()),
    )?;
    ids("steps", records.steps.iter().map(|s| s.id.as_str()))?;
    ids("calls", records.calls.iter().map(|c| c.id.as_str()))?;
    ids("drafts", records.drafts.iter().map(|d| d.id.as_str()))?;
    ids("outbox", records.outbox.iter().map(|o| o.id.as_str()))?;
    for (i, c) in records.contacts.iter().enumerate() {
        followup_core::contact::no_stored_control_chars(c).map_err(at(format!("contacts[{i}]")))?;
        if let Some(tz) = &c.time_zone {
            place::time_zone("", tz).map_err(|e| invalid(format!("contacts[{i}].time_zone"), e))?;
        }
        if let Some(r) = &c.region {
            place::region("", r).map_err(|e| invalid(format!("contacts[{i}].region"), e))?;
        }
        if c.uid.is_empty() {
            return Err(BackupError::Invalid {
                field: format!("contacts[{i}].uid"),
                problem: "must not be empty".into(),
            });
        }
    }
    for (i, a) in records.applications.iter().enumerate() {
        a.check().map_err(at(format!("applications[{i}]")))?;
    }
    for (i, iv) in records.interviews.iter().enumerate() {
        iv.check().map_err(at(format!("interviews[{i}]")))?;
        if let Some(twice) =
            followup_core::model::first_repeat(iv.interviewer_ids.iter().map(String::as_str))
        {
            return Err(BackupError::Invalid {
                field: format!("interviews[{i}].interviewer_ids"),
                problem: format!("{twice} appears twice"),
            });
        }
        place::time_zone("", &iv.time_zone)
            .map_err(|e| invalid(format!("interviews[{i}].time_zone"), e))?;
        if iv.application_id.is_empty() {
            return Err(BackupError::Invalid {
                field: format!("interviews[{i}].application_id"),
                problem: "must not be empty".into(),
            });
        }
        // Dates the plan would do arithmetic on stay in the supported years.
        let start = iv.start.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        followup_core::when::in_range("", start)
            .map_err(|e| invalid(format!("interviews[{i}].start"), e))?;
        if let Some(d) = iv.decide_by {
            followup_core::when::in_range("", d)
                .map_err(|e| invalid(format!("interviews[{i}].decide_by"), e))?;
        }
    }
    for (i, c) in records.calls.iter().enumerate() {
        let at = c.at.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        followup_core::when::in_range("", at).map_err(|e| invalid(format!("calls[{i}].at"), e))?;
        if let Some(d) = c.decide_by {
            followup_core::when::in_range("", d)
                .map_err(|e| invalid(format!("calls[{i}].decide_by"), e))?;
        }
    }
    for (i, h) in records.holidays.iter().enumerate() {
        followup_core::when::in_range("", h.date)
            .map_err(|e| invalid(format!("holidays[{i}].date"), e))?;
    }
    Ok(())
}

/// The longest id a backup may hold. Followup writes `app-` and 12 characters; older or
/// hand-made files may hold UUIDs (36).
const MAX_ID: usize = 64;

/// Each record's id is one Followup could have written (letters, digits, `-` and `_`, at
/// most [`MAX_ID`]) and no two records of a kind share one. Ids go into web addresses,
/// calendar UIDs and command lines, so a backup must not bring in one holding `/`, `?` or
/// a space; and two records with one id would be restored as one while the count said two.
fn ids<'a>(list: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), BackupError> {
    let mut seen = std::collections::HashMap::new();
    for (i, id) in ids.enumerate() {
        let field = format!("{list}[{i}].id");
        let problem = if id.is_empty() {
            Some("must not be empty".to_string())
        } else if id.len() > MAX_ID
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            Some(format!(
                "{:?} is not an id Followup writes (letters, digits, - and _, at most {MAX_ID})",
                id.chars().take(40).collect::<String>()
            ))
        } else {
            seen.insert(id, i)
                .map(|first| format!("{id} is also the id of {list}[{first}]"))
        };
        if let Some(problem) = problem {
            return Err(BackupError::Invalid { field, problem });
        }
    }
    Ok(())
}

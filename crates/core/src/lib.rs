//! Followup's domain: the things a job seeker captures after an interview and the rules
//! that decide what is valid. Pure functions only: no I/O, no database, no network.

#[macro_use]
mod macros;

pub mod cadence;
pub mod calendar;
pub mod compose;
pub mod contact;
pub mod model;
pub mod outbox;
pub mod place;
pub mod plan;
pub mod private;
pub mod said;
pub mod seasons;
pub mod sentiment;
pub mod skills;
pub mod tone;
pub mod unseen;
pub mod when;
pub mod wording;

pub use model::*;

/// A value the user gave that the domain cannot accept. The message names the field and
/// says what would be accepted, so callers can show it as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct InvalidValue {
    pub field: String,
    pub problem: String,
}

impl InvalidValue {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

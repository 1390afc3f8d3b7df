//! Capture: the profile and skills, applications, contacts (typed in or from cards) and
//! interviews with what to remember from them. Writes go through [`crate::write::Tx`], so
//! every plan that depends on a change follows it.

mod applications;
mod contacts;
mod interviews;
mod profile;

pub use contacts::ContactChanges;
pub(crate) use interviews::check_duration;
pub use interviews::{InterviewNote, Joining, NewInterview, Noted, PanellistNote, TimelineReading};
pub use profile::ProfileChanges;

/// A one-line field as typed (a flag, a form, an API body): trimmed, and on one line with
/// no control character ("Dev\r\nBcc: …" is refused, naming `field`). What an older
/// Followup stored is only held to `Application::check` and its kin.
pub(crate) fn typed_line(field: &str, value: &str) -> crate::Result<String> {
    let value = value.trim();
    followup_core::model::plain_text(field, value, false)?;
    Ok(value.to_string())
}

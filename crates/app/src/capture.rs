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

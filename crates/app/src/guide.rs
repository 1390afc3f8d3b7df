//! What an empty agenda means: where someone new starts, or what comes next.

use crate::step_view::{StepView, describe};
use crate::{Followup, Result};
use followup_core::plan::Due;
use followup_store::Page;

/// Why nothing is due, best first.
#[derive(Debug, Clone)]
pub enum EmptyAgenda {
    /// A first run: the profile (your name and zone) comes first.
    NoProfile,
    /// Nothing to follow up yet.
    NoApplication,
    /// Applications, but no interview to follow up.
    NoInterview,
    /// Every step is done, skipped or cancelled.
    NothingPlanned,
    /// The next step, due after the agenda's last day.
    NextLater(Box<StepView>),
}

impl Followup {
    /// Why an agenda is empty (call it when it is).
    pub fn why_empty(&mut self) -> Result<EmptyAgenda> {
        if self.store.profile()?.is_none() {
            return Ok(EmptyAgenda::NoProfile);
        }
        if self.store.count_applications()? == 0 {
            return Ok(EmptyAgenda::NoApplication);
        }
        let one = Page {
            limit: Some(1),
            offset: 0,
        };
        if self.store.interviews(one)?.is_empty() {
            return Ok(EmptyAgenda::NoInterview);
        }
        let now = self.now();
        let next = self
            .store
            .pending_steps(Due::Upcoming, now, jiff::Timestamp::MAX, Some(1))?;
        if next.is_empty() {
            return Ok(EmptyAgenda::NothingPlanned);
        }
        let zone = self.store.profile()?.unwrap_or_default().time_zone;
        let view = describe(&mut self.store, &next, &zone, now, false)?.remove(0);
        Ok(EmptyAgenda::NextLater(Box::new(view)))
    }
}

//! The calendar feed phones subscribe to: the plan as iCalendar text (calls as events with
//! a reminder, the rest as to-dos), and the secret token its web address carries.

use crate::step_view::{Zone, action, window};
use crate::{Followup, Result};
use followup_formats::ics::{self, CalendarEntry};
use followup_store::StepLabel;
use jiff::tz::TimeZone;
use std::collections::HashMap;

/// Where the feed's token is kept. Not a user setting: `config show` does not list it and
/// changing it is not journalled (there is nothing of the user's to undo).
const TOKEN_SETTING: &str = "web.calendar_token";

impl Followup {
    /// The whole plan as an iCalendar feed.
    pub fn calendar_feed(&mut self) -> Result<String> {
        let crate::CalendarData {
            steps,
            labels,
            your_zone,
        } = self.calendar()?;
        let now = self.now();
        let yours = Zone::new(TimeZone::get(&your_zone).unwrap_or(TimeZone::UTC), now);
        let mut zones: HashMap<&str, Zone> = HashMap::new();
        let none = StepLabel::default();
        let entries: Vec<CalendarEntry> = steps
            .iter()
            .map(|step| {
                let theirs = zones.entry(step.zone.as_str()).or_insert_with(|| {
                    Zone::new(TimeZone::get(&step.zone).unwrap_or(TimeZone::UTC), now)
                });
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
        Ok(ics::write_calendar(&entries))
    }

    /// The token the feed's address carries, made on first use; `regenerate` replaces it,
    /// so an address shared by mistake stops working.
    pub fn calendar_token(&mut self, regenerate: bool) -> Result<String> {
        if !regenerate
            && let Some((_, token)) = self
                .store
                .settings()?
                .into_iter()
                .find(|(name, value)| name == TOKEN_SETTING && !value.is_empty())
        {
            return Ok(token);
        }
        let token = crate::random_token()?;
        self.store.set_setting(TOKEN_SETTING, &token)?;
        Ok(token)
    }
}

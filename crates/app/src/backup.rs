//! Whole-database input and output: the JSON backup and its restore, holidays (files and
//! single days), and the working-day calendars they make.
//!
//! A restore never rewinds what happened: a message the store has as sent stays sent,
//! a done step stays done (the store keeps the newer state and says so). Settings that
//! run commands or turn checks off are listed and not applied unless the user asks: a
//! backup file must not be a way to run a shell command on the next `send`.

use crate::{AppError, Done, Followup, Result, Warning};
use followup_core::calendar::{Holiday, WorkingDays};
use followup_core::model::Records;
use followup_core::{place, when};
use followup_store::RestoreCounts;

/// Settings a backup may carry that run commands or turn checks off.
pub const RISKY_SETTINGS: &[&str] = &[
    "smtp.password_command",
    "tone.off",
    "tone.accept",
    "tone.styles",
];

/// What a restore wrote.
#[derive(Debug, Clone)]
pub struct RestoreReport {
    pub counts: RestoreCounts,
    pub profile: bool,
    /// Risky settings in the backup that were not applied.
    pub settings_not_applied: Vec<String>,
}

impl Followup {
    /// Everything, for a backup.
    pub fn records(&mut self) -> Result<Records> {
        Ok(self.store.records()?)
    }

    /// Writes a backup back in one transaction (records matched by id and replaced,
    /// nothing deleted), then replans. `with_settings` applies the backup's risky
    /// settings too.
    pub fn restore(
        &mut self,
        mut records: Records,
        with_settings: bool,
    ) -> Result<Done<RestoreReport>> {
        let mut not_applied = Vec::new();
        if !with_settings {
            records.settings.retain(|name, value| {
                let risky = RISKY_SETTINGS.contains(&name.as_str());
                if risky {
                    not_applied.push(format!("{name}={value}"));
                }
                !risky
            });
        }
        for (name, value) in &records.settings {
            // A backup's setting goes through the same checks as `config set`.
            if name.starts_with("plan.") {
                followup_core::plan::PlanSettings::default().set(name, value)?;
            }
        }
        let profile = records.profile.is_some();
        let counts = self.write(|tx| tx.restore(&records))?;
        let mut warnings: Vec<Warning> = counts
            .kept_newer
            .iter()
            .map(|(what, id)| Warning::KeptNewer {
                what: what.to_string(),
                id: id.clone(),
            })
            .collect();
        if !not_applied.is_empty() {
            warnings.push(Warning::SettingsNotApplied(not_applied.clone()));
        }
        Ok(Done::new(
            RestoreReport {
                counts,
                profile,
                settings_not_applied: not_applied,
            },
            warnings,
        ))
    }

    /// A region's working days, the user's holidays applied.
    pub fn working_days(&mut self, region: &str) -> Result<WorkingDays> {
        let region = place::region("region", region)?;
        Ok(WorkingDays::new(&region, &self.store.own_holidays()?)?)
    }

    /// A day off of the user's own; every plan follows.
    pub fn add_holiday(&mut self, date: &str, region: &str, name: &str) -> Result<Holiday> {
        let day = Holiday {
            region: place::region("region", region)?,
            date: when::date("date", date)?,
            name: name.trim().to_string(),
            source: "user".into(),
        };
        if day.name.is_empty() {
            return Err(AppError::invalid("name", "must not be empty"));
        }
        self.write(|tx| tx.add_holiday(&day))?;
        Ok(day)
    }

    /// Days from a holiday file (read by `followup_formats`), added to the shipped table,
    /// or (`replace`) standing instead of it for the regions and years the file covers;
    /// every plan follows.
    pub fn import_holidays(&mut self, days: Vec<Holiday>, replace: bool) -> Result<HolidayImport> {
        let covered = self.write(|tx| tx.import_holidays(&days, replace))?;
        Ok(HolidayImport {
            count: days.len(),
            covered,
            replaced: replace,
        })
    }
}

/// What a holiday import did.
#[derive(Debug, Clone)]
pub struct HolidayImport {
    pub count: usize,
    /// The regions and years the file covers.
    pub covered: Vec<(String, i16)>,
    /// The file's days stand instead of the table's for `covered`.
    pub replaced: bool,
}

/// The plan as the calendar feed needs it: every step, what each is about, your zone.
pub struct CalendarData {
    pub steps: Vec<followup_core::plan::Step>,
    pub labels: std::collections::HashMap<String, followup_store::StepLabel>,
    pub your_zone: String,
}

impl Followup {
    pub fn calendar(&mut self) -> Result<CalendarData> {
        Ok(CalendarData {
            steps: self.store.all_steps()?,
            labels: self.store.step_labels(None)?,
            your_zone: self.store.profile()?.unwrap_or_default().time_zone,
        })
    }

    /// Benchmark data: fills an empty database with `records` and plans `plan_ids`.
    #[doc(hidden)]
    pub fn dev_seed(&mut self, records: &Records, plan_ids: &[String]) -> Result<()> {
        if self.store.count_applications()? > 0 {
            return Err(AppError::refused(
                "dev seed fills an empty database only; give it a new --db",
            ));
        }
        self.store.restore(records)?;
        self.write(|tx| {
            tx.journal.off = true;
            for id in plan_ids {
                tx.plan_of(id)?;
            }
            Ok(())
        })
    }
}

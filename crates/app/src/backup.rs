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
    /// The web app's own secrets (its login, the feed's token: `web.*`) are not in it: a
    /// backup file is not a key to the app.
    pub fn records(&mut self) -> Result<Records> {
        let mut records = self.store.records()?;
        records.settings.retain(|name, _| !is_web_secret(name));
        Ok(records)
    }

    /// Writes a backup back in one transaction (records matched by id and replaced,
    /// nothing deleted), then replans. `with_settings` applies the backup's risky
    /// settings too.
    /// Every id a backup's records point at is in the backup or already in the database;
    /// otherwise the record and field are named (not a foreign-key failure from SQL).
    fn check_references(&mut self, r: &Records) -> Result<()> {
        use std::collections::HashSet;
        let ids = |v: Vec<&String>| -> HashSet<String> { v.into_iter().cloned().collect() };
        let applications = ids(r.applications.iter().map(|a| &a.id).collect());
        let contacts = ids(r.contacts.iter().map(|c| &c.id).collect());
        let interviews = ids(r.interviews.iter().map(|i| &i.id).collect());
        let steps = ids(r.steps.iter().map(|s| &s.id).collect());
        let missing = |field: String, what: &str, id: &str| {
            AppError::invalid(
                &field,
                format!("'{id}' is not {what} in the backup or in the database"),
            )
        };
        for (i, iv) in r.interviews.iter().enumerate() {
            if !applications.contains(&iv.application_id)
                && self.store.application(&iv.application_id).is_err()
            {
                return Err(missing(
                    format!("interviews[{i}].application_id"),
                    "an application",
                    &iv.application_id,
                ));
            }
            for c in &iv.interviewer_ids {
                if !contacts.contains(c) && self.store.contact(c).is_err() {
                    return Err(missing(
                        format!("interviews[{i}].interviewer_ids"),
                        "a contact",
                        c,
                    ));
                }
            }
        }
        let interview = |store: &mut followup_store::Store, id: &String| {
            interviews.contains(id) || store.interview(id).is_ok()
        };
        for (i, s) in r.steps.iter().enumerate() {
            if !interview(&mut self.store, &s.interview_id) {
                return Err(missing(
                    format!("steps[{i}].interview_id"),
                    "an interview",
                    &s.interview_id,
                ));
            }
        }
        for (i, c) in r.calls.iter().enumerate() {
            if !interview(&mut self.store, &c.interview_id) {
                return Err(missing(
                    format!("calls[{i}].interview_id"),
                    "an interview",
                    &c.interview_id,
                ));
            }
        }
        for (i, d) in r.drafts.iter().enumerate() {
            if !interview(&mut self.store, &d.interview_id) {
                return Err(missing(
                    format!("drafts[{i}].interview_id"),
                    "an interview",
                    &d.interview_id,
                ));
            }
            if let Some(step) = &d.step_id
                && !steps.contains(step)
                && self.store.step(step).is_err()
            {
                return Err(missing(format!("drafts[{i}].step_id"), "a step", step));
            }
            if let Some(to) = &d.recipient_id
                && !contacts.contains(to)
                && self.store.contact(to).is_err()
            {
                return Err(missing(
                    format!("drafts[{i}].recipient_id"),
                    "a contact",
                    to,
                ));
            }
        }
        // An outbox record may outlive its draft (`draft delete --force` keeps it).
        Ok(())
    }

    /// A consistent copy of the whole SQLite database at `path` (a new file), taken while
    /// the web app or other commands go on writing: open it with `--db path`.
    pub fn copy_database(&mut self, path: &str) -> Result<()> {
        Ok(self.store.copy_to(path)?)
    }

    pub fn restore(
        &mut self,
        mut records: Records,
        with_settings: bool,
    ) -> Result<Done<RestoreReport>> {
        let mut not_applied = Vec::new();
        // A backup never sets the web app's login or feed token (one made by hand could
        // otherwise set a password of someone else's choosing).
        records.settings.retain(|name, _| !is_web_secret(name));
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
        self.check_references(&records)?;
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

/// Settings that are the web app's secrets, never backed up or restored.
fn is_web_secret(name: &str) -> bool {
    name.starts_with("web.")
}

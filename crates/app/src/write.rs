//! Writes, and the plans that follow them. Every use case that writes runs inside
//! [`Followup::write`], on a [`Tx`]: one transaction (other writers wait for it), whose
//! write methods record which plans the change touches. Before the transaction commits,
//! those plans are recomputed — so no command can change an input of a plan (the profile's
//! zone, a contact's region, the panel, holidays, settings, a status, a restore) and leave
//! a stale plan behind. The write methods also refuse a record holding text no record
//! may hold (`followup_core::model::plain_text`), whichever front end or import it came from.

use crate::journal::{Journal, Kind};
use crate::planner::Planner;
use crate::{Followup, Result};
use followup_core::calendar::Holiday;
use followup_core::model::{Application, Contact, Interview, Profile, Records};
use followup_core::plan::{CallRecord, PLANNER_VERSION, Step};
use followup_store::{ContactImport, RestoreCounts, Store};
use jiff::Timestamp;
use std::collections::BTreeSet;

/// The setting that names the planner the stored plans were made by.
pub(crate) const PLANNER_SETTING: &str = "planner.version";

/// Whether the stored plans were made by this version's planner.
pub(crate) fn planner_is_current(store: &mut Store) -> Result<bool> {
    Ok(store
        .settings()?
        .iter()
        .any(|(name, value)| name == PLANNER_SETTING && value == PLANNER_VERSION))
}

/// A write in progress.
pub(crate) struct Tx<'a> {
    /// For reads, and for writes no plan depends on (drafts, the outbox).
    pub store: &'a mut Store,
    pub now: Timestamp,
    touched: BTreeSet<String>,
    every_pending_plan: bool,
    /// Record the planner's version even when no plan is touched (`catch_up_planner`).
    catch_up: bool,
    /// What this write replaces, for `undo` (crate::journal).
    pub(crate) journal: Journal,
}

impl Followup {
    /// Runs `f` as one transaction and replans what it touched before committing.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&mut Tx) -> Result<T>) -> Result<T> {
        let now = self.now();
        self.store.atomically(|store| {
            let mut tx = Tx {
                store,
                now,
                touched: BTreeSet::new(),
                every_pending_plan: false,
                catch_up: false,
                journal: Journal::default(),
            };
            let value = f(&mut tx)?;
            tx.replan()?;
            tx.commit_journal()?;
            Ok(value)
        })
    }
}

impl Tx<'_> {
    /// Takes this interview's plan for this write: later writers to it wait (PostgreSQL
    /// locks its row; SQLite has one writer anyway), and it is replanned at the end.
    /// Call it before reading the plan the write depends on.
    pub fn plan_of(&mut self, interview_id: &str) -> Result<()> {
        self.store.lock_interview(interview_id)?;
        self.keep_plan(interview_id)?;
        self.touched.insert(interview_id.to_string());
        Ok(())
    }

    /// Every interview of an application: rounds hand the follow-ups on to each other.
    pub(crate) fn every_round_of(&mut self, application_id: &str) -> Result<()> {
        for id in self.store.interview_ids_for_application(application_id)? {
            self.plan_of(&id)?;
        }
        Ok(())
    }

    /// Asks this write to bring plans stored by an earlier planner up to this one's even
    /// if it touches no plan (a read after an upgrade), and to record that it did, even
    /// when nothing is pending, so later reads need not ask again. Decided in `replan`,
    /// inside the write: a second process that waited for the first finds it done.
    pub(crate) fn catch_up_planner(&mut self) {
        self.catch_up = true;
    }

    pub(crate) fn touch_every_plan(&mut self) {
        self.every_pending_plan = true;
    }

    fn touch_contact(&mut self, contact_id: &str) -> Result<()> {
        for id in self.store.interview_ids_for_contact(contact_id)? {
            self.plan_of(&id)?;
        }
        Ok(())
    }

    fn replan(&mut self) -> Result<()> {
        if self.every_pending_plan {
            let ids = self.store.interviews_to_replan()?;
            self.touched.extend(ids);
        }
        if self.touched.is_empty() && !self.catch_up {
            return Ok(());
        }
        // Plans stored by an earlier planner are recomputed by this one, once: the first
        // write that plans anything after an upgrade (or a read's catch-up) takes every
        // pending plan with it.
        let stale = !planner_is_current(self.store)?;
        if stale {
            let ids = self.store.interviews_with_pending_steps()?;
            self.touched.extend(ids);
        } else if self.touched.is_empty() {
            return Ok(()); // a catch-up another process made first
        }
        let mut planner = Planner::load(self.store)?;
        let ids = std::mem::take(&mut self.touched);
        for id in &ids {
            self.store.lock_interview(id)?;
            planner.replan(self.store, id, self.now)?;
        }
        if stale {
            self.store.set_setting(PLANNER_SETTING, PLANNER_VERSION)?;
        }
        Ok(())
    }

    // ---- the writes plans depend on ----

    /// The profile's zone and region place the thank-you note (and stand in for an
    /// employer's region): when they change, every plan follows.
    pub fn save_profile(&mut self, profile: &Profile) -> Result<()> {
        profile.check()?;
        self.keep_profile()?;
        let before = self.store.profile()?.unwrap_or_default();
        self.store.save_profile(profile)?;
        if before.time_zone != profile.time_zone || before.region != profile.region {
            self.touch_every_plan();
        }
        Ok(())
    }

    /// The `plan.*` settings time every plan; the others (tone, mail) time none.
    pub fn set_setting(&mut self, name: &str, value: &str) -> Result<()> {
        self.keep_setting(name)?;
        self.store.set_setting(name, value)?;
        if name.starts_with("plan.") {
            self.touch_every_plan();
        }
        Ok(())
    }

    pub fn add_holiday(&mut self, day: &Holiday) -> Result<()> {
        self.keep_holidays()?;
        self.store.add_holiday(day)?;
        self.touch_every_plan();
        Ok(())
    }

    pub fn import_holidays(
        &mut self,
        days: &[Holiday],
        replace: bool,
    ) -> Result<Vec<(String, i16)>> {
        self.keep_holidays()?;
        let covered = self.store.import_holidays(days, replace)?;
        self.touch_every_plan();
        Ok(covered)
    }

    pub fn add_application(&mut self, app: Application) -> Result<Application> {
        app.check()?;
        let stored = self.store.add_application(app)?;
        self.created(Kind::Application, &stored.id);
        Ok(stored)
    }

    pub fn add_applications(&mut self, apps: Vec<Application>) -> Result<usize> {
        // The CSV reader has checked each row with its line; this is the backstop.
        for app in &apps {
            app.check()?;
        }
        let ids = self.store.add_applications(apps)?;
        let count = ids.len();
        self.created_many(Kind::Application, ids);
        Ok(count)
    }

    /// A status that is an outcome cancels what is pending.
    pub fn update_application(&mut self, app: &Application) -> Result<Application> {
        app.check()?;
        self.keep_application(&app.id)?;
        for id in self.store.interview_ids_for_application(&app.id)? {
            self.plan_of(&id)?;
        }
        Ok(self.store.update_application(app)?)
    }

    pub fn add_contact(&mut self, contact: Contact) -> Result<Contact> {
        followup_core::contact::no_stored_control_chars(&contact)?;
        let stored = self.store.add_contact(contact)?;
        self.created(Kind::Contact, &stored.id);
        Ok(stored)
    }

    /// A contact's zone, region, channel and numbers place their calls.
    pub fn update_contact(&mut self, contact: &Contact) -> Result<Contact> {
        followup_core::contact::no_stored_control_chars(contact)?;
        self.keep_contact(&contact.id)?;
        self.touch_contact(&contact.id)?;
        Ok(self.store.update_contact(contact)?)
    }

    pub fn import_contacts(&mut self, cards: Vec<Contact>) -> Result<ContactImport> {
        let counts = self.store.import_contacts(cards)?;
        for before in counts.replaced.clone() {
            self.keep_contact_as(before);
        }
        for id in &counts.created_ids {
            self.created(Kind::Contact, id);
        }
        for id in counts.updated_ids.clone() {
            self.touch_contact(&id)?;
        }
        Ok(counts)
    }

    pub fn add_interview(&mut self, interview: Interview) -> Result<Interview> {
        interview.check()?;
        let stored = self.store.add_interview(interview)?;
        self.created(Kind::Interview, &stored.id);
        self.every_round_of(&stored.application_id)?;
        Ok(stored)
    }

    pub fn update_interview(&mut self, interview: &Interview) -> Result<Interview> {
        interview.check()?;
        self.keep_interview(&interview.id)?;
        // A time or status change can make it, or stop it being, a later round.
        self.every_round_of(&interview.application_id)?;
        Ok(self.store.update_interview(interview)?)
    }

    pub fn add_call(&mut self, call: CallRecord) -> Result<CallRecord> {
        self.plan_of(&call.interview_id)?;
        let stored = self.store.add_call(call)?;
        self.created(Kind::Call, &stored.id);
        Ok(stored)
    }

    /// A message went out (or you sent it yourself) at `at`: the step its draft was
    /// written for is done then, and the plan moves on.
    pub fn complete_draft_step(
        &mut self,
        draft: &followup_core::compose::Draft,
        at: Timestamp,
    ) -> Result<()> {
        if let Some(step_id) = &draft.step_id {
            let mut step = self.store.step(step_id)?;
            if step.complete(at, self.now) {
                self.save_steps(vec![step])?;
            }
        }
        self.plan_of(&draft.interview_id)
    }

    pub fn save_steps(&mut self, steps: Vec<Step>) -> Result<Vec<Step>> {
        for s in &steps {
            self.plan_of(&s.interview_id)?;
        }
        Ok(self.store.save_steps(steps)?)
    }

    /// A restore replaces plan inputs wholesale: every plan follows.
    pub fn restore(&mut self, records: &Records) -> Result<RestoreCounts> {
        self.not_undoable(
            "a restore from a backup replaces records wholesale; restore an older backup instead",
        );
        let counts = self.store.restore(records)?;
        for i in &records.interviews {
            self.touched.insert(i.id.clone());
        }
        self.touch_every_plan();
        Ok(counts)
    }
}

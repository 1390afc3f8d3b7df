//! The undo journal: every engine write records what it replaced (the records as they
//! were, and the ids it created), and `undo` puts the last change back.
//!
//! Capture happens in [`Tx`]'s write methods, before they write, so no use case has to
//! remember it; the journal entry is appended in the same transaction as the change.
//! Plans are derived: an undo restores the steps of every plan the change touched (their
//! states included) and replans. What cannot be taken back (a message handed to the mail
//! server, a restore from a backup) is journaled as such, and `undo` says so.

use crate::write::Tx;
use crate::{AppError, Followup, Result};
use followup_core::model::Records;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A kind of record a change created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Application,
    Contact,
    Interview,
    Call,
    Draft,
    Profile,
    Setting,
    /// The user's own holidays as a whole (they are put back wholesale).
    Holidays,
}

impl Kind {
    fn word(&self) -> &'static str {
        match self {
            Kind::Application => "application",
            Kind::Contact => "contact",
            Kind::Interview => "interview",
            Kind::Call => "call",
            Kind::Draft => "draft",
            Kind::Profile => "profile",
            Kind::Setting => "setting",
            Kind::Holidays => "holidays",
        }
    }
}

/// What one change replaced, as stored in the journal.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Changes {
    /// The records as they were before the change.
    #[serde(default)]
    pub before: Records,
    /// What the change created, in order.
    #[serde(default)]
    pub created: Vec<(Kind, String)>,
    /// Interviews whose steps are all in `before.steps`: steps not there are new.
    #[serde(default)]
    pub plans: BTreeSet<String>,
    /// Why this change cannot be undone, if it cannot.
    #[serde(default)]
    pub not_undoable: Option<String>,
}

/// The journal of the write in progress.
#[derive(Debug, Default)]
pub(crate) struct Journal {
    pub changes: Changes,
    pub summary: Option<String>,
    seen: BTreeSet<(Kind, String)>,
    /// Off for undo itself and for derived-only writes (replanning, seeding).
    pub off: bool,
}

impl Journal {
    pub fn is_empty(&self) -> bool {
        let c = &self.changes;
        c.created.is_empty()
            && c.plans.is_empty()
            && c.not_undoable.is_none()
            && c.before == Records::default()
    }

    /// True the first time a record is seen in this change.
    fn first(&mut self, kind: Kind, id: &str) -> bool {
        !self.off && self.seen.insert((kind, id.to_string()))
    }
}

impl Tx<'_> {
    /// Names the change for `undo --list` ("interview set int-…").
    pub fn summary(&mut self, text: impl Into<String>) {
        if self.journal.summary.is_none() {
            self.journal.summary = Some(text.into());
        }
    }

    /// This change cannot be undone (it reached the outside world, or replaced too much).
    pub fn not_undoable(&mut self, why: impl Into<String>) {
        if !self.journal.off {
            self.journal.changes.not_undoable = Some(why.into());
        }
    }

    pub fn created(&mut self, kind: Kind, id: &str) {
        if self.journal.first(kind, id) {
            if self.journal.summary.is_none() {
                self.summary(format!("{} add {id}", kind.word()));
            }
            self.journal.changes.created.push((kind, id.to_string()));
        }
    }

    /// Records many new ids at once (an import): new ids cannot have been seen before,
    /// so they skip the bookkeeping `created` does per record.
    pub fn created_many(&mut self, kind: Kind, ids: Vec<String>) {
        if self.journal.off || ids.is_empty() {
            return;
        }
        if self.journal.summary.is_none() {
            self.summary(format!("{} import ({} added)", kind.word(), ids.len()));
        }
        self.journal
            .changes
            .created
            .extend(ids.into_iter().map(|id| (kind, id)));
    }

    pub fn keep_application(&mut self, id: &str) -> Result<()> {
        if self.journal.first(Kind::Application, id) {
            self.summary(format!("application change {id}"));
            let app = self.store.application(id)?;
            self.journal.changes.before.applications.push(app);
        }
        Ok(())
    }

    pub fn keep_contact(&mut self, id: &str) -> Result<()> {
        if self.journal.first(Kind::Contact, id) {
            self.summary(format!("contact change {id}"));
            let contact = self.store.contact(id)?;
            self.journal.changes.before.contacts.push(contact);
        }
        Ok(())
    }

    pub(crate) fn keep_contact_as(&mut self, contact: followup_core::model::Contact) {
        if self.journal.first(Kind::Contact, &contact.id) {
            self.journal.changes.before.contacts.push(contact);
        }
    }

    pub fn keep_interview(&mut self, id: &str) -> Result<()> {
        if self.journal.first(Kind::Interview, id) {
            self.summary(format!("interview change {id}"));
            let interview = self.store.interview(id)?;
            self.journal.changes.before.interviews.push(interview);
        }
        Ok(())
    }

    pub fn keep_call(&mut self, id: &str) -> Result<()> {
        if self.journal.first(Kind::Call, id) {
            let call = self.store.call(id)?;
            self.journal.changes.before.calls.push(call);
        }
        Ok(())
    }

    pub fn keep_draft(&mut self, id: &str) -> Result<()> {
        if self.journal.first(Kind::Draft, id) {
            let draft = self.store.draft(id)?;
            self.journal.changes.before.drafts.push(draft);
        }
        Ok(())
    }

    /// Every step of an interview's plan, as it is now.
    pub fn keep_plan(&mut self, interview_id: &str) -> Result<()> {
        if !self.journal.off && self.journal.changes.plans.insert(interview_id.to_string()) {
            self.summary(format!("plan change for {interview_id}"));
            let steps = self.store.steps(interview_id)?;
            self.journal.changes.before.steps.extend(steps);
        }
        Ok(())
    }

    pub fn keep_profile(&mut self) -> Result<()> {
        if self.journal.first(Kind::Profile, "") {
            self.summary("profile set");
            match self.store.profile()? {
                Some(p) => self.journal.changes.before.profile = Some(p),
                None => self
                    .journal
                    .changes
                    .created
                    .push((Kind::Profile, String::new())),
            }
        }
        Ok(())
    }

    pub fn keep_setting(&mut self, name: &str) -> Result<()> {
        if self.journal.first(Kind::Setting, name) {
            self.summary(format!("config set {name}"));
            let current = self.store.settings()?.into_iter().find(|(n, _)| n == name);
            match current {
                Some((n, v)) => {
                    self.journal.changes.before.settings.insert(n, v);
                }
                None => self
                    .journal
                    .changes
                    .created
                    .push((Kind::Setting, name.to_string())),
            }
        }
        Ok(())
    }

    pub fn keep_holidays(&mut self) -> Result<()> {
        if self.journal.first(Kind::Holidays, "") {
            self.summary("holidays change");
            self.journal.changes.before.holidays = self.store.own_holidays()?;
            self.journal
                .changes
                .created
                .push((Kind::Holidays, String::new()));
        }
        Ok(())
    }

    /// Appends the change to the journal (inside the write's transaction).
    pub(crate) fn commit_journal(&mut self) -> Result<()> {
        if self.journal.off || self.journal.is_empty() {
            return Ok(());
        }
        let summary = self
            .journal
            .summary
            .clone()
            .unwrap_or_else(|| "a change".into());
        let changes = serde_json::to_string(&self.journal.changes)
            .map_err(|e| AppError::refused(format!("cannot record the change: {e}")))?;
        self.store.append_journal(self.now, &summary, &changes)?;
        Ok(())
    }
}

/// A change that was taken back.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Undone {
    pub summary: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: jiff::Timestamp,
}

/// A change in the journal, for `undo --list`.
#[derive(Debug, Clone, Serialize)]
pub struct JournalLine {
    pub seq: i64,
    pub at: jiff::Timestamp,
    pub summary: String,
    pub undone: bool,
    /// Why it cannot be undone, if it cannot.
    pub not_undoable: Option<String>,
}

impl Followup {
    /// Changes whenever a write commits (this process's or another's): every write is
    /// journaled, and an undo marks its entry. The web app keeps Today rendered until it
    /// changes.
    pub fn change_marker(&mut self) -> Result<(i64, i64)> {
        Ok(self.store.change_marker()?)
    }

    /// The latest changes, newest first.
    pub fn journal(&mut self, limit: i64) -> Result<Vec<JournalLine>> {
        Ok(self
            .store
            .journal(limit)?
            .into_iter()
            .map(|e| {
                let changes: Changes = serde_json::from_str(&e.changes).unwrap_or_default();
                JournalLine {
                    seq: e.seq,
                    at: e.at,
                    summary: e.summary,
                    undone: e.undone_at.is_some(),
                    not_undoable: changes.not_undoable,
                }
            })
            .collect())
    }

    /// Takes back the latest change not yet undone, in one transaction, and replans.
    pub fn undo(&mut self) -> Result<Undone> {
        self.write(|tx| {
            tx.journal.off = true;
            let entry = tx
                .store
                .journal(crate::journal::SCAN)?
                .into_iter()
                .find(|e| e.undone_at.is_none())
                .ok_or_else(|| AppError::refused("nothing to undo"))?;
            let changes: Changes = serde_json::from_str(&entry.changes).map_err(|e| {
                AppError::refused(format!("the journal entry {} cannot be read: {e}", entry.seq))
            })?;
            if let Some(why) = &changes.not_undoable {
                return Err(AppError::refused(format!(
                    "the last change ({}) cannot be undone: {why}",
                    entry.summary
                )));
            }
            for (kind, id) in &changes.created {
                if *kind == Kind::Draft && tx.store.outbox_entry(id)?.is_some() {
                    return Err(AppError::refused(format!(
                        "the last change ({}) made {id}, which has since been handed to the mail server; it stays",
                        entry.summary
                    )));
                }
            }
            let before = &changes.before;
            // Plans to recompute afterwards: every interview the change touched that
            // still exists once it is taken back.
            let mut plans: BTreeSet<String> = changes.plans.clone();
            plans.extend(before.interviews.iter().map(|i| i.id.clone()));
            plans.extend(before.calls.iter().map(|c| c.interview_id.clone()));
            plans.extend(before.steps.iter().map(|s| s.interview_id.clone()));
            for (kind, id) in changes.created.iter().rev() {
                let gone = match kind {
                    Kind::Application => tx.store.delete_application(id),
                    Kind::Contact => tx.store.delete_contact(id),
                    Kind::Interview => tx.store.delete_interview(id),
                    Kind::Call => tx.store.delete_call(id),
                    Kind::Draft => tx.store.delete_draft(id),
                    Kind::Profile => tx.store.delete_profile(),
                    Kind::Setting => tx.store.delete_setting(id),
                    Kind::Holidays => tx.store.delete_own_holidays(),
                };
                match gone {
                    Ok(()) | Err(followup_store::StoreError::NotFound { .. }) => {}
                    Err(e) => return Err(e.into()),
                }
                if matches!(kind, Kind::Interview) {
                    plans.remove(id);
                }
            }
            // Steps a plan gained with the change go; the ones it had come back as they were.
            let kept: BTreeSet<&str> = before.steps.iter().map(|s| s.id.as_str()).collect();
            for interview in &changes.plans {
                if tx.store.interview(interview).is_err() {
                    continue;
                }
                for step in tx.store.steps(interview)? {
                    if !kept.contains(step.id.as_str()) {
                        tx.store.delete_step(&step.id)?;
                    }
                }
            }
            tx.store.put_records(before, true)?;
            if before.profile.is_some()
                || !before.settings.is_empty()
                || changes
                    .created
                    .iter()
                    .any(|(k, _)| matches!(k, Kind::Profile | Kind::Setting | Kind::Holidays))
            {
                tx.touch_every_plan();
            }
            for id in &plans {
                if tx.store.interview(id).is_ok() {
                    tx.plan_of(id)?;
                }
            }
            tx.store.mark_undone(entry.seq, tx.now)?;
            Ok(Undone {
                summary: entry.summary,
                at: entry.at,
            })
        })
    }
}

/// How far back `undo` looks for a change not yet undone.
pub(crate) const SCAN: i64 = followup_store::JOURNAL_KEPT;

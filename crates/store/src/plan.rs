//! The stored plan: its steps, what each is about, which interviews need replanning, and
//! the plan half of a restore (steps, calls, holidays and settings).
//!
//! Consistency rules: steps are unique per (interview, key) so a recomputed plan updates
//! rather than duplicates; `atomically` makes several calls one transaction.

use crate::rows::*;
use crate::schema::*;
use crate::settings::put_setting;
use crate::{AnyConnection, Result, Store, new_id, not_found, only_checks};
use diesel::prelude::*;
use followup_core::plan::{Due, Step, StepState};
use jiff::Timestamp;
use std::collections::HashMap;

impl Store {
    /// This interview's steps, by start.
    pub fn steps(&mut self, interview_id: &str) -> Result<Vec<Step>> {
        load_steps(
            &mut self.conn,
            steps::table
                .filter(only_checks!(steps, &self.account))
                .filter(steps::interview_id.eq(interview_id))
                .order((steps::starts_at, steps::id))
                .into_boxed(),
        )
    }

    pub fn step(&mut self, id: &str) -> Result<Step> {
        steps::table
            .find(id)
            .filter(steps::account_id.eq(&self.account))
            .select(StepRow::as_select())
            .first(&mut *self.conn)
            .optional()?
            .ok_or_else(|| not_found("step", id))?
            .into_model()
    }

    /// Writes steps in one transaction: an empty id is a new step (given an id here);
    /// others replace the stored row. Returns the steps as stored.
    pub fn save_steps(&mut self, steps: Vec<Step>) -> Result<Vec<Step>> {
        let account = self.account.as_str();
        crate::tx::write(&mut self.conn, |conn| {
            steps
                .into_iter()
                .map(|mut step| {
                    if step.id.is_empty() {
                        step.id = new_id("step");
                        own_interview(conn, account, &step.interview_id)?;
                        diesel::insert_into(steps::table)
                            .values((StepRow::from(&step), steps::account_id.eq(account)))
                            .execute(conn)?;
                    } else {
                        let n = diesel::update(
                            steps::table
                                .find(&step.id)
                                .filter(steps::account_id.eq(account)),
                        )
                        .set(StepRow::from(&step))
                        .execute(conn)?;
                        if n == 0 {
                            return Err(not_found("step", &step.id));
                        }
                    }
                    Ok(step)
                })
                .collect()
        })
    }

    /// Pending steps in one section of the agenda at `now`, each starting before `until`,
    /// earliest first, at most `limit`. Each section is a short range of the start index
    /// (migration 6): overdue steps come first in it, upcoming ones after `now`, and a step
    /// whose window holds `now` started no earlier than `now` minus the longest pending
    /// window, which the span index gives in one lookup.
    pub fn pending_steps(
        &mut self,
        due: Due,
        now: Timestamp,
        until: Timestamp,
        limit: Option<i64>,
    ) -> Result<Vec<Step>> {
        let now = now.as_second();
        let pending = steps::table
            .filter(steps::account_id.eq(&self.account))
            .filter(steps::state.eq(StepState::Pending.as_str()))
            .filter(steps::starts_at.lt(until.as_second()))
            .order((steps::starts_at, steps::id))
            .limit(limit.unwrap_or(i64::MAX))
            .into_boxed();
        let query = match due {
            Due::Overdue => pending.filter(steps::ends_at.lt(now)),
            Due::Upcoming => pending.filter(steps::starts_at.gt(now)),
            Due::Now => {
                let longest: Option<i64> = steps::table
                    .filter(steps::account_id.eq(&self.account))
                    .filter(steps::state.eq(StepState::Pending.as_str()))
                    .select(diesel::dsl::max(steps::ends_at - steps::starts_at))
                    .first(&mut *self.conn)?;
                let Some(longest) = longest.filter(|l| *l >= 0) else {
                    return Ok(Vec::new());
                };
                pending
                    .filter(steps::starts_at.ge(now.saturating_sub(longest)))
                    .filter(steps::starts_at.le(now))
                    .filter(steps::ends_at.ge(now))
            }
        };
        load_steps(&mut self.conn, query)
    }

    /// Every step in any state, earliest first (the calendar feed).
    pub fn all_steps(&mut self) -> Result<Vec<Step>> {
        load_steps(
            &mut self.conn,
            steps::table
                .filter(steps::account_id.eq(&self.account))
                .order((steps::starts_at, steps::id))
                .into_boxed(),
        )
    }

    /// For each step (all when `steps` is `None`): its application's company and role and
    /// the person's name. Given steps, their interviews and people are read by id, each
    /// once, rather than joining from the steps again.
    pub fn step_labels(&mut self, steps: Option<&[Step]>) -> Result<HashMap<String, StepLabel>> {
        let Some(steps) = steps else {
            return self.all_step_labels();
        };
        let mut interview_ids: Vec<&str> = steps.iter().map(|s| s.interview_id.as_str()).collect();
        interview_ids.sort_unstable();
        interview_ids.dedup();
        let mut contact_ids: Vec<&str> = steps
            .iter()
            .filter_map(|s| s.contact_id.as_deref())
            .collect();
        contact_ids.sort_unstable();
        contact_ids.dedup();
        let mut apps: HashMap<String, String> = HashMap::with_capacity(interview_ids.len());
        for chunk in interview_ids.chunks(500) {
            let rows: Vec<(String, String, String)> = interviews::table
                .inner_join(applications::table)
                .filter(only_checks!(interviews, &self.account))
                .filter(interviews::id.eq_any(chunk))
                .select((interviews::id, applications::company, applications::role))
                .load(&mut *self.conn)?;
            apps.extend(
                rows.into_iter()
                    .map(|(id, company, role)| (id, format!("{company} – {role}"))),
            );
        }
        let mut people: HashMap<String, String> = HashMap::with_capacity(contact_ids.len());
        for chunk in contact_ids.chunks(500) {
            let rows: Vec<(String, String)> = contacts::table
                .filter(only_checks!(contacts, &self.account))
                .filter(contacts::id.eq_any(chunk))
                .select((contacts::id, contacts::full_name))
                .load(&mut *self.conn)?;
            people.extend(rows);
        }
        Ok(steps
            .iter()
            .map(|s| {
                let label = StepLabel {
                    application: apps.get(&s.interview_id).cloned().unwrap_or_default(),
                    person: s
                        .contact_id
                        .as_ref()
                        .and_then(|c| people.get(c).cloned())
                        .unwrap_or_default(),
                };
                (s.id.clone(), label)
            })
            .collect())
    }

    /// `step_labels` for every step: each interview and person is looked up once, not once
    /// per step (the calendar feed of 50,000 steps spent most of its time in lookups). The
    /// steps' own ids drive the lookups (the account only checks): walking every interview
    /// and contact of the account instead took 0.6 s on the benchmark database.
    fn all_step_labels(&mut self) -> Result<HashMap<String, StepLabel>> {
        let account = self.account.as_str();
        let apps: HashMap<String, String> = interviews::table
            .inner_join(applications::table)
            .filter(only_checks!(interviews, account))
            .filter(
                interviews::id.eq_any(
                    steps::table
                        .filter(steps::account_id.eq(account))
                        .select(steps::interview_id),
                ),
            )
            .select((interviews::id, applications::company, applications::role))
            .load::<(String, String, String)>(&mut *self.conn)?
            .into_iter()
            .map(|(id, company, role)| (id, format!("{company} – {role}")))
            .collect();
        let people: HashMap<String, String> = contacts::table
            .filter(only_checks!(contacts, account))
            .filter(
                contacts::id.nullable().eq_any(
                    steps::table
                        .filter(steps::account_id.eq(account))
                        .select(steps::contact_id),
                ),
            )
            .select((contacts::id, contacts::full_name))
            .load::<(String, String)>(&mut *self.conn)?
            .into_iter()
            .collect();
        let refs: Vec<(String, String, Option<String>)> = steps::table
            .filter(steps::account_id.eq(account))
            .select((steps::id, steps::interview_id, steps::contact_id))
            .load(&mut *self.conn)?;
        Ok(refs
            .into_iter()
            .map(|(id, interview, contact)| {
                let label = StepLabel {
                    application: apps.get(&interview).cloned().unwrap_or_default(),
                    person: contact
                        .and_then(|c| people.get(&c).cloned())
                        .unwrap_or_default(),
                };
                (id, label)
            })
            .collect())
    }

    /// The interviews with a step still pending: their stored plans are the ones a newer
    /// planner may place differently.
    pub fn interviews_with_pending_steps(&mut self) -> Result<Vec<String>> {
        Ok(steps::table
            .filter(steps::account_id.eq(&self.account))
            .filter(steps::state.eq(StepState::Pending.as_str()))
            .select(steps::interview_id)
            .distinct()
            .load(&mut *self.conn)?)
    }

    /// Interviews that still have something pending (the ones a holiday change affects).
    /// The interviews whose plan a recomputation can change: those with a step still
    /// pending, and those never planned at all (written before plans existed, schema 1).
    pub fn interviews_to_replan(&mut self) -> Result<Vec<String>> {
        let mut ids = self.interviews_with_pending_steps()?;
        let never_planned: Vec<String> = interviews::table
            .filter(interviews::account_id.eq(&self.account))
            .filter(diesel::dsl::not(diesel::dsl::exists(
                steps::table.filter(steps::interview_id.eq(interviews::id)),
            )))
            .select(interviews::id)
            .load(&mut *self.conn)?;
        ids.extend(never_planned);
        Ok(ids)
    }

    pub fn interview_ids_for_application(&mut self, application_id: &str) -> Result<Vec<String>> {
        Ok(interviews::table
            .filter(interviews::account_id.eq(&self.account))
            .filter(interviews::application_id.eq(application_id))
            .select(interviews::id)
            .load(&mut *self.conn)?)
    }

    pub fn interview_ids_for_contact(&mut self, contact_id: &str) -> Result<Vec<String>> {
        Ok(interview_interviewers::table
            .inner_join(interviews::table)
            .filter(only_checks!(interviews, &self.account))
            .filter(interview_interviewers::contact_id.eq(contact_id))
            .select(interview_interviewers::interview_id)
            .load(&mut *self.conn)?)
    }
}

/// Replaces this account's row with this id, or adds it to the account: what a restore
/// does with each record. (A row with this id in another account makes the insert fail:
/// a backup cannot overwrite someone else's records.)
macro_rules! upsert {
    ($conn:expr, $account:expr, $table:ident, $id:expr, $row:expr) => {
        if diesel::update(
            $table::table
                .find($id)
                .filter($table::account_id.eq($account)),
        )
        .set($row)
        .execute($conn)?
            == 0
        {
            diesel::insert_into($table::table)
                .values(($row, $table::account_id.eq($account)))
                .execute($conn)?;
        }
    };
}

/// Refuses a reference to an interview of another account (or none).
pub(crate) fn own_interview(conn: &mut AnyConnection, account: &str, id: &str) -> Result<()> {
    let n = interviews::table
        .find(id)
        .filter(interviews::account_id.eq(account))
        .count()
        .get_result::<i64>(conn)?;
    if n == 0 {
        return Err(not_found("interview", id));
    }
    Ok(())
}

/// The plan half of a restore, inside the caller's transaction: steps and calls by id,
/// holidays and settings by key.
pub(crate) fn restore_plan(
    conn: &mut AnyConnection,
    account: &str,
    records: &followup_core::model::Records,
    rewind: bool,
) -> Result<Vec<(&'static str, String)>> {
    let mut kept = Vec::new();
    for step in &records.steps {
        own_interview(conn, account, &step.interview_id)?;
        let stored = steps::table
            .find(&step.id)
            .filter(steps::account_id.eq(account))
            .select(StepRow::as_select())
            .first(conn)
            .optional()?
            .map(StepRow::into_model)
            .transpose()?;
        if rewind
            || stored.is_none_or(|stored| followup_core::plan::restore_keeps_backup(&stored, step))
        {
            upsert!(conn, account, steps, &step.id, &StepRow::from(step));
        } else {
            kept.push(("step", step.id.clone()));
        }
    }
    for call in &records.calls {
        own_interview(conn, account, &call.interview_id)?;
        upsert!(conn, account, calls, &call.id, &CallRow::from(call));
    }
    for h in &records.holidays {
        let row = HolidayRow::from(h);
        diesel::delete(holidays::table.find((account, &row.region, &row.day, &row.source)))
            .execute(conn)?;
        diesel::insert_into(holidays::table)
            .values((&row, holidays::account_id.eq(account)))
            .execute(conn)?;
    }
    for draft in &records.drafts {
        own_interview(conn, account, &draft.interview_id)?;
        upsert!(conn, account, drafts, &draft.id, &DraftRow::from(draft));
    }
    for entry in &records.outbox {
        crate::drafts::own_draft(conn, account, &entry.draft_id)?;
        // Matched by draft (one row per draft), so a backup's row with another id cannot
        // sit beside the stored one.
        let stored = outbox::table
            .filter(outbox::account_id.eq(account))
            .filter(outbox::draft_id.eq(&entry.draft_id))
            .select(OutboxRow::as_select())
            .first(conn)
            .optional()?
            .map(OutboxRow::into_model)
            .transpose()?;
        match stored {
            None => {
                diesel::insert_into(outbox::table)
                    .values((&OutboxRow::from(entry), outbox::account_id.eq(account)))
                    .execute(conn)?;
            }
            Some(stored) if followup_core::outbox::restore_keeps_backup(&stored, entry) => {
                let row = OutboxRow {
                    id: stored.id.clone(),
                    ..OutboxRow::from(entry)
                };
                diesel::update(outbox::table.find(&stored.id))
                    .set(&row)
                    .execute(conn)?;
            }
            Some(stored) => kept.push(("message", stored.draft_id.clone())),
        }
    }
    for (name, value) in &records.settings {
        put_setting(conn, account, name, value)?;
    }
    Ok(kept)
}

/// What a step is about, in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepLabel {
    /// "Company – Role"
    pub application: String,
    pub person: String,
}

type BoxedSteps<'a> = steps::BoxedQuery<'a, <AnyConnection as Connection>::Backend>;

fn load_steps(conn: &mut AnyConnection, query: BoxedSteps) -> Result<Vec<Step>> {
    query
        .select(StepRow::as_select())
        .load(conn)?
        .into_iter()
        .map(StepRow::into_model)
        .collect()
}

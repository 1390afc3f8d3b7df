//! Deleting records, changing a call, and the journal that `undo` reads.
//!
//! Deletes cascade through the schema: an application takes its interviews, and an
//! interview its steps, calls, drafts and panel. The outbox is the record of what was
//! sent and outlives its draft (migration 7). A contact leaves the panels it sat on and
//! the drafts addressed to it (which keep their text, with no recipient).

use crate::rows::*;
use crate::schema::*;
use crate::{AnyConnection, Result, Store, not_found};
use diesel::prelude::*;
use followup_core::plan::CallRecord;
use jiff::Timestamp;

/// The journal keeps this many changes per account.
pub const JOURNAL_KEPT: i64 = 100;

/// One change in the journal: what it was, and what it replaced (opaque to the store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    pub seq: i64,
    pub at: Timestamp,
    pub summary: String,
    pub changes: String,
    pub undone_at: Option<Timestamp>,
}

impl Store {
    pub fn delete_application(&mut self, id: &str) -> Result<()> {
        let n = diesel::delete(
            applications::table
                .find(id)
                .filter(applications::account_id.eq(&self.account)),
        )
        .execute(&mut *self.conn)?;
        found(n, "application", id)
    }

    pub fn delete_interview(&mut self, id: &str) -> Result<()> {
        let n = diesel::delete(
            interviews::table
                .find(id)
                .filter(interviews::account_id.eq(&self.account)),
        )
        .execute(&mut *self.conn)?;
        found(n, "interview", id)
    }

    /// Deletes a contact: off every panel, and no longer the recipient of any draft.
    pub fn delete_contact(&mut self, id: &str) -> Result<()> {
        let account = self.account.clone();
        crate::tx::write(&mut self.conn, |conn| {
            let exists = contacts::table
                .find(id)
                .filter(contacts::account_id.eq(&account))
                .count()
                .get_result::<i64>(conn)?;
            found(exists as usize, "contact", id)?;
            diesel::delete(
                interview_interviewers::table.filter(interview_interviewers::contact_id.eq(id)),
            )
            .execute(conn)?;
            diesel::update(
                drafts::table
                    .filter(drafts::account_id.eq(&account))
                    .filter(drafts::recipient_id.eq(id)),
            )
            .set(drafts::recipient_id.eq(None::<String>))
            .execute(conn)?;
            diesel::delete(
                contacts::table
                    .find(id)
                    .filter(contacts::account_id.eq(&account)),
            )
            .execute(conn)?;
            Ok(())
        })
    }

    pub fn delete_call(&mut self, id: &str) -> Result<()> {
        let n = diesel::delete(
            calls::table
                .find(id)
                .filter(calls::account_id.eq(&self.account)),
        )
        .execute(&mut *self.conn)?;
        found(n, "call", id)
    }

    pub fn delete_draft(&mut self, id: &str) -> Result<()> {
        let n = diesel::delete(
            drafts::table
                .find(id)
                .filter(drafts::account_id.eq(&self.account)),
        )
        .execute(&mut *self.conn)?;
        found(n, "draft", id)
    }

    pub fn delete_step(&mut self, id: &str) -> Result<()> {
        let n = diesel::delete(
            steps::table
                .find(id)
                .filter(steps::account_id.eq(&self.account)),
        )
        .execute(&mut *self.conn)?;
        found(n, "step", id)
    }

    /// The profile and its skills (an undo of the first `profile set`).
    pub fn delete_profile(&mut self) -> Result<()> {
        diesel::delete(profile::table.filter(profile::account_id.eq(&self.account)))
            .execute(&mut *self.conn)?;
        Ok(())
    }

    pub fn delete_setting(&mut self, name: &str) -> Result<()> {
        diesel::delete(
            settings::table
                .filter(settings::account_id.eq(&self.account))
                .filter(settings::name.eq(name)),
        )
        .execute(&mut *self.conn)?;
        Ok(())
    }

    /// Every holiday of the user's own (before an undo puts the earlier ones back).
    pub fn delete_own_holidays(&mut self) -> Result<()> {
        diesel::delete(holidays::table.filter(holidays::account_id.eq(&self.account)))
            .execute(&mut *self.conn)?;
        Ok(())
    }

    /// Saves every field of an existing call.
    pub fn update_call(&mut self, call: &CallRecord) -> Result<CallRecord> {
        let n = diesel::update(
            calls::table
                .find(&call.id)
                .filter(calls::account_id.eq(&self.account)),
        )
        .set(CallRow::from(call))
        .execute(&mut *self.conn)?;
        found(n, "call", &call.id)?;
        Ok(call.clone())
    }

    /// Appends a change to the journal, keeping the latest [`JOURNAL_KEPT`]. Runs inside
    /// the caller's write transaction (PostgreSQL: an advisory lock orders appends).
    pub fn append_journal(&mut self, at: Timestamp, summary: &str, changes: &str) -> Result<i64> {
        let account = self.account.clone();
        let conn = &mut *self.conn;
        if let AnyConnection::Postgresql(c) = conn {
            diesel::sql_query("SELECT pg_advisory_xact_lock(8151)").execute(c)?;
        }
        let last: Option<i64> = journal::table
            .filter(journal::account_id.eq(&account))
            .select(diesel::dsl::max(journal::seq))
            .first(conn)?;
        let seq = last.unwrap_or(0) + 1;
        diesel::insert_into(journal::table)
            .values((
                journal::account_id.eq(&account),
                journal::seq.eq(seq),
                journal::at.eq(at.as_second()),
                journal::summary.eq(summary),
                journal::changes.eq(changes),
            ))
            .execute(conn)?;
        diesel::delete(
            journal::table
                .filter(journal::account_id.eq(&account))
                .filter(journal::seq.le(seq - JOURNAL_KEPT)),
        )
        .execute(conn)?;
        Ok(seq)
    }

    /// What changes whenever a journaled write commits, in any process: the newest entry
    /// and how many are undone. One indexed read; a reader that keeps a rendered page
    /// compares it to know whether the page is stale.
    pub fn change_marker(&mut self) -> Result<(i64, i64)> {
        let (seq, undone): (Option<i64>, i64) = journal::table
            .filter(journal::account_id.eq(&self.account))
            .select((
                diesel::dsl::max(journal::seq),
                diesel::dsl::count(journal::undone_at),
            ))
            .first(&mut *self.conn)?;
        Ok((seq.unwrap_or(0), undone))
    }

    /// The latest changes, newest first.
    pub fn journal(&mut self, limit: i64) -> Result<Vec<JournalEntry>> {
        let rows: Vec<(i64, i64, String, String, Option<i64>)> = journal::table
            .filter(journal::account_id.eq(&self.account))
            .order(journal::seq.desc())
            .limit(limit)
            .select((
                journal::seq,
                journal::at,
                journal::summary,
                journal::changes,
                journal::undone_at,
            ))
            .load(&mut *self.conn)?;
        rows.into_iter()
            .map(|(seq, at, summary, changes, undone_at)| {
                Ok(JournalEntry {
                    seq,
                    at: instant(at, "journal", &seq.to_string())?,
                    summary,
                    changes,
                    undone_at: undone_at
                        .map(|t| instant(t, "journal", &seq.to_string()))
                        .transpose()?,
                })
            })
            .collect()
    }

    pub fn mark_undone(&mut self, seq: i64, at: Timestamp) -> Result<()> {
        diesel::update(
            journal::table
                .filter(journal::account_id.eq(&self.account))
                .filter(journal::seq.eq(seq)),
        )
        .set(journal::undone_at.eq(Some(at.as_second())))
        .execute(&mut *self.conn)?;
        Ok(())
    }
}

fn found(n: usize, kind: &'static str, id: &str) -> Result<()> {
    if n == 0 {
        return Err(not_found(kind, id));
    }
    Ok(())
}

impl Store {
    pub fn call(&mut self, id: &str) -> Result<CallRecord> {
        calls::table
            .find(id)
            .filter(calls::account_id.eq(&self.account))
            .select(CallRow::as_select())
            .first(&mut *self.conn)
            .optional()?
            .ok_or_else(|| not_found("call", id))?
            .into_model()
    }
}

//! Stored drafts and the outbox. Consistency rules: saving a draft whose text differs
//! from the approved text clears the approval in the same write, so an edited draft is
//! never approved; a draft has at most one outbox row (`draft_id` is unique).

use crate::rows::{DraftRow, OutboxRow};
use crate::schema::{drafts, outbox};
use crate::{AnyConnection, Page, Result, Store, new_id, not_found};
use diesel::prelude::*;
use followup_core::compose::Draft;
use followup_core::outbox::OutboxEntry;

impl Store {
    pub fn add_draft(&mut self, mut draft: Draft) -> Result<Draft> {
        draft.id = new_id("draft");
        crate::plan::own_interview(&mut self.conn, &self.account, &draft.interview_id)?;
        diesel::insert_into(drafts::table)
            .values((DraftRow::from(&draft), drafts::account_id.eq(&self.account)))
            .execute(&mut *self.conn)?;
        Ok(draft)
    }

    pub fn draft(&mut self, id: &str) -> Result<Draft> {
        drafts::table
            .find(id)
            .filter(drafts::account_id.eq(&self.account))
            .select(DraftRow::as_select())
            .first(&mut *self.conn)
            .optional()?
            .ok_or_else(|| not_found("draft", id))?
            .into_model()
    }

    /// Newest first, optionally for one interview.
    pub fn drafts(&mut self, interview_id: Option<&str>, page: Page) -> Result<Vec<Draft>> {
        let mut query = drafts::table
            .filter(drafts::account_id.eq(&self.account))
            .order((drafts::created_at.desc(), drafts::id.desc()))
            .limit(page.limit())
            .offset(page.offset)
            .select(DraftRow::as_select())
            .into_boxed();
        if let Some(id) = interview_id {
            query = query.filter(drafts::interview_id.eq(id));
        }
        query
            .load(&mut *self.conn)?
            .into_iter()
            .map(DraftRow::into_model)
            .collect()
    }

    /// Saves a draft; an approval that no longer matches its text is cleared.
    pub fn update_draft(&mut self, draft: &Draft) -> Result<Draft> {
        let mut draft = draft.clone();
        if !draft.is_approved() {
            draft.approved_text = None;
            draft.approved_at = None;
            draft.override_reason = None;
        }
        let n = diesel::update(
            drafts::table
                .find(&draft.id)
                .filter(drafts::account_id.eq(&self.account)),
        )
        .set(DraftRow::from(&draft))
        .execute(&mut *self.conn)?;
        if n == 0 {
            return Err(not_found("draft", &draft.id));
        }
        Ok(draft)
    }
}

impl Store {
    /// The outbox row of a draft, if it was ever handed to the mail server.
    pub fn outbox_entry(&mut self, draft_id: &str) -> Result<Option<OutboxEntry>> {
        outbox::table
            .filter(outbox::account_id.eq(&self.account))
            .filter(outbox::draft_id.eq(draft_id))
            .select(OutboxRow::as_select())
            .first(&mut *self.conn)
            .optional()?
            .map(OutboxRow::into_model)
            .transpose()
    }

    /// Writes an outbox row (an empty id is a new one). Callers commit this *before*
    /// contacting the server.
    pub fn save_outbox(&mut self, entry: &OutboxEntry) -> Result<OutboxEntry> {
        let mut entry = entry.clone();
        if entry.id.is_empty() {
            entry.id = new_id("out");
            own_draft(&mut self.conn, &self.account, &entry.draft_id)?;
            diesel::insert_into(outbox::table)
                .values((
                    OutboxRow::from(&entry),
                    outbox::account_id.eq(&self.account),
                ))
                .execute(&mut *self.conn)?;
        } else {
            let n = diesel::update(
                outbox::table
                    .find(&entry.id)
                    .filter(outbox::account_id.eq(&self.account)),
            )
            .set(OutboxRow::from(&entry))
            .execute(&mut *self.conn)?;
            if n == 0 {
                return Err(not_found("outbox entry", &entry.id));
            }
        }
        Ok(entry)
    }

    /// Records how a claimed send ended, if the row still carries this claim; `false` when
    /// another process took it over meanwhile (nothing is written then).
    pub fn settle_outbox(&mut self, entry: &OutboxEntry, claimed_by: &str) -> Result<bool> {
        let n = diesel::update(
            outbox::table
                .find(&entry.id)
                .filter(outbox::account_id.eq(&self.account))
                .filter(outbox::claimed_by.eq(claimed_by)),
        )
        .set(OutboxRow::from(entry))
        .execute(&mut *self.conn)?;
        Ok(n == 1)
    }

    /// Newest first.
    pub fn outbox(&mut self, page: Page) -> Result<Vec<OutboxEntry>> {
        outbox::table
            .filter(outbox::account_id.eq(&self.account))
            .order((outbox::updated_at.desc(), outbox::id.desc()))
            .limit(page.limit())
            .offset(page.offset)
            .select(OutboxRow::as_select())
            .load(&mut *self.conn)?
            .into_iter()
            .map(OutboxRow::into_model)
            .collect()
    }
}

/// Refuses a reference to a draft of another account (or none).
pub(crate) fn own_draft(conn: &mut AnyConnection, account: &str, id: &str) -> Result<()> {
    let n = drafts::table
        .find(id)
        .filter(drafts::account_id.eq(account))
        .count()
        .get_result::<i64>(conn)?;
    if n == 0 {
        return Err(not_found("draft", id));
    }
    Ok(())
}

//! Stored drafts. Consistency rule: saving a draft whose text differs from the approved
//! text clears the approval in the same write, so an edited draft is never approved.

use crate::rows::DraftRow;
use crate::schema::drafts;
use crate::{Page, Result, Store, new_id, not_found};
use diesel::prelude::*;
use followup_core::compose::Draft;

impl Store {
    pub fn add_draft(&mut self, mut draft: Draft) -> Result<Draft> {
        draft.id = new_id("draft");
        diesel::insert_into(drafts::table)
            .values(DraftRow::from(&draft))
            .execute(&mut self.conn)?;
        Ok(draft)
    }

    pub fn draft(&mut self, id: &str) -> Result<Draft> {
        drafts::table
            .find(id)
            .select(DraftRow::as_select())
            .first(&mut self.conn)
            .optional()?
            .ok_or_else(|| not_found("draft", id))?
            .into_model()
    }

    /// Newest first, optionally for one interview.
    pub fn drafts(&mut self, interview_id: Option<&str>, page: Page) -> Result<Vec<Draft>> {
        let mut query = drafts::table
            .order((drafts::created_at.desc(), drafts::id.desc()))
            .limit(page.limit())
            .offset(page.offset)
            .select(DraftRow::as_select())
            .into_boxed();
        if let Some(id) = interview_id {
            query = query.filter(drafts::interview_id.eq(id));
        }
        query
            .load(&mut self.conn)?
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
        let n = diesel::update(drafts::table.find(&draft.id))
            .set(DraftRow::from(&draft))
            .execute(&mut self.conn)?;
        if n == 0 {
            return Err(not_found("draft", &draft.id));
        }
        Ok(draft)
    }
}

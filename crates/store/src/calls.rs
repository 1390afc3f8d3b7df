//! The call log: each follow-up call and how it went, scoped to the interview's account.

use crate::plan::own_interview;
use crate::rows::*;
use crate::schema::*;
use crate::{Result, Store, new_id};
use diesel::prelude::*;
use followup_core::plan::CallRecord;

impl Store {
    /// This interview's calls, oldest first.
    pub fn calls(&mut self, interview_id: &str) -> Result<Vec<CallRecord>> {
        calls::table
            .filter(calls::account_id.eq(&self.account))
            .filter(calls::interview_id.eq(interview_id))
            .order((calls::called_at, calls::id))
            .select(CallRow::as_select())
            .load(&mut *self.conn)?
            .into_iter()
            .map(CallRow::into_model)
            .collect()
    }

    /// Every call, for a backup.
    pub fn all_calls(&mut self) -> Result<Vec<CallRecord>> {
        calls::table
            .filter(calls::account_id.eq(&self.account))
            .order((calls::called_at, calls::id))
            .select(CallRow::as_select())
            .load(&mut *self.conn)?
            .into_iter()
            .map(CallRow::into_model)
            .collect()
    }

    pub fn add_call(&mut self, mut call: CallRecord) -> Result<CallRecord> {
        call.id = new_id("call");
        own_interview(&mut self.conn, &self.account, &call.interview_id)?;
        diesel::insert_into(calls::table)
            .values((CallRow::from(&call), calls::account_id.eq(&self.account)))
            .execute(&mut *self.conn)?;
        Ok(call)
    }
}

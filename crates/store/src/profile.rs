//! The candidate's profile and skills: one per account, replaced whole.

use crate::rows::*;
use crate::schema::*;
use crate::{AnyConnection, Result, Store, tx};
use diesel::prelude::*;
use followup_core::model::*;
use jiff::Timestamp;

impl Store {
    pub fn profile(&mut self) -> Result<Option<Profile>> {
        let row = profile::table
            .filter(profile::account_id.eq(&self.account))
            .select(ProfileRow::as_select())
            .first(&mut *self.conn)
            .optional()?;
        let Some(row) = row else { return Ok(None) };
        let skill_rows = skills::table
            .filter(skills::profile_id.eq(&row.id))
            .order(skills::position)
            .select(SkillRow::as_select())
            .load(&mut *self.conn)?;
        row.into_model(skill_rows).map(Some)
    }

    /// Replaces the profile and its skills.
    pub fn save_profile(&mut self, p: &Profile) -> Result<()> {
        tx::write(&mut self.conn, |conn| write_profile(conn, &self.account, p))
    }
}

/// Replaces the account's profile; its row id is the account's id.
pub(crate) fn write_profile(conn: &mut AnyConnection, account: &str, p: &Profile) -> Result<()> {
    let old: Vec<String> = profile::table
        .filter(profile::account_id.eq(account))
        .select(profile::id)
        .load(conn)?;
    diesel::delete(skills::table.filter(skills::profile_id.eq_any(&old))).execute(conn)?;
    diesel::delete(profile::table.filter(profile::account_id.eq(account))).execute(conn)?;
    diesel::insert_into(profile::table)
        .values((
            ProfileRow::from_model(account, p, Timestamp::now()),
            profile::account_id.eq(account),
        ))
        .execute(conn)?;
    for (i, skill) in p.skills.iter().enumerate() {
        diesel::insert_into(skills::table)
            .values(SkillRow::from_model(account, i, skill))
            .execute(conn)?;
    }
    Ok(())
}

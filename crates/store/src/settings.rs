//! Settings: one value per name and account.

use crate::schema::*;
use crate::{AnyConnection, Result, Store};
use diesel::prelude::*;

impl Store {
    pub fn settings(&mut self) -> Result<Vec<(String, String)>> {
        Ok(settings::table
            .filter(settings::account_id.eq(&self.account))
            .order(settings::name)
            .select((settings::name, settings::value))
            .load(&mut *self.conn)?)
    }

    pub fn set_setting(&mut self, name: &str, value: &str) -> Result<()> {
        crate::tx::write(&mut self.conn, |conn| {
            put_setting(conn, &self.account, name, value)
        })
    }
}

/// Writes a setting (one row per name).
pub(crate) fn put_setting(
    conn: &mut AnyConnection,
    account: &str,
    name: &str,
    value: &str,
) -> Result<()> {
    diesel::delete(settings::table.find((account, name))).execute(conn)?;
    diesel::insert_into(settings::table)
        .values((
            settings::account_id.eq(account),
            settings::name.eq(name),
            settings::value.eq(value),
        ))
        .execute(conn)?;
    Ok(())
}

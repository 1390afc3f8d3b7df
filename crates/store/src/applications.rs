//! Applications: adding them (one or a batch, in one transaction), reading them by id,
//! page or ids, and editing them.

use crate::rows::*;
use crate::schema::*;
use crate::{AnyConnection, Page, Result, Store, not_found, now, only_checks, stamp_new, tx};
use diesel::prelude::*;
use followup_core::model::*;

impl Store {
    /// Stores a new application, giving it an id and creation time.
    pub fn add_application(&mut self, mut app: Application) -> Result<Application> {
        stamp_new(&mut app.id, "app", &mut app.created_at, &mut app.updated_at);
        diesel::insert_into(applications::table)
            .values((
                ApplicationRow::from(&app),
                applications::account_id.eq(&self.account),
            ))
            .execute(&mut *self.conn)?;
        Ok(app)
    }

    /// Stores many new applications in one transaction (a CSV import): all or none.
    /// Stores new applications in one transaction; returns their ids.
    pub fn add_applications(&mut self, apps: Vec<Application>) -> Result<Vec<String>> {
        let account = self.account.clone();
        let rows: Vec<ApplicationRow> = apps
            .into_iter()
            .map(|mut app| {
                stamp_new(&mut app.id, "app", &mut app.created_at, &mut app.updated_at);
                ApplicationRow::from(app)
            })
            .collect();
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        tx::write(&mut self.conn, move |conn| {
            match conn {
                // SQLite: one prepared INSERT (diesel caches it), bound and stepped per
                // row, as `sqlite3 .import` does. A multi-row INSERT's SQL was rebuilt for
                // every chunk (not cacheable), which cost more than the inserts themselves.
                AnyConnection::Sqlite(c) => {
                    for row in &rows {
                        diesel::insert_into(applications::table)
                            .values((row, applications::account_id.eq(&account)))
                            .execute(c)?;
                    }
                }
                // PostgreSQL: multi-row INSERTs, one round trip per chunk; 3,000 rows of 11
                // columns stays under the 65,535 bound parameters.
                AnyConnection::Postgresql(c) => {
                    let rows: Vec<_> = rows
                        .into_iter()
                        .map(|r| (r, applications::account_id.eq(account.clone())))
                        .collect();
                    for chunk in rows.chunks(3000) {
                        diesel::insert_into(applications::table)
                            .values(chunk)
                            .execute(c)?;
                    }
                }
            }
            Ok(ids)
        })
    }

    pub fn application(&mut self, id: &str) -> Result<Application> {
        applications::table
            .find(id)
            .filter(applications::account_id.eq(&self.account))
            .select(ApplicationRow::as_select())
            .first(&mut *self.conn)
            .optional()?
            .ok_or_else(|| not_found("application", id))?
            .into_model()
    }

    /// Newest first.
    pub fn applications(&mut self, page: Page) -> Result<Vec<Application>> {
        applications::table
            .filter(applications::account_id.eq(&self.account))
            .order((applications::created_at.desc(), applications::id.desc()))
            .limit(page.limit())
            .offset(page.offset)
            .select(ApplicationRow::as_select())
            .load(&mut *self.conn)?
            .into_iter()
            .map(ApplicationRow::into_model)
            .collect()
    }

    /// Every company applied to, once each (as typed, so two spellings are two).
    pub fn companies(&mut self) -> Result<Vec<String>> {
        Ok(applications::table
            .filter(applications::account_id.eq(&self.account))
            .select(applications::company)
            .distinct()
            .load(&mut *self.conn)?)
    }

    pub fn applications_by_ids(&mut self, ids: &[String]) -> Result<Vec<Application>> {
        applications::table
            .filter(only_checks!(applications, &self.account))
            .filter(applications::id.eq_any(ids))
            .select(ApplicationRow::as_select())
            .load(&mut *self.conn)?
            .into_iter()
            .map(ApplicationRow::into_model)
            .collect()
    }

    pub fn count_applications(&mut self) -> Result<i64> {
        Ok(applications::table
            .filter(applications::account_id.eq(&self.account))
            .count()
            .get_result(&mut *self.conn)?)
    }

    /// Saves every field of an existing application.
    pub fn update_application(&mut self, app: &Application) -> Result<Application> {
        let mut app = app.clone();
        app.updated_at = now();
        let n = diesel::update(
            applications::table
                .find(&app.id)
                .filter(applications::account_id.eq(&self.account)),
        )
        .set(ApplicationRow::from(&app))
        .execute(&mut *self.conn)?;
        if n == 0 {
            return Err(not_found("application", &app.id));
        }
        Ok(app)
    }
}

//! Write transactions, the same on every backend: a write transaction holds the right to
//! write from its first statement, so two writers queue instead of failing.
//!
//! On SQLite a transaction that starts deferred and reads first cannot upgrade to a
//! writer while another connection writes: SQLite returns "database is locked" at once,
//! without waiting out the busy timeout. Every write transaction here therefore starts
//! `BEGIN IMMEDIATE`, which waits (busy timeout) for the single writer's lock. On
//! PostgreSQL a plan's writes for one interview are serialised by a row lock on the
//! interview (`lock_interview`), and a draft's send by a row lock on the draft.

use crate::{AnyConnection, Result, Store, StoreError};
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::prelude::*;

type Manager = <AnyConnection as Connection>::TransactionManager;

/// Runs `f` in a write transaction (a savepoint when one is open already).
pub(crate) fn write<T, E: From<StoreError>>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> std::result::Result<T, E>,
) -> std::result::Result<T, E> {
    begin_write(conn)?;
    let result = f(conn);
    end(conn, result)
}

fn begin_write(conn: &mut AnyConnection) -> Result<()> {
    let depth = Manager::transaction_manager_status_mut(conn).transaction_depth()?;
    if depth.is_some() {
        return Ok(Manager::begin_transaction(conn)?);
    }
    Ok(match conn {
        AnyConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
        }
        AnyConnection::Postgresql(c) => AnsiTransactionManager::begin_transaction(c),
    }?)
}

/// Commits on `Ok`, rolls back on `Err`.
fn end<T, E: From<StoreError>>(
    conn: &mut AnyConnection,
    result: std::result::Result<T, E>,
) -> std::result::Result<T, E> {
    match result {
        Ok(value) => match Manager::commit_transaction(conn) {
            Ok(()) => Ok(value),
            Err(e) => {
                let _ = Manager::rollback_transaction(conn);
                Err(StoreError::from(e).into())
            }
        },
        Err(e) => {
            Manager::rollback_transaction(conn).map_err(StoreError::from)?;
            Err(e)
        }
    }
}

impl Store {
    /// Runs `f` as one write transaction: everything it writes is kept, or nothing is.
    /// Other writers wait for it (they never fail with "database is locked").
    pub fn atomically<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        begin_write(&mut self.conn)?;
        let result = f(self);
        end(&mut self.conn, result)
    }

    /// Inside a write transaction: waits for, then holds, the right to change this
    /// interview's plan until the transaction ends. (SQLite's `BEGIN IMMEDIATE` already
    /// serialises writers; PostgreSQL locks the interview's row.)
    pub fn lock_interview(&mut self, interview_id: &str) -> Result<()> {
        lock_row(&mut self.conn, "interviews", interview_id)
    }

    /// Inside a write transaction: holds the draft's row until the transaction ends, so
    /// two sends of one draft are decided one after the other.
    pub fn lock_draft(&mut self, draft_id: &str) -> Result<()> {
        lock_row(&mut self.conn, "drafts", draft_id)
    }
}

fn lock_row(conn: &mut AnyConnection, table: &'static str, id: &str) -> Result<()> {
    if let AnyConnection::Postgresql(c) = conn {
        diesel::sql_query(format!("SELECT 1 FROM {table} WHERE id = $1 FOR UPDATE"))
            .bind::<diesel::sql_types::Text, _>(id)
            .execute(c)?;
    }
    Ok(())
}

//! Followup's persistence: one schema and one set of queries over SQLite (the embedded
//! default) or PostgreSQL (the server), with migrations embedded in the binary.
//!
//! The consistency rules this API keeps, on every backend:
//! - A `Store` is bound to one account, and every query it makes is scoped by that
//!   account here, in this crate: a caller cannot read or change another account's rows,
//!   even by naming their ids (they are "not found").
//! - Every method that writes runs in one transaction: it completes, or leaves the
//!   database exactly as it was.
//! - Ids are generated here: text, prefixed by kind (`app-`, `con-`, `int-`).
//! - A contact's rows in `contact_emails` always equal its (lower-cased) addresses, so a
//!   re-imported card finds the contact it updates.
//! - An interview's application and interviewers exist (foreign keys).
//! - Migrations only move forward; a database migrated by a newer Followup is refused.
//!
//! SQL lives in this crate only; rules about *what* to write come from `followup_core`.

mod applications;
mod calls;
mod connect;
mod contacts;
mod drafts;
mod edits;
mod find;
mod holidays;
mod ids;
mod interviews;
mod plan;
mod profile;
mod records;
mod rows;

pub use connect::{Pool, schema_version};
pub use contacts::ContactImport;
pub use edits::{JOURNAL_KEPT, JournalEntry};
pub use find::FoundIn;
pub use plan::StepLabel;
pub use records::RestoreCounts;
mod schema;
mod settings;
mod tx;

use diesel::prelude::*;
use jiff::Timestamp;
use schema::*;

/// The account the CLI and the local web app use (and that older databases' rows were
/// moved into).
pub const LOCAL_ACCOUNT: &str = "local";

/// What went wrong in the store, in words that say what to do next.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {target}: {reason}")]
    Open { target: String, reason: String },
    #[error(
        "the database {target} was written by a newer version of Followup (schema {version}); \
         upgrade Followup to use it"
    )]
    NewerDatabase { target: String, version: String },
    #[error("migrating the database {target} failed: {reason}")]
    Migration { target: String, reason: String },
    #[error("the database {target} needs migrating to this version's schema (from {version})")]
    NeedsMigration { target: String, version: String },
    #[error("no {kind} with id '{id}'")]
    NotFound { kind: &'static str, id: String },
    #[error("'{prefix}' could be any of several {kind}s: {}", candidates.join(", "))]
    Ambiguous {
        kind: &'static str,
        prefix: String,
        candidates: Vec<String>,
    },
    #[error("{0}")]
    Conflict(String),
    #[error("the database holds a value this version cannot read ({what}): {reason}")]
    Corrupt { what: String, reason: String },
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
}

pub(crate) type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(diesel::MultiConnection)]
pub(crate) enum AnyConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// The account as a filter no index is chosen for (`account_id || '' = ?`), where the
/// row's own key (its id, its interview) should find the rows and the account only check
/// them. With a plain `account_id = ?` beside `id IN (…)`, SQLite (without statistics)
/// walks the account's whole list index instead: `interview list` went from 6 ms to 310 ms
/// on the benchmark database.
macro_rules! only_checks {
    ($table:ident, $account:expr) => {
        $table::account_id.concat("").eq($account)
    };
}
pub(crate) use only_checks;

/// Which rows of a list to read, newest (or alphabetically first) first.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    /// `None` reads every row.
    pub limit: Option<i64>,
    pub offset: i64,
}

impl Page {
    pub const ALL: Page = Page {
        limit: None,
        offset: 0,
    };

    pub(crate) fn limit(&self) -> i64 {
        self.limit.unwrap_or(i64::MAX)
    }
}

/// The open database, bound to one account.
pub struct Store {
    pub(crate) conn: connect::Conn,
    pub(crate) target: String,
    pub(crate) account: String,
}

impl Store {
    /// The account this handle reads and writes.
    pub fn account(&self) -> &str {
        &self.account
    }

    /// This handle, bound to another account (which must exist).
    pub fn into_account(mut self, account_id: &str) -> Result<Store> {
        let found = accounts::table
            .find(account_id)
            .count()
            .get_result::<i64>(&mut *self.conn)?;
        if found == 0 {
            return Err(not_found("account", account_id));
        }
        self.account = account_id.to_string();
        Ok(self)
    }

    /// Creates an account named `name`; returns its id.
    pub fn add_account(&mut self, name: &str) -> Result<String> {
        let id = new_id("acct");
        let taken = accounts::table
            .filter(accounts::name.eq(name))
            .count()
            .get_result::<i64>(&mut *self.conn)?;
        if taken > 0 {
            return Err(StoreError::Conflict(format!(
                "an account named '{name}' exists already"
            )));
        }
        diesel::insert_into(accounts::table)
            .values((
                accounts::id.eq(&id),
                accounts::name.eq(name),
                accounts::created_at.eq(now().as_second()),
            ))
            .execute(&mut *self.conn)?;
        Ok(id)
    }

    /// Where the database is (a URL's password hidden).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// "sqlite" or "postgresql".
    pub fn backend(&self) -> &'static str {
        match *self.conn {
            AnyConnection::Sqlite(_) => "sqlite",
            AnyConnection::Postgresql(_) => "postgresql",
        }
    }
}

// ---- ids and clocks ----

pub(crate) fn now() -> Timestamp {
    // Stored to the second; truncating here keeps what callers hold equal to what is read back.
    Timestamp::from_second(Timestamp::now().as_second()).expect("now is in range")
}

pub(crate) fn stamp_new(
    id: &mut String,
    prefix: &str,
    created: &mut Timestamp,
    updated: &mut Timestamp,
) {
    *id = new_id(prefix);
    *created = now();
    *updated = *created;
}

const ID_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// `prefix-` and 12 Crockford base32 characters: 32 bits of creation time (seconds) then
/// 28 bits of a per-process counter that starts at random. Time first keeps new rows at
/// the end of the primary-key index (a bulk import's random keys cost a third of its time);
/// the counter keeps ids made in the same second distinct.
pub(crate) fn new_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(u64::MAX);
    let mut start = COUNTER.load(Ordering::Relaxed);
    if start == u64::MAX {
        let mut seed = [0u8; 8];
        getrandom::fill(&mut seed).expect("the OS random source is available");
        start = u64::from_le_bytes(seed) >> 36;
        let _ = COUNTER.compare_exchange(u64::MAX, start, Ordering::Relaxed, Ordering::Relaxed);
    }
    let count = COUNTER.fetch_add(1, Ordering::Relaxed) & 0x0fff_ffff;
    let secs = (Timestamp::now().as_second() as u64) & 0xffff_ffff;
    let n = (secs << 28) | count;
    let mut id = String::with_capacity(prefix.len() + 13);
    id.push_str(prefix);
    id.push('-');
    for i in (0..12).rev() {
        id.push(ID_ALPHABET[((n >> (i * 5)) & 31) as usize] as char);
    }
    id
}

/// A UID for a contact that came without one (typed in): a random UUID URN, as vCard 4.0
/// recommends.
pub(crate) fn new_uid() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the OS random source is available");
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

pub(crate) fn not_found(kind: &'static str, id: &str) -> StoreError {
    StoreError::NotFound {
        kind,
        id: id.to_string(),
    }
}

fn is_postgres(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

/// `text` with any password found in `target` replaced by `***`.
fn scrub(text: &str, target: &str) -> String {
    let mut out = text.to_string();
    if let Some((_, rest)) = target.split_once("://") {
        let before_query = rest.split('?').next().unwrap_or("");
        if let Some((userinfo, _)) = before_query.rsplit_once('@')
            && let Some((_, password)) = userinfo.split_once(':')
            && !password.is_empty()
        {
            out = out.replace(password, "***");
        }
        for p in rest.split(['?', '&']) {
            if let Some((k, v)) = p.split_once('=')
                && k.eq_ignore_ascii_case("password")
                && !v.is_empty()
            {
                out = out.replace(v, "***");
            }
        }
    }
    out
}

/// A target fit for messages: a URL's password (`user:pass@`, `?password=`) is
/// replaced by `***`.
pub fn redact(target: &str) -> String {
    if !is_postgres(target) {
        return target.to_string();
    }
    let Some((scheme, rest)) = target.split_once("://") else {
        return target.to_string();
    };
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (rest, None),
    };
    // The last '@' ends the user information (a password may itself contain '@').
    let mut out = match before_query.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => format!("{scheme}://{userinfo}@{host}"),
        },
        None => format!("{scheme}://{before_query}"),
    };
    if let Some(query) = query {
        let params: Vec<String> = query
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => p.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&params.join("&"));
    }
    out
}

/// For the test suites of every crate: a fresh, empty PostgreSQL database on the server
/// `FOLLOWUP_TEST_PG` names (which scripts/test starts); returns its URL. Panics without
/// the server: the PostgreSQL tests are `#[ignore]`d, so they only run where it is.
#[doc(hidden)]
pub fn fresh_test_database(test: &str) -> String {
    use diesel::connection::SimpleConnection;
    let admin = std::env::var("FOLLOWUP_TEST_PG")
        .expect("the PostgreSQL tests need FOLLOWUP_TEST_PG (scripts/test starts a server)");
    let name = format!("t_{}_{}", test, std::process::id());
    let mut conn = diesel::PgConnection::establish(&admin).expect("FOLLOWUP_TEST_PG is reachable");
    conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .expect("the test server drops a database");
    conn.batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("the test server creates a database");
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    format!("{base}/{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_distinct_and_in_creation_order() {
        let ids: Vec<String> = (0..10_000).map(|_| new_id("app")).collect();
        assert!(
            ids.iter().all(|a| a.starts_with("app-") && a.len() == 16),
            "{}",
            ids[0]
        );
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        assert!(new_uid().starts_with("urn:uuid:"));
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://me:secret@localhost/db"),
            "postgres://me:***@localhost/db"
        );
        assert_eq!(redact("/tmp/x.db"), "/tmp/x.db");
        assert_eq!(
            redact("postgresql://me@db.example/app?sslmode=require&password=hunter2"),
            "postgresql://me@db.example/app?sslmode=require&password=***"
        );
        assert_eq!(
            redact("postgres://me:p@ss@localhost:5432/db"),
            "postgres://me:***@localhost:5432/db"
        );
    }
}

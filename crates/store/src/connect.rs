//! Connecting and migrating, as separate steps. `Store::open` does both (the CLI and the
//! local web app: one user, one process at a time starting up); a server migrates once
//! (`Store::migrate`, under a lock, so two starting processes do not both run it) and then
//! connects many times (`Store::connect`, or a [`Pool`]), each connection refusing a
//! schema older or newer than this version's.

use crate::{AnyConnection, LOCAL_ACCOUNT, Result, Store, StoreError, is_postgres, redact, scrub};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// PostgreSQL advisory lock key held while migrating ("FOLLOWUP" in ASCII, folded).
const MIGRATION_LOCK: i64 = 0x464f_4c4c_4f57_5550;

/// A connection of the store's own, or one lent by the pool.
pub(crate) enum Conn {
    Own(AnyConnection),
    Pooled(PooledConnection<ConnectionManager<AnyConnection>>),
}

impl std::ops::Deref for Conn {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        match self {
            Conn::Own(c) => c,
            Conn::Pooled(c) => c,
        }
    }
}

impl std::ops::DerefMut for Conn {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match self {
            Conn::Own(c) => c,
            Conn::Pooled(c) => c,
        }
    }
}

/// SQLite's settings, on every connection: WAL keeps readers and the writer apart and,
/// with synchronous=NORMAL, never leaves the file inconsistent after a crash (at worst the
/// last commit is lost); writers wait up to 30 s for each other; a 64 MiB page cache keeps
/// a bulk import's index pages in memory until commit; multi-row INSERTs keep their
/// statement journal in memory (in a temp file it was 90% of a bulk import's writes).
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; \
     PRAGMA temp_store = MEMORY;";

fn open_error(target: &str, e: &dyn std::fmt::Display) -> StoreError {
    StoreError::Open {
        target: redact(target),
        reason: scrub(&e.to_string(), target),
    }
}

/// One connection to `target`: a `postgres://` or `postgresql://` URL, else a SQLite file
/// path (created if missing), with its settings applied.
fn establish(target: &str) -> Result<AnyConnection> {
    if is_postgres(target) {
        let mut c = diesel::PgConnection::establish(target).map_err(|e| open_error(target, &e))?;
        c.batch_execute("SET client_min_messages = warning")
            .map_err(|e| open_error(target, &e))?;
        Ok(AnyConnection::Postgresql(c))
    } else {
        create_private(target);
        let mut c =
            diesel::SqliteConnection::establish(target).map_err(|e| open_error(target, &e))?;
        c.batch_execute(SQLITE_PRAGMAS)
            .map_err(|e| open_error(target, &e))?;
        crate::find::fold_case_fully(&mut c).map_err(|e| open_error(target, &e))?;
        Ok(AnyConnection::Sqlite(c))
    }
}

/// A new database file is created readable and writable by its owner only (a job
/// search's notes are private; SQLite's own files, the `-wal` and `-shm`, take the same
/// mode). An existing file, or one that cannot be made here, is left to SQLite.
fn create_private(target: &str) {
    if target == ":memory:" || target.starts_with("file:") {
        return;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    // Already there (the usual case), or a folder that does not exist: SQLite says which.
    let _ = options.open(target);
}

impl Store {
    /// Writes a consistent copy of the whole SQLite database to `path` (a new file, mode
    /// 600), while other connections go on reading and writing: `VACUUM INTO` reads in
    /// one transaction, so the copy is the database as of one moment, never half a write.
    /// PostgreSQL has its own tools (`pg_dump`).
    pub fn copy_to(&mut self, path: &str) -> Result<()> {
        let AnyConnection::Sqlite(conn) = &mut *self.conn else {
            return Err(StoreError::Conflict(
                "a PostgreSQL database is copied with pg_dump; `followup export json` works on both"
                    .into(),
            ));
        };
        if std::path::Path::new(path).exists() {
            return Err(StoreError::Conflict(format!(
                "{path} already exists; give a new file name"
            )));
        }
        create_private(path);
        // An empty file made above is replaced by the copy (VACUUM INTO needs the target
        // absent or empty).
        diesel::sql_query("VACUUM INTO ?")
            .bind::<diesel::sql_types::Text, _>(path)
            .execute(conn)
            .map_err(|e| {
                let _ = std::fs::remove_file(path);
                StoreError::Database(e)
            })?;
        Ok(())
    }

    /// Opens (creating if needed) the database at `target`, brings its schema up to date,
    /// and binds the handle to the local account.
    pub fn open(target: &str) -> Result<Store> {
        let mut conn = establish(target)?;
        migrate_locked(&mut conn, target)?;
        Ok(Store::over(Conn::Own(conn), target))
    }

    /// Connects without migrating: a database whose schema is not this version's is
    /// refused (`NeedsMigration`, or `NewerDatabase`). Bound to the local account.
    pub fn connect(target: &str) -> Result<Store> {
        let mut conn = establish(target)?;
        check_schema(&mut conn, target)?;
        Ok(Store::over(Conn::Own(conn), target))
    }

    /// Brings the database's schema up to date, once: concurrent callers wait for the
    /// first and then find nothing to do.
    pub fn migrate(target: &str) -> Result<()> {
        migrate_locked(&mut establish(target)?, target)
    }

    fn over(conn: Conn, target: &str) -> Store {
        Store {
            conn,
            target: redact(target),
            account: LOCAL_ACCOUNT.to_string(),
        }
    }
}

/// Connections for a server: each handle it lends is bound to one account.
#[derive(Clone)]
pub struct Pool {
    pool: diesel::r2d2::Pool<ConnectionManager<AnyConnection>>,
    target: String,
}

#[derive(Debug)]
struct Settings;

impl CustomizeConnection<AnyConnection, diesel::r2d2::Error> for Settings {
    fn on_acquire(&self, conn: &mut AnyConnection) -> std::result::Result<(), diesel::r2d2::Error> {
        match conn {
            AnyConnection::Sqlite(c) => c
                .batch_execute(SQLITE_PRAGMAS)
                .and_then(|()| crate::find::fold_case_fully(c)),
            AnyConnection::Postgresql(c) => c.batch_execute("SET client_min_messages = warning"),
        }
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

impl Pool {
    /// Up to `size` connections to a database already migrated (`Store::migrate`).
    pub fn new(target: &str, size: u32) -> Result<Pool> {
        // Checked once here; every connection the pool opens is to the same database.
        check_schema(&mut establish(target)?, target)?;
        let pool = diesel::r2d2::Pool::builder()
            .max_size(size.max(1))
            .connection_customizer(Box::new(Settings))
            .build(ConnectionManager::new(target))
            .map_err(|e| open_error(target, &e))?;
        Ok(Pool {
            pool,
            target: target.to_string(),
        })
    }

    /// A handle bound to `account`, on a connection from the pool (returned when the
    /// handle is dropped).
    pub fn store(&self, account: &str) -> Result<Store> {
        let conn = self.pool.get().map_err(|e| open_error(&self.target, &e))?;
        Store::over(Conn::Pooled(conn), &self.target).into_account(account)
    }
}

enum Schema {
    Current,
    Older(String),
}

/// This version's schema version: how many migrations it knows. The upgrade fixtures
/// (`tests/data/release-schemaN.db`) are named by it.
pub fn schema_version() -> usize {
    use diesel::migration::MigrationSource;
    MigrationSource::<diesel::sqlite::Sqlite>::migrations(&MIGRATIONS)
        .map(|m| m.len())
        .unwrap_or(0)
}

/// Whether the schema is this version's, older (and which migration it is at), or newer.
fn schema<C, DB>(conn: &mut C, target: &str) -> Result<Schema>
where
    C: MigrationHarness<DB>,
    DB: diesel::backend::Backend,
{
    use diesel::migration::MigrationSource;
    let failed = |e: &dyn std::fmt::Display| StoreError::Migration {
        target: redact(target),
        reason: e.to_string(),
    };
    let known: Vec<String> = MigrationSource::<DB>::migrations(&MIGRATIONS)
        .map_err(|e| failed(&e))?
        .iter()
        .map(|m| m.name().version().to_string())
        .collect();
    let applied: Vec<String> = conn
        .applied_migrations()
        .map_err(|e| failed(&e))?
        .iter()
        .map(|v| v.to_string())
        .collect();
    if let Some(newer) = applied.iter().find(|v| !known.contains(v)) {
        return Err(StoreError::NewerDatabase {
            target: redact(target),
            version: newer.clone(),
        });
    }
    Ok(if applied.len() < known.len() {
        Schema::Older(
            applied
                .iter()
                .max()
                .cloned()
                .unwrap_or_else(|| "empty".into()),
        )
    } else {
        Schema::Current
    })
}

fn check_schema(conn: &mut AnyConnection, target: &str) -> Result<()> {
    let found = match conn {
        AnyConnection::Sqlite(c) => schema(c, target),
        AnyConnection::Postgresql(c) => schema(c, target),
    }?;
    match found {
        Schema::Current => Ok(()),
        Schema::Older(version) => Err(StoreError::NeedsMigration {
            target: redact(target),
            version,
        }),
    }
}

/// Runs the pending migrations under a lock (SQLite: the write lock, `BEGIN IMMEDIATE`;
/// PostgreSQL: an advisory lock), checking again once it is held.
fn migrate_locked(conn: &mut AnyConnection, target: &str) -> Result<()> {
    let failed = |e: &dyn std::fmt::Display| StoreError::Migration {
        target: redact(target),
        reason: e.to_string(),
    };
    match conn {
        AnyConnection::Sqlite(c) => {
            if matches!(schema(c, target)?, Schema::Current) {
                return Ok(());
            }
            c.immediate_transaction(|c| {
                if matches!(schema(c, target)?, Schema::Older(_)) {
                    c.run_pending_migrations(MIGRATIONS)
                        .map_err(|e| failed(&e))?;
                }
                Ok(())
            })
        }
        AnyConnection::Postgresql(c) => {
            if matches!(schema(c, target)?, Schema::Current) {
                return Ok(());
            }
            c.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))?;
            let result = match schema(c, target) {
                Ok(Schema::Older(_)) => c
                    .run_pending_migrations(MIGRATIONS)
                    .map(|_| ())
                    .map_err(|e| failed(&e)),
                other => other.map(|_| ()),
            };
            c.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))?;
            result
        }
    }
}

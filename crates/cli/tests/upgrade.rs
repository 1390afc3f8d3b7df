//! A database from a newer version of Followup is refused, and left exactly as it was:
//! no migration, no write, no journal file, whatever command is tried.

mod common;

use common::*;
use diesel::{Connection, SqliteConnection, connection::SimpleConnection};

fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn a_database_from_the_future_is_refused_untouched() {
    let db = Db::sqlite();
    db.profile();
    db.acme_interview(&["--email", "priya@acme.test"]);
    {
        let mut conn = SqliteConnection::establish(&db.target).unwrap();
        conn.batch_execute(
            "INSERT INTO __diesel_schema_migrations (version) VALUES ('29991231000000');
             PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .unwrap();
    }
    let bytes = std::fs::read(&db.target).unwrap();
    let files = listing(db.dir.path());
    for args in [
        vec!["today"],
        vec!["application", "add", "--company", "Globex", "--role", "Dev"],
        vec!["plan", "refresh"],
        vec!["import", "csv", "/dev/null"],
        vec!["serve", "--check"],
    ] {
        let out = db.run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} ran on a newer database");
        assert!(err.contains("newer version"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    assert!(
        std::fs::read(&db.target).unwrap() == bytes,
        "the database file changed"
    );
    assert_eq!(listing(db.dir.path()), files, "files appeared beside it");
}

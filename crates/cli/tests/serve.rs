//! `followup serve` as a user starts it: beyond loopback only with a password, which
//! `--set-password` reads from standard input and the database keeps only as a hash;
//! `serve --check`; and `followup backup FILE`, the copy to take while it runs.

mod common;

use common::Db;

#[test]
fn serving_beyond_loopback_needs_a_password_first() {
    let db = Db::sqlite();
    let out = db.run(&["serve", "--addr", "0.0.0.0:0"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("set a password first"), "{err}");
    assert!(err.contains("followup serve --set-password"), "{err}");

    let out = db.run_with_stdin(&["serve", "--set-password"], "short\n");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 10 characters"));

    let out = db.run_with_stdin(&["serve", "--set-password"], "correct horse battery\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The database and its write-ahead log, byte for byte.
    let mut dump = std::fs::read(&db.target).unwrap();
    dump.extend(std::fs::read(format!("{}-wal", db.target)).unwrap_or_default());
    let text = String::from_utf8_lossy(&dump);
    assert!(
        !text.contains("correct horse battery"),
        "the password itself is never stored"
    );
    assert!(text.contains("$argon2id$"));

    let out = db.run(&["serve", "--addr", "not-an-address"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an IP:PORT address"));
}

#[cfg(unix)]
#[test]
fn serve_check_reports_an_unsafe_set_up() {
    use std::os::unix::fs::PermissionsExt;
    let db = Db::sqlite();
    assert!(db.run(&["profile", "show"]).status.code().is_some());
    // A new database is its owner's only, whatever the umask.
    let mode = std::fs::metadata(&db.target).unwrap().permissions().mode();
    assert_eq!(mode & 0o077, 0, "mode {mode:o}");
    let out = db.run(&["serve", "--check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("reachable from this machine only"), "{text}");
    assert!(!text.contains("unsafe"), "{text}");

    std::fs::set_permissions(&db.target, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = db.run(&["serve", "--check", "--addr", "0.0.0.0:7878"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for finding in [
        "no password is set",
        "no TLS in front",
        "can be read by every user",
    ] {
        assert!(text.contains(finding), "{finding}: {text}");
    }

    std::fs::set_permissions(&db.target, std::fs::Permissions::from_mode(0o600)).unwrap();
    db.run_with_stdin(&["serve", "--set-password"], "correct horse battery\n");
    let out = db.run(&[
        "serve",
        "--check",
        "--addr",
        "0.0.0.0:7878",
        "--tls-behind-proxy",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("a password is set") && text.contains("TLS proxy is in front"),
        "{text}"
    );
}

/// `followup backup FILE` while another process writes: the copy is whole (integrity
/// check ok), opens, and holds every application that was there when it was taken.
#[test]
fn a_backup_copy_taken_while_writing_is_consistent() {
    let db = Db::sqlite();
    assert!(
        db.run(&["profile", "set", "--name", "Sam", "--tz", "Europe/London"])
            .status
            .success()
    );
    let csv_path = db.dir.path().join("apps.csv");
    let mut csv = String::from("company,role\n");
    for i in 0..20000 {
        csv.push_str(&format!("Company {i},Role {i}\n"));
    }
    std::fs::write(&csv_path, csv).unwrap();
    let writer = db
        .command(&["import", "csv", &csv_path.display().to_string()], &[])
        .spawn()
        .unwrap();
    let mut copies = Vec::new();
    for n in 0..3 {
        let copy = db
            .dir
            .path()
            .join(format!("copy{n}.db"))
            .display()
            .to_string();
        let out = db.run(&["backup", &copy]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        copies.push(copy);
    }
    let out = writer.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for copy in &copies {
        let copied = Db {
            target: copy.clone(),
            dir: tempfile::tempdir().unwrap(),
        };
        let out = copied.run(&["application", "list", "--all", "--json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let apps: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // All of the import or none of it: it is one transaction.
        let n = apps.as_array().unwrap().len();
        assert!(n == 0 || n == 20000, "a copy holds half an import: {n}");
        let out = copied.run(&["profile", "show"]);
        assert!(String::from_utf8_lossy(&out.stdout).contains("Sam"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(copy).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "the copy is private too: {mode:o}");
        }
        use diesel::{Connection, RunQueryDsl};
        #[derive(diesel::QueryableByName)]
        struct Check {
            #[diesel(sql_type = diesel::sql_types::Text)]
            integrity_check: String,
        }
        let mut conn = diesel::SqliteConnection::establish(copy).unwrap();
        let rows: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
            .load(&mut conn)
            .unwrap();
        assert_eq!(rows[0].integrity_check, "ok");
    }
    // Never over an existing file.
    let out = db.run(&["backup", &copies[0]]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
}

//! `followup serve` as a user starts it: beyond loopback only with a password, which
//! `--set-password` reads from standard input and the database keeps only as a hash.

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

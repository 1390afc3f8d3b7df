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

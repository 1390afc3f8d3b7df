//! The real `followup` binary on a temporary database, for the CLI test files.
#![allow(dead_code)]

pub mod smtp;

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

pub const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../formats/tests/data");

pub struct Db {
    pub target: String,
    pub dir: tempfile::TempDir,
}

impl Db {
    pub fn sqlite() -> Db {
        let dir = tempfile::tempdir().unwrap();
        Db {
            target: dir.path().join("f.db").display().to_string(),
            dir,
        }
    }

    /// A fresh PostgreSQL database on the server `FOLLOWUP_TEST_PG` names. Tests that
    /// use it are `#[ignore]`d, so a plain `cargo test` reports them as skipped;
    /// scripts/test runs them (`--include-ignored`) and they fail without the server.
    pub fn postgres(test: &str) -> Db {
        Db {
            target: followup_store::fresh_test_database(&format!("cli_{test}")),
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The command to run the binary on this database, for tests that start processes
    /// side by side.
    pub fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_followup"));
        c.args(args)
            .env("FOLLOWUP_DB", &self.target)
            .env("NO_COLOR", "1")
            .env("FOLLOWUP_CONFIG_DIR", self.dir.path().join("cfg"))
            .env_remove("VISUAL")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_stdin(args, "")
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Output {
        self.run_with(args, stdin, &[])
    }

    /// Runs with extra environment variables (`EDITOR` for `draft edit`).
    pub fn run_with(&self, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_followup"))
            .args(args)
            .env("FOLLOWUP_DB", &self.target)
            .env("NO_COLOR", "1")
            .env("FOLLOWUP_CONFIG_DIR", self.dir.path().join("cfg"))
            .env_remove("VISUAL")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A command may stop reading early (a file over its limit): its pipe closing is
        // its answer, not the test's failure.
        if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
        child.wait_with_output().unwrap()
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "followup {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Runs a command that must fail with `code`; returns its stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "followup {args:?}: stdout {} stderr {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    pub fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    /// An application (Acme, Platform Engineer), an interviewer added with
    /// `contact_args` (after `--name "Priya Patel" --title Ms`), and an interview with them
    /// on Tue 2 Mar 2027 10:00 London time; returns the interview id.
    pub fn acme_interview(&self, contact_args: &[&str]) -> String {
        let app = self.ok(&[
            "application",
            "add",
            "--company",
            "Acme",
            "--role",
            "Platform Engineer",
        ]);
        let mut args = vec!["contact", "add", "--name", "Priya Patel", "--title", "Ms"];
        args.extend_from_slice(contact_args);
        let priya = self.ok(&args);
        self.ok(&[
            "interview",
            "add",
            "--application",
            app.trim(),
            "--at",
            "2027-03-02T10:00",
            "--tz",
            "Europe/London",
            "--interviewer",
            priya.trim(),
        ])
        .trim()
        .to_string()
    }

    /// `acme_interview`, held on Mon 2 Mar 2026, already over: what is sent after an
    /// interview is refused before it is over, and these tests run on the real clock.
    pub fn acme_interview_held(&self, contact_args: &[&str]) -> String {
        let interview = self.acme_interview(contact_args);
        self.ok(&["interview", "set", &interview, "--at", "2026-03-02T10:00"]);
        interview
    }

    /// Your profile: a name, an email address, en-GB.
    pub fn profile(&self) {
        self.ok(&[
            "profile",
            "set",
            "--name",
            "Sam Carter",
            "--email",
            "sam@example.test",
            "--locale",
            "en-GB",
        ]);
    }

    /// You in London (gb-eng), Ann Lee in New York (us, with email and phone), and an
    /// interview on Mon 15 Mar 2027 10:00 New York time — the week only New York has
    /// changed its clocks. Returns the application, contact and interview ids.
    pub fn new_york_interview(&self) -> (String, String, String) {
        self.ok(&[
            "profile",
            "set",
            "--name",
            "Sam Carter",
            "--email",
            "sam@example.test",
            "--region",
            "gb-eng",
            "--tz",
            "Europe/London",
        ]);
        let app = self.ok(&["application", "add", "--company", "Globex", "--role", "SRE"]);
        let ann = self.ok(&[
            "contact",
            "add",
            "--name",
            "Ann Lee",
            "--email",
            "ann@globex.test",
            "--phone",
            "+1 212 555 0100",
            "--tz",
            "America/New_York",
            "--region",
            "us",
        ]);
        let interview = self.ok(&[
            "interview",
            "add",
            "--application",
            app.trim(),
            "--at",
            "2027-03-15T10:00",
            "--tz",
            "America/New_York",
            "--interviewer",
            ann.trim(),
        ]);
        (
            app.trim().into(),
            ann.trim().into(),
            interview.trim().into(),
        )
    }

    /// Runs with the mail server settings for a local test server on `port`.
    pub fn with_smtp(&self, port: u16, args: &[&str]) -> Output {
        let port = port.to_string();
        self.run_with(args, "", &smtp_env(&port))
    }

    /// `call list --interview ID --json`: the interview's calls, newest first.
    pub fn calls_of(&self, interview: &str) -> Value {
        self.json(&["call", "list", "--interview", interview, "--json"])
    }

    pub fn backup(&self) -> Value {
        let mut value = self.json(&["export", "json"]);
        value.as_object_mut().unwrap().remove("exported_at");
        value
    }
}

/// The mail settings for a test server on loopback, plain text, quick retries.
pub fn smtp_env(port: &str) -> [(&'static str, &str); 4] {
    [
        ("FOLLOWUP_SMTP_HOST", "127.0.0.1"),
        ("FOLLOWUP_SMTP_PORT", port),
        ("FOLLOWUP_SMTP_SECURITY", "none"),
        ("FOLLOWUP_SMTP_RETRY_MS", "10"),
    ]
}

//! Crash safety: the real binary doing writes — CSV and vCard imports, backup restores,
//! plan recomputation, call logs, approvals and sends to a local SMTP server — killed with
//! SIGKILL at random points. After every kill the database passes `PRAGMA
//! integrity_check` and `foreign_key_check`; every command that reported success is
//! wholly there and every other one wholly there or wholly absent. At the end the SMTP
//! server's mailbox is the witness: no message twice, none the user did not approve.
//!
//! `FOLLOWUP_KILLS` sets the number of kills (200 unless set; the seed is
//! printed so that a failure can be replayed with `FOLLOWUP_KILLS_SEED`).

mod common;

use common::smtp::{FakeSmtp, Fault};
use common::*;
use diesel::{Connection, RunQueryDsl, SqliteConnection};
use std::collections::{BTreeMap, BTreeSet};
use std::process::Child;
use std::time::{Duration, Instant};

/// A small xorshift generator: the harness needs repeatable randomness, not quality.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[derive(diesel::QueryableByName)]
struct Integrity {
    #[diesel(sql_type = diesel::sql_types::Text)]
    integrity_check: String,
}

fn count(conn: &mut SqliteConnection, sql: &str) -> i64 {
    diesel::sql_query(sql).load::<Count>(conn).unwrap()[0].n
}

/// The database file is whole: SQLite's own check, and no row points at a missing one.
fn assert_whole(path: &str, what: &str) {
    let mut conn = SqliteConnection::establish(path).unwrap();
    let rows: Vec<Integrity> = diesel::sql_query("PRAGMA integrity_check")
        .load(&mut conn)
        .unwrap();
    assert_eq!(rows.len(), 1, "{what}: integrity_check");
    assert_eq!(rows[0].integrity_check, "ok", "{what}: integrity_check");
    let dangling = count(
        &mut conn,
        "SELECT count(*) AS n FROM pragma_foreign_key_check",
    );
    assert_eq!(dangling, 0, "{what}: foreign_key_check");
}

/// What one trial ran, so that its effect can be checked after the kill.
enum Write {
    Csv(usize),
    Cards(usize),
    Restore(usize),
    CallLog(usize),
    PlanRefresh,
    Approve(String),
    Send(String),
}

struct Harness {
    db: Db,
    interview: String,
    smtp: FakeSmtp,
    rng: Rng,
    /// How long each kind of write takes when left alone (ms), so that kills land
    /// anywhere from its start to its end.
    typical: BTreeMap<&'static str, u64>,
    acknowledged: usize,
    killed: usize,
    approved: BTreeSet<String>,
    unapproved_send_attempts: usize,
    /// Interrupted runs per kind of write, and how the approved drafts were settled.
    killed_by_kind: BTreeMap<&'static str, usize>,
    settled: BTreeMap<&'static str, usize>,
}

const CSV_ROWS: usize = 150;
const CARDS: usize = 12;
const RESTORED: usize = 40;

impl Harness {
    fn new(seed: u64) -> Harness {
        let db = Db::sqlite();
        db.profile();
        let interview = db.acme_interview_held(&["--email", "priya@acme.test"]);
        Harness {
            db,
            interview,
            // A server slow to accept the message: kills land before it arrives as well
            // as after, so both ways of settling an interrupted send are exercised.
            smtp: FakeSmtp::start(vec![Fault::SlowData(40); 100_000]),
            rng: Rng(seed | 1),
            typical: BTreeMap::new(),
            acknowledged: 0,
            killed: 0,
            approved: BTreeSet::new(),
            unapproved_send_attempts: 0,
            killed_by_kind: BTreeMap::new(),
            settled: BTreeMap::new(),
        }
    }

    fn smtp_port(&self) -> String {
        self.smtp.port.to_string()
    }

    /// Runs `args` and kills it at a random point of its usual run time; returns whether
    /// it reported success (exit 0 before the kill).
    fn run_and_kill(&mut self, kind: &'static str, args: &[&str]) -> bool {
        let port = self.smtp_port();
        let env = smtp_env(&port);
        let usual = *self.typical.get(kind).unwrap_or(&30);
        let delay = Duration::from_micros(self.rng.below(usual * 1200 + 1));
        let started = Instant::now();
        let mut child: Child = self.db.command(args, &env).spawn().unwrap();
        std::thread::sleep(delay);
        let finished_first = matches!(child.try_wait(), Ok(Some(_)));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if finished_first && out.status.success() {
            let took = started.elapsed().as_millis() as u64;
            self.typical.insert(kind, (usual * 3 + took.max(1)) / 4);
        } else if !finished_first {
            // Not finished by the kill: the usual time is at least this long.
            self.typical
                .insert(kind, usual.max(started.elapsed().as_millis() as u64));
        }
        let ok = out.status.success();
        if ok {
            self.acknowledged += 1;
        } else {
            self.killed += 1;
            *self.killed_by_kind.entry(kind).or_default() += 1;
        }
        ok
    }

    fn trial(&mut self, i: usize) {
        let write = match self.rng.below(7) {
            0 => Write::Csv(i),
            1 => Write::Cards(i),
            2 => Write::Restore(i),
            3 => Write::CallLog(i),
            4 => Write::PlanRefresh,
            5 => Write::Approve(self.new_draft()),
            _ => {
                let draft = self.new_draft();
                // Two sends in three are of an approved draft; the third is not approved.
                if self.rng.below(3) > 0 {
                    self.db.ok(&["approve", &draft, "--yes"]);
                    self.approved.insert(draft.clone());
                } else {
                    self.unapproved_send_attempts += 1;
                }
                Write::Send(draft)
            }
        };
        let done = match &write {
            Write::Csv(i) => {
                let mut text = String::from("company,role\n");
                for j in 0..CSV_ROWS {
                    text.push_str(&format!("K{i} c{j},Dev\n"));
                }
                let file = self.db.file(&format!("k{i}.csv"), &text);
                self.run_and_kill("csv", &["import", "csv", &file])
            }
            Write::Cards(i) => {
                let mut text = String::new();
                for j in 0..CARDS {
                    text.push_str(&format!(
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-{i}-{j}\r\nFN:V{i} n{j}\r\n\
                         N:n{j};V{i};;;\r\nEMAIL:v{i}.n{j}@example.test\r\nEND:VCARD\r\n"
                    ));
                }
                let file = self.db.file(&format!("k{i}.vcf"), &text);
                self.run_and_kill("cards", &["contact", "import", &file])
            }
            Write::Restore(i) => {
                let applications: Vec<_> = (0..RESTORED)
                    .map(|j| {
                        serde_json::json!({
                            "id": format!("app-r{i:05}x{j:05}"),
                            "company": format!("R{i} c{j}"), "role": "Dev",
                            "job_description": "", "source_url": "", "documents": [],
                            "status": "applied", "applied_on": null,
                            "created_at": "2026-11-28T19:12:15Z",
                            "updated_at": "2026-11-28T19:12:15Z"
                        })
                    })
                    .collect();
                let backup = serde_json::json!({
                    "format": "followup-backup", "schema_version": 1,
                    "exported_at": "2026-11-28T19:12:15Z", "profile": null,
                    "applications": applications, "contacts": [], "interviews": [],
                    "steps": [], "calls": [], "holidays": [], "settings": {},
                    "drafts": [], "outbox": []
                });
                let file = self.db.file(&format!("k{i}.json"), &backup.to_string());
                self.run_and_kill("restore", &["import", "json", &file])
            }
            Write::CallLog(i) => {
                let (interview, note) = (self.interview.clone(), format!("K{i}"));
                self.run_and_kill(
                    "call",
                    &[
                        "call",
                        "log",
                        &interview,
                        "--outcome",
                        "no-answer",
                        "--at",
                        "2027-03-10T11:00",
                        "--at-tz",
                        "Europe/London",
                        "--note",
                        &note,
                    ],
                )
            }
            Write::PlanRefresh => self.run_and_kill("plan", &["plan", "refresh"]),
            Write::Approve(draft) => {
                let draft = draft.clone();
                self.run_and_kill("approve", &["approve", &draft, "--yes"])
            }
            Write::Send(draft) => {
                let draft = draft.clone();
                self.run_and_kill("send", &["send", &draft])
            }
        };
        let what = format!("kill {i}");
        assert_whole(&self.db.target, &what);
        self.check(&write, done, &what);
    }

    fn new_draft(&self) -> String {
        self.db
            .json(&["draft", "thank-you", &self.interview, "--json"])["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// All or nothing, and all when acknowledged.
    fn check(&mut self, write: &Write, done: bool, what: &str) {
        let mut conn = SqliteConnection::establish(&self.db.target).unwrap();
        let whole = |n: i64, of: usize, label: &str| {
            assert!(
                n == of as i64 || (!done && n == 0),
                "{what}: {label}: {n} of {of} there (acknowledged: {done})"
            );
        };
        match write {
            Write::Csv(i) => whole(
                count(
                    &mut conn,
                    &format!("SELECT count(*) AS n FROM applications WHERE company LIKE 'K{i} c%'"),
                ),
                CSV_ROWS,
                "CSV rows",
            ),
            Write::Cards(i) => whole(
                count(
                    &mut conn,
                    &format!("SELECT count(*) AS n FROM contacts WHERE full_name LIKE 'V{i} n%'"),
                ),
                CARDS,
                "cards",
            ),
            Write::Restore(i) => whole(
                count(
                    &mut conn,
                    &format!("SELECT count(*) AS n FROM applications WHERE company LIKE 'R{i} c%'"),
                ),
                RESTORED,
                "restored applications",
            ),
            Write::CallLog(i) => whole(
                count(
                    &mut conn,
                    &format!("SELECT count(*) AS n FROM calls WHERE note = 'K{i}'"),
                ),
                1,
                "call log",
            ),
            Write::PlanRefresh => {}
            Write::Approve(draft) => {
                let approved = self.db.json(&["draft", "show", draft, "--json"])["approved"]
                    .as_bool()
                    .unwrap();
                assert!(
                    approved || !done,
                    "{what}: an acknowledged approval is kept"
                );
                if approved {
                    self.approved.insert(draft.clone());
                }
            }
            Write::Send(_) => {}
        }
        // The shared interview's plan stays whole: one row per step key.
        let keys = count(
            &mut conn,
            &format!(
                "SELECT count(*) AS n FROM (SELECT step_key FROM steps WHERE interview_id = '{}' \
                 GROUP BY step_key HAVING count(*) > 1)",
                self.interview
            ),
        );
        assert_eq!(keys, 0, "{what}: a step key twice in the plan");
    }

    /// What a user does after the crashes: every approved draft is sent or settled —
    /// `resolve sent` where the server has it, `resolve resend` where it has not — and
    /// then the mailbox holds each approved draft exactly once and nothing else.
    fn settle_and_witness(&mut self) {
        let port = self.smtp_port();
        let env = smtp_env(&port);
        for draft in self.approved.clone() {
            let state = self.outbox_state(&draft);
            let how = match state.as_deref() {
                Some("sent") => "sent before the kill",
                Some("unknown") | Some("sending") => {
                    let id = self.message_id(&draft);
                    if self.smtp.received().iter().any(|m| m.contains(&id)) {
                        "unknown, resolved sent"
                    } else {
                        "unknown, resolved resend"
                    }
                }
                _ => "sent afterwards",
            };
            *self.settled.entry(how).or_default() += 1;
            match state.as_deref() {
                Some("sent") => {}
                Some("unknown") | Some("sending") => {
                    let id = self.message_id(&draft);
                    let arrived = self.smtp.received().iter().any(|m| m.contains(&id));
                    let how = if arrived { "sent" } else { "resend" };
                    let out = self
                        .db
                        .command(&["outbox", "resolve", &draft, how], &env)
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "resolve {how}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
                _ => {
                    let out = self.db.command(&["send", &draft], &env).output().unwrap();
                    assert!(
                        out.status.success(),
                        "send {draft} ({state:?}): {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            }
            assert_eq!(self.outbox_state(&draft).as_deref(), Some("sent"));
        }
        let outbox = self.db.json(&["outbox", "list", "--json"]);
        let by_message: BTreeMap<String, String> = outbox
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["message_id"].as_str().unwrap().to_string(),
                    e["draft_id"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for message in self.smtp.received() {
            let id = message
                .lines()
                .find_map(|l| l.strip_prefix("Message-ID: "))
                .unwrap_or_else(|| panic!("a message without a Message-ID: {message}"))
                .trim()
                .to_string();
            let draft = by_message
                .get(&id)
                .unwrap_or_else(|| panic!("a message no outbox entry knows: {id}"));
            assert!(
                self.approved.contains(draft),
                "{draft} was delivered without approval"
            );
            *seen.entry(draft.clone()).or_default() += 1;
        }
        for (draft, n) in &seen {
            assert_eq!(*n, 1, "{draft} delivered {n} times");
        }
        assert_eq!(
            seen.len(),
            self.approved.len(),
            "every approved draft delivered once"
        );
    }

    fn outbox_entry(&self, draft: &str) -> Option<serde_json::Value> {
        let list = self.db.json(&["outbox", "list", "--json"]);
        list.as_array()
            .unwrap()
            .iter()
            .find(|e| e["draft_id"] == draft)
            .cloned()
    }

    fn outbox_state(&self, draft: &str) -> Option<String> {
        self.outbox_entry(draft)
            .map(|e| e["state"].as_str().unwrap().to_string())
    }

    fn message_id(&self, draft: &str) -> String {
        self.outbox_entry(draft).unwrap()["message_id"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

#[test]
fn sigkill_at_any_point_loses_nothing_acknowledged_and_sends_nothing_twice() {
    let kills: usize = std::env::var("FOLLOWUP_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("FOLLOWUP_KILLS_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    println!("FOLLOWUP_KILLS_SEED={seed}");
    let mut harness = Harness::new(seed);
    let started = Instant::now();
    // Trials go on until `kills` of them were interrupted (some finish before their kill).
    let mut trials = 0;
    while harness.killed < kills {
        assert!(
            trials < kills * 4,
            "too few trials interrupted: {}",
            harness.killed
        );
        harness.trial(trials);
        trials += 1;
    }
    harness.settle_and_witness();
    println!(
        "{trials} trials in {:.1} s: {} interrupted by SIGKILL, {} finished first; \
         {} approved drafts delivered once each, {} unapproved send attempts delivered none; \
         0 failed integrity checks\n  kills by write: {:?}\n  approved drafts: {:?}",
        started.elapsed().as_secs_f64(),
        harness.killed,
        harness.acknowledged,
        harness.approved.len(),
        harness.unapproved_send_attempts,
        harness.killed_by_kind,
        harness.settled
    );
}

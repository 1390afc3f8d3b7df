//! Everyone writing at once: eight `followup` processes in a loop (adds, call logs on one
//! shared interview, step moves, drafts, approvals and sends to a local SMTP server) and
//! the web server taking form posts (applications and call logs on the same interview),
//! for `FOLLOWUP_LOAD_SECS` seconds (30 unless set), on SQLite and PostgreSQL.
//!
//! The promises: no command and no page fails (so no "database is locked" reaches a
//! user), no update is lost (every acknowledged add and call log is there, each worker's
//! last step move is where it left it), the shared plan stays whole, and every sent draft
//! arrived exactly once.

mod common;

use common::smtp::FakeSmtp;
use common::*;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WORKERS: usize = 8;

/// What the workers and the web client saw, to hold the database to afterwards.
#[derive(Default)]
struct Tally {
    failures: Vec<String>,
    contacts: usize,
    applications: usize,
    call_notes: Vec<String>,
    drafts: usize,
    sent: Vec<String>,
    /// Each worker's step and the time its last acknowledged move put it at.
    last_move: BTreeMap<String, String>,
    commands: usize,
    web_posts: usize,
}

fn seconds() -> u64 {
    std::env::var("FOLLOWUP_LOAD_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30)
}

fn id_of(out: &str) -> String {
    out.trim().to_string()
}

/// One CLI worker: its own interview for the step moves; everything else shared.
fn worker(db: &Db, w: usize, shared: &str, app: &str, who: &str, port: u16, tally: &Mutex<Tally>) {
    let port = port.to_string();
    let env = smtp_env(&port);
    let run = |args: &[&str]| -> Option<String> {
        let out = db.command(args, &env).output().unwrap();
        let mut t = tally.lock().unwrap();
        t.commands += 1;
        if out.status.success() {
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            t.failures.push(format!(
                "worker {w}: {args:?}: exit {:?}: {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
            None
        }
    };
    let day = format!("2027-04-{:02}T10:00", 5 + w);
    let Some(mine) = run(&[
        "interview",
        "add",
        "--application",
        app,
        "--at",
        &day,
        "--tz",
        "Europe/London",
        "--interviewer",
        who,
    ]) else {
        return;
    };
    let mine = id_of(&mine);
    let plan: serde_json::Value =
        serde_json::from_str(&run(&["plan", "show", &mine, "--json"]).unwrap()).unwrap();
    let step = plan[0]["id"].as_str().unwrap().to_string();
    let deadline = Instant::now() + Duration::from_secs(seconds());
    let mut i = 0;
    while Instant::now() < deadline {
        i += 1;
        let name = format!("Load {w}-{i}");
        match i % 6 {
            0 => {
                if run(&["contact", "add", "--name", &name]).is_some() {
                    tally.lock().unwrap().contacts += 1;
                }
            }
            1 => {
                if run(&["application", "add", "--company", &name, "--role", "Dev"]).is_some() {
                    tally.lock().unwrap().applications += 1;
                }
            }
            2 => {
                let note = format!("cli {w}-{i}");
                let args = [
                    "call",
                    "log",
                    shared,
                    "--outcome",
                    "no-answer",
                    "--at",
                    "2027-03-10T11:00",
                    "--at-tz",
                    "Europe/London",
                    "--note",
                    &note,
                ];
                if run(&args).is_some() {
                    tally.lock().unwrap().call_notes.push(note);
                }
            }
            3 => {
                let to = format!("2027-04-{:02}T{:02}:{:02}", 6 + w, 9 + i % 8, i % 60);
                let args = [
                    "step", "move", &step, "--to", &to, "--tz", "UTC", "--anyway",
                ];
                if run(&args).is_some() {
                    tally.lock().unwrap().last_move.insert(step.clone(), to);
                }
            }
            4 => {
                if run(&["draft", "thank-you", shared, "--json"]).is_some() {
                    tally.lock().unwrap().drafts += 1;
                }
            }
            _ => {
                let Some(out) = run(&["draft", "thank-you", shared, "--json"]) else {
                    continue;
                };
                tally.lock().unwrap().drafts += 1;
                let draft: serde_json::Value = serde_json::from_str(&out).unwrap();
                let draft = draft["id"].as_str().unwrap().to_string();
                if run(&["approve", &draft, "--yes"]).is_some() && run(&["send", &draft]).is_some()
                {
                    tally.lock().unwrap().sent.push(draft);
                }
            }
        }
    }
}

/// `followup serve` on a free port; returns the process and its port.
fn serve(db: &Db) -> (Child, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("FOLLOWUP_DB", &db.target)
        .env("FOLLOWUP_CONFIG_DIR", db.dir.path().join("cfg"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    (child, port)
}

/// One HTTP/1.1 request on its own connection; returns the status and the whole answer.
fn http(port: u16, method: &str, path: &str, cookie: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n\
         Cookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

fn form_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The web client: posts applications and call logs as a browser's forms do (CSRF
/// cookie and field, same Origin), until the deadline.
fn browser(port: u16, shared: &str, tally: &Mutex<Tally>) {
    let (_, home) = http(port, "GET", "/", "", "");
    let token = home
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: followup_csrf="))
        .or_else(|| {
            home.lines()
                .find_map(|l| l.strip_prefix("Set-Cookie: followup_csrf="))
        })
        .and_then(|v| v.split(';').next())
        .unwrap_or_else(|| panic!("no CSRF cookie in {home}"))
        .to_string();
    let cookie = format!("followup_csrf={token}");
    let deadline = Instant::now() + Duration::from_secs(seconds());
    let mut i = 0;
    while Instant::now() < deadline {
        i += 1;
        let note = format!("web {i}");
        let (path, body) = if i % 2 == 0 {
            (
                "/applications",
                format!("_csrf={token}&company=Web+{i}&role=Dev"),
            )
        } else {
            (
                "/calls",
                format!(
                    "_csrf={token}&interview={shared}&outcome=no-answer&at=2027-03-10T11%3A00&note={}",
                    form_encode(&note)
                ),
            )
        };
        let (status, answer) = http(port, "POST", path, &cookie, &body);
        let mut t = tally.lock().unwrap();
        t.web_posts += 1;
        if status == 303 {
            if path == "/calls" {
                t.call_notes.push(note);
            } else {
                t.applications += 1;
            }
        } else {
            let start = answer.len().min(600);
            t.failures
                .push(format!("web POST {path}: {status}: {}", &answer[..start]));
        }
    }
}

fn everyone_at_once(db: Db) {
    db.profile();
    let shared = db.acme_interview_held(&["--email", "priya@acme.test"]);
    let shown = db.json(&["interview", "show", &shared, "--json"]);
    let app = shown["application_id"].as_str().unwrap().to_string();
    let who = shown["interviewer_ids"][0].as_str().unwrap().to_string();
    let smtp = FakeSmtp::start(vec![]);
    let (mut server, port) = serve(&db);
    let before = db.backup();
    let count = |backup: &serde_json::Value, key: &str| backup[key].as_array().unwrap().len();
    let tally = Arc::new(Mutex::new(Tally::default()));
    let started = Instant::now();
    std::thread::scope(|s| {
        for w in 0..WORKERS {
            let (db, shared, app, who, tally) = (&db, &shared, &app, &who, &tally);
            let smtp_port = smtp.port;
            s.spawn(move || worker(db, w, shared, app, who, smtp_port, tally));
        }
        let (shared, tally) = (&shared, &tally);
        s.spawn(move || browser(port, shared, tally));
    });
    let took = started.elapsed();
    let _ = server.kill();
    let _ = server.wait();
    let t = tally.lock().unwrap();
    let locked = t
        .failures
        .iter()
        .filter(|f| {
            let f = f.to_lowercase();
            f.contains("locked") || f.contains("busy")
        })
        .count();
    println!(
        "{}: {:.1} s, {} commands by {WORKERS} processes and {} web posts; \
         {} failures ({locked} lock or busy errors); {} call logs on one interview; {} sent",
        db.target,
        took.as_secs_f64(),
        t.commands,
        t.web_posts,
        t.failures.len(),
        t.call_notes.len(),
        t.sent.len()
    );
    assert!(
        t.failures.is_empty(),
        "{}: {} of {} commands and posts failed ({locked} lock or busy), e.g.\n{}",
        db.target,
        t.failures.len(),
        t.commands + t.web_posts,
        t.failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(t.call_notes.len() > WORKERS, "the run did some work");
    // No lost update.
    let after = db.backup();
    assert_eq!(
        count(&after, "contacts"),
        count(&before, "contacts") + t.contacts
    );
    assert_eq!(
        count(&after, "applications"),
        count(&before, "applications") + t.applications
    );
    assert_eq!(count(&after, "drafts"), count(&before, "drafts") + t.drafts);
    let notes: Vec<String> = after["calls"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["interview_id"] == shared.as_str())
        .map(|c| c["note"].as_str().unwrap_or_default().to_string())
        .collect();
    for note in &t.call_notes {
        assert!(notes.contains(note), "the call log {note:?} was lost");
    }
    assert_eq!(notes.len(), t.call_notes.len());
    for (step, to) in &t.last_move {
        let steps = after["steps"].as_array().unwrap();
        let row = steps.iter().find(|s| s["id"] == step.as_str()).unwrap();
        let start = row["starts_at"]
            .as_str()
            .or_else(|| row["start"].as_str())
            .unwrap_or_default();
        assert!(
            start.starts_with(to.as_str()),
            "{step}: the last move put it at {to}, the database says {start}"
        );
    }
    // The shared plan is whole under all those call logs: one row per step key, at most
    // one call pending.
    let plan = db.json(&["plan", "show", &shared, "--json"]);
    let mut keys = BTreeMap::new();
    for step in plan.as_array().unwrap() {
        *keys.entry(step["key"].to_string()).or_insert(0) += 1;
    }
    assert!(keys.values().all(|n| *n == 1), "{keys:?}");
    let pending_calls = plan
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["state"] == "pending" && s["kind"] == "follow-up-call")
        .count();
    assert!(pending_calls <= 1, "{plan}");
    // Every sent draft arrived once.
    let received = smtp.received();
    assert_eq!(received.len(), t.sent.len(), "one message per send");
}

#[test]
fn everyone_writing_at_once_loses_nothing_and_locks_no_one_out_sqlite() {
    everyone_at_once(Db::sqlite());
}

#[test]
#[ignore = "PostgreSQL: run by scripts/test with FOLLOWUP_TEST_PG"]
fn everyone_writing_at_once_loses_nothing_and_locks_no_one_out_postgres() {
    everyone_at_once(Db::postgres("mixed_load"));
}

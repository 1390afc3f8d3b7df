//! Sending: only approved text, exactly once, with every fault ending in the right state;
//! and a real SMTP server (PyPI aiosmtpd) whose delivered message Python's `email`
//! package reads back.

mod common;

use common::smtp::{FakeSmtp, Fault};
use common::*;
use std::process::{Command, Stdio};

/// A profile, an interviewer, an interview and an approved thank-you; returns the draft.
fn approved_draft(db: &Db, name: &str) -> (String, String) {
    db.ok(&[
        "profile",
        "set",
        "--name",
        name,
        "--email",
        "zoe@example.test",
        "--locale",
        "en-GB",
    ]);
    let interview = db.acme_interview_held(&["--email", "priya@acme.test"]);
    (approved_thank_you(db, &interview), interview)
}

/// A thank-you for `interview`, drafted and approved; returns the draft.
fn approved_thank_you(db: &Db, interview: &str) -> String {
    let id = db.json(&["draft", "thank-you", interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&["approve", &id, "--yes"]);
    id
}

fn send(db: &Db, port: u16, args: &[&str]) -> std::process::Output {
    db.with_smtp(port, args)
}

fn state(db: &Db, draft: &str) -> String {
    let list = db.json(&["outbox", "list", "--json"]);
    list.as_array()
        .unwrap()
        .iter()
        .find(|e| e["draft_id"] == draft)
        .map(|e| e["state"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn sent_once_completes_the_step_and_never_twice() {
    let db = Db::sqlite();
    let (draft, interview) = approved_draft(&db, "Sam Carter");
    let server = FakeSmtp::start(vec![]);
    let out = send(&db, server.port, &["send", &draft]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.received().len(), 1);
    assert_eq!(state(&db, &draft), "sent");
    // The draft list says so, and whom it went to.
    let listed = db.json(&["draft", "list", "--json"]);
    assert_eq!(listed[0]["state"], "sent");
    assert_eq!(listed[0]["recipient"], "Priya Patel <priya@acme.test>");
    let table = db.ok(&["draft", "list"]);
    assert!(
        table.contains("Priya Patel <priya@acme.test>") && table.contains("sent"),
        "{table}"
    );
    let steps = db.json(&["plan", "show", &interview, "--json"]);
    let thanks = steps
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "thank-you")
        .unwrap();
    assert_eq!(thanks["state"], "done");

    let again = send(&db, server.port, &["send", &draft]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("never sent twice"));
    assert_eq!(server.received().len(), 1);
}

#[test]
fn nothing_unapproved_is_ever_sent() {
    let db = Db::sqlite();
    let (approved, interview) = approved_draft(&db, "Sam Carter");
    let server = FakeSmtp::start(vec![]);
    let unapproved = db.json(&["draft", "query", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let letter = db.json(&[
        "draft",
        "thank-you",
        &interview,
        "--channel",
        "letter",
        "--json",
    ])["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&["approve", &letter, "--yes"]);
    let edited = approved.clone();
    let out = db.run_with(
        &["draft", "edit", &edited],
        "",
        &[("EDITOR", "sed -i '5s/^/Many thanks. /'")],
    );
    assert!(out.status.success());
    for (id, why) in [
        (&unapproved, "not approved"),
        (&edited, "not approved"),
        (&letter, "only emails are sent"),
    ] {
        let out = send(&db, server.port, &["send", id]);
        assert_eq!(out.status.code(), Some(1), "{id}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(why), "{id}: {err}");
    }
    assert!(db.fails(1, &["send", "draft-nope"]).contains("no draft"));
    assert_eq!(server.connections(), 0, "no path reached the server");
}

#[test]
fn faults_end_in_the_right_state() {
    let db = Db::sqlite();
    let (draft, _) = approved_draft(&db, "Sam Carter");
    // 451 three times: retried, then failed; nothing arrived.
    let server = FakeSmtp::start(vec![Fault::Mail451, Fault::Mail451, Fault::Mail451]);
    let out = send(&db, server.port, &["send", &draft]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(server.connections(), 3);
    assert_eq!(state(&db, &draft), "failed");
    assert!(server.received().is_empty());

    // A failed message may be sent again; a 550 fails it for good at once.
    let server = FakeSmtp::start(vec![Fault::Rcpt550]);
    let out = send(&db, server.port, &["send", &draft]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no such user"),
        "the server's words: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.connections(), 1, "a permanent error is not retried");
    let entry = db.json(&["outbox", "list", "--json"])[0].clone();
    assert_eq!(entry["state"], "failed");
    assert!(
        entry["last_error"]
            .as_str()
            .unwrap()
            .contains("no such user"),
        "this attempt's error, not the 451's: {entry}"
    );
    assert_eq!(entry["attempts"], 4, "three 451s, then this one");

    // Dropped after the content: unknown, and not resent until the user says so.
    let server = FakeSmtp::start(vec![Fault::DropAfterContent]);
    let out = send(&db, server.port, &["send", &draft]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("may have arrived"));
    assert_eq!(state(&db, &draft), "unknown");
    let again = send(&db, server.port, &["send", &draft]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("outbox resolve"));
    assert_eq!(
        server.received().len(),
        1,
        "not sent twice across a restart"
    );

    let out = send(&db, server.port, &["outbox", "resolve", &draft, "resend"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        server.received().len(),
        2,
        "sent again only when the user asked"
    );
    assert_eq!(state(&db, &draft), "sent");
}

#[test]
fn an_interrupted_send_is_never_resent_automatically() {
    let db = Db::sqlite();
    let (draft, _) = approved_draft(&db, "Sam Carter");
    // What a crash between "sending" and the server's answer leaves behind.
    let mut backup = db.json(&["export", "json"]);
    backup["outbox"] = serde_json::json!([{
        "id": "out-crash", "draft_id": draft, "message_id": "<x@example.test>",
        "recipient": "priya@acme.test", "state": "sending", "attempts": 1, "last_error": "",
        "sent_text": "", "created_at": "2027-03-02T12:00:00Z", "updated_at": "2027-03-02T12:00:00Z"
    }]);
    let file = db.file("crash.json", &backup.to_string());
    db.ok(&["import", "json", &file]);
    let server = FakeSmtp::start(vec![]);
    let out = send(&db, server.port, &["send", &draft]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(state(&db, &draft), "unknown");
    assert_eq!(server.connections(), 0);
    send(&db, server.port, &["outbox", "resolve", &draft, "sent"]);
    assert_eq!(state(&db, &draft), "sent");
    assert_eq!(server.connections(), 0);
}

#[test]
fn without_a_server_the_draft_exports_for_a_mail_client() {
    let db = Db::sqlite();
    let (draft, _) = approved_draft(&db, "Sam Carter");
    let err = db.fails(1, &["send", &draft]);
    assert!(err.contains("no mail server configured"), "{err}");
    let eml = db.ok(&["draft", "export", &draft, "--eml"]);
    assert!(
        eml.contains("To: \"Priya Patel\" <priya@acme.test>")
            || eml.contains("To: Priya Patel <priya@acme.test>"),
        "{eml}"
    );
    assert!(eml.contains("Subject: "));
    assert!(
        eml.starts_with("X-Unsent: 1\r\n"),
        "opens as a message to send: {eml}"
    );
    assert!(eml.contains("MIME-Version: 1.0\r\n"), "{eml}");
    let mailto = db.ok(&["draft", "export", &draft, "--mailto"]);
    assert!(
        mailto.starts_with("mailto:priya@acme.test?subject=")
            && mailto.contains("&body=Dear%20Ms%20Patel"),
        "{mailto}"
    );
    db.fails(1, &["config", "set", "smtp.password", "hunter2"]);
    db.ok(&["config", "set", "smtp.host", "smtp.example.test"]);
    let shown = db.run_with(
        &["config", "show"],
        "",
        &[("FOLLOWUP_SMTP_PASSWORD", "hunter2")],
    );
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.contains("smtp.example.test")
            && shown.contains("********")
            && !shown.contains("hunter2"),
        "{shown}"
    );
}

#[test]
fn a_real_smtp_server_receives_a_well_formed_message() {
    let db = Db::sqlite();
    let (draft, _) = approved_draft(&db, "Zoë Ångström");
    // A subject with a dash, and a recipient name that tries to add a header.
    let out = db.run_with(
        &["draft", "edit", &draft],
        "",
        &[(
            "EDITOR",
            "sed -i '1s/.*/Subject: Thank you — the interview/'",
        )],
    );
    assert!(out.status.success());
    db.ok(&["approve", &draft, "--yes"]);
    let priya = db.json(&["contact", "list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // A header smuggled into a name is refused where it is typed, naming the field.
    let err = db.fails(
        1,
        &[
            "contact",
            "set",
            &priya,
            "--name",
            "Priya Patel\r\nBcc: evil@attacker.test",
        ],
    );
    assert!(
        err.contains("--name") && err.contains("control character"),
        "{err}"
    );
    let maildir = db.dir.path().join("maildir");
    // A free port is only free until someone takes it: the other tests here start fake
    // servers on ports of their own at the same time, and one once took this one between
    // its release and aiosmtpd's bind (the message went to it, the maildir stayed empty).
    // So the server counts as up only while it runs, has made its maildir and answers;
    // otherwise another port is tried.
    let (mut server, port) = (0..5)
        .find_map(|_| {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let mut server = Command::new("python3")
                .args([
                    "-m",
                    "aiosmtpd",
                    "-n",
                    "-l",
                    &format!("127.0.0.1:{port}"),
                    "-c",
                    "aiosmtpd.handlers.Mailbox",
                    maildir.to_str().unwrap(),
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("python3 runs (scripts/test installs aiosmtpd)");
            for _ in 0..100 {
                if server.try_wait().ok().flatten().is_some() {
                    break;
                }
                if maildir.join("new").is_dir()
                    && std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
                {
                    // Had its bind failed, it would be gone by now.
                    std::thread::sleep(std::time::Duration::from_millis(300));
                    if server.try_wait().ok().flatten().is_none() {
                        return Some((server, port));
                    }
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            let _ = server.kill();
            let _ = server.wait();
            None
        })
        .expect("aiosmtpd starts on a free port");
    let out = send(&db, port, &["send", &draft]);
    let _ = server.kill();
    let stderr = server
        .wait_with_output()
        .map(|o| String::from_utf8_lossy(&o.stderr).to_string())
        .unwrap_or_default();
    assert!(
        out.status.success(),
        "send: {}\nserver: {stderr}",
        String::from_utf8_lossy(&out.stderr)
    );
    let message_id = db.json(&["outbox", "list", "--json"])[0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    let script = r#"
import mailbox, sys, email.policy
box = mailbox.Maildir(sys.argv[1], factory=None)
msgs = [box.get_message(k) for k in box.keys()]
assert len(msgs) == 1, len(msgs)
raw = msgs[0].as_bytes()
import email
m = email.message_from_bytes(raw, policy=email.policy.default)
print(m['From'])
print(m['To'].addresses[0].addr_spec, len(m['To'].addresses))
print(m['Subject'])
print(m['Message-ID'])
print('date' if m['Date'] else 'no date')
print('bcc' if m['Bcc'] else 'no bcc')
print(m.get_content().splitlines()[0])
"#;
    let parsed = Command::new("python3")
        .args(["-c", script, maildir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        parsed.status.success(),
        "{}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    let lines: Vec<String> = String::from_utf8_lossy(&parsed.stdout)
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(lines[0], "Zoë Ångström <zoe@example.test>");
    assert_eq!(
        lines[1], "priya@acme.test 1",
        "one recipient, in the To header"
    );
    assert_eq!(lines[2], "Thank you — the interview");
    assert_eq!(lines[3], message_id);
    assert_eq!(lines[4], "date");
    assert_eq!(lines[5], "no bcc");
    assert_eq!(lines[6], "Dear Ms Patel,");
}

#[test]
fn mail_test_connects_and_sends_nothing() {
    let db = Db::sqlite();
    let server = FakeSmtp::start(vec![]);
    let out = send(&db, server.port, &["mail", "test"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing was sent"));
    assert_eq!(server.connections(), 1);
    assert!(server.received().is_empty());
    // Port 1 (tcpmux): nothing listens there, and no test can take it, as a port just
    // released by a listener of our own might be taken by a fake server of another test.
    let closed = 1;
    let out = send(&db, closed, &["mail", "test"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn no_password_goes_unencrypted_to_another_machine() {
    let db = Db::sqlite();
    let (draft, _) = approved_draft(&db, "Sam Carter");
    let env = [
        ("FOLLOWUP_SMTP_HOST", "smtp.example.test"),
        ("FOLLOWUP_SMTP_SECURITY", "none"),
        ("FOLLOWUP_SMTP_USER", "sam"),
        ("FOLLOWUP_SMTP_PASSWORD", "hunter2"),
    ];
    for args in [vec!["send", draft.as_str()], vec!["mail", "test"]] {
        let out = db.run_with(&args, "", &env);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("unencrypted"), "{err}");
        assert!(!err.contains("hunter2"));
    }
    assert_eq!(state(&db, &draft), "", "nothing was claimed or sent");
}

#[test]
fn nothing_is_sent_before_the_interview_is_over() {
    let db = Db::sqlite();
    db.profile();
    // Tue 2 Mar 2027, still to come as this is written.
    let interview = db.acme_interview(&["--email", "priya@acme.test"]);
    let draft = approved_thank_you(&db, &interview);
    let server = FakeSmtp::start(vec![]);
    let out = send(&db, server.port, &["send", &draft]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("not sent: the interview is not over until Tue 2 Mar 2027 11:00 GMT")
            && err.contains(&format!("followup interview set {interview} --at")),
        "{err}"
    );
    assert!(server.received().is_empty());
    assert_eq!(state(&db, &draft), "", "no outbox entry");
    // Nor recorded as sent by hand without a time.
    let err = db.fails(1, &["draft", "sent", &draft]);
    assert!(err.contains("the interview is not over until"), "{err}");
    assert_eq!(state(&db, &draft), "");
    // The interview's time mended (it was last year), it goes.
    db.ok(&["interview", "set", &interview, "--at", "2026-03-03T10:00"]);
    let out = send(&db, server.port, &["send", &draft]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.received().len(), 1);
    assert_eq!(state(&db, &draft), "sent");
}

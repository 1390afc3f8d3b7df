//! Restoring a backup never rewinds what happened, and a backup cannot plant a command.

mod common;

use common::smtp::FakeSmtp;
use common::*;

#[test]
fn an_older_backup_does_not_unsend_a_message_or_undo_a_step() {
    let db = Db::sqlite();
    db.profile();
    let interview = db.acme_interview_held(&["--email", "priya@acme.test"]);
    let draft = db.json(&["draft", "thank-you", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&["approve", &draft, "--yes"]);
    // The first attempt fails: the backup holds a `failed` outbox row.
    let refusing = FakeSmtp::start(vec![common::smtp::Fault::Rcpt550]);
    let out = db.with_smtp(refusing.port, &["send", &draft]);
    assert_eq!(out.status.code(), Some(1));
    let old = db.file("old.json", &db.ok(&["export", "json"]));
    assert!(
        std::fs::read_to_string(&old)
            .unwrap()
            .contains("\"failed\"")
    );

    let server = FakeSmtp::start(vec![]);
    let out = db.with_smtp(server.port, &["send", &draft]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.received().len(), 1);

    let restored = db.run(&["import", "json", &old]);
    assert!(restored.status.success());
    let stderr = String::from_utf8_lossy(&restored.stderr);
    assert!(stderr.contains("kept the message"), "{stderr}");
    let outbox = db.json(&["outbox", "list", "--json"]);
    assert_eq!(outbox[0]["state"], "sent", "the restore kept it sent");
    let steps = db.json(&["plan", "show", &interview, "--json"]);
    let thanks = steps
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "thank-you")
        .unwrap();
    assert_eq!(thanks["state"], "done", "the restore kept the step done");

    let again = db.with_smtp(server.port, &["send", &draft]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(server.received().len(), 1, "never sent twice");
}

#[test]
fn a_backup_cannot_plant_a_command_or_turn_the_checks_off() {
    let db = Db::sqlite();
    let marker = db.dir.path().join("planted");
    let backup = serde_json::json!({
        "format": "followup-backup",
        "schema_version": 1,
        "exported_at": "2027-03-01T10:00:00Z",
        "profile": null,
        "applications": [],
        "contacts": [],
        "interviews": [],
        "settings": {
            "smtp.password_command": format!("touch {}", marker.display()),
            "tone.off": "Desperate",
            "plan.cadence": "cautious",
        },
    });
    let file = db.file("evil.json", &backup.to_string());
    let out = db.run(&["import", "json", &file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("smtp.password_command"), "listed: {stderr}");
    let config = db.json(&["config", "show", "--json"]);
    assert_eq!(config["smtp.password_command"], "", "not applied");
    assert_eq!(config["tone.off"], "", "not applied");
    assert_eq!(config["plan.cadence"], "cautious", "harmless settings are");
    let check = db.run_with_stdin(&["check", "-"], "I really need this job.");
    assert_eq!(check.status.code(), Some(1), "the checks still run");

    // Asked for, they are applied.
    db.ok(&["import", "json", &file, "--with-settings"]);
    let config = db.json(&["config", "show", "--json"]);
    assert_eq!(config["tone.off"], "Desperate");
    assert!(!marker.exists(), "nothing ran during the restore");
}

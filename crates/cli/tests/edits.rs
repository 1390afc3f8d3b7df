//! Editing and deleting what was captured, and `undo`: every change replans, deletes ask
//! first and cascade, a sent message is never lost, and undo puts the record back as it
//! was, step states included.

mod common;

use common::smtp::FakeSmtp;
use common::*;
use serde_json::Value;

fn setup(db: &Db) -> (String, String, String) {
    db.new_york_interview()
}

fn pending(db: &Db, interview: &str, kind: &str) -> Value {
    db.json(&["plan", "show", interview, "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == kind && s["state"] == "pending")
        .cloned()
        .unwrap_or(Value::Null)
}

#[test]
fn an_interview_moved_moves_its_plan_and_undo_moves_it_back() {
    let db = Db::sqlite();
    let (_, ann, interview) = setup(&db);
    let before = db.backup();
    assert_eq!(
        pending(&db, &interview, "follow-up-call")["start"],
        "2027-03-23T10:00:00-04:00"
    );

    let out = db.ok(&["interview", "set", &interview, "--at", "2027-03-17T10:00"]);
    assert!(out.contains("updated: Wed 17 Mar 2027 10:00"), "{out}");
    assert_eq!(
        pending(&db, &interview, "follow-up-call")["start"],
        "2027-03-24T10:00:00-04:00",
        "5 working days after the new date"
    );
    // A second interviewer joins, then leaves again.
    let bo = db.ok(&[
        "contact",
        "add",
        "--name",
        "Bo Diaz",
        "--email",
        "bo@globex.test",
    ]);
    db.ok(&[
        "interview",
        "set",
        &interview,
        "--add-interviewer",
        bo.trim(),
    ]);
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(
        shown["interviewer_ids"],
        serde_json::json!([ann, bo.trim()])
    );
    // A start of an id that fits no contact, then a whole id that is not on the panel.
    let err = db.fails(
        1,
        &[
            "interview",
            "set",
            &interview,
            "--remove-interviewer",
            "con-nobody",
        ],
    );
    assert!(err.contains("no contact with id 'con-nobody'"), "{err}");
    let err = db.fails(
        1,
        &[
            "interview",
            "set",
            &interview,
            "--remove-interviewer",
            "con-zzzzzzzzzzzz",
        ],
    );
    assert!(
        err.contains("con-zzzzzzzzzzzz is not on this interview's panel"),
        "{err}"
    );

    // Undo three times: the panel, the contact, the time; the record is as it was.
    assert!(db.ok(&["undo"]).contains("undid: interview set"));
    assert!(db.ok(&["undo"]).contains("undid: contact add"));
    assert!(db.ok(&["undo"]).contains("undid: interview set"));
    assert_eq!(db.backup(), before);
    assert_eq!(
        pending(&db, &interview, "follow-up-call")["start"],
        "2027-03-23T10:00:00-04:00"
    );
}

#[test]
fn deleting_asks_cascades_and_undo_brings_everything_back_sqlite() {
    delete_and_undo(Db::sqlite());
}

#[test]
#[ignore = "PostgreSQL: run by scripts/test with FOLLOWUP_TEST_PG"]
fn deleting_asks_cascades_and_undo_brings_everything_back_postgres() {
    delete_and_undo(Db::postgres("delete_and_undo"));
}

fn delete_and_undo(db: Db) {
    let (app, _, interview) = setup(&db);
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "reached",
        "--at",
        "2027-03-22T15:05",
        "--note",
        "Deciding soon",
    ]);
    db.ok(&["draft", "thank-you", &interview]);
    let before = db.backup();

    // Without a terminal, a delete needs --yes, and nothing changes.
    let err = db.fails(1, &["application", "delete", &app]);
    assert!(err.contains("deleting needs a yes"), "{err}");
    assert_eq!(db.backup(), before);

    let out = db.ok(&["application", "delete", &app, "--yes"]);
    assert!(out.contains("deleted application"), "{out}");
    let gone = db.backup();
    for table in ["applications", "interviews", "steps", "calls", "drafts"] {
        assert!(
            gone[table].as_array().is_none_or(|a| a.is_empty()),
            "{table}: {}",
            gone[table]
        );
    }
    assert_eq!(gone["contacts"].as_array().unwrap().len(), 1, "people stay");
    db.fails(1, &["interview", "show", &interview]);

    assert!(db.ok(&["undo"]).contains("undid: application delete"));
    assert_eq!(db.backup(), before, "everything back, as it was");
}

#[test]
fn a_contact_deleted_leaves_the_panel_and_comes_back_on_undo() {
    let db = Db::sqlite();
    let (_, ann, interview) = setup(&db);
    let before = db.backup();
    db.ok(&["contact", "delete", &ann, "--yes"]);
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["interviewer_ids"], serde_json::json!([]));
    assert!(
        !pending(&db, &interview, "capture-details").is_null(),
        "with nobody on the panel, the plan asks who interviewed you"
    );
    db.ok(&["undo"]);
    assert_eq!(db.backup(), before);
}

#[test]
fn calls_and_steps_are_changed_or_taken_back_sqlite() {
    calls_and_steps(Db::sqlite());
}

#[test]
#[ignore = "PostgreSQL: run by scripts/test with FOLLOWUP_TEST_PG"]
fn calls_and_steps_are_changed_or_taken_back_postgres() {
    calls_and_steps(Db::postgres("calls_and_steps"));
}

fn calls_and_steps(db: Db) {
    let (_, _, interview) = setup(&db);
    let before = db.backup();
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "no-answer",
        "--at",
        "2027-03-22T15:05",
    ]);
    let call = db.json(&["call", "list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = db.ok(&[
        "call",
        "set",
        &call,
        "--outcome",
        "reached",
        "--decide-by",
        "2027-04-09",
        "--note",
        "Deciding by 9 April",
    ]);
    assert!(
        out.contains("updated: reached at Mon 22 Mar 2027 15:05 GMT"),
        "{out}"
    );
    assert_eq!(
        pending(&db, &interview, "follow-up-call")["start"],
        "2027-04-13T10:00:00-04:00",
        "the date they gave, plus 2 working days"
    );
    db.ok(&["call", "delete", &call, "--yes"]);
    assert!(
        db.json(&["call", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    db.ok(&["undo"]);
    db.ok(&["undo"]);
    db.ok(&["undo"]);
    assert_eq!(db.backup(), before, "log, set and delete all taken back");

    let thanks = pending(&db, &interview, "thank-you")["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&["step", "done", &thanks, "--at", "2027-03-15T16:00"]);
    assert!(pending(&db, &interview, "thank-you").is_null());
    assert!(db.ok(&["undo"]).contains(&format!("undid: step {thanks}")));
    assert_eq!(
        pending(&db, &interview, "thank-you")["id"],
        thanks.as_str(),
        "pending again"
    );
}

#[test]
fn a_sent_message_is_kept_and_never_undone() {
    let db = Db::sqlite();
    let (app, _, interview) = setup(&db);
    // Over: a message that follows it is sent after it.
    db.ok(&["interview", "set", &interview, "--at", "2026-03-16T10:00"]);
    let draft = db.json(&["draft", "thank-you", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&["approve", &draft, "--yes"]);
    let server = FakeSmtp::start(vec![]);
    let out = db.with_smtp(server.port, &["send", &draft]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let err = db.fails(1, &["undo"]);
    assert!(err.contains("cannot be undone"), "{err}");
    let err = db.fails(1, &["draft", "delete", &draft, "--yes"]);
    assert!(err.contains("--force"), "{err}");
    let err = db.fails(1, &["application", "delete", &app, "--yes"]);
    assert!(err.contains("messages handed to the mail server"), "{err}");

    db.ok(&["application", "delete", &app, "--yes", "--force"]);
    let outbox = db.json(&["outbox", "list", "--json"]);
    assert_eq!(
        outbox.as_array().unwrap().len(),
        1,
        "the outbox keeps its record"
    );
    assert_eq!(outbox[0]["state"], "sent");
    db.ok(&["undo"]);
    assert_eq!(
        db.json(&["draft", "show", &draft, "--json"])["state"],
        "sent"
    );
}

#[test]
fn the_journal_keeps_many_changes_and_says_when_there_is_nothing_left() {
    let db = Db::sqlite();
    assert!(db.fails(1, &["undo"]).contains("nothing to undo"));
    assert!(
        db.ok(&["undo", "--list"])
            .contains("No changes recorded yet.")
    );
    let app = db.ok(&["application", "add", "--company", "Acme", "--role", "SRE"]);
    for n in 0..24 {
        db.ok(&[
            "application",
            "set",
            app.trim(),
            "--role",
            &format!("Role {n}"),
        ]);
    }
    let list = db.json(&["undo", "--list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 20);
    assert_eq!(
        list[0]["summary"],
        format!("application set {}", app.trim())
    );
    for _ in 0..24 {
        db.ok(&["undo"]);
    }
    assert_eq!(
        db.json(&["application", "show", app.trim(), "--json"])["role"],
        "SRE"
    );
    db.ok(&["undo"]);
    assert!(
        db.json(&["application", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(db.fails(1, &["undo"]).contains("nothing to undo"));
    let table = db.ok(&["undo", "--list"]);
    assert!(table.contains("undone"), "{table}");
}

#[test]
fn a_second_round_cancels_the_first_rounds_follow_ups_and_deleting_it_brings_them_back() {
    let db = Db::sqlite();
    let (app, ann, first) = setup(&db);
    let call = pending(&db, &first, "follow-up-call");
    assert!(!call.is_null());
    let second = db.ok(&[
        "interview",
        "add",
        "--application",
        &app,
        "--at",
        "2027-03-19T11:00",
        "--tz",
        "America/New_York",
        "--interviewer",
        &ann,
    ]);
    let second = second.trim();
    assert!(
        pending(&db, &first, "follow-up-call").is_null(),
        "the first round's call is off"
    );
    let old = db
        .json(&["plan", "show", &first, "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == call["id"])
        .cloned()
        .unwrap();
    assert_eq!(old["state"], "cancelled");
    assert!(
        old["reason"]
            .as_str()
            .unwrap()
            .contains("a later round (Fri 19 Mar interview) took over"),
        "{old}"
    );
    assert!(
        !pending(&db, second, "follow-up-call").is_null(),
        "the second round follows up"
    );

    db.ok(&["interview", "delete", second, "--yes"]);
    assert!(
        !pending(&db, &first, "follow-up-call").is_null(),
        "the first round takes it back"
    );
}

#[test]
fn undo_takes_back_a_whole_import() {
    let db = Db::sqlite();
    let csv = db.file(
        "apps.csv",
        "company,role\nAcme,SRE\nGlobex,Platform Engineer\nInitech,DBA\n",
    );
    db.ok(&["import", "csv", &csv]);
    assert_eq!(
        db.json(&["application", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        db.json(&["undo", "--list", "--json"])[0]["summary"],
        "application import (3 added)"
    );
    db.ok(&["undo"]);
    assert!(
        db.json(&["application", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_interview_that_is_over_shows_as_held() {
    let db = Db::sqlite();
    let interview = db.acme_interview(&[]);
    let status = |db: &Db| {
        db.ok(&["interview", "show", &interview])
            .lines()
            .find(|l| l.starts_with("Status"))
            .unwrap_or_default()
            .to_string()
    };
    // 2 March 2027 is still to come as this is written; a year before it is over.
    assert!(status(&db).ends_with("scheduled"), "{}", status(&db));
    db.ok(&["interview", "set", &interview, "--at", "2025-03-04T10:00"]);
    assert!(status(&db).ends_with("held"), "{}", status(&db));
    // Cancelled stays cancelled, over or not.
    db.ok(&["interview", "note", &interview, "--status", "cancelled"]);
    assert!(status(&db).ends_with("cancelled"), "{}", status(&db));
}

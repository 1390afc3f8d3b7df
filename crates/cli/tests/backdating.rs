//! Back-dating: a time typed for when you did something is read in your zone, a time
//! they asked for in theirs, each can name another zone, and every output echoes the
//! time with its zone.

mod common;

use common::*;
use serde_json::Value;

fn setup(db: &Db) -> String {
    db.new_york_interview().2
}

fn calls(db: &Db) -> Vec<Value> {
    db.backup()["calls"].as_array().unwrap().clone()
}

#[test]
fn a_call_time_is_yours_and_a_callback_is_theirs_each_echoed_with_its_zone() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let out = db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "unavailable",
        "--at",
        "2027-03-23T15:05",
        "--callback",
        "2027-03-24T14:30",
    ]);
    assert!(
        out.contains("at Tue 23 Mar 2027 15:05 GMT (Europe/London), Tue 23 Mar 2027 11:05 EDT (America/New_York) theirs"),
        "{out}"
    );
    assert!(
        out.contains("Wed 24 Mar 2027 14:30 EDT their time"),
        "{out}"
    );
    let logged = calls(&db);
    assert_eq!(logged[0]["at"], "2027-03-23T15:05:00Z", "15:05 in London");
    assert_eq!(
        logged[0]["callback"], "2027-03-24T18:30:00Z",
        "14:30 in New York"
    );

    // Each zone can be named: your call typed in their time, their callback in yours.
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "unavailable",
        "--at",
        "2027-03-24T14:35",
        "--at-tz",
        "America/New_York",
        "--callback",
        "2027-03-25T19:00",
        "--callback-tz",
        "Europe/London",
    ]);
    let logged = calls(&db);
    let second = logged.iter().find(|c| c["at"] == "2027-03-24T18:35:00Z");
    assert!(second.is_some(), "{logged:#?}");
    assert_eq!(second.unwrap()["callback"], "2027-03-25T19:00:00Z");

    // A zone that does not exist is named with its option.
    let err = db.fails(
        1,
        &[
            "call",
            "log",
            &interview,
            "--outcome",
            "reached",
            "--at",
            "2027-03-26T10:00",
            "--at-tz",
            "Mars/Base",
        ],
    );
    assert!(err.contains("--at-tz"), "{err}");
}

#[test]
fn a_step_is_marked_done_or_skipped_at_the_time_you_did_it() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let plan = db.json(&["plan", "show", &interview, "--json"]);
    let thanks = plan
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "thank-you")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = db.ok(&["step", "done", &thanks, "--at", "2027-03-15T16:20"]);
    assert_eq!(
        out.trim(),
        format!("step {thanks} done at Mon 15 Mar 2027 16:20 GMT (Europe/London)")
    );
    let steps = db.backup()["steps"].as_array().unwrap().clone();
    let done = steps.iter().find(|s| s["id"] == thanks.as_str()).unwrap();
    assert_eq!(done["done_at"], "2027-03-15T16:20:00Z");

    // A time in the future is kept (you said so) with a warning to check it.
    let call = db
        .json(&["plan", "show", &interview, "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "follow-up-call" && s["state"] == "pending")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = db.run(&[
        "step",
        "skip",
        &call,
        "--at",
        "2099-01-01T10:00",
        "--at-tz",
        "Asia/Tokyo",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--at 2099-01-01T10:00 (Asia/Tokyo) is in the future"),
        "{err}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("skipped at Thu 1 Jan 2099 01:00 GMT (Europe/London)"),
        "shown in your zone"
    );
    // --at-tz without --at is a usage error.
    db.fails(2, &["step", "done", &thanks, "--at-tz", "Asia/Tokyo"]);
}

#[test]
fn a_timeline_in_words_sets_the_date_the_plan_waits_for() {
    let db = Db::sqlite();
    db.profile();
    let interview =
        db.acme_interview(&["--email", "priya@acme.test", "--phone", "+44 20 7946 0000"]);
    let out = db.ok(&[
        "interview",
        "note",
        &interview,
        "--timeline",
        "We'll decide within two weeks",
    ]);
    assert!(
        out.contains("read as Tue 16 Mar 2027: the follow-up waits for it"),
        "{out}"
    );
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["decide_by"], "2027-03-16");
    assert_eq!(
        shown["timeline"], "We'll decide within two weeks",
        "the phrase is kept"
    );
    let call = db
        .json(&["plan", "show", &interview, "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "follow-up-call" && s["state"] == "pending")
        .cloned()
        .unwrap();
    assert!(
        call["start"].as_str().unwrap().starts_with("2027-03-18"),
        "{call}"
    );

    // A phrase it cannot read is kept, and the user is told the plan did not use it.
    let out = db.run(&[
        "interview",
        "note",
        &interview,
        "--timeline",
        "when the budget is approved",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the plan did not use their timeline \"when the budget is approved\""),
        "{err}"
    );
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["timeline"], "when the budget is approved");
}

#[test]
fn when_someone_would_start_is_no_date_to_wait_for() {
    let db = Db::sqlite();
    db.profile();
    let interview =
        db.acme_interview(&["--email", "priya@acme.test", "--phone", "+44 20 7946 0000"]);
    // A start date alone: the plan keeps its own pace, and says why.
    let out = db.run(&[
        "interview",
        "note",
        &interview,
        "--timeline",
        "We're hoping to have someone start in June",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("says when someone would start (Thu 10 Jun 2027), not when they decide"),
        "{err}"
    );
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert!(shown["decide_by"].is_null(), "{shown}");
    // Beside a decision date: the decision is waited for, the start is not.
    let out = db.ok(&[
        "interview",
        "note",
        &interview,
        "--timeline",
        "We'll decide within two weeks, and the start date is in June",
    ]);
    assert!(
        out.contains("read as Tue 16 Mar 2027: the follow-up waits for it"),
        "{out}"
    );
    assert!(
        out.contains("Wed 30 Jun 2027 is when someone would start"),
        "{out}"
    );
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["decide_by"], "2027-03-16");
    // A date read from a timeline goes with it when the timeline is replaced...
    db.run(&[
        "interview",
        "note",
        &interview,
        "--timeline",
        "when the budget is approved",
    ]);
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert!(shown["decide_by"].is_null(), "{shown}");
    // ...but one given as a date stays.
    db.ok(&["interview", "note", &interview, "--decide-by", "2027-03-19"]);
    db.run(&[
        "interview",
        "note",
        &interview,
        "--timeline",
        "once the budget is signed off",
    ]);
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["decide_by"], "2027-03-19");
}

#[test]
fn a_draft_you_sent_yourself_is_recorded_at_the_time_you_sent_it() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let draft = db.json(&["draft", "thank-you", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = db.ok(&["draft", "sent", &draft, "--at", "2027-03-15T16:40"]);
    assert!(
        out.contains("recorded as sent at Mon 15 Mar 2027 16:40 GMT (Europe/London)"),
        "{out}"
    );
    let outbox = db.json(&["outbox", "list", "--json"]);
    assert_eq!(outbox[0]["state"], "sent");
    assert_eq!(outbox[0]["sent_at"], "2027-03-15T16:40:00Z");
    assert_eq!(outbox[0]["recipient"], "ann@globex.test");
    assert_eq!(
        db.json(&["draft", "show", &draft, "--json"])["state"],
        "sent"
    );
    let steps = db.backup()["steps"].as_array().unwrap().clone();
    let thanks = steps.iter().find(|s| s["kind"] == "thank-you").unwrap();
    assert_eq!(thanks["state"], "done");
    assert_eq!(thanks["done_at"], "2027-03-15T16:40:00Z");
    // Never sent again, and never recorded twice.
    db.ok(&["approve", &draft, "--yes"]);
    assert!(db.fails(1, &["send", &draft]).contains("never sent twice"));
    assert!(db.fails(1, &["draft", "sent", &draft]).contains("already"));
}

#[test]
fn a_timeline_read_most_of_a_year_off_is_not_waited_for() {
    let db = Db::sqlite();
    db.profile();
    let interview = db.acme_interview(&["--email", "priya@acme.example"]);
    // Said on Tue 2 Mar 2027: "by 1 February" is next year's, eleven months on, which no
    // hiring decision takes: a day just past, most likely. The plan does not wait.
    let out = db.run(&[
        "interview",
        "note",
        &interview,
        "--timeline",
        "by 1 February",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("reads as Tue 1 Feb 2028, too far off for a decision"),
        "{err}"
    );
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["decide_by"], serde_json::Value::Null, "{shown}");
    assert_eq!(shown["timeline"], "by 1 February", "the words are kept");
    // Typed as a date before the interview, it is refused.
    let err = db.fails(
        1,
        &["interview", "note", &interview, "--decide-by", "2027-02-01"],
    );
    assert!(
        err.contains("--decide-by: Mon 1 Feb 2027 is before the day they said it"),
        "{err}"
    );
}

//! The plan through the CLI: what an interview makes due, how calls, steps, holidays
//! and outcomes move it, the agenda's JSON, and the calendar feed read by an
//! independent iCalendar parser (PyPI `icalendar`, installed by scripts/test).

mod common;

use common::*;
use serde_json::Value;

/// A London candidate, a New York interviewer, an interview on Mon 15 Mar 2027 10:00
/// New York time (the week only New York has changed its clocks).
fn setup(db: &Db) -> (String, String, String) {
    db.new_york_interview()
}

fn steps(db: &Db, interview: &str) -> Vec<Value> {
    db.json(&["plan", "show", interview, "--json"])
        .as_array()
        .unwrap()
        .clone()
}

/// A day in `year` as the plan shows it to the London candidate: with its year unless
/// that is this year there ("Tue 23 Mar 2027" while it is 2026).
fn shown_day(day: &str, year: i16) -> String {
    let london = jiff::tz::TimeZone::get("Europe/London").unwrap();
    match jiff::Timestamp::now().to_zoned_datetime(london).year() == year {
        true => day.to_string(),
        false => format!("{day} {year}"),
    }
}

fn pending(db: &Db, interview: &str, kind: &str) -> Value {
    steps(db, interview)
        .into_iter()
        .find(|s| s["kind"] == kind && s["state"] == "pending")
        .unwrap_or_else(|| panic!("no pending {kind}: {:#?}", steps(db, interview)))
}

#[test]
fn an_interview_gets_a_thank_you_and_a_call_in_their_hours() {
    let db = Db::sqlite();
    let (_, contact, interview) = setup(&db);
    let thanks = pending(&db, &interview, "thank-you");
    // 10:00 EDT is 14:00 GMT: an afternoon interview for the London candidate.
    assert_eq!(thanks["start"], "2027-03-16T09:00:00+00:00");
    assert_eq!(thanks["their_zone"], "Europe/London");
    let call = pending(&db, &interview, "follow-up-call");
    assert_eq!(call["start"], "2027-03-23T10:00:00-04:00");
    assert_eq!(call["end"], "2027-03-23T11:30:00-04:00");
    assert_eq!(call["their_zone"], "America/New_York");
    assert_eq!(call["your_zone"], "Europe/London");
    assert_eq!(call["contact_id"], contact.as_str());
    assert_eq!(call["interview_id"], interview.as_str());
    assert!(
        call["reason"]
            .as_str()
            .unwrap()
            .contains("5th working day after the Mon 15 Mar interview in us")
    );

    let agenda = db.json(&["agenda", "--from", "2027-03-15", "--days", "14", "--json"]);
    let agenda = agenda.as_array().unwrap();
    assert_eq!(agenda.len(), 2);
    for field in [
        "id",
        "kind",
        "state",
        "interview_id",
        "contact_id",
        "start",
        "end",
        "their_zone",
        "your_zone",
        "reason",
    ] {
        assert!(agenda[1].get(field).is_some(), "agenda JSON lacks {field}");
    }
    let text = db.ok(&["agenda", "--from", "2027-03-15", "--days", "14"]);
    // A day in another year than today's says its year.
    let day = shown_day("Tue 23 Mar", 2027);
    assert!(text.contains(&format!("{day} 14:00–15:30 GMT")), "{text}");
    assert!(
        text.contains(&format!(
            "their time: {day} 10:00–11:30 EDT (America/New_York)"
        )),
        "{text}"
    );
    let none = db.json(&["agenda", "--from", "2027-03-01", "--days", "3", "--json"]);
    assert_eq!(none, Value::Array(vec![]));
}

/// A call made before its window (they rang early, or you did) is done then: the plan
/// says when, not only the window it had.
#[test]
fn a_step_done_early_says_when_it_was_done() {
    let db = Db::sqlite();
    let (_, _, interview) = setup(&db);
    let call = pending(&db, &interview, "follow-up-call");
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "reached",
        "--at",
        "2027-03-18T15:05",
    ]);
    let done = steps(&db, &interview)
        .into_iter()
        .find(|s| s["id"] == call["id"])
        .unwrap();
    assert_eq!(done["state"], "done");
    assert_eq!(done["done_at"], "2027-03-18T15:05:00+00:00", "{done:#}");
    assert_eq!(done["start"], call["start"], "the window it had stays");
    let text = db.ok(&["plan", "show", &interview]);
    let day = shown_day("Thu 18 Mar", 2027);
    assert!(text.contains(&format!("done {day} 15:05")), "{text}");
}

#[test]
fn call_outcomes_move_the_plan_and_bad_callbacks_are_refused() {
    let db = Db::sqlite();
    let (_, _, interview) = setup(&db);
    let before = db.backup();
    let err = db.fails(
        1,
        &[
            "call",
            "log",
            &interview,
            "--outcome",
            "unavailable",
            "--callback",
            "2027-03-23T19:30",
            "--at",
            "2027-03-23T10:05",
        ],
    );
    assert!(
        err.contains("--callback: 19:30 in America/New_York is outside business hours"),
        "{err}"
    );
    let err = db.fails(
        1,
        &[
            "call",
            "log",
            &interview,
            "--outcome",
            "unavailable",
            "--callback",
            "2027-03-14T02:30",
        ],
    );
    assert!(err.contains("does not exist in America/New_York"), "{err}");
    let err = db.fails(
        1,
        &[
            "call",
            "log",
            &interview,
            "--outcome",
            "unavailable",
            "--callback",
            "2020-01-07T10:00",
        ],
    );
    assert!(err.contains("in the past"), "{err}");
    let err = db.fails(
        1,
        &[
            "call",
            "log",
            &interview,
            "--outcome",
            "unavailable",
            "--callback",
            "2027-03-22T10:00",
            "--at",
            "2027-03-23T10:05",
        ],
    );
    assert!(err.contains("before the call"), "{err}");
    let err = db.fails(1, &["call", "log", &interview, "--outcome", "maybe"]);
    assert!(err.contains("unknown outcome"), "{err}");
    assert_eq!(db.backup(), before, "refused calls change nothing");

    let out = db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "unavailable",
        "--callback",
        "2027-03-24T14:30",
        "--at",
        "2027-03-23T10:05",
    ]);
    assert!(
        out.contains("Wed 24 Mar 2027 14:30 EDT their time"),
        "{out}"
    );
    assert!(out.contains("18:30 GMT yours"), "{out}");
    let callback = pending(&db, &interview, "follow-up-call");
    assert_eq!(callback["start"], "2027-03-24T14:30:00-04:00");
    assert!(callback["key"].as_str().unwrap().starts_with("callback-"));

    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "voicemail",
        "--at",
        "2027-03-24T14:31",
    ]);
    let email = pending(&db, &interview, "follow-up-email");
    // 2 working days after (Fri 26 Mar) is under 72 hours after the voicemail: the
    // email waits for the next business morning past them, across the weekend.
    assert_eq!(email["start"], "2027-03-29T09:00:00-04:00", "{email}");
    assert_eq!(
        email["end"], "2027-03-29T17:30:00-04:00",
        "the 3rd working day"
    );
    assert!(
        email["reason"].as_str().unwrap().contains("72 hours after"),
        "{email}"
    );
}

#[test]
fn reached_with_a_date_then_an_outcome_cancels_what_is_pending() {
    let db = Db::sqlite();
    let (app, _, interview) = setup(&db);
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "reached",
        "--decide-by",
        "2027-04-09",
        "--at",
        "2027-03-23T10:05",
    ]);
    let next = pending(&db, &interview, "follow-up-call");
    assert_eq!(next["key"], "follow-up-2");
    assert_eq!(
        next["start"], "2027-04-13T10:00:00-04:00",
        "Fri 9 Apr + 2 working days"
    );
    db.ok(&["application", "status", &app, "rejected"]);
    let all = steps(&db, &interview);
    assert!(all.iter().all(|s| s["state"] != "pending"), "{all:#?}");
    assert!(all.iter().any(|s| s["state"] == "cancelled"));
}

#[test]
fn steps_done_skipped_or_moved_survive_a_recomputed_plan() {
    let db = Db::sqlite();
    let (_, _, interview) = setup(&db);
    let thanks = pending(&db, &interview, "thank-you")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let call = pending(&db, &interview, "follow-up-call")["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Marked done now, before the interview is over, the thank-you would be a slip: it
    // is refused, and a time after the interview is taken.
    let err = db.fails(1, &["step", "done", &thanks]);
    assert!(
        err.contains("the interview is not over until") && err.contains("thank-you step"),
        "{err}"
    );
    db.ok(&["step", "done", &thanks, "--at", "2027-03-16T10:00"]);
    let err = db.fails(1, &["step", "move", &call, "--to", "2027-03-27T10:00"]);
    assert!(err.contains("weekend"), "{err}");
    db.ok(&["step", "move", &call, "--to", "2027-03-25T15:00"]);
    // A new date from them would move the call; the user's choice wins.
    db.ok(&["interview", "note", &interview, "--decide-by", "2027-03-31"]);
    let all = steps(&db, &interview);
    let moved = all.iter().find(|s| s["id"] == call.as_str()).unwrap();
    assert_eq!(moved["start"], "2027-03-25T15:00:00-04:00");
    assert_eq!(moved["state"], "pending");
    assert_eq!(
        all.iter().find(|s| s["id"] == thanks.as_str()).unwrap()["state"],
        "done"
    );
    let err = db.fails(1, &["step", "skip", &thanks]);
    assert!(err.contains("only pending steps"), "{err}");
    db.fails(1, &["step", "done", "step-nope"]);

    // A skipped step stays skipped through a recomputed plan.
    db.ok(&["step", "skip", &call]);
    db.ok(&["interview", "note", &interview, "--decide-by", "2027-04-02"]);
    db.ok(&["plan", "refresh", &interview]);
    let all = steps(&db, &interview);
    let skipped = all.iter().find(|s| s["id"] == call.as_str()).unwrap();
    assert_eq!(skipped["state"], "skipped", "{all:#?}");
    assert_eq!(skipped["start"], "2027-03-25T15:00:00-04:00");
}

#[test]
fn workdays_and_holidays_from_the_command_line() {
    let db = Db::sqlite();
    assert_eq!(
        db.json(&[
            "workdays",
            "add",
            "2026-12-24",
            "5",
            "--region",
            "gb-eng",
            "--json"
        ])["date"],
        "2027-01-05"
    );
    assert_eq!(
        db.ok(&["workdays", "add", "2026-12-24", "5", "--region", "gb-sct"])
            .trim(),
        "2027-01-06"
    );
    assert_eq!(
        db.ok(&["workdays", "next", "2027-03-16", "--region", "gb-nir"])
            .trim(),
        "2027-03-18"
    );
    let err = db.fails(
        1,
        &["workdays", "add", "2027-01-01", "5", "--region", "gb-xx"],
    );
    assert!(err.contains("unknown region 'gb-xx'"), "{err}");
    let list = db.json(&[
        "holidays", "list", "--region", "gb-nir", "--year", "2027", "--json",
    ]);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|h| h["name"] == "Saint Patrick's Day" && h["date"] == "2027-03-17")
    );
    let out = db.run(&["holidays", "list", "--region", "in", "--year", "2040"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("only valid through 2035-12-31"));

    db.ok(&[
        "holidays",
        "add",
        "2027-06-07",
        "--region",
        "gb-eng",
        "--name",
        "Company day",
    ]);
    assert_eq!(
        db.ok(&["workdays", "next", "2027-06-04", "--region", "gb-eng"])
            .trim(),
        "2027-06-08"
    );
}

#[test]
fn a_govuk_file_replaces_its_years_and_a_bad_one_imports_nothing() {
    let db = Db::sqlite();
    let (_, _, interview) = setup(&db);
    let govuk = db.file(
        "bank-holidays.json",
        r#"{"england-and-wales":{"division":"england-and-wales","events":[
            {"title":"New Year’s Day","date":"2027-01-01","notes":"","bunting":true},
            {"title":"Extra day","date":"2027-03-23","notes":"","bunting":true}]},
          "scotland":{"division":"scotland","events":[{"title":"New Year’s Day","date":"2027-01-01","notes":"","bunting":true}]}}"#,
    );
    let out = db.ok(&["holidays", "import", &govuk, "--replace"]);
    assert!(
        out.contains("imported 5 holidays; replaced the shipped and earlier imported days of gb-eng 2027, gb-sct 2027, gb-wls 2027"),
        "{out}"
    );
    let eng = db.json(&[
        "holidays", "list", "--region", "gb-eng", "--year", "2027", "--json",
    ]);
    assert_eq!(
        eng.as_array().unwrap().len(),
        2,
        "the file's 2027 replaces the table's: {eng}"
    );
    assert_eq!(eng[0]["name"], "New Year’s Day", "curly apostrophe kept");
    // Only plans whose region changed move: the US interviewer's call stays put.
    assert_eq!(
        pending(&db, &interview, "follow-up-call")["start"],
        "2027-03-23T10:00:00-04:00"
    );

    let before = db.backup();
    let bad = db.file(
        "bad.json",
        r#"{"england-and-wales":{"events":[{"title":"A","date":"2028-01-03"},{"title":"B","date":"03/04/2028"}]}}"#,
    );
    let err = db.fails(1, &["holidays", "import", &bad]);
    assert!(
        err.contains("england-and-wales.events[1].date: '03/04/2028' is not a date"),
        "{err}"
    );
    let wrong = db.file("wrong.json", r#"{"wales":{"events":[]}}"#);
    assert!(
        db.fails(1, &["holidays", "import", &wrong])
            .contains("not a GOV.UK division")
    );
    assert_eq!(db.backup(), before);

    let ics = db.file(
        "days.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270412\r\nDTEND;VALUE=DATE:20270414\r\nSUMMARY:Spring break\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    assert!(
        db.fails(1, &["holidays", "import", &ics])
            .contains("needs --region")
    );
    // Added by default: one event joins the shipped days, it does not wipe the year.
    let out = db.ok(&["holidays", "import", &ics, "--region", "us"]);
    assert!(
        out.contains("added 2 holidays for us (beside the shipped ones"),
        "{out}"
    );
    assert_eq!(
        db.ok(&["workdays", "next", "2027-04-09", "--region", "us"])
            .trim(),
        "2027-04-14"
    );
    let us = db.json(&[
        "holidays", "list", "--region", "us", "--year", "2027", "--json",
    ]);
    let names: Vec<&str> = us
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Spring break") && names.contains(&"Independence Day"),
        "{names:?}"
    );
    db.ok(&["holidays", "import", &ics, "--region", "us"]);
    assert_eq!(
        db.json(&[
            "holidays", "list", "--region", "us", "--year", "2027", "--json"
        ]),
        us,
        "importing the same file again changes nothing"
    );
    // --replace: the file's days only, for the year it covers.
    db.ok(&["holidays", "import", &ics, "--region", "us", "--replace"]);
    let us = db.json(&[
        "holidays", "list", "--region", "us", "--year", "2027", "--json",
    ]);
    assert_eq!(us.as_array().unwrap().len(), 2, "{us}");
    let broken = db.file(
        "broken.ics",
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2027-04-12\nEND:VEVENT\nEND:VCALENDAR\n",
    );
    let err = db.fails(1, &["holidays", "import", &broken, "--region", "us"]);
    assert!(
        err.contains("broken.ics:3: '2027-04-12' is not a date"),
        "{err}"
    );
}

#[test]
fn the_calendar_feed_is_stable_and_valid_for_an_independent_parser() {
    let db = Db::sqlite();
    let (_, _, interview) = setup(&db);
    let first = db.ok(&["export", "ics"]);
    assert_eq!(
        first,
        db.ok(&["export", "ics"]),
        "exporting twice gives identical output"
    );
    let call = pending(&db, &interview, "follow-up-call")["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&["step", "move", &call, "--to", "2027-03-25T15:00"]);
    let second = db.ok(&["export", "ics"]);
    let path = db.file("followup.ics", &second);

    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = [c for c in cal.walk('VEVENT')]
todos = [c for c in cal.walk('VTODO')]
uids = [str(c['UID']) for c in events + todos]
assert len(uids) == len(set(uids)), uids
for e in events:
    assert e['DTEND'].dt > e['DTSTART'].dt
    assert e['DTSTART'].dt.tzinfo is not None
alarms = [a for e in events for a in e.walk('VALARM')]
print(len(events), len(todos), len(alarms), events[0]['SEQUENCE'], events[0]['DTSTART'].dt.isoformat())
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script, &path])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "the feed did not parse (is PyPI icalendar installed? scripts/test installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        summary.trim(),
        "1 1 1 1 2027-03-25T19:00:00+00:00",
        "{second}"
    );
}

/// An interview on Mon 5 Oct 2026 10:00 New York time (in the past, so "now" sees the
/// whole history), with Ann Lee; returns (application, interview).
fn october_interview(db: &Db) -> (String, String) {
    let (app, ann, _) = db.new_york_interview();
    let interview = db.ok(&[
        "interview",
        "add",
        "--application",
        &app,
        "--at",
        "2026-10-05T10:00",
        "--tz",
        "America/New_York",
        "--interviewer",
        &ann,
    ]);
    // The helper's own March 2027 interview would be a later round: cancel it.
    let march = db
        .json(&["interview", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .find(|id| *id != interview.trim())
        .unwrap();
    db.ok(&["interview", "delete", &march, "--yes"]);
    (app, interview.trim().to_string())
}

#[test]
fn the_email_after_a_voicemail_is_its_own_step_and_the_cadence_spans_rounds() {
    let db = Db::sqlite();
    let (app, interview) = october_interview(&db);
    db.ok(&["config", "set", "plan.cadence", "cautious"]);
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "voicemail",
        "--at",
        "2026-10-13T10:05",
        "--at-tz",
        "America/New_York",
    ]);
    let email = pending(&db, &interview, "follow-up-email");
    assert!(
        email["key"]
            .as_str()
            .unwrap()
            .starts_with("voicemail-email-"),
        "{email}"
    );
    // Drafted, it is that step's email: part of the voicemail, not one follow-up too
    // many for the cautious cadence.
    let draft = db.json(&["draft", "query", &interview, "--json"]);
    let rules: Vec<&str> = draft["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"Behaviour.TooMany"), "{draft}");
    let id = draft["id"].as_str().unwrap();
    db.ok(&["draft", "sent", id, "--at", "2026-10-16T15:00"]);
    let done = steps(&db, &interview)
        .into_iter()
        .find(|s| s["key"] == email["key"])
        .unwrap();
    assert_eq!(done["state"], "done", "{done}");
    // One follow-up made (cautious): ask for feedback.
    let feedback = pending(&db, &interview, "feedback");
    assert!(
        feedback["reason"]
            .as_str()
            .unwrap()
            .contains("1 follow-up(s) made for this application"),
        "{feedback}"
    );
    // A second round: its plan counts the first round's contact.
    let second = db.ok(&[
        "interview",
        "add",
        "--application",
        &app,
        "--at",
        "2026-10-26T10:00",
        "--tz",
        "America/New_York",
    ]);
    let second = second.trim();
    let feedback = pending(&db, second, "feedback");
    assert!(
        feedback["reason"]
            .as_str()
            .unwrap()
            .contains("1 follow-up(s) made for this application"),
        "{feedback}"
    );
    // And the first round's pending step is cancelled, with the reason.
    let old = steps(&db, &interview)
        .into_iter()
        .find(|s| s["key"] == "feedback")
        .unwrap();
    assert_eq!(old["state"], "cancelled");
    assert!(
        old["reason"].as_str().unwrap().contains("a later round"),
        "{old}"
    );
}

/// `--decide-by` takes their words as well as a date: on the interview (read from its
/// day), on a call and on a call changed later (read from the call's day), in the
/// employer's region; words it cannot read are refused with what it takes, and change
/// nothing.
#[test]
fn the_date_they_gave_can_be_typed_in_their_words() {
    let db = Db::sqlite();
    let (_, _, interview) = setup(&db);
    // Mon 15 Mar 2027: the second week of April ends Fri 9 April.
    let out = db.ok(&[
        "interview",
        "note",
        &interview,
        "--decide-by",
        "the second week of April",
    ]);
    assert!(out.contains("updated"), "{out}");
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["decide_by"], "2027-04-09");

    let before = db.backup();
    let err = db.fails(
        1,
        &[
            "call",
            "log",
            &interview,
            "--outcome",
            "reached",
            "--decide-by",
            "soonish",
        ],
    );
    assert!(
        err.contains("--decide-by: 'soonish' is neither a date"),
        "{err}"
    );
    assert_eq!(db.backup(), before, "a refused call changes nothing");

    // A call on Tue 23 Mar: "end of next week" is Fri 2 Apr.
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "reached",
        "--at",
        "2027-03-23T15:05",
        "--decide-by",
        "by the end of next week",
    ]);
    let calls = db.calls_of(&interview);
    assert_eq!(calls[0]["decide_by"], "2027-04-02", "{calls:#}");
    let id = calls[0]["id"].as_str().unwrap().to_string();
    db.ok(&["call", "set", &id, "--decide-by", "2-3 weeks"]);
    let calls = db.calls_of(&interview);
    assert_eq!(
        calls[0]["decide_by"], "2027-04-13",
        "three weeks from the call"
    );
}

#[test]
fn a_callback_can_be_given_as_they_said_it() {
    let db = Db::sqlite();
    let (_, _, interview) = setup(&db);
    // Called Tue 23 Mar at 10:05 GMT (06:05 in New York, the interviewer's zone): "call
    // me Thursday at 3" is Thu 25 Mar 15:00 EDT.
    let out = db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "unavailable",
        "--callback",
        "Thursday at 3",
        "--at",
        "2027-03-23T10:05",
    ]);
    assert!(
        out.contains("Thu 25 Mar 2027 15:00 EDT their time"),
        "{out}"
    );
    let calls = db.calls_of(&interview);
    let id = calls[0]["id"].as_str().unwrap().to_string();
    db.ok(&["call", "set", &id, "--callback", "Friday 11am"]);
    let calls = db.calls_of(&interview);
    // Fri 26 Mar 11:00 EDT.
    assert_eq!(calls[0]["callback"], "2027-03-26T15:00:00Z", "{calls:#}");
    // Both in one change, read from the same call's day (Tue 23 Mar): Mon 29 Mar 10:00
    // EDT, and the end of next week, Fri 2 Apr.
    db.ok(&[
        "call",
        "set",
        &id,
        "--callback",
        "Monday at 10",
        "--decide-by",
        "end of next week",
    ]);
    let calls = db.calls_of(&interview);
    assert_eq!(calls[0]["callback"], "2027-03-29T14:00:00Z", "{calls:#}");
    assert_eq!(calls[0]["decide_by"], "2027-04-02", "{calls:#}");
    // A day with no hour is refused, and says how to write one.
    let err = db.fails(1, &["call", "set", &id, "--callback", "Friday"]);
    assert!(err.contains("\"Thursday 3pm\""), "{err}");
    // A year mistyped is refused, not booked decades ahead and shown as a day this year.
    let before = db.backup();
    let err = db.fails(1, &["call", "set", &id, "--callback", "2099-03-26T11:00"]);
    assert!(
        err.contains("--callback: Thu 26 Mar 2099 11:00 EDT is more than a year after Tue 23 Mar 2027: check the year"),
        "{err}"
    );
    assert_eq!(db.backup(), before, "the refused change changes nothing");
}

/// Plans stored by an earlier planner (an upgrade) are recomputed by this one the first
/// time plans are read, whichever read it is; once they are current, reading writes
/// nothing.
#[test]
fn plans_made_by_an_earlier_planner_are_brought_up_to_date_when_read() {
    use diesel::{Connection, RunQueryDsl};
    let db = Db::sqlite();
    let (_, _, interview) = setup(&db);
    let call = pending(&db, &interview, "follow-up-call");
    let made_by = |db: &Db| -> String {
        let mut conn = diesel::SqliteConnection::establish(&db.target).unwrap();
        diesel::sql_query("SELECT value FROM settings WHERE name = 'planner.version'")
            .load::<Setting>(&mut conn)
            .unwrap()
            .pop()
            .map(|s| s.value)
            .unwrap_or_default()
    };
    let current = made_by(&db);
    assert!(!current.is_empty(), "a new database records its planner");
    make_stale(&db);
    // `today` shows nothing of that call (it is weeks away), yet brings it up to date.
    db.ok(&["today"]);
    assert_eq!(made_by(&db), current, "today recomputed the stale plans");
    let again = pending(&db, &interview, "follow-up-call");
    assert_eq!(again["start"], call["start"], "recomputed by this planner");
    assert_eq!(again["reason"], call["reason"]);
    let before = db.backup();
    db.ok(&["today"]);
    db.ok(&["plan", "show", &interview]);
    assert_eq!(
        db.backup(),
        before,
        "a current plan is read without a write"
    );

    // A backup made under an earlier planner, its step as that planner had it:
    // restored, its plans are this planner's, and the version with them.
    let mut old = db.json(&["export", "json"]);
    old["settings"]["planner.version"] = "2020-01-01".into();
    for step in old["steps"].as_array_mut().unwrap() {
        if step["kind"] == "follow-up-call" && step["state"] == "pending" {
            step["reason"] = "an older planner".into();
        }
    }
    let file = db.file("old.json", &old.to_string());
    db.ok(&["import", "json", &file]);
    assert_eq!(made_by(&db), current, "the restore recomputed the plans");
    let restored = pending(&db, &interview, "follow-up-call");
    assert_eq!(restored["start"], call["start"]);
    assert_eq!(restored["reason"], call["reason"]);

    // Eight processes reading stale plans at once: one catches up, the others find it
    // done; every read succeeds and no step is doubled.
    let steps_before = db.json(&["plan", "show", &interview, "--json"]);
    make_stale(&db);
    let readers: Vec<_> = (0..8)
        .map(|i| {
            let args: &[&str] = if i % 2 == 0 {
                &["today"]
            } else {
                &["plan", "show", &interview]
            };
            db.command(args, &[]).spawn().unwrap()
        })
        .collect();
    for reader in readers {
        let out = reader.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(made_by(&db), current);
    assert_eq!(
        db.json(&["plan", "show", &interview, "--json"]),
        steps_before,
        "caught up once, to the same plan"
    );

    // A database with nothing pending records the catch-up too, so reads stop asking.
    let empty = Db::sqlite();
    empty.ok(&["today"]);
    make_stale(&empty);
    assert_eq!(made_by(&empty), "2020-01-01");
    empty.ok(&["today"]);
    assert_eq!(made_by(&empty), current);
}

/// As an earlier release left a database: its planner's version, and its own time and
/// reason on each pending call.
fn make_stale(db: &Db) {
    use diesel::{Connection, connection::SimpleConnection};
    let mut conn = diesel::SqliteConnection::establish(&db.target).unwrap();
    conn.batch_execute(
        "UPDATE settings SET value = '2020-01-01' WHERE name = 'planner.version';
         UPDATE steps SET starts_at = starts_at - 86400, reason = 'an older planner'
           WHERE state = 'pending' AND kind = 'follow-up-call';",
    )
    .unwrap();
}

#[derive(diesel::QueryableByName)]
struct Setting {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

//! The record as people look back on it: ids typed short, the calls made, the drafts and
//! how far they got; and what an empty agenda tells someone new.

mod common;

use common::*;

#[test]
fn any_unambiguous_id_prefix_names_a_record() {
    let db = Db::sqlite();
    let a = db.ok(&["application", "add", "--company", "Acme", "--role", "SRE"]);
    let b = db.ok(&["application", "add", "--company", "Globex", "--role", "SRE"]);
    let (a, b) = (a.trim(), b.trim());
    assert_eq!(a.len(), "app-".len() + 12, "{a}");

    let short = &a[..a.len() - 3];
    let shown = db.json(&["application", "show", short, "--json"]);
    assert_eq!(shown["id"], a);
    assert_eq!(shown["company"], "Acme");
    db.ok(&["application", "status", short, "offer"]);
    assert_eq!(
        db.json(&["application", "show", a, "--json"])["status"],
        "offer"
    );

    // Both were made this week: five characters fit both, and both are named.
    let err = db.fails(1, &["application", "show", &a[..5]]);
    assert!(
        err.contains("could be any of several applications"),
        "{err}"
    );
    assert!(err.contains(a) && err.contains(b), "{err}");
    assert!(err.contains("type more of the id"), "{err}");

    let err = db.fails(1, &["application", "show", "app-zzzz"]);
    assert!(err.contains("no application with id 'app-zzzz'"), "{err}");

    // Prefixes work wherever an id is asked for, here an interview's application.
    let ann = db.ok(&[
        "contact",
        "add",
        "--name",
        "Ann Lee",
        "--email",
        "ann@globex.test",
    ]);
    let interview = db.ok(&[
        "interview",
        "add",
        "--application",
        &b[..b.len() - 2],
        "--at",
        "2027-03-15T10:00",
        "--tz",
        "Europe/London",
        "--interviewer",
        &ann.trim()[..ann.trim().len() - 2],
    ]);
    let shown = db.json(&["interview", "show", &interview.trim()[..10], "--json"]);
    assert_eq!(shown["application_id"], b);
}

#[test]
fn calls_are_listed_with_their_notes_and_drafts_with_whom_and_how_far() {
    let db = Db::sqlite();
    db.profile();
    let interview =
        db.acme_interview(&["--email", "priya@acme.test", "--phone", "+44 20 7946 0000"]);
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "unavailable",
        "--at",
        "2027-03-09T10:05",
        "--note",
        "In a meeting.\nAsked me to try Thursday.",
    ]);
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "reached",
        "--at",
        "2027-03-11T10:30",
        "--decide-by",
        "2027-03-19",
        "--note",
        "Deciding next week",
    ]);
    let calls = db.json(&["call", "list", "--json"]);
    let calls = calls.as_array().unwrap();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0]["outcome"], "unavailable", "oldest first");
    assert_eq!(calls[0]["person"], "Priya Patel");
    assert_eq!(calls[0]["application"], "Acme – Platform Engineer");
    assert_eq!(calls[1]["decide_by"], "2027-03-19");
    let text = db.ok(&[
        "call",
        "list",
        "--interview",
        &interview[..interview.len() - 3],
    ]);
    assert!(text.contains("Asked me to try Thursday."), "{text}");
    assert!(text.contains("they decide by 2027-03-19"), "{text}");
    assert!(
        text.contains("Tue 9 Mar 2027 10:05 GMT  unavailable · Priya Patel"),
        "{text}"
    );
    db.fails(1, &["call", "list", "--interview", "int-nope"]);

    let fresh = Db::sqlite();
    assert!(fresh.ok(&["call", "list"]).contains("No calls logged yet"));

    let id = db.json(&["draft", "thank-you", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let listed = db.json(&["draft", "list", "--json"]);
    assert_eq!(listed[0]["state"], "draft");
    assert_eq!(listed[0]["recipient"], "Priya Patel <priya@acme.test>");
    db.ok(&["approve", &id, "--yes"]);
    assert_eq!(
        db.json(&["draft", "show", &id, "--json"])["state"],
        "approved"
    );
}

#[test]
fn an_empty_agenda_says_what_to_do_first_then_what_comes_next() {
    let db = Db::sqlite();
    let first = db.ok(&["today"]);
    assert!(first.contains("Start with your profile"), "{first}");
    assert!(first.contains("followup profile set"), "{first}");
    db.profile();
    assert!(db.ok(&["today"]).contains("followup application add"));
    let app = db.ok(&["application", "add", "--company", "Acme", "--role", "SRE"]);
    assert!(db.ok(&["agenda"]).contains("followup interview add"));

    // An interview far ahead: nothing due today, and the next step is named.
    let ann = db.ok(&[
        "contact",
        "add",
        "--name",
        "Ann Lee",
        "--email",
        "ann@acme.test",
    ]);
    db.ok(&[
        "interview",
        "add",
        "--application",
        app.trim(),
        "--at",
        "2099-03-03T10:00",
        "--tz",
        "Europe/London",
        "--interviewer",
        ann.trim(),
    ]);
    let later = db.ok(&["today"]);
    assert!(later.contains("Nothing due by"), "{later}");
    assert!(
        later.contains("Next: Send the thank-you note — Acme – SRE, Tue 3 Mar"),
        "{later}"
    );

    // Every step settled: nothing planned.
    db.ok(&["application", "status", app.trim(), "withdrawn"]);
    assert!(
        db.ok(&["agenda"])
            .contains("Nothing planned: every step is done, skipped or cancelled.")
    );
}

#[test]
fn an_application_tells_its_story_in_time_order() {
    let db = Db::sqlite();
    db.profile();
    let interview =
        db.acme_interview(&["--email", "priya@acme.test", "--phone", "+44 20 7946 0000"]);
    let app = db.json(&["interview", "show", &interview, "--json"])["application_id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "reached",
        "--at",
        "2027-03-09T10:05",
        "--decide-by",
        "2027-03-19",
        "--note",
        "Deciding next week",
    ]);
    let draft = db.json(&["draft", "thank-you", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&["approve", &draft, "--yes"]);

    let shown = db.json(&["application", "show", &app, "--json"]);
    assert_eq!(
        shown["company"], "Acme",
        "the application's fields are still there"
    );
    assert_eq!(shown["interviews"].as_array().unwrap().len(), 1);
    let events = shown["events"].as_array().unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    for kind in [
        "applied",
        "interview",
        "call",
        "draft-written",
        "approved",
        "step-done",
    ] {
        assert!(kinds.contains(&kind), "{kind} missing: {kinds:?}");
    }
    let times: Vec<&str> = events.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "in time order");
    assert_eq!(
        db.json(&["log", &app, "--json"]).as_array().unwrap().len(),
        events.len()
    );

    let text = db.ok(&["log", &app[..app.len() - 2]]);
    assert!(text.starts_with("Acme – Platform Engineer"), "{text}");
    assert!(
        text.contains(
            "call: reached · Priya Patel; they decide by 2027-03-19 — Deciding next week"
        ),
        "{text}"
    );
    assert!(
        text.contains("in-person interview with Priya Patel"),
        "{text}"
    );
    let shown = db.ok(&["application", "show", &app]);
    assert!(shown.contains("Timeline (1 interview"), "{shown}");
}

#[test]
fn find_searches_companies_people_and_notes_whatever_the_case() {
    let db = Db::sqlite();
    db.profile();
    let interview = db.acme_interview(&["--email", "priya@acme.test"]);
    db.ok(&[
        "interview",
        "note",
        &interview,
        "--notes",
        "They use Kubernetes on bare metal",
    ]);
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "no-answer",
        "--at",
        "2027-03-09T10:05",
        "--note",
        "Left no message; try 100% later",
    ]);
    let found = db.json(&["find", "KUBERNETES", "--json"]);
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found[0]["kind"], "interview");
    assert_eq!(found[0]["field"], "notes");
    let found = db.json(&["find", "priya", "--json"]);
    let kinds: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"contact"), "{found}");
    let found = db.json(&["find", "acme", "--json"]);
    assert!(
        found
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "application"),
        "{found}"
    );
    // A % in the text is a character, not a wildcard.
    assert_eq!(
        db.json(&["find", "100%", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        db.json(&["find", "1%0", "--json"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert!(
        db.ok(&["find", "zebra"])
            .contains("nothing found for 'zebra'")
    );
}

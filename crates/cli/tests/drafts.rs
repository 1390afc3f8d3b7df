//! Drafts through the CLI: composed from the interview, checked, edited (approval
//! voided), approved only with an override when there are errors; user templates.

mod common;

use common::*;
use std::process::Command;

fn setup(db: &Db) -> String {
    db.ok(&[
        "profile",
        "set",
        "--name",
        "Sam Carter",
        "--phone",
        "+44 7700 900123",
        "--locale",
        "en-GB",
    ]);
    db.ok(&[
        "profile",
        "skill",
        "add",
        "Kubernetes",
        "--alias",
        "k8s",
        "--evidence",
        "I moved 40 services onto Kubernetes with no downtime",
    ]);
    db.ok(&[
        "profile",
        "skill",
        "add",
        "Rust",
        "--evidence",
        "I wrote our billing engine in Rust",
    ]);
    let jd = db.file("jd.txt", "Run our k8s clusters and write Rust services.\n");
    let app = db.ok(&[
        "application",
        "add",
        "--company",
        "Acme",
        "--role",
        "Platform Engineer",
        "--job-description",
        &jd,
    ]);
    let priya = db.ok(&[
        "contact",
        "add",
        "--name",
        "Priya Patel",
        "--title",
        "Ms",
        "--email",
        "p@acme.test",
    ]);
    let tom = db.ok(&[
        "contact",
        "add",
        "--name",
        "Tom Jones",
        "--title",
        "Mr",
        "--email",
        "t@acme.test",
    ]);
    let interview = db.ok(&[
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
        "--interviewer",
        tom.trim(),
    ]);
    interview.trim().to_string()
}

/// The rules of a stored draft's findings, as `draft show --json` gives them.
fn shown_rules(db: &Db, id: &str) -> Vec<String> {
    db.json(&["draft", "show", id, "--json"])["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

/// Runs the binary with an "editor" that is a shell command.
fn with_editor(db: &Db, editor: &str, args: &[&str]) -> std::process::Output {
    db.run_with(args, "", &[("EDITOR", editor)])
}

#[test]
fn a_thank_you_names_the_matched_skills_and_is_clean() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let draft = db.json(&["draft", "thank-you", &interview, "--json"]);
    assert_eq!(draft["kind"], "thank-you");
    assert_eq!(draft["channel"], "email");
    let subject = draft["subject"].as_str().unwrap();
    assert!(subject.contains("Platform Engineer"), "{subject}");
    let body = draft["body"].as_str().unwrap();
    assert!(body.starts_with("Dear Ms Patel,\n"), "{body}");
    assert!(
        body.contains("I moved 40 services onto Kubernetes with no downtime."),
        "{body}"
    );
    assert!(
        body.contains("I wrote our billing engine in Rust."),
        "{body}"
    );
    assert!(
        body.contains("Yours sincerely,\nSam Carter\n+44 7700 900123"),
        "{body}"
    );
    assert_eq!(draft["findings"], serde_json::json!([]), "{draft}");
    assert_eq!(draft["approved"], false);

    let letter = db.json(&[
        "draft",
        "thank-you",
        &interview,
        "--channel",
        "letter",
        "--json",
    ]);
    assert_eq!(letter["subject"], serde_json::Value::Null);
    // One note per interviewer: each written for them, none near-identical.
    let each = db.run(&["draft", "thank-you", &interview, "--each"]);
    assert!(each.status.success());
    assert!(
        !String::from_utf8_lossy(&each.stderr).contains("near-identical"),
        "{}",
        String::from_utf8_lossy(&each.stderr)
    );
    let list = db.json(&["draft", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 4);
    db.fails(
        1,
        &["draft", "thank-you", &interview, "--channel", "pigeon"],
    );
    db.fails(1, &["draft", "show", "draft-nope"]);
}

#[test]
fn edits_are_rechecked_void_approval_and_errors_need_an_override() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let id = db.json(&["draft", "thank-you", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&["draft", "approve", &id, "--yes"]);
    assert_eq!(db.json(&["draft", "show", &id, "--json"])["approved"], true);

    let out = with_editor(
        &db,
        "sed -i '5s/^/I really need this job. /'",
        &["draft", "edit", &id],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("error Desperate.Begging"));
    let shown = db.json(&["draft", "show", &id, "--json"]);
    assert_eq!(shown["approved"], false, "an edit voids the approval");
    assert_eq!(shown["findings"][0]["rule"], "Desperate.Begging");

    let err = db.fails(1, &["draft", "approve", &id, "--yes"]);
    assert!(err.contains("error finding"), "{err}");
    let err = db.fails(1, &["draft", "approve", &id]);
    assert!(err.contains("error finding"), "{err}");
    db.ok(&[
        "draft",
        "approve",
        &id,
        "--yes",
        "--override",
        "my own words, on purpose",
    ]);
    let backup = db.json(&["export", "json"]);
    let saved = backup["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(saved["override_reason"], "my own words, on purpose");
    assert!(
        saved["approved_text"]
            .as_str()
            .unwrap()
            .contains("I really need this job")
    );
}

#[test]
fn approval_needs_a_yes() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let id = db.json(&["draft", "query", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let err = db.fails(1, &["draft", "approve", &id]);
    assert!(err.contains("pass --yes"), "{err}");
    assert_eq!(
        db.json(&["draft", "show", &id, "--json"])["approved"],
        false
    );
}

#[test]
fn user_templates_are_checked_before_use() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let cfg = db.dir.path().join("cfg").display().to_string();
    let bad = db.file(
        "bad.txt",
        "{{ salutation }}\n\nThanks for {{ interview_vibe }}.\n",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["template", "set", "thank-you-email", &bad])
        .env("FOLLOWUP_CONFIG_DIR", &cfg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("thank-you-email:3"), "{err}");
    assert!(err.contains("the variables are salutation"), "{err}");

    let good = db.file("good.txt", "Subject: Thanks, {{ recipient_first }}\n\n{{ salutation }}\n\nThank you for {{ when }}.\n\n{{ closing }}\n{{ my_name }}\n");
    let out = with_editor(&db, "true", &["template", "set", "thank-you-email", &good]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let draft = with_editor(&db, "true", &["draft", "thank-you", &interview, "--json"]);
    let draft: serde_json::Value = serde_json::from_slice(&draft.stdout).unwrap();
    assert_eq!(draft["subject"], "Thanks, Priya");
    assert!(
        draft["body"]
            .as_str()
            .unwrap()
            .contains("Thank you for on Tuesday 2 March.")
    );
    // A broken file put there by hand is refused at draft time, with the line.
    std::fs::write(
        db.dir.path().join("cfg/templates/query-email.txt"),
        "{% for x in %}",
    )
    .unwrap();
    let out = with_editor(&db, "true", &["draft", "query", &interview]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("query-email.txt: query-email:1"));
}

#[test]
fn behaviour_rules_read_the_contact_log() {
    let db = Db::sqlite();
    let interview = setup(&db);
    db.ok(&["interview", "note", &interview, "--decide-by", "2099-01-01"]);
    let query = db.json(&["draft", "query", &interview, "--json"]);
    let rules: Vec<&str> = query["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"Behaviour.BeforeTheirDate"), "{query}");
    // Two follow-ups made already: a third is an error, as is checking such a text. The
    // calls followed an earlier round, in January 2026 (a call comes after its interview,
    // and these must be past for the rules to count them).
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    let earlier = db.ok(&[
        "interview",
        "add",
        "--application",
        shown["application_id"].as_str().unwrap(),
        "--at",
        "2026-01-05T10:00",
        "--tz",
        "Europe/London",
        "--interviewer",
        shown["interviewer_ids"][0].as_str().unwrap(),
    ]);
    let earlier = earlier.trim();
    db.ok(&[
        "call",
        "log",
        earlier,
        "--outcome",
        "reached",
        "--at",
        "2026-01-06T10:00",
    ]);
    db.ok(&[
        "call",
        "log",
        earlier,
        "--outcome",
        "reached",
        "--at",
        "2026-01-20T10:00",
    ]);
    let text = db.file("q.txt", "Could you tell me when you expect to decide?\n");
    let out = db.run(&["check", &text, "--interview", &interview]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("error Behaviour.TooMany"));
    let id = db.json(&["draft", "voicemail", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        db.fails(1, &["draft", "approve", &id, "--yes"])
            .contains("error finding")
    );
}

#[test]
fn a_draft_speaks_as_of_its_step_not_of_the_day_it_was_drafted() {
    let db = Db::sqlite();
    let interview = setup(&db);
    // They would decide by Fri 5 Mar 2027: the plan's follow-up (an email: the panel gave
    // no phone) is on Tue 9 Mar, after it, so the query drafted today, long before, asks
    // where things stand rather than whether that date still holds.
    db.ok(&["interview", "note", &interview, "--decide-by", "2027-03-05"]);
    let plan = db.ok(&["plan", "show", &interview]);
    assert!(plan.contains("Tue 9 Mar"), "{plan}");
    let query = db.ok(&["draft", "query", &interview]);
    assert!(
        query.contains("You mentioned you hoped to reach a decision by 5 March, and I know timelines often move."),
        "{query}"
    );
    assert!(!query.contains("still holds"), "{query}");
}

#[test]
fn private_notes_never_reach_the_employer() {
    let db = Db::sqlite();
    let interview = setup(&db);
    db.ok(&[
        "interview",
        "note",
        &interview,
        "--notes",
        "Fiona said the Edinburgh Growth team is doubling next year.",
        "--clarify",
        "how I'd size an A/B test (I fumbled the sample-size question)",
        "--clarify",
        "salary expectations: I said 'flexible' and should have given a range",
        "--mention",
        "your plans for the Edinburgh team",
        "--offer",
        "how I size experiments when traffic is low",
    ]);
    for kind in ["thank-you", "query", "script", "voicemail", "feedback"] {
        let draft = db.json(&["draft", kind, &interview, "--json"]);
        let body = draft["body"].as_str().unwrap();
        for private in ["fumbled", "flexible", "is doubling", "A/B test"] {
            assert!(
                !body.contains(private),
                "{kind} quotes '{private}':\n{body}"
            );
        }
        let rules: Vec<&str> = draft["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert!(!rules.contains(&"Privacy.Leak"), "{kind}: {draft}");
        // As written, each greets its reader, names the day you met and no other company.
        for own in ["Content.Name", "Content.Day", "Content.OtherCompany"] {
            assert!(!rules.contains(&own), "{kind}: {draft}");
        }
    }
    // What you wrote for them is used, and the draft says where each sentence came from.
    let thanks = db.json(&["draft", "thank-you", &interview, "--json"]);
    let body = thanks["body"].as_str().unwrap();
    assert!(
        body.contains("your plans for the Edinburgh team."),
        "{body}"
    );
    let id = thanks["id"].as_str().unwrap().to_string();
    let shown = db.ok(&["draft", "show", &id, "--sources"]);
    assert!(shown.contains("[your mention]"), "{shown}");
    assert!(shown.contains("[your evidence for Kubernetes]"), "{shown}");
    assert!(shown.contains("[the template]"), "{shown}");
    let query = db.json(&["draft", "query", &interview, "--json"]);
    assert!(
        query["body"].as_str().unwrap().contains(
            "I would be glad to say more about how I size experiments when traffic is low."
        ),
        "{query}"
    );

    // A note pasted in by hand is an error: approval needs an override.
    let out = with_editor(
        &db,
        "sed -i '5s/^/By the way, the Edinburgh Growth team is doubling next year. /'",
        &["draft", "edit", &id],
    );
    assert!(out.status.success());
    let shown = db.json(&["draft", "show", &id, "--json"]);
    let leak = shown["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "Privacy.Leak")
        .unwrap_or_else(|| panic!("{shown}"));
    assert_eq!(leak["level"], "error");
    assert_eq!(leak["line"], 5);
    assert!(
        leak["message"]
            .as_str()
            .unwrap()
            .contains("your interview notes"),
        "{leak}"
    );
    assert!(
        db.fails(1, &["draft", "approve", &id, "--yes"])
            .contains("error finding")
    );
    // And `check` catches it in any text meant for this interview's employer.
    let text = db.file(
        "reply.txt",
        "Happy to talk about salary expectations: I said 'flexible' and should have given a range.\n",
    );
    let out = db.run(&["check", &text, "--interview", &interview]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("error Privacy.Leak"), "{stdout}");
    assert!(stdout.contains("a point to clarify"), "{stdout}");
}

/// A panel note to each person refers to what they said they work on and their part in
/// the interview, as the candidate wrote it for them; one panellist's never reaches the
/// other's note, and a contact who was not on the panel is refused.
#[test]
fn panel_notes_use_what_each_panellist_works_on_and_their_part() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    let ids: Vec<String> = shown["interviewer_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let (priya, tom) = (&ids[0], &ids[1]);
    db.ok(&[
        "interview",
        "note",
        &interview,
        "--panellist",
        priya,
        "--works-on",
        "the payments migration.",
        "--part",
        "the system-design exercise",
    ]);
    db.ok(&[
        "interview",
        "note",
        &interview,
        "--panellist",
        tom,
        "--works-on",
        "the on-call rota",
    ]);
    let text = db.ok(&["interview", "show", &interview]);
    assert!(text.contains("works on: the payments migration"), "{text}");
    assert!(
        text.contains("their part: the system-design exercise"),
        "{text}"
    );

    let each = db.run(&["draft", "thank-you", &interview, "--each"]);
    assert!(each.status.success());
    let list = db.json(&["draft", "list", "--json"]);
    let mut bodies = std::collections::HashMap::new();
    for d in list.as_array().unwrap() {
        let id = d["id"].as_str().unwrap();
        let draft = db.json(&["draft", "show", id, "--json"]);
        let to = draft["recipient_id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        bodies.insert(to, draft["body"].as_str().unwrap().to_string());
    }
    let to_priya = &bodies[priya];
    let to_tom = &bodies[tom];
    assert!(to_priya.contains("the payments migration"), "{to_priya}");
    assert!(
        to_priya.contains("the system-design exercise"),
        "{to_priya}"
    );
    assert!(!to_priya.contains("on-call"), "{to_priya}");
    assert!(to_tom.contains("the on-call rota"), "{to_tom}");
    assert!(!to_tom.contains("payments"), "{to_tom}");

    // Only someone on the panel; --works-on needs --panellist.
    let stranger = db.ok(&["contact", "add", "--name", "Sam Lee", "--email", "s@x.test"]);
    let err = db.fails(
        1,
        &[
            "interview",
            "note",
            &interview,
            "--panellist",
            stranger.trim(),
            "--part",
            "the tour",
        ],
    );
    assert!(err.contains("not on this interview's panel"), "{err}");
    db.fails(2, &["interview", "note", &interview, "--works-on", "x"]);
    // Clearing both removes the entry.
    db.ok(&[
        "interview",
        "note",
        &interview,
        "--panellist",
        tom,
        "--works-on",
        "",
    ]);
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["panellists"].as_array().unwrap().len(), 1, "{shown}");
}

/// What you say on the phone is said on the call, not when it was drafted: a call script
/// is judged by the behaviour rules at its step's time, and its length is no finding (you
/// read it; they don't). The query email drafted the same day could go at once, so it
/// still warns that it would be early.
#[test]
fn a_call_script_is_judged_when_the_call_is_due() {
    let db = Db::sqlite();
    let (_, _, interview) = db.new_york_interview();
    db.ok(&["interview", "note", &interview, "--decide-by", "2027-03-26"]);
    let rules = |draft: &serde_json::Value| -> Vec<String> {
        draft["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    let script = db.json(&["draft", "script", &interview, "--json"]);
    assert!(
        rules(&script)
            .iter()
            .all(|r| !r.starts_with("Behaviour.") && !r.starts_with("Length.")),
        "{script}"
    );
    let query = db.json(&["draft", "query", &interview, "--json"]);
    assert!(
        rules(&query).contains(&"Behaviour.BeforeTheirDate".to_string()),
        "{query}"
    );
}

#[test]
fn a_voicemail_without_a_number_to_call_back_says_so() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let rules = |id: &str| shown_rules(&db, id);
    let with = db.json(&["draft", "voicemail", &interview, "--json"]);
    assert!(with["body"].as_str().unwrap().contains("+44 7700 900123"));
    assert!(!rules(with["id"].as_str().unwrap()).contains(&"Content.CallbackNumber".into()));
    db.ok(&["profile", "set", "--phone", ""]);
    for kind in ["voicemail", "script"] {
        let without = db.json(&["draft", kind, &interview, "--json"]);
        assert!(!without["body"].as_str().unwrap().contains("reach me"));
        assert!(
            rules(without["id"].as_str().unwrap()).contains(&"Content.CallbackNumber".into()),
            "{kind}"
        );
    }
    // A thank-you note is not for saying a number aloud.
    let note = db.json(&["draft", "thank-you", &interview, "--json"]);
    assert!(!rules(note["id"].as_str().unwrap()).contains(&"Content.CallbackNumber".into()));
}

#[test]
fn a_blank_left_in_a_draft_stops_its_approval() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let draft = db.json(&["draft", "thank-you", &interview, "--json"]);
    let id = draft["id"].as_str().unwrap().to_string();
    assert!(
        !draft["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "Content.Placeholder"),
        "a built-in draft has no blank: {draft}"
    );
    // A template's greeting pasted over the real one.
    let out = with_editor(
        &db,
        "sed -i 's/^Dear .*,$/Dear [Hiring Manager],/'",
        &["draft", "edit", &id],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = db.json(&["draft", "show", &id, "--json"]);
    let blank = shown["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "Content.Placeholder")
        .unwrap_or_else(|| panic!("no blank found: {shown}"));
    assert_eq!(blank["matched"], "[Hiring Manager]");
    assert_eq!(blank["level"], "error");
    let err = db.fails(1, &["draft", "approve", &id, "--yes"]);
    assert!(err.contains("error finding"), "{err}");
}

#[test]
fn a_voicemail_promises_the_email_when_the_plan_will_send_it() {
    let db = Db::sqlite();
    setup(&db);
    let app = db.ok(&[
        "application",
        "add",
        "--company",
        "Initech",
        "--role",
        "Analyst",
    ]);
    let lee = db.ok(&[
        "contact",
        "add",
        "--name",
        "Lee Wong",
        "--email",
        "lee@initech.test",
        "--phone",
        "+44 20 7946 0000",
    ]);
    let interview = db.ok(&[
        "interview",
        "add",
        "--application",
        app.trim(),
        "--at",
        "2027-12-07T10:00",
        "--tz",
        "Europe/London",
        "--interviewer",
        lee.trim(),
    ]);
    let interview = interview.trim();
    // They decide by Fri 17 Dec: the call is on Tue 21 Dec, and the email after a
    // voicemail left then would fall in Christmas week, so the plan holds it until
    // Tue 4 Jan (Mon 3 Jan 2028 is the New Year bank holiday in England).
    db.ok(&["interview", "note", interview, "--decide-by", "2027-12-17"]);
    let plan = db.ok(&["plan", "show", interview]);
    assert!(plan.contains("Tue 21 Dec"), "{plan}");
    let voicemail = db.json(&["draft", "voicemail", interview, "--json"]);
    let body = voicemail["body"].as_str().unwrap();
    assert!(
        body.contains("I'll follow up with a short email on Tuesday 4 January."),
        "{body}"
    );
    assert!(!body.contains("in a few days"), "{body}");
    // Logged, the voicemail's email step is on the day it promised.
    db.ok(&[
        "call",
        "log",
        interview,
        "--outcome",
        "voicemail",
        "--at",
        "2027-12-21T10:00",
    ]);
    let plan = db.ok(&["plan", "show", interview]);
    assert!(plan.contains("Tue 4 Jan 2028"), "{plan}");
}

#[test]
fn a_misspelt_name_or_another_panellists_is_found_in_the_greeting() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let rules = |id: &str| -> Vec<(String, String)> {
        db.json(&["draft", "show", id, "--json"])["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["matched"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    // One note each: as written, every note greets its own reader.
    let notes = db.json(&["draft", "thank-you", &interview, "--each", "--json"]);
    let notes = notes.as_array().unwrap();
    assert_eq!(notes.len(), 2);
    for n in notes {
        let id = n["id"].as_str().unwrap();
        assert!(
            rules(id).iter().all(|(r, _)| r != "Content.Name"),
            "{:?}",
            rules(id)
        );
    }
    let to_priya = notes
        .iter()
        .find(|n| n["body"].as_str().unwrap().starts_with("Dear Ms Patel,"))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Her name misspelt: found, with the spelling to put back.
    let out = with_editor(
        &db,
        "sed -i 's/Dear Ms Patel,/Dear Ms Patell,/'",
        &["draft", "edit", &to_priya],
    );
    assert!(out.status.success());
    assert!(
        rules(&to_priya).contains(&("Content.Name".into(), "Patell".into())),
        "{:?}",
        rules(&to_priya)
    );
    // Tom's greeting in the note to her: found.
    with_editor(
        &db,
        "sed -i 's/Dear Ms Patell,/Dear Mr Jones,/'",
        &["draft", "edit", &to_priya],
    );
    let shown = db.json(&["draft", "show", &to_priya, "--json"]);
    let finding = shown["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "Content.Name")
        .unwrap()
        .clone();
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("it goes to Priya Patel"),
        "{finding}"
    );
}

#[test]
fn another_company_named_in_a_note_is_found() {
    let db = Db::sqlite();
    let interview = setup(&db);
    db.ok(&[
        "application",
        "add",
        "--company",
        "Globex Corporation",
        "--role",
        "SRE",
    ]);
    let id = db.json(&["draft", "thank-you", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let rules = |id: &str| shown_rules(&db, id);
    assert!(!rules(&id).contains(&"Content.OtherCompany".to_string()));
    // A line copied from the note to Globex: found, naming both.
    let out = with_editor(
        &db,
        "sed -i '5s/$/ I would love to bring this to Globex./'",
        &["draft", "edit", &id],
    );
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("warning Content.OtherCompany") && stdout.contains("this goes to Acme"),
        "{stdout}"
    );
    assert!(rules(&id).contains(&"Content.OtherCompany".to_string()));
    // `check --interview` finds it in a text of your own too.
    let text = db.file("mine.txt", "Thank you. I would love to join Globex.\n");
    let out = db.run(&["check", &text, "--interview", &interview]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("warning Content.OtherCompany"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_wrong_day_for_the_interview_is_found() {
    let db = Db::sqlite();
    let interview = setup(&db);
    let draft = db.json(&["draft", "thank-you", &interview, "--json"]);
    let id = draft["id"].as_str().unwrap().to_string();
    assert!(
        draft["body"]
            .as_str()
            .unwrap()
            .contains("on Tuesday 2 March"),
        "{draft}"
    );
    let rules = |id: &str| shown_rules(&db, id);
    assert!(!rules(&id).contains(&"Content.Day".to_string()));
    // Copied from a note for a Monday interview: the day is found.
    let out = with_editor(
        &db,
        "sed -i 's/on Tuesday 2 March/on Monday/'",
        &["draft", "edit", &id],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("warning Content.Day") && stdout.contains("Tuesday 2 March, not Monday"),
        "{stdout}"
    );
    // `check --interview` finds it in a text of your own, in the lead's day.
    let text = db.file("mine.txt", "Thank you for meeting me on Wednesday.\n");
    let out = db.run(&["check", &text, "--interview", &interview]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("warning Content.Day"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

//! Hostile and malformed input, from issue 12's list of what once got through: each is
//! refused with what was wrong and where, a non-zero exit, nothing half-written, and
//! never a panic.

mod common;

use common::*;

fn assert_no_panic(out: &std::process::Output) {
    assert_ne!(
        out.status.code(),
        Some(101),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn dates_beyond_the_supported_years_are_refused_not_panicked_on() {
    let db = Db::sqlite();
    let app = db.ok(&["application", "add", "--company", "Acme", "--role", "SRE"]);
    let app = app.trim();
    let err = db.fails(
        1,
        &[
            "interview",
            "add",
            "--application",
            app,
            "--at",
            "9999-12-30T10:00",
            "--tz",
            "Europe/London",
        ],
    );
    assert!(err.contains("--at") && err.contains("1900–2200"), "{err}");
    let err = db.fails(1, &["workdays", "next", "9999-12-31", "--region", "gb-eng"]);
    assert!(err.contains("1900–2200"), "{err}");
    let out = db.run(&[
        "workdays",
        "add",
        "2027-01-04",
        "1000000000",
        "--region",
        "gb-eng",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0..=10000"));
    // A backup holding such an interview is refused, naming the record, and nothing moves.
    let mut backup = db.json(&["export", "json"]);
    let interview = serde_json::json!({
        "id": "int-far", "application_id": backup["applications"][0]["id"],
        "start": "9999-12-30T10:00:00Z", "time_zone": "Europe/London",
        "duration_minutes": 60, "format": "video", "status": "scheduled",
        "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
    });
    backup["interviews"] = serde_json::json!([interview]);
    let file = db.file("far.json", &backup.to_string());
    let err = db.fails(1, &["import", "json", &file]);
    assert!(err.contains("interviews[0].start"), "{err}");
    assert_eq!(
        db.json(&["interview", "list", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn a_duration_is_one_minute_to_a_day() {
    let db = Db::sqlite();
    let app = db.ok(&["application", "add", "--company", "Acme", "--role", "SRE"]);
    for bad in ["0", "-30", "1441"] {
        let out = db.run(&[
            "interview",
            "add",
            "--application",
            app.trim(),
            "--at",
            "2027-01-04T10:00",
            "--tz",
            "Europe/London",
            "--duration",
            bad,
        ]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--duration") && err.contains("1..=1440"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn malformed_csv_is_refused_whole_with_its_line() {
    let db = Db::sqlite();
    for (text, line, what) in [
        (
            "company,role\nAcme,\"Platform Eng\nGlobex,Dev\n",
            2,
            "never closed",
        ),
        ("company,role\nAc\"me,Dev\n", 2, "quote inside a field"),
        ("company,role\nAcme,Dev\nGlobex,D\0ev\n", 3, "NUL"),
    ] {
        let file = db.file("bad.csv", text);
        let out = db.run(&["import", "csv", &file]);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{text:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("bad.csv:{line}:")) && err.contains(what),
            "{err}"
        );
        assert_eq!(
            db.json(&["application", "list", "--json"]),
            serde_json::json!([])
        );
    }
}

#[test]
fn cards_get_the_checks_contact_add_makes() {
    let db = Db::sqlite();
    for (field, line) in [
        ("EMAIL:bad@", "EMAIL:bad@"),
        ("VERSION", "VERSION:9.9"),
        ("BDAY", "BDAY:2027-02-30"),
        ("control", "FN:Priya\u{1b}[31mPatel"),
    ] {
        let card = if line.starts_with("VERSION") {
            format!("BEGIN:VCARD\n{line}\nFN:Priya Patel\nEND:VCARD\n")
        } else {
            format!("BEGIN:VCARD\nVERSION:4.0\nFN:Priya Patel\n{line}\nEND:VCARD\n")
        };
        let file = db.file("card.vcf", &card);
        let out = db.run(&["contact", "import", &file]);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{field}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("card.vcf:"), "{field}: {err}");
        assert_eq!(
            db.json(&["contact", "list", "--json"]),
            serde_json::json!([])
        );
    }
    // And typed in: an escape sequence in a name never reaches a terminal or a card.
    let err = db.fails(1, &["contact", "add", "--name", "Priya\u{1b}[2JPatel"]);
    assert!(
        err.contains("--name") && err.contains("control character"),
        "{err}"
    );
    let err = db.fails(1, &["contact", "add", "--name", "Priya", "--email", "bad@"]);
    assert!(err.contains("not an email address"), "{err}");
    // A direction control would show the name, and the salutation of every draft to
    // them, reversed ("Dear Eve \u{202e}live"): refused, and quoted escaped.
    let err = db.fails(1, &["contact", "add", "--name", "Eve \u{202e}live"]);
    assert!(
        err.contains("--name: \"Eve \\u{202e}live\" holds a direction control"),
        "{err}"
    );
    let err = db.fails(
        1,
        &[
            "application",
            "add",
            "--company",
            "Acme\u{2067}",
            "--role",
            "SRE",
        ],
    );
    assert!(
        err.contains("--company") && err.contains("direction control"),
        "{err}"
    );
    assert_eq!(
        db.json(&["contact", "list", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn a_backup_pointing_at_a_missing_record_names_it() {
    let db = Db::sqlite();
    let mut backup = db.json(&["export", "json"]);
    backup["steps"] = serde_json::json!([{
        "id": "step-x", "interview_id": "int-nowhere", "key": "thank-you", "kind": "thank-you",
        "contact_id": null, "state": "pending", "start": "2027-01-04T10:00:00Z",
        "end": "2027-01-04T17:00:00Z", "zone": "Europe/London", "reason": "",
        "moved": false, "sequence": 0, "done_at": null,
        "created_at": "2027-01-01T00:00:00Z", "updated_at": "2027-01-01T00:00:00Z"
    }]);
    let file = db.file("dangling.json", &backup.to_string());
    let out = db.run(&["import", "json", &file]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("steps[0].interview_id") && err.contains("int-nowhere"),
        "{err}"
    );
}

/// What typing now refuses, a backup from before may hold: a direction control in a name
/// and a phone number over E.164's 15 digits are restored as they were, not lost.
#[test]
fn a_backup_keeps_what_typing_now_refuses() {
    let db = Db::sqlite();
    let id = db
        .ok(&[
            "contact",
            "add",
            "--name",
            "Eve Live",
            "--phone",
            "+44 20 7946 0000",
        ])
        .trim()
        .to_string();
    let mut backup = db.json(&["export", "json"]);
    backup["contacts"][0]["full_name"] = "Eve \u{202e}live".into();
    backup["contacts"][0]["phones"][0]["value"] = "+44 20 7946 0000 1234567".into();
    let file = db.file("older.json", &backup.to_string());
    db.ok(&["import", "json", &file]);
    let contacts = db.json(&["contact", "list", "--json"]);
    assert_eq!(contacts[0]["id"], id.as_str());
    assert_eq!(contacts[0]["full_name"], "Eve \u{202e}live");
    assert_eq!(
        contacts[0]["phones"][0]["value"],
        "+44 20 7946 0000 1234567"
    );
    // Typed again, both are refused.
    assert!(
        db.fails(1, &["contact", "add", "--name", "Eve \u{202e}live"])
            .contains("direction control")
    );
    assert!(
        db.fails(
            1,
            &[
                "contact",
                "add",
                "--name",
                "Eve",
                "--phone",
                "+44 20 7946 0000 1234567"
            ]
        )
        .contains("has 19 digits")
    );
}

/// What no record may hold (`followup_core::model::plain_text`), refused on every way in:
/// typed, changed, and restored from a backup, which is not half-restored.
#[test]
fn every_field_refuses_header_lines_escapes_and_scripted_addresses() {
    let db = Db::sqlite();
    for (args, field) in [
        (
            vec!["profile", "set", "--name", "Eve\r\nBcc: x@example.com"],
            "--name",
        ),
        (
            vec![
                "profile",
                "set",
                "--email",
                "eve@example.com\r\nBcc: x@example.com",
            ],
            "--email",
        ),
        (
            vec!["profile", "set", "--email", "eve at example"],
            "--email",
        ),
        (vec!["profile", "set", "--phone", "call me"], "--phone"),
        (
            vec![
                "application",
                "add",
                "--company",
                "Acme\u{1b}[2J",
                "--role",
                "SRE",
            ],
            "--company",
        ),
        (
            vec![
                "application",
                "add",
                "--company",
                "Acme",
                "--role",
                "SRE\nBcc: x",
            ],
            "--role",
        ),
        (
            vec![
                "application",
                "add",
                "--company",
                "Acme",
                "--role",
                "SRE",
                "--url",
                "javascript:alert(1)",
            ],
            "--url",
        ),
    ] {
        let err = db.fails(1, &args);
        assert!(err.contains(field), "{args:?}: {err}");
        // The message shows what was typed without obeying it.
        assert!(!err.contains('\u{1b}') && !err.contains('\r'), "{err:?}");
    }
    let app = db.ok(&[
        "application",
        "add",
        "--company",
        "Acme",
        "--role",
        "SRE",
        "--url",
        "https://example.com/j/1",
    ]);
    let app = app.trim();
    let err = db.fails(1, &["application", "set", app, "--url", "data:text/html,x"]);
    assert!(err.contains("--url"), "{err}");
    let err = db.fails(
        1,
        &[
            "interview",
            "add",
            "--application",
            app,
            "--at",
            "2027-03-02T10:00",
            "--tz",
            "Europe/London",
            "--location",
            "Room\u{1b}]0;title\u{7}",
        ],
    );
    assert!(err.contains("--location"), "{err}");
    let before = db.json(&["export", "json"]);
    assert_eq!(
        before["applications"][0]["source_url"],
        "https://example.com/j/1"
    );

    // A backup planting a script for an address is refused, naming where, and the
    // database keeps what it had.
    let mut backup = before.clone();
    backup["applications"][0]["source_url"] = serde_json::json!("javascript:alert(1)");
    backup["applications"][0]["company"] = serde_json::json!("Globex");
    let file = db.file("script.json", &backup.to_string());
    let err = db.fails(1, &["import", "json", &file]);
    assert!(err.contains("applications[0].url"), "{err}");
    let mut backup = before.clone();
    backup["profile"] = serde_json::json!({
        "name": "Eve\u{1b}[31m", "locale": "en-GB", "region": "gb-eng",
        "time_zone": "Europe/London"
    });
    let file = db.file("profile.json", &backup.to_string());
    let err = db.fails(1, &["import", "json", &file]);
    assert!(err.contains("profile.name"), "{err}");
    let after = db.json(&["export", "json"]);
    assert_eq!(after["applications"], before["applications"]);
    assert_eq!(after["profile"], before["profile"]);
}

/// What an older Followup let into a one-line field (a CSV cell's line break in a role, a
/// tab in a company, a note where the advert's address goes) restores from its backup and
/// does not block the next change; only what could act on a terminal is refused.
#[test]
fn an_older_backup_with_line_breaks_in_one_line_fields_restores() {
    let db = Db::sqlite();
    db.ok(&["application", "add", "--company", "Acme", "--role", "SRE"]);
    let mut backup = db.json(&["export", "json"]);
    backup["applications"][0]["role"] = serde_json::json!("SRE\nnights");
    backup["applications"][0]["company"] = serde_json::json!("Acme\tLtd");
    backup["applications"][0]["source_url"] = serde_json::json!("LinkedIn posting");
    let id = backup["applications"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let file = db.file("old.json", &backup.to_string());
    db.ok(&["import", "json", &file]);
    db.ok(&["application", "status", &id, "interviewing"]);
    let after = db.json(&["application", "show", &id, "--json"]);
    assert_eq!(after["role"], "SRE\nnights");
    assert_eq!(after["status"], "interviewing");
    // A typed change is held to one line.
    let err = db.fails(1, &["application", "set", &id, "--role", "SRE\nweekends"]);
    assert!(err.contains("--role"), "{err}");
    db.ok(&["application", "set", &id, "--role", "SRE nights"]);
}

#[test]
fn a_text_file_too_large_to_be_one_is_refused_before_it_fills_memory() {
    let db = Db::sqlite();
    // /dev/zero never ends: without a limit the read would run the machine out of memory.
    let err = db.fails(
        1,
        &[
            "application",
            "add",
            "--company",
            "Acme",
            "--role",
            "SRE",
            "--job-description",
            "/dev/zero",
        ],
    );
    assert!(
        err.contains("/dev/zero: more than 4 MB, too large for a job description"),
        "{err}"
    );
    let big = "Rust and SQL. ".repeat(400_000);
    let out = db.run_with_stdin(
        &[
            "application",
            "add",
            "--company",
            "Acme",
            "--role",
            "SRE",
            "--job-description",
            "-",
        ],
        &big,
    );
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>: more than 4 MB"));
    assert_eq!(
        db.json(&["application", "list", "--json"]),
        serde_json::json!([])
    );
    // A card file and a message to check stop at their limits too.
    let err = db.fails(1, &["contact", "import", "/dev/zero"]);
    assert!(
        err.contains("/dev/zero: more than 32 MB, larger than a card file should be"),
        "{err}"
    );
    assert_eq!(
        db.json(&["contact", "list", "--json"]),
        serde_json::json!([])
    );
    let err = db.fails(2, &["check", "/dev/zero"]);
    assert!(
        err.contains("/dev/zero: more than 16 MB is not a message"),
        "{err}"
    );
}

#[test]
fn a_status_followup_does_not_know_is_kept_but_never_silently() {
    let db = Db::sqlite();
    let out = db.run(&[
        "application",
        "add",
        "--company",
        "Acme",
        "--role",
        "SRE",
        "--status",
        "rejectd",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("status rejectd: not a status Followup knows") && err.contains("rejected"),
        "{err}"
    );
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        id.starts_with("app-"),
        "the id alone on standard output: {id}"
    );
    let out = db.run(&["application", "set", &id, "--status", "ghosted"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("status ghosted: not a status"));
    let out = db.run(&["application", "set", &id, "--status", "rejected"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_backup_with_an_id_followup_could_not_have_written_is_refused() {
    let db = Db::sqlite();
    db.ok(&["application", "add", "--company", "Acme", "--role", "SRE"]);
    let mut backup = db.json(&["export", "json"]);
    backup["applications"][0]["id"] = "../interviews?x=1".into();
    let file = db.file("odd.json", &backup.to_string());
    let err = db.fails(1, &["import", "json", &file]);
    assert!(
        err.contains("applications[0].id") && err.contains("not an id Followup writes"),
        "{err}"
    );
    let apps = db.json(&["application", "list", "--json"]);
    assert_eq!(
        apps.as_array().map(Vec::len),
        Some(1),
        "nothing imported: {apps}"
    );
}

#[test]
fn one_person_named_twice_on_a_panel_is_refused() {
    let db = Db::sqlite();
    let app = db.ok(&["application", "add", "--company", "Acme", "--role", "SRE"]);
    let priya = db.ok(&[
        "contact",
        "add",
        "--name",
        "Priya Patel",
        "--email",
        "p@acme.example",
    ]);
    let err = db.fails(
        1,
        &[
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
            priya.trim(),
        ],
    );
    assert!(
        err.contains("--interviewer") && err.contains(&format!("{} is given twice", priya.trim())),
        "{err}"
    );
    assert_eq!(db.backup()["interviews"], serde_json::json!([]));
}

#[test]
fn a_step_moved_before_its_interview_is_refused_and_one_moved_into_the_past_warned_of() {
    let db = Db::sqlite();
    db.profile();
    let interview = db.acme_interview(&[
        "--email",
        "priya@acme.example",
        "--phone",
        "+44 20 7946 0000",
    ]);
    let steps = db.json(&["plan", "show", &interview, "--json"]);
    let call = steps
        .as_array()
        .and_then(|s| s.iter().find(|s| s["kind"] == "follow-up-call"))
        .map(|s| s["id"].as_str().unwrap().to_string())
        .expect("a follow-up call");
    // 2020 for 2027, or the interview's own morning: a slip of the date, not a plan.
    for to in ["2020-03-03T10:00", "2027-03-02T10:30"] {
        let err = db.fails(1, &["step", "move", &call, "--to", to, "--anyway"]);
        assert!(
            err.contains("--to: ")
                && err.contains("is before the interview is over (Tue 2 Mar 2027 11:00 GMT)"),
            "{err}"
        );
    }
    let out = db.run(&[
        "step",
        "move",
        &call,
        "--to",
        "2027-03-02T11:30",
        "--anyway",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // An interview long gone: moving its step to a day after it, but past, goes ahead
    // with a warning that it is overdue at once.
    let app = db.ok(&[
        "application",
        "add",
        "--company",
        "Initech",
        "--role",
        "SRE",
    ]);
    let old = db.ok(&[
        "interview",
        "add",
        "--application",
        app.trim(),
        "--at",
        "2026-01-05T10:00",
        "--tz",
        "Europe/London",
    ]);
    let steps = db.json(&["plan", "show", old.trim(), "--json"]);
    let step = steps[0]["id"].as_str().unwrap().to_string();
    let out = db.run(&[
        "step",
        "move",
        &step,
        "--to",
        "2026-01-07T10:00",
        "--anyway",
    ]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("warning: 2026-01-07T10:00 is already past: the step is overdue"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // In words, as a callback is: "3pm Thursday" is the next Thursday from today, 15:00 in
    // the step's zone.
    db.ok(&["step", "move", &step, "--to", "3pm Thursday", "--anyway"]);
    let steps = db.json(&["plan", "show", old.trim(), "--json"]);
    let moved = steps
        .as_array()
        .and_then(|s| s.iter().find(|s| s["id"] == step.as_str()))
        .expect("the step");
    let start: jiff::Timestamp = moved["start"].as_str().unwrap().parse().unwrap();
    let local = start.to_zoned_datetime(jiff::tz::TimeZone::get("Europe/London").unwrap());
    assert_eq!(local.weekday(), jiff::civil::Weekday::Thursday, "{moved}");
    assert_eq!((local.hour(), local.minute()), (15, 0), "{moved}");
    let days = (start.as_second() - jiff::Timestamp::now().as_second()) / 86_400;
    assert!((0..7).contains(&days), "{moved}");
    let err = db.fails(1, &["step", "move", &step, "--to", "Thursday"]);
    assert!(
        err.contains("--to: ") && err.contains("\"Thursday 3pm\""),
        "{err}"
    );
}

#[test]
fn a_call_before_its_interview_is_refused_logged_or_edited() {
    let db = Db::sqlite();
    db.profile();
    let interview = db.acme_interview(&["--email", "priya@acme.example"]);
    let log = |at: &str| {
        vec![
            "call".to_string(),
            "log".into(),
            interview.clone(),
            "--outcome".into(),
            "reached".into(),
            "--at".into(),
            at.into(),
        ]
    };
    let args = log("2020-03-03T10:00");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = db.fails(1, &args);
    assert!(
        err.contains("--at: Tue 3 Mar 2020 10:00 GMT is before the interview is over (Tue 2 Mar 2027 11:00 GMT)"),
        "{err}"
    );
    assert_eq!(db.calls_of(&interview), serde_json::json!([]));
    let args = log("2027-03-09T10:00");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    db.ok(&args);
    let call = db.calls_of(&interview)[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let err = db.fails(1, &["call", "set", &call, "--at", "2027-03-01T10:00"]);
    assert!(err.contains("is before the interview is over"), "{err}");
    db.ok(&[
        "call",
        "set",
        &call,
        "--note",
        "an edit that leaves the time alone",
    ]);
}

#[test]
fn a_step_done_or_a_message_sent_before_the_interview_is_refused() {
    let db = Db::sqlite();
    db.profile();
    let interview = db.acme_interview(&["--email", "priya@acme.example"]);
    let thanks = db.json(&["plan", "show", &interview, "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let err = db.fails(1, &["step", "done", &thanks, "--at", "2027-03-01T18:00"]);
    assert!(
        err.contains("--at: Mon 1 Mar 2027 18:00 GMT is before the interview is over"),
        "{err}"
    );
    let draft = db.json(&["draft", "thank-you", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let err = db.fails(1, &["draft", "sent", &draft, "--at", "2027-03-02T10:30"]);
    assert!(err.contains("is before the interview is over"), "{err}");
    assert_eq!(
        db.backup()["outbox"],
        serde_json::json!([]),
        "nothing recorded"
    );
}

#[test]
fn an_interview_moved_after_what_followed_it_is_refused() {
    let db = Db::sqlite();
    db.profile();
    let interview = db.acme_interview(&[
        "--email",
        "priya@acme.example",
        "--phone",
        "+44 20 7946 0000",
    ]);
    db.ok(&[
        "call",
        "log",
        &interview,
        "--outcome",
        "no-answer",
        "--at",
        "2027-03-09T10:00",
    ]);
    // Moved to the 10th, the call on the 9th would come before it.
    let err = db.fails(
        1,
        &["interview", "set", &interview, "--at", "2027-03-10T10:00"],
    );
    assert!(
        err.contains("--at: the call ") && err.contains("was made at Tue 9 Mar 2027 10:00 GMT"),
        "{err}"
    );
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["start"], "2027-03-02T10:00:00+00:00", "unchanged");
    // An hour later on the same day is fine.
    db.ok(&["interview", "set", &interview, "--at", "2027-03-02T11:00"]);
}

//! The real `followup` binary on a temporary database: the command shapes users (and
//! acceptance) rely on, their JSON schema, exit codes, and that bad input changes nothing.

mod common;

use common::*;
use serde_json::Value;
use std::process::{Command, Stdio};

/// Builds the README's tour; returns (application, contact, interview) ids.
fn tour(db: &Db) -> (String, String, String) {
    db.ok(&[
        "profile",
        "set",
        "--name",
        "Sam Carter",
        "--email",
        "sam@example.test",
        "--locale",
        "en-GB",
        "--region",
        "gb-eng",
        "--tz",
        "Europe/London",
    ]);
    db.ok(&[
        "profile",
        "skill",
        "add",
        "Kubernetes",
        "--evidence",
        "Led the migration of 40 services to Kubernetes",
        "--alias",
        "k8s",
    ]);
    let jd = db.file("jd.txt", "We run Kubernetes.\n");
    let app = db.ok(&[
        "application",
        "add",
        "--company",
        "Acme",
        "--role",
        "Platform Engineer",
        "--job-description",
        &jd,
        "--url",
        "https://acme.test/1",
    ]);
    let contact = db.ok(&[
        "contact",
        "add",
        "--name",
        "Priya Patel",
        "--title",
        "Ms",
        "--position",
        "Head of Platform",
        "--org",
        "Acme",
        "--email",
        "priya@acme.test",
        "--phone",
        "+44 20 7946 0000",
        "--tz",
        "Europe/London",
        "--region",
        "gb-eng",
    ]);
    let (app, contact) = (app.trim().to_string(), contact.trim().to_string());
    let interview = db.ok(&[
        "interview",
        "add",
        "--application",
        &app,
        "--at",
        "2027-03-02T10:00",
        "--tz",
        "America/New_York",
        "--interviewer",
        &contact,
        "--format",
        "video",
    ]);
    let interview = interview.trim().to_string();
    db.ok(&[
        "interview",
        "note",
        &interview,
        "--clarify",
        "my Go experience",
        "--timeline",
        "shortlist by 12 March",
        "--decide-by",
        "2027-03-12",
    ]);
    (app, contact, interview)
}

#[test]
fn the_tour_works_and_json_follows_the_schema() {
    let db = Db::sqlite();
    let (app, contact, interview) = tour(&db);
    assert!(
        app.starts_with("app-") && contact.starts_with("con-") && interview.starts_with("int-")
    );

    let profile = db.json(&["profile", "show", "--json"]);
    assert_eq!(profile["locale"], "en-GB");
    assert_eq!(profile["skills"][0]["aliases"][0], "k8s");

    let apps = db.json(&["application", "list", "--json"]);
    assert!(apps.is_array());
    assert_eq!(apps[0]["id"], app.as_str());
    assert_eq!(apps[0]["job_description"], "We run Kubernetes.\n");
    db.ok(&["application", "status", &app, "offer"]);
    assert_eq!(
        db.json(&["application", "show", &app, "--json"])["status"],
        "offer"
    );

    let contacts = db.json(&["contact", "list", "--json"]);
    assert_eq!(contacts[0]["full_name"], "Priya Patel");
    assert_eq!(contacts[0]["honorific"], "Ms");

    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(
        shown["start"], "2027-03-02T10:00:00-05:00",
        "RFC 3339 in its own offset"
    );
    assert_eq!(shown["time_zone"], "America/New_York");
    assert_eq!(shown["interviewer_ids"][0], contact.as_str());
    assert_eq!(shown["points_to_clarify"][0], "my Go experience");
    assert_eq!(shown["decide_by"], "2027-03-12");
    let list = db.json(&["interview", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);

    let text = db.ok(&["interview", "list"]);
    assert!(text.contains("Tue 2 Mar 2027 10:00 EST"), "{text}");
    assert!(text.contains("Priya Patel"), "{text}");
    let card = db.ok(&["contact", "export", &contact]);
    assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"), "{card}");
    assert!(card.contains("UID:urn:uuid:"));
}

#[test]
fn vcard_import_counts_and_reimport_updates() {
    let db = Db::sqlite();
    let ios = format!("{DATA}/ios-3.0.vcf");
    let out = db.ok(&["contact", "import", &ios]);
    assert_eq!(out.trim(), "imported: 2, updated: 0, failed: 0");
    let out = db.ok(&["contact", "import", &ios]);
    assert_eq!(out.trim(), "imported: 0, updated: 2, failed: 0");
    // From standard input, as a pipe from another tool gives it.
    let text = std::fs::read_to_string(&ios).unwrap();
    let out = db.run_with_stdin(&["contact", "import", "-"], &text);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "imported: 0, updated: 2, failed: 0"
    );
    db.ok(&["contact", "import", &format!("{DATA}/android-2.1.vcf")]);
    db.ok(&["contact", "import", &format!("{DATA}/v4.0.vcf")]);
    let all = db.json(&["contact", "list", "--all", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 4);

    // Our own export, re-imported, updates rather than duplicates.
    let id = all[0]["id"].as_str().unwrap().to_string();
    let card = db.file("one.vcf", &db.ok(&["contact", "export", &id]));
    assert_eq!(
        db.ok(&["contact", "import", &card]).trim(),
        "imported: 0, updated: 1, failed: 0"
    );
}

#[test]
fn contact_set_changes_only_what_is_given_and_checks_it() {
    let db = Db::sqlite();
    db.ok(&["contact", "import", &format!("{DATA}/ios-3.0.vcf")]);
    let id = db.json(&["contact", "list", "--json"])[1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&[
        "contact",
        "set",
        &id,
        "--channel",
        "email-only",
        "--region",
        "gb-sct",
        "--tz",
        "Europe/London",
    ]);
    let c = db.json(&["contact", "show", &id, "--json"]);
    assert_eq!(c["full_name"], "Priya Patel");
    assert_eq!(c["preferred_channel"], "email-only");
    assert_eq!(c["region"], "gb-sct");
    assert_eq!(
        c["emails"][0]["value"], "priya@acme.test",
        "untouched fields stay"
    );
    let before = db.backup();
    let err = db.fails(
        1,
        &[
            "contact",
            "set",
            &id,
            "--position",
            "CTO",
            "--tz",
            "Nowhere/Land",
        ],
    );
    assert!(err.contains("--tz: unknown time zone"), "{err}");
    assert_eq!(db.backup(), before, "a rejected edit saves nothing");
    db.ok(&["contact", "set", &id, "--name", "Priya K Patel"]);
    let c = db.json(&["contact", "show", &id, "--json"]);
    assert_eq!(
        (c["given_name"].as_str(), c["family_name"].as_str()),
        (Some("Priya K"), Some("Patel"))
    );
}

#[test]
fn a_broken_card_file_names_the_line_and_imports_nothing() {
    let db = Db::sqlite();
    let bad = db.file(
        "bad.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEMAIL:x@y.test\nEND:VCARD\n",
    );
    let err = db.fails(1, &["contact", "import", &bad]);
    assert!(err.contains("bad.vcf:5: this card has no name"), "{err}");
    assert_eq!(
        db.json(&["contact", "list", "--json"]),
        Value::Array(vec![])
    );
    let out = db.ok(&["contact", "import", &bad, "--skip-invalid"]);
    assert_eq!(out.trim(), "imported: 1, updated: 0, failed: 1");

    let latin1 = db.dir.path().join("latin1.vcf");
    std::fs::write(&latin1, b"BEGIN:VCARD\nFN:Zo\xeb\nEND:VCARD\n").unwrap();
    let err = db.fails(1, &["contact", "import", latin1.to_str().unwrap()]);
    assert!(
        err.contains("latin1.vcf:2: not UTF-8 text (invalid byte at offset 17)"),
        "{err}"
    );
    db.fails(4, &["contact", "import", "/nonexistent/cards.vcf"]);
}

#[test]
fn backup_round_trips_into_a_fresh_database() {
    let db = Db::sqlite();
    tour(&db);
    db.ok(&["contact", "import", &format!("{DATA}/android-2.1.vcf")]);
    let backup = db.file("backup.json", &db.ok(&["export", "json"]));
    let fresh = Db::sqlite();
    let out = fresh.ok(&["import", "json", &backup]);
    assert!(
        out.contains("restored: 1 applications, 2 contacts, 1 interviews"),
        "{out}"
    );
    assert_eq!(fresh.backup(), db.backup());
    // Importing again replaces rather than duplicates.
    fresh.ok(&["import", "json", &backup]);
    assert_eq!(fresh.backup(), db.backup());
}

#[test]
fn a_newer_or_broken_backup_is_refused_and_changes_nothing() {
    let db = Db::sqlite();
    tour(&db);
    let before = db.backup();
    let text = db.ok(&["export", "json"]);
    let newer = db.file(
        "newer.json",
        &text.replace("\"schema_version\": 1", "\"schema_version\": 7"),
    );
    let err = db.fails(1, &["import", "json", &newer]);
    assert!(
        err.contains("newer.json: written by a newer Followup"),
        "{err}"
    );
    let broken = db.file("broken.json", &text.replace("\"Acme\"", "Acme"));
    let err = db.fails(1, &["import", "json", &broken]);
    assert!(err.contains("broken.json: line "), "{err}");
    // An interview whose interviewer is missing fails the whole restore.
    let orphan = text.replacen(
        "\"interviewer_ids\": [\n        \"con-",
        "\"interviewer_ids\": [\n        \"gone-",
        1,
    );
    assert_ne!(orphan, text);
    let renamed = orphan.replace("Platform Engineer", "Changed Role");
    let orphan = db.file("orphan.json", &renamed);
    db.fails(1, &["import", "json", &orphan]);
    assert_eq!(db.backup(), before);
}

#[test]
fn csv_import_is_all_or_nothing_unless_told_otherwise() {
    let db = Db::sqlite();
    let csv = db.file(
        "apps.csv",
        "Company,Role,Status,Applied On\nAcme,SRE,applied,2027-01-02\n,Nobody,,\nGlobex,Dev,ghosted,2027-13-01\nInitech,QA,,\n",
    );
    let err = db.fails(1, &["import", "csv", &csv]);
    assert!(err.contains("apps.csv:3: company is empty"), "{err}");
    assert!(err.contains("apps.csv:4: applied_on"), "{err}");
    assert_eq!(
        db.json(&["application", "list", "--json"]),
        Value::Array(vec![])
    );
    let out = db.ok(&["import", "csv", &csv, "--skip-invalid"]);
    assert_eq!(out.trim(), "imported: 2, skipped: 2");

    let wrong = db.file("wrong.csv", "Name,Email\nA,b\n");
    let err = db.fails(1, &["import", "csv", &wrong]);
    assert!(err.contains("wrong.csv:1: no column for company"), "{err}");
    let mapped = db.file("mapped.csv", "Firm,Post\nHooli,CEO\n");
    db.ok(&[
        "import",
        "csv",
        &mapped,
        "--column",
        "company=Firm",
        "--column",
        "role=Post",
    ]);
    assert_eq!(
        db.json(&["application", "list", "--all", "--json"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn bad_values_name_the_field_and_change_nothing() {
    let db = Db::sqlite();
    let (app, contact, interview) = tour(&db);
    let before = db.backup();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "interview",
                "add",
                "--application",
                &app,
                "--at",
                "2027-02-30T10:00",
            ],
            "--at: '2027-02-30T10:00' is no day of the calendar: February 2027 has 28 days",
        ),
        (
            vec![
                "interview",
                "add",
                "--application",
                &app,
                "--at",
                "2027-03-28T01:30",
                "--tz",
                "Europe/London",
            ],
            "does not exist in Europe/London",
        ),
        (
            vec![
                "interview",
                "add",
                "--application",
                &app,
                "--at",
                "2027-10-31T01:30",
                "--tz",
                "Europe/London",
            ],
            "happens twice",
        ),
        (
            vec![
                "interview",
                "add",
                "--application",
                "app-nope",
                "--at",
                "2027-03-02T10:00",
            ],
            "no application with id 'app-nope'",
        ),
        (
            vec![
                "interview",
                "add",
                "--application",
                &app,
                "--at",
                "2027-03-02T10:00",
                "--interviewer",
                "con-nope",
            ],
            "no contact with id 'con-nope'",
        ),
        (
            vec!["interview", "note", &interview, "--decide-by", "13/13/2027"],
            "--decide-by: '13/13/2027' is neither a date",
        ),
        (
            vec!["interview", "show", "int-nope"],
            "no interview with id 'int-nope'",
        ),
        (
            vec!["contact", "add", "--name", "X", "--tz", "Mars/Base"],
            "--tz: unknown time zone 'Mars/Base'",
        ),
        (
            vec!["contact", "add", "--name", "X", "--region", "gb-xyz"],
            "--region: unknown region 'gb-xyz'",
        ),
        (
            vec!["contact", "add", "--name", "X", "--email", "not-an-address"],
            "--email",
        ),
        (
            vec!["contact", "add", "--name", "X", "--channel", "pigeon"],
            "--channel: unknown channel 'pigeon'",
        ),
        (vec!["contact", "show", "con-nope"], "no contact with id"),
        (
            vec!["profile", "set", "--locale", "fr-FR"],
            "--locale: unknown locale",
        ),
        (vec!["application", "show", "app-nope"], "no application"),
    ];
    for (args, expected) in cases {
        let err = db.fails(1, &args);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    db.fails(2, &["interview", "add", "--at", "2027-03-02T10:00"]);
    assert_eq!(db.backup(), before);
    let _ = contact;
}

#[test]
fn a_database_from_a_newer_version_is_refused_with_exit_3() {
    let db = Db::sqlite();
    db.ok(&["application", "list"]);
    {
        use diesel::Connection;
        use diesel::connection::SimpleConnection;
        let mut conn = diesel::SqliteConnection::establish(&db.target).unwrap();
        conn.batch_execute(
            "INSERT INTO __diesel_schema_migrations (version) VALUES ('29990101000000')",
        )
        .unwrap();
    }
    let err = db.fails(3, &["profile", "show"]);
    assert!(err.contains("newer version of Followup"), "{err}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let db = Db::sqlite();
    let csv: String = std::iter::once("company,role\n".to_string())
        .chain((0..3000).map(|i| format!("Company {i},Role {i}\n")))
        .collect();
    let path = db.file("many.csv", &csv);
    db.ok(&["import", "csv", &path]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["application", "list", "--all"])
        .env("FOLLOWUP_DB", &db.target)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn the_tour_runs_on_postgresql_too() {
    let Ok(admin) = std::env::var("FOLLOWUP_TEST_PG") else {
        return; // SQLite-only run; scripts/test always sets it.
    };
    use diesel::Connection;
    use diesel::connection::SimpleConnection;
    let name = format!("cli_{}", std::process::id());
    let mut conn = diesel::PgConnection::establish(&admin).unwrap();
    conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .unwrap();
    conn.batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let base = admin.rsplit_once('/').unwrap().0;
    let db = Db {
        target: format!("{base}/{name}"),
        dir: tempfile::tempdir().unwrap(),
    };
    let (_, _, interview) = tour(&db);
    let shown = db.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["start"], "2027-03-02T10:00:00-05:00");
    let sqlite = Db::sqlite();
    let backup = sqlite.file("pg.json", &db.ok(&["export", "json"]));
    sqlite.ok(&["import", "json", &backup]);
    assert_eq!(
        sqlite.backup(),
        db.backup(),
        "a PostgreSQL backup restores into SQLite"
    );
}

#[test]
fn completions_and_the_manual_page_come_from_the_commands() {
    let db = Db::sqlite();
    let bash = db.ok(&["completions", "bash"]);
    assert!(
        bash.contains("followup") && bash.contains("outbox"),
        "{bash}"
    );
    for shell in ["zsh", "fish"] {
        assert!(db.ok(&["completions", shell]).contains("followup"));
    }
    let man = db.ok(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH followup"),
        "{man}"
    );
    db.fails(2, &["completions", "tcsh"]);
}

#[test]
fn an_interview_time_read_in_your_zone_says_what_it_is_for_them() {
    let db = Db::sqlite();
    db.ok(&[
        "profile",
        "set",
        "--name",
        "Jordan Lee",
        "--tz",
        "America/Los_Angeles",
        "--region",
        "us",
    ]);
    let app = db.ok(&[
        "application",
        "add",
        "--company",
        "Infosys",
        "--role",
        "Analyst",
    ]);
    let ananya = db.ok(&[
        "contact",
        "add",
        "--name",
        "Ananya Rao",
        "--address",
        "Electronics City, Bengaluru, 560100, India",
    ]);
    let add = |extra: &[&str]| {
        let mut args = vec![
            "interview",
            "add",
            "--application",
            app.trim(),
            "--at",
            "2026-12-03T20:30",
            "--interviewer",
            ananya.trim(),
        ];
        args.extend_from_slice(extra);
        let out = db.run(&args);
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let note = add(&[]);
    assert!(
        note.contains("for the interviewer that is Fri 4 Dec 10:00 IST")
            && note.contains("--tz Asia/Kolkata"),
        "{note}"
    );
    // A zone you gave is the one you meant; a time the same for both says nothing.
    assert_eq!(add(&["--tz", "Asia/Kolkata"]), "");
    db.ok(&["profile", "set", "--tz", "Asia/Kolkata"]);
    assert_eq!(add(&[]), "");
}

#[test]
fn a_timeline_in_figures_is_read_in_your_locales_order() {
    let db = Db::sqlite();
    db.ok(&[
        "profile",
        "set",
        "--name",
        "Jordan Lee",
        "--tz",
        "America/New_York",
        "--region",
        "us",
        "--locale",
        "en-US",
    ]);
    let app = db.ok(&[
        "application",
        "add",
        "--company",
        "Acme",
        "--role",
        "Analyst",
    ]);
    let iv = db.ok(&[
        "interview",
        "add",
        "--application",
        app.trim(),
        "--at",
        "2026-12-01T10:00",
    ]);
    let said = |timeline: &str| {
        let out = db.run(&["interview", "note", iv.trim(), "--timeline", timeline]);
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    assert!(
        said("by 12/11").contains("read as Fri 11 Dec 2026"),
        "month first"
    );
    db.ok(&["profile", "set", "--locale", "en-GB"]);
    assert!(
        said("by 11/12").contains("read as Fri 11 Dec 2026"),
        "day first"
    );
    assert!(
        said("by 12/18").contains("read as Fri 18 Dec 2026"),
        "18 is no month"
    );
    db.ok(&["interview", "note", iv.trim(), "--decide-by", "12/03/2027"]);
    let shown = db.json(&["interview", "show", iv.trim(), "--json"]);
    assert_eq!(shown["decide_by"], "2027-03-12", "{shown}");
}

#[test]
fn an_american_interviewer_is_placed_by_their_state_or_area_code() {
    let db = Db::sqlite();
    db.ok(&[
        "profile",
        "set",
        "--name",
        "Jordan Lee",
        "--tz",
        "America/New_York",
        "--region",
        "us",
    ]);
    let app = db.ok(&[
        "application",
        "add",
        "--company",
        "Acme",
        "--role",
        "Analyst",
    ]);
    let sam = db.ok(&[
        "contact",
        "add",
        "--name",
        "Sam Ortiz",
        "--phone",
        "+1 (415) 555-0134",
    ]);
    let shown = db.ok(&["contact", "show", sam.trim()]);
    assert!(
        shown.contains("America/Los_Angeles (their area code's)") && shown.contains("us"),
        "{shown}"
    );
    let austin = db.ok(&[
        "contact",
        "add",
        "--name",
        "Ana Cruz",
        "--address",
        "500 W 2nd St, Austin, TX 78701, USA",
    ]);
    let shown = db.ok(&["contact", "show", austin.trim()]);
    assert!(shown.contains("America/Chicago (their state's)"), "{shown}");
    // A time typed in New York is another hour in San Francisco, and the note says so.
    let out = db.run(&[
        "interview",
        "add",
        "--application",
        app.trim(),
        "--at",
        "2026-12-03T14:00",
        "--interviewer",
        sam.trim(),
    ]);
    assert!(out.status.success());
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(
        note.contains("for the interviewer that is Thu 3 Dec 11:00 PST")
            && note.contains("--tz America/Los_Angeles"),
        "{note}"
    );
}

#[test]
fn a_typed_address_places_a_contact_when_no_region_is_given() {
    let db = Db::sqlite();
    let region = |address: &str, extra: &[&str]| -> serde_json::Value {
        let mut args = vec![
            "contact",
            "add",
            "--name",
            "Amelie Tremblay",
            "--address",
            address,
        ];
        args.extend_from_slice(extra);
        let id = db.ok(&args).trim().to_string();
        db.json(&["contact", "show", &id, "--json"])["region"].clone()
    };
    assert_eq!(
        region("100 King St W, Toronto, ON M5X 1A9, Canada", &[]),
        "ca-on"
    );
    assert_eq!(
        region("1 Princes St, Edinburgh, EH2 2EQ, UK", &[]),
        "gb-sct"
    );
    assert_eq!(region("Marienplatz 8, München, 80331, Germany", &[]), "de");
    assert_eq!(
        region("1 Main St, Springfield, 12345, Narnia", &[]),
        serde_json::Value::Null
    );
    // A postcode that is not ASCII is no postcode (it panicked once: found by fuzzing).
    assert_eq!(
        region("1 Princes St, Edinburgh, EH2 2ÅÅ, UK", &[]),
        serde_json::Value::Null
    );
    // What you say wins.
    assert_eq!(
        region(
            "100 King St W, Toronto, ON M5X 1A9, Canada",
            &["--region", "ca"]
        ),
        "ca"
    );
    // A region that was only what the address said moves with the address; one you set
    // against it stays.
    let id = db
        .ok(&[
            "contact",
            "add",
            "--name",
            "Amelie Tremblay",
            "--address",
            "100 King St W, Toronto, ON M5X 1A9, Canada",
        ])
        .trim()
        .to_string();
    let moved = |address: &str| {
        db.ok(&["contact", "set", &id, "--address", address]);
        db.json(&["contact", "show", &id, "--json"])["region"].clone()
    };
    assert_eq!(
        moved("1000 Rue Sherbrooke O, Montréal, QC H3A 3G4, Canada"),
        "ca-qc"
    );
    assert_eq!(
        moved("1 Main St, Springfield, 12345, Narnia"),
        serde_json::Value::Null
    );
    db.ok(&["contact", "set", &id, "--region", "gb-sct"]);
    assert_eq!(
        moved("100 King St W, Toronto, ON M5X 1A9, Canada"),
        "gb-sct"
    );

    // No address: a phone number's country, where that is one region.
    let by_phone = |phone: &str| {
        let id = db.ok(&["contact", "add", "--name", "Ananya Rao", "--phone", phone]);
        db.json(&["contact", "show", id.trim(), "--json"])["region"].clone()
    };
    assert_eq!(by_phone("+91 80 4116 7000"), "in");
    assert_eq!(by_phone("+44 131 496 0000"), serde_json::Value::Null);
}

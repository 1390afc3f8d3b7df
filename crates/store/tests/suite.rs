//! The store's test suite, run against every backend: SQLite always, PostgreSQL when
//! `FOLLOWUP_TEST_PG` holds an admin URL (each test then gets a database of its own).

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, SqliteConnection};
use followup_core::model::*;
use followup_core::plan::Due;
use followup_store::{Page, Store, StoreError};
use jiff::Timestamp;

/// A fresh database on one backend; dropped PostgreSQL databases are left to the
/// throwaway server the test script starts.
struct Db {
    target: String,
    _dir: Option<tempfile::TempDir>,
}

fn sqlite_db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    Db {
        target: dir.path().join("followup.db").display().to_string(),
        _dir: Some(dir),
    }
}

/// A database of its own on the server `FOLLOWUP_TEST_PG` names. These tests are
/// `#[ignore]`d, so a plain `cargo test` reports them as skipped; scripts/test runs them
/// (`--include-ignored`), and without the server they fail rather than pass.
fn postgres_db(test: &str) -> Db {
    Db {
        target: followup_store::fresh_test_database(test),
        _dir: None,
    }
}

/// A test run on every backend: `NAME::sqlite`, and `NAME::postgres` (see `postgres_db`).
macro_rules! on_every_backend {
    ($(#[$meta:meta])* fn $name:ident($target:tt, $store:tt) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            fn check($target: &str, $store: &mut Store) $body

            #[test]
            fn sqlite() {
                let db = sqlite_db();
                check(&db.target, &mut Store::open(&db.target).unwrap());
            }

            #[test]
            #[ignore = "PostgreSQL: run by scripts/test with FOLLOWUP_TEST_PG"]
            fn postgres() {
                let db = postgres_db(stringify!($name));
                check(&db.target, &mut Store::open(&db.target).unwrap());
            }
        }
    };
}

fn t(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn application(company: &str) -> Application {
    Application {
        id: String::new(),
        company: company.into(),
        role: "Platform Engineer".into(),
        job_description: "Kubernetes, Rust and on-call.".into(),
        source_url: "https://jobs.example/1".into(),
        documents: vec![SentDocument {
            kind: DocumentKind::Cv,
            path: Some("cv.pdf".into()),
            text: None,
        }],
        status: ApplicationStatus::Applied,
        applied_on: Some("2027-02-20".parse().unwrap()),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
    }
}

fn contact(name: &str, email: &str) -> Contact {
    let mut c = Contact::named(name, Timestamp::UNIX_EPOCH);
    c.emails.push(Labelled {
        value: email.into(),
        labels: vec!["work".into()],
    });
    c.time_zone = Some("Europe/London".into());
    c.region = Some("gb-eng".into());
    c
}

fn interview(app: &str, panel: &[&str]) -> Interview {
    Interview {
        id: String::new(),
        application_id: app.into(),
        start: t("2027-03-02T10:00:00Z"),
        time_zone: "Europe/London".into(),
        duration_minutes: 45,
        format: InterviewFormat::Video,
        location: String::new(),
        interviewer_ids: panel.iter().map(|s| s.to_string()).collect(),
        notes: "Talked about the on-call rota.".into(),
        points_to_clarify: vec!["my Go experience".into()],
        mentions: vec![],
        offers: vec![],
        panellists: vec![],
        timeline: "shortlist by 12 March".into(),
        decide_by: Some("2027-03-12".parse().unwrap()),
        status: InterviewStatus::Scheduled,
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
    }
}

on_every_backend! {
    fn profile_round_trips_with_skills_in_order(_, store) {
    assert_eq!(store.profile().unwrap(), None);
    let profile = Profile {
        name: "Zoë Ångström".into(),
        email: "zoe@example.test".into(),
        skills: vec![
            Skill {
                name: "Kubernetes".into(),
                aliases: vec!["k8s".into()],
                evidence: "Moved 40 services to Kubernetes.".into(),
            },
            Skill {
                name: "Rust".into(),
                aliases: vec![],
                evidence: "Wrote the billing engine.".into(),
            },
        ],
        ..Profile::default()
    };
    store.save_profile(&profile).unwrap();
    assert_eq!(store.profile().unwrap(), Some(profile.clone()));
    let mut fewer = profile.clone();
    fewer.skills.truncate(1);
    store.save_profile(&fewer).unwrap();
    assert_eq!(store.profile().unwrap().unwrap().skills.len(), 1);
    }
}

on_every_backend! {
    fn applications_list_newest_first_in_pages_and_keep_unknown_statuses(_, store) {
    let mut ids = Vec::new();
    for i in 0..5 {
        let mut app = application(&format!("Company {i}"));
        app.status = ApplicationStatus::from("ghosted");
        let stored = store.add_application(app).unwrap();
        assert!(stored.id.starts_with("app-"));
        ids.push(stored.id);
    }
    let all = store.applications(Page::ALL).unwrap();
    assert_eq!(all.len(), 5);
    assert_eq!(all[0].status, ApplicationStatus::Other("ghosted".into()));
    let page = store
        .applications(Page {
            limit: Some(2),
            offset: 1,
        })
        .unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page[0].id, all[1].id);
    let one = store.application(&ids[2]).unwrap();
    assert_eq!(one.documents[0].path.as_deref(), Some("cv.pdf"));
    assert_eq!(one.applied_on.unwrap().to_string(), "2027-02-20");
    assert!(matches!(
        store.application("app-nope"),
        Err(StoreError::NotFound {
            kind: "application",
            ..
        })
    ));
    }
}

on_every_backend! {
    fn bulk_insert_stores_every_row(_, store) {
    store
        .add_applications(vec![application("A"), application("B")])
        .unwrap();
    assert_eq!(store.count_applications().unwrap(), 2);
    }
}

on_every_backend! {
    fn reimported_cards_update_by_uid_then_email(_, store) {
    let mut priya = contact("Priya Patel", "priya@acme.test");
    priya.uid = "card-1".into();
    let mut tom = contact("Tom Jones", "tom@acme.test");
    tom.uid = "card-2".into();
    let counts = store
        .import_contacts(vec![priya.clone(), tom.clone()])
        .unwrap();
    assert_eq!((counts.imported, counts.updated), (2, 0));

    let mut priya_again = priya.clone();
    priya_again.position = "CTO".into();
    priya_again.emails = vec![Labelled::plain("p.patel@acme.test")];
    let mut tom_new_uid = contact("Tom Jones", "TOM@acme.test");
    tom_new_uid.uid = "other-uid".into();
    let ann = contact("Ann Lee", "ann@acme.test");
    let counts = store
        .import_contacts(vec![priya_again, tom_new_uid, ann])
        .unwrap();
    assert_eq!((counts.imported, counts.updated), (1, 2));

    let all = store.contacts(Page::ALL).unwrap();
    let names: Vec<&str> = all.iter().map(|c| c.full_name.as_str()).collect();
    assert_eq!(names, ["Tom Jones", "Ann Lee", "Priya Patel"]);
    let priya_now = all.iter().find(|c| c.uid == "card-1").unwrap();
    assert_eq!(priya_now.position, "CTO");
    assert_eq!(priya_now.emails.len(), 2, "old and new addresses both kept");
    let tom_now = all.iter().find(|c| c.family_name == "Jones").unwrap();
    assert_eq!(tom_now.uid, "card-2", "identity survives an email match");
    }
}

on_every_backend! {
    fn interviews_need_their_application_and_interviewers(_, store) {
    let app = store.add_application(application("Acme")).unwrap();
    let lead = store
        .add_contact(contact("Priya Patel", "p@acme.test"))
        .unwrap();
    let second = store
        .add_contact(contact("Tom Jones", "t@acme.test"))
        .unwrap();
    assert!(lead.uid.starts_with("urn:uuid:"));

    let bad = store.add_interview(interview(&app.id, &[&lead.id, "con-missing"]));
    assert!(matches!(
        bad,
        Err(StoreError::NotFound {
            kind: "contact",
            ..
        })
    ));
    let bad = store.add_interview(interview("app-missing", &[&lead.id]));
    assert!(matches!(
        bad,
        Err(StoreError::NotFound {
            kind: "application",
            ..
        })
    ));
    assert!(
        store.interviews(Page::ALL).unwrap().is_empty(),
        "nothing half-written"
    );

    let stored = store
        .add_interview(interview(&app.id, &[&second.id, &lead.id]))
        .unwrap();
    let read = store.interview(&stored.id).unwrap();
    assert_eq!(read, stored);
    assert_eq!(
        read.interviewer_ids,
        vec![second.id.clone(), lead.id.clone()]
    );

    let mut edited = read.clone();
    edited.points_to_clarify.push("salary expectations".into());
    edited.interviewer_ids = vec![lead.id.clone()];
    store.update_interview(&edited).unwrap();
    let again = store.interview(&stored.id).unwrap();
    assert_eq!(again.points_to_clarify.len(), 2);
    assert_eq!(again.interviewer_ids, vec![lead.id.clone()]);
    }
}

on_every_backend! {
    fn records_restore_into_an_empty_database_unchanged(target, store) {
    store
        .save_profile(&Profile {
            name: "Sam".into(),
            ..Profile::default()
        })
        .unwrap();
    let app = store.add_application(application("Acme")).unwrap();
    let lead = store
        .add_contact(contact("Priya Patel", "p@acme.test"))
        .unwrap();
    store
        .add_interview(interview(&app.id, &[&lead.id]))
        .unwrap();
    let before = store.records().unwrap();

    // Into a fresh database of the same backend.
    {
        let target = if target.starts_with("postgres") {
            postgres_db("restore_into")
        } else {
            sqlite_db()
        };
        let mut fresh = Store::open(&target.target).unwrap();
        let counts = fresh.restore(&before).unwrap();
        assert_eq!(counts.interviews, 1);
        assert_eq!(fresh.records().unwrap(), before);
        // Restoring twice replaces rather than duplicates.
        fresh.restore(&before).unwrap();
        assert_eq!(fresh.records().unwrap(), before);
    }
    }
}

on_every_backend! {
    fn a_restore_that_fails_midway_writes_nothing(_, store) {
    let app = store.add_application(application("Acme")).unwrap();
    let mut records = store.records().unwrap();
    records.applications.push(Application {
        id: "app-new".into(),
        ..app.clone()
    });
    let mut orphan = interview(&app.id, &["con-nobody"]);
    orphan.id = "int-x".into();
    records.interviews.push(orphan);
    assert!(store.restore(&records).is_err());
    assert_eq!(store.count_applications().unwrap(), 1);
    }
}

on_every_backend! {
    fn a_database_from_a_newer_version_is_refused(target, store) {
    drop(store.add_application(application("Acme")).unwrap());
    let sql = "INSERT INTO __diesel_schema_migrations (version) VALUES ('29991231000000')";
    if target.starts_with("postgres") {
        PgConnection::establish(target)
            .unwrap()
            .batch_execute(sql)
            .unwrap();
    } else {
        SqliteConnection::establish(target)
            .unwrap()
            .batch_execute(sql)
            .unwrap();
    }
    match Store::open(target) {
        Err(e @ StoreError::NewerDatabase { .. }) => {
            assert!(e.to_string().contains("newer version"), "{e}");
        }
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("a newer database was opened"),
    }
    }
}

on_every_backend! {
    fn reopening_keeps_data_and_migrates_once(target, store) {
    let app = store.add_application(application("Acme")).unwrap();
    let mut again = Store::open(target).unwrap();
    assert_eq!(again.application(&app.id).unwrap(), app);
    }
}

fn step(interview_id: &str, key: &str, start: &str) -> followup_core::plan::Step {
    use followup_core::plan::*;
    Step {
        id: String::new(),
        interview_id: interview_id.into(),
        key: key.into(),
        kind: StepKind::FollowUpCall,
        contact_id: None,
        state: StepState::Pending,
        start: t(start),
        end: t(start) + jiff::SignedDuration::from_mins(90),
        zone: "Europe/London".into(),
        reason: "5th working day".into(),
        moved: false,
        sequence: 0,
        done_at: None,
        created_at: t("2027-03-01T00:00:00Z"),
        updated_at: t("2027-03-01T00:00:00Z"),
    }
}

on_every_backend! {
    fn steps_are_saved_found_again_and_listed_when_due(_, store) {
    use followup_core::plan::StepState;
    let app = store.add_application(application("Acme")).unwrap();
    let iv = store.add_interview(interview(&app.id, &[])).unwrap();
    let saved = store
        .save_steps(vec![
            step(&iv.id, "thank-you", "2027-03-02T11:00:00Z"),
            step(&iv.id, "follow-up-1", "2027-03-09T10:00:00Z"),
        ])
        .unwrap();
    assert!(saved.iter().all(|s| s.id.starts_with("step-")));
    assert_eq!(store.steps(&iv.id).unwrap(), saved);
    let mut done = saved[0].clone();
    done.state = StepState::Done;
    done.done_at = Some(t("2027-03-02T12:00:00Z"));
    store.save_steps(vec![done.clone()]).unwrap();
    assert_eq!(store.step(&done.id).unwrap(), done);
    let mut sections = |now: &str, until: &str| -> Vec<Vec<String>> {
        Due::ALL
            .iter()
            .map(|due| {
                store
                    .pending_steps(*due, t(now), t(until), None)
                    .unwrap()
                    .into_iter()
                    .map(|s| s.key)
                    .collect()
            })
            .collect()
    };
    // The follow-up runs 10:00–11:30 on 9 March; done steps are never due.
    let none: Vec<String> = Vec::new();
    let call = vec!["follow-up-1".to_string()];
    assert_eq!(
        sections("2027-03-10T00:00:00Z", "2027-03-11T00:00:00Z"),
        [call.clone(), none.clone(), none.clone()]
    );
    assert_eq!(
        sections("2027-03-09T10:30:00Z", "2027-03-10T00:00:00Z"),
        [none.clone(), call.clone(), none.clone()]
    );
    assert_eq!(
        sections("2027-03-08T10:30:00Z", "2027-03-10T00:00:00Z"),
        [none.clone(), none.clone(), call.clone()]
    );
    assert_eq!(
        sections("2027-03-08T10:30:00Z", "2027-03-09T09:00:00Z"),
        [none.clone(), none.clone(), none.clone()],
        "nothing starts before the end of the agenda"
    );
    // A long window that opened weeks ago is still "now", behind many short overdue ones.
    let mut long = step(&iv.id, "decision", "2027-02-01T09:00:00Z");
    long.end = t("2027-04-01T17:00:00Z");
    let mut many = vec![long];
    for day in 2..=27 {
        many.push(step(&iv.id, &format!("old-{day}"), &format!("2027-02-{day:02}T10:00:00Z")));
    }
    store.save_steps(many).unwrap();
    let now = t("2027-03-10T12:00:00Z");
    let until = t("2027-03-11T00:00:00Z");
    let open = store.pending_steps(Due::Now, now, until, Some(5)).unwrap();
    assert_eq!(open.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(), ["decision"]);
    let overdue = store.pending_steps(Due::Overdue, now, until, Some(5)).unwrap();
    assert_eq!(
        overdue.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(),
        ["old-2", "old-3", "old-4", "old-5", "old-6"]
    );
    assert_eq!(store.pending_steps(Due::Overdue, now, until, None).unwrap().len(), 27);
    assert_eq!(
        store.interviews_to_replan().unwrap(),
        vec![iv.id.clone()]
    );
    // Unique per (interview, key): a second insert of the same key fails as a whole.
    let dup = store.save_steps(vec![
        step(&iv.id, "feedback", "2027-04-01T10:00:00Z"),
        step(&iv.id, "thank-you", "2027-03-02T11:00:00Z"),
    ]);
    assert!(dup.is_err());
    assert_eq!(store.steps(&iv.id).unwrap().len(), 29);
    }
}

on_every_backend! {
    fn calls_holidays_and_settings_round_trip(_, store) {
    use followup_core::calendar::Holiday;
    use followup_core::plan::{CallOutcome, CallRecord};
    let app = store.add_application(application("Acme")).unwrap();
    let iv = store.add_interview(interview(&app.id, &[])).unwrap();
    let call = store
        .add_call(CallRecord {
            id: String::new(),
            interview_id: iv.id.clone(),
            contact_id: None,
            at: t("2027-03-09T10:05:00Z"),
            outcome: CallOutcome::Unavailable,
            callback: Some(t("2027-03-10T14:30:00Z")),
            decide_by: Some("2027-03-19".parse().unwrap()),
            note: "in a meeting".into(),
        })
        .unwrap();
    assert_eq!(store.calls(&iv.id).unwrap(), vec![call]);

    let day = |date: &str, name: &str| Holiday {
        region: "gb-eng".into(),
        date: date.parse().unwrap(),
        name: name.into(),
        source: "file".into(),
    };
    store
        .import_holidays(
            &[
                day("2027-01-01", "A"),
                day("2027-12-25", "B"),
                day("2028-01-03", "C"),
            ],
            true,
        )
        .unwrap();
    let covered = store
        .import_holidays(&[day("2027-05-03", "D")], true)
        .unwrap();
    assert_eq!(covered, vec![("gb-eng".to_string(), 2027)]);
    let names = |store: &mut Store| -> Vec<String> {
        store
            .own_holidays()
            .unwrap()
            .into_iter()
            .map(|h| h.name)
            .collect()
    };
    assert_eq!(
        names(store),
        vec!["D", "C"],
        "2027 replaced by the newer file, 2028 kept"
    );
    // Added, a file's days join the others, and importing them again doubles nothing.
    store
        .import_holidays(&[day("2028-05-01", "E"), day("2028-01-03", "C2")], false)
        .unwrap();
    store.import_holidays(&[day("2028-05-01", "E")], false).unwrap();
    assert_eq!(names(store), vec!["D", "C", "C2", "E"]);
    store
        .add_holiday(&Holiday {
            source: "user".into(),
            ..day("2027-06-07", "Company day")
        })
        .unwrap();
    assert_eq!(store.own_holidays().unwrap().len(), 5);

    store.set_setting("plan.cadence", "cautious").unwrap();
    store.set_setting("plan.cadence", "standard").unwrap();
    assert_eq!(
        store.settings().unwrap(),
        vec![("plan.cadence".to_string(), "standard".to_string())]
    );
    }
}

on_every_backend! {
    fn atomically_keeps_all_or_nothing(_, store) {
    let result: Result<(), StoreError> = store.atomically(|s| {
        s.add_application(application("Kept?"))?;
        s.add_interview(interview("app-missing", &[]))?;
        Ok(())
    });
    assert!(result.is_err());
    assert_eq!(store.count_applications().unwrap(), 0);
    store
        .atomically(|s| s.add_application(application("Kept")).map(|_| ()))
        .unwrap();
    assert_eq!(store.count_applications().unwrap(), 1);
    }
}

fn draft(interview_id: &str) -> followup_core::compose::Draft {
    use followup_core::compose::{Channel, Draft, DraftKind};
    Draft {
        id: String::new(),
        interview_id: interview_id.into(),
        step_id: None,
        kind: DraftKind::ThankYou,
        channel: Channel::Email,
        recipient_id: None,
        subject: Some("Thank you".into()),
        body: "Dear Ms Patel,\n\nThank you.".into(),
        approved_text: None,
        approved_at: None,
        override_reason: None,
        created_at: t("2027-03-02T12:00:00Z"),
        updated_at: t("2027-03-02T12:00:00Z"),
    }
}

fn entry(draft_id: &str, state: &str) -> followup_core::outbox::OutboxEntry {
    followup_core::outbox::OutboxEntry {
        id: String::new(),
        draft_id: draft_id.into(),
        message_id: "<m@example.test>".into(),
        recipient: "priya@acme.test".into(),
        state: state.into(),
        attempts: 1,
        last_error: String::new(),
        sent_text: "Thank you".into(),
        created_at: t("2027-03-02T12:00:00Z"),
        updated_at: t("2027-03-02T12:00:00Z"),
        sent_at: None,
        claimed_by: "host:1:aa".into(),
        lease_until: Some(t("2027-03-02T12:05:00Z")),
    }
}

on_every_backend! {
    fn drafts_keep_their_approval_only_for_the_exact_text(_, store) {
        let app = store.add_application(application("Acme")).unwrap();
        let iv = store.add_interview(interview(&app.id, &[])).unwrap();
        let mut d = store.add_draft(draft(&iv.id)).unwrap();
        d.approved_text = Some(d.full_text());
        let d = store.update_draft(&d).unwrap();
        assert!(store.draft(&d.id).unwrap().is_approved());
        let mut edited = d.clone();
        edited.body.push_str(" Again.");
        store.update_draft(&edited).unwrap();
        let stored = store.draft(&d.id).unwrap();
        assert!(!stored.is_approved());
        assert_eq!(stored.approved_text, None, "the stale approval is cleared");
        assert_eq!(store.drafts(Some(&iv.id), Page::ALL).unwrap().len(), 1);
    }
}

on_every_backend! {
    fn the_outbox_settles_only_under_its_own_claim(_, store) {
        let app = store.add_application(application("Acme")).unwrap();
        let iv = store.add_interview(interview(&app.id, &[])).unwrap();
        let d = store.add_draft(draft(&iv.id)).unwrap();
        let e = store
            .atomically(|s| {
                s.lock_draft(&d.id)?;
                s.save_outbox(&entry(&d.id, "sending"))
            })
            .unwrap();
        assert!(store.save_outbox(&entry(&d.id, "sending")).is_err(), "one row per draft");
        let mut done = e.clone();
        done.state = "sent".into();
        assert!(!store.settle_outbox(&done, "host:2:bb").unwrap(), "not our claim");
        assert_eq!(store.outbox_entry(&d.id).unwrap().unwrap().state.as_str(), "sending");
        assert!(store.settle_outbox(&done, "host:1:aa").unwrap());
        let stored = store.outbox_entry(&d.id).unwrap().unwrap();
        assert_eq!(stored.state.as_str(), "sent");
        assert_eq!(stored.lease_until, Some(t("2027-03-02T12:05:00Z")));
        assert_eq!(stored.claimed_by, "host:1:aa");
    }
}

on_every_backend! {
    fn a_restore_never_moves_a_message_or_a_step_back(_, store) {
        use followup_core::plan::StepState;
        let app = store.add_application(application("Acme")).unwrap();
        let iv = store.add_interview(interview(&app.id, &[])).unwrap();
        let d = store.add_draft(draft(&iv.id)).unwrap();
        store.save_outbox(&entry(&d.id, "failed")).unwrap();
        let saved = store.save_steps(vec![step(&iv.id, "thank-you", "2027-03-02T16:00:00Z")]).unwrap();
        let old = store.records().unwrap();

        let mut sent = store.outbox_entry(&d.id).unwrap().unwrap();
        sent.state = "sent".into();
        store.save_outbox(&sent).unwrap();
        let mut done = saved[0].clone();
        done.state = StepState::Done;
        store.save_steps(vec![done]).unwrap();

        let counts = store.restore(&old).unwrap();
        assert_eq!(store.outbox_entry(&d.id).unwrap().unwrap().state.as_str(), "sent");
        assert_eq!(store.step(&saved[0].id).unwrap().state, StepState::Done);
        assert!(counts.kept_newer.contains(&("message", d.id.clone())), "{:?}", counts.kept_newer);
        assert!(counts.kept_newer.contains(&("step", saved[0].id.clone())));

        // Forward is fine: a newer backup's `sent` replaces a stored `failed`.
        let mut newer = store.records().unwrap();
        let d2 = store.add_draft(draft(&iv.id)).unwrap();
        store.save_outbox(&entry(&d2.id, "failed")).unwrap();
        let mut e2 = entry(&d2.id, "sent");
        e2.id = "out-from-backup".into();
        newer.outbox.push(e2);
        store.restore(&newer).unwrap();
        assert_eq!(store.outbox_entry(&d2.id).unwrap().unwrap().state.as_str(), "sent");
        assert_eq!(store.outbox(Page::ALL).unwrap().len(), 2, "matched by draft, not added");
    }
}

/// A fresh database of the same backend as `target`.
fn fresh_like(target: &str, name: &str) -> Db {
    if target.starts_with("postgres") {
        postgres_db(name)
    } else {
        sqlite_db()
    }
}

on_every_backend! {
    fn connecting_does_not_migrate_and_migrating_happens_once(target, _store) {
        let db = fresh_like(target, "migrate_once");
        match Store::connect(&db.target) {
            Err(StoreError::NeedsMigration { .. }) => {}
            other => panic!("an unmigrated database is refused: {:?}", other.err()),
        }
        // Four processes' worth of start-ups at once: one migrates, the others wait.
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let t = db.target.clone();
                std::thread::spawn(move || Store::migrate(&t))
            })
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
        let mut store = Store::connect(&db.target).unwrap();
        store.add_application(application("Acme")).unwrap();
        assert_eq!(store.count_applications().unwrap(), 1);
    }
}

on_every_backend! {
    fn a_pool_lends_handles_bound_to_one_account(target, store) {
        let bob = store.add_account("bob").unwrap();
        assert!(store.add_account("bob").is_err(), "names are unique");
        let pool = followup_store::Pool::new(target, 4).unwrap();
        let mut local = pool.store(followup_store::LOCAL_ACCOUNT).unwrap();
        let mut theirs = pool.store(&bob).unwrap();
        let app = local.add_application(application("Acme")).unwrap();
        assert_eq!(theirs.count_applications().unwrap(), 0);
        assert!(matches!(
            theirs.application(&app.id),
            Err(StoreError::NotFound { .. })
        ));
        assert!(pool.store("acct-nobody").is_err());
        drop((local, theirs));
        // Handles go back to the pool and come out again.
        for _ in 0..10 {
            assert_eq!(pool.store(&bob).unwrap().count_applications().unwrap(), 0);
        }
    }
}

/// The schema versions a committed fixture database exists for: each made by
/// `tests/data/make-fixture.sh` with the binary of that version (the last commit before
/// the next migration), beside that binary's own backup of it.
fn fixture_versions() -> Vec<u32> {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut versions: Vec<u32> = std::fs::read_dir(data)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_prefix("release-schema")?
                .strip_suffix(".db")?
                .parse()
                .ok()
        })
        .collect();
    versions.sort();
    versions
}

/// A copy of the fixture of `version` in `dir`, and what its binary's backup says it holds.
fn fixture(version: u32, dir: &std::path::Path) -> (String, followup_core::Records) {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let target = dir.join(format!("schema{version}.db"));
    std::fs::copy(format!("{data}/release-schema{version}.db"), &target).unwrap();
    let backup = std::fs::read_to_string(format!("{data}/release-schema{version}.json")).unwrap();
    let expected = followup_formats::backup::read(&backup)
        .unwrap_or_else(|e| panic!("schema {version}: its own backup reads: {e}"));
    (target.display().to_string(), expected)
}

/// Every released schema version's database is migrated on open, losslessly: every record
/// equals that version's own backup of it, and it all belongs to the local account.
#[test]
fn every_schema_versions_database_migrates_losslessly() {
    let versions = fixture_versions();
    let latest = versions.iter().max().copied().unwrap_or(0) as usize;
    assert_eq!(
        versions,
        (1..=latest as u32).collect::<Vec<_>>(),
        "a fixture for every version from the first"
    );
    assert_eq!(
        latest,
        followup_store::schema_version(),
        "a fixture for the current version too: make one with tests/data/make-fixture.sh"
    );
    for version in versions {
        let dir = tempfile::tempdir().unwrap();
        let (target, expected) = fixture(version, dir.path());
        assert!(expected.profile.is_some(), "schema {version}");
        assert!(
            !expected.applications.is_empty() && !expected.interviews.is_empty(),
            "schema {version}"
        );
        if (version as usize) < latest {
            match Store::connect(&target) {
                Err(StoreError::NeedsMigration { .. }) => {}
                other => panic!("schema {version} needs migrating: {:?}", other.err()),
            }
        }
        let mut store = Store::open(&target).unwrap();
        assert_eq!(store.account(), followup_store::LOCAL_ACCOUNT);
        assert_eq!(store.records().unwrap(), expected, "schema {version}");
        // It goes on taking writes.
        store.add_application(application("Initech")).unwrap();
        assert_eq!(
            store.count_applications().unwrap(),
            expected.applications.len() as i64 + 1
        );
    }
}

/// The release before accounts (schema 4), in more detail: another account sees none of
/// it, and a re-imported card still finds its contact by UID.
#[test]
fn a_release_database_migrates_into_the_local_account() {
    let dir = tempfile::tempdir().unwrap();
    let (target, expected) = fixture(4, dir.path());
    assert!(!expected.outbox.is_empty());
    assert!(!expected.steps.is_empty() && !expected.calls.is_empty());
    let mut store = Store::open(&target).unwrap();
    let mut other = Store::open(&target).unwrap();
    let id = other.add_account("someone").unwrap();
    let mut other = other.into_account(&id).unwrap();
    assert_eq!(other.count_applications().unwrap(), 0);
    assert!(other.records().unwrap().contacts.is_empty());
    let priya = expected
        .contacts
        .iter()
        .find(|c| c.uid.starts_with("urn:uuid:4fbe"))
        .unwrap();
    let mut card = priya.clone();
    card.id = String::new();
    card.emails.clear();
    card.position = "CTO".into();
    let counts = store.import_contacts(vec![card]).unwrap();
    assert_eq!((counts.imported, counts.updated), (0, 1));
}

on_every_backend! {
    fn find_ignores_case_and_treats_wildcards_as_text(_, store) {
    let mut app = application("Ünïcorn 50% Labs");
    app.role = "Site_Reliability".into();
    let app = store.add_application(app).unwrap();
    let hits = store.find("ünïcorn").unwrap();
    assert!(hits.iter().any(|h| h.id == app.id && h.field == "company"), "{hits:?}");
    assert_eq!(store.find("50%").unwrap().len(), 1);
    assert!(store.find("5_%").unwrap().is_empty(), "wildcards are text");
    assert_eq!(store.find("site_rel").unwrap()[0].field, "role");
    assert!(store.find("siteXrel").unwrap().is_empty());
    assert!(store.find("   ").unwrap().is_empty());
    }
}

on_every_backend! {
    fn the_change_marker_moves_with_every_journal_entry_and_undo(target, store) {
    assert_eq!(store.change_marker().unwrap(), (0, 0));
    let first = store.append_journal(t("2027-03-01T09:00:00Z"), "one", "{}").unwrap();
    let after_one = store.change_marker().unwrap();
    assert_eq!(after_one, (first, 0));
    // Another connection (another process) sees the same marker.
    let mut other = Store::open(target).unwrap();
    assert_eq!(other.change_marker().unwrap(), after_one);
    other.append_journal(t("2027-03-01T09:01:00Z"), "two", "{}").unwrap();
    assert_ne!(store.change_marker().unwrap(), after_one);
    let before_undo = store.change_marker().unwrap();
    store.mark_undone(first, t("2027-03-01T09:02:00Z")).unwrap();
    assert_eq!(store.change_marker().unwrap(), (before_undo.0, 1));
    }
}

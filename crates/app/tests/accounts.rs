//! Two accounts on one database: every engine method called for one can neither read nor
//! change the other's records, even given their ids — on SQLite, and on PostgreSQL
//! (ignored by a plain `cargo test`, run by scripts/test).

use followup_app::{
    AppError, CallLog, Clock, DraftRequest, Followup, InterviewNote, NewInterview, Options,
    ProfileChanges, Resolution, StepAction,
};
use followup_core::compose::DraftKind;
use followup_core::model::*;
use followup_store::{LOCAL_ACCOUNT, Page, Store, StoreError};
use jiff::Timestamp;

fn clock() -> Clock {
    Clock::fixed("2027-03-01T09:00:00Z".parse().unwrap())
}

/// The local account's engine and a second account's, on the same database.
fn two_accounts(target: &str) -> (Followup, Followup) {
    let alice = Followup::open(target, Options::default())
        .unwrap()
        .with_clock(clock());
    let mut store = Store::open(target).unwrap();
    let bob_id = store.add_account("bob").unwrap();
    let bob = Followup::with_store(store.into_account(&bob_id).unwrap(), Options::default())
        .with_clock(clock());
    (alice, bob)
}

struct Ids {
    app: String,
    contact: String,
    interview: String,
    draft: String,
    step: String,
}

fn alice_data(alice: &mut Followup) -> Ids {
    alice
        .update_profile(ProfileChanges {
            name: Some("Alice".into()),
            email: Some("alice@example.test".into()),
            time_zone: Some("Europe/London".into()),
            region: Some("gb-eng".into()),
            ..Default::default()
        })
        .unwrap();
    let app = alice
        .add_application(Application {
            id: String::new(),
            company: "Acme".into(),
            role: "Engineer".into(),
            job_description: "Rust".into(),
            source_url: String::new(),
            documents: Vec::new(),
            status: ApplicationStatus::Applied,
            applied_on: None,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
        })
        .unwrap();
    let mut c = Contact::named("Priya Patel", Timestamp::UNIX_EPOCH);
    c.uid = "urn:uuid:shared-card".into();
    c.emails.push(Labelled::plain("priya@acme.test"));
    c.phones.push(Labelled::plain("+44 20 7946 0000"));
    let contact = alice.add_contact(c).unwrap();
    let interview = alice
        .add_interview(NewInterview {
            application_id: app.id.clone(),
            at: "2027-03-02T10:00".into(),
            time_zone: Some("Europe/London".into()),
            interviewer_ids: vec![contact.id.clone()],
            duration_minutes: 60,
            ..Default::default()
        })
        .unwrap();
    alice.set_setting("plan.cadence", "cautious").unwrap();
    alice
        .add_holiday("2027-03-05", "gb-eng", "Alice's day")
        .unwrap();
    let draft = alice
        .compose(DraftRequest {
            interview_id: interview.id.clone(),
            kind: DraftKind::ThankYou,
            channel: None,
            to: None,
            each: false,
            skills: vec![],
        })
        .unwrap()
        .value
        .remove(0)
        .id;
    let step = alice.plan(&interview.id).unwrap()[0].id.clone();
    Ids {
        app: app.id,
        contact: contact.id,
        interview: interview.id,
        draft,
        step,
    }
}

fn not_found<T: std::fmt::Debug>(result: Result<T, AppError>, what: &str) {
    match result {
        Err(AppError::Store(StoreError::NotFound { .. })) => {}
        other => panic!("{what}: expected 'not found', got {other:?}"),
    }
}

fn isolated(target: &str) {
    let (mut alice, mut bob) = two_accounts(target);
    let ids = alice_data(&mut alice);
    let before = alice.records().unwrap();

    // Bob sees nothing of Alice's.
    assert!(bob.profile().unwrap().is_none());
    assert!(bob.applications(Page::ALL).unwrap().is_empty());
    assert!(bob.contacts(Page::ALL).unwrap().is_empty());
    assert!(bob.interviews(Page::ALL).unwrap().is_empty());
    assert!(bob.drafts(None, Page::ALL).unwrap().is_empty());
    assert!(bob.outbox().unwrap().is_empty());
    assert!(bob.all_steps().unwrap().is_empty());
    assert!(bob.settings().unwrap().iter().all(|s| s.source != "config"));
    assert!(
        bob.agenda(Some("2027-01-01"), 365, None)
            .unwrap()
            .into_steps()
            .is_empty()
    );
    let theirs = bob.records().unwrap();
    assert!(theirs.applications.is_empty() && theirs.holidays.is_empty());
    assert!(theirs.steps.is_empty());
    // Bob's own reads recorded which planner his (empty) plans are current with; no
    // setting of Alice's reaches him.
    assert!(
        theirs.settings.keys().all(|name| name == "planner.version"),
        "{:?}",
        theirs.settings
    );

    // Not even by id.
    not_found(bob.application(&ids.app), "application");
    not_found(bob.contact(&ids.contact), "contact");
    not_found(
        bob.contacts_by_ids(std::slice::from_ref(&ids.contact)),
        "contacts",
    );
    not_found(bob.interview(&ids.interview), "interview");
    not_found(bob.draft(&ids.draft), "draft");
    not_found(bob.step(&ids.step), "step");
    assert!(
        bob.applications_by_ids(std::slice::from_ref(&ids.app))
            .unwrap()
            .is_empty()
    );
    not_found(bob.plan(&ids.interview), "plan");
    not_found(bob.export_eml(&ids.draft), "eml");

    // Nor change it.
    not_found(bob.set_application_status(&ids.app, "offer"), "status");
    let mut stolen = alice.contact(&ids.contact).unwrap();
    stolen.full_name = "Changed by Bob".into();
    not_found(bob.update_contact(&stolen), "update contact");
    not_found(
        bob.note_interview(
            &ids.interview,
            InterviewNote {
                notes: Some("Bob was here".into()),
                ..Default::default()
            },
        ),
        "note",
    );
    not_found(
        bob.log_call(CallLog {
            interview_id: ids.interview.clone(),
            outcome: "reached".into(),
            ..Default::default()
        }),
        "call",
    );
    not_found(
        bob.act_on_step(&ids.step, StepAction::Skip { at: None }),
        "step skip",
    );
    not_found(bob.edit_draft(&ids.draft, "Bob's words"), "edit");
    not_found(bob.approve(&ids.draft, "x", None), "approve");
    not_found(bob.send(&ids.draft), "send");
    not_found(bob.resolve(&ids.draft, Resolution::Sent), "resolve");
    assert!(
        bob.add_interview(NewInterview {
            application_id: ids.app.clone(),
            at: "2027-03-09T10:00".into(),
            time_zone: Some("Europe/London".into()),
            duration_minutes: 30,
            ..Default::default()
        })
        .is_err(),
        "an interview for Alice's application"
    );
    assert!(
        bob.compose(DraftRequest {
            interview_id: ids.interview.clone(),
            kind: DraftKind::Query,
            channel: None,
            to: None,
            each: false,
            skills: vec![],
        })
        .is_err()
    );
    // A restore of Alice's backup into Bob's account cannot overwrite her records.
    assert!(bob.restore(before.clone(), true).is_err());

    // Bob's own writes stay his: a card with the same UID is a new contact of his.
    let mut card = Contact::named("Priya Patel", Timestamp::UNIX_EPOCH);
    card.uid = "urn:uuid:shared-card".into();
    card.emails.push(Labelled::plain("priya@acme.test"));
    let counts = bob.import_contacts(vec![card]).unwrap();
    assert_eq!((counts.imported, counts.updated), (1, 0));
    bob.set_setting("plan.cadence", "standard").unwrap();
    bob.add_holiday("2027-03-08", "gb-eng", "Bob's day")
        .unwrap();
    bob.update_profile(ProfileChanges {
        name: Some("Bob".into()),
        ..Default::default()
    })
    .unwrap();
    bob.refresh_plans(None).unwrap();

    let mut after = alice.records().unwrap();
    let mut expected = before;
    // Only Alice's own plan recomputations may differ (none happened).
    after.profile.as_mut().unwrap().skills.clear();
    expected.profile.as_mut().unwrap().skills.clear();
    assert_eq!(after, expected, "Alice's records are exactly as they were");
    assert_eq!(alice.profile().unwrap().unwrap().name, "Alice");
    assert_eq!(bob.profile().unwrap().unwrap().name, "Bob");
    assert_eq!(bob.contacts(Page::ALL).unwrap().len(), 1);
}

#[test]
fn accounts_are_isolated_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    isolated(&dir.path().join("f.db").display().to_string());
}

#[test]
#[ignore = "PostgreSQL: run by scripts/test with FOLLOWUP_TEST_PG"]
fn accounts_are_isolated_postgres() {
    isolated(&followup_store::fresh_test_database("accounts"));
}

#[test]
fn the_local_account_is_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("f.db").display().to_string()).unwrap();
    assert_eq!(store.account(), LOCAL_ACCOUNT);
    assert!(store.into_account("acct-nope").is_err());
}

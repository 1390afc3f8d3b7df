//! CSV import of applications and the JSON backup.

use followup_core::model::*;
use followup_formats::{backup, csv_import::read_applications};
use jiff::Timestamp;
use proptest::prelude::*;

fn read(
    text: &str,
    mapping: &[(&str, &str)],
) -> Result<followup_formats::csv_import::CsvRead, followup_formats::LineError> {
    let mapping: Vec<(String, String)> = mapping
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    read_applications(text.as_bytes(), &mapping, Timestamp::UNIX_EPOCH, |_| {})
}

#[test]
fn headers_are_matched_by_synonym_and_rows_by_line() {
    let text = "Employer,Job Title,Stage,Link,Date Applied,Notes\n\
                Acme,Platform Engineer,interviewing,https://a.test,2027-02-01,x\n\
                \"Globex, Inc.\",\"SRE\nnights\",ghosted,,,\n\
                ,Nobody,,,,\n\
                Initech,Dev,,,01/02/2027,\n";
    let read = read(text, &[]).unwrap();
    assert_eq!(read.rows.len(), 2);
    assert_eq!(read.rows[0].1.status, ApplicationStatus::Interviewing);
    assert_eq!(read.rows[0].1.applied_on.unwrap().to_string(), "2027-02-01");
    assert_eq!(read.rows[1].0, 3);
    assert_eq!(read.rows[1].1.company, "Globex, Inc.");
    assert_eq!(
        read.rows[1].1.role, "SRE nights",
        "a cell's line break is a space"
    );
    assert_eq!(
        read.rows[1].1.status,
        ApplicationStatus::Other("ghosted".into())
    );
    assert_eq!(read.skipped.len(), 2);
    assert_eq!(
        read.skipped[0].line, 5,
        "a quoted newline moves the line count"
    );
    assert!(read.skipped[0].problem.contains("company is empty"));
    assert_eq!(read.skipped[1].line, 6);
    assert!(read.skipped[1].problem.contains("applied_on"));
    assert_eq!(read.ignored_columns, vec!["Notes"]);
}

#[test]
fn what_the_engine_refuses_is_refused_with_its_line() {
    let read = read(
        "company,role,url\nAcme,Dev,javascript:alert(1)\nGlobex,Dev,https://g.test/1\n",
        &[],
    )
    .unwrap();
    assert_eq!(read.rows.len(), 1);
    assert_eq!(read.skipped[0].line, 2);
    assert!(
        read.skipped[0].problem.contains("url"),
        "{:?}",
        read.skipped
    );
    let utf16 = b"\xff\xfec\x00o\x00,\x00r\x00\n\x00";
    let err = read_applications(&utf16[..], &[], Timestamp::UNIX_EPOCH, |_| {}).unwrap_err();
    assert!(err.problem.contains("CSV UTF-8"), "{err}");
}

#[test]
fn wrong_columns_are_reported_with_what_was_found() {
    let err = read("Name,Email\nA,b\n", &[]).unwrap_err();
    assert_eq!(err.line, 1);
    assert!(err.problem.contains("no column for company"), "{err}");
    assert!(err.problem.contains("Name, Email"), "{err}");
    let ok = read("Firm,Post\nA,B\n", &[("company", "Firm"), ("role", "Post")]).unwrap();
    assert_eq!(ok.rows[0].1.role, "B");
    let err = read("Firm,Post\n", &[("salary", "Firm")]).unwrap_err();
    assert!(err.problem.contains("unknown field 'salary'"));
}

#[test]
fn rows_of_the_wrong_width_are_skipped_with_their_line() {
    let read = read("company,role\nA,B\nC\nD,E,F\nG,H\n", &[]).unwrap();
    assert_eq!(read.rows.len(), 2);
    let lines: Vec<usize> = read.skipped.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 4]);
    assert!(
        read.skipped[0]
            .problem
            .contains("1 fields, the header has 2")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Any bytes after a UTF-16 mark decode or are refused with a line; never a panic.
    #[test]
    fn utf16_decoding_never_panics(little in any::<bool>(), body in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut bytes = if little { vec![0xff, 0xfe] } else { vec![0xfe, 0xff] };
        bytes.extend(body);
        if let Err(e) = followup_formats::decoded_text(&bytes) {
            prop_assert!(e.line >= 1);
        }
    }

    #[test]
    fn the_csv_reader_never_panics(text in "(company|role|status|,|\"|\n|\r|[a-z0-9 ]{1,5}|2027-01-0[1-9]|\u{feff})*") {
        let _ = read(&text, &[]);
    }
}

fn sample() -> Records {
    let at: Timestamp = "2027-01-05T09:00:00Z".parse().unwrap();
    let mut contact = Contact::named("Priya Patel", at);
    contact.id = "con-1".into();
    contact.uid = "u-1".into();
    Records {
        profile: Some(Profile::default()),
        applications: vec![Application {
            id: "app-1".into(),
            company: "Acme".into(),
            role: "SRE".into(),
            job_description: "Rust".into(),
            source_url: String::new(),
            documents: vec![],
            status: ApplicationStatus::Other("ghosted".into()),
            applied_on: None,
            created_at: at,
            updated_at: at,
        }],
        contacts: vec![contact],
        interviews: vec![Interview {
            id: "int-1".into(),
            application_id: "app-1".into(),
            start: "2027-03-02T15:00:00Z".parse().unwrap(),
            time_zone: "America/New_York".into(),
            duration_minutes: 30,
            format: InterviewFormat::Other("walk in the park".into()),
            location: String::new(),
            interviewer_ids: vec!["con-1".into()],
            notes: String::new(),
            points_to_clarify: vec!["notice period".into()],
            mentions: vec![],
            offers: vec![],
            panellists: vec![],
            timeline: "by the 12th".into(),
            decide_by: Some("2027-03-12".parse().unwrap()),
            status: InterviewStatus::Held,
            created_at: at,
            updated_at: at,
        }],
        ..Records::default()
    }
}

#[test]
fn backups_round_trip_and_show_local_offsets() {
    let text = backup::write(sample(), Timestamp::UNIX_EPOCH);
    assert!(
        text.contains("\"start\": \"2027-03-02T10:00:00-05:00\""),
        "{text}"
    );
    assert!(text.contains("\"schema_version\": 1"));
    assert_eq!(backup::read(&text).unwrap(), sample());
}

#[test]
fn newer_or_foreign_or_broken_backups_are_refused_with_where() {
    let text = backup::write(sample(), Timestamp::UNIX_EPOCH);
    let newer = text.replace("\"schema_version\": 1", "\"schema_version\": 99");
    assert!(matches!(
        backup::read(&newer),
        Err(backup::BackupError::Newer { found: 99 })
    ));
    let foreign = text.replace("followup-backup", "something-else");
    assert!(matches!(
        backup::read(&foreign),
        Err(backup::BackupError::NotABackup(_))
    ));
    let broken = text.replacen("\"company\": \"Acme\",", "\"company\": ,", 1);
    match backup::read(&broken) {
        Err(e @ backup::BackupError::Syntax { .. }) => assert!(e.to_string().starts_with("line ")),
        other => panic!("{other:?}"),
    }
    let bad_zone = text.replace("America/New_York", "Mars/Base");
    let err = backup::read(&bad_zone).unwrap_err().to_string();
    assert!(err.starts_with("interviews[0].time_zone"), "{err}");
}

#[test]
fn a_backup_whose_ids_clash_or_could_not_be_written_is_refused_with_where() {
    let mut twice = sample();
    twice.contacts.push(twice.contacts[0].clone());
    let err = backup::read(&backup::write(twice, Timestamp::UNIX_EPOCH))
        .unwrap_err()
        .to_string();
    assert_eq!(err, "contacts[1].id: con-1 is also the id of contacts[0]");

    for (bad, why) in [
        ("app-'; DROP TABLE applications;--", "a quote and spaces"),
        ("../interviews/int-1", "a path"),
        ("app-1?x=y", "a query"),
        ("", "nothing"),
    ] {
        let mut records = sample();
        records.applications[0].id = bad.into();
        records.interviews[0].application_id = bad.into();
        let err = backup::read(&backup::write(records, Timestamp::UNIX_EPOCH))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("applications[0].id: "), "{why}: {err}");
    }
    let mut long = sample();
    long.interviews[0].id = "i".repeat(65);
    let err = backup::read(&backup::write(long, Timestamp::UNIX_EPOCH))
        .unwrap_err()
        .to_string();
    assert!(err.contains("at most 64"), "{err}");

    let mut panel = sample();
    panel.interviews[0].interviewer_ids.push("con-1".into());
    let err = backup::read(&backup::write(panel, Timestamp::UNIX_EPOCH))
        .unwrap_err()
        .to_string();
    assert_eq!(err, "interviews[0].interviewer_ids: con-1 appears twice");

    // A UUID, as an older or hand-made file may hold, is an id.
    let mut uuid = sample();
    uuid.interviews[0].id = "0b5f8a1e-2c4d-4e6f-8a9b-0c1d2e3f4a5b".into();
    assert!(backup::read(&backup::write(uuid, Timestamp::UNIX_EPOCH)).is_ok());
}

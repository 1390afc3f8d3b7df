use super::*;

#[test]
fn unknown_statuses_are_kept_verbatim() {
    let status = ApplicationStatus::from("Ghosted");
    assert_eq!(status, ApplicationStatus::Other("Ghosted".into()));
    assert_eq!(status.to_string(), "Ghosted");
    let json = serde_json::to_string(&status).unwrap();
    let back: ApplicationStatus = serde_json::from_str(&json).unwrap();
    assert_eq!(back, status);
}

#[test]
fn known_values_are_normalised() {
    assert_eq!(ApplicationStatus::from(" OFFER "), ApplicationStatus::Offer);
    assert_eq!(
        InterviewFormat::from("in person"),
        InterviewFormat::InPerson
    );
    assert_eq!(
        PreferredChannel::from("email_only"),
        PreferredChannel::EmailOnly
    );
    assert_eq!(Locale::from("en-GB").tag(), "en-GB");
}

#[test]
fn an_interview_format_is_read_from_the_words_people_use() {
    for (said, format) in [
        ("Onsite", InterviewFormat::InPerson),
        ("face to face", InterviewFormat::InPerson),
        ("Zoom", InterviewFormat::Video),
        ("video call", InterviewFormat::Video),
        ("phone call", InterviewFormat::Phone),
    ] {
        assert_eq!(InterviewFormat::from(said), format, "{said}");
    }
    // Written back in the one form.
    assert_eq!(InterviewFormat::from("zoom").to_string(), "video");
    assert!(!InterviewFormat::from("carrier pigeon").is_known());
}

#[test]
fn outcomes_end_the_process() {
    assert!(ApplicationStatus::Offer.is_outcome());
    assert!(ApplicationStatus::Withdrawn.is_outcome());
    assert!(!ApplicationStatus::Interviewing.is_outcome());
    assert!(!ApplicationStatus::Other("ghosted".into()).is_outcome());
}

fn interview(id: &str, start: &str, status: InterviewStatus) -> Interview {
    Interview {
        id: id.into(),
        application_id: "app".into(),
        start: start.parse().unwrap(),
        time_zone: "UTC".into(),
        duration_minutes: 45,
        format: InterviewFormat::Video,
        location: String::new(),
        interviewer_ids: vec![],
        notes: String::new(),
        points_to_clarify: vec![],
        mentions: vec![],
        offers: vec![],
        panellists: vec![],
        timeline: String::new(),
        decide_by: None,
        status,
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
    }
}

#[test]
fn a_panellist_note_is_for_someone_on_the_panel_and_leaves_with_them() {
    let mut i = interview("a", "2027-03-02T10:00:00Z", InterviewStatus::Held);
    i.interviewer_ids = vec!["priya".into(), "tom".into()];
    let err = i.note_panellist("sam", Some("billing"), None).unwrap_err();
    assert_eq!(err.field, "panellist");
    let err = i
        .note_panellist("priya", Some("billing\u{1b}[31m"), None)
        .unwrap_err();
    assert_eq!(err.field, "works-on");
    assert!(
        i.panellists.is_empty(),
        "nothing is kept from a refused note"
    );

    i.note_panellist("priya", Some(" the payments migration. "), None)
        .unwrap();
    i.note_panellist("priya", None, Some("the system-design exercise"))
        .unwrap();
    let p = i.panellist("priya").unwrap();
    assert_eq!(p.works_on, "the payments migration");
    assert_eq!(p.part, "the system-design exercise");
    i.note_panellist("tom", Some("the on-call rota"), None)
        .unwrap();
    // Emptied, an entry goes; leaving the panel takes what was noted with it.
    i.note_panellist("tom", Some(""), None).unwrap();
    assert!(i.panellist("tom").is_none());
    i.leave_panel("priya");
    assert_eq!(i.interviewer_ids, ["tom"]);
    assert!(i.panellists.is_empty());
}

#[test]
fn rounds_count_earlier_interviews_that_went_ahead() {
    let first = interview("a", "2027-03-02T10:00:00Z", InterviewStatus::Scheduled);
    let cancelled = interview("b", "2027-03-05T10:00:00Z", InterviewStatus::Cancelled);
    let second = interview("c", "2027-03-09T10:00:00Z", InterviewStatus::Scheduled);
    let same_start = interview("d", "2027-03-09T10:00:00Z", InterviewStatus::Scheduled);
    let all = [
        second.clone(),
        cancelled.clone(),
        first.clone(),
        same_start.clone(),
    ];
    assert_eq!(first.round_among(&all), 1);
    assert_eq!(first.round_among(&[]), 1);
    assert_eq!(cancelled.round_among(&all), 2);
    assert_eq!(second.round_among(&all), 2);
    assert_eq!(same_start.round_among(&all), 3);
}

#[test]
fn address_lines_skip_empty_parts() {
    let address = PostalAddress {
        street: "1 High St".into(),
        locality: "Leeds".into(),
        postcode: "LS1 1AA".into(),
        ..Default::default()
    };
    assert_eq!(address.lines(), vec!["1 High St", "Leeds", "LS1 1AA"]);
    assert!(PostalAddress::default().is_empty());
}

#[test]
fn what_follows_an_interview_comes_after_its_end() {
    let iv = interview("int-1", "2027-03-02T10:00:00Z", InterviewStatus::Held);
    assert_eq!(
        iv.end(),
        "2027-03-02T10:45:00Z".parse::<Timestamp>().unwrap()
    );
    assert!(
        iv.followed_at(iv.end(), "at", true, "UTC", "a call")
            .is_ok()
    );
    let early = iv.start;
    let e = iv
        .followed_at(early, "at", true, "UTC", "a call")
        .unwrap_err();
    assert_eq!(e.field, "at");
    assert!(
        e.problem.ends_with("; a call comes after it"),
        "{}",
        e.problem
    );
    let now = iv
        .followed_at(early, "at", false, "UTC", "a call")
        .unwrap_err();
    assert!(
        now.problem.starts_with("the interview is not over until"),
        "{}",
        now.problem
    );
}

#[test]
fn the_first_repeat_is_named() {
    assert_eq!(first_repeat(["a", "b", "a", "b"]), Some("a"));
    assert_eq!(first_repeat(["a", "b"]), None);
}

#[test]
fn the_interviews_day_is_the_one_its_reader_lived() {
    // Thu 4 Mar 2027 20:30 in Los Angeles is Fri 5 Mar 10:00 in Bengaluru.
    let mut iv = interview("int-1", "2027-03-05T04:30:00Z", InterviewStatus::Scheduled);
    iv.time_zone = "America/Los_Angeles".into();
    assert_eq!(iv.day_for(None), jiff::civil::date(2027, 3, 4));
    let mut ananya = Contact::named("Ananya Rao", jiff::Timestamp::UNIX_EPOCH);
    ananya.time_zone = Some("Asia/Kolkata".into());
    assert_eq!(iv.day_for(Some(&ananya)), jiff::civil::date(2027, 3, 5));
}

#[test]
fn a_scheduled_interview_is_held_once_it_is_over() {
    // 45 minutes from 10:00.
    let iv = interview("int-1", "2027-03-02T10:00:00Z", InterviewStatus::Scheduled);
    let at = |t: &str| t.parse::<jiff::Timestamp>().unwrap();
    assert_eq!(
        iv.status_at(at("2027-03-02T10:44:00Z")),
        InterviewStatus::Scheduled
    );
    assert_eq!(
        iv.status_at(at("2027-03-02T10:45:00Z")),
        InterviewStatus::Held
    );
    let cancelled = interview("int-2", "2027-03-02T10:00:00Z", InterviewStatus::Cancelled);
    assert_eq!(
        cancelled.status_at(at("2027-04-01T00:00:00Z")),
        InterviewStatus::Cancelled
    );
    let held = interview("int-3", "2027-03-02T10:00:00Z", InterviewStatus::Held);
    assert_eq!(
        held.status_at(at("2027-03-01T00:00:00Z")),
        InterviewStatus::Held
    );
}

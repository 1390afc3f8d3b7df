//! Built-in drafts over many profiles and interviews: clean for the tone checker, the
//! right length, the locale's salutation, closing and dates; and template errors.

use followup_core::compose::*;
use followup_core::model::*;
use followup_core::skills::SkillMatch;
use followup_core::tone::{Checker, Level};
use jiff::Timestamp;
use jiff::civil::date;

fn application(company: &str, role: &str) -> Application {
    Application {
        id: "app-1".into(),
        company: company.into(),
        role: role.into(),
        job_description: String::new(),
        source_url: String::new(),
        documents: vec![],
        status: ApplicationStatus::Interviewing,
        applied_on: None,
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
    }
}

fn interview(notes: &str, points: &[&str]) -> Interview {
    Interview {
        id: "int-1".into(),
        application_id: "app-1".into(),
        start: "2027-03-02T10:00:00Z".parse().unwrap(),
        time_zone: "Europe/London".into(),
        duration_minutes: 60,
        format: InterviewFormat::Video,
        location: String::new(),
        interviewer_ids: vec![],
        notes: notes.into(),
        points_to_clarify: points.iter().map(|p| p.to_string()).collect(),
        timeline: String::new(),
        decide_by: None,
        status: InterviewStatus::Held,
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
    }
}

fn skill(name: &str, evidence: &str) -> SkillMatch {
    SkillMatch {
        name: name.into(),
        score: 1.0,
        matched_terms: vec![],
        evidence: evidence.into(),
    }
}

fn recipient(honorific: &str) -> Contact {
    let mut c = Contact::named("Priya Patel", Timestamp::UNIX_EPOCH);
    c.honorific = honorific.into();
    c
}

fn compose(
    kind: DraftKind,
    channel: Channel,
    locale: Locale,
    to: Option<&Contact>,
    skills: &[SkillMatch],
    iv: &Interview,
    app: &Application,
) -> Composed {
    let profile = Profile {
        name: "Sam Carter".into(),
        phone: "+44 7700 900123".into(),
        locale,
        ..Profile::default()
    };
    let ctx = context(&ComposeInput {
        profile: &profile,
        application: app,
        interview: iv,
        recipient: to,
        skills,
        their_time: None,
        today: date(2027, 3, 2),
    });
    let name = template_name(&kind, &channel);
    let source = TEMPLATES.iter().find(|(n, _)| *n == name).unwrap().1;
    render(name, source, &ctx).unwrap()
}

#[test]
fn every_built_in_note_is_clean_and_80_to_180_words() {
    let checker = Checker::built_in();
    let skill_sets = [
        vec![],
        vec![skill(
            "Kubernetes",
            "I moved 40 services onto Kubernetes with no downtime.",
        )],
        vec![
            skill(
                "Kubernetes",
                "I moved 40 services onto Kubernetes with no downtime.",
            ),
            skill(
                "PostgreSQL",
                "I tuned the PostgreSQL queries behind our reports, cutting them from minutes to seconds",
            ),
        ],
    ];
    let notes = [
        "",
        "The plan to move billing onto the new platform next year. Also lunch.",
    ];
    let points: [&[&str]; 2] = [&[], &["my Go experience", "notice period"]];
    let apps = [
        application("Acme", "Platform Engineer"),
        application("Globex Corporation", "Senior Site Reliability Engineer"),
    ];
    let people = [
        Some(recipient("Ms")),
        Some(recipient("Dr.")),
        Some(recipient("")),
        None,
    ];
    let mut checked = 0;
    for locale in [Locale::EnGb, Locale::EnUs] {
        for (kind, channel) in [
            (DraftKind::ThankYou, Channel::Email),
            (DraftKind::ThankYou, Channel::Letter),
            (DraftKind::Query, Channel::Email),
            (DraftKind::Feedback, Channel::Email),
        ] {
            for skills in &skill_sets {
                for note in notes {
                    for p in points {
                        for app in &apps {
                            for to in &people {
                                let iv = interview(note, p);
                                let draft = compose(
                                    kind.clone(),
                                    channel.clone(),
                                    locale.clone(),
                                    to.as_ref(),
                                    skills,
                                    &iv,
                                    app,
                                );
                                let full = match &draft.subject {
                                    Some(s) => format!("Subject: {s}\n\n{}", draft.body),
                                    None => draft.body.clone(),
                                };
                                let bad: Vec<_> = checker
                                    .check(&full, &locale.tag())
                                    .into_iter()
                                    .filter(|f| f.level >= Level::Warning)
                                    .collect();
                                assert!(
                                    bad.is_empty(),
                                    "{kind} {channel} {}:\n{full}\n{bad:#?}",
                                    locale.tag()
                                );
                                let words = body_words(&draft.body);
                                assert!((80..=180).contains(&words), "{words} words:\n{full}");
                                if kind == DraftKind::ThankYou {
                                    let content = content_findings(
                                        &draft.body,
                                        &app.role,
                                        &app.company,
                                        skills,
                                    );
                                    assert!(
                                        content.iter().all(|f| f.level < Level::Warning),
                                        "{content:#?}\n{full}"
                                    );
                                }
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 2 * 4 * 3 * 2 * 2 * 2 * 4);
}

#[test]
fn scripts_are_clean_and_voicemail_fits_in_30_seconds() {
    let checker = Checker::built_in();
    let app = application("Globex Corporation", "Senior Site Reliability Engineer");
    let iv = interview("", &["my Go experience"]);
    let to = recipient("Mr");
    for locale in [Locale::EnGb, Locale::EnUs] {
        let voicemail = compose(
            DraftKind::Voicemail,
            Channel::Phone,
            locale.clone(),
            Some(&to),
            &[],
            &iv,
            &app,
        );
        // 150 words a minute read aloud: 75 words is 30 seconds.
        assert!(body_words(&voicemail.body) <= 75, "{}", voicemail.body);
        assert!(voicemail.body.contains("+44 7700 900123"));
        let script = compose(
            DraftKind::Script,
            Channel::Phone,
            locale.clone(),
            Some(&to),
            &[],
            &iv,
            &app,
        );
        assert!(
            script.body.contains("- my Go experience"),
            "{}",
            script.body
        );
        assert!(script.body.contains("When would suit you better?"));
        for text in [&voicemail.body, &script.body] {
            let bad: Vec<_> = checker
                .check(text, &locale.tag())
                .into_iter()
                .filter(|f| f.level >= Level::Warning)
                .collect();
            assert!(bad.is_empty(), "{text}\n{bad:#?}");
        }
    }
}

#[test]
fn locale_conventions_for_salutation_closing_and_dates() {
    let app = application("Acme", "Platform Engineer");
    let iv = interview("", &[]);
    let gb = compose(
        DraftKind::ThankYou,
        Channel::Letter,
        Locale::EnGb,
        Some(&recipient("Ms.")),
        &[],
        &iv,
        &app,
    );
    assert!(gb.body.starts_with("Dear Ms Patel,\n"), "{}", gb.body);
    assert!(gb.body.contains("\nYours sincerely,\n"));
    assert!(gb.body.contains("on Tuesday 2 March"));
    let gb_unnamed = compose(
        DraftKind::ThankYou,
        Channel::Letter,
        Locale::EnGb,
        None,
        &[],
        &iv,
        &app,
    );
    assert!(gb_unnamed.body.starts_with("Dear Sir or Madam,\n"));
    assert!(gb_unnamed.body.contains("\nYours faithfully,\n"));
    let us = compose(
        DraftKind::ThankYou,
        Channel::Email,
        Locale::EnUs,
        Some(&recipient("Ms")),
        &[],
        &iv,
        &app,
    );
    assert!(us.body.starts_with("Dear Ms. Patel:\n"), "{}", us.body);
    assert!(us.body.contains("\nSincerely,\n"));
    assert!(us.body.contains("on Tuesday, March 2"));
    assert_eq!(
        us.subject.as_deref(),
        Some("Thank you – Platform Engineer interview")
    );
    let us_unnamed = compose(
        DraftKind::Query,
        Channel::Email,
        Locale::EnUs,
        None,
        &[],
        &iv,
        &app,
    );
    assert!(us_unnamed.body.starts_with("Dear Hiring Manager:\n"));
    assert_eq!(long_date(date(2027, 4, 9), false), "9 April 2027");
    assert_eq!(long_date(date(2027, 4, 9), true), "April 9, 2027");
}

#[test]
fn bad_templates_are_refused_with_the_line_and_what_is_available() {
    let e = check_template(
        "thank-you-email",
        "Dear {{ salutation }}\n{{ favourite_colour }}\n",
    )
    .unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(
        e.problem.contains("the variables are salutation, closing"),
        "{e}"
    );
    let e = check_template("thank-you-email", "Hello\n{% if %}\n").unwrap_err();
    assert_eq!(e.line, Some(2), "{e}");
    let e = check_template(
        "x",
        "{% for i in range(100000) %}{% for j in range(100000) %}.{% endfor %}{% endfor %}",
    )
    .unwrap_err();
    assert!(e.problem.contains("loop forever"), "{e}");
    assert!(check_template("x", "{{ salutation }} {{ role }}").is_ok());
}

#[test]
fn near_identical_notes_are_spotted() {
    let app = application("Acme", "Platform Engineer");
    let iv = interview("", &[]);
    let mut tom = recipient("Mr");
    tom.family_name = "Jones".into();
    let a = compose(
        DraftKind::ThankYou,
        Channel::Email,
        Locale::EnGb,
        Some(&recipient("Ms")),
        &[],
        &iv,
        &app,
    );
    let b = compose(
        DraftKind::ThankYou,
        Channel::Email,
        Locale::EnGb,
        Some(&tom),
        &[],
        &iv,
        &app,
    );
    assert!(near_identical(&a.body, &b.body));
    assert!(!near_identical(
        &a.body,
        "A different note altogether about something else entirely, written by hand."
    ));
}

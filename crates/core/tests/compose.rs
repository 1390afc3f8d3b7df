//! Built-in drafts over many profiles and interviews: clean for the tone checker, the
//! right length, the locale's salutation, closing and dates; and template errors.

use followup_core::compose::*;
use followup_core::model::*;
use followup_core::private::{Passage, leaks};
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
        mentions: vec![],
        offers: vec![],
        panellists: vec![],
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
        why: vec![],
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
    compose_in(
        kind,
        channel,
        locale,
        to,
        skills,
        iv,
        app,
        Situation::default(),
    )
}

#[allow(clippy::too_many_arguments)]
fn compose_in(
    kind: DraftKind,
    channel: Channel,
    locale: Locale,
    to: Option<&Contact>,
    skills: &[SkillMatch],
    iv: &Interview,
    app: &Application,
    situation: Situation,
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
        situation,
    });
    let name = template_name(&kind, &channel);
    let source = TEMPLATES.iter().find(|(n, _)| *n == name).unwrap().1;
    render(name, source, &ctx).unwrap()
}

/// Private notes written the way people write them: the drafts must never carry them.
const NOTES: [&str; 3] = [
    "",
    "Fiona said the Edinburgh Growth team is doubling next year. Salary: I said flexible and should have given a range.",
    "I fumbled the sample-size question badly and they looked bored during my Go answer.",
];
const POINTS: [&[&str]; 2] = [
    &[],
    &[
        "how I'd size an A/B test (I fumbled the sample-size question)",
        "salary expectations: I said 'flexible' and should have given a range",
    ],
];

/// The phrases of data/locale-phrases.txt: (locale tag, phrase).
fn locale_phrases() -> Vec<(String, String)> {
    include_str!("../../../data/locale-phrases.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (tag, phrase) = l.split_once('\t').expect("LOCALE<TAB>phrase");
            (tag.to_string(), phrase.to_string())
        })
        .collect()
}

/// Nothing from another locale's list, and no private note in the text.
fn assert_fit_to_send(full: &str, locale: &Locale, iv: &Interview, skills: &[SkillMatch]) {
    for (tag, phrase) in locale_phrases() {
        assert!(
            tag == locale.tag() || !full.contains(&phrase),
            "'{phrase}' is {tag} wording in a {} draft:\n{full}",
            locale.tag()
        );
    }
    let mut private = vec![Passage::new("notes", &iv.notes)];
    private.extend(
        iv.points_to_clarify
            .iter()
            .map(|p| Passage::new("point", p)),
    );
    let mut public: Vec<&str> = iv.mentions.iter().map(String::as_str).collect();
    public.extend(iv.offers.iter().map(String::as_str));
    public.extend(skills.iter().map(|s| s.evidence.as_str()));
    let leaked = leaks(full, &private, &public);
    assert!(
        leaked.is_empty(),
        "a private note leaked:\n{full}\n{leaked:#?}"
    );
}

/// No two sentences of a draft open with the same three words ("It was good to hear
/// your perspective … It was good to hear about …"), and no run of four lower-case words
/// comes twice ("would be glad to contribute … I would be glad to send"): an adviser would
/// strike one.
fn assert_sentences_open_differently(body: &str) {
    let words: Vec<String> = body
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .collect();
    for marked in followup_core::wording::MARKED_WORDS {
        let times = words.iter().filter(|w| w.to_lowercase() == *marked).count();
        assert!(times <= 1, "'{marked}' comes {times} times:\n{body}");
    }
    let mut runs = std::collections::BTreeSet::new();
    for run in words.windows(4) {
        if run
            .iter()
            .all(|w| !w.is_empty() && !w.chars().any(char::is_uppercase))
        {
            let run = run.join(" ");
            assert!(runs.insert(run.clone()), "'{run}' comes twice:\n{body}");
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for sentence in body.split(['.', '!', '?', '\n']) {
        let opening: Vec<String> = sentence
            .split_whitespace()
            .take(3)
            .map(str::to_lowercase)
            .collect();
        if opening.len() == 3 {
            let opening = opening.join(" ");
            assert!(
                seen.insert(opening.clone()),
                "'{opening}' opens two sentences:\n{body}"
            );
        }
    }
}

fn full_text(c: &Composed) -> String {
    match &c.subject {
        Some(s) => format!("Subject: {s}\n\n{}", c.body),
        None => c.body.clone(),
    }
}

#[test]
fn every_built_in_note_is_clean_private_and_80_to_180_words() {
    let checker = Checker::built_in();
    let skill_sets = [
        vec![],
        vec![skill(
            "Kubernetes",
            "Led the migration of 40 services onto Kubernetes with no downtime",
        )],
        vec![
            skill(
                "Kubernetes",
                "I moved 40 services onto Kubernetes with no downtime.",
            ),
            skill(
                "PostgreSQL",
                "Tuned the PostgreSQL queries behind our reports, cutting them from minutes to seconds",
            ),
        ],
    ];
    let apps = [
        application("Acme", "Platform Engineer"),
        application("Globex Corporation", "Senior Site Reliability Engineer"),
    ];
    // A recipient by title alone, one with a position, and one with what they work on
    // and their part in the interview noted (`interview note --panellist`).
    let mut director = recipient("Dr.");
    director.position = "Director of Analytics".into();
    let mut panellist = recipient("");
    panellist.position = "Senior Data Engineer".into();
    let people = [Some(recipient("Ms")), Some(director), Some(panellist), None];
    let situations = [
        Situation::default(),
        Situation {
            others: vec!["Tom Reid".into(), "Ana Lima".into()],
            round: 2,
            after: "unavailable".into(),
            ..Situation::default()
        },
        Situation {
            round: 1,
            after: "voicemail".into(),
            ..Situation::default()
        },
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
                for (n, note) in NOTES.iter().enumerate() {
                    for points in POINTS {
                        for app in &apps {
                            for to in &people {
                                let mut iv = interview(note, points);
                                iv.id = format!("int-{n}-{}", app.company.len());
                                if let Some(p) = to.as_ref().filter(|p| p.honorific.is_empty()) {
                                    iv.panellists = vec![Panellist {
                                        contact_id: p.id.clone(),
                                        works_on: "the migration to dbt".into(),
                                        part: "the SQL exercise".into(),
                                    }];
                                }
                                if n == 1 {
                                    iv.mentions = vec!["your plans for the Edinburgh team".into()];
                                    iv.offers =
                                        vec!["how I size experiments when traffic is low".into()];
                                    iv.decide_by = Some(date(2027, 2, 26));
                                } else if n == 2 {
                                    iv.decide_by = Some(date(2027, 3, 12));
                                }
                                let situation = situations[checked % situations.len()].clone();
                                let draft = compose_in(
                                    kind.clone(),
                                    channel.clone(),
                                    locale.clone(),
                                    to.as_ref(),
                                    skills,
                                    &iv,
                                    app,
                                    situation,
                                );
                                let full = full_text(&draft);
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
                                assert_fit_to_send(&full, &locale, &iv, skills);
                                assert_sentences_open_differently(&draft.body);
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
                                    // The skills are named, in sentences of your own.
                                    for s in skills {
                                        assert!(draft.body.contains(&s.name), "{full}");
                                    }
                                    if !skills.is_empty() {
                                        assert!(draft.body.contains(" I "), "{full}");
                                    }
                                }
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 2 * 4 * 3 * 3 * 2 * 2 * 4);
}

#[test]
fn the_call_script_asks_where_things_stand_once_their_date_has_passed() {
    // Drafts are composed as of 2 March 2027 (the app composes a script as of its call's
    // day, which the plan puts after the date they gave).
    let app = application("Acme", "Platform Engineer");
    let mut iv = interview(NOTES[1], POINTS[1]);
    iv.decide_by = Some(date(2027, 2, 26));
    let script = |iv: &Interview| {
        compose(
            DraftKind::Script,
            Channel::Phone,
            Locale::EnGb,
            Some(&recipient("Ms")),
            &[],
            iv,
            &app,
        )
        .body
    };
    let passed = script(&iv);
    assert!(
        passed.contains("You mentioned you hoped to decide by 26 February, and I know timelines often move: could you tell me where things stand, and when you now expect to decide?"),
        "{passed}"
    );
    assert!(!passed.contains("still hoping"), "{passed}");
    iv.decide_by = Some(date(2027, 3, 12));
    let ahead = script(&iv);
    assert!(
        ahead.contains("whether you are still hoping to decide by 12 March"),
        "{ahead}"
    );
}

#[test]
fn the_query_cites_their_date_and_offers_what_you_wrote_for_them() {
    let app = application("Acme", "Platform Engineer");
    let mut iv = interview(NOTES[1], POINTS[1]);
    iv.offers = vec!["how I size experiments when traffic is low".into()];
    iv.decide_by = Some(date(2027, 2, 26));
    let gb = compose(
        DraftKind::Query,
        Channel::Email,
        Locale::EnGb,
        Some(&recipient("Ms")),
        &[],
        &iv,
        &app,
    );
    assert!(
        gb.body.contains("You mentioned you hoped to reach a decision by 26 February, and I know timelines often move."),
        "{}",
        gb.body
    );
    assert!(
        gb.body.contains(
            "I would be glad to say more about how I size experiments when traffic is low."
        )
    );
    let us = compose(
        DraftKind::Query,
        Channel::Email,
        Locale::EnUs,
        Some(&recipient("Ms")),
        &[],
        &iv,
        &app,
    );
    assert!(us.body.contains("by February 26, and"), "{}", us.body);
    // No date given: the one question, in the locale's words.
    iv.decide_by = None;
    let gb = compose(
        DraftKind::Query,
        Channel::Email,
        Locale::EnGb,
        None,
        &[],
        &iv,
        &app,
    );
    assert!(gb.body.contains("draw up a shortlist?"), "{}", gb.body);
    let us = compose(
        DraftKind::Query,
        Channel::Email,
        Locale::EnUs,
        None,
        &[],
        &iv,
        &app,
    );
    assert!(
        us.body.contains("narrow down your candidates?"),
        "{}",
        us.body
    );
    // After a final round there is no shortlist to ask about.
    let second = compose_in(
        DraftKind::Query,
        Channel::Email,
        Locale::EnGb,
        None,
        &[],
        &iv,
        &app,
        Situation {
            round: 2,
            ..Situation::default()
        },
    );
    assert!(second.body.contains("reach a decision?"), "{}", second.body);
    assert!(!second.body.contains("shortlist"), "{}", second.body);
}

#[test]
fn scripts_are_clean_and_voicemail_fits_in_30_seconds() {
    let checker = Checker::built_in();
    let app = application("Globex Corporation", "Senior Site Reliability Engineer");
    let mut iv = interview(NOTES[2], POINTS[1]);
    iv.offers = vec!["how I size experiments when traffic is low".into()];
    let mut to = recipient("Mr");
    // Written as Americans write it: the script gives it as dialled from London.
    to.phones.push(Labelled::plain("(212) 555-0100"));
    to.region = Some("us".into());
    to.given_name = "Priya".into();
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
        // Read aloud at 2.5 words a second: 75 words is 30 seconds.
        assert!(body_words(&voicemail.body) <= 75, "{}", voicemail.body);
        assert_eq!(
            voicemail.body.matches("+44 7700 900123").count(),
            2,
            "the number twice: {}",
            voicemail.body
        );
        assert!(
            voicemail.body.contains("in a few days"),
            "{}",
            voicemail.body
        );
        // When the plan would hold that email longer, the voicemail names its day,
        // still within 30 seconds.
        let later = compose_in(
            DraftKind::Voicemail,
            Channel::Phone,
            locale.clone(),
            Some(&to),
            &[],
            &iv,
            &app,
            Situation {
                email_after_voicemail: Some(date(2027, 3, 15)),
                ..Situation::default()
            },
        );
        let day = match locale {
            Locale::EnUs => "a short email on Monday, March 15.",
            _ => "a short email on Monday 15 March.",
        };
        assert!(later.body.contains(day), "{}", later.body);
        assert!(body_words(&later.body) <= 75, "{}", later.body);
        // Within five days it stays "in a few days".
        let soon = compose_in(
            DraftKind::Voicemail,
            Channel::Phone,
            locale.clone(),
            Some(&to),
            &[],
            &iv,
            &app,
            Situation {
                email_after_voicemail: Some(date(2027, 3, 5)),
                ..Situation::default()
            },
        );
        assert!(soon.body.contains("in a few days"), "{}", soon.body);
        // With no one on the panel yet, the greeting has no name and no stray space.
        let nobody = compose(
            DraftKind::Voicemail,
            Channel::Phone,
            locale.clone(),
            None,
            &[],
            &iv,
            &app,
        );
        assert!(
            nobody.body.starts_with("Hello, this is Sam Carter."),
            "{}",
            nobody.body
        );
        let script = compose(
            DraftKind::Script,
            Channel::Phone,
            locale.clone(),
            None,
            &[],
            &iv,
            &app,
        );
        assert!(
            script.body.contains("\"Hello, it's Sam Carter."),
            "{}",
            script.body
        );
        assert!(!script.body.contains(" ,"), "{}", script.body);
        let situation = Situation {
            your_time: Some("Tue 9 Mar 15:00–16:30 GMT".into()),
            callback: true,
            ..Situation::default()
        };
        let script = compose_in(
            DraftKind::Script,
            Channel::Phone,
            locale.clone(),
            Some(&to),
            &[],
            &iv,
            &app,
            situation,
        );
        let body = &script.body;
        assert!(
            body.contains("+1 212 555-0100"),
            "the number to dial from abroad: {body}"
        );
        assert!(body.contains("15:00–16:30 GMT"), "your time: {body}");
        assert!(body.contains("as arranged"), "a callback: {body}");
        assert!(body.contains("When would suit you better?"));
        assert!(body.contains("If you reach voicemail"), "{body}");
        assert!(
            body.contains(
                "I'd be glad to say a little more about how I size experiments when traffic is low."
            ),
            "{body}"
        );
        assert_fit_to_send(body, &locale, &iv, &[]);
        assert_fit_to_send(&voicemail.body, &locale, &iv, &[]);
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
    let subject = us.subject.unwrap();
    assert!(
        subject.to_lowercase().contains("thank you") && subject.contains("Platform Engineer"),
        "{subject}"
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
    // The day as the reader lived it: 20:30 on Tuesday in Los Angeles was Wednesday
    // morning in Bengaluru, whose interviewer's region says so.
    let mut evening = interview("", &[]);
    evening.start = "2027-03-03T04:30:00Z".parse().unwrap();
    evening.time_zone = "America/Los_Angeles".into();
    let mut bengaluru = recipient("Ms");
    bengaluru.region = Some("in".into());
    let theirs = compose(
        DraftKind::ThankYou,
        Channel::Email,
        Locale::EnUs,
        Some(&bengaluru),
        &[],
        &evening,
        &app,
    );
    assert!(
        theirs.body.contains("on Wednesday, March 3"),
        "{}",
        theirs.body
    );
    let unplaced = compose(
        DraftKind::ThankYou,
        Channel::Email,
        Locale::EnUs,
        Some(&recipient("Ms")),
        &[],
        &evening,
        &app,
    );
    assert!(
        unplaced.body.contains("on Tuesday, March 2"),
        "{}",
        unplaced.body
    );
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
fn a_skill_its_evidence_already_names_is_not_said_twice() {
    let app = application("Maple Co", "Senior Analyst");
    let skills = [
        skill(
            "Negotiation",
            "Negotiated 12 supplier contracts, saving 8% a year",
        ),
        skill(
            "Financial modeling",
            "Built the three-statement model for a $40M raise",
        ),
    ];
    let iv = interview("", &[]);
    for channel in [Channel::Email, Channel::Letter] {
        let note = compose_in(
            DraftKind::ThankYou,
            channel,
            Locale::EnUs,
            None,
            &skills,
            &iv,
            &app,
            Situation::default(),
        );
        let body = &note.body;
        assert!(
            body.contains(" I negotiated 12 supplier contracts"),
            "{body}"
        );
        assert!(!body.contains("On negotiation"), "{body}");
        assert!(
            body.contains("On financial modeling, I built the three-statement model"),
            "{body}"
        );
    }
}

#[test]
fn panel_notes_are_each_their_own_and_interviews_differ() {
    let app = application("Acme", "Platform Engineer");
    let skills = [
        skill(
            "Kubernetes",
            "Led the migration of 40 services onto Kubernetes",
        ),
        skill("Go", "Wrote the Go services behind our billing platform"),
    ];
    let mut iv = interview("", &[]);
    iv.mentions = vec!["your plans for the Edinburgh team".into()];
    let panel: Vec<Contact> = [
        ("Priya Patel", "Head of Platform"),
        ("Tom Reid", "Staff Engineer"),
        ("Ana Lima", "Engineering Manager"),
    ]
    .iter()
    .map(|(name, position)| {
        let mut c = Contact::named(name, Timestamp::UNIX_EPOCH);
        c.position = position.to_string();
        c
    })
    .collect();
    for locale in [Locale::EnGb, Locale::EnUs] {
        let notes: Vec<Composed> = panel
            .iter()
            .enumerate()
            .map(|(turn, c)| {
                compose_in(
                    DraftKind::ThankYou,
                    Channel::Email,
                    locale.clone(),
                    Some(c),
                    &skills,
                    &iv,
                    &app,
                    Situation {
                        turn: turn as u32,
                        ..Situation::default()
                    },
                )
            })
            .collect();
        for (i, a) in notes.iter().enumerate() {
            assert!(a.body.contains(&panel[i].position), "{}", a.body);
            for b in &notes[i + 1..] {
                let alike = similarity(&a.body, &b.body);
                assert!(
                    alike <= 0.7,
                    "{alike:.2} alike:\n{}\n---\n{}",
                    a.body,
                    b.body
                );
            }
        }
    }
    // One note to the lead thanks the others by name.
    let lead = compose_in(
        DraftKind::ThankYou,
        Channel::Email,
        Locale::EnGb,
        Some(&panel[0]),
        &skills,
        &iv,
        &app,
        Situation {
            others: vec!["Tom Reid".into(), "Ana Lima".into()],
            ..Situation::default()
        },
    );
    assert!(
        lead.body
            .contains("Please pass my thanks to Tom Reid and Ana Lima as well."),
        "{}",
        lead.body
    );
    // Two interviews at different companies do not read the same.
    let other_app = application("Globex", "Platform Engineer");
    let mut other = iv.clone();
    other.id = "int-globex".into();
    let a = compose(
        DraftKind::ThankYou,
        Channel::Email,
        Locale::EnGb,
        Some(&panel[0]),
        &skills,
        &iv,
        &app,
    );
    let b = compose(
        DraftKind::ThankYou,
        Channel::Email,
        Locale::EnGb,
        Some(&panel[0]),
        &skills,
        &other,
        &other_app,
    );
    let alike = similarity(&a.body, &b.body);
    assert!(alike <= 0.7, "{alike:.2}:\n{}\n---\n{}", a.body, b.body);
    assert!(near_identical(&a.body, &a.body.replace("Acme", "Acme Ltd")));
}

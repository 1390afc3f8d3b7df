use super::*;

/// A checker with the shipped rules and a model that reads "zebra" as bad and
/// "thanks" as courteous, so the combination is tested apart from learned weights.
fn with_toy_model() -> Checker {
    let model = overall::Model {
        bias: 0.0,
        weights: [("zebra", 5.0), ("thanks", -5.0)]
            .into_iter()
            .map(|(k, w)| (k.to_string(), w))
            .collect(),
        // Without a reading of meaning, the words decide both ways.
        meaning: None,
    };
    Checker {
        overall: Some(Box::leak(Box::new(model))),
        ..Checker::built_in()
    }
}

#[test]
fn the_reading_as_a_whole_flags_what_no_rule_names_on_its_heaviest_sentence() {
    let checker = with_toy_model();
    let found = checker.check("We met on Monday.\nI saw a zebra today. Bye", "en-GB");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!((f.rule.as_str(), f.level), (overall::RULE, Level::Warning));
    assert_eq!(
        (f.matched.as_str(), f.line, f.column),
        ("I saw a zebra today.", 2, 1)
    );
    assert!(f.message.contains("Keep to thanks"));
    // A tone rule that already warns is enough: no second finding for the same thing.
    let found = checker.check("Why is this taking so long? A zebra.", "en-GB");
    assert!(!found.iter().any(|f| f.rule == overall::RULE), "{found:#?}");
    assert!(found.iter().any(|f| f.rule == "Pushy.Accusatory"));
    // Unless the user accepts what that rule matched: then the reading still speaks,
    // and what it points at can be accepted too.
    let mut accepting = with_toy_model();
    accepting.accept = vec!["taking so long".into()];
    let found = accepting.check("Why is this taking so long? A zebra.", "en-GB");
    assert_eq!(
        found.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        [overall::RULE],
        "{found:#?}"
    );
    accepting.accept.push("zebra".into());
    assert_eq!(
        accepting.check("Why is this taking so long? A zebra.", "en-GB"),
        Vec::new()
    );
    // Turned off by its id or its family.
    for off in ["Tone.Overall", "Tone"] {
        let mut checker = with_toy_model();
        checker.disable(&[off.to_string()]);
        assert_eq!(checker.check("A zebra.", "en-GB"), Vec::new());
    }
}

#[test]
fn a_courteous_message_lowers_tone_warnings_where_their_sentence_is_courteous_too() {
    let checker = with_toy_model();
    let found = checker.check("Why is this taking so long, thanks?", "en-GB");
    let f = found.iter().find(|f| f.rule == "Pushy.Accusatory").unwrap();
    assert_eq!(f.level, Level::Suggestion, "{f:#?}");
    assert!(f.message.contains("courteous"));
    // The message reads courteous, but the complaint's own sentence does not: the
    // thanks around it do not soften it for the reader.
    let found = checker.check("Why is this taking so long? Thanks", "en-GB");
    let f = found.iter().find(|f| f.rule == "Pushy.Accusatory").unwrap();
    assert_eq!(f.level, Level::Warning, "{f:#?}");
    // A match that begins in the sentence before (". Why is this taking") is judged by
    // every sentence it touches, not the courteous one it starts in.
    let found = checker.check("Thanks, thanks. Why is this taking so long?", "en-GB");
    let f = found.iter().find(|f| f.rule == "Pushy.Accusatory").unwrap();
    assert_eq!(f.level, Level::Warning, "{f:#?}");
    // Where characters of several bytes (dashes, a curly apostrophe) come first, the
    // finding's place, counted in characters, is still found in the right sentence.
    let found = checker.check(
        "Thanks — it’s thanks — thanks — thanks. I have been more than patient with you.",
        "en-GB",
    );
    let f = found.iter().find(|f| f.rule == "Pushy.Accusatory").unwrap();
    assert_eq!(f.level, Level::Warning, "{f:#?}");
    // Errors are never lowered.
    let found = checker.check("I really need this job. Thanks", "en-GB");
    let f = found
        .iter()
        .find(|f| f.rule == "Desperate.Begging")
        .unwrap();
    assert_eq!(f.level, Level::Error);
    // Without the reading, the warning stays a warning.
    let mut plain = with_toy_model();
    plain.disable(&[overall::RULE.to_string()]);
    let found = plain.check("Why is this taking so long? Thanks", "en-GB");
    let f = found.iter().find(|f| f.rule == "Pushy.Accusatory").unwrap();
    assert_eq!(f.level, Level::Warning);
}

/// The shipped rules are compiled once and shared, but what one checker turns off or
/// adds is its own: the next checker has every shipped rule and nothing else.
#[test]
fn each_checker_owns_its_switches_over_the_shared_rules() {
    let mut first = Checker::built_in();
    let shipped = first.rules.len();
    first.disable(&["Pushy".to_string()]);
    let yaml = "extends: existence\nmessage: '%s'\nlevel: error\ntokens: [zebra]\n";
    assert!(
        first
            .add_rules(&[("My.Zebra".into(), yaml.into())])
            .is_empty()
    );
    assert!(!first.rules.iter().any(|r| r.id.starts_with("Pushy.")));
    let second = Checker::built_in();
    assert_eq!(second.rules.len(), shipped);
    assert!(second.rules.iter().any(|r| r.id.starts_with("Pushy.")));
    assert!(!second.rules.iter().any(|r| r.id == "My.Zebra"));
    assert_eq!(second.check("A zebra.", "en-GB"), Vec::new());
    assert_eq!(first.check("A zebra.", "en-GB").len(), 1);
}

#[test]
fn switches_and_accept_lists() {
    let mut checker = Checker::built_in();
    let flagged = checker.check("Respond ASAP.", "en-GB");
    assert!(
        flagged.iter().any(|f| f.matched.contains("ASAP")),
        "without the accept list it is flagged: {flagged:?}"
    );
    checker.accept.push("ASAP".into());
    let accepted = checker.check("Respond ASAP.", "en-GB");
    assert!(
        accepted.iter().all(|f| !f.matched.contains("ASAP")),
        "{accepted:?}"
    );
    checker.disable(&["Pushy".into()]);
    assert!(checker.check("When do I start?", "en-GB").is_empty());
}

/// A disguised word ("id\u{200b}iots", "bullsh1t", "f.u.c.k") is found as the plain one
/// is, at the same level, and the finding quotes what was written, where it was written.
#[test]
fn disguised_words_are_found_where_they_were_written() {
    let checker = Checker {
        overall: None,
        ..Checker::built_in()
    };
    let found = |text: &str| {
        let mut v: Vec<(String, Level)> = checker
            .check(text, "en-GB")
            .into_iter()
            .map(|f| (f.rule, f.level))
            .collect();
        v.sort();
        v
    };
    for (plain, disguised) in [
        ("You people are idiots.", "You people are id\u{200b}iots."),
        ("You people are idiots.", "You people are \u{456}diots."),
        ("You people are idiots.", "You people are i d i o t s."),
        (
            "You people are idiots.",
            "ｙｏｕ ｐｅｏｐｌｅ ａｒｅ ｉｄｉｏｔｓ.",
        ),
        ("This is bullshit.", "This is bullsh1t."),
        ("What the fuck is this?", "What the f.u.c.k is this?"),
        (
            "Why is this taking so long?",
            "Why is this taking so lo\u{578}g?",
        ),
    ] {
        let want = found(plain);
        assert!(
            want.iter()
                .any(|(_, l)| *l == Level::Error || *l == Level::Warning),
            "{plain}: {want:?}"
        );
        // An invisible character is also worth deleting for itself (tone/hidden.rs).
        let mut disguised_found = found(disguised);
        let hidden = disguised_found
            .iter()
            .filter(|(rule, _)| rule == "Careless.Hidden")
            .count();
        assert_eq!(
            hidden,
            usize::from(disguised.contains('\u{200b}')),
            "{disguised}"
        );
        disguised_found.retain(|(rule, _)| rule != "Careless.Hidden");
        assert_eq!(disguised_found, want, "{disguised}");
    }
    let text = "Thanks.\nYou people are id\u{200b}iots.";
    let f = checker
        .check(text, "en-GB")
        .into_iter()
        .find(|f| f.rule == "Pushy.Insult")
        .unwrap();
    assert_eq!((f.line, f.column), (2, 1));
    let quoted: String = text.chars().skip(f.start).take(f.end - f.start).collect();
    assert_eq!(quoted, f.matched);
    assert!(f.matched.contains('\u{200b}'), "{:?}", f.matched);
}

#[test]
fn every_rule_file_in_data_styles_is_shipped() {
    // A rule file added to data/styles but not to BUILT_IN would load from nowhere: its
    // examples would never run and no user would get it (Undermining.OverApologetic was
    // first written that way).
    let styles = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/styles");
    let mut on_disk = Vec::new();
    for family in std::fs::read_dir(&styles).unwrap() {
        let family = family.unwrap().path();
        for file in std::fs::read_dir(&family).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "yml") {
                on_disk.push(format!(
                    "{}.{}",
                    family.file_name().unwrap().to_string_lossy(),
                    file.file_stem().unwrap().to_string_lossy()
                ));
            }
        }
    }
    on_disk.sort();
    let mut shipped: Vec<String> = BUILT_IN.iter().map(|(id, _)| id.to_string()).collect();
    shipped.sort();
    assert_eq!(on_disk, shipped);
}

//! The rule files: every shipped rule's examples hold, the fast search paths find what
//! the plain ones do, and a bad file is refused with its field named.

use super::*;
use crate::tone::checker::{self, BUILT_IN, Checker};

/// The one-search-then-parts shortcut finds exactly what a search per part finds, for
/// every shipped pattern, on the tone corpus with LF and CRLF line ends and a subject.
#[test]
fn matches_in_finds_what_a_search_per_part_finds() {
    let corpus = include_str!("../../../tests/data/tone-corpus.txt");
    let texts = [
        corpus.to_string(),
        corpus.replace('\n', "\r\n"),
        format!("Subject: following up\n\nHi Sam,\n{corpus}"),
        "Why is this\ntaking so long?\n\nwhy haven't you replied".to_string(),
        "Why is this\r\ntaking so long?\r\n\r\nwhy haven't you replied".to_string(),
        "Dear Sam,\nYou said\n> you said\nyou\nsaid Monday. I will\ntell everyone.\n\nBest,\nAl\n-- \nyou said".to_string(),
    ];
    let checker = Checker::built_in();
    let mut patterns: Vec<&Regex> = Vec::new();
    for rule in &checker.rules {
        match &rule.kind {
            Kind::Existence {
                tokens,
                unless_after,
                unless_before,
                unless_in_text,
                ..
            } => {
                patterns.push(tokens);
                patterns.extend(
                    unless_after
                        .iter()
                        .chain(unless_before.iter())
                        .chain(unless_in_text.iter()),
                );
            }
            Kind::Substitution(pairs) => patterns.extend(pairs.iter().map(|(re, _)| re)),
            Kind::Occurrence { pattern, .. } | Kind::Density { pattern, .. } => {
                patterns.push(pattern)
            }
            Kind::Conditional {
                first,
                second,
                forbid,
            } => {
                patterns.push(first);
                patterns.extend(second.iter().chain(forbid.iter()));
            }
            Kind::Sentiment {
                target,
                unless_before,
                ..
            } => {
                patterns.push(target);
                patterns.extend(unless_before.iter());
            }
            _ => {}
        }
    }
    // A user's rule may anchor to a line's ends, or run across lines.
    let anchored = [
        Regex::new(r"(?m)long\?$").unwrap(),
        Regex::new(r"(?mi)^why").unwrap(),
        Regex::new(r"(?i)is this\s+taking").unwrap(),
        Regex::new(r"(?i)said\s+monday|you\s+said").unwrap(),
        Regex::new(r"(?m)^|$").unwrap(),
        Regex::new(r"(?m)[a-z]*$").unwrap(),
    ];
    patterns.extend(anchored.iter());
    for source in &texts {
        let text = Text::new(source);
        for scope in [
            Scope::Text,
            Scope::Body,
            Scope::Subject,
            Scope::Greeting,
            Scope::Signoff,
        ] {
            let parts = text.parts(scope);
            for re in &patterns {
                let naive: Vec<(usize, usize)> = parts
                    .iter()
                    .flat_map(|(a, b)| {
                        re.find_iter(&source[*a..*b])
                            .map(move |m| (a + m.start(), a + m.end()))
                    })
                    .collect();
                assert_eq!(matches_in(re, source, &parts), naive, "{}", re.as_str());
            }
        }
    }
}

/// Folding case by lowercasing text and patterns finds exactly what the regex
/// engine's own case folding finds, for every shipped rule, on both corpora as written
/// and in capitals, checked on one thread (the corpus) and on several (the rest).
#[test]
fn folding_case_by_lowercasing_finds_what_the_engine_finds() {
    let lowered = Checker::built_in();
    assert!(lowered.rules.iter().filter(|r| r.lowercase).count() > 20);
    let engine = Checker {
        rules: BUILT_IN
            .iter()
            .map(|(id, yaml)| Rule::parse_folding(id, yaml, false).unwrap())
            .collect(),
        accept: Vec::new(),
        overall: lowered.overall,
    };
    assert!(engine.rules.iter().all(|r| !r.lowercase));
    let corpus = include_str!("../../../tests/data/tone-corpus.txt");
    let external = include_str!("../../../tests/data/tone-external.txt");
    assert!(external.len() > checker::PARALLEL_FROM && corpus.len() < checker::PARALLEL_FROM);
    for text in [
        corpus.to_string(),
        corpus.to_uppercase(),
        external.to_string(),
        external.to_uppercase(),
    ] {
        for locale in ["en-GB", "en-US"] {
            let found = lowered.check(&text, locale);
            assert!(!found.is_empty());
            assert_eq!(found, engine.check(&text, locale));
        }
    }
}

#[test]
fn rule_patterns_match_either_apostrophe_and_ascii_boundaries() {
    assert_eq!(compiled_pattern("don't"), "don['’]t");
    assert_eq!(compiled_pattern("don['’]t"), "don['’]t");
    assert_eq!(compiled_pattern(r"a\'b"), r"a\'b");
    assert_eq!(compiled_pattern(r"\bso\b[\b]"), r"(?-u:\b)so(?-u:\b)[\b]");
    let found = |t: &str| flags("Desperate.Despair", t);
    assert!(found("If I don't get this job, I don't know what I'll do."));
    assert!(found("If I don’t get this job, I don’t know what I’ll do."));
}

#[test]
fn a_rule_offers_wording_for_the_shapes_it_knows() {
    let checker = Checker::built_in();
    let text = "Thank you again. I really need this job.";
    let f = checker
        .check(text, "en-GB")
        .into_iter()
        .find(|f| f.rule == "Desperate.Begging")
        .expect("begging found");
    assert_eq!(
        f.suggestions,
        vec!["I would welcome the chance to contribute in this role".to_string()]
    );
    let chars: Vec<char> = text.chars().collect();
    let matched: String = chars[f.start..f.end].iter().collect();
    assert_eq!(matched, "I really need this job");
    // A match of another shape gets no wording that would not fit it.
    let f = checker
        .check("I might lose my house.", "en-GB")
        .into_iter()
        .find(|f| f.rule == "Desperate.Begging")
        .expect("begging found");
    assert!(f.suggestions.is_empty());
}

#[test]
fn every_shipped_rule_has_examples_and_they_hold() {
    let checker = Checker::built_in();
    for rule in &checker.rules {
        assert!(
            !rule.examples.fail.is_empty() && !rule.examples.pass.is_empty(),
            "{} has no pass/fail examples",
            rule.id
        );
        let locale = rule.locale.clone().unwrap_or("en-gb".into());
        let single = Checker {
            rules: vec![Rule::parse(&rule.id, yaml_of(&rule.id)).unwrap()],
            ..Checker::default()
        };
        for text in &rule.examples.fail {
            assert!(
                !single.check(text, &locale).is_empty(),
                "{} should flag: {text}",
                rule.id
            );
        }
        for text in &rule.examples.pass {
            let found = single.check(text, &locale);
            assert!(
                found.is_empty(),
                "{} should not flag: {text}\n{found:#?}",
                rule.id
            );
        }
    }
}

fn yaml_of(id: &str) -> &'static str {
    BUILT_IN.iter().find(|(i, _)| *i == id).unwrap().1
}

#[test]
fn findings_carry_position_message_and_link() {
    let text = "Subject: Thanks\n\nDear Ms Patel,\n\nHonestly, I really need this job.\n";
    let found = Checker::built_in().check(text, "en-GB");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.rule, "Desperate.Begging");
    assert_eq!(f.level, Level::Error);
    assert_eq!(f.matched, "I really need this job");
    assert_eq!((f.line, f.column), (5, 11));
    assert_eq!(&text[f.start..f.end], "I really need this job");
    assert!(
        f.message
            .starts_with("'I really need this job' reads as pleading")
    );
    assert!(f.link.is_some());
}

#[test]
fn quotes_and_signatures_are_not_checked() {
    let text = "Dear Tom,\n\nThank you for your time.\n\n> Why haven't you replied? Respond ASAP.\n\nBest regards,\nSam\n-- \nSam Carter | I'LL DO ANYTHING for coffee\n";
    assert!(Checker::built_in().check(text, "en-GB").is_empty());
}

#[test]
fn scopes_split_subject_greeting_body_and_signoff() {
    let t = Text::new(
        "Subject: Following up\n\nDear Ms Patel,\n\nThank you.\n\nYours sincerely,\nSam\n",
    );
    let scopes: Vec<Scope> = t.spans.iter().map(|s| s.0).collect();
    assert_eq!(
        scopes,
        vec![
            Scope::Subject,
            Scope::Greeting,
            Scope::Body,
            Scope::Signoff,
            Scope::Signoff
        ]
    );
}

/// Findings count places in characters; text is sliced in bytes. `byte_of` takes one to
/// the other, across lines and characters of several bytes.
#[test]
fn a_finding_place_in_characters_is_found_in_bytes() {
    let source = "Thanks — it’s fine.\nCafé — é\nWhy?";
    let t = Text::new(source);
    for (chars, c) in source.chars().enumerate() {
        let byte = t.byte_of(chars);
        assert_eq!(source[byte..].chars().next(), Some(c), "character {chars}");
    }
    assert_eq!(t.byte_of(source.chars().count()), source.len());
}

#[test]
fn bad_rules_name_the_field() {
    let e = Rule::parse(
        "My.Rule",
        "extends: existence\nmessage: x\nlevel: error\ntokens: ['(unclosed']\n",
    )
    .unwrap_err();
    assert_eq!(e.field, "tokens");
    assert!(e.problem.contains("bad regular expression"));
    let e = Rule::parse("My.Rule", "extends: magic\nmessage: x\nlevel: error\n").unwrap_err();
    assert_eq!(e.field, "extends");
    let e = Rule::parse(
        "My.Rule",
        "extends: existence\nmessage: x\nlevel: loud\ntokens: [a]\n",
    )
    .unwrap_err();
    assert!(e.to_string().contains("level"), "{e}");
    let mut checker = Checker::built_in();
    let n = checker.rules.len();
    let errors = checker.add_rules(&[
        (
            "Mine.Good".into(),
            "extends: existence\nmessage: \"'%s' is jargon\"\nlevel: warning\ntokens: [synergy]\n"
                .into(),
        ),
        ("Mine.Bad".into(), "extends: nope\n".into()),
    ]);
    assert_eq!(errors.len(), 1);
    assert_eq!(checker.rules.len(), n + 1, "the good rule still loads");
    assert_eq!(
        checker.check("Great synergy.", "en-GB")[0].rule,
        "Mine.Good"
    );
}

#[test]
fn locale_rules_apply_to_their_locale_only() {
    let letter = "Dear Sir or Madam,\n\nThank you for your time.\n\nYours sincerely,\nSam\n";
    assert_eq!(
        Checker::built_in().check(letter, "en-GB")[0].rule,
        "Letter.SirOrMadamSincerely"
    );
    assert!(Checker::built_in().check(letter, "en-US").is_empty());
}

#[test]
fn a_finding_quotes_what_was_found_not_the_spaces_around_it() {
    let found = findings(
        "Careless.Emoticon",
        "Thanks for the interview ;) see you soon",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].matched, ";)");
    assert_eq!(found[0].column, 26);
}

#[test]
fn an_offer_accepted_only_in_a_quoted_reply_does_not_quiet_presumption() {
    let presumes = |text: &str| flags("Pushy.Presumptive", text);
    assert!(!presumes(
        "I am delighted to accept your offer, and I am available to start on Monday."
    ));
    assert!(presumes(
        "I am available to start on Monday.\n\n> I am delighted to accept your offer."
    ));
}

#[test]
fn words_inside_a_web_or_email_address_are_not_read_as_words() {
    let text = "My portfolio: https://docs.google.com/document/u/0/d/abc, \
                (www.ty-example.com/ur/page) or write to ty@example.com.";
    let found = findings("Careless.", text);
    assert!(found.is_empty(), "{found:?}");
    // The same words outside an address still count.
    assert!(flags("Careless.Shorthand", "thank u, ty"));
}

/// What the shipped checker finds in `text` (en-GB) from rules whose name starts with
/// `rule` (a whole name, or a family such as "Careless.").
fn findings(rule: &str, text: &str) -> Vec<Finding> {
    Checker::built_in()
        .check(text, "en-GB")
        .into_iter()
        .filter(|f| f.rule.starts_with(rule))
        .collect()
}

/// Whether the shipped checker finds `rule` in `text` (en-GB).
fn flags(rule: &str, text: &str) -> bool {
    findings(rule, text).iter().any(|f| f.rule == rule)
}

#[test]
fn what_waives_a_match_must_come_right_after_it() {
    // A quoted name is waived; the same noun further on waives nothing.
    assert!(!flags(
        "Pushy.Sarcasm",
        "I liked the \"Feedback\" screen you showed me."
    ));
    assert!(flags(
        "Pushy.Sarcasm",
        "Thanks for the \"feedback\". The new screen is nice, though."
    ));
    // A target the reader named is waived; another target in the sentence still counts.
    assert!(!flags(
        "Pushy.Resentment",
        "The damage from the data breach you mentioned must have been awful."
    ));
    assert!(flags(
        "Pushy.Resentment",
        "You mentioned a timeline, and your silence since has been rude and insulting."
    ));
}

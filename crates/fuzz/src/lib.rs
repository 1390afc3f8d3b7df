//! The fuzz targets' bodies: every file and text the program reads from a user, fed
//! through the same functions the CLI and the web app call. cargo-fuzz (`fuzz/`) calls
//! them with generated inputs; `tests/replay.rs` calls them with the committed corpus
//! (`fuzz/corpus/<target>/`), so CI holds every input found so far without a fuzzer.
//! A target passes an input when it returns: refusals are fine, panics are not.

use followup_app::{Followup, Options};
use followup_core::tone::{Checker, overall};
use jiff::Timestamp;
use std::cell::RefCell;
use std::sync::OnceLock;

/// Every target, by the name its corpus folder and cargo-fuzz binary have.
pub const TARGETS: &[&str] = &[
    "vcard",
    "csv",
    "backup",
    "holidays",
    "tone_rules",
    "templates",
    "check",
    "sense",
    "skills",
    "words",
];

/// Runs the named target on one input.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "vcard" => vcard(data),
        "csv" => csv(data),
        "backup" => backup(data),
        "holidays" => holidays(data),
        "tone_rules" => tone_rules(data),
        "templates" => templates(data),
        "check" => check(data),
        "sense" => sense(data),
        "skills" => skills(data),
        "words" => words(data),
        other => panic!("no fuzz target {other}"),
    }
}

/// A fixed "now", so that a run is repeatable.
fn now() -> Timestamp {
    "2026-11-28T12:00:00Z".parse().unwrap()
}

/// The input as the program reads a file: UTF-8, or UTF-16 with its byte-order mark.
fn text(data: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    followup_formats::decoded_text(data).ok()
}

thread_local! {
    /// One in-memory database per thread: what an import does is done to it, and the
    /// plan is recomputed over whatever it then holds.
    static ENGINE: RefCell<Followup> = RefCell::new(
        Followup::open(":memory:", Options::default()).expect("an in-memory database opens"),
    );
}

/// The built-in checker with the reading of a message's words but not of its meaning:
/// the sentence encoder takes tens of milliseconds an input, and has a target of its own
/// (`sense`), so that replaying a thousand inputs here stays quick.
fn built_in_checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let words = overall::Model {
            meaning: None,
            ..overall::Model::shipped().clone()
        };
        Checker {
            overall: Some(Box::leak(Box::new(words))),
            ..Checker::built_in()
        }
    })
}

/// Any text through the sentence encoder: every token id within the vocabulary, and a
/// vector of the right length, of finite numbers, scaled to length 1. The whole text is
/// tokenized; only its first 64 bytes are encoded, because 200 tokens and more take over
/// a second under the fuzzer's instrumentation, its time limit (the cut at 256 is
/// tested in crates/sense).
pub fn sense(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let text: &str = &text;
    let encoder = followup_sense::Encoder::shipped();
    assert!(encoder.token_ids(text).len() <= 256);
    let end = (0..=text.len().min(64))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let vector = encoder.embed(&text[..end]);
    assert_eq!(vector.len(), followup_sense::DIM);
    let length: f32 = vector.iter().map(|v| v * v).sum::<f32>().sqrt();
    assert!(
        vector.iter().all(|v| v.is_finite()) && (length - 1.0).abs() < 1e-3,
        "{length}"
    );
}

/// A `.vcf` file: every card read, each written back out and read again; and the text
/// as a typed address.
pub fn vcard(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let text: &str = &text;
    // The same text typed as an address (contact add --address): parsed and placed.
    let typed = followup_core::place::parse_address(text);
    let _ = followup_core::place::region_of(&typed);
    let read = followup_formats::vcard::read_cards(text, now());
    for (_, contact) in &read.cards {
        let card = followup_formats::vcard::write_card(contact);
        let again = followup_formats::vcard::read_cards(&card, now());
        assert!(
            again.errors.is_empty(),
            "a card we wrote does not read back: {:?}\n{card}",
            again.errors
        );
    }
}

/// A CSV of applications, header row first.
pub fn csv(data: &[u8]) {
    let _ = followup_formats::csv_import::read_applications(data, &[], now(), |_| {});
}

/// A JSON backup: read, restored into the database, and the plans recomputed over it.
pub fn backup(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let text: &str = &text;
    let Ok(records) = followup_formats::backup::read(text) else {
        return;
    };
    ENGINE.with(|engine| {
        let mut app = engine.borrow_mut();
        if app.restore(records, true).is_ok() {
            let _ = app.refresh_plans(None);
            let _ = app.agenda(None, 14, Some(20));
        }
    });
}

/// A holiday file, as GOV.UK's JSON and as iCalendar; what reads is imported and the
/// working days of its regions are built.
pub fn holidays(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let text: &str = &text;
    let mut days = Vec::new();
    if let Ok(read) = followup_formats::holiday_files::read_govuk(text) {
        days.extend(read);
    }
    if let Ok(read) = followup_formats::holiday_files::read_ics(text, "gb-eng") {
        days.extend(read);
    }
    if days.is_empty() {
        return;
    }
    let regions: Vec<String> = days.iter().map(|d| d.region.clone()).collect();
    ENGINE.with(|engine| {
        let mut app = engine.borrow_mut();
        if app.import_holidays(days, false).is_ok() {
            for region in regions.iter().take(3) {
                let _ = app.working_days(region);
            }
        }
    });
}

/// A tone rule file (YAML): loaded beside the built-in rules and run on a short note.
///
/// Case is folded by lowercasing text and patterns; the same rule with case folded by the
/// regex engine must find the same, on a letter, on the rule file itself and on it in
/// capitals (the Kelvin sign and the long s, which the engine folds to k and s, aside).
pub fn tone_rules(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let text: &str = &text;
    let id = "Fuzz.Rule";
    // Only the fuzzed rule's findings are compared: the readings as a whole (and the
    // sentence encoder's tens of milliseconds a text) have no part here.
    let mut checker = Checker {
        overall: None,
        ..Checker::built_in()
    };
    let errors = checker.add_rules(&[(id.to_string(), text.to_string())]);
    if !errors.is_empty() {
        return;
    }
    let engine = Checker {
        rules: vec![
            followup_core::tone::Rule::parse_folded_by_engine(id, text)
                .expect("a rule that parses lowercased parses as written"),
        ],
        ..Checker::default()
    };
    let letter = "Dear Priya,\n\nThank you for your time today. I really need this job!!\n\nSam";
    for sample in [
        letter.to_string(),
        text.to_string(),
        text.to_ascii_uppercase(),
    ] {
        if sample.contains(['\u{212A}', '\u{17F}']) {
            continue;
        }
        for locale in ["en-GB", "en-US"] {
            let ours: Vec<_> = checker
                .check(&sample, locale)
                .into_iter()
                .filter(|f| f.rule == id)
                .collect();
            assert_eq!(ours, engine.check(&sample, locale), "{sample:?}");
        }
    }
}

/// A user's version of a draft template: checked as `template save` checks it.
pub fn templates(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let text: &str = &text;
    let _ = followup_core::compose::check_template("thank-you-email", text);
}

/// Text given to `followup check`, in both locales: each finding quotes the text at its
/// place, line and column.
pub fn check(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let text: &str = &text;
    let checker = built_in_checker();
    let chars: Vec<char> = text.chars().collect();
    for locale in ["en-GB", "en-US"] {
        // Every finding quotes what was written where it says, disguised words included.
        for f in checker.check(text, locale) {
            if f.matched.is_empty() {
                continue;
            }
            assert!(f.start < f.end && f.end <= chars.len(), "{f:?}");
            let quoted: String = chars[f.start..f.end].iter().collect();
            assert_eq!(quoted, f.matched, "{f:?}");
            let before = &chars[..f.start];
            let line = before.iter().filter(|&&c| c == '\n').count() + 1;
            let column = before.iter().rev().take_while(|&&c| c != '\n').count() + 1;
            assert_eq!((f.line, f.column), (line, column), "{f:?}");
        }
    }
}

/// A job description given to `skills match` (and to every draft's pick of skills),
/// ranked against a profile whose names and aliases hold the spellings the matcher
/// rewrites (C++, CI/CD, k8s, .NET, Node.js). The pick is at most three skills, none
/// twice, each with a finite, positive score and a line of explanation.
pub fn skills(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let text: &str = &text;
    let picks = followup_core::skills::rank(skills_profile(), text, 3);
    assert!(picks.len() <= 3, "{picks:?}");
    let mut names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), picks.len(), "{picks:?}");
    for p in &picks {
        assert!(p.score.is_finite() && p.score > 0.0, "{p:?}");
        assert!(!p.why.is_empty(), "{p:?}");
    }
}

fn skills_profile() -> &'static [followup_core::model::Skill] {
    static PROFILE: OnceLock<Vec<followup_core::model::Skill>> = OnceLock::new();
    PROFILE.get_or_init(|| {
        [
            ("Python", &[][..], "Built data pipelines in Python."),
            ("C++", &["cpp"][..], "Wrote the pricing engine in C++."),
            (
                "CI/CD",
                &["continuous delivery"][..],
                "Took releases from weekly to daily.",
            ),
            (
                "Kubernetes",
                &["k8s"][..],
                "Moved 40 services onto Kubernetes.",
            ),
            (".NET", &["C#"][..], "Maintained the .NET billing service."),
            ("Node.js", &[][..], "Built the API gateway in Node.js."),
            (
                "Incident response",
                &["on-call"][..],
                "Ran the on-call rota.",
            ),
            ("SQL", &[][..], "Wrote the SQL behind finance reporting."),
        ]
        .into_iter()
        .map(|(name, aliases, evidence)| followup_core::model::Skill {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            evidence: evidence.into(),
        })
        .collect()
    })
}

/// Dates and times in words: the employer's timeline and a callback as said on the phone,
/// in both locales' orders, from a day near either end of the supported years too. A date
/// found is never before the day it was said on, and a callback read is a real instant.
pub fn words(data: &[u8]) {
    use followup_core::model::Locale;
    let Some(text) = text(data) else { return };
    let text: &str = &text;
    static CAL: OnceLock<followup_core::calendar::WorkingDays> = OnceLock::new();
    let cal = CAL.get_or_init(|| {
        followup_core::calendar::WorkingDays::new("gb-eng", &[]).expect("a shipped region")
    });
    for said_on in [
        jiff::civil::date(2026, 12, 1),
        jiff::civil::date(2200, 12, 30),
        jiff::civil::date(1900, 1, 1),
    ] {
        for locale in [Locale::EnGb, Locale::EnUs] {
            if let Some(d) = followup_core::said::date_from_phrase(text, said_on, cal, &locale) {
                assert!(d >= said_on, "{text:?} on {said_on}: {d}");
            }
            let _ = followup_core::said::given_date("decide-by", text, said_on, cal, &locale);
            // A call at noon that day (a day Followup's years hold).
            let noon = format!("{said_on}T12:00");
            if let Ok(call) = followup_core::when::instant("at", &noon, "UTC") {
                let _ = followup_core::when::instant_in_words(
                    "callback",
                    text,
                    "Europe/London",
                    call,
                    cal,
                    &locale,
                );
            }
        }
    }
}

//! Precision and recall of the tone checker's error and warning findings on a labelled
//! corpus written for Followup (tests/data/tone-corpus.txt). Bars: precision ≥ 0.95,
//! recall ≥ 0.90. `cargo test -p followup-core --test tone_corpus -- --nocapture` prints
//! the figures the README reports.

use followup_core::tone::{Checker, Level};
use std::collections::BTreeSet;

struct Labelled {
    locale: String,
    expect: BTreeSet<String>,
    text: String,
}

fn corpus() -> Vec<Labelled> {
    let raw = include_str!("data/tone-corpus.txt");
    let mut out: Vec<Labelled> = Vec::new();
    for line in raw.lines() {
        if let Some(header) = line.strip_prefix("=== ") {
            let (locale, expect) = header.split_once(" expect: ").expect("header shape");
            let expect = expect
                .split(',')
                .map(str::trim)
                .filter(|e| *e != "none" && !e.is_empty())
                .map(String::from)
                .collect();
            out.push(Labelled {
                locale: locale.to_string(),
                expect,
                text: String::new(),
            });
        } else if let Some(current) = out.last_mut() {
            current.text.push_str(line);
            current.text.push('\n');
        }
    }
    out
}

#[test]
fn precision_and_recall_on_the_labelled_corpus() {
    let checker = Checker::built_in();
    let corpus = corpus();
    assert!(
        corpus.len() >= 60,
        "the corpus has {} messages",
        corpus.len()
    );
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for (i, m) in corpus.iter().enumerate() {
        let found: BTreeSet<String> = checker
            .check(&m.text, &m.locale)
            .into_iter()
            .filter(|f| f.level >= Level::Warning)
            .map(|f| f.rule)
            .collect();
        tp += found.intersection(&m.expect).count();
        let extra: Vec<&String> = found.difference(&m.expect).collect();
        let missed: Vec<&String> = m.expect.difference(&found).collect();
        fp += extra.len();
        fn_ += missed.len();
        if !extra.is_empty() || !missed.is_empty() {
            misses.push(format!(
                "#{i} extra {extra:?} missed {missed:?}: {}",
                m.text.lines().next().unwrap_or("")
            ));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "tone corpus: {} messages, {tp} true positives, {fp} false positives, {fn_} misses; precision {precision:.3}, recall {recall:.3}",
        corpus.len()
    );
    for m in &misses {
        println!("  {m}");
    }
    // We wrote these texts and the rules: a false finding here is a regression, and the
    // README says there are none (one crept in unnoticed while the bar was 0.95).
    assert_eq!(fp, 0, "precision {precision:.3}\n{}", misses.join("\n"));
    assert!(recall >= 0.90, "recall {recall:.3}\n{}", misses.join("\n"));
}

#[test]
fn the_corpus_covers_every_family_and_both_locales() {
    let corpus = corpus();
    let labelled: BTreeSet<&str> = corpus
        .iter()
        .flat_map(|m| m.expect.iter().map(|e| e.split('.').next().unwrap()))
        .collect();
    for family in ["Desperate", "Pushy", "Subject", "Letter"] {
        assert!(labelled.contains(family), "no {family} example");
    }
    assert!(corpus.iter().any(|m| m.locale == "en-US"));
    assert!(corpus.iter().any(|m| m.locale == "en-GB"));
    // Suggestion-level families appear as texts that must stay silent at warning level.
    for phrase in [
        "just decision",
        "really enjoy",
        "Sorry to bother",
        "I think",
        "!",
    ] {
        assert!(
            corpus.iter().any(|m| m.text.contains(phrase)),
            "no look-alike with {phrase}"
        );
    }
}

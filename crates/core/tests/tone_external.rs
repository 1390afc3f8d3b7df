//! The tone checker on messages written by other people (tests/data/tone-external.txt:
//! published examples from career-advice pages, recruiters' blogs and forums, each with
//! its source URL). The corpus was split into development and test halves (alternately,
//! per label) when it was built, before the rules for it were written. Precision and
//! recall (error and warning findings against the labels) are reported for both halves
//! and per family: `cargo test -p followup-core --test tone_external -- --nocapture`.
//!
//! Read the figures for what they are. The corpus is small (see the README for the
//! counts; the goal is 150 of each label). Batch 1's test half was read by whoever wrote
//! the rules; batches 2 to 4 were collected after the rules and their held-out halves
//! stayed blind until 2026-11-28, when they were read and rules were written from their
//! misses, so they are now "test" too, as are batches 5 and 6's blind halves since
//! 2026-11-29. Batch 7 was collected after that and split before the checker ran on it:
//! its blind half is the honest figure, and its misses are printed only with
//! FOLLOWUP_SHOW_BLIND=1, so rules are written from the dev half alone. Batches 8 to 21
//! were split dev/test; the headers of batches 10 and 12 to 21 record the checker's first
//! look at them. The assertions guard against regression: precision everywhere, recall on
//! the test halves.
//!
//! The reading of a message as a whole (tone/overall.rs) learns from the development and
//! test halves; the test half is measured with a model trained without it, and a
//! simulation measures both parts on each batch before anything was learnt from it.

mod support;

use followup_core::tone::meaning::Meaning;
use followup_core::tone::overall::{self, Model, Verdict};
use followup_core::tone::{Checker, Level};
use std::collections::BTreeMap;
use support::external as corpus;

/// Precision, recall and the misses for one half.
struct Score {
    precision: f64,
    recall: f64,
    flagged_bad: usize,
    bad: usize,
    flagged_clean: usize,
    clean: usize,
    by_family: BTreeMap<String, (usize, usize)>,
    misses: Vec<String>,
}

/// The model the shipped one would be without the test half: what the test half is
/// measured with, so its figures are for writing the model did not learn from.
fn model_without_test() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| Model::train_with(&support::training_without_test(), &support::vector))
}

fn score(split: &str) -> Score {
    let show_misses = split != "blind" || std::env::var_os("FOLLOWUP_SHOW_BLIND").is_some();
    let mut checker = Checker::built_in();
    if split == "test" {
        checker.overall = Some(model_without_test());
    }
    let mut s = Score {
        precision: 0.0,
        recall: 0.0,
        flagged_bad: 0,
        bad: 0,
        flagged_clean: 0,
        clean: 0,
        by_family: BTreeMap::new(),
        misses: Vec::new(),
    };
    for m in corpus().into_iter().filter(|m| m.split == split) {
        let findings = checker.check(&m.text, "en-GB");
        let flagged = findings.iter().any(|f| f.level >= Level::Warning);
        if m.bad {
            s.bad += 1;
            let family = s.by_family.entry(m.family.clone()).or_default();
            family.1 += 1;
            if flagged {
                s.flagged_bad += 1;
                family.0 += 1;
            } else if show_misses {
                s.misses.push(format!(
                    "  missed {}: {} ({})",
                    m.family,
                    m.text.trim(),
                    m.url
                ));
            }
        } else {
            s.clean += 1;
            if flagged {
                s.flagged_clean += 1;
                if !show_misses {
                    continue;
                }
                let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
                s.misses.push(format!(
                    "  false alarm {rules:?}: {} ({})",
                    m.text.trim(),
                    m.url
                ));
            }
        }
    }
    let flagged = s.flagged_bad + s.flagged_clean;
    s.precision = if flagged == 0 {
        1.0
    } else {
        s.flagged_bad as f64 / flagged as f64
    };
    s.recall = s.flagged_bad as f64 / s.bad.max(1) as f64;
    s
}

fn report(name: &str, s: &Score) -> String {
    let families: Vec<String> = s
        .by_family
        .iter()
        .map(|(f, (hit, all))| format!("{f} {hit}/{all}"))
        .collect();
    format!(
        "{name}: precision {:.2} ({} of {} flagged were bad), recall {:.2} ({} of {} bad); clean {}, false alarms {}\n  by family: {}\n{}",
        s.precision,
        s.flagged_bad,
        s.flagged_bad + s.flagged_clean,
        s.recall,
        s.flagged_bad,
        s.bad,
        s.clean,
        s.flagged_clean,
        families.join(", "),
        s.misses.join("\n")
    )
}

#[test]
fn the_corpus_is_split_before_rules_and_sourced() {
    let corpus = corpus();
    assert!(corpus.iter().all(|m| m.url.starts_with("http")));
    assert!(
        corpus
            .iter()
            .all(|m| ["dev", "test", "blind"].contains(&m.split.as_str()))
    );
    // Each message is there once (batch 5 once repeated one from batch 3, and batch 7's
    // blind half one from batch 2 with a typographic apostrophe): compared without case,
    // typographic quotes or spacing.
    let mut texts: Vec<String> = corpus.iter().map(|m| support::plain(&m.text)).collect();
    texts.sort();
    let twice: Vec<&String> = texts
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| &w[0])
        .collect();
    assert!(twice.is_empty(), "in the corpus twice: {twice:?}");
    // Nor is one half's message part of another half's (batch 5's test half once held a
    // paragraph of a letter batch 3's development half held whole): the test half would
    // be measured on what the rules were written from.
    for a in &corpus {
        let part = support::plain(&a.text);
        if part.split(' ').count() < 4 {
            continue;
        }
        for b in corpus.iter().filter(|b| b.split != a.split) {
            assert!(
                !support::plain(&b.text).contains(&part),
                "a {} message inside a {} one: {part}",
                a.split,
                b.split
            );
        }
    }
    // The goal the issue sets: at least 150 of each label.
    assert!(corpus.iter().filter(|m| m.bad).count() >= 150);
    assert!(corpus.iter().filter(|m| !m.bad).count() >= 150);
    // Half of each batch is held out: test (batches 1 to 6 and 8 to 21) and blind (batch 7). Each
    // batch alternates starting with dev, so dev can lead by one per label and batch.
    let held = corpus.iter().filter(|m| m.split != "dev").count();
    let batches = include_str!("data/tone-external.txt")
        .lines()
        .filter(|l| l.starts_with("# Batch"))
        .count()
        + 1;
    assert!(
        held * 2 + 2 * batches >= corpus.len(),
        "halves: {held} of {}",
        corpus.len()
    );
}

#[test]
fn precision_and_recall_on_messages_by_other_people() {
    let dev = score("dev");
    let test = score("test");
    let blind = score("blind");
    println!(
        "{}\n\n{}\n\n{}",
        report("development half", &dev),
        report("test half (reading trained without it)", &test),
        report(
            "blind half (batch 7, collected after the last rule change; misses shown with FOLLOWUP_SHOW_BLIND=1)",
            &blind
        )
    );
    // The bars this corpus holds the checker to (see the README for what they measure).
    assert!(test.precision >= PRECISION_BAR, "{}", report("test", &test));
    assert!(test.recall >= RECALL_BAR, "{}", report("test", &test));
    // The blind half is reported, not asserted: a bar on it would invite reading it, and
    // then it would no longer be blind. Its figures go into the README as measured.
}

/// domain.md's bars for the checker, held here on the test half as a regression guard.
const PRECISION_BAR: f64 = 0.95;
const RECALL_BAR: f64 = 0.80;

/// data/tone-model.tsv is what training on the development and test halves and the
/// probes gives (rounded as written): nobody trained it on the blind half, or by hand.
#[test]
fn the_shipped_model_is_what_training_gives() {
    // As written to the file: rounded to 4 decimals, weights under 0.0005 left out.
    let model = Model::train_with(&support::training(), &support::vector);
    let trained = Model::parse(&model.to_tsv()).expect("what to_tsv writes parses");
    let shipped = Model::parse(include_str!("../../../data/tone-model.tsv")).unwrap();
    // Within a rounding step, so that a last-bit difference in `exp` between C libraries
    // cannot fail it; a changed corpus moves weights far more.
    let close = |a: f64, b: f64| (a - b).abs() <= 0.0002;
    let differ: std::collections::BTreeSet<&String> = shipped
        .weights
        .keys()
        .chain(trained.weights.keys())
        .filter(|k| {
            let w = |m: &Model| m.weights.get(*k).copied().unwrap_or(0.0);
            !close(w(&shipped), w(&trained))
        })
        .collect();
    assert!(
        close(shipped.bias, trained.bias) && differ.is_empty(),
        "regenerate: cargo run -q -p followup-core --example train_tone_model ({} weights differ, e.g. {:?})",
        differ.len(),
        differ.iter().take(5).collect::<Vec<_>>()
    );
    assert!(shipped.weights.len() > 1000);
    // The reading of meaning, written to six decimals.
    let meaning = model.meaning.expect("train_with reads meaning");
    let shipped = Meaning::parse(include_str!("../../../data/tone-meaning.tsv")).unwrap();
    let near = |a: f64, b: f64| (a - b).abs() <= 1e-4;
    assert!(
        near(meaning.bias, shipped.bias)
            && meaning
                .weights
                .iter()
                .zip(&shipped.weights)
                .all(|(a, b)| near(*a, *b)),
        "regenerate: cargo run -q -p followup-core --example train_tone_model"
    );
}

/// How the checker does on writing nobody tuned it on, batch by batch, as the corpus
/// grew: for batch B, the rules as they stood before B was collected (their first look,
/// recorded in tests/data/tone-first-looks.tsv) and the reading as a whole trained on
/// batches 1 to B-1 alone, combined as `Checker::check` combines them. Blind halves are
/// left out. Printed, with the clean messages it flags, and held as a regression guard:
/// the combination must beat the rules' first look on both precision and recall.
#[test]
fn the_reading_as_a_whole_on_each_batch_before_anything_was_learned_from_it() {
    let corpus = support::external();
    let batch_of = support::batches();
    // 0: nothing; 1: tone warnings only; 2: an error (see the file's header).
    let first_look: BTreeMap<(usize, String), u8> = include_str!("data/tone-first-looks.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.splitn(3, '\t').collect();
            (
                (f[0].parse().unwrap(), f[2].to_string()),
                f[1].parse().unwrap(),
            )
        })
        .collect();
    let (mut bad, mut rules, mut words, mut both) = (0, (0, 0), (0, 0), (0, 0));
    let last = *batch_of.iter().max().unwrap();
    for b in 2..=last {
        let train: Vec<(&str, bool)> = corpus
            .iter()
            .zip(&batch_of)
            .filter(|(m, batch)| **batch < b && m.split != "blind")
            .map(|(m, _)| (m.text.as_str(), m.bad))
            .chain(support::probes())
            .collect();
        let model = Model::train_with(&train, &support::vector);
        let words_alone = Model {
            meaning: None,
            ..model.clone()
        };
        for (m, _) in corpus
            .iter()
            .zip(&batch_of)
            .filter(|(m, batch)| **batch == b && m.split != "blind")
        {
            let found = first_look[&(b, support::first_look_key(&m.text))];
            let by_rules = found > 0;
            // As `Checker::check` combines them: a bad reading adds a warning, a
            // courteous one lowers tone warnings but never an error.
            let combined = |model: &Model| match model
                .verdict(&overall::read_part(&m.text), &support::vector(&m.text))
            {
                Verdict::ReadsBad => true,
                Verdict::ReadsCourteous => found == 2,
                Verdict::Undecided => by_rules,
            };
            let count = |tally: &mut (usize, usize), yes: bool| {
                if yes && m.bad {
                    tally.0 += 1;
                } else if yes {
                    tally.1 += 1;
                }
            };
            bad += usize::from(m.bad);
            if combined(&model) && !m.bad {
                println!("  batch {b} false alarm: {}", m.text.trim());
            }
            count(&mut rules, by_rules);
            count(&mut words, combined(&words_alone));
            count(&mut both, combined(&model));
        }
    }
    let figures =
        |(tp, fp): (usize, usize)| (tp as f64 / (tp + fp).max(1) as f64, tp as f64 / bad as f64);
    println!(
        "  flagged bad / false alarms: rules {rules:?}, with words {words:?}, with meaning {both:?}"
    );
    let (rp, rr) = figures(rules);
    let (wp, wr) = figures(words);
    let (bp, br) = figures(both);
    println!(
        "each batch before it was learned from ({bad} bad): rules' first look precision {rp:.2} recall {rr:.2}; with the reading of words precision {wp:.2} recall {wr:.2}; with the reading of meaning (as shipped) precision {bp:.2} recall {br:.2}"
    );
    assert!(bp > rp && br > rr, "{bp} {br} against {rp} {rr}");
    assert!(
        bp >= wp && br > wr,
        "meaning {bp} {br} against words {wp} {wr}"
    );
}

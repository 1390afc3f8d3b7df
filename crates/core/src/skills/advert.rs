//! An advert read for what it asks: each term with how often and how insistently it is
//! named (by the emphasis of its part, emphasis.rs, and by its place: adverts lead with
//! the heart of the job), and each part's terms in order, which tell a name of several
//! words asked for as itself from its words used apart (phrases.rs).

use super::{emphasis, terms};
use rust_stemmers::Stemmer;
use std::collections::HashMap;

/// How much more the first part of an advert counts than the last.
const EARLY_BONUS: f64 = 0.5;
/// How often, and how insistently, the advert names one term.
#[derive(Default)]
pub(super) struct Asked {
    /// Occurrences weighted by emphasis (a requirement counts 2, a bonus 0.5).
    pub weight: f64,
    /// The most insistent part that names it, for the explanation.
    pub strongest: Option<(f64, String)>,
    /// The first part that names it: of two skills asked for alike, the one the advert
    /// names in an earlier part goes first.
    pub first: usize,
    pub word: String,
}

/// What an advert asks for.
pub(super) struct Advert {
    /// Each term (stemmed) the advert names, or implies ("Django": Python).
    pub asked: HashMap<String, Asked>,
    /// Each part's terms in order, with its weight.
    pub sequences: Vec<(Vec<String>, f64)>,
}

/// Reads `job_description` part by part.
pub(super) fn read(job_description: &str, stemmer: &Stemmer) -> Advert {
    let mut asked: HashMap<String, Asked> = HashMap::new();
    // Each part's terms in order, with its weight, to tell a name of several words asked
    // for as itself from its words used apart (phrases.rs).
    let mut sequences: Vec<(Vec<String>, f64)> = Vec::new();
    let parts = emphasis::parts(job_description);
    let count = parts.len().max(1) as f64;
    let read: Vec<Vec<terms::Term>> = parts
        .iter()
        .map(|(part, _)| terms::terms(part, stemmer))
        .collect();
    // A tool implies its field ("Jenkins": CI/CD, "Django": Python) only in an advert that
    // never names the field itself: "CI/CD (GitHub Actions, Jenkins, etc.)" asks for CI/CD
    // once, not once for each tool it lists.
    let said: std::collections::HashSet<&str> =
        read.iter().flatten().map(|t| t.stem.as_str()).collect();
    for (i, ((part, emphasis), named)) in parts.iter().zip(&read).enumerate() {
        let emphasis = *emphasis;
        // Adverts lead with the heart of the job: what comes first counts up to half as
        // much again as what comes last.
        let early = 1.0 + EARLY_BONUS * (1.0 - i as f64 / count);
        sequences.push((
            named.iter().map(|t| t.stem.clone()).collect(),
            emphasis.weight() * early,
        ));
        let mut implied: Vec<terms::Term> = Vec::new();
        for t in named
            .iter()
            .filter_map(|t| terms::implied(&t.word, stemmer))
        {
            if !said.contains(t.stem.as_str()) && !implied.iter().any(|n| n.stem == t.stem) {
                implied.push(t);
            }
        }
        for t in named.iter().cloned().chain(implied) {
            let a = asked.entry(t.stem).or_insert_with(|| Asked {
                first: i,
                ..Asked::default()
            });
            a.weight += emphasis.weight() * early;
            if a.word.is_empty() {
                a.word = t.word;
            }
            if a.strongest
                .as_ref()
                .is_none_or(|(w, _)| emphasis.weight() > *w)
            {
                a.strongest = Some((emphasis.weight(), part.clone()));
            }
        }
    }
    Advert { asked, sequences }
}

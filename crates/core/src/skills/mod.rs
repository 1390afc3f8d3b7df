//! Picking the skills a thank-you note should name: the profile's skills ranked against
//! the job description.
//!
//! Text is lower-cased, a hyphen between words read as a space, terms tokenisers break
//! (C++, C#, .NET, Node.js, CI/CD) and common abbreviations (k8s, golang, postgres,
//! "No-SQL", "on-call") are mapped to one canonical term first, then split into words,
//! stop words (NLTK's English list) dropped and the rest stemmed (Snowball); numbers
//! ("4+", "30k") and words that say how much rather than what ("experience", "years",
//! "strong") never match on their own. A framework the advert names also asks for its
//! language ("Django": Python). Each part of the advert weighs what it names by its
//! emphasis, read per clause and under headings, with or without their colon ("Strong
//! SQL", "must have", "3+ years of", "primarily" count double; "a plus", "nice to
//! have", "occasionally", "support" half; emphasis.rs) and by its place (the first
//! lines count up to half as much again as the last); the subjects of a degree asked for
//! count a tenth, and ways of working every advert asks for (communication,
//! stakeholders) half. A skill scores BM25-style on its best-matched spelling (name or
//! alias; a two-word name counts once, not twice, and fully only where its words stand
//! together, phrases.rs), with its evidence sentence only as a tie-breaker, and terms
//! many skills share count least. A skill the advert offers as an alternative to one already picked ("Python or
//! Java", alternatives.rs) counts half. `SkillMatch::why` says what each score is made
//! of. Picks are distinct: two skills that come down to the same canonical spelling
//! ("Kubernetes", "k8s") are one pick, and two that only share a word ("Email
//! marketing", "Content marketing") are two.

use crate::model::Skill;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeSet, HashMap};

mod advert;
mod alternatives;
mod emphasis;
mod lines;
mod phrases;
mod pick;
mod terms;
mod words;
use terms::terms;

/// A skill's rank against a job description.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkillMatch {
    pub name: String,
    pub score: f64,
    /// Job-description words that matched, as written there.
    pub matched_terms: Vec<String>,
    /// What the score is made of, one line per matched term.
    #[serde(default)]
    pub why: Vec<String>,
    #[serde(skip)]
    pub evidence: String,
}

const NAME_WEIGHT: f64 = 3.0;
const EVIDENCE_WEIGHT: f64 = 1.0;
/// At most this much of a score comes from the evidence sentence: less than the name
/// scores of two skills the advert asks for differently ever differ by, so it decides
/// only between near-ties. (At 1.0 it decided between skills named alike: on a second
/// batch of real adverts, "Moved 40 services" matched "a fast-moving environment" and
/// put Kubernetes above the PostgreSQL the advert asked for.)
const EVIDENCE_CAP: f64 = 0.1;
/// How much a way of working nearly every advert asks for counts (words.rs,
/// `COMMON_ASKS`).
const COMMON_ASK: f64 = 0.5;
/// BM25's term-frequency saturation.
const K1: f64 = 1.2;
/// A candidate pick: its place in the profile, its match, and its spellings (which say
/// whether it is the same skill as a pick).
type Candidate<'a> = (usize, SkillMatch, &'a [Vec<String>]);

/// A skill as terms: its spellings (name and aliases), every name term, the evidence.
type SkillTerms = (Vec<Vec<String>>, BTreeSet<String>, BTreeSet<String>);

/// The `top` best distinct skills for `job_description`, best first; skills that match
/// nothing are left out.
pub fn rank(skills: &[Skill], job_description: &str, top: usize) -> Vec<SkillMatch> {
    let stemmer = Stemmer::create(Algorithm::English);
    let advert::Advert { asked, sequences } = advert::read(job_description, &stemmer);
    let common: BTreeSet<String> = words::COMMON_ASKS
        .iter()
        .map(|w| stemmer.stem(w).into_owned())
        .collect();
    // Each skill: its spellings (name and aliases, as terms), every name term, and the
    // evidence terms.
    let skill_terms: Vec<SkillTerms> = skills
        .iter()
        .map(|s| {
            let spellings: Vec<Vec<String>> = std::iter::once(&s.name)
                .chain(&s.aliases)
                .map(|n| {
                    terms(n, &stemmer)
                        .into_iter()
                        .map(|t| t.stem)
                        .collect::<Vec<_>>()
                })
                .filter(|v| !v.is_empty())
                .collect();
            let names: BTreeSet<String> = spellings.iter().flatten().cloned().collect();
            let evidence = terms(&s.evidence, &stemmer)
                .into_iter()
                .map(|t| t.stem)
                .collect();
            (spellings, names, evidence)
        })
        .collect();
    // Document frequency over the skills: a term every skill mentions tells nothing.
    let mut df: HashMap<&str, usize> = HashMap::new();
    for (_, names, evidence) in &skill_terms {
        for t in names.union(evidence) {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    let n = skills.len().max(1) as f64;
    // A term's BM25 weight, at `f` occurrences (as emphasis and place weigh them).
    let weight_at = |t: &str, f: f64, base: f64| -> f64 {
        if f == 0.0 {
            return 0.0;
        }
        let d = *df.get(t).unwrap_or(&1) as f64;
        let idf = ((n - d + 0.5) / (d + 0.5) + 1.0).ln();
        let common = if common.contains(t) { COMMON_ASK } else { 1.0 };
        base * idf * common * f * (K1 + 1.0) / (f + K1)
    };
    let weight = |t: &str, base: f64| weight_at(t, asked.get(t).map_or(0.0, |a| a.weight), base);
    let explain = |t: &str, from: &str, w: f64| -> String {
        let a = &asked[t];
        let how = match &a.strongest {
            Some((e, part)) if *e > 1.0 => {
                format!("asked for as a requirement (\"{}\")", clip(part))
            }
            Some((e, part)) if *e == 0.0 => {
                format!("said not to be needed (\"{}\")", clip(part))
            }
            Some((e, part)) if *e <= emphasis::Emphasis::Degree.weight() => {
                format!("a subject of the degree asked for (\"{}\")", clip(part))
            }
            Some((e, part)) if *e < 1.0 => format!("a bonus (\"{}\")", clip(part)),
            Some((_, part)) => format!("named (\"{}\")", clip(part)),
            None => String::new(),
        };
        format!("+{w:.2} '{}' in your skill's {from}, {how}", a.word)
    };
    // Each candidate with its place in `skills`, which alternatives are named by.
    let mut first_named: HashMap<usize, usize> = HashMap::new();
    let mut scored: Vec<Candidate> = skills
        .iter()
        .zip(&skill_terms)
        .enumerate()
        .map(|(i, (skill, (spellings, names, evidence)))| {
            let mut why = Vec::new();
            let mut matched_terms = Vec::new();
            // The name: its best-matched spelling, each term counted as a share of it, so
            // a two-word name ("Incident response") is worth no more than one word ("Go"),
            // and half of it ("response") only half.
            // A word of a several-word spelling counts fully only where the rest of it is
            // beside it (phrases.rs).
            let mut name_score = 0.0;
            let mut best: Vec<(f64, &String)> = Vec::new();
            let mut apart = false;
            for spelling in spellings {
                let with_rest = phrases::together(&sequences, spelling);
                let parts: Vec<(f64, &String)> = spelling
                    .iter()
                    .map(|t| {
                        let named = asked.get(t).map_or(0.0, |a| a.weight);
                        let w = if spelling.len() == 1 {
                            weight_at(t, named, NAME_WEIGHT)
                        } else {
                            let apart = (named - with_rest).max(0.0);
                            weight_at(t, with_rest, NAME_WEIGHT)
                                + phrases::APART * weight_at(t, apart, NAME_WEIGHT)
                        };
                        (w / spelling.len() as f64, t)
                    })
                    .filter(|(w, _)| *w > 0.0)
                    .collect();
                let total: f64 = parts.iter().map(|(w, _)| w).sum();
                if total > name_score {
                    name_score = total;
                    best = parts;
                    apart = spelling.len() > 1 && with_rest == 0.0;
                }
            }
            if let Some(first) = best.iter().map(|(_, t)| asked[t.as_str()].first).min() {
                first_named.insert(i, first);
            }
            for (w, t) in best {
                let mut line = explain(t, "name", w);
                if apart {
                    line.push_str(", apart from the rest of the name");
                }
                why.push((w, line));
                matched_terms.push(asked[t.as_str()].word.clone());
            }
            // The evidence only breaks ties: what the advert names decides, and words a
            // sentence of evidence happens to share ("production", "moved" with
            // "fast-moving") must not. Its terms share EVIDENCE_CAP between them, and the
            // explanation shows what each counted.
            let shared: Vec<(f64, &String)> = evidence
                .difference(names)
                .map(|t| (weight(t, EVIDENCE_WEIGHT), t))
                .filter(|(w, _)| *w > 0.0)
                .collect();
            let evidence_score: f64 = shared.iter().map(|(w, _)| w).sum();
            let counted = if evidence_score > EVIDENCE_CAP {
                EVIDENCE_CAP / evidence_score
            } else {
                1.0
            };
            for (w, t) in shared {
                let w = w * counted;
                why.push((w, explain(t, "evidence", w)));
                matched_terms.push(asked[t.as_str()].word.clone());
            }
            let score = name_score + evidence_score.min(EVIDENCE_CAP);
            why.sort_by(|a, b| b.0.total_cmp(&a.0));
            matched_terms.sort();
            matched_terms.dedup();
            let m = SkillMatch {
                name: skill.name.clone(),
                score: (score * 1000.0).round() / 1000.0,
                matched_terms,
                why: why.into_iter().map(|(_, w)| w).collect(),
                evidence: skill.evidence.clone(),
            };
            (i, m, spellings.as_slice())
        })
        .filter(|(_, m, _)| m.score > 0.0)
        .collect();
    // Best first; of two that score alike, the one the advert names in an earlier part,
    // then the name.
    let named_at = |i: usize| first_named.get(&i).copied().unwrap_or(usize::MAX);
    scored.sort_by(|a, b| {
        b.1.score
            .total_cmp(&a.1.score)
            .then(named_at(a.0).cmp(&named_at(b.0)))
            .then(a.1.name.cmp(&b.1.name))
    });
    let choices = alternatives::alternatives(job_description, &skill_terms, &stemmer);
    let spellings: Vec<&[Vec<String>]> = skill_terms.iter().map(|t| t.0.as_slice()).collect();
    let kinds = terms::kinds(&spellings, &stemmer);
    pick::distinct(scored, &choices, &kinds, top)
}

/// A part of an advert short enough to quote.
fn clip(part: &str) -> String {
    let part = part.trim();
    match part.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &part[..i]),
        None => part.to_string(),
    }
}

/// The skills named in `names` (by name or alias, any case), in that order, for a draft
/// that overrides the pick; an unknown name is an error naming the skills there are.
pub fn chosen(skills: &[Skill], names: &[String]) -> Result<Vec<SkillMatch>, String> {
    names
        .iter()
        .map(|want| {
            let want = want.trim().to_lowercase();
            skills
                .iter()
                .find(|s| {
                    s.name.to_lowercase() == want
                        || s.aliases.iter().any(|a| a.to_lowercase() == want)
                })
                .map(|s| SkillMatch {
                    name: s.name.clone(),
                    score: 0.0,
                    matched_terms: vec![],
                    why: vec!["chosen by you".into()],
                    evidence: s.evidence.clone(),
                })
                .ok_or_else(|| {
                    let known: Vec<&str> = skills.iter().map(|s| s.name.as_str()).collect();
                    format!(
                        "no skill '{}' in your profile; your skills are {}",
                        clip(&want),
                        known.join(", ")
                    )
                })
        })
        .collect()
}

#[cfg(test)]
mod tests;

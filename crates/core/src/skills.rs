//! Picking the skills a thank-you note should name: the profile's skills ranked against
//! the job description.
//!
//! Text is lower-cased, terms tokenisers break (C++, C#, .NET, Node.js, CI/CD) and common
//! abbreviations (k8s, golang, postgres) are mapped to one canonical term first, then
//! split into words, stop words (NLTK's English list) dropped and the rest stemmed
//! (Snowball). A skill scores BM25-style: its name and aliases matched in the job
//! description weigh most, its evidence sentence less, and terms that many skills share
//! ("team", "led") least. Picks are distinct: two skills that come down to the same
//! canonical name ("Kubernetes", "k8s") are one pick.

use crate::model::Skill;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeSet, HashMap};

/// Spellings that mean one thing, matched before words are split (lower case).
const ALIASES: &[(&str, &str)] = &[
    ("c++", "cplusplus"),
    ("c#", "csharp"),
    ("f#", "fsharp"),
    (".net", "dotnet"),
    ("asp.net", "dotnet"),
    ("node.js", "nodejs"),
    ("nodejs", "nodejs"),
    ("react.js", "react"),
    ("reactjs", "react"),
    ("vue.js", "vue"),
    ("next.js", "nextjs"),
    ("ci/cd", "cicd"),
    ("ci / cd", "cicd"),
    ("continuous integration", "cicd"),
    ("continuous delivery", "cicd"),
    ("k8s", "kubernetes"),
    ("kube", "kubernetes"),
    ("golang", "go"),
    ("postgres", "postgresql"),
    ("psql", "postgresql"),
    ("javascript", "javascript"),
    ("js", "javascript"),
    ("typescript", "typescript"),
    ("ts", "typescript"),
    ("machine learning", "machinelearning"),
    ("ml", "machinelearning"),
    ("amazon web services", "aws"),
    ("google cloud", "gcp"),
    ("infrastructure as code", "iac"),
    ("site reliability", "sre"),
    ("user experience", "ux"),
    ("power bi", "powerbi"),
    ("a/b test", "abtest"),
    ("a/b testing", "abtest"),
];

/// NLTK's English stop words (not the ISO list, which drops words like "system").
const STOP_WORDS: &[&str] = &[
    "i",
    "me",
    "my",
    "myself",
    "we",
    "our",
    "ours",
    "ourselves",
    "you",
    "you're",
    "you've",
    "you'll",
    "you'd",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "she's",
    "her",
    "hers",
    "herself",
    "it",
    "it's",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "what",
    "which",
    "who",
    "whom",
    "this",
    "that",
    "that'll",
    "these",
    "those",
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "doing",
    "a",
    "an",
    "the",
    "and",
    "but",
    "if",
    "or",
    "because",
    "as",
    "until",
    "while",
    "of",
    "at",
    "by",
    "for",
    "with",
    "about",
    "against",
    "between",
    "into",
    "through",
    "during",
    "before",
    "after",
    "above",
    "below",
    "to",
    "from",
    "up",
    "down",
    "in",
    "out",
    "on",
    "off",
    "over",
    "under",
    "again",
    "further",
    "then",
    "once",
    "here",
    "there",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "both",
    "each",
    "few",
    "more",
    "most",
    "other",
    "some",
    "such",
    "no",
    "nor",
    "not",
    "only",
    "own",
    "same",
    "so",
    "than",
    "too",
    "very",
    "s",
    "t",
    "can",
    "will",
    "just",
    "don",
    "don't",
    "should",
    "should've",
    "now",
    "d",
    "ll",
    "m",
    "o",
    "re",
    "ve",
    "y",
    "ain",
    "aren",
    "aren't",
    "couldn",
    "couldn't",
    "didn",
    "didn't",
    "doesn",
    "doesn't",
    "hadn",
    "hadn't",
    "hasn",
    "hasn't",
    "haven",
    "haven't",
    "isn",
    "isn't",
    "ma",
    "mightn",
    "mightn't",
    "mustn",
    "mustn't",
    "needn",
    "needn't",
    "shan",
    "shan't",
    "shouldn",
    "shouldn't",
    "wasn",
    "wasn't",
    "weren",
    "weren't",
    "won",
    "won't",
    "wouldn",
    "wouldn't",
];

/// A term as matched (its stem) and the word it came from, for showing the user.
#[derive(Debug, Clone)]
struct Term {
    stem: String,
    word: String,
}

/// Turns text into terms: canonical aliases, words, no stop words, stems.
fn terms(text: &str, stemmer: &Stemmer) -> Vec<Term> {
    let mut lower = format!(" {} ", text.to_lowercase());
    for (from, to) in ALIASES {
        if from.chars().any(|c| !c.is_alphanumeric()) || from.contains(' ') {
            lower = lower.replace(from, &format!(" {to} "));
        }
    }
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '+' || c == '#'))
        .map(|w| w.trim_matches(['\'', '+', '#']))
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(|w| {
            let canonical = ALIASES.iter().find(|(f, _)| *f == w).map_or(w, |(_, t)| *t);
            Term {
                stem: stemmer.stem(canonical).into_owned(),
                word: w.to_string(),
            }
        })
        .collect()
}

/// A skill's rank against a job description.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SkillMatch {
    pub name: String,
    pub score: f64,
    /// Job-description words that matched, as written there.
    pub matched_terms: Vec<String>,
    #[serde(skip)]
    pub evidence: String,
}

const NAME_WEIGHT: f64 = 3.0;
const EVIDENCE_WEIGHT: f64 = 1.0;
/// BM25's term-frequency saturation.
const K1: f64 = 1.2;

/// The `top` best distinct skills for `job_description`, best first; skills that match
/// nothing are left out.
pub fn rank(skills: &[Skill], job_description: &str, top: usize) -> Vec<SkillMatch> {
    let stemmer = Stemmer::create(Algorithm::English);
    let jd = terms(job_description, &stemmer);
    let mut tf: HashMap<&str, usize> = HashMap::new();
    for t in &jd {
        *tf.entry(t.stem.as_str()).or_default() += 1;
    }
    let skill_terms: Vec<(BTreeSet<String>, BTreeSet<String>)> = skills
        .iter()
        .map(|s| {
            let names: BTreeSet<String> = std::iter::once(&s.name)
                .chain(&s.aliases)
                .flat_map(|n| terms(n, &stemmer))
                .map(|t| t.stem)
                .collect();
            let evidence = terms(&s.evidence, &stemmer)
                .into_iter()
                .map(|t| t.stem)
                .collect();
            (names, evidence)
        })
        .collect();
    // Document frequency over the skills: a term every skill mentions tells nothing.
    let mut df: HashMap<&str, usize> = HashMap::new();
    for (names, evidence) in &skill_terms {
        for t in names.union(evidence) {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    let n = skills.len().max(1) as f64;
    let weight = |t: &str, base: f64| -> f64 {
        let f = *tf.get(t).unwrap_or(&0) as f64;
        if f == 0.0 {
            return 0.0;
        }
        let d = *df.get(t).unwrap_or(&1) as f64;
        let idf = ((n - d + 0.5) / (d + 0.5) + 1.0).ln();
        base * idf * f * (K1 + 1.0) / (f + K1)
    };
    let mut scored: Vec<(SkillMatch, &BTreeSet<String>)> = skills
        .iter()
        .zip(&skill_terms)
        .map(|(skill, (names, evidence))| {
            let mut score = 0.0;
            let mut hit: BTreeSet<&str> = BTreeSet::new();
            for t in names {
                let w = weight(t, NAME_WEIGHT);
                if w > 0.0 {
                    score += w;
                    hit.insert(t);
                }
            }
            for t in evidence.difference(names) {
                let w = weight(t, EVIDENCE_WEIGHT);
                if w > 0.0 {
                    score += w;
                    hit.insert(t);
                }
            }
            let mut matched_terms: Vec<String> = jd
                .iter()
                .filter(|t| hit.contains(t.stem.as_str()))
                .map(|t| t.word.clone())
                .collect();
            matched_terms.sort();
            matched_terms.dedup();
            let m = SkillMatch {
                name: skill.name.clone(),
                score: (score * 1000.0).round() / 1000.0,
                matched_terms,
                evidence: skill.evidence.clone(),
            };
            (m, names)
        })
        .filter(|(m, _)| m.score > 0.0)
        .collect();
    scored.sort_by(|a, b| {
        b.0.score
            .total_cmp(&a.0.score)
            .then(a.0.name.cmp(&b.0.name))
    });
    let mut picked: Vec<(SkillMatch, &BTreeSet<String>)> = Vec::new();
    for (m, names) in scored {
        if picked.len() >= top {
            break;
        }
        if picked.iter().any(|(_, p)| !p.is_disjoint(names)) {
            continue;
        }
        picked.push((m, names));
    }
    picked.into_iter().map(|(m, _)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(name: &str, aliases: &[&str], evidence: &str) -> Skill {
        Skill {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            evidence: evidence.into(),
        }
    }

    #[test]
    fn aliases_survive_tokenising() {
        let stemmer = Stemmer::create(Algorithm::English);
        let stems: Vec<String> = terms("C++, C#, .NET, Node.js, k8s and CI/CD", &stemmer)
            .into_iter()
            .map(|t| t.stem)
            .collect();
        assert_eq!(
            stems,
            vec!["cplusplus", "csharp", "dotnet", "nodej", "kubernet", "cicd"]
        );
    }

    #[test]
    fn the_system_is_not_a_stop_word() {
        let stemmer = Stemmer::create(Algorithm::English);
        assert_eq!(terms("the system", &stemmer)[0].stem, "system");
    }

    #[test]
    fn one_pick_per_canonical_skill() {
        let skills = [
            skill("Kubernetes", &[], "Ran 40 services on Kubernetes."),
            skill("k8s", &[], "Wrote operators."),
            skill("Rust", &[], "Wrote the billing engine in Rust."),
        ];
        let jd = "You will run our k8s clusters and write Rust services on Kubernetes.";
        let picks = rank(&skills, jd, 2);
        let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 2);
        assert!(names.contains(&"Rust"));
        assert!(
            names.contains(&"Kubernetes") ^ names.contains(&"k8s"),
            "{names:?}"
        );
        assert!(
            picks
                .iter()
                .any(|p| p.matched_terms.contains(&"k8s".to_string()))
        );
    }

    #[test]
    fn nothing_matched_is_not_picked() {
        let skills = [skill("Welding", &[], "Welded things.")];
        assert!(rank(&skills, "Write Python.", 2).is_empty());
    }
}

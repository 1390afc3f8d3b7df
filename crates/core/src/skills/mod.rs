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

mod alternatives;
mod emphasis;
mod lines;
mod phrases;
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
/// How much more the first part of an advert counts than the last.
const EARLY_BONUS: f64 = 0.5;
/// How much a way of working nearly every advert asks for counts (words.rs,
/// `COMMON_ASKS`).
const COMMON_ASK: f64 = 0.5;
/// BM25's term-frequency saturation.
const K1: f64 = 1.2;
/// How much a skill counts once another the advert names as its alternative is picked
/// ("Python or Java": a note that names Python needs the database next, not Java).
const ALTERNATIVE: f64 = 0.5;

/// Why a skill counts `ALTERNATIVE` beside a pick.
#[derive(Clone, Copy)]
enum Beside {
    /// The advert offers it as an alternative to the pick ("Python or Java").
    AlternativeTo,
    /// One of it and the pick is a kind of the other ("PostgreSQL", "SQL").
    KindOf,
}

impl Beside {
    fn why(self, pick: &str) -> String {
        match self {
            Beside::AlternativeTo => {
                format!("the advert offers it as an alternative to {pick}, picked already")
            }
            Beside::KindOf => {
                format!("one of it and {pick} is a kind of the other, picked already")
            }
        }
    }
}

/// A candidate pick: its place in the profile, its match, and its spellings (which say
/// whether it is the same skill as a pick).
type Candidate<'a> = (usize, SkillMatch, &'a [Vec<String>]);

/// A skill as terms: its spellings (name and aliases), every name term, the evidence.
type SkillTerms = (Vec<Vec<String>>, BTreeSet<String>, BTreeSet<String>);

/// How often, and how insistently, the advert names one term.
#[derive(Default)]
struct Asked {
    /// Occurrences weighted by emphasis (a requirement counts 2, a bonus 0.5).
    weight: f64,
    /// The most insistent part that names it, for the explanation.
    strongest: Option<(f64, String)>,
    /// The first part that names it: of two skills asked for alike, the one the advert
    /// names in an earlier part goes first.
    first: usize,
    word: String,
}

/// The `top` best distinct skills for `job_description`, best first; skills that match
/// nothing are left out.
pub fn rank(skills: &[Skill], job_description: &str, top: usize) -> Vec<SkillMatch> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut asked: HashMap<String, Asked> = HashMap::new();
    // Each part's terms in order, with its weight, to tell a name of several words asked
    // for as itself from its words used apart (phrases.rs).
    let mut sequences: Vec<(Vec<String>, f64)> = Vec::new();
    let parts = emphasis::parts(job_description);
    let count = parts.len().max(1) as f64;
    let common: BTreeSet<String> = words::COMMON_ASKS
        .iter()
        .map(|w| stemmer.stem(w).into_owned())
        .collect();
    for (i, (part, emphasis)) in parts.into_iter().enumerate() {
        // Adverts lead with the heart of the job: what comes first counts up to half as
        // much again as what comes last.
        let early = 1.0 + EARLY_BONUS * (1.0 - i as f64 / count);
        let named = terms(&part, &stemmer);
        sequences.push((
            named.iter().map(|t| t.stem.clone()).collect(),
            emphasis.weight() * early,
        ));
        let implied: Vec<terms::Term> = named
            .iter()
            .filter_map(|t| terms::implied(&t.word, &stemmer))
            .collect();
        for t in named.into_iter().chain(implied) {
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
    // Picked best first (a tie goes to the one earlier in `scored`: the higher score
    // before any halving, then the name); a skill the advert offers as an alternative to
    // one already picked counts for less, and one that shares a whole spelling with a pick
    // is not picked at all.
    let mut picked: Vec<Candidate> = Vec::new();
    while picked.len() < top {
        // Offered as an alternative to a pick ("Python or Java"), or a kind of one
        // ("PostgreSQL" beside "SQL"): either way, naming both says less than naming
        // something else the advert asks for.
        let alternative_to = |i: usize| {
            picked.iter().find_map(|(p, picked, _)| {
                let pair = ((*p).min(i), (*p).max(i));
                if choices.contains(&pair) {
                    Some((Beside::AlternativeTo, picked.name.as_str()))
                } else if kinds.contains(&pair) {
                    Some((Beside::KindOf, picked.name.as_str()))
                } else {
                    None
                }
            })
        };
        let counted =
            |(i, m, _): &Candidate| m.score * alternative_to(*i).map_or(1.0, |_| ALTERNATIVE);
        let mut next: Option<usize> = None;
        for (at, candidate) in scored.iter().enumerate() {
            // One skill under two names ("Kubernetes", "k8s") shares a whole spelling;
            // two that share a word ("Email marketing", "Content marketing") are two.
            let distinct = picked
                .iter()
                .all(|(_, _, p)| !p.iter().any(|spelling| candidate.2.contains(spelling)));
            if distinct && next.is_none_or(|n| counted(candidate) > counted(&scored[n])) {
                next = Some(at);
            }
        }
        let Some(at) = next else { break };
        let (i, mut m, spellings) = scored.remove(at);
        if let Some((relation, other)) = alternative_to(i) {
            m.score = (m.score * ALTERNATIVE * 1000.0).round() / 1000.0;
            m.why
                .push(format!("×{ALTERNATIVE}: {}", relation.why(other)));
        }
        picked.push((i, m, spellings));
    }
    picked.into_iter().map(|(_, m, _)| m).collect()
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
    fn an_unknown_chosen_skill_is_quoted_short() {
        let skills = [skill("SQL", &["postgres"], "")];
        assert_eq!(
            chosen(&skills, &[" Postgres ".into()]).unwrap()[0].name,
            "SQL"
        );
        let err = chosen(&skills, &["s".repeat(5000)]).unwrap_err();
        assert!(
            err.len() < 120 && err.ends_with("your skills are SQL"),
            "{err}"
        );
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
                .any(|p| p.matched_terms.contains(&"k8s".to_string())),
            "{picks:?}"
        );
    }

    #[test]
    fn a_skill_that_is_a_kind_of_a_pick_counts_half() {
        // Every adviser's pair in tests/data names one of SQL and PostgreSQL, never both.
        let skills = [
            skill("SQL", &[], "Wrote the SQL behind our finance reports."),
            skill("PostgreSQL", &["postgres"], "Tuned PostgreSQL indexes."),
            skill("AWS", &[], "Ran production on AWS."),
        ];
        let jd = "Strong SQL, with PostgreSQL in production. Experience of AWS.";
        let picks = rank(&skills, jd, 2);
        let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["SQL", "AWS"], "{picks:?}");
        // Picked anyway when nothing else is asked for, saying why it counts less.
        let picks = rank(&skills, "Strong SQL, with PostgreSQL in production.", 2);
        assert_eq!(picks[1].name, "PostgreSQL");
        assert!(
            picks[1]
                .why
                .iter()
                .any(|w| w.contains("a kind of the other, picked already")),
            "{:?}",
            picks[1].why
        );
    }

    #[test]
    fn two_skills_that_share_a_word_are_two_picks() {
        // A marketer's profile: only one "… marketing" skill could be picked while any
        // shared word made two skills one.
        let skills = [
            skill("Email marketing", &["Mailchimp"], "Ran the newsletter."),
            skill("Content marketing", &[], "Wrote the blog."),
            skill("Social media", &["paid social"], "Ran our accounts."),
            skill(
                "Paid search",
                &["Google Ads"],
                "Managed the Google Ads budget.",
            ),
        ];
        let jd = "Own email marketing and content marketing.\nRun paid search in Google Ads.";
        let picks = rank(&skills, jd, 3);
        let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names.contains(&"Email marketing") && names.contains(&"Content marketing"));
        assert!(names.contains(&"Paid search"), "{names:?}");
    }

    #[test]
    fn an_alternative_to_a_pick_comes_after_what_else_is_asked_for() {
        let skills = [
            skill("Python", &[], "Wrote APIs in Python."),
            skill("Java", &[], "Maintained Java services."),
            skill("PostgreSQL", &[], "Tuned queries."),
        ];
        let jd = "Professional experience with Python or Java.\nExperience with PostgreSQL.";
        let picks = rank(&skills, jd, 3);
        // Python and Java tie (the name decides); whichever comes first, the other waits
        // until after PostgreSQL.
        let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names[1], "PostgreSQL", "{names:?}");
        let alternative = format!("alternative to {}", names[0]);
        assert!(
            picks[2].why.iter().any(|w| w.contains(&alternative)),
            "{:?}",
            picks[2].why
        );
    }

    #[test]
    fn nothing_matched_is_not_picked() {
        let skills = [skill("Welding", &[], "Welded things.")];
        assert!(rank(&skills, "Write Python.", 2).is_empty());
    }
}

//! Skills an advert names as alternatives ("Python or Java", "expertise in one of these
//! languages: Ruby, PHP, Python, Golang"): any one of them answers that line, so a thank-you
//! note that names one has no need of the other, and the next pick should be something
//! else the advert asks for.

use super::SkillTerms;
use super::terms::terms;
use rust_stemmers::Stemmer;
use std::collections::BTreeSet;

/// Words that make the rest of a line a choice among what it lists. Not "one of" alone:
/// "you'll be one of our first engineers, in Go, Kafka and PostgreSQL" asks for all three.
const CHOICE: &[&str] = &[
    "one of these",
    "one of the following",
    "any of these",
    "any of the following",
    "either",
];

/// The pairs of skills (by index, the smaller first) that a line of `text` names as
/// alternatives: side by side across an "or", or both after "one of" and the like.
/// Each skill's spellings are its terms' first part; only one-term spellings are looked
/// for, which is how adverts list languages and tools.
pub(super) fn alternatives(
    text: &str,
    skills: &[SkillTerms],
    stemmer: &Stemmer,
) -> BTreeSet<(usize, usize)> {
    let skill_of = |word: &str| -> Option<usize> {
        let found = terms(word, stemmer);
        let [term] = found.as_slice() else {
            return None;
        };
        skills.iter().position(|(spellings, _, _)| {
            spellings
                .iter()
                .any(|sp| sp.as_slice() == std::slice::from_ref(&term.stem))
        })
    };
    let mut pairs = BTreeSet::new();
    for line in text.lines() {
        let line = line.to_lowercase();
        // Across an "or": the word just before it and the word just after.
        let pieces: Vec<&str> = line.split(" or ").collect();
        for w in pieces.windows(2) {
            let before = w[0].split_whitespace().last().map(clean);
            let after = w[1].split_whitespace().next().map(clean);
            if let (Some(Some(a)), Some(Some(b))) =
                (before.map(|x| skill_of(&x)), after.map(|x| skill_of(&x)))
                && a != b
            {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
        // After "one of": every skill the rest of the line names.
        if let Some(at) = CHOICE.iter().filter_map(|c| word_at(&line, c)).min() {
            let named: BTreeSet<usize> = line[at..]
                .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
                .filter_map(|w| skill_of(&clean(w)))
                .collect();
            let named: Vec<usize> = named.into_iter().collect();
            for (i, a) in named.iter().enumerate() {
                for b in &named[i + 1..] {
                    pairs.insert((*a, *b));
                }
            }
        }
    }
    pairs
}

/// Where `phrase` first begins a word of `line` ("one of these", not "none of these").
fn word_at(line: &str, phrase: &str) -> Option<usize> {
    line.match_indices(phrase)
        .map(|(i, _)| i)
        .find(|&i| !line[..i].ends_with(|c: char| c.is_alphanumeric()))
}

/// A word without the punctuation around it.
fn clean(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::Algorithm;

    fn spelled(names: &[&str]) -> Vec<SkillTerms> {
        let stemmer = Stemmer::create(Algorithm::English);
        names
            .iter()
            .map(|n| {
                let spelling = terms(n, &stemmer).into_iter().map(|t| t.stem).collect();
                (vec![spelling], BTreeSet::new(), BTreeSet::new())
            })
            .collect()
    }

    #[test]
    fn an_or_between_two_skills_and_a_choice_among_a_list() {
        let stemmer = Stemmer::create(Algorithm::English);
        let skills = spelled(&["Python", "Java", "PostgreSQL", "Go"]);
        let found = alternatives(
            "Professional experience with Python or Java.\nExperience with PostgreSQL.",
            &skills,
            &stemmer,
        );
        assert_eq!(found, BTreeSet::from([(0, 1)]));
        let found = alternatives(
            "Expertise in one of these languages: Ruby, PHP, Python, Golang, Java",
            &skills,
            &stemmer,
        );
        assert_eq!(found, BTreeSet::from([(0, 1), (0, 3), (1, 3)]));
        // "and" joins what is asked for; an "or" further off does not pair them.
        let found = alternatives(
            "Python and PostgreSQL, with Go or Rust a plus.",
            &skills,
            &stemmer,
        );
        assert!(found.is_empty(), "{found:?}");
        // "One of" that is not a choice, and "none of these".
        let found = alternatives(
            "You'll be one of our first engineers, in Go, Python and PostgreSQL.\nNone of these: Java, Go.",
            &skills,
            &stemmer,
        );
        assert!(found.is_empty(), "{found:?}");
    }
}

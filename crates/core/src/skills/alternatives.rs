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
    "one or more",
    "at least one",
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
        // Across an "or": the word just after it and the word just before, or every item
        // of the list the "or" ends ("such as Java, Python, Go, or Node.js").
        let pieces: Vec<&str> = line.split(" or ").collect();
        for w in pieces.windows(2) {
            let after = w[1].split_whitespace().next().map(clean);
            if after.as_deref().is_some_and(|a| OR_ENDS.contains(&a)) {
                continue;
            }
            // The list's last item is short ("or Node.js."); an "or" that goes on at
            // length ("…, or have a solid foundation in other languages") joins two
            // clauses, and only the words beside it are a choice.
            let last_item = w[1].split([',', '.', ';', ')']).next().unwrap_or("");
            let before = if last_item.split_whitespace().count() <= 3 {
                listed_before(w[0])
            } else {
                w[0].split_whitespace()
                    .last()
                    .map(clean)
                    .into_iter()
                    .collect()
            };
            let mut listed: Vec<usize> = before.iter().filter_map(|x| skill_of(x)).collect();
            listed.extend(after.and_then(|x| skill_of(&x)));
            for (i, a) in listed.iter().enumerate() {
                for b in &listed[i + 1..] {
                    if a != b {
                        pairs.insert((*a.min(b), *a.max(b)));
                    }
                }
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

/// Words after an "or" that end a list without naming another choice: "Python, Go, or
/// similar" lists what is meant, not things to choose between.
const OR_ENDS: &[&str] = &[
    "similar",
    "equivalent",
    "other",
    "related",
    "comparable",
    "another",
];

/// Words that open a phrase, not an item of a list.
const LINKS: &[&str] = &[
    "with", "in", "for", "on", "using", "to", "of", "from", "by", "at", "as", "into",
];

/// The items just before an "or": the last word, and before it the items of a list it
/// ends, each one or two words between commas ("java, python, go," before "or node.js");
/// the first item is the last word of the longer text that opens the list.
fn listed_before(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let segments: Vec<&str> = text.split(',').collect();
    for (i, segment) in segments.iter().enumerate().rev() {
        let words: Vec<&str> = segment.split_whitespace().collect();
        let last = i + 1 == segments.len();
        if words.is_empty() {
            // The comma before the "or" ("go, or"): the list goes on before it.
            if last {
                continue;
            }
            break;
        }
        // A list's items are short and name a thing; the text that opens it ends with its
        // first item. "Python and PostgreSQL, with Go or Rust a plus": "with Go" is no
        // item of a list, and Go is no alternative to PostgreSQL.
        let item = words.len() <= 2
            && !segment.contains(['(', ')', ':', ';'])
            && !LINKS.contains(&words[0]);
        if !item && !items.is_empty() && words.len() <= 2 {
            break;
        }
        items.push(clean(words[words.len() - 1]));
        if !item {
            break;
        }
    }
    items
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
        // The items of a list an "or" ends, and "one or more" of a list.
        let found = alternatives(
            "Proficiency in languages such as Java, Python, Go, or Node.js.",
            &skills,
            &stemmer,
        );
        assert_eq!(found, BTreeSet::from([(0, 1), (0, 3), (1, 3)]));
        let found = alternatives(
            "Proficiency in one or more languages (Python, Go, Java, Bash)",
            &skills,
            &stemmer,
        );
        assert_eq!(found, BTreeSet::from([(0, 1), (0, 3), (1, 3)]));
        // An "or" that joins two clauses, or ends a list with "similar", offers no choice
        // among the list's items.
        for line in [
            "You write queries in PostgreSQL, Python, and/or Java, or have a solid foundation in other languages.",
            "Experience with Python, Go, or similar.",
        ] {
            let found = alternatives(line, &skills, &stemmer);
            assert!(found.is_empty(), "{line}: {found:?}");
        }
        // "One of" that is not a choice, and "none of these".
        let found = alternatives(
            "You'll be one of our first engineers, in Go, Python and PostgreSQL.\nNone of these: Java, Go.",
            &skills,
            &stemmer,
        );
        assert!(found.is_empty(), "{found:?}");
    }
}

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
    // The skills a piece of text names: each of its terms that is a whole spelling of a
    // skill ("machine learning" is one term, as "k8s" is).
    let skills_in = |text: &str| -> Vec<usize> {
        terms(text, stemmer)
            .iter()
            .filter_map(|term| {
                skills.iter().position(|(spellings, _, _)| {
                    spellings
                        .iter()
                        .any(|sp| sp.as_slice() == std::slice::from_ref(&term.stem))
                })
            })
            .collect()
    };
    let mut pairs = BTreeSet::new();
    let mut pair_all = |named: &[usize]| {
        for (i, a) in named.iter().enumerate() {
            for b in &named[i + 1..] {
                if a != b {
                    pairs.insert((*a.min(b), *a.max(b)));
                }
            }
        }
    };
    for line in text.lines() {
        let line = line.to_lowercase();
        // "statistical and/or machine learning": the two beside it are a choice; a list
        // it ends ("SQL, R, and/or Python") is any of them, all of them welcome.
        for w in line.split("and/or").collect::<Vec<_>>().windows(2) {
            let item = w[1].split([',', '.', ';', ')', ':']).next().unwrap_or("");
            if item.split_whitespace().count() <= 3 && !w[0].trim_end().ends_with(',') {
                let mut named = skills_in(&last_words(w[0], 2));
                named.extend(skills_in(item));
                pair_all(&named);
            }
        }
        // Across an "or": the item just after it and the words just before, or every
        // item of the list the "or" ends ("such as Java, Python, Go, or Node.js").
        let pieces: Vec<&str> = line.split(" or ").collect();
        for w in pieces.windows(2) {
            let first_word = w[1]
                .split_whitespace()
                .next()
                .map(clean)
                .unwrap_or_default();
            if OR_ENDS.contains(&first_word.as_str()) {
                continue;
            }
            // The list's last item is short ("or Node.js.", "or machine learning"); an
            // "or" that goes on at length ("…, or have a solid foundation in other
            // languages") joins two clauses, and only the words beside it are a choice.
            let last_item = w[1].split([',', '.', ';', ')', ':']).next().unwrap_or("");
            let short = last_item.split_whitespace().count() <= 3;
            let before = if short {
                listed_before(w[0])
            } else {
                vec![last_words(w[0], 1)]
            };
            let mut named: Vec<usize> = before.iter().flat_map(|x| skills_in(x)).collect();
            named.extend(skills_in(if short { last_item } else { &first_word }));
            pair_all(&named);
        }
        // After "one of": every skill the rest of the line names.
        if let Some(at) = CHOICE.iter().filter_map(|c| word_at(&line, c)).min() {
            let mut named = skills_in(&line[at..]);
            named.sort_unstable();
            named.dedup();
            pair_all(&named);
        }
    }
    pairs
}

/// The last `n` words of `text`.
fn last_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words[words.len().saturating_sub(n)..].join(" ")
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

/// The items just before an "or": the words just before it, and before them the items of
/// a list it ends, each one or two words between commas ("java, python, go," before "or
/// node.js"); the first item is the last two words of the longer text that opens the
/// list.
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
        items.push(if item {
            segment.to_string()
        } else {
            last_words(segment, 2)
        });
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
        // "and/or" between two: a choice; ending a list: all welcome. A skill of two
        // words ("machine learning") is found as one term.
        let skills = spelled(&["Python", "Statistics", "Machine learning", "SQL"]);
        let found = alternatives(
            "Good statistics and/or machine learning backgrounds",
            &skills,
            &stemmer,
        );
        assert_eq!(found, BTreeSet::from([(1, 2)]));
        let found = alternatives(
            "Queries in SQL, Python, and/or Statistics",
            &skills,
            &stemmer,
        );
        assert!(found.is_empty(), "{found:?}");
        let found = alternatives(
            "One or more of: statistics, Bayesian inference or machine learning",
            &skills,
            &stemmer,
        );
        assert_eq!(found, BTreeSet::from([(1, 2)]));
        let skills = spelled(&["Python", "Java", "PostgreSQL", "Go"]);
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

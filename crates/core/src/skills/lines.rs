//! How an advert's text breaks into headings and sentences when its formatting was lost
//! in copying: a heading without its colon, a list without its line breaks, a full stop
//! with no space after it.

/// Words that open an item of a list whose line breaks were lost ("… distributed teams
/// Familiarity with Hexagonal Architecture …"): after a word that can end an item, a new
/// item.
const ITEM_OPENERS: &[&str] = &[
    "Experience",
    "Knowledge",
    "Familiarity",
    "Familiar",
    "Exposure",
    "Comfort",
    "Comfortable",
    "Confident",
    "Ability",
    "Proven",
    "Strong",
    "Solid",
    "Deep",
    "Excellent",
    "Fluent",
    "Fluency",
    "Understanding",
    "Good",
    "Previous",
    "Professional",
    "Hands-on",
    "Working",
    "Proficiency",
    "Proficient",
    "Demonstrated",
    "Background",
    "Bachelor's",
    "BS",
    "Advanced",
    "Expert",
    "Expertise",
    "Extensive",
    "Prior",
    "Minimum",
    "Skilled",
    "Must",
    "Any",
    // Verbs no item's last word is followed by in the middle of a sentence: "…or similar
    // tools Have high aptitude in SQL", "…statistics/math Can demonstrate advanced SQL".
    "Have",
    "Can",
    "Enjoy",
    "Possess",
];

/// Words an item does not end on, so a capital after them is not a new item ("a
/// background in Strong…" is one).
const NOT_ITEM_ENDS: &[&str] = &[
    "of", "and", "or", "in", "with", "the", "a", "an", "to", "for", "on", "as", "at", "by",
];

/// A line's sentences, as written: split after ". ", where a full stop runs into the next
/// sentence ("…cloud providers.Etcd as…"), and before an item of a list that lost its
/// line breaks.
pub(super) fn sentences(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = line.split(' ').collect();
    for (i, word) in words.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| words[p]);
        let new_item = ITEM_OPENERS.contains(word)
            && previous.is_some_and(|p| {
                p.chars()
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || c == ')')
                    && !NOT_ITEM_ENDS.contains(&p)
                    && !ITEM_OPENERS.contains(&p)
            });
        if new_item || previous.is_some_and(|p| p.ends_with('.') && !abbreviation(p)) {
            out.push(std::mem::take(&mut current));
        }
        // "providers.Etcd": a full stop after a small letter and before a capitalised
        // word ends a sentence; "Node.js", "ASP.NET" and "e.g." do not. "roleBachelor's",
        // "SheetsProficiency": a line break lost between two words ends one too.
        let mut rest = *word;
        loop {
            if let Some(at) = glued_stop(rest) {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(&rest[..=at]);
                out.push(std::mem::take(&mut current));
                rest = &rest[at + 1..];
            } else if let Some(at) = glued_line(rest) {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(&rest[..at]);
                out.push(std::mem::take(&mut current));
                rest = &rest[at..];
            } else {
                break;
            }
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(rest);
    }
    out.push(current);
    out.retain(|s| !s.trim().is_empty());
    out
}

/// "i.e.", "(e.g.", "vs.": a full stop that shortens a word and ends no sentence, so
/// what follows ("a degree in a quantitative field (i.e. math, statistics)") stays with it.
fn abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '[']).to_lowercase();
    matches!(
        word.as_str(),
        "i.e." | "ie." | "e.g." | "eg." | "vs." | "incl." | "approx." | "esp." | "cf." | "viz."
    )
}

/// Where a word holds a full stop that ends a sentence run into the next one.
fn glued_stop(word: &str) -> Option<usize> {
    // Most words hold no full stop: no need to look closer.
    if !word.contains('.') {
        return None;
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    chars.windows(4).find_map(|w| {
        (w[0].1.is_lowercase() && w[1].1 == '.' && w[2].1.is_uppercase() && w[3].1.is_lowercase())
            .then_some(w[1].0)
    })
}

/// Words that open a line of an advert (an item, a duty, a heading), as they were glued
/// to the word before when a page's line breaks were lost: "…or MicrostrategyExpertise in
/// creating…", "…an analytics roleBachelor's degree…". Only these split a word, so names
/// written in camel case ("JavaScript", "PowerPoint", "BigQuery") stay whole.
const GLUED_OPENERS: &[&str] = &[
    "Experience",
    "Expertise",
    "Knowledge",
    "Familiarity",
    "Familiar",
    "Exposure",
    "Ability",
    "Able",
    "Proven",
    "Strong",
    "Solid",
    "Excellent",
    "Understanding",
    "Hands",
    "Proficiency",
    "Proficient",
    "Demonstrated",
    "Bachelor's",
    "Bachelors",
    "Master's",
    "Degree",
    "Must",
    "Qualifications",
    "Requirements",
    "Responsibilities",
    "Preferred",
    "Minimum",
    "Desired",
    "Nice",
    "Education",
    "Skills",
    "Develop",
    "Define",
    "Conduct",
    "Identify",
    "Support",
    "Serve",
    "Communicate",
    "Build",
    "Create",
    "Design",
    "Manage",
    "Maintain",
    "Perform",
    "Provide",
    "Collaborate",
    "Partner",
    "Analyze",
    "Analyse",
    "Assist",
    "Ensure",
    "Track",
    "Monitor",
    "Prepare",
    "Deliver",
    "Participate",
    "Responsible",
];

/// Where a word holds two run together by a lost line break ("roleBachelor's"): before
/// a capital after a small letter that opens one of `GLUED_OPENERS`.
fn glued_line(word: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    chars.windows(2).find_map(|w| {
        if !(w[0].1.is_lowercase() && w[1].1.is_uppercase()) {
            return None;
        }
        let tail: String = word[w[1].0..]
            .chars()
            .take_while(|c| c.is_alphabetic() || matches!(c, '\'' | '’'))
            .map(|c| if c == '’' { '\'' } else { c })
            .collect();
        GLUED_OPENERS.contains(&tail.as_str()).then_some(w[1].0)
    })
}

/// Words a heading is made of. Adverts copied from a page lose the heading's colon and
/// its bold: "Requirements", "Nice to Have", "Desired Candidate Profile" stand alone on
/// a line, and only a line made of these words alone is taken for one ("Strong Python
/// skills" names a skill and is not).
const HEADING_WORDS: &[&str] = &[
    "requirements",
    "requirement",
    "required",
    "qualifications",
    "qualification",
    "must",
    "have",
    "haves",
    "mandatory",
    "essential",
    "nice",
    "to",
    "desired",
    "candidate",
    "profile",
    "skills",
    "skill",
    "skillsets",
    "skillset",
    "and",
    "what",
    "you",
    "you'll",
    "you'd",
    "we",
    "we're",
    "are",
    "is",
    "looking",
    "for",
    "who",
    "bring",
    "need",
    "will",
    "key",
    "technical",
    "minimum",
    "basic",
    "preferred",
    "bonus",
    "points",
    "plus",
    "desirable",
    "optional",
    "ideally",
    "additional",
    "other",
    "responsibilities",
    "responsibility",
    "duties",
    "role",
    "the",
    "about",
    "your",
    "our",
    "tech",
    "stack",
    "offer",
    "benefits",
    "do",
    "job",
    "description",
    "expectations",
    "expect",
    "ideal",
    "a",
    "of",
    "work",
    "on",
    "it",
    "takes",
];

/// A line that is a heading without its colon: a few heading words and nothing else.
pub(super) fn bare_heading(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '&' | '/' | '-' | '–' | '—'))
        .filter(|w| !w.is_empty())
        .collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| HEADING_WORDS.contains(&w.trim_end_matches(['?', '!', '’', '\''])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_stop_run_into_the_next_sentence_still_ends_it() {
        assert_eq!(
            sentences("across cloud providers.Etcd as the store.Exposure to Go"),
            vec![
                "across cloud providers.",
                "Etcd as the store.",
                "Exposure to Go"
            ]
        );
        // Names with a dot in them are one word, and "e.g." or "(i.e." ends no sentence.
        assert_eq!(sentences("Node.js and ASP.NET, e.g. Vue.js").len(), 1);
        assert_eq!(
            sentences("a quantitative field (i.e. math, statistics)").len(),
            1
        );
        // A verb capitalised in mid-sentence opens an item whose line break was lost.
        assert_eq!(
            sentences("in data analysis or statistics/math Can demonstrate advanced SQL"),
            vec![
                "in data analysis or statistics/math",
                "Can demonstrate advanced SQL"
            ]
        );
    }

    #[test]
    fn a_line_break_lost_between_two_words_still_ends_the_line() {
        assert_eq!(
            sentences(
                "in an analytics roleBachelor’s degree using Looker, or MicrostrategyExpertise in Excel"
            ),
            vec![
                "in an analytics role",
                "Bachelor’s degree using Looker, or Microstrategy",
                "Expertise in Excel"
            ]
        );
        // Names written in camel case are one word.
        assert_eq!(
            sentences("JavaScript, PowerPoint, BigQuery and PostgreSQL").len(),
            1
        );
    }
}

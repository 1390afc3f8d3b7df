//! How much each part of an advert asks for what it names: "Strong SQL essential" more
//! than "Python a plus", read clause by clause and under headings such as
//! "Requirements:".

/// How much a part of an advert asks for what it names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Emphasis {
    /// "Strong SQL", "must have", "essential", "3+ years of": counts double.
    Required,
    Plain,
    /// "a plus", "nice to have", "desirable", "familiarity with": counts half.
    Bonus,
}

impl Emphasis {
    pub fn weight(self) -> f64 {
        match self {
            Emphasis::Required => 2.0,
            Emphasis::Plain => 1.0,
            Emphasis::Bonus => 0.5,
        }
    }
}

const REQUIRED_CUES: &[&str] = &[
    "strong",
    "must",
    "essential",
    "required",
    "requirement",
    "requirements",
    "mandatory",
    "proficient",
    "proficiency",
    "expert",
    "expertise",
    "deep",
    "solid",
    "extensive",
    "advanced",
    "excellent",
    "proven",
    "demonstrable",
    "mastery",
    "fluent",
    "fluency",
    "significant",
    "primarily",
    "primary",
    "mainly",
    "mostly",
    "core",
    "heavily",
    "critical",
];
const BONUS_CUES: &[&str] = &[
    "a plus",
    "nice to have",
    "nice-to-have",
    "bonus",
    "desirable",
    "preferred",
    "ideally",
    "familiarity",
    "exposure to",
    "would be great",
    "advantageous",
    "an advantage",
    "beneficial",
    "occasionally",
    "occasional",
    "optionally",
    "optional",
    "supporting",
    "secondary",
    "support ",
    "assist",
    "contribute to",
    "help with",
    "basics",
    "basic ",
];

/// The parts of an advert (lines, and sentences within them) with how much each asks.
/// A heading such as "Requirements:" or "Nice to have:" sets the emphasis of the lines
/// under it; a part's own words ("Strong SQL", "Python a plus") override that.
pub(super) fn parts(text: &str) -> Vec<(String, Emphasis)> {
    let mut out = Vec::new();
    let mut section = Emphasis::Plain;
    for line in text.lines() {
        let trimmed = line.trim().trim_start_matches(['-', '*', '•', '·']).trim();
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_lowercase();
        let heading = (trimmed.ends_with(':') && trimmed.split_whitespace().count() <= 6)
            || bare_heading(&lower);
        if heading {
            section = heading_emphasis(&lower)
                .or_else(|| cue(&lower))
                .unwrap_or(Emphasis::Plain);
            continue;
        }
        // A level at the end of a line ("Python - client library, offsets - Advanced")
        // is the line's, from its first word.
        let level = trailing_level(&lower).and_then(cue);
        for sentence in lower.split(". ") {
            // A clause's own words decide ("primarily build in Go, contribute
            // occasionally in Rust"); a clause without any carries on the one before it
            // ("Strong SQL, Python and Go"), and before any, the line's level or the
            // section's.
            let mut carried = level.unwrap_or(section);
            for clause in sentence.split([',', ';']) {
                let emphasis = cue(clause).unwrap_or(carried);
                carried = emphasis;
                out.push((clause.to_string(), emphasis));
            }
        }
    }
    out
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
fn bare_heading(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '&' | '/' | '-' | '–' | '—'))
        .filter(|w| !w.is_empty())
        .collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| HEADING_WORDS.contains(&w.trim_end_matches(['?', '!', '’', '\''])))
}

/// What a heading says of the lines under it. The qualifications an advert lists are
/// what it asks for ("Requirements", "What you'll need", "Desired Candidate Profile",
/// "Basic Qualifications"), unless it calls them a bonus ("Preferred Qualifications",
/// "Nice to have"); its duties ("Responsibilities") just name the work.
fn heading_emphasis(lower: &str) -> Option<Emphasis> {
    const BONUS: &[&str] = &[
        "nice",
        "preferred",
        "bonus",
        "plus",
        "desirable",
        "optional",
        "ideally",
        "additional",
    ];
    const ASKED: &[&str] = &[
        "requirement",
        "qualification",
        "must",
        "mandatory",
        "essential",
        "need",
        "looking for",
        "candidate profile",
        "who you are",
        "you bring",
        "you have",
        "skills",
        "skillset",
    ];
    if BONUS.iter().any(|w| lower.contains(w)) {
        Some(Emphasis::Bonus)
    } else if ASKED.iter().any(|w| lower.contains(w)) {
        Some(Emphasis::Required)
    } else {
        None
    }
}

/// The label after a line's last dash or in its last brackets, when it is one or two
/// words: how skill tables state a level ("Kafka internals - Expert", "SQL (advanced)").
fn trailing_level(lower: &str) -> Option<&str> {
    let line = lower.trim_end_matches(['.', ' ']);
    let label = if let Some(inner) = line.strip_suffix(')') {
        &inner[inner.rfind('(')? + 1..]
    } else {
        let cut = [" - ", " – ", " — "]
            .iter()
            .filter_map(|d| line.rfind(d).map(|i| i + d.len()))
            .max()?;
        &line[cut..]
    };
    let words = label.split_whitespace().count();
    (1..=2).contains(&words).then_some(label)
}

/// What a part's own words say of how much it asks: a requirement, a bonus, or nothing.
fn cue(lower: &str) -> Option<Emphasis> {
    let padded = format!(" {lower} ");
    let bonus = BONUS_CUES.iter().any(|c| padded.contains(c));
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty())
        .collect();
    let required = words.iter().any(|w| REQUIRED_CUES.contains(w)) || asks_for_years(lower);
    match (required, bonus) {
        (true, false) => Some(Emphasis::Required),
        (false, true) => Some(Emphasis::Bonus),
        // "support systems running mostly on AWS": the two cancel out.
        (true, true) => Some(Emphasis::Plain),
        (false, false) => None,
    }
}

/// "3+ years", "5 years of": a number of years asked for.
fn asks_for_years(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.windows(2).any(|w| {
        w[0].trim_end_matches('+')
            .chars()
            .all(|c| c.is_ascii_digit())
            && !w[0].is_empty()
            && w[1].starts_with("year")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(line: &str) -> Emphasis {
        parts(line)[0].1
    }

    /// The emphasis of the line after `heading`.
    fn under(heading: &str) -> Emphasis {
        parts(&format!("{heading}\nPython"))
            .last()
            .map(|(_, e)| *e)
            .expect("a part")
    }

    #[test]
    fn a_heading_without_its_colon_still_sets_the_lines_under_it() {
        assert_eq!(under("Requirements"), Emphasis::Required);
        assert_eq!(under("Requirements:"), Emphasis::Required);
        assert_eq!(under("Desired Candidate Profile"), Emphasis::Required);
        assert_eq!(under("What you'll need"), Emphasis::Required);
        assert_eq!(under("Basic Qualifications:"), Emphasis::Required);
        assert_eq!(under("Must-have"), Emphasis::Required);
        assert_eq!(under("Preferred Qualifications"), Emphasis::Bonus);
        assert_eq!(under("Nice to Have"), Emphasis::Bonus);
        assert_eq!(under("Nice-to-haves"), Emphasis::Bonus);
        assert_eq!(under("Responsibilities"), Emphasis::Plain);
        // A line that names a skill is content, not a heading: it is kept, and sets
        // nothing for the lines under it.
        let lines = parts("Strong Python skills\nGo");
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            ("strong python skills".into(), Emphasis::Required)
        );
        assert_eq!(lines[1].1, Emphasis::Plain);
    }

    #[test]
    fn a_level_at_the_end_of_a_line_counts_from_its_first_word() {
        assert_eq!(
            first("Python - client library, offset management - Advanced"),
            Emphasis::Required
        );
        assert_eq!(first("SQL, window functions (expert)"), Emphasis::Required);
        assert_eq!(first("Go - services, tooling - a plus"), Emphasis::Bonus);
        assert_eq!(
            first("AWS networking - VPC, IAM - Intermediate"),
            Emphasis::Plain
        );
        // A last part of three words or more is not a level.
        assert_eq!(
            first("Terraform - modules - we review every change"),
            Emphasis::Plain
        );
        // A clause's own words still decide.
        let parts = parts("Python a plus, Rust - Expert");
        assert_eq!(parts[0].1, Emphasis::Bonus);
    }
}

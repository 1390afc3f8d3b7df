//! How much each part of an advert asks for what it names: "Strong SQL essential" more
//! than "Python a plus", read clause by clause and under headings such as
//! "Requirements:".

use super::lines::{bare_heading, sentences};

/// How much a part of an advert asks for what it names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Emphasis {
    /// "Strong SQL", "expert in Go", "extensive experience with": asked for, and how well
    /// said too. Among the lines of a requirements list, the ones that say how well are
    /// the ones an adviser has the candidate name. Counts two and a half.
    Stressed,
    /// "must have", "essential", "3+ years of", a line under "Requirements": counts double.
    Required,
    Plain,
    /// "a plus", "nice to have", "desirable", "familiarity with": counts half.
    Bonus,
    /// The subjects of a degree asked for ("Bachelor's degree in Statistics, Economics or
    /// Computer Science"): what the candidate studied, not a skill the job asks them to
    /// use; nearly every analyst's advert lists them. Counts a tenth.
    Degree,
    /// "No Kubernetes experience needed", "machine learning is not required": named only
    /// to say it is not asked for. Counts nothing.
    NotAsked,
}

impl Emphasis {
    pub fn weight(self) -> f64 {
        match self {
            Emphasis::Stressed => 2.5,
            Emphasis::Required => 2.0,
            Emphasis::Plain => 1.0,
            Emphasis::Bonus => 0.5,
            Emphasis::Degree => 0.1,
            Emphasis::NotAsked => 0.0,
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
/// Of `REQUIRED_CUES`, those that say how well, not only that it is needed.
const STRESS_CUES: &[&str] = &[
    "strong",
    "expert",
    "expertise",
    "deep",
    "solid",
    "extensive",
    "advanced",
    "excellent",
    "mastery",
    "fluent",
    "fluency",
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
    "familiar with",
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
    // A word of its own: "the basics of SQL" asks little, "deep understanding of
    // Golang-basics (GC, sys-calls)" names a topic.
    " basics",
    " basic ",
];

/// The parts of an advert (lines, and sentences within them, as written) with how much
/// each asks.
/// A heading such as "Requirements:" or "Nice to have:" sets the emphasis of the lines
/// under it; a part's own words ("Strong SQL", "Python a plus") override that.
pub(super) fn parts(text: &str) -> Vec<(String, Emphasis)> {
    let mut out = Vec::new();
    let mut section = Emphasis::Plain;
    for line in text.lines() {
        let trimmed = line.trim().trim_start_matches(['-', '*', '•', '·']).trim();
        // A "+" bullet ("+ Plusses:", "+\tPython") when a space follows it: "+5 years" and
        // "++" are not bullets.
        let trimmed = match trimmed.strip_prefix('+') {
            Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim(),
            _ => trimmed,
        };
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_lowercase();
        // Up to seven words: "Ways to stand out from the crowd:".
        let heading = (trimmed.ends_with(':') && trimmed.split_whitespace().count() <= 7)
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
        for written in sentences(trimmed) {
            // A clause's own words decide ("primarily build in Go, contribute
            // occasionally in Rust"); a clause without any carries on the one before it
            // ("Strong SQL, Python and Go"), and before any, the line's level or the
            // section's. A bonus that ends a list is the whole list's ("Docker,
            // Kubernetes, SonarQube a plus").
            let clauses = clauses(&written);
            let lower: Vec<String> = clauses.iter().map(|(c, _)| c.to_lowercase()).collect();
            let mut cues: Vec<Option<Emphasis>> = lower.iter().map(|c| cue(c)).collect();
            if lower.last().is_some_and(|c| ends_with_bonus(c)) {
                for c in cues.iter_mut().rev().skip(1) {
                    if c.is_some() {
                        break;
                    }
                    *c = Some(Emphasis::Bonus);
                }
            }
            // Each clause as written, for `why` to quote.
            let mut carried = level.unwrap_or(section);
            for ((clause, degree), own) in clauses.into_iter().zip(cues) {
                if degree {
                    out.push((clause, Emphasis::Degree));
                    continue;
                }
                // Under a bonus heading, a part's "strong" or "expert" says how much of a
                // bonus ("Ways to stand out: expertise in R or Python"): the two cancel
                // out, as they do within a part.
                let own = match (own, section) {
                    (Some(Emphasis::Required | Emphasis::Stressed), Emphasis::Bonus) => {
                        Some(Emphasis::Plain)
                    }
                    _ => own,
                };
                let emphasis = own.unwrap_or(carried);
                carried = emphasis;
                out.push((clause, emphasis));
            }
        }
    }
    out
}

/// A sentence's clauses as written (split at commas and semicolons), each marked when it
/// names the subjects of a degree asked for: what the candidate studied, not what the job
/// asks them to use. Those are the words just after "degree", "BS" or "Major", and the
/// short items listed after them ("…in Mathematics, Statistics, or Economics").
fn clauses(written: &str) -> Vec<(String, bool)> {
    let mut clauses = Vec::new();
    let mut listing = false;
    for clause in written.split([',', ';']) {
        let words: Vec<&str> = clause.split(' ').collect();
        if let Some(at) = degree_word(&words) {
            let end = (at + 1 + DEGREE_SUBJECT_WORDS).min(words.len());
            clauses.push((words[..end].join(" "), true));
            // The subjects may follow in brackets after a longer clause: "a degree in a
            // field where you analysed data (i.e. computer science, math, statistics)".
            let opened = clause.matches('(').count() > clause.matches(')').count();
            listing = end == words.len() || opened;
            if !listing {
                clauses.push((format!(" {}", words[end..].join(" ").trim_start()), false));
            }
        } else if listing && clause.split_whitespace().count() <= 4 {
            clauses.push((clause.to_string(), true));
        } else {
            listing = false;
            clauses.push((clause.to_string(), false));
        }
    }
    clauses
}

/// How many words after "degree", "BS" or "Major" name its subjects ("BS in Computer
/// Science or a related field"); a clause run on past them (a list that lost its line
/// breaks) is read as itself.
const DEGREE_SUBJECT_WORDS: usize = 8;

/// Where a clause asks for a degree: "Bachelor's degree in …", "BS/MS in …", "Major in
/// Economics is preferred".
fn degree_word(words: &[&str]) -> Option<usize> {
    const DEGREES: &[&str] = &[
        "degree",
        "degrees",
        "bachelor",
        "bachelor's",
        "bachelors",
        "master's",
        "masters",
        "phd",
        "major",
        "majors",
        "diploma",
    ];
    // Letters that are a degree only where they read as one ("BS in", "BA/BS"): "MS
    // Excel" is Microsoft's.
    const LETTERS: &[&str] = &["bs", "ba", "bsc", "ms", "msc", "mba"];
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    lower.iter().enumerate().position(|(i, w)| {
        let parts: Vec<&str> = w
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|p| !p.is_empty())
            .collect();
        let next = lower.get(i + 1).map(String::as_str);
        parts.iter().any(|p| DEGREES.contains(p))
            || parts.iter().any(|p| LETTERS.contains(p))
                && (w.contains('/') || matches!(next, Some("in" | "degree" | "or" | "and")))
    })
}

/// "Docker, Kubernetes, SonarQube a plus": a list that ends by calling itself a bonus.
fn ends_with_bonus(clause: &str) -> bool {
    let clause = plain_plus(clause);
    let clause = clause.trim().trim_end_matches(['.', ')', '!']).trim_end();
    [
        "a plus",
        "a bonus",
        "nice to have",
        "an advantage",
        "preferred",
        "desirable",
        "beneficial",
        "advantageous",
    ]
    .iter()
    .any(|end| clause.ends_with(end))
}

/// What a heading says of the lines under it. The qualifications an advert lists are
/// what it asks for ("Requirements", "What you'll need", "Desired Candidate Profile",
/// "Basic Qualifications"), unless it calls them a bonus ("Preferred Qualifications",
/// "Nice to have"); its duties ("Responsibilities") just name the work.
fn heading_emphasis(lower: &str) -> Option<Emphasis> {
    const BONUS: &[&str] = &[
        "nice",
        "stand out",
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
/// words that say a level: how skill tables state one ("Kafka internals - Expert", "SQL
/// (advanced)"), and not an aside that names something ("Kubernetes (EKS preferred)").
fn trailing_level(lower: &str) -> Option<&str> {
    const LEVELS: &[&str] = &[
        "a",
        "an",
        "plus",
        "bonus",
        "preferred",
        "desirable",
        "optional",
        "ideally",
        "advantage",
        "basic",
        "basics",
        "beginner",
        "intermediate",
        "is",
        "have",
    ];
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
    let words: Vec<&str> = label.split_whitespace().collect();
    let level = words
        .iter()
        .all(|w| REQUIRED_CUES.contains(w) || LEVELS.contains(w));
    ((1..=2).contains(&words.len()) && level).then_some(label)
}

/// What a part's own words say of how much it asks: a requirement, a bonus, or nothing.
/// Words in brackets are the bracket's ("Kubernetes (EKS preferred)" asks for
/// Kubernetes as much as the part around it does).
fn cue(lower: &str) -> Option<Emphasis> {
    let lower = &stressed_familiarity(&plain_plus(&outside_brackets(lower)));
    let padded = format!(" {lower} ");
    let bonus = BONUS_CUES.iter().any(|c| padded.contains(c));
    // "No Kubernetes experience needed": not asked for at all (its "needed" is no
    // requirement). With a bonus beside it ("Tableau preferred, but not required") it is
    // read as before: a part that lost its line breaks may run on into a requirement.
    if !bonus && not_asked(lower) {
        return Some(Emphasis::NotAsked);
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty())
        .collect();
    let required = words.iter().any(|w| REQUIRED_CUES.contains(w)) || asks_for_years(lower);
    let stressed = words.iter().any(|w| STRESS_CUES.contains(w))
        || padded.contains(" extremely good ")
        || padded.contains(" very good ");
    match (required || stressed, bonus) {
        (true, false) if stressed => Some(Emphasis::Stressed),
        (true, false) => Some(Emphasis::Required),
        (false, true) => Some(Emphasis::Bonus),
        // "support systems running mostly on AWS": the two cancel out.
        (true, true) => Some(Emphasis::Plain),
        (false, false) => None,
    }
}

/// Whether a part says what it names is not needed: "not required", "no cloud experience
/// needed", "you don't need to know Go", "we'll teach you".
fn not_asked(lower: &str) -> bool {
    static NOT: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let not = NOT.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:not|no|never)\b([^.;:]{0,50}?)\b(?:required|needed|necessary|expected|a requirement|essential|mandatory)\b|\b(?:don['’]?t|do not|won['’]?t|will not) (?:need|require|expect)\b|\bwe['’]?ll teach you\b|\bwe will teach you\b",
        )
        .expect("a valid pattern")
    });
    // "...but not required": a clause that only says "not required" of the one before it
    // (whose line may have run on into the next: "not required Advanced Excel") says
    // nothing of what follows.
    not.captures_iter(lower).any(|c| {
        let whole = c.get(0).expect("a match");
        let before = lower[..whole.start()]
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| {
                !w.is_empty() && !matches!(w, "but" | "and" | "though" | "although" | "is" | "are")
            });
        let between = c.get(1).is_some_and(|g| g.as_str().trim().len() > 1);
        before || between
    })
}

/// `lower` with "deep familiarity" and the like said as what it is, "deep knowledge": a
/// familiarity stressed is no light acquaintance ("Deep familiarity with statistical
/// models").
fn stressed_familiarity(lower: &str) -> String {
    static DEEP: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let deep = DEEP.get_or_init(|| {
        regex::Regex::new(
            r"\b(deep|strong|solid|extensive|thorough|excellent|advanced)\s+familiar(?:ity)?\b",
        )
        .expect("a valid pattern")
    });
    deep.replace_all(lower, "$1 knowledge").into_owned()
}

/// `lower` with "a big plus", "a huge plus", "an added plus" and the like said plainly, "a
/// plus": how much it stresses the bonus does not make it a requirement ("a significant
/// plus" is no "significant experience").
fn plain_plus(lower: &str) -> String {
    static PLUS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let plus = PLUS.get_or_init(|| {
        regex::Regex::new(
            r"\ban?\s+(?:big|huge|strong|definite|real|great|major|nice|added|additional|distinct|significant|massive|serious|very\s+big)\s+plus\b",
        )
        .expect("a valid pattern")
    });
    plus.replace_all(lower, "a plus").into_owned()
}

/// A part without what is in its round brackets (an unclosed one runs to the end).
fn outside_brackets(lower: &str) -> String {
    let mut depth = 0usize;
    lower
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect()
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

    #[test]
    fn what_is_said_not_to_be_needed_is_not_asked_for() {
        for line in [
            "No Kubernetes or cloud experience needed, we'll teach you.",
            "Experience with machine learning is not required.",
            "You don't need to know Go.",
        ] {
            assert_eq!(first(line), Emphasis::NotAsked, "{line}");
        }
        // "Not required" of the clause before, run on into a requirement.
        assert_ne!(
            parts("Tableau experience preferred, but not required Advanced level of proficiency with Excel")
                .last()
                .unwrap()
                .1,
            Emphasis::NotAsked
        );
        assert_eq!(first("Strong SQL required."), Emphasis::Stressed);
    }

    /// The emphasis of the line after `heading`.
    fn under(heading: &str) -> Emphasis {
        parts(&format!("{heading}\nPython"))
            .last()
            .map(|(_, e)| *e)
            .expect("a part")
    }

    #[test]
    fn the_subjects_of_a_degree_are_not_skills_asked_for() {
        let read = |text: &str| parts(text).into_iter().map(|(_, e)| e).collect::<Vec<_>>();
        assert_eq!(
            read("Bachelor’s degree in Mathematics, Statistics, or Economics required"),
            vec![Emphasis::Degree; 3]
        );
        assert_eq!(
            read("BS/MS in Statistics or Computer Science"),
            vec![Emphasis::Degree]
        );
        assert_eq!(read("Strong statistics and SQL"), vec![Emphasis::Stressed]);
        assert_eq!(
            read("Advanced MS Excel and Access"),
            vec![Emphasis::Stressed]
        );
        // The subjects in brackets after a longer clause, and "i.e." ends no sentence.
        assert_eq!(
            read(
                "Bachelor's degree in a field where you have analyzed and displayed data \
                 (i.e. computer science, math, statistics, psychology)"
            ),
            vec![Emphasis::Degree; 4]
        );
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
            ("Strong Python skills".into(), Emphasis::Stressed)
        );
        assert_eq!(lines[1].1, Emphasis::Plain);
    }

    #[test]
    fn how_well_is_stressed_above_asked_for() {
        assert_eq!(first("Strong experience with Linux"), Emphasis::Stressed);
        assert_eq!(
            first("An extremely good working knowledge of PostgreSQL"),
            Emphasis::Stressed
        );
        assert_eq!(first("Expert level in Go"), Emphasis::Stressed);
        assert_eq!(first("3+ years of Python"), Emphasis::Required);
        assert_eq!(first("Python is a must"), Emphasis::Required);
        assert_eq!(under("Requirements:"), Emphasis::Required);
        // Under a bonus heading, "expertise" says how much of a bonus.
        let lines = parts("Ways to stand out from the crowd:\nExpertise in R or Python");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].1, Emphasis::Plain);
        assert!(Emphasis::Stressed.weight() > Emphasis::Required.weight());
        // A familiarity stressed is no bonus.
        assert_eq!(
            first("Deep familiarity with statistical models"),
            Emphasis::Stressed
        );
        assert_eq!(
            first("Familiarity with statistical models"),
            Emphasis::Bonus
        );
        // "Basics" asks little as a word of its own, not inside a topic's name.
        assert_eq!(
            first("Solid experience with Golang and deep understanding of Golang-basics"),
            Emphasis::Stressed
        );
        assert_eq!(first("Basic knowledge of Docker"), Emphasis::Bonus);
        assert_eq!(first("Knows the basics of SQL"), Emphasis::Bonus);
    }

    #[test]
    fn a_plus_sign_is_a_bullet_when_a_space_follows_it() {
        // "+ Plusses:" is a heading like "Plusses:", and the "+" items under it its lines.
        let lines = parts("+ Plusses:\n   +\tPython");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].1, Emphasis::Bonus);
        assert_eq!(under("+ Nice to have"), Emphasis::Bonus);
        // Not a bullet: a number of years, or a language's name.
        assert_eq!(parts("+5 years of Python")[0].0, "+5 years of Python");
        assert_eq!(parts("C++ and Rust")[0].0, "C++ and Rust");
    }

    #[test]
    fn a_list_that_lost_its_line_breaks_is_read_item_by_item() {
        let text = "Strong command of Java with Spring Boot Experience with PostgreSQL \
                    Experience with Docker, Kubernetes, SonarQube for CICD a plus";
        let found = |name: &str| -> Emphasis {
            parts(text)
                .into_iter()
                .find(|(p, _)| p.to_lowercase().contains(name))
                .map(|(_, e)| e)
                .expect(name)
        };
        assert_eq!(found("java"), Emphasis::Stressed);
        // Not carried on from "Strong command of Java": a new item.
        assert_eq!(found("postgresql"), Emphasis::Plain);
        // The bonus that ends the list is the whole list's.
        assert_eq!(found("docker"), Emphasis::Bonus);
        assert_eq!(found("kubernetes"), Emphasis::Bonus);
        // An item opener after a word an item does not end on is not a new item.
        assert_eq!(sentences("a background in Strong teams").len(), 1);
    }

    #[test]
    fn words_in_brackets_are_the_brackets_own() {
        // "(EKS preferred)" does not make Kubernetes a bonus.
        assert_eq!(
            first("Kubernetes in production (EKS preferred)"),
            Emphasis::Plain
        );
        assert_eq!(first("Kafka (preferred), Redis"), Emphasis::Plain);
        assert_eq!(first("Kafka preferred"), Emphasis::Bonus);
    }

    #[test]
    fn a_level_at_the_end_of_a_line_counts_from_its_first_word() {
        assert_eq!(
            first("Python - client library, offset management - Advanced"),
            Emphasis::Stressed
        );
        assert_eq!(first("SQL, window functions (expert)"), Emphasis::Stressed);
        assert_eq!(first("Go - services, tooling - a plus"), Emphasis::Bonus);
        // However much a bonus is stressed, it is a bonus.
        assert_eq!(
            first("Experience with experimentation and A/B testing is a big plus"),
            Emphasis::Bonus
        );
        assert_eq!(
            first("Statistics or Mathematics are a huge plus."),
            Emphasis::Bonus
        );
        assert_eq!(first("Kafka would be a significant plus"), Emphasis::Bonus);
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

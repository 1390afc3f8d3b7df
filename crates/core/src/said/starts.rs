//! The parts of an employer's timeline about when the new hire would start ("we'd like
//! someone to start in February", "with a start date in March"), not when they decide. A
//! decision comes before a start, often weeks before: read as the date they decide by, a
//! start date would hold the follow-up call back past the time it helps.

/// Words no start of work is without: "start date", "first day", "on board", "join".
const MARKERS: &[&str] = &[
    "start date",
    "starting date",
    "first day",
    "in post",
    "in place",
    "in seat",
    "on board",
    "onboard",
    "onboarding",
    "join",
    "joins",
    "joining",
    // "with a view to a start in May": a start, said as a noun.
    "a start in",
    "a start on",
    "a start from",
    "a start date",
    "new starter",
    "new starters",
];

/// Who or what starts: with one of these in the clause, "start" or "begin" is a start of
/// work ("someone to start in February", "the role starts on 4 January"), not of a
/// process ("we start interviews next week").
const STARTERS: &[&str] = &[
    "role",
    "position",
    "job",
    "post",
    "contract",
    "someone",
    "somebody",
    "hire",
    "candidate",
    "you",
    "person",
    "them",
    "they",
    "he",
    "she",
    "starter",
];

const STARTS: &[&str] = &["start", "starts", "starting", "begin", "begins"];

/// Words that join two clauses of a timeline: "a decision by Friday and someone starting
/// in January".
const JOINERS: &[&str] = &["and", "but", "then", "so", "while", "with"];

/// `phrase` without its clauses about someone starting, and those clauses, when it has
/// any; `None` when it has none (the phrase is read whole, as written: "between the 14th
/// and the 18th" is one clause only then).
pub(super) fn split(phrase: &str) -> Option<(String, Vec<String>)> {
    let clauses = clauses(phrase);
    let (starts, rest): (Vec<String>, Vec<String>) =
        clauses.into_iter().partition(|c| about_starting(c));
    (!starts.is_empty()).then(|| (rest.join(", "), starts))
}

/// The clauses of a phrase, as written: split at punctuation that ends one and at the
/// words that join two.
fn clauses(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for word in phrase.split_whitespace() {
        let lower = word.to_lowercase();
        if JOINERS.contains(&lower.as_str()) {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
            continue;
        }
        let ends = word.ends_with([',', ';', '.', '!', '?', ':']) || word.ends_with(['—', '–']);
        current.push(word.trim_end_matches([',', ';', '.', '!', '?', ':', '—', '–']));
        if ends {
            out.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out.retain(|c| !c.trim().is_empty());
    out
}

/// Whether a clause says when someone would start work.
fn about_starting(clause: &str) -> bool {
    let lower: String = clause
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let padded = format!(" {} ", words.join(" "));
    if MARKERS.iter().any(|m| padded.contains(&format!(" {m} "))) {
        return true;
    }
    let start_at = words.iter().position(|w| STARTS.contains(w));
    let Some(at) = start_at else {
        return false;
    };
    // "the start of next week" is a time, and "we'll start contacting the candidate" or
    // "start the second round" a process: no one starting work.
    if let Some(next) = words.get(at + 1)
        && (*next == "of"
            || next.ends_with("ing")
            || ["the", "a", "an", "our", "interviews", "round", "process"].contains(next))
    {
        return false;
    }
    // "start in February" at the head of a clause: its subject is the clause before's.
    let heads_a_date = at == 0
        && words
            .get(1)
            .is_some_and(|w| ["in", "on", "by", "from", "early", "mid", "late"].contains(w));
    // "they'd start", "you'll start": the person, as "they" or "you".
    let person = |w: &&str| {
        let bare = ["'d", "'ll", "'s", "'re"]
            .iter()
            .find_map(|end| w.strip_suffix(end))
            .unwrap_or(w);
        STARTERS.contains(&bare)
    };
    heads_a_date || words.iter().any(person)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_about_someone_starting_is_told_from_one_about_deciding() {
        let starts = |p: &str| split(p).map(|(_, s)| s);
        assert_eq!(
            starts("we're hoping to have someone start in February"),
            Some(vec![
                "we're hoping to have someone start in February".to_string()
            ])
        );
        assert_eq!(
            split("a decision by Friday, and a start date in January"),
            Some((
                "a decision by Friday".to_string(),
                vec!["a start date in January".to_string()]
            ))
        );
        assert_eq!(
            split("decide by the 18th and start in February").map(|(rest, _)| rest),
            Some("decide by the 18th".to_string())
        );
        // A time, a process, and two dates joined by "and" are read whole.
        for phrase in [
            "by the start of next week",
            "we start interviews next week",
            "between the 14th and the 18th",
            "we will let you know by Friday",
            "the beginning of January",
            "we'll start contacting the candidate we choose on Monday",
            "we start the second round next week and you'll hear by Friday",
        ] {
            assert_eq!(split(phrase), None, "{phrase}");
        }
        assert!(split("they want the new person to begin on 1 March").is_some());
        assert!(split("hoping to have someone in post by March").is_some());
        assert!(split("the role starts on 4 January").is_some());
        assert_eq!(
            split("probably by the end of the week, and they'd start on the 1st of April")
                .map(|(rest, _)| rest),
            Some("probably by the end of the week".to_string())
        );
        assert!(split("you'll start on the 1st").is_some());
        assert_eq!(
            split("we'll decide in two weeks with a view to a start in May").map(|(rest, _)| rest),
            Some("we'll decide in two weeks".to_string())
        );
        assert_eq!(
            split("the new starter will begin in June; offers by the end of the month")
                .map(|(rest, _)| rest),
            Some("offers by the end of the month".to_string())
        );
    }
}

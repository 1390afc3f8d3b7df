//! Checks on a draft's content (thanks, the role and company, a skill), and how alike two
//! drafts are.

use crate::skills::SkillMatch;
use crate::tone::{Finding, Level, word_count};

/// Checks on a thank-you note's content: it thanks them, says the candidate wants the
/// role and the company, and names at least one skill. Reported like tone findings.
pub fn content_findings(
    body: &str,
    role: &str,
    company: &str,
    skills: &[SkillMatch],
) -> Vec<Finding> {
    let lower = body.to_lowercase();
    let mut out = Vec::new();
    let mut add =
        |rule: &str, level: Level, message: &str| out.push(Finding::whole(rule, level, message));
    if !["thank you", "thanks", "grateful"]
        .iter()
        .any(|t| lower.contains(t))
    {
        add(
            "Content.Thanks",
            Level::Warning,
            "The note never thanks them for their time.",
        );
    }
    if !role.is_empty() && !lower.contains(&role.to_lowercase()) {
        add(
            "Content.Role",
            Level::Warning,
            "The note does not name the role: say you want it.",
        );
    }
    if !company.is_empty() && !lower.contains(&company.to_lowercase()) {
        add(
            "Content.Company",
            Level::Warning,
            "The note does not name the company: say you want to join it.",
        );
    }
    if !skills.iter().any(|s| {
        lower.contains(&s.evidence.to_lowercase().trim_end_matches('.').to_string())
            || lower.contains(&s.name.to_lowercase())
    }) {
        add(
            "Content.Skills",
            Level::Suggestion,
            "The note names none of your matched skills.",
        );
    }
    out
}

/// Another company you applied to, named in a draft for this one ("I'd love to join
/// Globex" in the note to Acme): most often a note written for one and copied for the
/// other, the slip a reader forgives least. A company is looked for by its name without
/// a legal suffix ("Globex" for "Globex Corporation"), as typed (case and all), as whole
/// words; a one-word name not at the start of a sentence ("Next week…" is not the company
/// Next). One that shares its name with this company ("Acme", "Acme Labs") is passed
/// over. Offsets are into `text`, the draft as checked.
pub fn other_company_findings(text: &str, company: &str, others: &[String]) -> Vec<Finding> {
    let ours = core_name(company).to_lowercase();
    let mut out = Vec::new();
    for other in others {
        let theirs = core_name(other);
        let lower = theirs.to_lowercase();
        if theirs.chars().count() < 3
            || ours.is_empty()
            || ours.contains(&lower)
            || lower.contains(&ours)
        {
            continue;
        }
        let one_word = !theirs.contains(' ');
        let found = text.match_indices(theirs).find(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let rest = &text[at + theirs.len()..];
            let whole = !before.is_some_and(char::is_alphanumeric)
                && !rest.chars().next().is_some_and(char::is_alphanumeric);
            whole && !(one_word && sentence_start(&text[..*at])) && !names_a_product(rest)
        });
        if let Some((at, _)) = found {
            out.push(Finding {
                suggestions: vec![core_name(company).to_string()],
                ..Finding::located(
                    "Content.OtherCompany",
                    Level::Warning,
                    format!(
                        "'{theirs}' is another company you applied to, and this goes to \
                         {company}: a note written for one and sent to the other is the slip \
                         a reader forgives least."
                    ),
                    text,
                    at,
                    at + theirs.len(),
                )
            });
        }
    }
    out
}

/// A company's name without its legal suffix: "Globex" for "Globex Corporation",
/// "Initech" for "Initech, Inc.".
fn core_name(company: &str) -> &str {
    const SUFFIXES: &[&str] = &[
        "ltd",
        "limited",
        "inc",
        "incorporated",
        "llc",
        "llp",
        "lp",
        "plc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "bv",
        "nv",
        "pty",
        "group",
        "holdings",
        "&",
    ];
    let mut name = company.trim();
    while let Some((rest, last)) = name.rsplit_once(' ') {
        let bare = last
            .trim_matches(|c: char| c == '.' || c == ',')
            .to_lowercase();
        if !SUFFIXES.contains(&bare.as_str()) {
            break;
        }
        name = rest.trim_end_matches([',', ' ']);
    }
    name
}

/// Whether the company's name is the start of a product's ("Google Analytics", "Amazon
/// Web Services", which your evidence may name): the next word, on the same line, is
/// capitalised and no legal suffix ("Globex Corporation" is the company).
fn names_a_product(rest: &str) -> bool {
    let Some(next) = rest
        .strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next())
    else {
        return false;
    };
    let bare = next.trim_matches(|c: char| !c.is_alphanumeric());
    bare.chars().next().is_some_and(char::is_uppercase) && core_name(&format!("x {bare}")) != "x"
}

/// Whether what comes before a word ends a sentence (or is nothing, or a line break).
fn sentence_start(before: &str) -> bool {
    match before
        .trim_end_matches([' ', '\t', '"', '“', '('])
        .chars()
        .next_back()
    {
        None | Some('\n' | '.' | '!' | '?') => true,
        Some(_) => false,
    }
}

/// A voicemail, or a script's voicemail, with no number to call you back on: your
/// profile has none, so the template leaves it out. Reported like tone findings.
pub fn callback_findings(kind: &super::DraftKind, my_phone: &str) -> Vec<Finding> {
    if kind.said_on_the_call() && my_phone.trim().is_empty() {
        vec![Finding::whole(
            "Content.CallbackNumber",
            Level::Warning,
            "The voicemail gives no number to call you back on: your profile has none. Add it (followup profile set --phone, or Profile in the web app) and write the draft again.",
        )]
    } else {
        Vec::new()
    }
}

/// How alike two notes are, 0 to 1: the share of word 3-grams they have in common
/// (Jaccard).
pub fn similarity(a: &str, b: &str) -> f64 {
    let grams = |t: &str| -> std::collections::BTreeSet<String> {
        let words: Vec<String> = t.split_whitespace().map(|w| w.to_lowercase()).collect();
        words.windows(3).map(|w| w.join(" ")).collect()
    };
    let (x, y) = (grams(a), grams(b));
    let union = x.union(&y).count().max(1);
    x.intersection(&y).count() as f64 / union as f64
}

/// Whether two notes are so alike that the panel would notice: over 70% alike.
pub fn near_identical(a: &str, b: &str) -> bool {
    similarity(a, b) > 0.7
}

/// Words in the note's body, for the 80–180 guidance.
pub fn body_words(body: &str) -> usize {
    word_count(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, company: &str, others: &[&str]) -> Vec<(String, usize, usize)> {
        let others: Vec<String> = others.iter().map(|s| s.to_string()).collect();
        other_company_findings(text, company, &others)
            .into_iter()
            .map(|f| (f.matched, f.line, f.column))
            .collect()
    }

    #[test]
    fn another_company_named_in_the_note_is_found() {
        let others = [
            "Acme Ltd",
            "Globex Corporation",
            "Initech, Inc.",
            "Next",
            "Acme Labs",
        ];
        let text =
            "Subject: Thank you\n\nDear Ms Patel,\n\nI would love to join Globex and its team.";
        assert_eq!(
            found(text, "Acme Ltd", &others),
            vec![("Globex".to_string(), 5, 22)]
        );
        // This company, under its own name or one that shares it, is no slip.
        assert!(found("I would love to join Acme.", "Acme Ltd", &others).is_empty());
        assert!(found("The Acme Labs team impressed me.", "Acme Ltd", &others).is_empty());
        // Whole words, as typed.
        assert!(found("I met the Globexian team.", "Acme Ltd", &others).is_empty());
        assert!(found("a globex of ideas", "Acme Ltd", &others).is_empty());
        assert_eq!(
            found("Thanks from Initech's biggest fan.", "Acme Ltd", &others).len(),
            1
        );
        // The start of a product's name, as evidence names it, is not the company.
        let google = ["Google"];
        assert!(found("I set up Google Analytics 4 tracking.", "Acme Ltd", &google).is_empty());
        assert_eq!(
            found("I would love to join Google.", "Acme Ltd", &google).len(),
            1
        );
        assert_eq!(
            found(
                "I would love to join Globex Corporation.",
                "Acme Ltd",
                &others
            )
            .len(),
            1
        );
        // A one-word name that is also a word: only mid-sentence.
        assert!(found("Next week suits me. Next, the plan.", "Acme Ltd", &others).is_empty());
        assert_eq!(
            found("I would be glad to join Next.", "Acme Ltd", &others),
            vec![("Next".to_string(), 1, 25)]
        );
    }

    #[test]
    fn a_company_is_known_by_its_name_without_its_legal_suffix() {
        assert_eq!(core_name("Globex Corporation"), "Globex");
        assert_eq!(core_name("Initech, Inc."), "Initech");
        assert_eq!(core_name("Smith & Co Ltd"), "Smith");
        assert_eq!(core_name("Ltd"), "Ltd");
        assert_eq!(core_name("  Acme  "), "Acme");
    }
}

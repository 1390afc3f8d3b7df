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

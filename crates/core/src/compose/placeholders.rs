//! Blanks left in a draft: the "[Company]", "(insert name)", "{{ role }}", "____" and
//! "XXX-XXX-XXXX" of a template pasted in and not filled. Sent as written, they tell the
//! reader the note was a form letter, so each is an error on the draft (a draft cannot be
//! approved with one). Only drafts are held to this: `check` judges tone, and the
//! published templates it is measured on are full of blanks by design.

use crate::tone::{Finding, Level};
use regex::Regex;
use std::sync::LazyLock;

/// What a blank looks like. Brackets hold a few words with a letter ("[Company]",
/// "[hiring manager's name]"), not a number ("[1]") or "[sic]"; angle brackets a word
/// but no address ("<Name>", not "<priya@acme.example>"); braces are a template's own.
static BLANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\[[^\]\n]{0,60}\p{L}[^\]\n]{0,60}\]",
        r"|<[^<>@\n/]{0,40}\p{L}[^<>@\n/]{0,40}>",
        r"|\{\{[^}\n]*\}\}|\{%[^%\n]*%\}|\{[A-Za-z_ ]{1,40}\}",
        r"|(?i:\((?:insert|your|their|add|enter|name of)\b[^)\n]{0,60}\))",
        r"|_{3,}|\.{5,}|…{2,}",
        r"|\b(?:XXX|xxx)(?:[-. ]?(?:XXX|xxx|XXXX|xxxx))*\b",
    ))
    .expect("the blank pattern is valid")
});

/// A bracketed aside that is no blank.
fn is_aside(blank: &str) -> bool {
    let inner = blank
        .trim_start_matches(['[', '<'])
        .trim_end_matches([']', '>'])
        .trim()
        .to_ascii_lowercase();
    matches!(inner.as_str(), "sic" | "sic!" | "…" | "...")
}

/// Each blank in `text` (a draft's subject line and body), as an error where it stands.
pub fn placeholder_findings(text: &str) -> Vec<Finding> {
    BLANK
        .find_iter(text)
        .filter(|m| !is_aside(m.as_str()))
        .map(|m| {
            Finding::located(
                "Content.Placeholder",
                Level::Error,
                format!(
                    "'{}' is a blank left to fill: sent as written, it tells them this was a \
                     form letter. Put in what it stands for, or take it out.",
                    m.as_str()
                ),
                text,
                m.start(),
                m.end(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanks(text: &str) -> Vec<String> {
        placeholder_findings(text)
            .into_iter()
            .map(|f| f.matched)
            .collect()
    }

    #[test]
    fn the_blanks_of_templates_are_found_where_they_stand() {
        let text = "Dear [Hiring Manager],\nThank you for the (insert role) interview at {{ company }}.\nCall me on XXX-XXX-XXXX or write to ________. Best, <Your Name>{% if x %}";
        assert_eq!(
            blanks(text),
            [
                "[Hiring Manager]",
                "(insert role)",
                "{{ company }}",
                "XXX-XXX-XXXX",
                "________",
                "<Your Name>",
                "{% if x %}"
            ]
        );
        let f = &placeholder_findings(text)[1];
        assert_eq!((f.line, f.column, f.level), (2, 19, Level::Error));
        assert_eq!(f.rule, "Content.Placeholder");
    }

    #[test]
    fn what_real_notes_hold_is_no_blank() {
        for text in [
            "Priya Patel <priya@acme.example>",
            "As the report says [sic], and as footnote [1] shows.",
            "I led the migration (40 services) in 2024.",
            "See https://example.com/a_b and my notes (attached).",
            "Subject: Thank you – Platform Engineer\n\nDear Ms Patel,",
            "I am excited about the role... truly.",
        ] {
            assert!(blanks(text).is_empty(), "{text}: {:?}", blanks(text));
        }
    }
}

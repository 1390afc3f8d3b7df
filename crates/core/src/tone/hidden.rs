//! Characters a reader cannot see, found in a message before it goes: a zero-width space,
//! a byte-order mark, an invisible operator, or a direction control that shows the text
//! after it reversed (U+202E: "weivretni" typed, "interview" shown). Pasted text carries
//! them; an employer's mail client shows, hides or reorders them as it likes, and search
//! and spell checks stumble on them. The checker reads past them (disguise.rs); this says
//! where they are, so they can be deleted. Which they are is `crate::unseen`'s to say: the
//! marks a right-to-left name needs and the joiners of emoji and of some scripts are not.

use super::{Finding, Level};

/// A warning for each run of hidden characters in `text`, where it is.
pub(super) fn findings(text: &str) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let (mut line, mut column) = (1, 1);
    for (at, c) in text.chars().enumerate() {
        if let Some(what) = crate::unseen::unseen(c) {
            match out.last_mut() {
                // One finding for a run: "\u{202e}\u{200b}" is one thing to delete.
                Some(f) if f.end == at => {
                    f.end = at + 1;
                    f.matched.push(c);
                }
                _ => out.push(Finding {
                    rule: "Careless.Hidden".into(),
                    level: Level::Warning,
                    message: format!(
                        "an invisible character is here (U+{:04X}, {what}); pasted text often carries them, and the reader's mail client may show it or reorder the text around it. Delete it.",
                        c as u32
                    ),
                    matched: c.to_string(),
                    line,
                    column,
                    start: at,
                    end: at + 1,
                    suggestions: vec![],
                    link: None,
                }),
            }
        }
        if c == '\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_found_where_they_are() {
        let text = "Dear Sam,\n\nThank you \u{200b}for the \u{202e}weivretni\u{202c} today.";
        let found = findings(text);
        let at: Vec<(usize, usize, usize, usize)> = found
            .iter()
            .map(|f| (f.line, f.column, f.start, f.end))
            .collect();
        assert_eq!(at, vec![(3, 11, 21, 22), (3, 20, 30, 31), (3, 30, 40, 41)]);
        assert!(
            found[1].message.contains("U+202E, a direction control"),
            "{found:?}"
        );
        // A run is one finding.
        assert_eq!(findings("a\u{feff}\u{200b}b")[0].end, 3);
        assert_eq!(findings("a\u{feff}\u{200b}b").len(), 1);
    }

    #[test]
    fn what_a_name_or_an_emoji_needs_is_not_hidden() {
        for text in [
            "Thank you, \u{200f}\u{5e9}\u{5e8}\u{5d4}\u{200f}.",
            "Family: 👨\u{200d}👩\u{200d}👧",
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
            "Plain text, nothing hidden.",
        ] {
            assert!(findings(text).is_empty(), "{text:?}");
        }
    }
}

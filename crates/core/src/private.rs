//! The candidate's own words stay theirs. Interview notes, points to clarify, call notes
//! and notes on a contact are private: no draft quotes them, and any outgoing text that
//! carries a run of six or more of their words is flagged (`Privacy.Leak`, an error, so
//! it cannot be approved without an override). This module also says where each sentence
//! of a draft came from, so the user can see that nothing private went in.

use crate::tone::{Finding, Level};
use serde::Serialize;
use std::collections::HashSet;

/// Words in a row that make a quotation rather than a coincidence.
pub const RUN: usize = 6;

/// A piece of text and what it is ("your interview notes", "your mention").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub label: String,
    pub text: String,
}

impl Passage {
    pub fn new(label: impl Into<String>, text: impl Into<String>) -> Passage {
        Passage {
            label: label.into(),
            text: text.into(),
        }
    }
}

/// A word of a text, lower-cased, with its byte span.
struct Word {
    text: String,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    for (i, c) in text.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(word(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, text.len()));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Word {
    Word {
        text: text[start..end].to_lowercase().replace('’', "'"),
        start,
        end,
    }
}

fn grams(text: &str, n: usize) -> HashSet<String> {
    let w = words(text);
    w.windows(n)
        .map(|g| {
            g.iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Runs of [`RUN`] or more words in `text` taken from one of `private`, except runs the
/// user also wrote for the reader (`public`: mentions, offers, skill evidence).
pub fn leaks(text: &str, private: &[Passage], public: &[&str]) -> Vec<Finding> {
    let w = words(text);
    if w.len() < RUN {
        return Vec::new();
    }
    let open: HashSet<String> = public.iter().flat_map(|p| grams(p, RUN)).collect();
    let mut out = Vec::new();
    for source in private {
        let secret = grams(&source.text, RUN);
        if secret.is_empty() {
            continue;
        }
        // Windows of RUN words found in the private text; overlapping ones are one run.
        let mut run: Option<(usize, usize)> = None;
        let mut runs = Vec::new();
        for (i, g) in w.windows(RUN).enumerate() {
            let key = g
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if secret.contains(&key) && !open.contains(&key) {
                run = match run {
                    Some((a, b)) if i <= b => Some((a, i + RUN - 1)),
                    Some(r) => {
                        runs.push(r);
                        Some((i, i + RUN - 1))
                    }
                    None => Some((i, i + RUN - 1)),
                };
            }
        }
        runs.extend(run);
        for (a, b) in runs {
            let (start, end) = (w[a].start, w[b].end);
            out.push(Finding::located(
                "Privacy.Leak",
                Level::Error,
                format!(
                    "'{}' is from {}, which is private: the employer would read your own notes. Say what you want them to know in words written for them (interview note --mention or --offer).",
                    &text[start..end],
                    source.label
                ),
                text,
                start,
                end,
            ));
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// One sentence of a draft and what it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Source {
    pub sentence: String,
    /// "the template", or the input it quotes ("your mention", "your evidence for SQL").
    pub from: String,
}

/// Where each sentence of `body` came from: the input it shares the longest run of words
/// with (four at least), else the template.
pub fn sources(body: &str, inputs: &[Passage]) -> Vec<Source> {
    let grams: Vec<(HashSet<String>, &Passage)> = inputs
        .iter()
        .filter(|i| !i.text.trim().is_empty())
        .map(|i| (grams(&i.text, 4), i))
        .collect();
    sentences(body)
        .into_iter()
        .map(|sentence| {
            let own = self::grams(&sentence, 4);
            let from = grams
                .iter()
                .map(|(g, i)| (g.intersection(&own).count(), i))
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, _)| *n)
                .map_or_else(|| "the template".to_string(), |(_, i)| i.label.clone());
            Source { sentence, from }
        })
        .collect()
}

/// Sentences of a text: split after . ! ? followed by a space, and at line ends.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut rest = line.trim();
        while !rest.is_empty() {
            let cut = rest
                .char_indices()
                .find(|(i, c)| matches!(c, '.' | '!' | '?') && rest[i + 1..].starts_with(' '))
                .map_or(rest.len(), |(i, _)| i + 1);
            out.push(rest[..cut].trim().to_string());
            rest = rest[cut..].trim_start();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes() -> Vec<Passage> {
        vec![
            Passage::new(
                "your interview notes",
                "Fiona said the Edinburgh Growth team is doubling. Salary: I said flexible.",
            ),
            Passage::new(
                "a point to clarify",
                "how I'd size an A/B test (I fumbled the sample-size question)",
            ),
        ]
    }

    #[test]
    fn six_words_from_a_note_are_a_leak_wherever_they_are() {
        let text =
            "Dear Fiona,\n\nI was glad to hear the Edinburgh Growth team is doubling in size.";
        let found = leaks(text, &notes(), &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].matched, "the Edinburgh Growth team is doubling");
        assert_eq!((found[0].line, found[0].column), (3, 20));
        // Offsets count characters, not bytes: "’" and "é" are one each.
        let text = "Dear Zoë,\n\nI’m glad the Edinburgh Growth team is doubling.";
        let found = leaks(text, &notes(), &[]);
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[found[0].start..found[0].end].iter().collect();
        assert_eq!(got, "the Edinburgh Growth team is doubling");
        assert_eq!(found[0].level, Level::Error);
        assert!(found[0].message.contains("your interview notes"));
        // Punctuation and case do not hide it.
        let text = "More about How I'd size an A/B test, if useful.";
        assert_eq!(leaks(text, &notes(), &[]).len(), 1);
    }

    #[test]
    fn five_words_or_what_you_wrote_for_the_reader_are_not() {
        let text = "I enjoyed hearing that the Edinburgh Growth team grows.";
        assert!(leaks(text, &notes(), &[]).is_empty());
        let text = "I was glad to hear the Edinburgh Growth team is doubling.";
        let public = ["the Edinburgh Growth team is doubling"];
        assert!(leaks(text, &notes(), &public).is_empty());
    }

    #[test]
    fn each_sentence_names_its_source() {
        let inputs = [Passage::new(
            "your mention",
            "your plans for the Edinburgh team",
        )];
        let got = sources(
            "Thank you for your time. I enjoyed hearing about your plans for the Edinburgh team.\nBest,",
            &inputs,
        );
        let from: Vec<&str> = got.iter().map(|s| s.from.as_str()).collect();
        assert_eq!(from, ["the template", "your mention", "the template"]);
        assert_eq!(
            got[1].sentence,
            "I enjoyed hearing about your plans for the Edinburgh team."
        );
    }
}

//! A message as the checker reads it: split into scopes (subject, greeting, body,
//! sign-off; quoted replies and signatures left out), with an ASCII-lowercased copy to
//! search, word counts, and a line index that turns byte offsets into positions.

use super::Scope;

/// Words as people count them: runs of letters, digits and apostrophes.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A message split into scopes, with a line index for positions.
pub(super) struct Text<'a> {
    pub(super) source: &'a str,
    /// The source with ASCII letters lowercased (same length, same offsets).
    pub(super) lower: String,
    /// (scope, byte range) for each checked line run.
    pub(super) spans: Vec<(Scope, usize, usize)>,
    /// Words in each span, counted once, by the first rule that counts them.
    span_words: std::sync::OnceLock<Vec<usize>>,
    /// Byte ranges of the web and email addresses in the source, in order, found once, by
    /// the first rule that asks.
    addresses: std::sync::OnceLock<Vec<(usize, usize)>>,
    line_starts: Vec<usize>,
    /// Characters before each line, so positions cost one line's count, not the text's.
    line_chars: Vec<usize>,
}

const CLOSINGS: &[&str] = &[
    "yours sincerely",
    "yours faithfully",
    "yours truly",
    "sincerely",
    "kind regards",
    "best regards",
    "warm regards",
    "warmest regards",
    "regards",
    "best wishes",
    "with best wishes",
    "many thanks",
    "thanks again",
    "with thanks",
    "thank you again",
    "all the best",
    "best",
    "cheers",
    "respectfully",
];

impl<'a> Text<'a> {
    pub(super) fn new(source: &'a str) -> Text<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let mut lines: Vec<(usize, usize)> = line_starts
            .iter()
            .enumerate()
            .map(|(i, &start)| {
                let end = line_starts.get(i + 1).map_or(source.len(), |n| n - 1);
                let end = if source[start..end].ends_with('\r') {
                    end - 1
                } else {
                    end
                };
                (start, end)
            })
            .collect();
        // A signature starts at a line that is exactly "-- ".
        if let Some(sig) = lines
            .iter()
            .position(|(a, b)| &source[*a..*b] == "-- " || &source[*a..*b] == "--")
        {
            lines.truncate(sig);
        }
        let text_of = |(a, b): (usize, usize)| source[a..b].trim();
        let mut spans = Vec::new();
        let mut body_start = 0;
        if let Some(first) = lines.iter().position(|l| !text_of(*l).is_empty())
            && text_of(lines[first])
                .to_ascii_lowercase()
                .starts_with("subject:")
        {
            let (a, b) = lines[first];
            let offset = source[a..b].find(':').map_or(a, |i| a + i + 1);
            spans.push((Scope::Subject, offset, b));
            body_start = first + 1;
        }
        let rest: Vec<usize> = (body_start..lines.len())
            .filter(|i| !text_of(lines[*i]).is_empty() && !text_of(lines[*i]).starts_with('>'))
            .collect();
        let greeting = rest.first().copied().filter(|i| {
            let t = text_of(lines[*i]).to_ascii_lowercase();
            [
                "dear ",
                "hi ",
                "hello",
                "good morning",
                "good afternoon",
                "to whom",
            ]
            .iter()
            .any(|g| t.starts_with(g))
        });
        let signoff = rest.iter().copied().rev().find(|i| {
            let t = text_of(lines[*i]).to_ascii_lowercase();
            let t = t.trim_end_matches([',', '.', '!']);
            CLOSINGS.contains(&t)
        });
        for i in rest {
            let scope = if Some(i) == greeting {
                Scope::Greeting
            } else if signoff.is_some_and(|s| i >= s) {
                Scope::Signoff
            } else {
                Scope::Body
            };
            let (a, b) = lines[i];
            spans.push((scope, a, b));
        }
        let mut line_chars = Vec::with_capacity(line_starts.len());
        let mut before = 0;
        for (i, &start) in line_starts.iter().enumerate() {
            line_chars.push(before);
            let end = line_starts.get(i + 1).copied().unwrap_or(source.len());
            before += source[start..end].chars().count();
        }
        Text {
            source,
            lower: source.to_ascii_lowercase(),
            spans,
            span_words: std::sync::OnceLock::new(),
            addresses: std::sync::OnceLock::new(),
            line_starts,
            line_chars,
        }
    }

    /// The byte ranges of a scope's parts.
    pub(super) fn parts(&self, scope: Scope) -> Vec<(usize, usize)> {
        self.spans
            .iter()
            .filter(|(s, _, _)| scope.covers(*s))
            .map(|(_, a, b)| (*a, *b))
            .collect()
    }

    /// Words in the parts of a scope.
    pub(super) fn words(&self, scope: Scope) -> usize {
        let counts = self.span_words.get_or_init(|| {
            self.spans
                .iter()
                .map(|(_, a, b)| word_count(&self.source[*a..*b]))
                .collect()
        });
        self.spans
            .iter()
            .zip(counts)
            .filter(|((s, _, _), _)| scope.covers(*s))
            .map(|(_, n)| n)
            .sum()
    }

    /// Whether the byte range `a..b` lies inside a web or an email address: a run of
    /// non-space characters that holds "://" or an "@", or starts "www." ("/u/0" in a link
    /// is no chat shorthand). The addresses are found in one pass, then looked up.
    pub(super) fn in_address(&self, a: usize, b: usize) -> bool {
        let addresses = self.addresses.get_or_init(|| {
            let mut out = Vec::new();
            let mut start = None;
            let mut push = |s: usize, e: usize| {
                let token = self.source[s..e].trim_start_matches(['(', '<', '[', '"', '\'']);
                if token.contains("://") || token.starts_with("www.") || token.contains('@') {
                    out.push((s, e));
                }
            };
            for (i, c) in self.source.char_indices() {
                match (c.is_whitespace(), start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        push(s, i);
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(s) = start {
                push(s, self.source.len());
            }
            out
        });
        let i = addresses.partition_point(|(s, _)| *s <= a);
        i > 0 && b <= addresses[i - 1].1
    }

    /// The byte offset of character offset `at` (a finding's `start`), by way of the line
    /// it is on.
    pub(super) fn byte_of(&self, at: usize) -> usize {
        let line = self.line_chars.partition_point(|&c| c <= at).max(1);
        let start = self.line_starts[line - 1];
        self.source[start..]
            .char_indices()
            .nth(at - self.line_chars[line - 1])
            .map_or(self.source.len(), |(i, _)| start + i)
    }

    /// (line, column, char start, char end) of a byte range.
    pub(super) fn position(&self, start: usize, end: usize) -> (usize, usize, usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= start);
        let line_start = self.line_starts[line - 1];
        let column = self.source[line_start..start].chars().count() + 1;
        let char_start = self.line_chars[line - 1] + column - 1;
        let char_end = char_start + self.source[start..end].chars().count();
        (line, column, char_start, char_end)
    }
}

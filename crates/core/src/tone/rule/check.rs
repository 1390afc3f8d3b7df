//! A rule run over the parts of a message: each kind's search, exceptions, and the
//! findings with their place in the text.

use super::*;

/// How far back a match's sentence is looked for, and how far past a match what waives
/// it: enough for a clause, and a bound, so a long text costs the same per match.
const SENTENCE_REACH: usize = 300;

/// The part of `hay` from the start of the sentence holding byte `at` up to `at`.
fn sentence_before(hay: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(SENTENCE_REACH);
    while !hay.is_char_boundary(from) {
        from += 1;
    }
    let before = &hay[from..at];
    // Without the space before the match, so that a waiver may be anchored to it ("…I
    // don't think$" right before "I am the most…").
    match before.rfind(['.', '!', '?', ';', '\n']) {
        Some(i) => &before[i + 1..],
        None => before,
    }
    .trim_end()
}

/// Whether `waiver` matches right at byte `at` of `hay` (after spaces or tabs): what
/// follows a match, read no further than `SENTENCE_REACH`. A search to the end of the
/// text for each match took a megabyte of scare quotes from one second to three.
fn followed_by(waiver: &Regex, hay: &str, at: usize) -> bool {
    let next = hay[at..].trim_start_matches([' ', '\t']);
    let mut end = next.len().min(SENTENCE_REACH);
    while !next.is_char_boundary(end) {
        end -= 1;
    }
    waiver.find(&next[..end]).is_some_and(|m| m.start() == 0)
}

/// The matches that count: those not followed by what waives them.
fn counted(
    found: Vec<(usize, usize)>,
    unless_before: &Option<Regex>,
    hay: &str,
) -> Vec<(usize, usize)> {
    match unless_before {
        Some(waiver) => found
            .into_iter()
            .filter(|(_, b)| !followed_by(waiver, hay, *b))
            .collect(),
        None => found,
    }
}

/// The span `a..b` of `source` without the white space at its ends, nor the punctuation
/// that ends the clause before it (a command is one at a clause's start: ". Get lost"),
/// or None if that is all it holds.
fn without_spaces(source: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut rest = source[a..b].trim_start();
    // Only a mark that ends a clause, followed by space: ";)" and "?!" are what was found.
    let mut chars = rest.chars();
    if chars.next().is_some_and(|c| ".!?;:,".contains(c))
        && chars.next().is_some_and(char::is_whitespace)
    {
        rest = rest[1..].trim_start();
    }
    let start = b - rest.len();
    let end = b - (rest.len() - rest.trim_end().len());
    (start < end).then_some((start, end))
}

impl Rule {
    pub(in crate::tone) fn applies_to(&self, locale: &str) -> bool {
        self.locale
            .as_deref()
            .is_none_or(|l| l.eq_ignore_ascii_case(locale))
    }

    fn finding(
        &self,
        text: &Text,
        start: usize,
        end: usize,
        fill: &str,
        suggestions: Vec<String>,
    ) -> Finding {
        let (line, column, char_start, char_end) = text.position(start, end);
        let mut message = self.message.replacen("%s", fill, 1);
        if let Some(s) = suggestions.first() {
            message = message.replacen("%s", s, 1);
        }
        Finding {
            rule: self.id.clone(),
            level: self.level,
            message,
            matched: text.source[start..end].to_string(),
            line,
            column,
            start: char_start,
            end: char_end,
            suggestions,
            link: self.link.clone(),
        }
    }

    fn is_exception(&self, matched: &str) -> bool {
        let lower = matched.to_lowercase();
        self.exceptions.contains(&lower)
            || (self.lexicon_words && !lower.contains(' ') && !crate::sentiment::is_word(&lower))
    }

    pub(in crate::tone) fn check(&self, text: &Text, out: &mut Vec<Finding>) {
        let parts = &text.parts(self.scope);
        // What the patterns search; same byte offsets as the source.
        let hay = if self.lowercase {
            text.lower.as_str()
        } else {
            text.source
        };
        match &self.kind {
            Kind::Existence {
                tokens,
                suggest,
                unless_after,
                unless_before,
                unless_in_text,
            } => {
                if unless_in_text
                    .as_ref()
                    .is_some_and(|t| parts.iter().any(|(a, b)| t.is_match(&hay[*a..*b])))
                {
                    return;
                }
                for (a, b) in matches_in(tokens, hay, parts) {
                    // A pattern may take in the space around what it found (an emoticon
                    // is one only between spaces); the finding quotes what was found.
                    let Some((a, b)) = without_spaces(text.source, a, b) else {
                        continue;
                    };
                    if text.in_address(a, b) {
                        continue;
                    }
                    let matched = &text.source[a..b];
                    let waived = unless_after
                        .as_ref()
                        .is_some_and(|w| w.is_match(sentence_before(hay, a)))
                        || unless_before
                            .as_ref()
                            .is_some_and(|w| followed_by(w, hay, b));
                    if !waived && !self.is_exception(matched) {
                        let offered = suggest
                            .iter()
                            .filter(|(shape, _)| shape.is_match(&hay[a..b]))
                            .map(|(_, wording)| wording.clone())
                            .take(1)
                            .collect();
                        out.push(self.finding(text, a, b, matched, offered));
                    }
                }
            }
            Kind::Substitution(pairs) => {
                for (re, to) in pairs {
                    for (a, b) in matches_in(re, hay, parts) {
                        let matched = &text.source[a..b];
                        if !self.is_exception(matched) && !text.in_address(a, b) {
                            out.push(self.finding(text, a, b, matched, vec![to.clone()]));
                        }
                    }
                }
            }
            Kind::Occurrence {
                pattern,
                max,
                unless_before,
            } => {
                let found = counted(matches_in(pattern, hay, parts), unless_before, hay);
                if let Some((a, b)) = found.get(*max) {
                    out.push(self.finding(text, *a, *b, &found.len().to_string(), vec![]));
                }
            }
            Kind::Density {
                pattern,
                max,
                per,
                unless_before,
            } => {
                let found = counted(matches_in(pattern, hay, parts), unless_before, hay);
                let words = text.words(self.scope);
                let allowed = (*max * words.max(*per)).div_ceil(*per);
                if found.len() > allowed {
                    let listed: Vec<&str> =
                        found.iter().map(|(a, b)| &text.source[*a..*b]).collect();
                    let (a, b) = found[0];
                    out.push(self.finding(text, a, b, &listed.join("', '"), vec![]));
                }
            }
            Kind::Conditional {
                first,
                second,
                forbid,
            } => {
                let Some((fa, fb)) = matches_in(first, hay, parts).first().copied() else {
                    return;
                };
                if let Some(forbid) = forbid
                    && let Some((a, b)) = matches_in(forbid, hay, parts).first().copied()
                {
                    out.push(self.finding(text, a, b, &text.source[a..b], vec![]));
                }
                if let Some(second) = second
                    && matches_in(second, hay, parts).is_empty()
                {
                    out.push(self.finding(text, fa, fb, &text.source[fa..fb], vec![]));
                }
            }
            Kind::Sentiment {
                target,
                threshold,
                unless_before,
            } => {
                for (a, b) in parts {
                    let part = &text.source[*a..*b];
                    for (s, e) in crate::sentiment::sentences(part) {
                        let sentence = &part[s..e];
                        let lower = &hay[a + s..a + e];
                        // Aimed at them: a target that is not followed by what waives it.
                        let aimed = target.find_iter(lower).any(|m| {
                            unless_before
                                .as_ref()
                                .is_none_or(|w| !followed_by(w, lower, m.end()))
                        });
                        if aimed && crate::sentiment::score(sentence) <= *threshold {
                            let lead = sentence.len() - sentence.trim_start().len();
                            let (start, end) = (a + s + lead, a + s + sentence.trim_end().len());
                            out.push(self.finding(
                                text,
                                start,
                                end,
                                &text.source[start..end],
                                vec![],
                            ));
                        }
                    }
                }
            }
            Kind::Length { max } => {
                let words = text.words(self.scope);
                if words > *max
                    && let Some((a, _)) = parts.first()
                {
                    let end = text.source[*a..]
                        .find('\n')
                        .map_or(text.source.len(), |n| a + n);
                    out.push(self.finding(text, *a, end, &words.to_string(), vec![]));
                }
            }
        }
    }
}

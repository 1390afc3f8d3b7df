//! The tone checker: rules anyone can read (a subset of Vale's YAML format), run over the
//! parts of a message, with findings that say what, where and why.
//!
//! A message is split into scopes first: `subject` (a leading "Subject:" line),
//! `greeting` ("Dear …"), `signoff` (from "Yours sincerely" and the like to the end) and
//! `body` (the rest). Quoted replies (`>` lines) and signatures (after a `-- ` line) are
//! never checked: they are not the user's words, or not this message's. Rule kinds:
//! - `existence`: any token found is a finding; `suggest` maps a pattern a match may
//!   take to a wording to offer instead (what the editor's "apply" puts in);
//! - `substitution`: `swap` maps a pattern to what to write instead;
//! - `occurrence`: more than `max` matches in the scope;
//! - `density`: more than `max` matches per `per` words (hedges, intensifiers);
//! - `conditional`: `first` present and `forbid` present (a salutation and a closing that
//!   don't go together); with `second` instead, `first` present and `second` absent;
//! - `length`: more than `max` words in the scope.

mod checker;
pub mod overall;
mod pattern;
mod text;

pub use checker::{BUILT_IN, Checker};
use pattern::{compiled_pattern, matches_in};
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use text::Text;
pub use text::word_count;

/// How serious a finding is. Errors block approval of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Suggestion,
    Warning,
    Error,
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Level::Suggestion => "suggestion",
            Level::Warning => "warning",
            Level::Error => "error",
        })
    }
}

/// The part of a message a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Subject,
    Greeting,
    Body,
    Signoff,
    /// Every part.
    Text,
}

impl Scope {
    /// Whether a rule of this scope reads a part of scope `part`.
    fn covers(self, part: Scope) -> bool {
        self == Scope::Text || self == part
    }
}

/// One thing the checker found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Finding {
    pub rule: String,
    pub level: Level,
    pub message: String,
    pub matched: String,
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
    /// Character offsets into the checked text, end exclusive.
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Finding {
    /// A finding about the message as a whole (its cadence, its content), not a span.
    pub fn whole(rule: &str, level: Level, message: &str) -> Finding {
        Finding {
            rule: rule.into(),
            level,
            message: message.into(),
            matched: String::new(),
            line: 1,
            column: 1,
            start: 0,
            end: 0,
            suggestions: vec![],
            link: None,
        }
    }
}

/// A rule file as written. Unknown fields are refused, so a typo is not silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    extends: String,
    message: String,
    level: Level,
    #[serde(default)]
    scope: Option<Scope>,
    #[serde(default)]
    ignorecase: Option<bool>,
    /// Tokens are regular expressions matched as whole words unless `nonword`.
    #[serde(default)]
    nonword: bool,
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    swap: BTreeMap<String, String>,
    /// `existence`: a pattern a whole match may take, and the wording to suggest for it.
    #[serde(default)]
    suggest: BTreeMap<String, String>,
    #[serde(default)]
    exceptions: Vec<String>,
    #[serde(default)]
    link: Option<String>,
    #[serde(default)]
    max: Option<usize>,
    #[serde(default)]
    per: Option<usize>,
    #[serde(default)]
    first: Option<String>,
    #[serde(default)]
    second: Option<String>,
    #[serde(default)]
    forbid: Option<String>,
    #[serde(default)]
    locale: Option<String>,
    /// `existence`: a one-word match counts only if the word is in the sentiment lexicon
    /// (an ordinary English word, not an acronym): how Pushy.Capitals tells shouting from
    /// "HIPAA". Matches of several words always count.
    #[serde(default)]
    lexicon_words: bool,
    /// `sentiment`: flag a sentence that scores at or below this (VADER valence sum).
    #[serde(default)]
    threshold: Option<f64>,
    /// `sentiment`: only sentences that match this pattern (what the anger is aimed at).
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    examples: Option<Examples>,
}

impl RuleFile {
    /// Every pattern the file holds, whatever its kind.
    fn patterns(&self) -> impl Iterator<Item = &str> {
        self.tokens
            .iter()
            .chain(self.swap.keys())
            .chain(self.suggest.keys())
            .chain(self.first.iter())
            .chain(self.second.iter())
            .chain(self.forbid.iter())
            .chain(self.target.iter())
            .map(String::as_str)
    }
}

/// Texts a rule must flag and texts it must leave alone; the test suite runs them.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Examples {
    #[serde(default)]
    pub fail: Vec<String>,
    #[serde(default)]
    pub pass: Vec<String>,
}

#[derive(Debug, Clone)]
enum Kind {
    /// The tokens, and wordings to suggest for matches of the given shapes.
    Existence(Regex, Vec<(Regex, String)>),
    Substitution(Vec<(Regex, String)>),
    Occurrence {
        pattern: Regex,
        max: usize,
    },
    Density {
        pattern: Regex,
        max: usize,
        per: usize,
    },
    Conditional {
        first: Regex,
        second: Option<Regex>,
        forbid: Option<Regex>,
    },
    Length {
        max: usize,
    },
    /// A sentence about `target` whose sentiment (crate::sentiment) is at or below
    /// `threshold`.
    Sentiment {
        target: Regex,
        threshold: f64,
    },
}

/// A checked, compiled rule. Cloning it is cheap: its regular expressions are shared.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub level: Level,
    pub scope: Scope,
    pub locale: Option<String>,
    pub examples: Examples,
    message: String,
    link: Option<String>,
    exceptions: Vec<String>,
    lexicon_words: bool,
    /// Searched in the ASCII-lowercased text, with lowercased patterns: how case is
    /// folded, as compiling a case-insensitive Unicode pattern costs about twice as much.
    lowercase: bool,
    kind: Kind,
}

/// A rule file that could not be used: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{rule}: {field}: {problem}")]
pub struct RuleError {
    pub rule: String,
    pub field: String,
    pub problem: String,
}

impl Rule {
    /// Parses one rule; `id` is "Family.Name" (from the file's folder and name).
    pub fn parse(id: &str, yaml: &str) -> Result<Rule, RuleError> {
        // A pattern that compiles as written but not lowercased is folded by the engine,
        // and an error names the pattern as written.
        Rule::parse_folding(id, yaml, true).or_else(|_| Rule::parse_folding(id, yaml, false))
    }

    /// `parse` with case folded by the regex engine alone: what the fuzzer compares
    /// `parse` with.
    #[doc(hidden)]
    pub fn parse_folded_by_engine(id: &str, yaml: &str) -> Result<Rule, RuleError> {
        Rule::parse_folding(id, yaml, false)
    }

    /// `parse`, with case folded by the regex engine alone when `by_lowercasing` is false
    /// (the tests compare the two).
    fn parse_folding(id: &str, yaml: &str, by_lowercasing: bool) -> Result<Rule, RuleError> {
        let err = |field: &str, problem: String| RuleError {
            rule: id.to_string(),
            field: field.to_string(),
            problem,
        };
        let file: RuleFile = serde_norway::from_str(yaml).map_err(|e| {
            let field = e
                .to_string()
                .split(':')
                .next()
                .unwrap_or("yaml")
                .to_string();
            err(&field, e.to_string())
        })?;
        let ignorecase = file.ignorecase.unwrap_or(true);
        // Case is folded by searching an ASCII-lowercased copy of the text with a
        // lowercased pattern, unless a pattern holds a letter with case beyond ASCII
        // ("É"), which only the regex engine's own case folding matches both ways.
        let lowercase =
            by_lowercasing && ignorecase && file.patterns().all(pattern::folds_as_ascii);
        let word = !file.nonword;
        let compile = |field: &str, patterns: &[String]| -> Result<Regex, RuleError> {
            if patterns.is_empty() {
                return Err(err(field, "needs at least one pattern".into()));
            }
            let joined = patterns
                .iter()
                .map(|p| format!("(?:{})", compiled_pattern(p)))
                .collect::<Vec<_>>()
                .join("|");
            let joined = if lowercase {
                pattern::lowercased(&joined)
            } else {
                joined
            };
            let pattern = if word {
                // ASCII word boundaries: a Unicode `\b` forces the regex engine off
                // its fast path on any text with a curly quote or an accent, and a
                // megabyte then took seconds instead of milliseconds. Tokens are English
                // words, so the ASCII boundary is the same boundary for them.
                format!(r"(?-u:\b)(?:{joined})(?-u:\b)")
            } else {
                joined
            };
            RegexBuilder::new(&pattern)
                .case_insensitive(ignorecase && !lowercase)
                .multi_line(true)
                .build()
                .map_err(|e| err(field, format!("bad regular expression: {e}")))
        };
        let needs_max = |field: &str| {
            file.max
                .ok_or_else(|| err(field, "this kind of rule needs `max`".into()))
        };
        let kind = match file.extends.as_str() {
            "existence" => {
                let suggest = file
                    .suggest
                    .iter()
                    .map(|(shape, wording)| {
                        let shape = if lowercase {
                            pattern::lowercased(shape)
                        } else {
                            shape.clone()
                        };
                        let whole = RegexBuilder::new(&format!("^(?:{shape})$"))
                            .case_insensitive(ignorecase && !lowercase)
                            .build()
                            .map_err(|e| err("suggest", format!("bad regular expression: {e}")))?;
                        Ok((whole, wording.clone()))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Kind::Existence(compile("tokens", &file.tokens)?, suggest)
            }
            "substitution" => {
                if file.swap.is_empty() {
                    return Err(err(
                        "swap",
                        "needs at least one pattern: replacement".into(),
                    ));
                }
                let pairs = file
                    .swap
                    .iter()
                    .map(|(from, to)| {
                        Ok((compile("swap", std::slice::from_ref(from))?, to.clone()))
                    })
                    .collect::<Result<_, RuleError>>()?;
                Kind::Substitution(pairs)
            }
            "occurrence" => Kind::Occurrence {
                pattern: compile("tokens", &file.tokens)?,
                max: needs_max("max")?,
            },
            "density" => Kind::Density {
                pattern: compile("tokens", &file.tokens)?,
                max: needs_max("max")?,
                per: file.per.unwrap_or(100).max(1),
            },
            "conditional" => {
                let first = file
                    .first
                    .as_ref()
                    .ok_or_else(|| err("first", "conditional rules need `first`".into()))?;
                if file.second.is_none() && file.forbid.is_none() {
                    return Err(err(
                        "second",
                        "conditional rules need `second` or `forbid`".into(),
                    ));
                }
                let one = |field: &str, p: &Option<String>| {
                    p.as_ref()
                        .map(|p| compile(field, std::slice::from_ref(p)))
                        .transpose()
                };
                Kind::Conditional {
                    first: compile("first", std::slice::from_ref(first))?,
                    second: one("second", &file.second)?,
                    forbid: one("forbid", &file.forbid)?,
                }
            }
            "length" => Kind::Length {
                max: needs_max("max")?,
            },
            "sentiment" => {
                Kind::Sentiment {
                    target: compile(
                        "target",
                        std::slice::from_ref(file.target.as_ref().ok_or_else(|| {
                            err("target", "sentiment rules need `target`".into())
                        })?),
                    )?,
                    threshold: file.threshold.ok_or_else(|| {
                        err("threshold", "sentiment rules need `threshold`".into())
                    })?,
                }
            }
            other => {
                return Err(err(
                    "extends",
                    format!(
                        "unknown kind '{other}'; use existence, substitution, occurrence, density, conditional, length or sentiment"
                    ),
                ));
            }
        };
        Ok(Rule {
            id: id.to_string(),
            level: file.level,
            scope: file.scope.unwrap_or(Scope::Text),
            locale: file.locale.map(|l| l.to_ascii_lowercase()),
            examples: file.examples.unwrap_or_default(),
            message: file.message,
            link: file.link,
            exceptions: file.exceptions.iter().map(|e| e.to_lowercase()).collect(),
            lexicon_words: file.lexicon_words,
            lowercase,
            kind,
        })
    }

    fn applies_to(&self, locale: &str) -> bool {
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

    fn check(&self, text: &Text, out: &mut Vec<Finding>) {
        let parts = &text.parts(self.scope);
        // What the patterns search; same byte offsets as the source.
        let hay = if self.lowercase {
            text.lower.as_str()
        } else {
            text.source
        };
        match &self.kind {
            Kind::Existence(re, suggest) => {
                for (a, b) in matches_in(re, hay, parts) {
                    let matched = &text.source[a..b];
                    if !self.is_exception(matched) {
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
                        if !self.is_exception(matched) {
                            out.push(self.finding(text, a, b, matched, vec![to.clone()]));
                        }
                    }
                }
            }
            Kind::Occurrence { pattern, max } => {
                let found = matches_in(pattern, hay, parts);
                if let Some((a, b)) = found.get(*max) {
                    out.push(self.finding(text, *a, *b, &found.len().to_string(), vec![]));
                }
            }
            Kind::Density { pattern, max, per } => {
                let found = matches_in(pattern, hay, parts);
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
            Kind::Sentiment { target, threshold } => {
                for (a, b) in parts {
                    let part = &text.source[*a..*b];
                    for (s, e) in crate::sentiment::sentences(part) {
                        let sentence = &part[s..e];
                        if target.is_match(&hay[a + s..a + e])
                            && crate::sentiment::score(sentence) <= *threshold
                        {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-search-then-parts shortcut finds exactly what a search per part finds, for
    /// every shipped pattern, on the tone corpus with LF and CRLF line ends and a subject.
    #[test]
    fn matches_in_finds_what_a_search_per_part_finds() {
        let corpus = include_str!("../../tests/data/tone-corpus.txt");
        let texts = [
            corpus.to_string(),
            corpus.replace('\n', "\r\n"),
            format!("Subject: following up\n\nHi Sam,\n{corpus}"),
            "Why is this\ntaking so long?\n\nwhy haven't you replied".to_string(),
            "Why is this\r\ntaking so long?\r\n\r\nwhy haven't you replied".to_string(),
            "Dear Sam,\nYou said\n> you said\nyou\nsaid Monday. I will\ntell everyone.\n\nBest,\nAl\n-- \nyou said".to_string(),
        ];
        let checker = Checker::built_in();
        let mut patterns: Vec<&Regex> = Vec::new();
        for rule in &checker.rules {
            match &rule.kind {
                Kind::Existence(re, _) => patterns.push(re),
                Kind::Substitution(pairs) => patterns.extend(pairs.iter().map(|(re, _)| re)),
                Kind::Occurrence { pattern, .. } | Kind::Density { pattern, .. } => {
                    patterns.push(pattern)
                }
                Kind::Conditional {
                    first,
                    second,
                    forbid,
                } => {
                    patterns.push(first);
                    patterns.extend(second.iter().chain(forbid.iter()));
                }
                _ => {}
            }
        }
        // A user's rule may anchor to a line's ends, or run across lines.
        let anchored = [
            Regex::new(r"(?m)long\?$").unwrap(),
            Regex::new(r"(?mi)^why").unwrap(),
            Regex::new(r"(?i)is this\s+taking").unwrap(),
            Regex::new(r"(?i)said\s+monday|you\s+said").unwrap(),
            Regex::new(r"(?m)^|$").unwrap(),
            Regex::new(r"(?m)[a-z]*$").unwrap(),
        ];
        patterns.extend(anchored.iter());
        for source in &texts {
            let text = Text::new(source);
            for scope in [
                Scope::Text,
                Scope::Body,
                Scope::Subject,
                Scope::Greeting,
                Scope::Signoff,
            ] {
                let parts = text.parts(scope);
                for re in &patterns {
                    let naive: Vec<(usize, usize)> = parts
                        .iter()
                        .flat_map(|(a, b)| {
                            re.find_iter(&source[*a..*b])
                                .map(move |m| (a + m.start(), a + m.end()))
                        })
                        .collect();
                    assert_eq!(matches_in(re, source, &parts), naive, "{}", re.as_str());
                }
            }
        }
    }

    /// Folding case by lowercasing text and patterns finds exactly what the regex
    /// engine's own case folding finds, for every shipped rule, on both corpora as written
    /// and in capitals, checked on one thread (the corpus) and on several (the rest).
    #[test]
    fn folding_case_by_lowercasing_finds_what_the_engine_finds() {
        let lowered = Checker::built_in();
        assert!(lowered.rules.iter().filter(|r| r.lowercase).count() > 20);
        let engine = Checker {
            rules: BUILT_IN
                .iter()
                .map(|(id, yaml)| Rule::parse_folding(id, yaml, false).unwrap())
                .collect(),
            accept: Vec::new(),
            overall: lowered.overall,
        };
        assert!(engine.rules.iter().all(|r| !r.lowercase));
        let corpus = include_str!("../../tests/data/tone-corpus.txt");
        let external = include_str!("../../tests/data/tone-external.txt");
        assert!(external.len() > checker::PARALLEL_FROM && corpus.len() < checker::PARALLEL_FROM);
        for text in [
            corpus.to_string(),
            corpus.to_uppercase(),
            external.to_string(),
            external.to_uppercase(),
        ] {
            for locale in ["en-GB", "en-US"] {
                let found = lowered.check(&text, locale);
                assert!(!found.is_empty());
                assert_eq!(found, engine.check(&text, locale));
            }
        }
    }

    #[test]
    fn rule_patterns_match_either_apostrophe_and_ascii_boundaries() {
        assert_eq!(compiled_pattern("don't"), "don['’]t");
        assert_eq!(compiled_pattern("don['’]t"), "don['’]t");
        assert_eq!(compiled_pattern(r"a\'b"), r"a\'b");
        assert_eq!(compiled_pattern(r"\bso\b[\b]"), r"(?-u:\b)so(?-u:\b)[\b]");
        let checker = Checker::built_in();
        let found = |t: &str| {
            checker
                .check(t, "en-GB")
                .iter()
                .any(|f| f.rule == "Desperate.Despair")
        };
        assert!(found("If I don't get this job, I don't know what I'll do."));
        assert!(found("If I don’t get this job, I don’t know what I’ll do."));
    }

    #[test]
    fn a_rule_offers_wording_for_the_shapes_it_knows() {
        let checker = Checker::built_in();
        let text = "Thank you again. I really need this job.";
        let f = checker
            .check(text, "en-GB")
            .into_iter()
            .find(|f| f.rule == "Desperate.Begging")
            .expect("begging found");
        assert_eq!(
            f.suggestions,
            vec!["I would welcome the chance to contribute in this role".to_string()]
        );
        let chars: Vec<char> = text.chars().collect();
        let matched: String = chars[f.start..f.end].iter().collect();
        assert_eq!(matched, "I really need this job");
        // A match of another shape gets no wording that would not fit it.
        let f = checker
            .check("I might lose my house.", "en-GB")
            .into_iter()
            .find(|f| f.rule == "Desperate.Begging")
            .expect("begging found");
        assert!(f.suggestions.is_empty());
    }

    #[test]
    fn every_shipped_rule_has_examples_and_they_hold() {
        let checker = Checker::built_in();
        for rule in &checker.rules {
            assert!(
                !rule.examples.fail.is_empty() && !rule.examples.pass.is_empty(),
                "{} has no pass/fail examples",
                rule.id
            );
            let locale = rule.locale.clone().unwrap_or("en-gb".into());
            let single = Checker {
                rules: vec![Rule::parse(&rule.id, yaml_of(&rule.id)).unwrap()],
                ..Checker::default()
            };
            for text in &rule.examples.fail {
                assert!(
                    !single.check(text, &locale).is_empty(),
                    "{} should flag: {text}",
                    rule.id
                );
            }
            for text in &rule.examples.pass {
                let found = single.check(text, &locale);
                assert!(
                    found.is_empty(),
                    "{} should not flag: {text}\n{found:#?}",
                    rule.id
                );
            }
        }
    }

    fn yaml_of(id: &str) -> &'static str {
        BUILT_IN.iter().find(|(i, _)| *i == id).unwrap().1
    }

    #[test]
    fn findings_carry_position_message_and_link() {
        let text = "Subject: Thanks\n\nDear Ms Patel,\n\nHonestly, I really need this job.\n";
        let found = Checker::built_in().check(text, "en-GB");
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.rule, "Desperate.Begging");
        assert_eq!(f.level, Level::Error);
        assert_eq!(f.matched, "I really need this job");
        assert_eq!((f.line, f.column), (5, 11));
        assert_eq!(&text[f.start..f.end], "I really need this job");
        assert!(
            f.message
                .starts_with("'I really need this job' reads as pleading")
        );
        assert!(f.link.is_some());
    }

    #[test]
    fn quotes_and_signatures_are_not_checked() {
        let text = "Dear Tom,\n\nThank you for your time.\n\n> Why haven't you replied? Respond ASAP.\n\nBest regards,\nSam\n-- \nSam Carter | I'LL DO ANYTHING for coffee\n";
        assert!(Checker::built_in().check(text, "en-GB").is_empty());
    }

    #[test]
    fn scopes_split_subject_greeting_body_and_signoff() {
        let t = Text::new(
            "Subject: Following up\n\nDear Ms Patel,\n\nThank you.\n\nYours sincerely,\nSam\n",
        );
        let scopes: Vec<Scope> = t.spans.iter().map(|s| s.0).collect();
        assert_eq!(
            scopes,
            vec![
                Scope::Subject,
                Scope::Greeting,
                Scope::Body,
                Scope::Signoff,
                Scope::Signoff
            ]
        );
    }

    #[test]
    fn bad_rules_name_the_field() {
        let e = Rule::parse(
            "My.Rule",
            "extends: existence\nmessage: x\nlevel: error\ntokens: ['(unclosed']\n",
        )
        .unwrap_err();
        assert_eq!(e.field, "tokens");
        assert!(e.problem.contains("bad regular expression"));
        let e = Rule::parse("My.Rule", "extends: magic\nmessage: x\nlevel: error\n").unwrap_err();
        assert_eq!(e.field, "extends");
        let e = Rule::parse(
            "My.Rule",
            "extends: existence\nmessage: x\nlevel: loud\ntokens: [a]\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("level"), "{e}");
        let mut checker = Checker::built_in();
        let n = checker.rules.len();
        let errors = checker.add_rules(&[
            ("Mine.Good".into(), "extends: existence\nmessage: \"'%s' is jargon\"\nlevel: warning\ntokens: [synergy]\n".into()),
            ("Mine.Bad".into(), "extends: nope\n".into()),
        ]);
        assert_eq!(errors.len(), 1);
        assert_eq!(checker.rules.len(), n + 1, "the good rule still loads");
        assert_eq!(
            checker.check("Great synergy.", "en-GB")[0].rule,
            "Mine.Good"
        );
    }

    #[test]
    fn locale_rules_apply_to_their_locale_only() {
        let letter = "Dear Sir or Madam,\n\nThank you for your time.\n\nYours sincerely,\nSam\n";
        assert_eq!(
            Checker::built_in().check(letter, "en-GB")[0].rule,
            "Letter.SirOrMadamSincerely"
        );
        assert!(Checker::built_in().check(letter, "en-US").is_empty());
    }
}

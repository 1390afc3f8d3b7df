//! A tone rule: its YAML file as written (a subset of Vale's format; unknown fields are
//! refused), parsed and compiled into one search per rule; rule/check.rs runs it over the
//! parts of a message to give findings.

mod check;

use super::pattern::{self, compiled_pattern, matches_in};
use super::text::Text;
use super::{Finding, Level, Scope};
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// `existence`: a match is left alone when this pattern is found earlier in its
    /// sentence: a demand the writer waives ("no need to reply quickly").
    #[serde(default)]
    unless_after: Option<String>,
    /// `existence`: a match is left alone when this pattern comes right after it: a
    /// quoted name is a name, not a scare quote (the "Feedback" screen). `occurrence` and
    /// `density`: such a match is not counted ("sorry to hear" is sympathy, not one more
    /// apology). `sentiment`: a target followed by it is not what the sentence is aimed
    /// at ("you mentioned").
    #[serde(default)]
    unless_before: Option<String>,
    /// `existence`: the rule is off for a message that matches this anywhere it reads (not
    /// in quoted replies or a signature): what it looks for means something else there (a
    /// start date in a letter accepting an offer).
    #[serde(default)]
    unless_in_text: Option<String>,
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
            .chain(self.unless_after.iter())
            .chain(self.unless_before.iter())
            .chain(self.unless_in_text.iter())
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
    Existence {
        tokens: Regex,
        /// Wordings to suggest for matches of the given shapes.
        suggest: Vec<(Regex, String)>,
        /// Found earlier in a match's sentence, this waives the match.
        unless_after: Option<Regex>,
        /// Found right after a match, this waives it.
        unless_before: Option<Regex>,
        /// Found anywhere in what the rule reads, this turns the rule off.
        unless_in_text: Option<Regex>,
    },
    Substitution(Vec<(Regex, String)>),
    /// More than `max` matches; one followed by `unless_before` is not counted.
    Occurrence {
        pattern: Regex,
        max: usize,
        unless_before: Option<Regex>,
    },
    /// More than `max` matches per `per` words; likewise.
    Density {
        pattern: Regex,
        max: usize,
        per: usize,
        unless_before: Option<Regex>,
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
    /// `threshold`; a target followed by `unless_before` is not one ("the breach you
    /// mentioned": the reader named it, it is not aimed at them).
    Sentiment {
        target: Regex,
        threshold: f64,
        unless_before: Option<Regex>,
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
        // What waives a match (existence), keeps it from counting (occurrence, density) or
        // waives a target (sentiment) when it comes right after.
        let unless_before = file
            .unless_before
            .as_ref()
            .map(|p| compile("unless_before", std::slice::from_ref(p)))
            .transpose()?;
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
                let unless_after = file
                    .unless_after
                    .as_ref()
                    .map(|p| compile("unless_after", std::slice::from_ref(p)))
                    .transpose()?;
                let unless_in_text = file
                    .unless_in_text
                    .as_ref()
                    .map(|p| compile("unless_in_text", std::slice::from_ref(p)))
                    .transpose()?;
                Kind::Existence {
                    tokens: compile("tokens", &file.tokens)?,
                    suggest,
                    unless_after,
                    unless_before,
                    unless_in_text,
                }
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
                unless_before,
            },
            "density" => Kind::Density {
                pattern: compile("tokens", &file.tokens)?,
                max: needs_max("max")?,
                per: file.per.unwrap_or(100).max(1),
                unless_before,
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
                    unless_before,
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
}

#[cfg(test)]
mod tests;

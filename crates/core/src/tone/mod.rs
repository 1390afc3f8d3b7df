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
//!
//! Here: what a finding is. rule.rs: a rule file and how each kind finds; checker.rs:
//! the shipped rules and the user's switches; overall.rs: the reading as a whole;
//! text.rs: the scopes of a message; pattern.rs: how a token is searched.

mod checker;
mod disguise;
mod hidden;
pub mod meaning;
pub mod overall;
mod pattern;
mod rule;
mod text;

pub use checker::{BUILT_IN, Checker, is_about_tone};
pub use rule::{Examples, Rule, RuleError};
use serde::{Deserialize, Serialize};
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

    /// A finding about `text[at..end]` (byte offsets, at character boundaries), placed
    /// as the checker places its own: line and column, and character offsets as the
    /// editor highlights them.
    pub fn located(
        rule: &str,
        level: Level,
        message: String,
        text: &str,
        at: usize,
        end: usize,
    ) -> Finding {
        let before = &text[..at];
        let start = before.chars().count();
        Finding {
            rule: rule.into(),
            level,
            message,
            matched: text[at..end].to_string(),
            line: before.matches('\n').count() + 1,
            column: before.rsplit('\n').next().unwrap_or("").chars().count() + 1,
            start,
            end: start + text[at..end].chars().count(),
            suggestions: vec![],
            link: None,
        }
    }
}

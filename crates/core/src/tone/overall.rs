//! How a message reads as a whole, in two readings learned from messages other people
//! wrote (the development and test halves of crates/core/tests/data/tone-external.txt,
//! never the blind half) and our probe sentences:
//! - its words: a logistic regression over its words and pairs of adjacent words,
//!   shipped as data/tone-model.tsv; when they read as courteous as the clean messages'
//!   ([`COURTEOUS_BELOW`]), that settles it, and a tone rule's warning is lowered to a
//!   suggestion where every sentence it touches reads courteous too (a complaint wrapped in
//!   thanks reads courteous as a whole; its own sentence does not);
//! - otherwise its meaning (meaning.rs: the sentence vector of crates/sense, shipped as
//!   data/tone-meaning.tsv): at [`MEANS_BAD_FROM`] it is flagged (`Tone.Overall`) where
//!   no tone rule has said so, and at [`LEANS_BAD_FROM`] when its words read bad too
//!   ([`FLAG_FROM`]); never a message of fewer than [`MIN_WORDS`] words. A model without a
//!   reading of meaning (the tests' toy ones) lets the words flag too ([`MIN_EVIDENCE`]).
//!
//! Why learned readings beside the rules: a rule matches the shape its author thought
//! of, and on each new batch of published messages the rules as they stood caught about
//! four bad ones in ten. Words carry over from one writer to the next better than one
//! phrasing does, and meaning better than words: on each batch before anything was
//! learnt from it, flagging by words found 0.68 of the bad messages at precision 0.93,
//! flagging by meaning 0.86 at 0.94 (tests/tone_external.rs prints both). Words decide
//! courtesy first because they are cheap (the sentence vector takes tens of
//! milliseconds) and because, on the same batches, meaning flagged polite messages that
//! words had rightly read as courteous.
//!
//! Both read what the rules read (not quoted replies or a signature), and only up to
//! [`MAX_WORDS`] words: they learned from messages of up to about 200 words. The greeting
//! and sign-off are read too: many published excerpts are one line that opens "Hi …",
//! which the checker takes for a greeting, and reading the body alone lost them.
//!
//! Learning them is overall/training.rs. Regenerate both after changing the corpus, this
//! file or that one:
//! `cargo run -q -p followup-core --example train_tone_model` (a test fails while the
//! shipped files differ from what training gives).

use super::meaning::{self, Meaning};
use super::text::Text;
use super::{Finding, Level, Scope};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// A message whose meaning (meaning.rs) reads as bad at or above this probability is
/// flagged (`Tone.Overall`)...
pub const MEANS_BAD_FROM: f64 = 0.75;
/// ...and so is one whose meaning leans bad at least this much while its words read as
/// bad at [`FLAG_FROM`]: two readings that agree. Chosen on the simulation of
/// tests/tone_external.rs (batches 2 to 12, each before it was learnt from), where it
/// found 4 more of 117 bad messages and no more clean ones when it was chosen.
pub const LEANS_BAD_FROM: f64 = 0.6;
/// Without a reading of meaning (a model trained on words alone), a message whose words
/// read as bad at or above this probability is flagged...
pub const FLAG_FROM: f64 = 0.8;
/// ...when its words themselves lean that way by at least this much (log-odds, the bias
/// left out). Short bad messages outnumber short clean ones in what the model learned
/// from, so its bias alone puts a few unknown words near the line; without this, "A
/// zebra." read as bad.
pub const MIN_EVIDENCE: f64 = 0.5;
/// A message of fewer words than this is never flagged as a whole: one or two words say
/// too little for either reading. Trained with batch 21, the words' bias alone took "A
/// zebra." to 0.81 and its meaning to 0.61, and "Hello there." meant 0.77. The
/// simulation's shortest bad message has three words ("Where are you?"), so it costs it
/// nothing.
pub const MIN_WORDS: usize = 3;
/// A message read as bad below this probability reads courteous: a rule's warning on it
/// is lowered to a suggestion.
pub const COURTEOUS_BELOW: f64 = 0.1;
/// Bodies longer than this are not read as a whole.
pub const MAX_WORDS: usize = 400;

/// The rule id of the finding, and what `disable` takes to turn the reading off.
pub const RULE: &str = "Tone.Overall";

/// The learned weights: a bias and one weight per feature of the words, and the reading
/// of meaning (None in a model of words alone).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub bias: f64,
    pub weights: HashMap<String, f64>,
    pub meaning: Option<Meaning>,
}

/// What the model makes of a message as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Flag it (`Tone.Overall`) unless a tone rule already has: its meaning reads as bad.
    ReadsBad,
    /// Its words read as courteous as the clean messages': a tone rule's warning is lowered.
    ReadsCourteous,
    Undecided,
}

/// Lowercased words (ASCII letters, with one apostrophe inside), runs of `!`/`?`, an
/// ellipsis, and double quotes (scare quotes): the tokens features are made of.
pub fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphabetic() {
            let mut word = String::new();
            while i < chars.len() && chars[i].is_ascii_alphabetic() {
                word.push(chars[i].to_ascii_lowercase());
                i += 1;
            }
            if i + 1 < chars.len()
                && matches!(chars[i], '\'' | '’' | '‘')
                && chars[i + 1].is_ascii_alphabetic()
            {
                word.push('\'');
                i += 1;
                while i < chars.len() && chars[i].is_ascii_alphabetic() {
                    word.push(chars[i].to_ascii_lowercase());
                    i += 1;
                }
            }
            out.push(word);
        } else if c == '!' || c == '?' {
            let mut run = String::new();
            while i < chars.len() && (chars[i] == '!' || chars[i] == '?') {
                run.push(chars[i]);
                i += 1;
            }
            out.push(run);
        } else if c == '…'
            || (c == '.' && chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.'))
        {
            out.push("…".into());
            i += if c == '…' { 1 } else { 3 };
        } else if matches!(c, '"' | '“' | '”') {
            out.push("\"".into());
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// How many words (tokens of letters) a text has.
fn word_count(text: &str) -> usize {
    tokens(text)
        .iter()
        .filter(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()))
        .count()
}

/// The features of a text: its tokens and each pair of adjacent tokens, once each, in
/// order (so a sum of their weights is the same in every run).
pub fn features(text: &str) -> BTreeSet<String> {
    let tokens = tokens(text);
    let mut out: BTreeSet<String> = tokens
        .windows(2)
        .map(|pair| format!("{} {}", pair[0], pair[1]))
        .collect();
    out.extend(tokens);
    out
}

/// The part of a message the model reads: every line the rules read (the subject,
/// greeting, body and sign-off; not quoted replies or a signature), joined.
pub fn read_part(text: &str) -> String {
    let parsed = Text::new(text);
    lines_of(&parsed)
}

fn lines_of(text: &Text) -> String {
    let mut out = String::new();
    for (a, b) in text.parts(Scope::Text) {
        out.push_str(&text.source[a..b]);
        out.push('\n');
    }
    out
}

/// The byte ranges of the sentences the rules read, leading white space left out.
fn sentences<'t>(text: &'t Text) -> impl Iterator<Item = (usize, usize)> + 't {
    text.parts(Scope::Text).into_iter().flat_map(move |(a, b)| {
        crate::sentiment::sentences(&text.source[a..b])
            .into_iter()
            .map(move |(s, e)| {
                let sentence = &text.source[a + s..a + e];
                (
                    a + s + (sentence.len() - sentence.trim_start().len()),
                    a + e,
                )
            })
    })
}

/// Whether the writer turns down an offer or withdraws: "I have decided to decline the
/// offer", "I am unable to accept the position", "I have accepted a role with another
/// company", "this isn't the right time for me". Such a message is left to the rules: the
/// readings learned what a follow-up sounds like when it goes wrong, and a courteous
/// refusal shares its words ("unfortunately", "cannot", "not the right fit") while asking
/// nothing of the reader. On the first look at batch 19 of tests/data/tone-external.txt,
/// published refusals, the reading of meaning flagged 5 of 23 clean messages, each a
/// refusal, and none of the bad ones was a refusal. A rude refusal is still the rules'
/// ("the salary wasn't high enough" is Pushy.Blunt's).
pub fn turns_down(part: &str) -> bool {
    static REFUSAL: OnceLock<regex::Regex> = OnceLock::new();
    REFUSAL
        .get_or_init(|| {
            let object = r"(?:[a-z’']+ ){0,4}?(?:offer|position|role|post|job|opportunity|application|candidacy|candidature|name|acceptance)\b";
            let shapes = [
                // "I have decided to decline the offer", "I must withdraw my application".
                // The verb is the writer's: "…you would decline my application" is not.
                format!(r"\bI\b[^.!?]{{0,50}}?\b(?:must|have to|had to|need to|decided to|will|to|am|['’]m) (?:formally |respectfully |politely |regretfully |now )?(?:decline|declining|turn down|turning down|withdraw|withdrawing|rescind) (?:from )?{object}"),
                // "After careful consideration, I have decided that I cannot…", "…not to…".
                r"\b(?:decided|decision) (?:that I|not to|to (?:decline|turn|withdraw|pursue|stay|remain|accept (?:a|an|another)))\b".into(),
                // One word at most before the noun: "…unable to accept your refusal to offer me a
                // position" is the parody of a refusal, not one.
                r"\b(?:cannot|can['’]t|can not|unable to|not able to|not to|(?:not|n['’]t) allow me to|(?:won['’]t|will not) be able to) accept (?:the|this|your|their|that) (?:[a-z]+ )?(?:offer|position|role|post|job)\b".into(),
                r"\bturn (?:it|this|the offer) down\b".into(),
                format!(r"\bI(?:['’]ve| have)? accepted (?:a|an|another) {object}"),
                // "This role isn't quite the right fit for me", "not the right time for me".
                r"(?:\bnot|n['’]t) (?:quite |really )?the right (?:time|fit|match|move) for me\b".into(),
            ];
            regex::Regex::new(&format!("(?i){}", shapes.join("|")))
                .expect("the refusal pattern compiles")
        })
        .is_match(part)
}

pub(super) fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

impl Model {
    /// The shipped model (data/tone-model.tsv and data/tone-meaning.tsv), parsed once per
    /// process.
    pub fn shipped() -> &'static Model {
        static SHIPPED: OnceLock<Model> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            let mut model = Model::parse(include_str!("../../../../data/tone-model.tsv"))
                .expect("the shipped model parses (tested)");
            model.meaning = Some(
                Meaning::parse(include_str!("../../../../data/tone-meaning.tsv"))
                    .expect("the shipped reading of meaning parses (tested)"),
            );
            model
        })
    }

    pub(super) fn weight(&self, feature: &str) -> f64 {
        self.weights.get(feature).copied().unwrap_or(0.0)
    }

    /// The verdict on `part` (what the rules read of a message), whose sentence vector is
    /// `vector` (unused by a model of words alone).
    pub fn verdict(&self, part: &str, vector: &[f32]) -> Verdict {
        self.verdict_on(part, true, || vector.to_vec())
    }

    /// What the words weigh, the bias left out.
    fn evidence(&self, features: &BTreeSet<String>) -> f64 {
        features.iter().map(|k| self.weight(k)).sum()
    }

    /// Words that read as courteous as the clean messages' settle it; otherwise, when
    /// whether it reads as bad matters (`bad_matters`: no tone rule has said so already),
    /// the meaning (or, in a model of words alone, the words) may. `vector` is asked for
    /// only then: it is the costly part.
    fn verdict_on(
        &self,
        part: &str,
        bad_matters: bool,
        vector: impl FnOnce() -> Vec<f32>,
    ) -> Verdict {
        let evidence = self.evidence(&features(part));
        let probability = sigmoid(self.bias + evidence);
        if probability < COURTEOUS_BELOW {
            return Verdict::ReadsCourteous;
        }
        if !bad_matters || turns_down(part) || word_count(part) < MIN_WORDS {
            return Verdict::Undecided;
        }
        let reads_bad = match &self.meaning {
            Some(meaning) => {
                let means = meaning.probability(&vector());
                means >= MEANS_BAD_FROM || (means >= LEANS_BAD_FROM && probability >= FLAG_FROM)
            }
            None => probability >= FLAG_FROM && evidence >= MIN_EVIDENCE,
        };
        if reads_bad {
            Verdict::ReadsBad
        } else {
            Verdict::Undecided
        }
    }

    /// The verdict on a message, or None when it has no words or too many. When a tone
    /// rule has already spoken (`tone_spoken`), only courtesy is asked: the message is
    /// not encoded.
    pub(super) fn read(&self, text: &Text, tone_spoken: bool) -> Option<Verdict> {
        let words = text.words(Scope::Text);
        if words == 0 || words > MAX_WORDS {
            return None;
        }
        let part = lines_of(text);
        Some(self.verdict_on(&part, !tone_spoken, || meaning::of_part(&part)))
    }

    /// The byte range of the sentence whose words weigh most towards bad: where a
    /// `Tone.Overall` finding points.
    fn heaviest_sentence(&self, text: &Text) -> (usize, usize) {
        let mut heaviest = (0, 0);
        let mut most = f64::MIN;
        for (a, b) in sentences(text) {
            let weight = self.evidence(&features(&text.source[a..b]));
            if weight > most {
                most = weight;
                heaviest = (a, b);
            }
        }
        heaviest
    }

    /// Whether every sentence a finding touches (its `start..end`, in characters) reads as
    /// courteous by its own words. A courteous message lowers a tone warning only where
    /// its sentences do too: a complaint wrapped in thanks and good wishes reads courteous
    /// as a whole, but the complaint is still there for the reader. (A match may begin in
    /// the sentence before, as ". Why is this taking" does.) A finding in no sentence read
    /// goes by the message.
    pub(super) fn sentences_read_courteous(&self, text: &Text, start: usize, end: usize) -> bool {
        let (start, end) = (text.byte_of(start), text.byte_of(end));
        sentences(text)
            .filter(|(a, b)| *a < end.max(start + 1) && start < *b)
            .all(|(a, b)| {
                sigmoid(self.bias + self.evidence(&features(&text.source[a..b]))) < COURTEOUS_BELOW
            })
    }

    /// The finding for a message that reads as bad as a whole.
    pub(super) fn finding(&self, text: &Text) -> Finding {
        // The words that weigh most are not named: they are often "this" or "a", which
        // would explain nothing; the finding points at the sentence that weighs most.
        let message = "Read as a whole, this message sounds like the follow-ups careers advisers hold up as what not to send, this sentence most of all. A hiring manager may take it as pressure, complaint or need. Keep to thanks, one specific point from the conversation and a polite question about next steps.";
        let (a, b) = self.heaviest_sentence(text);
        let (line, column, start, end) = text.position(a, b);
        Finding {
            rule: RULE.into(),
            level: Level::Warning,
            message: message.into(),
            matched: text.source[a..b].to_string(),
            line,
            column,
            start,
            end,
            suggestions: vec![],
            link: None,
        }
    }

    /// The model as data/tone-model.tsv holds it: the bias, then a feature and its weight
    /// per line, features sorted; weights under 0.0005 are left out.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# The tone checker's reading of a message as a whole (crates/core/src/tone/overall.rs).\n\
             # Generated by: cargo run -q -p followup-core --example train_tone_model\n\
             # Each line: a feature (a word, or two adjacent words) and its weight.\n",
        );
        out.push_str(&format!("<bias>\t{:.4}\n", self.bias));
        let mut weights: Vec<(&String, &f64)> = self
            .weights
            .iter()
            .filter(|(_, w)| w.abs() >= 0.0005)
            .collect();
        weights.sort_by(|a, b| a.0.cmp(b.0));
        for (k, w) in weights {
            out.push_str(&format!("{k}\t{w:.4}\n"));
        }
        out
    }

    /// Parses what `to_tsv` writes.
    pub fn parse(tsv: &str) -> Result<Model, String> {
        let mut model = Model::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (feature, weight) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: no tab", n + 1))?;
            let weight: f64 = weight
                .parse()
                .map_err(|e| format!("line {}: weight: {e}", n + 1))?;
            if feature == "<bias>" {
                model.bias = weight;
            } else {
                model.weights.insert(feature.to_string(), weight);
            }
        }
        Ok(model)
    }
}

mod training;

#[cfg(test)]
mod tests;

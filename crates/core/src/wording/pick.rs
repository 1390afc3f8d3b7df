//! Which phrasing of a template's slot a draft gets (`pick`): chosen from the interview
//! and the recipient's place on the panel, so drafts vary between interviews and read
//! the same when written twice, and never one that repeats what the draft already said.

use minijinja::State;
use std::collections::HashSet;

/// FNV-1a: a stable hash (unlike std's), so a draft written twice reads the same.
fn stable_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The template function `pick(options)`: one of the phrasings, chosen from the draft's
/// `seed` (the interview) and the options themselves, plus the recipient's place on the
/// panel (`turn`), so each person on a panel gets a different phrasing of each slot. A
/// phrasing that would repeat one already picked in this draft gives way to the next
/// that does not: one opening as it does ("It was good to hear your perspective … It
/// was good to hear about …"), sharing a run of four words with it ("would be glad to
/// contribute … I would be glad to send them"), or using a warm word it used ("which I
/// enjoyed. I especially enjoyed …", [`MARKED_WORDS`]).
pub fn pick(state: &mut State, options: Vec<String>) -> Result<String, minijinja::Error> {
    if options.is_empty() {
        return Ok(String::new());
    }
    let seed = state
        .lookup("seed")
        .map(|v| v.to_string())
        .unwrap_or_default();
    let turn = state
        .lookup("turn")
        .and_then(|v| u64::try_from(v).ok())
        .unwrap_or(0);
    let h = stable_hash(&format!("{seed}\u{1f}{}", options.join("\u{1f}")));
    let first = (h.wrapping_add(turn) % options.len() as u64) as usize;
    let picked = state.get_or_insert_extension(Picked::default());
    let chosen = (0..options.len())
        .map(|k| (first + k) % options.len())
        .find(|&i| !picked.repeats(&options[i]))
        .unwrap_or(first);
    picked.add(&options[chosen]);
    Ok(options[chosen].clone())
}

/// What the phrasings picked so far in one draft said: their openings, their runs of
/// four words in lower case (names and titles, capitalised, may recur), and the marked
/// words they used.
#[derive(Default)]
struct Picked {
    openings: Vec<String>,
    runs: HashSet<String>,
    marked: HashSet<&'static str>,
}

impl Picked {
    fn repeats(&self, text: &str) -> bool {
        self.openings.contains(&opening(text))
            || runs_of_four(text).iter().any(|r| self.runs.contains(r))
            || marked_words(text).any(|w| self.marked.contains(w))
    }

    fn add(&mut self, text: &str) {
        self.openings.push(opening(text));
        self.runs.extend(runs_of_four(text));
        self.marked.extend(marked_words(text));
    }
}

/// Words a reader notices the second time in a short note ("which I enjoyed. I
/// especially enjoyed hearing …"): the warm ones a thank-you leans on.
pub const MARKED_WORDS: &[&str] = &[
    "enjoyed",
    "enjoy",
    "especially",
    "particularly",
    "glad",
    "delighted",
    "happy",
    "interested",
    "interesting",
    "valued",
    "appreciated",
    "appreciate",
    "excited",
    "enthusiastic",
    "keen",
    "keener",
    "grateful",
    "pleased",
];

/// The marked words in `text`.
fn marked_words(text: &str) -> impl Iterator<Item = &'static str> {
    let words: HashSet<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    MARKED_WORDS
        .iter()
        .copied()
        .filter(move |m| words.contains(*m))
}

/// A phrasing's first three words, lower case: what a reader hears as the same start.
fn opening(text: &str) -> String {
    text.split_whitespace()
        .take(3)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The runs of four words that are all in lower case ("would be glad to").
fn runs_of_four(text: &str) -> Vec<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    words
        .windows(4)
        .filter(|w| {
            w.iter()
                .all(|x| !x.is_empty() && !x.chars().any(char::is_uppercase))
        })
        .map(|w| w.join(" "))
        .collect()
}

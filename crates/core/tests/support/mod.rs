//! The labelled messages the tone tests and the model trainer read: the external corpus
//! (tests/data/tone-external.txt) and the probe sentences (tests/data/tone-probes.txt).
#![allow(dead_code)]

pub struct Message {
    pub split: String,
    pub bad: bool,
    pub family: String,
    pub url: String,
    pub text: String,
}

pub const EXTERNAL: &str = include_str!("../data/tone-external.txt");
pub const PROBES: &str = include_str!("../data/tone-probes.txt");

/// The external corpus: each "=== SPLIT LABEL FAMILY URL" header and the text under it.
pub fn external() -> Vec<Message> {
    parse(EXTERNAL)
}

/// Messages in the external corpus's format (a new batch is read this way before it joins).
pub fn parse(file: &str) -> Vec<Message> {
    let mut out: Vec<Message> = Vec::new();
    // Comment lines: the file's header, and each batch's (from "# Batch" to its first entry).
    let mut in_comment = true;
    for line in file.lines() {
        if line.starts_with("# Batch") {
            in_comment = true;
        }
        if in_comment && (line.starts_with("# ") || line.is_empty()) {
            continue;
        }
        if let Some(header) = line.strip_prefix("=== ") {
            in_comment = false;
            let parts: Vec<&str> = header.splitn(4, ' ').collect();
            out.push(Message {
                split: parts[0].to_string(),
                bad: parts[1] == "bad",
                family: parts[2].to_string(),
                url: parts[3].to_string(),
                text: String::new(),
            });
        } else if let Some(m) = out.last_mut() {
            m.text.push_str(line);
            m.text.push('\n');
        }
    }
    out
}

/// The probe sentences the readings as a whole learn from, as (text, bad): not the
/// wrapped ones ('wrapped bad:', 'wrapped clean:'; the file's round 5 says why) nor the
/// checked ones ('checked bad:', round 8; 'checked clean:' and 'read clean:', round 11).
pub fn probes() -> Vec<(&'static str, bool)> {
    PROBES
        .lines()
        .filter_map(|line| {
            line.strip_prefix("bad: ")
                .map(|t| (t, true))
                .or_else(|| line.strip_prefix("clean: ").map(|t| (t, false)))
        })
        .collect()
}

/// What the shipped model is trained on: the external corpus's development and test
/// halves, and the probes. Never the blind half, so it still measures the checker.
pub fn training() -> Vec<(&'static str, bool)> {
    training_on(&["dev", "test"])
}

/// The training set without the test half: the model the test half is measured with.
pub fn training_without_test() -> Vec<(&'static str, bool)> {
    training_on(&["dev"])
}

fn training_on(splits: &[&str]) -> Vec<(&'static str, bool)> {
    let external: &'static [Message] = Box::leak(external().into_boxed_slice());
    external
        .iter()
        .filter(|m| splits.contains(&m.split.as_str()))
        .map(|m| (m.text.as_str(), m.bad))
        .chain(probes())
        .collect()
}

/// The batch (1, 2, …) of each message of `external()`, in the same order.
pub fn batches() -> Vec<usize> {
    let mut out = Vec::new();
    let mut batch = 1;
    let mut in_comment = true;
    for line in EXTERNAL.lines() {
        if let Some(rest) = line.strip_prefix("# Batch ") {
            batch = rest
                .split(':')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a batch header is '# Batch N:'");
            in_comment = true;
        }
        if in_comment && (line.starts_with("# ") || line.is_empty()) {
            continue;
        }
        if line.starts_with("=== ") {
            in_comment = false;
            out.push(batch);
        }
    }
    out
}

/// The sentence vector of a message (`meaning::vector`), each computed once per test
/// process: training a model per batch would otherwise run the encoder on every message
/// again.
pub fn vector(text: &str) -> Vec<f32> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<String, Vec<f32>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(v) = cache.lock().unwrap().get(text) {
        return v.clone();
    }
    let v = followup_core::tone::meaning::vector(text);
    cache.lock().unwrap().insert(text.to_string(), v.clone());
    v
}

/// A message as the corpus's duplicate checks compare it: lowercase, plain quotes,
/// single spaces.
pub fn plain(text: &str) -> String {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How tests/data/tone-first-looks.tsv names a message: its first 60 characters, white
/// space collapsed.
pub fn first_look_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(60)
        .collect()
}

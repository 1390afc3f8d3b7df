//! The checker's first look at a new batch of messages, before anything is learnt from
//! it: `cargo run -q -p followup-core --example first_look -- batch.txt`. The file is in
//! tests/data/tone-external.txt's format. Prints, per message, the line
//! tests/data/tone-first-looks.tsv records (batch, what the rules found, the first 60
//! characters), then whether the shipped checker (rules and the reading as a whole)
//! flags it and which rules spoke, and the batch's figures for both.

#[path = "../tests/support/mod.rs"]
mod support;

use followup_core::tone::{Checker, Level, is_about_tone};
use support::plain;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), batch) = (args.next(), args.next().unwrap_or_else(|| "?".into())) else {
        eprintln!("usage: first_look BATCH_FILE [BATCH_NUMBER]");
        std::process::exit(2);
    };
    let file = match std::fs::read_to_string(&path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut rules = Checker::built_in();
    rules.overall = None;
    let shipped = Checker::built_in();
    // What the corpus already holds, but for the batch itself once it has joined.
    let known: Vec<String> = support::external()
        .iter()
        .zip(support::batches())
        .filter(|(_, b)| b.to_string() != batch)
        .map(|(m, _)| plain(&m.text))
        .collect();
    // (flagged, of) for bad and clean, by the rules and by the shipped checker.
    let mut counts = [[0usize; 2]; 4];
    for m in support::parse(&file) {
        let text = plain(&m.text);
        if let Some(k) = known
            .iter()
            .find(|k| k.contains(text.as_str()) || text.contains(k.as_str()) || alike(k, &text))
        {
            let k: String = k.chars().take(60).collect();
            println!("# ALREADY IN THE CORPUS (as \"{k}…\"), left out");
            continue;
        }
        let warned: Vec<_> = rules
            .check(&m.text, "en-GB")
            .into_iter()
            .filter(|f| f.level >= Level::Warning)
            .collect();
        let code = if warned.is_empty() {
            0
        } else if warned
            .iter()
            .all(|f| f.level == Level::Warning && is_about_tone(&f.rule))
        {
            1
        } else {
            2
        };
        let spoke: Vec<String> = shipped
            .check(&m.text, "en-GB")
            .into_iter()
            .filter(|f| f.level >= Level::Warning)
            .map(|f| f.rule)
            .collect();
        let key = support::first_look_key(&m.text);
        println!("{batch}\t{code}\t{key}");
        println!(
            "#   {} {}: shipped {}",
            if m.bad { "bad" } else { "clean" },
            m.family,
            if spoke.is_empty() {
                "-".to_string()
            } else {
                spoke.join(",")
            }
        );
        let row = if m.bad { 0 } else { 2 };
        counts[row][0] += usize::from(code > 0);
        counts[row][1] += 1;
        counts[row + 1][0] += usize::from(!spoke.is_empty());
        counts[row + 1][1] += 1;
    }
    let [rb, sb, rc, sc] = counts;
    println!(
        "# rules: {}/{} bad flagged, {}/{} clean flagged; shipped: {}/{} bad, {}/{} clean",
        rb[0], rb[1], rc[0], rc[1], sb[0], sb[1], sc[0], sc[1]
    );
}

/// Whether two texts share most of their runs of three words: the same message published
/// twice with small edits ("three weeks ago" for "four weeks ago").
fn alike(a: &str, b: &str) -> bool {
    let runs = |t: &str| -> std::collections::BTreeSet<String> {
        let words: Vec<&str> = t.split(' ').collect();
        words.windows(3).map(|w| w.join(" ")).collect()
    };
    let (a, b) = (runs(a), runs(b));
    let shared = a.intersection(&b).count();
    shared * 2 > a.len().max(b.len()) && !a.is_empty() && !b.is_empty()
}

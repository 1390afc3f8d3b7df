//! The tone checker on sentences written for Followup, several per kind of bad follow-up
//! (tests/data/tone-probes.txt), in twenty-five rounds. Before the rules for their shapes, 43 of
//! round 1's 75 bad ones were flagged, 11 of round 2's 40 (written after round 1's
//! rules), 29 of round 4's 40 (21 by the rules; round 3 is clean sentences only), 20 of
//! round 5's 40 (6 by the rules; ten are whole messages, with ten clean twins), 9 of
//! round 6's 10 (plain statements of what the writer did, 3 of whose 15 were flagged) and
//! 7 of round 7's 10 (complaints in courteous words, 1 of whose 20 clean twins was
//! flagged); round 8's 25 short messages in new words were flagged 24 times and round 9's
//! 20 veiled complaints 17 times before any change for them; rounds 10 to 15, 17 and 18 are
//! clean sentences only (their 'read clean:' lines are sentences the reading as a whole
//! still flags: reported as known false alarms, and held to no other finding);
//! round 16's 15 bad ones in fresh words were flagged 13 times before any change, round
//! 19's 8 over-apologies twice before Undermining.OverApologetic (8 times with it), and
//! round 20's 30 bad ones in fresh words 27 times, and round 21's 16 (impatience and veiled
//! complaint) 11 times, and round 22's 40 (every family, in fresh words) 39 times, with 1
//! of its 40 template-like clean ones flagged by the reading as a whole; round 23's 25
//! short ones 22 times, none of its 15 short clean ones; round 24's 25 in the shapes real
//! people write 24 times, and 5 of its 40 clean ones in the genres of the external
//! corpus's false alarms (one rule mended, three left to the reading as a whole, two left
//! out as ones an adviser would query); round 25's 20 veiled complaints 15 times, none
//! of its 10 clean neighbours.
//! The test guards what the rules flag now and that the clean ones, which share
//! their words, stay clean. We wrote both sentences and rules: regression only. Since
//! 2026-12-02 a message of one or two words is never read as bad as a whole (`MIN_WORDS`
//! in tone/overall.rs: the readings flagged "A zebra." and "Hello there."), so "Pick me!"
//! is missed; "Bumping this." is Pushy.RepeatedContact's now.
//! `cargo test -p followup-core --test tone_probes -- --nocapture` prints the misses.

use followup_core::tone::{Checker, Level};

#[test]
fn probes_of_each_kind_are_flagged_and_their_clean_neighbours_are_not() {
    let checker = Checker::built_in();
    // The rules that warn about `text` (a warning or an error).
    let warned = |text: &str| {
        checker
            .check(text, "en-GB")
            .into_iter()
            .filter(|f| matches!(f.level, Level::Error | Level::Warning))
            .map(|f| f.rule)
            .collect::<Vec<_>>()
    };
    let flagged = |text: &str| !warned(text).is_empty();
    let (mut bad, mut caught, mut false_alarms, mut known) = (0, 0, Vec::new(), Vec::new());
    for line in include_str!("data/tone-probes.txt").lines() {
        // Wrapped probes (whole messages) and checked ones are not learnt from, but are held
        // like the rest.
        let line = line
            .strip_prefix("wrapped ")
            .or_else(|| line.strip_prefix("checked "))
            .unwrap_or(line);
        if let Some(text) = line.strip_prefix("read clean: ") {
            let rules = warned(text);
            if rules.iter().any(|r| r != "Tone.Overall") {
                false_alarms.push(text);
            } else if !rules.is_empty() {
                known.push(text);
            }
        } else if let Some(text) = line.strip_prefix("bad: ") {
            bad += 1;
            if flagged(text) {
                caught += 1;
            } else {
                println!("  missed: {text}");
            }
        } else if let Some(text) = line.strip_prefix("clean: ")
            && flagged(text)
        {
            false_alarms.push(text);
        }
    }
    println!(
        "probes: {caught} of {bad} bad flagged; false alarms {false_alarms:?}; known ones of the reading as a whole {known:?}"
    );
    assert_eq!(bad, 447);
    assert!(caught >= 437, "{caught} of {bad}");
    assert!(false_alarms.is_empty(), "{false_alarms:?}");
}

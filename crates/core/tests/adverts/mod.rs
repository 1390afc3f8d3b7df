//! The labelled job adverts the skill-matching tests read: each "=== URL" header, a
//! "pair: A, B" line (the two skills a careers adviser would have the candidate name; "A|B"
//! where the advert offers either as equal), and the advert's text.
#![allow(dead_code)]

use followup_core::model::Skill;
use followup_core::skills::rank;

/// A profile's skill: its name, aliases and one sentence of evidence.
pub fn skill(name: &str, aliases: &[&str], evidence: &str) -> Skill {
    Skill {
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        evidence: evidence.into(),
    }
}

pub struct Advert {
    pub url: String,
    /// Each of the two picks, as the names an adviser would accept for it.
    pub pair: [Vec<String>; 2],
    pub text: String,
}

/// Adverts in the files' format; comment lines before the first header are skipped.
pub fn parse(data: &str) -> Vec<Advert> {
    data.split("\n=== ")
        .skip(1)
        .map(|block| {
            let (url, rest) = block.split_once('\n').expect("url line");
            let (pair, text) = rest.split_once('\n').expect("pair line");
            let slots: Vec<Vec<String>> = pair
                .strip_prefix("pair: ")
                .expect("pair:")
                .split(", ")
                .map(|slot| slot.split('|').map(str::to_string).collect())
                .collect();
            assert_eq!(slots.len(), 2, "two picks for {url}");
            Advert {
                url: url.trim().to_string(),
                pair: [slots[0].clone(), slots[1].clone()],
                text: text.to_string(),
            }
        })
        .collect()
}

/// How many adverts' top two are the adviser's pair (either slot by any name it
/// accepts), and the misses.
pub fn score(skills: &[Skill], adverts: &[Advert]) -> (usize, Vec<String>) {
    let mut hits = 0;
    let mut misses = Vec::new();
    for a in adverts {
        let picks: Vec<String> = rank(skills, &a.text, 2)
            .into_iter()
            .map(|m| m.name)
            .collect();
        let found = |slot: &Vec<String>| slot.iter().any(|name| picks.contains(name));
        if a.pair.iter().all(found) {
            hits += 1;
        } else {
            misses.push(format!(
                "  expected {:?}, picked {picks:?}: {}",
                a.pair, a.url
            ));
        }
    }
    (hits, misses)
}

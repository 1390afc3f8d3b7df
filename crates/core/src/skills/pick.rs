//! Picking the best distinct skills from those scored: a skill the advert offers as an
//! alternative to one already picked ("Python or Java", alternatives.rs), or a kind of
//! one ("PostgreSQL" beside "SQL", terms.rs), counts for less, and one that shares a
//! whole spelling with a pick ("Kubernetes", "k8s") is not picked at all.

use super::{Candidate, SkillMatch};
use std::collections::BTreeSet;

/// How much a skill counts once another the advert names as its alternative is picked
/// ("Python or Java": a note that names Python needs the database next, not Java).
const ALTERNATIVE: f64 = 0.5;

/// Why a skill counts `ALTERNATIVE` beside a pick.
#[derive(Clone, Copy)]
enum Beside {
    /// The advert offers it as an alternative to the pick ("Python or Java").
    AlternativeTo,
    /// One of it and the pick is a kind of the other ("PostgreSQL", "SQL").
    KindOf,
}

impl Beside {
    fn why(self, pick: &str) -> String {
        match self {
            Beside::AlternativeTo => {
                format!("the advert offers it as an alternative to {pick}, picked already")
            }
            Beside::KindOf => {
                format!("one of it and {pick} is a kind of the other, picked already")
            }
        }
    }
}

/// The `top` best of `scored` (sorted best first), distinct; `choices` and `kinds` are
/// pairs of skills by their place in the profile, the smaller first.
pub(super) fn distinct(
    mut scored: Vec<Candidate>,
    choices: &BTreeSet<(usize, usize)>,
    kinds: &BTreeSet<(usize, usize)>,
    top: usize,
) -> Vec<SkillMatch> {
    // Picked best first (a tie goes to the one earlier in `scored`: the higher score
    // before any halving, then the name); a skill the advert offers as an alternative to
    // one already picked counts for less, and one that shares a whole spelling with a pick
    // is not picked at all.
    let mut picked: Vec<Candidate> = Vec::new();
    while picked.len() < top {
        // Offered as an alternative to a pick ("Python or Java"), or a kind of one
        // ("PostgreSQL" beside "SQL"): either way, naming both says less than naming
        // something else the advert asks for.
        let alternative_to = |i: usize| {
            picked.iter().find_map(|(p, picked, _)| {
                let pair = ((*p).min(i), (*p).max(i));
                if choices.contains(&pair) {
                    Some((Beside::AlternativeTo, picked.name.as_str()))
                } else if kinds.contains(&pair) {
                    Some((Beside::KindOf, picked.name.as_str()))
                } else {
                    None
                }
            })
        };
        let counted =
            |(i, m, _): &Candidate| m.score * alternative_to(*i).map_or(1.0, |_| ALTERNATIVE);
        let mut next: Option<usize> = None;
        for (at, candidate) in scored.iter().enumerate() {
            // One skill under two names ("Kubernetes", "k8s") shares a whole spelling;
            // two that share a word ("Email marketing", "Content marketing") are two.
            let distinct = picked
                .iter()
                .all(|(_, _, p)| !p.iter().any(|spelling| candidate.2.contains(spelling)));
            if distinct && next.is_none_or(|n| counted(candidate) > counted(&scored[n])) {
                next = Some(at);
            }
        }
        let Some(at) = next else { break };
        let (i, mut m, spellings) = scored.remove(at);
        if let Some((relation, other)) = alternative_to(i) {
            m.score = (m.score * ALTERNATIVE * 1000.0).round() / 1000.0;
            m.why
                .push(format!("×{ALTERNATIVE}: {}", relation.why(other)));
        }
        picked.push((i, m, spellings));
    }
    picked.into_iter().map(|(_, m, _)| m).collect()
}

//! Whether an advert asks for a skill of several words as itself ("Google Analytics",
//! "project management", "managing stakeholders") or only uses its words apart ("Google
//! BigQuery … analytical skills", "reporting to the Manager of … on this project"). A
//! word of the name found apart from the rest says little about the skill: "data" and
//! "management" are in most adverts.

/// How much a word of a several-word name or alias counts where the rest of it is not
/// beside it: a share of what it would count beside the rest, however often it is used
/// apart ("data" alone, in every analyst's advert, never makes "Data visualisation").
pub(super) const APART: f64 = 0.25;

/// How much the advert names every term of `spelling` together, each time weighted as
/// the part it is in: side by side, in any order ("managing stakeholders", "management of
/// projects" with "of" dropped; not "manage multiple projects"). `parts` are
/// each part's terms, in order, with its weight.
pub(super) fn together(parts: &[(Vec<String>, f64)], spelling: &[String]) -> f64 {
    if spelling.len() < 2 {
        return 0.0;
    }
    let span = spelling.len();
    let mut total = 0.0;
    for (stems, weight) in parts {
        let mut i = 0;
        while i < stems.len() {
            let end = (i + span).min(stems.len());
            let window = &stems[i..end];
            if spelling.contains(&stems[i]) && spelling.iter().all(|t| window.contains(t)) {
                total += weight;
                i = end;
            } else {
                i += 1;
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(text: &str) -> (Vec<String>, f64) {
        (text.split(' ').map(str::to_string).collect(), 1.0)
    }

    #[test]
    fn the_words_of_a_name_count_together_side_by_side_in_any_order() {
        let name = vec!["stakehold".to_string(), "manag".to_string()];
        assert_eq!(together(&[part("manag stakehold expect")], &name), 1.0);
        assert_eq!(
            together(&[part("stakehold relationship manag")], &name),
            0.0
        );
        assert_eq!(
            together(&[part("stakehold clear concis write manag")], &name),
            0.0
        );
        assert_eq!(
            together(&[part("stakehold manag"), part("manag stakehold")], &name),
            2.0
        );
    }
}

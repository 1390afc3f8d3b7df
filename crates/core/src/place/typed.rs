//! An address as a user types it (`contact add --address`, the web app's contact form)
//! read into a card's fields, so that it can be placed like a card's.

use super::address::{country_code, is_state_code};
use crate::model::PostalAddress;

/// An address as a user types it on one line or several: "1 High St, Leeds, LS1 1AA, UK",
/// "100 King St W, Toronto, ON M5X 1A9, Canada", "341 George St, Sydney NSW 2000,
/// Australia", "Marienplatz 8, 80331 München, Germany". Street first; a known country
/// last; the postcode its own part or at either end of the town's.
pub fn parse_address(text: &str) -> PostalAddress {
    let mut parts: Vec<String> = text
        .split([',', '\n'])
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut address = PostalAddress::default();
    if parts.last().is_none_or(|last| country_code(last).is_none()) {
        // As typed, by position: street, town, postcode, country.
        match parts.as_slice() {
            [] => {}
            [street] => address.street = street.clone(),
            [street, locality] => {
                (address.street, address.locality) = (street.clone(), locality.clone())
            }
            [street, locality, postcode] => {
                (address.street, address.locality, address.postcode) =
                    (street.clone(), locality.clone(), postcode.clone())
            }
            [street @ .., locality, postcode, country] => {
                address.street = street.join("\n");
                address.locality = locality.clone();
                address.postcode = postcode.clone();
                address.country = country.clone();
            }
        }
        return address;
    }
    address.country = parts.pop().unwrap_or_default();
    if parts.len() >= 2 && parts.last().is_some_and(|p| is_postcode_part(p)) {
        address.postcode = parts.pop().unwrap_or_default();
    }
    let town = parts.pop().unwrap_or_default();
    if address.postcode.is_empty() {
        (address.locality, address.postcode) = split_postcode(&town);
    } else {
        address.locality = town;
    }
    address.street = parts.join("\n");
    address
}

/// A part that is only a postcode, with a state's code before it perhaps: "LS1 1AA",
/// "ON M5X 1A9", "NSW 2000", "560100". Not "Sydney NSW 2000" (a town with one) or a
/// street ("341 George St").
fn is_postcode_part(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    words.len() <= 3
        && words
            .iter()
            .any(|w| w.contains(|c: char| c.is_ascii_digit()))
        && words
            .iter()
            .all(|w| w.contains(|c: char| c.is_ascii_digit()) || is_state_code(w))
}

/// A town with its postcode: "Sydney NSW 2000" → ("Sydney NSW", "2000"), "80331
/// München" → ("München", "80331"), "London SW1A 1AA" → ("London", "SW1A 1AA").
fn split_postcode(town: &str) -> (String, String) {
    let words: Vec<&str> = town.split_whitespace().collect();
    fn has_digit(w: &&&str) -> bool {
        w.contains(|c: char| c.is_ascii_digit())
    }
    let leading = words.iter().take_while(has_digit).count();
    if leading > 0 && leading < words.len() {
        return (words[leading..].join(" "), words[..leading].join(" "));
    }
    let trailing = words.iter().rev().take_while(has_digit).count();
    if trailing > 0 && trailing < words.len() {
        let cut = words.len() - trailing;
        return (words[..cut].join(" "), words[cut..].join(" "));
    }
    (town.to_string(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_address_finds_its_town_postcode_and_country() {
        let parts = |text: &str| {
            let a = parse_address(text);
            (a.street, a.locality, a.postcode, a.country)
        };
        let own = |s: &str, l: &str, p: &str, c: &str| {
            (s.to_string(), l.to_string(), p.to_string(), c.to_string())
        };
        assert_eq!(
            parts("341 George St, Sydney NSW 2000, Australia"),
            own("341 George St", "Sydney NSW", "2000", "Australia")
        );
        assert_eq!(
            super::super::region_of(&parse_address("341 George St, Sydney NSW 2000, Australia"))
                .as_deref(),
            Some("au-nsw")
        );
        assert_eq!(
            parts("100 King St W, Toronto, ON M5X 1A9, Canada"),
            own("100 King St W", "Toronto", "ON M5X 1A9", "Canada")
        );
        assert_eq!(
            parts("Level 5, 341 George St, Sydney NSW 2000, Australia"),
            own("Level 5\n341 George St", "Sydney NSW", "2000", "Australia")
        );
        assert_eq!(
            parts("Marienplatz 8, 80331 München, Germany"),
            own("Marienplatz 8", "München", "80331", "Germany")
        );
        assert_eq!(
            parts("1 Princes St, Edinburgh EH2 2EQ, UK"),
            own("1 Princes St", "Edinburgh", "EH2 2EQ", "UK")
        );
        assert_eq!(
            parts("Electronics City, Bengaluru, 560100, India"),
            own("Electronics City", "Bengaluru", "560100", "India")
        );
        assert_eq!(parts("Bengaluru, India"), own("", "Bengaluru", "", "India"));
        // No country Followup knows: by position, as before.
        assert_eq!(
            parts("1 Main St, Springfield, 12345, Narnia"),
            own("1 Main St", "Springfield", "12345", "Narnia")
        );
        assert_eq!(parts("1 High St, Leeds"), own("1 High St", "Leeds", "", ""));
        assert_eq!(parts(""), own("", "", "", ""));
    }
}

//! Where a North American number or a US state keeps its business hours: the table
//! `data/area-codes.tsv`, generated from libphonenumber's data by
//! `data/generate-area-codes.py`. The United States has one holiday region but six
//! zones, so an interviewer's zone comes from their state or their area code, not their
//! region; an area code also tells Canada's provinces (and their holidays) apart.

use super::address::plain;
use crate::model::PostalAddress;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../../data/area-codes.tsv");

struct Table {
    /// Area code → (zone, region); either may be empty.
    areas: HashMap<&'static str, (&'static str, &'static str)>,
    /// A state's code ("tx") and its name in lower case ("texas") → its zone.
    states: HashMap<String, &'static str>,
}

fn table() -> &'static Table {
    static TABLE_ONCE: OnceLock<Table> = OnceLock::new();
    TABLE_ONCE.get_or_init(|| {
        let mut table = Table {
            areas: HashMap::new(),
            states: HashMap::new(),
        };
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&'static str> = line.split('\t').collect();
            match fields.as_slice() {
                [area, zone, region] if area.starts_with("+1 ") => {
                    table.areas.insert(&area[3..], (zone, region));
                }
                [code, zone, name] if code.starts_with("us-") => {
                    table.states.insert(code[3..].to_string(), zone);
                    table.states.insert(name.to_lowercase(), zone);
                }
                _ => {}
            }
        }
        table
    })
}

/// The area code of a North American number written with its country code: "+1 (415)
/// 555-0100" → "415". None for other numbers, and for a number without "+1" (a national
/// number could be anyone's).
fn area_code(number: &str) -> Option<String> {
    let number = number.trim_start();
    let rest = number
        .strip_prefix('+')
        .or_else(|| number.strip_prefix("00"))?;
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let national = digits.strip_prefix('1')?;
    (national.len() == 10).then(|| national[..3].to_string())
}

/// The area code of a number written as North Americans write one without "+1": "(415)
/// 555-0134", "415-555-0134", "415.555.0134". Area codes and exchanges never start with 0
/// or 1, which tells these from most other countries' national numbers ("020 7946 0000").
fn national_area_code(number: &str) -> Option<String> {
    static SHAPE: OnceLock<regex::Regex> = OnceLock::new();
    let shape = SHAPE.get_or_init(|| {
        regex::Regex::new(r"^(?:\(([2-9]\d{2})\)\s?|([2-9]\d{2})[-.])([2-9]\d{2})[-.](\d{4})$")
            .expect("a valid pattern")
    });
    let c = shape.captures(number.trim())?;
    c.get(1).or(c.get(2)).map(|m| m.as_str().to_string())
}

/// The zone of a number written the North American way without "+1" ("(415) 555-0134"),
/// for a contact already known to be in the US or Canada, or not known to be anywhere.
pub fn zone_of_national_phone(number: &str) -> Option<&'static str> {
    zone_of_area(&national_area_code(number)?)
}

/// The region of a North American number: `us`, a Canadian province's ("ca-on" for
/// 416), `ca` where an area code spans provinces; None in the Caribbean.
pub(super) fn region_of_number(number: &str) -> Option<&'static str> {
    let area = area_code(number)?;
    let (_, region) = table().areas.get(area.as_str())?;
    (!region.is_empty()).then_some(*region)
}

/// An area code's zone, else (where it straddles a line) its province's if that has one.
fn zone_of_area(area: &str) -> Option<&'static str> {
    let (zone, region) = table().areas.get(area)?;
    if zone.is_empty() {
        super::zone_of_region(region)
    } else {
        Some(zone)
    }
}

/// The zone a North American number's area code keeps: 415 San Francisco's, 512
/// Austin's. Where the area code straddles a line (850, the Florida panhandle), the
/// zone of its province if that has one, else None.
pub fn zone_of_phone(number: &str) -> Option<&'static str> {
    zone_of_area(&area_code(number)?)
}

/// The zone of a US address's state, as a card or a typed address gives it ("TX",
/// "Texas", "Austin, TX 78701"), where the state keeps one (not Idaho or South Dakota,
/// which straddle a line). An address that names no country counts as American when its
/// postcode is a state's code and a ZIP code ("TX 78701").
pub fn zone_of_address(address: &PostalAddress) -> Option<&'static str> {
    if !is_american(address) {
        return None;
    }
    let postcode: Vec<&str> = address.postcode.split_whitespace().collect();
    let states = &table().states;
    // "Austin TX": the state's code after the town.
    let after_town = address.locality.split_whitespace().skip(1).last();
    [
        Some(address.region.as_str()),
        postcode.first().copied(),
        after_town,
        Some(address.locality.as_str()),
    ]
    .into_iter()
    .flatten()
    .find_map(|within| states.get(&plain(within)).copied())
}

/// Whether an address is in the United States: its country says so, or it names none and
/// its postcode is a state's code and a ZIP code ("TX 78701").
pub(super) fn is_american(address: &PostalAddress) -> bool {
    match super::address::country_code(&address.country) {
        Some(code) => code == "us",
        None => {
            let postcode: Vec<&str> = address.postcode.split_whitespace().collect();
            address.country.trim().is_empty()
                && matches!(postcode.as_slice(),
                    [state, zip] if table().states.contains_key(&state.to_lowercase()) && is_zip(zip))
        }
    }
}

/// A ZIP code: five digits, perhaps with four more ("78701-1234").
fn is_zip(text: &str) -> bool {
    let (five, four) = text.split_once('-').unwrap_or((text, "0000"));
    five.len() == 5
        && four.len() == 4
        && five.chars().chain(four.chars()).all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_code_says_where_a_north_american_number_keeps_its_hours() {
        assert_eq!(
            zone_of_phone("+1 (415) 555-0100"),
            Some("America/Los_Angeles")
        );
        assert_eq!(zone_of_phone("+1 512 555 0100"), Some("America/Chicago"));
        assert_eq!(zone_of_phone("001 212 555 0100"), Some("America/New_York"));
        assert_eq!(zone_of_phone("+1 416 555 0100"), Some("America/Toronto"));
        // The Florida panhandle straddles Central and Eastern: no guess.
        assert_eq!(zone_of_phone("+1 850 555 0100"), None);
        // Newfoundland: its province's zone.
        assert_eq!(zone_of_phone("+1 709 555 0100"), Some("America/St_Johns"));
        // Without +1 a number could be anyone's; +44 is not North American.
        assert_eq!(zone_of_phone("(415) 555-0100"), None);
        assert_eq!(zone_of_phone("+44 20 7946 0000"), None);
        assert_eq!(zone_of_phone("+1 555"), None);
        assert_eq!(region_of_number("+1 416 555 0100"), Some("ca-on"));
        assert_eq!(region_of_number("+1 212 555 0100"), Some("us"));
        assert_eq!(region_of_number("+1 876 555 0100"), None);
    }

    #[test]
    fn a_number_written_the_north_american_way_needs_no_plus_one() {
        for number in [
            "(415) 555-0134",
            "(415)555-0134",
            "415-555-0134",
            "415.555.0134",
        ] {
            assert_eq!(
                zone_of_national_phone(number),
                Some("America/Los_Angeles"),
                "{number}"
            );
        }
        // Other countries' national numbers, and numbers that could be anything.
        for number in [
            "020 7946 0000",
            "4155550134",
            "415 555 0134",
            "(015) 555-0134",
            "",
        ] {
            assert_eq!(zone_of_national_phone(number), None, "{number}");
        }
    }

    #[test]
    fn every_zone_in_the_table_is_one_followup_knows() {
        let t = table();
        assert!(t.areas.len() > 400 && t.states.len() > 90);
        for zone in t
            .areas
            .values()
            .map(|(z, _)| *z)
            .chain(t.states.values().copied())
        {
            if !zone.is_empty() {
                assert_eq!(super::super::time_zone("tz", zone).unwrap(), zone);
            }
        }
        for (_, region) in t.areas.values() {
            assert!(region.is_empty() || super::super::REGIONS.iter().any(|(r, _)| r == region));
        }
    }

    #[test]
    fn a_us_address_keeps_its_states_hours() {
        let address = |locality: &str, region: &str, postcode: &str, country: &str| PostalAddress {
            locality: locality.into(),
            region: region.into(),
            postcode: postcode.into(),
            country: country.into(),
            ..PostalAddress::default()
        };
        let (texas, seattle) = (Some("America/Chicago"), Some("America/Los_Angeles"));
        for (locality, region, postcode, country, zone) in [
            ("Austin", "TX", "78701", "USA", texas),
            ("Austin", "Texas", "", "United States", texas),
            ("Austin", "", "TX 78701", "US", texas),
            ("Austin TX", "", "78701", "USA", texas),
            // No country, but a state's code and a ZIP code.
            ("Austin", "", "TX 78701", "", texas),
            ("Seattle", "WA", "98101-1234", "USA", seattle),
            // Idaho straddles Mountain and Pacific: no guess.
            ("Boise", "ID", "83702", "USA", None),
            // Not American: a Canadian province is its region's business.
            ("Toronto", "", "ON M5X 1A9", "Canada", None),
            ("Paris", "TX", "", "France", None),
            ("Springfield", "", "", "", None),
        ] {
            let found = zone_of_address(&address(locality, region, postcode, country));
            assert_eq!(found, zone, "{locality}, {region} {postcode}, {country}");
        }
        // Typed without a country, a state and a ZIP code place it in the United States.
        let typed = super::super::parse_address("1 Congress Ave, Austin, TX 78701");
        assert_eq!(super::super::region_of(&typed).as_deref(), Some("us"));
        assert_eq!(zone_of_address(&typed), texas);
        let nowhere = super::super::parse_address("1 Main St, Springfield, 12345");
        assert_eq!(super::super::region_of(&nowhere), None);
        let not_a_state = super::super::parse_address("1 Main St, Springfield, ZZ 12345");
        assert_eq!(super::super::region_of(&not_a_state), None);
    }
}

//! The holiday region a postal address is in, where the address says it plainly: the
//! country, and for Canada, Australia and Germany the province, state or Land (each has
//! its own region), for the UK the nation, from the address or its postcode. A business
//! card's address is often all a contact import knows of where the employer works.

use crate::model::PostalAddress;

/// Countries by the names and codes an address writes them with (compared without case,
/// dots or accents), and their region.
const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "us",
        &[
            "united states",
            "united states of america",
            "usa",
            "us",
            "america",
        ],
    ),
    (
        "gb",
        &[
            "united kingdom",
            "uk",
            "gb",
            "great britain",
            "britain",
            "england",
            "scotland",
            "wales",
            "northern ireland",
        ],
    ),
    ("ie", &["ireland", "republic of ireland", "eire", "ie"]),
    ("ca", &["canada", "ca"]),
    ("au", &["australia", "au"]),
    ("nz", &["new zealand", "nz", "aotearoa"]),
    ("de", &["germany", "deutschland", "de"]),
    ("fr", &["france", "fr"]),
    (
        "nl",
        &[
            "netherlands",
            "the netherlands",
            "nederland",
            "holland",
            "nl",
        ],
    ),
    ("in", &["india", "in", "bharat"]),
];

/// "NSW", "ON", "QC": a short code in capitals, as addresses write a state or province.
pub(super) fn is_state_code(word: &str) -> bool {
    (2..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// The code of a country as an address writes it ("U.S.A.", "Deutschland"), if it is
/// one whose holidays Followup knows.
pub(super) fn country_code(name: &str) -> Option<&'static str> {
    let name = plain(name);
    COUNTRIES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(code, _)| *code)
}

/// Provinces, states and Länder with regions of their own: (region, names and codes).
const SUBDIVISIONS: &[(&str, &[&str])] = &[
    ("ca-ab", &["ab", "alberta"]),
    ("ca-bc", &["bc", "british columbia"]),
    ("ca-mb", &["mb", "manitoba"]),
    ("ca-nb", &["nb", "new brunswick"]),
    (
        "ca-nl",
        &["nl", "newfoundland and labrador", "newfoundland"],
    ),
    ("ca-ns", &["ns", "nova scotia"]),
    ("ca-nt", &["nt", "northwest territories"]),
    ("ca-nu", &["nu", "nunavut"]),
    ("ca-on", &["on", "ont", "ontario"]),
    ("ca-pe", &["pe", "pei", "prince edward island"]),
    ("ca-qc", &["qc", "pq", "quebec"]),
    ("ca-sk", &["sk", "saskatchewan"]),
    ("ca-yt", &["yt", "yukon"]),
    ("au-act", &["act", "australian capital territory"]),
    ("au-nsw", &["nsw", "new south wales"]),
    ("au-nt", &["nt", "northern territory"]),
    ("au-qld", &["qld", "queensland"]),
    ("au-sa", &["sa", "south australia"]),
    ("au-tas", &["tas", "tasmania"]),
    ("au-vic", &["vic", "victoria"]),
    ("au-wa", &["wa", "western australia"]),
    ("de-bb", &["bb", "brandenburg"]),
    ("de-be", &["be", "berlin"]),
    ("de-bw", &["bw", "baden-wurttemberg", "baden-wuerttemberg"]),
    ("de-by", &["by", "bayern", "bavaria"]),
    ("de-hb", &["hb", "bremen"]),
    ("de-he", &["he", "hessen", "hesse"]),
    ("de-hh", &["hh", "hamburg"]),
    (
        "de-mv",
        &[
            "mv",
            "mecklenburg-vorpommern",
            "mecklenburg-western pomerania",
        ],
    ),
    ("de-ni", &["ni", "niedersachsen", "lower saxony"]),
    (
        "de-nw",
        &["nw", "nrw", "nordrhein-westfalen", "north rhine-westphalia"],
    ),
    ("de-rp", &["rp", "rheinland-pfalz", "rhineland-palatinate"]),
    ("de-sh", &["sh", "schleswig-holstein"]),
    ("de-sl", &["sl", "saarland"]),
    ("de-sn", &["sn", "sachsen", "saxony"]),
    ("de-st", &["st", "sachsen-anhalt", "saxony-anhalt"]),
    ("de-th", &["th", "thuringen", "thueringen", "thuringia"]),
];

/// UK postcode areas wholly in one nation other than England. Areas that cross a border
/// (TD, SY, CH, HR, LD's neighbours) say nothing.
const SCOTLAND: &[&str] = &[
    "AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "ZE",
];
const WALES: &[&str] = &["CF", "LL", "NP", "SA"];
const CROSSING: &[&str] = &["TD", "SY", "CH", "HR", "LD"];

/// The region of a contact's address, the most precise it says plainly. A card keeps the
/// province or state in its own field; a typed address ("100 King St W, Toronto, ON M5X
/// 1A9, Canada") has it before the postcode or as the town's part, so each is tried, and a
/// province beats the country alone.
pub fn region_of(address: &PostalAddress) -> Option<String> {
    // "1 Congress Ave, Austin, TX 78701": no country, but a state and a ZIP code.
    if address.country.trim().is_empty() && super::north_america::is_american(address) {
        return Some("us".to_string());
    }
    let before_postcode = address.postcode.split_whitespace().next().unwrap_or("");
    // "Sydney NSW": a state's code in capitals after the town.
    let after_town = address
        .locality
        .split_whitespace()
        .skip(1)
        .last()
        .filter(|w| is_state_code(w))
        .unwrap_or("");
    let mut national = None;
    for within in [
        address.region.as_str(),
        before_postcode,
        after_town,
        address.locality.as_str(),
    ] {
        match region_of_address(&address.country, within, &address.postcode) {
            Some(region) if region.contains('-') => return Some(region),
            found => national = national.or(found),
        }
    }
    national
}

/// The region of an address with this country, subdivision (a card's "region": a
/// province, state or Land) and postcode, or None when the country is not one whose
/// holidays Followup knows, or a UK address does not say which nation.
pub fn region_of_address(country: &str, subdivision: &str, postcode: &str) -> Option<String> {
    let country_name = plain(country);
    let subdivision = plain(subdivision);
    let country = country_code(country)?;
    match country {
        "gb" => uk_nation(&country_name, &subdivision, postcode).map(str::to_string),
        "ca" | "au" | "de" => {
            let within = SUBDIVISIONS
                .iter()
                .filter(|(code, _)| code.starts_with(country))
                .find(|(_, names)| names.contains(&subdivision.as_str()))
                .map(|(code, _)| *code);
            Some(within.unwrap_or(country).to_string())
        }
        other => Some(other.to_string()),
    }
}

/// England, Scotland, Wales or Northern Ireland, from the country line ("Scotland"), the
/// card's region, or the postcode's area ("EH1 1YZ" is Edinburgh).
fn uk_nation(country: &str, subdivision: &str, postcode: &str) -> Option<&'static str> {
    for said in [country, subdivision] {
        match said {
            "england" => return Some("gb-eng"),
            "scotland" => return Some("gb-sct"),
            "wales" | "cymru" => return Some("gb-wls"),
            "northern ireland" => return Some("gb-nir"),
            _ => {}
        }
    }
    let area = postcode_area(postcode)?;
    Some(if area == "BT" {
        "gb-nir"
    } else if SCOTLAND.contains(&area.as_str()) {
        "gb-sct"
    } else if WALES.contains(&area.as_str()) {
        "gb-wls"
    } else if CROSSING.contains(&area.as_str()) {
        return None;
    } else {
        "gb-eng"
    })
}

/// The letters that start a well-formed UK postcode ("SW1A 1AA" → "SW"), or None.
fn postcode_area(postcode: &str) -> Option<String> {
    let code: String = postcode
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    // Byte positions below: a postcode is ASCII, and anything else is no postcode.
    if !code.is_ascii() {
        return None;
    }
    let (outward, inward) = code.split_at(code.len().checked_sub(3)?);
    let inward: Vec<char> = inward.chars().collect();
    let inward_ok = inward[0].is_ascii_digit() && inward[1..].iter().all(char::is_ascii_uppercase);
    let area: String = outward
        .chars()
        .take_while(char::is_ascii_uppercase)
        .collect();
    let district = &outward[area.len()..];
    let district_ok = (1..=2).contains(&district.len())
        && district.starts_with(|c: char| c.is_ascii_digit())
        && district.chars().all(|c| c.is_ascii_alphanumeric());
    ((1..=2).contains(&area.len()) && inward_ok && district_ok).then_some(area)
}

/// Lower case, dots dropped, accents folded ("U.S.A." → "usa", "Québec" → "quebec"),
/// spaces collapsed.
pub(super) fn plain(text: &str) -> String {
    let folded: String = text
        .chars()
        .filter(|c| *c != '.')
        .map(|c| match c {
            'é' | 'É' | 'è' => 'e',
            'ü' | 'Ü' => 'u',
            'ö' | 'Ö' => 'o',
            'ä' | 'Ä' => 'a',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(country: &str, subdivision: &str, postcode: &str) -> Option<String> {
        region_of_address(country, subdivision, postcode)
    }

    #[test]
    fn countries_and_their_provinces_states_and_lander() {
        assert_eq!(r("Canada", "ON", "M5X 1A9").as_deref(), Some("ca-on"));
        assert_eq!(r("Canada", "Québec", "").as_deref(), Some("ca-qc"));
        assert_eq!(r("Canada", "", "").as_deref(), Some("ca"));
        assert_eq!(r("Australia", "VIC", "3000").as_deref(), Some("au-vic"));
        assert_eq!(
            r("Deutschland", "Bayern", "80331").as_deref(),
            Some("de-by")
        );
        assert_eq!(r("Germany", "Thüringen", "").as_deref(), Some("de-th"));
        assert_eq!(r("U.S.A.", "NY", "10001").as_deref(), Some("us"));
        assert_eq!(
            r("Ireland", "Co. Dublin", "D02 X285").as_deref(),
            Some("ie")
        );
        assert_eq!(r("The Netherlands", "", "").as_deref(), Some("nl"));
        // A state of one country is not read as another's: NT is a territory in both
        // Canada and Australia.
        assert_eq!(r("Australia", "NT", "").as_deref(), Some("au-nt"));
        assert_eq!(r("Canada", "NT", "").as_deref(), Some("ca-nt"));
        assert_eq!(r("Spain", "", "").as_deref(), None);
        assert_eq!(r("", "ON", "").as_deref(), None);
    }

    #[test]
    fn a_card_or_a_typed_address_gives_its_most_precise_region() {
        let address = |region: &str, locality: &str, postcode: &str, country: &str| {
            crate::model::PostalAddress {
                region: region.into(),
                locality: locality.into(),
                postcode: postcode.into(),
                country: country.into(),
                ..Default::default()
            }
        };
        // A card: the province in its field.
        assert_eq!(
            region_of(&address("ON", "Toronto", "M5X 1A9", "Canada")).as_deref(),
            Some("ca-on")
        );
        // Typed: before the postcode, or as the town's part.
        assert_eq!(
            region_of(&address("", "Toronto", "ON M5X 1A9", "Canada")).as_deref(),
            Some("ca-on")
        );
        // A state's code after the town, as Australians write it.
        assert_eq!(
            region_of(&address("", "Melbourne VIC", "3000", "Australia")).as_deref(),
            Some("au-vic")
        );
        // A state's name within a town's is no state: Port Victoria is in South Australia.
        assert_eq!(
            region_of(&address("", "Port Victoria", "5573", "Australia")).as_deref(),
            Some("au")
        );
        assert_eq!(
            region_of(&address("", "Victoria", "3000", "Australia")).as_deref(),
            Some("au-vic")
        );
        assert_eq!(
            region_of(&address("", "München", "80331", "Germany")).as_deref(),
            Some("de")
        );
        assert_eq!(
            region_of(&address("", "Edinburgh", "EH2 2EQ", "UK")).as_deref(),
            Some("gb-sct")
        );
        assert_eq!(
            region_of(&address("", "Springfield", "12345", "Narnia")),
            None
        );
    }

    #[test]
    fn a_uk_address_says_its_nation_or_its_postcode_does() {
        assert_eq!(r("Scotland", "", "").as_deref(), Some("gb-sct"));
        assert_eq!(r("United Kingdom", "Wales", "").as_deref(), Some("gb-wls"));
        assert_eq!(r("UK", "", "EH1 1YZ").as_deref(), Some("gb-sct"));
        assert_eq!(r("UK", "", "G2 1DY").as_deref(), Some("gb-sct"));
        assert_eq!(r("UK", "", "BT1 5GS").as_deref(), Some("gb-nir"));
        assert_eq!(r("UK", "", "CF10 1EP").as_deref(), Some("gb-wls"));
        assert_eq!(
            r("United Kingdom", "", "SW1A 1AA").as_deref(),
            Some("gb-eng")
        );
        assert_eq!(r("GB", "", "m1 1ae").as_deref(), Some("gb-eng"));
        // Areas that cross a border, and no postcode, leave it open.
        assert_eq!(r("UK", "", "TD15 1AA").as_deref(), None);
        assert_eq!(r("United Kingdom", "", "").as_deref(), None);
        assert_eq!(r("UK", "", "not a postcode").as_deref(), None);
        assert_eq!(r("UK", "", "12").as_deref(), None);
        // Found by fuzzing: a postcode that is not ASCII panicked on a byte position.
        assert_eq!(r("UK", "", "E\u{ffff}\u{ffff}3").as_deref(), None);
        assert_eq!(r("UK", "", "SW1A 1ÅA").as_deref(), None);
    }
}

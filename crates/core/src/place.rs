//! Where people are: IANA time zones and the holiday regions whose working days we count.

use crate::InvalidValue;
use jiff::tz::TimeZone;

mod address;
mod north_america;
mod typed;
pub use address::{region_of, region_of_address};
pub use north_america::{zone_of_address, zone_of_national_phone, zone_of_phone};
pub use typed::parse_address;

/// Holiday regions Followup knows. `gb-*` are the UK nations (Wales shares England's bank
/// holidays but keeps its own code so users can say where the employer is).
pub const REGIONS: &[(&str, &str)] = &[
    ("gb-eng", "England"),
    ("gb-wls", "Wales"),
    ("gb-sct", "Scotland"),
    ("gb-nir", "Northern Ireland"),
    ("us", "United States (federal)"),
    ("ie", "Ireland"),
    ("ca", "Canada (national)"),
    ("au", "Australia (national)"),
    ("nz", "New Zealand"),
    ("de", "Germany (national)"),
    ("fr", "France"),
    ("nl", "Netherlands"),
    ("in", "India"),
    // Provinces, states and Länder whose public holidays bind every employer there and
    // differ from the national list (Boxing Day in Ontario, Corpus Christi in Bavaria).
    ("ca-ab", "Alberta, Canada"),
    ("ca-bc", "British Columbia, Canada"),
    ("ca-mb", "Manitoba, Canada"),
    ("ca-nb", "New Brunswick, Canada"),
    ("ca-nl", "Newfoundland and Labrador, Canada"),
    ("ca-ns", "Nova Scotia, Canada"),
    ("ca-nt", "Northwest Territories, Canada"),
    ("ca-nu", "Nunavut, Canada"),
    ("ca-on", "Ontario, Canada"),
    ("ca-pe", "Prince Edward Island, Canada"),
    ("ca-qc", "Quebec, Canada"),
    ("ca-sk", "Saskatchewan, Canada"),
    ("ca-yt", "Yukon, Canada"),
    ("au-act", "Australian Capital Territory"),
    ("au-nsw", "New South Wales, Australia"),
    ("au-nt", "Northern Territory, Australia"),
    ("au-qld", "Queensland, Australia"),
    ("au-sa", "South Australia"),
    ("au-tas", "Tasmania, Australia"),
    ("au-vic", "Victoria, Australia"),
    ("au-wa", "Western Australia"),
    ("de-bb", "Brandenburg, Germany"),
    ("de-be", "Berlin, Germany"),
    ("de-bw", "Baden-Württemberg, Germany"),
    ("de-by", "Bavaria, Germany"),
    ("de-hb", "Bremen, Germany"),
    ("de-he", "Hesse, Germany"),
    ("de-hh", "Hamburg, Germany"),
    ("de-mv", "Mecklenburg-Vorpommern, Germany"),
    ("de-ni", "Lower Saxony, Germany"),
    ("de-nw", "North Rhine-Westphalia, Germany"),
    ("de-rp", "Rhineland-Palatinate, Germany"),
    ("de-sh", "Schleswig-Holstein, Germany"),
    ("de-sl", "Saarland, Germany"),
    ("de-sn", "Saxony, Germany"),
    ("de-st", "Saxony-Anhalt, Germany"),
    ("de-th", "Thuringia, Germany"),
];

/// The region of a phone number's country, for countries with one holiday list: +49 is
/// Germany's, +91 India's; for +1, its area code's (416 Ontario's, 212 the United
/// States'). None for +44, whose four nations share their numbers, and for a number
/// without its country code.
pub fn region_of_phone(number: &str) -> Option<&'static str> {
    let number = number.trim_start();
    let rest = number
        .strip_prefix('+')
        .or_else(|| number.strip_prefix("00"))?;
    if let Some(region) = north_america::region_of_number(number) {
        return Some(region);
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).take(3).collect();
    // Country codes are prefix-free: no code starts another.
    const CODES: &[(&str, &str)] = &[
        ("353", "ie"),
        ("91", "in"),
        ("64", "nz"),
        ("61", "au"),
        ("49", "de"),
        ("33", "fr"),
        ("31", "nl"),
    ];
    CODES
        .iter()
        .find(|(code, _)| digits.starts_with(code))
        .map(|(_, region)| *region)
}

/// The time zone a region keeps its business hours in, where it has one: India's, a UK
/// nation's, Ontario's. None for a country spread over several (`us`, `ca`, `au`), and
/// for Nunavut, which spans three.
pub fn zone_of_region(region: &str) -> Option<&'static str> {
    Some(match region {
        "gb-eng" | "gb-wls" | "gb-sct" | "gb-nir" => "Europe/London",
        "ie" => "Europe/Dublin",
        "nz" => "Pacific/Auckland",
        "fr" => "Europe/Paris",
        "nl" => "Europe/Amsterdam",
        "in" => "Asia/Kolkata",
        r if r == "de" || r.starts_with("de-") => "Europe/Berlin",
        "ca-ab" | "ca-nt" => "America/Edmonton",
        "ca-bc" => "America/Vancouver",
        "ca-mb" => "America/Winnipeg",
        "ca-nb" => "America/Moncton",
        "ca-nl" => "America/St_Johns",
        "ca-ns" | "ca-pe" => "America/Halifax",
        // Ontario's north-west keeps Central time, but nine in ten Ontarians live on
        // Eastern; Quebec is Eastern bar its far east.
        "ca-on" | "ca-qc" => "America/Toronto",
        "ca-sk" => "America/Regina",
        "ca-yt" => "America/Whitehorse",
        "au-act" | "au-nsw" => "Australia/Sydney",
        "au-nt" => "Australia/Darwin",
        "au-qld" => "Australia/Brisbane",
        "au-sa" => "Australia/Adelaide",
        "au-tas" => "Australia/Hobart",
        "au-vic" => "Australia/Melbourne",
        "au-wa" => "Australia/Perth",
        _ => return None,
    })
}

/// Checks a region, given by its code ("gb-sct") or its name ("Scotland", "Ontario",
/// "Bavaria"), and returns its code in canonical (lower-case) form. An unknown one is
/// refused with the codes the user most likely meant: its country's ("ca-xx" lists
/// Canada's; "uk" the four nations), else the countries and how to name a province.
pub fn region(field: &str, code: &str) -> Result<String, InvalidValue> {
    let lower = code.trim().to_ascii_lowercase();
    if let Some((known, _)) = REGIONS
        .iter()
        .find(|(c, name)| *c == lower || name_of(name).eq_ignore_ascii_case(code.trim()))
    {
        return Ok(known.to_string());
    }
    let country = match lower.split(['-', '_', ' ']).next().unwrap_or("") {
        "uk" => "gb",
        other => other,
    };
    let same_country: Vec<&str> = REGIONS
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| c.split('-').next() == Some(country))
        .collect();
    let problem = if same_country.is_empty() {
        let countries: Vec<&str> = REGIONS
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| !c.contains('-') || c.starts_with("gb-"))
            .collect();
        format!(
            "unknown region '{code}'; known regions: {}, and the provinces, states and Länder \
             of Canada, Australia and Germany (ca-on, au-vic, de-by, …: give the country's \
             code with a dash, or the name, such as Ontario)",
            countries.join(", ")
        )
    } else {
        format!(
            "unknown region '{code}'; in that country, say which: {}",
            same_country.join(", ")
        )
    };
    Err(InvalidValue::new(field, problem))
}

/// A region's name as a user would type it: "Ontario" of "Ontario, Canada", "United
/// States" of "United States (federal)".
fn name_of(name: &str) -> &str {
    name.split([',', '(']).next().unwrap_or(name).trim()
}

/// Checks an IANA time zone name against the bundled database and returns its canonical
/// spelling, so "europe/london" is stored as "Europe/London".
pub fn time_zone(field: &str, name: &str) -> Result<String, InvalidValue> {
    let name = name.trim();
    match TimeZone::get(name) {
        Ok(tz) => Ok(tz.iana_name().unwrap_or(name).to_string()),
        Err(_) => Err(InvalidValue::new(
            field,
            format!(
                "unknown time zone '{name}'; use an IANA name such as Europe/London or America/New_York"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_case_insensitive_and_unknown_ones_are_named() {
        assert_eq!(region("region", "GB-ENG").unwrap(), "gb-eng");
        let err = region("region", "gb-xyz").unwrap_err();
        assert!(err.problem.contains("gb-xyz"), "{err}");
        assert!(err.problem.contains("gb-sct"), "{err}");
        assert!(!err.problem.contains("ca-on"), "only the UK's: {err}");
        // Named in words.
        assert_eq!(region("region", "Scotland").unwrap(), "gb-sct");
        assert_eq!(region("region", " ontario ").unwrap(), "ca-on");
        assert_eq!(region("region", "Bavaria").unwrap(), "de-by");
        assert_eq!(region("region", "united states").unwrap(), "us");
        assert_eq!(region("region", "South Australia").unwrap(), "au-sa");
        // The UK is four nations: say which.
        let err = region("region", "uk").unwrap_err().problem;
        assert!(err.ends_with("gb-eng, gb-wls, gb-sct, gb-nir"), "{err}");
        let err = region("region", "ca-xx").unwrap_err().problem;
        assert!(err.contains("ca-on") && !err.contains("de-by"), "{err}");
        // Nowhere near: the countries, and how to name a province.
        let err = region("region", "Narnia").unwrap_err().problem;
        assert!(
            err.contains("us, ie, ca, au") && err.contains("Ontario"),
            "{err}"
        );
        assert!(!err.contains("ca-ab"), "{err}");
    }

    #[test]
    fn a_region_in_one_zone_names_it_and_every_zone_named_exists() {
        assert_eq!(zone_of_region("in"), Some("Asia/Kolkata"));
        assert_eq!(zone_of_region("ca-on"), Some("America/Toronto"));
        assert_eq!(zone_of_region("de-by"), Some("Europe/Berlin"));
        for spread in ["us", "ca", "au", "ca-nu"] {
            assert_eq!(zone_of_region(spread), None, "{spread}");
        }
        for (code, _) in REGIONS {
            if let Some(zone) = zone_of_region(code) {
                assert_eq!(time_zone("tz", zone).unwrap(), zone, "{code}");
            }
        }
    }

    #[test]
    fn a_phone_number_says_its_country_where_that_is_one_region() {
        assert_eq!(region_of_phone("+91 80 4116 7000"), Some("in"));
        assert_eq!(region_of_phone("0049 89 123456"), Some("de"));
        assert_eq!(region_of_phone("+353 1 234 5678"), Some("ie"));
        assert_eq!(region_of_phone("+61 2 9262 1443"), Some("au"));
        // North America by area code: Toronto's is Ontario's, New York's the US's.
        assert_eq!(region_of_phone("+1 416 555 0100"), Some("ca-on"));
        assert_eq!(region_of_phone("+1 212 555 0100"), Some("us"));
        for open in [
            "+1 876 555 0100",
            "+44 20 7946 0000",
            "02 9262 1443",
            "",
            "+",
            "+3",
        ] {
            assert_eq!(region_of_phone(open), None, "{open}");
        }
    }

    #[test]
    fn time_zones_are_canonicalised_and_checked() {
        assert_eq!(time_zone("tz", "europe/london").unwrap(), "Europe/London");
        assert!(time_zone("tz", "Mars/Olympus").is_err());
    }
}

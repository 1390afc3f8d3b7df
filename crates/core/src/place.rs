//! Where people are: IANA time zones and the holiday regions whose working days we count.

use crate::InvalidValue;
use jiff::tz::TimeZone;

/// Holiday regions Followup knows. `gb-*` are the UK nations (Wales shares England's bank
/// holidays but keeps its own code so users can say where the employer is).
pub const REGIONS: &[(&str, &str)] = &[
    ("gb-eng", "England"),
    ("gb-wls", "Wales"),
    ("gb-sct", "Scotland"),
    ("gb-nir", "Northern Ireland"),
    ("us", "United States (federal)"),
    ("ie", "Ireland"),
    ("ca", "Canada"),
    ("au", "Australia"),
    ("nz", "New Zealand"),
    ("de", "Germany"),
    ("fr", "France"),
    ("nl", "Netherlands"),
    ("in", "India"),
];

/// Checks a region code and returns it in canonical (lower-case) form.
pub fn region(field: &str, code: &str) -> Result<String, InvalidValue> {
    let lower = code.trim().to_ascii_lowercase();
    if REGIONS.iter().any(|(c, _)| *c == lower) {
        return Ok(lower);
    }
    let known: Vec<&str> = REGIONS.iter().map(|(c, _)| *c).collect();
    Err(InvalidValue::new(
        field,
        format!(
            "unknown region '{code}'; known regions: {}",
            known.join(", ")
        ),
    ))
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
    }

    #[test]
    fn time_zones_are_canonicalised_and_checked() {
        assert_eq!(time_zone("tz", "europe/london").unwrap(), "Europe/London");
        assert!(time_zone("tz", "Mars/Olympus").is_err());
    }
}

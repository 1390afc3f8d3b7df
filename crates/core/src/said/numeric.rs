//! Dates written in figures inside a phrase ("by 12/18", "18/12/2026", "2026-12-18"),
//! spelt out ("18 December 2026") before the phrase is read, because reading turns "/" and
//! "-" into spaces. A day over 12 says which figure is the month; where both could be,
//! the candidate's locale decides (en-US writes the month first).

use regex::Regex;
use std::sync::OnceLock;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The phrase with each date in figures spelt out; anything else as it was ("2-3 weeks",
/// "1.5 weeks", "24/7").
pub(super) fn spell_out(phrase: &str, month_first: bool) -> String {
    spell_out_dates(&with_slashes(&whole_days(phrase)), month_first)
}

/// "12-03-2027" written as "12/03/2027": with a year of four figures, hyphens between
/// figures are a date's, as slashes are (without one, "2-3 weeks" is a range).
fn with_slashes(phrase: &str) -> String {
    static HYPHENED: OnceLock<Regex> = OnceLock::new();
    HYPHENED
        .get_or_init(|| Regex::new(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b").expect("a valid pattern"))
        .replace_all(phrase, "$1/$2/$3")
        .into_owned()
}

/// A span with a fraction ("1.5 weeks", "2,5 days") as the whole days it runs into ("11
/// days"), since reading turns the point into a space.
fn whole_days(phrase: &str) -> String {
    static SPANS: OnceLock<Regex> = OnceLock::new();
    let spans = SPANS.get_or_init(|| {
        Regex::new(r"(?i)\b(\d{1,3})[.,](\d{1,2})\s*(days?|weeks?|wks?|months?)\b")
            .expect("a valid pattern")
    });
    spans
        .replace_all(phrase, |c: &regex::Captures| {
            let per_unit = match c[3].to_lowercase().chars().next() {
                Some('d') => 1.0,
                Some('w') => 7.0,
                _ => 30.0,
            };
            let n: f64 = format!("{}.{}", &c[1], &c[2]).parse().unwrap_or(0.0);
            format!("{} days", (n * per_unit).ceil() as i64)
        })
        .into_owned()
}

/// `spell_out` for the dates in figures.
fn spell_out_dates(phrase: &str, month_first: bool) -> String {
    static DATES: OnceLock<Regex> = OnceLock::new();
    let dates = DATES.get_or_init(|| {
        Regex::new(
            r"\b(?:(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?)\b|(\d{1,2})\.(\d{1,2})\.(?:(\d{4}|\d{2})\b)?)",
        )
            .expect("a valid pattern")
    });
    dates
        .replace_all(phrase, |c: &regex::Captures| {
            // "24/7" is round the clock, not 24 July; "3/4 weeks" is three or four.
            let after = phrase[c.get(0).map_or(0, |m| m.end())..]
                .trim_start()
                .to_lowercase();
            let span = [
                "day",
                "week",
                "wk",
                "fortnight",
                "month",
                "working",
                "business",
            ]
            .iter()
            .any(|unit| after.starts_with(unit));
            if &c[0] == "24/7" || span {
                return c[0].to_string();
            }
            let number = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            let (day, month, year) = match (number(1), number(4)) {
                (Some(year), _) => (number(3), number(2), Some(year)),
                // "15.03.2027", "15.3.": written day first wherever dots are used.
                (None, None) if number(7).is_some() => (
                    number(7),
                    number(8),
                    number(9).map(|y| if y < 100 { 2000 + y } else { y }),
                ),
                (None, Some(a)) => {
                    let b = number(5).unwrap_or(0);
                    let year = number(6).map(|y| if y < 100 { 2000 + y } else { y });
                    match (a > 12, b > 12) {
                        (true, false) => (Some(a), Some(b), year),
                        (false, true) => (Some(b), Some(a), year),
                        (false, false) if month_first => (Some(b), Some(a), year),
                        (false, false) => (Some(a), Some(b), year),
                        (true, true) => (None, None, None),
                    }
                }
                _ => (None, None, None),
            };
            // A day the month has not ("31/02", "2027-02-30") is no date: left out, so that
            // it is read as none rather than as the month it names.
            let in_month = |d: u32, m: u32| {
                let year = year.unwrap_or(2024) as i16; // a leap year, when none is given
                jiff::civil::Date::new(year, m as i8, d as i8).is_ok()
            };
            match (day, month) {
                (Some(d @ 1..=31), Some(m @ 1..=12)) if !in_month(d, m) => String::new(),
                (Some(d @ 1..=31), Some(m @ 1..=12)) => {
                    let name = MONTHS[m as usize - 1];
                    match year {
                        Some(y) => format!("{d} {name} {y}"),
                        None => format!("{d} {name}"),
                    }
                }
                _ => c[0].to_string(),
            }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::spell_out;

    #[test]
    fn figures_become_a_day_and_a_month() {
        assert_eq!(spell_out("by 12/18", false), "by 18 December");
        assert_eq!(spell_out("by 18/12", true), "by 18 December");
        assert_eq!(spell_out("by 11/12", false), "by 11 December");
        assert_eq!(spell_out("by 11/12", true), "by 12 November");
        assert_eq!(spell_out("12/18/2026", true), "18 December 2026");
        assert_eq!(spell_out("18/12/26", false), "18 December 2026");
        assert_eq!(spell_out("by 2026-12-18", false), "by 18 December 2026");
        assert_eq!(spell_out("by 18.12.2026", true), "by 18 December 2026");
        assert_eq!(spell_out("by 18-12-2026", false), "by 18 December 2026");
        assert_eq!(spell_out("12-18-2026", true), "18 December 2026");
        // A day the month has not is no date.
        assert_eq!(spell_out("by 31/02", false), "by ");
        assert_eq!(spell_out("by 2027-02-30", false), "by ");
        assert_eq!(spell_out("by 29/02", false), "by 29 February");
        assert_eq!(spell_out("bis 18.12.", false), "bis 18 December");
        // A span with a fraction is the whole days it runs into.
        assert_eq!(spell_out("in 1.5 weeks", false), "in 11 days");
        assert_eq!(spell_out("2,5 days", false), "3 days");
        // Not dates: left as written.
        for text in [
            "2-3 weeks",
            "3/4 weeks",
            "in 2/3 working days",
            "24/7",
            "13/13",
            "0/5",
            "in 10 days",
        ] {
            assert_eq!(spell_out(text, false), text);
        }
    }
}

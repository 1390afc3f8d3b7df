//! A phrase as the readers take it: lower case, punctuation as spaces, times of day left
//! out, ordinals and days written as words in figures ("12th", "the twelfth" → "12"),
//! shorthand spelt out ("wk", "nxt", "biz", "WD", "tmrw"), and the words that only say which
//! kind of week or year it is dropped.

use super::{hours, ordinal_days, unit, with_the_word_left_out};

/// Lower case, punctuation to spaces, ordinals to numbers ("12th" → "12").
pub(super) fn normalise(phrase: &str) -> String {
    // "w/c 14 December": the week commencing it.
    // "Not before Friday", "no earlier than Friday", "Friday at the earliest": Friday.
    let lower = times_of_day(&phrase.to_lowercase())
        .replace("w/c", "week commencing")
        .replace("not before ", "")
        .replace("on or before ", "by ")
        .replace("no earlier than ", "")
        .replace(" at the very earliest", "")
        .replace(" at the earliest", "");
    let cleaned: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words = cleaned
        .split_whitespace()
        .map(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let letters = &w[digits.len()..];
            let all_digits = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
            if all_digits && ["st", "nd", "rd", "th"].contains(&letters) {
                digits.to_string()
            } else if all_digits
                && !letters.is_empty()
                && (unit(letters).is_some() || hours(letters))
            {
                // "2wks", "10days": a number run into its unit.
                format!("{digits} {letters}")
            } else if w == "tmrw" || w == "tmr" {
                "tomorrow".to_string()
            } else if w == "wk" {
                "week".to_string()
            } else if w == "nxt" {
                "next".to_string()
            } else if w == "biz" {
                "business".to_string()
            } else if w == "wd" || w == "wds" {
                // "3-5 WD": working days.
                "working days".to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>();
    with_the_word_left_out(plain_periods(ordinal_days(words))).join(" ")
}

/// The phrase without its times of day ("by 5 pm on Tuesday", "Friday by 17:00", "at
/// 10.30am"): a decision's day is what is waited for, and "5" is no day of the month.
fn times_of_day(phrase: &str) -> String {
    static TIMES: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    TIMES
        .get_or_init(|| {
            regex::Regex::new(
                // "17.00", "14.30": minutes no month can be ("15.03" is a date).
                r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.(?:00|[2-5]\d)\b",
            )
            .expect("a valid pattern")
        })
        .replace_all(phrase, " ")
        .into_owned()
}

/// The words that only say which kind of week or year it is: "the end of the business
/// week" is the end of the week, "the calendar year" the year; "the 1st of the year" is
/// "the first of the year" (New Year's Day), not the 1st of this month.
fn plain_periods(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).map(String::as_str);
        let kind_of_week =
            matches!(w.as_str(), "business" | "working" | "work") && next == Some("week");
        let kind_of_year = w == "calendar" && matches!(next, Some("year" | "month"));
        if kind_of_week || kind_of_year {
            continue;
        }
        let first_of_the_year = w == "1"
            && words
                .get(i + 1..i + 4)
                .is_some_and(|rest| rest == ["of", "the", "year"]);
        out.push(if first_of_the_year {
            "first".into()
        } else {
            w.clone()
        });
    }
    out
}

//! The words a date phrase is made of: numbers ("two", "12th"), units ("weeks"),
//! months, years and weekdays; and the word a "next" leaves out ("this Friday, maybe
//! next").

use jiff::civil::Weekday;

pub(super) fn number(word: &str) -> Option<i64> {
    let n = match word {
        "a" | "an" | "one" => 1,
        "two" | "couple" => 2,
        "three" | "few" => 3,
        // "several" is more than a few, and no more than a handful.
        "four" | "several" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fourteen" => 14,
        _ => return word.parse().ok().filter(|n| (1..=366).contains(n)),
    };
    Some(n)
}

/// Days in a unit ("week" → 7); `None` for working days, handled apart.
pub(super) fn unit(word: &str) -> Option<i64> {
    match word {
        "day" | "days" => Some(1),
        "week" | "weeks" | "wk" | "wks" => Some(7),
        "fortnight" | "fortnights" => Some(14),
        "month" | "months" => Some(30),
        _ => None,
    }
}

/// "hours", "hrs", "h": a span counted in the days it runs into.
pub(super) fn hours(word: &str) -> bool {
    matches!(word, "hour" | "hours" | "hr" | "hrs" | "h")
}

/// A day of the month in figures, 1 to 31 ("12", from "12th").
pub(crate) fn day_number(word: &str) -> Option<i8> {
    word.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

/// A month named in lower case, whole or shortened ("march", "mar", "sept"), 1 to 12;
/// "marketing" is none.
pub(crate) fn month(word: &str) -> Option<i8> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if word.len() < 3 {
        return None;
    }
    let m = NAMES.iter().position(|n| word.starts_with(n))? as i8 + 1;
    // "march" and "mar", not "marketing".
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (full[m as usize - 1].starts_with(word) || word == "sept").then_some(m)
}

pub(super) fn year(word: Option<&&str>) -> Option<i16> {
    word.and_then(|w| w.parse::<i16>().ok())
        .filter(|y| (2000..=2100).contains(y))
}

pub(super) fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" | "weds" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        _ => return None,
    })
}

/// "This Friday, maybe next", "the end of this week, start of next", "this month or
/// next": a "next" without its word takes the one after the last "this" ("next Friday",
/// "next week", "next month").
pub(super) fn with_the_word_left_out(words: Vec<String>) -> Vec<String> {
    let names = |w: &str| {
        weekday(w).is_some() || matches!(w, "week" | "month" | "quarter" | "year" | "weekend")
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut left_out: Option<String> = None;
    for (i, w) in words.iter().enumerate() {
        out.push(w.clone());
        if w == "this"
            && let Some(n) = words.get(i + 1).filter(|n| names(n))
        {
            left_out = Some(n.clone());
        }
        // "Next" that ends its clause ("maybe next, we'll see"), not "next steps".
        let bare = words.get(i + 1).is_none_or(|n| {
            matches!(
                n.as_str(),
                "or" | "and" | "then" | "but" | "so" | "at" | "if" | "we" | "i" | "they" | "latest"
            )
        });
        if w == "next"
            && bare
            && let Some(n) = &left_out
        {
            out.push(n.clone());
        }
    }
    out
}

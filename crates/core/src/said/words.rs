//! The words a date phrase is made of: numbers ("two", "12th"), units ("weeks"),
//! months, years and weekdays; and the word a "next" leaves out ("this Friday, maybe
//! next").

use jiff::civil::Weekday;

pub(super) fn number(word: &str) -> Option<i64> {
    let n = match word {
        // "another week or so": one more.
        "a" | "an" | "one" | "another" => 1,
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

/// A day of the month written as a word ("the twelfth", "March fifteenth", "the twenty
/// first of May") as its figures, where it reads as a date: beside a month, or after "the"
/// at the end of a clause. "The first week", "the third round" and "the fifth candidate"
/// keep their words.
pub(super) fn ordinal_days(words: Vec<String>) -> Vec<String> {
    const ORDINALS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let ordinal = |w: &str| ORDINALS.iter().position(|o| *o == w).map(|i| i + 1);
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        // "twenty first", "thirty first" (the hyphen is a space by now), "thirtieth".
        let (day, len) = match (words[i].as_str(), words.get(i + 1).map(String::as_str)) {
            ("twenty", Some(n)) if ordinal(n).is_some_and(|n| n < 10) => {
                (ordinal(n).map(|n| n + 20), 2)
            }
            ("thirty", Some("first")) => (Some(31), 2),
            ("thirtieth", _) => (Some(30), 1),
            (w, _) => (ordinal(w), 1),
        };
        let Some(day) = day else {
            out.push(words[i].clone());
            i += 1;
            continue;
        };
        let before = i.checked_sub(1).map(|b| words[b].as_str());
        let after: Vec<&str> = words[i + len..]
            .iter()
            .take(3)
            .map(String::as_str)
            .collect();
        let is_month = |w: Option<&&str>| w.is_some_and(|w| month(w).is_some());
        let beside_a_month = before.is_some_and(|b| month(b).is_some())
            || is_month(after.first())
            || (after.first() == Some(&"of")
                && (is_month(after.get(1))
                    || (matches!(after.get(1), Some(&("next" | "this")))
                        && after.get(2) == Some(&"month"))));
        let clause_ends = after.first().is_none_or(|w| {
            matches!(
                *w,
                "or" | "and"
                    | "at"
                    | "latest"
                    | "hopefully"
                    | "probably"
                    | "then"
                    | "when"
                    | "if"
                    | "so"
                    | "but"
                    | "we"
                    | "i"
                    | "they"
                    | "you"
                    | "as"
                    | "maybe"
                    | "perhaps"
                    | "either"
            )
        });
        // "the twelfth or thirteenth": a day beside a day.
        let after_a_day = matches!(before, Some("or" | "to" | "and"))
            && out.len() >= 2
            && day_number(&out[out.len() - 2]).is_some();
        if beside_a_month || ((before == Some("the") || after_a_day) && clause_ends) {
            out.push(day.to_string());
        } else {
            out.extend(words[i..i + len].iter().cloned());
        }
        i += len;
    }
    out
}

//! Spans of time from the day it was said: "within two weeks", "in 10 working days", "a
//! couple of weeks", "the coming days", "48 hours"; a range ("2-3 weeks", "10 days to 2
//! weeks") is read as its wider end, the latest date it allows.

use super::{Date, WorkingDays, hours, month, number, unit, weekday};
use jiff::ToSpan;

/// "within two weeks", "in 10 working days", "a couple of weeks", "a fortnight".
pub(super) fn relative(words: &[&str], from: Date, cal: &WorkingDays) -> Option<Date> {
    // "in the next two weeks", "within the next fortnight": "next" before a number, or
    // after "the" before a unit ("next week" alone is a week phrase). "The coming days"
    // are a few.
    let words: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            let filler = matches!(**w, "in" | "within" | "over" | "of" | "the");
            let after = words.get(i + 1).copied().unwrap_or("");
            let next_as_filler = **w == "next"
                && (number(after).is_some()
                    || (*i > 0 && words[i - 1] == "the" && unit(after).is_some()));
            !filler && !next_as_filler
        })
        // "A few more days", "a couple more weeks": "more" adds nothing to the span;
        // "this coming week" is the coming week.
        .filter(|(i, w)| **w != "more" && !(**w == "this" && words.get(i + 1) == Some(&"coming")))
        .map(|(_, w)| *w)
        .collect();
    // "the coming days" are a few; "the coming week" is one.
    let words: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(i, w)| match *w {
            "coming" if words.get(i + 1).is_some_and(|n| n.ends_with('s')) => "few",
            "coming" => "a",
            w => w,
        })
        .collect();
    // "the next working day": one working day on.
    if let ["next", "working" | "business", days] = words.as_slice()
        && unit(days) == Some(1)
    {
        return Some(cal.add(from, 1));
    }
    // A month or a weekday after the span ("the last few days of March", "two weeks from
    // Friday") makes it part of another phrase.
    if words
        .iter()
        .any(|w| month(w).is_some() || weekday(w).is_some() || *w == "tomorrow")
    {
        return None;
    }
    // "a week and a half", "two and a half weeks": half a unit more.
    let half = words.windows(3).any(|w| w == ["and", "a", "half"]);
    let words: Vec<&str> = if half {
        let at = words.windows(3).position(|w| w == ["and", "a", "half"])?;
        [&words[..at], &words[at + 3..]].concat()
    } else {
        words
    };
    let words = widest_of_range(&words);
    if how_often(&words) {
        return None;
    }
    let (n, rest) = match words.as_slice() {
        [w, rest @ ..] if number(w).is_some() && !rest.is_empty() => (number(w)?, rest),
        [w] if unit(w).is_some() => (1, &words[..]),
        _ => return None,
    };
    let n = if words.contains(&"couple") {
        2
    } else if words.contains(&"few") {
        3
    } else {
        n
    };
    let rest: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|w| *w != "couple" && *w != "few")
        .collect();
    // After the unit, only words that round the span off ("two weeks or so", "ten days
    // from now", "a week at most"): anything else makes the run part of another phrase
    // ("a two hour panel, decision next week", "a week, maybe ten days"), read on its own.
    let span = |w: &str| unit(w).is_some() || hours(w);
    let mut after_unit = rest.iter().skip_while(|w| !span(w)).skip(1);
    if !after_unit.all(|w| ROUNDING_OFF.contains(w)) {
        return None;
    }
    match rest.as_slice() {
        [kind, days, ..] if matches!(*kind, "working" | "business") && unit(days) == Some(1) => {
            Some(cal.add(from, n as u32))
        }
        // "within 48 hours": the days they run into.
        [h, ..] if hours(h) => from.checked_add(((n + 23) / 24).days()).ok(),
        [u, ..] => {
            let days = unit(u)?;
            let extra = if half { (days + 1) / 2 } else { 0 };
            if days == 30 {
                return from
                    .checked_add((n as i32).months())
                    .ok()?
                    .checked_add(extra.days())
                    .ok();
            }
            from.checked_add((n * days + extra).days()).ok()
        }
        _ => None,
    }
}

/// Words that may follow a span's unit and leave it one span.
const ROUNDING_OFF: &[&str] = &[
    "time",
    "s",
    "from",
    "now",
    "today",
    "or",
    "so",
    "ish",
    "max",
    "maximum",
    "tops",
    "at",
    "the",
    "most",
    "latest",
    "outside",
    "after",
    "interview",
    "hence",
    "thereabouts",
    "roughly",
    "approximately",
    "about",
    "give",
    "take",
    "to",
    "hear",
    "back",
    "decide",
];

/// A range is read as its wider end, the latest date it allows: "2-3 weeks" (the hyphen
/// is a space by now), "two to three weeks", "one or two weeks" → three or two weeks; "a
/// week or two", "a day or two" → two weeks, two days.
fn widest_of_range<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let days = |n: &str, u: &str| Some(number(n)? * unit(u)?);
    match words {
        // "10 days to 2 weeks": the longer of two spans in different units.
        [a, u, "to" | "or", b, v, rest @ ..]
            if days(a, u).is_some() && days(b, v).is_some() && u != v =>
        {
            let (n, u) = if days(a, u) > days(b, v) {
                (a, u)
            } else {
                (b, v)
            };
            [*n, *u].into_iter().chain(rest.iter().copied()).collect()
        }
        // "a working day or two"
        [a, kind @ ("working" | "business"), u, "or", b, rest @ ..]
            if number(a).is_some() && unit(u) == Some(1) && number(b).is_some() =>
        {
            [*b, *kind, *u]
                .into_iter()
                .chain(rest.iter().copied())
                .collect()
        }
        [a, "to" | "or", b, rest @ ..] | [a, b, rest @ ..]
            if number(a).is_some()
                && number(b).is_some()
                && rest.first().is_some_and(|u| unit(u).is_some() || hours(u)) =>
        {
            std::iter::once(*b).chain(rest.iter().copied()).collect()
        }
        [a, u, "or", b, rest @ ..]
            if number(a).is_some() && unit(u).is_some() && number(b).is_some() =>
        {
            [*b, *u].into_iter().chain(rest.iter().copied()).collect()
        }
        // "the next week or two"
        [u, "or", b, rest @ ..] if unit(u).is_some() && number(b).is_some() => {
            [*b, *u].into_iter().chain(rest.iter().copied()).collect()
        }
        _ => words.to_vec(),
    }
}

/// Whether `words` say how often or how long rather than when: "3 days a week", "24
/// hours a day", "twice a week", "a 4 day week".
pub(super) fn how_often(words: &[&str]) -> bool {
    let span = |w: &str| unit(w).is_some() || hours(w);
    let times = |w: &str| span(w) || matches!(w, "once" | "twice" | "times");
    words
        .windows(3)
        .any(|w| times(w[0]) && matches!(w[1], "a" | "per" | "each" | "every") && span(w[2]))
        || words.windows(2).any(|w| span(w[0]) && unit(w[1]).is_some())
}

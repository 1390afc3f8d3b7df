//! The dates inside a longer phrase, as people write a timeline down: "we'll decide
//! after the holidays, probably the second week of December", "Jan said 2-3 weeks",
//! "shortlist by the 12th and a decision by the 20th". Each run of words that names a
//! date is read as a whole phrase would be, and the latest date wins (the domain's rule:
//! nothing before the latest date they gave); "the week after" a date is that date's next
//! week.
//!
//! Only runs anchored on a word that names a date are tried, so that a bare number ("3
//! more interviews") is never read as a day of the month, and a month is one only where
//! it reads as a date ("by May", "14 June", "mid-April"), not as a name or a verb ("Jan
//! said", "we may decide").

use super::spans::how_often;
use super::{
    Date, WorkingDays, day_number, friday_of, hours, month, next_monday, strip_lead, unit, weekday,
    whole,
};

/// The longest run of words tried as one date expression ("the week of 14 December", "in
/// the next week and a half").
const LONGEST: usize = 7;

/// The latest date named inside `words` (the phrase, normalised), if any.
pub(super) fn latest_inside(words: &[&str], said_on: Date, cal: &WorkingDays) -> Option<Date> {
    let mut latest = None;
    let mut i = 0;
    while i < words.len() {
        // "interviews end on Friday, a decision the week after": the week after the date
        // before it.
        let ahead = strip_lead(&words[i..]);
        if let (Some(before), ["week", "after", rest @ ..] | ["following", "week", rest @ ..]) =
            (latest, ahead)
            && rest.first() != Some(&"next")
        {
            latest = Some(friday_of(next_monday(before)));
            i = words.len() - rest.len();
            continue;
        }
        // "...on Thursday and Friday, so early the following week": the Tuesday after
        // the date before it, as "early next week" is; "decisions the following Monday":
        // the first Monday after it.
        if let Some(before) = latest {
            let found = match ahead {
                [
                    "early" | "start" | "beginning",
                    "the" | "of",
                    "following",
                    "week",
                    rest @ ..,
                ]
                | [
                    "early" | "start" | "beginning",
                    "following",
                    "week",
                    rest @ ..,
                ] => Some((next_monday(before).tomorrow().ok(), rest)),
                ["following", d, rest @ ..] | ["the", "following", d, rest @ ..]
                    if weekday(d).is_some() =>
                {
                    Some((before.nth_weekday(1, weekday(d)?).ok(), rest))
                }
                _ => None,
            };
            if let Some((Some(date), rest)) = found {
                latest = latest.max(Some(date));
                i = words.len() - rest.len();
                continue;
            }
        }
        // "final interviews on the 9th, decisions by the end of that week": the Friday of
        // the date before it.
        if let (
            Some(before),
            ["end" | "close", "of", "that", "week", rest @ ..]
            | ["later", "that", "week", rest @ ..],
        ) = (latest, ahead)
        {
            latest = Some(friday_of(before));
            i = words.len() - rest.len();
            continue;
        }
        let longest = (i + LONGEST).min(words.len());
        // "the 19th or 20th", "March 19 or 20": a day beside a day read as one (not "2 or
        // 3 more candidates").
        let after_a_day = i >= 3
            && matches!(words[i - 1], "or" | "to" | "and")
            && day_number(words[i - 2]).is_some()
            && (matches!(words[i - 3], "the" | "by" | "on" | "until")
                || month(words[i - 3]).is_some());
        let found = (i + 1..=longest).rev().find_map(|j| {
            let run = &words[i..j];
            let anchored = (i..j).any(|k| names_a_date(words, k))
                || matches!(run, [.., "the" | "by", d] if day_number(d).is_some())
                || matches!(run, [d] if after_a_day && day_number(d).is_some());
            // "3 days a week", "a 4 day week": how often or how long, not when.
            let frequency = how_often(&words[i.saturating_sub(1)..(j + 2).min(words.len())]);
            (anchored && !bare_unit(run) && !frequency)
                .then(|| whole(run, said_on, cal).map(|d| (d, j)))?
        });
        match found {
            Some((date, end)) => {
                latest = latest.max(Some(date));
                i = end;
            }
            None => i += 1,
        }
    }
    latest
}

/// Whether `run` is a unit with only filler around it ("any day now", "later in the week",
/// "of the month", "week in"): no span of time. "Within the week" is one.
fn bare_unit(run: &[&str]) -> bool {
    let rest: Vec<&str> = strip_lead(run)
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "of" | "the" | "in" | "over" | "on" | "at" | "for"))
        .collect();
    !run.contains(&"within") && matches!(rest.as_slice(), [u] if unit(u).is_some())
}

/// Whether the word at `k` names a date or a span of time by itself: a weekday, a unit
/// ("weeks"; hours after "within" or "in"), a season ("Christmas", "Easter", "holidays", "quarter", "year"), "tomorrow",
/// or a month where it reads as one.
fn names_a_date(words: &[&str], k: usize) -> bool {
    let w = words[k];
    if weekday(w).is_some() || unit(w).is_some() {
        return true;
    }
    // "an offer within 48 hours": hours are a span only after "within" or "in" (not "a
    // two hour panel").
    if hours(w)
        && words[k.saturating_sub(3)..k]
            .iter()
            .any(|b| matches!(*b, "within" | "in"))
    {
        return true;
    }
    if matches!(
        w,
        "tomorrow"
            | "eow"
            | "eom"
            | "easter"
            | "christmas"
            | "xmas"
            | "holidays"
            | "holiday"
            | "thanksgiving"
            | "labor"
            | "labour"
            | "memorial"
            | "independence"
            | "nye"
            | "quarter"
            | "year"
            | "q1"
            | "q2"
            | "q3"
            | "q4"
            | "h1"
            | "h2"
            | "today"
            | "eod"
            | "weekend"
            | "midweek"
            | "midmonth"
            | "eoy"
            | "eoq"
            | "halloween"
            | "juneteenth"
            | "veterans"
            | "remembrance"
            | "boxing"
            | "black"
            | "cyber"
            | "presidents"
            | "australia"
            | "anzac"
            | "waitangi"
            | "mlk"
            | "columbus"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
    ) {
        return true;
    }
    month(w).is_some() && reads_as_month(words, k)
}

/// A month name is a date beside a day number ("14 June", "June 14") or after a word that
/// introduces one ("by", "in", "early", "mid", "end of", …); otherwise it may be a name
/// ("Jan said") or a verb ("we may").
fn reads_as_month(words: &[&str], k: usize) -> bool {
    let before = k.checked_sub(1).map(|i| words[i]);
    let after = words.get(k + 1).copied();
    before.is_some_and(|w| day_number(w).is_some())
        || after.is_some_and(|w| day_number(w).is_some())
        || before.is_some_and(|b| {
            matches!(
                b,
                "by" | "in"
                    | "of"
                    | "early"
                    | "mid"
                    | "middle"
                    | "late"
                    | "end"
                    | "before"
                    | "until"
                    | "till"
                    | "beginning"
                    | "start"
                    | "after"
                    | "around"
                    | "during"
                    | "through"
                    | "probably"
                    | "likely"
                    | "possibly"
                    | "perhaps"
                    | "maybe"
                    | "hopefully"
            )
        })
}

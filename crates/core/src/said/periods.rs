//! Dates named by a period of the calendar rather than a day: a week of a month ("the
//! second week of December", "the week of the 14th"), the holidays ("before Christmas",
//! "after the holidays"), the end of the year or of a quarter, the seasons ("over the
//! summer", in the employer's hemisphere). Each gives the latest
//! date the phrase allows, as the rest of said.rs does.

use super::{day_number, friday_of, month, next_date, next_day_of_month, next_monday};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// "the second week of December" (the second week mostly in December: its Friday, or the
/// month's last day if that comes first),
/// "the last week of the month", "the first week of next month", "the week of the 14th",
/// "the week of 14 December" (or commencing it, "w/c 14 December"), "the week after next".
pub(super) fn week_of_month(words: &[&str], from: Date) -> Option<Date> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        // "the week commencing 14 December" is the week of it.
        .filter(|w| {
            !matches!(
                *w,
                // "the first full week of January": its first (working) week.
                "the" | "of" | "in" | "commencing" | "beginning" | "starting" | "full"
            )
        })
        .collect();
    match words.as_slice() {
        ["week", "after", "next"] | ["end", "week", "after", "next"] => {
            Some(friday_of(next_monday(next_monday(from))))
        }
        ["following", "week"] => Some(friday_of(next_monday(from))),
        // "(the end of) the week of the 14th": its Friday.
        ["week", d] | ["end", "week", d] => {
            Some(friday_of(next_day_of_month(from, day_number(d)?)?))
        }
        ["week", d, m] | ["week", m, d] | ["end", "week", d, m] | ["end", "week", m, d]
            if month(m).is_some() =>
        {
            Some(friday_of(next_date(from, month(m)?, day_number(d)?, None)?))
        }
        [nth, "week", rest @ ..] => {
            let this_year = |m: i8| Date::new(from.year(), m, 1).ok();
            let first = match rest {
                [m] if month(m).is_some() => this_year(month(m)?)?,
                ["month"] | ["this", "month"] => from.first_of_month(),
                ["next", "month"] => from.first_of_month().checked_add(1.month()).ok()?,
                _ => return None,
            };
            // A named month whose week is past is next year's.
            nth_week(first, nth).filter(|d| *d >= from).or_else(|| {
                let named = matches!(rest, [m] if month(m).is_some());
                named.then(|| nth_week(first.checked_add(1.year()).ok()?, nth))?
            })
        }
        _ => None,
    }
}

/// The Friday of the `nth` working week of the month starting `first` ("first" to
/// "fourth", or "last": the week of its last working day), or the month's last day when
/// that comes before the Friday.
fn nth_week(first: Date, nth: &str) -> Option<Date> {
    let last = first.last_of_month();
    let anchor = match nth {
        "last" | "final" => {
            let mut d = last;
            while matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
                d = d.yesterday().ok()?;
            }
            d
        }
        _ => {
            let n: i64 = match nth {
                "first" | "1" => 1,
                "second" | "2" => 2,
                "third" | "3" => 3,
                "fourth" | "4" => 4,
                _ => return None,
            };
            // The first week is the one holding the month's first Thursday, as ISO counts
            // weeks: most of it is in the month ("the first week of January" 2027 is 4–8
            // January, not Friday the 1st alone).
            let mut d = first;
            while d.weekday() != Weekday::Thursday {
                d = d.tomorrow().ok()?;
            }
            d.checked_add(((n - 1) * 7).days()).ok()?
        }
    };
    (anchor <= last).then(|| friday_of(anchor).min(last))
}

/// "before Christmas", "by Christmas" (24 December: nobody decides on the day);
/// "after Christmas", "after the Christmas break" (said between October and the first
/// days of January: early January, as "the new year" is), "after the holidays" (so in
/// December, and in November unless the United States' Thanksgiving is still to come);
/// "the end
/// of the year", "year end"; "the end of the quarter", "next quarter", "Q1" to "Q4";
/// "early next month", "mid next month", "late next month"; "once the holidays are over"
/// is "after the holidays", "the first quarter" Q1.
pub(super) fn seasons(words: &[&str], from: Date, thanksgiving: bool) -> Option<Date> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "the" | "of" | "by" | "in"))
        .collect();
    // "once the holidays are over" is after them.
    let words: Vec<&str> = match words.as_slice() {
        ["once" | "when", held @ .., "are" | "is", "over"] | [held @ .., "are" | "is", "over"]
            if !held.is_empty() =>
        {
            std::iter::once("after")
                .chain(held.iter().copied())
                .collect()
        }
        // "the first quarter", "the 1st quarter": Q1.
        [
            nth @ ("first" | "second" | "third" | "fourth" | "1" | "2" | "3" | "4"),
            "quarter",
        ] => {
            let q = match *nth {
                "first" | "1" => "q1",
                "second" | "2" => "q2",
                "third" | "3" => "q3",
                _ => "q4",
            };
            vec![q]
        }
        _ => words,
    };
    let christmas_eve = || next_date(from, 12, 24, None);
    let christmas_holidays = from.month() == 12 || (from.month() == 11 && !thanksgiving);
    let early_january = || {
        let this = Date::new(from.year(), 1, 9).ok()?;
        match from.month() {
            1 if from <= this => Some(this),
            10..=12 => Date::new(from.year() + 1, 1, 9).ok(),
            _ => None,
        }
    };
    let quarter_end = |start: Date| -> Option<Date> {
        let last_month = ((start.month() - 1) / 3) * 3 + 3;
        Some(Date::new(start.year(), last_month, 1).ok()?.last_of_month())
    };
    let next_month = || from.first_of_month().checked_add(1.month()).ok();
    match words.as_slice() {
        ["christmas" | "xmas"] | ["christmas" | "xmas", "break" | "holidays"] => christmas_eve(),
        // "The holidays" are Christmas's in December, and in November where no Thanksgiving
        // is still to come (`thanksgiving`: in the United States, before it); before that
        // they may be the summer's or half term, so the words alone say no date.
        // "The holiday" alone is Christmas only in December: in November it may be a
        // Thanksgiving or a long weekend just gone.
        ["holidays"] | ["holiday", "break" | "season"] if christmas_holidays => christmas_eve(),
        ["holiday"] if from.month() == 12 => christmas_eve(),
        ["after", "holidays"] | ["after", "holiday", "break" | "season"]
            if christmas_holidays || from.month() == 1 =>
        {
            early_january()
        }
        ["after", "holiday"] if from.month() == 12 => early_january(),
        ["after", "christmas" | "xmas"]
        | [
            "after",
            "christmas" | "xmas",
            "break" | "holidays" | "holiday",
        ]
        | ["after", "festive", "season" | "break"] => early_january(),
        // "early next year": its first days, as "the new year" is.
        ["early", "next", "year"] | ["start", "next", "year"] | ["beginning", "next", "year"] => {
            Date::new(from.year() + 1, 1, 10).ok()
        }
        [
            "between",
            "christmas" | "xmas",
            "and",
            "new",
            "year" | "years",
        ] => next_date(from, 12, 31, None),
        ["end", "year"]
        | ["end", "this", "year"]
        | ["year", "end"]
        | ["this", "year"]
        | ["eoy"] => Date::new(from.year(), 12, 31).ok(),
        ["end", "quarter"] | ["end", "this", "quarter"] | ["this", "quarter"] | ["eoq"] => {
            quarter_end(from)
        }
        ["next", "quarter"] | ["end", "next", "quarter"] => {
            quarter_end(from.first_of_month().checked_add(3.months()).ok()?)
        }
        // Quarters, and halves of the year ("by the end of H1": June's end).
        ["end", q] | [q] if q.len() == 2 && (q.starts_with('q') || q.starts_with('h')) => {
            let months = if q.starts_with('q') { 3 } else { 6 };
            let n: i8 = q[1..]
                .parse()
                .ok()
                .filter(|n| (1..=12 / months).contains(n))?;
            let end = Date::new(from.year(), n * months, 1).ok()?.last_of_month();
            if end >= from {
                Some(end)
            } else {
                Date::new(from.year() + 1, n * months, 1)
                    .ok()
                    .map(|d| d.last_of_month())
            }
        }
        ["early" | "beginning" | "start", "next", "month"] => {
            next_month()?.checked_add(9.days()).ok()
        }
        ["mid" | "middle", "next", "month"] => next_month()?.checked_add(19.days()).ok(),
        // "by mid-month", "the latter half of the month": this month's, or next month's
        // once this month's has gone ("mid-month", said on the 25th).
        ["mid" | "middle", "month"] | ["mid" | "middle", "this", "month"] | ["midmonth"] => {
            next_day_of_month(from, 20)
        }
        ["first", "half", "month"] | ["first", "half", "this", "month"] => {
            next_day_of_month(from, 15)
        }
        ["second" | "latter" | "last", "half" | "part", "month"]
        | [
            "second" | "latter" | "last",
            "half" | "part",
            "this",
            "month",
        ]
        | ["late" | "later", "month"]
        | ["late" | "later", "this", "month"] => Some(from.last_of_month()),
        ["late", "next", "month"] => next_month().map(|d| d.last_of_month()),
        _ => None,
    }
}

/// The seasons of the year: "over the summer", "by the end of the summer", "early
/// autumn", "after the summer holidays", in the employer's hemisphere (`southern`:
/// Australia's and New Zealand's summer is December to February). The next one that has
/// not ended: "in the summer", said in July, is this summer.
pub(super) fn season_of_year(words: &[&str], from: Date, southern: bool) -> Option<Date> {
    let (part, start) = named_season(words, from, southern)?;
    let month_end =
        |n: i64| -> Option<Date> { Some(start.checked_add(n.months()).ok()?.last_of_month()) };
    match part {
        "whole" | "end" | "late" => month_end(2),
        "early" | "start" | "beginning" => month_end(0),
        "mid" | "middle" => month_end(1),
        // "after the summer": early in the month after it.
        "after" => start
            .checked_add(3.months())
            .ok()?
            .checked_add(9.days())
            .ok(),
        _ => None,
    }
}

/// The first day of the season `words` name whole ("the summer"), for "before the summer".
pub(super) fn season_of_year_start(words: &[&str], from: Date, southern: bool) -> Option<Date> {
    match named_season(words, from, southern)? {
        ("whole", start) => Some(start),
        _ => None,
    }
}

/// The part of a season `words` name ("whole", "early", "after", …) and that season's
/// first day: the next season of the name that has not ended.
fn named_season<'a>(words: &[&'a str], from: Date, southern: bool) -> Option<(&'a str, Date)> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            !matches!(
                *w,
                "the" | "of" | "by" | "in" | "over" | "during" | "this" | "holidays" | "break"
            )
        })
        .collect();
    let (part, name) = match words.as_slice() {
        [name] => ("whole", *name),
        [part, name] => (*part, *name),
        _ => return None,
    };
    // Its first month, where summer starts in June.
    let first: i8 = match name {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        "winter" => 12,
        _ => return None,
    };
    let first = if southern {
        (first + 5) % 12 + 1
    } else {
        first
    };
    // The season's first day, this year's or last year's (a winter running into January),
    // or next year's once it has ended.
    let start = (from.year() - 1..=from.year() + 1)
        .filter_map(|y| Date::new(y, first, 1).ok())
        .find(|start| {
            start
                .checked_add(3.months())
                .is_ok_and(|after| after > from)
        })?;
    Some((part, start))
}

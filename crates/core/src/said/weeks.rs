//! Dates named by weeks and weekdays: "end of the week", "next week", "early next week",
//! "next week or the week after", "midweek", "the weekend", "Friday", "next Friday",
//! "Friday week", "two weeks from Friday", "Wednesday next week", "Friday the 12th"; and
//! "today" ("end of day"), "tomorrow", the month's end and the new year, which are read
//! with them. Each gives the latest date the phrase allows.

use super::{day_number, next_day_of_month, number, unit, weekday};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// Friday of the week `from` is in (the next Friday from a weekend).
pub(super) fn friday_of(from: Date) -> Date {
    let offset =
        (Weekday::Friday.to_monday_zero_offset() - from.weekday().to_monday_zero_offset() + 7) % 7;
    from.checked_add((offset as i64).days()).unwrap_or(from)
}

pub(super) fn next_monday(from: Date) -> Date {
    let offset = 7 - from.weekday().to_monday_zero_offset() as i64;
    from.checked_add(offset.days()).unwrap_or(from)
}

/// "end of the week" (EOW), "this week", "next week", "end of next week", "early next
/// week", "mid next week", "tomorrow", "end of the month" (EOM), "end of next month", "in
/// the new year".
pub(super) fn week_phrases(words: &[&str], from: Date) -> Option<Date> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "the" | "of" | "by"))
        .collect();
    let next_week = next_monday(from);
    let wednesday = |monday: Date| monday.checked_add(2.days()).ok();
    match words.as_slice() {
        // "by end of day", "EOD", "later today", "close of business": the day it was said.
        ["today"]
        | ["later", "today"]
        | ["end", "today"]
        | ["end", "day"]
        | ["end", "business" | "play", "today"]
        | ["end", "business", "day"]
        | ["close", "business"]
        | ["close", "business", "today"]
        | ["eod" | "cob" | "eob"]
        | ["eod" | "cob" | "eob", "today"] => Some(from),
        ["tomorrow"] => from.tomorrow().ok(),
        // "the day after tomorrow", "tomorrow or the day after": two days on.
        ["day", "after", "tomorrow"]
        | ["tomorrow", "or", "day", "after"]
        | ["tomorrow", "or", "next", "day"] => from.checked_add(2.days()).ok(),
        // "by the weekend" is by the end of the working week; "over the weekend" is its
        // Sunday; "after the weekend" is early the week after, as "early next week" is.
        ["weekend"] | ["this", "weekend"] | ["end", "week", "at", "latest"] => {
            Some(friday_of(from))
        }
        ["over", "weekend"] | ["over", "this", "weekend"] => {
            friday_of(from).checked_add(2.days()).ok()
        }
        ["after", "weekend"] | ["after", "this", "weekend"] => next_week.tomorrow().ok(),
        // "midweek": this week's Wednesday, or next week's once it has gone.
        ["mid" | "middle", "week"] | ["midweek"] | ["mid", "this", "week"] => {
            let monday = next_monday(from).checked_sub(7.days()).ok()?;
            wednesday(monday)
                .filter(|d| *d >= from)
                .or_else(|| wednesday(next_week))
        }
        // "a week tomorrow", "a week today" (the latter is also a plain week).
        ["a" | "one", "week", "tomorrow"] | ["a" | "one", "week", "from", "tomorrow"] => {
            from.checked_add(8.days()).ok()
        }
        // "fortnight today" (British): two weeks from today, not today.
        ["fortnight", "today"] | ["a", "fortnight", "today"] => from.checked_add(14.days()).ok(),
        ["fortnight", "tomorrow"] | ["a", "fortnight", "tomorrow"] => {
            from.checked_add(15.days()).ok()
        }
        ["end", "week"] | ["end", "this", "week"] | ["this", "week"] | ["week"] | ["eow"] => {
            Some(friday_of(from))
        }
        // "the first half of next week": by its Wednesday.
        ["first", "half", "next", "week"] => wednesday(next_week),
        ["mid" | "middle", "next", "week"] => wednesday(next_week),
        ["late", "next", "week"] => Some(friday_of(next_week)),
        ["eom"] => Some(from.last_of_month()),
        ["next", "week"]
        | ["end", "next", "week"]
        | ["next", "week", "end"]
        | ["this", "week", "or", "next"] => Some(friday_of(next_week)),
        // The far end of "next week or the week after".
        ["next", "week", "or", "week", "after"] => {
            Some(friday_of(next_week.checked_add(7.days()).ok()?))
        }
        ["early", "next", "week"]
        | ["start", "next", "week"]
        | ["beginning", "next", "week"]
        | ["first", "thing", "next", "week"] => next_week.tomorrow().ok(),
        ["end", "month"] | ["end", "this", "month"] | ["this", "month"] | ["month", "end"] => {
            Some(from.last_of_month())
        }
        ["end", "next", "month"] | ["next", "month"] => {
            from.checked_add(1.month()).ok().map(|d| d.last_of_month())
        }
        ["new", "year"] | ["after", "new", "year"] | ["early", "new", "year"] => {
            Date::new(from.year() + 1, 1, 9).ok()
        }
        _ => None,
    }
}

/// "Friday" (the next one after the interview), "next Friday" and "Friday next week"
/// (the one in the week after), "this Friday", "end of Friday", "Friday week" or "a week
/// Friday" (a week after the next Friday).
pub(super) fn weekday_phrase(words: &[&str], from: Date) -> Option<Date> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            !matches!(
                *w,
                "the" | "of" | "end" | "close" | "business" | "cob" | "eod"
            )
        })
        .collect();
    let after = |day: Weekday, start: Date| -> Option<Date> { start.nth_weekday(1, day).ok() };
    let in_next_week = |day: Weekday| -> Option<Date> {
        let monday = next_monday(from);
        (0..7)
            .filter_map(|n| monday.checked_add((n as i64).days()).ok())
            .find(|x| x.weekday() == day)
    };
    match words.as_slice() {
        [d] | ["this", d] | ["this", "coming", d] | ["coming", d] => after(weekday(d)?, from),
        // "Friday week", "a week on Friday", "a week from Friday", "the Friday after next":
        // a week after the next Friday.
        // "A week Friday" and "a fortnight Friday" are British too.
        [d, "week"]
        | ["week", "on" | "from", d]
        | [d, "after", "next"]
        | ["a" | "one", "week", d] => after(weekday(d)?, from)?.checked_add(7.days()).ok(),
        // "a fortnight on Monday", "two weeks from Friday", "ten days after Monday": so
        // long after the next Monday or Friday.
        [n, u, "on" | "from" | "after", d] => {
            let days = number(n)? * unit(u)?;
            after(weekday(d)?, from)?.checked_add(days.days()).ok()
        }
        ["fortnight", "on" | "from", d] | ["a", "fortnight", d] => {
            after(weekday(d)?, from)?.checked_add(14.days()).ok()
        }
        // "Friday the 12th", "Fri 12th", "on Monday the 15th": the next 12th that is a
        // Friday (the weekday says which month), or the next 12th when none is near.
        [d, n] | [n, d] if weekday(d).is_some() && day_number(n).is_some() => {
            let n = day_number(n)?;
            let day = weekday(d)?;
            let next = next_day_of_month(from.tomorrow().ok()?, n)?;
            let mut date = next;
            // Within three months; further off, the weekday was a slip.
            while (date - from).get_days() <= 92 {
                if date.weekday() == day {
                    return Some(date);
                }
                date = next_day_of_month(date.tomorrow().ok()?, n)?;
            }
            Some(next)
        }
        // "Wednesday next week" is next week's Wednesday.
        ["next", d] | [d, "next", "week"] => in_next_week(weekday(d)?),
        // "next Thursday or Friday": both next week's, the later one.
        ["next", a, "or", b] => Some(in_next_week(weekday(a)?)?.max(in_next_week(weekday(b)?)?)),
        _ => None,
    }
}

//! Days with a name that people give a timeline by: "after Thanksgiving", "by Labor Day",
//! "before Memorial Day", "by the Fourth of July", "New Year's Eve", "after the bank
//! holiday" (the next one in the employer's region). "By" a day is that day, "before" it
//! the day before, "after" it the Friday of the week its next working day is in (the
//! week after, when that one is all but over): the latest date each allows.

use super::{Date, WorkingDays, friday_of, next_monday};
use jiff::ToSpan;
use jiff::civil::Weekday;

/// The date `words` (normalised, without the words that lead a phrase in) name, if they
/// name one of these days; `before` when the phrase said "before".
pub(super) fn named_day(
    words: &[&str],
    from: Date,
    cal: &WorkingDays,
    before: bool,
) -> Option<Date> {
    let (after, name) = match words {
        ["after", rest @ ..] => (true, rest),
        rest => (false, rest),
    };
    let name: Vec<&str> = name.iter().copied().filter(|w| *w != "the").collect();
    let day = match name.as_slice() {
        ["thanksgiving"] | ["thanksgiving", "day" | "break" | "weekend" | "holiday"] => {
            each_year(from, |y| nth_weekday(y, 11, Weekday::Thursday, 4))
        }
        ["labor" | "labour", "day"] | ["labor" | "labour", "day", "weekend"] => {
            each_year(from, |y| nth_weekday(y, 9, Weekday::Monday, 1))
        }
        ["memorial", "day"] | ["memorial", "day", "weekend"] => {
            each_year(from, |y| last_weekday(y, 5, Weekday::Monday))
        }
        ["fourth" | "4", "july"] | ["fourth" | "4", "of", "july"] | ["independence", "day"] => {
            each_year(from, |y| Date::new(y, 7, 4).ok())
        }
        ["new", "year", "s", "eve"] | ["new", "years" | "year", "eve"] | ["nye"] => {
            each_year(from, |y| Date::new(y, 12, 31).ok())
        }
        ["new", "year", "s", "day"] | ["new", "years", "day"] => {
            each_year(from, |y| Date::new(y, 1, 1).ok())
        }
        ["bank", "holiday"] | ["bank", "holiday", "weekend"] | ["next", "bank", "holiday"] => {
            next_holiday(from, cal)
        }
        _ => return None,
    }?;
    Some(if after {
        // The week its first working day after is in ("after Memorial Day", a Monday:
        // that week), or the next when that week is all but over ("after Thanksgiving").
        let first = cal.next_working_day(day);
        let friday = friday_of(first);
        if (friday - first).get_days() < 2 {
            friday_of(next_monday(first))
        } else {
            friday
        }
    } else if before {
        day.checked_sub(1.day()).ok()?
    } else {
        day
    })
}

/// This year's day, or next year's when this year's is more than a month past: "after
/// Thanksgiving", said the Tuesday after it, is the week after it, not next year's.
fn each_year(from: Date, day: impl Fn(i16) -> Option<Date>) -> Option<Date> {
    let recent = from.checked_sub(30.days()).ok()?;
    day(from.year())
        .filter(|d| *d >= recent)
        .or_else(|| day(from.year() + 1))
}

/// The `n`th `weekday` of a month ("the fourth Thursday of November").
fn nth_weekday(year: i16, month: i8, weekday: Weekday, n: i8) -> Option<Date> {
    let first = Date::new(year, month, 1).ok()?;
    let offset =
        (weekday.to_monday_zero_offset() - first.weekday().to_monday_zero_offset()).rem_euclid(7);
    first
        .checked_add(((offset + 7 * (n - 1)) as i64).days())
        .ok()
}

/// The last `weekday` of a month ("the last Monday of May").
fn last_weekday(year: i16, month: i8, weekday: Weekday) -> Option<Date> {
    let last = Date::new(year, month, 1).ok()?.last_of_month();
    let back =
        (last.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
    last.checked_sub((back as i64).days()).ok()
}

/// The next bank holiday in the employer's region: a weekday after `from` that is not
/// worked (within a year).
fn next_holiday(from: Date, cal: &WorkingDays) -> Option<Date> {
    (1..=366).find_map(|n| {
        let d = from.checked_add((n as i64).days()).ok()?;
        let weekday = !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
        (weekday && cal.holiday(d).is_some()).then_some(d)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_days_with_a_name() {
        let cal = WorkingDays::new("us", &[]).unwrap();
        let from = date(2026, 11, 2);
        let read =
            |w: &str, before| named_day(&w.split(' ').collect::<Vec<_>>(), from, &cal, before);
        assert_eq!(read("thanksgiving", false), Some(date(2026, 11, 26)));
        assert_eq!(read("after thanksgiving", false), Some(date(2026, 12, 4)));
        assert_eq!(read("thanksgiving", true), Some(date(2026, 11, 25)));
        assert_eq!(read("labor day", false), Some(date(2027, 9, 6)));
        assert_eq!(read("memorial day", false), Some(date(2027, 5, 31)));
        assert_eq!(read("4 of july", false), Some(date(2027, 7, 4)));
        assert_eq!(read("new year s eve", false), Some(date(2026, 12, 31)));
        // The next day off in the region: in the US after 2 November, Veterans Day.
        assert_eq!(read("bank holiday", false), Some(date(2026, 11, 11)));
        let gb = WorkingDays::new("gb-eng", &[]).unwrap();
        let words = ["after", "the", "bank", "holiday"];
        assert_eq!(
            named_day(&words, date(2027, 4, 20), &gb, false),
            // The early May bank holiday, Monday 3 May 2027: that week's Friday.
            Some(date(2027, 5, 7))
        );
        assert_eq!(read("christmas", false), None);
    }
}

//! Days with a name that people give a timeline by: "after Thanksgiving", "by Labor Day",
//! "before Memorial Day", "by the Fourth of July", "New Year's Eve", "after the bank
//! holiday" or "the long weekend" (the next one in the employer's region). "By" a day is
//! that day, "before" it the day before, "after" it the Friday of the week its next
//! working day is in (the week after, when that one is all but over): the latest date
//! each allows. Easter, a weekend of holidays, is read apart (`easter`).

use super::{Date, WorkingDays, friday_of, next_monday};
use jiff::ToSpan;
use jiff::civil::Weekday;

/// The date `words` (normalised, without the words that lead a phrase in) name, if they
/// name one of these days; `before` when the phrase said "before". "The Monday after
/// Thanksgiving" is the first Monday after it, "the Friday before Christmas Day" the last
/// Friday before it.
pub(super) fn named_day(
    words: &[&str],
    from: Date,
    cal: &WorkingDays,
    before: bool,
) -> Option<Date> {
    let words: Vec<&str> = words.iter().copied().filter(|w| *w != "the").collect();
    if let [d, side @ ("after" | "before"), name @ ..] = words.as_slice()
        && let Some(weekday) = super::weekday(d)
    {
        let day = day_named(name, from, cal)?;
        let nth = if *side == "after" { 1 } else { -1 };
        return day.nth_weekday(nth, weekday).ok();
    }
    let (after, name) = match words.as_slice() {
        ["after", rest @ ..] => (true, rest),
        rest => (false, rest),
    };
    let day = day_named(name, from, cal)?;
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

/// The next date (or this year's, a month past at most) of the day `name` names.
fn day_named(name: &[&str], from: Date, cal: &WorkingDays) -> Option<Date> {
    let fixed = |month: i8, day: i8| each_year(from, move |y| Date::new(y, month, day).ok());
    // "New Year's" alone is its day; "the new year" (said.rs) is the first weeks of it.
    if name == ["new", "year", "s"] {
        return fixed(1, 1);
    }
    // "Presidents' Day", "St. Patrick's Day": the possessive's "s" says nothing.
    let name: Vec<&str> = name
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "s" | "of" | "st" | "saint" | "jr"))
        .collect();
    match name.as_slice() {
        // Canada's is the second Monday of October.
        ["thanksgiving"] | ["thanksgiving", "day" | "break" | "weekend" | "holiday"]
            if cal.region().starts_with("ca") =>
        {
            each_year(from, |y| nth_weekday(y, 10, Weekday::Monday, 2))
        }
        ["thanksgiving"] | ["thanksgiving", "day" | "break" | "weekend" | "holiday"] => {
            each_year(from, thanksgiving)
        }
        ["black", "friday"] => each_year(from, |y| thanksgiving(y)?.checked_add(1.day()).ok()),
        ["cyber", "monday"] => each_year(from, |y| thanksgiving(y)?.checked_add(4.days()).ok()),
        ["labor" | "labour", "day"] | ["labor" | "labour", "day", "weekend"] => {
            each_year(from, |y| nth_weekday(y, 9, Weekday::Monday, 1))
        }
        ["memorial", "day"] | ["memorial", "day", "weekend"] => {
            each_year(from, |y| last_weekday(y, 5, Weekday::Monday))
        }
        ["martin", "luther", "king", "day"] | ["mlk", "day"] | ["mlk"] => {
            each_year(from, |y| nth_weekday(y, 1, Weekday::Monday, 3))
        }
        ["presidents" | "president", "day"] => {
            each_year(from, |y| nth_weekday(y, 2, Weekday::Monday, 3))
        }
        ["columbus", "day"] | ["indigenous", "peoples", "day"] => {
            each_year(from, |y| nth_weekday(y, 10, Weekday::Monday, 2))
        }
        // Canada's: the Monday before 25 May.
        ["victoria", "day"] => each_year(from, |y| {
            let may_24 = Date::new(y, 5, 24).ok()?;
            (0..7)
                .filter_map(|n| may_24.checked_sub((n as i64).days()).ok())
                .find(|d| d.weekday() == Weekday::Monday)
        }),
        ["fourth" | "4", "july"] | ["independence", "day"] => fixed(7, 4),
        ["juneteenth"] => fixed(6, 19),
        ["canada", "day"] => fixed(7, 1),
        ["australia", "day"] => fixed(1, 26),
        ["anzac", "day"] => fixed(4, 25),
        ["waitangi", "day"] => fixed(2, 6),
        ["veterans" | "veteran" | "remembrance", "day"] => fixed(11, 11),
        ["halloween"] => fixed(10, 31),
        ["valentine", "day"] | ["valentines", "day"] => fixed(2, 14),
        ["patrick", "day"] | ["patricks", "day"] | ["paddy", "day"] => fixed(3, 17),
        ["christmas" | "xmas", "eve"] => fixed(12, 24),
        ["christmas" | "xmas", "day"] => fixed(12, 25),
        ["boxing", "day"] => fixed(12, 26),
        ["new", "years" | "year", "eve"] | ["nye"] => fixed(12, 31),
        ["new", "year", "day"] | ["new", "years", "day"] | ["first", "year"] => fixed(1, 1),
        ["bank", "holiday"]
        | ["bank", "holiday", "weekend"]
        | ["next", "bank", "holiday"]
        | ["long", "weekend"]
        | ["next", "long", "weekend"] => next_holiday(from, cal),
        _ => None,
    }
}

/// The United States' Thanksgiving: the fourth Thursday of November.
pub(super) fn thanksgiving(year: i16) -> Option<Date> {
    nth_weekday(year, 11, Weekday::Thursday, 4)
}

/// Easter in the employer's region: "after Easter" (the first working day after Easter
/// Monday, or after Easter Sunday where Monday is worked), "by Easter" and "before Easter"
/// (the last working day before Easter Sunday: nobody decides over the holiday), "Good
/// Friday", "Easter Monday" (those days). The next Easter that has not gone by.
pub(super) fn easter(words: &[&str], from: Date, cal: &WorkingDays) -> Option<Date> {
    let words: Vec<&str> = words.iter().copied().filter(|w| *w != "the").collect();
    let holiday = |w: &str| matches!(w, "break" | "weekend" | "holiday" | "holidays");
    let last_working_before = |sunday: Date| -> Option<Date> {
        (1..=14)
            .filter_map(|n| sunday.checked_sub((n as i64).days()).ok())
            .find(|d| cal.is_working_day(*d))
    };
    let day = |sunday: Date| -> Option<Date> {
        match words.as_slice() {
            ["after", "easter"] | ["after", "easter", "monday"] => Some(cal.add(sunday, 1)),
            ["after", "easter", h] if holiday(h) => Some(cal.add(sunday, 1)),
            ["easter"] | ["easter", "sunday"] => last_working_before(sunday),
            ["easter", h] if holiday(h) => last_working_before(sunday),
            ["good", "friday"] => sunday.checked_sub(2.days()).ok(),
            ["easter", "monday"] => sunday.checked_add(1.day()).ok(),
            _ => None,
        }
    };
    (from.year()..=from.year() + 1)
        .filter_map(|year| day(easter_sunday(year)?))
        .find(|d| *d >= from)
}

/// The Gregorian Easter Sunday (the anonymous algorithm).
pub(super) fn easter_sunday(year: i16) -> Option<Date> {
    let y = year as i32;
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).ok()
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

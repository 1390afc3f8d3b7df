//! Dates in the employer's words: "within two weeks", "by 12 March", "end of next week",
//! "early April", "Friday", "by Easter" — read relative to the interview's date, in
//! the employer's region (working days, Easter), into the latest date the phrase allows.
//! A longer phrase ("we'll decide after the holidays, probably the second week of
//! December") is read for the dates inside it (said/scan.rs), and the latest wins.
//! A phrase this cannot read gives `None`: the caller keeps it and says it was not used.
//! When someone would start work is no date to wait for (said/starts.rs).
//! Spans ("within two weeks") are said/spans.rs; weeks and weekdays ("next week",
//! "Friday week") said/weeks.rs; the words phrases are made of (numbers, units, months,
//! weekdays) said/words.rs; the phrase made plain before it is read (lower case, times of
//! day out, "the twelfth" as "12") said/normal.rs.

use crate::calendar::WorkingDays;
use crate::model::Locale;
use jiff::ToSpan;
use jiff::civil::Date;

/// The date a phrase about the employer's timeline implies, counted from `said_on` (the
/// interview's day); a date in figures ("12/11") is read in the candidate's `locale`'s
/// order where the figures leave it open.
///
/// What it says of when someone would start ("someone to start in February") is left
/// out: a decision comes before a start (`start_from_phrase` reads that date).
pub fn date_from_phrase(
    phrase: &str,
    said_on: Date,
    cal: &WorkingDays,
    locale: &Locale,
) -> Option<Date> {
    match starts::split(phrase) {
        None => read(phrase, said_on, cal, locale),
        Some((rest, _)) => read(&rest, said_on, cal, locale),
    }
}

/// When the phrase says someone would start work ("we'd like someone to start in
/// February", "a start date in March"), that date; not a date to wait for.
pub fn start_from_phrase(
    phrase: &str,
    said_on: Date,
    cal: &WorkingDays,
    locale: &Locale,
) -> Option<Date> {
    let (_, starts) = starts::split(phrase)?;
    starts
        .iter()
        .filter_map(|clause| read(clause, said_on, cal, locale))
        .max()
}

/// The latest date `phrase` names, read whole or, failing that, from the runs of words
/// inside it.
fn read(phrase: &str, said_on: Date, cal: &WorkingDays, locale: &Locale) -> Option<Date> {
    let text = normalise(&numeric::spell_out(phrase, *locale == Locale::EnUs));
    let words: Vec<&str> = text.split_whitespace().collect();
    whole(&words, said_on, cal).or_else(|| scan::latest_inside(&words, said_on, cal))
}

/// No hiring decision is waited for longer than this after the day it was said.
pub const FAR_OFF_DAYS: i32 = 240;

/// Whether `date`, read from words said on `said_on`, is too far off to be when they
/// decide: a slip (a day just past read as next year's, the wrong month), and waiting for
/// it would mean never following up.
pub fn too_far_off(said_on: Date, date: Date) -> bool {
    (date - said_on).get_days() > FAR_OFF_DAYS
}

/// The date they gave, typed as a date (`2027-03-12`) or in their words ("end of next
/// week", read from `said_on` in `cal`'s region): what `--decide-by` takes. A typed date
/// before `said_on` is refused: nobody names a day already gone as when they will decide,
/// so it is a slip of the date (and would move the follow-up before the interview).
pub fn given_date(
    field: &str,
    text: &str,
    said_on: Date,
    cal: &WorkingDays,
    locale: &Locale,
) -> Result<Date, crate::InvalidValue> {
    // Written as a date, it is read as one: "2027-02-30" is refused, not read as words.
    if crate::when::written_as_a_date(text) {
        let date = crate::when::date(field, text)?;
        if date < said_on {
            return Err(crate::InvalidValue::new(
                field,
                format!(
                    "{} is before the day they said it ({}); give the date they will decide by",
                    date.strftime("%a %-d %b %Y"),
                    said_on.strftime("%a %-d %b %Y")
                ),
            ));
        }
        return Ok(date);
    }
    let date = date_from_phrase(text, said_on, cal, locale).ok_or_else(|| {
        crate::InvalidValue::new(
            field,
            format!(
                "'{text}' is neither a date (YYYY-MM-DD, e.g. 2027-03-12) nor words Followup can read as one (\"end of next week\", \"within two weeks\", \"by 12 March\")"
            ),
        )
    })?;
    crate::when::in_range(field, date)
}

/// The date a phrase names when the whole of it (after the words that introduce it) is
/// one date expression.
fn whole(words: &[&str], said_on: Date, cal: &WorkingDays) -> Option<Date> {
    let before = words.contains(&"before");
    let words = strip_lead(words);
    if words.is_empty() {
        return None;
    }
    // "before the new year" is by the year's end (after it, "the new year", is later).
    if before && matches!(words, ["new", "year"] | ["the", "new", "year"]) {
        return Date::new(said_on.year(), 12, 31).ok();
    }
    // "before the start of January" is by the end of December.
    if before
        && let ["start" | "beginning", "of", m] | ["the", "start" | "beginning", "of", m] = words
        && let Some(m) = month(m)
    {
        let first = next_date(said_on, m, 1, None)?;
        return first.checked_sub(1.day()).ok().filter(|d| *d >= said_on);
    }
    // "Before the 25th", "before Friday": the day before the one it names.
    let day_before = before && names_one_day(words);
    // "Before the summer" is by the end of the spring.
    if before && let Some(start) = periods::season_of_year_start(words, said_on, southern(cal)) {
        return start.yesterday().ok().filter(|d| *d >= said_on);
    }
    // A week of a month first: "the 3rd week of May" is no span of three weeks.
    periods::week_of_month(words, said_on)
        .or_else(|| spans::relative(words, said_on, cal))
        .or_else(|| named_days::easter(words, said_on, cal))
        .or_else(|| named_days::named_day(words, said_on, cal, before))
        .or_else(|| week_phrases(words, said_on))
        .or_else(|| periods::seasons(words, said_on, thanksgiving_ahead(cal, said_on)))
        .or_else(|| periods::season_of_year(words, said_on, southern(cal)))
        .or_else(|| month_phrases(words, said_on))
        .or_else(|| day_of_month(words, said_on))
        .or_else(|| weekday_phrase(words, said_on))
        .and_then(|d| {
            if day_before {
                d.checked_sub(1.day()).ok()
            } else {
                Some(d)
            }
        })
        .filter(|d| *d >= said_on)
}

/// Whether "the holidays" said on `said_on` may be Thanksgiving: in the United States,
/// before its fourth Thursday of November has gone (Canada's is in October).
fn thanksgiving_ahead(cal: &WorkingDays, said_on: Date) -> bool {
    cal.region() == "us"
        && named_days::thanksgiving(said_on.year()).is_some_and(|day| said_on <= day)
}

/// Whether the employer's region is south of the equator, where summer is at Christmas.
fn southern(cal: &WorkingDays) -> bool {
    ["au", "nz"].iter().any(|r| cal.region().starts_with(r))
}

/// Whether `words` name one day by its date or weekday ("the 25th", "Dec 25", "Friday",
/// "next Friday"), not a period ("the end of March") or a span ("two weeks").
fn names_one_day(words: &[&str]) -> bool {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "the" | "of" | "on" | "this" | "next" | "coming"))
        .collect();
    let day = |w: &str| day_number(w).is_some();
    words.iter().any(|w| day(w) || weekday(w).is_some())
        && words.iter().all(|w| {
            day(w) || weekday(w).is_some() || month(w).is_some() || year(Some(w)).is_some()
        })
}

/// Drops the words that only introduce the date ("we'll decide by", "within", "the").
fn strip_lead<'a, 'b>(words: &'b [&'a str]) -> &'b [&'a str] {
    const LEAD: &[&str] = &[
        "we",
        "ll",
        "will",
        "should",
        "hope",
        "to",
        "expect",
        "decide",
        "decision",
        "hear",
        "back",
        "get",
        "you",
        "let",
        "know",
        "a",
        "by",
        "before",
        "on",
        "the",
        "around",
        "about",
        "at",
        "latest",
        "until",
        "shortlist",
        "shortlisting",
        "make",
        "come",
        "in",
        "within",
    ];
    // "in"/"within"/"a" also start relative phrases: keep those ("within the next
    // fortnight" too).
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let starts_relative = matches!(w, "in" | "within" | "a")
            && (words
                .get(i + 1)
                .is_some_and(|n| number(n).is_some() || unit(n).is_some())
                || words[i + 1..].starts_with(&["the", "next"]));
        if starts_relative || !LEAD.contains(&w) {
            break;
        }
        i += 1;
    }
    &words[i..]
}

/// The first date on or after `from` in `month` on `day` (this year or next).
fn next_date(from: Date, month: i8, day: i8, year: Option<i16>) -> Option<Date> {
    if let Some(y) = year {
        return Date::new(y, month, day).ok();
    }
    let this = Date::new(from.year(), month, day).ok()?;
    if this >= from {
        Some(this)
    } else {
        Date::new(from.year() + 1, month, day).ok()
    }
}

/// "12 March", "March 12", "12 March 2027", "early April", "mid-April", "late April",
/// "end of March", "April".
fn month_phrases(words: &[&str], from: Date) -> Option<Date> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "the" | "of" | "in"))
        .collect();
    let last_day = |m: i8| -> Option<Date> {
        let this = Date::new(from.year(), m, 1).ok()?.last_of_month();
        if this >= from {
            Some(this)
        } else {
            Some(Date::new(from.year() + 1, m, 1).ok()?.last_of_month())
        }
    };
    // "Monday 8 March", "Mon, March 8": the date; the weekday only names it.
    let words = match words.as_slice() {
        [w, rest @ ..] if weekday(w).is_some() && rest.iter().any(|r| month(r).is_some()) => {
            rest.to_vec()
        }
        _ => words,
    };
    let day = day_number;
    match words.as_slice() {
        // "March 19 or 20", "19 or 20 March", "March 9-10" (the hyphen is a space by
        // now): the later day.
        [m, d, "or" | "to" | "and", e, ..] | [d, "or" | "to" | "and", e, m, ..]
            if month(m).is_some() && day(d).is_some() && day(e).is_some() =>
        {
            next_date(from, month(m)?, day(e)?, None)
        }
        [m, d, e] | [d, e, m] if month(m).is_some() && day(d) < day(e) && day(d).is_some() => {
            next_date(from, month(m)?, day(e)?, None)
        }
        // "15 March 2027"; not "March 15 and March 19", two dates the scan reads apart.
        [d, m, rest @ ..] | [m, d, rest @ ..]
            if month(m).is_some()
                && day(d).is_some()
                && rest
                    .iter()
                    .skip(usize::from(year(rest.first()).is_some()))
                    .all(|w| month(w).is_none() && day(w).is_none()) =>
        {
            next_date(from, month(m)?, day(d)?, year(rest.first()))
        }
        // "March-April", "March or April": by the end of the later.
        [a, b] | [a, "or" | "to" | "and", b] if month(a).is_some() && month(b).is_some() => {
            last_day(month(b)?)
        }
        ["early", m] | ["beginning", m] | ["start", m] if month(m).is_some() => {
            next_date(from, month(m)?, 10, None)
        }
        ["mid", m] | ["middle", m] if month(m).is_some() => next_date(from, month(m)?, 20, None),
        ["first", "half", m] if month(m).is_some() => next_date(from, month(m)?, 15, None),
        ["second", "half", m] if month(m).is_some() => last_day(month(m)?),
        ["late", m] | ["end", m] if month(m).is_some() => last_day(month(m)?),
        // "January 2027"
        [m, y] if month(m).is_some() && year(Some(y)).is_some() => Some(
            Date::new(year(Some(y))?, month(m)?, 1)
                .ok()?
                .last_of_month(),
        ),
        [m] if month(m).is_some() => last_day(month(m)?),
        _ => None,
    }
}

/// "the 12th" (the next 12th).
fn day_of_month(words: &[&str], from: Date) -> Option<Date> {
    let words: Vec<&str> = words.iter().copied().filter(|w| *w != "the").collect();
    // "the 12th of next month".
    if let [d, "of", "next", "month"] = words.as_slice() {
        let next = from.first_of_month().checked_add(1.month()).ok()?;
        let d = day_number(d)?;
        return Date::new(next.year(), next.month(), d).ok();
    }
    let [d] = words.as_slice() else { return None };
    // "By the 1st", said on the 1st, is the next month's.
    let after = from.checked_add(1.day()).ok()?;
    next_day_of_month(after, day_number(d)?)
}

/// The first date on or after `from` that falls on `day` of a month (within three months:
/// the 31st skips short ones).
fn next_day_of_month(from: Date, day: i8) -> Option<Date> {
    let mut month_start = from.first_of_month();
    for _ in 0..3 {
        if let Ok(date) = Date::new(month_start.year(), month_start.month(), day)
            && date >= from
        {
            return Some(date);
        }
        month_start = month_start.checked_add(1.month()).ok()?;
    }
    None
}

mod named_days;
mod normal;
mod numeric;
mod periods;
mod scan;
mod spans;
mod starts;
mod weeks;
mod words;
use normal::normalise;
use weeks::*;
use words::*;
/// What compose/meeting_day.rs reads a date written out with.
pub(crate) use words::{day_number, month};

#[cfg(test)]
mod tests;

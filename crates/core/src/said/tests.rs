use super::*;
use jiff::civil::date;

fn read(phrase: &str) -> Option<Date> {
    // Tue 2 Mar 2027, England.
    let cal = WorkingDays::new("gb-eng", &[]).unwrap();
    date_from_phrase(phrase, date(2027, 3, 2), &cal, &Locale::EnGb)
}

#[test]
fn relative_spans() {
    assert_eq!(read("within two weeks"), Some(date(2027, 3, 16)));
    assert_eq!(
        read("We'll decide within 2 weeks."),
        Some(date(2027, 3, 16))
    );
    assert_eq!(read("in a couple of weeks"), Some(date(2027, 3, 16)));
    assert_eq!(read("a fortnight"), Some(date(2027, 3, 16)));
    assert_eq!(read("within a week"), Some(date(2027, 3, 9)));
    assert_eq!(read("in 10 days"), Some(date(2027, 3, 12)));
    assert_eq!(read("within 5 working days"), Some(date(2027, 3, 9)));
    assert_eq!(read("in a few weeks"), Some(date(2027, 3, 23)));
    assert_eq!(read("within a month"), Some(date(2027, 4, 2)));
}

#[test]
fn dates_and_months() {
    assert_eq!(read("by 12 March"), Some(date(2027, 3, 12)));
    assert_eq!(read("by March 12th"), Some(date(2027, 3, 12)));
    assert_eq!(read("12th March 2027"), Some(date(2027, 3, 12)));
    assert_eq!(read("by the 12th"), Some(date(2027, 3, 12)));
    assert_eq!(read("by the 1st"), Some(date(2027, 4, 1)), "the next 1st");
    assert_eq!(read("early April"), Some(date(2027, 4, 10)));
    assert_eq!(read("mid-April"), Some(date(2027, 4, 20)));
    assert_eq!(read("late April"), Some(date(2027, 4, 30)));
    assert_eq!(read("end of March"), Some(date(2027, 3, 31)));
    assert_eq!(read("in April"), Some(date(2027, 4, 30)));
    assert_eq!(read("by 1 February"), Some(date(2028, 2, 1)), "next year's");
    // A day written as a word, where it reads as a date.
    assert_eq!(read("by the twelfth"), Some(date(2027, 3, 12)));
    assert_eq!(read("by the twelfth of March"), Some(date(2027, 3, 12)));
    assert_eq!(read("March fifteenth"), Some(date(2027, 3, 15)));
    assert_eq!(read("by the twenty-first"), Some(date(2027, 3, 21)));
    assert_eq!(
        read("on the thirty-first of March"),
        Some(date(2027, 3, 31))
    );
    assert_eq!(read("by the first of next month"), Some(date(2027, 4, 1)));
    assert_eq!(read("the twelfth or thirteenth"), Some(date(2027, 3, 13)));
    assert_eq!(
        read("we'll know by the fifteenth, hopefully"),
        Some(date(2027, 3, 15))
    );
    // ...and where it does not: a week, a round, a candidate.
    assert_eq!(read("the second week of March"), Some(date(2027, 3, 12)));
    assert_eq!(
        read("the third round is on the 20th"),
        Some(date(2027, 3, 20))
    );
    assert_eq!(
        read("the fifth candidate comes in next week"),
        Some(date(2027, 3, 12))
    );
    assert_eq!(read("by the first of the year"), Some(date(2028, 1, 1)));
    // Hyphens between figures with a year of four are a date's.
    assert_eq!(read("12-03-2027"), Some(date(2027, 3, 12)));
    // Two dates named in full: the later.
    assert_eq!(
        read("between March 15 and March 19"),
        Some(date(2027, 3, 19))
    );
    // A time of day is no day of the month.
    assert_eq!(read("by 5 pm on Friday"), Some(date(2027, 3, 5)));
    assert_eq!(read("by 17:00 on Friday"), Some(date(2027, 3, 5)));
    assert_eq!(read("Friday by 17.00"), Some(date(2027, 3, 5)));
    assert_eq!(read("at 10.30am on the 9th"), Some(date(2027, 3, 9)));
    assert_eq!(read("by 15.03"), Some(date(2027, 3, 15)));
    // Quarters in figures, business days in shorthand.
    assert_eq!(read("the 2nd quarter"), Some(date(2027, 6, 30)));
    assert_eq!(read("within 10 biz days"), Some(date(2027, 3, 16)));
    assert_eq!(read("3-5 WD"), Some(date(2027, 3, 9)));
    assert_eq!(read("by the end of H1"), Some(date(2027, 6, 30)));
    assert_eq!(read("H2"), Some(date(2027, 12, 31)));
    // British: a week (or fortnight) after the coming Friday.
    assert_eq!(read("a week Friday"), Some(date(2027, 3, 12)));
    assert_eq!(read("a fortnight Friday"), Some(date(2027, 3, 19)));
    // After a date named before it: early the week after, a weekday after.
    assert_eq!(
        read("meeting the last two on Thursday and Friday, so early the following week"),
        Some(date(2027, 3, 9))
    );
    assert_eq!(
        read("Final round is March 9-10; decisions the following Monday."),
        Some(date(2027, 3, 15))
    );
    assert_eq!(read("March 9-10"), Some(date(2027, 3, 10)));
    assert_eq!(read("another week or so"), Some(date(2027, 3, 9)));
    assert_eq!(read("nxt week"), Some(date(2027, 3, 12)));
    assert_eq!(read("in the next 24-48 hours"), Some(date(2027, 3, 4)));
    assert_eq!(read("24-48hrs"), Some(date(2027, 3, 4)));
    assert_eq!(read("fortnight today"), Some(date(2027, 3, 16)));
}

#[test]
fn weeks_and_weekdays() {
    assert_eq!(read("end of the week"), Some(date(2027, 3, 5)));
    assert_eq!(read("end of next week"), Some(date(2027, 3, 12)));
    assert_eq!(read("next week"), Some(date(2027, 3, 12)));
    assert_eq!(read("early next week"), Some(date(2027, 3, 9)));
    assert_eq!(read("Friday"), Some(date(2027, 3, 5)));
    assert_eq!(read("by Friday"), Some(date(2027, 3, 5)));
    assert_eq!(read("next Friday"), Some(date(2027, 3, 12)));
    assert_eq!(
        read("Tuesday"),
        Some(date(2027, 3, 9)),
        "not the day itself"
    );
    assert_eq!(read("end of the month"), Some(date(2027, 3, 31)));
    assert_eq!(read("by month-end"), Some(date(2027, 3, 31)));
    assert_eq!(
        read("by the end of the calendar month"),
        Some(date(2027, 3, 31))
    );
    assert_eq!(read("month end"), Some(date(2027, 3, 31)));
    assert_eq!(read("tomorrow"), Some(date(2027, 3, 3)));
    assert_eq!(read("by EOW"), Some(date(2027, 3, 5)));
    assert_eq!(read("EOM"), Some(date(2027, 3, 31)));
    assert_eq!(read("mid next week"), Some(date(2027, 3, 10)));
    assert_eq!(read("late next week"), Some(date(2027, 3, 12)));
}

#[test]
fn easter_counts_the_regions_easter_monday() {
    // Easter 2027 is Sunday 28 March; Easter Monday is a holiday in England.
    assert_eq!(read("after Easter"), Some(date(2027, 3, 30)));
    let scotland = WorkingDays::new("gb-sct", &[]).unwrap();
    assert_eq!(
        date_from_phrase("after Easter", date(2027, 3, 2), &scotland, &Locale::EnGb),
        Some(date(2027, 3, 29)),
        "Easter Monday is worked in Scotland"
    );
    assert_eq!(named_days::easter_sunday(2026), Some(date(2026, 4, 5)));
    assert_eq!(named_days::easter_sunday(2030), Some(date(2030, 4, 21)));
}

#[test]
fn unreadable_phrases_give_nothing() {
    for phrase in [
        "soon",
        "we'll see 2 or 3 more candidates",
        // How often or how long, not when.
        "the role is 3 days a week in the office",
        "24 hours a day",
        "a 4 day week",
        "we meet twice a week",
        "we'll be in touch",
        "",
        "when the budget is approved",
        "marketing",
    ] {
        assert_eq!(read(phrase), None, "{phrase}");
    }
}

#[test]
fn ranges_read_as_their_wider_end() {
    assert_eq!(read("2-3 weeks"), Some(date(2027, 3, 23)));
    assert_eq!(read("in two to three weeks"), Some(date(2027, 3, 23)));
    assert_eq!(read("one or two weeks"), Some(date(2027, 3, 16)));
    assert_eq!(read("a week or two"), Some(date(2027, 3, 16)));
    assert_eq!(read("in a day or two"), Some(date(2027, 3, 4)));
    assert_eq!(read("7-10 days"), Some(date(2027, 3, 12)));
}

#[test]
fn weeks_of_a_month() {
    // March 2027 starts on a Monday; December 2026 on a Tuesday; May 2027 on a Saturday.
    assert_eq!(read("the second week of March"), Some(date(2027, 3, 12)));
    assert_eq!(read("first week of April"), Some(date(2027, 4, 2)));
    assert_eq!(
        read("first week of May"),
        Some(date(2027, 5, 7)),
        "the first working week, not the weekend of the 1st"
    );
    assert_eq!(read("the last week of March"), Some(date(2027, 3, 31)));
    assert_eq!(
        read("the first week of January"),
        Some(date(2028, 1, 7)),
        "2028 starts on a Saturday: its first week is 3–7 January"
    );
    let cal = WorkingDays::new("gb-eng", &[]).unwrap();
    assert_eq!(
        date_from_phrase(
            "first week of January",
            date(2026, 12, 2),
            &cal,
            &Locale::EnGb
        ),
        Some(date(2027, 1, 8)),
        "2027 starts on a Friday: its first week is 4–8 January, not the 1st alone"
    );
    assert_eq!(read("the last week of April"), Some(date(2027, 4, 30)));
    assert_eq!(read("first week of next month"), Some(date(2027, 4, 2)));
    assert_eq!(read("the 3rd week of the month"), Some(date(2027, 3, 19)));
    assert_eq!(read("the week of the 15th"), Some(date(2027, 3, 19)));
    assert_eq!(read("the week of 22 March"), Some(date(2027, 3, 26)));
    assert_eq!(read("week of March 22nd"), Some(date(2027, 3, 26)));
    assert_eq!(read("the week after next"), Some(date(2027, 3, 19)));
    assert_eq!(
        read("first week of March"),
        Some(date(2027, 3, 5)),
        "this March's: its first week is not over on the 2nd"
    );
    assert_eq!(
        read("the first week of February"),
        Some(date(2028, 2, 4)),
        "a month already past is next year's"
    );
}

#[test]
fn holidays_quarters_and_the_year() {
    let cal = WorkingDays::new("us", &[]).unwrap();
    // Wed 25 Nov 2026, the day before Thanksgiving.
    let read_nov = |p: &str| date_from_phrase(p, date(2026, 11, 25), &cal, &Locale::EnGb);
    assert_eq!(read_nov("before Christmas"), Some(date(2026, 12, 24)));
    assert_eq!(
        read_nov("after the Christmas break"),
        Some(date(2027, 1, 9))
    );
    assert_eq!(
        read_nov("after the holidays"),
        None,
        "in November in the US, that may be Thanksgiving"
    );
    // Once Thanksgiving has gone, or where none is to come, the holidays in November are
    // Christmas's.
    let after_thanksgiving = |p: &str| date_from_phrase(p, date(2026, 11, 30), &cal, &Locale::EnUs);
    assert_eq!(
        after_thanksgiving("we'll circle back after the holidays"),
        Some(date(2027, 1, 9))
    );
    let gb = WorkingDays::new("gb-eng", &[]).unwrap();
    let ca = WorkingDays::new("ca-on", &[]).unwrap();
    for cal in [&gb, &ca] {
        let read = |p: &str| date_from_phrase(p, date(2026, 11, 16), cal, &Locale::EnGb);
        assert_eq!(read("before the holidays"), Some(date(2026, 12, 24)));
        assert_eq!(read("after the holidays"), Some(date(2027, 1, 9)));
    }
    let read_oct = |p: &str| date_from_phrase(p, date(2026, 10, 20), &gb, &Locale::EnGb);
    assert_eq!(
        read_oct("after the holidays"),
        None,
        "half term, in October"
    );
    let read_dec = |p: &str| date_from_phrase(p, date(2026, 12, 2), &cal, &Locale::EnGb);
    assert_eq!(read_dec("by the holidays"), Some(date(2026, 12, 24)));
    assert_eq!(
        read_dec("we'll be in touch after the holiday"),
        Some(date(2027, 1, 9))
    );
    assert_eq!(read_dec("before the holiday"), Some(date(2026, 12, 24)));
    assert_eq!(
        after_thanksgiving("after the holiday"),
        None,
        "on 30 November, the holiday may be the Thanksgiving just gone"
    );
    assert_eq!(read_dec("after the holidays"), Some(date(2027, 1, 9)));
    assert_eq!(read_nov("after Christmas"), Some(date(2027, 1, 9)));
    assert_eq!(read_nov("by the end of the year"), Some(date(2026, 12, 31)));
    assert_eq!(read_nov("end of the quarter"), Some(date(2026, 12, 31)));
    assert_eq!(read_nov("next quarter"), Some(date(2027, 3, 31)));
    assert_eq!(read_nov("end of Q1"), Some(date(2027, 3, 31)));
    assert_eq!(read_nov("early next month"), Some(date(2026, 12, 10)));
    assert_eq!(read_nov("mid next month"), Some(date(2026, 12, 20)));
    assert_eq!(
        read("after the holidays"),
        None,
        "which holidays, in March?"
    );
}

#[test]
fn dates_inside_a_longer_phrase() {
    let cal = WorkingDays::new("us", &[]).unwrap();
    let read_nov = |p: &str| date_from_phrase(p, date(2026, 11, 25), &cal, &Locale::EnGb);
    assert_eq!(
        read_nov("we'll decide after the holidays, probably the second week of December"),
        Some(date(2026, 12, 11)),
        "the date it names (the holidays, in November, may be Thanksgiving)"
    );
    assert_eq!(
        read("Jan said 2-3 weeks"),
        Some(date(2027, 3, 23)),
        "Jan is a name"
    );
    assert_eq!(
        read("we may decide within two weeks"),
        Some(date(2027, 3, 16)),
        "may is a verb"
    );
    assert_eq!(
        read("shortlist by the 12th and a final decision by the 20th"),
        Some(date(2027, 3, 20))
    );
    assert_eq!(
        read("3 more interviews this week, then a decision by mid-April"),
        Some(date(2027, 4, 20)),
        "a bare number is no day of the month"
    );
    assert_eq!(
        read("hoping to make an offer by May at the latest"),
        Some(date(2027, 5, 31))
    );
    assert_eq!(
        read("they'll call me Monday or Tuesday"),
        Some(date(2027, 3, 9))
    );
    assert_eq!(
        read("Sam said they'd decide by EOW"),
        Some(date(2027, 3, 5))
    );
    assert_eq!(
        read("Priya is away, back on the 15th; decision within a week of that"),
        Some(date(2027, 3, 15))
    );
    for vague in [
        "any day now",
        "we'll be in touch later in the week",
        "after a few more rounds",
        "the team will meet and decide",
        "June said they'd be in touch",
    ] {
        assert_eq!(read(vague), None, "{vague}");
    }
}

mod any_phrase {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "the",
        "of",
        "by",
        "in",
        "within",
        "a",
        "or",
        "to",
        "and",
        "next",
        "this",
        "week",
        "weeks",
        "day",
        "days",
        "month",
        "fortnight",
        "first",
        "second",
        "last",
        "early",
        "mid",
        "late",
        "end",
        "after",
        "before",
        "christmas",
        "holidays",
        "easter",
        "quarter",
        "q4",
        "year",
        "may",
        "jan",
        "march",
        "december",
        "friday",
        "monday",
        "tomorrow",
        "2",
        "3",
        "12th",
        "31st",
        "29",
        "366",
        "0",
        "two",
        "few",
        "couple",
        "-",
        ",",
        "new",
    ];

    proptest! {
        /// Any phrase made of date words, in any order, on any day: no panic, and a date
        /// only on or after the day it was said.
        #[test]
        fn reads_any_mix_of_date_words_without_panicking(
            picks in proptest::collection::vec(0..WORDS.len(), 0..12),
            offset in 0i32..36_500,
        ) {
            let phrase = picks.iter().map(|i| WORDS[*i]).collect::<Vec<_>>().join(" ");
            let said_on = date(2000, 1, 1).checked_add(jiff::Span::new().days(offset)).unwrap();
            let cal = WorkingDays::new("us", &[]).unwrap();
            if let Some(d) = date_from_phrase(&phrase, said_on, &cal, &Locale::EnGb) {
                prop_assert!(d >= said_on, "{phrase}: {d} before {said_on}");
            }
        }
    }
}

#[test]
fn phrases_people_use_that_were_misread() {
    // Each of these was read wrongly or not at all (from Tue 2 Mar 2027).
    assert_eq!(read("within the next fortnight"), Some(date(2027, 3, 16)));
    // "At the earliest" is "not before": the latest date the phrase allows, as ever.
    assert_eq!(read("April at the earliest"), Some(date(2027, 4, 30)));
    assert_eq!(
        read("probably April at the very earliest"),
        Some(date(2027, 4, 30))
    );
    assert_eq!(read("Friday at the earliest"), Some(date(2027, 3, 5)));
    assert_eq!(read("within 48 hours"), Some(date(2027, 3, 4)));
    assert_eq!(read("within 24 hours"), Some(date(2027, 3, 3)));
    // Hours inside a sentence, after "within" or "in"; not a length ("a two hour panel"),
    // which must not swallow the date after it either.
    assert_eq!(
        read("We'd hope to make an offer within 48 hours"),
        Some(date(2027, 3, 4))
    );
    assert_eq!(
        read("we'll get back to you in the next 24 hours or so"),
        Some(date(2027, 3, 3))
    );
    assert_eq!(read("it was a two hour panel"), None);
    assert_eq!(
        read("it was a two hour panel, decision next week"),
        Some(date(2027, 3, 12))
    );
    assert_eq!(
        read("a 3 day assessment, then a decision the week after next"),
        Some(date(2027, 3, 19))
    );
    // Half a unit more; the wider of two spans said one after the other.
    assert_eq!(
        read("We'll reach out in the next week and a half"),
        Some(date(2027, 3, 13))
    );
    assert_eq!(read("two and a half weeks"), Some(date(2027, 3, 20)));
    assert_eq!(
        read("they said a week, maybe ten days"),
        Some(date(2027, 3, 12))
    );
    // "That week" is the week of the date before it.
    assert_eq!(
        read("Final interviews are on the 9th and 10th, decisions by the end of that week"),
        Some(date(2027, 3, 12))
    );
    assert_eq!(read("in the coming days"), Some(date(2027, 3, 5)));
    assert_eq!(read("over the coming weeks"), Some(date(2027, 3, 23)));
    // British "Friday week": a week after the coming Friday (Fri 5 Mar).
    assert_eq!(read("Friday week"), Some(date(2027, 3, 12)));
    assert_eq!(read("by Friday week"), Some(date(2027, 3, 12)));
    assert_eq!(read("Monday week"), Some(date(2027, 3, 15)));
    assert_eq!(read("a week on Friday"), Some(date(2027, 3, 12)));
    assert_eq!(read("a week from Friday"), Some(date(2027, 3, 12)));
    assert_eq!(read("by Wednesday next week"), Some(date(2027, 3, 10)));
    assert_eq!(read("Wednesday of next week"), Some(date(2027, 3, 10)));
    assert_eq!(read("this coming Friday"), Some(date(2027, 3, 5)));
    // Before the new year is this year; in or after it, early January.
    assert_eq!(read("before the new year"), Some(date(2027, 12, 31)));
    assert_eq!(read("after the new year"), Some(date(2028, 1, 9)));
    // A choice of two is read as its later end.
    assert_eq!(read("next week or the week after"), Some(date(2027, 3, 19)));
    assert_eq!(read("this week or next"), Some(date(2027, 3, 12)));
    assert_eq!(read("in the next week or two"), Some(date(2027, 3, 16)));
    assert_eq!(read("the first half of April"), Some(date(2027, 4, 15)));
    assert_eq!(read("the second half of April"), Some(date(2027, 4, 30)));
    // What was read before is read as before.
    assert_eq!(read("next week"), Some(date(2027, 3, 12)));
    assert_eq!(read("within a week"), Some(date(2027, 3, 9)));
    assert_eq!(read("in a week or so"), Some(date(2027, 3, 9)));
    assert_eq!(read("in the next week"), Some(date(2027, 3, 9)));
    assert_eq!(read("in the next few weeks"), Some(date(2027, 3, 23)));
    assert_eq!(read("in the next 10 days"), Some(date(2027, 3, 12)));
    assert_eq!(read("over the next couple of days"), Some(date(2027, 3, 4)));
    assert_eq!(
        read("by the end of the week after next"),
        Some(date(2027, 3, 19))
    );
    assert_eq!(read("in 2 wks"), Some(date(2027, 3, 16)));
    assert_eq!(read("in the first quarter"), Some(date(2027, 3, 31)));
    assert_eq!(read("January 2028"), Some(date(2028, 1, 31)));
    assert_eq!(read("by Weds"), Some(date(2027, 3, 3)));
    assert_eq!(read("2wks"), Some(date(2027, 3, 16)));
    assert_eq!(read("in 10days"), Some(date(2027, 3, 12)));
    assert_eq!(read("tmrw"), Some(date(2027, 3, 3)));
    assert_eq!(read("a week tomorrow"), Some(date(2027, 3, 10)));
    assert_eq!(read("the Thursday after next"), Some(date(2027, 3, 11)));
    assert_eq!(read("early next year"), Some(date(2028, 1, 10)));
    assert_eq!(read("next Thursday or Friday"), Some(date(2027, 3, 12)));
    // The week after the date before it (Fri 5 Mar): Fri 12 Mar.
    assert_eq!(
        read("they're interviewing until Friday and will decide the week after"),
        Some(date(2027, 3, 12))
    );
    assert_eq!(
        read("final interviews on the 10th, a decision the following week"),
        Some(date(2027, 3, 19))
    );
    // "The week after next" is still from the interview.
    assert_eq!(
        read("decision the week after next"),
        Some(date(2027, 3, 19))
    );
}

#[test]
fn once_the_holidays_are_over_is_after_them() {
    let cal = WorkingDays::new("gb-eng", &[]).unwrap();
    let on = date(2026, 12, 1);
    let after = date_from_phrase("after the holidays", on, &cal, &Locale::EnGb);
    assert_eq!(after, Some(date(2027, 1, 9)));
    assert_eq!(
        date_from_phrase("once the holidays are over", on, &cal, &Locale::EnGb),
        after
    );
    assert_eq!(
        date_from_phrase("when Christmas is over", on, &cal, &Locale::EnGb),
        after
    );
}

#[test]
fn dates_in_figures_are_read_in_the_candidates_order() {
    let cal = WorkingDays::new("us", &[]).unwrap();
    let on = date(2026, 12, 1);
    let us = |p: &str| date_from_phrase(p, on, &cal, &Locale::EnUs);
    let gb = |p: &str| date_from_phrase(p, on, &cal, &Locale::EnGb);
    // A day over 12 says which is which, in either locale.
    assert_eq!(us("by 12/18"), Some(date(2026, 12, 18)));
    assert_eq!(gb("by 12/18"), Some(date(2026, 12, 18)));
    assert_eq!(gb("18/12"), Some(date(2026, 12, 18)));
    // Both could be the month: the locale says.
    assert_eq!(us("by 12/11"), Some(date(2026, 12, 11)));
    assert_eq!(gb("by 11/12"), Some(date(2026, 12, 11)));
    assert_eq!(us("decision on 1/8/2027"), Some(date(2027, 1, 8)));
    assert_eq!(gb("by 2026-12-18"), Some(date(2026, 12, 18)));
    // "2-3 weeks" and "3/4 weeks" are still spans, read at their far end.
    assert_eq!(gb("2-3 weeks"), Some(date(2026, 12, 22)));
    assert_eq!(us("3/4 weeks"), Some(date(2026, 12, 29)));
}

#[test]
fn days_with_a_name_and_the_day_it_was_said_on() {
    // Said on Tue 1 Dec 2026, in the US.
    let us = WorkingDays::new("us", &[]).unwrap();
    let said = |p: &str| date_from_phrase(p, date(2026, 12, 1), &us, &Locale::EnUs);
    // "By the 1st" said on the 1st is the next month's.
    assert_eq!(said("by the 1st"), Some(date(2027, 1, 1)));
    assert_eq!(said("by New Year's Eve"), Some(date(2026, 12, 31)));
    assert_eq!(said("before Labor Day"), Some(date(2027, 9, 5)));
    assert_eq!(
        said("we'll decide after Thanksgiving, hopefully"),
        Some(date(2026, 12, 4)),
        "Thanksgiving was last Thursday: the week after it, inside a longer phrase"
    );
    assert_eq!(said("by Thanksgiving"), None, "past: no date to wait for");
    assert_eq!(said("after Memorial Day"), Some(date(2027, 6, 4)));
    // In England, the next bank holiday after 2 March 2027 is Good Friday, 26 March.
    assert_eq!(read("by the bank holiday"), Some(date(2027, 3, 26)));
    assert_eq!(said("by the 12th of next month"), Some(date(2027, 1, 12)));
    assert_eq!(said("a fortnight on Monday"), Some(date(2026, 12, 21)));
    assert_eq!(said("decision wk commencing 7th"), Some(date(2026, 12, 11)));
    assert_eq!(said("offers w/c 14th December"), Some(date(2026, 12, 18)));
    assert_eq!(
        said("we'll be making offers the week commencing 14 December"),
        Some(date(2026, 12, 18))
    );
    assert_eq!(
        said("they want to decide before the start of January"),
        Some(date(2026, 12, 31))
    );
    assert_eq!(
        said("the role starts on 4 January"),
        None,
        "a start, not a decision"
    );
}

#[test]
fn a_typed_date_before_the_day_it_was_said_is_refused() {
    let cal = WorkingDays::new("gb-eng", &[]).unwrap();
    let given = |text: &str| given_date("decide-by", text, date(2027, 3, 2), &cal, &Locale::EnGb);
    let err = given("2026-11-01").unwrap_err();
    assert_eq!(err.field, "decide-by");
    assert!(
        err.problem
            .starts_with("Sun 1 Nov 2026 is before the day they said it (Tue 2 Mar 2027)"),
        "{}",
        err.problem
    );
    assert_eq!(
        given("2027-03-02").unwrap(),
        date(2027, 3, 2),
        "the day itself"
    );
    assert_eq!(given("end of next week").unwrap(), date(2027, 3, 12));
}

#[test]
fn a_date_most_of_a_year_off_is_too_far_to_wait_for() {
    let said_on = date(2027, 3, 2);
    assert!(!too_far_off(said_on, date(2027, 10, 28)), "240 days on");
    assert!(too_far_off(said_on, date(2027, 10, 29)));
    assert!(too_far_off(said_on, read("by 1 February").unwrap()));
}

#[test]
fn the_day_itself_and_the_days_around_it() {
    // Said on Tue 2 Mar 2027.
    for phrase in [
        "today",
        "later today",
        "by end of day",
        "EOD",
        "by end of business day",
    ] {
        assert_eq!(read(phrase), Some(date(2027, 3, 2)), "{phrase}");
    }
    assert_eq!(read("the day after tomorrow"), Some(date(2027, 3, 4)));
    assert_eq!(read("tomorrow or the day after"), Some(date(2027, 3, 4)));
    assert_eq!(read("the next business day"), Some(date(2027, 3, 3)));
    assert_eq!(read("in a business day or two"), Some(date(2027, 3, 4)));
    assert_eq!(read("midweek"), Some(date(2027, 3, 3)));
    assert_eq!(read("by the weekend"), Some(date(2027, 3, 5)));
    assert_eq!(read("before the weekend"), Some(date(2027, 3, 5)));
    assert_eq!(read("over the weekend"), Some(date(2027, 3, 7)));
    assert_eq!(read("after the weekend"), Some(date(2027, 3, 9)));
    assert_eq!(read("first thing next week"), Some(date(2027, 3, 9)));
    // "The coming week" is one week, "the coming days" a few.
    assert_eq!(read("in the coming week"), Some(date(2027, 3, 9)));
    assert_eq!(read("this coming week"), Some(date(2027, 3, 9)));
    assert_eq!(read("the coming days"), Some(date(2027, 3, 5)));
}

#[test]
fn a_weekday_with_a_day_of_the_month() {
    // The weekday says which 12th: Friday 12 March, not this Friday (the 5th).
    assert_eq!(read("Friday the 12th"), Some(date(2027, 3, 12)));
    assert_eq!(read("Fri 12th"), Some(date(2027, 3, 12)));
    assert_eq!(
        read("we'll know by Friday the 12th"),
        Some(date(2027, 3, 12))
    );
    assert_eq!(read("on Monday the 15th"), Some(date(2027, 3, 15)));
    assert_eq!(read("by Monday 8 March"), Some(date(2027, 3, 8)));
    assert_eq!(read("Mon, March 15"), Some(date(2027, 3, 15)));
    // The 2nd is next a Tuesday in November: a slip; the next 2nd is read.
    assert_eq!(read("Tuesday 2nd"), Some(date(2027, 4, 2)));
    assert_eq!(read("two weeks from Friday"), Some(date(2027, 3, 19)));
    assert_eq!(read("ten days after Monday"), Some(date(2027, 3, 18)));
}

#[test]
fn spans_as_people_write_them() {
    assert_eq!(read("in several weeks"), Some(date(2027, 3, 30)));
    assert_eq!(read("in 24hrs"), Some(date(2027, 3, 3)));
    assert_eq!(read("in 48 hrs"), Some(date(2027, 3, 4)));
    assert_eq!(read("a few more days"), Some(date(2027, 3, 5)));
    assert_eq!(read("a couple more weeks"), Some(date(2027, 3, 16)));
    assert_eq!(read("10 days to 2 weeks"), Some(date(2027, 3, 16)));
    assert_eq!(read("in 1.5 weeks"), Some(date(2027, 3, 13)));
    assert_eq!(read("by 15.03.2027"), Some(date(2027, 3, 15)));
    assert_eq!(read("by the 15.3."), Some(date(2027, 3, 15)));
    // "Of the month" is no span of a month.
    assert_eq!(read("by mid-month"), Some(date(2027, 3, 20)));
    assert_eq!(
        read("a decision by the middle of the month"),
        Some(date(2027, 3, 20))
    );
    assert_eq!(
        read("the latter half of the month"),
        Some(date(2027, 3, 31))
    );
    // The month after a span is what the span is part of.
    assert_eq!(read("the last few days of March"), Some(date(2027, 3, 31)));
}

#[test]
fn the_days_of_easter() {
    // Easter 2027 is Sunday 28 March; Good Friday and Easter Monday are holidays in
    // England, so "by Easter" is Maundy Thursday.
    assert_eq!(read("by Easter"), Some(date(2027, 3, 25)));
    assert_eq!(read("before the Easter break"), Some(date(2027, 3, 25)));
    assert_eq!(read("Good Friday"), Some(date(2027, 3, 26)));
    assert_eq!(read("Easter Monday"), Some(date(2027, 3, 29)));
    assert_eq!(read("after the Easter weekend"), Some(date(2027, 3, 30)));
    let us = WorkingDays::new("us", &[]).unwrap();
    assert_eq!(
        date_from_phrase("by Easter", date(2027, 3, 2), &us, &Locale::EnUs),
        Some(date(2027, 3, 26)),
        "Good Friday is worked in the US"
    );
    // Said after Easter, the next one.
    let cal = WorkingDays::new("gb-eng", &[]).unwrap();
    assert_eq!(
        date_from_phrase("Easter Monday", date(2027, 4, 10), &cal, &Locale::EnGb),
        Some(date(2028, 4, 17))
    );
    // The long weekend is the next bank holiday's: Good Friday's, so the week after it.
    assert_eq!(read("after the long weekend"), Some(date(2027, 4, 2)));
}

#[test]
fn a_decision_in_a_recruiters_sentence() {
    for (phrase, day) in [
        ("decision this Friday, maybe next", date(2027, 3, 12)),
        ("end of this week, start of next", date(2027, 3, 9)),
        ("by this Friday or next", date(2027, 3, 12)),
        ("this month or next", date(2027, 4, 30)),
        ("we'll call this Friday about next steps", date(2027, 3, 5)),
        (
            "We plan to make a decision within the week",
            date(2027, 3, 9),
        ),
        ("on or before the 19th", date(2027, 3, 19)),
        ("the 19th or 20th", date(2027, 3, 20)),
        ("by March 19 or 20", date(2027, 3, 20)),
        ("late April or early May", date(2027, 5, 10)),
        (
            "the panel meets twice a week, so a decision next week",
            date(2027, 3, 12),
        ),
        (
            "by the end of the week commencing 15th March",
            date(2027, 3, 19),
        ),
        (
            "Hopefully by Friday but could slip to Monday.",
            date(2027, 3, 8),
        ),
        (
            "Our hiring manager is on holiday until the 12th, so it'll be the week after that.",
            date(2027, 3, 19),
        ),
        (
            "You should hear from us within 5-7 business days.",
            date(2027, 3, 11),
        ),
        (
            "We want to move quickly, probably by the end of the week, and they'd start on the 1st of April",
            date(2027, 3, 5),
        ),
        (
            "the start date would be 3 May, decision mid-March",
            date(2027, 3, 20),
        ),
    ] {
        assert_eq!(read(phrase), Some(day), "{phrase}");
    }
}

#[test]
fn the_end_of_year_in_the_united_states() {
    // Said on Tue 17 Nov 2026, in the US; Thanksgiving is Thursday 26 November.
    let cal = WorkingDays::new("us", &[]).unwrap();
    let read = |p: &str| date_from_phrase(p, date(2026, 11, 17), &cal, &Locale::EnUs);
    for (phrase, day) in [
        ("after Black Friday", date(2026, 12, 4)),
        ("Cyber Monday", date(2026, 11, 30)),
        ("the Monday after Thanksgiving", date(2026, 11, 30)),
        ("the Friday before Christmas Day", date(2026, 12, 18)),
        ("by the first of the year", date(2027, 1, 1)),
        ("by the 1st of the year", date(2027, 1, 1)),
        ("after the 1st of the year", date(2027, 1, 8)),
        ("by the end of the business week", date(2026, 11, 20)),
        ("by the end of the work week", date(2026, 11, 20)),
        ("by the end of the calendar year", date(2026, 12, 31)),
        ("by New Year's", date(2027, 1, 1)),
        ("between Christmas and New Year", date(2026, 12, 31)),
        ("EOY", date(2026, 12, 31)),
        ("by MLK Day", date(2027, 1, 18)),
        ("after Presidents' Day", date(2027, 2, 19)),
        // "Before" a day is the day before it.
        ("before the 25th", date(2026, 11, 24)),
        ("before Dec 25", date(2026, 12, 24)),
        ("before Friday", date(2026, 11, 19)),
        ("before the end of the year", date(2026, 12, 31)),
    ] {
        assert_eq!(read(phrase), Some(day), "{phrase}");
    }
    // Veterans Day was last week: no date to wait for.
    assert_eq!(read("by Veterans Day"), None);
}

#[test]
fn more_weeks_months_and_the_seasons() {
    for (phrase, day) in [
        ("a week from tomorrow", date(2027, 3, 10)),
        ("by the end of the working week", date(2027, 3, 5)),
        ("later in the month", date(2027, 3, 31)),
        ("the first half of next week", date(2027, 3, 10)),
        ("March-April", date(2027, 4, 30)),
        ("March or April", date(2027, 4, 30)),
        ("not before Friday", date(2027, 3, 5)),
        ("before Friday", date(2027, 3, 4)),
        ("before the 12th", date(2027, 3, 11)),
        // The seasons, in the north.
        ("over the summer", date(2027, 8, 31)),
        ("before the summer", date(2027, 5, 31)),
        ("early summer", date(2027, 6, 30)),
        ("after the summer holidays", date(2027, 9, 10)),
        ("in the spring", date(2027, 5, 31)),
        (
            "we won't decide until after the summer holidays",
            date(2027, 9, 10),
        ),
        (
            "the team is away over the summer, so probably September",
            date(2027, 9, 30),
        ),
        (
            "a decision in early autumn, start in winter",
            date(2027, 9, 30),
        ),
    ] {
        assert_eq!(read(phrase), Some(day), "{phrase}");
    }
    // In New Zealand, the summer is at Christmas.
    let nz = WorkingDays::new("nz", &[]).unwrap();
    assert_eq!(
        date_from_phrase("after the summer", date(2026, 11, 20), &nz, &Locale::EnGb),
        Some(date(2027, 3, 10))
    );
    assert_eq!(
        date_from_phrase("over the summer", date(2027, 1, 12), &nz, &Locale::EnGb),
        Some(date(2027, 2, 28)),
        "this summer, said in it"
    );
}

#[test]
fn each_country_has_its_own_days() {
    let in_region = |region: &str, said: Date, phrase: &str| {
        let cal = WorkingDays::new(region, &[]).unwrap();
        date_from_phrase(phrase, said, &cal, &Locale::EnGb)
    };
    // Canada's Thanksgiving is the second Monday of October (11 Oct 2027), the United
    // States' the fourth Thursday of November.
    let oct_1 = date(2027, 10, 1);
    assert_eq!(
        in_region("ca-on", oct_1, "by Thanksgiving"),
        Some(date(2027, 10, 11))
    );
    assert_eq!(
        in_region("us", oct_1, "by Thanksgiving"),
        Some(date(2027, 11, 25))
    );
    assert_eq!(
        in_region("au-nsw", date(2027, 12, 20), "by Australia Day"),
        Some(date(2028, 1, 26))
    );
    assert_eq!(
        in_region("au-vic", date(2027, 4, 20), "by Anzac Day"),
        Some(date(2027, 4, 25))
    );
    assert_eq!(
        in_region("us", date(2027, 12, 20), "the first full week of January"),
        Some(date(2028, 1, 7))
    );
}

#[test]
fn a_date_typed_that_the_calendar_has_not_is_refused() {
    let cal = WorkingDays::new("gb-eng", &[]).unwrap();
    let given = |t: &str| given_date("decide-by", t, date(2027, 1, 5), &cal, &Locale::EnGb);
    // Before, "2027-02-30" was read as words ("February 2027") and became 28 February.
    assert!(
        given("2027-02-30")
            .unwrap_err()
            .problem
            .contains("February 2027 has 28 days")
    );
    assert!(given("31/02/2027").is_err());
    assert_eq!(given("2027-02-28"), Ok(date(2027, 2, 28)));
    // In a timeline, such a date is no date: the phrase is kept and not used.
    assert_eq!(read("by 31/02/2027"), None);
}

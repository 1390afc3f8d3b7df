use super::*;
use jiff::civil::date;

fn read(phrase: &str) -> Option<Date> {
    // Tue 2 Mar 2027, England.
    let cal = WorkingDays::new("gb-eng", &[]).unwrap();
    date_from_phrase(phrase, date(2027, 3, 2), &cal)
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
    assert_eq!(read("tomorrow"), Some(date(2027, 3, 3)));
}

#[test]
fn easter_counts_the_regions_easter_monday() {
    // Easter 2027 is Sunday 28 March; Easter Monday is a holiday in England.
    assert_eq!(read("after Easter"), Some(date(2027, 3, 30)));
    let scotland = WorkingDays::new("gb-sct", &[]).unwrap();
    assert_eq!(
        date_from_phrase("after Easter", date(2027, 3, 2), &scotland),
        Some(date(2027, 3, 29)),
        "Easter Monday is worked in Scotland"
    );
    assert_eq!(easter_sunday(2026), Some(date(2026, 4, 5)));
    assert_eq!(easter_sunday(2030), Some(date(2030, 4, 21)));
}

#[test]
fn unreadable_phrases_give_nothing() {
    for phrase in [
        "soon",
        "we'll be in touch",
        "",
        "when the budget is approved",
        "marketing",
    ] {
        assert_eq!(read(phrase), None, "{phrase}");
    }
}

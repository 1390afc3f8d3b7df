//! Days an adviser would not choose for a follow-up although they are working days: the
//! days between Christmas Eve and New Year, the Friday after US Thanksgiving, and bridge
//! days (a Monday before a Tuesday holiday, a Friday after a Thursday one), when many
//! people are away and a call lands badly. The plan moves off them and says why; the
//! setting `plan.avoid-seasons off` turns this off.

use crate::calendar::WorkingDays;
use jiff::civil::{Date, Weekday};

/// Why `day` is a poor day to get in touch, in the calendar of `cal`'s region.
pub fn avoided(day: Date, cal: &WorkingDays) -> Option<String> {
    if (day.month() == 12 && day.day() >= 24) || (day.month() == 1 && day.day() == 1) {
        return Some("between Christmas Eve and New Year, when many are away".into());
    }
    if cal.region() == "us" && is_day_after_thanksgiving(day) {
        return Some("the day after Thanksgiving, when many are away".into());
    }
    let next = day.tomorrow().ok();
    let previous = day.yesterday().ok();
    match day.weekday() {
        Weekday::Monday => next.and_then(|d| cal.holiday(d)).map(|name| {
            format!(
                "a bridge day before {name} in {}, when many are away",
                cal.region()
            )
        }),
        Weekday::Friday => previous.and_then(|d| cal.holiday(d)).map(|name| {
            format!(
                "a bridge day after {name} in {}, when many are away",
                cal.region()
            )
        }),
        _ => None,
    }
}

/// The Friday after the fourth Thursday of November.
fn is_day_after_thanksgiving(day: Date) -> bool {
    if day.month() != 11 || day.weekday() != Weekday::Friday {
        return false;
    }
    // The fourth Thursday falls on the 22nd to the 28th, so the Friday on the 23rd–29th.
    (23..=29).contains(&day.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn christmas_week_thanksgiving_friday_and_bridge_days_are_avoided() {
        let us = WorkingDays::new("us", &[]).unwrap();
        let de = WorkingDays::new("de", &[]).unwrap();
        let gb = WorkingDays::new("gb-eng", &[]).unwrap();
        assert!(avoided(date(2026, 12, 29), &gb).is_some());
        assert!(avoided(date(2027, 1, 1), &us).is_some());
        assert!(avoided(date(2027, 1, 4), &gb).is_none(), "back to work");
        assert!(avoided(date(2026, 12, 23), &gb).is_none());
        // Thanksgiving 2026 is Thu 26 Nov: Fri 27 Nov, in the US only.
        assert!(
            avoided(date(2026, 11, 27), &us)
                .unwrap()
                .contains("Thanksgiving")
        );
        assert!(avoided(date(2026, 11, 27), &gb).is_none());
        assert!(avoided(date(2026, 11, 20), &us).is_none());
        // Ascension Day 2027 is Thu 6 May in Germany: Fri 7 May is a bridge day.
        assert!(
            avoided(date(2027, 5, 7), &de)
                .unwrap()
                .contains("bridge day")
        );
        assert!(avoided(date(2027, 5, 5), &de).is_none());
    }
}

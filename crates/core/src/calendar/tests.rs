use super::*;
use jiff::civil::date;
use proptest::prelude::*;

fn cal(region: &str) -> WorkingDays {
    WorkingDays::new(region, &[]).unwrap()
}

#[test]
fn christmas_2026_differs_between_england_and_scotland() {
    // Thu 24 Dec 2026. Both: Fri 25 Christmas, Mon 28 Boxing Day (observed),
    // Fri 1 Jan. Scotland also: Mon 4 Jan 2027 (2 January, observed).
    let eve = date(2026, 12, 24);
    assert_eq!(cal("gb-eng").add(eve, 5), date(2027, 1, 5));
    assert_eq!(cal("gb-wls").add(eve, 5), date(2027, 1, 5));
    assert_eq!(cal("gb-sct").add(eve, 5), date(2027, 1, 6));
    assert_eq!(cal("gb-nir").add(eve, 5), date(2027, 1, 5));
    assert_eq!(
        cal("gb-sct").holiday(date(2027, 1, 4)),
        Some("New Year Holiday (observed)")
    );
}

#[test]
fn christmas_on_a_weekend_moves_to_substitute_days() {
    // 2027: Christmas Sat, Boxing Day Sun -> Mon 27 and Tue 28 Dec.
    for region in ["gb-eng", "gb-sct", "gb-nir"] {
        let c = cal(region);
        assert!(!c.is_working_day(date(2027, 12, 27)), "{region}");
        assert!(!c.is_working_day(date(2027, 12, 28)), "{region}");
        assert_eq!(
            c.next_working_day(date(2027, 12, 24)),
            date(2027, 12, 29),
            "{region}"
        );
    }
}

#[test]
fn easter_and_st_patricks_day() {
    // Easter 2027: Good Friday 26 Mar, Easter Monday 29 Mar.
    let eng = cal("gb-eng");
    assert!(!eng.is_working_day(date(2027, 3, 26)));
    assert!(!eng.is_working_day(date(2027, 3, 29)));
    assert_eq!(eng.add(date(2027, 3, 25), 1), date(2027, 3, 30));
    // Scotland has Good Friday but not Easter Monday.
    assert!(cal("gb-sct").is_working_day(date(2027, 3, 29)));
    // St Patrick's Day (Wed 17 Mar 2027) only in Northern Ireland.
    assert!(!cal("gb-nir").is_working_day(date(2027, 3, 17)));
    assert!(eng.is_working_day(date(2027, 3, 17)));
    let tue = date(2027, 3, 16);
    assert_eq!(cal("gb-nir").add(tue, 5), date(2027, 3, 24));
    assert_eq!(eng.add(tue, 5), date(2027, 3, 23));
}

#[test]
fn us_observed_days() {
    let us = cal("us");
    // Independence Day 2026 is a Saturday: observed Friday 3 July.
    assert!(!us.is_working_day(date(2026, 7, 3)));
    // Juneteenth 2027 is a Saturday: observed Friday 18 June.
    assert!(!us.is_working_day(date(2027, 6, 18)));
    // Thanksgiving 2026: Thursday 26 November.
    assert_eq!(us.add(date(2026, 11, 25), 1), date(2026, 11, 27));
}

#[test]
fn provinces_states_and_lander_keep_their_own_days() {
    // Boxing Day 2026 is a Saturday: Ontario observes it on Monday 28 December; Canada's
    // national list has Christmas alone. From Fri 18 Dec, 5 working days on: Ontario
    // skips 25 and 28 Dec and 1 Jan, the national list 25 Dec and 1 Jan.
    let fri = date(2026, 12, 18);
    assert!(!cal("ca-on").is_working_day(date(2026, 12, 28)));
    assert!(cal("ca").is_working_day(date(2026, 12, 28)));
    assert_eq!(cal("ca-on").add(fri, 5), date(2026, 12, 29));
    assert_eq!(cal("ca").add(fri, 5), date(2026, 12, 28));
    // Saint-Jean-Baptiste (Wed 24 June 2026) in Quebec alone.
    assert!(!cal("ca-qc").is_working_day(date(2026, 6, 24)));
    assert!(cal("ca-on").is_working_day(date(2026, 6, 24)));
    // Corpus Christi (Thu 4 June 2026) in Bavaria, not in Berlin; Melbourne Cup Day (Tue
    // 3 Nov 2026) in Victoria, not in New South Wales.
    assert!(!cal("de-by").is_working_day(date(2026, 6, 4)));
    assert!(cal("de-be").is_working_day(date(2026, 6, 4)));
    assert!(!cal("au-vic").is_working_day(date(2026, 11, 3)));
    assert!(cal("au-nsw").is_working_day(date(2026, 11, 3)));
}

#[test]
fn every_known_region_has_a_table_and_the_table_no_other_region() {
    let table = HolidayTable::shipped();
    for (code, _) in crate::place::REGIONS {
        assert!(
            table.valid_through(code).is_some(),
            "{code} has no valid_through"
        );
        assert!(
            WorkingDays::new(code, &[])
                .unwrap()
                .holiday(date(2026, 12, 25))
                .is_some()
                || code.starts_with("in"),
            "{code} has no Christmas"
        );
    }
    assert_eq!(table.regions().count(), crate::place::REGIONS.len());
    // Every line of the table is a day of its region, parsed (a region is parsed on first
    // use: this is where a malformed line would show).
    let lines = TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .count();
    let days: usize = table.regions().map(|r| table.days(r).count()).sum();
    assert_eq!(days, lines);
}

#[test]
fn one_off_days_are_in_the_table() {
    assert_eq!(
        cal("gb-eng").holiday(date(2022, 9, 19)),
        Some("State Funeral of Queen Elizabeth II")
    );
}

#[test]
fn imported_years_replace_the_table_and_user_days_add() {
    let own = vec![
        Holiday {
            region: "gb-eng".into(),
            date: date(2027, 1, 1),
            name: "New Year's Day".into(),
            source: "file".into(),
        },
        Holiday {
            region: "gb-eng".into(),
            date: date(2026, 6, 8),
            name: "Company day".into(),
            source: "user".into(),
        },
    ];
    let c = WorkingDays::new("gb-eng", &own).unwrap();
    assert!(
        c.is_working_day(date(2027, 3, 26)),
        "2027 now comes from the file only"
    );
    assert!(!c.is_working_day(date(2027, 1, 1)));
    assert!(!c.is_working_day(date(2026, 6, 8)));
    assert!(
        !c.is_working_day(date(2026, 12, 25)),
        "2026 still from the table"
    );
}

#[test]
fn outside_the_fast_span_the_answer_is_the_same_kind() {
    let c = cal("gb-eng");
    assert_eq!(c.add(date(2050, 1, 7), 1), date(2050, 1, 10));
    assert!(!c.covers(date(2050, 1, 7)));
    assert!(c.covers(date(2045, 1, 7)));
    assert!(!cal("in").covers(date(2040, 1, 1)));
    assert_eq!(c.between(date(2026, 12, 24), date(2027, 1, 5)), 5);
}

#[test]
fn day_numbers_match_jiff() {
    let epoch = date(1970, 1, 1);
    for d in [
        date(2015, 1, 1),
        date(2024, 2, 29),
        date(2046, 12, 31),
        date(1969, 12, 31),
    ] {
        assert_eq!(day_number(d), d.since(epoch).unwrap().get_days() as i64);
    }
}

const REGIONS: [&str; 5] = ["gb-eng", "gb-sct", "gb-nir", "us", "de"];

fn any_date() -> impl Strategy<Value = Date> {
    (0i64..13_000).prop_map(|n| {
        date(2014, 6, 1)
            .checked_add(jiff::Span::new().days(n))
            .unwrap()
    })
}

proptest! {
    #[test]
    fn add_is_monotonic(a in any_date(), b in any_date(), n in 0u32..40, r in 0usize..5) {
        let c = cal(REGIONS[r]);
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(c.add(lo, n) <= c.add(hi, n));
    }

    #[test]
    fn add_never_lands_on_a_non_working_day(d in any_date(), n in 1u32..40, r in 0usize..5) {
        let c = cal(REGIONS[r]);
        let got = c.add(d, n);
        prop_assert!(c.is_working_day(got));
        prop_assert!(got > d);
        prop_assert_eq!(c.between(d, got), n);
    }

    #[test]
    fn add_composes_from_a_working_day(d in any_date(), a in 0u32..30, b in 0u32..30, r in 0usize..5) {
        let c = cal(REGIONS[r]);
        let d = c.this_or_next(d);
        prop_assert_eq!(c.add(d, a + b), c.add(c.add(d, a), b));
    }

    #[test]
    fn fast_and_slow_paths_agree(d in any_date(), n in 1u32..40, r in 0usize..5) {
        let c = cal(REGIONS[r]);
        prop_assert_eq!(c.add(d, n), c.add_slowly(d, n));
    }
}

//! Working days: weekends plus a region's bank holidays. The shipped table
//! (`data/holidays.tsv`, generated from the PyPI `holidays` package) is merged with the
//! user's own days: an imported calendar (GOV.UK `bank-holidays.json`, an .ics file)
//! replaces the table for the regions and years it covers; days added by hand are added.
//!
//! `WorkingDays::add` is the hot path (the plan calls it for every interview, the agenda
//! for every step), so each calendar precomputes, for 2015–2046, how many working days
//! precede each date and the date of the n-th working day: `add` is two array reads.

use crate::InvalidValue;
use jiff::civil::{Date, Weekday};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/holidays.tsv");

/// The span the fast path covers; outside it `add` walks day by day.
const FIRST_YEAR: i16 = 2015;
const LAST_YEAR: i16 = 2046;

/// A bank holiday (or a day the user says is one) in a region.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Holiday {
    pub region: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    pub name: String,
    /// Where it came from: "table"; "file" (an imported calendar that replaces the
    /// table's years it covers); "import" (an imported calendar's days, added); "user".
    pub source: String,
}

/// The shipped holiday table. Its headers are read once; a region's days are parsed the
/// first time the region is asked for: the table holds some 16,000 days in 50 regions,
/// a command needs one or two, and parsing them all took longer than the rest of
/// `workdays add`.
pub struct HolidayTable {
    pub generator: String,
    valid_through: HashMap<String, Date>,
    days: HashMap<&'static str, Region>,
}

/// One region's lines of the table (runs of whole lines), and its days once parsed.
struct Region {
    runs: Vec<(usize, usize)>,
    days: OnceLock<BTreeMap<Date, String>>,
}

impl HolidayTable {
    pub fn shipped() -> &'static HolidayTable {
        static TABLE_ONCE: OnceLock<HolidayTable> = OnceLock::new();
        TABLE_ONCE.get_or_init(|| HolidayTable::index(TABLE).expect("the shipped table parses"))
    }

    /// The headers, and where each region's lines are.
    fn index(text: &'static str) -> Result<HolidayTable, String> {
        let mut table = HolidayTable {
            generator: String::new(),
            valid_through: HashMap::new(),
            days: HashMap::new(),
        };
        let mut at = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            let start = at;
            at += line.len();
            let line = line.trim_end_matches(['\n', '\r']);
            if let Some(meta) = line.strip_prefix("# generator: ") {
                table.generator = meta.to_string();
            } else if let Some(meta) = line.strip_prefix("# valid_through\t") {
                let (region, date) = meta.split_once('\t').ok_or(format!("line {}", i + 1))?;
                let date = date.parse().map_err(|e| format!("line {}: {e}", i + 1))?;
                table.valid_through.insert(region.to_string(), date);
            } else if !line.starts_with('#') && !line.is_empty() {
                let region = line
                    .split_once('\t')
                    .ok_or(format!("line {}: expected region, date, name", i + 1))?
                    .0;
                let runs = &mut table
                    .days
                    .entry(region)
                    .or_insert_with(|| Region {
                        runs: Vec::new(),
                        days: OnceLock::new(),
                    })
                    .runs;
                match runs.last_mut() {
                    Some((_, end)) if *end == start => *end = at,
                    _ => runs.push((start, at)),
                }
            }
        }
        Ok(table)
    }

    /// A region's days, parsed on first use. A malformed line is a bug in the generated
    /// table, which a test parses whole.
    fn region_days(&self, region: &str) -> Option<&BTreeMap<Date, String>> {
        let entry = self.days.get(region)?;
        Some(entry.days.get_or_init(|| {
            let mut days = BTreeMap::new();
            for &(a, b) in &entry.runs {
                for line in TABLE[a..b].lines() {
                    let mut parts = line.splitn(3, '\t');
                    let (Some(_), Some(date), Some(name)) =
                        (parts.next(), parts.next(), parts.next())
                    else {
                        panic!("the shipped holiday table's line '{line}' has no date and name");
                    };
                    let date: Date = date
                        .parse()
                        .unwrap_or_else(|e| panic!("the shipped holiday table's '{line}': {e}"));
                    days.insert(date, name.to_string());
                }
            }
            days
        }))
    }

    /// The last day the table vouches for in `region`.
    pub fn valid_through(&self, region: &str) -> Option<Date> {
        self.valid_through.get(region).copied()
    }

    /// The regions the table has days for.
    pub fn regions(&self) -> impl Iterator<Item = &str> {
        self.days.keys().copied()
    }

    pub fn days(&self, region: &str) -> impl Iterator<Item = (Date, &str)> {
        self.region_days(region)
            .into_iter()
            .flat_map(|days| days.iter().map(|(d, n)| (*d, n.as_str())))
    }
}

/// The holidays of `region` after the user's days are applied: a year that an imported
/// file covers takes the file's days instead of the table's; days the user added count too.
pub fn holidays_for(region: &str, own: &[Holiday]) -> BTreeMap<Date, String> {
    let own: Vec<&Holiday> = own.iter().filter(|h| h.region == region).collect();
    let replaced_years: Vec<i16> = own
        .iter()
        .filter(|h| h.source == "file")
        .map(|h| h.date.year())
        .collect();
    let mut days: BTreeMap<Date, String> = HolidayTable::shipped()
        .days(region)
        .filter(|(d, _)| !replaced_years.contains(&d.year()))
        .map(|(d, n)| (d, n.to_string()))
        .collect();
    for h in own {
        days.entry(h.date)
            .and_modify(|name| {
                if !name.contains(&h.name) {
                    *name = format!("{name}; {}", h.name);
                }
            })
            .or_insert_with(|| h.name.clone());
    }
    days
}

/// Working days in one region: Monday to Friday, less its holidays.
pub struct WorkingDays {
    region: String,
    holidays: BTreeMap<Date, String>,
    valid_through: Option<Date>,
    start: Date,
    /// `before[i]`: working days strictly before day `i` of the span (one extra entry at
    /// the end holds the span's total).
    before: Vec<u32>,
    /// `nth[k]`: the (k+1)-th working day of the span.
    nth: Vec<Date>,
}

impl WorkingDays {
    /// The calendar of `region` with the user's own days applied.
    pub fn new(region: &str, own: &[Holiday]) -> Result<WorkingDays, InvalidValue> {
        let region = crate::place::region("region", region)?;
        let holidays = holidays_for(&region, own);
        let valid_through = HolidayTable::shipped()
            .valid_through(&region)
            .map(|table_end| {
                // A file the user imported vouches for the years it covers.
                own.iter()
                    .filter(|h| h.region == region && h.source == "file")
                    .map(|h| Date::new(h.date.year(), 12, 31).expect("valid"))
                    .fold(table_end, Date::max)
            });
        Ok(WorkingDays::from_holidays(region, holidays, valid_through))
    }

    fn from_holidays(
        region: String,
        holidays: BTreeMap<Date, String>,
        valid_through: Option<Date>,
    ) -> Self {
        let start = Date::new(FIRST_YEAR, 1, 1).expect("valid");
        let end = Date::new(LAST_YEAR, 12, 31).expect("valid");
        let mut before = Vec::with_capacity(11_700);
        let mut nth = Vec::with_capacity(8_400);
        let mut day = start;
        while day <= end {
            before.push(nth.len() as u32);
            if is_weekday(day) && !holidays.contains_key(&day) {
                nth.push(day);
            }
            day = day.tomorrow().expect("in range");
        }
        before.push(nth.len() as u32);
        WorkingDays {
            region,
            holidays,
            valid_through,
            start,
            before,
            nth,
        }
    }

    pub fn region(&self) -> &str {
        &self.region
    }

    /// The holiday's name, if `date` is one here.
    pub fn holiday(&self, date: Date) -> Option<&str> {
        self.holidays.get(&date).map(String::as_str)
    }

    pub fn holidays_in(&self, year: i16) -> impl Iterator<Item = (Date, &str)> {
        self.holidays
            .iter()
            .filter(move |(d, _)| d.year() == year)
            .map(|(d, n)| (*d, n.as_str()))
    }

    pub fn is_working_day(&self, date: Date) -> bool {
        is_weekday(date) && !self.holidays.contains_key(&date)
    }

    /// Whether the holiday data vouches for `date` (past it, only weekends are known).
    pub fn covers(&self, date: Date) -> bool {
        self.valid_through.is_some_and(|end| date <= end)
    }

    /// The `n`-th working day after `date` (`n = 0` gives `date` back).
    pub fn add(&self, date: Date, n: u32) -> Date {
        if n == 0 {
            return date;
        }
        if let Some(i) = self.index(date) {
            let k = self.before[i + 1] as usize + n as usize - 1;
            if let Some(day) = self.nth.get(k) {
                return *day;
            }
        }
        self.add_slowly(date, n)
    }

    /// The first working day after `date`.
    pub fn next_working_day(&self, date: Date) -> Date {
        self.add(date, 1)
    }

    /// `date` if it is a working day, else the next one.
    pub fn this_or_next(&self, date: Date) -> Date {
        if self.is_working_day(date) {
            date
        } else {
            self.next_working_day(date)
        }
    }

    /// Working days in `from..to` (after `from`, up to and including `to`).
    pub fn between(&self, from: Date, to: Date) -> u32 {
        if to <= from {
            return 0;
        }
        match (self.index(from), self.index(to)) {
            (Some(a), Some(b)) => self.before[b + 1] - self.before[a + 1],
            _ => {
                let (mut n, mut day) = (0, from);
                while day < to {
                    day = day.tomorrow().expect("in range");
                    n += u32::from(self.is_working_day(day));
                }
                n
            }
        }
    }

    fn index(&self, date: Date) -> Option<usize> {
        let i = day_number(date) - day_number(self.start);
        (i >= 0 && (i as usize) < self.before.len() - 1).then_some(i as usize)
    }

    fn add_slowly(&self, mut date: Date, mut n: u32) -> Date {
        while n > 0 {
            date = date.tomorrow().expect("dates stay in jiff's range");
            if self.is_working_day(date) {
                n -= 1;
            }
        }
        date
    }
}

fn is_weekday(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil): plain integer arithmetic,
/// much cheaper than a calendar subtraction on the hot path.
fn day_number(date: Date) -> i64 {
    let (y, m, d) = (date.year() as i64, date.month() as i64, date.day() as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests;

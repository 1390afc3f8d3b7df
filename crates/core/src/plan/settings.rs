//! The user's choices about timing (`plan.*` settings), read and checked.

use super::*;

/// The user's choices about timing; `Default` is domain.md's defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSettings {
    pub cadence: Cadence,
    /// Days a call is best made on; other working days are used when these are far.
    pub preferred_days: Vec<Weekday>,
    /// Local call windows, best first.
    pub call_windows: Vec<(Time, Time)>,
    pub business_hours: (Time, Time),
    /// Move follow-ups off the days an adviser would avoid (crate::seasons).
    pub avoid_seasons: bool,
}

impl Default for PlanSettings {
    fn default() -> Self {
        Self {
            cadence: Cadence::Standard,
            preferred_days: vec![Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday],
            call_windows: vec![(time(10, 0), time(11, 30)), (time(14, 0), time(16, 0))],
            business_hours: (time(9, 0), time(17, 30)),
            avoid_seasons: true,
        }
    }
}

impl PlanSettings {
    pub fn max_follow_ups(&self) -> u32 {
        match self.cadence {
            Cadence::Cautious => 1,
            _ => 2,
        }
    }
}

pub(super) const fn time(h: i8, m: i8) -> Time {
    Time::constant(h, m, 0, 0)
}

/// The setting names `followup config set` accepts for the plan, with their defaults.
pub const SETTINGS: &[(&str, &str, &str)] = &[
    (
        "plan.avoid-seasons",
        "on",
        "move follow-ups off Christmas week, the Friday after US Thanksgiving and bridge days",
    ),
    (
        "plan.cadence",
        "standard",
        "standard (two follow-ups) or cautious (one)",
    ),
    (
        "plan.preferred-days",
        "tue,wed,thu",
        "days calls are best made on",
    ),
    (
        "plan.call-windows",
        "10:00-11:30,14:00-16:00",
        "local call windows, best first",
    ),
    ("plan.business-hours", "09:00-17:30", "their business hours"),
];

impl PlanSettings {
    /// Reads the `plan.*` settings from (name, value) pairs (others belong to other parts
    /// of Followup); bad values are refused with the name.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, InvalidValue> {
        let mut s = PlanSettings::default();
        for (name, value) in pairs.into_iter().filter(|(n, _)| n.starts_with("plan.")) {
            s.set(name, value)?;
        }
        Ok(s)
    }

    /// Checks and applies one setting.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), InvalidValue> {
        let bad = |problem: String| InvalidValue::new(name, problem);
        match name {
            "plan.cadence" => {
                let cadence = Cadence::from(value);
                if !cadence.is_known() {
                    return Err(bad(format!("'{value}': use standard or cautious")));
                }
                self.cadence = cadence;
            }
            "plan.preferred-days" => {
                let mut days = Vec::new();
                for d in value.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                    let day = weekday(d)
                        .ok_or_else(|| bad(format!("'{d}' is not a day (mon, tue, …)")))?;
                    if matches!(day, Weekday::Saturday | Weekday::Sunday) {
                        return Err(bad(format!(
                            "'{d}' is a weekend day: calls are made on their working days \
                             (mon to fri)"
                        )));
                    }
                    if !days.contains(&day) {
                        days.push(day);
                    }
                }
                self.preferred_days = days;
            }
            "plan.call-windows" => {
                self.call_windows = value
                    .split(',')
                    .map(|w| {
                        window(w)
                            .ok_or_else(|| bad(format!("'{w}' is not a window like 10:00-11:30")))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "plan.business-hours" => {
                self.business_hours = window(value)
                    .ok_or_else(|| bad(format!("'{value}' is not hours like 09:00-17:30")))?;
            }
            "plan.avoid-seasons" => {
                self.avoid_seasons = match value.trim().to_ascii_lowercase().as_str() {
                    "on" | "yes" | "true" => true,
                    "off" | "no" | "false" => false,
                    _ => return Err(bad(format!("'{value}': use on or off"))),
                };
            }
            _ => {
                let names: Vec<&str> = SETTINGS.iter().map(|(n, _, _)| *n).collect();
                return Err(bad(format!(
                    "unknown setting; plan settings are {}",
                    names.join(", ")
                )));
            }
        }
        Ok(())
    }
}

/// A day written as its name or the name's first three letters or more ("tue", "tues",
/// "Tuesday"); "monkey" is not Monday.
fn weekday(text: &str) -> Option<Weekday> {
    let days = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    let text = text.to_ascii_lowercase();
    days.iter()
        .find(|(n, _)| text.len() >= 3 && n.starts_with(text.as_str()))
        .map(|(_, d)| *d)
}

impl PlanSettings {
    /// A call window that lies wholly outside business hours, which no call would ever be
    /// planned in, as "08:00-08:30 lies outside business hours 09:00-17:30".
    pub fn window_outside_hours(&self) -> Option<String> {
        let (open, close) = self.business_hours;
        let hm = |t: Time| format!("{:02}:{:02}", t.hour(), t.minute());
        self.call_windows
            .iter()
            .find(|(from, to)| *to <= open || *from >= close)
            .map(|(from, to)| {
                format!(
                    "{}-{} lies outside business hours {}-{}, so no call would be planned in it",
                    hm(*from),
                    hm(*to),
                    hm(open),
                    hm(close)
                )
            })
    }
}

fn window(text: &str) -> Option<(Time, Time)> {
    let (a, b) = text.trim().split_once('-')?;
    let (a, b): (Time, Time) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a < b).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_and_checked() {
        let s = PlanSettings::from_pairs([
            ("plan.cadence", "cautious"),
            ("plan.preferred-days", "mon,fri"),
            ("plan.call-windows", "09:30-10:00"),
        ])
        .unwrap();
        assert_eq!(s.max_follow_ups(), 1);
        assert_eq!(s.preferred_days, vec![Weekday::Monday, Weekday::Friday]);
        assert_eq!(s.call_windows, vec![(time(9, 30), time(10, 0))]);
        let err = PlanSettings::from_pairs([("plan.business-hours", "17:00-09:00")]).unwrap_err();
        assert_eq!(err.field, "plan.business-hours");
        assert!(PlanSettings::default().set("plan.colour", "red").is_err());
    }

    #[test]
    fn preferred_days_are_working_days_named_once() {
        let mut s = PlanSettings::default();
        s.set("plan.preferred-days", "Tuesday, thurs, tue").unwrap();
        assert_eq!(s.preferred_days, vec![Weekday::Tuesday, Weekday::Thursday]);
        for bad in ["sat", "mon,Sunday", "monkey", "t"] {
            let err = s.set("plan.preferred-days", bad).unwrap_err();
            assert_eq!(err.field, "plan.preferred-days", "{bad}");
        }
        s.set("plan.preferred-days", "").unwrap();
        assert!(s.preferred_days.is_empty(), "no preference is a choice");
    }

    #[test]
    fn a_call_window_outside_business_hours_is_named() {
        let mut s = PlanSettings::default();
        assert_eq!(s.window_outside_hours(), None);
        s.set("plan.call-windows", "10:00-11:00,08:00-08:30")
            .unwrap();
        assert_eq!(
            s.window_outside_hours().as_deref(),
            Some(
                "08:00-08:30 lies outside business hours 09:00-17:30, so no call would be planned in it"
            )
        );
        s.set("plan.call-windows", "08:30-09:30").unwrap();
        assert_eq!(
            s.window_outside_hours(),
            None,
            "a window that overlaps is kept"
        );
    }
}

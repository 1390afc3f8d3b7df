//! When a proposed step can happen: the first moment in business hours (or a call window)
//! on a working day an adviser would not avoid, no earlier than the cadence allows, with
//! the reason it moved.

use super::*;

/// Moves a step to the earliest moment the cadence allows (crate::cadence::earliest),
/// so the plan never proposes what its own guard would flag, and says why.
pub(super) fn respect(
    mut p: PlannedStep,
    purpose: Purpose,
    history: &History,
    cal: &WorkingDays,
    settings: &PlanSettings,
    tz: &TimeZone,
) -> Result<PlannedStep, InvalidValue> {
    let Some((floor, because)) =
        cadence::earliest(purpose, history, cal, tz, settings.business_hours.0)?
    else {
        return Ok(p);
    };
    if p.start >= floor {
        return Ok(p);
    }
    let windows = if p.kind == StepKind::FollowUpCall {
        call_windows(settings)
    } else {
        vec![settings.business_hours]
    };
    let (start, end, note) = slot(floor, &windows, cal, settings, tz)?;
    p.end = if start < p.end { p.end.max(end) } else { end };
    p.start = start;
    p.reason.push_str(&format!("; not before {because}{note}"));
    Ok(p)
}

/// The first moment at or after `from` inside one of `windows` (local times) on a
/// working day an adviser would not avoid, with that window's end, and a note naming
/// the avoided day it moved off, if any.
pub(super) fn slot(
    from: Timestamp,
    windows: &[(Time, Time)],
    cal: &WorkingDays,
    settings: &PlanSettings,
    tz: &TimeZone,
) -> Result<(Timestamp, Timestamp, String), InvalidValue> {
    let mut day = from.to_zoned_datetime(tz.clone()).date();
    let mut note = String::new();
    // Christmas week is the longest run of days to pass over: well under 60.
    for _ in 0..60 {
        let avoided = settings
            .avoid_seasons
            .then(|| crate::seasons::avoided(day, cal))
            .flatten();
        if let Some(why) = avoided.filter(|_| cal.is_working_day(day)) {
            if note.is_empty() {
                note = format!("; {} is {why}: moved on", short(day));
            }
        } else if cal.is_working_day(day) {
            for (open, close) in windows {
                let (start, end) = (
                    at(day, *open, tz)?.timestamp(),
                    at(day, *close, tz)?.timestamp(),
                );
                if end > from {
                    return Ok((start.max(from), end, note));
                }
            }
        }
        day = day
            .tomorrow()
            .map_err(|e| InvalidValue::new("date", e.to_string()))?;
    }
    Err(InvalidValue::new(
        "date",
        format!("no working day within 60 days of {from}"),
    ))
}

/// The call windows, each kept inside business hours (a window set wider than the hours
/// is cut to them; one wholly outside gives way to the hours themselves).
pub(super) fn call_windows(settings: &PlanSettings) -> Vec<(Time, Time)> {
    let (open, close) = settings.business_hours;
    let mut windows: Vec<(Time, Time)> = settings
        .call_windows
        .iter()
        .map(|(a, b)| ((*a).max(open), (*b).min(close)))
        .filter(|(a, b)| a < b)
        .collect();
    if windows.is_empty() {
        windows.push(settings.business_hours);
    }
    windows.sort();
    windows
}

/// The hours the candidate can be expected to make a call in their own zone: a window
/// wholly outside them is in their night.
const YOUR_WAKING_HOURS: (i8, i8) = (7, 21);

/// When the candidate wakes and sleeps on `day`, in their zone.
fn waking(day: Date, yours: &TimeZone) -> Result<(Timestamp, Timestamp), InvalidValue> {
    Ok((
        at(day, time(YOUR_WAKING_HOURS.0, 0), yours)?.timestamp(),
        at(day, time(YOUR_WAKING_HOURS.1, 0), yours)?.timestamp(),
    ))
}

/// `settings` with the call windows that fall wholly in the candidate's night on `day`
/// left out, unless every one does: a candidate in Los Angeles calling London is offered
/// 14:00–16:00 their time (06:00–08:00 yours), not 10:00–11:30 (02:00–03:30). Windows stay
/// in the interviewer's zone and hours; only which of them is chosen changes.
pub(super) fn for_your_zone(
    settings: &PlanSettings,
    day: Date,
    theirs: &TimeZone,
    yours: &TimeZone,
) -> Result<PlanSettings, InvalidValue> {
    let (wake, sleep) = waking(day, yours)?;
    let (hours_open, hours_close) = settings.business_hours;
    let mut awake = Vec::new();
    for (open, close) in &settings.call_windows {
        // Judged as it will be used: cut to their business hours (`call_windows`).
        let (start, end) = (
            at(day, (*open).max(hours_open), theirs)?.timestamp(),
            at(day, (*close).min(hours_close), theirs)?.timestamp(),
        );
        // On the day before or after, for zones a day apart.
        let overlaps = (-1i64..=1).any(|shift| {
            let by = SignedDuration::from_hours(24 * shift);
            start + by < sleep && end + by > wake
        });
        if overlaps {
            awake.push((*open, *close));
        }
    }
    let mut adjusted = settings.clone();
    if !awake.is_empty() {
        adjusted.call_windows = awake;
    }
    Ok(adjusted)
}

/// `start..end` from its first moment in the candidate's waking hours (07:00–21:00 in
/// `yours`), or the whole of it when no moment is (better in your night than never).
pub(super) fn while_you_are_awake(
    start: Timestamp,
    end: Timestamp,
    yours: &TimeZone,
) -> Result<(Timestamp, Timestamp), InvalidValue> {
    let first = start.to_zoned_datetime(yours.clone()).date();
    let mut day = first.yesterday().unwrap_or(first);
    for _ in 0..4 {
        let (wake, sleep) = waking(day, yours)?;
        let from = start.max(wake);
        if from < end.min(sleep) {
            return Ok((from, end));
        }
        day = day.tomorrow().unwrap_or(day);
    }
    Ok((start, end))
}

pub(super) fn call_window(
    day: Date,
    settings: &PlanSettings,
    tz: &TimeZone,
) -> Result<(Timestamp, Timestamp), InvalidValue> {
    // The best window (the first set), kept inside business hours.
    let (open, close) = settings.business_hours;
    let (from, to) = settings
        .call_windows
        .iter()
        .map(|(a, b)| ((*a).max(open), (*b).min(close)))
        .find(|(a, b)| a < b)
        .unwrap_or(settings.business_hours);
    Ok((at(day, from, tz)?.timestamp(), at(day, to, tz)?.timestamp()))
}

/// The day for a follow-up due on `due`: a preferred day when one is near, and never a
/// day an adviser would avoid (unless turned off); what moved it is added to `why`.
pub(super) fn good_day(
    cal: &WorkingDays,
    due: Date,
    settings: &PlanSettings,
    why: &mut String,
) -> Date {
    let (day, shifted) = preferred_day(cal, due, settings);
    if shifted {
        why.push_str(&format!(
            "; moved to {} ({} preferred)",
            short(day),
            days_text(&settings.preferred_days)
        ));
    }
    let moved = off_season(cal, day, settings, why);
    if moved == day {
        return day;
    }
    // Off the avoided days, a preferred day if one is near (and not avoided itself).
    let (preferred, _) = preferred_day(cal, moved, settings);
    if preferred != moved && crate::seasons::avoided(preferred, cal).is_none() {
        why.push_str(&format!(
            ", then {} ({} preferred)",
            short(preferred),
            days_text(&settings.preferred_days)
        ));
        return preferred;
    }
    moved
}

/// `day`, or the first working day after it that an adviser would not avoid.
pub(super) fn off_season(
    cal: &WorkingDays,
    day: Date,
    settings: &PlanSettings,
    why: &mut String,
) -> Date {
    if !settings.avoid_seasons {
        return day;
    }
    let (first, mut day) = (day, day);
    let mut reason = None;
    // Christmas week is the longest run of avoided days: well under 40 working days.
    for _ in 0..40 {
        match crate::seasons::avoided(day, cal) {
            Some(r) => {
                reason.get_or_insert(r);
                day = cal.add(day, 1);
            }
            None => break,
        }
    }
    if let Some(r) = reason {
        why.push_str(&format!(
            "; {} is {r}: moved to {}",
            short(first),
            short(day)
        ));
    }
    day
}

/// `due` if it is a preferred day, else the next working day that is, when that is at
/// most two working days later (a Friday due date becomes the next Tuesday, not later).
pub(super) fn preferred_day(cal: &WorkingDays, due: Date, settings: &PlanSettings) -> (Date, bool) {
    if settings.preferred_days.is_empty() || settings.preferred_days.contains(&due.weekday()) {
        return (due, false);
    }
    (1..=2)
        .map(|n| cal.add(due, n))
        .find(|d| settings.preferred_days.contains(&d.weekday()))
        .map_or((due, false), |d| (d, true))
}

pub(super) fn days_text(days: &[Weekday]) -> String {
    let names: Vec<String> = days
        .iter()
        .map(|d| format!("{d:?}")[..3].to_string())
        .collect();
    match names.as_slice() {
        [first, .., last] if names.len() > 2 => format!("{first}–{last}"),
        _ => names.join(", "),
    }
}

//! The follow-up plan: from an interview, its interviewers, the candidate's profile, the
//! calls logged and the steps already done, derive what is due, when, and why.
//!
//! The plan is a pure function of those inputs. The store keeps its result and merges
//! it with what the user did by hand (a step done, skipped or moved keeps that state).
//! Dates that count working days use the *employer's* region (the lead interviewer's,
//! else the candidate's); call windows are in the interviewer's own zone.

use crate::InvalidValue;
use crate::calendar::{Holiday, WorkingDays};
use crate::model::*;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use std::collections::HashMap;

open_enum!(
    /// What a step asks the candidate to do.
    StepKind {
        CaptureDetails => "capture-details",
        ThankYou => "thank-you",
        FollowUpCall => "follow-up-call",
        FollowUpEmail => "follow-up-email",
        EmailQuery => "email-query",
        Feedback => "feedback",
    }
);

open_enum!(
    /// Where a step stands. `cancelled` is the plan's doing (an outcome, or a step the
    /// plan no longer needs); `done` and `skipped` are the user's.
    StepState {
        Pending => "pending",
        Done => "done",
        Skipped => "skipped",
        Cancelled => "cancelled",
    }
);

open_enum!(
    /// How a call went.
    CallOutcome {
        Reached => "reached",
        Unavailable => "unavailable",
        Voicemail => "voicemail",
        NoAnswer => "no-answer",
    }
);

open_enum!(
    /// How many follow-up contacts after the thank-you: `standard` two, `cautious` one.
    Cadence {
        Standard => "standard",
        Cautious => "cautious",
    }
);

/// A call the candidate made, as logged.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallRecord {
    pub id: String,
    pub interview_id: String,
    pub contact_id: Option<String>,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    pub at: Timestamp,
    pub outcome: CallOutcome,
    /// A time they agreed for another call.
    #[serde(default, deserialize_with = "crate::plan::optional_instant")]
    pub callback: Option<Timestamp>,
    /// A date they gave for their decision.
    #[serde(default)]
    pub decide_by: Option<Date>,
    #[serde(default)]
    pub note: String,
}

/// A step as derived: what, for whom, the window it is due in, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedStep {
    /// Stable within an interview, so a recomputed plan finds the step it replaces.
    pub key: String,
    pub kind: StepKind,
    pub contact_id: Option<String>,
    pub start: Timestamp,
    pub end: Timestamp,
    /// The zone the window is meant in (the interviewer's for calls, yours for notes).
    pub zone: String,
    pub reason: String,
}

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

const fn time(h: i8, m: i8) -> Time {
    Time::constant(h, m, 0, 0)
}

/// Working-day calendars by region, built once per command and shared by every plan.
pub struct Calendars {
    own: Vec<Holiday>,
    built: HashMap<String, WorkingDays>,
}

impl Calendars {
    pub fn new(own: Vec<Holiday>) -> Self {
        Self {
            own,
            built: HashMap::new(),
        }
    }

    pub fn get(&mut self, region: &str) -> Result<&WorkingDays, InvalidValue> {
        if !self.built.contains_key(region) {
            let cal = WorkingDays::new(region, &self.own)?;
            self.built.insert(region.to_string(), cal);
        }
        Ok(&self.built[region])
    }
}

/// Everything a plan is derived from.
pub struct PlanInput<'a> {
    pub interview: &'a Interview,
    pub application: &'a Application,
    /// The interview's panel, lead first.
    pub interviewers: &'a [Contact],
    pub profile: &'a Profile,
    pub settings: &'a PlanSettings,
    /// This interview's calls, in any order.
    pub calls: &'a [CallRecord],
    /// Steps the user completed: key and when.
    pub done: &'a [(String, Timestamp)],
    /// Steps the user skipped: key and when. A skipped follow-up moves the plan on.
    pub skipped: &'a [(String, Timestamp)],
    /// The application's next interview after this one, if any: a later round takes
    /// the follow-ups over.
    pub later_round: Option<&'a Interview>,
}

/// The steps the interview needs now. Empty once the application has an outcome or the
/// interview was cancelled: the store then cancels whatever is pending.
pub fn derive(
    input: &PlanInput,
    calendars: &mut Calendars,
) -> Result<Vec<PlannedStep>, InvalidValue> {
    if input.application.status.is_outcome() || input.interview.status == InterviewStatus::Cancelled
    {
        return Ok(Vec::new());
    }
    let mut steps = capture_steps(input)?;
    steps.push(thank_you(input, calendars)?);
    if input.later_round.is_none() {
        steps.extend(follow_ups(input, calendars)?);
    }
    Ok(steps)
}

/// Why this interview's pending follow-ups were cancelled, when a later round took over.
pub fn superseded_because(input: &PlanInput) -> Option<String> {
    input.later_round.map(|later| {
        format!(
            "a later round ({} interview) took over the follow-ups",
            short(later.local_start().date())
        )
    })
}

fn zone(name: &str) -> Result<TimeZone, InvalidValue> {
    TimeZone::get(name)
        .map_err(|_| InvalidValue::new("time_zone", format!("unknown time zone '{name}'")))
}

/// "Tue 2 Mar"
fn short(date: Date) -> String {
    date.strftime("%a %-d %b").to_string()
}

fn at(date: Date, t: Time, tz: &TimeZone) -> Result<ZonedDateTime, InvalidValue> {
    date.to_datetime(t)
        .to_zoned_datetime(tz.clone())
        .map_err(|e| InvalidValue::new("time", e.to_string()))
}

fn interview_end(i: &Interview) -> Timestamp {
    i.start + SignedDuration::from_mins(i64::from(i.duration_minutes))
}

/// A step per interviewer we cannot reach, and one if nobody is on the panel yet.
fn capture_steps(input: &PlanInput) -> Result<Vec<PlannedStep>, InvalidValue> {
    let end = interview_end(input.interview);
    let window = (end, end + SignedDuration::from_hours(4));
    let step = |key: String, contact_id: Option<String>, reason: String| PlannedStep {
        key,
        kind: StepKind::CaptureDetails,
        contact_id,
        start: window.0,
        end: window.1,
        zone: input.profile.time_zone.clone(),
        reason,
    };
    if input.interviewers.is_empty() {
        return Ok(vec![step(
            "capture-panel".into(),
            None,
            "nobody is on this interview's panel yet: add who interviewed you while you remember"
                .into(),
        )]);
    }
    Ok(input
        .interviewers
        .iter()
        .filter(|c| {
            c.emails.is_empty()
                && c.phones.is_empty()
                && c.address.as_ref().is_none_or(|a| a.is_empty())
        })
        .map(|c| {
            step(
                format!("capture:{}", c.id),
                Some(c.id.clone()),
                format!(
                    "no email, phone or address for {}: you can't thank or call them",
                    c.full_name
                ),
            )
        })
        .collect())
}

/// Within a working day, in the candidate's region and zone: the same afternoon after a
/// morning interview, the next working morning otherwise (so Friday afternoon → Monday).
fn thank_you(input: &PlanInput, calendars: &mut Calendars) -> Result<PlannedStep, InvalidValue> {
    let p = input.profile;
    let tz = zone(&p.time_zone)?;
    let cal = calendars.get(&p.region)?;
    let end = interview_end(input.interview).to_zoned_datetime(tz.clone());
    let day = end.date();
    let (close, noon) = (input.settings.business_hours.1, time(12, 0));
    let (start, finish, reason) = if cal.is_working_day(day) && end.time() < noon {
        let finish = at(day, close, &tz)?;
        (
            end.timestamp(),
            finish.timestamp(),
            format!("same afternoon: morning interview on {}", short(day)),
        )
    } else {
        let next = cal.next_working_day(day);
        let mut reason = if cal.is_working_day(day) {
            format!(
                "next working morning after an afternoon interview on {}",
                short(day)
            )
        } else {
            format!("next working morning after the interview on {}", short(day))
        };
        reason.push_str(&holidays_between(cal, day, next));
        let open = at(next, input.settings.business_hours.0, &tz)?;
        (open.timestamp(), at(next, noon, &tz)?.timestamp(), reason)
    };
    Ok(PlannedStep {
        key: "thank-you".into(),
        kind: StepKind::ThankYou,
        contact_id: input.interviewers.first().map(|c| c.id.clone()),
        start,
        end: finish,
        zone: p.time_zone.clone(),
        reason,
    })
}

/// "; Mon 28 Dec is a holiday in gb-eng" for holidays strictly between two dates.
fn holidays_between(cal: &WorkingDays, from: Date, to: Date) -> String {
    let mut out = String::new();
    let mut day = from;
    while let Ok(next) = day.tomorrow() {
        day = next;
        if day >= to {
            break;
        }
        if let Some(name) = cal.holiday(day) {
            out.push_str(&format!(
                "; {} is a holiday in {} ({name})",
                short(day),
                cal.region()
            ));
        }
    }
    out
}

/// Whom the follow-up is with, and in which region and zone.
struct Employer<'a> {
    lead: Option<&'a Contact>,
    region: String,
    zone: String,
    region_note: &'static str,
    email_only: bool,
}

/// The region whose working days a follow-up counts: the lead interviewer's, else the
/// candidate's own (the best guess when the card said nothing).
pub fn employer_region(interviewers: &[Contact], profile: &Profile) -> String {
    interviewers
        .first()
        .and_then(|c| c.region.clone())
        .unwrap_or_else(|| profile.region.clone())
}

fn employer<'a>(input: &'a PlanInput) -> Employer<'a> {
    let lead = input.interviewers.first();
    let region = employer_region(input.interviewers, input.profile);
    let region_note = match lead.and_then(|c| c.region.as_ref()) {
        Some(_) => "",
        None => " (their region unknown: yours used)",
    };
    Employer {
        lead,
        region,
        zone: lead
            .and_then(|c| c.time_zone.clone())
            .unwrap_or_else(|| input.interview.time_zone.clone()),
        region_note,
        email_only: lead.is_some_and(|c| c.preferred_channel == PreferredChannel::EmailOnly),
    }
}

/// A contact made (a call that reached them or left a message, an email sent), in time
/// order, as the follow-up chain sees it.
struct Event<'a> {
    at: Timestamp,
    key: String,
    call: Option<&'a CallRecord>,
}

fn follow_ups(
    input: &PlanInput,
    calendars: &mut Calendars,
) -> Result<Vec<PlannedStep>, InvalidValue> {
    let emp = employer(input);
    let tz = zone(&emp.zone)?;
    let cal = calendars.get(&emp.region)?;
    let settings = input.settings;
    let interview_day = input.interview.start.to_zoned_datetime(tz.clone()).date();

    // The first follow-up: 5 working days after, or 2 after the date they gave.
    let mut earliest = cal.add(interview_day, 5);
    let mut why = format!(
        "5th working day after the {} interview in {}{}{}",
        short(interview_day),
        emp.region,
        emp.region_note,
        holidays_between(cal, interview_day, earliest)
    );
    if let Some(d) = input.interview.decide_by {
        let after = cal.add(d, 2);
        if after > earliest {
            earliest = after;
            why = format!(
                "2 working days after {}, the date they gave ({})",
                short(d),
                input.interview.timeline.trim()
            );
        }
    }

    let mut events: Vec<Event> = input
        .calls
        .iter()
        .map(|c| Event {
            at: c.at,
            key: format!("call:{}", c.id),
            call: Some(c),
        })
        .chain(
            input
                .done
                .iter()
                .filter(|(k, _)| is_email_contact(k))
                .map(|(k, at)| Event {
                    at: *at,
                    key: k.clone(),
                    call: None,
                }),
        )
        .collect();
    events.sort_by(|a, b| a.at.cmp(&b.at).then(a.key.cmp(&b.key)));

    // Skipped follow-ups move the chain on as if made (without counting as a contact).
    events.extend(
        input
            .skipped
            .iter()
            .filter(|(k, _)| k.starts_with("follow-up-"))
            .map(|(k, at)| Event {
                at: *at,
                key: format!("skipped:{k}"),
                call: None,
            }),
    );
    events.sort_by(|a, b| a.at.cmp(&b.at).then(a.key.cmp(&b.key)));

    let mut made = 0u32;
    let mut last: Option<Date> = None;
    let mut pending: Option<PlannedStep> = None;
    // The latest date they gave, from the interview or any call so far: every later
    // follow-up waits for it.
    let mut their_date = input.interview.decide_by;
    // Days without an answer since the last contact: two, then the email query.
    let mut unanswered: Vec<Date> = Vec::new();
    let closed = |key: &str| {
        input.done.iter().any(|(k, _)| k == key) || input.skipped.iter().any(|(k, _)| k == key)
    };
    // Keys come from what caused a step (the call's id), not its position: a call logged
    // late, out of order, leaves the other steps' keys alone.
    for event in &events {
        let day = event.at.to_zoned_datetime(tz.clone()).date();
        let Some(call) = event.call else {
            if let Some(key) = event.key.strip_prefix("skipped:") {
                // You chose not to make this follow-up: the next one (or feedback) is due.
                let k: u32 = key
                    .trim_start_matches("follow-up-email-")
                    .trim_start_matches("follow-up-")
                    .parse()
                    .unwrap_or(made + 1);
                made = made.max(k);
                earliest = earliest.max(cal.add(day, 5));
                why = format!(
                    "5 working days after you skipped a follow-up on {}",
                    short(day)
                );
                pending = None;
                continue;
            }
            // An email follow-up or query was sent.
            unanswered.clear();
            if !event.key.starts_with("voicemail-email") {
                made += 1;
                last = Some(day);
                earliest = earliest.max(cal.add(day, 5));
                why = format!("5 working days after your email on {}", short(day));
            }
            if pending.as_ref().is_some_and(|p| p.key == event.key) {
                pending = None;
            }
            continue;
        };
        pending = None;
        match call.outcome {
            CallOutcome::Reached | CallOutcome::Voicemail => {
                unanswered.clear();
                made += 1;
                last = Some(day);
                earliest = cal.add(day, 5);
                why = format!("5 working days after your call on {}", short(day));
                if let Some(d) = call.decide_by {
                    their_date = their_date.max(Some(d));
                }
                if let Some(d) = their_date.filter(|d| cal.add(*d, 2) > earliest) {
                    earliest = cal.add(d, 2);
                    why = format!("2 working days after {}, the date they gave", short(d));
                }
                if call.outcome == CallOutcome::Voicemail {
                    let key = format!("voicemail-email-{}", call.id);
                    let (from, to) = (cal.add(day, 2), cal.add(day, 3));
                    pending = Some(PlannedStep {
                        start: at(from, settings.business_hours.0, &tz)?.timestamp(),
                        end: at(to, settings.business_hours.1, &tz)?.timestamp(),
                        reason: format!(
                            "you left a voicemail on {}: follow it with a short email if nothing comes back",
                            short(day)
                        ),
                        ..step(&key, StepKind::FollowUpEmail, &emp)
                    });
                }
            }
            CallOutcome::Unavailable => match call.callback {
                Some(when) => {
                    pending = Some(PlannedStep {
                        start: when,
                        end: when + SignedDuration::from_mins(15),
                        reason: format!("they asked you to call back then (on {})", short(day)),
                        ..step(
                            &format!("callback-{}", call.id),
                            StepKind::FollowUpCall,
                            &emp,
                        )
                    });
                }
                None => {
                    let reason = format!(
                        "they couldn't talk on {}: send the query by email, to read when it suits them",
                        short(day)
                    );
                    pending = Some(email_query(call, reason, cal, settings, &tz, &emp)?);
                }
            },
            CallOutcome::NoAnswer | CallOutcome::Other(_) => {
                if !unanswered.contains(&day) {
                    unanswered.push(day);
                }
                if unanswered.len() >= 2 {
                    // Two days without an answer: stop calling, write instead.
                    let days: Vec<String> = unanswered.iter().map(|d| short(*d)).collect();
                    let reason = format!(
                        "no answer on {} days ({}): send your query by email instead of calling again",
                        days.len(),
                        days.join(", ")
                    );
                    pending = Some(email_query(call, reason, cal, settings, &tz, &emp)?);
                    continue;
                }
                let next = cal.next_working_day(day);
                let (from, to) = call_window(next, settings, &tz)?;
                pending = Some(PlannedStep {
                    start: from,
                    end: to,
                    reason: format!(
                        "no answer on {}: try once more the next working day",
                        short(day)
                    ),
                    ..step(&format!("retry-{}", call.id), StepKind::FollowUpCall, &emp)
                });
            }
        }
    }
    if let Some(p) = pending.filter(|p| !closed(&p.key)) {
        return Ok(vec![p]);
    }
    let max = settings.max_follow_ups();
    if made >= max {
        let mut reason =
            format!("{made} follow-up(s) made: ask for feedback, thank them, and move on");
        let mut after = last.map_or(earliest, |d| cal.add(d, 5));
        if let Some(d) = their_date.filter(|d| cal.add(*d, 2) > after) {
            after = cal.add(d, 2);
            reason.push_str(&format!(
                "; not before {}, the date they gave, and 2 working days",
                short(d)
            ));
        }
        let after = off_season(cal, after, settings, &mut reason);
        return Ok(vec![PlannedStep {
            start: at(after, settings.business_hours.0, &tz)?.timestamp(),
            end: at(after, settings.business_hours.1, &tz)?.timestamp(),
            reason,
            ..step("feedback", StepKind::Feedback, &emp)
        }]);
    }
    let k = made + 1;
    let day = good_day(cal, earliest, settings, &mut why);
    if !cal.covers(day) {
        why.push_str(&format!(
            "; warning: no holiday data for {} that far ahead, only weekends were counted",
            cal.region()
        ));
    }
    let no_phone = emp
        .lead
        .is_some_and(|c| c.phones.is_empty() && !c.emails.is_empty());
    if emp.email_only || no_phone {
        let instead = match (emp.email_only, emp.lead) {
            (true, _) => "they prefer email".to_string(),
            (false, Some(c)) => format!("no phone number for {}: an email instead", c.full_name),
            (false, None) => String::new(),
        };
        return Ok(vec![PlannedStep {
            start: at(day, settings.business_hours.0, &tz)?.timestamp(),
            end: at(day, settings.business_hours.1, &tz)?.timestamp(),
            reason: format!("{why}; {instead}"),
            ..step(
                &format!("follow-up-email-{k}"),
                StepKind::FollowUpEmail,
                &emp,
            )
        }]);
    }
    let (from, to) = call_window(day, settings, &tz)?;
    Ok(vec![PlannedStep {
        start: from,
        end: to,
        reason: why,
        ..step(&format!("follow-up-{k}"), StepKind::FollowUpCall, &emp)
    }])
}

/// The email query, due from the call until the end of that working day.
fn email_query(
    call: &CallRecord,
    reason: String,
    cal: &WorkingDays,
    settings: &PlanSettings,
    tz: &TimeZone,
    emp: &Employer,
) -> Result<PlannedStep, InvalidValue> {
    let day = call.at.to_zoned_datetime(tz.clone()).date();
    let end = at(cal.this_or_next(day), settings.business_hours.1, tz)?.timestamp();
    Ok(PlannedStep {
        start: call.at.min(end),
        end,
        reason,
        ..step(&format!("query-{}", call.id), StepKind::EmailQuery, emp)
    })
}

fn is_email_contact(key: &str) -> bool {
    ["follow-up-email-", "query-", "voicemail-email-"]
        .iter()
        .any(|p| key.starts_with(p))
}

fn step(key: &str, kind: StepKind, emp: &Employer) -> PlannedStep {
    PlannedStep {
        key: key.into(),
        kind,
        contact_id: emp.lead.map(|c| c.id.clone()),
        start: Timestamp::UNIX_EPOCH,
        end: Timestamp::UNIX_EPOCH,
        zone: emp.zone.clone(),
        reason: String::new(),
    }
}

fn call_window(
    day: Date,
    settings: &PlanSettings,
    tz: &TimeZone,
) -> Result<(Timestamp, Timestamp), InvalidValue> {
    let (from, to) = settings
        .call_windows
        .first()
        .copied()
        .unwrap_or(settings.business_hours);
    Ok((at(day, from, tz)?.timestamp(), at(day, to, tz)?.timestamp()))
}

/// The day for a follow-up due on `due`: a preferred day when one is near, and never a
/// day an adviser would avoid (unless turned off); what moved it is added to `why`.
fn good_day(cal: &WorkingDays, due: Date, settings: &PlanSettings, why: &mut String) -> Date {
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
fn off_season(cal: &WorkingDays, day: Date, settings: &PlanSettings, why: &mut String) -> Date {
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
fn preferred_day(cal: &WorkingDays, due: Date, settings: &PlanSettings) -> (Date, bool) {
    if settings.preferred_days.is_empty() || settings.preferred_days.contains(&due.weekday()) {
        return (due, false);
    }
    (1..=2)
        .map(|n| cal.add(due, n))
        .find(|d| settings.preferred_days.contains(&d.weekday()))
        .map_or((due, false), |d| (d, true))
}

fn days_text(days: &[Weekday]) -> String {
    let names: Vec<String> = days
        .iter()
        .map(|d| format!("{d:?}")[..3].to_string())
        .collect();
    match names.as_slice() {
        [first, .., last] if names.len() > 2 => format!("{first}–{last}"),
        _ => names.join(", "),
    }
}

/// Why a call at `when` should not be made, if it should not: a weekend or holiday in
/// their region, or outside their business hours.
pub fn call_time_problem(
    when: Timestamp,
    zone: &str,
    cal: &WorkingDays,
    settings: &PlanSettings,
) -> Option<String> {
    let tz = TimeZone::get(zone).ok()?;
    let local = when.to_zoned_datetime(tz);
    let day = local.date();
    if let Some(name) = cal.holiday(day) {
        return Some(format!(
            "{} is a holiday in {} ({name})",
            short(day),
            cal.region()
        ));
    }
    if !cal.is_working_day(day) {
        return Some(format!("{} is a weekend day", short(day)));
    }
    let (open, close) = settings.business_hours;
    if local.time() < open || local.time() >= close {
        return Some(format!(
            "{} in {zone} is outside business hours ({}–{})",
            local.strftime("%H:%M"),
            open.strftime("%H:%M"),
            close.strftime("%H:%M")
        ));
    }
    None
}

/// A contact that breaks the cadence, as a behaviour rule with an id like the tone rules'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CadenceProblem {
    pub rule: &'static str,
    pub message: String,
}

impl CadenceProblem {
    /// As a checker finding: one follow-up too many is an error (it blocks approval
    /// without an override); contacting too soon is a warning.
    pub fn to_finding(&self) -> crate::tone::Finding {
        crate::tone::Finding {
            rule: self.rule.to_string(),
            level: if self.rule == "Behaviour.TooMany" {
                crate::tone::Level::Error
            } else {
                crate::tone::Level::Warning
            },
            message: self.message.clone(),
            matched: String::new(),
            line: 1,
            column: 1,
            start: 0,
            end: 0,
            suggestions: vec![],
            link: None,
        }
    }
}

impl std::fmt::Display for CadenceProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The cadence guard: reasons a contact at `when` would be too soon or one too many,
/// given the calls and emails already made.
pub fn cadence_problems(
    when: Timestamp,
    input: &PlanInput,
    cal: &WorkingDays,
) -> Vec<CadenceProblem> {
    let mut problems = Vec::new();
    let tz = TimeZone::get(&employer(input).zone).unwrap_or(TimeZone::UTC);
    let day = when.to_zoned_datetime(tz.clone()).date();
    let given = input
        .calls
        .iter()
        .filter_map(|c| c.decide_by)
        .chain(input.interview.decide_by)
        .max();
    if let Some(d) = given.filter(|d| day <= *d) {
        problems.push(CadenceProblem {
            rule: "Behaviour.BeforeTheirDate",
            message: format!(
                "they said they'd decide by {}: wait until {}",
                short(d),
                short(cal.add(d, 2))
            ),
        });
    }
    let contacts: Vec<Timestamp> = input
        .calls
        .iter()
        .filter(|c| matches!(c.outcome, CallOutcome::Reached | CallOutcome::Voicemail))
        .map(|c| c.at)
        .chain(
            input
                .done
                .iter()
                .filter(|(k, _)| is_email_contact(k))
                .map(|(_, at)| *at),
        )
        .filter(|at| *at <= when)
        .collect();
    if contacts
        .iter()
        .any(|at| when.duration_since(*at) < SignedDuration::from_hours(72))
    {
        problems.push(CadenceProblem {
            rule: "Behaviour.Within72Hours",
            message: "you were in touch less than 72 hours before".into(),
        });
    } else if let Some(last) = contacts.iter().max() {
        let last_day = last.to_zoned_datetime(tz).date();
        if cal.between(last_day, day) < 5 {
            problems.push(CadenceProblem {
                rule: "Behaviour.TooSoon",
                message: format!(
                    "less than 5 working days after your last contact on {}",
                    short(last_day)
                ),
            });
        }
    }
    let max = input.settings.max_follow_ups() as usize;
    if contacts.len() >= max {
        problems.push(CadenceProblem {
            rule: "Behaviour.TooMany",
            message: format!(
                "{} follow-up(s) made already; the limit is {max}",
                contacts.len()
            ),
        });
    }
    problems
}

fn optional_instant<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(d)?;
    text.map(|t| t.parse().map_err(serde::de::Error::custom))
        .transpose()
}

/// A step as stored: the plan's window and reason, and what the user did with it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Step {
    pub id: String,
    pub interview_id: String,
    pub key: String,
    pub kind: StepKind,
    pub contact_id: Option<String>,
    pub state: StepState,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    pub start: Timestamp,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    pub end: Timestamp,
    pub zone: String,
    pub reason: String,
    /// The user moved it: recomputing the plan leaves its window alone.
    pub moved: bool,
    /// Bumped on every change, for calendar clients (iCalendar SEQUENCE).
    pub sequence: u32,
    #[serde(default, deserialize_with = "crate::plan::optional_instant")]
    pub done_at: Option<Timestamp>,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    pub updated_at: Timestamp,
}

impl Step {
    /// Marks a pending step done at `at` (when it happened), recorded at `now`; a step
    /// already done, skipped or cancelled is left as it is. Returns whether it changed.
    pub fn complete(&mut self, at: Timestamp, now: Timestamp) -> bool {
        if self.state != StepState::Pending {
            return false;
        }
        self.state = StepState::Done;
        self.done_at = Some(at);
        self.sequence += 1;
        self.updated_at = now;
        true
    }
}

/// Where a step's window lies against the present: the agenda's three sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Due {
    /// The window has closed.
    Overdue,
    /// The window holds this moment.
    Now,
    /// The window opens later.
    Upcoming,
}

impl Due {
    pub const ALL: [Due; 3] = [Due::Overdue, Due::Now, Due::Upcoming];

    pub fn of(start: Timestamp, end: Timestamp, now: Timestamp) -> Due {
        if end < now {
            Due::Overdue
        } else if start <= now {
            Due::Now
        } else {
            Due::Upcoming
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Due::Overdue => "overdue",
            Due::Now => "now",
            Due::Upcoming => "upcoming",
        }
    }
}

/// Which of a stored step and a backup's copy of it a restore keeps: a step that was
/// done stays done (an older backup must not bring back a call that was made, or a note
/// that was sent).
pub fn restore_keeps_backup(stored: &Step, backup: &Step) -> bool {
    stored.state != StepState::Done || backup.state == StepState::Done
}

/// The stored steps after a recomputed plan: a step the user completed, skipped or moved
/// keeps that state; other steps take the new window and reason; a pending step the plan
/// no longer has is cancelled; new steps are added (with an empty id for the store to
/// fill). Steps that change get their sequence bumped and `updated_at = now`.
pub fn merge(
    existing: &[Step],
    planned: &[PlannedStep],
    interview_id: &str,
    now: Timestamp,
    cancelled_because: Option<&str>,
) -> Vec<Step> {
    let mut out = Vec::with_capacity(existing.len() + planned.len());
    for old in existing {
        let mut step = old.clone();
        match planned.iter().find(|p| p.key == old.key) {
            _ if matches!(old.state, StepState::Done | StepState::Skipped) => {}
            Some(_) if old.moved && old.state == StepState::Pending => {}
            Some(p) => {
                step.kind = p.kind.clone();
                step.contact_id = p.contact_id.clone();
                step.start = p.start;
                step.end = p.end;
                step.zone = p.zone.clone();
                step.reason = p.reason.clone();
                step.state = StepState::Pending;
                step.moved = false;
            }
            None => {
                if old.state == StepState::Pending
                    && let Some(why) = cancelled_because
                {
                    step.reason = why.to_string();
                }
                step.state = StepState::Cancelled;
            }
        }
        if step != *old {
            step.sequence += 1;
            step.updated_at = now;
        }
        out.push(step);
    }
    for p in planned
        .iter()
        .filter(|p| !existing.iter().any(|e| e.key == p.key))
    {
        out.push(Step {
            id: String::new(),
            interview_id: interview_id.to_string(),
            key: p.key.clone(),
            kind: p.kind.clone(),
            contact_id: p.contact_id.clone(),
            state: StepState::Pending,
            start: p.start,
            end: p.end,
            zone: p.zone.clone(),
            reason: p.reason.clone(),
            moved: false,
            sequence: 0,
            done_at: None,
            created_at: now,
            updated_at: now,
        });
    }
    out
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
                self.preferred_days = value
                    .split(',')
                    .filter(|d| !d.trim().is_empty())
                    .map(|d| {
                        weekday(d.trim())
                            .ok_or_else(|| bad(format!("'{d}' is not a day (mon, tue, …)")))
                    })
                    .collect::<Result<_, _>>()?;
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

fn weekday(text: &str) -> Option<Weekday> {
    let days = [
        ("mon", Weekday::Monday),
        ("tue", Weekday::Tuesday),
        ("wed", Weekday::Wednesday),
        ("thu", Weekday::Thursday),
        ("fri", Weekday::Friday),
        ("sat", Weekday::Saturday),
        ("sun", Weekday::Sunday),
    ];
    let text = text.to_ascii_lowercase();
    days.iter()
        .find(|(n, _)| text.starts_with(n))
        .map(|(_, d)| *d)
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
    fn completing_changes_only_a_pending_step_and_counts_the_change() {
        let at: Timestamp = "2027-03-09T10:30:00Z".parse().unwrap();
        let now: Timestamp = "2027-03-10T08:00:00Z".parse().unwrap();
        let mut step = merge(&[], &[planned("follow-up-1", 10)], "int-1", at, None).remove(0);
        assert!(step.complete(at, now));
        assert_eq!(
            (step.state.clone(), step.done_at, step.sequence),
            (StepState::Done, Some(at), 1)
        );
        assert_eq!(step.updated_at, now);
        let before = step.clone();
        assert!(!step.complete(now, now), "done stays done, at its own time");
        assert_eq!(step, before);
    }

    #[test]
    fn due_places_a_window_against_now_with_both_ends_still_now() {
        let t = |s: &str| -> Timestamp { s.parse().unwrap() };
        let (start, end) = (t("2027-03-09T10:00:00Z"), t("2027-03-09T11:30:00Z"));
        assert_eq!(
            Due::of(start, end, t("2027-03-09T09:59:59Z")),
            Due::Upcoming
        );
        assert_eq!(Due::of(start, end, start), Due::Now);
        assert_eq!(Due::of(start, end, end), Due::Now);
        assert_eq!(Due::of(start, end, t("2027-03-09T11:30:01Z")), Due::Overdue);
    }

    fn planned(key: &str, hour: i8) -> PlannedStep {
        let start: Timestamp = format!("2027-03-09T{hour:02}:00:00Z").parse().unwrap();
        PlannedStep {
            key: key.into(),
            kind: StepKind::FollowUpCall,
            contact_id: None,
            start,
            end: start + SignedDuration::from_mins(90),
            zone: "Europe/London".into(),
            reason: "why".into(),
        }
    }

    #[test]
    fn merge_keeps_what_the_user_did_and_cancels_what_is_gone() {
        let t0 = Timestamp::UNIX_EPOCH;
        let first = merge(
            &[],
            &[planned("thank-you", 9), planned("follow-up-1", 10)],
            "int-1",
            t0,
            None,
        );
        assert_eq!(first.len(), 2);
        assert!(
            first
                .iter()
                .all(|s| s.state == StepState::Pending && s.sequence == 0)
        );

        let mut stored = first.clone();
        stored[0].state = StepState::Done;
        stored[1].moved = true;
        stored[1].start += SignedDuration::from_hours(24);
        let t1 = t0 + SignedDuration::from_hours(1);
        let again = merge(
            &stored,
            &[planned("thank-you", 11), planned("follow-up-1", 12)],
            "int-1",
            t1,
            None,
        );
        assert_eq!(again, stored, "done and moved steps are left alone");

        let t2 = t1 + SignedDuration::from_hours(1);
        let replanned = merge(
            &first,
            &[planned("thank-you", 9), planned("follow-up-2", 10)],
            "int-1",
            t2,
            None,
        );
        assert_eq!(
            replanned[0], first[0],
            "an unchanged step keeps its sequence"
        );
        assert_eq!(replanned[1].state, StepState::Cancelled);
        assert_eq!((replanned[1].sequence, replanned[1].updated_at), (1, t2));
        assert_eq!(replanned[2].key, "follow-up-2");
    }

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
}

//! The follow-up plan: from an interview, its interviewers, the candidate's profile, the
//! calls logged and the steps already done, derive what is due, when, and why.
//!
//! The plan is a pure function of those inputs. The store keeps its result and merges
//! it with what the user did by hand (a step done, skipped or moved keeps that state).
//! Dates that count working days use the *employer's* region (the lead interviewer's,
//! else the candidate's); call windows are in the interviewer's own zone.

use crate::InvalidValue;
pub use crate::cadence::CadenceProblem;
use crate::cadence::{self, History, Purpose};
use crate::calendar::{Holiday, WorkingDays};
use crate::model::*;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use std::collections::HashMap;

/// The rules that place and explain steps, named by when they last changed. A plan
/// stored under another is recomputed the first time plans are read or written (the app
/// keeps this in the `planner.version` setting), so an upgrade reaches plans made
/// before it. Change it with any change to where, when or why a step is placed.
pub const PLANNER_VERSION: &str = "2026-11-30.5";

mod follow_ups;
mod settings;
mod slots;
mod steps;

use follow_ups::follow_ups;
use settings::time;
pub use settings::{PlanSettings, SETTINGS};
pub use steps::{Due, Step, merge, restore_keeps_backup};

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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallRecord {
    pub id: String,
    pub interview_id: String,
    pub contact_id: Option<String>,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: Timestamp,
    pub outcome: CallOutcome,
    /// A time they agreed for another call.
    #[serde(default, deserialize_with = "crate::plan::optional_instant")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub callback: Option<Timestamp>,
    /// A date they gave for their decision.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
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
    /// The contacts made and dates given in the application's other rounds: the
    /// cadence counts per application.
    pub other_rounds: &'a History,
}

impl PlanInput<'_> {
    /// Every contact made and date given for the application: this round and the others.
    pub fn history(&self) -> History {
        let mut history = History::of_round(self.interview, self.calls, self.done);
        history.extend(self.other_rounds);
        history
    }
}

/// The cadence guard for a contact at `when`, made for `purpose`: the rules the plan
/// itself follows (crate::cadence), over every round of the application.
pub fn cadence_problems(
    when: Timestamp,
    purpose: Purpose,
    input: &PlanInput,
    cal: &WorkingDays,
) -> Vec<CadenceProblem> {
    let tz = TimeZone::get(&employer(input).zone).unwrap_or(TimeZone::UTC);
    cadence::check(when, purpose, &input.history(), cal, &tz, input.settings)
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

/// "Tue 2 Mar": the one way a plan or a cadence reason names a day.
pub(crate) fn short(date: Date) -> String {
    date.strftime("%a %-d %b").to_string()
}

fn at(date: Date, t: Time, tz: &TimeZone) -> Result<ZonedDateTime, InvalidValue> {
    date.to_datetime(t)
        .to_zoned_datetime(tz.clone())
        .map_err(|e| InvalidValue::new("time", e.to_string()))
}

/// A step per interviewer we cannot reach, and one if nobody is on the panel yet.
fn capture_steps(input: &PlanInput) -> Result<Vec<PlannedStep>, InvalidValue> {
    let end = input.interview.end();
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
    let end = input.interview.end().to_zoned_datetime(tz.clone());
    let day = end.date();
    let (close, noon) = (input.settings.business_hours.1, time(12, 0));
    let open = input.settings.business_hours.0;
    let (start, finish, reason) = if cal.is_working_day(day) && end.time() < noon {
        let finish = at(day, close, &tz)?;
        // An interview held in the small hours of your day (one in another zone) is
        // thanked once your working day begins, not at 02:00.
        let (start, reason) = if end.time() < open {
            (
                at(day, open, &tz)?.timestamp(),
                format!(
                    "same day: the interview ended at {} your time on {}",
                    end.strftime("%H:%M"),
                    short(day)
                ),
            )
        } else {
            (
                end.timestamp(),
                format!(
                    "same day, by the end of the afternoon: morning interview on {}",
                    short(day)
                ),
            )
        };
        (start, finish.timestamp(), reason)
    } else {
        let next = cal.next_working_day(day);
        let mut reason = if cal.is_working_day(day) {
            // Ended after your working day (one held in another zone): "evening".
            let part = if end.time() >= close {
                "an evening"
            } else {
                "an afternoon"
            };
            format!(
                "next working morning after {part} interview on {}",
                short(day)
            )
        } else {
            format!("next working morning after the interview on {}", short(day))
        };
        reason.push_str(&holidays_between(cal, day, next));
        let open = at(next, open, &tz)?;
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

/// "; Mon 28 Dec is a holiday in gb-eng" for holidays strictly between two dates. One on a
/// weekend is left out: the weekend is not counted anyway, and naming it ("Sat 26 Dec is
/// a holiday in ca-on") explains nothing.
fn holidays_between(cal: &WorkingDays, from: Date, to: Date) -> String {
    let mut out = String::new();
    let mut day = from;
    while let Ok(next) = day.tomorrow() {
        day = next;
        if day >= to {
            break;
        }
        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        if let Some(name) = cal.holiday(day).filter(|_| !weekend) {
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
        zone: crate::contact::their_zone(lead, &input.interview.time_zone),
        region_note,
        email_only: lead.is_some_and(|c| c.preferred_channel == PreferredChannel::EmailOnly),
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

fn optional_instant<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(d)?;
    text.map(|t| t.parse().map_err(serde::de::Error::custom))
        .transpose()
}

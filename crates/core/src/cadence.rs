//! The cadence: every contact made with an employer over an application's rounds, and
//! the one set of rules that says when the next may be made. The plan proposes its
//! steps by these rules and the guard checks what the user is about to do (a draft, a
//! call logged) against the same ones, so the plan never trips its own guard.
//!
//! The rules (domain.md, step 5): nothing before 2 working days after the latest date
//! they gave; never two contacts within 72 hours; a new follow-up at least 5 working days
//! after the last contact; at most two follow-ups per application (one when cautious),
//! counted over every round and every kind of contact, at their real times.

use crate::InvalidValue;
use crate::calendar::WorkingDays;
use crate::model::Interview;
use crate::plan::{CallOutcome, CallRecord, PlanSettings, StepKind, short};
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// Working days between a contact and the next follow-up.
pub const GAP_DAYS: u32 = 5;
/// Working days after the date they gave before anything is sent.
pub const AFTER_THEIR_DATE: u32 = 2;
/// No two contacts closer than this.
pub const MIN_HOURS: i64 = 72;

/// What kind of contact was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    /// A call that reached them.
    Reached,
    /// A voicemail left.
    Voicemail,
    /// A follow-up email or the email query, sent.
    Email,
    /// The short email after a voicemail: part of the voicemail's contact.
    AfterVoicemail,
    /// The note asking for feedback, after the last follow-up.
    Feedback,
    /// A follow-up call marked done by hand, with no call logged near that time.
    MarkedDone,
}

impl ContactKind {
    /// Whether it counts towards the follow-up limit.
    pub fn counts(self) -> bool {
        matches!(
            self,
            ContactKind::Reached
                | ContactKind::Voicemail
                | ContactKind::Email
                | ContactKind::MarkedDone
        )
    }
}

/// One contact made: when, what, and what it came from (`call:<id>` or a step key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactMade {
    pub at: Timestamp,
    pub kind: ContactKind,
    pub source: String,
}

/// A contact the user is about to make, by what it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A new follow-up (a call, a follow-up email, the query, a retry): it counts.
    FollowUp,
    /// The email after a voicemail: part of the voicemail's contact.
    AfterVoicemail,
    /// A call at the time they asked for: their choice, not ours.
    Agreed,
    /// Asking for feedback after the last follow-up.
    Feedback,
    /// The thank-you or capturing details: not a follow-up.
    NotAFollowUp,
}

impl Purpose {
    /// What a step of the plan is for.
    pub fn of_step(kind: &StepKind, key: &str) -> Purpose {
        match kind {
            StepKind::ThankYou | StepKind::CaptureDetails => Purpose::NotAFollowUp,
            StepKind::Feedback => Purpose::Feedback,
            _ if key.starts_with("voicemail-email-") => Purpose::AfterVoicemail,
            _ if key.starts_with("callback-") => Purpose::Agreed,
            _ => Purpose::FollowUp,
        }
    }
}

/// A date they gave for their decision, and when they gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateGiven {
    pub given_at: Timestamp,
    pub date: Date,
    /// Where it came from, in words: "the interview", "your call on Tue 2 Mar".
    pub source: String,
}

/// The contacts made and the dates they gave, over one or more rounds of an application.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    contacts: Vec<ContactMade>,
    dates: Vec<DateGiven>,
}

/// How near a logged call must be to a step marked done for the two to be one contact:
/// logging a call marks its step done at the call's time; marking by hand then logging
/// the details a little later is the same call too.
const SAME_CALL_HOURS: i64 = 12;

impl History {
    /// One round: the interview's date, its calls, and its steps done (key and when).
    pub fn of_round(
        interview: &Interview,
        calls: &[CallRecord],
        done: &[(String, Timestamp)],
    ) -> History {
        let mut history = History::default();
        if let Some(date) = interview.decide_by {
            // Recorded for the interview: it holds whenever you look, even ahead of it.
            history.dates.push(DateGiven {
                given_at: Timestamp::MIN,
                date,
                source: match interview.timeline.trim() {
                    "" => "at the interview".into(),
                    t => format!("\"{t}\""),
                },
            });
        }
        for call in calls {
            let kind = match call.outcome {
                CallOutcome::Reached => Some(ContactKind::Reached),
                CallOutcome::Voicemail => Some(ContactKind::Voicemail),
                _ => None,
            };
            if let Some(kind) = kind {
                history.contacts.push(ContactMade {
                    at: call.at,
                    kind,
                    source: format!("call:{}", call.id),
                });
            }
            if let Some(date) = call.decide_by {
                history.dates.push(DateGiven {
                    given_at: call.at,
                    date,
                    source: "on your call".into(),
                });
            }
        }
        for (key, at) in done {
            let Some(kind) = step_contact(key) else {
                continue;
            };
            let logged = calls.iter().any(|c| {
                c.at.duration_since(*at).abs() <= SignedDuration::from_hours(SAME_CALL_HOURS)
            });
            if kind == ContactKind::MarkedDone && logged {
                continue;
            }
            history.contacts.push(ContactMade {
                at: *at,
                kind,
                source: key.clone(),
            });
        }
        history.sort();
        history
    }

    /// Adds another round's contacts and dates.
    pub fn extend(&mut self, other: &History) {
        self.contacts.extend(other.contacts.iter().cloned());
        self.dates.extend(other.dates.iter().cloned());
        self.sort();
    }

    fn sort(&mut self) {
        self.contacts
            .sort_by(|a, b| a.at.cmp(&b.at).then(a.source.cmp(&b.source)));
    }

    /// Every contact, in time order.
    pub fn contacts(&self) -> &[ContactMade] {
        &self.contacts
    }

    /// Every date they gave.
    pub fn dates(&self) -> &[DateGiven] {
        &self.dates
    }

    /// The latest date they gave, among those given by `when`.
    pub fn their_date(&self, when: Timestamp) -> Option<&DateGiven> {
        self.dates
            .iter()
            .filter(|d| d.given_at <= when)
            .max_by_key(|d| d.date)
    }
}

/// The contact a step marked done stands for, if it is one: calls the plan proposed and
/// emails sent. The thank-you and capturing details are not follow-ups.
fn step_contact(key: &str) -> Option<ContactKind> {
    if key.starts_with("voicemail-email-") {
        Some(ContactKind::AfterVoicemail)
    } else if key.starts_with("follow-up-email-") || key.starts_with("query-") {
        Some(ContactKind::Email)
    } else if key == "feedback" {
        Some(ContactKind::Feedback)
    } else if key.starts_with("follow-up-")
        || key.starts_with("callback-")
        || key.starts_with("retry-")
    {
        Some(ContactKind::MarkedDone)
    } else {
        None
    }
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
        let level = if self.rule == "Behaviour.TooMany" {
            crate::tone::Level::Error
        } else {
            crate::tone::Level::Warning
        };
        crate::tone::Finding::whole(self.rule, level, &self.message)
    }
}

impl std::fmt::Display for CadenceProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The guard: why a contact at `when`, made for `purpose`, would break the cadence,
/// given the contacts made before it. `tz` is the employer's zone, `cal` their calendar.
pub fn check(
    when: Timestamp,
    purpose: Purpose,
    history: &History,
    cal: &WorkingDays,
    tz: &TimeZone,
    settings: &PlanSettings,
) -> Vec<CadenceProblem> {
    let mut problems = Vec::new();
    if matches!(purpose, Purpose::Agreed | Purpose::NotAFollowUp) {
        return problems;
    }
    let day = when.to_zoned_datetime(tz.clone()).date();
    if let Some(given) = history.their_date(when) {
        let wait = cal.add(given.date, AFTER_THEIR_DATE);
        if day < wait {
            problems.push(CadenceProblem {
                rule: "Behaviour.BeforeTheirDate",
                message: format!(
                    "they said they'd decide by {}: wait until {}",
                    short(given.date),
                    short(wait)
                ),
            });
        }
    }
    let before: Vec<&ContactMade> = history.contacts.iter().filter(|c| c.at <= when).collect();
    let last = before.last();
    if last.is_some_and(|c| when.duration_since(c.at) < SignedDuration::from_hours(MIN_HOURS)) {
        problems.push(CadenceProblem {
            rule: "Behaviour.Within72Hours",
            message: "you were in touch less than 72 hours before".into(),
        });
    } else if let Some(c) = last.filter(|_| purpose != Purpose::AfterVoicemail) {
        let last_day = c.at.to_zoned_datetime(tz.clone()).date();
        if cal.between(last_day, day) < GAP_DAYS {
            problems.push(CadenceProblem {
                rule: "Behaviour.TooSoon",
                message: format!(
                    "less than {GAP_DAYS} working days after your last contact on {}",
                    short(last_day)
                ),
            });
        }
    }
    let max = settings.max_follow_ups() as usize;
    let made = before.iter().filter(|c| c.kind.counts()).count();
    if purpose == Purpose::FollowUp && made >= max {
        problems.push(CadenceProblem {
            rule: "Behaviour.TooMany",
            message: format!(
                "{made} follow-up(s) made already for this application; the limit is {max}"
            ),
        });
    }
    problems
}

/// The earliest moment the rules allow a contact for `purpose` after every contact in
/// `history`, and the rule that sets it (`None` when nothing holds it back). `open` is
/// the start of business hours: a day's first moment for getting in touch. The plan
/// places its steps no earlier than this, which is what makes them pass [`check`].
pub fn earliest(
    purpose: Purpose,
    history: &History,
    cal: &WorkingDays,
    tz: &TimeZone,
    open: Time,
) -> Result<Option<(Timestamp, String)>, InvalidValue> {
    let mut best: Option<(Timestamp, String)> = None;
    if matches!(purpose, Purpose::Agreed | Purpose::NotAFollowUp) {
        return Ok(best);
    }
    let start_of = |day: Date| {
        day.to_datetime(open)
            .to_zoned_datetime(tz.clone())
            .map(|z| z.timestamp())
            .map_err(|e| InvalidValue::new("time", e.to_string()))
    };
    let mut raise = |at: Timestamp, why: String| {
        if best.as_ref().is_none_or(|(b, _)| at > *b) {
            best = Some((at, why));
        }
    };
    if let Some(given) = history.their_date(Timestamp::MAX) {
        let wait = cal.add(given.date, AFTER_THEIR_DATE);
        raise(
            start_of(wait)?,
            format!(
                "{}, 2 working days after {}, the date they gave",
                short(wait),
                short(given.date)
            ),
        );
    }
    if let Some(last) = history.contacts.last() {
        let day = last.at.to_zoned_datetime(tz.clone()).date();
        raise(
            last.at + SignedDuration::from_hours(MIN_HOURS),
            format!("72 hours after your last contact on {}", short(day)),
        );
        if purpose != Purpose::AfterVoicemail {
            let next = cal.add(day, GAP_DAYS);
            raise(
                start_of(next)?,
                format!(
                    "{}, {GAP_DAYS} working days after your last contact on {}",
                    short(next),
                    short(day)
                ),
            );
        }
    }
    Ok(best)
}

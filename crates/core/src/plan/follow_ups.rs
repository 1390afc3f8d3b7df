//! The follow-up chain: from the calls made, emails sent and steps done or skipped, the
//! one next contact the plan proposes (a call, an email, the query, or asking for
//! feedback), on a good working day in their business hours.

use super::slots::{self, call_window, call_windows, good_day, off_season, respect, slot};
use super::*;
use crate::cadence::{AFTER_THEIR_DATE, ContactKind, GAP_DAYS};

/// What moves the follow-up chain, in time order.
enum Event<'a> {
    /// A call in this round, whatever came of it.
    Call(&'a CallRecord),
    /// Any other contact: an email sent or a step marked done in this round, or any
    /// contact in another round of the application.
    Contact {
        kind: ContactKind,
        key: &'a str,
        other_round: bool,
    },
    /// A step you chose not to do.
    Skipped(&'a str),
}

/// The follow-up chain: the one next contact the plan proposes, from the calls, emails
/// and skips so far, placed by the cadence rules (crate::cadence) the guard applies.
pub(super) fn follow_ups(
    input: &PlanInput,
    calendars: &mut Calendars,
) -> Result<Vec<PlannedStep>, InvalidValue> {
    let yours = zone(&input.profile.time_zone)?;
    let mut steps = in_their_hours(input, calendars, &yours)?;
    // An email goes in their business hours, but you write it in your day: a London
    // working day is 03:00–11:30 in Chicago, so the step is due from 07:00 there, until
    // their close as before.
    for p in steps
        .iter_mut()
        .filter(|p| p.kind != StepKind::FollowUpCall)
    {
        (p.start, p.end) = slots::while_you_are_awake(p.start, p.end, &yours)?;
    }
    Ok(steps)
}

/// The follow-up chain placed in the employer's days and hours.
fn in_their_hours(
    input: &PlanInput,
    calendars: &mut Calendars,
    yours: &TimeZone,
) -> Result<Vec<PlannedStep>, InvalidValue> {
    let emp = employer(input);
    let tz = zone(&emp.zone)?;
    let cal = calendars.get(&emp.region)?;
    let day_of = |t: Timestamp| t.to_zoned_datetime(tz.clone()).date();
    let settings =
        &slots::for_your_zone(input.settings, day_of(input.interview.start), &tz, yours)?;
    let own = History::of_round(input.interview, input.calls, input.done);
    let mut history = own.clone();
    history.extend(input.other_rounds);

    let mut events: Vec<(Timestamp, &str, Event)> = Vec::new();
    for call in input.calls {
        events.push((call.at, &call.id, Event::Call(call)));
    }
    for (contacts, other_round) in [
        (own.contacts(), false),
        (input.other_rounds.contacts(), true),
    ] {
        for c in contacts
            .iter()
            .filter(|c| other_round || !c.source.starts_with("call:"))
        {
            events.push((
                c.at,
                &c.source,
                Event::Contact {
                    kind: c.kind,
                    key: &c.source,
                    other_round,
                },
            ));
        }
    }
    for (key, at) in input.skipped {
        events.push((*at, key, Event::Skipped(key)));
    }
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));

    // Follow-ups made (or given up), the last contact, and the step a call left pending.
    let mut made = 0u32;
    let mut last: Option<(Date, String)> = None;
    let mut skipped_on: Option<Date> = None;
    let mut pending: Option<PlannedStep> = None;
    // Days without an answer since the last contact: two, then the email query.
    let mut unanswered: Vec<Date> = Vec::new();
    let mut finished = false;
    // Keys come from what caused a step (the call's id), not its position: a call logged
    // late, out of order, leaves the other steps' keys alone.
    for (when, _, event) in &events {
        let day = day_of(*when);
        match event {
            Event::Skipped(key) => {
                if pending.as_ref().is_some_and(|p| p.key == *key) {
                    pending = None;
                }
                if *key == "feedback" {
                    finished = true;
                } else if let Some(k) = key
                    .strip_prefix("follow-up-email-")
                    .or_else(|| key.strip_prefix("follow-up-"))
                {
                    // You chose not to make this follow-up: the next one (or feedback).
                    made = made.max(k.parse().unwrap_or(made + 1));
                    skipped_on = Some(day);
                } else if ["retry-", "query-", "callback-"]
                    .iter()
                    .any(|p| key.starts_with(p))
                {
                    // You gave up on this attempt: it is spent.
                    made += 1;
                    skipped_on = Some(day);
                }
            }
            Event::Contact {
                kind,
                key,
                other_round,
            } => {
                if pending.as_ref().is_some_and(|p| p.key == *key) {
                    pending = None;
                }
                unanswered.clear();
                if kind.counts() {
                    made += 1;
                }
                if *kind == ContactKind::Feedback && !other_round {
                    finished = true;
                }
                let what = match kind {
                    ContactKind::AfterVoicemail => "email after your voicemail",
                    ContactKind::Feedback => "note asking for feedback",
                    ContactKind::MarkedDone => "call (marked done)",
                    ContactKind::Reached => "call",
                    ContactKind::Voicemail => "voicemail",
                    ContactKind::Email => "email",
                };
                let round = if *other_round { " (another round)" } else { "" };
                last = Some((day, format!("{what} on {}{round}", short(day))));
            }
            Event::Call(call) => {
                pending = None;
                match call.outcome {
                    CallOutcome::Reached | CallOutcome::Voicemail => {
                        unanswered.clear();
                        made += 1;
                        let what = if call.outcome == CallOutcome::Voicemail {
                            "voicemail"
                        } else {
                            "call"
                        };
                        last = Some((day, format!("{what} on {}", short(day))));
                        if call.outcome == CallOutcome::Voicemail {
                            pending = Some(after_voicemail(call, day, cal, settings, &tz, &emp)?);
                        }
                    }
                    CallOutcome::Unavailable => {
                        pending = Some(match call.callback {
                            Some(when) => PlannedStep {
                                start: when,
                                end: when + SignedDuration::from_mins(15),
                                reason: format!(
                                    "they asked you to call back then (on {})",
                                    short(day)
                                ),
                                ..step(
                                    &format!("callback-{}", call.id),
                                    StepKind::FollowUpCall,
                                    &emp,
                                )
                            },
                            None => {
                                let reason = format!(
                                    "they couldn't talk on {}: send the query by email, to read when it suits them",
                                    short(day)
                                );
                                email_query(call, reason, cal, settings, &tz, &emp)?
                            }
                        });
                    }
                    CallOutcome::NoAnswer | CallOutcome::Other(_) => {
                        if !unanswered.contains(&day) {
                            unanswered.push(day);
                        }
                        pending = Some(if unanswered.len() >= 2 {
                            // Two days without an answer: stop calling, write instead.
                            let days: Vec<String> = unanswered.iter().map(|d| short(*d)).collect();
                            let reason = format!(
                                "no answer on {} days ({}): send your query by email instead of calling again",
                                days.len(),
                                days.join(", ")
                            );
                            email_query(call, reason, cal, settings, &tz, &emp)?
                        } else {
                            let next = at(cal.next_working_day(day), time(0, 0), &tz)?;
                            let (start, end, note) = slot(
                                next.timestamp(),
                                &call_windows(settings),
                                cal,
                                settings,
                                &tz,
                            )?;
                            PlannedStep {
                                start,
                                end,
                                reason: format!(
                                    "no answer on {}: try once more on another working day{note}",
                                    short(day)
                                ),
                                ..step(&format!("retry-{}", call.id), StepKind::FollowUpCall, &emp)
                            }
                        });
                    }
                }
            }
        }
    }
    let closed = |key: &str| {
        input.done.iter().any(|(k, _)| k == key) || input.skipped.iter().any(|(k, _)| k == key)
    };
    let max = settings.max_follow_ups();
    if let Some(p) = pending.filter(|p| !closed(&p.key)) {
        let purpose = Purpose::of_step(&p.kind, &p.key);
        // Past the limit, a call that did not reach them leads to feedback, not a retry.
        if purpose != Purpose::FollowUp || made < max {
            return Ok(vec![respect(p, purpose, &history, cal, settings, &tz)?]);
        }
    }
    if finished {
        return Ok(Vec::new());
    }

    // The next follow-up: 5 working days after the interview and after the last contact
    // (or a skip), and 2 working days after the latest date they gave.
    let interview_day = day_of(input.interview.start);
    let mut earliest = cal.add(interview_day, GAP_DAYS);
    let mut why = format!(
        "5th working day after the {} interview in {}{}{}",
        short(interview_day),
        emp.region,
        emp.region_note,
        holidays_between(cal, interview_day, earliest)
    );
    if let Some((d, what)) = &last
        && cal.add(*d, GAP_DAYS) > earliest
    {
        earliest = cal.add(*d, GAP_DAYS);
        why = format!("5 working days after your {what}");
    }
    if let Some(d) = skipped_on.filter(|d| cal.add(*d, GAP_DAYS) > earliest) {
        earliest = cal.add(d, GAP_DAYS);
        why = format!(
            "5 working days after you skipped a follow-up on {}",
            short(d)
        );
    }
    let their = history.their_date(Timestamp::MAX);
    if let Some(g) = their.filter(|g| cal.add(g.date, AFTER_THEIR_DATE) > earliest) {
        earliest = cal.add(g.date, AFTER_THEIR_DATE);
        why = format!(
            "2 working days after {}, the date they gave ({})",
            short(g.date),
            g.source
        );
    }
    if made >= max {
        let mut reason = format!(
            "{made} follow-up(s) made for this application: ask for feedback, thank them, and move on; {why}"
        );
        let day = off_season(cal, earliest, settings, &mut reason);
        let p = PlannedStep {
            start: at(day, settings.business_hours.0, &tz)?.timestamp(),
            end: at(day, settings.business_hours.1, &tz)?.timestamp(),
            reason,
            ..step("feedback", StepKind::Feedback, &emp)
        };
        return Ok(vec![respect(
            p,
            Purpose::Feedback,
            &history,
            cal,
            settings,
            &tz,
        )?]);
    }
    let k = made + 1;
    let day = good_day(cal, earliest, settings, &mut why);
    if !cal.covers(day) {
        why.push_str(&format!(
            "; warning: no holiday data for {} that far ahead, only weekends were counted",
            cal.region()
        ));
    }
    // Never a call to someone without a number (domain.md, step 5): without one, the
    // follow-up is an email, and the reason says what would make it a call.
    let no_phone = emp.lead.is_none_or(|c| c.phones.is_empty());
    let p = if emp.email_only || no_phone {
        let instead = match (emp.email_only, emp.lead) {
            (true, _) => "they prefer email".to_string(),
            (false, Some(c)) if c.emails.is_empty() => format!(
                "no phone number or email address for {} yet: add one (a phone number makes this a call)",
                c.full_name
            ),
            (false, Some(c)) => format!("no phone number for {}: an email instead", c.full_name),
            (false, None) => "nobody on the panel yet: add who interviewed you (with a phone \
                              number, this is a call)"
                .to_string(),
        };
        PlannedStep {
            start: at(day, settings.business_hours.0, &tz)?.timestamp(),
            end: at(day, settings.business_hours.1, &tz)?.timestamp(),
            reason: format!("{why}; {instead}"),
            ..step(
                &format!("follow-up-email-{k}"),
                StepKind::FollowUpEmail,
                &emp,
            )
        }
    } else {
        let (from, to) = call_window(day, settings, &tz)?;
        PlannedStep {
            start: from,
            end: to,
            reason: why,
            ..step(&format!("follow-up-{k}"), StepKind::FollowUpCall, &emp)
        }
    };
    Ok(vec![respect(
        p,
        Purpose::FollowUp,
        &history,
        cal,
        settings,
        &tz,
    )?])
}

/// The short email after a voicemail: 2–3 working days later if nothing comes back, on a
/// good day, and never within 72 hours of the voicemail (`respect` sees to that).
fn after_voicemail(
    call: &CallRecord,
    day: Date,
    cal: &WorkingDays,
    settings: &PlanSettings,
    tz: &TimeZone,
    emp: &Employer,
) -> Result<PlannedStep, InvalidValue> {
    let from = at(cal.add(day, 2), time(0, 0), tz)?.timestamp();
    let (start, end, note) = slot(from, &[settings.business_hours], cal, settings, tz)?;
    let last = at(cal.add(day, 3), settings.business_hours.1, tz)?.timestamp();
    Ok(PlannedStep {
        start,
        end: end.max(last),
        reason: format!(
            "you left a voicemail on {}: follow it with a short email if nothing comes back{note}",
            short(day)
        ),
        ..step(
            &format!("voicemail-email-{}", call.id),
            StepKind::FollowUpEmail,
            emp,
        )
    })
}

/// The email query, due from the call (or the next business hour) until that day's close.
fn email_query(
    call: &CallRecord,
    reason: String,
    cal: &WorkingDays,
    settings: &PlanSettings,
    tz: &TimeZone,
    emp: &Employer,
) -> Result<PlannedStep, InvalidValue> {
    let (start, end, note) = slot(call.at, &[settings.business_hours], cal, settings, tz)?;
    Ok(PlannedStep {
        start,
        end,
        reason: format!("{reason}{note}"),
        ..step(&format!("query-{}", call.id), StepKind::EmailQuery, emp)
    })
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

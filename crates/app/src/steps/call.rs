//! A call as the user logs it: its outcome, a callback or a date they gave, when it was
//! made, and the plan moved on from it.

use super::*;

/// A call as the user reports it.
#[derive(Debug, Clone, Default)]
pub struct CallLog {
    pub interview_id: String,
    pub outcome: String,
    /// A time they asked for, read in their zone unless `callback_tz`: `YYYY-MM-DDTHH:MM`
    /// or in words with an hour ("Thursday at 3", "tomorrow at 10:30").
    pub callback: Option<String>,
    pub callback_tz: Option<String>,
    pub decide_by: Option<String>,
    /// When you made the call (now when `None`).
    pub at: Option<WhenYouDid>,
    pub note: Option<String>,
    pub anyway: bool,
}

/// What logging a call did.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallLogged {
    pub call: CallRecord,
    /// The zone the callback was agreed in, and yours.
    pub their_zone: String,
    pub your_zone: String,
    /// The next pending step after the call, if any.
    pub next: Option<Step>,
}

impl Followup {
    /// Records a call, completes the call it answers, and moves the plan on. A callback
    /// outside their business hours or on a holiday is refused unless `anyway`; a call that
    /// breaks the cadence is recorded (it happened) with a warning.
    pub fn log_call(&mut self, log: CallLog) -> Result<Done<CallLogged>> {
        let outcome = CallOutcome::from(log.outcome.as_str());
        if !outcome.is_known() {
            return Err(AppError::invalid(
                "outcome",
                format!(
                    "unknown outcome '{}'; use one of {}",
                    log.outcome,
                    CallOutcome::KNOWN.join(", ")
                ),
            ));
        }
        if log.callback.is_some() && outcome != CallOutcome::Unavailable {
            return Err(AppError::invalid(
                "callback",
                "a callback goes with the outcome unavailable",
            ));
        }
        let now = self.now();
        self.write(|tx| {
            tx.summary(format!("call log {} ({})", log.interview_id, log.outcome));
            tx.plan_of(&log.interview_id)?;
            let interview = tx.store.interview(&log.interview_id)?;
            let panel = tx.store.contacts_by_ids(&interview.interviewer_ids)?;
            let lead = panel.first();
            let mut planner = Planner::load(tx.store)?;
            // When you called is your time; what they asked for is theirs.
            let zone = their_zone(&interview, &panel);
            let mut warnings = Vec::new();
            let at = match &log.at {
                Some(at) => {
                    let (at, warning) = at.read("at", &planner.profile.time_zone, now)?;
                    warnings.extend(warning);
                    at
                }
                None => now,
            };
            let callback_zone = match &log.callback_tz {
                Some(tz) => place::time_zone("callback-tz", tz)?,
                None => zone.clone(),
            };
            let region = planner.employer_region(&panel);
            let callback = match log.callback.as_deref() {
                // Words ("Thursday 3pm", "in an hour") are read from the call's time, in
                // their day.
                Some(text) => Some(when::instant_in_words(
                    "callback",
                    text,
                    &callback_zone,
                    at,
                    planner.calendars.get(&region)?,
                    &planner.profile.locale,
                )?),
                None => None,
            };
            if let Some(when) = callback {
                // Against the call's own time: a callback agreed on a call logged later
                // (--at) is judged by when the call was, not by today.
                if when <= at {
                    let what = if log.at.is_some() {
                        "before the call"
                    } else {
                        "in the past"
                    };
                    return Err(AppError::invalid(
                        "callback",
                        format!("{} is {what}", when::shown_in(when, &callback_zone)),
                    ));
                }
                let cal = planner.calendars.get(&region)?;
                if let Some(problem) = plan::call_time_problem(when, &zone, cal, &planner.settings)
                    && !log.anyway
                {
                    return Err(AppError::invalid("callback", problem));
                }
            }
            let record = CallRecord {
                id: String::new(),
                interview_id: interview.id.clone(),
                contact_id: lead.map(|c| c.id.clone()),
                at,
                outcome: outcome.clone(),
                callback,
                decide_by: match log.decide_by.as_deref() {
                    Some(text) => Some(said::given_date(
                        "decide-by",
                        text,
                        when::day_in(at, &zone),
                        planner.calendars.get(&region)?,
                        &planner.profile.locale,
                    )?),
                    None => None,
                },
                note: log.note.clone().unwrap_or_default(),
            };
            interview.followed_at(
                at,
                "at",
                log.at.is_some(),
                &planner.profile.time_zone,
                "a follow-up call",
            )?;
            // The call has happened, so the cadence guard only warns here.
            if matches!(
                record.outcome,
                CallOutcome::Reached | CallOutcome::Voicemail
            ) {
                let loaded = Loaded::from_store(tx.store, &mut planner, &record.interview_id)?;
                // A call at the time they asked for is their choice, not a new follow-up.
                let agreed = loaded
                    .steps
                    .iter()
                    .any(|s| s.state == StepState::Pending && s.key.starts_with("callback-"));
                let purpose = if agreed {
                    Purpose::Agreed
                } else {
                    Purpose::FollowUp
                };
                let input = loaded.input(&planner.profile, &planner.settings);
                let cal = planner.calendars.get(&region)?;
                warnings.extend(
                    plan::cadence_problems(record.at, purpose, &input, cal)
                        .iter()
                        .map(|p| Warning::Cadence(p.to_string())),
                );
            }
            let call = tx.add_call(record)?;
            // The pending call this one answers is done.
            let due: Vec<Step> = tx
                .store
                .steps(&call.interview_id)?
                .into_iter()
                .filter(|s| s.kind == StepKind::FollowUpCall)
                .filter_map(|mut s| s.complete(call.at, tx.now).then_some(s))
                .collect();
            tx.save_steps(due)?;
            Ok(Done::new(
                CallLogged {
                    call,
                    their_zone: zone,
                    your_zone: planner.profile.time_zone.clone(),
                    next: None,
                },
                warnings,
            ))
        })
        .and_then(|mut done| {
            // After the commit's replan: the step the plan now proposes.
            done.value.next = self
                .store
                .steps(&done.value.call.interview_id)?
                .into_iter()
                .find(|s| s.state == StepState::Pending && s.kind != StepKind::ThankYou);
            Ok(done)
        })
    }
}

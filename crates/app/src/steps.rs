//! The plan as the user acts on it: what is due, a step done, skipped or moved by hand,
//! and a logged call (steps/call.rs). Each moves the plan on through
//! [`crate::write::Tx`].

mod call;

pub use call::{CallLog, CallLogged};

use crate::planner::{Loaded, Planner};
use crate::step_view::{StepView, describe};
use crate::{AppError, Done, Followup, Result, Warning};
use followup_core::cadence::Purpose;
use followup_core::plan::{self, CallOutcome, CallRecord, Due, Step, StepKind, StepState};
use followup_core::{place, said, when};
use jiff::{SignedDuration, ToSpan};

/// What to do with a pending step.
#[derive(Debug, Clone)]
pub enum StepAction {
    /// Done (`posted`: a letter went in the post), at `at` when given.
    Done {
        posted: bool,
        at: Option<WhenYouDid>,
    },
    /// Skipped, at `at` when given.
    Skip { at: Option<WhenYouDid> },
    /// To a new start typed as a local time in `tz` (the step's zone when `None`).
    Move {
        to: String,
        tz: Option<String>,
        anyway: bool,
    },
}

/// A time typed for when you did something: read in your zone (the profile's) unless
/// `tz` names another.
#[derive(Debug, Clone)]
pub struct WhenYouDid {
    pub text: String,
    pub tz: Option<String>,
}

impl WhenYouDid {
    /// The instant, and a warning when it lies in the future (a typo in the date or the
    /// zone, most likely: what you did has happened).
    pub(crate) fn read(
        &self,
        field: &str,
        your_zone: &str,
        now: jiff::Timestamp,
    ) -> Result<(jiff::Timestamp, Option<Warning>)> {
        let zone = match &self.tz {
            Some(tz) => place::time_zone(&format!("{field}-tz"), tz)?,
            None => your_zone.to_string(),
        };
        let at = when::instant(field, &self.text, &zone)?;
        let warning = (at > now).then(|| {
            Warning::Future(format!(
                "--{field} {} ({zone}) is in the future; check the date and the zone",
                self.text
            ))
        });
        Ok((at, warning))
    }
}

/// What is due over some days: overdue steps, those whose window is open now, and those
/// starting by the end of `last`, each section earliest first.
#[derive(Debug)]
pub struct Agenda {
    pub first: jiff::civil::Date,
    pub last: jiff::civil::Date,
    pub overdue: Section,
    pub now: Section,
    pub upcoming: Section,
}

/// One section of the agenda: the steps shown, and whether more were left out.
#[derive(Debug, Default)]
pub struct Section {
    pub steps: Vec<StepView>,
    pub more: bool,
}

impl Agenda {
    /// The sections in reading order, with what each holds.
    pub fn sections(&self) -> [(Due, &Section); 3] {
        [
            (Due::Overdue, &self.overdue),
            (Due::Now, &self.now),
            (Due::Upcoming, &self.upcoming),
        ]
    }

    /// Every step shown, overdue first.
    pub fn into_steps(self) -> Vec<StepView> {
        let mut all = self.overdue.steps;
        all.extend(self.now.steps);
        all.extend(self.upcoming.steps);
        all
    }
}

/// A step after a change by hand, and the zone to show its times in.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepActed {
    pub step: Step,
    pub your_zone: String,
}

impl Followup {
    /// Steps due before the end of `days` days from `from` (today in your zone when not
    /// given), overdue ones included; at most `shown` in each section (all when `None`).
    /// Each section is read on its own, so a long overdue list never hides what is due
    /// now, and only the steps shown are looked up for their names.
    pub fn agenda(
        &mut self,
        from: Option<&str>,
        days: u32,
        shown: Option<usize>,
    ) -> Result<Agenda> {
        self.plans_current()?;
        let profile = self.store.profile()?.unwrap_or_default();
        let tz = jiff::tz::TimeZone::get(&profile.time_zone)
            .map_err(|e| AppError::invalid("time_zone", e.to_string()))?;
        let now = self.now();
        let first = match from {
            Some(date) => when::date("from", date)?,
            None => now.to_zoned_datetime(tz.clone()).date(),
        };
        let until = first
            .checked_add((days.max(1) as i64).days())
            .and_then(|d| d.to_zoned_datetime(tz.clone()))
            .map_err(|e| AppError::invalid("from", e.to_string()))?
            .timestamp();
        let mut section = |due: Due| -> Result<Section> {
            let limit = shown.map(|n| n as i64 + 1);
            let mut steps = self.store.pending_steps(due, now, until, limit)?;
            let more = shown.is_some_and(|n| steps.len() > n);
            steps.truncate(shown.unwrap_or(usize::MAX));
            Ok(Section {
                steps: describe(&mut self.store, &steps, &profile.time_zone, now, false)?,
                more,
            })
        };
        let (overdue, now_open, upcoming) = (
            section(Due::Overdue)?,
            section(Due::Now)?,
            section(Due::Upcoming)?,
        );
        Ok(Agenda {
            last: first
                .checked_add((days.max(1) as i64 - 1).days())
                .unwrap_or(first),
            first,
            overdue,
            now: now_open,
            upcoming,
        })
    }

    /// The interview's start as the lead interviewer lives it, when that is another
    /// hour than in the zone it was typed in (their zone from their card or region): a
    /// time typed in your zone may have been meant as theirs, and the front ends say so.
    pub fn start_for_them(&mut self, interview_id: &str) -> Result<Option<jiff::ZonedDateTime>> {
        let interview = self.store.interview(interview_id)?;
        let panel = self.store.contacts_by_ids(&interview.interviewer_ids)?;
        let zone = their_zone(&interview, &panel);
        let Ok(tz) = jiff::tz::TimeZone::get(&zone) else {
            return Ok(None);
        };
        let theirs = interview.start.to_zoned_datetime(tz);
        Ok((theirs.datetime() != interview.local_start().datetime()).then_some(theirs))
    }

    /// The zone a time they ask for is read in (a callback): the lead interviewer's,
    /// else the interview's.
    pub fn their_zone(&mut self, interview_id: &str) -> Result<String> {
        let interview = self.store.interview(interview_id)?;
        let panel = self.store.contacts_by_ids(&interview.interviewer_ids)?;
        Ok(their_zone(&interview, &panel))
    }

    /// An interview's steps in every state.
    pub fn plan(&mut self, interview_id: &str) -> Result<Vec<StepView>> {
        self.plans_current()?;
        let steps = self.store.steps(interview_id)?;
        if steps.is_empty() {
            self.store.interview(interview_id)?;
        }
        let zone = self.store.profile()?.unwrap_or_default().time_zone;
        let now = self.now();
        describe(&mut self.store, &steps, &zone, now, false)
    }

    /// Every step, for the calendar feed.
    pub fn all_steps(&mut self) -> Result<Vec<StepView>> {
        self.plans_current()?;
        let steps = self.store.all_steps()?;
        let zone = self.store.profile()?.unwrap_or_default().time_zone;
        let now = self.now();
        describe(&mut self.store, &steps, &zone, now, true)
    }

    pub fn step(&mut self, id: &str) -> Result<Step> {
        Ok(self.store.step(id)?)
    }

    /// Brings plans made by an earlier planner up to date before they are shown (after an
    /// upgrade): a write only while the planner that made them is not this one, and once.
    fn plans_current(&mut self) -> Result<()> {
        if crate::write::planner_is_current(&mut self.store)? {
            return Ok(());
        }
        self.write(|tx| {
            // Recomputing changes nothing the user wrote: nothing to undo.
            tx.journal.off = true;
            tx.catch_up_planner();
            Ok(())
        })
    }

    /// Recomputes plans by hand: one interview's, or every plan with something pending.
    pub fn refresh_plans(&mut self, interview_id: Option<&str>) -> Result<usize> {
        self.write(|tx| {
            // Recomputing changes nothing the user wrote: nothing to undo.
            tx.journal.off = true;
            let ids = match interview_id {
                Some(id) => {
                    tx.store.interview(id)?;
                    vec![id.to_string()]
                }
                None => tx.store.interviews_to_replan()?,
            };
            for id in &ids {
                tx.plan_of(id)?;
            }
            Ok(ids.len())
        })
    }

    /// Acts on a pending step by hand; recomputing the plan keeps what the user did.
    pub fn act_on_step(&mut self, id: &str, action: StepAction) -> Result<Done<StepActed>> {
        let now = self.now();
        self.write(|tx| {
            tx.summary(format!("step {id}"));
            let interview_id = tx.store.step(id)?.interview_id;
            tx.plan_of(&interview_id)?;
            let mut step = tx.store.step(id)?;
            if step.state != StepState::Pending {
                return Err(AppError::refused(format!(
                    "step {id} is {}; only pending steps can change",
                    step.state
                )));
            }
            let your_zone = tx.store.profile()?.unwrap_or_default().time_zone;
            let interview = tx.store.interview(&step.interview_id)?;
            let mut warnings = Vec::new();
            // What follows the interview is done after it: a time typed is checked, and so
            // is now for a step marked done (a thank-you "done" before the interview is a
            // slip, and would count). Noting the interviewers' details may come before it,
            // and a step may be skipped whenever you decide to.
            let what = format!("the {} step", step.kind);
            let needs_it_over = step.kind != StepKind::CaptureDetails;
            let mut settled = |at: &Option<WhenYouDid>, done: bool| -> Result<jiff::Timestamp> {
                let Some(at) = at else {
                    if done && needs_it_over {
                        interview.followed_at(now, "at", false, &your_zone, &what)?;
                    }
                    return Ok(now);
                };
                let (at, warning) = at.read("at", &your_zone, now)?;
                interview.followed_at(at, "at", true, &your_zone, &what)?;
                warnings.extend(warning);
                Ok(at)
            };
            match action {
                StepAction::Done { posted, at } => {
                    step.complete(settled(&at, true)?, tx.now);
                    if posted {
                        step.reason.push_str("; posted");
                    }
                }
                StepAction::Skip { at } => {
                    step.state = StepState::Skipped;
                    step.done_at = Some(settled(&at, false)?);
                }
                StepAction::Move { to, tz, anyway } => {
                    let zone = match tz {
                        Some(z) => place::time_zone("tz", &z)?,
                        None => step.zone.clone(),
                    };
                    let panel = tx.store.contacts_by_ids(&interview.interviewer_ids)?;
                    let mut planner = Planner::load(tx.store)?;
                    let region = planner.employer_region(&panel);
                    let cal = planner.calendars.get(&region)?;
                    // Typed ("2027-03-16T14:30") or in words ("Thursday 3pm", "10:30 on
                    // Friday"), read from today in the step's zone.
                    let start = when::instant_in_words(
                        "to",
                        &to,
                        &zone,
                        now,
                        cal,
                        &planner.profile.locale,
                    )?;
                    interview.followed_at(start, "to", true, &zone, "a step")?;
                    if start < now {
                        warnings.push(Warning::Past(format!(
                            "{to} is already past: the step is overdue from now on"
                        )));
                    }
                    if step.kind == StepKind::FollowUpCall
                        && !anyway
                        && let Some(problem) =
                            plan::call_time_problem(start, &step.zone, cal, &planner.settings)
                    {
                        return Err(AppError::invalid("to", problem));
                    }
                    let length = step
                        .end
                        .duration_since(step.start)
                        .max(SignedDuration::from_mins(15));
                    step.start = start;
                    step.end = start + length;
                    step.moved = true;
                }
            }
            if step.state != StepState::Done {
                // `complete` already counted the change for a step marked done.
                step.sequence += 1;
                step.updated_at = tx.now;
            }
            let step = tx.save_steps(vec![step])?.remove(0);
            Ok(Done::new(StepActed { step, your_zone }, warnings))
        })
    }
}

/// The lead interviewer's zone (core::contact::their_zone).
fn their_zone(
    interview: &followup_core::model::Interview,
    panel: &[followup_core::model::Contact],
) -> String {
    followup_core::contact::their_zone(panel.first(), &interview.time_zone)
}

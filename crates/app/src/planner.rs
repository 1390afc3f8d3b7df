//! Keeping stored plans right: load what an interview's plan is derived from, derive it
//! (`followup_core::plan`), merge it with the stored steps, save. Only [`crate::write::Tx`]
//! calls `replan`, when its write commits.

use crate::Result;
use followup_core::cadence::{History, Purpose};
use followup_core::calendar::WorkingDays;
use followup_core::model::{Application, Contact, Interview, InterviewStatus, Profile};
use followup_core::plan::{self, Calendars, CallRecord, PlanInput, PlanSettings, Step, StepState};
use followup_store::Store;
use jiff::Timestamp;
use std::collections::HashMap;

/// The inputs every plan shares: settings, holidays, the profile.
pub(crate) struct Planner {
    pub calendars: Calendars,
    pub settings: PlanSettings,
    pub profile: Profile,
    /// Each application's rounds, read once per planner: replanning changes no call, no
    /// step done and no interview, so what one plan reads of the other rounds holds for
    /// the next (a contact edit can touch every round of an application).
    rounds: HashMap<String, Vec<Round>>,
}

/// One round of an application as the cadence sees it.
struct Round {
    interview: Interview,
    history: History,
}

impl Planner {
    pub fn load(store: &mut Store) -> Result<Planner> {
        let pairs = store.settings()?;
        let settings =
            PlanSettings::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        Ok(Planner {
            calendars: Calendars::new(store.own_holidays()?),
            settings,
            profile: store.profile()?.unwrap_or_default(),
            rounds: HashMap::new(),
        })
    }

    /// Recomputes one interview's plan and stores it; returns its steps.
    pub fn replan(
        &mut self,
        store: &mut Store,
        interview_id: &str,
        now: Timestamp,
    ) -> Result<Vec<Step>> {
        let loaded = Loaded::from_store(store, self, interview_id)?;
        let input = loaded.input(&self.profile, &self.settings);
        let planned = plan::derive(&input, &mut self.calendars)?;
        let because = plan::superseded_because(&input);
        let merged = plan::merge(
            &loaded.steps,
            &planned,
            interview_id,
            now,
            because.as_deref(),
        );
        let changed: Vec<Step> = merged
            .into_iter()
            .filter(|s| !loaded.steps.contains(s))
            .collect();
        store.save_steps(changed)?;
        Ok(store.steps(interview_id)?)
    }

    /// The application's first interview after `interview` that is not cancelled, and
    /// what happened in every other round (the cadence counts per application).
    fn other_rounds(
        &mut self,
        store: &mut Store,
        interview: &Interview,
    ) -> Result<(Option<Interview>, History)> {
        let app = &interview.application_id;
        if !self.rounds.contains_key(app) {
            let mut rounds = Vec::new();
            for id in store.interview_ids_for_application(app)? {
                let round = store.interview(&id)?;
                let done: Vec<(String, Timestamp)> = store
                    .steps(&id)?
                    .iter()
                    .filter(|s| s.state == StepState::Done)
                    .map(|s| (s.key.clone(), s.done_at.unwrap_or(s.updated_at)))
                    .collect();
                let history = History::of_round(&round, &store.calls(&id)?, &done);
                rounds.push(Round {
                    interview: round,
                    history,
                });
            }
            self.rounds.insert(app.clone(), rounds);
        }
        let mut later: Option<&Interview> = None;
        let mut history = History::default();
        for round in &self.rounds[app] {
            let other = &round.interview;
            if other.id == interview.id {
                continue;
            }
            history.extend(&round.history);
            let after = (other.start, &other.id) > (interview.start, &interview.id);
            if after
                && other.status != InterviewStatus::Cancelled
                && later.is_none_or(|l| other.start < l.start)
            {
                later = Some(other);
            }
        }
        Ok((later.cloned(), history))
    }

    /// The working days of the region whose calendar governs this panel.
    pub fn employer_region(&self, panel: &[Contact]) -> String {
        plan::employer_region(panel, &self.profile)
    }

    /// The working days of `interview`'s employer (its panel's region, else yours): what
    /// a date they gave in words is counted in.
    pub fn employer_days(
        &mut self,
        store: &mut Store,
        interview: &Interview,
    ) -> Result<&WorkingDays> {
        let panel = store.contacts_by_ids(&interview.interviewer_ids)?;
        let region = self.employer_region(&panel);
        Ok(self.calendars.get(&region)?)
    }
}

/// What an interview's plan is derived from, read from the store.
pub(crate) struct Loaded {
    pub interview: Interview,
    pub application: Application,
    pub panel: Vec<Contact>,
    pub calls: Vec<CallRecord>,
    pub steps: Vec<Step>,
    pub done: Vec<(String, Timestamp)>,
    pub skipped: Vec<(String, Timestamp)>,
    /// The application's next round after this interview, if any.
    pub later_round: Option<Interview>,
    /// The contacts made and dates given in the application's other rounds.
    pub other_rounds: History,
}

impl Loaded {
    pub fn from_store(
        store: &mut Store,
        planner: &mut Planner,
        interview_id: &str,
    ) -> Result<Loaded> {
        let interview = store.interview(interview_id)?;
        let application = store.application(&interview.application_id)?;
        let panel = store.contacts_by_ids(&interview.interviewer_ids)?;
        let calls = store.calls(interview_id)?;
        let steps = store.steps(interview_id)?;
        let done = steps
            .iter()
            .filter(|s| s.state == StepState::Done)
            .map(|s| (s.key.clone(), s.done_at.unwrap_or(s.updated_at)))
            .collect();
        let (later_round, other_rounds) = planner.other_rounds(store, &interview)?;
        let skipped = steps
            .iter()
            .filter(|s| s.state == StepState::Skipped)
            .map(|s| (s.key.clone(), s.done_at.unwrap_or(s.updated_at)))
            .collect();
        Ok(Loaded {
            interview,
            application,
            panel,
            calls,
            steps,
            done,
            skipped,
            later_round,
            other_rounds,
        })
    }

    pub fn input<'a>(&'a self, profile: &'a Profile, settings: &'a PlanSettings) -> PlanInput<'a> {
        PlanInput {
            interview: &self.interview,
            application: &self.application,
            interviewers: &self.panel,
            profile,
            settings,
            calls: &self.calls,
            done: &self.done,
            skipped: &self.skipped,
            later_round: self.later_round.as_ref(),
            other_rounds: &self.other_rounds,
        }
    }
}

/// The day the plan would send the short email after a voicemail left at `at` on this
/// interview, in the employer's zone: the plan derived as if that voicemail were logged,
/// so the voicemail promises what the plan will do.
pub(crate) fn email_after_voicemail(
    store: &mut Store,
    interview_id: &str,
    at: Timestamp,
) -> Result<Option<jiff::civil::Date>> {
    const LEFT: &str = "voicemail-to-be-left";
    let mut planner = Planner::load(store)?;
    let mut loaded = Loaded::from_store(store, &mut planner, interview_id)?;
    loaded.calls.push(CallRecord {
        id: LEFT.into(),
        interview_id: interview_id.into(),
        contact_id: loaded.panel.first().map(|c| c.id.clone()),
        at,
        outcome: plan::CallOutcome::Voicemail,
        callback: None,
        decide_by: None,
        note: String::new(),
    });
    let input = loaded.input(&planner.profile, &planner.settings);
    let planned = plan::derive(&input, &mut planner.calendars)?;
    Ok(planned
        .iter()
        .find(|p| p.key == format!("voicemail-email-{LEFT}"))
        .map(|p| {
            let tz = jiff::tz::TimeZone::get(&p.zone).unwrap_or(jiff::tz::TimeZone::UTC);
            p.start.to_zoned_datetime(tz).date()
        }))
}

/// The cadence guard for a contact at `when`, made for `purpose`: would it be too soon,
/// before their date, or one too many, counted over the whole application?
pub(crate) fn cadence_problems(
    store: &mut Store,
    interview_id: &str,
    when: Timestamp,
    purpose: Purpose,
) -> Result<Vec<plan::CadenceProblem>> {
    let mut planner = Planner::load(store)?;
    let loaded = Loaded::from_store(store, &mut planner, interview_id)?;
    let region = planner.employer_region(&loaded.panel);
    let input = loaded.input(&planner.profile, &planner.settings);
    let cal = planner.calendars.get(&region)?;
    Ok(plan::cadence_problems(when, purpose, &input, cal))
}

//! Keeping stored plans right: load what an interview's plan is derived from, derive it
//! (`followup_core::plan`), merge it with the stored steps, save. Every command that
//! changes an input of a plan calls `replan` inside the same transaction.

use followup_core::model::{Application, Contact, Interview, Profile};
use followup_core::plan::{self, Calendars, CallRecord, PlanInput, PlanSettings, Step, StepState};
use followup_store::Store;
use jiff::Timestamp;

pub struct Planner {
    pub calendars: Calendars,
    pub settings: PlanSettings,
    pub profile: Profile,
}

impl Planner {
    pub fn load(store: &mut Store) -> anyhow::Result<Planner> {
        let pairs = store.settings()?;
        let settings =
            PlanSettings::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        Ok(Planner {
            calendars: Calendars::new(store.own_holidays()?),
            settings,
            profile: store.profile()?.unwrap_or_default(),
        })
    }

    /// Recomputes one interview's plan and stores it; returns its steps.
    pub fn replan(&mut self, store: &mut Store, interview_id: &str) -> anyhow::Result<Vec<Step>> {
        let loaded = Loaded::from_store(store, interview_id)?;
        let input = loaded.input(&self.profile, &self.settings);
        let planned = plan::derive(&input, &mut self.calendars)?;
        let merged = plan::merge(&loaded.steps, &planned, interview_id, now());
        let changed: Vec<Step> = merged
            .into_iter()
            .filter(|s| !loaded.steps.contains(s))
            .collect();
        store.save_steps(changed)?;
        Ok(store.steps(interview_id)?)
    }

    pub fn replan_all(&mut self, store: &mut Store, ids: &[String]) -> anyhow::Result<()> {
        for id in ids {
            self.replan(store, id)?;
        }
        Ok(())
    }
}

/// What an interview's plan is derived from, read from the store.
pub struct Loaded {
    pub interview: Interview,
    pub application: Application,
    pub panel: Vec<Contact>,
    pub calls: Vec<CallRecord>,
    pub steps: Vec<Step>,
    pub done: Vec<(String, Timestamp)>,
}

impl Loaded {
    pub fn from_store(store: &mut Store, interview_id: &str) -> anyhow::Result<Loaded> {
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
        Ok(Loaded {
            interview,
            application,
            panel,
            calls,
            steps,
            done,
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
        }
    }
}

/// Now, to the second (what the store keeps).
pub fn now() -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second()).expect("now is in range")
}

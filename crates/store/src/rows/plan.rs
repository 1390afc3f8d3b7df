//! The rows of the plan: its steps, the call log, and the user's own holidays.

use super::{day, instant, seconds};
use crate::StoreError;
use crate::schema::*;
use diesel::prelude::*;
use followup_core::calendar::Holiday;
use followup_core::plan::{CallOutcome, CallRecord, Step, StepKind, StepState};

#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = steps, treat_none_as_null = true)]
pub struct StepRow {
    pub id: String,
    pub interview_id: String,
    pub step_key: String,
    pub kind: String,
    pub contact_id: Option<String>,
    pub state: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub zone: String,
    pub reason: String,
    pub moved: i32,
    pub sequence: i32,
    pub done_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl From<&Step> for StepRow {
    fn from(s: &Step) -> Self {
        Self {
            id: s.id.clone(),
            interview_id: s.interview_id.clone(),
            step_key: s.key.clone(),
            kind: s.kind.to_string(),
            contact_id: s.contact_id.clone(),
            state: s.state.to_string(),
            starts_at: seconds(s.start),
            ends_at: seconds(s.end),
            zone: s.zone.clone(),
            reason: s.reason.clone(),
            moved: i32::from(s.moved),
            sequence: s.sequence as i32,
            done_at: s.done_at.map(seconds),
            created_at: seconds(s.created_at),
            updated_at: seconds(s.updated_at),
        }
    }
}

impl StepRow {
    pub fn into_model(self) -> Result<Step, StoreError> {
        let t = "steps";
        Ok(Step {
            start: instant(self.starts_at, t, &self.id)?,
            end: instant(self.ends_at, t, &self.id)?,
            done_at: self.done_at.map(|s| instant(s, t, &self.id)).transpose()?,
            created_at: instant(self.created_at, t, &self.id)?,
            updated_at: instant(self.updated_at, t, &self.id)?,
            kind: StepKind::from(self.kind.as_str()),
            state: StepState::from(self.state.as_str()),
            moved: self.moved != 0,
            sequence: self.sequence.max(0) as u32,
            interview_id: self.interview_id,
            key: self.step_key,
            contact_id: self.contact_id,
            zone: self.zone,
            reason: self.reason,
            id: self.id,
        })
    }
}

#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = calls, treat_none_as_null = true)]
pub struct CallRow {
    pub id: String,
    pub interview_id: String,
    pub contact_id: Option<String>,
    pub called_at: i64,
    pub outcome: String,
    pub callback_at: Option<i64>,
    pub decide_by: Option<String>,
    pub note: String,
}

impl From<&CallRecord> for CallRow {
    fn from(c: &CallRecord) -> Self {
        Self {
            id: c.id.clone(),
            interview_id: c.interview_id.clone(),
            contact_id: c.contact_id.clone(),
            called_at: seconds(c.at),
            outcome: c.outcome.to_string(),
            callback_at: c.callback.map(seconds),
            decide_by: c.decide_by.map(|d| d.to_string()),
            note: c.note.clone(),
        }
    }
}

impl CallRow {
    pub fn into_model(self) -> Result<CallRecord, StoreError> {
        let t = "calls";
        Ok(CallRecord {
            at: instant(self.called_at, t, &self.id)?,
            callback: self
                .callback_at
                .map(|s| instant(s, t, &self.id))
                .transpose()?,
            decide_by: day(self.decide_by.as_deref(), t, &self.id)?,
            outcome: CallOutcome::from(self.outcome.as_str()),
            interview_id: self.interview_id,
            contact_id: self.contact_id,
            note: self.note,
            id: self.id,
        })
    }
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = holidays)]
pub struct HolidayRow {
    pub region: String,
    pub day: String,
    pub name: String,
    pub source: String,
}

impl From<&Holiday> for HolidayRow {
    fn from(h: &Holiday) -> Self {
        Self {
            region: h.region.clone(),
            day: h.date.to_string(),
            name: h.name.clone(),
            source: h.source.clone(),
        }
    }
}

impl HolidayRow {
    pub fn into_model(self) -> Result<Holiday, StoreError> {
        let id = format!("{} {}", self.region, self.day);
        Ok(Holiday {
            date: day(Some(&self.day), "holidays", &id)?.expect("given"),
            region: self.region,
            name: self.name,
            source: self.source,
        })
    }
}

//! Rows as the tables hold them, and their conversion to and from the core model.
//! Instants are unix seconds; small lists are JSON text; calendar days are 'YYYY-MM-DD'.

use crate::StoreError;
use crate::schema::*;
use diesel::prelude::*;
use followup_core::calendar::Holiday;
use followup_core::compose::{Channel, Draft, DraftKind};
use followup_core::model::*;
use followup_core::outbox::{OutboxEntry, OutboxState};
use followup_core::plan::{CallOutcome, CallRecord, Step, StepKind, StepState};
use jiff::Timestamp;
use jiff::civil::Date;

#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = profile)]
pub struct ProfileRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub postal_address: String,
    pub locale: String,
    pub region: String,
    pub time_zone: String,
    pub updated_at: i64,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = skills)]
pub struct SkillRow {
    pub profile_id: String,
    pub position: i32,
    pub name: String,
    pub aliases: String,
    pub evidence: String,
}

/// `None` is NULL, never the column's default: then an INSERT's SQL is the same for
/// every row, and diesel prepares it once (a bulk import prepared one per row).
#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = applications, treat_none_as_default_value = false)]
pub struct ApplicationRow {
    pub id: String,
    pub company: String,
    pub role: String,
    pub job_description: String,
    pub source_url: String,
    pub documents: String,
    pub status: String,
    pub applied_on: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = contacts, treat_none_as_null = true)]
pub struct ContactRow {
    pub id: String,
    /// The card's UID, unique within an account (the `uid` column predates accounts).
    #[diesel(column_name = card_uid)]
    pub uid: String,
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    pub full_name: String,
    pub position: String,
    pub organisation: String,
    pub emails: String,
    pub phones: String,
    pub address: Option<String>,
    pub time_zone: Option<String>,
    pub region: Option<String>,
    pub preferred_channel: String,
    pub notes: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = interviews, treat_none_as_null = true)]
pub struct InterviewRow {
    pub id: String,
    pub application_id: String,
    pub starts_at: i64,
    pub time_zone: String,
    pub duration_minutes: i32,
    pub format: String,
    pub location: String,
    pub notes: String,
    pub points_to_clarify: String,
    pub timeline: String,
    pub decide_by: Option<String>,
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub mentions: String,
    pub offers: String,
}

pub fn seconds(ts: Timestamp) -> i64 {
    ts.as_second()
}

pub fn instant(secs: i64, table: &str, id: &str) -> Result<Timestamp, StoreError> {
    Timestamp::from_second(secs).map_err(|e| corrupt(table, id, e))
}

fn day(text: Option<&str>, table: &str, id: &str) -> Result<Option<Date>, StoreError> {
    text.map(|t| t.parse::<Date>().map_err(|e| corrupt(table, id, e)))
        .transpose()
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("model values always serialise")
}

fn unjson<T: serde::de::DeserializeOwned>(
    text: &str,
    table: &str,
    id: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| corrupt(table, id, e))
}

fn corrupt(table: &str, id: &str, reason: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        what: format!("{table} row {id}"),
        reason: reason.to_string(),
    }
}

impl ProfileRow {
    pub fn from_model(id: &str, p: &Profile, now: Timestamp) -> Self {
        Self {
            id: id.into(),
            name: p.name.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            postal_address: p.postal_address.clone(),
            locale: p.locale.tag(),
            region: p.region.clone(),
            time_zone: p.time_zone.clone(),
            updated_at: seconds(now),
        }
    }

    pub fn into_model(self, skill_rows: Vec<SkillRow>) -> Result<Profile, StoreError> {
        let skills = skill_rows
            .into_iter()
            .map(|s| {
                Ok(Skill {
                    aliases: unjson(&s.aliases, "skills", &s.name)?,
                    name: s.name,
                    evidence: s.evidence,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Profile {
            name: self.name,
            email: self.email,
            phone: self.phone,
            postal_address: self.postal_address,
            locale: Locale::from(self.locale.as_str()),
            region: self.region,
            time_zone: self.time_zone,
            skills,
        })
    }
}

impl SkillRow {
    pub fn from_model(profile_id: &str, position: usize, s: &Skill) -> Self {
        Self {
            profile_id: profile_id.into(),
            position: position as i32,
            name: s.name.clone(),
            aliases: json(&s.aliases),
            evidence: s.evidence.clone(),
        }
    }
}

impl From<&Application> for ApplicationRow {
    fn from(a: &Application) -> Self {
        Self::from(a.clone())
    }
}

impl From<Application> for ApplicationRow {
    fn from(a: Application) -> Self {
        Self {
            documents: json(&a.documents),
            status: a.status.to_string(),
            applied_on: a.applied_on.map(|d| d.to_string()),
            created_at: seconds(a.created_at),
            updated_at: seconds(a.updated_at),
            id: a.id,
            company: a.company,
            role: a.role,
            job_description: a.job_description,
            source_url: a.source_url,
        }
    }
}

impl ApplicationRow {
    pub fn into_model(self) -> Result<Application, StoreError> {
        let t = "applications";
        Ok(Application {
            documents: unjson(&self.documents, t, &self.id)?,
            applied_on: day(self.applied_on.as_deref(), t, &self.id)?,
            created_at: instant(self.created_at, t, &self.id)?,
            updated_at: instant(self.updated_at, t, &self.id)?,
            status: ApplicationStatus::from(self.status.as_str()),
            company: self.company,
            role: self.role,
            job_description: self.job_description,
            source_url: self.source_url,
            id: self.id,
        })
    }
}

impl From<&Contact> for ContactRow {
    fn from(c: &Contact) -> Self {
        Self {
            id: c.id.clone(),
            uid: c.uid.clone(),
            honorific: c.honorific.clone(),
            given_name: c.given_name.clone(),
            family_name: c.family_name.clone(),
            full_name: c.full_name.clone(),
            position: c.position.clone(),
            organisation: c.organisation.clone(),
            emails: json(&c.emails),
            phones: json(&c.phones),
            address: c.address.as_ref().map(json),
            time_zone: c.time_zone.clone(),
            region: c.region.clone(),
            preferred_channel: c.preferred_channel.to_string(),
            notes: c.notes.clone(),
            created_at: seconds(c.created_at),
            updated_at: seconds(c.updated_at),
        }
    }
}

impl ContactRow {
    pub fn into_model(self) -> Result<Contact, StoreError> {
        let t = "contacts";
        Ok(Contact {
            emails: unjson(&self.emails, t, &self.id)?,
            phones: unjson(&self.phones, t, &self.id)?,
            address: self
                .address
                .as_deref()
                .map(|a| unjson(a, t, &self.id))
                .transpose()?,
            created_at: instant(self.created_at, t, &self.id)?,
            updated_at: instant(self.updated_at, t, &self.id)?,
            preferred_channel: PreferredChannel::from(self.preferred_channel.as_str()),
            uid: self.uid,
            honorific: self.honorific,
            given_name: self.given_name,
            family_name: self.family_name,
            full_name: self.full_name,
            position: self.position,
            organisation: self.organisation,
            time_zone: self.time_zone,
            region: self.region,
            notes: self.notes,
            id: self.id,
        })
    }
}

impl From<&Interview> for InterviewRow {
    fn from(i: &Interview) -> Self {
        Self {
            id: i.id.clone(),
            application_id: i.application_id.clone(),
            starts_at: seconds(i.start),
            time_zone: i.time_zone.clone(),
            duration_minutes: i.duration_minutes as i32,
            format: i.format.to_string(),
            location: i.location.clone(),
            notes: i.notes.clone(),
            points_to_clarify: json(&i.points_to_clarify),
            mentions: json(&i.mentions),
            offers: json(&i.offers),
            timeline: i.timeline.clone(),
            decide_by: i.decide_by.map(|d| d.to_string()),
            status: i.status.to_string(),
            created_at: seconds(i.created_at),
            updated_at: seconds(i.updated_at),
        }
    }
}

impl InterviewRow {
    pub fn into_model(
        self,
        interviewer_ids: Vec<String>,
        panellists: Vec<Panellist>,
    ) -> Result<Interview, StoreError> {
        let t = "interviews";
        Ok(Interview {
            start: instant(self.starts_at, t, &self.id)?,
            points_to_clarify: unjson(&self.points_to_clarify, t, &self.id)?,
            mentions: unjson(&self.mentions, t, &self.id)?,
            offers: unjson(&self.offers, t, &self.id)?,
            panellists,
            decide_by: day(self.decide_by.as_deref(), t, &self.id)?,
            created_at: instant(self.created_at, t, &self.id)?,
            updated_at: instant(self.updated_at, t, &self.id)?,
            format: InterviewFormat::from(self.format.as_str()),
            status: InterviewStatus::from(self.status.as_str()),
            duration_minutes: self.duration_minutes.max(0) as u32,
            application_id: self.application_id,
            time_zone: self.time_zone,
            location: self.location,
            notes: self.notes,
            timeline: self.timeline,
            interviewer_ids,
            id: self.id,
        })
    }
}

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

#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = drafts, treat_none_as_null = true)]
pub struct DraftRow {
    pub id: String,
    pub interview_id: String,
    pub step_id: Option<String>,
    pub kind: String,
    pub channel: String,
    pub recipient_id: Option<String>,
    pub subject: Option<String>,
    pub body: String,
    pub approved_text: Option<String>,
    pub approved_at: Option<i64>,
    pub override_reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl From<&Draft> for DraftRow {
    fn from(d: &Draft) -> Self {
        Self {
            id: d.id.clone(),
            interview_id: d.interview_id.clone(),
            step_id: d.step_id.clone(),
            kind: d.kind.to_string(),
            channel: d.channel.to_string(),
            recipient_id: d.recipient_id.clone(),
            subject: d.subject.clone(),
            body: d.body.clone(),
            approved_text: d.approved_text.clone(),
            approved_at: d.approved_at.map(seconds),
            override_reason: d.override_reason.clone(),
            created_at: seconds(d.created_at),
            updated_at: seconds(d.updated_at),
        }
    }
}

impl DraftRow {
    pub fn into_model(self) -> Result<Draft, StoreError> {
        let t = "drafts";
        Ok(Draft {
            approved_at: self
                .approved_at
                .map(|s| instant(s, t, &self.id))
                .transpose()?,
            created_at: instant(self.created_at, t, &self.id)?,
            updated_at: instant(self.updated_at, t, &self.id)?,
            kind: DraftKind::from(self.kind.as_str()),
            channel: Channel::from(self.channel.as_str()),
            interview_id: self.interview_id,
            step_id: self.step_id,
            recipient_id: self.recipient_id,
            subject: self.subject,
            body: self.body,
            approved_text: self.approved_text,
            override_reason: self.override_reason,
            id: self.id,
        })
    }
}

#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = outbox, treat_none_as_null = true)]
pub struct OutboxRow {
    pub id: String,
    pub draft_id: String,
    pub message_id: String,
    pub recipient: String,
    pub state: String,
    pub attempts: i32,
    pub last_error: String,
    pub sent_text: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
    pub claimed_by: String,
    pub lease_until: Option<i64>,
}

impl From<&OutboxEntry> for OutboxRow {
    fn from(e: &OutboxEntry) -> Self {
        Self {
            id: e.id.clone(),
            draft_id: e.draft_id.clone(),
            message_id: e.message_id.clone(),
            recipient: e.recipient.clone(),
            state: e.state.to_string(),
            attempts: e.attempts as i32,
            last_error: e.last_error.clone(),
            sent_text: e.sent_text.clone(),
            created_at: seconds(e.created_at),
            updated_at: seconds(e.updated_at),
            sent_at: e.sent_at.map(seconds),
            claimed_by: e.claimed_by.clone(),
            lease_until: e.lease_until.map(seconds),
        }
    }
}

impl OutboxRow {
    pub fn into_model(self) -> Result<OutboxEntry, StoreError> {
        let t = "outbox";
        Ok(OutboxEntry {
            created_at: instant(self.created_at, t, &self.id)?,
            updated_at: instant(self.updated_at, t, &self.id)?,
            sent_at: self.sent_at.map(|s| instant(s, t, &self.id)).transpose()?,
            lease_until: self
                .lease_until
                .map(|s| instant(s, t, &self.id))
                .transpose()?,
            claimed_by: self.claimed_by,
            state: OutboxState::from(self.state.as_str()),
            attempts: self.attempts.max(0) as u32,
            draft_id: self.draft_id,
            message_id: self.message_id,
            recipient: self.recipient,
            last_error: self.last_error,
            sent_text: self.sent_text,
            id: self.id,
        })
    }
}

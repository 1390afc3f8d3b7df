//! The rows of what the user captures: the profile and skills, applications, contacts
//! and interviews.

use super::{day, instant, json, seconds, unjson};
use crate::StoreError;
use crate::schema::*;
use diesel::prelude::*;
use followup_core::model::*;
use jiff::Timestamp;

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

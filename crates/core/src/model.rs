//! The records a job seeker keeps: their profile and skills, applications, interviewers
//! (contacts) and interviews. Field names here are the JSON schema of `--json` output and
//! of backups, so renaming one is a schema change.

mod contact;
mod fields;
mod interview;

pub use contact::*;
pub use fields::{plain_text, web_address};
pub use interview::*;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

open_enum!(
    /// Where an application stands. An outcome (offer, rejected, withdrawn) ends the
    /// follow-up process for it.
    ApplicationStatus {
        Applied => "applied",
        Interviewing => "interviewing",
        Offer => "offer",
        Rejected => "rejected",
        Withdrawn => "withdrawn",
    }
);

impl ApplicationStatus {
    pub fn is_outcome(&self) -> bool {
        matches!(self, Self::Offer | Self::Rejected | Self::Withdrawn)
    }
}

open_enum!(
    /// How the interview was held. Read from the words people use for each ("onsite",
    /// "zoom", "phone call"); always written as the first.
    InterviewFormat {
        InPerson => "in-person" | "inperson" | "onsite" | "on-site" | "in-office" | "face-to-face",
        Video => "video" | "video-call" | "videocall" | "zoom" | "teams" | "google-meet" | "online" | "virtual",
        Phone => "phone" | "telephone" | "phone-call" | "call",
    }
);

open_enum!(
    /// Whether the interview has happened.
    InterviewStatus {
        Scheduled => "scheduled",
        Held => "held",
        Cancelled => "cancelled",
    }
);

open_enum!(
    /// How an interviewer said they like to be contacted. `email-only` turns the
    /// follow-up call into an email.
    PreferredChannel {
        Any => "any",
        EmailOnly => "email-only",
        PhoneOk => "phone-ok",
    }
);

open_enum!(
    /// What a document sent with an application was.
    DocumentKind {
        Cv => "cv",
        CoverLetter => "cover-letter",
        ApplicationForm => "application-form",
    }
);

open_enum!(
    /// The candidate's language conventions for letters and dates.
    Locale {
        EnGb => "en-gb",
        EnUs => "en-us",
    }
);

impl Locale {
    /// The BCP 47 spelling users type and see ("en-GB").
    pub fn tag(&self) -> String {
        match self {
            Self::EnGb => "en-GB".into(),
            Self::EnUs => "en-US".into(),
            Self::Other(text) => text.clone(),
        }
    }
}

/// The candidate. One per database in single-user mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub postal_address: String,
    #[serde(with = "locale_tag")]
    pub locale: Locale,
    /// Holiday region whose working days the candidate keeps (thank-you timing).
    pub region: String,
    pub time_zone: String,
    #[serde(default)]
    pub skills: Vec<Skill>,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            name: String::new(),
            email: String::new(),
            phone: String::new(),
            postal_address: String::new(),
            locale: Locale::EnGb,
            region: "gb-eng".into(),
            time_zone: "Europe/London".into(),
            skills: Vec::new(),
        }
    }
}

mod locale_tag {
    use super::Locale;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(locale: &Locale, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&locale.tag())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Locale, D::Error> {
        Ok(Locale::from(String::deserialize(d)?.as_str()))
    }
}

/// A skill the candidate can show, with one sentence of evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Skill {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub evidence: String,
}

/// A document sent with an application: where it lives, or its pasted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SentDocument {
    pub kind: DocumentKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A job applied for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Application {
    pub id: String,
    pub company: String,
    pub role: String,
    #[serde(default)]
    pub job_description: String,
    #[serde(default)]
    pub source_url: String,
    #[serde(default)]
    pub documents: Vec<SentDocument>,
    pub status: ApplicationStatus,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub applied_on: Option<Date>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

/// Everything a database holds: what a backup carries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Records {
    #[serde(default)]
    pub profile: Option<Profile>,
    #[serde(default)]
    pub applications: Vec<Application>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub interviews: Vec<Interview>,
    #[serde(default)]
    pub steps: Vec<crate::plan::Step>,
    #[serde(default)]
    pub calls: Vec<crate::plan::CallRecord>,
    /// The user's own holidays (imported files and days added by hand).
    #[serde(default)]
    pub holidays: Vec<crate::calendar::Holiday>,
    #[serde(default)]
    pub settings: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub drafts: Vec<crate::compose::Draft>,
    #[serde(default)]
    pub outbox: Vec<crate::outbox::OutboxEntry>,
}

/// The first id that appears twice in a list, if one does: one person twice on a panel
/// would get two thank-you notes.
pub fn first_repeat<'a>(ids: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter().find(|id| !seen.insert(*id))
}

/// Instants read from RFC 3339 with any offset.
pub mod instant {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;

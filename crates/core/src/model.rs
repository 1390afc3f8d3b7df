//! The records a job seeker keeps: their profile and skills, applications, interviewers
//! (contacts) and interviews. Field names here are the JSON schema of `--json` output and
//! of backups, so renaming one is a schema change.

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
    /// How the interview was held.
    InterviewFormat {
        InPerson => "in-person",
        Video => "video",
        Phone => "phone",
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

/// A phone number or email address with the labels it came with ("work", "cell").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Labelled {
    pub value: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
}

impl Labelled {
    pub fn plain(value: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            labels: Vec::new(),
        }
    }
}

/// A postal address, in the parts a vCard ADR has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostalAddress {
    #[serde(default)]
    pub po_box: String,
    #[serde(default)]
    pub extended: String,
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub locality: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub country: String,
}

impl PostalAddress {
    pub fn is_empty(&self) -> bool {
        self.lines().is_empty()
    }

    /// Every part, empty or not, in vCard ADR order (RFC 6350 §6.3.1).
    pub fn parts(&self) -> [&String; 7] {
        [
            &self.po_box,
            &self.extended,
            &self.street,
            &self.locality,
            &self.region,
            &self.postcode,
            &self.country,
        ]
    }

    /// The address as it is written on an envelope, one part a line.
    pub fn lines(&self) -> Vec<&str> {
        self.parts()
            .into_iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// An interviewer, or anyone else at the employer the candidate deals with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub id: String,
    /// Stable identity across re-imports and exports (the vCard UID).
    pub uid: String,
    #[serde(default)]
    pub honorific: String,
    #[serde(default)]
    pub given_name: String,
    #[serde(default)]
    pub family_name: String,
    /// The name as the person writes it ("Priya Patel").
    pub full_name: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub emails: Vec<Labelled>,
    #[serde(default)]
    pub phones: Vec<Labelled>,
    #[serde(default)]
    pub address: Option<PostalAddress>,
    #[serde(default)]
    pub time_zone: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    pub preferred_channel: PreferredChannel,
    #[serde(default)]
    pub notes: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

impl Contact {
    /// A contact with only a name, stamped `now`; ids are given by the store.
    pub fn named(full_name: &str, now: Timestamp) -> Self {
        let (given_name, family_name) = crate::contact::split_name(full_name);
        Self {
            id: String::new(),
            uid: String::new(),
            honorific: String::new(),
            given_name,
            family_name,
            full_name: full_name.trim().to_string(),
            position: String::new(),
            organisation: String::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            address: None,
            time_zone: None,
            region: None,
            preferred_channel: PreferredChannel::Any,
            notes: String::new(),
            created_at: now,
            updated_at: now,
        }
    }

    pub fn primary_email(&self) -> Option<&str> {
        self.emails.first().map(|e| e.value.as_str())
    }

    pub fn primary_phone(&self) -> Option<&str> {
        self.phones.first().map(|p| p.value.as_str())
    }
}

/// One panellist as the candidate describes them to themselves, for the reader: what
/// they said they work on ("the payments migration") and their part in the interview
/// ("ran the system-design exercise"). `interview note --panellist` sets it; a panel
/// note (`draft --each`) to them refers to both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Panellist {
    pub contact_id: String,
    #[serde(default)]
    pub works_on: String,
    #[serde(default)]
    pub part: String,
}

impl Interview {
    /// What is noted for this panellist, if anything.
    pub fn panellist(&self, contact_id: &str) -> Option<&Panellist> {
        self.panellists.iter().find(|p| p.contact_id == contact_id)
    }

    /// Notes what one panellist works on and their part in the interview, written for
    /// the reader (`None` leaves a field as it is; empty clears it). They must be on the
    /// panel, and the text may hold no control character; a panellist left with nothing
    /// noted is dropped.
    pub fn note_panellist(
        &mut self,
        contact_id: &str,
        works_on: Option<&str>,
        part: Option<&str>,
    ) -> Result<(), crate::InvalidValue> {
        if !self.interviewer_ids.iter().any(|c| c == contact_id) {
            return Err(crate::InvalidValue::new(
                "panellist",
                format!(
                    "contact {contact_id} is not on this interview's panel; add them to it first"
                ),
            ));
        }
        for (field, value) in [("works-on", works_on), ("part", part)] {
            if let Some(ch) = value.and_then(|v| crate::contact::control_char(v, false)) {
                return Err(crate::InvalidValue::new(
                    field,
                    format!("holds a control character ({ch:?})"),
                ));
            }
        }
        let at = match self
            .panellists
            .iter()
            .position(|p| p.contact_id == contact_id)
        {
            Some(at) => at,
            None => {
                self.panellists.push(Panellist {
                    contact_id: contact_id.to_string(),
                    ..Default::default()
                });
                self.panellists.len() - 1
            }
        };
        let entry = &mut self.panellists[at];
        if let Some(works_on) = works_on {
            entry.works_on = crate::wording::for_reader(works_on);
        }
        if let Some(part) = part {
            entry.part = crate::wording::for_reader(part);
        }
        self.panellists
            .retain(|p| !p.works_on.is_empty() || !p.part.is_empty());
        Ok(())
    }

    /// Takes someone off the panel, with what was noted for them.
    pub fn leave_panel(&mut self, contact_id: &str) {
        self.interviewer_ids.retain(|c| c != contact_id);
        self.panellists.retain(|p| p.contact_id != contact_id);
    }
}

/// An interview: when and where it was, who was on the panel, and what to remember.
/// Serialised with `start` as RFC 3339 in the interview's own offset (see `InterviewOut`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Interview {
    pub id: String,
    pub application_id: String,
    /// The start as an instant; shown in `time_zone`.
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    pub time_zone: String,
    pub duration_minutes: u32,
    pub format: InterviewFormat,
    #[serde(default)]
    pub location: String,
    /// Contact ids, lead interviewer first.
    #[serde(default)]
    pub interviewer_ids: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// Things that did not come across well, to clarify on the follow-up call.
    #[serde(default)]
    pub points_to_clarify: Vec<String>,
    /// What to mention from the conversation, written for the reader ("your plans for
    /// the Edinburgh team"): the thank-you refers to it. Unlike `notes`, not private.
    #[serde(default)]
    pub mentions: Vec<String>,
    /// Topics to offer to say more about, written for the reader ("how I size A/B tests
    /// when traffic is low"): the query and the call script offer them. Unlike
    /// `points_to_clarify`, not private.
    #[serde(default)]
    pub offers: Vec<String>,
    /// What each panellist works on and their part in the interview, written for the
    /// reader; only panellists with something noted are here. Not private: a note to
    /// one of them refers to it.
    #[serde(default)]
    pub panellists: Vec<Panellist>,
    /// What they said about their timeline, in their words ("shortlist by the 12th").
    #[serde(default)]
    pub timeline: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub decide_by: Option<Date>,
    pub status: InterviewStatus,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

impl Interview {
    /// The start in the interview's own zone, for display and RFC 3339 output.
    pub fn local_start(&self) -> jiff::ZonedDateTime {
        let tz = jiff::tz::TimeZone::get(&self.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
        self.start.to_zoned_datetime(tz)
    }

    /// Which round of its application this interview is: one plus the interviews that
    /// started before it and were not cancelled. `rounds` is every interview of the
    /// application (this one included or not); ties on the start are broken by id, the
    /// order the planner uses.
    pub fn round_among(&self, rounds: &[Interview]) -> u32 {
        let earlier = rounds
            .iter()
            .filter(|other| other.id != self.id)
            .filter(|other| other.status != InterviewStatus::Cancelled)
            .filter(|other| (other.start, &other.id) < (self.start, &self.id))
            .count();
        1 + u32::try_from(earlier).unwrap_or(u32::MAX - 1)
    }
}

/// The serialised shape of an interview: the same fields, with `start` written in the
/// interview's local offset ("2027-03-02T10:00:00+00:00") so people read their own time.
#[derive(Serialize)]
struct InterviewOut<'a> {
    id: &'a str,
    application_id: &'a str,
    start: String,
    time_zone: &'a str,
    duration_minutes: u32,
    format: &'a InterviewFormat,
    location: &'a str,
    interviewer_ids: &'a [String],
    notes: &'a str,
    points_to_clarify: &'a [String],
    mentions: &'a [String],
    offers: &'a [String],
    panellists: &'a [Panellist],
    timeline: &'a str,
    decide_by: Option<Date>,
    status: &'a InterviewStatus,
    created_at: Timestamp,
    updated_at: Timestamp,
}

impl Serialize for Interview {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let local = self.local_start();
        InterviewOut {
            id: &self.id,
            application_id: &self.application_id,
            start: self.start.display_with_offset(local.offset()).to_string(),
            time_zone: &self.time_zone,
            duration_minutes: self.duration_minutes,
            format: &self.format,
            location: &self.location,
            interviewer_ids: &self.interviewer_ids,
            notes: &self.notes,
            points_to_clarify: &self.points_to_clarify,
            mentions: &self.mentions,
            offers: &self.offers,
            panellists: &self.panellists,
            timeline: &self.timeline,
            decide_by: self.decide_by,
            status: &self.status,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
        .serialize(s)
    }
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
mod tests {
    use super::*;

    #[test]
    fn unknown_statuses_are_kept_verbatim() {
        let status = ApplicationStatus::from("Ghosted");
        assert_eq!(status, ApplicationStatus::Other("Ghosted".into()));
        assert_eq!(status.to_string(), "Ghosted");
        let json = serde_json::to_string(&status).unwrap();
        let back: ApplicationStatus = serde_json::from_str(&json).unwrap();
        assert_eq!(back, status);
    }

    #[test]
    fn known_values_are_normalised() {
        assert_eq!(ApplicationStatus::from(" OFFER "), ApplicationStatus::Offer);
        assert_eq!(
            InterviewFormat::from("in person"),
            InterviewFormat::InPerson
        );
        assert_eq!(
            PreferredChannel::from("email_only"),
            PreferredChannel::EmailOnly
        );
        assert_eq!(Locale::from("en-GB").tag(), "en-GB");
    }

    #[test]
    fn outcomes_end_the_process() {
        assert!(ApplicationStatus::Offer.is_outcome());
        assert!(ApplicationStatus::Withdrawn.is_outcome());
        assert!(!ApplicationStatus::Interviewing.is_outcome());
        assert!(!ApplicationStatus::Other("ghosted".into()).is_outcome());
    }

    fn interview(id: &str, start: &str, status: InterviewStatus) -> Interview {
        Interview {
            id: id.into(),
            application_id: "app".into(),
            start: start.parse().unwrap(),
            time_zone: "UTC".into(),
            duration_minutes: 45,
            format: InterviewFormat::Video,
            location: String::new(),
            interviewer_ids: vec![],
            notes: String::new(),
            points_to_clarify: vec![],
            mentions: vec![],
            offers: vec![],
            panellists: vec![],
            timeline: String::new(),
            decide_by: None,
            status,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_panellist_note_is_for_someone_on_the_panel_and_leaves_with_them() {
        let mut i = interview("a", "2027-03-02T10:00:00Z", InterviewStatus::Held);
        i.interviewer_ids = vec!["priya".into(), "tom".into()];
        let err = i.note_panellist("sam", Some("billing"), None).unwrap_err();
        assert_eq!(err.field, "panellist");
        let err = i
            .note_panellist("priya", Some("billing\u{1b}[31m"), None)
            .unwrap_err();
        assert_eq!(err.field, "works-on");
        assert!(
            i.panellists.is_empty(),
            "nothing is kept from a refused note"
        );

        i.note_panellist("priya", Some(" the payments migration. "), None)
            .unwrap();
        i.note_panellist("priya", None, Some("the system-design exercise"))
            .unwrap();
        let p = i.panellist("priya").unwrap();
        assert_eq!(p.works_on, "the payments migration");
        assert_eq!(p.part, "the system-design exercise");
        i.note_panellist("tom", Some("the on-call rota"), None)
            .unwrap();
        // Emptied, an entry goes; leaving the panel takes what was noted with it.
        i.note_panellist("tom", Some(""), None).unwrap();
        assert!(i.panellist("tom").is_none());
        i.leave_panel("priya");
        assert_eq!(i.interviewer_ids, ["tom"]);
        assert!(i.panellists.is_empty());
    }

    #[test]
    fn rounds_count_earlier_interviews_that_went_ahead() {
        let first = interview("a", "2027-03-02T10:00:00Z", InterviewStatus::Scheduled);
        let cancelled = interview("b", "2027-03-05T10:00:00Z", InterviewStatus::Cancelled);
        let second = interview("c", "2027-03-09T10:00:00Z", InterviewStatus::Scheduled);
        let same_start = interview("d", "2027-03-09T10:00:00Z", InterviewStatus::Scheduled);
        let all = [
            second.clone(),
            cancelled.clone(),
            first.clone(),
            same_start.clone(),
        ];
        assert_eq!(first.round_among(&all), 1);
        assert_eq!(first.round_among(&[]), 1);
        assert_eq!(cancelled.round_among(&all), 2);
        assert_eq!(second.round_among(&all), 2);
        assert_eq!(same_start.round_among(&all), 3);
    }

    #[test]
    fn address_lines_skip_empty_parts() {
        let address = PostalAddress {
            street: "1 High St".into(),
            locality: "Leeds".into(),
            postcode: "LS1 1AA".into(),
            ..Default::default()
        };
        assert_eq!(address.lines(), vec!["1 High St", "Leeds", "LS1 1AA"]);
        assert!(PostalAddress::default().is_empty());
    }
}

//! Capture: the profile and skills, applications, contacts (typed in or from cards) and
//! interviews with what to remember from them. Writes go through [`crate::write::Tx`], so
//! every plan that depends on a change follows it.

use crate::{AppError, Followup, Result};
use followup_core::model::*;
use followup_core::{place, when};
use followup_store::{ContactImport, Page, StepLabel};
use std::collections::HashMap;

/// The profile fields to change (`None` leaves a field as it is).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileChanges {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Lines, separated by commas or newlines.
    pub address: Option<String>,
    pub locale: Option<String>,
    pub region: Option<String>,
    pub time_zone: Option<String>,
}

/// A contact's fields as the user types them (`None` or empty leaves a field as it is;
/// `emails` and `phones`, when given, replace the lists).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactChanges {
    pub name: Option<String>,
    pub title: Option<String>,
    pub position: Option<String>,
    pub organisation: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    /// Parts separated by commas or lines: street, town, postcode, country.
    pub address: Option<String>,
    pub time_zone: Option<String>,
    pub region: Option<String>,
    /// any, email-only or phone-ok.
    pub channel: Option<String>,
    pub notes: Option<String>,
}

impl ContactChanges {
    /// Checks every field and applies them to `c`; on error `c` is for the caller to drop.
    fn apply(self, c: &mut Contact) -> Result<()> {
        if let Some(name) = &self.name {
            if name.trim().is_empty() {
                return Err(AppError::invalid("name", "must not be empty"));
            }
            let (given, family) = followup_core::contact::split_name(name);
            c.full_name = name.trim().to_string();
            (c.given_name, c.family_name) = (given, family);
        }
        let text = |v: Option<String>, old: &mut String| {
            if let Some(v) = v {
                *old = v.trim().to_string();
            }
        };
        text(self.title, &mut c.honorific);
        text(self.position, &mut c.position);
        text(self.organisation, &mut c.organisation);
        text(self.notes, &mut c.notes);
        if let Some(bad) = self
            .emails
            .iter()
            .find(|e| !followup_core::contact::is_email(e))
        {
            return Err(AppError::invalid(
                "email",
                format!("'{bad}' is not an email address"),
            ));
        }
        if !self.emails.is_empty() {
            c.emails = self
                .emails
                .iter()
                .map(|e| Labelled::plain(e.trim()))
                .collect();
        }
        if !self.phones.is_empty() {
            c.phones = self
                .phones
                .iter()
                .map(|p| Labelled::plain(p.trim()))
                .collect();
        }
        if let Some(address) = self.address {
            c.address = Some(parse_address(&address)).filter(|a| !a.is_empty());
        }
        if let Some(zone) = self.time_zone {
            c.time_zone = Some(place::time_zone("tz", &zone)?);
        }
        if let Some(region) = self.region {
            c.region = Some(place::region("region", &region)?);
        }
        if let Some(channel) = self.channel {
            let parsed = PreferredChannel::from(channel.as_str());
            if !parsed.is_known() {
                return Err(AppError::invalid(
                    "channel",
                    format!(
                        "unknown channel '{channel}'; use one of {}",
                        PreferredChannel::KNOWN.join(", ")
                    ),
                ));
            }
            c.preferred_channel = parsed;
        }
        followup_core::contact::check(c)?;
        Ok(())
    }
}

/// "1 High St, Leeds, LS1 1AA, UK": street first, country last, postcode before it.
fn parse_address(text: &str) -> PostalAddress {
    let parts: Vec<String> = text
        .split([',', '\n'])
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut address = PostalAddress::default();
    match parts.as_slice() {
        [] => {}
        [street] => address.street = street.clone(),
        [street, locality] => {
            (address.street, address.locality) = (street.clone(), locality.clone())
        }
        [street, locality, postcode] => {
            (address.street, address.locality, address.postcode) =
                (street.clone(), locality.clone(), postcode.clone())
        }
        [street @ .., locality, postcode, country] => {
            address.street = street.join("\n");
            address.locality = locality.clone();
            address.postcode = postcode.clone();
            address.country = country.clone();
        }
    }
    address
}

/// Who joins an interview's panel.
#[derive(Debug, Clone)]
pub enum Joining {
    /// Someone typed in.
    Person(Box<ContactChanges>),
    /// The cards of a `.vcf` file.
    Cards(Vec<Contact>),
}

/// An interview as the user describes it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewInterview {
    pub application_id: String,
    /// A local time, read in `time_zone` (the profile's zone when `None`).
    pub at: String,
    pub time_zone: Option<String>,
    pub interviewer_ids: Vec<String>,
    pub format: Option<String>,
    /// 60 when a body leaves it out, as the CLI's `--duration` does.
    #[serde(default = "an_hour")]
    pub duration_minutes: u32,
    pub location: Option<String>,
}

fn an_hour() -> u32 {
    60
}

/// An interview after a note, and how a timeline in words was read.
#[derive(Debug, Clone)]
pub struct Noted {
    pub interview: Interview,
    pub timeline: Option<TimelineReading>,
}

/// A timeline in the employer's words, and the date the plan took from it (`None`: the
/// phrase was kept but not understood, so the plan does not use it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineReading {
    pub phrase: String,
    pub date: Option<jiff::civil::Date>,
}

/// What to remember from an interview (`None` leaves a field as it is).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InterviewNote {
    /// Private: things to clarify, for your eyes only.
    pub clarify: Vec<String>,
    /// For the reader: something from the conversation the thank-you refers to.
    pub mention: Vec<String>,
    /// For the reader: a topic to offer to say more about (query, call script).
    pub offer: Vec<String>,
    /// Empties these lists first: `mentions`, `offers`, `points`.
    pub clear: Vec<String>,
    pub timeline: Option<String>,
    pub decide_by: Option<String>,
    pub notes: Option<String>,
    pub status: Option<String>,
    /// For the reader: what one panellist works on and their part in the interview.
    pub panellist: Option<PanellistNote>,
}

/// What to note for one panellist (a contact on the interview's panel). `None` leaves a
/// field as it is; an empty text clears it.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PanellistNote {
    pub contact_id: String,
    pub works_on: Option<String>,
    pub part: Option<String>,
}

impl Followup {
    // ---- profile ----

    pub fn profile(&mut self) -> Result<Option<Profile>> {
        Ok(self.store.profile()?)
    }

    pub fn update_profile(&mut self, changes: ProfileChanges) -> Result<Profile> {
        let mut p = self.store.profile()?.unwrap_or_default();
        if let Some(v) = changes.name {
            p.name = v.trim().to_string();
        }
        if let Some(v) = changes.email {
            p.email = v.trim().to_string();
        }
        if let Some(v) = changes.phone {
            p.phone = v.trim().to_string();
        }
        if let Some(v) = changes.address {
            p.postal_address = v
                .split([',', '\n'])
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("\n");
        }
        if let Some(v) = changes.locale {
            let locale = Locale::from(v.as_str());
            if !locale.is_known() {
                return Err(AppError::invalid(
                    "locale",
                    format!("unknown locale '{v}'; use en-GB or en-US"),
                ));
            }
            p.locale = locale;
        }
        if let Some(v) = changes.region {
            p.region = place::region("region", &v)?;
        }
        if let Some(v) = changes.time_zone {
            p.time_zone = place::time_zone("tz", &v)?;
        }
        self.write(|tx| tx.save_profile(&p))?;
        Ok(p)
    }

    /// Adds a skill, or replaces the one with the same name.
    pub fn save_skill(&mut self, skill: Skill) -> Result<()> {
        let name = skill.name.trim().to_string();
        if name.is_empty() {
            return Err(AppError::invalid("name", "the skill name is empty"));
        }
        let skill = Skill {
            name: name.clone(),
            aliases: skill.aliases.iter().map(|a| a.trim().to_string()).collect(),
            evidence: skill.evidence.trim().to_string(),
        };
        self.write(|tx| {
            let mut profile = tx.store.profile()?.unwrap_or_default();
            match profile
                .skills
                .iter_mut()
                .find(|s| s.name.eq_ignore_ascii_case(&name))
            {
                Some(existing) => *existing = skill,
                None => profile.skills.push(skill),
            }
            tx.save_profile(&profile)
        })
    }

    pub fn remove_skill(&mut self, name: &str) -> Result<()> {
        self.write(|tx| {
            let mut profile = tx.store.profile()?.unwrap_or_default();
            let before = profile.skills.len();
            profile
                .skills
                .retain(|s| !s.name.eq_ignore_ascii_case(name.trim()));
            if profile.skills.len() == before {
                return Err(AppError::refused(format!(
                    "no skill named '{name}' in the profile"
                )));
            }
            tx.save_profile(&profile)
        })
    }

    // ---- applications ----

    pub fn add_application(&mut self, mut app: Application) -> Result<Application> {
        app.company = app.company.trim().to_string();
        app.role = app.role.trim().to_string();
        if app.company.is_empty() {
            return Err(AppError::invalid("company", "must not be empty"));
        }
        if app.role.is_empty() {
            return Err(AppError::invalid("role", "must not be empty"));
        }
        self.write(|tx| tx.add_application(app))
    }

    /// Many applications in one transaction (a CSV import): all or none.
    pub fn add_applications(&mut self, apps: Vec<Application>) -> Result<usize> {
        self.write(|tx| tx.add_applications(apps))
    }

    pub fn application(&mut self, id: &str) -> Result<Application> {
        Ok(self.store.application(id)?)
    }

    pub fn applications(&mut self, page: Page) -> Result<Vec<Application>> {
        Ok(self.store.applications(page)?)
    }

    /// Applications whose company or role contains `text` (any case) and, when given,
    /// with `status`; newest first, at most `limit`. Read through in pages: a job search
    /// has hundreds of applications, not millions.
    pub fn search_applications(
        &mut self,
        text: &str,
        status: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Application>> {
        let text = text.trim().to_lowercase();
        let mut found = Vec::new();
        let mut offset = 0;
        loop {
            let page = self.store.applications(Page {
                limit: Some(500),
                offset,
            })?;
            let read = page.len();
            found.extend(page.into_iter().filter(|a| {
                status.is_none_or(|s| a.status.as_str() == s)
                    && (text.is_empty()
                        || a.company.to_lowercase().contains(&text)
                        || a.role.to_lowercase().contains(&text))
            }));
            if read < 500 || found.len() >= limit {
                break;
            }
            offset += 500;
        }
        found.truncate(limit);
        Ok(found)
    }

    pub fn applications_by_ids(&mut self, ids: &[String]) -> Result<Vec<Application>> {
        Ok(self.store.applications_by_ids(ids)?)
    }

    /// A status that is an outcome (offer, rejected, withdrawn) cancels what is pending.
    pub fn set_application_status(&mut self, id: &str, status: &str) -> Result<Application> {
        if status.trim().is_empty() {
            return Err(AppError::invalid("status", "the status is empty"));
        }
        self.write(|tx| {
            let mut app = tx.store.application(id)?;
            app.status = ApplicationStatus::from(status);
            tx.update_application(&app)
        })
    }

    // ---- contacts ----

    pub fn add_contact(&mut self, contact: Contact) -> Result<Contact> {
        self.write(|tx| tx.add_contact(contact))
    }

    /// A new contact from typed fields (a name is required).
    pub fn add_contact_with(&mut self, changes: ContactChanges) -> Result<Contact> {
        if changes.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            return Err(AppError::invalid("name", "must not be empty"));
        }
        let mut c = Contact::named(changes.name.as_deref().unwrap_or(""), self.now());
        changes.apply(&mut c)?;
        self.add_contact(c)
    }

    /// Changes the fields given; the plans of the contact's interviews follow.
    pub fn change_contact(&mut self, id: &str, changes: ContactChanges) -> Result<Contact> {
        self.write(|tx| {
            let mut c = tx.store.contact(id)?;
            changes.apply(&mut c)?;
            tx.update_contact(&c)
        })
    }

    pub fn contact(&mut self, id: &str) -> Result<Contact> {
        Ok(self.store.contact(id)?)
    }

    pub fn contacts(&mut self, page: Page) -> Result<Vec<Contact>> {
        Ok(self.store.contacts(page)?)
    }

    pub fn contacts_by_ids(&mut self, ids: &[String]) -> Result<Vec<Contact>> {
        Ok(self.store.contacts_by_ids(ids)?)
    }

    /// Saves an edited contact; the plans of their interviews follow.
    pub fn update_contact(&mut self, contact: &Contact) -> Result<Contact> {
        self.write(|tx| tx.update_contact(contact))
    }

    /// Cards in one transaction: a card matching a contact (same UID, else an email in
    /// common) updates it, and their interviews' plans follow.
    pub fn import_contacts(&mut self, cards: Vec<Contact>) -> Result<ContactImport> {
        check_cards(&cards)?;
        self.write(|tx| tx.import_contacts(cards))
    }

    /// People joining an interview's panel, in one transaction: a person typed in
    /// (`Person`, a name required) or the cards of a `.vcf` file (`Cards`, checked as
    /// `import_contacts` checks them; a card matching a contact updates it). Returns the
    /// interview with its panel as it now is.
    pub fn add_to_panel(&mut self, interview_id: &str, joining: Joining) -> Result<Interview> {
        let cards = match joining {
            Joining::Person(changes) => {
                if changes.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    return Err(AppError::invalid("name", "must not be empty"));
                }
                let mut c = Contact::named(changes.name.as_deref().unwrap_or(""), self.now());
                changes.apply(&mut c)?;
                vec![c]
            }
            Joining::Cards(cards) => cards,
        };
        check_cards(&cards)?;
        self.write(|tx| {
            tx.summary(format!("interview {interview_id}: panel"));
            tx.plan_of(interview_id)?;
            let mut interview = tx.store.interview(interview_id)?;
            let imported = tx.import_contacts(cards)?;
            for id in imported.created_ids.iter().chain(&imported.updated_ids) {
                if !interview.interviewer_ids.contains(id) {
                    interview.interviewer_ids.push(id.clone());
                }
            }
            tx.update_interview(&interview)
        })
    }

    // ---- interviews ----

    pub fn add_interview(&mut self, new: NewInterview) -> Result<Interview> {
        let zone = match &new.time_zone {
            Some(tz) => place::time_zone("tz", tz)?,
            None => self.store.profile()?.unwrap_or_default().time_zone,
        };
        let start = when::instant("at", &new.at, &zone)?;
        check_duration(new.duration_minutes)?;
        let format = InterviewFormat::from(new.format.as_deref().unwrap_or("in-person"));
        if !format.is_known() {
            return Err(AppError::invalid(
                "format",
                format!(
                    "unknown format '{format}'; use one of {}",
                    InterviewFormat::KNOWN.join(", ")
                ),
            ));
        }
        let now = self.now();
        let interview = Interview {
            id: String::new(),
            application_id: new.application_id,
            start,
            time_zone: zone,
            duration_minutes: new.duration_minutes,
            format,
            location: new.location.unwrap_or_default(),
            interviewer_ids: new.interviewer_ids,
            notes: String::new(),
            points_to_clarify: Vec::new(),
            mentions: vec![],
            offers: vec![],
            panellists: vec![],
            timeline: String::new(),
            decide_by: None,
            status: InterviewStatus::Scheduled,
            created_at: now,
            updated_at: now,
        };
        self.write(|tx| tx.add_interview(interview))
    }

    /// Adds what to remember. A timeline in words ("within two weeks", "by 12 March")
    /// sets the date they gave, unless `decide_by` does; the reading comes back.
    pub fn note_interview(&mut self, id: &str, note: InterviewNote) -> Result<Noted> {
        let decide_by = note
            .decide_by
            .as_deref()
            .map(|d| when::date("decide-by", d))
            .transpose()?;
        let status = note
            .status
            .as_deref()
            .map(|s| {
                let status = InterviewStatus::from(s);
                if status.is_known() {
                    Ok(status)
                } else {
                    Err(AppError::invalid(
                        "status",
                        format!(
                            "unknown status '{s}'; use one of {}",
                            InterviewStatus::KNOWN.join(", ")
                        ),
                    ))
                }
            })
            .transpose()?;
        self.write(|tx| {
            tx.plan_of(id)?;
            let mut interview = tx.store.interview(id)?;
            for what in &note.clear {
                match what.trim() {
                    "mentions" => interview.mentions.clear(),
                    "offers" => interview.offers.clear(),
                    "points" => interview.points_to_clarify.clear(),
                    other => {
                        return Err(AppError::invalid(
                            "clear",
                            format!("'{other}': use mentions, offers or points"),
                        ));
                    }
                }
            }
            let public = |list: &[String]| -> Vec<String> {
                list.iter()
                    .map(|p| followup_core::wording::for_reader(p))
                    .filter(|p| !p.is_empty())
                    .collect()
            };
            interview.mentions.extend(public(&note.mention));
            interview.offers.extend(public(&note.offer));
            for point in note
                .clarify
                .iter()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
            {
                interview.points_to_clarify.push(point.to_string());
            }
            let mut reading = None;
            if let Some(timeline) = &note.timeline {
                interview.timeline = timeline.trim().to_string();
                if decide_by.is_none() && !interview.timeline.is_empty() {
                    let panel = tx.store.contacts_by_ids(&interview.interviewer_ids)?;
                    let mut planner = crate::planner::Planner::load(tx.store)?;
                    let region = planner.employer_region(&panel);
                    let cal = planner.calendars.get(&region)?;
                    let said_on = interview.local_start().date();
                    let date =
                        followup_core::said::date_from_phrase(&interview.timeline, said_on, cal);
                    if let Some(date) = date {
                        interview.decide_by = Some(date);
                    }
                    reading = Some(TimelineReading {
                        phrase: interview.timeline.clone(),
                        date,
                    });
                }
            }
            if let Some(date) = decide_by {
                interview.decide_by = Some(date);
            }
            if let Some(notes) = &note.notes {
                interview.notes = match interview.notes.is_empty() {
                    true => notes.trim().to_string(),
                    false => format!("{}\n{}", interview.notes, notes.trim()),
                };
            }
            if let Some(status) = status {
                interview.status = status;
            }
            if let Some(change) = &note.panellist {
                interview.note_panellist(
                    &change.contact_id,
                    change.works_on.as_deref(),
                    change.part.as_deref(),
                )?;
            }
            Ok(Noted {
                interview: tx.update_interview(&interview)?,
                timeline: reading,
            })
        })
    }

    pub fn interview(&mut self, id: &str) -> Result<Interview> {
        Ok(self.store.interview(id)?)
    }

    pub fn interviews(&mut self, page: Page) -> Result<Vec<Interview>> {
        Ok(self.store.interviews(page)?)
    }

    /// "Company – Role" for each application id given.
    pub fn application_labels(&mut self, ids: &[String]) -> Result<HashMap<String, String>> {
        Ok(self
            .store
            .applications_by_ids(ids)?
            .into_iter()
            .map(|a| (a.id, format!("{} – {}", a.company, a.role)))
            .collect())
    }

    /// What each step is about (application, person), for the calendar feed.
    pub fn step_labels(&mut self) -> Result<HashMap<String, StepLabel>> {
        Ok(self.store.step_labels(None)?)
    }
}

/// An interview lasts between a minute and a day.
pub(crate) fn check_duration(minutes: u32) -> Result<()> {
    if (1..=1440).contains(&minutes) {
        Ok(())
    } else {
        Err(AppError::invalid(
            "duration",
            format!("{minutes} minutes: an interview lasts 1 to 1440 minutes"),
        ))
    }
}

/// The checks `contact add` makes, on cards: the first bad one is named by its place and
/// name.
fn check_cards(cards: &[Contact]) -> Result<()> {
    for (i, card) in cards.iter().enumerate() {
        followup_core::contact::check(card).map_err(|e| {
            AppError::invalid(
                &format!(
                    "card {} ({}): {}",
                    i + 1,
                    card.full_name.escape_debug(),
                    e.field
                ),
                e.problem,
            )
        })?;
    }
    Ok(())
}

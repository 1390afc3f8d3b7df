//! Contacts: interviewers and other people at employers, typed in or read from cards,
//! and who joins an interview's panel.

use super::interviews::Joining;
use crate::{AppError, Followup, Result};
use followup_core::model::*;
use followup_core::place;
use followup_store::{ContactImport, Page};

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
        // Decided before the address changes: a region that was only what the old card
        // said (Toronto's "ca-on") moves with a new address (Montréal's "ca-qc").
        let region_follows = followup_core::contact::region_follows_card(c);
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
            c.address = Some(place::parse_address(&address)).filter(|a| !a.is_empty());
        }
        if let Some(zone) = self.time_zone {
            c.time_zone = Some(place::time_zone("tz", &zone)?);
        }
        if let Some(region) = self.region {
            c.region = Some(place::region("region", &region)?);
        } else if region_follows {
            // The address may say it plainly ("Toronto, ON M5X 1A9, Canada" is Ontario),
            // or the phone number's country (+49 is Germany).
            c.region = followup_core::contact::inferred_region(c);
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

impl Followup {
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

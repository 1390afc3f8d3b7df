//! The profile: the candidate's name, contact details, locale, region, time zone, and
//! skills with their evidence.

use crate::{AppError, Followup, Result};
use followup_core::model::*;
use followup_core::place;

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

impl Followup {
    pub fn profile(&mut self) -> Result<Option<Profile>> {
        Ok(self.store.profile()?)
    }

    pub fn update_profile(&mut self, changes: ProfileChanges) -> Result<Profile> {
        let mut p = self.store.profile()?.unwrap_or_default();
        if let Some(v) = changes.name {
            p.name = crate::capture::typed_line("name", &v)?;
        }
        // Messages are sent from this address and the number is read out in voicemails:
        // what is typed is checked (a stored value is not, so an old one never blocks
        // changing another field).
        if let Some(v) = changes.email {
            p.email = v.trim().to_string();
            if !p.email.is_empty() {
                followup_core::contact::email_address("email", &p.email)?;
            }
        }
        if let Some(v) = changes.phone {
            p.phone = crate::capture::typed_line("phone", &v)?;
            if !p.phone.is_empty() {
                followup_core::contact::phone_number("phone", &p.phone)?;
            }
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
        let name = crate::capture::typed_line("name", &skill.name)?;
        if name.is_empty() {
            return Err(AppError::invalid("name", "the skill name is empty"));
        }
        let skill = Skill {
            name: name.clone(),
            aliases: skill
                .aliases
                .iter()
                .map(|a| crate::capture::typed_line("alias", a))
                .collect::<Result<_>>()?,
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
}

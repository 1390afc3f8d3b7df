//! What leaves without the mail server: the message for a mail client (.eml, mailto:),
//! the letter as a PDF to print, and a check of the server that sends nothing.

use super::outgoing;
use crate::{AppError, Followup, Result};
use followup_core::compose::{self, Channel};
use followup_core::model::Locale;
use followup_mail::build_message;
use followup_mail::letter::{Letter, LetterRenderer};

impl Followup {
    /// Connects and logs in, sending nothing; returns the server's name.
    pub fn test_mail_server(&mut self) -> Result<(followup_mail::SmtpSettings, String)> {
        let settings = self.smtp_settings()?;
        let name =
            followup_mail::test_connection(&settings).map_err(|e| AppError::Mail(e.to_string()))?;
        Ok((settings, name))
    }

    /// The message as RFC 5322 text for a mail client: marked unsent, so clients open it
    /// as a message to send.
    pub fn export_eml(&mut self, draft_id: &str) -> Result<Vec<u8>> {
        let draft = self.store.draft(draft_id)?;
        let now = self.now();
        let o = outgoing(&mut self.store, &draft, 0, now)?;
        let message = build_message(&o).map_err(|e| AppError::Mail(e.to_string()))?;
        let mut out = b"X-Unsent: 1\r\n".to_vec();
        out.extend_from_slice(&message);
        Ok(out)
    }

    /// The message as a `mailto:` URL.
    pub fn export_mailto(&mut self, draft_id: &str) -> Result<String> {
        let draft = self.store.draft(draft_id)?;
        let now = self.now();
        let o = outgoing(&mut self.store, &draft, 0, now)?;
        Ok(followup_mail::mailto(&o))
    }

    /// A letter draft as PDF: A4 and British layout, or US Letter full block.
    pub fn letter_pdf(&mut self, draft_id: &str) -> Result<(Vec<u8>, bool)> {
        let draft = self.store.draft(draft_id)?;
        if draft.channel != Channel::Letter {
            return Err(AppError::NotALetter {
                draft_id: draft.id,
                channel: draft.channel,
            });
        }
        let profile = self.store.profile()?.unwrap_or_default();
        let us = profile.locale == Locale::EnUs;
        let mut sender = vec![profile.name.clone()];
        sender.extend(
            profile
                .postal_address
                .lines()
                .map(str::to_string)
                .filter(|l| !l.trim().is_empty()),
        );
        sender.extend(
            [profile.phone.clone(), profile.email.clone()]
                .into_iter()
                .filter(|l| !l.trim().is_empty()),
        );
        let mut recipient = Vec::new();
        if let Some(id) = &draft.recipient_id {
            let c = self.store.contact(id)?;
            let title = compose::title(&c.honorific, us);
            let title = if title.is_empty() {
                title
            } else {
                format!("{title} ")
            };
            recipient.push(format!("{title}{}", c.full_name));
            recipient.extend(
                [c.position.clone(), c.organisation.clone()]
                    .into_iter()
                    .filter(|l| !l.trim().is_empty()),
            );
            if let Some(address) = &c.address {
                recipient.extend(address.lines().into_iter().map(str::to_string));
            }
        }
        let today = self
            .now()
            .to_zoned_datetime(
                jiff::tz::TimeZone::get(&profile.time_zone).unwrap_or(jiff::tz::TimeZone::UTC),
            )
            .date();
        let letter = Letter {
            us,
            sender,
            date: compose::long_date(today, us),
            recipient,
            body: draft.body.clone(),
        };
        let pdf = LetterRenderer::new()
            .render(&letter)
            .map_err(|e| AppError::Mail(e.to_string()))?;
        Ok((pdf, us))
    }
}

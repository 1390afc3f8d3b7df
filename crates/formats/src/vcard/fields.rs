//! One checked card decoded by `calcard` and turned into a contact: names, emails,
//! phones, addresses, organisation and title, with their labels.

use super::lines::{CardBlock, clip};
use crate::LineError;
use calcard::vcard::{
    VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue,
};
use followup_core::model::{Contact, Labelled, PostalAddress};
use jiff::Timestamp;

pub(super) fn card_to_contact(block: &CardBlock, now: Timestamp) -> Result<Contact, LineError> {
    let mut parser = calcard::Parser::new(&block.text);
    let card = match parser.entry() {
        calcard::Entry::VCard(card) => card,
        other => {
            return Err(LineError::new(
                block.first_line,
                format!("this card could not be read ({other:?})"),
            ));
        }
    };
    let mut contact = Contact::named("", now);
    contact.given_name.clear();
    contact.family_name.clear();
    let mut saw_n = false;
    for entry in &card.entries {
        apply_entry(&mut contact, entry, &mut saw_n);
    }
    // A card that does not name the region (only ours write X-FOLLOWUP-REGION) is placed
    // by its address where that says it plainly ("ON, Canada" is Ontario's holidays), else
    // by its phone number's country (+49 is Germany's).
    if contact.region.is_none() {
        contact.region = followup_core::contact::inferred_region(&contact);
    }
    if contact.full_name.is_empty() {
        let parts = [
            &contact.honorific,
            &contact.given_name,
            &contact.family_name,
        ];
        contact.full_name = parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" ");
    }
    if contact.full_name.is_empty() {
        let problem = if saw_n {
            "an empty name"
        } else {
            "no name (neither FN nor N)"
        };
        return Err(LineError::new(
            block.first_line,
            format!("this card has {problem}; add FN:Full Name to it"),
        ));
    }
    if !saw_n {
        let (given, family) = followup_core::contact::split_name(&contact.full_name);
        contact.given_name = given;
        contact.family_name = family;
    }
    // What quoted-printable or base64 decoded ("=1A" is a control character) is checked
    // too: the lines were checked as written, not as decoded.
    followup_core::contact::no_control_chars(&contact).map_err(|e| {
        LineError::new(
            block.first_line,
            format!("this card's {} (decoded) {}", e.field, e.problem),
        )
    })?;
    // And an address is judged as decoded too: "a@b.\n" passes as written, and is
    // "a@b." once the escape is read.
    if let Some(bad) = contact
        .emails
        .iter()
        .find(|e| !followup_core::contact::is_email(&e.value))
    {
        return Err(LineError::new(
            block.first_line,
            format!(
                "this card's email '{}' (decoded) is not an email address",
                clip(&bad.value)
            ),
        ));
    }
    Ok(contact)
}

fn apply_entry(contact: &mut Contact, entry: &VCardEntry, saw_n: &mut bool) {
    let texts = texts(entry);
    let first = texts.first().cloned().unwrap_or_default();
    match &entry.name {
        VCardProperty::Fn => contact.full_name = first.trim().to_string(),
        VCardProperty::N => {
            *saw_n = true;
            let part = |i: usize| {
                texts
                    .get(i)
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            contact.family_name = part(0);
            contact.given_name = part(1);
            contact.honorific = part(3);
        }
        VCardProperty::Title => contact.position = first.trim().to_string(),
        VCardProperty::Org => contact.organisation = first.trim().to_string(),
        VCardProperty::Email if !first.trim().is_empty() => contact.emails.push(Labelled {
            value: first.trim().to_string(),
            labels: labels(entry),
        }),
        VCardProperty::Tel if !first.trim().is_empty() => {
            let number = first.trim();
            contact.phones.push(Labelled {
                value: number.strip_prefix("tel:").unwrap_or(number).to_string(),
                labels: labels(entry),
            })
        }
        VCardProperty::Adr if contact.address.is_none() => {
            let part = |i: usize| {
                texts
                    .get(i)
                    .map(|s| s.replace("\r\n", "\n").trim().to_string())
                    .unwrap_or_default()
            };
            let address = PostalAddress {
                po_box: part(0),
                extended: part(1),
                street: part(2),
                locality: part(3),
                region: part(4),
                postcode: part(5),
                country: part(6),
            };
            if !address.is_empty() {
                contact.address = Some(address);
            }
        }
        VCardProperty::Tz => {
            if let Ok(zone) = followup_core::place::time_zone("TZ", &first) {
                contact.time_zone = Some(zone);
            }
        }
        VCardProperty::Note => contact.notes = first.replace("\r\n", "\n").trim().to_string(),
        VCardProperty::Uid => contact.uid = first.trim().to_string(),
        VCardProperty::Other(name) if name.eq_ignore_ascii_case("X-FOLLOWUP-REGION") => {
            contact.region = followup_core::place::region("region", &first).ok();
        }
        VCardProperty::Other(name) if name.eq_ignore_ascii_case("X-FOLLOWUP-CHANNEL") => {
            contact.preferred_channel = first.as_str().into();
        }
        _ => {}
    }
}

fn texts(entry: &VCardEntry) -> Vec<String> {
    entry
        .values
        .iter()
        .map(|v| match v {
            VCardValue::Text(t) => t.clone(),
            VCardValue::Component(parts) => parts.join(" "),
            other => other.as_text().unwrap_or_default().to_string(),
        })
        .collect()
}

/// TYPE labels, lower-cased, without the ones that say nothing to a person.
fn labels(entry: &VCardEntry) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in &entry.params {
        let text = match (&p.name, &p.value) {
            (VCardParameterName::Type, VCardParameterValue::Type(t)) => format!("{t:?}"),
            (VCardParameterName::Type, VCardParameterValue::Text(t)) => t.clone(),
            // vCard 2.1 writes bare types: TEL;CELL;WORK.
            (VCardParameterName::Other(name), VCardParameterValue::Null) => name.clone(),
            _ => continue,
        };
        let label = text.to_ascii_lowercase();
        if !["internet", "pref", "x400", "voice"].contains(&label.as_str()) && !out.contains(&label)
        {
            out.push(label);
        }
    }
    out
}

//! Rules about interviewers as contacts: how a typed name splits, how a re-imported card
//! is matched to the contact it updates, and how the two are merged.

use crate::model::{Contact, Labelled};

/// Splits "Priya Patel" into given and family name; a single word is a given name.
/// Names are hard; this only fills the parts a vCard N needs when the user typed one line.
pub fn split_name(full_name: &str) -> (String, String) {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] => (one.to_string(), String::new()),
        [given @ .., family] => (given.join(" "), family.to_string()),
    }
}

/// The key an email address is matched on: trimmed and lower-cased.
pub fn email_key(address: &str) -> String {
    address.trim().to_lowercase()
}

/// Which existing contact an incoming card updates: the one with the same UID, else the
/// first one sharing an email address. `candidates` are the contacts found by those keys.
pub fn find_match<'a>(incoming: &Contact, candidates: &'a [Contact]) -> Option<&'a Contact> {
    if !incoming.uid.is_empty()
        && let Some(same) = candidates.iter().find(|c| c.uid == incoming.uid)
    {
        return Some(same);
    }
    let keys: Vec<String> = incoming
        .emails
        .iter()
        .map(|e| email_key(&e.value))
        .collect();
    candidates
        .iter()
        .find(|c| c.emails.iter().any(|e| keys.contains(&email_key(&e.value))))
}

/// The contact after a re-import: the card's fields win where the card has them, what
/// only the user typed (region, preferred channel, notes not on the card) is kept, and
/// identity (id, uid, created_at) never changes.
pub fn merge(existing: &Contact, card: &Contact) -> Contact {
    fn pick(card: &str, old: &str) -> String {
        if card.trim().is_empty() { old } else { card }.to_string()
    }
    Contact {
        id: existing.id.clone(),
        uid: existing.uid.clone(),
        honorific: pick(&card.honorific, &existing.honorific),
        given_name: pick(&card.given_name, &existing.given_name),
        family_name: pick(&card.family_name, &existing.family_name),
        full_name: pick(&card.full_name, &existing.full_name),
        position: pick(&card.position, &existing.position),
        organisation: pick(&card.organisation, &existing.organisation),
        emails: union(&existing.emails, &card.emails, email_key),
        phones: union(&existing.phones, &card.phones, phone_key),
        address: card.address.clone().or_else(|| existing.address.clone()),
        time_zone: card
            .time_zone
            .clone()
            .or_else(|| existing.time_zone.clone()),
        region: card.region.clone().or_else(|| existing.region.clone()),
        preferred_channel: existing.preferred_channel.clone(),
        notes: pick(&card.notes, &existing.notes),
        created_at: existing.created_at,
        updated_at: card.updated_at,
    }
}

fn phone_key(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

/// The card's entries first (it is the newer word), then any the user had that the card
/// lacks, without duplicates.
fn union(old: &[Labelled], card: &[Labelled], key: fn(&str) -> String) -> Vec<Labelled> {
    let mut out: Vec<Labelled> = Vec::new();
    for entry in card.iter().chain(old) {
        if !out.iter().any(|e| key(&e.value) == key(&entry.value)) {
            out.push(entry.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn contact(name: &str, uid: &str, email: &str) -> Contact {
        let mut c = Contact::named(name, Timestamp::UNIX_EPOCH);
        c.uid = uid.into();
        c.id = format!("id-{uid}");
        if !email.is_empty() {
            c.emails.push(Labelled::plain(email));
        }
        c
    }

    #[test]
    fn names_split_on_the_last_word() {
        assert_eq!(split_name("Priya Patel"), ("Priya".into(), "Patel".into()));
        assert_eq!(
            split_name("Mary Ann Smith"),
            ("Mary Ann".into(), "Smith".into())
        );
        assert_eq!(split_name("Cher"), ("Cher".into(), String::new()));
    }

    #[test]
    fn uid_match_beats_email_match() {
        let by_email = contact("A", "u1", "p@acme.test");
        let by_uid = contact("B", "u2", "other@acme.test");
        let incoming = contact("C", "u2", "P@Acme.test");
        let candidates = [by_email.clone(), by_uid.clone()];
        assert_eq!(find_match(&incoming, &candidates).unwrap().id, by_uid.id);
        let no_uid = contact("C", "u9", "P@ACME.test ");
        assert_eq!(find_match(&no_uid, &candidates).unwrap().id, by_email.id);
        let stranger = contact("D", "u8", "d@elsewhere.test");
        assert!(find_match(&stranger, &candidates).is_none());
    }

    #[test]
    fn merge_keeps_identity_and_user_choices() {
        let mut old = contact("Priya Patel", "u1", "priya@acme.test");
        old.preferred_channel = crate::PreferredChannel::EmailOnly;
        old.region = Some("gb-sct".into());
        old.phones.push(Labelled::plain("+44 20 7946 0000"));
        let mut card = contact("Priya Patel", "u-card", "PRIYA@acme.test");
        card.id = String::new();
        card.position = "CTO".into();
        card.phones.push(Labelled::plain("+442079460000"));
        let merged = merge(&old, &card);
        assert_eq!(merged.id, old.id);
        assert_eq!(merged.uid, "u1");
        assert_eq!(merged.position, "CTO");
        assert_eq!(merged.preferred_channel, crate::PreferredChannel::EmailOnly);
        assert_eq!(merged.region.as_deref(), Some("gb-sct"));
        assert_eq!(
            merged.emails.len(),
            1,
            "same address differing in case is one"
        );
        assert_eq!(
            merged.phones.len(),
            1,
            "same number differently spaced is one"
        );
    }
}

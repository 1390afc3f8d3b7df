//! Rules about interviewers as contacts: how a typed name splits, how a re-imported card
//! is matched to the contact it updates, and how the two are merged; in which zone and
//! region they are. What a contact may hold is contact/checks.rs.

use crate::model::{Contact, Labelled};

mod checks;
pub use checks::*;

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

/// The zone a contact keeps their business hours in ([`zone_of`]), else the interview's.
/// An interviewer in Bengaluru or Austin is on their own time even when the user typed
/// the video interview's time in theirs.
pub fn their_zone(lead: Option<&Contact>, interview_zone: &str) -> String {
    lead.and_then(zone_of)
        .map(|(zone, _)| zone)
        .unwrap_or_else(|| interview_zone.to_string())
}

/// Where a contact's zone came from, so that a guess can be shown as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneFrom {
    /// On their card, or typed in.
    Card,
    /// The one zone of their region ("in", "gb-sct", "ca-on").
    Region,
    /// Their US state's, from their address ("Austin, TX").
    State,
    /// Their North American number's area code (+1 415).
    AreaCode,
}

/// A contact's zone as the front ends show it: "Europe/London" when the card or the user
/// gave it, else with where it came from, "America/Chicago (their state's)".
pub fn zone_label(c: &Contact) -> Option<String> {
    zone_of(c).map(|(zone, from)| match from {
        ZoneFrom::Card => zone,
        ZoneFrom::Region => format!("{zone} (their region's)"),
        ZoneFrom::State => format!("{zone} (their state's)"),
        ZoneFrom::AreaCode => format!("{zone} (their area code's)"),
    })
}

/// A contact's own zone and where it came from: the one on their card or typed in, else
/// their region's, else their US state's, else their number's area code's. None when
/// nothing says (a region of several zones, "us", and no state or area code that has one).
pub fn zone_of(c: &Contact) -> Option<(String, ZoneFrom)> {
    if let Some(zone) = &c.time_zone {
        return Some((zone.clone(), ZoneFrom::Card));
    }
    let region = c.region.as_deref().and_then(crate::place::zone_of_region);
    let state = || c.address.as_ref().and_then(crate::place::zone_of_address);
    // A number without "+1" is read as North American only for a contact not placed
    // elsewhere: "(415) 555-0134" is how Americans type a colleague's number.
    let north_american = c
        .region
        .as_deref()
        .is_none_or(|r| r == "us" || r == "ca" || r.starts_with("ca-"));
    let area = || {
        c.phones.iter().find_map(|p| {
            crate::place::zone_of_phone(&p.value).or_else(|| {
                north_american
                    .then(|| crate::place::zone_of_national_phone(&p.value))
                    .flatten()
            })
        })
    };
    region
        .map(|z| (z, ZoneFrom::Region))
        .or_else(|| state().map(|z| (z, ZoneFrom::State)))
        .or_else(|| area().map(|z| (z, ZoneFrom::AreaCode)))
        .map(|(zone, from)| (zone.to_string(), from))
}

/// The region a contact's card says plainly: their address's, else their phone
/// number's country where that is one region (+49 Germany; not +1 or +44).
pub fn inferred_region(c: &Contact) -> Option<String> {
    c.address
        .as_ref()
        .and_then(crate::place::region_of)
        .or_else(|| {
            c.phones
                .iter()
                .find_map(|p| crate::place::region_of_phone(&p.value))
                .map(str::to_string)
        })
}

/// Whether a contact's region is only what their card says (none, or the region
/// [`inferred_region`] gives), so that a new address or number should move it. A region
/// that differs is the user's choice ("gb-sct" for a London office that keeps Scottish
/// holidays) and stays.
pub fn region_follows_card(c: &Contact) -> bool {
    c.region.is_none() || c.region == inferred_region(c)
}

/// The contact after a re-import: the card's fields win where the card has them, what
/// only the user typed (region, preferred channel, notes not on the card) is kept, and
/// identity (id, uid, created_at) never changes.
pub fn merge(existing: &Contact, card: &Contact) -> Contact {
    fn pick(card: &str, old: &str) -> String {
        if card.trim().is_empty() { old } else { card }.to_string()
    }
    let mut merged = Contact {
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
        region: existing.region.clone().or_else(|| card.region.clone()),
        preferred_channel: existing.preferred_channel.clone(),
        notes: pick(&card.notes, &existing.notes),
        created_at: existing.created_at,
        updated_at: card.updated_at,
    };
    // A region the user chose stands (a card's may be only what its address suggests);
    // one that was only what the old card said follows the card as it now is.
    if region_follows_card(existing) {
        merged.region = card.region.clone().or_else(|| inferred_region(&merged));
    }
    merged
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
    use crate::model::PostalAddress;
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
        // Even when the card's address places it elsewhere.
        card.region = Some("gb-eng".into());
        assert_eq!(merge(&old, &card).region.as_deref(), Some("gb-sct"));
        old.region = None;
        assert_eq!(merge(&old, &card).region.as_deref(), Some("gb-eng"));
        assert_eq!(
            merged.emails.len(),
            1,
            "same address differing in case is one"
        );
        // A region that was only what the old address said moves with the card's address.
        let mut toronto = contact("Priya Patel", "u1", "priya@acme.test");
        toronto.address = Some(PostalAddress {
            locality: "Toronto".into(),
            region: "ON".into(),
            country: "Canada".into(),
            ..Default::default()
        });
        toronto.region = Some("ca-on".into());
        assert!(region_follows_card(&toronto));
        let mut montreal = card.clone();
        montreal.address = Some(PostalAddress {
            locality: "Montréal".into(),
            region: "QC".into(),
            country: "Canada".into(),
            ..Default::default()
        });
        montreal.region = Some("ca-qc".into());
        assert_eq!(merge(&toronto, &montreal).region.as_deref(), Some("ca-qc"));
        // A card without an address leaves it where it was.
        card.region = None;
        assert_eq!(merge(&toronto, &card).region.as_deref(), Some("ca-on"));
        // One the user set against the address stays.
        toronto.region = Some("ca-qc".into());
        assert!(!region_follows_card(&toronto));
        montreal.region = Some("ca-on".into());
        assert_eq!(merge(&toronto, &montreal).region.as_deref(), Some("ca-qc"));
        // It follows the card as merged: a new address that says nothing leaves the
        // number the contact kept (+49) to say where they are.
        let mut munich = contact("Jonas Weber", "u3", "jonas@acme.test");
        munich.phones.push(Labelled::plain("+49 89 123456"));
        munich.region = Some("de".into());
        let mut moved = contact("Jonas Weber", "u3", "jonas@acme.test");
        moved.address = Some(PostalAddress {
            locality: "Springfield".into(),
            ..Default::default()
        });
        assert_eq!(merge(&munich, &moved).region.as_deref(), Some("de"));
        assert_eq!(
            merged.phones.len(),
            1,
            "same number differently spaced is one"
        );
    }
}

//! Contacts: adding, reading and editing them, importing cards (matched to the contacts
//! they update by UID or address), and the address index kept equal to each contact's
//! addresses.

use crate::rows::*;
use crate::schema::*;
use crate::{
    AnyConnection, Page, Result, Store, StoreError, new_uid, not_found, now, only_checks,
    stamp_new, tx,
};
use diesel::prelude::*;
use followup_core::contact as contact_rules;
use followup_core::model::*;
use std::collections::HashMap;

/// What a contact import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ContactImport {
    pub imported: usize,
    pub updated: usize,
    /// The existing contacts the cards updated.
    pub updated_ids: Vec<String>,
    /// Those contacts as they were before (for undo).
    pub replaced: Vec<Contact>,
    /// The contacts the cards added.
    pub created_ids: Vec<String>,
}

impl Store {
    /// Stores a new contact, giving it an id (and a UID when it has none).
    pub fn add_contact(&mut self, mut contact: Contact) -> Result<Contact> {
        stamp_new(
            &mut contact.id,
            "con",
            &mut contact.created_at,
            &mut contact.updated_at,
        );
        if contact.uid.is_empty() {
            contact.uid = new_uid();
        }
        tx::write(&mut self.conn, |conn| {
            insert_contact(conn, &self.account, &contact)
        })?;
        Ok(contact)
    }

    pub fn contact(&mut self, id: &str) -> Result<Contact> {
        contacts::table
            .find(id)
            .filter(contacts::account_id.eq(&self.account))
            .select(ContactRow::as_select())
            .first(&mut *self.conn)
            .optional()?
            .ok_or_else(|| not_found("contact", id))?
            .into_model()
    }

    /// Alphabetical by family name, then given name.
    pub fn contacts(&mut self, page: Page) -> Result<Vec<Contact>> {
        contacts::table
            .filter(contacts::account_id.eq(&self.account))
            .order((contacts::family_name, contacts::given_name, contacts::id))
            .limit(page.limit())
            .offset(page.offset)
            .select(ContactRow::as_select())
            .load(&mut *self.conn)?
            .into_iter()
            .map(ContactRow::into_model)
            .collect()
    }

    /// The contacts with these ids, in the order of `ids`; an unknown id is an error.
    pub fn contacts_by_ids(&mut self, ids: &[String]) -> Result<Vec<Contact>> {
        let found = load_contacts(&mut self.conn, &self.account, ids)?;
        ids.iter()
            .map(|id| {
                found
                    .get(id)
                    .cloned()
                    .ok_or_else(|| not_found("contact", id))
            })
            .collect()
    }

    /// Saves every field of an existing contact.
    pub fn update_contact(&mut self, contact: &Contact) -> Result<Contact> {
        let mut contact = contact.clone();
        contact.updated_at = now();
        tx::write(&mut self.conn, |conn| {
            update_contact(conn, &self.account, &contact)
        })?;
        Ok(contact)
    }

    /// Imports cards in one transaction: a card matching an existing contact (same UID,
    /// else a shared email address) updates it; any other card becomes a new contact.
    pub fn import_contacts(&mut self, cards: Vec<Contact>) -> Result<ContactImport> {
        tx::write(&mut self.conn, |conn| {
            let mut counts = ContactImport::default();
            for mut card in cards {
                card.updated_at = now();
                let candidates = match_candidates(conn, &self.account, &card)?;
                match contact_rules::find_match(&card, &candidates) {
                    Some(existing) => {
                        if !counts.updated_ids.contains(&existing.id) {
                            counts.replaced.push(existing.clone());
                        }
                        update_contact(
                            conn,
                            &self.account,
                            &contact_rules::merge(existing, &card),
                        )?;
                        counts.updated += 1;
                        counts.updated_ids.push(existing.id.clone());
                    }
                    None => {
                        stamp_new(
                            &mut card.id,
                            "con",
                            &mut card.created_at,
                            &mut card.updated_at,
                        );
                        if card.uid.is_empty() {
                            card.uid = new_uid();
                        }
                        insert_contact(conn, &self.account, &card)?;
                        counts.imported += 1;
                        counts.created_ids.push(card.id.clone());
                    }
                }
            }
            Ok(counts)
        })
    }
}

// ---- helpers that run inside a caller's transaction ----

pub(crate) fn insert_contact(
    conn: &mut AnyConnection,
    account: &str,
    contact: &Contact,
) -> Result<()> {
    let uid_taken = contacts::table
        .filter(contacts::account_id.eq(account))
        .filter(contacts::card_uid.eq(&contact.uid))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if uid_taken {
        return Err(StoreError::Conflict(format!(
            "another contact already has the UID '{}'",
            contact.uid
        )));
    }
    diesel::insert_into(contacts::table)
        .values((
            ContactRow::from(contact),
            contacts::account_id.eq(account),
            // The pre-account column stays globally unique: the contact's own id.
            contacts::uid.eq(format!("id:{}", contact.id)),
        ))
        .execute(conn)?;
    write_email_index(conn, contact)
}

pub(crate) fn update_contact(
    conn: &mut AnyConnection,
    account: &str,
    contact: &Contact,
) -> Result<()> {
    let n = diesel::update(
        contacts::table
            .find(&contact.id)
            .filter(contacts::account_id.eq(account)),
    )
    .set(ContactRow::from(contact))
    .execute(conn)?;
    if n == 0 {
        return Err(not_found("contact", &contact.id));
    }
    diesel::delete(contact_emails::table.filter(contact_emails::contact_id.eq(&contact.id)))
        .execute(conn)?;
    write_email_index(conn, contact)
}

fn write_email_index(conn: &mut AnyConnection, contact: &Contact) -> Result<()> {
    let mut keys: Vec<String> = contact
        .emails
        .iter()
        .map(|e| contact_rules::email_key(&e.value))
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        diesel::insert_into(contact_emails::table)
            .values((
                contact_emails::email.eq(key),
                contact_emails::contact_id.eq(&contact.id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Contacts a card could be the same person as: same UID, or sharing an address.
fn match_candidates(
    conn: &mut AnyConnection,
    account: &str,
    card: &Contact,
) -> Result<Vec<Contact>> {
    let keys: Vec<String> = card
        .emails
        .iter()
        .map(|e| contact_rules::email_key(&e.value))
        .collect();
    let mut ids: Vec<String> = contact_emails::table
        .filter(contact_emails::email.eq_any(&keys))
        .select(contact_emails::contact_id)
        .load(conn)?;
    if !card.uid.is_empty() {
        ids.extend(
            contacts::table
                .filter(contacts::account_id.eq(account))
                .filter(contacts::card_uid.eq(&card.uid))
                .select(contacts::id)
                .load::<String>(conn)?,
        );
    }
    // (The email index holds every account's addresses; only this account's contacts load.)
    let found = load_contacts(conn, account, &ids)?;
    let mut out: Vec<Contact> = found.into_values().collect();
    out.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    Ok(out)
}

pub(crate) fn load_contacts(
    conn: &mut AnyConnection,
    account: &str,
    ids: &[String],
) -> Result<HashMap<String, Contact>> {
    contacts::table
        .filter(only_checks!(contacts, account))
        .filter(contacts::id.eq_any(ids))
        .select(ContactRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|row| row.into_model().map(|c| (c.id.clone(), c)))
        .collect()
}

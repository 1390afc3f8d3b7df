//! Followup's persistence: one schema and one set of queries over SQLite (the embedded
//! default) or PostgreSQL (the server), with migrations embedded in the binary.
//!
//! The consistency rules this API keeps, on every backend:
//! - A `Store` is bound to one account, and every query it makes is scoped by that
//!   account here, in this crate: a caller cannot read or change another account's rows,
//!   even by naming their ids (they are "not found").
//! - Every method that writes runs in one transaction: it completes, or leaves the
//!   database exactly as it was.
//! - Ids are generated here: text, prefixed by kind (`app-`, `con-`, `int-`).
//! - A contact's rows in `contact_emails` always equal its (lower-cased) addresses, so a
//!   re-imported card finds the contact it updates.
//! - An interview's application and interviewers exist (foreign keys).
//! - Migrations only move forward; a database migrated by a newer Followup is refused.
//!
//! SQL lives in this crate only; rules about *what* to write come from `followup_core`.

mod connect;
mod drafts;
mod edits;
mod find;
mod ids;
mod plan;
mod rows;

pub use connect::{Pool, schema_version};
pub use edits::{JOURNAL_KEPT, JournalEntry};
pub use find::FoundIn;
pub use plan::StepLabel;
mod schema;
mod tx;

use diesel::prelude::*;
use followup_core::contact as contact_rules;
use followup_core::model::*;
use jiff::Timestamp;
use rows::*;
use schema::*;
use std::collections::HashMap;

/// The account the CLI and the local web app use (and that older databases' rows were
/// moved into).
pub const LOCAL_ACCOUNT: &str = "local";

/// What went wrong in the store, in words that say what to do next.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {target}: {reason}")]
    Open { target: String, reason: String },
    #[error(
        "the database {target} was written by a newer version of Followup (schema {version}); \
         upgrade Followup to use it"
    )]
    NewerDatabase { target: String, version: String },
    #[error("migrating the database {target} failed: {reason}")]
    Migration { target: String, reason: String },
    #[error("the database {target} needs migrating to this version's schema (from {version})")]
    NeedsMigration { target: String, version: String },
    #[error("no {kind} with id '{id}'")]
    NotFound { kind: &'static str, id: String },
    #[error("'{prefix}' could be any of several {kind}s: {}", candidates.join(", "))]
    Ambiguous {
        kind: &'static str,
        prefix: String,
        candidates: Vec<String>,
    },
    #[error("{0}")]
    Conflict(String),
    #[error("the database holds a value this version cannot read ({what}): {reason}")]
    Corrupt { what: String, reason: String },
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
}

pub(crate) type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(diesel::MultiConnection)]
pub(crate) enum AnyConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// The account as a filter no index is chosen for (`account_id || '' = ?`), where the
/// row's own key (its id, its interview) should find the rows and the account only check
/// them. With a plain `account_id = ?` beside `id IN (…)`, SQLite (without statistics)
/// walks the account's whole list index instead: `interview list` went from 6 ms to 310 ms
/// on the benchmark database.
macro_rules! only_checks {
    ($table:ident, $account:expr) => {
        $table::account_id.concat("").eq($account)
    };
}
pub(crate) use only_checks;

/// Which rows of a list to read, newest (or alphabetically first) first.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    /// `None` reads every row.
    pub limit: Option<i64>,
    pub offset: i64,
}

impl Page {
    pub const ALL: Page = Page {
        limit: None,
        offset: 0,
    };

    pub(crate) fn limit(&self) -> i64 {
        self.limit.unwrap_or(i64::MAX)
    }
}

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

/// Counts of what a restore wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RestoreCounts {
    pub applications: usize,
    pub contacts: usize,
    pub interviews: usize,
    /// Records kept as stored because the backup's copy would move them back (a sent
    /// message, a done step): (what, id).
    pub kept_newer: Vec<(&'static str, String)>,
}

/// The open database, bound to one account.
pub struct Store {
    pub(crate) conn: connect::Conn,
    pub(crate) target: String,
    pub(crate) account: String,
}

impl Store {
    /// The account this handle reads and writes.
    pub fn account(&self) -> &str {
        &self.account
    }

    /// This handle, bound to another account (which must exist).
    pub fn into_account(mut self, account_id: &str) -> Result<Store> {
        let found = accounts::table
            .find(account_id)
            .count()
            .get_result::<i64>(&mut *self.conn)?;
        if found == 0 {
            return Err(not_found("account", account_id));
        }
        self.account = account_id.to_string();
        Ok(self)
    }

    /// Creates an account named `name`; returns its id.
    pub fn add_account(&mut self, name: &str) -> Result<String> {
        let id = new_id("acct");
        let taken = accounts::table
            .filter(accounts::name.eq(name))
            .count()
            .get_result::<i64>(&mut *self.conn)?;
        if taken > 0 {
            return Err(StoreError::Conflict(format!(
                "an account named '{name}' exists already"
            )));
        }
        diesel::insert_into(accounts::table)
            .values((
                accounts::id.eq(&id),
                accounts::name.eq(name),
                accounts::created_at.eq(now().as_second()),
            ))
            .execute(&mut *self.conn)?;
        Ok(id)
    }

    /// Where the database is (a URL's password hidden).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// "sqlite" or "postgresql".
    pub fn backend(&self) -> &'static str {
        match *self.conn {
            AnyConnection::Sqlite(_) => "sqlite",
            AnyConnection::Postgresql(_) => "postgresql",
        }
    }

    // ---- profile ----

    pub fn profile(&mut self) -> Result<Option<Profile>> {
        let row = profile::table
            .filter(profile::account_id.eq(&self.account))
            .select(ProfileRow::as_select())
            .first(&mut *self.conn)
            .optional()?;
        let Some(row) = row else { return Ok(None) };
        let skill_rows = skills::table
            .filter(skills::profile_id.eq(&row.id))
            .order(skills::position)
            .select(SkillRow::as_select())
            .load(&mut *self.conn)?;
        row.into_model(skill_rows).map(Some)
    }

    /// Replaces the profile and its skills.
    pub fn save_profile(&mut self, p: &Profile) -> Result<()> {
        tx::write(&mut self.conn, |conn| write_profile(conn, &self.account, p))
    }

    // ---- applications ----

    /// Stores a new application, giving it an id and creation time.
    pub fn add_application(&mut self, mut app: Application) -> Result<Application> {
        stamp_new(&mut app.id, "app", &mut app.created_at, &mut app.updated_at);
        diesel::insert_into(applications::table)
            .values((
                ApplicationRow::from(&app),
                applications::account_id.eq(&self.account),
            ))
            .execute(&mut *self.conn)?;
        Ok(app)
    }

    /// Stores many new applications in one transaction (a CSV import): all or none.
    /// Stores new applications in one transaction; returns their ids.
    pub fn add_applications(&mut self, apps: Vec<Application>) -> Result<Vec<String>> {
        let account = self.account.clone();
        let rows: Vec<ApplicationRow> = apps
            .into_iter()
            .map(|mut app| {
                stamp_new(&mut app.id, "app", &mut app.created_at, &mut app.updated_at);
                ApplicationRow::from(app)
            })
            .collect();
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        tx::write(&mut self.conn, move |conn| {
            match conn {
                // SQLite: one prepared INSERT (diesel caches it), bound and stepped per
                // row, as `sqlite3 .import` does. A multi-row INSERT's SQL was rebuilt for
                // every chunk (not cacheable), which cost more than the inserts themselves.
                AnyConnection::Sqlite(c) => {
                    for row in &rows {
                        diesel::insert_into(applications::table)
                            .values((row, applications::account_id.eq(&account)))
                            .execute(c)?;
                    }
                }
                // PostgreSQL: multi-row INSERTs, one round trip per chunk; 3,000 rows of 11
                // columns stays under the 65,535 bound parameters.
                AnyConnection::Postgresql(c) => {
                    let rows: Vec<_> = rows
                        .into_iter()
                        .map(|r| (r, applications::account_id.eq(account.clone())))
                        .collect();
                    for chunk in rows.chunks(3000) {
                        diesel::insert_into(applications::table)
                            .values(chunk)
                            .execute(c)?;
                    }
                }
            }
            Ok(ids)
        })
    }

    pub fn application(&mut self, id: &str) -> Result<Application> {
        applications::table
            .find(id)
            .filter(applications::account_id.eq(&self.account))
            .select(ApplicationRow::as_select())
            .first(&mut *self.conn)
            .optional()?
            .ok_or_else(|| not_found("application", id))?
            .into_model()
    }

    /// Newest first.
    pub fn applications(&mut self, page: Page) -> Result<Vec<Application>> {
        applications::table
            .filter(applications::account_id.eq(&self.account))
            .order((applications::created_at.desc(), applications::id.desc()))
            .limit(page.limit())
            .offset(page.offset)
            .select(ApplicationRow::as_select())
            .load(&mut *self.conn)?
            .into_iter()
            .map(ApplicationRow::into_model)
            .collect()
    }

    pub fn applications_by_ids(&mut self, ids: &[String]) -> Result<Vec<Application>> {
        applications::table
            .filter(only_checks!(applications, &self.account))
            .filter(applications::id.eq_any(ids))
            .select(ApplicationRow::as_select())
            .load(&mut *self.conn)?
            .into_iter()
            .map(ApplicationRow::into_model)
            .collect()
    }

    pub fn count_applications(&mut self) -> Result<i64> {
        Ok(applications::table
            .filter(applications::account_id.eq(&self.account))
            .count()
            .get_result(&mut *self.conn)?)
    }

    /// Saves every field of an existing application.
    pub fn update_application(&mut self, app: &Application) -> Result<Application> {
        let mut app = app.clone();
        app.updated_at = now();
        let n = diesel::update(
            applications::table
                .find(&app.id)
                .filter(applications::account_id.eq(&self.account)),
        )
        .set(ApplicationRow::from(&app))
        .execute(&mut *self.conn)?;
        if n == 0 {
            return Err(not_found("application", &app.id));
        }
        Ok(app)
    }

    // ---- contacts ----

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

    // ---- interviews ----

    /// Stores a new interview; its application and interviewers must exist.
    pub fn add_interview(&mut self, mut interview: Interview) -> Result<Interview> {
        stamp_new(
            &mut interview.id,
            "int",
            &mut interview.created_at,
            &mut interview.updated_at,
        );
        tx::write(&mut self.conn, |conn| {
            check_interview_refs(conn, &self.account, &interview)?;
            insert_interview(conn, &self.account, &interview)
        })?;
        Ok(interview)
    }

    pub fn interview(&mut self, id: &str) -> Result<Interview> {
        let row = interviews::table
            .find(id)
            .filter(interviews::account_id.eq(&self.account))
            .select(InterviewRow::as_select())
            .first(&mut *self.conn)
            .optional()?
            .ok_or_else(|| not_found("interview", id))?;
        let mut panels = load_panels(&mut self.conn, std::slice::from_ref(&row.id))?;
        let panel = panels.remove(&row.id).unwrap_or_default();
        row.into_model(panel.ids, panel.panellists)
    }

    /// Most recent first.
    pub fn interviews(&mut self, page: Page) -> Result<Vec<Interview>> {
        let rows = interviews::table
            .filter(interviews::account_id.eq(&self.account))
            .order((interviews::starts_at.desc(), interviews::id.desc()))
            .limit(page.limit())
            .offset(page.offset)
            .select(InterviewRow::as_select())
            .load(&mut *self.conn)?;
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let mut panels = load_panels(&mut self.conn, &ids)?;
        rows.into_iter()
            .map(|r| {
                let panel = panels.remove(&r.id).unwrap_or_default();
                r.into_model(panel.ids, panel.panellists)
            })
            .collect()
    }

    /// The interviews with these ids (unknown ids are left out), with their panels.
    pub fn interviews_by_ids(&mut self, ids: &[String]) -> Result<Vec<Interview>> {
        let rows = interviews::table
            .filter(only_checks!(interviews, &self.account))
            .filter(interviews::id.eq_any(ids))
            .select(InterviewRow::as_select())
            .load(&mut *self.conn)?;
        let mut panels = load_panels(&mut self.conn, ids)?;
        rows.into_iter()
            .map(|r| {
                let panel = panels.remove(&r.id).unwrap_or_default();
                r.into_model(panel.ids, panel.panellists)
            })
            .collect()
    }

    /// Saves every field of an existing interview, its panel included.
    pub fn update_interview(&mut self, interview: &Interview) -> Result<Interview> {
        let mut interview = interview.clone();
        interview.updated_at = now();
        tx::write(&mut self.conn, |conn| {
            check_interview_refs(conn, &self.account, &interview)?;
            update_interview(conn, &self.account, &interview)
        })?;
        Ok(interview)
    }

    // ---- whole database ----

    /// Everything, for a backup.
    pub fn records(&mut self) -> Result<Records> {
        Ok(Records {
            profile: self.profile()?,
            applications: self.applications(Page::ALL)?,
            contacts: self.contacts(Page::ALL)?,
            interviews: self.interviews(Page::ALL)?,
            steps: self.all_steps()?,
            calls: self.all_calls()?,
            holidays: self.own_holidays()?,
            settings: self.settings()?.into_iter().collect(),
            drafts: self.drafts(None, Page::ALL)?,
            outbox: self.outbox(Page::ALL)?,
        })
    }

    /// Writes a backup back in one transaction: records are matched by id and replaced,
    /// others are added; nothing is deleted. Every field, ids and times included, is kept.
    pub fn restore(&mut self, records: &Records) -> Result<RestoreCounts> {
        self.put_records(records, false)
    }

    /// Puts records back as they were, by id (`undo`): like a restore, but a step goes
    /// back to the state it had (`rewind`). The outbox is never rewound.
    pub fn put_records(&mut self, records: &Records, rewind: bool) -> Result<RestoreCounts> {
        tx::write(&mut self.conn, |conn| {
            let account = self.account.as_str();
            if let Some(p) = &records.profile {
                write_profile(conn, account, p)?;
            }
            for app in &records.applications {
                let row = ApplicationRow::from(app);
                let n = diesel::update(
                    applications::table
                        .find(&app.id)
                        .filter(applications::account_id.eq(account)),
                )
                .set(&row)
                .execute(conn)?;
                if n == 0 {
                    diesel::insert_into(applications::table)
                        .values((&row, applications::account_id.eq(account)))
                        .execute(conn)?;
                }
            }
            for contact in &records.contacts {
                let exists = contacts::table
                    .find(&contact.id)
                    .filter(contacts::account_id.eq(account))
                    .count()
                    .get_result::<i64>(conn)?
                    > 0;
                if exists {
                    update_contact(conn, account, contact)?;
                } else {
                    insert_contact(conn, account, contact)?;
                }
            }
            for interview in &records.interviews {
                check_interview_refs(conn, account, interview)?;
                let exists = interviews::table
                    .find(&interview.id)
                    .filter(interviews::account_id.eq(account))
                    .count()
                    .get_result::<i64>(conn)?
                    > 0;
                if exists {
                    update_interview(conn, account, interview)?;
                } else {
                    insert_interview(conn, account, interview)?;
                }
            }
            let kept_newer = plan::restore_plan(conn, account, records, rewind)?;
            Ok(RestoreCounts {
                applications: records.applications.len(),
                contacts: records.contacts.len(),
                interviews: records.interviews.len(),
                kept_newer,
            })
        })
    }
}

// ---- helpers that run inside a caller's transaction ----

/// Replaces the account's profile; its row id is the account's id.
fn write_profile(conn: &mut AnyConnection, account: &str, p: &Profile) -> Result<()> {
    let old: Vec<String> = profile::table
        .filter(profile::account_id.eq(account))
        .select(profile::id)
        .load(conn)?;
    diesel::delete(skills::table.filter(skills::profile_id.eq_any(&old))).execute(conn)?;
    diesel::delete(profile::table.filter(profile::account_id.eq(account))).execute(conn)?;
    diesel::insert_into(profile::table)
        .values((
            ProfileRow::from_model(account, p, Timestamp::now()),
            profile::account_id.eq(account),
        ))
        .execute(conn)?;
    for (i, skill) in p.skills.iter().enumerate() {
        diesel::insert_into(skills::table)
            .values(SkillRow::from_model(account, i, skill))
            .execute(conn)?;
    }
    Ok(())
}

fn insert_contact(conn: &mut AnyConnection, account: &str, contact: &Contact) -> Result<()> {
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

fn update_contact(conn: &mut AnyConnection, account: &str, contact: &Contact) -> Result<()> {
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

fn load_contacts(
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

fn check_interview_refs(
    conn: &mut AnyConnection,
    account: &str,
    interview: &Interview,
) -> Result<()> {
    let app_exists = applications::table
        .find(&interview.application_id)
        .filter(applications::account_id.eq(account))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if !app_exists {
        return Err(not_found("application", &interview.application_id));
    }
    let found = load_contacts(conn, account, &interview.interviewer_ids)?;
    if let Some(missing) = interview
        .interviewer_ids
        .iter()
        .find(|id| !found.contains_key(*id))
    {
        return Err(not_found("contact", missing));
    }
    Ok(())
}

fn insert_interview(conn: &mut AnyConnection, account: &str, interview: &Interview) -> Result<()> {
    diesel::insert_into(interviews::table)
        .values((
            InterviewRow::from(interview),
            interviews::account_id.eq(account),
        ))
        .execute(conn)?;
    write_panel(conn, interview)
}

fn update_interview(conn: &mut AnyConnection, account: &str, interview: &Interview) -> Result<()> {
    let n = diesel::update(
        interviews::table
            .find(&interview.id)
            .filter(interviews::account_id.eq(account)),
    )
    .set(InterviewRow::from(interview))
    .execute(conn)?;
    if n == 0 {
        return Err(not_found("interview", &interview.id));
    }
    diesel::delete(
        interview_interviewers::table
            .filter(interview_interviewers::interview_id.eq(&interview.id)),
    )
    .execute(conn)?;
    write_panel(conn, interview)
}

fn write_panel(conn: &mut AnyConnection, interview: &Interview) -> Result<()> {
    let mut seen = Vec::new();
    for contact_id in &interview.interviewer_ids {
        if seen.contains(&contact_id) {
            continue;
        }
        seen.push(contact_id);
        let noted = interview.panellist(contact_id);
        diesel::insert_into(interview_interviewers::table)
            .values((
                interview_interviewers::interview_id.eq(&interview.id),
                interview_interviewers::contact_id.eq(contact_id),
                interview_interviewers::position.eq(seen.len() as i32),
                interview_interviewers::works_on.eq(noted.map_or("", |p| p.works_on.as_str())),
                interview_interviewers::part.eq(noted.map_or("", |p| p.part.as_str())),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// An interview's panel as stored: contact ids lead first, and what is noted for each.
#[derive(Default)]
struct Panel {
    ids: Vec<String>,
    panellists: Vec<Panellist>,
}

/// Interview id → its panel.
fn load_panels(conn: &mut AnyConnection, ids: &[String]) -> Result<HashMap<String, Panel>> {
    let rows: Vec<(String, String, String, String)> = interview_interviewers::table
        .filter(interview_interviewers::interview_id.eq_any(ids))
        .order((
            interview_interviewers::interview_id,
            interview_interviewers::position,
        ))
        .select((
            interview_interviewers::interview_id,
            interview_interviewers::contact_id,
            interview_interviewers::works_on,
            interview_interviewers::part,
        ))
        .load(conn)?;
    let mut panels: HashMap<String, Panel> = HashMap::new();
    for (interview_id, contact_id, works_on, part) in rows {
        let panel = panels.entry(interview_id).or_default();
        if !works_on.is_empty() || !part.is_empty() {
            panel.panellists.push(Panellist {
                contact_id: contact_id.clone(),
                works_on,
                part,
            });
        }
        panel.ids.push(contact_id);
    }
    Ok(panels)
}

// ---- ids and clocks ----

fn now() -> Timestamp {
    // Stored to the second; truncating here keeps what callers hold equal to what is read back.
    Timestamp::from_second(Timestamp::now().as_second()).expect("now is in range")
}

fn stamp_new(id: &mut String, prefix: &str, created: &mut Timestamp, updated: &mut Timestamp) {
    *id = new_id(prefix);
    *created = now();
    *updated = *created;
}

const ID_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// `prefix-` and 12 Crockford base32 characters: 32 bits of creation time (seconds) then
/// 28 bits of a per-process counter that starts at random. Time first keeps new rows at
/// the end of the primary-key index (a bulk import's random keys cost a third of its time);
/// the counter keeps ids made in the same second distinct.
pub(crate) fn new_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(u64::MAX);
    let mut start = COUNTER.load(Ordering::Relaxed);
    if start == u64::MAX {
        let mut seed = [0u8; 8];
        getrandom::fill(&mut seed).expect("the OS random source is available");
        start = u64::from_le_bytes(seed) >> 36;
        let _ = COUNTER.compare_exchange(u64::MAX, start, Ordering::Relaxed, Ordering::Relaxed);
    }
    let count = COUNTER.fetch_add(1, Ordering::Relaxed) & 0x0fff_ffff;
    let secs = (Timestamp::now().as_second() as u64) & 0xffff_ffff;
    let n = (secs << 28) | count;
    let mut id = String::with_capacity(prefix.len() + 13);
    id.push_str(prefix);
    id.push('-');
    for i in (0..12).rev() {
        id.push(ID_ALPHABET[((n >> (i * 5)) & 31) as usize] as char);
    }
    id
}

/// A UID for a contact that came without one (typed in): a random UUID URN, as vCard 4.0
/// recommends.
fn new_uid() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the OS random source is available");
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

pub(crate) fn not_found(kind: &'static str, id: &str) -> StoreError {
    StoreError::NotFound {
        kind,
        id: id.to_string(),
    }
}

fn is_postgres(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

/// `text` with any password found in `target` replaced by `***`.
fn scrub(text: &str, target: &str) -> String {
    let mut out = text.to_string();
    if let Some((_, rest)) = target.split_once("://") {
        let before_query = rest.split('?').next().unwrap_or("");
        if let Some((userinfo, _)) = before_query.rsplit_once('@')
            && let Some((_, password)) = userinfo.split_once(':')
            && !password.is_empty()
        {
            out = out.replace(password, "***");
        }
        for p in rest.split(['?', '&']) {
            if let Some((k, v)) = p.split_once('=')
                && k.eq_ignore_ascii_case("password")
                && !v.is_empty()
            {
                out = out.replace(v, "***");
            }
        }
    }
    out
}

/// A target fit for messages: a URL's password (`user:pass@`, `?password=`) is
/// replaced by `***`.
pub fn redact(target: &str) -> String {
    if !is_postgres(target) {
        return target.to_string();
    }
    let Some((scheme, rest)) = target.split_once("://") else {
        return target.to_string();
    };
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (rest, None),
    };
    // The last '@' ends the user information (a password may itself contain '@').
    let mut out = match before_query.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => format!("{scheme}://{userinfo}@{host}"),
        },
        None => format!("{scheme}://{before_query}"),
    };
    if let Some(query) = query {
        let params: Vec<String> = query
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => p.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&params.join("&"));
    }
    out
}

/// For the test suites of every crate: a fresh, empty PostgreSQL database on the server
/// `FOLLOWUP_TEST_PG` names (which scripts/test starts); returns its URL. Panics without
/// the server: the PostgreSQL tests are `#[ignore]`d, so they only run where it is.
#[doc(hidden)]
pub fn fresh_test_database(test: &str) -> String {
    use diesel::connection::SimpleConnection;
    let admin = std::env::var("FOLLOWUP_TEST_PG")
        .expect("the PostgreSQL tests need FOLLOWUP_TEST_PG (scripts/test starts a server)");
    let name = format!("t_{}_{}", test, std::process::id());
    let mut conn = diesel::PgConnection::establish(&admin).expect("FOLLOWUP_TEST_PG is reachable");
    conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .expect("the test server drops a database");
    conn.batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("the test server creates a database");
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    format!("{base}/{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_distinct_and_in_creation_order() {
        let ids: Vec<String> = (0..10_000).map(|_| new_id("app")).collect();
        assert!(
            ids.iter().all(|a| a.starts_with("app-") && a.len() == 16),
            "{}",
            ids[0]
        );
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        assert!(new_uid().starts_with("urn:uuid:"));
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://me:secret@localhost/db"),
            "postgres://me:***@localhost/db"
        );
        assert_eq!(redact("/tmp/x.db"), "/tmp/x.db");
        assert_eq!(
            redact("postgresql://me@db.example/app?sslmode=require&password=hunter2"),
            "postgresql://me@db.example/app?sslmode=require&password=***"
        );
        assert_eq!(
            redact("postgres://me:p@ss@localhost:5432/db"),
            "postgres://me:***@localhost:5432/db"
        );
    }
}

//! The whole account at once: everything for a backup, and putting records back by id
//! (a restore, or `undo`), in one transaction, never moving a sent message or a done
//! step back.

use crate::contacts::{insert_contact, update_contact};
use crate::interviews::{check_interview_refs, insert_interview, update_interview};
use crate::profile::write_profile;
use crate::rows::*;
use crate::schema::*;
use crate::{Page, Result, Store, plan, tx};
use diesel::prelude::*;
use followup_core::model::*;

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

impl Store {
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

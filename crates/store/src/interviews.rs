//! Interviews: adding, reading and editing them, with their panels (interviewers in
//! order, with their parts), and the check that an interview's application and
//! interviewers exist in the account.

use crate::contacts::load_contacts;
use crate::rows::*;
use crate::schema::*;
use crate::{AnyConnection, Page, Result, Store, not_found, now, only_checks, stamp_new, tx};
use diesel::prelude::*;
use followup_core::model::*;
use std::collections::HashMap;

impl Store {
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
}

// ---- helpers that run inside a caller's transaction ----

pub(crate) fn check_interview_refs(
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

pub(crate) fn insert_interview(
    conn: &mut AnyConnection,
    account: &str,
    interview: &Interview,
) -> Result<()> {
    diesel::insert_into(interviews::table)
        .values((
            InterviewRow::from(interview),
            interviews::account_id.eq(account),
        ))
        .execute(conn)?;
    write_panel(conn, interview)
}

pub(crate) fn update_interview(
    conn: &mut AnyConnection,
    account: &str,
    interview: &Interview,
) -> Result<()> {
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

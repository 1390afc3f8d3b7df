//! Deleting applications, contacts, interviews, calls and drafts, with what hangs off
//! them, in one transaction, journaled (`undo`). Deleting anything with a message handed
//! to the mail server needs `force`, and the outbox keeps its record of that message.

use crate::{AppError, Followup, Result};
use followup_core::outbox::OutboxState;
use followup_store::Page;

/// What can be deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Application(String),
    Contact(String),
    Interview(String),
    Call(String),
    Draft(String),
}

impl Target {
    pub fn id(&self) -> &str {
        match self {
            Target::Application(id)
            | Target::Contact(id)
            | Target::Interview(id)
            | Target::Call(id)
            | Target::Draft(id) => id,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Target::Application(_) => "application",
            Target::Contact(_) => "contact",
            Target::Interview(_) => "interview",
            Target::Call(_) => "call",
            Target::Draft(_) => "draft",
        }
    }
}

/// What a delete takes with it, for the question the front end asks first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeletePreview {
    /// "application app-… (Acme – SRE)"
    pub what: String,
    pub interviews: usize,
    pub steps: usize,
    pub calls: usize,
    pub drafts: usize,
    /// Drafts among them that were handed to the mail server (sent, or maybe sent).
    pub sent: Vec<String>,
    /// Interviews whose panel a deleted contact leaves.
    pub panels: usize,
}

impl Followup {
    /// What deleting `target` would take with it.
    pub fn delete_preview(&mut self, target: &Target) -> Result<DeletePreview> {
        let store = &mut self.store;
        let mut p = DeletePreview::default();
        let interviews: Vec<String> = match target {
            Target::Application(id) => {
                let app = store.application(id)?;
                p.what = format!("application {id} ({} – {})", app.company, app.role);
                store.interview_ids_for_application(id)?
            }
            Target::Interview(id) => {
                let interview = store.interview(id)?;
                let app = store.application(&interview.application_id)?;
                p.what = format!("interview {id} ({} – {})", app.company, app.role);
                vec![id.clone()]
            }
            Target::Contact(id) => {
                let contact = store.contact(id)?;
                p.what = format!("contact {id} ({})", contact.full_name);
                p.panels = store.interview_ids_for_contact(id)?.len();
                for d in store.drafts(None, Page::ALL)? {
                    if d.recipient_id.as_deref() == Some(id.as_str()) && handed_over(store, &d.id)?
                    {
                        p.sent.push(d.id);
                    }
                }
                Vec::new()
            }
            Target::Call(id) => {
                let call = store.call(id)?;
                p.what = format!("call {id} ({}, {})", call.outcome, call.at);
                Vec::new()
            }
            Target::Draft(id) => {
                let draft = store.draft(id)?;
                p.what = format!("draft {id} ({} {})", draft.kind, draft.channel);
                if handed_over(store, id)? {
                    p.sent.push(id.clone());
                }
                Vec::new()
            }
        };
        p.interviews = match target {
            Target::Application(_) => interviews.len(),
            _ => 0,
        };
        for interview in &interviews {
            p.steps += store.steps(interview)?.len();
            p.calls += store.calls(interview)?.len();
            for d in store.drafts(Some(interview), Page::ALL)? {
                p.drafts += 1;
                if handed_over(store, &d.id)? {
                    p.sent.push(d.id);
                }
            }
        }
        Ok(p)
    }

    /// Deletes `target` and what hangs off it, in one transaction, journaled. A message
    /// handed to the mail server refuses the delete unless `force`; its outbox record is
    /// kept either way.
    pub fn delete(&mut self, target: &Target, force: bool) -> Result<DeletePreview> {
        let preview = self.delete_preview(target)?;
        if !preview.sent.is_empty() && !force {
            return Err(AppError::refused(format!(
                "{} has messages handed to the mail server ({}); delete it with --force (the outbox keeps its record of them)",
                preview.what,
                preview.sent.join(", ")
            )));
        }
        self.write(|tx| {
            tx.summary(format!("{} delete {}", target.kind(), target.id()));
            match target {
                Target::Application(id) => {
                    tx.keep_application(id)?;
                    for interview in tx.store.interview_ids_for_application(id)? {
                        keep_interview_tree(tx, &interview)?;
                    }
                    tx.store.delete_application(id)?;
                }
                Target::Interview(id) => {
                    let application = tx.store.interview(id)?.application_id;
                    keep_interview_tree(tx, id)?;
                    tx.store.delete_interview(id)?;
                    // An earlier round takes the follow-ups back.
                    tx.every_round_of(&application)?;
                }
                Target::Contact(id) => {
                    tx.keep_contact(id)?;
                    for interview in tx.store.interview_ids_for_contact(id)? {
                        tx.keep_interview(&interview)?;
                        tx.plan_of(&interview)?;
                    }
                    for d in tx.store.drafts(None, Page::ALL)? {
                        if d.recipient_id.as_deref() == Some(id.as_str()) {
                            tx.keep_draft(&d.id)?;
                        }
                    }
                    tx.store.delete_contact(id)?;
                }
                Target::Call(id) => {
                    let call = tx.store.call(id)?;
                    tx.plan_of(&call.interview_id)?;
                    tx.keep_call(id)?;
                    tx.store.delete_call(id)?;
                }
                Target::Draft(id) => {
                    tx.keep_draft(id)?;
                    tx.store.delete_draft(id)?;
                }
            }
            Ok(())
        })?;
        Ok(preview)
    }
}

/// Journals an interview with everything that hangs off it, before it goes.
fn keep_interview_tree(tx: &mut crate::write::Tx, id: &str) -> Result<()> {
    tx.keep_interview(id)?;
    tx.keep_plan(id)?;
    for call in tx.store.calls(id)? {
        tx.keep_call(&call.id)?;
    }
    for d in tx.store.drafts(Some(id), Page::ALL)? {
        tx.keep_draft(&d.id)?;
    }
    Ok(())
}

fn handed_over(store: &mut followup_store::Store, draft_id: &str) -> Result<bool> {
    Ok(store
        .outbox_entry(draft_id)?
        .is_some_and(|e| e.state != OutboxState::Failed))
}

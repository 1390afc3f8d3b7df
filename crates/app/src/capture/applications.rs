//! Applications: one per job applied for, with its status.

use crate::{AppError, Followup, Result};
use followup_core::model::*;
use followup_store::Page;
use std::collections::HashMap;

impl Followup {
    pub fn add_application(&mut self, mut app: Application) -> Result<Application> {
        app.company = crate::capture::typed_line("company", &app.company)?;
        app.role = crate::capture::typed_line("role", &app.role)?;
        app.source_url = crate::capture::typed_line("url", &app.source_url)?;
        if app.company.is_empty() {
            return Err(AppError::invalid("company", "must not be empty"));
        }
        if app.role.is_empty() {
            return Err(AppError::invalid("role", "must not be empty"));
        }
        self.write(|tx| tx.add_application(app))
    }

    /// Many applications in one transaction (a CSV import): all or none.
    pub fn add_applications(&mut self, apps: Vec<Application>) -> Result<usize> {
        self.write(|tx| tx.add_applications(apps))
    }

    pub fn application(&mut self, id: &str) -> Result<Application> {
        Ok(self.store.application(id)?)
    }

    pub fn applications(&mut self, page: Page) -> Result<Vec<Application>> {
        Ok(self.store.applications(page)?)
    }

    /// Applications whose company or role contains `text` (any case) and, when given,
    /// with `status`; newest first, at most `limit`. Read through in pages: a job search
    /// has hundreds of applications, not millions.
    pub fn search_applications(
        &mut self,
        text: &str,
        status: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Application>> {
        let text = text.trim().to_lowercase();
        let mut found = Vec::new();
        let mut offset = 0;
        loop {
            let page = self.store.applications(Page {
                limit: Some(500),
                offset,
            })?;
            let read = page.len();
            found.extend(page.into_iter().filter(|a| {
                status.is_none_or(|s| a.status.as_str() == s)
                    && (text.is_empty()
                        || a.company.to_lowercase().contains(&text)
                        || a.role.to_lowercase().contains(&text))
            }));
            if read < 500 || found.len() >= limit {
                break;
            }
            offset += 500;
        }
        found.truncate(limit);
        Ok(found)
    }

    pub fn applications_by_ids(&mut self, ids: &[String]) -> Result<Vec<Application>> {
        Ok(self.store.applications_by_ids(ids)?)
    }

    /// A status that is an outcome (offer, rejected, withdrawn) cancels what is pending.
    pub fn set_application_status(&mut self, id: &str, status: &str) -> Result<Application> {
        let status = crate::capture::typed_line("status", status)?;
        if status.is_empty() {
            return Err(AppError::invalid("status", "the status is empty"));
        }
        self.write(|tx| {
            let mut app = tx.store.application(id)?;
            app.status = ApplicationStatus::from(status.as_str());
            tx.update_application(&app)
        })
    }

    /// "Company – Role" for each application id given.
    pub fn application_labels(&mut self, ids: &[String]) -> Result<HashMap<String, String>> {
        Ok(self
            .store
            .applications_by_ids(ids)?
            .into_iter()
            .map(|a| (a.id, format!("{} – {}", a.company, a.role)))
            .collect())
    }
}

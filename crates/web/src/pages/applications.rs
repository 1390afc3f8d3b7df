//! Applications: the list (search, status filter), one application with its interviews
//! and what happened, and the form that adds or edits one.

use super::{Ctx, given, redirect};
use crate::AppState;
use crate::error::{PageQuery, WebError};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use followup_app::ApplicationChanges;
use followup_core::model::Application;
use serde::{Deserialize, Serialize};

/// Rows on the list page.
const SHOWN: usize = 200;

#[derive(Deserialize, Default)]
pub struct Filter {
    q: Option<String>,
    status: Option<String>,
}

fn statuses() -> Vec<(&'static str, &'static str)> {
    vec![
        ("applied", "Applied"),
        ("interviewing", "Interviewing"),
        ("offer", "Offer"),
        ("rejected", "Rejected"),
        ("withdrawn", "Withdrawn"),
    ]
}

pub async fn list(
    State(state): State<AppState>,
    PageQuery(filter): PageQuery<Filter>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    let q = filter.q.clone().unwrap_or_default();
    let status = given(&filter.status);
    let wanted = status.clone();
    let apps = state
        .engines
        .run(move |app| Ok(app.search_applications(&q, wanted.as_deref(), SHOWN + 1)?))
        .await?;
    let more = apps.len() > SHOWN;
    ctx.show(
        "applications.html",
        crate::values! {
            title => "Applications", nav => "applications",
            applications => &apps[..apps.len().min(SHOWN)], more,
            q => filter.q.unwrap_or_default(), status => status.unwrap_or_default(),
            statuses => statuses(),
        },
    )
}

/// The add/edit form's fields, as typed.
#[derive(Deserialize, Serialize, Default, Clone)]
pub struct ApplicationForm {
    company: Option<String>,
    role: Option<String>,
    url: Option<String>,
    applied_on: Option<String>,
    status: Option<String>,
    job_description: Option<String>,
}

impl ApplicationForm {
    fn of(a: &Application) -> ApplicationForm {
        ApplicationForm {
            company: Some(a.company.clone()),
            role: Some(a.role.clone()),
            url: Some(a.source_url.clone()),
            applied_on: a.applied_on.map(|d| d.to_string()),
            status: Some(a.status.as_str().to_string()),
            job_description: Some(a.job_description.clone()),
        }
    }

    fn changes(&self) -> ApplicationChanges {
        ApplicationChanges {
            company: self.company.clone().map(|c| c.trim().to_string()),
            role: self.role.clone().map(|r| r.trim().to_string()),
            url: self.url.clone(),
            job_description: self.job_description.as_deref().map(unix_lines),
            applied_on: self.applied_on.clone(),
            status: given(&self.status),
        }
    }
}

/// Browsers send a textarea's lines ending CR LF; the database keeps LF.
pub fn unix_lines(text: &str) -> String {
    text.replace("\r\n", "\n")
}

fn form_page(
    ctx: &Ctx,
    id: Option<&str>,
    form: ApplicationForm,
    error: Option<WebError>,
) -> Result<Response, WebError> {
    let values = crate::values! {
        title => if id.is_some() { "Edit the application" } else { "New application" },
        nav => "applications", id, form, statuses => statuses(),
    };
    match error {
        None => ctx.show("application_form.html", values),
        Some(e) => ctx.form_again("application_form.html", e, values),
    }
}

pub async fn new(ctx: Ctx) -> Result<Response, WebError> {
    form_page(
        &ctx,
        None,
        ApplicationForm {
            status: Some("applied".into()),
            ..Default::default()
        },
        None,
    )
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ApplicationForm>,
) -> Result<Response, WebError> {
    let changes = form.changes();
    let result = state
        .engines
        .run(move |app| Ok(app.add_application_with(changes)?))
        .await;
    match result {
        Ok(a) => Ok(redirect(
            &format!("/applications/{}", a.id),
            &[format!("Added {} at {}.", a.role, a.company)],
        )),
        Err(e) if e.is_about_a_field() => form_page(&ctx, None, form, Some(applied_field(e))),
        Err(e) => Err(e),
    }
}

/// The engine calls the date `applied-on`, as the CLI flag; the form, `applied_on`.
fn applied_field(mut e: WebError) -> WebError {
    if let Some(f) = &e.field {
        e.field = Some(f.replace('-', "_"));
    }
    e
}

#[derive(Deserialize, Default)]
pub struct Editing {
    edit: Option<String>,
}

pub async fn detail(
    State(state): State<AppState>,
    Path(id): Path<String>,
    PageQuery(editing): PageQuery<Editing>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    let timeline = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok((app.timeline(&id)?, app.now()))
        })
        .await?;
    let (timeline, now) = timeline;
    if editing.edit.is_some() {
        let form = ApplicationForm::of(&timeline.application);
        return form_page(&ctx, Some(&timeline.application.id), form, None);
    }
    let interviews: Vec<InterviewRow> = timeline
        .interviews
        .iter()
        .map(|i| InterviewRow::of(i, now))
        .collect();
    let events: Vec<EventRow> = timeline
        .events
        .iter()
        .map(|e| EventRow {
            at: e.at.strftime("%a %-d %b %Y %H:%M UTC").to_string(),
            text: e.text.clone(),
        })
        .collect();
    ctx.show(
        "application.html",
        crate::values! {
            title => format!("{} at {}", timeline.application.role, timeline.application.company),
            nav => "applications", application => &timeline.application, interviews, events,
        },
    )
}

#[derive(Serialize)]
pub struct InterviewRow {
    id: String,
    when: String,
    zone: String,
    format: String,
    status: String,
    panel: usize,
}

impl InterviewRow {
    /// `now` tells a scheduled interview that is over from one to come.
    pub fn of(i: &followup_core::model::Interview, now: jiff::Timestamp) -> InterviewRow {
        InterviewRow {
            id: i.id.clone(),
            when: i
                .local_start()
                .strftime("%a %-d %b %Y %H:%M %Z")
                .to_string(),
            zone: i.time_zone.clone(),
            format: i.format.as_str().to_string(),
            status: i.status_at(now).as_str().to_string(),
            panel: i.interviewer_ids.len(),
        }
    }
}

#[derive(Serialize)]
struct EventRow {
    at: String,
    text: String,
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
    Form(form): Form<ApplicationForm>,
) -> Result<Response, WebError> {
    let changes = form.changes();
    let wanted = id.clone();
    let result = state
        .engines
        .run(move |app| {
            let id = app.full_id(&wanted)?;
            Ok(app.change_application(&id, changes)?)
        })
        .await;
    match result {
        Ok(a) => Ok(redirect(
            &format!("/applications/{}", a.id),
            &["Application saved.".to_string()],
        )),
        Err(e) if e.is_about_a_field() => form_page(&ctx, Some(&id), form, Some(applied_field(e))),
        Err(e) => Err(e),
    }
}

//! An interview: its panel (add a person, or upload the `.vcf` a card scan made), what to
//! remember (for the reader, and private), its timeline in words, and the plan with
//! every step's state and reason; the drafts and calls made for it. Also the form that
//! adds an interview to an application.

use super::applications::InterviewRow;
use super::today::StepRow;
use super::{Ctx, given, redirect};
use crate::AppState;
use crate::error::{PageQuery, WebError};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use followup_app::NewInterview;
use followup_store::Page;
use serde::{Deserialize, Serialize};

pub(crate) mod notes;
pub(crate) mod panel;

pub use notes::note;
pub use panel::{add_cards, add_person, card_upload, panellist, read_cards};

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct InterviewForm {
    application: Option<String>,
    at: Option<String>,
    tz: Option<String>,
    format: Option<String>,
    duration: Option<String>,
    location: Option<String>,
}

fn formats() -> Vec<(&'static str, &'static str)> {
    vec![
        ("in-person", "In person"),
        ("video", "Video call"),
        ("phone", "Phone"),
    ]
}

fn form_page(
    ctx: &Ctx,
    form: InterviewForm,
    label: String,
    error: Option<WebError>,
) -> Result<Response, WebError> {
    let values = crate::values! {
        title => "New interview", nav => "applications", form, label, formats => formats(),
    };
    match error {
        None => ctx.show("interview_form.html", values),
        Some(e) => ctx.form_again("interview_form.html", e, values),
    }
}

async fn label_of(state: &AppState, id: String) -> Result<(String, String), WebError> {
    state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            let a = app.application(&id)?;
            let zone = app.profile()?.unwrap_or_default().time_zone;
            Ok((format!("{} at {}", a.role, a.company), zone))
        })
        .await
}

#[derive(Deserialize)]
pub struct ForApplication {
    application: String,
}

pub async fn new(
    State(state): State<AppState>,
    PageQuery(q): PageQuery<ForApplication>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    let (label, zone) = label_of(&state, q.application.clone()).await?;
    let form = InterviewForm {
        application: Some(q.application),
        tz: Some(zone),
        duration: Some("60".into()),
        format: Some("video".into()),
        ..Default::default()
    };
    form_page(&ctx, form, label, None)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<InterviewForm>,
) -> Result<Response, WebError> {
    let application = given(&form.application)
        .ok_or_else(|| WebError::not_found("which application is this interview for?"))?;
    let (label, _) = label_of(&state, application.clone()).await?;
    let typed = form.clone();
    let result = state
        .engines
        .run(move |app| {
            let duration = match given(&typed.duration) {
                None => 60,
                Some(d) => d.parse::<u32>().map_err(|_| {
                    WebError::bad_request("duration", "the length is a number of minutes, e.g. 45")
                })?,
            };
            let application_id = app.full_id(&application)?;
            Ok(app.add_interview(NewInterview {
                application_id,
                at: given(&typed.at)
                    .ok_or_else(|| WebError::bad_request("at", "when did it start?"))?,
                time_zone: given(&typed.tz),
                interviewer_ids: Vec::new(),
                format: given(&typed.format),
                duration_minutes: duration,
                location: given(&typed.location),
            })?)
        })
        .await;
    match result {
        Ok(i) => Ok(redirect(
            &format!("/interviews/{}#panel", i.id),
            &["Interview added. Now add who interviewed you.".to_string()],
        )),
        Err(e) if e.is_about_a_field() => form_page(&ctx, form, label, Some(field_of(e))),
        Err(e) => Err(e),
    }
}

/// The engine names fields as the CLI's flags; these forms use the same names but for
/// the zone.
fn field_of(mut e: WebError) -> WebError {
    if let Some(f) = &e.field {
        e.field = Some(match f.as_str() {
            "time_zone" | "tz" => "tz".into(),
            "duration-minutes" | "duration" => "duration".into(),
            "decide-by" => "decide_by".into(),
            other if other.starts_with("card ") => "card".into(),
            other => other.to_string(),
        });
    }
    e
}

#[derive(Serialize)]
struct Person {
    id: String,
    name: String,
    position: String,
    /// What they work on and their part in the interview (for the reader).
    works_on: String,
    part: String,
    email: String,
    phone: String,
    zone: String,
}

#[derive(Serialize)]
struct DraftRow {
    id: String,
    kind: String,
    channel: String,
    recipient: String,
    state: String,
}

#[derive(Serialize)]
struct CallRow {
    at: String,
    outcome: String,
    person: String,
    note: String,
}

pub async fn detail(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    show(&state, &ctx, id, None).await
}

async fn show(
    state: &AppState,
    ctx: &Ctx,
    id: String,
    error: Option<WebError>,
) -> Result<Response, WebError> {
    let page = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            let interview = app.interview(&id)?;
            let application = app.application(&interview.application_id)?;
            let panel = app.contacts_by_ids(&interview.interviewer_ids)?;
            let plan = app.plan(&id)?;
            let drafts = app.draft_list(
                Some(&id),
                Page {
                    limit: Some(50),
                    offset: 0,
                },
            )?;
            let calls = app.call_list(Some(&id))?;
            let zone = app.profile()?.unwrap_or_default().time_zone;
            let now = app.now();
            Ok((
                interview,
                application,
                panel,
                plan,
                drafts,
                calls,
                zone,
                now,
            ))
        })
        .await?;
    let (interview, application, panel, plan, drafts, calls, zone, now) = page;
    // The panel in the interview's order, lead first.
    let people: Vec<Person> = interview
        .interviewer_ids
        .iter()
        .filter_map(|id| panel.iter().find(|c| &c.id == id))
        .map(|c| Person {
            id: c.id.clone(),
            name: c.full_name.clone(),
            position: c.position.clone(),
            works_on: interview
                .panellist(&c.id)
                .map(|p| p.works_on.clone())
                .unwrap_or_default(),
            part: interview
                .panellist(&c.id)
                .map(|p| p.part.clone())
                .unwrap_or_default(),
            email: c
                .emails
                .first()
                .map(|e| e.value.clone())
                .unwrap_or_default(),
            phone: c
                .phones
                .first()
                .map(|p| p.value.clone())
                .unwrap_or_default(),
            zone: c.time_zone.clone().unwrap_or_default(),
        })
        .collect();
    let tz = jiff::tz::TimeZone::get(&zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let values = crate::values! {
        title => format!("Interview: {} at {}", application.role, application.company),
        nav => "applications",
        interview => &interview,
        summary => InterviewRow::of(&interview, now),
        application => &application,
        people,
        plan => plan.into_iter().map(StepRow::from).collect::<Vec<_>>(),
        drafts => drafts.into_iter().map(|d| DraftRow {
            id: d.draft.id.clone(),
            kind: d.draft.kind.to_string(),
            channel: d.draft.channel.to_string(),
            recipient: d.recipient.clone(),
            state: d.state.as_str().to_string(),
        }).collect::<Vec<_>>(),
        calls => calls.into_iter().map(|c| CallRow {
            at: c.call.at.to_zoned_datetime(tz.clone()).strftime("%a %-d %b %Y %H:%M %Z").to_string(),
            outcome: c.call.outcome.to_string(),
            person: c.person.clone(),
            note: c.call.note.clone(),
        }).collect::<Vec<_>>(),
        clarify => interview.points_to_clarify.join("\n"),
        mentions => interview.mentions.join("\n"),
        offers => interview.offers.join("\n"),
        decide_by => interview.decide_by.map(|d| d.to_string()).unwrap_or_default(),
    };
    match error {
        None => ctx.show("interview.html", values),
        Some(e) => ctx.form_again("interview.html", field_of(e), values),
    }
}

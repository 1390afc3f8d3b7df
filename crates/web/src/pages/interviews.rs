//! An interview: its panel (add a person, or upload the `.vcf` a card scan made), what to
//! remember (for the reader, and private), its timeline in words, and the plan with
//! every step's state and reason; the drafts and calls made for it. Also the form that
//! adds an interview to an application.

use super::applications::{InterviewRow, unix_lines};
use super::today::StepRow;
use super::{Ctx, given, one_a_line, redirect};
use crate::AppState;
use crate::error::WebError;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;
use followup_app::{
    ContactChanges, InterviewNote, Joining, NewInterview, Noted, PanellistNote, TimelineReading,
};
use followup_store::Page;
use serde::{Deserialize, Serialize};

/// The largest card file read (a card with a photo is tens of KB).
const MAX_VCF_BYTES: usize = 4 * 1024 * 1024;

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
    Query(q): Query<ForApplication>,
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
            Ok((interview, application, panel, plan, drafts, calls, zone))
        })
        .await?;
    let (interview, application, panel, plan, drafts, calls, zone) = page;
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
        summary => InterviewRow::of(&interview),
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

#[derive(Deserialize, Default)]
pub struct PersonForm {
    name: Option<String>,
    title: Option<String>,
    position: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    tz: Option<String>,
}

pub async fn add_person(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
    Form(form): Form<PersonForm>,
) -> Result<Response, WebError> {
    let changes = ContactChanges {
        name: given(&form.name),
        title: given(&form.title),
        position: given(&form.position),
        emails: given(&form.email).into_iter().collect(),
        phones: given(&form.phone).into_iter().collect(),
        time_zone: given(&form.tz),
        ..Default::default()
    };
    let wanted = id.clone();
    let result = state
        .engines
        .run(move |app| {
            let id = app.full_id(&wanted)?;
            Ok(app.add_to_panel(&id, Joining::Person(Box::new(changes)))?)
        })
        .await;
    match result {
        Ok(i) => Ok(redirect(
            &format!("/interviews/{}#panel", i.id),
            &[format!(
                "{} added to the panel.",
                form.name.unwrap_or_default().trim()
            )],
        )),
        Err(e) if e.is_about_a_field() => show(&state, &ctx, id, Some(e)).await,
        Err(e) => Err(e),
    }
}

/// A `.vcf` upload: every card in it joins the panel, or none does.
pub async fn add_cards(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
    mut upload: Multipart,
) -> Result<Response, WebError> {
    let (name, bytes) = card_upload(&mut upload).await?;
    let read = read_cards(&name, &bytes);
    let wanted = id.clone();
    let result = match read {
        Err(e) => Err(e),
        Ok(cards) => {
            state
                .engines
                .run(move |app| {
                    let id = app.full_id(&wanted)?;
                    let count = cards.len();
                    Ok((app.add_to_panel(&id, Joining::Cards(cards))?, count))
                })
                .await
        }
    };
    match result {
        Ok((i, count)) => Ok(redirect(
            &format!("/interviews/{}#panel", i.id),
            &[format!("{count} card(s) from {name} added to the panel.")],
        )),
        Err(e) if e.is_about_a_field() => show(&state, &ctx, id, Some(e)).await,
        Err(e) => Err(e),
    }
}

/// The `card` field of an upload: the file's name and bytes.
pub async fn card_upload(upload: &mut Multipart) -> Result<(String, Vec<u8>), WebError> {
    let broke = |e: axum::extract::multipart::MultipartError| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            WebError::new(
                e.status(),
                format!(
                    "the upload is larger than {} MB",
                    crate::guard::BODY_LIMIT >> 20
                ),
            )
        } else {
            WebError::bad_request("card", format!("the upload broke off: {e}"))
        }
    };
    let mut found = (String::from("the file"), Vec::new());
    while let Some(field) = upload.next_field().await.map_err(broke)? {
        if field.name() == Some("card") {
            let name = field.file_name().unwrap_or("the file").to_string();
            found = (name, field.bytes().await.map_err(broke)?.to_vec());
        }
    }
    Ok(found)
}

/// The cards of an uploaded file, or what is wrong with it and where.
pub fn read_cards(
    name: &str,
    bytes: &[u8],
) -> Result<Vec<followup_core::model::Contact>, WebError> {
    if bytes.is_empty() {
        return Err(WebError::bad_request(
            "card",
            "choose a .vcf file to upload",
        ));
    }
    if bytes.len() > MAX_VCF_BYTES {
        return Err(WebError::bad_request(
            "card",
            format!(
                "{name} is larger than a card file should be (limit {} MB)",
                MAX_VCF_BYTES >> 20
            ),
        ));
    }
    let text = followup_formats::utf8_text(bytes).map_err(|e| {
        WebError::bad_request("card", format!("{name}, line {}: {}", e.line, e.problem))
    })?;
    let read = followup_formats::vcard::read_cards(text, jiff::Timestamp::now());
    if let Some(e) = read.errors.first() {
        return Err(WebError::bad_request(
            "card",
            format!("{name}, line {}: {}; nothing was added", e.line, e.problem),
        ));
    }
    Ok(read.cards.into_iter().map(|(_, c)| c).collect())
}

#[derive(Deserialize, Default)]
pub struct NoteForm {
    mentions: Option<String>,
    offers: Option<String>,
    clarify: Option<String>,
    timeline: Option<String>,
    decide_by: Option<String>,
    notes: Option<String>,
}

pub async fn note(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
    Form(form): Form<NoteForm>,
) -> Result<Response, WebError> {
    let note = InterviewNote {
        // The lists are replaced by what the form holds: clear, then add.
        clear: vec!["mentions".into(), "offers".into(), "points".into()],
        mention: one_a_line(&form.mentions),
        offer: one_a_line(&form.offers),
        clarify: one_a_line(&form.clarify),
        timeline: form.timeline.clone().map(|t| t.trim().to_string()),
        decide_by: given(&form.decide_by),
        notes: form.notes.as_deref().map(unix_lines),
        status: None,
        panellist: None,
    };
    let noted = match save_note(&state, &ctx, id, note).await? {
        Ok(noted) => noted,
        Err(page) => return Ok(page),
    };
    let mut said = vec!["Saved.".to_string()];
    match noted.timeline {
        Some(TimelineReading { phrase, date: Some(date) }) => said.push(format!(
            "Their timeline \"{phrase}\" read as {}: the follow-up waits for it.",
            date.strftime("%a %-d %b %Y")
        )),
        Some(TimelineReading { phrase, date: None }) => said.push(format!(
            "Their timeline \"{phrase}\" was kept, but no date could be read from it; give the date they decide by, if they said one."
        )),
        None => {}
    }
    Ok(redirect(
        &format!("/interviews/{}#notes", noted.interview.id),
        &said,
    ))
}

/// Saves a note through the engine: what it noted, or the interview page again with the
/// field that was wrong beside its form.
async fn save_note(
    state: &AppState,
    ctx: &Ctx,
    id: String,
    note: InterviewNote,
) -> Result<Result<Noted, Response>, WebError> {
    let wanted = id.clone();
    let result = state
        .engines
        .run(move |app| {
            let id = app.full_id(&wanted)?;
            Ok(app.note_interview(&id, note)?)
        })
        .await;
    match result {
        Ok(noted) => Ok(Ok(noted)),
        Err(e) if e.is_about_a_field() => Ok(Err(show(state, ctx, id, Some(e)).await?)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
pub struct PanellistForm {
    works_on: Option<String>,
    part: Option<String>,
}

/// What one panellist works on and their part in the interview: a note to them refers
/// to both (written for the reader, not private).
pub async fn panellist(
    State(state): State<AppState>,
    Path((id, contact)): Path<(String, String)>,
    ctx: Ctx,
    Form(form): Form<PanellistForm>,
) -> Result<Response, WebError> {
    let note = InterviewNote {
        panellist: Some(PanellistNote {
            contact_id: contact,
            works_on: Some(form.works_on.unwrap_or_default()),
            part: Some(form.part.unwrap_or_default()),
        }),
        ..Default::default()
    };
    Ok(match save_note(&state, &ctx, id, note).await? {
        Ok(noted) => redirect(
            &format!("/interviews/{}#panel", noted.interview.id),
            &["Saved: a note to them will refer to it.".to_string()],
        ),
        Err(page) => page,
    })
}

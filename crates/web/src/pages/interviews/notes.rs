//! What to remember from an interview: notes for the reader and private ones, points to
//! clarify, and the timeline they gave, saved through the engine.

use super::super::{Ctx, given, one_a_line, redirect};
use super::show;
use crate::AppState;
use crate::error::WebError;
use crate::pages::applications::unix_lines;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use followup_app::{InterviewNote, Noted, TimelineReading};
use serde::Deserialize;

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
    if let Some(reading) = &noted.timeline {
        said.extend(timeline_said(reading));
    }
    Ok(redirect(
        &format!("/interviews/{}#notes", noted.interview.id),
        &said,
    ))
}

/// Saves a note through the engine: what it noted, or the interview page again with the
/// field that was wrong beside its form.
pub(super) async fn save_note(
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

/// What the page (and the API, as warnings) says of the date taken from their timeline.
pub(crate) fn timeline_said(reading: &TimelineReading) -> Vec<String> {
    let day = |d: jiff::civil::Date| d.strftime("%a %-d %b %Y").to_string();
    let phrase = &reading.phrase;
    let mut said = Vec::new();
    if let Some(far) = reading.far_off {
        said.push(format!(
            "Their timeline \"{phrase}\" reads as {}, too far off for a decision (a day just past, read as next year's?): the follow-up does not wait for it. Give the date they decide by, if they meant another day.",
            day(far)
        ));
        return said;
    }
    match (reading.date, reading.start) {
        (Some(date), start) => {
            said.push(format!(
                "Their timeline \"{phrase}\" read as {}: the follow-up waits for it.",
                day(date)
            ));
            if let Some(start) = start {
                said.push(format!(
                    "{} is when someone would start, not when they decide: the follow-up does not wait for it.",
                    day(start)
                ));
            }
        }
        (None, Some(start)) => said.push(format!(
            "Their timeline \"{phrase}\" says when someone would start ({}), not when they decide, which comes first: the follow-up does not wait for it. Give the date they decide by, if they said one.",
            day(start)
        )),
        (None, None) => said.push(format!(
            "Their timeline \"{phrase}\" was kept, but no date could be read from it; give the date they decide by, if they said one."
        )),
    }
    said
}

//! An interview's panel: a person typed in, the cards of an uploaded `.vcf` (all join, or
//! none), and what one panellist works on and their part in the interview.

use super::super::{Ctx, given, redirect};
use super::notes::save_note;
use super::show;
use crate::AppState;
use crate::error::WebError;
use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use followup_app::{ContactChanges, InterviewNote, Joining, PanellistNote};
use serde::Deserialize;

/// The largest card file read (a card with a photo is tens of KB).
const MAX_VCF_BYTES: usize = 4 * 1024 * 1024;

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
            let interview = app.add_to_panel(&id, Joining::Person(Box::new(changes)))?;
            let hour = their_hour(app, &interview)?;
            Ok((interview, hour))
        })
        .await;
    match result {
        Ok((i, hour)) => Ok(redirect(
            &format!("/interviews/{}#panel", i.id),
            &[format!(
                "{} added to the panel.",
                form.name.unwrap_or_default().trim()
            )]
            .into_iter()
            .chain(hour)
            .collect::<Vec<_>>(),
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
                    let interview = app.add_to_panel(&id, Joining::Cards(cards))?;
                    let hour = their_hour(app, &interview)?;
                    Ok((interview, count, hour))
                })
                .await
        }
    };
    match result {
        Ok((i, count, hour)) => Ok(redirect(
            &format!("/interviews/{}#panel", i.id),
            &[format!("{count} card(s) from {name} added to the panel.")]
                .into_iter()
                .chain(hour)
                .collect::<Vec<_>>(),
        )),
        Err(e) if e.is_about_a_field() => show(&state, &ctx, id, Some(e)).await,
        Err(e) => Err(e),
    }
}

/// When the interview is another hour for its lead interviewer than in the zone it was
/// entered in, a line saying so: the time may have been meant as theirs. The pages flash
/// it; the JSON API returns it among a write's warnings.
pub(crate) fn their_hour(
    app: &mut followup_app::Followup,
    interview: &followup_core::model::Interview,
) -> followup_app::Result<Option<String>> {
    Ok(app.start_for_them(&interview.id)?.map(|theirs| {
        format!(
            "For the lead interviewer the interview is at {} ({}), not {}: if that was their time, change the interview's zone to theirs.",
            theirs.strftime("%a %-d %b %H:%M %Z"),
            theirs.time_zone().iana_name().unwrap_or_default(),
            interview.local_start().strftime("%H:%M %Z"),
        )
    }))
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
    let text = followup_formats::decoded_text(bytes).map_err(|e| {
        WebError::bad_request("card", format!("{name}, line {}: {}", e.line, e.problem))
    })?;
    let read = followup_formats::vcard::read_cards(&text, jiff::Timestamp::now());
    if let Some(e) = read.errors.first() {
        return Err(WebError::bad_request(
            "card",
            format!("{name}, line {}: {}; nothing was added", e.line, e.problem),
        ));
    }
    Ok(read.cards.into_iter().map(|(_, c)| c).collect())
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

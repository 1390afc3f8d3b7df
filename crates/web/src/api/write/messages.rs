//! Drafts and what follows them: composing, editing, approving the exact text,
//! sending it once, and settling a send whose outcome is unknown.

use super::*;

/// What to draft for an interview.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftAsk {
    /// thank-you, query, feedback, script or voicemail.
    kind: String,
    /// email or letter (thank-you notes only).
    #[serde(default)]
    channel: Option<String>,
    /// To this interviewer instead of the lead.
    #[serde(default)]
    to: Option<String>,
    /// One note per interviewer.
    #[serde(default)]
    each: bool,
    /// The skills to name instead of the two best matched.
    #[serde(default)]
    skills: Vec<String>,
}

/// Drafts a message from the interview, the application and your profile; each comes
/// back checked, with where every sentence came from. Nothing is sent.
#[utoipa::path(post, path = "/interviews/{id}/drafts", tag = "drafts", request_body = DraftAsk,
    responses((status = 201, body = Written<Vec<DraftView>>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn compose(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(ask): ApiJson<DraftAsk>,
) -> Created<Vec<DraftView>> {
    let kind = DraftKind::from(ask.kind.as_str());
    if !kind.is_known() {
        return Err(WebError::bad_request(
            "kind",
            format!(
                "no kind of draft '{}'; use one of {}",
                ask.kind,
                DraftKind::KNOWN.join(", ")
            ),
        )
        .into());
    }
    let done = state
        .engines
        .run(move |app| {
            let interview_id = app.full_id(&id)?;
            let to = ask.to.map(|t| app.full_id(&t)).transpose()?;
            Ok(app.compose(DraftRequest {
                interview_id,
                kind,
                channel: ask.channel,
                to,
                each: ask.each,
                skills: ask.skills,
            })?)
        })
        .await?;
    Ok(created(Written::from(done)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftText {
    /// The whole text: a `Subject:` line first for an email, then the body.
    text: String,
}

/// Replaces a draft's text; it is checked again, and an approval is cleared if the text
/// changed.
#[utoipa::path(put, path = "/drafts/{id}", tag = "drafts", request_body = DraftText,
    responses((status = 200, body = Written<DraftView>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn edit_draft(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DraftText>,
) -> Answer<DraftView> {
    let view = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.edit_draft(&id, &body.text)?)
        })
        .await?;
    Ok(Json(Written::quiet(view)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The exact text you read (as `GET /drafts/{id}` gave it, subject line first): the
    /// approval is of this text, and refused if the draft now says something else.
    text: String,
    /// Why to approve despite error findings (needed only then).
    #[serde(default, rename = "override")]
    override_reason: Option<String>,
}

/// Approves the exact text given for sending.
#[utoipa::path(post, path = "/drafts/{id}/approve", tag = "drafts", request_body = Approval,
    responses((status = 200, body = Written<DraftView>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Approval>,
) -> Answer<DraftView> {
    let view = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.approve(&id, &body.text, body.override_reason.as_deref())?)
        })
        .await?;
    Ok(Json(Written::quiet(view)))
}

/// A message the mail server accepted.
#[derive(Serialize, ToSchema)]
pub struct SentMessage {
    pub draft_id: String,
    /// What the server said.
    pub reply: String,
    pub outbox: OutboxEntry,
}

impl From<Sent> for SentMessage {
    fn from(s: Sent) -> SentMessage {
        SentMessage {
            draft_id: s.draft_id,
            reply: s.reply,
            outbox: s.entry,
        }
    }
}

/// Sends an approved email draft through your mail server, exactly once: a second send,
/// at the same time or later, is refused.
#[utoipa::path(post, path = "/drafts/{id}/send", tag = "drafts",
    responses((status = 200, body = Written<SentMessage>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 502, body = ApiErrorBody)))]
pub async fn send(State(state): State<AppState>, Path(id): Path<String>) -> Answer<SentMessage> {
    let done = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.send(&id)?)
        })
        .await?;
    Ok(Json(Written::from(done).map(SentMessage::from)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Settle {
    /// `sent` (it arrived) or `resend` (it did not: send it again now).
    outcome: String,
}

/// Settles a message whose last attempt may have reached the server.
#[utoipa::path(post, path = "/drafts/{id}/resolve", tag = "drafts", request_body = Settle,
    responses((status = 200, body = Written<Option<SentMessage>>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn resolve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Settle>,
) -> Answer<Option<SentMessage>> {
    let resolution = match body.outcome.as_str() {
        "sent" => Resolution::Sent,
        "resend" => Resolution::Resend,
        other => {
            return Err(WebError::bad_request(
                "outcome",
                format!("'{other}' is neither sent nor resend"),
            )
            .into());
        }
    };
    let done = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.resolve(&id, resolution)?)
        })
        .await?;
    Ok(Json(Written::from(done).map(|s| s.map(SentMessage::from))))
}

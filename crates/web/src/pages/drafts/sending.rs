//! A draft leaving: approve (exactly the text on screen), send, the outbox state of a sent
//! note and "resolve" for one that may have arrived, the letter PDF and the `.eml`.

use super::*;

#[derive(Deserialize)]
pub struct ApproveForm {
    /// The exact text the user saw and approves.
    text: String,
    r#override: Option<String>,
}

/// Saves the text shown and approves exactly it: what is sent is what was on screen.
pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
    Form(form): Form<ApproveForm>,
) -> Result<Response, WebError> {
    let text = unix_lines(&form.text);
    let reason = given(&form.r#override);
    let wanted = id.clone();
    let result = state
        .engines
        .run(move |app| {
            let id = app.full_id(&wanted)?;
            let current = app.draft(&id)?;
            if current.draft.full_text() != text {
                app.edit_draft(&id, &text)?;
            }
            let seen = app.draft(&id)?.draft.full_text();
            Ok(app.approve(&id, &seen, reason.as_deref())?)
        })
        .await;
    match result {
        Ok(view) => Ok(redirect(
            &format!("/drafts/{}", view.id),
            &[match view.channel {
                Channel::Email => "Approved: this exact text is what will be sent.".to_string(),
                _ => "Approved.".to_string(),
            }],
        )),
        Err(e) if e.is_about_a_field() || e.status.is_client_error() => {
            let page = state.engines.run(move |app| page_of(app, &id)).await?;
            show(&ctx, &page, Some(e))
        }
        Err(e) => Err(e),
    }
}

pub async fn send(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let wanted = id.clone();
    let done = state
        .engines
        .run(move |app| {
            let id = app.full_id(&wanted)?;
            Ok(app.send(&id)?)
        })
        .await?;
    let mut lines = vec![format!("Sent. The mail server said: {}", done.value.reply)];
    lines.extend(said(&done.warnings));
    Ok(redirect(
        &format!("/drafts/{}", done.value.draft_id),
        &lines,
    ))
}

#[derive(Deserialize)]
pub struct ResolveForm {
    /// "sent" (it arrived) or "resend".
    outcome: String,
}

pub async fn resolve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<ResolveForm>,
) -> Result<Response, WebError> {
    let resolution = match form.outcome.as_str() {
        "sent" => Resolution::Sent,
        "resend" => Resolution::Resend,
        other => {
            return Err(WebError::bad_request(
                "outcome",
                format!("'{other}' is neither sent nor resend"),
            ));
        }
    };
    let wanted = id.clone();
    let done = state
        .engines
        .run(move |app| {
            let id = app.full_id(&wanted)?;
            Ok((app.resolve(&id, resolution)?, id))
        })
        .await?;
    let (done, id) = done;
    let mut lines = vec![match resolution {
        Resolution::Sent => "Recorded as sent.".to_string(),
        Resolution::Resend => "Sent again.".to_string(),
    }];
    lines.extend(said(&done.warnings));
    Ok(redirect(&format!("/drafts/{id}"), &lines))
}

pub async fn letter(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (pdf, _) = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.letter_pdf(&id)?)
        })
        .await?;
    Ok(download(pdf, "application/pdf", "thank-you-letter.pdf"))
}

pub async fn eml(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let bytes = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.export_eml(&id)?)
        })
        .await?;
    Ok(download(bytes, "message/rfc822", "message.eml"))
}

/// A file the browser saves rather than shows.
pub fn download(bytes: Vec<u8>, kind: &'static str, name: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(start: usize, end: usize) -> Finding {
        let mut f = Finding::whole("Test.Rule", Level::Error, "m");
        f.start = start;
        f.end = end;
        f
    }

    #[test]
    fn marks_spans_by_character() {
        let pieces = marked("é need this", &[finding(2, 6)]);
        let texts: Vec<_> = pieces
            .iter()
            .map(|p| (p.text.as_str(), p.level.is_some()))
            .collect();
        assert_eq!(texts, vec![("é ", false), ("need", true), (" this", false)]);
    }

    #[test]
    fn overlapping_and_whole_message_findings_do_not_break_the_text() {
        let pieces = marked(
            "abcdef",
            &[finding(1, 4), finding(2, 5), finding(0, 0), finding(4, 99)],
        );
        let all: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(all, "abcdef");
    }
}

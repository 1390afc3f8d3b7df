//! The draft editor: the text with its tone findings marked (message, why, the suggested
//! wording with one click to apply it), checked again on the server as the user types,
//! with the same checker as the CLI; the sources of each sentence. Approving, sending and
//! downloading are drafts/sending.rs.

use super::applications::unix_lines;
use super::{Ctx, given, redirect, said};
use crate::AppState;
use crate::error::WebError;
use crate::render;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use followup_app::{DraftRequest, DraftState, DraftView, Resolution};
use followup_core::compose::{Channel, DraftKind};
use followup_core::tone::{Finding, Level};
use serde::{Deserialize, Serialize};

mod sending;
pub use sending::*;

#[derive(Deserialize)]
pub struct ComposeForm {
    kind: String,
    channel: Option<String>,
    to: Option<String>,
    each: Option<String>,
}

pub async fn compose(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<ComposeForm>,
) -> Result<Response, WebError> {
    let kind = DraftKind::from(form.kind.as_str());
    if !kind.is_known() {
        return Err(WebError::bad_request(
            "kind",
            format!("no kind of draft '{}'", form.kind),
        ));
    }
    let done = state
        .engines
        .run(move |app| {
            let interview_id = app.full_id(&id)?;
            Ok(app.compose(DraftRequest {
                interview_id,
                kind,
                channel: given(&form.channel),
                to: given(&form.to),
                each: form.each.is_some(),
                skills: Vec::new(),
            })?)
        })
        .await?;
    let first = done
        .value
        .first()
        .ok_or_else(|| WebError::internal("no draft was written"))?;
    let mut lines = vec![match done.value.len() {
        1 => "Draft written: read it, change what you like, then approve it.".to_string(),
        n => format!("{n} drafts written, one for each interviewer."),
    }];
    lines.extend(said(&done.warnings));
    // Scripts are read on the call screen, beside the outcome form.
    let to = match first.kind {
        DraftKind::Script | DraftKind::Voicemail => {
            format!("/calls/new?interview={}", first.interview_id)
        }
        _ => format!("/drafts/{}", first.id),
    };
    Ok(redirect(&to, &lines))
}

/// A finding as the editor shows it.
#[derive(Serialize)]
struct FindingRow {
    rule: String,
    level: String,
    message: String,
    matched: String,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    suggestion: Option<String>,
}

impl FindingRow {
    fn of(f: &Finding) -> FindingRow {
        FindingRow {
            rule: f.rule.clone(),
            level: f.level.to_string(),
            message: f.message.clone(),
            matched: f.matched.clone(),
            line: f.line,
            column: f.column,
            start: f.start,
            end: f.end,
            suggestion: f.suggestions.first().cloned(),
        }
    }
}

/// The text with each finding's span marked, as pieces: plain, or marked with a level.
#[derive(Serialize)]
struct Piece {
    text: String,
    level: Option<String>,
    rule: Option<String>,
}

fn marked(text: &str, findings: &[Finding]) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.end > f.start && f.end <= chars.len())
        .collect();
    spans.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut pieces = Vec::new();
    let mut at = 0;
    for f in spans {
        if f.start < at {
            continue; // overlaps one already marked
        }
        if f.start > at {
            pieces.push(Piece {
                text: chars[at..f.start].iter().collect(),
                level: None,
                rule: None,
            });
        }
        pieces.push(Piece {
            text: chars[f.start..f.end].iter().collect(),
            level: Some(f.level.to_string()),
            rule: Some(f.rule.clone()),
        });
        at = f.end;
    }
    if at < chars.len() {
        pieces.push(Piece {
            text: chars[at..].iter().collect(),
            level: None,
            rule: None,
        });
    }
    pieces
}

fn findings_values(view: &DraftView, text: &str) -> minijinja::Value {
    let errors = view
        .findings
        .iter()
        .filter(|f| f.level == Level::Error)
        .count();
    crate::values! {
        findings => view.findings.iter().map(FindingRow::of).collect::<Vec<_>>(),
        pieces => marked(text, &view.findings),
        errors,
    }
}

pub async fn editor(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    let page = state.engines.run(move |app| page_of(app, &id)).await?;
    show(&ctx, &page, None)
}

/// What the draft's page shows: the draft checked, the skills it names, your zone.
struct Page {
    view: DraftView,
    skills: Vec<followup_core::skills::SkillMatch>,
    zone: String,
}

fn page_of(app: &mut followup_app::Followup, typed: &str) -> Result<Page, WebError> {
    let id = app.full_id(typed)?;
    Ok(Page {
        view: app.draft(&id)?,
        skills: app.skills_for_draft(&id)?,
        zone: app.profile()?.unwrap_or_default().time_zone,
    })
}

fn show(ctx: &Ctx, page: &Page, error: Option<WebError>) -> Result<Response, WebError> {
    let (view, skills) = (&page.view, &page.skills);
    let text = view.draft.full_text();
    let values = crate::values! {
        title => format!("Draft: {}", view.kind),
        nav => "today",
        draft => crate::values! {
            id => &view.id,
            kind => view.kind.to_string(),
            channel => view.channel.to_string(),
            interview_id => &view.interview_id,
            recipient => &view.recipient,
            state => view.state.as_str(),
            approved => view.approved,
            is_email => view.channel == Channel::Email,
            is_letter => view.channel == Channel::Letter,
            editable => matches!(view.state, DraftState::Draft | DraftState::Approved | DraftState::Failed),
            unknown => view.state == DraftState::Unknown,
            sources => &view.sources,
            // Nothing goes before the interview is over: when it may.
            not_before => view.not_before.map(|t| followup_core::when::shown_in(t, &page.zone)),
        },
        text => &text,
        skills => skills,
    };
    let values = minijinja::context! { ..values, ..findings_values(view, &text) };
    match error {
        None => ctx.show("draft.html", values),
        Some(e) => ctx.form_again("draft.html", e, values),
    }
}

#[derive(Deserialize)]
pub struct TextForm {
    text: String,
}

/// The findings for the text as typed (htmx swaps them in); nothing is saved.
pub async fn check(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<TextForm>,
) -> Result<Response, WebError> {
    let text = unix_lines(&form.text);
    let typed = text.clone();
    let view = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.preview_edit(&id, &typed)?)
        })
        .await?;
    let html = render::fragment("findings.html", findings_values(&view, &text))?;
    Ok(Html(html).into_response())
}

pub async fn save(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<TextForm>,
) -> Result<Response, WebError> {
    let text = unix_lines(&form.text);
    let view = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.edit_draft(&id, &text)?)
        })
        .await?;
    Ok(redirect(
        &format!("/drafts/{}", view.id),
        &["Draft saved.".to_string()],
    ))
}

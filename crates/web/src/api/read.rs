//! The API's reads: what the pages show, in the shapes of the CLI's `--json` output.

use super::{ApiErrorBody, json_body};
use crate::AppState;
use crate::error::{ApiError, ApiJson, ApiQuery, WebError};
use crate::rendered::version;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use followup_app::{DraftView, ResolvedSetting, StepView};
use followup_core::model::{Application, Contact, Interview, Locale, Profile};
use followup_core::tone::Finding;
use followup_formats::backup::Backup;
use followup_store::Page;
use serde::Deserialize;
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct AgendaQuery {
    /// The first day, YYYY-MM-DD (today in your zone when absent).
    from: Option<String>,
    /// How many days from `from` (1; at most 366).
    days: Option<u32>,
    /// At most this many steps in each of overdue, now and next (50; at most 1,000).
    limit: Option<usize>,
}

/// Steps due before the end of `days` days from `from`, overdue first. Kept rendered
/// like Today (`rendered`), so a script polling it costs little.
#[utoipa::path(get, path = "/agenda", tag = "plan", params(AgendaQuery),
    responses((status = 200, body = Vec<StepView>), (status = 400, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn agenda(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<AgendaQuery>,
) -> Result<Response, ApiError> {
    let days = q.days.unwrap_or(1);
    if !(1..=366).contains(&days) {
        return Err(
            WebError::bad_request("days", format!("days is {days}; ask for 1 to 366")).into(),
        );
    }
    let limit = q.limit.unwrap_or(50);
    if !(1..=1000).contains(&limit) {
        return Err(
            WebError::bad_request("limit", format!("limit is {limit}; ask for 1 to 1000")).into(),
        );
    }
    let key = format!("agenda {} {days} {limit}", q.from.as_deref().unwrap_or(""));
    let now = state.engines.run(version).await?;
    if let Some(body) = state.rendered.get(&key, now) {
        return Ok(json_body(&body));
    }
    let (made_from, body) = state
        .engines
        .run(move |app| {
            let made_from = version(app)?;
            let steps = app
                .agenda(q.from.as_deref(), days, Some(limit))?
                .into_steps();
            let body =
                serde_json::to_string(&steps).map_err(|e| WebError::internal(e.to_string()))?;
            Ok((made_from, body))
        })
        .await?;
    let body = Arc::new(body);
    state.rendered.keep(&key, made_from, Arc::clone(&body));
    Ok(json_body(&body))
}

#[derive(Deserialize, IntoParams)]
pub struct ListQuery {
    /// At most this many (1 to 1,000; 50 when not given).
    limit: Option<u32>,
    /// Skip this many first.
    offset: Option<u32>,
}

impl ListQuery {
    /// The page asked for; a limit of 0 or over 1,000 is refused, not quietly changed.
    fn page(&self) -> Result<Page, WebError> {
        let limit = self.limit.unwrap_or(50);
        if !(1..=1000).contains(&limit) {
            return Err(WebError::bad_request(
                "limit",
                format!("limit is {limit}; ask for 1 to 1000 at a time (and page with offset)"),
            ));
        }
        Ok(Page {
            limit: Some(i64::from(limit)),
            offset: i64::from(self.offset.unwrap_or(0)),
        })
    }
}

/// Applications, newest first.
#[utoipa::path(get, path = "/applications", tag = "applications", params(ListQuery),
    responses((status = 200, body = Vec<Application>), (status = 400, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn applications(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Vec<Application>>, ApiError> {
    let page = q.page()?;
    Ok(Json(
        state
            .engines
            .run(move |app| Ok(app.applications(page)?))
            .await?,
    ))
}

/// One application (any unambiguous prefix of its id).
#[utoipa::path(get, path = "/applications/{id}", tag = "applications",
    responses((status = 200, body = Application), (status = 404, body = ApiErrorBody)))]
pub async fn application(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Application>, ApiError> {
    Ok(Json(
        state
            .engines
            .run(move |app| {
                let id = app.full_id(&id)?;
                Ok(app.application(&id)?)
            })
            .await?,
    ))
}

/// Contacts (interviewers), by name.
#[utoipa::path(get, path = "/contacts", tag = "contacts", params(ListQuery),
    responses((status = 200, body = Vec<Contact>), (status = 400, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn contacts(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Vec<Contact>>, ApiError> {
    let page = q.page()?;
    Ok(Json(
        state
            .engines
            .run(move |app| Ok(app.contacts(page)?))
            .await?,
    ))
}

/// One contact.
#[utoipa::path(get, path = "/contacts/{id}", tag = "contacts",
    responses((status = 200, body = Contact), (status = 404, body = ApiErrorBody)))]
pub async fn contact(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Contact>, ApiError> {
    Ok(Json(
        state
            .engines
            .run(move |app| {
                let id = app.full_id(&id)?;
                Ok(app.contact(&id)?)
            })
            .await?,
    ))
}

/// One interview: when, who, and what you noted.
#[utoipa::path(get, path = "/interviews/{id}", tag = "interviews",
    responses((status = 200, body = Interview), (status = 404, body = ApiErrorBody)))]
pub async fn interview(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Interview>, ApiError> {
    Ok(Json(
        state
            .engines
            .run(move |app| {
                let id = app.full_id(&id)?;
                Ok(app.interview(&id)?)
            })
            .await?,
    ))
}

/// An interview's plan: every step, its state, when and why.
#[utoipa::path(get, path = "/interviews/{id}/plan", tag = "plan",
    responses((status = 200, body = Vec<StepView>), (status = 404, body = ApiErrorBody)))]
pub async fn plan(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<StepView>>, ApiError> {
    Ok(Json(
        state
            .engines
            .run(move |app| {
                let id = app.full_id(&id)?;
                Ok(app.plan(&id)?)
            })
            .await?,
    ))
}

/// One draft with its findings and where each sentence came from.
#[utoipa::path(get, path = "/drafts/{id}", tag = "drafts",
    responses((status = 200, body = DraftView), (status = 404, body = ApiErrorBody)))]
pub async fn draft(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DraftView>, ApiError> {
    Ok(Json(
        state
            .engines
            .run(move |app| {
                let id = app.full_id(&id)?;
                Ok(app.draft(&id)?)
            })
            .await?,
    ))
}

/// Your profile (404 before it is set up).
#[utoipa::path(get, path = "/profile", tag = "profile",
    responses((status = 200, body = Profile), (status = 404, body = ApiErrorBody)))]
pub async fn profile(State(state): State<AppState>) -> Result<Json<Profile>, ApiError> {
    Ok(Json(
        state
            .engines
            .run(|app| {
                app.profile()?
                    .ok_or_else(|| WebError::not_found("no profile yet: PUT /profile"))
            })
            .await?,
    ))
}

/// Every setting with its value, where the value came from, and what it means.
#[utoipa::path(get, path = "/settings", tag = "settings",
    responses((status = 200, body = Vec<ResolvedSetting>)))]
pub async fn settings(
    State(state): State<AppState>,
) -> Result<Json<Vec<ResolvedSetting>>, ApiError> {
    Ok(Json(state.engines.run(|app| Ok(app.settings()?)).await?))
}

/// Everything, as `followup export json` writes it: what `POST /restore` takes (the web
/// login and the feed token are never in it).
#[utoipa::path(get, path = "/backup", tag = "backup",
    responses((status = 200, body = Backup)))]
pub async fn backup(State(state): State<AppState>) -> Result<Response, ApiError> {
    let file = state
        .engines
        .run(|app| {
            let now = app.now();
            Ok(followup_formats::backup::write(app.records()?, now))
        })
        .await?;
    Ok(json_body(&file))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckBody {
    /// The text to check.
    text: String,
    /// en-GB or en-US (the profile's when absent).
    locale: Option<String>,
}

/// The tone findings for a text, as `followup check --json` prints them. Changes nothing.
#[utoipa::path(post, path = "/check", tag = "drafts", request_body = CheckBody,
    responses((status = 200, body = Vec<Finding>), (status = 400, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn check(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CheckBody>,
) -> Result<Json<Vec<Finding>>, ApiError> {
    Ok(Json(
        state
            .engines
            .run(move |app| {
                let locale = match body.locale {
                    Some(l) if Locale::from(l.as_str()).is_known() => l,
                    Some(l) => {
                        return Err(WebError::bad_request(
                            "locale",
                            format!("'{l}' is not a locale Followup writes in: use en-GB or en-US"),
                        ));
                    }
                    None => app.profile()?.unwrap_or_default().locale.tag(),
                };
                let checker = app.checker(None, Vec::new(), Vec::new())?.value;
                Ok(checker.check(&body.text, &locale))
            })
            .await?,
    ))
}

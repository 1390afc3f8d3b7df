//! The JSON API, `/api/v1`: the shapes and field names of the CLI's `--json` output, for
//! scripts and other front ends, described at `/api/v1/openapi.json`. Errors are
//! `{"error": …, "field": …}` with the status.

use crate::AppState;
use crate::error::ApiError;
use crate::rendered::version;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use followup_app::{DraftView, StepView};
use followup_core::model::Application;
use followup_core::tone::Finding;
use followup_store::Page;
use serde::Deserialize;
use std::sync::Arc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agenda", get(agenda))
        .route("/applications", get(applications))
        .route("/applications/{id}", get(application))
        .route("/interviews/{id}/plan", get(plan))
        .route("/drafts/{id}", get(draft))
        .route("/check", post(check))
        .route("/openapi.json", get(openapi))
}

/// The API described (OpenAPI 3.1). Written by hand and held to the code by
/// `tests/routes.rs`: every route is in it, and every schema's properties are exactly the
/// fields the real responses carry.
pub const OPENAPI: &str = include_str!("openapi.json");

async fn openapi() -> Response {
    json_body(OPENAPI)
}

#[derive(Deserialize)]
pub struct AgendaQuery {
    from: Option<String>,
    days: Option<u32>,
    /// At most this many steps in each of overdue, now and next (50; at most 1,000).
    limit: Option<usize>,
}

/// Steps due before the end of `days` days (1 by default) from `from`, overdue first, at
/// most `limit` of each section. Kept rendered like Today (`rendered`).
async fn agenda(
    State(state): State<AppState>,
    Query(q): Query<AgendaQuery>,
) -> Result<Response, ApiError> {
    let days = q.days.unwrap_or(1).clamp(1, 366);
    let limit = q.limit.unwrap_or(50).clamp(1, 1000);
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
            let body = serde_json::to_string(&steps)
                .map_err(|e| crate::WebError::internal(e.to_string()))?;
            Ok((made_from, body))
        })
        .await?;
    let body = Arc::new(body);
    state.rendered.keep(&key, made_from, Arc::clone(&body));
    Ok(json_body(&body))
}

fn json_body(body: &str) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.to_string(),
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct ListQuery {
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn applications(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<Application>>, ApiError> {
    let page = Page {
        limit: Some(q.limit.unwrap_or(50).clamp(0, 1000)),
        offset: q.offset.unwrap_or(0).max(0),
    };
    Ok(Json(
        state
            .engines
            .run(move |app| Ok(app.applications(page)?))
            .await?,
    ))
}

async fn application(
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

async fn plan(
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

async fn draft(
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

#[derive(Deserialize)]
pub struct CheckBody {
    text: String,
    /// en-GB or en-US (the profile's when absent).
    locale: Option<String>,
}

/// The tone findings for a text, as `followup check --json` prints them.
async fn check(
    State(state): State<AppState>,
    Json(body): Json<CheckBody>,
) -> Result<Json<Vec<Finding>>, ApiError> {
    Ok(Json(
        state
            .engines
            .run(move |app| {
                let locale = match body.locale {
                    Some(l) => l,
                    None => app.profile()?.unwrap_or_default().locale.tag(),
                };
                let checker = app.checker(None, Vec::new(), Vec::new())?.value;
                Ok(checker.check(&body.text, &locale))
            })
            .await?,
    ))
}

//! The JSON API, `/api/v1`: the shapes and field names of the CLI's `--json` output, for
//! scripts and other front ends. Errors are `{"error": …, "field": …}` with the status.

use crate::AppState;
use crate::error::ApiError;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use followup_app::{DraftView, StepView};
use followup_core::model::Application;
use followup_core::tone::Finding;
use followup_store::Page;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agenda", get(agenda))
        .route("/applications", get(applications))
        .route("/applications/{id}", get(application))
        .route("/interviews/{id}/plan", get(plan))
        .route("/drafts/{id}", get(draft))
        .route("/check", post(check))
}

#[derive(Deserialize)]
pub struct AgendaQuery {
    from: Option<String>,
    days: Option<u32>,
}

/// Every step due before the end of `days` days (1 by default) from `from`, overdue first.
async fn agenda(
    State(state): State<AppState>,
    Query(q): Query<AgendaQuery>,
) -> Result<Json<Vec<StepView>>, ApiError> {
    let steps = state
        .engines
        .run(move |app| {
            Ok(app
                .agenda(q.from.as_deref(), q.days.unwrap_or(1), None)?
                .into_steps())
        })
        .await?;
    Ok(Json(steps))
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

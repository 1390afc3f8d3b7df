//! The API's settings beyond `config`: the draft templates (yours, checked before they
//! are saved), the mail server test, and holiday files — what the settings page does.

use super::{ApiErrorBody, Written};
use crate::AppState;
use crate::error::{ApiError, ApiJson, ApiQuery, WebError};
use axum::Json;
use axum::extract::{Path, State};
use followup_app::Templates;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A draft template.
#[derive(Serialize, ToSchema)]
pub struct Template {
    pub name: String,
    /// Whether yours is used instead of the built-in one.
    pub yours: bool,
    /// The text drafts are written from (yours, or the built-in one).
    pub text: String,
}

fn template(app: &mut followup_app::Followup, name: &str) -> Result<Template, WebError> {
    let templates = app.templates();
    let yours = templates
        .list()
        .into_iter()
        .any(|t| t.name == name && t.yours.is_some());
    let text = templates
        .text_to_edit(name)
        .map_err(|e| WebError::not_found(e.to_string()))?;
    Ok(Template {
        name: name.to_string(),
        yours,
        text,
    })
}

/// Every template drafts are written from, yours where you have one.
#[utoipa::path(get, path = "/templates", tag = "settings",
    responses((status = 200, body = Vec<Template>)))]
pub async fn templates(State(state): State<AppState>) -> Result<Json<Vec<Template>>, ApiError> {
    Ok(Json(
        state
            .engines
            .run(|app| {
                let names: Vec<&str> = app.templates().list().iter().map(|t| t.name).collect();
                names.into_iter().map(|n| template(app, n)).collect()
            })
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateText {
    text: String,
}

/// Saves your version of a template, only if it renders (known variables, closed tags, a
/// fuel limit); new drafts use it.
#[utoipa::path(put, path = "/templates/{name}", tag = "settings", request_body = TemplateText,
    responses((status = 200, body = Written<Template>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn save_template(
    State(state): State<AppState>,
    Path(name): Path<String>,
    ApiJson(body): ApiJson<TemplateText>,
) -> Result<Json<Written<Template>>, ApiError> {
    let saved = state
        .engines
        .run(move |app| {
            Templates::built_in(&name).map_err(|e| WebError::not_found(e.to_string()))?;
            app.templates().save(&name, &body.text)?;
            template(app, &name)
        })
        .await?;
    Ok(Json(Written::quiet(saved)))
}

/// What the mail server said to a test: connected and logged in, nothing sent.
#[derive(Serialize, ToSchema)]
pub struct MailTest {
    pub host: String,
    pub port: u16,
    /// The server's name for itself.
    pub server: String,
}

/// Connects to your mail server and logs in; sends nothing.
#[utoipa::path(post, path = "/mail/test", tag = "settings",
    responses((status = 200, body = Written<MailTest>), (status = 409, body = ApiErrorBody),
        (status = 502, body = ApiErrorBody)))]
pub async fn mail_test(State(state): State<AppState>) -> Result<Json<Written<MailTest>>, ApiError> {
    let (settings, server) = state.engines.run(|app| Ok(app.test_mail_server()?)).await?;
    Ok(Json(Written::quiet(MailTest {
        host: settings.host,
        port: settings.port,
        server,
    })))
}

#[derive(Deserialize, IntoParams)]
pub struct HolidayFileQuery {
    /// The region an `.ics` calendar's days belong to (GOV.UK's file names its own).
    region: Option<String>,
    /// The file's days stand instead of the built-in table's for the years it covers.
    #[serde(default)]
    replace: bool,
}

/// What a holiday file import did.
#[derive(Serialize, ToSchema)]
pub struct HolidaysImported {
    pub count: usize,
    /// "region year" for each region and year the file covers.
    pub covered: Vec<String>,
    pub replaced: bool,
}

/// A holiday file as the body: GOV.UK's `bank-holidays.json` or an `.ics` calendar. All
/// its days are imported or none; the plans move off them.
#[utoipa::path(post, path = "/holidays/import", tag = "settings", params(HolidayFileQuery),
    request_body(content = String, content_type = "text/calendar"),
    responses((status = 200, body = Written<HolidaysImported>), (status = 400, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn import_holidays(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<HolidayFileQuery>,
    body: axum::body::Bytes,
) -> Result<Json<Written<HolidaysImported>>, ApiError> {
    let days = crate::pages::holidays::read("the body", &body, q.region.as_deref())?;
    let done = state
        .engines
        .run(move |app| Ok(app.import_holidays(days, q.replace)?))
        .await?;
    Ok(Json(Written::quiet(HolidaysImported {
        count: done.count,
        covered: done
            .covered
            .iter()
            .map(|(region, year)| format!("{region} {year}"))
            .collect(),
        replaced: done.replaced,
    })))
}

//! The draft templates, from the settings page: each built-in one, or your version of it
//! (kept in the config folder, as `followup template edit` keeps it), edited here and
//! saved only if it renders (strict variables, a fuel limit).

use super::applications::unix_lines;
use super::{Ctx, redirect};
use crate::AppState;
use crate::error::WebError;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use followup_app::Templates;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct Row {
    name: &'static str,
    yours: bool,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let rows = state
        .engines
        .run(|app| {
            Ok(app
                .templates()
                .list()
                .into_iter()
                .map(|t| Row {
                    name: t.name,
                    yours: t.yours.is_some(),
                })
                .collect::<Vec<_>>())
        })
        .await?;
    ctx.show(
        "templates.html",
        crate::values! { title => "Templates", nav => "settings", templates => rows },
    )
}

fn editor(
    ctx: &Ctx,
    name: &str,
    text: &str,
    error: Option<WebError>,
) -> Result<Response, WebError> {
    let values = crate::values! {
        title => format!("Template {name}"), nav => "settings", name, text,
        variables => Templates::variables(),
    };
    match error {
        None => ctx.show("template.html", values),
        Some(e) => ctx.form_again("template.html", e, values),
    }
}

pub async fn edit(
    State(state): State<AppState>,
    Path(name): Path<String>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    let wanted = name.clone();
    let text = state
        .engines
        .run(move |app| {
            app.templates()
                .text_to_edit(&wanted)
                .map_err(|e| WebError::not_found(e.to_string()))
        })
        .await?;
    editor(&ctx, &name, &text, None)
}

#[derive(Deserialize)]
pub struct TemplateForm {
    text: String,
}

pub async fn save(
    State(state): State<AppState>,
    Path(name): Path<String>,
    ctx: Ctx,
    Form(form): Form<TemplateForm>,
) -> Result<Response, WebError> {
    let text = unix_lines(&form.text);
    let (wanted, typed) = (name.clone(), text.clone());
    let result = state
        .engines
        .run(move |app| {
            let templates = app.templates();
            Templates::built_in(&wanted).map_err(|e| WebError::not_found(e.to_string()))?;
            Ok(templates.save(&wanted, &typed)?)
        })
        .await;
    match result {
        Ok(path) => Ok(redirect(
            "/settings/templates",
            &[format!(
                "Saved {name} as {}: new drafts use it.",
                path.display()
            )],
        )),
        Err(e) if e.status.is_client_error() && e.status != axum::http::StatusCode::NOT_FOUND => {
            let e = WebError {
                field: Some("text".into()),
                ..e
            };
            editor(&ctx, &name, &text, Some(e))
        }
        Err(e) => Err(e),
    }
}

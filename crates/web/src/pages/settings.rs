//! Settings (the plan's timing, the tone checker, the mail server with a connection
//! test), the calendar feed (its secret address, which can be replaced) and the backup
//! (download; restore with the CLI's safeguards: nothing sent or done is rewound, and
//! settings that run commands or turn checks off are not applied unless asked).

use super::drafts::download;
use super::{Ctx, redirect, said};
use crate::AppState;
use crate::error::{PageQuery, WebError};
use crate::guard::same_bytes;
use axum::Form;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct SettingRow {
    name: String,
    value: String,
    meaning: String,
    source: String,
    /// Not set on this page: set in the environment (the database's value would not be
    /// used), or the SMTP password, which is never stored.
    fixed: bool,
    /// Where a fixed value comes from, or how to set it.
    whence: String,
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    show(&state, &ctx, None).await
}

pub async fn show(
    state: &AppState,
    ctx: &Ctx,
    error: Option<WebError>,
) -> Result<Response, WebError> {
    let rows = state.engines.run(|app| Ok(app.settings()?)).await?;
    let rows: Vec<SettingRow> = rows
        .into_iter()
        .map(|r| SettingRow {
            fixed: !r.settable,
            whence: match r.source.as_str() {
                "unset" => "not set: give it in FOLLOWUP_SMTP_PASSWORD where Followup runs, \
                            or set smtp.password_command above"
                    .into(),
                "command" => "run each time a message is sent; never stored".into(),
                source => format!("set by {source}"),
            },
            name: r.name,
            value: r.value,
            meaning: r.meaning,
            source: r.source,
        })
        .collect();
    // A message about a setting not on the page (a name typed by hand) goes at the top.
    let error = error.map(|e| match &e.field {
        Some(f) if !f.starts_with("holiday_") && !rows.iter().any(|r| &r.name == f) => {
            WebError { field: None, ..e }
        }
        _ => e,
    });
    let region = state
        .engines
        .run(|app| Ok(app.profile()?.unwrap_or_default().region))
        .await?;
    let values = crate::values! {
        title => "Settings", nav => "settings", settings => rows, region,
    };
    match error {
        None => ctx.show("settings.html", values),
        Some(e) => ctx.form_again("settings.html", e, values),
    }
}

#[derive(Deserialize)]
pub struct SettingForm {
    name: String,
    value: String,
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<SettingForm>,
) -> Result<Response, WebError> {
    let name = form.name.clone();
    let result = state
        .engines
        .run(move |app| Ok(app.set_setting(&form.name, &form.value)?))
        .await;
    match result {
        Ok(()) => Ok(redirect(
            &format!("/settings#{name}"),
            &[format!("{name} saved; every plan follows it.")],
        )),
        Err(e) if e.is_about_a_field() => {
            // The message belongs beside the setting's own field.
            let e = WebError {
                field: Some(name),
                ..e
            };
            show(&state, &ctx, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

pub async fn mail_test(State(state): State<AppState>) -> Result<Response, WebError> {
    let result = state.engines.run(|app| Ok(app.test_mail_server()?)).await;
    let line = match result {
        Ok((settings, name)) => format!(
            "Connected to {}:{} and logged in ({name}); nothing was sent.",
            settings.host, settings.port
        ),
        Err(e) => format!("The mail server test failed: {}", e.message),
    };
    Ok(redirect("/settings#smtp", &[line]))
}

pub async fn calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    ctx: Ctx,
) -> Result<Response, WebError> {
    let token = state
        .engines
        .run(|app| Ok(app.calendar_token(false)?))
        .await?;
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:7878")
        .to_string();
    ctx.show(
        "calendar.html",
        crate::values! {
            title => "Calendar", nav => "settings",
            feed => format!("http://{host}/calendar.ics?token={token}"),
            webcal => format!("webcal://{host}/calendar.ics?token={token}"),
        },
    )
}

pub async fn new_token(State(state): State<AppState>) -> Result<Response, WebError> {
    state
        .engines
        .run(|app| Ok(app.calendar_token(true)?))
        .await?;
    Ok(redirect(
        "/calendar",
        &[
            "A new address: the old one no longer works; subscribe again with this one."
                .to_string(),
        ],
    ))
}

#[derive(Deserialize)]
pub struct FeedQuery {
    token: Option<String>,
}

/// The feed itself; a missing or wrong token is 404, told apart from no feed at all by
/// no one.
pub async fn feed(
    State(state): State<AppState>,
    PageQuery(q): PageQuery<FeedQuery>,
) -> Result<Response, WebError> {
    let given = q.token.unwrap_or_default();
    let text = state
        .engines
        .run(move |app| {
            let token = app.calendar_token(false)?;
            if !same_bytes(given.as_bytes(), token.as_bytes()) {
                return Err(WebError::not_found("There is no page at this address."));
            }
            Ok(app.calendar_feed()?)
        })
        .await?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        text,
    )
        .into_response())
}

pub async fn backup(ctx: Ctx) -> Result<Response, WebError> {
    ctx.show(
        "backup.html",
        crate::values! { title => "Backup", nav => "settings" },
    )
}

pub async fn backup_file(State(state): State<AppState>) -> Result<Response, WebError> {
    let text = state
        .engines
        .run(|app| {
            let now = app.now();
            Ok(followup_formats::backup::write(app.records()?, now))
        })
        .await?;
    Ok(download(
        text.into_bytes(),
        "application/json",
        "followup-backup.json",
    ))
}

/// A restore from an uploaded backup: all of it in one transaction, or nothing.
pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    mut upload: Multipart,
) -> Result<Response, WebError> {
    let mut bytes = Vec::new();
    let mut with_settings = false;
    let mut name = String::from("the file");
    while let Some(field) = upload
        .next_field()
        .await
        .map_err(|e| WebError::bad_request("backup", format!("the upload broke off: {e}")))?
    {
        match field.name() {
            Some("backup") => {
                name = field.file_name().unwrap_or("the file").to_string();
                bytes = field
                    .bytes()
                    .await
                    .map_err(|e| {
                        WebError::bad_request("backup", format!("the upload broke off: {e}"))
                    })?
                    .to_vec();
            }
            Some("with_settings") => with_settings = true,
            _ => {}
        }
    }
    let read = followup_formats::decoded_text(&bytes)
        .map_err(|e| {
            WebError::bad_request("backup", format!("{name}, line {}: {}", e.line, e.problem))
        })
        .and_then(|text| {
            followup_formats::backup::read(&text).map_err(|e| {
                WebError::bad_request("backup", format!("{name}: {e}; nothing was restored"))
            })
        });
    let records = match read {
        Ok(r) => r,
        Err(e) => {
            return ctx.form_again(
                "backup.html",
                e,
                crate::values! { title => "Backup", nav => "settings" },
            );
        }
    };
    let done = state
        .engines
        .run(move |app| Ok(app.restore(records, with_settings)?))
        .await?;
    let c = &done.value.counts;
    let mut lines = vec![format!(
        "Restored {} applications, {} contacts, {} interviews{}.",
        c.applications,
        c.contacts,
        c.interviews,
        if done.value.profile {
            " and the profile"
        } else {
            ""
        }
    )];
    lines.extend(said(&done.warnings));
    Ok(redirect("/backup", &lines))
}

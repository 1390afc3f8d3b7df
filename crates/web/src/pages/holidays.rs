//! Holidays, from the settings page: add a day off for a region (a company day, a new
//! bank holiday), or import GOV.UK's `bank-holidays.json` or an `.ics` holiday calendar —
//! as `followup holidays add` and `holidays import` do. Every plan follows.

use super::{Ctx, given, redirect};
use crate::AppState;
use crate::error::WebError;
use axum::Form;
use axum::extract::{Multipart, State};
use axum::response::Response;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct DayForm {
    date: Option<String>,
    region: Option<String>,
    name: Option<String>,
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<DayForm>,
) -> Result<Response, WebError> {
    let result = state
        .engines
        .run(move |app| {
            let date = given(&form.date)
                .ok_or_else(|| WebError::bad_request("holiday_date", "which day?"))?;
            let region = given(&form.region).unwrap_or_else(|| "gb-eng".into());
            let name = given(&form.name).unwrap_or_else(|| "Day off".into());
            Ok(app.add_holiday(&date, &region, &name)?)
        })
        .await;
    match result {
        Ok(day) => Ok(redirect(
            "/settings#holidays",
            &[format!(
                "{} is now a day off in {}; every plan follows.",
                day.date, day.region
            )],
        )),
        Err(e) if e.is_about_a_field() => {
            let e = WebError {
                field: Some(match e.field.as_deref() {
                    Some("region") => "holiday_region".into(),
                    _ => "holiday_date".into(),
                }),
                ..e
            };
            super::settings::show(&state, &ctx, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

/// An uploaded holiday file: all its days, or none.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    mut upload: Multipart,
) -> Result<Response, WebError> {
    let mut bytes = Vec::new();
    let mut name = String::from("the file");
    let mut region = None;
    let mut replace = false;
    let broke = |e: axum::extract::multipart::MultipartError| {
        WebError::bad_request("holiday_file", format!("the upload broke off: {e}"))
    };
    while let Some(field) = upload.next_field().await.map_err(broke)? {
        match field.name() {
            Some("holidays") => {
                name = field.file_name().unwrap_or("the file").to_string();
                bytes = field.bytes().await.map_err(broke)?.to_vec();
            }
            Some("region") => region = Some(field.text().await.map_err(broke)?),
            Some("replace") => replace = true,
            _ => {}
        }
    }
    let read = read(&name, &bytes, region.as_deref());
    let result = match read {
        Err(e) => Err(e),
        Ok(days) => {
            state
                .engines
                .run(move |app| Ok(app.import_holidays(days, replace)?))
                .await
        }
    };
    match result {
        Ok(done) => {
            let lines = vec![format!(
                "Imported {} holidays from {name}; every plan follows.",
                done.count
            )];
            Ok(redirect("/settings#holidays", &lines))
        }
        Err(e) if e.is_about_a_field() => {
            let e = WebError {
                field: Some("holiday_file".into()),
                ..e
            };
            super::settings::show(&state, &ctx, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

pub(crate) fn read(
    name: &str,
    bytes: &[u8],
    region: Option<&str>,
) -> Result<Vec<followup_core::calendar::Holiday>, WebError> {
    let bad = |m: String| WebError::bad_request("holiday_file", m);
    if bytes.is_empty() {
        return Err(bad(
            "choose a file: GOV.UK's bank-holidays.json or an .ics calendar".into(),
        ));
    }
    let text = followup_formats::decoded_text(bytes)
        .map_err(|e| bad(format!("{name}, line {}: {}", e.line, e.problem)))?;
    if text.trim_start().starts_with('{') {
        return followup_formats::holiday_files::read_govuk(&text)
            .map_err(|e| bad(format!("{name}: {e}; nothing was imported")));
    }
    let region = region
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .ok_or_else(|| bad("an .ics calendar needs the region whose holidays they are".into()))?;
    let region = followup_core::place::region("region", region)
        .map_err(|e| bad(format!("{}: {}", e.field, e.problem)))?;
    followup_formats::holiday_files::read_ics(&text, &region).map_err(|e| {
        bad(format!(
            "{name}, line {}: {}; nothing was imported",
            e.line, e.problem
        ))
    })
}

//! The account as a whole: settings, days off, a restore from a backup, undo, and a
//! new calendar feed token.

use super::*;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingValue {
    value: String,
}

/// Sets one setting (checked as `followup config set` checks it); answers them all.
#[utoipa::path(put, path = "/settings/{name}", tag = "settings", request_body = SettingValue,
    responses((status = 200, body = Written<Vec<ResolvedSetting>>), (status = 422, body = ApiErrorBody)))]
pub async fn set_setting(
    State(state): State<AppState>,
    Path(name): Path<String>,
    ApiJson(body): ApiJson<SettingValue>,
) -> Answer<Vec<ResolvedSetting>> {
    let all = state
        .engines
        .run(move |app| {
            app.set_setting(&name, &body.value)?;
            Ok(app.settings()?)
        })
        .await?;
    Ok(Json(Written::quiet(all)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DayOff {
    /// YYYY-MM-DD.
    date: String,
    /// The holiday region it belongs to (yours when absent).
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

/// A day off of your own (or a holiday the tables miss): no step falls on it.
#[utoipa::path(post, path = "/holidays", tag = "settings", request_body = DayOff,
    responses((status = 201, body = Written<Holiday>), (status = 422, body = ApiErrorBody)))]
pub async fn add_holiday(
    State(state): State<AppState>,
    ApiJson(day): ApiJson<DayOff>,
) -> Created<Holiday> {
    let added = state
        .engines
        .run(move |app| {
            let region = match day.region {
                Some(r) => r,
                None => app.profile()?.unwrap_or_default().region,
            };
            Ok(app.add_holiday(&day.date, &region, day.name.as_deref().unwrap_or("Day off"))?)
        })
        .await?;
    Ok(created(Written::quiet(added)))
}

#[derive(Deserialize, IntoParams)]
pub struct RestoreQuery {
    /// Also apply the backup's settings that run commands or turn checks off.
    #[serde(default)]
    with_settings: bool,
}

/// What a restore wrote.
#[derive(Serialize, ToSchema)]
pub struct Restored {
    pub applications: usize,
    pub contacts: usize,
    pub interviews: usize,
    /// Whether the backup's profile replaced yours.
    pub profile: bool,
    /// Records kept as they are because the backup's copy would move them back (a sent
    /// message, a done step).
    pub kept_newer: Vec<String>,
    /// Risky settings in the backup that were not applied.
    pub settings_not_applied: Vec<String>,
}

/// Restores a backup (the body of `GET /backup` or a `followup export json` file) with
/// the CLI's safeguards: all or nothing, nothing sent or done moved back, no command or
/// login taken from it.
#[utoipa::path(post, path = "/restore", tag = "backup", params(RestoreQuery),
    request_body = Backup,
    responses((status = 200, body = Written<Restored>), (status = 400, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn restore(
    State(state): State<AppState>,
    Query(q): Query<RestoreQuery>,
    body: axum::body::Bytes,
) -> Answer<Restored> {
    let text = std::str::from_utf8(&body)
        .map_err(|_| WebError::new(StatusCode::BAD_REQUEST, "the backup is not UTF-8 text"))?;
    let records = followup_formats::backup::read(text)
        .map_err(|e| WebError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let done = state
        .engines
        .run(move |app| Ok(app.restore(records, q.with_settings)?))
        .await?;
    Ok(Json(Written::from(done).map(|r| {
        Restored {
            applications: r.counts.applications,
            contacts: r.counts.contacts,
            interviews: r.counts.interviews,
            profile: r.profile,
            kept_newer: r
                .counts
                .kept_newer
                .iter()
                .map(|(what, id)| format!("{what} {id}"))
                .collect(),
            settings_not_applied: r.settings_not_applied,
        }
    })))
}

/// Takes back the last change (again for the one before).
#[utoipa::path(post, path = "/undo", tag = "backup",
    responses((status = 200, body = Written<Undone>), (status = 409, body = ApiErrorBody)))]
pub async fn undo(State(state): State<AppState>) -> Answer<Undone> {
    let undone = state.engines.run(|app| Ok(app.undo()?)).await?;
    Ok(Json(Written::quiet(undone)))
}

#[derive(Serialize, ToSchema)]
pub struct FeedToken {
    /// The calendar feed is `/calendar.ics?token=` this.
    pub token: String,
}

/// A new token for the calendar feed: the old address stops working.
#[utoipa::path(post, path = "/calendar/token", tag = "settings",
    responses((status = 200, body = Written<FeedToken>)))]
pub async fn new_feed_token(State(state): State<AppState>) -> Answer<FeedToken> {
    let token = state
        .engines
        .run(|app| Ok(app.calendar_token(true)?))
        .await?;
    Ok(Json(Written::quiet(FeedToken { token })))
}

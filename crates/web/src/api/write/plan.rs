//! What happened on the plan: a call logged, and a step done, skipped or moved.

use super::*;

/// A call as you report it.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CallReport {
    interview_id: String,
    /// reached, unavailable, voicemail or no-answer.
    outcome: String,
    /// A time they agreed for another call, read in their zone unless `callback_tz`:
    /// `YYYY-MM-DDTHH:MM` or in words with an hour ("Thursday at 3").
    #[serde(default)]
    callback: Option<String>,
    #[serde(default)]
    callback_tz: Option<String>,
    /// A date they gave for their decision, YYYY-MM-DD.
    #[serde(default)]
    decide_by: Option<String>,
    /// When you called, a local time in your zone unless `at_tz` (now when absent).
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    at_tz: Option<String>,
    /// Yours only: never sent.
    #[serde(default)]
    note: Option<String>,
    /// Book a callback outside their hours or on a holiday all the same.
    #[serde(default)]
    anyway: bool,
}

/// Logs a call; the plan moves as the outcome says.
#[utoipa::path(post, path = "/calls", tag = "plan", request_body = CallReport,
    responses((status = 201, body = Written<CallLogged>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn log_call(
    State(state): State<AppState>,
    ApiJson(call): ApiJson<CallReport>,
) -> Created<CallLogged> {
    let done = state
        .engines
        .run(move |app| {
            let interview_id = app.full_id(&call.interview_id)?;
            Ok(app.log_call(CallLog {
                interview_id,
                outcome: call.outcome,
                callback: call.callback,
                callback_tz: call.callback_tz,
                decide_by: call.decide_by,
                at: call.at.map(|text| WhenYouDid {
                    text,
                    tz: call.at_tz,
                }),
                note: call.note,
                anyway: call.anyway,
            })?)
        })
        .await?;
    Ok(created(Written::from(done)))
}

/// What to do with a step: `done` and `skip` take `at` (when you did it; now when
/// absent), `done` takes `posted` (a letter went in the post), `move` takes `to`.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub struct StepChange {
    at: Option<String>,
    at_tz: Option<String>,
    posted: bool,
    /// The new start, a local time in the step's zone unless `tz`.
    to: Option<String>,
    tz: Option<String>,
    /// Move a call outside their hours or onto a holiday all the same.
    anyway: bool,
}

/// Marks a step done, skips it, or moves it; the plan moves on.
#[utoipa::path(post, path = "/steps/{id}/{action}", tag = "plan",
    params(("id" = String, Path), ("action" = String, Path, description = "done, skip or move")),
    request_body = StepChange,
    responses((status = 200, body = Written<StepActed>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn act_on_step(
    State(state): State<AppState>,
    Path((id, action)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Answer<StepActed> {
    // The body may be left out: `done` and `skip` need nothing.
    let change: StepChange = if body.iter().all(u8::is_ascii_whitespace) {
        StepChange::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| {
            WebError::new(StatusCode::UNPROCESSABLE_ENTITY, format!("the body: {e}"))
        })?
    };
    let at = change.at.map(|text| WhenYouDid {
        text,
        tz: change.at_tz,
    });
    let step_action = match action.as_str() {
        "done" => StepAction::Done {
            posted: change.posted,
            at,
        },
        "skip" => StepAction::Skip { at },
        "move" => StepAction::Move {
            to: change
                .to
                .ok_or_else(|| WebError::bad_request("to", "give the new time"))?,
            tz: change.tz,
            anyway: change.anyway,
        },
        other => {
            return Err(WebError::not_found(format!(
                "no step action '{other}': use done, skip or move"
            ))
            .into());
        }
    };
    let done = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.act_on_step(&id, step_action)?)
        })
        .await?;
    Ok(Json(Written::from(done)))
}

//! The call screen: the script (and the voicemail to leave), what the guard says about
//! calling now, then the outcome — reached (with the date they gave), unavailable (a time
//! they agreed, in their zone with yours beside it, or "email instead"), voicemail, no
//! answer — each moving the plan as `followup call log` does.

use super::today::StepRow;
use super::{Ctx, given, redirect, said};
use crate::AppState;
use crate::error::{PageQuery, WebError};
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use followup_app::CallLog;
use followup_core::compose::DraftKind;
use followup_store::Page;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ForInterview {
    interview: String,
}

pub async fn screen(
    State(state): State<AppState>,
    PageQuery(q): PageQuery<ForInterview>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    show(&state, &ctx, q.interview, None).await
}

async fn show(
    state: &AppState,
    ctx: &Ctx,
    interview: String,
    error: Option<WebError>,
) -> Result<Response, WebError> {
    let page = state
        .engines
        .run(move |app| {
            let id = app.full_id(&interview)?;
            let iv = app.interview(&id)?;
            let application = app.application(&iv.application_id)?;
            let drafts = app.draft_list(
                Some(&id),
                Page {
                    limit: Some(50),
                    offset: 0,
                },
            )?;
            let latest = |kind: DraftKind| {
                drafts
                    .iter()
                    .find(|d| d.draft.kind == kind)
                    .map(|d| (d.draft.id.clone(), d.draft.body.clone()))
            };
            let script = latest(DraftKind::Script);
            let voicemail = latest(DraftKind::Voicemail);
            let warnings: Vec<String> = app
                .behaviour_findings(&id)?
                .iter()
                .map(|f| f.message.clone())
                .collect();
            let plan = app.plan(&id)?;
            let your_zone = app.profile()?.unwrap_or_default().time_zone;
            // The zone `log_call` reads the callback in, so the label says what is saved.
            let their_zone = app.their_zone(&id)?;
            Ok((
                iv,
                application,
                script,
                voicemail,
                warnings,
                plan,
                (your_zone, their_zone),
            ))
        })
        .await?;
    let (iv, application, script, voicemail, warnings, plan, (your_zone, their_zone)) = page;
    let call = plan
        .into_iter()
        .map(StepRow::from)
        .find(|s| s.kind == "follow-up-call" && s.state == "pending");
    let values = crate::values! {
        title => "The follow-up call", nav => "today",
        interview_id => &iv.id,
        application => format!("{} at {}", application.role, application.company),
        script, voicemail, warnings, call, their_zone, your_zone,
        outcomes => vec![
            ("reached", "Reached them"),
            ("unavailable", "They couldn't talk"),
            ("voicemail", "Left a voicemail"),
            ("no-answer", "No answer"),
        ],
    };
    match error {
        None => ctx.show("call.html", values),
        Some(e) => ctx.form_again("call.html", e, values),
    }
}

#[derive(Deserialize, Default)]
pub struct CallForm {
    interview: String,
    outcome: Option<String>,
    callback: Option<String>,
    decide_by: Option<String>,
    /// When you called, in your zone, if not just now.
    at: Option<String>,
    note: Option<String>,
    anyway: Option<String>,
}

pub async fn log(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<CallForm>,
) -> Result<Response, WebError> {
    let interview = form.interview.clone();
    let result = state
        .engines
        .run(move |app| {
            let interview_id = app.full_id(&form.interview)?;
            let outcome = given(&form.outcome)
                .ok_or_else(|| WebError::bad_request("outcome", "say how the call went"))?;
            let logged = app.log_call(CallLog {
                interview_id,
                callback: if outcome == "unavailable" {
                    given(&form.callback)
                } else {
                    None
                },
                decide_by: if outcome == "reached" {
                    given(&form.decide_by)
                } else {
                    None
                },
                outcome,
                callback_tz: None,
                at: given(&form.at).map(|text| followup_app::WhenYouDid { text, tz: None }),
                note: given(&form.note),
                anyway: form.anyway.is_some(),
            })?;
            Ok((logged, app.now()))
        })
        .await;
    match result {
        Ok((done, now)) => {
            let logged = &done.value;
            let mut lines = vec![format!("Call logged: {}.", logged.call.outcome)];
            if let Some(next) = &logged.next {
                let zone = |name: &str| {
                    let tz = jiff::tz::TimeZone::get(name).unwrap_or(jiff::tz::TimeZone::UTC);
                    followup_app::Zone::new(tz, now)
                };
                lines.push(format!(
                    "Next: {} — your time {}, their time {} ({}).",
                    followup_app::action(&next.kind),
                    followup_app::window(next.start, next.end, &zone(&logged.your_zone)),
                    followup_app::window(next.start, next.end, &zone(&next.zone)),
                    next.zone
                ));
            }
            lines.extend(said(&done.warnings));
            Ok(redirect("/today", &lines))
        }
        Err(e) if e.is_about_a_field() || e.status.is_client_error() => {
            let e = match e.field.as_deref() {
                Some("decide-by") => WebError {
                    field: Some("decide_by".into()),
                    ..e
                },
                _ => e,
            };
            show(&state, &ctx, interview, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct WhenQuery {
    interview: String,
    callback: Option<String>,
}

/// The time typed in their zone, in yours: shown beside the callback picker as it
/// changes (htmx), so a call agreed at "14:30 their time" is seen at once as 19:30 yours.
pub async fn yours(
    State(state): State<AppState>,
    PageQuery(q): PageQuery<WhenQuery>,
) -> Result<Response, WebError> {
    let text = state
        .engines
        .run(move |app| {
            let Some(typed) = given(&q.callback) else {
                return Ok(String::new());
            };
            let id = app.full_id(&q.interview)?;
            let theirs = app.their_zone(&id)?;
            let yours = app.profile()?.unwrap_or_default().time_zone;
            Ok(
                match followup_core::when::instant("callback", &typed, &theirs) {
                    Ok(at) => {
                        let tz = jiff::tz::TimeZone::get(&yours).unwrap_or(jiff::tz::TimeZone::UTC);
                        format!(
                            "That is {} your time ({yours}).",
                            at.to_zoned_datetime(tz).strftime("%a %-d %b %H:%M")
                        )
                    }
                    Err(e) => e.problem,
                },
            )
        })
        .await?;
    Ok(axum::response::Html(crate::render::escape(&text)).into_response())
}

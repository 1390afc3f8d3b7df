//! Today: what is overdue, due now and next — who, what, the window in your time and
//! theirs, why, and what to do about it. Also the first-run redirect and the 404 page.

use super::{Ctx, given, redirect, said};
use crate::AppState;
use crate::error::WebError;
use crate::rendered::{Version, version};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use followup_app::{EmptyAgenda, StepAction, StepView};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// How many days "next" looks ahead.
const DAYS: u32 = 7;
/// At most this many steps a section (the rest are counted, and the JSON agenda has
/// them all).
const SHOWN: usize = 15;

/// A step as the page shows it.
#[derive(Serialize)]
pub struct StepRow {
    pub id: String,
    pub kind: String,
    pub what: String,
    pub application: String,
    pub person: String,
    pub interview_id: String,
    pub your_window: String,
    pub their_window: String,
    pub your_zone: String,
    pub their_zone: String,
    pub reason: String,
    pub state: String,
    /// The state with when it was done or skipped: "done Mon 30 Nov 15:00".
    pub state_shown: String,
    pub due: String,
}

impl From<StepView> for StepRow {
    fn from(v: StepView) -> StepRow {
        StepRow {
            id: v.id,
            kind: v.kind,
            what: v.what,
            application: v.application,
            person: v.person,
            interview_id: v.interview_id,
            your_window: v.your_window,
            their_window: v.their_window,
            your_zone: v.your_zone,
            their_zone: v.their_zone,
            reason: v.reason,
            state: v.state,
            state_shown: v.state_shown,
            due: v.due,
        }
    }
}

#[derive(Serialize)]
struct SectionView {
    title: &'static str,
    steps: Vec<StepRow>,
    more: bool,
}

/// `/`: Today, or the profile form on first run.
pub async fn home(State(state): State<AppState>) -> Result<Response, WebError> {
    let has_profile = state
        .engines
        .run(|app| Ok(app.profile()?.is_some_and(|p| !p.name.is_empty())))
        .await?;
    Ok(redirect(
        if has_profile {
            "/today"
        } else {
            "/profile?first=1"
        },
        &[],
    ))
}

/// Today. Kept rendered until a write or the minute changes (see `rendered`): on a
/// database of 400,000 steps reading and rendering it takes milliseconds, and a browser
/// left open on it, or many, should not cost that each time.
pub async fn page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    if !ctx.flash.is_empty() {
        let (_, values) = state.engines.run(read).await?;
        return ctx.show("today.html", values);
    }
    let now = state.engines.run(version).await?;
    if let Some(page) = state.rendered.get("today", now) {
        return Ok(ctx.fill(&page));
    }
    let (made_from, values) = state.engines.run(read).await?;
    let page = Arc::new(ctx.for_keeping().render("today.html", values)?);
    state.rendered.keep("today", made_from, Arc::clone(&page));
    Ok(ctx.fill(&page))
}

/// The sections and what an empty Today means, with the version they were read at.
fn read(app: &mut followup_app::Followup) -> Result<(Version, minijinja::Value), WebError> {
    let made_from = version(app)?;
    let agenda = app.agenda(None, DAYS, Some(SHOWN))?;
    let last = agenda.last.to_string();
    let sections: Vec<SectionView> = [
        ("Overdue", agenda.overdue),
        ("Due now", agenda.now),
        ("Next", agenda.upcoming),
    ]
    .into_iter()
    .map(|(title, s)| SectionView {
        title,
        more: s.more,
        steps: s.steps.into_iter().map(StepRow::from).collect(),
    })
    .collect();
    let empty = if sections.iter().all(|s| s.steps.is_empty()) {
        Some(app.why_empty()?)
    } else {
        None
    };
    let (empty_kind, next) = match empty {
        None => ("", None),
        Some(EmptyAgenda::NoProfile) => ("no-profile", None),
        Some(EmptyAgenda::NoApplication) => ("no-application", None),
        Some(EmptyAgenda::NoInterview) => ("no-interview", None),
        Some(EmptyAgenda::NothingPlanned) => ("nothing-planned", None),
        Some(EmptyAgenda::NextLater(next)) => ("next-later", Some(StepRow::from(*next))),
    };
    Ok((
        made_from,
        crate::values! {
            title => "Today", nav => "today", sections, empty => empty_kind, next, last,
        },
    ))
}

#[derive(Deserialize)]
pub struct StepForm {
    /// For "move": the new start, a local time.
    to: Option<String>,
    /// The zone `to` is in (the step's when empty).
    tz: Option<String>,
    /// Move even where the guard objects.
    anyway: Option<String>,
    /// Where to go afterwards (a page of ours).
    back: Option<String>,
}

/// Done, skip or move a step.
pub async fn act(
    State(state): State<AppState>,
    Path((id, action)): Path<(String, String)>,
    Form(form): Form<StepForm>,
) -> Result<Response, WebError> {
    let step_action = match action.as_str() {
        "done" => StepAction::Done {
            posted: false,
            at: None,
        },
        "posted" => StepAction::Done {
            posted: true,
            at: None,
        },
        "skip" => StepAction::Skip { at: None },
        "move" => StepAction::Move {
            to: given(&form.to).ok_or_else(|| WebError::bad_request("to", "give the new time"))?,
            tz: given(&form.tz),
            anyway: form.anyway.is_some(),
        },
        _ => return Err(WebError::not_found(format!("no step action '{action}'"))),
    };
    let done = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.act_on_step(&id, step_action)?)
        })
        .await?;
    let mut lines = vec![format!(
        "{}: {}.",
        followup_app::action(&done.value.step.kind),
        done.value.step.state
    )];
    lines.extend(said(&done.warnings));
    Ok(redirect(&back_to(form.back.as_deref()), &lines))
}

/// A page of ours to return to: a path on this server, never another site.
pub fn back_to(back: Option<&str>) -> String {
    match back {
        Some(b) if b.starts_with('/') && !b.starts_with("//") && !b.contains('\\') => b.to_string(),
        _ => "/today".to_string(),
    }
}

pub async fn not_found() -> WebError {
    WebError::not_found("There is no page at this address.")
}

//! The API's writes: everything the pages change, each one engine call. A write answers
//! `{"result": …, "warnings": […]}`: what it wrote, in the shape a read of it has, and
//! what the CLI would have printed as warnings (a cadence broken, a near-identical panel
//! note). Bodies name their fields as the CLI's flags do; unknown fields are refused.

use super::{ApiErrorBody, Written};
use crate::AppState;
use crate::error::{ApiError, ApiJson, WebError};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use followup_app::{
    ApplicationChanges, CallLog, CallLogged, ContactChanges, DraftRequest, DraftView,
    InterviewChanges, InterviewNote, Joining, NewInterview, ProfileChanges, Resolution,
    ResolvedSetting, Sent, StepActed, StepAction, Undone, WhenYouDid,
};
use followup_core::calendar::Holiday;
use followup_core::compose::DraftKind;
use followup_core::model::{Application, Contact, Interview, Profile, Skill};
use followup_core::outbox::OutboxEntry;
use followup_formats::backup::Backup;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

type Answer<T> = Result<Json<Written<T>>, ApiError>;
type Created<T> = Result<(StatusCode, Json<Written<T>>), ApiError>;

fn created<T>(written: Written<T>) -> (StatusCode, Json<Written<T>>) {
    (StatusCode::CREATED, Json(written))
}

/// Sets the profile's fields that are given; the others stay as they are.
#[utoipa::path(put, path = "/profile", tag = "profile", request_body = ProfileChanges,
    responses((status = 200, body = Written<Profile>), (status = 422, body = ApiErrorBody)))]
pub async fn set_profile(
    State(state): State<AppState>,
    ApiJson(changes): ApiJson<ProfileChanges>,
) -> Answer<Profile> {
    let profile = state
        .engines
        .run(move |app| Ok(app.update_profile(changes)?))
        .await?;
    Ok(Json(Written::quiet(profile)))
}

/// A skill with its evidence: added, or replaced if one of that name exists.
#[utoipa::path(post, path = "/profile/skills", tag = "profile", request_body = Skill,
    responses((status = 200, body = Written<Profile>), (status = 422, body = ApiErrorBody)))]
pub async fn add_skill(
    State(state): State<AppState>,
    ApiJson(skill): ApiJson<Skill>,
) -> Answer<Profile> {
    let profile = state
        .engines
        .run(move |app| {
            app.save_skill(skill)?;
            Ok(app.profile()?.unwrap_or_default())
        })
        .await?;
    Ok(Json(Written::quiet(profile)))
}

/// A skill taken off the profile.
#[utoipa::path(delete, path = "/profile/skills/{name}", tag = "profile",
    responses((status = 200, body = Written<Profile>), (status = 404, body = ApiErrorBody)))]
pub async fn remove_skill(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Answer<Profile> {
    let profile = state
        .engines
        .run(move |app| {
            app.remove_skill(&name)?;
            Ok(app.profile()?.unwrap_or_default())
        })
        .await?;
    Ok(Json(Written::quiet(profile)))
}

/// A new application (`company` and `role` needed; status "applied" unless given).
#[utoipa::path(post, path = "/applications", tag = "applications",
    request_body = ApplicationChanges,
    responses((status = 201, body = Written<Application>), (status = 422, body = ApiErrorBody)))]
pub async fn add_application(
    State(state): State<AppState>,
    ApiJson(changes): ApiJson<ApplicationChanges>,
) -> Created<Application> {
    let added = state
        .engines
        .run(move |app| Ok(app.add_application_with(changes)?))
        .await?;
    Ok(created(Written::quiet(added)))
}

/// Changes the fields given (an empty `applied_on` clears the date).
#[utoipa::path(patch, path = "/applications/{id}", tag = "applications",
    request_body = ApplicationChanges,
    responses((status = 200, body = Written<Application>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn change_application(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(changes): ApiJson<ApplicationChanges>,
) -> Answer<Application> {
    let changed = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.change_application(&id, changes)?)
        })
        .await?;
    Ok(Json(Written::quiet(changed)))
}

/// A person typed in (`name` needed).
#[utoipa::path(post, path = "/contacts", tag = "contacts", request_body = ContactChanges,
    responses((status = 201, body = Written<Contact>), (status = 422, body = ApiErrorBody)))]
pub async fn add_contact(
    State(state): State<AppState>,
    ApiJson(changes): ApiJson<ContactChanges>,
) -> Created<Contact> {
    let added = state
        .engines
        .run(move |app| Ok(app.add_contact_with(changes)?))
        .await?;
    Ok(created(Written::quiet(added)))
}

/// Changes the fields given (`emails` and `phones`, when given, replace the lists).
#[utoipa::path(patch, path = "/contacts/{id}", tag = "contacts", request_body = ContactChanges,
    responses((status = 200, body = Written<Contact>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn change_contact(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(changes): ApiJson<ContactChanges>,
) -> Answer<Contact> {
    let changed = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.change_contact(&id, changes)?)
        })
        .await?;
    Ok(Json(Written::quiet(changed)))
}

/// What a card import did.
#[derive(Serialize, ToSchema)]
pub struct ImportedContacts {
    pub imported: usize,
    pub updated: usize,
    pub created_ids: Vec<String>,
    pub updated_ids: Vec<String>,
}

/// A `.vcf` file as the body (`text/vcard`): every card is read and checked first, then
/// all are imported or none. A card matching a contact (UID, else email) updates it.
#[utoipa::path(post, path = "/contacts/import", tag = "contacts",
    request_body(content = String, content_type = "text/vcard"),
    responses((status = 200, body = Written<ImportedContacts>), (status = 422, body = ApiErrorBody)))]
pub async fn import_contacts(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> Answer<ImportedContacts> {
    let cards = crate::pages::interviews::read_cards("the body", &body)?;
    let done = state
        .engines
        .run(move |app| Ok(app.import_contacts(cards)?))
        .await?;
    Ok(Json(Written::quiet(ImportedContacts {
        imported: done.imported,
        updated: done.updated,
        created_ids: done.created_ids,
        updated_ids: done.updated_ids,
    })))
}

/// A new interview (`application_id` and `at` needed; `at` is a local time read in
/// `time_zone`, the profile's zone when absent). Its plan is made at once.
#[utoipa::path(post, path = "/interviews", tag = "interviews", request_body = NewInterview,
    responses((status = 201, body = Written<Interview>), (status = 422, body = ApiErrorBody)))]
pub async fn add_interview(
    State(state): State<AppState>,
    ApiJson(mut new): ApiJson<NewInterview>,
) -> Created<Interview> {
    let added = state
        .engines
        .run(move |app| {
            new.application_id = app.full_id(&new.application_id)?;
            for id in &mut new.interviewer_ids {
                *id = app.full_id(id)?;
            }
            Ok(app.add_interview(new)?)
        })
        .await?;
    Ok(created(Written::quiet(added)))
}

/// Moves an interview or changes its panel; its plan follows.
#[utoipa::path(patch, path = "/interviews/{id}", tag = "interviews",
    request_body = InterviewChanges,
    responses((status = 200, body = Written<Interview>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn change_interview(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(changes): ApiJson<InterviewChanges>,
) -> Answer<Interview> {
    let changed = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.change_interview(&id, changes)?)
        })
        .await?;
    Ok(Json(Written::quiet(changed)))
}

/// What to remember: private notes and points to clarify (never sent), and what the
/// drafts may mention or offer to say more about.
#[utoipa::path(post, path = "/interviews/{id}/notes", tag = "interviews",
    request_body = InterviewNote,
    responses((status = 200, body = Written<Interview>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn note_interview(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(note): ApiJson<InterviewNote>,
) -> Answer<Interview> {
    let noted = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.note_interview(&id, note)?)
        })
        .await?;
    Ok(Json(Written::quiet(noted.interview)))
}

/// A person typed in joins the panel (made a contact in the same transaction).
#[utoipa::path(post, path = "/interviews/{id}/panel", tag = "interviews",
    request_body = ContactChanges,
    responses((status = 200, body = Written<Interview>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn join_panel(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(person): ApiJson<ContactChanges>,
) -> Answer<Interview> {
    let interview = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.add_to_panel(&id, Joining::Person(Box::new(person)))?)
        })
        .await?;
    Ok(Json(Written::quiet(interview)))
}

/// What to draft for an interview.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftAsk {
    /// thank-you, query, feedback, script or voicemail.
    kind: String,
    /// email or letter (thank-you notes only).
    #[serde(default)]
    channel: Option<String>,
    /// To this interviewer instead of the lead.
    #[serde(default)]
    to: Option<String>,
    /// One note per interviewer.
    #[serde(default)]
    each: bool,
    /// The skills to name instead of the two best matched.
    #[serde(default)]
    skills: Vec<String>,
}

/// Drafts a message from the interview, the application and your profile; each comes
/// back checked, with where every sentence came from. Nothing is sent.
#[utoipa::path(post, path = "/interviews/{id}/drafts", tag = "drafts", request_body = DraftAsk,
    responses((status = 201, body = Written<Vec<DraftView>>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn compose(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(ask): ApiJson<DraftAsk>,
) -> Created<Vec<DraftView>> {
    let kind = DraftKind::from(ask.kind.as_str());
    if !kind.is_known() {
        return Err(WebError::bad_request(
            "kind",
            format!(
                "no kind of draft '{}'; use one of {}",
                ask.kind,
                DraftKind::KNOWN.join(", ")
            ),
        )
        .into());
    }
    let done = state
        .engines
        .run(move |app| {
            let interview_id = app.full_id(&id)?;
            let to = ask.to.map(|t| app.full_id(&t)).transpose()?;
            Ok(app.compose(DraftRequest {
                interview_id,
                kind,
                channel: ask.channel,
                to,
                each: ask.each,
                skills: ask.skills,
            })?)
        })
        .await?;
    Ok(created(Written::from(done)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftText {
    /// The whole text: a `Subject:` line first for an email, then the body.
    text: String,
}

/// Replaces a draft's text; it is checked again, and an approval is cleared if the text
/// changed.
#[utoipa::path(put, path = "/drafts/{id}", tag = "drafts", request_body = DraftText,
    responses((status = 200, body = Written<DraftView>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn edit_draft(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DraftText>,
) -> Answer<DraftView> {
    let view = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.edit_draft(&id, &body.text)?)
        })
        .await?;
    Ok(Json(Written::quiet(view)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The exact text you read (as `GET /drafts/{id}` gave it, subject line first): the
    /// approval is of this text, and refused if the draft now says something else.
    text: String,
    /// Why to approve despite error findings (needed only then).
    #[serde(default, rename = "override")]
    override_reason: Option<String>,
}

/// Approves the exact text given for sending.
#[utoipa::path(post, path = "/drafts/{id}/approve", tag = "drafts", request_body = Approval,
    responses((status = 200, body = Written<DraftView>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Approval>,
) -> Answer<DraftView> {
    let view = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.approve(&id, &body.text, body.override_reason.as_deref())?)
        })
        .await?;
    Ok(Json(Written::quiet(view)))
}

/// A message the mail server accepted.
#[derive(Serialize, ToSchema)]
pub struct SentMessage {
    pub draft_id: String,
    /// What the server said.
    pub reply: String,
    pub outbox: OutboxEntry,
}

impl From<Sent> for SentMessage {
    fn from(s: Sent) -> SentMessage {
        SentMessage {
            draft_id: s.draft_id,
            reply: s.reply,
            outbox: s.entry,
        }
    }
}

/// Sends an approved email draft through your mail server, exactly once: a second send,
/// at the same time or later, is refused.
#[utoipa::path(post, path = "/drafts/{id}/send", tag = "drafts",
    responses((status = 200, body = Written<SentMessage>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 502, body = ApiErrorBody)))]
pub async fn send(State(state): State<AppState>, Path(id): Path<String>) -> Answer<SentMessage> {
    let done = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.send(&id)?)
        })
        .await?;
    Ok(Json(Written::from(done).map(SentMessage::from)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Settle {
    /// `sent` (it arrived) or `resend` (it did not: send it again now).
    outcome: String,
}

/// Settles a message whose last attempt may have reached the server.
#[utoipa::path(post, path = "/drafts/{id}/resolve", tag = "drafts", request_body = Settle,
    responses((status = 200, body = Written<Option<SentMessage>>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn resolve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Settle>,
) -> Answer<Option<SentMessage>> {
    let resolution = match body.outcome.as_str() {
        "sent" => Resolution::Sent,
        "resend" => Resolution::Resend,
        other => {
            return Err(WebError::bad_request(
                "outcome",
                format!("'{other}' is neither sent nor resend"),
            )
            .into());
        }
    };
    let done = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.resolve(&id, resolution)?)
        })
        .await?;
    Ok(Json(Written::from(done).map(|s| s.map(SentMessage::from))))
}

/// A call as you report it.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CallReport {
    interview_id: String,
    /// reached, unavailable, voicemail or no-answer.
    outcome: String,
    /// A time they agreed for another call, read in their zone unless `callback_tz`.
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

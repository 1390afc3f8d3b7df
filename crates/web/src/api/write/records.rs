//! Profile, skills, applications, contacts (one or a vCard file of them) and
//! interviews (their notes and panels): adding and changing them.

use super::*;

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
    Ok(created(status_written(added)))
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
    Ok(Json(status_written(changed)))
}

/// An application written, with the warning a status Followup does not know earns.
fn status_written(app: Application) -> Written<Application> {
    let warnings = followup_app::Warning::own_status(&app.status)
        .map(|w| w.to_string())
        .into_iter()
        .collect();
    Written {
        result: app,
        warnings,
    }
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
            let added = app.add_interview(new)?;
            let hour = crate::pages::interviews::panel::their_hour(app, &added)?;
            Ok((added, hour))
        })
        .await?;
    Ok(created(Written {
        result: added.0,
        warnings: added.1.into_iter().collect(),
    }))
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
    // What was read from their timeline, as the page says it.
    let warnings = noted
        .timeline
        .as_ref()
        .map(crate::pages::interviews::notes::timeline_said)
        .unwrap_or_default();
    Ok(Json(Written {
        result: noted.interview,
        warnings,
    }))
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
            let interview = app.add_to_panel(&id, Joining::Person(Box::new(person)))?;
            let hour = crate::pages::interviews::panel::their_hour(app, &interview)?;
            Ok((interview, hour))
        })
        .await?;
    Ok(Json(Written {
        result: interview.0,
        warnings: interview.1.into_iter().collect(),
    }))
}

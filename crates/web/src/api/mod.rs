//! The JSON API, `/api/v1`: everything the pages read and change, for scripts and other
//! front ends, in the shapes and field names of the CLI's `--json` output. Its
//! description (OpenAPI 3.1, `/api/v1/openapi.json`) is generated from these handlers and
//! the Rust types they carry (utoipa), so it cannot drift from them. Errors are
//! `{"error": …, "field": …}` with the status.
//!
//! A request that changes something passes the same guard as a form: the `followup_csrf`
//! cookie (any `GET` sets it) with the same value in an `X-CSRF-Token` header, and the
//! login's session beyond loopback.

mod read;
mod settings;
mod write;

use crate::AppState;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use followup_app::{Done, Warning};
use serde::Serialize;
use std::sync::OnceLock;
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agenda", get(read::agenda))
        .route("/profile", get(read::profile).put(write::set_profile))
        .route("/profile/skills", post(write::add_skill))
        .route(
            "/profile/skills/{name}",
            axum::routing::delete(write::remove_skill),
        )
        .route(
            "/applications",
            get(read::applications).post(write::add_application),
        )
        .route(
            "/applications/{id}",
            get(read::application).patch(write::change_application),
        )
        .route("/contacts", get(read::contacts).post(write::add_contact))
        .route("/contacts/import", post(write::import_contacts))
        .route(
            "/contacts/{id}",
            get(read::contact).patch(write::change_contact),
        )
        .route("/interviews", post(write::add_interview))
        .route(
            "/interviews/{id}",
            get(read::interview).patch(write::change_interview),
        )
        .route("/interviews/{id}/plan", get(read::plan))
        .route("/interviews/{id}/notes", post(write::note_interview))
        .route("/interviews/{id}/panel", post(write::join_panel))
        .route("/interviews/{id}/drafts", post(write::compose))
        .route("/drafts/{id}", get(read::draft).put(write::edit_draft))
        .route("/drafts/{id}/approve", post(write::approve))
        .route("/drafts/{id}/send", post(write::send))
        .route("/drafts/{id}/resolve", post(write::resolve))
        .route("/calls", post(write::log_call))
        .route("/steps/{id}/{action}", post(write::act_on_step))
        .route("/settings", get(read::settings))
        .route("/settings/{name}", put(write::set_setting))
        .route("/holidays", post(write::add_holiday))
        .route("/holidays/import", post(settings::import_holidays))
        .route("/templates", get(settings::templates))
        .route("/templates/{name}", put(settings::save_template))
        .route("/mail/test", post(settings::mail_test))
        .route("/backup", get(read::backup))
        .route("/restore", post(write::restore))
        .route("/undo", post(write::undo))
        .route("/calendar/token", post(write::new_feed_token))
        .route("/check", post(read::check))
        .route("/openapi.json", get(openapi))
}

/// The API described, generated from the handlers' annotations and the types.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Followup",
        description = "After the interview: capture the interviewers, send the thank-you, make the follow-up call. Requests that change something carry the `followup_csrf` cookie and the same value in `X-CSRF-Token`.",
    ),
    servers((url = "/api/v1")),
    paths(
        read::agenda, read::profile, read::applications, read::application, read::contacts,
        read::contact, read::interview, read::plan, read::draft, read::settings, read::backup,
        read::check,
        write::set_profile, write::add_skill, write::remove_skill, write::add_application,
        write::change_application, write::add_contact, write::change_contact,
        write::import_contacts, write::add_interview, write::change_interview,
        write::note_interview, write::join_panel, write::compose, write::edit_draft,
        write::approve, write::send, write::resolve, write::log_call, write::act_on_step,
        write::set_setting, write::add_holiday, write::restore, write::undo,
        write::new_feed_token, settings::templates, settings::save_template,
        settings::mail_test, settings::import_holidays,
    ),
    tags(
        (name = "plan", description = "What is due, when and why"),
        (name = "profile"), (name = "applications"), (name = "contacts"),
        (name = "interviews"), (name = "drafts"), (name = "settings"), (name = "backup"),
    )
)]
pub struct ApiDoc;

/// The document, made once.
pub fn openapi_json() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = ApiDoc::openapi();
        // OpenAPI 3.1 requires every response to say what it is.
        for item in doc.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                for (status, response) in operation.responses.responses.iter_mut() {
                    if let utoipa::openapi::RefOr::T(response) = response
                        && response.description.is_empty()
                    {
                        response.description = meaning(status).to_string();
                    }
                }
            }
        }
        doc.to_pretty_json()
            .expect("the API description serialises")
    })
}

/// What a status means in this API.
fn meaning(status: &str) -> &'static str {
    match status {
        "200" => "Done: the answer",
        "201" => "Made: what was written",
        "400" => "The body is not JSON (the message says where)",
        "404" => "No such record (or address)",
        "409" => "Refused as things stand (approve first, sent already, text changed)",
        "422" => "A value is wrong: the message says which field and why",
        "502" => "The mail server refused or could not be reached",
        _ => "See the message",
    }
}

async fn openapi() -> Response {
    json_body(openapi_json())
}

fn json_body(body: &str) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.to_string(),
    )
        .into_response()
}

/// What every API error looks like.
#[derive(Serialize, ToSchema)]
pub struct ApiErrorBody {
    /// What was wrong, in words.
    pub error: String,
    /// The body field it is about, when there is one.
    pub field: Option<String>,
}

/// What a write answers: what it wrote, and what to know about it.
#[derive(Serialize, ToSchema)]
pub struct Written<T> {
    pub result: T,
    /// What the CLI prints as warnings: a cadence broken, two panel notes alike, a
    /// backup's settings left unapplied; and what was read from their timeline.
    pub warnings: Vec<String>,
}

impl<T> Written<T> {
    fn quiet(result: T) -> Written<T> {
        Written {
            result,
            warnings: Vec::new(),
        }
    }

    fn map<U>(self, f: impl FnOnce(T) -> U) -> Written<U> {
        Written {
            result: f(self.result),
            warnings: self.warnings,
        }
    }
}

impl<T> From<Done<T>> for Written<T> {
    fn from(done: Done<T>) -> Written<T> {
        Written {
            result: done.value,
            warnings: done.warnings.iter().map(Warning::to_string).collect(),
        }
    }
}

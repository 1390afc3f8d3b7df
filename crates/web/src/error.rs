//! Errors as the browser sees them: a status and a message in the user's words, with the
//! form field it is about. Handlers return [`WebError`]; pages render it as an HTML page,
//! the JSON API as `{"error": …, "field": …}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use followup_app::AppError;
use followup_core::outbox::SendRefused;
use followup_store::StoreError;

/// What went wrong, for a person.
#[derive(Debug, Clone)]
pub struct WebError {
    pub status: StatusCode,
    pub message: String,
    /// The form field the message is about, when there is one.
    pub field: Option<String>,
}

impl WebError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> WebError {
        WebError {
            status,
            message: message.into(),
            field: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> WebError {
        WebError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    pub fn not_found(message: impl Into<String>) -> WebError {
        WebError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn bad_request(field: &str, message: impl Into<String>) -> WebError {
        WebError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: message.into(),
            field: Some(field.to_string()),
        }
    }

    /// Not logged in: the login page, then back to `path`.
    pub fn login_needed(path: &str) -> WebError {
        WebError {
            status: StatusCode::SEE_OTHER,
            message: format!("/login?next={}", crate::pages::percent_encode(path)),
            field: None,
        }
    }

    /// A message about a form field, to show beside it.
    pub fn is_about_a_field(&self) -> bool {
        self.field.is_some()
    }
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> WebError {
        let status = match &e {
            AppError::Store(StoreError::NotFound { .. }) => StatusCode::NOT_FOUND,
            AppError::Store(StoreError::Ambiguous { .. }) => StatusCode::NOT_FOUND,
            AppError::Store(StoreError::Conflict(_)) => StatusCode::CONFLICT,
            AppError::Store(_) | AppError::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Mail(_) | AppError::NotDelivered { .. } => StatusCode::BAD_GATEWAY,
            AppError::DeliveryUnknown { .. } => StatusCode::BAD_GATEWAY,
            _ => StatusCode::CONFLICT,
        };
        let (message, field) = match &e {
            AppError::Invalid(v) => (v.problem.clone(), Some(v.field.clone())),
            AppError::SendRefused(
                SendRefused::NotApproved { .. } | SendRefused::ChangedAfterApproval { .. },
            ) => (format!("{e}: approve the text first"), None),
            AppError::SendRefused(SendRefused::MayHaveArrived { .. }) => (
                format!(
                    "{e}: look in your Sent folder or ask them, then mark it sent or send it again"
                ),
                None,
            ),
            AppError::NeedsOverride { .. } => (
                format!("{e}: fix them, or give a reason to approve anyway"),
                Some("override".to_string()),
            ),
            AppError::Store(StoreError::Database(_)) => (
                "the database could not be written; try again".to_string(),
                None,
            ),
            _ => (e.to_string(), None),
        };
        WebError {
            status,
            message,
            field,
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if self.status == StatusCode::SEE_OTHER {
            return crate::pages::redirect(&self.message, &[]);
        }
        let html = crate::render::error_page(&self);
        (self.status, html).into_response()
    }
}

/// The same error for the JSON API.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> ApiError {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.0.message, "field": self.0.field });
        (self.0.status, axum::Json(body)).into_response()
    }
}

/// A JSON request body for the API: a body that is not JSON, or not of the expected shape,
/// is answered as every other API error is (`{"error": …}`, 400 or 422), saying what was
/// wrong and where (serde's line and column), instead of axum's plain-text rejection.
pub struct ApiJson<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(ApiError(WebError::new(
                rejection.status(),
                rejection.body_text(),
            ))),
        }
    }
}

/// The query string of an API request: one that does not parse (`?limit=abc`, a number
/// out of range) is answered as every other API error is (`{"error": …, "field": …}`,
/// 400, the parameter named), instead of axum's plain-text rejection.
pub struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(rejection) => {
                // serde_urlencoded says "PARAM: problem" after axum's preamble.
                let text = rejection.body_text();
                let detail = text
                    .strip_prefix("Failed to deserialize query string: ")
                    .unwrap_or(&text);
                let field = detail
                    .split_once(": ")
                    .map(|(f, _)| f)
                    .filter(|f| f.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
                Err(ApiError(WebError {
                    status: StatusCode::BAD_REQUEST,
                    message: format!("the query string: {detail}"),
                    field: field.map(str::to_string),
                }))
            }
        }
    }
}

/// The query string of a page: one that does not parse (`/applications?status=…&page=x`)
/// is answered with the error page, saying which parameter and what was wrong, instead
/// of axum's plain-text rejection.
pub struct PageQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for PageQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, WebError> {
        match ApiQuery::<T>::from_request_parts(parts, state).await {
            Ok(ApiQuery(value)) => Ok(PageQuery(value)),
            Err(ApiError(e)) => Err(e),
        }
    }
}

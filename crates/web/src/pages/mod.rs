//! The pages: each handler reads the request, calls the engine once, and renders a
//! template. Forms post back and redirect (303) to the page that shows the result; a
//! form with a bad value is shown again with the message beside the field, nothing
//! saved. A short-lived cookie carries what to tell the user across the redirect.

pub mod applications;
pub mod calls;
pub mod contacts;
pub mod drafts;
pub mod holidays;
pub mod interviews;
pub mod profile;
pub mod settings;
pub mod templates;
pub mod today;

use crate::error::WebError;
use crate::guard::{CsrfToken, cookie};
use crate::render;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::Value;
use std::collections::BTreeMap;

const FLASH_COOKIE: &str = "followup_flash";

/// What every page needs from the request: the CSRF token its forms carry, and what the
/// last form's redirect asked to say.
pub struct Ctx {
    pub csrf: String,
    pub flash: Vec<String>,
    /// Logged in to a server that requires it (the pages offer "log out").
    pub logged_in: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Ctx, WebError> {
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        let flash = cookie(&parts.headers, FLASH_COOKIE)
            .map(|v| {
                percent_decode(&v)
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let logged_in = parts.extensions.get::<crate::guard::LoggedIn>().is_some();
        Ok(Ctx {
            csrf,
            flash,
            logged_in,
        })
    }
}

impl Ctx {
    /// Renders page `name` with `values` (plus the token and any message), status 200.
    pub fn show(&self, name: &str, values: Value) -> Result<Response, WebError> {
        self.show_with(StatusCode::OK, name, values)
    }

    pub fn show_with(
        &self,
        status: StatusCode,
        name: &str,
        values: Value,
    ) -> Result<Response, WebError> {
        let html = axum::response::Html(self.render(name, values)?);
        let mut response = (status, html).into_response();
        if !self.flash.is_empty() {
            response.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_static("followup_flash=; Path=/; Max-Age=0; SameSite=Strict"),
            );
        }
        Ok(response)
    }

    /// Page `name` as text, with the token and any message.
    pub fn render(&self, name: &str, values: Value) -> Result<String, WebError> {
        // A page with no form errors still has the (empty) lists its templates read.
        let none = crate::values! {
            errors => BTreeMap::<String, String>::new(),
            problems => Vec::<String>::new(),
        };
        let given = minijinja::context! {
            csrf => &self.csrf, flash => &self.flash, logged_in => self.logged_in, ..values
        };
        render::fragment(name, minijinja::context! { ..given, ..none })
    }

    /// The same request's context with the token left as a slot and no message: a page
    /// rendered with it can be kept and given to every browser.
    pub fn for_keeping(&self) -> Ctx {
        Ctx {
            csrf: crate::rendered::token_slot().to_string(),
            flash: Vec::new(),
            logged_in: self.logged_in,
        }
    }

    /// A kept page with this browser's token in its slots.
    pub fn fill(&self, page: &str) -> Response {
        axum::response::Html(page.replace(crate::rendered::token_slot(), &self.csrf))
            .into_response()
    }

    /// A form shown again after `error`, with the message beside its field (or at the
    /// top when it is about no one field), status 422.
    pub fn form_again(
        &self,
        name: &str,
        error: WebError,
        values: Value,
    ) -> Result<Response, WebError> {
        let status = if error.status.is_server_error() {
            error.status
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let render = |field: Option<&String>| {
            let mut errors = BTreeMap::new();
            let mut problems = Vec::new();
            match field {
                Some(field) => {
                    errors.insert(field.clone(), error.message.clone());
                }
                None => problems.push(error.message.clone()),
            }
            self.render(
                name,
                minijinja::context! {
                    errors => minijinja::Value::from(minijinja::value::Serde(&errors)),
                    problems => problems,
                    ..values.clone()
                },
            )
        };
        let mut html = render(error.field.as_ref())?;
        // A field the page has no place for (the engine named it differently): the
        // message goes at the top rather than nowhere.
        if let Some(field) = &error.field
            && !html.contains(&format!("id=\"e-{field}\""))
        {
            html = render(None)?;
        }
        let mut response = (status, axum::response::Html(html)).into_response();
        if !self.flash.is_empty() {
            response.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_static("followup_flash=; Path=/; Max-Age=0; SameSite=Strict"),
            );
        }
        Ok(response)
    }
}

/// A redirect (303, so the browser fetches with GET) that tells the next page `said`.
pub fn redirect(to: &str, said: &[String]) -> Response {
    let mut response = (
        StatusCode::SEE_OTHER,
        [(
            header::LOCATION,
            HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/")),
        )],
    )
        .into_response();
    if !said.is_empty() {
        let value = format!(
            "{FLASH_COOKIE}={}; Path=/; Max-Age=60; HttpOnly; SameSite=Strict",
            percent_encode(&said.join("\n"))
        );
        if let Ok(v) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}

pub fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    // A cookie holds about 4 KB: longer messages are cut, at a character boundary.
    for b in text.bytes().take(1200) {
        if b.is_ascii_alphanumeric() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A form value: `None` when left empty.
pub fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// A textarea of one item a line: the items, trimmed, empty lines dropped.
pub fn one_a_line(text: &Option<String>) -> Vec<String> {
    text.as_deref()
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The engine's warnings as lines to show.
pub fn said(warnings: &[followup_app::Warning]) -> Vec<String> {
    warnings.iter().map(|w| format!("Note: {w}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flash_survives_the_cookie() {
        let text = "Saved.\nNote: ünïcode; = and % too";
        assert_eq!(percent_decode(&percent_encode(text)), text);
    }
}

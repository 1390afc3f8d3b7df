//! The login a server bound beyond loopback requires: a password (checked by the engine
//! against its argon2 hash), then a session cookie (`HttpOnly; SameSite=Strict`, and
//! `Secure` behind a TLS proxy) that expires. Failed attempts slow every next attempt
//! down (exponential backoff from the fifth failure), so a password cannot be guessed at
//! network speed.

use crate::AppState;
use crate::error::{PageQuery, WebError};
use crate::pages::today::back_to;
use crate::pages::{Ctx, redirect};
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const SESSION_COOKIE: &str = "followup_session";
/// A session ends this long after the login, whatever happens in it.
const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 3600);
/// Failures allowed before each attempt must wait.
const FREE_FAILURES: u32 = 5;
const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);

/// Who may use the app: everyone on loopback, or only those logged in.
#[derive(Debug, Clone, Copy, Default)]
pub struct Access {
    /// Bound beyond loopback: every page but the login needs a session.
    pub login_required: bool,
    /// A TLS proxy is in front: cookies are marked `Secure`.
    pub behind_tls: bool,
}

/// The live sessions and the failed-attempt count, in memory (a restart logs everyone
/// out, which is the safe direction).
#[derive(Default)]
pub struct Sessions {
    live: Mutex<HashMap<String, Instant>>,
    failures: Mutex<(u32, Option<Instant>)>,
}

impl Sessions {
    pub fn is_live(&self, token: &str) -> bool {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        live.retain(|_, started| started.elapsed() < SESSION_LIFETIME);
        live.contains_key(token)
    }

    fn start(&self) -> Result<String, WebError> {
        let token = followup_app::random_token()?;
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(token.clone(), Instant::now());
        Ok(token)
    }

    fn end(&self, token: &str) {
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(token);
    }

    /// How long the next attempt must still wait.
    fn wait(&self) -> Option<Duration> {
        let (count, last) = *self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let last = last?;
        if count < FREE_FAILURES {
            return None;
        }
        let wait = Duration::from_secs(1u64 << (count - FREE_FAILURES).min(10)).min(LONGEST_WAIT);
        wait.checked_sub(last.elapsed())
    }

    fn failed(&self) {
        let mut f = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        *f = (f.0.saturating_add(1), Some(Instant::now()));
    }

    fn succeeded(&self) {
        *self.failures.lock().unwrap_or_else(|p| p.into_inner()) = (0, None);
    }
}

#[derive(Deserialize, Default)]
pub struct Next {
    next: Option<String>,
}

pub async fn page(PageQuery(q): PageQuery<Next>, ctx: Ctx) -> Result<Response, WebError> {
    ctx.show(
        "login.html",
        crate::values! { title => "Log in", nav => "", next => back_to(q.next.as_deref()) },
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    password: String,
    next: Option<String>,
}

pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let next = back_to(form.next.as_deref());
    let again = |e: WebError| {
        ctx.form_again(
            "login.html",
            e,
            crate::values! { title => "Log in", nav => "", next => &next },
        )
    };
    if let Some(wait) = state.sessions.wait() {
        let mut e = WebError::bad_request(
            "password",
            format!(
                "too many wrong passwords: try again in {} s",
                wait.as_secs().max(1)
            ),
        );
        e.status = StatusCode::TOO_MANY_REQUESTS;
        let mut response = again(e)?;
        *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        return Ok(response);
    }
    let password = form.password;
    let right = state
        .engines
        .run(move |app| Ok(app.check_login_password(&password)?))
        .await?;
    if !right {
        state.sessions.failed();
        return again(WebError::bad_request(
            "password",
            "that is not the password",
        ));
    }
    state.sessions.succeeded();
    let token = state.sessions.start()?;
    let mut response = redirect(&next, &[]);
    let secure = if state.access.behind_tls {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        SESSION_LIFETIME.as_secs()
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}

pub async fn logout(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    if let Some(token) = crate::guard::cookie(&headers, SESSION_COOKIE) {
        state.sessions.end(&token);
    }
    let mut response = redirect("/login", &["Logged out.".to_string()]);
    response.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_static("followup_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_past_the_free_ones_must_wait() {
        let s = Sessions::default();
        for _ in 0..FREE_FAILURES - 1 {
            s.failed();
        }
        assert!(s.wait().is_none());
        s.failed();
        assert!(s.wait().is_some_and(|w| w <= Duration::from_secs(1)));
        for _ in 0..20 {
            s.failed();
        }
        assert!(
            s.wait()
                .is_some_and(|w| w > Duration::from_secs(60) && w <= LONGEST_WAIT)
        );
        s.succeeded();
        assert!(s.wait().is_none());
    }

    #[test]
    fn sessions_are_known_until_ended() {
        let s = Sessions::default();
        let t = s.start().unwrap();
        assert!(s.is_live(&t));
        assert!(!s.is_live("other"));
        s.end(&t);
        assert!(!s.is_live(&t));
    }
}

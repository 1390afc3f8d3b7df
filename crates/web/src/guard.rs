//! What every request passes through: the Host header checked against the address the
//! server answers on (a page on another site that rebinds its DNS name to 127.0.0.1 gets
//! nothing), a CSRF token on every request that changes something, a time limit, and the
//! headers that keep a page from running anything but our own script.
//!
//! The CSRF token is the double-submit kind: a random value in a `SameSite=Strict`,
//! `HttpOnly` cookie, which each page also carries (a hidden form field, the header htmx
//! sends); a state-changing request must bring both, equal. A page on another site can
//! neither read the value nor make the browser send the cookie.

use crate::error::WebError;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;

/// The cookie holding the browser's CSRF token.
pub const CSRF_COOKIE: &str = "followup_csrf";
/// The form field and header that bring it back.
pub const CSRF_FIELD: &str = "_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The largest request body read (a vCard, a backup, a job description).
pub const BODY_LIMIT: usize = 8 * 1024 * 1024;
/// A request still running after this is answered with 503.
const TIME_LIMIT: Duration = Duration::from_secs(60);

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The browser's token for this request, for pages to carry.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// What the guard knows: the names this server answers to, and who may use it.
pub struct Guard {
    pub hosts: Hosts,
    pub access: crate::login::Access,
    pub sessions: Arc<crate::login::Sessions>,
}

/// Set on a request that came with a live session (pages offer "log out").
#[derive(Debug, Clone, Copy)]
pub struct LoggedIn;

/// Which Host headers are this server.
#[derive(Debug, Clone)]
pub struct Hosts {
    allowed: Vec<String>,
}

impl Hosts {
    /// The names a browser on this machine uses for `addr`: the address itself, and for
    /// loopback `localhost` too. A server bound beyond loopback also answers to the
    /// names given (`extra`), e.g. the machine's name on the local network.
    pub fn for_addr(addr: std::net::SocketAddr, extra: &[String]) -> Hosts {
        let port = addr.port();
        let mut allowed = vec![match addr.ip() {
            std::net::IpAddr::V6(ip) => format!("[{ip}]:{port}"),
            ip => format!("{ip}:{port}"),
        }];
        if addr.ip().is_loopback() {
            allowed.push(format!("localhost:{port}"));
            allowed.push(format!("127.0.0.1:{port}"));
            allowed.push(format!("[::1]:{port}"));
        }
        allowed.extend(extra.iter().map(|h| h.to_ascii_lowercase()));
        Hosts { allowed }
    }

    fn allows(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        self.allowed.contains(&host)
    }
}

/// Host, CSRF, time limit and headers, around every handler.
pub async fn protect(State(guard): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    match check(&guard, req).await {
        Ok((req, token, fresh)) => {
            let mut response = match tokio::time::timeout(TIME_LIMIT, next.run(req)).await {
                Ok(r) => r,
                Err(_) => WebError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "that took too long; try again",
                )
                .into_response(),
            };
            if fresh {
                let cookie = format!(
                    "{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000"
                );
                if let Ok(v) = HeaderValue::from_str(&cookie) {
                    response.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            secure_headers(response.headers_mut());
            response
        }
        Err(e) => {
            let mut response = e.into_response();
            secure_headers(response.headers_mut());
            response
        }
    }
}

/// `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null`
/// with a form's POST, and the Origin check could not tell our forms from anyone's.
fn secure_headers(h: &mut HeaderMap) {
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
}

/// The request, the browser's token, and whether the token is new (to be set).
async fn check(guard: &Guard, req: Request) -> Result<(Request, String, bool), WebError> {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_string();
    let mut req = req;
    if guard.access.login_required {
        // Beyond loopback, the session is the check: a rebound name brings no cookie.
        let path = req.uri().path();
        let open = path == "/login" || path.starts_with("/assets/") || path == "/calendar.ics";
        let live = cookie(req.headers(), crate::login::SESSION_COOKIE)
            .is_some_and(|t| guard.sessions.is_live(&t));
        if live {
            req.extensions_mut().insert(LoggedIn);
        } else if !open {
            return Err(
                if *req.method() == Method::GET && !path.starts_with("/api/") {
                    WebError::login_needed(req.uri().path_and_query().map_or("/", |p| p.as_str()))
                } else {
                    WebError::new(StatusCode::UNAUTHORIZED, "log in first")
                },
            );
        }
    } else if !guard.hosts.allows(&host) {
        return Err(WebError::new(
            StatusCode::MISDIRECTED_REQUEST,
            format!("this server does not answer to the name '{host}'"),
        ));
    }
    let cookie = cookie(req.headers(), CSRF_COOKIE);
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe {
        let (token, fresh) = match cookie {
            Some(t) if t.len() == 64 => (t, false),
            _ => (followup_app::random_token()?, true),
        };
        req.extensions_mut().insert(CsrfToken(token.clone()));
        return Ok((req, token, fresh));
    }
    if let Some(origin) = req.headers().get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        let same = origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .is_some_and(|o| o.eq_ignore_ascii_case(&host));
        if !same {
            return Err(forbidden("the request came from another site"));
        }
    }
    let Some(expected) = cookie.filter(|t| t.len() == 64) else {
        return Err(forbidden(
            "this form has expired (no session cookie); reload the page and try again",
        ));
    };
    let (req, given) = token_given(req).await?;
    if !given.is_some_and(|g| same_bytes(g.as_bytes(), expected.as_bytes())) {
        return Err(forbidden(
            "this form has expired (its token does not match); reload the page and try again",
        ));
    }
    let mut req = req;
    req.extensions_mut().insert(CsrfToken(expected.clone()));
    Ok((req, expected, false))
}

fn forbidden(message: &str) -> WebError {
    WebError::new(StatusCode::FORBIDDEN, message)
}

/// The token a request brought: the header, the query string, or a field of an
/// urlencoded form (read, then put back for the handler).
async fn token_given(req: Request) -> Result<(Request, Option<String>), WebError> {
    if let Some(v) = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        let v = v.to_string();
        return Ok((req, Some(v)));
    }
    if let Some(v) = req
        .uri()
        .query()
        .and_then(|q| field(q.as_bytes(), CSRF_FIELD))
    {
        return Ok((req, Some(v)));
    }
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok((req, None));
    }
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, BODY_LIMIT).await.map_err(|_| {
        WebError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the form is larger than {} MB", BODY_LIMIT >> 20),
        )
    })?;
    let given = field(&bytes, CSRF_FIELD);
    Ok((Request::from_parts(parts, Body::from(bytes)), given))
}

/// One field of `a=1&b=2` (`application/x-www-form-urlencoded`, read by hand for the
/// one field; the handler's `Form` reads the rest).
fn field(query: &[u8], name: &str) -> Option<String> {
    query
        .split(|b| *b == b'&')
        .filter_map(|pair| {
            let mut it = pair.splitn(2, |b| *b == b'=');
            let key = decode(it.next()?);
            (key == name).then(|| decode(it.next().unwrap_or_default()))
        })
        .next()
}

/// Percent-decoding, `+` as a space; a `%` not followed by two hex digits stays as it is.
fn decode(s: &[u8]) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let hex = s
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (s[i], hex) {
            (b'+', _) => out.push(b' '),
            (b'%', Some(b)) => {
                out.push(b);
                i += 2;
            }
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A cookie's value from the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Equal, in a time that does not depend on where they differ (tokens).
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_are_decoded() {
        assert_eq!(
            field(b"a=1&_csrf=ab%20c+d", "_csrf").as_deref(),
            Some("ab c d")
        );
        assert_eq!(field(b"_csrf=%zz%4", "_csrf").as_deref(), Some("%zz%4"));
        assert_eq!(field(b"x=1", "_csrf"), None);
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same_bytes(b"abc", b"abc"));
        assert!(!same_bytes(b"abc", b"abd"));
        assert!(!same_bytes(b"abc", b"ab"));
    }

    #[test]
    fn loopback_answers_to_localhost_only() {
        let hosts = Hosts::for_addr("127.0.0.1:7878".parse().unwrap(), &[]);
        assert!(hosts.allows("localhost:7878"));
        assert!(hosts.allows("127.0.0.1:7878"));
        assert!(!hosts.allows("evil.example:7878"));
        assert!(!hosts.allows("localhost:80"));
    }

    /// A handler still running at the time limit is answered with 503 and a message, and
    /// the headers every answer carries; one inside it is answered as usual. Tokio's clock
    /// is paused, so the minute passes without anyone waiting for it.
    #[tokio::test(start_paused = true)]
    async fn a_request_past_the_time_limit_gets_503() {
        use axum::Router;
        use axum::routing::get;
        use tower::ServiceExt;

        let addr: std::net::SocketAddr = "127.0.0.1:7878".parse().unwrap();
        let guard = Arc::new(Guard {
            hosts: Hosts::for_addr(addr, &[]),
            access: crate::login::Access::default(),
            sessions: Arc::default(),
        });
        let app = Router::new()
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(TIME_LIMIT + Duration::from_secs(1)).await;
                    "finished"
                }),
            )
            .route(
                "/in-time",
                get(|| async {
                    tokio::time::sleep(TIME_LIMIT - Duration::from_secs(1)).await;
                    "finished"
                }),
            )
            .layer(axum::middleware::from_fn_with_state(guard, protect));
        let get = |path: &str| {
            Request::builder()
                .uri(path)
                .header(header::HOST, "127.0.0.1:7878")
                .body(Body::empty())
                .unwrap()
        };

        let started = tokio::time::Instant::now();
        let slow = app.clone().oneshot(get("/slow")).await.unwrap();
        assert_eq!(slow.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            started.elapsed(),
            TIME_LIMIT,
            "answered at the limit, not later"
        );
        assert!(slow.headers().contains_key(header::CONTENT_SECURITY_POLICY));
        let body = to_bytes(slow.into_body(), 1 << 16).await.unwrap();
        assert!(String::from_utf8_lossy(&body).contains("took too long"));

        let in_time = app.oneshot(get("/in-time")).await.unwrap();
        assert_eq!(in_time.status(), StatusCode::OK);
        let body = to_bytes(in_time.into_body(), 1 << 16).await.unwrap();
        assert_eq!(&body[..], b"finished");
    }
}

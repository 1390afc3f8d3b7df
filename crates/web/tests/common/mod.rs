//! A web app on a fresh SQLite database, driven through the router in-process (tower's
//! `oneshot`): what a browser sends — Host, the CSRF cookie and field — and what it gets.
#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use followup_app::{Clock, Followup, Options};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub const HOST: &str = "127.0.0.1:7878";
pub const TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

pub struct Web {
    pub router: Router,
    pub db: String,
    _dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> String {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }

    /// The id at the end of a redirect's path (`/drafts/ID` → `ID`).
    pub fn id(&self) -> String {
        let l = self.location();
        let path = l.split(['?', '#']).next().unwrap_or("");
        path.rsplit('/').next().unwrap_or("").to_string()
    }
}

/// Monday 1 March 2027, 09:00 in London.
pub fn now() -> jiff::Timestamp {
    "2027-03-01T09:00:00Z".parse().unwrap()
}

impl Web {
    pub fn new() -> Web {
        Web::with_access(followup_web::Access::default())
    }

    /// Served as `followup serve` does beyond loopback when `access.login_required`.
    pub fn with_access(access: followup_web::Access) -> Web {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("web.db").display().to_string();
        let target = db.clone();
        let options = Options {
            config_dir: Some(dir.path().join("config")),
            ..Options::default()
        };
        let engines = followup_web::Engines::new(2, move || {
            Ok(Followup::open(&target, options.clone())?.with_clock(Clock::fixed(now())))
        });
        Web {
            router: followup_web::router_with(engines, HOST.parse().unwrap(), &[], access),
            db,
            _dir: dir,
        }
    }

    /// The engine on the same database, to look at what the pages wrote.
    pub fn engine(&self) -> Followup {
        let options = Options {
            config_dir: Some(self._dir.path().join("config")),
            ..Options::default()
        };
        Followup::open(&self.db, options)
            .unwrap()
            .with_clock(Clock::fixed(now()))
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.get_with(path, "").await
    }

    /// A GET that also brings the cookies `more` (`name=value; …`).
    pub async fn get_with(&self, path: &str, more: &str) -> Reply {
        self.send(
            Request::get(path)
                .header(header::HOST, HOST)
                .header(header::COOKIE, format!("followup_csrf={TOKEN}; {more}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// A form post with the browser's token, as a page's form sends it.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut all = vec![("_csrf", TOKEN)];
        all.extend_from_slice(fields);
        self.post_raw(path, &all, Some(TOKEN)).await
    }

    /// A form post with the given fields and cookie token (or none).
    pub async fn post_raw(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> Reply {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        let mut request = Request::post(path)
            .header(header::HOST, HOST)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(token) = cookie {
            request = request.header(header::COOKIE, format!("followup_csrf={token}"));
        }
        self.send(request.body(Body::from(body.join("&"))).unwrap())
            .await
    }

    /// A file upload, the token in the query string as the page's form sends it.
    pub async fn upload(&self, path: &str, field: &str, name: &str, content: &[u8]) -> Reply {
        let boundary = "XyZboundary";
        let mut body = Vec::new();
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let sep = if path.contains('?') { '&' } else { '?' };
        self.send(
            Request::post(format!("{path}{sep}_csrf={TOKEN}"))
                .header(header::HOST, HOST)
                .header(header::COOKIE, format!("followup_csrf={TOKEN}"))
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    /// A profile, an application and an interview with one interviewer: the ids of the
    /// application and the interview.
    pub async fn interview(&self) -> (String, String) {
        let r = self
            .post(
                "/profile",
                &[
                    ("name", "Sam Carter"),
                    ("email", "sam@example.com"),
                    ("phone", "+44 7700 900123"),
                    ("locale", "en-GB"),
                    ("region", "gb-eng"),
                    ("tz", "Europe/London"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = self
            .post(
                "/applications",
                &[
                    ("company", "Acme"),
                    ("role", "Data Analyst"),
                    ("status", "interviewing"),
                    (
                        "job_description",
                        "Strong SQL and Python. Experiment design a plus.",
                    ),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let application = r.id();
        let r = self
            .post(
                "/interviews",
                &[
                    ("application", &application),
                    ("at", "2027-02-26T10:00"),
                    ("tz", "Europe/London"),
                    ("format", "video"),
                    ("duration", "45"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let interview = r.id();
        let r = self
            .post(
                &format!("/interviews/{interview}/people"),
                &[
                    ("name", "Priya Patel"),
                    ("position", "Head of Analytics"),
                    ("email", "priya@acme.example"),
                    ("phone", "+44 20 7946 0000"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        (application, interview)
    }
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

impl Web {
    /// A JSON API call as a script makes it: the CSRF cookie and header (what any GET
    /// gave it), a JSON body when there is one. Returns the status and the answer.
    pub async fn api(
        &self,
        method: &str,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (StatusCode, serde_json::Value) {
        let request = Request::builder()
            .method(method)
            .uri(format!("/api/v1{path}"))
            .header(header::HOST, HOST)
            .header(header::COOKIE, format!("followup_csrf={TOKEN}"))
            .header("x-csrf-token", TOKEN)
            .header(header::CONTENT_TYPE, "application/json");
        let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
        let reply = self.send(request.body(body).unwrap()).await;
        let value = serde_json::from_str(&reply.body)
            .unwrap_or_else(|e| panic!("{method} {path}: not JSON ({e}): {}", reply.body));
        (reply.status, value)
    }
}

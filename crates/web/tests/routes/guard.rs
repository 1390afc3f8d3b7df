//! The guard: Host and CSRF token, escaping of what users type, the feed token, the
//! login beyond loopback, and compression.

use crate::all;
use crate::common::{TOKEN, Web};
use axum::http::StatusCode;

#[tokio::test]
async fn a_request_without_the_token_or_from_another_name_changes_nothing() {
    let web = Web::new();
    web.interview().await;
    let count = || web.engine().applications(all()).unwrap().len();
    let before = count();
    let fields = [("company", "Evil"), ("role", "Phish")];
    // No cookie, no field.
    let r = web.post_raw("/applications", &fields, None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A cookie but no field (a cross-site form cannot read the cookie's value).
    let r = web.post_raw("/applications", &fields, Some(TOKEN)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A field that does not match the cookie.
    let wrong = "f".repeat(64);
    let mut with = vec![("_csrf", wrong.as_str())];
    with.extend_from_slice(&fields);
    let r = web.post_raw("/applications", &with, Some(TOKEN)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(count(), before);

    // DNS rebinding: another name for this address gets nothing.
    let r = web
        .send(
            axum::http::Request::get("/today")
                .header("host", "attacker.example:7878")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::MISDIRECTED_REQUEST);
    assert!(!r.body.contains("<h1>Today"));

    // Every page says what may run on it.
    let r = web.get("/today").await;
    let csp = r
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert_eq!(r.headers.get("x-content-type-options").unwrap(), "nosniff");
}

#[tokio::test]
async fn what_users_type_is_shown_as_text_never_as_markup() {
    let web = Web::new();
    let (_, interview) = web.interview().await;
    let hostile = [
        r#"<script>alert(1)</script>"#,
        r#""><img src=x onerror=alert(1)>"#,
    ];
    for h in hostile {
        let r = web
            .post(
                "/applications",
                &[("company", h), ("role", h), ("job_description", h)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let detail = web.get(&r.location()).await;
        let list = web.get("/applications").await;
        for page in [&detail.body, &list.body] {
            assert!(!page.contains("<script>alert"), "{page}");
            assert!(!page.contains("<img src=x"), "{page}");
        }
        let r = web
            .post(&format!("/interviews/{interview}/people"), &[("name", h)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = web
            .post(
                &format!("/interviews/{interview}/notes"),
                &[("mentions", h), ("notes", h)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = web.get(&format!("/interviews/{interview}")).await.body;
        assert!(
            !page.contains("<script>alert") && !page.contains("<img src=x"),
            "{page}"
        );
        let page = web.get("/contacts").await.body;
        assert!(
            !page.contains("<script>alert") && !page.contains("<img src=x"),
            "{page}"
        );
    }
}

#[tokio::test]
async fn the_calendar_feed_needs_its_token() {
    let web = Web::new();
    web.interview().await;
    let page = web.get("/calendar").await;
    assert_eq!(page.status, StatusCode::OK);
    let at = page.body.find("calendar.ics?token=").unwrap();
    let token: String = page.body[at + 19..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64);
    let r = web.get(&format!("/calendar.ics?token={token}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.starts_with("BEGIN:VCALENDAR"), "{}", r.body);
    assert!(r.body.contains("Priya Patel"));
    for wrong in [
        "",
        "?token=",
        "?token=abc",
        &format!("?token={}", "0".repeat(64)),
    ] {
        let r = web.get(&format!("/calendar.ics{wrong}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{wrong}");
    }
    // A new token retires the old one.
    web.post("/calendar/token", &[]).await;
    let r = web.get(&format!("/calendar.ics?token={token}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn beyond_loopback_every_page_needs_a_login_and_guessing_is_slowed() {
    let web = Web::with_access(followup_web::Access {
        login_required: true,
        behind_tls: true,
    });
    web.engine()
        .set_login_password("correct horse battery")
        .unwrap();
    let token = web.engine().calendar_token(false).unwrap();

    // Pages send you to the login, then back; the API says 401; the feed's token is its
    // own key.
    let r = web.get("/today").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/login?next=%2Ftoday");
    assert_eq!(
        web.get("/api/v1/agenda").await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = web
        .post("/applications", &[("company", "X"), ("role", "Y")])
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(web.engine().applications(all()).unwrap().is_empty());
    assert_eq!(web.get("/login").await.status, StatusCode::OK);
    assert_eq!(
        web.get(&format!("/calendar.ics?token={token}"))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(web.get("/assets/style.css").await.status, StatusCode::OK);

    // A wrong password is said beside the field; the right one starts a session whose
    // cookie is HttpOnly, SameSite=Strict and (behind TLS) Secure.
    let r = web
        .post("/login", &[("password", "wrong"), ("next", "/today")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-password""#), "{}", r.body);
    let r = web
        .post(
            "/login",
            &[
                ("password", "correct horse battery"),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/today", "never redirected off the site");
    let cookie = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("followup_session="))
        .expect("a session cookie");
    for flag in ["HttpOnly", "SameSite=Strict", "Secure"] {
        assert!(cookie.contains(flag), "{cookie}");
    }
    let session = cookie.split(';').next().unwrap().to_string();
    let r = web.get_with("/today", &session).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Log out"));
    assert_eq!(
        web.get_with("/api/v1/agenda", &session).await.status,
        StatusCode::OK
    );
    assert_eq!(
        web.get_with("/today", "followup_session=0000").await.status,
        StatusCode::SEE_OTHER,
        "a made-up session is no session"
    );

    // Five wrong passwords, then each attempt must wait — the right one too.
    for _ in 0..5 {
        let r = web.post("/login", &[("password", "guess")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = web
        .post("/login", &[("password", "correct horse battery")])
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert!(r.body.contains("try again in"), "{}", r.body);
}

#[tokio::test]
async fn htmx_goes_compressed_to_browsers_that_take_gzip() {
    let web = Web::new();
    let gz = web
        .send(
            axum::http::Request::get("/assets/htmx.js")
                .header("host", crate::common::HOST)
                .header("accept-encoding", "gzip, deflate, br")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(gz.status, StatusCode::OK);
    assert_eq!(gz.headers.get("content-encoding").unwrap(), "gzip");
    assert!(
        gz.headers
            .get("content-length")
            .unwrap()
            .to_str()
            .unwrap()
            .parse::<usize>()
            .unwrap()
            < 20_000
    );
    let plain = web.get("/assets/htmx.js").await;
    assert!(plain.headers.get("content-encoding").is_none());
    assert!(plain.body.starts_with("var htmx"));
}

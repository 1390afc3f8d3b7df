//! Every route through the router: the pages a user walks through, each error path (an
//! unknown id is a 404 page; a bad form value is the form again with the message beside
//! the field and nothing saved), and the guard (Host, CSRF, escaping, the feed token).

mod common;

use axum::http::StatusCode;
use common::{TOKEN, Web};
use followup_store::Page;

fn all() -> Page {
    Page {
        limit: None,
        offset: 0,
    }
}

#[tokio::test]
async fn first_run_leads_to_the_profile_and_a_bad_value_is_shown_beside_its_field() {
    let web = Web::new();
    let r = web.get("/").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/profile?first=1");
    let r = web.get("/profile?first=1").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Welcome to Followup"), "{}", r.body);

    let r = web
        .post(
            "/profile",
            &[("name", "Sam"), ("tz", "Mars/Olympus"), ("locale", "en-GB")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-tz""#), "{}", r.body);
    assert!(r.body.contains("unknown time zone"), "{}", r.body);
    // The form keeps what was typed.
    assert!(
        r.body.contains(r#"value="Mars&#x2f;Olympus""#),
        "{}",
        r.body
    );
    assert!(web.engine().profile().unwrap().is_none(), "nothing saved");

    let r = web
        .post("/profile", &[("name", "  "), ("tz", "Europe/London")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-name""#), "{}", r.body);
    assert!(web.engine().profile().unwrap().is_none(), "nothing saved");
}

#[tokio::test]
async fn the_journey_from_application_to_a_logged_call() {
    let web = Web::new();
    let (application, interview) = web.interview().await;

    let r = web.get("/applications").await;
    assert!(r.body.contains("Data Analyst"), "{}", r.body);
    let r = web.get("/applications?q=acme&status=interviewing").await;
    assert!(r.body.contains("Data Analyst"));
    let r = web.get("/applications?q=globex").await;
    assert!(r.body.contains("No application matches"));
    let r = web.get(&format!("/applications/{application}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(&format!("/interviews/{interview}")));

    // The interview page: the panel and the plan with its reasons.
    let r = web.get(&format!("/interviews/{interview}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Priya Patel"));
    assert!(r.body.contains("Send the thank-you note"), "{}", r.body);

    // Today lists what is due, in both times and with the reason.
    let r = web.get("/today").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body.contains("Follow-up call") || r.body.contains("thank-you"),
        "{}",
        r.body
    );

    // The thank-you draft, checked as typed, approved.
    let r = web
        .post(
            "/profile/skills",
            &[
                ("skill_name", "SQL"),
                ("evidence", "Built the reporting warehouse in SQL."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = web
        .post(
            &format!("/interviews/{interview}/drafts"),
            &[("kind", "thank-you")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let draft = r.id();
    let r = web.get(&format!("/drafts/{draft}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Priya"));
    // The skills it names, and why.
    assert!(
        r.body.contains("The skills this job asks for most"),
        "{}",
        r.body
    );
    assert!(r.body.contains("<strong>SQL</strong>"), "{}", r.body);
    let shown = web.engine().draft(&draft).unwrap().draft.full_text();
    let typed = format!("{shown}\nI really need this job.");
    let r = web
        .post(&format!("/drafts/{draft}/check"), &[("text", &typed)])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("I really need this job"), "{}", r.body);
    assert!(
        r.body.contains("data-apply"),
        "a suggestion to apply: {}",
        r.body
    );
    assert_eq!(
        web.engine().draft(&draft).unwrap().draft.full_text(),
        shown,
        "checking saves nothing"
    );
    // Approving with an error and no reason is refused beside the reason field.
    let r = web
        .post(&format!("/drafts/{draft}/approve"), &[("text", &typed)])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(r#"id="e-override""#), "{}", r.body);
    assert!(!web.engine().draft(&draft).unwrap().approved);
    // The text as shown (CR LF from the browser) is approved exactly.
    let r = web
        .post(
            &format!("/drafts/{draft}/approve"),
            &[("text", &shown.replace('\n', "\r\n"))],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let view = web.engine().draft(&draft).unwrap();
    assert!(view.approved);
    assert_eq!(view.draft.full_text(), shown);
    let r = web.get(&format!("/drafts/{draft}")).await;
    assert!(
        r.body.contains("This exact text is what will be sent"),
        "{}",
        r.body
    );

    // The call screen, then "they couldn't talk: call back at 14:30 their time".
    let r = web.get(&format!("/calls/new?interview={interview}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = web
        .post(
            &format!("/interviews/{interview}/drafts"),
            &[("kind", "script")],
        )
        .await;
    assert!(r.location().starts_with("/calls/new"), "{}", r.location());
    let r = web.get(&r.location()).await;
    assert!(r.body.contains("What to say"));
    assert!(
        r.body.contains("Priya"),
        "the script names them: {}",
        r.body
    );
    let r = web
        .post(
            "/calls",
            &[
                ("interview", &interview),
                ("outcome", "unavailable"),
                ("callback", "2027-03-02T14:30"),
                ("anyway", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let calls = web.engine().call_list(Some(&interview)).unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].call.outcome.to_string(), "unavailable");
    assert_eq!(
        calls[0].call.callback.unwrap().to_string(),
        "2027-03-02T14:30:00Z"
    );
}

#[tokio::test]
async fn bad_form_input_saves_nothing() {
    let web = Web::new();
    let (application, interview) = web.interview().await;
    let before = web.engine().applications(all()).unwrap().len();
    let r = web
        .post("/applications", &[("company", "Globex"), ("role", " ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-role""#), "{}", r.body);
    assert!(r.body.contains(r#"value="Globex""#));
    let r = web
        .post(
            "/applications",
            &[
                ("company", "Globex"),
                ("role", "Dev"),
                ("applied_on", "2027-02-30"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-applied_on""#), "{}", r.body);
    assert_eq!(web.engine().applications(all()).unwrap().len(), before);

    let r = web
        .post(
            "/interviews",
            &[
                ("application", &application),
                ("at", "2027-02-26T10:00"),
                ("duration", "0"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-duration""#), "{}", r.body);
    let r = web
        .post(
            "/interviews",
            &[("application", &application), ("at", "9999-12-30T10:00")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-at""#), "{}", r.body);
    assert_eq!(web.engine().interviews(all()).unwrap().len(), 1);

    let r = web
        .post(
            &format!("/interviews/{interview}/people"),
            &[("name", "Bob"), ("email", "bob@")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("class=\"message\""), "{}", r.body);
    assert_eq!(
        web.engine()
            .interview(&interview)
            .unwrap()
            .interviewer_ids
            .len(),
        1
    );

    let r = web
        .post(
            &format!("/interviews/{interview}/notes"),
            &[("decide_by", "2027-13-01")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-decide_by""#), "{}", r.body);

    let r = web.post("/calls", &[("interview", &interview)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("say how the call went"), "{}", r.body);
    let r = web
        .post(
            "/calls",
            &[
                ("interview", &interview),
                ("outcome", "unavailable"),
                ("callback", "tuesday-ish"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-callback""#), "{}", r.body);
    assert!(web.engine().call_list(Some(&interview)).unwrap().is_empty());

    let r = web
        .post(
            "/settings",
            &[("name", "plan.business-hours"), ("value", "all day")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("class=\"message\""), "{}", r.body);
    let r = web
        .post("/settings", &[("name", "plan.nonsense"), ("value", "1")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("class=\"problem\""), "{}", r.body);
    assert!(
        web.engine()
            .settings()
            .unwrap()
            .iter()
            .all(|s| s.source != "config")
    );
}

#[tokio::test]
async fn unknown_ids_and_addresses_are_404_pages() {
    let web = Web::new();
    web.interview().await;
    for path in [
        "/applications/app-nothere",
        "/interviews/int-nothere",
        "/drafts/drf-nothere",
        "/contacts/con-nothere",
        "/calls/new?interview=int-nothere",
        "/no/such/page",
        "/assets/nothing.js",
    ] {
        let r = web.get(path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}: {}", r.body);
    }
    let r = web.get("/api/v1/applications/app-nothere").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.starts_with("{\"error\""), "{}", r.body);
    let r = web.post("/steps/stp-nothere/done", &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = web.post("/steps/stp-nothere/dance", &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

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
async fn panel_cards_are_all_added_or_none() {
    let web = Web::new();
    let (_, interview) = web.interview().await;
    let good = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Wong\r\nTITLE:Analytics Lead\r\nEMAIL:lee@acme.example\r\nEND:VCARD\r\n";
    let bad =
        format!("{good}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nEMAIL:bad@\r\nEND:VCARD\r\n");
    let r = web
        .upload(
            &format!("/interviews/{interview}/cards"),
            "card",
            "scan.vcf",
            bad.as_bytes(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(r#"id="e-card""#), "{}", r.body);
    assert_eq!(
        web.engine()
            .interview(&interview)
            .unwrap()
            .interviewer_ids
            .len(),
        1
    );
    let r = web
        .upload(
            &format!("/interviews/{interview}/cards"),
            "card",
            "scan.vcf",
            b"\xff\xfe",
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = web
        .upload(
            &format!("/interviews/{interview}/cards"),
            "card",
            "scan.vcf",
            good.as_bytes(),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let panel = web.engine().interview(&interview).unwrap().interviewer_ids;
    assert_eq!(panel.len(), 2);
    let page = web.get(&format!("/interviews/{interview}")).await.body;
    assert!(page.contains("Lee Wong"));
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
async fn the_json_api_answers_with_the_clis_shapes() {
    let web = Web::new();
    let (application, interview) = web.interview().await;
    let r = web.get("/api/v1/agenda?days=14").await;
    assert_eq!(r.status, StatusCode::OK);
    let steps: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let steps = steps.as_array().unwrap();
    assert!(!steps.is_empty());
    for key in [
        "id",
        "kind",
        "start",
        "end",
        "their_zone",
        "your_zone",
        "due",
        "reason",
        "what",
    ] {
        assert!(steps[0].get(key).is_some(), "{key} in {}", steps[0]);
    }
    let r = web
        .get(&format!("/api/v1/applications/{application}"))
        .await;
    assert!(r.body.contains("\"company\":\"Acme\""), "{}", r.body);
    let r = web
        .get(&format!("/api/v1/interviews/{interview}/plan"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = web
        .send(
            axum::http::Request::post("/api/v1/check")
                .header("host", common::HOST)
                .header("cookie", format!("followup_csrf={TOKEN}"))
                .header("x-csrf-token", TOKEN)
                .header("content-type", "application/json")
                .body(axum::body::Body::from(
                    r#"{"text":"I really need this job."}"#,
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("\"level\":\"error\""), "{}", r.body);
}

/// A form or upload larger than the limit is refused before it is read, and nothing is
/// saved.
#[tokio::test]
async fn a_body_over_the_limit_is_refused_whole() {
    let web = Web::new();
    let huge = "x".repeat(9 << 20);
    let r = web
        .post("/applications", &[("company", &huge), ("role", "Dev")])
        .await;
    assert_eq!(
        r.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        &r.body[..200.min(r.body.len())]
    );
    let r = web
        .upload("/contacts/import", "file", "big.vcf", huge.as_bytes())
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(web.engine().applications(all()).unwrap().is_empty());
}

/// A body that is not the JSON the API expects is answered in the API's own shape,
/// saying what was wrong and where.
#[tokio::test]
async fn a_bad_api_body_is_a_json_error_that_says_where() {
    let web = Web::new();
    for (body, status, says) in [
        ("{\"text\": \"Thanks\",\n \"locale\": }", 400, "line 2"),
        ("{\"locale\": \"en-GB\"}", 422, "missing field `text`"),
        ("{\"txt\": \"Thanks\"}", 422, "unknown field `txt`"),
        (
            "{\"text\": \"Thanks\", \"locale\": \"fr-FR\"}",
            422,
            "en-GB or en-US",
        ),
    ] {
        let r = web
            .send(
                axum::http::Request::post("/api/v1/check")
                    .header("host", common::HOST)
                    .header("cookie", format!("followup_csrf={TOKEN}"))
                    .header("x-csrf-token", TOKEN)
                    .header("content-type", "application/json")
                    .body(axum::body::Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status.as_u16(), status, "{body}: {}", r.body);
        let answer: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let message = answer["error"].as_str().unwrap();
        assert!(message.contains(says), "{body}: {message}");
    }
}

#[tokio::test]
async fn backup_downloads_and_a_bad_restore_changes_nothing() {
    let web = Web::new();
    web.interview().await;
    let r = web.get("/backup.json").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Acme"));
    let backup = r.body.clone();
    let r = web
        .upload("/backup", "backup", "b.json", b"{\"not\": \"a backup\"}")
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(r#"id="e-backup""#), "{}", r.body);
    let r = web
        .upload("/backup", "backup", "b.json", backup.as_bytes())
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(web.engine().applications(all()).unwrap().len(), 1);
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
                .header("host", common::HOST)
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

#[tokio::test]
async fn today_follows_a_write_made_by_another_process_at_once() {
    let web = Web::new();
    let (_, interview) = web.interview().await;
    let first = web.get("/today").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first.body.contains("Send the thank-you note"),
        "{}",
        first.body
    );
    // Kept, the page still carries each browser's own token.
    assert!(first.body.contains(TOKEN));
    assert!(!first.body.contains("slot-"));
    let other = "a".repeat(64);
    let r = web
        .send(
            axum::http::Request::get("/today")
                .header("host", common::HOST)
                .header("cookie", format!("followup_csrf={other}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        r.body.contains(&other) && !r.body.contains(TOKEN),
        "{}",
        r.body
    );

    // The CLI (another engine on the same database) marks the thank-you done.
    let mut cli = web.engine();
    let step = cli
        .plan(&interview)
        .unwrap()
        .into_iter()
        .find(|s| s.kind == "thank-you")
        .unwrap();
    cli.act_on_step(
        &step.id,
        followup_app::StepAction::Done {
            posted: false,
            at: None,
        },
    )
    .unwrap();
    let after = web.get("/today").await;
    assert!(
        !after.body.contains("Send the thank-you note"),
        "{}",
        after.body
    );
    // And an undo there brings it back.
    cli.undo().unwrap();
    let undone = web.get("/today").await;
    assert!(
        undone.body.contains("Send the thank-you note"),
        "{}",
        undone.body
    );

    let r = web.get("/api/v1/agenda?days=30&limit=1").await;
    let steps: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert!(
        steps.as_array().unwrap().len() <= 3,
        "one a section: {}",
        r.body
    );
}

#[tokio::test]
async fn holidays_are_added_and_imported_from_the_settings_page() {
    let web = Web::new();
    web.interview().await;
    let r = web.get("/settings").await;
    assert!(r.body.contains("Add a day off"), "{}", r.body);
    let r = web
        .post(
            "/holidays",
            &[
                ("date", "2027-03-03"),
                ("region", "gb-eng"),
                ("name", "Company day"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let day = jiff::civil::date(2027, 3, 3);
    assert!(
        !web.engine()
            .working_days("gb-eng")
            .unwrap()
            .is_working_day(day)
    );

    let r = web
        .post("/holidays", &[("date", "2027-02-30"), ("region", "gb-eng")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-holiday_date""#), "{}", r.body);
    let r = web
        .post(
            "/holidays",
            &[("date", "2027-03-04"), ("region", "atlantis")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="e-holiday_region""#), "{}", r.body);
    assert!(
        web.engine()
            .working_days("gb-eng")
            .unwrap()
            .is_working_day(jiff::civil::date(2027, 3, 4))
    );

    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270305\r\nSUMMARY:Founders' day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let r = web
        .upload("/holidays/import", "holidays", "days.ics", ics.as_bytes())
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an .ics needs a region: {}",
        r.body
    );
    assert!(r.body.contains(r#"id="e-holiday_file""#), "{}", r.body);
    let r = web
        .upload(
            "/holidays/import",
            "holidays",
            "bad.json",
            b"{\"england-and-wales\": 3}",
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("nothing was imported"), "{}", r.body);
}

#[tokio::test]
async fn contacts_import_a_vcf_whole_or_not_at_all() {
    let web = Web::new();
    web.interview().await;
    let before = web.engine().contacts(all()).unwrap().len();
    let good =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Wong\r\nEMAIL:lee@acme.example\r\nEND:VCARD\r\n";
    let bad = format!("{good}BEGIN:VCARD\r\nVERSION:9.9\r\nFN:Broken\r\nEND:VCARD\r\n");
    let r = web
        .upload("/contacts/import", "card", "c.vcf", bad.as_bytes())
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(r#"id="e-card""#), "{}", r.body);
    assert_eq!(web.engine().contacts(all()).unwrap().len(), before);
    let r = web
        .upload("/contacts/import", "card", "c.vcf", good.as_bytes())
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(web.engine().contacts(all()).unwrap().len(), before + 1);
    // The same card again updates rather than duplicates.
    web.upload("/contacts/import", "card", "c.vcf", good.as_bytes())
        .await;
    assert_eq!(web.engine().contacts(all()).unwrap().len(), before + 1);
}

/// The OpenAPI document is held to the code: each of its schemas lists exactly the fields
/// a real response of that kind carries (optional ones may be absent), and every path
/// answers.
#[tokio::test]
async fn the_callback_picker_shows_the_time_in_your_zone() {
    let web = Web::new();
    let (_, interview) = web.interview().await;
    let r = web
        .get(&format!(
            "/calls/yours?interview={interview}&callback=2027-03-02T14%3A30"
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("That is Tue 2 Mar 14:30 your time (Europe/London)"),
        "{}",
        r.body
    );
    let r = web
        .get(&format!("/calls/yours?interview={interview}&callback=soon"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("your time"), "{}", r.body);
    assert!(!r.body.is_empty());
    let r = web
        .get("/calls/yours?interview=int-nothere&callback=2027-03-02T14%3A30")
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_remaining_routes_and_their_error_paths() {
    let web = Web::new();
    let (_, interview) = web.interview().await;
    let r = web
        .post(
            &format!("/interviews/{interview}/drafts"),
            &[("kind", "thank-you")],
        )
        .await;
    let draft = r.id();
    let r = web
        .post(
            &format!("/interviews/{interview}/drafts"),
            &[("kind", "sonnet")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);

    // Not approved: refused, nothing sent, the draft unchanged.
    let r = web.post(&format!("/drafts/{draft}/send"), &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(r.body.contains("approve"), "{}", r.body);
    let shown = web.engine().draft(&draft).unwrap().draft.full_text();
    let r = web
        .post(&format!("/drafts/{draft}/approve"), &[("text", &shown)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Approved, but no mail server: said so, and still approved, not sent.
    let r = web.post(&format!("/drafts/{draft}/send"), &[]).await;
    assert!(
        r.status.is_client_error() || r.status.is_server_error(),
        "{}",
        r.body
    );
    assert!(r.body.contains("mail server"), "{}", r.body);
    assert_eq!(
        web.engine().draft(&draft).unwrap().state.as_str(),
        "approved"
    );
    // Nothing to resolve; a resolution that is neither.
    let r = web
        .post(&format!("/drafts/{draft}/resolve"), &[("outcome", "sent")])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = web
        .post(&format!("/drafts/{draft}/resolve"), &[("outcome", "maybe")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    // An email is not a letter; its .eml downloads.
    let r = web.get(&format!("/drafts/{draft}/letter.pdf")).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = web.get(&format!("/drafts/{draft}/message.eml")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Subject:"), "{}", r.body);
    assert!(
        r.headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    // Saving an edit clears the approval.
    let r = web
        .post(
            &format!("/drafts/{draft}"),
            &[("text", &format!("{shown}\nP.S."))],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!web.engine().draft(&draft).unwrap().approved);

    // A letter renders as a PDF.
    let r = web
        .post(
            &format!("/interviews/{interview}/drafts"),
            &[("kind", "thank-you"), ("channel", "letter")],
        )
        .await;
    let letter = r.id();
    let r = web.get(&format!("/drafts/{letter}/letter.pdf")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.starts_with("%PDF-"));

    // Steps: move to a bad time is said beside the field; done moves the plan on.
    let step = web
        .engine()
        .plan(&interview)
        .unwrap()
        .into_iter()
        .find(|s| s.kind == "follow-up-call")
        .unwrap();
    let r = web
        .post(&format!("/steps/{}/move", step.id), &[("to", "someday")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = web.post(&format!("/steps/{}/move", step.id), &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = web
        .post(
            &format!("/steps/{}/skip", step.id),
            &[("back", "https://evil.example/")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/today", "never sent off the site");

    // A contact with a bad address: beside the field, nothing saved.
    let contact = web.engine().interview(&interview).unwrap().interviewer_ids[0].clone();
    let r = web
        .post(
            &format!("/contacts/{contact}"),
            &[("name", "Priya Patel"), ("emails", "not an address")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(r#"id="e-emails""#), "{}", r.body);
    assert_eq!(
        web.engine().contact(&contact).unwrap().emails[0].value,
        "priya@acme.example"
    );
    let r = web.get("/contacts.vcf").await;
    assert!(r.body.contains("BEGIN:VCARD") && r.body.contains("Priya"));

    // An application edited; the edit form; a bad status is kept as written.
    let app_id = web.engine().interview(&interview).unwrap().application_id;
    let r = web.get(&format!("/applications/{app_id}?edit=1")).await;
    assert!(r.body.contains("Edit the application"));
    let r = web
        .post(
            &format!("/applications/{app_id}"),
            &[("company", "Acme"), ("role", "Senior Data Analyst")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        web.engine().application(&app_id).unwrap().role,
        "Senior Data Analyst"
    );
    let r = web
        .post(
            &format!("/applications/{app_id}"),
            &[("company", ""), ("role", "X")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        web.engine().application(&app_id).unwrap().role,
        "Senior Data Analyst"
    );

    // Skills removed; the mail test without a server says why; the logout of no session.
    web.post(
        "/profile/skills",
        &[("skill_name", "SQL"), ("evidence", "x")],
    )
    .await;
    let r = web
        .post("/profile/skills/remove", &[("name", "Cobol")])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = web.post("/profile/skills/remove", &[("name", "SQL")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = web.post("/settings/mail-test", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = web.post("/logout", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn templates_are_edited_and_saved_only_if_they_render() {
    let web = Web::new();
    let r = web.get("/settings/templates").await;
    assert!(r.body.contains("thank-you-email"), "{}", r.body);
    assert!(!r.body.contains(">yours<"));
    let r = web.get("/settings/templates/thank-you-email").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Dear"), "{}", r.body);
    let r = web.get("/settings/templates/sonnet").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let r = web
        .post(
            "/settings/templates/thank-you-email",
            &[("text", "Dear {{ no_such_thing }}")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(r#"id="e-text""#), "{}", r.body);
    assert!(
        r.body.contains("no_such_thing"),
        "the text typed is kept: {}",
        r.body
    );
    let yours = |web: &Web| {
        web.engine()
            .templates()
            .list()
            .iter()
            .any(|t| t.name == "thank-you-email" && t.yours.is_some())
    };
    assert!(!yours(&web), "nothing saved");

    let built_in = followup_app::Templates::built_in("thank-you-email").unwrap();
    let mine = format!("{built_in}\n");
    let r = web
        .post("/settings/templates/thank-you-email", &[("text", &mine)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(yours(&web));
    let r = web.get("/settings/templates").await;
    assert!(r.body.contains(">yours<"), "{}", r.body);
}

#[tokio::test]
async fn a_person_is_added_from_the_contacts_page() {
    let web = Web::new();
    let r = web.get("/contacts").await;
    assert!(r.body.contains("Add a person"), "{}", r.body);
    let r = web
        .post(
            "/contacts",
            &[("name", "Ada Li"), ("emails", "not-an-address")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(r#"id="e-emails""#), "{}", r.body);
    assert!(
        r.body.contains("Ada Li"),
        "what was typed is kept: {}",
        r.body
    );
    assert!(web.engine().contacts(all()).unwrap().is_empty());
    let r = web
        .post(
            "/contacts",
            &[
                ("name", "Ada Li"),
                ("emails", "ada@example.com\r\nada@home.example"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let contacts = web.engine().contacts(all()).unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0].emails.len(), 2);
}

/// The call page reads the agreed time in the zone the engine saves it in: the lead
/// interviewer's when they have one, not the interview's.
#[tokio::test]
async fn the_callback_shown_is_the_callback_saved() {
    let web = Web::new();
    let (_, interview) = web.interview().await;
    let lead = web.engine().interview(&interview).unwrap().interviewer_ids[0].clone();
    let r = web
        .post(
            &format!("/contacts/{lead}"),
            &[
                ("name", "Priya Patel"),
                ("emails", "priya@acme.example"),
                ("tz", "America/New_York"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = web.get(&format!("/calls/new?interview={interview}")).await;
    assert!(
        page.body.contains("in their time (America&#x2f;New_York)"),
        "{}",
        page.body
    );
    let r = web
        .get(&format!(
            "/calls/yours?interview={interview}&callback=2027-03-02T14%3A30"
        ))
        .await;
    assert!(
        r.body.contains("That is Tue 2 Mar 19:30 your time"),
        "{}",
        r.body
    );
    let r = web
        .post(
            "/calls",
            &[
                ("interview", &interview),
                ("outcome", "unavailable"),
                ("callback", "2027-03-02T14:30"),
                ("anyway", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let call = &web.engine().call_list(Some(&interview)).unwrap()[0].call;
    assert_eq!(call.callback.unwrap().to_string(), "2027-03-02T19:30:00Z");
}

/// The interview page keeps what each panellist works on and their part; the thank-you
/// written to them refers to it, and a contact not on the panel is refused beside the form.
#[tokio::test]
async fn a_panellist_s_work_and_part_are_kept_and_reach_their_note() {
    let web = Web::new();
    let (_, interview) = web.interview().await;
    let priya = web.engine().interview(&interview).unwrap().interviewer_ids[0].clone();
    let r = web
        .post(
            &format!("/interviews/{interview}/panellists/{priya}"),
            &[
                ("works_on", "the churn dashboards"),
                ("part", "the SQL exercise"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = web.get(&format!("/interviews/{interview}")).await;
    assert!(page.body.contains("the churn dashboards"), "{}", page.body);
    assert!(page.body.contains("the SQL exercise"), "{}", page.body);
    let noted = web.engine().interview(&interview).unwrap();
    assert_eq!(noted.panellists.len(), 1);
    assert_eq!(noted.panellists[0].works_on, "the churn dashboards");

    let r = web
        .post(
            &format!("/interviews/{interview}/drafts"),
            &[("kind", "thank-you")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let draft = web.get(&r.location()).await;
    assert!(
        draft.body.contains("the churn dashboards"),
        "{}",
        draft.body
    );

    let r = web
        .post(
            &format!("/interviews/{interview}/panellists/con-nobody"),
            &[("works_on", "x")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("not on this interview"), "{}", r.body);
}

//! Each error path: an unknown id is a 404 page, a bad form value is the form again with
//! the message beside the field and nothing saved, a bad body is refused whole; and the
//! JSON API's shapes.

use crate::all;
use crate::common::{TOKEN, Web};
use axum::http::StatusCode;

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
    // The panel has a person, so adding another is folded away, but not while what was
    // typed there needs fixing.
    assert!(
        r.body.contains(r#"<details class="add-person" open>"#),
        "{}",
        r.body
    );
    let page = web.get(&format!("/interviews/{interview}")).await.body;
    assert!(page.contains(r#"<details class="add-person">"#), "{page}");
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
    // Their words are read from the interview's day (Fri 26 Feb 2027).
    let decide_by = || {
        web.engine()
            .interview(&interview)
            .unwrap()
            .decide_by
            .map(|d| d.to_string())
    };
    let r = web
        .post(
            &format!("/interviews/{interview}/notes"),
            &[("decide_by", "the week of the 8th")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(decide_by().as_deref(), Some("2027-03-12"));

    // When someone would start is no date to wait for: the date stays, and the flash
    // says why.
    let r = web
        .post(
            &format!("/interviews/{interview}/notes"),
            &[("timeline", "we'd like someone to start in June")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let flash: String = r
        .headers
        .get_all(axum::http::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(flash.contains("would%20start"), "{flash}");
    assert_eq!(
        decide_by().as_deref(),
        Some("2027-03-12"),
        "the start date is not waited for"
    );

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
    // A call logged as made before the interview: a slip of the date, shown by the field.
    let r = web
        .post(
            "/calls",
            &[
                ("interview", &interview),
                ("outcome", "reached"),
                ("at", "2020-01-07T10:00"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains(r#"id="e-at""#) && r.body.contains("is before the interview is over"),
        "{}",
        r.body
    );
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
    // A page's query string that does not parse is the error page, naming what is missing.
    for path in ["/calls/new", "/calls/yours"] {
        let r = web.get(path).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}: {}", r.body);
        assert!(
            r.body.contains("<html") && r.body.contains("interview"),
            "{path}: {}",
            r.body
        );
    }
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
                .header("host", crate::common::HOST)
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
                    .header("host", crate::common::HOST)
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

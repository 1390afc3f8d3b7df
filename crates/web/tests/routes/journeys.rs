//! The pages a user walks through, from the first run to a logged call, and the
//! forms of each record (panels, holidays, imports, templates, callbacks).

use crate::all;
use crate::common::{TOKEN, Web};
use axum::http::StatusCode;

#[tokio::test]
async fn first_run_leads_to_the_profile_and_a_bad_value_is_shown_beside_its_field() {
    let web = Web::new();
    let r = web.get("/").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/profile?first=1");
    let r = web.get("/profile?first=1").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Welcome to Followup"), "{}", r.body);
    // Your zone, left empty, is filled from the browser (assets/app.js)...
    assert!(r.body.contains(" data-detect-zone>"), "{}", r.body);

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
    // Friday's interview is over on Monday: held, though nobody marked it so.
    assert!(r.body.contains("· video · held ·"), "{}", r.body);

    // The interview page: the panel and the plan with its reasons.
    let r = web.get(&format!("/interviews/{interview}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Priya Patel"));
    assert!(r.body.contains(" · video · held"), "{}", r.body);
    assert!(r.body.contains("Send the thank-you note"), "{}", r.body);
    // ...an interviewer's is not: left empty, it is worked out from them or is the
    // interview's, never the browser's (yours).
    assert!(r.body.contains(r#"name="tz""#), "{}", r.body);
    assert!(!r.body.contains("data-detect-zone"), "{}", r.body);

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

    // The callback reaches them, and they give their date in words: the form takes them.
    let r = web
        .post(
            "/calls",
            &[
                ("interview", &interview),
                ("outcome", "reached"),
                ("at", "2027-03-02T14:35"),
                ("decide_by", "by the end of next week"),
                ("anyway", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let calls = web.engine().call_list(Some(&interview)).unwrap();
    let reached = calls
        .iter()
        .find(|c| c.call.outcome.to_string() == "reached")
        .expect("the reached call");
    assert_eq!(
        reached.call.decide_by.map(|d| d.to_string()).as_deref(),
        Some("2027-03-12"),
        "the Friday of the week after Tue 2 Mar"
    );
    // The call step it closed says when it was made, not only the window it had.
    let page = web.get(&format!("/interviews/{interview}")).await.body;
    assert!(page.contains(">done Tue 2 Mar "), "{page}");
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
                .header("host", crate::common::HOST)
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
    // The SMTP password is never stored, so the page offers no field to save it in: it
    // says where it comes from.
    let password = r.body.split(r#"id="smtp.password""#).nth(1).unwrap();
    let password = password.split("</li>").next().unwrap();
    assert!(!password.contains("<input id="), "{password}");
    assert!(
        password.contains("not set: give it in FOLLOWUP_SMTP_PASSWORD"),
        "{password}"
    );
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
    // The list says where each keeps their hours, and how Followup knows.
    let r = web
        .post(
            "/contacts",
            &[("name", "Sam Ortiz"), ("phones", "(415) 555-0134")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = web.get("/contacts").await;
    // (escaped as HTML: "America/Los_Angeles (their area code's)")
    assert!(
        r.body
            .contains("hours in America&#x2f;Los_Angeles (their area code&#x27;s)"),
        "{}",
        r.body
    );
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

/// A lead interviewer for whom the interview is another hour than the zone it was
/// entered in: the page says so, in case the time was meant as theirs.
#[tokio::test]
async fn a_lead_in_another_zone_is_told_the_interviews_hour_for_them() {
    let web = Web::new();
    let (_, interview) = web.interview().await;
    let flash = |r: &crate::common::Reply| -> String {
        r.headers
            .get_all(axum::http::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>()
            .join(";")
    };
    // A second round, entered at 04:30 London time.
    let application = web.engine().interview(&interview).unwrap().application_id;
    let r = web
        .post(
            "/interviews",
            &[
                ("application", &application),
                ("at", "2027-02-26T04:30"),
                ("tz", "Europe/London"),
                ("format", "video"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let second = r.id();
    let r = web
        .post(
            &format!("/interviews/{second}/people"),
            &[("name", "Ananya Rao"), ("phone", "+91 80 4116 7000")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let said = flash(&r);
    assert!(
        said.contains("Fri%2026%20Feb%2010%3A00%20IST") && said.contains("Asia%2FKolkata"),
        "{said}"
    );
    // The first interview's lead (Priya, +44: no zone of her own) keeps its zone, and a
    // second panellist does not change who leads: only the usual line.
    let r = web
        .post(
            &format!("/interviews/{interview}/people"),
            &[("name", "Tom Reed"), ("tz", "Europe/London")],
        )
        .await;
    assert!(!flash(&r).contains("lead%20interviewer"), "{}", flash(&r));
}

#[tokio::test]
async fn nothing_is_sent_before_the_interview_is_over() {
    let web = Web::new();
    let (_, interview) = web.interview().await;
    // Moved to Friday 5 March: on Monday 1 March it is still to come.
    web.engine()
        .change_interview(
            &interview,
            followup_app::InterviewChanges {
                at: Some("2027-03-05T10:00".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let r = web
        .post(
            &format!("/interviews/{interview}/drafts"),
            &[("kind", "thank-you")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let draft = r.id();
    let shown = web.engine().draft(&draft).unwrap().draft.full_text();
    let r = web
        .post(
            &format!("/drafts/{draft}/approve"),
            &[("text", &shown), ("override", "checked by hand")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // No button to send, and why.
    let r = web.get(&format!("/drafts/{draft}")).await;
    assert!(
        r.body
            .contains("It can be sent once the interview is over, from Fri 5 Mar 2027 10:45 GMT"),
        "{}",
        r.body
    );
    assert!(!r.body.contains(r#"id="send""#), "{}", r.body);
    // Posted anyway (a page left open), it is refused and nothing is queued.
    let r = web.post(&format!("/drafts/{draft}/send"), &[]).await;
    assert!(r.status.is_client_error(), "{} {}", r.status, r.body);
    assert!(
        r.body.contains("not sent: the interview is not over until"),
        "{}",
        r.body
    );
    assert!(web.engine().outbox().unwrap().is_empty());
}

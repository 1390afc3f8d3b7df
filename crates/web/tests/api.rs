//! The JSON API: the whole process through it alone, every answer held to the OpenAPI
//! document the server generates (the operation's schema for that status, `$ref`s
//! followed), and the document holding every route and no other.

mod common;

use axum::http::StatusCode;
use common::{TOKEN, Web};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// The API with its own description: each call's answer is checked against it.
struct Api {
    web: Web,
    doc: Value,
    /// (method, path template, status) of every answer checked.
    seen: BTreeSet<(String, String, u16)>,
}

impl Api {
    async fn new() -> Api {
        let web = Web::new();
        let doc: Value = serde_json::from_str(&web.get("/api/v1/openapi.json").await.body).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        Api {
            web,
            doc,
            seen: BTreeSet::new(),
        }
    }

    async fn call(&mut self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let (status, value) = self.web.api(method, path, body).await;
        let status = status.as_u16();
        let template = self
            .template(method, path)
            .unwrap_or_else(|| panic!("{method} {path} is not in the description"));
        let operation = &self.doc["paths"][&template][method.to_lowercase()];
        let schema =
            &operation["responses"][status.to_string()]["content"]["application/json"]["schema"];
        assert!(
            !schema.is_null(),
            "{method} {path} answered {status}, which the description does not list: {value}"
        );
        assert!(
            !operation["responses"][status.to_string()]["description"]
                .as_str()
                .unwrap_or("")
                .is_empty(),
            "{method} {template} {status}: a response says what it is"
        );
        if let Err(why) = conforms(&self.doc, schema, &value) {
            panic!("{method} {path} ({status}): {why}\n{value:#}");
        }
        self.seen.insert((method.to_string(), template, status));
        (status, value)
    }

    /// The documented path `path` is an instance of, for `method`.
    fn template(&self, method: &str, path: &str) -> Option<String> {
        let path = path.split('?').next().unwrap();
        let parts: Vec<&str> = path.split('/').collect();
        self.doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, item)| !item[method.to_lowercase()].is_null())
            .map(|(t, _)| t)
            .find(|t| {
                let tp: Vec<&str> = t.split('/').collect();
                tp.len() == parts.len()
                    && tp
                        .iter()
                        .zip(&parts)
                        .all(|(a, b)| a == b || a.starts_with('{'))
            })
            .cloned()
    }
}

/// Whether `value` is what `schema` describes: types, required fields, no undocumented
/// field, items and properties recursively, `$ref`, `oneOf`/`anyOf` (what `Option` makes).
fn conforms(doc: &Value, schema: &Value, value: &Value) -> Result<(), String> {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        let target = &doc["components"]["schemas"][name];
        assert!(!target.is_null(), "{r} is not in components");
        return conforms(doc, target, value).map_err(|e| format!("{name}: {e}"));
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema[key].as_array() {
            let errors: Vec<String> = options
                .iter()
                .filter_map(|o| conforms(doc, o, value).err())
                .collect();
            return if errors.len() < options.len() {
                Ok(())
            } else {
                Err(format!("none of {key}: {}", errors.join(" / ")))
            };
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return Ok(()),
    };
    let fits = |t: &str| match t {
        "null" => value.is_null(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => false,
    };
    if !types.iter().any(|t| fits(t)) {
        return Err(format!("{value} is not {types:?}"));
    }
    if let (Some(items), Some(values)) = (schema.get("items"), value.as_array()) {
        for (i, v) in values.iter().enumerate() {
            conforms(doc, items, v).map_err(|e| format!("[{i}]: {e}"))?;
        }
    }
    if let Some(object) = value.as_object() {
        let props = schema["properties"].as_object();
        for required in schema["required"].as_array().into_iter().flatten() {
            let name = required.as_str().unwrap();
            if !object.contains_key(name) {
                return Err(format!("missing required {name}"));
            }
        }
        if let Some(props) = props {
            for (k, v) in object {
                let Some(p) = props.get(k) else {
                    return Err(format!("undocumented field {k}"));
                };
                conforms(doc, p, v).map_err(|e| format!(".{k}: {e}"))?;
            }
        }
    }
    Ok(())
}

fn id(v: &Value) -> String {
    v["result"]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn the_whole_process_through_the_api_alone() {
    let mut api = Api::new().await;
    let (s, e) = api.call("GET", "/profile", None).await;
    assert_eq!(s, 404, "{e}");
    let (s, p) = api
        .call(
            "PUT",
            "/profile",
            Some(
                json!({"name": "Sam Carter", "email": "sam@example.com", "locale": "en-GB",
                "region": "gb-eng", "time_zone": "Europe/London"}),
            ),
        )
        .await;
    assert_eq!(s, 200, "{p}");
    assert_eq!(p["result"]["name"], "Sam Carter");
    let (s, p) = api
        .call(
            "POST",
            "/profile/skills",
            Some(json!({"name": "SQL", "evidence": "Wrote the reporting queries for 40 teams"})),
        )
        .await;
    assert_eq!(s, 200, "{p}");
    assert_eq!(p["result"]["skills"][0]["name"], "SQL");
    // A bad value names its field; an unknown field is refused; nothing saved.
    let (s, e) = api
        .call(
            "POST",
            "/applications",
            Some(json!({"company": "", "role": "Dev"})),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("company")), "{e}");
    let (s, e) = api
        .call(
            "POST",
            "/applications",
            Some(json!({"company": "Acme", "role": "Dev", "salary": 1})),
        )
        .await;
    assert_eq!(s, 422, "{e}");
    assert!(e["error"].as_str().unwrap().contains("salary"), "{e}");
    let (_, list) = api.call("GET", "/applications", None).await;
    assert_eq!(list, json!([]));
    let (s, a) = api
        .call(
            "POST",
            "/applications",
            Some(json!({"company": "Acme", "role": "Data Analyst",
                "job_description": "Strong SQL and Python."})),
        )
        .await;
    assert_eq!(s, 201, "{a}");
    let application = id(&a);
    let (s, a) = api
        .call(
            "PATCH",
            &format!("/applications/{application}"),
            Some(json!({"status": "interviewing", "applied_on": "2027-02-01"})),
        )
        .await;
    assert_eq!(s, 200, "{a}");
    assert_eq!(a["result"]["status"], "interviewing");
    let (s, c) = api
        .call(
            "POST",
            "/contacts",
            Some(
                json!({"name": "Priya Patel", "title": "Ms", "emails": ["priya@acme.test"],
                "phones": ["+44 20 7946 0000"], "time_zone": "Europe/London",
                "region": "gb-eng"}),
            ),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    let priya = id(&c);
    let (s, e) = api
        .call(
            "PATCH",
            &format!("/contacts/{priya}"),
            Some(json!({"emails": ["bad@"]})),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("email")), "{e}");
    let (s, iv) = api
        .call(
            "POST",
            "/interviews",
            Some(
                json!({"application_id": application, "at": "2027-02-26T10:00",
                "time_zone": "Europe/London", "interviewer_ids": [priya], "format": "video"}),
            ),
        )
        .await;
    assert_eq!(s, 201, "{iv}");
    // Typed in London, her zone: nothing to say about her hour.
    assert_eq!(iv["warnings"], json!([]), "{iv}");
    let interview = id(&iv);
    assert_eq!(iv["result"]["duration_minutes"], 60);
    let (s, iv) = api
        .call(
            "PATCH",
            &format!("/interviews/{interview}"),
            Some(json!({"at": "2027-02-26T11:00", "duration_minutes": 45})),
        )
        .await;
    assert_eq!(s, 200, "{iv}");
    assert!(
        iv["result"]["start"]
            .as_str()
            .unwrap()
            .starts_with("2027-02-26T11:00"),
        "{iv}"
    );
    let (s, a) = api
        .call("GET", &format!("/applications/{}", &application[..8]), None)
        .await;
    assert_eq!(
        (s, a["status"].as_str()),
        (200, Some("interviewing")),
        "any unambiguous prefix"
    );
    let (s, iv) = api
        .call(
            "POST",
            &format!("/interviews/{interview}/notes"),
            Some(json!({"mention": ["your plans for the Leeds team"],
                "clarify": ["I fumbled the sample-size question"],
                "notes": "Priya said the team is doubling"})),
        )
        .await;
    assert_eq!(s, 200, "{iv}");
    // What was read from their timeline comes back as warnings, the page's words.
    let (s, iv) = api
        .call(
            "POST",
            &format!("/interviews/{interview}/notes"),
            Some(json!({"timeline": "we'd like someone to start in June"})),
        )
        .await;
    assert_eq!(s, 200, "{iv}");
    assert!(
        iv["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains("says when someone would start")),
        "{iv}"
    );
    assert!(iv["result"]["decide_by"].is_null(), "{iv}");
    // A date most of a year off (a day just past, read as next year's) is not waited for.
    let (s, iv) = api
        .call(
            "POST",
            &format!("/interviews/{interview}/notes"),
            Some(json!({"timeline": "by 1 February"})),
        )
        .await;
    assert_eq!(s, 200, "{iv}");
    assert!(
        iv["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains("too far off for a decision")),
        "{iv}"
    );
    assert!(iv["result"]["decide_by"].is_null(), "{iv}");
    let (s, iv) = api
        .call(
            "POST",
            &format!("/interviews/{interview}/panel"),
            Some(json!({"name": "Tom Okafor", "emails": ["tom@acme.test"]})),
        )
        .await;
    assert_eq!(s, 200, "{iv}");
    assert_eq!(iv["result"]["interviewer_ids"].as_array().unwrap().len(), 2);
    let (s, plan) = api
        .call("GET", &format!("/interviews/{interview}/plan"), None)
        .await;
    assert_eq!(s, 200);
    let thank_you = plan
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "thank-you")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    // A draft: written, edited, approved only as the exact text read, then sent.
    let (s, e) = api
        .call(
            "POST",
            &format!("/interviews/{interview}/drafts"),
            Some(json!({"kind": "love-letter"})),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("kind")), "{e}");
    let (s, d) = api
        .call(
            "POST",
            &format!("/interviews/{interview}/drafts"),
            Some(json!({"kind": "thank-you", "to": priya})),
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let draft = d["result"][0]["id"].as_str().unwrap().to_string();
    let text = format!(
        "Subject: {}\n\n{}",
        d["result"][0]["subject"].as_str().unwrap(),
        d["result"][0]["body"].as_str().unwrap()
    );
    let body = d["result"][0]["body"].as_str().unwrap();
    assert!(
        !body.contains("fumbled") && !body.contains("doubling"),
        "private notes stay private: {body}"
    );
    let (s, e) = api
        .call(
            "POST",
            &format!("/drafts/{draft}/approve"),
            Some(json!({"text": "Subject: Hi\n\nSomething else"})),
        )
        .await;
    assert_eq!(s, 409, "approval is of the text read: {e}");
    let (s, v) = api
        .call(
            "PUT",
            &format!("/drafts/{draft}"),
            Some(json!({"text": format!("{text}\nI really need this job.\n")})),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    assert!(
        v["result"]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["level"] == "error"),
        "{v}"
    );
    let (_, d) = api.call("GET", &format!("/drafts/{draft}"), None).await;
    let seen = format!(
        "Subject: {}\n\n{}",
        d["subject"].as_str().unwrap(),
        d["body"].as_str().unwrap()
    );
    let (s, e) = api
        .call(
            "POST",
            &format!("/drafts/{draft}/approve"),
            Some(json!({"text": seen})),
        )
        .await;
    assert_eq!(s, 409, "an error finding needs a reason: {e}");
    let (s, e) = api
        .call("POST", &format!("/drafts/{draft}/send"), None)
        .await;
    assert_eq!(s, 409, "never sent unapproved: {e}");
    let (s, v) = api
        .call(
            "PUT",
            &format!("/drafts/{draft}"),
            Some(json!({"text": text})),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    let (s, v) = api
        .call(
            "POST",
            &format!("/drafts/{draft}/approve"),
            Some(json!({"text": text})),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["result"]["approved"], true);
    let (s, e) = api
        .call("POST", &format!("/drafts/{draft}/send"), None)
        .await;
    assert!(s == 409 || s == 502, "no mail server set: {s} {e}");
    assert!(e["error"].as_str().unwrap().contains("mail server"), "{e}");
    let (s, e) = api
        .call(
            "POST",
            &format!("/drafts/{draft}/resolve"),
            Some(json!({"outcome": "maybe"})),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("outcome")), "{e}");

    // The plan: the thank-you done by hand, a call logged, the next step moved.
    let (s, st) = api
        .call("POST", &format!("/steps/{thank_you}/done"), None)
        .await;
    assert_eq!(s, 200, "{st}");
    assert_eq!(st["result"]["step"]["state"], "done");
    let (s, e) = api
        .call("POST", &format!("/steps/{thank_you}/fly"), None)
        .await;
    assert_eq!(s, 404, "{e}");
    // The date they gave, in words the engine cannot read: refused, with the field.
    let (s, e) = api
        .call(
            "POST",
            "/calls",
            Some(json!({"interview_id": interview, "outcome": "reached",
                "decide_by": "soonish", "at": "2027-03-05T10:00"})),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("decide-by")), "{e}");
    let (s, e) = api
        .call(
            "POST",
            "/calls",
            Some(json!({"interview_id": interview, "outcome": "reached",
                "at": "2020-03-05T10:00"})),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("at")), "{e}");
    let (s, call) = api
        .call(
            "POST",
            "/calls",
            Some(json!({"interview_id": interview, "outcome": "unavailable",
                "callback": "Tuesday at 2:30pm", "at": "2027-03-05T11:00",
                "note": "in a meeting"})),
        )
        .await;
    assert_eq!(s, 201, "{call}");
    assert_eq!(call["result"]["call"]["outcome"], "unavailable");
    // As she said it, on Fri 5 Mar in London: Tue 9 Mar 14:30 GMT.
    assert_eq!(call["result"]["call"]["callback"], "2027-03-09T14:30:00Z");
    let next = call["result"]["next"]["id"].as_str().unwrap().to_string();
    let (s, moved) = api
        .call(
            "POST",
            &format!("/steps/{next}/move"),
            Some(json!({"to": "2027-03-09T15:00"})),
        )
        .await;
    assert_eq!(s, 200, "{moved}");
    let (s, e) = api
        .call("POST", &format!("/steps/{next}/move"), Some(json!({})))
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("to")), "{e}");

    // Settings, a day off, the feed token.
    let (s, all) = api
        .call(
            "PUT",
            "/settings/plan.cadence",
            Some(json!({"value": "cautious"})),
        )
        .await;
    assert_eq!(s, 200, "{all}");
    assert!(
        all["result"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["name"] == "plan.cadence" && r["value"] == "cautious")
    );
    let (s, e) = api
        .call(
            "PUT",
            "/settings/plan.cadence",
            Some(json!({"value": "sometimes"})),
        )
        .await;
    assert_eq!(s, 422, "{e}");
    let (s, e) = api
        .call(
            "PUT",
            "/settings/web.login",
            Some(json!({"value": "$argon2id$planted"})),
        )
        .await;
    assert_eq!(s, 422, "the login is not a setting: {e}");
    let (s, h) = api
        .call(
            "POST",
            "/holidays",
            Some(json!({"date": "2027-03-12", "name": "Moving day"})),
        )
        .await;
    assert_eq!(s, 201, "{h}");
    assert_eq!(h["result"]["region"], "gb-eng");
    let (s, e) = api
        .call("POST", "/holidays", Some(json!({"date": "9999-12-31"})))
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("date")), "{e}");
    let (s, t) = api.call("POST", "/calendar/token", None).await;
    assert_eq!(s, 200);
    let token = t["result"]["token"].as_str().unwrap();
    assert_eq!(
        api.web
            .get(&format!("/calendar.ics?token={token}"))
            .await
            .status,
        StatusCode::OK
    );

    // Cards, a backup and its restore, an undo.
    let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@acme.test\r\nEND:VCARD\r\n";
    let r = api
        .web
        .send(
            axum::http::Request::post("/api/v1/contacts/import")
                .header("host", common::HOST)
                .header("cookie", format!("followup_csrf={TOKEN}"))
                .header("x-csrf-token", TOKEN)
                .header("content-type", "text/vcard")
                .body(axum::body::Body::from(card))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let imported: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(imported["result"]["imported"], 1);
    let (s, u) = api.call("POST", "/undo", None).await;
    assert_eq!(s, 200, "{u}");
    let (s, backup) = api.call("GET", "/backup", None).await;
    assert_eq!(s, 200);
    assert_eq!(
        backup["contacts"].as_array().unwrap().len(),
        2,
        "the import undone"
    );
    let (s, restored) = api.call("POST", "/restore", Some(backup.clone())).await;
    assert_eq!(s, 200, "{restored}");
    let (s, e) = api
        .call(
            "POST",
            "/restore",
            Some(json!({"format": "something-else"})),
        )
        .await;
    assert_eq!(s, 422, "{e}");
    let (s, e) = api.call("POST", "/undo", None).await;
    assert_eq!(s, 409, "a restore is not undone: {e}");
    let (s, list) = api.call("GET", "/contacts", None).await;
    assert_eq!(s, 200);
    assert!(!list.as_array().unwrap().is_empty());
    let (s, c) = api.call("GET", &format!("/contacts/{priya}"), None).await;
    assert_eq!((s, c["full_name"].as_str()), (200, Some("Priya Patel")));
    let (s, _) = api
        .call("GET", &format!("/interviews/{interview}"), None)
        .await;
    assert_eq!(s, 200);
    let (s, _) = api.call("GET", "/settings", None).await;
    assert_eq!(s, 200);
    let (s, p) = api.call("DELETE", "/profile/skills/SQL", None).await;
    assert_eq!(s, 200, "{p}");
    assert_eq!(p["result"]["skills"], json!([]));
    let (s, _) = api.call("GET", "/interviews/int-nothere", None).await;
    assert_eq!(s, 404);
    let (s, _) = api.call("GET", "/agenda?days=30", None).await;
    assert_eq!(s, 200);
    let (s, _) = api
        .call("POST", "/check", Some(json!({"text": "Thank you!"})))
        .await;
    assert_eq!(s, 200);

    // The settings page's other parts: templates, the mail server test, holiday files.
    let (s, list) = api.call("GET", "/templates", None).await;
    assert_eq!(s, 200);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|t| t["name"] == "thank-you-email")
    );
    let (s, e) = api
        .call(
            "PUT",
            "/templates/thank-you-email",
            Some(json!({"text": "Dear {{ nosuchthing }}"})),
        )
        .await;
    assert_eq!(s, 409, "not saved unless it renders: {e}");
    let (s, e) = api
        .call("PUT", "/templates/love-letter", Some(json!({"text": "x"})))
        .await;
    assert_eq!(s, 404, "{e}");
    let (s, e) = api.call("POST", "/mail/test", None).await;
    assert!(s == 409 || s == 502, "no mail server set: {s} {e}");
    let govuk = json!({"england-and-wales": {"division": "england-and-wales",
        "events": [{"title": "Spring bank holiday", "date": "2027-05-31", "notes": "",
            "bunting": true}]}});
    let (s, h) = api.call("POST", "/holidays/import", Some(govuk)).await;
    assert_eq!(s, 200, "{h}");
    assert_eq!(h["result"]["count"], 2, "England and Wales: {h}");
    let (s, e) = api
        .call(
            "POST",
            "/holidays/import?region=gb-eng",
            Some(json!("not a calendar")),
        )
        .await;
    assert_eq!(s, 422, "{e}");

    // Every documented operation was called at least once above.
    let documented: BTreeSet<(String, String)> = api.doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|m| ["get", "put", "post", "patch", "delete"].contains(&m.as_str()))
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    let called: BTreeSet<(String, String)> = api
        .seen
        .iter()
        .map(|(m, p, _)| (m.clone(), p.clone()))
        .collect();
    let missed: Vec<_> = documented
        .difference(&called)
        .filter(|(_, p)| p != "/contacts/import")
        .collect();
    assert!(
        missed.is_empty(),
        "documented but not exercised: {missed:?}"
    );
}

/// A query string out of range or not a number is refused with the parameter named, in
/// the API's error shape, never quietly changed into another page.
#[tokio::test]
async fn a_lead_in_another_zone_is_told_of_in_the_warnings() {
    let mut api = Api::new().await;
    let (_, a) = api
        .call(
            "POST",
            "/applications",
            Some(json!({"company": "Acme", "role": "Analyst"})),
        )
        .await;
    let application = id(&a);
    // Typed in New York time; the interviewer's number is San Francisco's.
    let (s, iv) = api
        .call(
            "POST",
            "/interviews",
            Some(
                json!({"application_id": application, "at": "2027-02-25T14:00",
                "time_zone": "America/New_York"}),
            ),
        )
        .await;
    assert_eq!((s, iv["warnings"].clone()), (201, json!([])), "{iv}");
    let (s, iv) = api
        .call(
            "POST",
            &format!("/interviews/{}/panel", id(&iv)),
            Some(json!({"name": "Sam Ortiz", "phones": ["+1 415 555 0134"]})),
        )
        .await;
    assert_eq!(s, 200, "{iv}");
    let warning = iv["warnings"][0].as_str().unwrap_or_default();
    assert!(
        warning.contains("at Thu 25 Feb 11:00 PST (America/Los_Angeles), not 14:00 EST"),
        "{iv}"
    );
}

#[tokio::test]
async fn paging_out_of_range_is_refused_with_the_parameter() {
    let mut api = Api::new().await;
    for (path, status, field) in [
        ("/applications?limit=-1", 400, "limit"),
        ("/applications?limit=0", 422, "limit"),
        ("/contacts?offset=x", 400, "offset"),
        ("/contacts?limit=1001", 422, "limit"),
        ("/agenda?days=0", 422, "days"),
        ("/agenda?days=-3", 400, "days"),
        ("/agenda?limit=99999999999999999999999", 400, "limit"),
    ] {
        let (got, body) = api.call("GET", path, None).await;
        assert_eq!(
            (got, body["field"].as_str()),
            (status, Some(field)),
            "{path}: {body}"
        );
    }
    let (got, _) = api
        .call("GET", "/applications?limit=1000&offset=0", None)
        .await;
    assert_eq!(got, 200);
}

/// A status Followup does not know is kept, with the CLI's warning: it ends nothing.
#[tokio::test]
async fn a_status_followup_does_not_know_is_kept_with_a_warning() {
    let mut api = Api::new().await;
    let body = json!({"company": "Acme", "role": "SRE", "status": "rejectd"});
    let (got, added) = api.call("POST", "/applications", Some(body)).await;
    assert_eq!(got, 201, "{added}");
    assert_eq!(added["result"]["status"], "rejectd");
    let warning = added["warnings"][0].as_str().unwrap_or_default();
    assert!(
        warning.starts_with("status rejectd: not a status Followup knows")
            && warning.contains("does not end the follow-up"),
        "{added}"
    );
    let id = added["result"]["id"].as_str().unwrap().to_string();
    let path = format!("/applications/{id}");
    let (got, changed) = api
        .call("PATCH", &path, Some(json!({"status": "rejected"})))
        .await;
    assert_eq!((got, &changed["warnings"]), (200, &json!([])), "{changed}");
}

/// A write without the CSRF header (a page elsewhere posting JSON with the cookie the
/// browser holds) changes nothing.
#[tokio::test]
async fn an_api_write_needs_the_token_in_a_header() {
    let web = Web::new();
    let r = web
        .send(
            axum::http::Request::post("/api/v1/applications")
                .header("host", common::HOST)
                .header("cookie", format!("followup_csrf={TOKEN}"))
                .header("content-type", "application/json")
                .body(axum::body::Body::from(r#"{"company":"Acme","role":"Dev"}"#))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let (_, list) = web.api("GET", "/applications", None).await;
    assert_eq!(list, json!([]));
}

/// Every route under /api/v1 is in the description, and every path in it answers (no
/// 405 for a documented method).
#[tokio::test]
async fn the_description_lists_every_route() {
    let api = Api::new().await;
    let paths = api.doc["paths"].as_object().unwrap();
    for (path, item) in paths {
        for method in ["get", "put", "post", "patch", "delete"] {
            if item[method].is_null() {
                continue;
            }
            let url = path
                .replace("{id}", "nothere")
                .replace("{action}", "done")
                .replace("{name}", "nothere");
            let (status, _) = api.web.api(&method.to_uppercase(), &url, None).await;
            assert_ne!(
                status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path} is documented but not routed"
            );
        }
    }
    // The source lists each route once; each is documented.
    let source = include_str!("../src/api/mod.rs");
    for line in source.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix(".route(\"") {
            let path = rest.split('"').next().unwrap();
            if path == "/openapi.json" {
                continue;
            }
            assert!(
                paths.contains_key(path),
                "{path} is routed but not documented"
            );
        } else if line.starts_with("\"/") && line.ends_with("\",") {
            let path = line.trim_matches(|c| c == '"' || c == ',');
            assert!(
                paths.contains_key(path),
                "{path} is routed but not documented"
            );
        }
    }
}

//! Contacts: everyone you have met, each editable, and all of them as a `.vcf` file for
//! your phone's address book.

use super::applications::unix_lines;
use super::drafts::download;
use super::{Ctx, given, one_a_line, redirect};
use crate::AppState;
use crate::error::WebError;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use followup_app::ContactChanges;
use followup_core::model::Contact;
use followup_store::Page;
use serde::{Deserialize, Serialize};

/// Rows on the list page.
const SHOWN: i64 = 500;

#[derive(Serialize)]
struct Row {
    id: String,
    name: String,
    position: String,
    organisation: String,
    email: String,
    /// Where they keep their hours, and how Followup knows ("America/Chicago (their
    /// state's)"); empty when nothing says and the interview's zone is used.
    zone: String,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    show_list(&state, &ctx, ContactForm::default(), None).await
}

/// The list page; with `error`, the add or import form shown again beside it.
async fn show_list(
    state: &AppState,
    ctx: &Ctx,
    form: ContactForm,
    error: Option<WebError>,
) -> Result<Response, WebError> {
    let contacts = state
        .engines
        .run(|app| {
            Ok(app.contacts(Page {
                limit: Some(SHOWN),
                offset: 0,
            })?)
        })
        .await?;
    let values = crate::values! {
        title => "Contacts", nav => "contacts", contacts => rows(&contacts), form,
    };
    match error {
        None => ctx.show("contacts.html", values),
        Some(e) => ctx.form_again("contacts.html", e, values),
    }
}

fn rows(contacts: &[Contact]) -> Vec<Row> {
    contacts
        .iter()
        .map(|c| Row {
            id: c.id.clone(),
            name: c.full_name.clone(),
            position: c.position.clone(),
            organisation: c.organisation.clone(),
            email: c
                .emails
                .first()
                .map(|e| e.value.clone())
                .unwrap_or_default(),
            zone: followup_core::contact::zone_label(c).unwrap_or_default(),
        })
        .collect()
}

pub async fn export(State(state): State<AppState>) -> Result<Response, WebError> {
    let contacts = state
        .engines
        .run(|app| {
            Ok(app.contacts(Page {
                limit: None,
                offset: 0,
            })?)
        })
        .await?;
    let text: String = contacts
        .iter()
        .map(followup_formats::vcard::write_card)
        .collect();
    Ok(download(
        text.into_bytes(),
        "text/vcard; charset=utf-8",
        "followup-contacts.vcf",
    ))
}

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct ContactForm {
    name: Option<String>,
    title: Option<String>,
    position: Option<String>,
    organisation: Option<String>,
    emails: Option<String>,
    phones: Option<String>,
    address: Option<String>,
    tz: Option<String>,
    region: Option<String>,
    channel: Option<String>,
    notes: Option<String>,
}

impl ContactForm {
    fn of(c: &Contact) -> ContactForm {
        let list = |items: &[followup_core::model::Labelled]| {
            items
                .iter()
                .map(|i| i.value.clone())
                .collect::<Vec<_>>()
                .join("\n")
        };
        ContactForm {
            name: Some(c.full_name.clone()),
            title: Some(c.honorific.clone()),
            position: Some(c.position.clone()),
            organisation: Some(c.organisation.clone()),
            emails: Some(list(&c.emails)),
            phones: Some(list(&c.phones)),
            address: Some(
                c.address
                    .as_ref()
                    .map(|a| a.lines().join(", "))
                    .unwrap_or_default(),
            ),
            tz: Some(c.time_zone.clone().unwrap_or_default()),
            region: Some(c.region.clone().unwrap_or_default()),
            channel: Some(c.preferred_channel.as_str().to_string()),
            notes: Some(c.notes.clone()),
        }
    }
}

fn show(
    ctx: &Ctx,
    id: &str,
    form: ContactForm,
    error: Option<WebError>,
) -> Result<Response, WebError> {
    let values = crate::values! {
        title => "Contact", nav => "contacts", id, form,
        channels => vec![("any", "Email or phone"), ("email-only", "Email only"), ("phone-ok", "Phone is fine")],
    };
    match error {
        None => ctx.show("contact.html", values),
        Some(mut e) => {
            e.field = e.field.map(|f| plural(&f));
            ctx.form_again("contact.html", e, values)
        }
    }
}

pub async fn detail(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    let contact = state
        .engines
        .run(move |app| {
            let id = app.full_id(&id)?;
            Ok(app.contact(&id)?)
        })
        .await?;
    show(&ctx, &contact.id, ContactForm::of(&contact), None)
}

pub async fn save(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
    Form(form): Form<ContactForm>,
) -> Result<Response, WebError> {
    let changes = changes(&form);
    let wanted = id.clone();
    let result = state
        .engines
        .run(move |app| {
            let id = app.full_id(&wanted)?;
            Ok(app.change_contact(&id, changes)?)
        })
        .await;
    match result {
        Ok(c) => Ok(redirect(
            &format!("/contacts/{}", c.id),
            &["Contact saved.".to_string()],
        )),
        Err(e) if e.is_about_a_field() => show(&ctx, &id, form, Some(e)),
        Err(e) => Err(e),
    }
}

/// A `.vcf` upload: every card added (or, matching a contact, updating it), or none.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    mut upload: axum::extract::Multipart,
) -> Result<Response, WebError> {
    let (name, bytes) = super::interviews::card_upload(&mut upload).await?;
    let result = match super::interviews::read_cards(&name, &bytes) {
        Err(e) => Err(e),
        Ok(cards) => {
            state
                .engines
                .run(move |app| Ok(app.import_contacts(cards)?))
                .await
        }
    };
    match result {
        Ok(done) => Ok(redirect(
            "/contacts",
            &[format!(
                "From {name}: {} added, {} updated.",
                done.imported, done.updated
            )],
        )),
        Err(e) if e.is_about_a_field() => {
            let e = WebError {
                field: Some("card".into()),
                ..e
            };
            show_list(&state, &ctx, ContactForm::default(), Some(e)).await
        }
        Err(e) => Err(e),
    }
}

/// A person typed in on the contacts page (not yet on a panel).
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ContactForm>,
) -> Result<Response, WebError> {
    let changes = changes(&form);
    let result = state
        .engines
        .run(move |app| Ok(app.add_contact_with(changes)?))
        .await;
    match result {
        Ok(c) => Ok(redirect(
            &format!("/contacts/{}", c.id),
            &[format!("{} added.", c.full_name)],
        )),
        Err(e) if e.is_about_a_field() => {
            let e = WebError {
                field: e.field.map(|f| plural(&f)),
                ..e
            };
            show_list(&state, &ctx, form, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

/// The engine names fields as the CLI's flags; this page's lists are plural.
fn plural(field: &str) -> String {
    match field {
        "time_zone" => "tz".into(),
        "email" => "emails".into(),
        "phone" => "phones".into(),
        f => f.to_string(),
    }
}

/// The form as the engine's changes.
fn changes(form: &ContactForm) -> ContactChanges {
    ContactChanges {
        name: given(&form.name),
        title: form.title.clone(),
        position: form.position.clone(),
        organisation: form.organisation.clone(),
        emails: one_a_line(&form.emails),
        phones: one_a_line(&form.phones),
        address: given(&form.address),
        time_zone: given(&form.tz),
        region: given(&form.region),
        channel: given(&form.channel),
        notes: form.notes.as_deref().map(unix_lines),
    }
}

//! Your profile: name, contact details, locale, the holiday region and time zone you
//! work in (the zone detected from the browser, for you to confirm), and your skills
//! with a sentence of evidence each. The first-run page is this form.

use super::{Ctx, given, redirect};
use crate::AppState;
use crate::error::{PageQuery, WebError};
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use followup_app::ProfileChanges;
use followup_core::model::{Profile, Skill};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct FirstRun {
    first: Option<String>,
}

#[derive(Deserialize, serde::Serialize, Default, Clone)]
pub struct ProfileForm {
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    address: Option<String>,
    locale: Option<String>,
    region: Option<String>,
    tz: Option<String>,
}

impl ProfileForm {
    fn of(p: &Profile) -> ProfileForm {
        ProfileForm {
            name: Some(p.name.clone()),
            email: Some(p.email.clone()),
            phone: Some(p.phone.clone()),
            address: Some(p.postal_address.replace('\n', ", ")),
            locale: Some(p.locale.tag()),
            region: Some(p.region.clone()),
            tz: Some(p.time_zone.clone()),
        }
    }
}

async fn load(state: &AppState) -> Result<(Option<Profile>, Vec<Skill>), WebError> {
    state
        .engines
        .run(|app| {
            let p = app.profile()?;
            let skills = p.as_ref().map(|p| p.skills.clone()).unwrap_or_default();
            Ok((p, skills))
        })
        .await
}

pub async fn page(
    State(state): State<AppState>,
    PageQuery(q): PageQuery<FirstRun>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    let (profile, skills) = load(&state).await?;
    let first = q.first.is_some() || profile.as_ref().is_none_or(|p| p.name.is_empty());
    let form = profile.as_ref().map(ProfileForm::of).unwrap_or_default();
    show(&ctx, first, form, skills, None)
}

fn show(
    ctx: &Ctx,
    first: bool,
    form: ProfileForm,
    skills: Vec<Skill>,
    error: Option<WebError>,
) -> Result<Response, WebError> {
    let values = crate::values! {
        title => if first { "Welcome" } else { "Your profile" },
        nav => "profile", first, form, skills,
        locales => vec![("en-GB", "English (UK)"), ("en-US", "English (US)")],
    };
    match error {
        None => ctx.show("profile.html", values),
        Some(e) => ctx.form_again("profile.html", e, values),
    }
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ProfileForm>,
) -> Result<Response, WebError> {
    let changes = ProfileChanges {
        name: given(&form.name),
        email: given(&form.email),
        phone: form.phone.clone(),
        address: form.address.clone(),
        locale: given(&form.locale),
        region: given(&form.region),
        time_zone: given(&form.tz),
    };
    let result = state
        .engines
        .run(move |app| {
            if changes.name.is_none() {
                return Err(WebError::bad_request(
                    "name",
                    "your name is needed for every message",
                ));
            }
            Ok(app.update_profile(changes)?)
        })
        .await;
    match result {
        Ok(_) => Ok(redirect("/profile", &["Profile saved.".to_string()])),
        Err(e) if e.is_about_a_field() => {
            let (_, skills) = load(&state).await?;
            show(&ctx, false, form, skills, Some(rename(e)))
        }
        Err(e) => Err(e),
    }
}

/// The engine names the zone field `tz`, as the CLI flag; so does this form.
fn rename(mut e: WebError) -> WebError {
    if e.field.as_deref() == Some("time_zone") {
        e.field = Some("tz".into());
    }
    e
}

#[derive(Deserialize, serde::Serialize, Default)]
pub struct SkillForm {
    #[serde(rename = "skill_name")]
    name: Option<String>,
    aliases: Option<String>,
    evidence: Option<String>,
}

pub async fn add_skill(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<SkillForm>,
) -> Result<Response, WebError> {
    let skill = Skill {
        name: form.name.clone().unwrap_or_default(),
        aliases: form
            .aliases
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect(),
        evidence: form.evidence.clone().unwrap_or_default(),
    };
    let name = skill.name.trim().to_string();
    let result = state
        .engines
        .run(move |app| Ok(app.save_skill(skill)?))
        .await;
    match result {
        Ok(()) => Ok(redirect(
            "/profile#skills",
            &[format!("Skill {name} saved.")],
        )),
        Err(e) if e.is_about_a_field() => {
            let (profile, skills) = load(&state).await?;
            let mut e = e;
            e.field = Some("skill_name".into());
            let form = profile.as_ref().map(ProfileForm::of).unwrap_or_default();
            show(&ctx, false, form, skills, Some(e))
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct RemoveSkill {
    name: String,
}

pub async fn remove_skill(
    State(state): State<AppState>,
    Form(form): Form<RemoveSkill>,
) -> Result<Response, WebError> {
    let name = form.name.clone();
    state
        .engines
        .run(move |app| Ok(app.remove_skill(&form.name)?))
        .await?;
    Ok(redirect(
        "/profile#skills",
        &[format!("Skill {name} removed.")],
    ))
}

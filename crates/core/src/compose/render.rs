//! Running a template: minijinja in strict mode with a fuel limit and no file access, the
//! subject line split off, the text tidied, and errors with the line and what is
//! available.

use super::{ComposeInput, Composed, Situation, TemplateError, VARIABLES, context};
use crate::model::{Application, Contact, Interview, Profile};
use crate::skills::SkillMatch;
use crate::wording;
use jiff::civil::Date;
use minijinja::{Environment, UndefinedBehavior, Value};

/// How much work a template may do before it is stopped (a loop that never ends).
const FUEL: u64 = 50_000;

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    // Plain text: no HTML escaping.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env.add_function("pick", wording::pick);
    env
}

/// Renders `source` (a template named `name`) with `ctx`. A first line "Subject: …"
/// becomes the subject.
pub fn render(name: &str, source: &str, ctx: &Value) -> Result<Composed, TemplateError> {
    let env = environment();
    let text = env
        .render_str(source, ctx)
        .map_err(|e| template_error(name, &e))?;
    let mut text = tidy(&text);
    if ctx.get_attr("us").is_ok_and(|v| v.is_true()) {
        text = us_date_commas(&text);
    }
    Ok(match text.strip_prefix("Subject:") {
        Some(rest) => {
            let (subject, body) = rest.split_once('\n').unwrap_or((rest, ""));
            Composed {
                subject: Some(subject.trim().to_string()),
                body: body.trim_start_matches('\n').to_string(),
            }
        }
        None => Composed {
            subject: None,
            body: text,
        },
    })
}

fn template_error(name: &str, e: &minijinja::Error) -> TemplateError {
    let mut problem = e
        .detail()
        .map_or_else(|| e.kind().to_string(), |d| format!("{}: {d}", e.kind()));
    if e.kind() == minijinja::ErrorKind::UndefinedError {
        let names: Vec<&str> = VARIABLES.iter().map(|(n, _)| *n).collect();
        problem.push_str(&format!("; the variables are {}", names.join(", ")));
        problem.push_str(
            " (`highlight` and `points` are gone: they quoted your private notes; use `mentions` and `offers`, written for the reader)",
        );
    }
    if e.kind() == minijinja::ErrorKind::OutOfFuel {
        problem = "the template did too much work (does it loop forever?)".into();
    }
    TemplateError {
        template: name.to_string(),
        line: e.line(),
        problem,
    }
}

/// American style sets a date after its weekday off with commas: "on Tuesday, March 2,
/// to talk about" (but "on Tuesday, March 2." at a sentence's end).
fn us_date_commas(text: &str) -> String {
    static DATE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = DATE.get_or_init(|| {
        regex::Regex::new(
            r"((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}) ([a-z])",
        )
        .expect("valid")
    });
    re.replace_all(text, "$1, $2").into_owned()
}

/// Collapses runs of blank lines and trailing spaces a template's conditionals leave.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_start_matches('\n').trim_end().to_string() + "\n"
}

/// Checks a user's template before it is saved: it must render against a sample context
/// without unknown variables, syntax errors or endless loops.
pub fn check_template(name: &str, source: &str) -> Result<(), TemplateError> {
    render(name, source, &sample_context()).map(|_| ())
}

fn sample_context() -> Value {
    let now = jiff::Timestamp::UNIX_EPOCH;
    let mut contact = Contact::named("Priya Patel", now);
    contact.honorific = "Ms".into();
    let application = Application {
        id: "app".into(),
        company: "Acme".into(),
        role: "Platform Engineer".into(),
        job_description: String::new(),
        source_url: String::new(),
        documents: vec![],
        status: crate::model::ApplicationStatus::Interviewing,
        applied_on: None,
        created_at: now,
        updated_at: now,
    };
    let interview = Interview {
        id: "int".into(),
        application_id: "app".into(),
        start: now,
        time_zone: "Europe/London".into(),
        duration_minutes: 60,
        format: crate::model::InterviewFormat::Video,
        location: String::new(),
        interviewer_ids: vec![],
        notes: "The plan to move billing to Kubernetes.".into(),
        points_to_clarify: vec!["my Go experience".into()],
        mentions: vec![],
        offers: vec![],
        panellists: vec![],
        timeline: String::new(),
        decide_by: None,
        status: crate::model::InterviewStatus::Held,
        created_at: now,
        updated_at: now,
    };
    let profile = Profile {
        name: "Sam Carter".into(),
        ..Profile::default()
    };
    let skills = [SkillMatch {
        name: "Kubernetes".into(),
        score: 1.0,
        matched_terms: vec![],
        why: vec![],
        evidence: "Moved 40 services to Kubernetes.".into(),
    }];
    context(&ComposeInput {
        profile: &profile,
        application: &application,
        interview: &interview,
        recipient: Some(&contact),
        skills: &skills,
        their_time: Some("Tue 9 Mar 10:00–11:30 GMT".into()),
        today: Date::constant(2027, 3, 3),
        situation: Situation {
            others: vec!["Tom Reid".into()],
            round: 1,
            your_time: Some("Tue 9 Mar 10:00–11:30 GMT".into()),
            ..Situation::default()
        },
    })
}

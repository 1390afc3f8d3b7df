//! Drafts: thank-you email and letter, the email query, call and voicemail scripts.
//!
//! Templates are minijinja in strict mode (an unknown variable is an error, not an empty
//! string), with a fuel limit (a template that loops forever stops with a clear error)
//! and no filesystem loader (a template cannot read files). Locale rules are decided here
//! in Rust and handed to templates as ready-made text: the salutation and closing that
//! go together, titles with or without full stops, dates in the local order.

use crate::model::{Application, Contact, Interview, Locale, Profile};
use crate::skills::SkillMatch;
use crate::tone::{Finding, Level, word_count};
use crate::wording;
use jiff::civil::Date;
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Serialize;

open_enum!(
    /// What a draft is for.
    DraftKind {
        ThankYou => "thank-you",
        Query => "query",
        Script => "script",
        Voicemail => "voicemail",
        Feedback => "feedback",
    }
);

open_enum!(
    /// How a draft reaches them.
    Channel {
        Email => "email",
        Letter => "letter",
        Phone => "phone",
    }
);

/// The built-in templates, by name, in our own words.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "thank-you-email",
        include_str!("../../../data/templates/thank-you-email.txt"),
    ),
    (
        "thank-you-letter",
        include_str!("../../../data/templates/thank-you-letter.txt"),
    ),
    (
        "query-email",
        include_str!("../../../data/templates/query-email.txt"),
    ),
    (
        "feedback-email",
        include_str!("../../../data/templates/feedback-email.txt"),
    ),
    (
        "call-script",
        include_str!("../../../data/templates/call-script.txt"),
    ),
    (
        "voicemail",
        include_str!("../../../data/templates/voicemail.txt"),
    ),
];

/// The variables every template gets, with what they hold.
pub const VARIABLES: &[(&str, &str)] = &[
    (
        "salutation",
        "\"Dear Ms Patel,\" (en-GB) or \"Dear Ms. Patel:\" (en-US); unnamed: Sir or Madam / Hiring Manager",
    ),
    (
        "closing",
        "\"Yours sincerely,\" / \"Yours faithfully,\" (en-GB) or \"Sincerely,\" (en-US)",
    ),
    ("role", "the role applied for"),
    ("company", "the employer"),
    (
        "when",
        "\"on Tuesday 2 March\" (en-GB) or \"on Tuesday, March 2\" (en-US)",
    ),
    (
        "today",
        "today's date, \"9 April 2027\" or \"April 9, 2027\"",
    ),
    ("us", "true for en-US wording, false for en-GB"),
    (
        "mentions",
        "what to mention from the conversation, written for the reader (interview note --mention)",
    ),
    (
        "offers",
        "topics to offer to say more about, written for the reader (interview note --offer)",
    ),
    (
        "skills",
        "the matched skills: a list of {name, evidence, said, clause}, best first; `said` is the evidence as a first-person sentence, `clause` the same to follow a comma",
    ),
    (
        "their_date",
        "the date they gave for their decision, written out, or empty",
    ),
    ("their_date_passed", "whether that date is before today"),
    ("position", "the recipient's position, or empty"),
    (
        "their_work",
        "what the recipient said they work on, written for them (interview note --panellist … --works-on), or empty",
    ),
    (
        "their_part",
        "the recipient's part in the interview, e.g. \"the system-design exercise\" (--part), or empty",
    ),
    (
        "others",
        "the rest of the panel by name, when one note goes to the lead (a list)",
    ),
    ("round", "which round this interview was: 1, 2, …"),
    ("callback", "true when the call is at a time they asked for"),
    (
        "after",
        "what an email follows: \"unavailable\", \"no-answer\", \"voicemail\", or empty",
    ),
    ("my_name", "your name"),
    (
        "my_phone",
        "your phone number, international (+44 …) when they are in another country; or empty",
    ),
    ("their_phone", "the number to dial for them, or empty"),
    ("your_time", "the call window in your time, or empty"),
    (
        "seed",
        "what pick(options) chooses by: the interview (no need to use it directly)",
    ),
    (
        "turn",
        "the recipient's place on the panel, so each gets different phrasings",
    ),
    ("my_email", "your email address, or empty"),
    ("recipient_name", "their full name, or empty"),
    ("recipient_first", "their given name, or empty"),
    ("their_time", "the call window in their time, or empty"),
];

/// The template a kind and channel use.
pub fn template_name(kind: &DraftKind, channel: &Channel) -> &'static str {
    match (kind, channel) {
        (DraftKind::ThankYou, Channel::Letter) => "thank-you-letter",
        (DraftKind::ThankYou, _) => "thank-you-email",
        (DraftKind::Query, _) => "query-email",
        (DraftKind::Feedback, _) => "feedback-email",
        (DraftKind::Script, _) => "call-script",
        _ => "voicemail",
    }
}

/// A stored draft: what was written, for whom, and whether its exact text is approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    pub id: String,
    pub interview_id: String,
    #[serde(default)]
    pub step_id: Option<String>,
    pub kind: DraftKind,
    pub channel: Channel,
    #[serde(default)]
    pub recipient_id: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    pub body: String,
    /// The exact text approved (subject and body). Compared in full, not by a hash:
    /// any edit, however small, voids the approval.
    #[serde(default)]
    pub approved_text: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub approved_at: Option<jiff::Timestamp>,
    /// Why the user approved it despite error-level findings.
    #[serde(default)]
    pub override_reason: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: jiff::Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: jiff::Timestamp,
}

impl Draft {
    /// The text as checked and approved: the subject line (emails) then the body.
    pub fn full_text(&self) -> String {
        match &self.subject {
            Some(s) => format!("Subject: {s}\n\n{}", self.body),
            None => self.body.clone(),
        }
    }

    pub fn is_approved(&self) -> bool {
        self.approved_text.as_deref() == Some(self.full_text().as_str())
    }
}

/// A rendered draft: the subject (emails) and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Composed {
    pub subject: Option<String>,
    pub body: String,
}

/// A template that cannot be used, with where and what is available.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{template}{}: {problem}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct TemplateError {
    pub template: String,
    pub line: Option<usize>,
    pub problem: String,
}

/// Everything a draft is written from.
pub struct ComposeInput<'a> {
    pub profile: &'a Profile,
    pub application: &'a Application,
    pub interview: &'a Interview,
    /// Whom it is to; `None` writes to the panel or an unnamed reader.
    pub recipient: Option<&'a Contact>,
    pub skills: &'a [SkillMatch],
    pub their_time: Option<String>,
    pub today: Date,
    pub situation: Situation,
}

/// Where a draft sits: the panel around the recipient, the round, the call.
#[derive(Debug, Clone, Default)]
pub struct Situation {
    /// The rest of the panel by name, thanked in a note to the lead.
    pub others: Vec<String>,
    /// The recipient's place on the panel (0 for the lead).
    pub turn: u32,
    /// 1 for a first interview, 2 for the second round, ….
    pub round: u32,
    /// The call is at a time they asked for.
    pub callback: bool,
    /// The call window in the candidate's own time.
    pub your_time: Option<String>,
    /// What the message follows: "unavailable", "no-answer", "voicemail", or empty.
    pub after: String,
}

#[derive(Serialize)]
struct SkillOut<'a> {
    name: &'a str,
    evidence: String,
    said: String,
    clause: String,
}

/// The template variables for `input` (see `VARIABLES`).
pub fn context(input: &ComposeInput) -> Value {
    let locale = &input.profile.locale;
    let us = *locale == Locale::EnUs;
    let day = input.interview.local_start().date();
    let named = input
        .recipient
        .filter(|c| !c.family_name.is_empty() || !c.full_name.is_empty());
    let salutation = match named {
        Some(c) => {
            let title = title(&c.honorific, us);
            let name = match (title.is_empty(), c.family_name.is_empty()) {
                (false, false) => format!("{title} {}", c.family_name),
                _ => c.full_name.clone(),
            };
            format!("Dear {name}{}", if us { ":" } else { "," })
        }
        None if us => "Dear Hiring Manager:".into(),
        None => "Dear Sir or Madam,".into(),
    };
    let closing = match (us, named.is_some()) {
        (true, _) => "Sincerely,",
        (false, true) => "Yours sincerely,",
        (false, false) => "Yours faithfully,",
    };
    // The interview's notes and points to clarify are private: nothing here reads them.
    let skills: Vec<SkillOut> = input
        .skills
        .iter()
        .map(|s| SkillOut {
            name: &s.name,
            evidence: sentence(&s.evidence),
            said: wording::first_person(&s.evidence),
            clause: wording::clause(&wording::first_person(&s.evidence)),
        })
        .collect();
    let their_region = input.recipient.and_then(|c| c.region.as_deref());
    let my_region = input.profile.region.as_str();
    let decide_by = input.interview.decide_by;
    let situation = &input.situation;
    // What the candidate noted for this panellist is written for them (not private).
    let noted = input
        .recipient
        .and_then(|c| input.interview.panellist(&c.id));
    minijinja::context! {
        salutation => salutation,
        closing => closing,
        role => input.application.role.trim(),
        company => input.application.company.trim(),
        when => format!("on {}", long_day(day, us)),
        today => long_date(input.today, us),
        us => us,
        mentions => input.interview.mentions.clone(),
        offers => input.interview.offers.clone(),
        skills => Value::from(minijinja::value::Serde(&skills)),
        their_date => decide_by.map(|d| long_date_without_year(d, us)).unwrap_or_default(),
        their_date_passed => decide_by.is_some_and(|d| d < input.today),
        position => input.recipient.map(|c| c.position.trim().to_string()).unwrap_or_default(),
        their_work => noted.map(|p| wording::for_reader(&p.works_on)).unwrap_or_default(),
        their_part => noted.map(|p| wording::for_reader(&p.part)).unwrap_or_default(),
        others => situation.others.clone(),
        round => situation.round.max(1),
        callback => situation.callback,
        after => situation.after.clone(),
        their_phone => input
            .recipient
            .and_then(|c| c.phones.first())
            .map(|p| p.value.trim().to_string())
            .unwrap_or_default(),
        your_time => situation.your_time.clone().unwrap_or_default(),
        seed => input.interview.id.clone(),
        turn => situation.turn,
        my_name => input.profile.name.trim(),
        my_phone => wording::dialable(&input.profile.phone, my_region, their_region),
        my_email => input.profile.email.trim(),
        recipient_name => input.recipient.map(|c| c.full_name.clone()).unwrap_or_default(),
        recipient_first => input.recipient.map(|c| c.given_name.clone()).unwrap_or_default(),
        their_time => input.their_time.clone().unwrap_or_default(),
    }
}

/// "Ms" in Britain, "Ms." in the US; empty stays empty.
pub fn title(honorific: &str, us: bool) -> String {
    let bare = honorific.trim().trim_end_matches('.');
    if bare.is_empty() {
        String::new()
    } else if us {
        format!("{bare}.")
    } else {
        bare.to_string()
    }
}

/// "Tuesday 2 March" / "Tuesday, March 2"
fn long_day(d: Date, us: bool) -> String {
    if us {
        d.strftime("%A, %B %-d").to_string()
    } else {
        d.strftime("%A %-d %B").to_string()
    }
}

/// "6 November" / "November 6"
fn long_date_without_year(d: Date, us: bool) -> String {
    if us {
        d.strftime("%B %-d").to_string()
    } else {
        d.strftime("%-d %B").to_string()
    }
}

/// "9 April 2027" / "April 9, 2027"
pub fn long_date(d: Date, us: bool) -> String {
    if us {
        d.strftime("%B %-d, %Y").to_string()
    } else {
        d.strftime("%-d %B %Y").to_string()
    }
}

/// Text as a sentence: trimmed, ending with a full stop.
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() || t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

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

/// Checks on a thank-you note's content: it thanks them, says the candidate wants the
/// role and the company, and names at least one skill. Reported like tone findings.
pub fn content_findings(
    body: &str,
    role: &str,
    company: &str,
    skills: &[SkillMatch],
) -> Vec<Finding> {
    let lower = body.to_lowercase();
    let mut out = Vec::new();
    let mut add =
        |rule: &str, level: Level, message: &str| out.push(Finding::whole(rule, level, message));
    if !["thank you", "thanks", "grateful"]
        .iter()
        .any(|t| lower.contains(t))
    {
        add(
            "Content.Thanks",
            Level::Warning,
            "The note never thanks them for their time.",
        );
    }
    if !role.is_empty() && !lower.contains(&role.to_lowercase()) {
        add(
            "Content.Role",
            Level::Warning,
            "The note does not name the role: say you want it.",
        );
    }
    if !company.is_empty() && !lower.contains(&company.to_lowercase()) {
        add(
            "Content.Company",
            Level::Warning,
            "The note does not name the company: say you want to join it.",
        );
    }
    if !skills.iter().any(|s| {
        lower.contains(&s.evidence.to_lowercase().trim_end_matches('.').to_string())
            || lower.contains(&s.name.to_lowercase())
    }) {
        add(
            "Content.Skills",
            Level::Suggestion,
            "The note names none of your matched skills.",
        );
    }
    out
}

/// How alike two notes are, 0 to 1: the share of word 3-grams they have in common
/// (Jaccard).
pub fn similarity(a: &str, b: &str) -> f64 {
    let grams = |t: &str| -> std::collections::BTreeSet<String> {
        let words: Vec<String> = t.split_whitespace().map(|w| w.to_lowercase()).collect();
        words.windows(3).map(|w| w.join(" ")).collect()
    };
    let (x, y) = (grams(a), grams(b));
    let union = x.union(&y).count().max(1);
    x.intersection(&y).count() as f64 / union as f64
}

/// Whether two notes are so alike that the panel would notice: over 70% alike.
pub fn near_identical(a: &str, b: &str) -> bool {
    similarity(a, b) > 0.7
}

/// Words in the note's body, for the 80–180 guidance.
pub fn body_words(body: &str) -> usize {
    word_count(body)
}

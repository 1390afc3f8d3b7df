//! Drafts: thank-you email and letter, the email query, call and voicemail scripts.
//!
//! Templates are minijinja in strict mode (an unknown variable is an error, not an empty
//! string), with a fuel limit (a template that loops forever stops with a clear error)
//! and no filesystem loader (a template cannot read files). Locale rules are decided here
//! in Rust and handed to templates as ready-made text: the salutation and closing that
//! go together, titles with or without full stops, dates in the local order.

mod content;
mod context;
mod greeting;
mod meeting_day;
mod placeholders;
mod render;

pub use content::{
    body_words, callback_findings, content_findings, near_identical, other_company_findings,
    similarity,
};
pub use context::{context, long_date, title};
pub use greeting::greeting_findings;
pub use meeting_day::meeting_day_findings;
pub use placeholders::placeholder_findings;
pub use render::{check_template, render};

use crate::model::{Application, Contact, Interview, Profile};
use crate::skills::SkillMatch;
use jiff::civil::Date;
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

impl DraftKind {
    /// Said on the call rather than sent: a call script or a voicemail makes its contact
    /// when the call is made, so the behaviour rules judge it then, not when drafted.
    pub fn said_on_the_call(&self) -> bool {
        matches!(self, DraftKind::Script | DraftKind::Voicemail)
    }

    /// Whether the length rules apply: a call script is read by you, not by them.
    pub fn judged_for_length(&self) -> bool {
        !matches!(self, DraftKind::Script)
    }
}

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
        "the day the draft is for (its step's day, if later, else today), \"9 April 2027\" or \"April 9, 2027\"",
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
        "the matched skills: a list of {name, in_sentence, evidence, said, clause, on_it}, best first; `in_sentence` is the name as it reads mid-sentence (\"data visualisation\", but \"Power BI\"), `said` the evidence as a first-person sentence, `clause` the same to follow a comma, `on_it` the sentence that names the skill and says what you did (\"On SQL, I built…\"; the evidence alone when it already names the skill, by name or in its verb: \"I built APIs in Python.\", \"I negotiated…\")",
    ),
    (
        "their_date",
        "the date they gave for their decision, written out, or empty",
    ),
    ("their_date_passed", "whether that date is before `today`"),
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
    (
        "email_when",
        "when the plan would send the short email after a voicemail: \"in a few days\", or the day (\"on Monday 4 January\") when that is later, as over Christmas",
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
    /// The day the plan would send the short email after a voicemail left on this
    /// call, in their calendar: what the voicemail may promise.
    pub email_after_voicemail: Option<jiff::civil::Date>,
}

//! What can go wrong in a use case, as values: no front end's wording here. The CLI
//! (`cli/src/exit.rs`) and the web app turn each into words and a status.

use followup_core::InvalidValue;
use followup_core::outbox::{OutboxState, SendRefused};
use followup_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A value the user gave (field and problem).
    #[error(transparent)]
    Invalid(#[from] InvalidValue),
    /// A rule refused the request: the message says which and why.
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    SendRefused(#[from] SendRefused),
    #[error("no mail server is configured")]
    NoMailServer,
    #[error("your email address is not set")]
    NoSenderAddress,
    #[error("{draft_id} has no recipient")]
    NoRecipient { draft_id: String },
    #[error("no email address for {name}")]
    NoRecipientAddress { contact_id: String, name: String },
    #[error("{draft_id} has {errors} error finding(s)")]
    NeedsOverride { draft_id: String, errors: usize },
    #[error("{draft_id} was not sent: {why}")]
    NotDelivered { draft_id: String, why: String },
    #[error("the connection broke after the message was handed over ({why}): it may have arrived")]
    DeliveryUnknown { draft_id: String, why: String },
    #[error("{draft_id} is an {channel} draft, not a letter")]
    NotALetter {
        draft_id: String,
        channel: followup_core::compose::Channel,
    },
    #[error("{draft_id} was never handed to the mail server")]
    NeverHandedOver { draft_id: String },
    #[error("{draft_id} is {state}: nothing to resolve")]
    NothingToResolve {
        draft_id: String,
        state: OutboxState,
    },
    /// A file of the user's (a template, a style) that cannot be used.
    #[error("{path}: {problem}")]
    File { path: String, problem: String },
    #[error("mail: {0}")]
    Mail(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl AppError {
    pub(crate) fn refused(why: impl Into<String>) -> AppError {
        AppError::Refused(why.into())
    }

    pub(crate) fn invalid(field: &str, problem: impl Into<String>) -> AppError {
        AppError::Invalid(InvalidValue::new(field, problem))
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

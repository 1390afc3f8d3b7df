//! Exit codes (published in the README) and the one place errors become messages.

use followup_app::AppError;
use followup_core::outbox::SendRefused;
use followup_store::StoreError;
use std::io::Write;
use std::process::ExitCode;

/// The input was wrong: a bad value, an unknown id, a file whose content cannot be used.
pub const BAD_INPUT: u8 = 1;
/// The command line itself was wrong (clap reports these), or `followup check` could not
/// read its input.
pub const USAGE: u8 = 2;
/// The database could not be opened, migrated or written.
pub const DATABASE: u8 = 3;
/// A file could not be read or written.
pub const IO: u8 = 4;

/// An error that is the user's to fix, with the message to show them.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

/// Ends the command with `code` and no message (what it had to say is printed already):
/// `followup check` exits 1 when it found errors.
#[derive(Debug, thiserror::Error)]
#[error("exit {0}")]
pub struct Quiet(pub u8);

/// Input a command could not read at all (`followup check`: exit 2, as linters do).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unreadable(pub String);

pub fn bad_input(message: impl Into<String>) -> anyhow::Error {
    BadInput(message.into()).into()
}

pub fn report(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        // The reader went away (`followup contact list | head`): nothing to report.
        return ExitCode::SUCCESS;
    }
    if let Some(Quiet(code)) = err.downcast_ref::<Quiet>() {
        return ExitCode::from(*code);
    }
    let code = code_for(err);
    let mut stderr = std::io::stderr().lock();
    match err.chain().find_map(|c| c.downcast_ref::<AppError>()) {
        Some(app) => {
            let _ = writeln!(stderr, "followup: {}", shown(&words(app)));
        }
        None => {
            let _ = writeln!(stderr, "followup: {}", shown(&format!("{err:#}")));
        }
    }
    ExitCode::from(code)
}

/// A message quotes what was typed or imported: its escapes and carriage returns are
/// shown, not obeyed (line breaks stay, for messages of several lines).
fn shown(message: &str) -> String {
    message
        .split('\n')
        .map(crate::out::visible)
        .collect::<Vec<_>>()
        .join("\n")
}

/// An engine error in the CLI's words: what went wrong, and the command that mends it.
fn words(e: &AppError) -> String {
    match e {
        AppError::Store(StoreError::NotFound { kind, id }) => {
            format!("no {kind} with id '{id}'; `followup {kind} list` shows the ids")
        }
        AppError::Store(StoreError::Ambiguous { .. }) => {
            format!("{e}; type more of the id")
        }
        AppError::Invalid(v) => format!("--{v}"),
        AppError::SendRefused(r) => match r {
            SendRefused::NotEmail { .. } => {
                format!("{r} (`followup letter` prints a letter)")
            }
            SendRefused::NotApproved { draft_id }
            | SendRefused::ChangedAfterApproval { draft_id } => {
                format!("{draft_id} cannot be sent: {r}; `followup approve {draft_id}` first")
            }
            SendRefused::MayHaveArrived { draft_id } => format!(
                "{r}: look in your Sent folder or ask, then `followup outbox resolve {draft_id} sent` or `… resend`"
            ),
            SendRefused::InFlight { .. } => {
                format!("{r}; wait for it to finish, then `followup outbox list`")
            }
            SendRefused::AlreadySent { .. } => r.to_string(),
        },
        AppError::NoMailServer => "no mail server configured: `followup config set smtp.host smtp.example.com` \
             (and smtp.user, smtp.password_command), or `followup draft export ID --eml` to send it from your mail client"
            .into(),
        AppError::NoSenderAddress => {
            "your email address is not set: `followup profile set --email …`".into()
        }
        AppError::NoRecipient { draft_id } => {
            format!("{e}; draft it again with --to CONTACT_ID ({draft_id})")
        }
        AppError::NoRecipientAddress { contact_id, .. } => {
            format!("{e}: `followup contact set {contact_id} --email …`")
        }
        AppError::NeedsOverride { draft_id, .. } => format!(
            "{e}; fix the text (`followup draft edit {draft_id}`) or approve with --override \"why\""
        ),
        AppError::NotALetter { .. } => format!(
            "{e}; draft a letter with `followup draft thank-you INTERVIEW_ID --channel letter`"
        ),
        AppError::DeliveryUnknown { draft_id, .. } => format!(
            "{e}. Check your Sent folder, then `followup outbox resolve {draft_id} sent` or `… resend`"
        ),
        _ => e.to_string(),
    }
}

fn code_for(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.downcast_ref::<BadInput>().is_some() {
            return BAD_INPUT;
        }
        if cause.downcast_ref::<Unreadable>().is_some() {
            return USAGE;
        }
        if let Some(app) = cause.downcast_ref::<AppError>() {
            return match app {
                AppError::Store(store) => store_code(store),
                AppError::Io(_) => IO,
                _ => BAD_INPUT,
            };
        }
        if let Some(store) = cause.downcast_ref::<StoreError>() {
            return store_code(store);
        }
        if cause.downcast_ref::<std::io::Error>().is_some() {
            return IO;
        }
    }
    BAD_INPUT
}

fn store_code(e: &StoreError) -> u8 {
    match e {
        StoreError::NotFound { .. } | StoreError::Ambiguous { .. } | StoreError::Conflict(_) => {
            BAD_INPUT
        }
        _ => DATABASE,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

//! Exit codes (published in the README) and the one place errors become messages.

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
    let _ = writeln!(stderr, "followup: {err:#}");
    ExitCode::from(code)
}

fn code_for(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.downcast_ref::<BadInput>().is_some() {
            return BAD_INPUT;
        }
        if cause.downcast_ref::<Unreadable>().is_some() {
            return USAGE;
        }
        if let Some(store) = cause.downcast_ref::<StoreError>() {
            return match store {
                StoreError::NotFound { .. } | StoreError::Conflict(_) => BAD_INPUT,
                _ => DATABASE,
            };
        }
        if cause.downcast_ref::<std::io::Error>().is_some() {
            return IO;
        }
    }
    BAD_INPUT
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

//! Followup's file formats: vCard in and out, the JSON backup, CSV import of applications.
//! Parsing lives here; every reader reports problems with the line (and field) they are on.

pub mod backup;
pub mod csv_import;
mod csv_shape;
pub mod holiday_files;
pub mod ics;
mod text;
pub mod vcard;

/// Where in a file a problem is, and what it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct LineError {
    pub line: usize,
    pub problem: String,
}

impl LineError {
    pub fn new(line: usize, problem: impl Into<String>) -> Self {
        Self {
            line,
            problem: problem.into(),
        }
    }
}

/// Checks that `bytes` are UTF-8 text and returns them as such; otherwise says on which
/// line and at which byte offset the first bad byte is.
pub fn utf8_text(bytes: &[u8]) -> Result<&str, LineError> {
    if is_utf16(bytes) {
        return Err(LineError::new(
            1,
            "UTF-16 text (\"Unicode\" in some editors), not UTF-8; save the file as UTF-8",
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        LineError::new(
            line,
            format!("not UTF-8 text (invalid byte at offset {at}); save the file as UTF-8"),
        )
    })
}

/// Whether `bytes` start with a UTF-16 byte-order mark: text Windows editors save as
/// "Unicode", whose every other byte is NUL, so it would otherwise read as binary.
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff])
}

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

/// A file's text: UTF-8 (a byte-order mark kept, as `utf8_text` keeps it), or UTF-16
/// with its byte-order mark, which Windows editors save as "Unicode" and some address
/// books export cards in, decoded. Line numbers in errors are the file's.
pub fn decoded_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, LineError> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return utf8_text(bytes).map(std::borrow::Cow::Borrowed),
    };
    let body = &bytes[2..];
    let units: Vec<u16> = body
        .chunks(2)
        .map(|p| match (p, little) {
            ([a, b], true) => u16::from_le_bytes([*a, *b]),
            ([a, b], false) => u16::from_be_bytes([*a, *b]),
            _ => 0xdc00, // an odd last byte: an unpaired half, refused below
        })
        .collect();
    let mut text = String::with_capacity(units.len());
    for (i, c) in char::decode_utf16(units.iter().copied()).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                let line = text.matches('\n').count() + 1;
                return Err(LineError::new(
                    line,
                    format!("not valid UTF-16 text (at unit {i}); save the file as UTF-8"),
                ));
            }
        }
    }
    Ok(std::borrow::Cow::Owned(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_its_mark_is_decoded_either_way_round() {
        let text = "BEGIN:VCARD\nFN:Zoë\n";
        let mut le = vec![0xff, 0xfe];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xfe, 0xff];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decoded_text(&le).unwrap(), text);
        assert_eq!(decoded_text(&be).unwrap(), text);
        assert_eq!(decoded_text(text.as_bytes()).unwrap(), text);
        le.push(0x41);
        let e = decoded_text(&le).unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(e.problem.contains("not valid UTF-16"), "{e:?}");
    }
}

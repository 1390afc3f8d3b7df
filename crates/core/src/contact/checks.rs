//! What a contact may hold: email addresses that are addresses, phone numbers that hold
//! a number (15 digits at most after a +), and no control characters — nor, in a one-line
//! field, a direction control.

use crate::InvalidValue;
use crate::model::Contact;

/// Whether `address` looks like an email address: one `@` between a local part and a
/// domain with a dot, no spaces or control characters.
pub fn is_email(address: &str) -> bool {
    let a = address.trim();
    let Some((local, domain)) = a.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !a.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// What [`control_char`] found, for a message: "a control character ('\u{1b}')", or for
/// a direction control what it would do.
pub fn unwanted(ch: char) -> String {
    if ch.is_control() {
        format!("a control character ({ch:?})")
    } else {
        format!("a direction control ({ch:?}), which would show the text around it reordered")
    }
}

/// The first control character in `text` (a newline, an escape, a bell…), if any;
/// `newlines` allows line breaks and tabs (notes, addresses, and whatever a backup from
/// an older Followup holds). A one-line field (`newlines` false) holds no direction
/// control either: U+202E in a name would show the rest of a line, a salutation or a
/// subject reversed, and no name needs one (the marks a right-to-left name may carry,
/// U+200E and U+200F, stay allowed).
pub fn control_char(text: &str, newlines: bool) -> Option<char> {
    text.chars().find(|c| {
        (c.is_control() && !(newlines && matches!(c, '\n' | '\r' | '\t')))
            || (!newlines && crate::unseen::direction_control(*c))
    })
}

/// Checks the fields a contact will be shown, written into cards and put into emails:
/// no control characters (see [`no_control_chars`]), email addresses that are addresses,
/// and phone numbers that hold a number.
pub fn check(c: &Contact) -> Result<(), InvalidValue> {
    no_control_chars(c)?;
    for e in &c.emails {
        email_address("email", &e.value)?;
    }
    for p in &c.phones {
        phone_number("phone", &p.value)?;
    }
    Ok(())
}

/// An email address (see [`is_email`]).
pub fn email_address(field: &str, value: &str) -> Result<(), InvalidValue> {
    if let Some(ch) = control_char(value, false) {
        return Err(InvalidValue::new(
            field,
            format!("{:?} holds {}", clip(value), unwanted(ch)),
        ));
    }
    if is_email(value) {
        return Ok(());
    }
    Err(InvalidValue::new(
        field,
        format!(
            "'{}' is not an email address (e.g. ada@example.com)",
            clip(value)
        ),
    ))
}

/// A phone number: read out in a voicemail and dialled from a script, it must hold a
/// number (three digits at least; spaces, `+` and brackets are the caller's business).
/// One written internationally (`+44 …`) has at most 15 digits before any extension
/// (E.164): more is a slip a caller would only find by dialling it.
pub fn phone_number(field: &str, value: &str) -> Result<(), InvalidValue> {
    let lower = value.to_lowercase();
    let number = lower
        .split(['x', '#', ';', ','])
        .next()
        .unwrap_or_default()
        .split("ext")
        .next()
        .unwrap_or_default();
    let digits = number.chars().filter(char::is_ascii_digit).count();
    if number.trim_start().starts_with('+') && digits > 15 {
        return Err(InvalidValue::new(
            field,
            format!(
                "'{}' has {digits} digits; a number written with + has at most 15, extension aside (write one as \"+44 20 7946 0000 ext. 12\")",
                clip(value)
            ),
        ));
    }
    if value.chars().filter(char::is_ascii_digit).count() >= 3 {
        return Ok(());
    }
    Err(InvalidValue::new(
        field,
        format!(
            "'{}' is not a phone number (write the digits, e.g. +44 20 7946 0000)",
            clip(value)
        ),
    ))
}

/// No control characters in any field: an imported card must not recolour a terminal or
/// add a header line to an email. Notes and the lines of an address may run over several
/// lines; nothing else moves a terminal's cursor. A reader that decodes (quoted-printable
/// `=00`, base64) checks what it decoded with this, not only the text it was given.
pub fn no_control_chars(c: &Contact) -> Result<(), InvalidValue> {
    control_chars_in(c, false)
}

/// What any stored contact holds, however it came (a backup from an older Followup too):
/// no control character but line breaks and tabs (see `crate::model::plain_text`).
pub fn no_stored_control_chars(c: &Contact) -> Result<(), InvalidValue> {
    control_chars_in(c, true)
}

fn control_chars_in(c: &Contact, lenient: bool) -> Result<(), InvalidValue> {
    let single = [
        ("name", &c.full_name),
        ("given name", &c.given_name),
        ("family name", &c.family_name),
        ("title", &c.honorific),
        ("position", &c.position),
        ("organisation", &c.organisation),
        ("uid", &c.uid),
    ];
    let labelled = c
        .emails
        .iter()
        .map(|e| ("email", e))
        .chain(c.phones.iter().map(|p| ("phone", p)));
    let mut fields: Vec<(&str, &String, bool)> =
        single.iter().map(|(f, v)| (*f, *v, false)).collect();
    for (field, l) in labelled {
        fields.push((field, &l.value, false));
        fields.extend(l.labels.iter().map(|label| (field, label, false)));
    }
    fields.extend(c.time_zone.iter().map(|v| ("time zone", v, false)));
    fields.extend(c.region.iter().map(|v| ("region", v, false)));
    fields.push(("notes", &c.notes, true));
    if let Some(a) = &c.address {
        fields.extend(a.parts().into_iter().map(|v| ("address", v, true)));
    }
    for (field, value, newlines) in fields {
        if let Some(ch) = control_char(value, newlines || lenient) {
            return Err(InvalidValue::new(
                field,
                format!("{:?} holds {}", clip(value), unwanted(ch)),
            ));
        }
    }
    Ok(())
}

/// The first 40 characters of a value, to quote in a message about it.
pub(crate) fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Labelled;

    #[test]
    fn emails_and_control_characters() {
        assert!(is_email("priya@acme.test"));
        for bad in [
            "bad@",
            "@acme.test",
            "a b@acme.test",
            "priya@acme",
            "a@b@c.test",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        let mut c = Contact::named("Priya Patel", jiff::Timestamp::UNIX_EPOCH);
        assert!(check(&c).is_ok());
        c.full_name = "Priya\u{1b}[31mPatel".into();
        assert_eq!(check(&c).unwrap_err().field, "name");
        c.full_name = "Priya Patel".into();
        c.notes = "line one\nline two".into();
        assert!(check(&c).is_ok());
        c.notes = "line one\n\u{0}\u{1b}[2J".into();
        assert_eq!(check(&c).unwrap_err().field, "notes");
        c.notes = "line one\r\n\tindented".into();
        assert!(check(&c).is_ok());
        c.position = "Head\rof".into();
        assert_eq!(check(&c).unwrap_err().field, "position");
        // A direction control in a one-line field would show it reversed; the marks a
        // right-to-left name carries are fine, and a stored note keeps what it holds.
        c.position = "Head of \u{202e}gnireenignE".into();
        assert_eq!(check(&c).unwrap_err().field, "position");
        c.position = "\u{200f}\u{5e8}\u{5d0}\u{5e9}\u{200f} of Engineering".into();
        assert!(check(&c).is_ok());
        c.notes = "She said \u{2067}\u{5e9}\u{5dc}\u{5d5}\u{5dd}\u{2069}".into();
        assert!(no_stored_control_chars(&c).is_ok());
        c.notes = String::new();
        c.position = String::new();
        c.phones = vec![Labelled::plain("+44 (0)20 7946-0000 ext. 12")];
        assert!(check(&c).is_ok());
        // At most 15 digits in an international number; an extension is not counted.
        c.phones = vec![Labelled::plain("+1 212 555 0188 x123456")];
        assert!(check(&c).is_ok());
        c.phones = vec![Labelled::plain("+44 20 7946 0000 1234567")];
        let err = check(&c).unwrap_err();
        assert!(err.problem.contains("has 19 digits"), "{}", err.problem);
        c.phones = vec![Labelled::plain("call me")];
        let err = check(&c).unwrap_err();
        assert_eq!(err.field, "phone");
        assert!(
            err.problem.contains("not a phone number"),
            "{}",
            err.problem
        );
    }
}

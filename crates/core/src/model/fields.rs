//! What a stored record's text may hold, whichever way it arrived (typed, a form, a CSV,
//! a backup, an older Followup): no control character but line breaks and tabs, so no
//! text can recolour a terminal, move its cursor or ring its bell; an advert's address
//! names no scheme but `http(s)`, so a page cannot turn it into a script. What is typed
//! now is held to more where it is typed: a one-line field on one line
//! ([`plain_text`] with `newlines` false), an email address an address. Line breaks in
//! a one-line field that an older Followup stored stay readable (and restorable): the
//! mail crate writes every header on one line whatever it is given.

use super::{Application, Interview, Profile};
use crate::InvalidValue;
use crate::contact::{clip, control_char};

/// `value` holds no control character (line breaks and direction controls too when
/// `newlines` is false: a one-line field).
pub fn plain_text(field: &str, value: &str, newlines: bool) -> Result<(), InvalidValue> {
    match control_char(value, newlines) {
        Some(ch) => Err(InvalidValue::new(
            field,
            format!(
                "{:?} holds {}{}",
                clip(value),
                crate::contact::unwanted(ch),
                if matches!(ch, '\n' | '\r') {
                    "; write it on one line"
                } else {
                    ""
                }
            ),
        )),
        None => Ok(()),
    }
}

/// An advert's address: when it names a scheme (`javascript:`, `data:`, `https:`…), the
/// scheme is `http` or `https`. One typed without a scheme ("example.com/jobs/1", or
/// older notes such as "LinkedIn posting") is kept as written: it is shown, not linked.
pub fn web_address(field: &str, value: &str) -> Result<(), InvalidValue> {
    plain_text(field, value, true)?;
    let v = value.trim();
    let scheme = v
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| {
            s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        })
        .map(str::to_ascii_lowercase);
    if scheme.is_some_and(|s| s != "http" && s != "https") {
        return Err(InvalidValue::new(
            field,
            format!(
                "'{}' is not a web address; give the advert's address, starting https://",
                clip(v)
            ),
        ));
    }
    Ok(())
}

impl Profile {
    /// What any stored profile holds: no control character but line breaks and tabs.
    pub fn check(&self) -> Result<(), InvalidValue> {
        plain_text("name", &self.name, true)?;
        plain_text("email", &self.email, true)?;
        plain_text("phone", &self.phone, true)?;
        plain_text("address", &self.postal_address, true)?;
        for s in &self.skills {
            plain_text("skill", &s.name, true)?;
            for a in &s.aliases {
                plain_text("skill alias", a, true)?;
            }
            plain_text("evidence", &s.evidence, true)?;
        }
        Ok(())
    }
}

impl Application {
    /// No control character but line breaks and tabs; the advert's address a web address.
    pub fn check(&self) -> Result<(), InvalidValue> {
        plain_text("company", &self.company, true)?;
        plain_text("role", &self.role, true)?;
        plain_text("status", self.status.as_str(), true)?;
        web_address("url", &self.source_url)?;
        plain_text("job description", &self.job_description, true)?;
        for d in &self.documents {
            if let Some(path) = &d.path {
                plain_text(d.kind.as_str(), path, true)?;
            }
            if let Some(text) = &d.text {
                plain_text(d.kind.as_str(), text, true)?;
            }
        }
        Ok(())
    }
}

impl Interview {
    /// No control character but line breaks and tabs.
    pub fn check(&self) -> Result<(), InvalidValue> {
        plain_text("tz", &self.time_zone, true)?;
        plain_text("location", &self.location, true)?;
        plain_text("notes", &self.notes, true)?;
        plain_text("timeline", &self.timeline, true)?;
        for (field, list) in [
            ("clarify", &self.points_to_clarify),
            ("mention", &self.mentions),
            ("offer", &self.offers),
        ] {
            for item in list {
                plain_text(field, item, true)?;
            }
        }
        for p in &self.panellists {
            plain_text("works-on", &p.works_on, true)?;
            plain_text("part", &p.part, true)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_fields_refuse_line_breaks_and_escapes() {
        assert!(plain_text("company", "Acme Ltd", false).is_ok());
        let e = plain_text("role", "Dev\r\nBcc: x@example.com", false).unwrap_err();
        assert_eq!(e.field, "role");
        assert!(e.problem.contains("one line"), "{}", e.problem);
        assert!(plain_text("company", "Acme\u{1b}[31m", false).is_err());
        assert!(plain_text("notes", "line one\nline two\ttab", true).is_ok());
        assert!(plain_text("notes", "bell\u{7}", true).is_err());
    }

    #[test]
    fn an_advert_address_is_a_web_address() {
        for ok in [
            "",
            "https://example.com/jobs/1",
            "HTTP://example.com",
            "example.com/jobs/1",
            "LinkedIn posting",
        ] {
            assert!(web_address("url", ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>",
            "JavaScript:alert(1)",
            "vbscript:x",
            "https://example.com/\u{1b}[2J",
        ] {
            assert!(web_address("url", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_stored_profile_holds_no_escape_sequence() {
        let mut p = Profile {
            email: "ada at example".into(),
            ..Profile::default()
        };
        // A restored backup is read as it was written…
        assert!(p.check().is_ok());
        // …a line break an older Followup let in too (the mail crate keeps headers on
        // one line)…
        p.email = "ada@example.com\r\nBcc: x@example.com".into();
        assert!(p.check().is_ok());
        // …but not an escape sequence.
        p.name = "Ada\u{1b}[31m".into();
        assert_eq!(p.check().unwrap_err().field, "name");
        p.name = String::new();
        p.email = String::new();
        p.skills.push(crate::model::Skill {
            name: "SQL\u{1b}[2J".into(),
            aliases: vec![],
            evidence: String::new(),
        });
        assert_eq!(p.check().unwrap_err().field, "skill");
    }
}

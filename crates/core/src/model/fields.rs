//! What a stored record's text may hold, whichever way it arrived (typed, a form, a CSV,
//! a backup): a one-line field holds no control character, so it cannot recolour a
//! terminal, move its cursor or add a header line to an email; a multi-line field may
//! break lines but holds no other control character; an advert's address is a web
//! address, so a page cannot turn it into a script. The format of what the candidate
//! types about themselves (an email address, a phone number) is checked where it is
//! typed (`crate::contact::email_address`), not on restore: an older backup stays
//! readable.

use super::{Application, Interview, Profile};
use crate::InvalidValue;
use crate::contact::control_char;

/// `value` holds no control character (line breaks too when `newlines` is false).
pub fn plain_text(field: &str, value: &str, newlines: bool) -> Result<(), InvalidValue> {
    match control_char(value, newlines) {
        Some(ch) => Err(InvalidValue::new(
            field,
            format!(
                "{:?} holds a control character ({ch:?}){}",
                clip(value),
                if newlines {
                    ""
                } else {
                    "; write it on one line"
                }
            ),
        )),
        None => Ok(()),
    }
}

/// An advert's address: on one line, without spaces, and when it names a scheme
/// (`javascript:`, `data:`, `https:`…) the scheme is `http` or `https`. An address typed
/// without one ("example.com/jobs/1") is kept as typed: it is shown, not linked.
pub fn web_address(field: &str, value: &str) -> Result<(), InvalidValue> {
    plain_text(field, value, false)?;
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
    let scheme_ok = scheme.is_none_or(|s| s == "http" || s == "https");
    if !scheme_ok || v.chars().any(char::is_whitespace) {
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
    /// What any stored profile holds: no control characters (the address may break lines).
    pub fn check(&self) -> Result<(), InvalidValue> {
        plain_text("name", &self.name, false)?;
        plain_text("email", &self.email, false)?;
        plain_text("phone", &self.phone, false)?;
        plain_text("address", &self.postal_address, true)?;
        for s in &self.skills {
            plain_text("skill", &s.name, false)?;
            for a in &s.aliases {
                plain_text("skill alias", a, false)?;
            }
            plain_text("evidence", &s.evidence, true)?;
        }
        Ok(())
    }
}

impl Application {
    /// Company, role and status on one line; the advert's address a web address; the
    /// job description and the documents' text may break lines.
    pub fn check(&self) -> Result<(), InvalidValue> {
        plain_text("company", &self.company, false)?;
        plain_text("role", &self.role, false)?;
        plain_text("status", self.status.as_str(), false)?;
        web_address("url", &self.source_url)?;
        plain_text("job description", &self.job_description, true)?;
        for d in &self.documents {
            if let Some(path) = &d.path {
                plain_text(d.kind.as_str(), path, false)?;
            }
            if let Some(text) = &d.text {
                plain_text(d.kind.as_str(), text, true)?;
            }
        }
        Ok(())
    }
}

impl Interview {
    /// The zone and place on one line; notes, the timeline and what to mention or
    /// clarify may break lines.
    pub fn check(&self) -> Result<(), InvalidValue> {
        plain_text("tz", &self.time_zone, false)?;
        plain_text("location", &self.location, false)?;
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
            plain_text("works-on", &p.works_on, false)?;
            plain_text("part", &p.part, false)?;
        }
        Ok(())
    }
}

fn clip(text: &str) -> String {
    text.chars().take(40).collect()
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
        ] {
            assert!(web_address("url", ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>",
            "JavaScript:alert(1)",
            "vbscript:x",
            "https://exa mple.com",
            "https://example.com/\n",
        ] {
            assert!(web_address("url", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_profile_holds_no_header_line() {
        let mut p = Profile {
            email: "ada at example".into(),
            ..Profile::default()
        };
        // A restored backup is read as it was written…
        assert!(p.check().is_ok());
        // …but nothing in it may add a line to an email.
        p.email = "ada@example.com\r\nBcc: x@example.com".into();
        assert_eq!(p.check().unwrap_err().field, "email");
        p.email = String::new();
        p.skills.push(crate::model::Skill {
            name: "SQL\u{1b}[2J".into(),
            aliases: vec![],
            evidence: String::new(),
        });
        assert_eq!(p.check().unwrap_err().field, "skill");
    }
}

//! Delivery: building the RFC 5322 message for an approved draft and handing it to the
//! user's SMTP server, one step at a time, so that every failure is known to have
//! happened before the message content was sent (safe to retry) or after (unknown: the
//! server may have it, so it is never resent automatically).
//!
//! Heavy dependencies (lettre, rustls) live in this crate only.

use lettre::Address;
pub mod letter;

use lettre::message::header::{ContentType, MIME_VERSION_1_0};
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;
use std::time::Duration;

/// How to reach the user's mail server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: Option<String>,
    /// From the environment or a password command; never stored.
    pub password: Option<String>,
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain text (a local relay or a test server only).
    None,
    /// Plain connection upgraded with STARTTLS (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl Security {
    pub fn parse(text: &str) -> Option<Security> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" | "plain" => Some(Security::None),
            "starttls" => Some(Security::StartTls),
            "tls" | "ssl" | "implicit" => Some(Security::Tls),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Security::None => "none",
            Security::StartTls => "starttls",
            Security::Tls => "tls",
        }
    }
}

/// A message to send: who, to whom, what.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub from_name: String,
    pub from_email: String,
    pub to_name: String,
    pub to_email: String,
    pub subject: String,
    pub body: String,
    /// `<…@…>`, generated and stored before sending.
    pub message_id: String,
    pub date: jiff::Timestamp,
}

/// Why a message could not be built or the server could not be used.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("{field}: '{value}' is not a usable email address")]
    Address { field: &'static str, value: String },
    #[error("cannot build the message: {0}")]
    Build(String),
    #[error("the mail server: {0}")]
    Server(String),
}

/// What happened to a delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The server answered 250 after the message content.
    Sent(String),
    /// The server refused for good (5xx), before or after the content.
    Failed(String),
    /// Nothing was accepted and trying again may work (4xx, refused connection, timeout
    /// before the content).
    Retry(String),
    /// The connection broke after the content was sent: the server may have it.
    Unknown(String),
}

/// Names and subjects go into headers: a CR or LF there could start a header of its own
/// ("\r\nBcc: …"), so they become spaces before anything else sees them.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ").trim().to_string()
}

fn mailbox(field: &'static str, name: &str, email: &str) -> Result<Mailbox, MailError> {
    let address = email.trim().parse().map_err(|_| MailError::Address {
        field,
        value: email.to_string(),
    })?;
    let name = one_line(name);
    Ok(Mailbox::new((!name.is_empty()).then_some(name), address))
}

/// The message as RFC 5322 bytes: UTF-8 names and subject encoded as RFC 2047 words, the
/// plain-text body in a transfer encoding every server accepts.
pub fn build_message(o: &Outgoing) -> Result<Vec<u8>, MailError> {
    let date =
        std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(o.date.as_second().max(0) as u64);
    let message = Message::builder()
        .from(mailbox("from", &o.from_name, &o.from_email)?)
        .to(mailbox("to", &o.to_name, &o.to_email)?)
        .subject(one_line(&o.subject))
        .date(date)
        .message_id(Some(one_line(&o.message_id)))
        .header(MIME_VERSION_1_0)
        .header(ContentType::TEXT_PLAIN)
        .body(o.body.replace("\r\n", "\n").replace('\n', "\r\n"))
        .map_err(|e| MailError::Build(e.to_string()))?;
    Ok(message.formatted())
}

/// A `mailto:` URL with the subject and body, for a mail client to open.
pub fn mailto(o: &Outgoing) -> String {
    fn enc(text: &str) -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    }
    // RFC 6068: the address is percent-encoded too ('?', '&', '%', '#' in a local part
    // would otherwise end it); only its '@' stays as it is.
    let to: Vec<String> = one_line(o.to_email.trim()).split('@').map(enc).collect();
    format!(
        "mailto:{}?subject={}&body={}",
        to.join("@"),
        enc(&one_line(&o.subject)),
        enc(&o.body.replace("\r\n", "\n").replace('\n', "\r\n"))
    )
}

fn tls_parameters(settings: &SmtpSettings) -> Result<TlsParameters, MailError> {
    TlsParameters::new(settings.host.clone())
        .map_err(|e| MailError::Server(format!("TLS setup: {e}")))
}

/// Connects, says hello, upgrades to TLS and logs in as the settings say.
fn open(settings: &SmtpSettings) -> Result<SmtpConnection, lettre::transport::smtp::Error> {
    let hello = ClientId::default();
    let address = (settings.host.as_str(), settings.port);
    let implicit = match settings.security {
        Security::Tls => Some(TlsParameters::new(settings.host.clone())?),
        _ => None,
    };
    let mut conn = SmtpConnection::connect(
        address,
        Some(settings.timeout),
        &hello,
        implicit.as_ref(),
        None,
    )?;
    if settings.security == Security::StartTls {
        let params = TlsParameters::new(settings.host.clone())?;
        conn.starttls(&params, &hello)?;
    }
    if let (Some(user), Some(password)) = (&settings.user, &settings.password) {
        let credentials = Credentials::new(user.clone(), password.clone());
        conn.auth(&[Mechanism::Plain, Mechanism::Login], &credentials)?;
    }
    Ok(conn)
}

/// Checks the settings against the server: connect, hello, TLS, login, then quit without
/// sending anything. Returns the server's greeting name.
pub fn test_connection(settings: &SmtpSettings) -> Result<String, MailError> {
    let _ = tls_parameters(settings)?;
    let mut conn = open(settings).map_err(|e| MailError::Server(e.to_string()))?;
    let name = conn.server_info().name().to_string();
    let _ = conn.quit();
    Ok(name)
}

/// One delivery attempt of `message` from `from` to `to`, classified so the outbox knows
/// whether the server might have it.
pub fn deliver(settings: &SmtpSettings, from: &str, to: &str, message: &[u8]) -> Delivery {
    let before_content = |e: lettre::transport::smtp::Error| {
        if e.is_permanent() {
            Delivery::Failed(e.to_string())
        } else {
            Delivery::Retry(e.to_string())
        }
    };
    let (from, to): (Address, Address) = match (from.trim().parse(), to.trim().parse()) {
        (Ok(f), Ok(t)) => (f, t),
        _ => return Delivery::Failed(format!("not a usable address: {from} or {to}")),
    };
    let mut conn = match open(settings) {
        Ok(conn) => conn,
        Err(e) => return before_content(e),
    };
    let envelope = conn
        .command(Mail::new(Some(from), vec![]))
        .and_then(|_| conn.command(Rcpt::new(to, vec![])))
        .and_then(|_| conn.command(Data));
    if let Err(e) = envelope {
        conn.abort();
        return before_content(e);
    }
    // From here the content is on its way: only an answer from the server is definite.
    let result = conn.message(message);
    let outcome = match result {
        Ok(response) => Delivery::Sent(response.message().collect::<Vec<_>>().join(" ")),
        Err(e) if e.is_permanent() => Delivery::Failed(e.to_string()),
        Err(e) if e.is_transient() => Delivery::Retry(e.to_string()),
        Err(e) => Delivery::Unknown(e.to_string()),
    };
    let _ = conn.quit();
    outcome
}

/// Whether a Message-ID and an outgoing message are well formed enough to send.
pub fn message_id(random: &str, domain: &str) -> String {
    let domain = domain.trim();
    let domain = if domain.is_empty() {
        "followup.invalid"
    } else {
        domain
    };
    format!("<{random}@{domain}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outgoing() -> Outgoing {
        Outgoing {
            from_name: "Zoë Ångström".into(),
            from_email: "zoe@example.test".into(),
            to_name: "Priya Patel".into(),
            to_email: "priya@acme.test".into(),
            subject: "Thank you — Platform Engineer interview".into(),
            body: "Dear Ms Patel,\n\nThank you.\n".into(),
            message_id: "<abc@example.test>".into(),
            date: "2027-03-02T15:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn names_and_subjects_are_encoded_and_cannot_add_headers() {
        let mut o = outgoing();
        o.to_name = "Priya\r\nBcc: evil@attacker.test".into();
        o.subject = "Thanks\r\nBcc: evil@attacker.test".into();
        let text = String::from_utf8(build_message(&o).unwrap()).unwrap();
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(
            !headers
                .lines()
                .any(|l| l.to_ascii_lowercase().starts_with("bcc:")),
            "{headers}"
        );
        assert!(
            headers.contains("Message-ID: <abc@example.test>"),
            "{headers}"
        );
        assert!(headers.contains("From: =?utf-8?"), "{headers}");
        assert!(text.is_ascii(), "the formatted message is 7-bit");
    }

    #[test]
    fn bad_addresses_name_the_field() {
        let mut o = outgoing();
        o.to_email = "not an address".into();
        assert!(matches!(
            build_message(&o),
            Err(MailError::Address { field: "to", .. })
        ));
    }

    #[test]
    fn mailto_urls_are_percent_encoded() {
        let url = mailto(&outgoing());
        assert!(
            url.starts_with("mailto:priya@acme.test?subject=Thank%20you%20%E2%80%94%20Platform"),
            "{url}"
        );
        assert!(url.contains("&body=Dear%20Ms%20Patel%2C%0D%0A%0D%0AThank%20you."));
        let mut o = outgoing();
        o.to_email = "a&b?c%d#e@acme.test".into();
        let url = mailto(&o);
        assert!(
            url.starts_with("mailto:a%26b%3Fc%25d%23e@acme.test?subject="),
            "{url}"
        );
        assert_eq!(url.matches('?').count(), 1, "{url}");
    }
}

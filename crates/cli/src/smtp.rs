//! The mail server settings, resolved: environment beats the database's `smtp.*`
//! settings beats defaults. The password is never stored: it comes from
//! `FOLLOWUP_SMTP_PASSWORD` or the output of `smtp.password_command`.

use crate::exit::bad_input;
use followup_mail::{Security, SmtpSettings};
use followup_store::Store;
use std::time::Duration;

/// The keys `followup config set` accepts for mail, with what they mean.
pub const KEYS: &[(&str, &str)] = &[
    ("smtp.host", "your mail server, e.g. smtp.example.com"),
    (
        "smtp.port",
        "587 for starttls, 465 for tls, 25 for none [default by security]",
    ),
    ("smtp.security", "none, starttls or tls [default: starttls]"),
    ("smtp.user", "the login name"),
    (
        "smtp.password_command",
        "a command that prints the password, e.g. `pass show mail`",
    ),
];

/// One resolved value and where it came from, for `config show`.
pub struct Resolved {
    pub name: &'static str,
    pub value: String,
    pub source: String,
}

fn env_name(key: &str) -> String {
    format!("FOLLOWUP_{}", key.replace(['.', '-'], "_").to_uppercase())
}

/// Every mail setting as `config show` prints it, the password redacted.
pub fn resolved(store: &mut Store) -> anyhow::Result<Vec<Resolved>> {
    let stored = store.settings()?;
    let mut out = Vec::new();
    for (key, _) in KEYS {
        let env = env_name(key);
        let (value, source) = match std::env::var(&env) {
            Ok(v) if !v.is_empty() => (v, env),
            _ => match stored.iter().find(|(k, _)| k == key) {
                Some((_, v)) => (v.clone(), "config".to_string()),
                None => (String::new(), "unset".to_string()),
            },
        };
        out.push(Resolved {
            name: key,
            value,
            source,
        });
    }
    let password = if std::env::var("FOLLOWUP_SMTP_PASSWORD").is_ok_and(|p| !p.is_empty()) {
        ("********".to_string(), "FOLLOWUP_SMTP_PASSWORD".to_string())
    } else if out
        .iter()
        .any(|r| r.name == "smtp.password_command" && !r.value.is_empty())
    {
        (
            "(from smtp.password_command)".to_string(),
            "command".to_string(),
        )
    } else {
        (String::new(), "unset".to_string())
    };
    out.push(Resolved {
        name: "smtp.password",
        value: password.0,
        source: password.1,
    });
    Ok(out)
}

/// The settings to connect with; says what to do when no server is configured.
pub fn settings(store: &mut Store) -> anyhow::Result<SmtpSettings> {
    let values = resolved(store)?;
    let get = |name: &str| {
        values
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.value.clone())
            .unwrap_or_default()
    };
    let host = get("smtp.host");
    if host.is_empty() {
        return Err(bad_input(
            "no mail server configured: `followup config set smtp.host smtp.example.com` (and smtp.user, \
             smtp.password_command), or `followup draft export ID --eml` to send it from your mail client",
        ));
    }
    let security_text = get("smtp.security");
    let security = if security_text.is_empty() {
        Security::StartTls
    } else {
        Security::parse(&security_text).ok_or_else(|| {
            bad_input(format!(
                "smtp.security: '{security_text}': use none, starttls or tls"
            ))
        })?
    };
    let port_text = get("smtp.port");
    let port = if port_text.is_empty() {
        match security {
            Security::Tls => 465,
            Security::StartTls => 587,
            Security::None => 25,
        }
    } else {
        port_text
            .parse()
            .map_err(|_| bad_input(format!("smtp.port: '{port_text}' is not a port number")))?
    };
    let user = Some(get("smtp.user")).filter(|u| !u.is_empty());
    let password = match std::env::var("FOLLOWUP_SMTP_PASSWORD") {
        Ok(p) if !p.is_empty() => Some(p),
        _ => {
            let command = get("smtp.password_command");
            if command.is_empty() {
                None
            } else {
                Some(run_password_command(&command)?)
            }
        }
    };
    Ok(SmtpSettings {
        host,
        port,
        security,
        user,
        password,
        timeout: Duration::from_secs(30),
    })
}

fn run_password_command(command: &str) -> anyhow::Result<String> {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .stderr(std::process::Stdio::inherit())
        .output()?;
    if !out.status.success() {
        return Err(bad_input(format!(
            "smtp.password_command failed ({})",
            out.status
        )));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text.lines().next().unwrap_or("").to_string())
}

/// Checks a `config set smtp.*` value.
pub fn check(name: &str, value: &str) -> anyhow::Result<()> {
    match name {
        "smtp.password" => Err(bad_input(
            "the password is never stored: set FOLLOWUP_SMTP_PASSWORD, or smtp.password_command",
        )),
        "smtp.security" if Security::parse(value).is_none() => Err(bad_input(format!(
            "smtp.security: '{value}': use none, starttls or tls"
        ))),
        "smtp.port" if value.parse::<u16>().is_err() => Err(bad_input(format!(
            "smtp.port: '{value}' is not a port number"
        ))),
        n if KEYS.iter().any(|(k, _)| *k == n) => Ok(()),
        _ => {
            let names: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
            Err(bad_input(format!(
                "{name}: unknown setting; mail settings are {}",
                names.join(", ")
            )))
        }
    }
}

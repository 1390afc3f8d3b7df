//! Settings: the plan's timing (`plan.*`), the tone checker (`tone.*`) and the mail
//! server (`smtp.*`), resolved in one place — environment beats the database beats the
//! default. The SMTP password is never stored: it comes from `FOLLOWUP_SMTP_PASSWORD` or
//! the output of `smtp.password_command`. Also here: the user's templates and tone rules.

use crate::{AppError, Done, Followup, Result, Warning};
use followup_core::plan::{PlanSettings, SETTINGS};
use followup_core::tone::Checker;
use followup_mail::{Security, SmtpSettings};
use std::path::Path;
use std::time::Duration;

/// The tone settings: name, default, meaning.
pub const TONE_SETTINGS: &[(&str, &str, &str)] = &[
    (
        "tone.off",
        "",
        "rules or families turned off, comma-separated",
    ),
    (
        "tone.accept",
        "",
        "words or phrases never flagged, comma-separated",
    ),
    (
        "tone.styles",
        "",
        "a folder of your own rules: FAMILY/NAME.yml",
    ),
];

/// The mail settings, with what they mean.
pub(crate) const SMTP_KEYS: &[(&str, &str)] = &[
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

/// One setting as `config show` prints it.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolvedSetting {
    pub name: String,
    pub value: String,
    pub meaning: String,
    /// Where the value came from: "config", "default", "unset", or the variable's name.
    pub source: String,
    /// Whether a value set here would be stored and used: not for one the environment
    /// sets, nor for the SMTP password, which is never stored.
    pub settable: bool,
}

pub(crate) fn env_name(key: &str) -> String {
    format!("FOLLOWUP_{}", key.replace(['.', '-'], "_").to_uppercase())
}

impl Followup {
    /// Checks and stores one setting; every plan follows a `plan.*` change.
    pub fn set_setting(&mut self, name: &str, value: &str) -> Result<()> {
        let value = value.trim();
        if name.starts_with("smtp.") {
            check_smtp(name, value)?;
        } else if name.starts_with("tone.") {
            if !TONE_SETTINGS.iter().any(|(n, _, _)| *n == name) {
                return Err(AppError::invalid(
                    name,
                    "unknown setting; tone settings are tone.off, tone.accept, tone.styles",
                ));
            }
            if name == "tone.off" {
                self.check_tone_off(value)?;
            }
        } else {
            PlanSettings::default().set(name, value)?;
            // A window is checked against the hours as they will be, whichever changes.
            let stored = self.store.settings()?;
            let mut plan =
                PlanSettings::from_pairs(stored.iter().map(|(n, v)| (n.as_str(), v.as_str())))
                    .unwrap_or_default();
            plan.set(name, value)?;
            if let Some(problem) = plan.window_outside_hours() {
                return Err(AppError::invalid(name, problem));
            }
        }
        self.write(|tx| tx.set_setting(name, value))
    }

    /// Every name in a `tone.off` list is a rule or family the checker has (the user's own
    /// rules included).
    fn check_tone_off(&mut self, value: &str) -> Result<()> {
        let names: Vec<String> = value
            .split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        let mut checker = Checker::built_in();
        let styles = self
            .store
            .settings()?
            .into_iter()
            .find(|(k, v)| k == "tone.styles" && !v.is_empty());
        if let Some((_, dir)) = styles {
            // A folder that cannot be read is `tone.styles`'s problem, reported there.
            let _ = load_styles(&mut checker, Path::new(&dir));
        }
        known_to(&checker, "tone.off", &names)
    }

    /// Every setting, resolved (the password redacted).
    pub fn settings(&mut self) -> Result<Vec<ResolvedSetting>> {
        let stored = self.store.settings()?;
        let mut rows = Vec::new();
        for (name, default, about) in SETTINGS.iter().chain(TONE_SETTINGS) {
            let found = stored.iter().find(|(n, _)| n == name);
            rows.push(ResolvedSetting {
                name: name.to_string(),
                value: found.map_or(default.to_string(), |(_, v)| v.clone()),
                meaning: about.to_string(),
                source: if found.is_some() { "config" } else { "default" }.into(),
                settable: true,
            });
        }
        rows.extend(self.smtp_resolved()?);
        Ok(rows)
    }

    fn smtp_resolved(&mut self) -> Result<Vec<ResolvedSetting>> {
        let stored = self.store.settings()?;
        let mut out = Vec::new();
        for (key, about) in SMTP_KEYS {
            let (value, source) = match self.options.smtp_env.iter().find(|(k, _)| k == key) {
                Some((_, v)) => (v.clone(), env_name(key)),
                None => match stored.iter().find(|(k, _)| k == key) {
                    Some((_, v)) => (v.clone(), "config".to_string()),
                    None => (String::new(), "unset".to_string()),
                },
            };
            out.push(ResolvedSetting {
                name: key.to_string(),
                value,
                meaning: about.to_string(),
                settable: !source.starts_with("FOLLOWUP_"),
                source,
            });
        }
        let has_command = out
            .iter()
            .any(|r| r.name == "smtp.password_command" && !r.value.is_empty());
        let (value, source) = if self.options.smtp_password.is_some() {
            ("********", "FOLLOWUP_SMTP_PASSWORD")
        } else if has_command {
            ("(from smtp.password_command)", "command")
        } else {
            ("", "unset")
        };
        out.push(ResolvedSetting {
            name: "smtp.password".into(),
            value: value.into(),
            meaning: "from FOLLOWUP_SMTP_PASSWORD or smtp.password_command; never stored".into(),
            source: source.into(),
            settable: false,
        });
        Ok(out)
    }

    /// The settings to connect with.
    pub(crate) fn smtp_settings(&mut self) -> Result<SmtpSettings> {
        let values = self.smtp_resolved()?;
        let get = |name: &str| {
            values
                .iter()
                .find(|r| r.name == name)
                .map(|r| r.value.clone())
                .unwrap_or_default()
        };
        let host = get("smtp.host");
        if host.is_empty() {
            return Err(AppError::NoMailServer);
        }
        let security_text = get("smtp.security");
        let security = if security_text.is_empty() {
            Security::StartTls
        } else {
            Security::parse(&security_text).ok_or_else(|| {
                AppError::invalid(
                    "smtp.security",
                    format!("'{security_text}': use none, starttls or tls"),
                )
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
            port_text.parse().map_err(|_| {
                AppError::invalid("smtp.port", format!("'{port_text}' is not a port number"))
            })?
        };
        let user = Some(get("smtp.user")).filter(|u| !u.is_empty());
        let password = match &self.options.smtp_password {
            Some(p) => Some(p.clone()),
            None => {
                let command = get("smtp.password_command");
                if command.is_empty() {
                    None
                } else {
                    Some(run_password_command(&command)?)
                }
            }
        };
        if security == Security::None && password.is_some() && !is_loopback(&host) {
            return Err(AppError::invalid(
                "smtp.security",
                format!(
                    "none would send your password unencrypted to {host}; use starttls or tls \
                     (none is only for a server on this machine)"
                ),
            ));
        }
        Ok(SmtpSettings {
            host,
            port,
            security,
            user,
            password,
            timeout: Duration::from_secs(30),
        })
    }

    /// The draft templates, with the user's versions in this Followup's config folder.
    pub fn templates(&self) -> crate::Templates {
        crate::Templates::new(self.options.config_dir.clone())
    }

    /// A user's template from the config folder (checked first), else the built-in one.
    pub(crate) fn template_source(&self, name: &str) -> Result<String> {
        crate::Templates::new(self.options.config_dir.clone()).text(name)
    }

    /// The shipped tone rules with the user's settings (`tone.styles`, `tone.off`,
    /// `tone.accept`) and any one-off additions (`followup check --off …`).
    pub fn checker(
        &mut self,
        styles: Option<String>,
        off: Vec<String>,
        accept: Vec<String>,
    ) -> Result<Done<Checker>> {
        let settings = self.store.settings()?;
        let setting = |key: &str| {
            settings
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let list = |key: &str| -> Vec<String> {
            setting(key)
                .map(|s| {
                    s.split(',')
                        .map(|p| p.trim().to_string())
                        .filter(|p| !p.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut checker = Checker::built_in();
        let mut warnings = Vec::new();
        if let Some(dir) = styles
            .or_else(|| setting("tone.styles"))
            .filter(|d| !d.is_empty())
        {
            warnings = load_styles(&mut checker, Path::new(&dir))?;
        }
        known_to(&checker, "off", &off)?;
        checker.disable(&[off, list("tone.off")].concat());
        checker.accept = [accept, list("tone.accept")].concat();
        Ok(Done::new(checker, warnings))
    }
}

/// Each name to turn off is a rule or family `checker` has: a misspelt one would turn
/// nothing off while seeming to.
fn known_to(checker: &Checker, field: &str, names: &[String]) -> Result<()> {
    let (unknown, families) = checker.unknown_names(names);
    match unknown.first() {
        None => Ok(()),
        Some(name) => Err(AppError::invalid(
            field,
            format!(
                "'{name}' is no rule or family of the tone checker; the families are {}, and \
                 a rule is named as `check` shows it (Pushy.Ultimatum)",
                families.join(", ")
            ),
        )),
    }
}

/// Adds the rules in `dir`; a file that cannot be used is reported by path and field, and
/// the others still load.
fn load_styles(checker: &mut Checker, dir: &Path) -> Result<Vec<Warning>> {
    let (files, mut warnings) = read_styles(dir)?;
    for problem in checker.add_rules(&files) {
        let (family, name) = problem.rule.split_once('.').unwrap_or((&problem.rule, ""));
        let path = dir.join(family).join(format!("{name}.yml"));
        warnings.push(Warning::RuleNotLoaded {
            path: path.display().to_string(),
            problem: format!("{}: {}", problem.field, problem.problem),
        });
    }
    Ok(warnings)
}

/// `(id, yaml)` for every DIR/FAMILY/NAME.yml.
type RuleFiles = Vec<(String, String)>;

/// The rule files in `dir`, and the ones that could not be read.
fn read_styles(dir: &Path) -> Result<(RuleFiles, Vec<Warning>)> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let families = std::fs::read_dir(dir).map_err(|e| AppError::File {
        path: dir.display().to_string(),
        problem: format!("cannot read the styles folder: {e}"),
    })?;
    for family in families.flatten().filter(|f| f.path().is_dir()) {
        for rule in std::fs::read_dir(family.path())?.flatten() {
            let path = rule.path();
            if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
                let id = format!(
                    "{}.{}",
                    family.file_name().to_string_lossy(),
                    path.file_stem().unwrap_or_default().to_string_lossy()
                );
                match std::fs::read_to_string(&path) {
                    Ok(text) => files.push((id, text)),
                    Err(e) => warnings.push(Warning::RuleNotLoaded {
                        path: path.display().to_string(),
                        problem: e.to_string(),
                    }),
                }
            }
        }
    }
    files.sort();
    Ok((files, warnings))
}

fn run_password_command(command: &str) -> Result<String> {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .stderr(std::process::Stdio::inherit())
        .output()?;
    if !out.status.success() {
        return Err(AppError::invalid(
            "smtp.password_command",
            format!("the command failed ({})", out.status),
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text.lines().next().unwrap_or("").to_string())
}

/// A host name or address that stays on this machine.
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Checks an `smtp.*` value before it is stored.
fn check_smtp(name: &str, value: &str) -> Result<()> {
    match name {
        "smtp.password" => Err(AppError::invalid(
            name,
            "the password is never stored: set FOLLOWUP_SMTP_PASSWORD, or smtp.password_command",
        )),
        "smtp.security" if Security::parse(value).is_none() => Err(AppError::invalid(
            name,
            format!("'{value}': use none, starttls or tls"),
        )),
        "smtp.port" if !value.is_empty() && !value.parse::<u16>().is_ok_and(|p| p > 0) => Err(
            AppError::invalid(name, format!("'{value}' is not a port number (1 to 65535)")),
        ),
        "smtp.host" => mail_host(value),
        n if SMTP_KEYS.iter().any(|(k, _)| *k == n) => Ok(()),
        _ => {
            let names: Vec<&str> = SMTP_KEYS.iter().map(|(k, _)| *k).collect();
            Err(AppError::invalid(
                name,
                format!("unknown setting; mail settings are {}", names.join(", ")),
            ))
        }
    }
}

/// A mail server's host name or address, as the connection needs it: "smtp.example.com",
/// "192.0.2.7" or "[2001:db8::1]" (empty unsets it). The usual slips — a scheme, a port,
/// a space — are named.
fn mail_host(value: &str) -> Result<()> {
    let bad = |why: &str| Err(AppError::invalid("smtp.host", format!("'{value}' {why}")));
    if value.is_empty() {
        return Ok(());
    }
    if value.contains("://") {
        return bad("has a scheme; give the host name alone, e.g. smtp.example.com");
    }
    let bare = value.trim_start_matches('[').trim_end_matches(']');
    if bare.parse::<std::net::IpAddr>().is_ok() {
        return Ok(());
    }
    if value.contains(':') {
        return bad("holds a port; give the host alone and the port with smtp.port");
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if value.len() > 253 || !value.trim_end_matches('.').split('.').all(label_ok) {
        return bad("is not a host name (letters, digits, - and dots, e.g. smtp.example.com)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_hosts_are_names_or_addresses() {
        for h in [
            "smtp.example.com",
            "localhost",
            "192.0.2.7",
            "[::1]",
            "2001:db8::1",
            "mx-1.example.org.",
            "",
        ] {
            assert!(mail_host(h).is_ok(), "{h}");
        }
        for (h, why) in [
            ("smtp://smtp.example.com", "scheme"),
            ("smtp.example.com:587", "port"),
            ("smtp example.com", "host name"),
            ("smtp..example.com", "host name"),
            ("-smtp.example.com", "host name"),
            ("evil.com\r\nX", "host name"),
        ] {
            let err = mail_host(h).unwrap_err().to_string();
            assert!(err.contains(why), "{h}: {err}");
        }
    }

    #[test]
    fn what_the_environment_sets_and_the_password_are_not_settable_here() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("f.db").display().to_string();
        let options = crate::Options {
            smtp_env: vec![("smtp.port".into(), "2525".into())],
            ..crate::Options::default()
        };
        let mut app = Followup::open(&db, options).unwrap();
        let rows = app.settings().unwrap();
        let settable = |name: &str| rows.iter().find(|r| r.name == name).unwrap().settable;
        assert!(settable("smtp.host"));
        assert!(settable("plan.cadence"));
        assert!(
            !settable("smtp.port"),
            "FOLLOWUP_SMTP_PORT wins over the database"
        );
        assert!(!settable("smtp.password"), "never stored");
    }

    #[test]
    fn loopback_hosts() {
        for h in ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"] {
            assert!(is_loopback(h), "{h}");
        }
        for h in ["smtp.example.com", "10.0.0.1", "localhost.evil.example"] {
            assert!(!is_loopback(h), "{h}");
        }
    }
}

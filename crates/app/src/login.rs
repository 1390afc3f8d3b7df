//! The web app's password, for serving beyond this machine: kept as an argon2id hash
//! (a PHC string) in the database, never as the password. Not a user setting (`config
//! show` does not list it) and not in backups.

use crate::{AppError, Followup, Result};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

const PASSWORD_SETTING: &str = "web.password";
/// Shorter passwords are refused: the login is what stands between the network and a
/// job search's records.
pub const MIN_PASSWORD_CHARS: usize = 10;

impl Followup {
    /// Sets (or replaces) the password the web app asks for.
    pub fn set_login_password(&mut self, password: &str) -> Result<()> {
        if password.chars().count() < MIN_PASSWORD_CHARS {
            return Err(AppError::invalid(
                "password",
                format!("use at least {MIN_PASSWORD_CHARS} characters"),
            ));
        }
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt)
            .map_err(|e| AppError::Io(std::io::Error::other(format!("no random source: {e}"))))?;
        let salt = SaltString::encode_b64(&salt)
            .map_err(|e| AppError::invalid("password", e.to_string()))?;
        let hash = Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| AppError::invalid("password", e.to_string()))?
            .to_string();
        Ok(self.store.set_setting(PASSWORD_SETTING, &hash)?)
    }

    /// Whether a password is set.
    pub fn has_login_password(&mut self) -> Result<bool> {
        Ok(self.stored_hash()?.is_some())
    }

    /// Whether `password` is the one set (false when none is).
    pub fn check_login_password(&mut self, password: &str) -> Result<bool> {
        let Some(hash) = self.stored_hash()? else {
            return Ok(false);
        };
        let parsed = PasswordHash::new(&hash).map_err(|e| {
            AppError::Store(followup_store::StoreError::Corrupt {
                what: PASSWORD_SETTING.into(),
                reason: e.to_string(),
            })
        })?;
        Ok(Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    }

    fn stored_hash(&mut self) -> Result<Option<String>> {
        Ok(self
            .store
            .settings()?
            .into_iter()
            .find(|(name, value)| name == PASSWORD_SETTING && !value.is_empty())
            .map(|(_, value)| value))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Followup, Options};

    #[test]
    fn the_password_is_checked_against_its_hash_and_never_stored() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db").display().to_string();
        let mut app = Followup::open(&db, Options::default()).unwrap();
        assert!(!app.has_login_password().unwrap());
        assert!(!app.check_login_password("").unwrap());
        assert!(app.set_login_password("short").is_err());
        app.set_login_password("correct horse battery").unwrap();
        assert!(app.check_login_password("correct horse battery").unwrap());
        assert!(!app.check_login_password("correct horse batter").unwrap());
        let stored = app.store.settings().unwrap();
        assert!(stored.iter().all(|(_, v)| !v.contains("correct horse")));
        // Not in a backup, and a backup cannot set it.
        let mut records = app.records().unwrap();
        assert!(!records.settings.contains_key("web.password"));
        records
            .settings
            .insert("web.password".into(), "$argon2id$planted".into());
        app.restore(records, true).unwrap();
        assert!(app.check_login_password("correct horse battery").unwrap());
    }
}

//! The draft templates: the built-in ones, and the user's own versions of them in the
//! config folder (`templates/NAME.txt`), checked before they are saved or used. No
//! database is needed, so this stands apart from [`crate::Followup`].

use crate::{AppError, Result};
use followup_core::compose::{self, TEMPLATES, VARIABLES};
use std::path::PathBuf;

/// Where the user's templates live.
#[derive(Debug, Clone)]
pub struct Templates {
    dir: Option<PathBuf>,
}

/// A template, and the user's file for it if there is one.
#[derive(Debug, Clone)]
pub struct TemplateInfo {
    pub name: &'static str,
    pub yours: Option<PathBuf>,
}

impl Templates {
    /// The templates under `config_dir` (none of the user's without one).
    pub fn new(config_dir: Option<PathBuf>) -> Templates {
        Templates {
            dir: config_dir.map(|d| d.join("templates")),
        }
    }

    pub fn list(&self) -> Vec<TemplateInfo> {
        TEMPLATES
            .iter()
            .map(|(name, _)| TemplateInfo {
                name,
                yours: self.path(name).filter(|p| p.exists()),
            })
            .collect()
    }

    /// What each variable holds.
    pub fn variables() -> &'static [(&'static str, &'static str)] {
        VARIABLES
    }

    /// The built-in text of `name`.
    pub fn built_in(name: &str) -> Result<&'static str> {
        TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
            .ok_or_else(|| {
                let names: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
                AppError::refused(format!(
                    "no template '{name}'; templates: {}",
                    names.join(", ")
                ))
            })
    }

    /// The text drafts are written from: the user's version (checked first), else the
    /// built-in one.
    pub fn text(&self, name: &str) -> Result<String> {
        let built_in = Templates::built_in(name)?;
        if let Some(path) = self.path(name)
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            compose::check_template(name, &text).map_err(|e| AppError::File {
                path: path.display().to_string(),
                problem: e.to_string(),
            })?;
            return Ok(text);
        }
        Ok(built_in.to_string())
    }

    /// The user's version as it is on disk (unchecked, for editing), else the built-in.
    pub fn text_to_edit(&self, name: &str) -> Result<String> {
        let built_in = Templates::built_in(name)?;
        Ok(self
            .path(name)
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_else(|| built_in.to_string()))
    }

    /// Saves the user's version after checking it renders (strict variables, a fuel
    /// limit); written to a new file and renamed, so a crash leaves the old one.
    pub fn save(&self, name: &str, text: &str) -> Result<PathBuf> {
        Templates::built_in(name)?;
        compose::check_template(name, text)
            .map_err(|e| AppError::refused(format!("not saved: {e}")))?;
        let path = self
            .path(name)
            .ok_or_else(|| AppError::refused("no config folder for your templates"))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("txt.new");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, &path)?;
        Ok(path)
    }

    fn path(&self, name: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{name}.txt")))
    }
}

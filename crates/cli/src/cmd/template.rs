//! `followup template`: the built-in templates, and your own versions of them.

use super::config_dir;
use crate::{exit::bad_input, out};
use clap::Subcommand;
use followup_core::compose::{self, TEMPLATES, VARIABLES};

#[derive(Subcommand)]
pub enum TemplateCommand {
    /// The templates, and which you have overridden
    List,
    /// A template's text (yours if you have one)
    Show { name: String },
    /// Edit your version of a template in $EDITOR; it is checked before it is saved
    Edit { name: String },
    /// Install your version of a template from a file, checked first
    Set { name: String, file: String },
    /// The variables templates can use
    Variables,
}

pub fn run(command: TemplateCommand) -> anyhow::Result<()> {
    let dir = config_dir()?.join("templates");
    let known = |name: &str| -> anyhow::Result<&'static str> {
        TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
            .ok_or_else(|| {
                let names: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
                bad_input(format!(
                    "no template '{name}'; templates: {}",
                    names.join(", ")
                ))
            })
    };
    match command {
        TemplateCommand::List => {
            let rows = TEMPLATES
                .iter()
                .map(|(n, _)| {
                    let path = dir.join(format!("{n}.txt"));
                    vec![
                        n.to_string(),
                        if path.exists() {
                            path.display().to_string()
                        } else {
                            "built-in".into()
                        },
                    ]
                })
                .collect();
            out::table(&["template", "source"], rows)
        }
        TemplateCommand::Show { name } => {
            let built_in = known(&name)?;
            let text = std::fs::read_to_string(dir.join(format!("{name}.txt")))
                .unwrap_or_else(|_| built_in.to_string());
            out::raw(&text)
        }
        TemplateCommand::Variables => out::table(
            &["variable", "holds"],
            VARIABLES
                .iter()
                .map(|(n, h)| vec![n.to_string(), h.to_string()])
                .collect(),
        ),
        TemplateCommand::Set { name, file } => {
            known(&name)?;
            let text = super::read_text_arg(&file, "template")?;
            save(&dir, &name, &text)
        }
        TemplateCommand::Edit { name } => {
            let built_in = known(&name)?;
            let path = dir.join(format!("{name}.txt"));
            let current = std::fs::read_to_string(&path).unwrap_or_else(|_| built_in.to_string());
            let editor = std::env::var("VISUAL")
                .or_else(|_| std::env::var("EDITOR"))
                .map_err(|_| bad_input("set $EDITOR (or $VISUAL) to the editor to use"))?;
            let scratch = std::env::temp_dir().join(format!(
                "followup-template-{}-{name}.txt",
                std::process::id()
            ));
            std::fs::write(&scratch, current)?;
            let status = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("{editor} \"$1\""))
                .arg("followup-edit")
                .arg(&scratch)
                .status()?;
            let text = std::fs::read_to_string(&scratch)?;
            let _ = std::fs::remove_file(&scratch);
            if !status.success() {
                return Err(bad_input(format!(
                    "the editor exited with {status}; nothing saved"
                )));
            }
            save(&dir, &name, &text)
        }
    }
}

/// Saves a user template after checking it renders (strict variables, fuel limit).
fn save(dir: &std::path::Path, name: &str, text: &str) -> anyhow::Result<()> {
    compose::check_template(name, text).map_err(|e| bad_input(format!("not saved: {e}")))?;
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{name}.txt"));
    let tmp = path.with_extension("txt.new");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &path)?;
    out::line(format!("saved {}", path.display()))
}

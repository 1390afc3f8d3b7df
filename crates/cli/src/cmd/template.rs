//! `followup template`: the built-in templates, and your own versions of them.

use super::config_dir;
use crate::{exit::bad_input, out};
use clap::Subcommand;
use followup_app::Templates;

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
    let templates = Templates::new(Some(config_dir()?));
    match command {
        TemplateCommand::List => {
            let rows = templates
                .list()
                .into_iter()
                .map(|t| {
                    vec![
                        t.name.to_string(),
                        t.yours
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| "built-in".into()),
                    ]
                })
                .collect();
            out::table(&["template", "source"], rows)
        }
        TemplateCommand::Show { name } => out::raw(&templates.text_to_edit(&name)?),
        TemplateCommand::Variables => out::table(
            &["variable", "holds"],
            Templates::variables()
                .iter()
                .map(|(n, h)| vec![n.to_string(), h.to_string()])
                .collect(),
        ),
        TemplateCommand::Set { name, file } => {
            Templates::built_in(&name)?;
            let text = super::read_text_arg(&file, "template", super::MAX_TEXT_BYTES)?;
            saved(templates.save(&name, &text)?)
        }
        TemplateCommand::Edit { name } => {
            let current = templates.text_to_edit(&name)?;
            let editor = std::env::var("VISUAL")
                .or_else(|_| std::env::var("EDITOR"))
                .map_err(|_| bad_input("set $EDITOR (or $VISUAL) to the editor to use"))?;
            let scratch = tempfile::Builder::new()
                .prefix(&format!("followup-template-{name}-"))
                .suffix(".txt")
                .tempfile()?;
            std::fs::write(scratch.path(), current)?;
            let status = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("{editor} \"$1\""))
                .arg("followup-edit")
                .arg(scratch.path())
                .status()?;
            let text = std::fs::read_to_string(scratch.path())?;
            if !status.success() {
                return Err(bad_input(format!(
                    "the editor exited with {status}; nothing saved"
                )));
            }
            saved(templates.save(&name, &text)?)
        }
    }
}

fn saved(path: std::path::PathBuf) -> anyhow::Result<()> {
    out::line(format!("saved {}", path.display()))
}

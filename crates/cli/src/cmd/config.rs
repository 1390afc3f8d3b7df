//! `followup config`: settings kept in the database (the plan's timing rules).

use crate::out;
use clap::Subcommand;
use followup_app::Followup;

#[derive(Subcommand)]
pub enum ConfigCommand {
    /// Change a setting (see `config show` for the names)
    Set { name: String, value: String },
    /// Every setting with its value
    Show {
        #[arg(long)]
        json: bool,
    },
}

/// Settings the tone checker reads (`followup check`, drafts).
pub fn run(app: &mut Followup, command: ConfigCommand) -> anyhow::Result<()> {
    match command {
        ConfigCommand::Set { name, value } => {
            app.set_setting(&name, &value)?;
            out::line(format!("{name} = {}", value.trim()))
        }
        ConfigCommand::Show { json } => {
            let mut rows: Vec<(String, String, String)> = vec![(
                "database".into(),
                app.target().to_string(),
                "--db or FOLLOWUP_DB".into(),
            )];
            for r in app.settings()? {
                let meaning = if r.name.starts_with("smtp.") {
                    format!("{} [{}]", r.meaning, r.source)
                } else {
                    r.meaning
                };
                rows.push((r.name, r.value, meaning));
            }
            if json {
                let map: serde_json::Map<String, serde_json::Value> =
                    rows.into_iter().map(|(n, v, _)| (n, v.into())).collect();
                return out::json(&map);
            }
            out::table(
                &["setting", "value", "meaning"],
                rows.into_iter().map(|(a, b, c)| vec![a, b, c]).collect(),
            )
        }
    }
}

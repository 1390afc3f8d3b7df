//! `followup config`: settings kept in the database (the plan's timing rules).

use crate::planner::Planner;
use crate::{exit::bad_input, out};
use clap::Subcommand;
use followup_core::plan::{PlanSettings, SETTINGS};
use followup_store::Store;

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
const TONE_SETTINGS: &[(&str, &str, &str)] = &[
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

pub fn run(store: &mut Store, db: &str, command: ConfigCommand) -> anyhow::Result<()> {
    match command {
        ConfigCommand::Set { name, value } => {
            if name.starts_with("smtp.") {
                crate::smtp::check(&name, value.trim())?;
            } else if !name.starts_with("tone.") {
                PlanSettings::default()
                    .set(&name, &value)
                    .map_err(|e| bad_input(format!("{e}")))?;
            } else if !TONE_SETTINGS.iter().any(|(n, _, _)| *n == name) {
                return Err(bad_input(format!(
                    "{name}: unknown setting; tone settings are tone.off, tone.accept, tone.styles"
                )));
            }
            store.atomically(|s| {
                s.set_setting(&name, value.trim())?;
                let ids = s.interviews_with_pending_steps()?;
                Planner::load(s)?.replan_all(s, &ids)
            })?;
            out::line(format!("{name} = {}", value.trim()))
        }
        ConfigCommand::Show { json } => {
            let stored = store.settings()?;
            let mut rows: Vec<(String, String, String)> = vec![(
                "database".into(),
                db.to_string(),
                "--db or FOLLOWUP_DB".into(),
            )];
            for (name, default, about) in SETTINGS.iter().chain(TONE_SETTINGS) {
                let value = stored
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or(default.to_string(), |(_, v)| v.clone());
                rows.push((name.to_string(), value, about.to_string()));
            }
            for r in crate::smtp::resolved(store)? {
                let about = crate::smtp::KEYS.iter().find(|(k, _)| *k == r.name).map_or(
                    "from FOLLOWUP_SMTP_PASSWORD or smtp.password_command; never stored",
                    |(_, a)| a,
                );
                rows.push((
                    r.name.to_string(),
                    r.value,
                    format!("{about} [{}]", r.source),
                ));
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

//! `followup profile`: the candidate's own details and skills.

use super::invalid;
use crate::{exit::bad_input, out};
use clap::{Args, Subcommand};
use followup_core::model::{Locale, Profile, Skill};
use followup_core::place;
use followup_store::Store;

#[derive(Subcommand)]
pub enum ProfileCommand {
    /// Set profile fields (only the ones given change)
    Set(SetArgs),
    /// Show the profile
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Skills with evidence, used to pick what a thank-you note mentions
    #[command(subcommand)]
    Skill(SkillCommand),
}

#[derive(Args)]
pub struct SetArgs {
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    /// Postal address, lines separated by commas or newlines
    #[arg(long)]
    address: Option<String>,
    /// en-GB or en-US
    #[arg(long)]
    locale: Option<String>,
    /// Holiday region for your working days, e.g. gb-eng, us
    #[arg(long)]
    region: Option<String>,
    /// Your IANA time zone, e.g. Europe/London
    #[arg(long)]
    tz: Option<String>,
}

#[derive(Subcommand)]
pub enum SkillCommand {
    /// Add a skill, or replace the one with the same name
    Add {
        name: String,
        /// One sentence that shows it ("led the migration of 40 services to Kubernetes")
        #[arg(long)]
        evidence: String,
        /// Another name for it (repeatable), e.g. k8s
        #[arg(long = "alias")]
        aliases: Vec<String>,
    },
    /// Remove a skill by name
    Remove { name: String },
}

pub fn run(store: &mut Store, command: ProfileCommand) -> anyhow::Result<()> {
    match command {
        ProfileCommand::Set(args) => set(store, args),
        ProfileCommand::Show { json } => show(store, json),
        ProfileCommand::Skill(SkillCommand::Add {
            name,
            evidence,
            aliases,
        }) => {
            let mut profile = store.profile()?.unwrap_or_default();
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err(bad_input("the skill name is empty"));
            }
            let skill = Skill {
                name: name.clone(),
                aliases: aliases.iter().map(|a| a.trim().to_string()).collect(),
                evidence: evidence.trim().to_string(),
            };
            match profile
                .skills
                .iter_mut()
                .find(|s| s.name.eq_ignore_ascii_case(&name))
            {
                Some(existing) => *existing = skill,
                None => profile.skills.push(skill),
            }
            store.save_profile(&profile)?;
            out::line(format!("skill '{name}' saved"))
        }
        ProfileCommand::Skill(SkillCommand::Remove { name }) => {
            let mut profile = store.profile()?.unwrap_or_default();
            let before = profile.skills.len();
            profile
                .skills
                .retain(|s| !s.name.eq_ignore_ascii_case(name.trim()));
            if profile.skills.len() == before {
                return Err(bad_input(format!("no skill named '{name}' in the profile")));
            }
            store.save_profile(&profile)?;
            out::line(format!("skill '{name}' removed"))
        }
    }
}

fn set(store: &mut Store, args: SetArgs) -> anyhow::Result<()> {
    let mut p = store.profile()?.unwrap_or_default();
    if let Some(v) = args.name {
        p.name = v.trim().to_string();
    }
    if let Some(v) = args.email {
        p.email = v.trim().to_string();
    }
    if let Some(v) = args.phone {
        p.phone = v.trim().to_string();
    }
    if let Some(v) = args.address {
        p.postal_address = v
            .split([',', '\n'])
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n");
    }
    if let Some(v) = args.locale {
        let locale = Locale::from(v.as_str());
        if !locale.is_known() {
            return Err(bad_input(format!(
                "--locale: unknown locale '{v}'; use en-GB or en-US"
            )));
        }
        p.locale = locale;
    }
    if let Some(v) = args.region {
        p.region = place::region("region", &v).map_err(invalid)?;
    }
    if let Some(v) = args.tz {
        p.time_zone = place::time_zone("tz", &v).map_err(invalid)?;
    }
    store.save_profile(&p)?;
    out::line("profile saved")
}

fn show(store: &mut Store, json: bool) -> anyhow::Result<()> {
    let profile = store.profile()?;
    if json {
        return out::json(&profile.unwrap_or_default());
    }
    let Some(p) = profile else {
        return out::line(
            "No profile yet: `followup profile set --name ... --email ...` starts one.",
        );
    };
    print_profile(&p)
}

fn print_profile(p: &Profile) -> anyhow::Result<()> {
    out::fields(&[
        ("Name", p.name.clone()),
        ("Email", p.email.clone()),
        ("Phone", p.phone.clone()),
        ("Address", p.postal_address.clone()),
        ("Locale", p.locale.tag()),
        ("Region", p.region.clone()),
        ("Time zone", p.time_zone.clone()),
    ])?;
    if p.skills.is_empty() {
        return Ok(());
    }
    out::line("\nSkills")?;
    for s in &p.skills {
        let aliases = if s.aliases.is_empty() {
            String::new()
        } else {
            format!(" (also {})", s.aliases.join(", "))
        };
        out::line(format!("  {}{aliases}: {}", s.name, s.evidence))?;
    }
    Ok(())
}

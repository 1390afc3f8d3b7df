//! `followup profile`: the candidate's own details and skills.

use crate::out;
use clap::{Args, Subcommand};
use followup_app::{Followup, ProfileChanges};
use followup_core::model::{Profile, Skill};

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

pub fn run(app: &mut Followup, command: ProfileCommand) -> anyhow::Result<()> {
    match command {
        ProfileCommand::Set(args) => {
            app.update_profile(ProfileChanges {
                name: args.name,
                email: args.email,
                phone: args.phone,
                address: args.address,
                locale: args.locale,
                region: args.region,
                time_zone: args.tz,
            })?;
            out::line("profile saved")
        }
        ProfileCommand::Show { json } => show(app, json),
        ProfileCommand::Skill(SkillCommand::Add {
            name,
            evidence,
            aliases,
        }) => {
            app.save_skill(Skill {
                name: name.clone(),
                aliases,
                evidence,
            })?;
            out::line(format!("skill '{}' saved", name.trim()))
        }
        ProfileCommand::Skill(SkillCommand::Remove { name }) => {
            app.remove_skill(&name)?;
            out::line(format!("skill '{name}' removed"))
        }
    }
}

fn show(app: &mut Followup, json: bool) -> anyhow::Result<()> {
    let profile = app.profile()?;
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

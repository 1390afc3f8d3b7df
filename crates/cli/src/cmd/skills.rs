//! `followup skills match`: which of your skills a note for this job should name.

use super::read_text_arg;
use crate::{exit::bad_input, out};
use clap::{Args, Subcommand};
use followup_app::Followup;
use followup_core::model::Skill;
use followup_core::skills::rank;
use serde::Deserialize;

#[derive(Subcommand)]
pub enum SkillsCommand {
    /// Rank your skills against a job description
    Match(MatchArgs),
}

#[derive(Args)]
pub struct MatchArgs {
    /// The application whose job description to use (skills from your profile)
    #[arg(long, conflicts_with = "job")]
    application: Option<String>,
    /// A job description file, or - for standard input
    #[arg(long, requires = "profile_skills")]
    job: Option<String>,
    /// Skills as TOML: [[skill]] tables with name, aliases and evidence
    #[arg(long, value_name = "FILE.toml")]
    profile_skills: Option<String>,
    #[arg(long, default_value_t = 2)]
    top: usize,
    #[arg(long)]
    json: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillsFile {
    #[serde(default)]
    skill: Vec<SkillEntry>,
}

/// A `[[skill]]` table; unknown keys are refused so a typo is not silently dropped.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    evidence: String,
}

pub fn run(app: &mut Followup, command: SkillsCommand) -> anyhow::Result<()> {
    let SkillsCommand::Match(args) = command;
    let (job, skills) = match (&args.application, &args.job) {
        (Some(id), None) => {
            let id = super::full_id(app, id)?;
            let application = app.application(&id)?;
            let skills = match &args.profile_skills {
                Some(path) => read_skills(path)?,
                None => app.profile()?.unwrap_or_default().skills,
            };
            (application.job_description, skills)
        }
        (None, Some(path)) => {
            let skills_path = args.profile_skills.as_deref().expect("clap requires it");
            (
                read_text_arg(path, "job description", super::MAX_TEXT_BYTES)?,
                read_skills(skills_path)?,
            )
        }
        _ => {
            return Err(bad_input(
                "give --application ID, or --job FILE with --profile-skills FILE.toml",
            ));
        }
    };
    if job.trim().is_empty() {
        return Err(bad_input(
            "the job description is empty: add one with `application add --job-description FILE`",
        ));
    }
    if skills.is_empty() {
        return Err(bad_input(
            "no skills to rank: `followup profile skill add NAME --evidence ...`",
        ));
    }
    let picks = rank(&skills, &job, args.top);
    if args.json {
        return out::json(&picks);
    }
    if picks.is_empty() {
        return out::line("None of your skills appear in this job description.");
    }
    for (i, p) in picks.iter().enumerate() {
        out::line(format!(
            "{}. {} (score {:.2}; matched: {})",
            i + 1,
            p.name,
            p.score,
            p.matched_terms.join(", ")
        ))?;
        if !p.evidence.is_empty() {
            out::line(format!("   {}", p.evidence))?;
        }
        for why in &p.why {
            out::line(format!("   {why}"))?;
        }
    }
    Ok(())
}

fn read_skills(path: &str) -> anyhow::Result<Vec<Skill>> {
    let text = read_text_arg(path, "skills", super::MAX_TEXT_BYTES)?;
    let file: SkillsFile = toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|s| format!(":{}", text[..s.start].matches('\n').count() + 1))
            .unwrap_or_default();
        bad_input(format!("{path}{at}: {}", e.message()))
    })?;
    if let Some(i) = file.skill.iter().position(|s| s.name.trim().is_empty()) {
        return Err(bad_input(format!("{path}: skill[{i}].name is empty")));
    }
    Ok(file
        .skill
        .into_iter()
        .map(|s| Skill {
            name: s.name,
            aliases: s.aliases,
            evidence: s.evidence,
        })
        .collect())
}

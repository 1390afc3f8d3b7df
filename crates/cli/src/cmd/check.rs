//! `followup check`: the tone checker on a file or standard input.

use crate::exit::{Quiet, Unreadable};
use crate::out;
use clap::Args;
use followup_core::tone::{Checker, Finding, Level};
use followup_store::Store;
use std::path::Path;

/// Files larger than this are not messages.
const MAX_BYTES: usize = 16 * 1024 * 1024;

#[derive(Args)]
pub struct CheckArgs {
    /// The text to check, or - for standard input
    file: String,
    /// en-GB or en-US [default: your profile's]
    #[arg(long)]
    locale: Option<String>,
    /// Turn a rule ("Tone.Intensifiers") or a family ("Tone") off (repeatable)
    #[arg(long = "off", value_name = "RULE")]
    off: Vec<String>,
    /// A word or phrase you accept, never flagged (repeatable)
    #[arg(long = "accept", value_name = "TEXT")]
    accept: Vec<String>,
    /// Also run the behaviour rules against this interview's contact log
    #[arg(long, value_name = "INTERVIEW_ID")]
    interview: Option<String>,
    /// A folder of your own rules: FAMILY/NAME.yml [default: the `tone.styles` setting]
    #[arg(long, value_name = "DIR")]
    styles: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(store: &mut Store, args: CheckArgs) -> anyhow::Result<()> {
    let name = if args.file == "-" {
        "<stdin>"
    } else {
        args.file.as_str()
    };
    let text = read(&args.file, name)?;
    let locale = match args.locale {
        Some(l) => l,
        None => store.profile()?.unwrap_or_default().locale.tag(),
    };
    let checker = configured_checker(store, args.styles, args.off, args.accept)?;
    let mut findings = checker.check(&text, &locale);
    if let Some(id) = &args.interview {
        findings.extend(super::draft::behaviour_findings(store, id)?);
    }
    if args.json {
        out::json(&findings)?;
    } else {
        for f in &findings {
            out::line(format_finding(name, f))?;
        }
    }
    if findings.iter().any(|f| f.level == Level::Error) {
        return Err(Quiet(1).into());
    }
    Ok(())
}

/// `draft.txt:3:14 error Desperate.Begging 'I really need this job' — message`
pub fn format_finding(name: &str, f: &Finding) -> String {
    format!(
        "{name}:{}:{} {} {} '{}' — {}",
        f.line, f.column, f.level, f.rule, f.matched, f.message
    )
}

fn read(path: &str, name: &str) -> anyhow::Result<String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        buf
    } else {
        std::fs::read(path).map_err(|e| Unreadable(format!("cannot read {path}: {e}")))?
    };
    if bytes.len() > MAX_BYTES {
        return Err(Unreadable(format!(
            "{name}: {} MB is not a message (limit 16 MB)",
            bytes.len() >> 20
        ))
        .into());
    }
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Err(Unreadable(format!(
            "{name}: a binary file (a NUL byte at offset {at}), not text"
        ))
        .into());
    }
    followup_formats::utf8_text(&bytes)
        .map(str::to_string)
        .map_err(|e| Unreadable(format!("{name}:{}: {}", e.line, e.problem)).into())
}

/// The shipped rules with the user's settings (`tone.styles`, `tone.off`,
/// `tone.accept`) and any one-off additions from the command line.
pub fn configured_checker(
    store: &mut Store,
    styles: Option<String>,
    off: Vec<String>,
    accept: Vec<String>,
) -> anyhow::Result<Checker> {
    let settings = store.settings()?;
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
    if let Some(dir) = styles
        .or_else(|| setting("tone.styles"))
        .filter(|d| !d.is_empty())
    {
        load_styles(&mut checker, Path::new(&dir))?;
    }
    checker.disable(&[off, list("tone.off")].concat());
    checker.accept = [accept, list("tone.accept")].concat();
    Ok(checker)
}

/// Adds the rules in `dir`; a file that cannot be used is reported by path and field, and
/// the others still load.
pub fn load_styles(checker: &mut Checker, dir: &Path) -> anyhow::Result<()> {
    for problem in checker.add_rules(&read_styles(dir)?) {
        let (family, name) = problem.rule.split_once('.').unwrap_or((&problem.rule, ""));
        let path = dir.join(family).join(format!("{name}.yml"));
        eprintln!(
            "followup: warning: rule not loaded: {}: {}: {}",
            path.display(),
            problem.field,
            problem.problem
        );
    }
    Ok(())
}

/// `(id, yaml)` for every DIR/FAMILY/NAME.yml.
fn read_styles(dir: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let families = std::fs::read_dir(dir)
        .map_err(|e| Unreadable(format!("cannot read styles folder {}: {e}", dir.display())))?;
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
                    Err(e) => eprintln!(
                        "followup: warning: rule not loaded: {}: {e}",
                        path.display()
                    ),
                }
            }
        }
    }
    files.sort();
    Ok(files)
}

//! `followup check`: the tone checker on a file or standard input.

use crate::exit::{Quiet, Unreadable};
use crate::out;
use clap::Args;
use followup_app::Followup;
use followup_core::tone::{Finding, Level};

/// Files larger than this are not messages.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

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

pub fn run(app: &mut Followup, args: CheckArgs) -> anyhow::Result<()> {
    let name = if args.file == "-" {
        "<stdin>"
    } else {
        args.file.as_str()
    };
    let text = read(&args.file, name)?;
    // What cannot be checked as asked (an unknown locale, a rule to turn off that does not
    // exist, a styles folder that cannot be read) exits 2, as linters do: 1 would tell a
    // script the text had errors.
    let locale = match args.locale {
        Some(l) => {
            let locale = followup_core::model::Locale::from(l.as_str());
            if !locale.is_known() {
                return Err(Unreadable(format!(
                    "--locale: '{l}' is not a locale Followup writes in: use en-GB or en-US"
                ))
                .into());
            }
            locale.tag()
        }
        None => app.profile()?.unwrap_or_default().locale.tag(),
    };
    let checker = app
        .checker(args.styles, args.off, args.accept)
        .map_err(|e| match e {
            followup_app::AppError::File { path, problem } => {
                Unreadable(format!("{path}: {problem}")).into()
            }
            e @ followup_app::AppError::Invalid(_) => Unreadable(format!("--{e}")).into(),
            e => anyhow::Error::from(e),
        })?;
    super::warn(&checker.warnings);
    let checker = checker.value;
    let mut findings = checker.check(&text, &locale);
    if let Some(id) = &args.interview {
        let id = super::full_id(app, id)?;
        findings.extend(app.behaviour_findings(&id)?);
        findings.extend(app.privacy_findings(&id, &text)?);
        findings.extend(app.facts_findings(&id, &text, None)?);
    }
    if args.json {
        out::json(&findings)?;
    } else {
        // One write for them all: a long text can have thousands.
        let mut lines = String::new();
        for f in &findings {
            lines.push_str(&format_finding(name, f));
            lines.push('\n');
        }
        out::raw(&lines)?;
    }
    if findings.iter().any(|f| f.level == Level::Error) {
        return Err(Quiet(1).into());
    }
    Ok(())
}

/// `draft.txt:3:14 error Desperate.Begging 'I really need this job' — message`, what
/// matched shown as `visible` shows it (a hidden character as `\u{202e}`).
pub fn format_finding(name: &str, f: &Finding) -> String {
    format!(
        "{name}:{}:{} {} {} '{}' — {}",
        f.line,
        f.column,
        f.level,
        f.rule,
        crate::out::visible(&f.matched),
        f.message
    )
}

fn read(path: &str, name: &str) -> anyhow::Result<String> {
    let bytes = super::read_at_most(path, MAX_BYTES)
        .map_err(|e| Unreadable(format!("cannot read {path}: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Unreadable(format!(
            "{name}: more than {} MB is not a message (the limit is {} MB)",
            MAX_BYTES >> 20,
            MAX_BYTES >> 20
        ))
        .into());
    }
    if let Some(at) = bytes
        .iter()
        .position(|b| *b == 0)
        .filter(|_| !followup_formats::is_utf16(&bytes))
    {
        return Err(Unreadable(format!(
            "{name}: a binary file (a NUL byte at offset {at}), not text"
        ))
        .into());
    }
    followup_formats::decoded_text(&bytes)
        .map(|t| t.into_owned())
        .map_err(|e| Unreadable(format!("{name}:{}: {}", e.line, e.problem)).into())
}

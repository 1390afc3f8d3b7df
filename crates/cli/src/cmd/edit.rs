//! Deleting records (asking first) and `followup undo`.

use crate::{exit::bad_input, out};
use clap::Args;
use followup_app::{Followup, Target};
use std::io::{BufRead, IsTerminal};

/// The options every delete takes.
#[derive(Args)]
pub struct DeleteArgs {
    id: String,
    /// Delete without asking
    #[arg(long)]
    yes: bool,
    /// Delete even what has messages handed to the mail server (the outbox keeps its
    /// record of them)
    #[arg(long)]
    force: bool,
}

/// Deletes what `target` names (its id expanded first), after a yes.
pub fn delete(
    app: &mut Followup,
    args: DeleteArgs,
    target: fn(String) -> Target,
) -> anyhow::Result<()> {
    let target = target(super::full_id(app, &args.id)?);
    let p = app.delete_preview(&target)?;
    let mut with = Vec::new();
    for (n, what) in [
        (p.interviews, "interview"),
        (p.steps, "plan step"),
        (p.calls, "call"),
        (p.drafts, "draft"),
    ] {
        if n > 0 {
            with.push(format!("{n} {what}{}", if n == 1 { "" } else { "s" }));
        }
    }
    if p.panels > 0 {
        with.push(format!(
            "leaving {} interview panel{}",
            p.panels,
            if p.panels == 1 { "" } else { "s" }
        ));
    }
    let question = match with.is_empty() {
        true => format!("Delete {}?", p.what),
        false => format!("Delete {} with {}?", p.what, with.join(", ")),
    };
    if !args.yes && !confirm(&question, "deleting")? {
        return out::line("nothing deleted");
    }
    app.delete(&target, args.force)?;
    out::line(format!(
        "deleted {} (`followup undo` brings it back)",
        p.what
    ))
}

/// Asks on the terminal; without one, the caller must have said --yes.
pub fn confirm(question: &str, doing: &str) -> anyhow::Result<bool> {
    if !std::io::stdin().is_terminal() {
        return Err(bad_input(format!(
            "{doing} needs a yes: answer on a terminal, or pass --yes"
        )));
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    let answer = answer.trim();
    Ok(answer.eq_ignore_ascii_case("y") || answer.eq_ignore_ascii_case("yes"))
}

/// `followup undo`: takes back the last change, or lists the journal.
pub fn undo(app: &mut Followup, list: bool, json: bool) -> anyhow::Result<()> {
    if list {
        let lines = app.journal(20)?;
        if json {
            return out::json(&lines);
        }
        if lines.is_empty() {
            return out::line("No changes recorded yet.");
        }
        let zone = app.profile()?.unwrap_or_default().time_zone;
        let rows = lines
            .into_iter()
            .map(|l| {
                let state = match (&l.not_undoable, l.undone) {
                    (_, true) => "undone".to_string(),
                    (Some(_), _) => "cannot be undone".to_string(),
                    (None, false) => String::new(),
                };
                Ok(vec![
                    l.seq.to_string(),
                    super::in_zone(l.at, &zone)?,
                    l.summary,
                    state,
                ])
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        return out::table(&["#", "when", "change", ""], rows);
    }
    let undone = app.undo()?;
    out::line(format!("undid: {}", undone.summary))
}

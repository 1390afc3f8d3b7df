//! `followup today` and `followup agenda`: what is overdue, due now, and next.

use crate::out;
use followup_app::{Followup, StepView};

/// At most this many rows a section; the rest are counted.
const SHOWN: usize = 50;

/// Steps that start before the end of `days` days from `from` (today in your zone when
/// not given), overdue ones included.
pub fn run(app: &mut Followup, from: Option<String>, days: u32, json: bool) -> anyhow::Result<()> {
    let limit = if json { None } else { Some(3 * SHOWN as i64) };
    let agenda = app.agenda(from.as_deref(), days, limit)?;
    let views = agenda.steps;
    if json {
        return out::json(&views);
    }
    if views.is_empty() {
        return out::line(format!("Nothing due until {}.", agenda.last));
    }
    for (title, due) in [
        ("Overdue", "overdue"),
        ("Due now", "now"),
        ("Next", "upcoming"),
    ] {
        let section: Vec<&StepView> = views.iter().filter(|v| v.due == due).collect();
        if section.is_empty() {
            continue;
        }
        out::line(title)?;
        for v in section.iter().take(SHOWN) {
            print_step(v)?;
        }
        if section.len() > SHOWN {
            out::line(
                "  … and more: `followup agenda --json` lists every step
",
            )?;
        }
    }
    Ok(())
}

fn print_step(v: &StepView) -> anyhow::Result<()> {
    let person = if v.person.is_empty() {
        String::new()
    } else {
        format!(" · {}", v.person)
    };
    let theirs = if v.their_zone == v.your_zone {
        String::new()
    } else {
        format!("\n    their time: {} ({})", v.their_window, v.their_zone)
    };
    out::line(format!(
        "  {} — {}{person}  [{}]\n    {}{theirs}\n    why: {}\n",
        v.what, v.application, v.id, v.your_window, v.reason
    ))
}

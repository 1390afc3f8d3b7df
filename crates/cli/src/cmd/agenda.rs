//! `followup today` and `followup agenda`: what is overdue, due now, and next.

use crate::out;
use followup_app::{EmptyAgenda, Followup, StepView};
use followup_core::plan::Due;

/// At most this many rows a section; the rest are counted.
const SHOWN: usize = 50;

/// Steps that start before the end of `days` days from `from` (today in your zone when
/// not given), overdue ones included.
pub fn run(app: &mut Followup, from: Option<String>, days: u32, json: bool) -> anyhow::Result<()> {
    let agenda = app.agenda(from.as_deref(), days, (!json).then_some(SHOWN))?;
    if json {
        return out::json(&agenda.into_steps());
    }
    if agenda.sections().iter().all(|(_, s)| s.steps.is_empty()) {
        return out::line(match app.why_empty()? {
            EmptyAgenda::NoProfile => "Nothing planned yet. Start with your profile:\n  \
                followup profile set --name \"Your Name\" --email you@example.com --tz Europe/London --region gb-eng\n\
                then add an application and its interview (`followup --help`)."
                .to_string(),
            EmptyAgenda::NoApplication => "Nothing planned yet: add the job you applied for:\n  \
                followup application add --company \"Company\" --role \"Role\""
                .to_string(),
            EmptyAgenda::NoInterview => "Nothing planned yet: add an interview, and the plan follows:\n  \
                followup interview add --application ID --at 2027-03-02T10:00 --interviewer CONTACT_ID"
                .to_string(),
            EmptyAgenda::NothingPlanned => {
                "Nothing planned: every step is done, skipped or cancelled.".to_string()
            }
            EmptyAgenda::NextLater(next) => format!(
                "Nothing due by {}. Next: {} — {}, {}.",
                agenda.last, next.what, next.application, next.your_window
            ),
        });
    }
    // One write for the whole page: a line each would be a system call each.
    let mut text = String::new();
    for (due, section) in agenda.sections() {
        if section.steps.is_empty() {
            continue;
        }
        text.push_str(match due {
            Due::Overdue => "Overdue\n",
            Due::Now => "Due now\n",
            Due::Upcoming => "Next\n",
        });
        for v in &section.steps {
            write_step(&mut text, v);
        }
        if section.more {
            text.push_str("  … and more: `followup agenda --json` lists every step\n\n");
        }
    }
    out::raw(&text)
}

fn write_step(text: &mut String, v: &StepView) {
    use std::fmt::Write;
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
    // Writing to a String cannot fail.
    let _ = writeln!(
        text,
        "  {} — {}{person}  [{}]\n    {}{theirs}\n    why: {}\n",
        v.what, v.application, v.id, v.your_window, v.reason
    );
}

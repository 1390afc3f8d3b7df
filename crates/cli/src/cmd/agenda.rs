//! `followup today` and `followup agenda`: what is overdue, due now, and next.

use super::invalid;
use crate::out;
use crate::step_view::{StepView, describe};
use followup_core::when;
use followup_store::{Page, Store};
use jiff::{Timestamp, ToSpan};

/// At most this many rows a section; the rest are counted.
const SHOWN: usize = 50;

/// Steps that start before the end of `days` days from `from` (today in your zone when
/// not given), overdue ones included.
pub fn run(store: &mut Store, from: Option<String>, days: u32, json: bool) -> anyhow::Result<()> {
    let profile = store.profile()?.unwrap_or_default();
    let tz = jiff::tz::TimeZone::get(&profile.time_zone)?;
    let now = Timestamp::now();
    let first = match from {
        Some(date) => when::date("from", &date).map_err(invalid)?,
        None => now.to_zoned_datetime(tz.clone()).date(),
    };
    let until = first
        .checked_add((days.max(1) as i64).days())?
        .to_zoned_datetime(tz.clone())?
        .timestamp();
    let steps = store.due_steps(
        until,
        Page {
            limit: Some(if json { i64::MAX } else { 3 * SHOWN as i64 }),
            offset: 0,
        },
    )?;
    let views = describe(store, &steps, &profile.time_zone, now, false)?;
    if json {
        return out::json(&views);
    }
    if views.is_empty() {
        return out::line(format!(
            "Nothing due until {}.",
            first.checked_add((days.max(1) as i64 - 1).days())?
        ));
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

//! `followup log` (an application's timeline) and `followup find` (search).

use crate::out;
use followup_app::Followup;

pub fn log(app: &mut Followup, application_id: &str, json: bool) -> anyhow::Result<()> {
    let id = super::full_id(app, application_id)?;
    let timeline = app.timeline(&id)?;
    if json {
        return out::json(&timeline.events);
    }
    let a = &timeline.application;
    out::line(format!("{} – {} ({})", a.company, a.role, a.status))?;
    super::application::print_timeline(app, &timeline)
}

pub fn find(app: &mut Followup, text: &str, json: bool) -> anyhow::Result<()> {
    let found = app.find(text)?;
    if json {
        return out::json(&found);
    }
    if found.is_empty() {
        return out::line(format!("nothing found for '{text}'"));
    }
    let rows = found
        .into_iter()
        .map(|f| {
            let excerpt: String = f.text.replace('\n', " ").chars().take(60).collect();
            vec![f.kind, f.id, f.label, format!("{}: {excerpt}", f.field)]
        })
        .collect();
    out::table(&["kind", "id", "what", "matched"], rows)
}

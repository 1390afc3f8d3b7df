//! Writing results to stdout: text, JSON with the documented schema, and tables. Every
//! write returns its error so a closed pipe ends the command quietly instead of panicking.

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;
use std::io::Write;

pub fn line(text: impl std::fmt::Display) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}")?;
    Ok(())
}

pub fn raw(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

pub fn json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, value)?;
    writeln!(stdout)?;
    Ok(())
}

pub fn table(header: &[&str], rows: Vec<Vec<String>>) -> anyhow::Result<()> {
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().map(|h| h.to_uppercase()));
    for row in rows {
        table.add_row(row.iter().map(|cell| visible(cell)));
    }
    line(
        table
            .to_string()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// "Label: value" lines for a `show`, skipping empty values.
pub fn fields(pairs: &[(&str, String)]) -> anyhow::Result<()> {
    let width = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut text = String::new();
    for (key, value) in pairs {
        if value.trim().is_empty() {
            continue;
        }
        let value = value.lines().map(visible).collect::<Vec<_>>().join("\n");
        let mut lines = value.lines();
        text.push_str(&format!("{key:width$}  {}\n", lines.next().unwrap_or("")));
        for rest in lines {
            text.push_str(&format!("{:width$}  {rest}\n", ""));
        }
    }
    raw(&text)
}

/// Text safe to print on a terminal: control characters (an escape sequence that would
/// recolour or clear the screen, a carriage return that would overwrite a line), direction
/// controls (U+202E would show the rest of the line reversed) and the characters nobody
/// sees (a zero-width space, a byte-order mark: `followup_core::unseen`) shown escaped,
/// as in `\u{1b}`, instead of obeyed. Data typed before such input was refused can
/// still hold them.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if (c.is_control() && c != '\t') || followup_core::unseen::unseen(c).is_some() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(super::visible("a\u{1b}[2Jb\r"), "a\\u{1b}[2Jb\\r");
        assert_eq!(super::visible("Zoë\tPatel"), "Zoë\tPatel");
        assert_eq!(super::visible("Eve \u{202e}live"), "Eve \\u{202e}live");
    }
}

//! Content lines shared by vCard and iCalendar (RFC 6350, RFC 5545): text escaping and
//! folding at 75 octets.

/// Escapes a TEXT value: backslash, comma, semicolon and newline.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// `escape`, appending to `out` (the calendar feed writes 50,000 entries without a
/// string per value).
pub fn escape_into(out: &mut String, text: &str) {
    if !text.contains(['\\', ',', ';', '\n', '\r']) {
        out.push_str(text);
        return;
    }
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
}

/// Appends `line` folded so no physical line exceeds 75 octets, never splitting a
/// character.
pub fn fold_into(out: &mut String, line: &str) {
    if line.len() <= 75 {
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
}

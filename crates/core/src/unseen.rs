//! Characters a reader cannot see, in one place for everything that has to know them: a
//! one-line field refuses the direction controls (contact.rs), the tone checker reads past
//! every invisible character (tone/disguise.rs) and warns of the unseen ones in a message
//! (tone/hidden.rs), and the CLI prints them escaped rather than obeyed.

/// A direction control: an embedding, an override or an isolate (U+202A–U+202E,
/// U+2066–U+2069). U+202E shows the text after it reversed; no name or one-line value
/// needs one, where the marks a right-to-left name carries (U+200E, U+200F) may.
pub fn direction_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// What `c` is, when it is a character nobody sees and no text needs: a zero-width space,
/// a word joiner, an invisible operator, a byte-order mark or a direction control. The
/// marks and joiners a script or an emoji needs (U+200C–U+200F) and a soft hyphen are not
/// among them.
pub fn unseen(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200b}' => "a zero-width space",
        '\u{202a}'..='\u{202e}' => {
            "a direction control, which can show the text around it reordered"
        }
        '\u{2066}'..='\u{2069}' => {
            "a direction isolate, which can show the text around it reordered"
        }
        '\u{2060}' => "a word joiner",
        '\u{2061}'..='\u{2064}' => "an invisible operator",
        '\u{feff}' => "a byte-order mark",
        _ => return None,
    })
}

/// Whether `c` shows nothing at all: an unseen character, or one of the marks, joiners
/// and soft hyphens that only shape the text around them.
pub fn invisible(c: char) -> bool {
    unseen(c).is_some() || matches!(c, '\u{ad}' | '\u{200c}'..='\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_direction_control_is_unseen_and_every_unseen_one_invisible() {
        for c in ('\u{a0}'..='\u{ffff}').filter(|c| direction_control(*c)) {
            assert!(unseen(c).is_some(), "{c:?}");
        }
        for c in ('\u{a0}'..='\u{ffff}').filter(|c| unseen(*c).is_some()) {
            assert!(invisible(c), "{c:?}");
        }
        for c in ['\u{200e}', '\u{200f}', '\u{200d}', '\u{ad}', 'a', ' '] {
            assert!(!direction_control(c) && unseen(c).is_none(), "{c:?}");
        }
    }
}

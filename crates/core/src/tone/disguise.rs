//! Words written so a checker will not see them, seen anyway: the checker reads a copy of
//! the text with the common disguises undone, and its findings point back into what was
//! written. Undone here:
//! - invisible characters inside a word (zero-width space and joiners, soft hyphen,
//!   direction marks): "id\u{200b}iots";
//! - fullwidth letters ("ｉｄｉｏｔｓ");
//! - Cyrillic, Greek and Armenian letters that look Latin, in a word that also has Latin
//!   letters ("\u{456}diots" with a Cyrillic i); a word wholly in another script is left
//!   alone, so a name in Cyrillic stays a name;
//! - digits and symbols for letters between letters ("bullsh1t", "a$$hole", "sh!t"),
//!   where every character of the run stands for a letter (so "i18n" and "B2B" stay);
//! - letters spaced out: four or more single letters with one space between
//!   ("i d i o t s"), or three or more with a dot, hyphen, star or underscore
//!   ("f.u.c.k", "s-h-i-t").
//!
//! Only words change: line breaks and every other character stay where they were, so a
//! finding's line is its line. A text with nothing to undo costs one pass over it.

use super::Finding;
use crate::unseen::invisible;

/// The text the checker reads, and where each of its characters was written.
pub(super) struct Unmasked {
    pub(super) text: String,
    /// For each character of `text`, the index of the written character it stands for.
    origin: Vec<usize>,
}

/// The text with its disguises undone, or `None` when there are none (nearly always).
pub(super) fn unmask(written: &str) -> Option<Unmasked> {
    let odd_char = |c: char| invisible(c) || fullwidth(c) != c || latin_lookalike(c).is_some();
    if !has_ascii_disguise(written.as_bytes()) && !written.chars().any(odd_char) {
        return None;
    }
    let chars: Vec<char> = written.chars().collect();
    // Each written character becomes one character, or none (an invisible one).
    let mut seen: Vec<Option<char>> = chars
        .iter()
        .map(|&c| {
            if invisible(c) {
                None
            } else {
                Some(fullwidth(c))
            }
        })
        .collect();
    lookalikes(&mut seen);
    symbols_for_letters(&mut seen);
    spaced_letters(&mut seen);
    let changed = seen.iter().zip(&chars).any(|(s, c)| *s != Some(*c));
    if !changed {
        return None;
    }
    let mut text = String::with_capacity(written.len());
    let mut origin = Vec::with_capacity(chars.len());
    for (i, c) in seen.iter().enumerate() {
        if let Some(c) = c {
            text.push(*c);
            origin.push(i);
        }
    }
    Some(Unmasked { text, origin })
}

impl Unmasked {
    /// Points each finding, found in the unmasked text, at what was written: its range,
    /// the words it quotes, and its line and column. The written text is indexed once,
    /// so this costs the text's length plus a lookup a finding, not the text a finding.
    pub(super) fn restore(&self, findings: &mut [Finding], written: &str) {
        let chars: Vec<char> = written.chars().collect();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(
                chars
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c == '\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        for f in findings {
            if f.start == 0 && f.end == 0 && f.matched.is_empty() {
                continue; // about the message as a whole
            }
            let at = |i: usize| self.origin.get(i).copied();
            let start = at(f.start).unwrap_or(chars.len());
            let end = if f.end > f.start {
                at(f.end - 1).map_or(start, |last| last + 1)
            } else {
                start
            };
            f.matched = chars[start..end].iter().collect();
            let line = line_starts.partition_point(|&l| l <= start);
            f.line = line;
            f.column = start - line_starts[line - 1] + 1;
            f.start = start;
            f.end = end;
        }
    }
}

/// Whether the text's ASCII may hold a disguise (a stand-in between letters, or a single
/// letter spaced from the next; other characters' bytes count as neither): with no odd
/// character, the cheap test that lets almost every text skip the rest.
fn has_ascii_disguise(b: &[u8]) -> bool {
    let letter = |x: u8| x.is_ascii_alphabetic();
    let stand_in = |x: u8| for_letter(x as char).is_some();
    let spacer = |x: u8| x == b' ' || SPACERS.contains(&(x as char));
    let stands_in = b
        .windows(3)
        .any(|w| letter(w[0]) && stand_in(w[1]) && (letter(w[2]) || stand_in(w[2])));
    // A single letter, a spacer, a single letter; the text's ends count as spaces.
    let at = |i: usize| {
        i.checked_sub(1)
            .and_then(|i| b.get(i))
            .copied()
            .unwrap_or(b' ')
    };
    let spaced = (0..b.len()).any(|i| {
        !at(i).is_ascii_alphanumeric()
            && letter(at(i + 1))
            && spacer(at(i + 2))
            && letter(at(i + 3))
            && !at(i + 4).is_ascii_alphanumeric()
    });
    stands_in || spaced
}

fn fullwidth(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The Latin letter a Cyrillic, Greek or Armenian letter is drawn like.
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' | 'ο' | 'օ' => 'o',
        'р' | 'ρ' => 'p',
        'с' | 'ϲ' => 'c',
        'у' => 'y',
        'х' | 'χ' => 'x',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ո' => 'n',
        'ս' => 'u',
        'ν' => 'v',
        'α' => 'a',
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'Е' | 'Ε' => 'E',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Н' | 'Η' => 'H',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'С' => 'C',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'І' | 'Ι' => 'I',
        'Ѕ' => 'S',
        'Ј' => 'J',
        'Ζ' => 'Z',
        'Ν' => 'N',
        'Υ' => 'Y',
        _ => return None,
    })
}

/// Runs of letters (the invisible characters already gone), as index ranges.
fn words(seen: &[Option<char>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < seen.len() {
        if seen[i].is_some_and(char::is_alphabetic) {
            let start = i;
            while i < seen.len() && seen[i].is_none_or(char::is_alphabetic) {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

fn lookalikes(seen: &mut [Option<char>]) {
    for (a, b) in words(seen) {
        let word = &seen[a..b];
        let latin = word.iter().flatten().any(char::is_ascii_alphabetic);
        let disguised = word.iter().flatten().any(|&c| latin_lookalike(c).is_some());
        if latin && disguised {
            for c in seen[a..b].iter_mut().flatten() {
                if let Some(l) = latin_lookalike(*c) {
                    *c = l;
                }
            }
        }
    }
}

/// The letter a digit or symbol stands for between letters.
fn for_letter(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '!' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        _ => return None,
    })
}

fn symbols_for_letters(seen: &mut [Option<char>]) {
    let letter_at = |seen: &[Option<char>], i: usize| seen.get(i).copied().flatten();
    let mut i = 1;
    while i < seen.len() {
        let Some(prev) = letter_at(seen, i - 1).filter(|c| c.is_alphabetic()) else {
            i += 1;
            continue;
        };
        // A run of one or two stand-ins, then a letter.
        let run = (i..seen.len().min(i + 3))
            .take_while(|&j| letter_at(seen, j).and_then(for_letter).is_some())
            .count();
        let after = letter_at(seen, i + run).filter(|c| c.is_alphabetic());
        let email = (i..i + run).any(|j| seen[j] == Some('@'));
        if (1..=2).contains(&run) && after.is_some() && !email {
            for c in seen[i..i + run].iter_mut().flatten() {
                let l = for_letter(*c).unwrap_or(*c);
                *c = if prev.is_uppercase() {
                    l.to_ascii_uppercase()
                } else {
                    l
                };
            }
        }
        i += run.max(1);
    }
}

/// What may stand between spaced-out letters besides a space.
const SPACERS: [char; 4] = ['.', '-', '*', '_'];

fn spaced_letters(seen: &mut [Option<char>]) {
    let single_letter = |seen: &[Option<char>], i: usize| {
        seen.get(i)
            .copied()
            .flatten()
            .is_some_and(char::is_alphabetic)
            && !(i > 0 && seen[i - 1].is_some_and(char::is_alphanumeric))
            && !seen
                .get(i + 1)
                .copied()
                .flatten()
                .is_some_and(char::is_alphanumeric)
    };
    let mut i = 0;
    while i < seen.len() {
        if !single_letter(seen, i) {
            i += 1;
            continue;
        }
        let Some(sep) = seen.get(i + 1).copied().flatten() else {
            break;
        };
        if sep != ' ' && !SPACERS.contains(&sep) {
            i += 1;
            continue;
        }
        let mut letters = vec![i];
        while seen.get(letters[letters.len() - 1] + 1).copied().flatten() == Some(sep)
            && single_letter(seen, letters[letters.len() - 1] + 2)
        {
            letters.push(letters[letters.len() - 1] + 2);
        }
        let enough = if sep == ' ' { 4 } else { 3 };
        let last = letters[letters.len() - 1];
        if letters.len() >= enough {
            for gap in letters.iter().take(letters.len() - 1) {
                seen[gap + 1] = None;
            }
        }
        i = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(text: &str) -> String {
        unmask(text).map_or_else(|| text.to_string(), |u| u.text)
    }

    #[test]
    fn disguised_words_are_read_as_words() {
        assert_eq!(seen("You are id\u{200b}iots."), "You are idiots.");
        assert_eq!(seen("You are \u{456}diots."), "You are idiots.");
        assert_eq!(seen("ｙｏｕ ａｒｅ ｉｄｉｏｔｓ"), "you are idiots");
        assert_eq!(seen("This is bullsh1t."), "This is bullshit.");
        assert_eq!(seen("BULLSH1T"), "BULLSHIT");
        assert_eq!(seen("a$$hole, sh!t"), "asshole, shit");
        assert_eq!(seen("you are i d i o t s"), "you are idiots");
        assert_eq!(seen("f.u.c.k this"), "fuck this");
        assert_eq!(seen("s-h-i-t"), "shit");
        assert_eq!(seen("f u c k you"), "fuck you");
    }

    #[test]
    fn ordinary_writing_is_left_alone() {
        for text in [
            "Thank you for meeting me on 12 March.",
            "B2B SaaS, i18n, k8s, Web3, covid19, 3D, Q4 and a 4x4.",
            "Write to ada@example.com or a.b@c.org.",
            "e.g. the U.S. team, i.e. Ph.D. level; A. B. Smith.",
            "Plan A or B.",
            "Дмитрий Иванов, Αθήνα",
            "Hi! Thanks.",
            "co-op, re-do, x-ray, T-shirt",
        ] {
            assert_eq!(seen(text), text, "{text}");
        }
    }

    #[test]
    fn findings_point_at_what_was_written() {
        let written = "Fine.\nYou are id\u{200b}iots.";
        let u = unmask(written).unwrap();
        let start = u.text[..u.text.find("idiots").unwrap()].chars().count();
        let mut f = Finding {
            rule: "Pushy.Insult".into(),
            level: super::super::Level::Error,
            message: String::new(),
            matched: "idiots".into(),
            line: 0,
            column: 0,
            start,
            end: start + 6,
            suggestions: vec![],
            link: None,
        };
        u.restore(std::slice::from_mut(&mut f), written);
        assert_eq!(f.matched, "id\u{200b}iots");
        assert_eq!((f.line, f.column), (2, 9));
        assert_eq!((f.start, f.end), (14, 21));
    }
}

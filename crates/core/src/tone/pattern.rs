//! How a rule's patterns become regular expressions, and how they are searched: the
//! rewrites that keep matching fast and apostrophe-blind (`compiled_pattern`), case folded
//! by lowercasing text and pattern alike (`lowercased`), and one search of the whole text
//! standing in for a search per line (`matches_in`).

use regex::Regex;

/// A rule's pattern as it is compiled:
/// - a `'` also matches the typographic apostrophe (’), which most published and pasted
///   text uses, so "don't" in a rule finds "don’t";
/// - a word boundary `\b` (or `\B`) is the ASCII one. A Unicode boundary sends the regex
///   engine to its slowest path for the rest of any text with a non-ASCII character in
///   it: once a rule searched the whole text instead of a line at a time, 1 MB took
///   2.7 s instead of 0.26. Rule words are English, and `’` is not a word character in
///   either kind.
///
/// Escapes and classes (`[...]`) are left as they are.
pub(super) fn compiled_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut in_class = 0usize;
    let mut escaped = false;
    for c in pattern.chars() {
        match c {
            'b' | 'B' if escaped && in_class == 0 => {
                escaped = false;
                out.pop();
                out.push_str(&format!("(?-u:\\{c})"));
            }
            _ if escaped => {
                escaped = false;
                out.push(c);
            }
            '\\' => {
                escaped = true;
                out.push(c);
            }
            '[' => {
                in_class += 1;
                out.push(c);
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            '\'' if in_class == 0 => out.push_str("['’]"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether a pattern's case can be folded by ASCII lowercasing: it has no letter with
/// case beyond ASCII, so lowercasing the text's ASCII letters and the pattern's finds what
/// a case-insensitive search would (and not the Kelvin sign for a "k", which nobody means).
///
/// A pattern that turns case folding off for a part of itself (`(?-i)`) needs the
/// engine too: in lowercased text, every case would match that part.
pub(super) fn folds_as_ascii(pattern: &str) -> bool {
    let no_cased_beyond_ascii = pattern
        .chars()
        .all(|c| c.is_ascii() || c.to_lowercase().eq(c.to_uppercase()));
    let turns_case_on = pattern.split("(?").skip(1).any(|rest| {
        let flags = rest.split([':', ')']).next().unwrap_or("");
        flags
            .split_once('-')
            .is_some_and(|(_, off)| off.contains('i'))
    });
    // A class by property or a letter by its code (`\p{Lu}`, `\x41`) is kept as written,
    // and would not meet the letters lowercasing changed.
    let names_by_code = ["\\p", "\\P", "\\x", "\\u", "\\U"]
        .iter()
        .any(|e| pattern.contains(e));
    no_cased_beyond_ascii && !turns_case_on && !names_by_code
}

/// A pattern with its ASCII letters lowercased, to search ASCII-lowercased text with.
/// What follows a `\` keeps its case (`\W`, `\S`, `\B`, `\p{Lu}`, `\x0B` mean what they
/// say), as do group names (`(?P<Name>`) and flags (`(?U)` is not `(?u)`).
pub(super) fn lowercased(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                let Some(escaped) = chars.next() else { break };
                out.push(escaped);
                if matches!(escaped, 'p' | 'P' | 'x' | 'u' | 'U') && chars.peek() == Some(&'{') {
                    for d in chars.by_ref() {
                        out.push(d);
                        if d == '}' {
                            break;
                        }
                    }
                } else if matches!(escaped, 'p' | 'P') {
                    out.extend(chars.next());
                } else if escaped == 'x' {
                    out.extend(chars.next());
                    out.extend(chars.next());
                }
            }
            '(' if chars.peek() == Some(&'?') => {
                out.push(c);
                out.extend(chars.next());
                if chars.peek() == Some(&'P') || chars.peek() == Some(&'<') {
                    // A named group: its name as written.
                    for d in chars.by_ref() {
                        out.push(d);
                        if d == '>' {
                            break;
                        }
                    }
                } else {
                    // Flags ("(?iU)", "(?-u:"): `U` is not `u`.
                    while let Some(d) = chars.next_if(|d| d.is_ascii_alphabetic() || *d == '-') {
                        out.push(d);
                    }
                }
            }
            '[' => {
                // A class is kept as written, and folded by the engine if it names a
                // capital: lowercasing "[Z-a]" would break the range, "[A-z]" would lose
                // the "[\\]^_`" between.
                let mut class = String::from(c);
                let mut depth = 1;
                if let Some(d) = chars.next_if_eq(&'^') {
                    class.push(d);
                }
                if let Some(d) = chars.next_if_eq(&']') {
                    class.push(d);
                }
                while depth > 0 {
                    let Some(d) = chars.next() else { break };
                    class.push(d);
                    match d {
                        '\\' => class.extend(chars.next()),
                        '[' => depth += 1,
                        ']' => depth -= 1,
                        _ => {}
                    }
                }
                if class.chars().any(|d| d.is_ascii_uppercase()) {
                    out.push_str(&format!("(?i:{class})"));
                } else {
                    out.push_str(&class);
                }
            }
            _ => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// Every match of `re` inside one of `parts` (byte ranges, in order, each a line or the
/// end of one), as searching each part on its own would find them.
///
/// Searching a part at a time costs a search's set-up for every line of the text and
/// every rule. So the text is searched once. A match that lies inside one part is the
/// match a search of that part finds there: the part's edges look to `\b` and `$` as the
/// line break beyond them does, and the bytes between are the same. A match that runs
/// across a part's edge may hide what a search of the part alone would find, so the
/// parts it touches are searched again on their own, and only those. A part that does
/// not begin a line (the subject after "Subject:") is always searched on its own, since
/// `^` would not match there in the whole text; so is a part followed by "\r\n" when
/// the pattern has a `$`, which matches only before the "\n" in the whole text.
pub(super) fn matches_in(
    re: &Regex,
    source: &str,
    parts: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Vec::new();
    };
    let dollar = re.as_str().contains('$');
    let mut search_again: Vec<bool> = parts
        .iter()
        .map(|(a, b)| {
            (*a > 0 && !source[..*a].ends_with('\n')) || (dollar && source[*b..].starts_with('\r'))
        })
        .collect();
    // (part, start, end) of each match that lies inside a part.
    let mut inside: Vec<(usize, usize, usize)> = Vec::new();
    for m in re.find_iter(&source[first.0..last.1]) {
        let (s, e) = (first.0 + m.start(), first.0 + m.end());
        // The last part starting at or before the match.
        let mut i = parts.partition_point(|(a, _)| *a <= s).saturating_sub(1);
        if parts[i].0 <= s && e <= parts[i].1 {
            inside.push((i, s, e));
            continue;
        }
        // It runs across an edge (or lies between parts): the parts it touches are
        // searched again.
        let e = e.max(s + 1);
        while i < parts.len() && parts[i].0 < e {
            if parts[i].1 >= s {
                search_again[i] = true;
            }
            i += 1;
        }
    }
    let mut out = Vec::with_capacity(inside.len());
    let mut found = inside.into_iter().peekable();
    for (i, (a, b)) in parts.iter().enumerate() {
        let here = std::iter::from_fn(|| found.next_if(|(part, _, _)| *part == i));
        if search_again[i] {
            here.for_each(drop);
            out.extend(
                re.find_iter(&source[*a..*b])
                    .map(|m| (a + m.start(), a + m.end())),
            );
        } else {
            out.extend(here.map(|(_, s, e)| (s, e)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercasing_keeps_escapes_and_group_names() {
        assert_eq!(lowercased(r"I Need\W+ASAP"), r"i need\W+asap");
        assert_eq!(
            lowercased(r"\p{Lu}\PL\x0B\u{212A}"),
            r"\p{Lu}\PL\x0B\u{212A}"
        );
        assert_eq!(
            lowercased(r"[A-Z]x[a-z']Y[Z-a][^]A][\]B][a-c[D]]e"),
            r"(?i:[A-Z])x[a-z']y(?i:[Z-a])(?i:[^]A])(?i:[\]B])(?i:[a-c[D]])e"
        );
        assert_eq!(
            lowercased(r"(?P<Who>You)(?<Name>X)(?:Y)"),
            r"(?P<Who>you)(?<Name>x)(?:y)"
        );
        assert_eq!(lowercased(r"(?-u:\b)HR\B"), r"(?-u:\b)hr\B");
        assert_eq!(lowercased(r"(?sU)A+(?U:B)"), r"(?sU)a+(?U:b)");
    }

    #[test]
    fn only_ascii_cased_patterns_fold_by_lowercasing() {
        assert!(folds_as_ascii("don['’]t (?:you|YOU) 100%"));
        assert!(!folds_as_ascii("CAFÉ"));
        assert!(!folds_as_ascii("straße"));
        assert!(!folds_as_ascii("(?-i:ASAP)"));
        assert!(!folds_as_ascii("(?s-i)HR"));
        assert!(!folds_as_ascii("\\p{Lu}+"));
        assert!(!folds_as_ascii("\\x41SAP"));
        assert!(folds_as_ascii("(?-u:\\b)(?i:x)(?:y)"));
    }
}

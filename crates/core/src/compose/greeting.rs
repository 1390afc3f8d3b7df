//! Whom a draft greets: the name in its opening line ("Dear Ms Patel,", "Hi Priya,",
//! "Hello Priya, this is Sam") checked against the person it goes to. A misspelt name
//! is the first thing a reader notices, and a note that greets another panellist is one
//! meant for someone else (a copy of Tom's note sent to Priya).

use crate::model::Contact;
use crate::tone::{Finding, Level};

const RULE: &str = "Content.Name";

/// Words of a greeting that are not a name ("Dear Sir or Madam", "Hi all", "Dear Dr").
const NOT_NAMES: &[&str] = &[
    "sir",
    "madam",
    "or",
    "and",
    "hiring",
    "manager",
    "managers",
    "team",
    "all",
    "everyone",
    "there",
    "recruiting",
    "recruitment",
    "talent",
    "acquisition",
    "committee",
    "panel",
    "colleagues",
    "folks",
    "again",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir/madam",
    "dear",
];

/// What is wrong with the name the draft's opening line greets, if anything: it is the
/// name of another on the `panel` and not of the `recipient`, or a word a slip away from
/// the recipient's name. `text` is the draft as checked (an email's "Subject:" line
/// first); offsets are into it.
pub fn greeting_findings(text: &str, recipient: &Contact, panel: &[Contact]) -> Vec<Finding> {
    let Some((line_start, line)) = opening(text) else {
        return Vec::new();
    };
    let words = greeted(line);
    if words.is_empty() {
        return Vec::new();
    }
    let theirs = name_words(recipient);
    let is_theirs = |w: &str| theirs.iter().any(|n| same(n, w));
    if words.iter().any(|(_, w)| is_theirs(w)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (offset, word) in &words {
        let at = line_start + offset;
        let finding = |message: String, suggestions: Vec<String>| Finding {
            suggestions,
            ..Finding::located(RULE, Level::Warning, message, text, at, at + word.len())
        };
        if let Some(other) = panel
            .iter()
            .filter(|c| c.id != recipient.id)
            .find(|c| name_words(c).iter().any(|n| same(n, word)))
        {
            out.push(finding(
                format!(
                    "The note greets {word}, but it goes to {}: {word} is {}, another on the \
                     panel. A note meant for one reaches the other.",
                    recipient.full_name, other.full_name
                ),
                Vec::new(),
            ));
            break;
        }
        if let Some(right) = slip_of(word, recipient) {
            out.push(finding(
                format!(
                    "'{word}' is a slip away from {right}, as {} spells it: a misspelt name is \
                     the first thing a reader notices.",
                    recipient.full_name
                ),
                vec![right],
            ));
            break;
        }
    }
    out
}

/// The first line that greets: where it starts in `text` (bytes), and the line. An
/// email's "Subject:" line and blank lines come before it.
fn opening(text: &str) -> Option<(usize, &str)> {
    let mut start = 0;
    for line in text.split('\n') {
        let here = start;
        start += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("Subject:") {
            continue;
        }
        let lower = trimmed.to_lowercase();
        let greets = [
            "dear ",
            "hi ",
            "hello ",
            "hey ",
            "good morning ",
            "good afternoon ",
        ]
        .iter()
        .any(|g| lower.starts_with(g));
        return greets.then_some((here, line));
    }
    None
}

/// The words a greeting line names (after "Dear" and any title, up to the first comma
/// or colon), each with its byte offset in the line: names, not "Sir or Madam".
fn greeted(line: &str) -> Vec<(usize, &str)> {
    let end = line
        .find([',', ':', ';', '!', '—', '–'])
        .unwrap_or(line.len());
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, raw) in line[..end].split(' ').enumerate() {
        let here = offset;
        offset += raw.len() + 1;
        // The first word greets ("Dear", "Hi"); "Good morning" greets in two.
        if i == 0
            || (i == 1 && raw.eq_ignore_ascii_case("morning"))
            || (i == 1 && raw.eq_ignore_ascii_case("afternoon"))
        {
            continue;
        }
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || NOT_NAMES.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        let lead = raw.find(word).unwrap_or(0);
        out.push((here + lead, word));
    }
    out
}

/// The words of a contact's name: given, family, and the rest of the full name.
fn name_words(c: &Contact) -> Vec<String> {
    let mut out: Vec<String> = c
        .full_name
        .split([' ', '-'])
        .chain(c.given_name.split(' '))
        .chain(c.family_name.split(' '))
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// The recipient's name `word` is most likely a slip of, if any. A family name: one
/// letter wrong, missing, added or two swapped (two in a name of eight letters or more).
/// A given name: only a letter wrong or two swapped, since a letter more or less is as
/// often the name they go by ("Kate", "Katie"; "Jon", "John"), and never a shortening
/// ("Rob", "Robert").
fn slip_of(word: &str, c: &Contact) -> Option<String> {
    let w = word.to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    // A letter changed, added or taken away, or two side by side swapped.
    let edits = |name: &str| strsim::osa_distance(&w, &name.to_lowercase());
    let letters = |name: &str| name.chars().count();
    let family = c.family_name.split(' ').filter(|n| letters(n) >= 3);
    let given = c.given_name.split(' ').filter(|n| letters(n) >= 3);
    family
        .clone()
        .find(|n| edits(n) <= if letters(n) >= 8 { 2 } else { 1 })
        .or_else(|| {
            given
                .clone()
                .find(|n| letters(n) == letters(&w) && edits(n) == 1)
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn person(id: &str, name: &str) -> Contact {
        let mut c = Contact::named(name, Timestamp::UNIX_EPOCH);
        c.id = id.into();
        c
    }

    fn rules(text: &str) -> Vec<(String, String, Vec<String>)> {
        let priya = person("con-1", "Priya Patel");
        let tom = person("con-2", "Tom Jones");
        let panel = [priya.clone(), tom];
        greeting_findings(text, &priya, &panel)
            .into_iter()
            .map(|f| (f.message, f.matched, f.suggestions))
            .collect()
    }

    #[test]
    fn the_name_greeted_is_the_recipients() {
        for fine in [
            "Subject: Thank you\n\nDear Ms Patel,\n\nThank you.",
            "Hi Priya,\nThanks again.",
            "Hello Priya, this is Sam. We met on Monday.",
            "Dear Sir or Madam,\n",
            "Dear Hiring Manager:",
            "Hi all,",
            "Dear Priya and Tom,",
            "Good morning Priya,",
            "Thanks for your time today.",
            "Dear Dr Patel,",
        ] {
            assert!(rules(fine).is_empty(), "{fine}: {:?}", rules(fine));
        }
    }

    #[test]
    fn a_slip_in_the_name_is_found_and_the_right_spelling_offered() {
        for (text, slip, right) in [
            ("Dear Ms Patell,\n", "Patell", "Patel"),
            ("Dear Ms Ptael,\n", "Ptael", "Patel"),
            ("Hi Priay,\n", "Priay", "Priya"),
            ("Subject: Thanks\n\nDear Ms Pate,\n", "Pate", "Patel"),
        ] {
            let found = rules(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].1, slip);
            assert_eq!(found[0].2, vec![right.to_string()]);
        }
        // A given name a letter longer or shorter may be the one they go by.
        let mut katie = person("con-3", "Katie Ward");
        katie.given_name = "Katie".into();
        assert!(greeting_findings("Hi Kate,", &katie, &[]).is_empty());
        assert!(greeting_findings("Hi Rob,", &person("con-4", "Robert Smith"), &[]).is_empty());
    }

    #[test]
    fn a_note_greeting_another_panellist_is_found() {
        let found = rules("Dear Mr Jones,\n\nThank you for the interview.");
        assert_eq!(found.len(), 1);
        assert!(found[0].0.contains("goes to Priya Patel"), "{}", found[0].0);
        assert_eq!(found[0].1, "Jones");
    }

    #[test]
    fn offsets_point_at_the_name_in_the_checked_text() {
        let priya = person("con-1", "Priya Patel");
        let text = "Subject: Thank you\n\nDear Ms Patell,\n";
        let f = &greeting_findings(text, &priya, &[])[0];
        assert_eq!((f.line, f.column), (3, 9));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), "Patell");
    }

    #[test]
    fn edits_are_counted_as_a_reader_sees_them() {
        // Two letters swapped are one slip, as a reader sees it (not two changes).
        let d = strsim::osa_distance;
        assert_eq!(d("patel", "patel"), 0);
        assert_eq!(d("patell", "patel"), 1);
        assert_eq!(d("ptael", "patel"), 1);
        assert_eq!(d("priay", "priya"), 1);
        assert_eq!(d("smith", "jones"), 5);
    }

    proptest::proptest! {
        #[test]
        fn any_text_and_name_give_findings_that_point_inside_it(
            text in "(Subject: [a-z ]{0,8}\n)?(\n)?(Dear|Hi|Hello|Good morning) [A-Za-zéü' ,:—–-]{0,30}\n?.{0,20}",
            name in "[A-Za-zé' -]{0,16}",
        ) {
            let recipient = person("con-1", &name);
            let panel = [recipient.clone(), person("con-2", "Tom Jones")];
            let chars = text.chars().count();
            for f in greeting_findings(&text, &recipient, &panel) {
                proptest::prop_assert!(f.start < f.end && f.end <= chars);
                let found: String = text.chars().skip(f.start).take(f.end - f.start).collect();
                proptest::prop_assert_eq!(found, f.matched);
            }
        }

        #[test]
        fn a_family_name_with_a_letter_added_is_found_where_it_is(
            before in "(Subject: [a-zé ]{0,8}\n\n)?",
            family in "[A-Z][a-zéü]{3,8}",
        ) {
            let recipient = person("con-1", &format!("Priya {family}"));
            let slip = format!("{family}x");
            let text = format!("{before}Dear Ms {slip},\nThank you.");
            let found = greeting_findings(&text, &recipient, &[]);
            proptest::prop_assert_eq!(found.len(), 1);
            let f = &found[0];
            let at: String = text.chars().skip(f.start).take(f.end - f.start).collect();
            proptest::prop_assert_eq!(&at, &slip);
            proptest::prop_assert_eq!(&f.suggestions, &vec![family.clone()]);
        }
    }
}

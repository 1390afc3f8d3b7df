//! Turning the candidate's inputs into words a reader gets: skill evidence as a sentence
//! in the first person, a phone number a caller abroad can dial, and a deterministic
//! choice among phrasings so that two interviews (or two people on one panel) do not get
//! the same sentences (wording/pick.rs).

/// Text the candidate wrote for the reader ("the payments migration.") as a draft
/// places it mid-sentence: trimmed, without a closing full stop.
pub fn for_reader(text: &str) -> String {
    text.trim().trim_end_matches('.').trim().to_string()
}

/// Evidence as a first-person sentence: "Designed and analysed 30+ pricing experiments"
/// → "I designed and analysed 30+ pricing experiments."; evidence that already speaks
/// ("I led …", "My team …") is kept; a noun phrase ("Five years of Go at Acme") becomes
/// "I bring five years of Go at Acme.".
pub fn first_person(evidence: &str) -> String {
    let text = evidence.trim().trim_end_matches(['.', ';', ',']).trim();
    if text.is_empty() {
        return String::new();
    }
    let first = text.split_whitespace().next().unwrap_or("");
    let bare = first
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let sentence = if matches!(
        bare.as_str(),
        "i" | "i'm" | "i've" | "i'd" | "my" | "we" | "our"
    ) || first.starts_with("I'")
        || first.starts_with("I’")
    {
        text.to_string()
    } else if is_past_verb(&bare) {
        format!("I {}", lower_first(text))
    } else {
        format!("I bring {}", lower_first(text))
    };
    format!("{sentence}.")
}

/// A sentence to follow a comma ("On SQL, my team …"): the first word lower-cased
/// unless it is "I" or a name.
pub fn clause(sentence: &str) -> String {
    let first = sentence.split_whitespace().next().unwrap_or("");
    if first == "I" || first.starts_with("I'") || first.starts_with("I’") {
        sentence.to_string()
    } else {
        lower_first(sentence)
    }
}

/// The sentence that names a skill and says what the candidate did with it: "On SQL, I
/// built…". When the evidence already says the skill, in its verb ("On negotiation, I
/// negotiated…") or by name ("On Python, I built APIs in Python"), the frame would only
/// repeat it, so the sentence is the evidence alone: "I negotiated 12 supplier
/// contracts…", "I built APIs in Python.".
pub fn on_skill(name: &str, said: &str) -> String {
    if verb_echoes(name, said) || names(said, name) {
        return said.to_string();
    }
    format!("On {}, {}", mid_sentence(name), clause(said))
}

/// Whether `text` holds `name` as words of its own, in any case: "Python" in "APIs in
/// Python." and "C++" in "in C++, …", but not "Go" in "going" or "go-live", nor "R" in
/// "R&D".
fn names(text: &str, name: &str) -> bool {
    let (text, name) = (text.to_lowercase(), name.trim().to_lowercase());
    if name.is_empty() {
        return false;
    }
    // Space or sentence punctuation on each side: not a letter, nor the '&', '-', '+',
    // '#' or '/' that join a word into a longer name ("R&D", "go-live", "C++").
    let apart =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ".,;:!?()\"'’‘“”".contains(c));
    text.match_indices(&name).any(|(at, _)| {
        apart(text[..at].chars().next_back()) && apart(text[at + name.len()..].chars().next())
    })
}

/// Whether the word after "I" in `said` shares a stem of five letters or more with a word
/// of the skill's name ("negotiated" and "Negotiation", "mentored" and "Mentoring").
fn verb_echoes(name: &str, said: &str) -> bool {
    let mut words = said.split_whitespace();
    if words.next() != Some("I") {
        return false;
    }
    let Some(verb) = words.next() else {
        return false;
    };
    let verb = verb.to_lowercase();
    name.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let w = w.to_lowercase();
        let shared = w
            .chars()
            .zip(verb.chars())
            .take_while(|(a, b)| a == b)
            .count();
        shared >= 5
    })
}

/// A skill's name as it reads inside a sentence ("On data visualisation, …"): a name of
/// several words in sentence case ("Data visualisation", "Stakeholder management") loses
/// its capital, and so does one word made as common nouns are ("Experimentation",
/// "Mentoring", "Leadership", "Analytics"); any other capital ("Power BI", "A/B
/// testing", "Google Analytics") or one word otherwise ("Excel", "Python", "Spring")
/// says it is a name, and it is kept as written.
pub fn mid_sentence(name: &str) -> String {
    let name = name.trim();
    let several_words = name.split_whitespace().nth(1).is_some();
    let rest_lower = !name.chars().skip(1).any(char::is_uppercase);
    if rest_lower && (several_words || made_as_a_common_noun(name)) {
        lower_first(name)
    } else {
        name.to_string()
    }
}

/// Whether one word ends as nouns made from verbs and adjectives do ("-tion", "-ment",
/// "-ship", "-ing", "-ity", "-ics", …) after a stem of four letters or more: the names of
/// tools that end so are short ("Spring", "Swing", "Unity").
fn made_as_a_common_noun(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "tion", "sion", "ment", "ship", "ing", "ity", "ics", "ance", "ence", "ness", "ism", "ology",
    ];
    let lower = word.to_lowercase();
    lower.chars().all(|c| c.is_alphabetic())
        && ENDINGS.iter().any(|e| {
            lower
                .strip_suffix(e)
                .is_some_and(|stem| stem.chars().count() >= 4)
        })
}

/// A past-tense verb that can open a line of evidence ("Led", "Built", "Designed").
fn is_past_verb(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "led",
        "built",
        "ran",
        "wrote",
        "made",
        "grew",
        "cut",
        "set",
        "took",
        "drove",
        "won",
        "taught",
        "brought",
        "oversaw",
        "began",
        "sold",
        "found",
        "held",
        "kept",
        "spent",
        "shipped",
        "rebuilt",
        "rewrote",
        "undertook",
        "saw",
        "got",
        "gave",
        "met",
        "sped",
    ];
    IRREGULAR.contains(&word) || (word.len() > 4 && word.ends_with("ed"))
}

/// "Designed …" → "designed …"; acronyms and names ("AWS", "PostgreSQL") stay.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// Calling codes for the regions Followup knows, by the region's country part.
const CALLING_CODES: &[(&str, &str)] = &[
    ("gb", "44"),
    ("us", "1"),
    ("ie", "353"),
    ("ca", "1"),
    ("au", "61"),
    ("nz", "64"),
    ("de", "49"),
    ("fr", "33"),
    ("nl", "31"),
    ("es", "34"),
    ("it", "39"),
    ("in", "91"),
    ("sg", "65"),
];

fn country(region: &str) -> &str {
    region.split('-').next().unwrap_or(region)
}

/// The number (of someone in `my_region`) as someone in `their_region` should dial it:
/// unchanged when it is already international (+…) or they are in the same country, else
/// with the calling code of `my_region` in place of the trunk prefix ("07700 900123" →
/// "+44 7700 900123", "(212) 555-0147" or "1-212-555-0147" → "+1 212 555-0147").
pub fn dialable(phone: &str, my_region: &str, their_region: Option<&str>) -> String {
    let phone = phone.trim();
    let abroad = their_region.is_some_and(|r| country(r) != country(my_region));
    if phone.is_empty() || phone.starts_with('+') || !abroad {
        return phone.to_string();
    }
    match CALLING_CODES.iter().find(|(c, _)| *c == country(my_region)) {
        Some((_, code)) => {
            // Brackets only mark the area code (or the UK's optional "(0)").
            let plain = phone.replace(['(', ')'], "");
            let plain = plain.trim();
            let digits = plain.chars().filter(char::is_ascii_digit).count();
            // Only a number written as that country writes it is rewritten: one that is
            // not ("07700 900456" for someone in the US) is left as typed, to be checked.
            let national = match *code {
                "1" if digits == 10 => Some(plain),
                "1" if digits == 11 => plain.strip_prefix('1'),
                "1" => None,
                // Italy keeps its leading 0 when dialled from abroad.
                "39" => Some(plain),
                _ => plain.strip_prefix('0'),
            };
            match national {
                Some(n) => format!("+{code} {}", n.trim_start_matches([' ', '-', '.'])),
                None => phone.to_string(),
            }
        }
        None => phone.to_string(),
    }
}

/// Whether the callee is in another country than the candidate.
pub fn abroad(my_region: &str, their_region: Option<&str>) -> bool {
    their_region.is_some_and(|r| country(r) != country(my_region))
}

mod pick;
pub use pick::{MARKED_WORDS, pick};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skill_is_named_unless_the_verb_already_names_it() {
        assert_eq!(
            on_skill("SQL", "I built the reporting warehouse."),
            "On SQL, I built the reporting warehouse."
        );
        assert_eq!(
            on_skill("Financial modeling", "I built the model used for a raise."),
            "On financial modeling, I built the model used for a raise."
        );
        assert_eq!(
            on_skill("Negotiation", "I negotiated 12 supplier contracts."),
            "I negotiated 12 supplier contracts."
        );
        assert_eq!(
            on_skill("Mentoring", "I mentored four junior analysts."),
            "I mentored four junior analysts."
        );
        // A later word that only shares the verb's stem is no echo.
        assert_eq!(
            on_skill("Mentoring", "I led a mentor scheme for new hires."),
            "On mentoring, I led a mentor scheme for new hires."
        );
        // Evidence that names the skill says it already: the frame would repeat it.
        assert_eq!(
            on_skill("Negotiation", "I led the negotiation of 12 contracts."),
            "I led the negotiation of 12 contracts."
        );
        assert_eq!(
            on_skill("Python", "My team shipped the Python service."),
            "My team shipped the Python service."
        );
        assert_eq!(
            on_skill("Kubernetes", "I moved 40 services onto Kubernetes."),
            "I moved 40 services onto Kubernetes."
        );
        assert_eq!(
            on_skill("C++", "I wrote the pricing engine in C++, from scratch."),
            "I wrote the pricing engine in C++, from scratch."
        );
        // Only as words of their own: "Go" is not in "going", nor "R" in "R&D".
        assert_eq!(
            on_skill("Go", "I kept the go-live on time, going live in May."),
            "On Go, I kept the go-live on time, going live in May."
        );
        assert_eq!(
            on_skill("R", "I led R&D for the pricing team."),
            "On R, I led R&D for the pricing team."
        );
    }

    #[test]
    fn evidence_speaks_in_the_first_person() {
        assert_eq!(
            first_person("Designed and analysed 30+ pricing experiments"),
            "I designed and analysed 30+ pricing experiments."
        );
        assert_eq!(
            first_person("Led the migration of 40 services to Kubernetes."),
            "I led the migration of 40 services to Kubernetes."
        );
        assert_eq!(
            first_person("I tuned the queries behind our reports"),
            "I tuned the queries behind our reports."
        );
        assert_eq!(
            first_person("Five years of Go at Acme"),
            "I bring five years of Go at Acme."
        );
        assert_eq!(
            first_person("AWS certification"),
            "I bring AWS certification."
        );
        assert_eq!(first_person("  "), "");
    }

    #[test]
    fn a_skill_name_reads_as_a_name_or_as_words() {
        assert_eq!(mid_sentence("Data visualisation"), "data visualisation");
        assert_eq!(
            mid_sentence("Stakeholder management"),
            "stakeholder management"
        );
        for (name, inside) in [
            ("Experimentation", "experimentation"),
            ("Mentoring", "mentoring"),
            ("Leadership", "leadership"),
            ("Analytics", "analytics"),
            ("Forecasting", "forecasting"),
            ("Accessibility", "accessibility"),
            ("Procurement", "procurement"),
            ("Compliance", "compliance"),
        ] {
            assert_eq!(mid_sentence(name), inside);
        }
        for kept in [
            "Excel",
            "Python",
            "Spring",
            "Unity",
            "Kubernetes",
            "Power BI",
            "A/B testing",
            "Google Analytics",
            "SQL",
            "CI/CD",
        ] {
            assert_eq!(mid_sentence(kept), kept);
        }
    }

    #[test]
    fn numbers_are_dialable_from_abroad() {
        assert_eq!(
            dialable("07700 900123", "gb-eng", Some("us")),
            "+44 7700 900123"
        );
        assert_eq!(
            dialable("07700 900123", "gb-eng", Some("gb-sct")),
            "07700 900123"
        );
        assert_eq!(
            dialable("+1 212 555 0100", "us", Some("gb-eng")),
            "+1 212 555 0100"
        );
        assert_eq!(dialable("07700 900123", "gb-eng", None), "07700 900123");
        assert_eq!(
            dialable("(212) 555-0147", "us", Some("au")),
            "+1 212 555-0147"
        );
        assert_eq!(
            dialable("1-212-555-0147", "us", Some("gb-eng")),
            "+1 212-555-0147"
        );
        assert_eq!(
            dialable("(020) 7946 0000", "gb-eng", Some("us")),
            "+44 20 7946 0000"
        );
        assert_eq!(
            dialable("0412 345 678", "au", Some("us")),
            "+61 412 345 678"
        );
        assert_eq!(
            dialable("06 1234 5678", "it", Some("gb-eng")),
            "+39 06 1234 5678"
        );
        assert!(abroad("gb-eng", Some("us")));
        assert!(!abroad("gb-eng", Some("gb-nir")));
    }
}

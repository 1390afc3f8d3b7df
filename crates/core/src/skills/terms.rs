//! Job-description text as terms: spellings that mean one thing made one (C++, k8s,
//! CI/CD, front-end), words split, stop words and words that say nothing on their own
//! ("experience", "4+", "years") dropped, the rest spelt the American way and stemmed.

use super::words::{GENERIC, STOP_WORDS};
use rust_stemmers::Stemmer;

/// Spellings that mean one thing, matched before words are split (lower case).
const ALIASES: &[(&str, &str)] = &[
    ("c++", "cplusplus"),
    ("c#", "csharp"),
    ("f#", "fsharp"),
    (".net", "dotnet"),
    ("asp.net", "dotnet"),
    ("node.js", "nodejs"),
    ("nodejs", "nodejs"),
    ("react.js", "react"),
    ("reactjs", "react"),
    ("vue.js", "vue"),
    ("next.js", "nextjs"),
    ("ci/cd", "cicd"),
    ("ci / cd", "cicd"),
    ("continuous integration", "cicd"),
    ("continuous delivery", "cicd"),
    ("k8s", "kubernetes"),
    ("container orchestration", "kubernetes"),
    ("kube", "kubernetes"),
    ("golang", "go"),
    // "go" the verb, not the language: phrases adverts use it in, as one word each.
    ("go to market", "gotomarket"),
    ("go live", "golive"),
    ("go getter", "gogetter"),
    ("on the go", "onthego"),
    ("go above and beyond", "aboveandbeyond"),
    ("go beyond", "gobeyond"),
    ("go the extra mile", "extramile"),
    ("good to go", "goodtogo"),
    ("ready to go", "readytogo"),
    ("go through", "gothrough"),
    ("go hand in hand", "handinhand"),
    // Nor the languages R and C.
    ("r&d", "randd"),
    ("r & d", "randd"),
    ("c level", "clevel"),
    ("c suite", "csuite"),
    ("postgres", "postgresql"),
    ("psql", "postgresql"),
    ("javascript", "javascript"),
    ("js", "javascript"),
    ("typescript", "typescript"),
    ("ts", "typescript"),
    ("machine learning", "machinelearning"),
    ("ml", "machinelearning"),
    ("amazon web services", "aws"),
    ("google cloud", "gcp"),
    ("infrastructure as code", "iac"),
    // Not SQL: the databases that are not relational ("No-SQL" is read "no sql").
    ("no sql", "nosql"),
    // One term, not "on" (a stop word) and "call" ("we will call you").
    ("on call", "oncall"),
    ("site reliability", "sre"),
    ("user experience", "ux"),
    ("power bi", "powerbi"),
    ("a/b test", "abtest"),
    ("a/b testing", "abtest"),
    ("a|b test", "abtest"),
    ("a|b testing", "abtest"),
    ("a/b/n test", "abtest"),
    ("a/b/n testing", "abtest"),
    ("a/b experiment", "abtest"),
    ("ab test", "abtest"),
    ("ab testing", "abtest"),
    ("split test", "abtest"),
    ("split testing", "abtest"),
    // Compounds written as one word, two, or hyphenated ("front-end" is read "front end").
    ("front end", "frontend"),
    ("back end", "backend"),
    ("full stack", "fullstack"),
    ("e commerce", "ecommerce"),
    ("dev ops", "devops"),
    ("micro service", "microservice"),
    ("data set", "dataset"),
    ("web site", "website"),
];

/// What an advert asks for when it names a framework or library of one language or
/// field: a Django role is a Python role, and a note should say Python.
const IMPLIES: &[(&str, &str)] = &[
    ("django", "python"),
    ("flask", "python"),
    ("fastapi", "python"),
    ("spring", "java"),
    ("pytorch", "machine learning"),
    ("tensorflow", "machine learning"),
    ("keras", "machine learning"),
    ("scikit-learn", "machine learning"),
    ("sklearn", "machine learning"),
    ("pandas", "python"),
    ("numpy", "python"),
    // A pipeline tool asks for the practice it runs.
    ("jenkins", "ci/cd"),
    ("circleci", "ci/cd"),
    ("teamcity", "ci/cd"),
    ("argocd", "ci/cd"),
];

/// Skills one of which is a kind of the other, beyond the frameworks of `IMPLIES`: a
/// note that names both says one thing twice.
const KIND_OF: &[(&str, &str)] = &[
    ("postgresql", "sql"),
    ("mysql", "sql"),
    ("mariadb", "sql"),
    ("sqlite", "sql"),
    ("sql server", "sql"),
    ("mssql", "sql"),
    ("t-sql", "sql"),
    ("pl/sql", "sql"),
    ("eks", "aws"),
    ("ec2", "aws"),
    ("lambda", "aws"),
    ("gke", "gcp"),
    ("aks", "azure"),
    // A tool and the practice it serves: "Tableau" beside "Data visualisation" says one
    // thing twice.
    ("tableau", "data visualization"),
    ("power bi", "data visualization"),
    ("looker", "data visualization"),
    ("qlik", "data visualization"),
    ("tableau", "dashboards"),
    ("power bi", "dashboards"),
    ("looker", "dashboards"),
    ("google analytics", "web analytics"),
];

/// The pairs of skills (by index, the smaller first, as `alternatives` gives them) one
/// of which is a kind of the other: "PostgreSQL" and "SQL", "Django" and "Python". The
/// table is read into terms once here, not for every candidate a pick is weighed against.
pub(super) fn kinds(
    spellings: &[&[Vec<String>]],
    stemmer: &Stemmer,
) -> std::collections::BTreeSet<(usize, usize)> {
    let stems =
        |text: &str| -> Vec<String> { terms(text, stemmer).into_iter().map(|t| t.stem).collect() };
    let table: Vec<(Vec<String>, Vec<String>)> = KIND_OF
        .iter()
        .chain(IMPLIES)
        .map(|(kind, of)| (stems(kind), stems(of)))
        .collect();
    let mut pairs = std::collections::BTreeSet::new();
    for (a, of_a) in spellings.iter().enumerate() {
        for (b, of_b) in spellings.iter().enumerate().skip(a + 1) {
            let related = table.iter().any(|(kind, of)| {
                (of_a.contains(kind) && of_b.contains(of))
                    || (of_b.contains(kind) && of_a.contains(of))
            });
            if related {
                pairs.insert((a, b));
            }
        }
    }
    pairs
}

/// The term an advert's word also asks for, if it names a framework (`IMPLIES`), shown
/// as "django (python)"; only the advert's words imply, so a profile's "Django" stays a
/// skill of its own.
pub(super) fn implied(word: &str, stemmer: &Stemmer) -> Option<Term> {
    let (_, field) = IMPLIES.iter().find(|(w, _)| *w == word)?;
    terms(field, stemmer).into_iter().next().map(|t| Term {
        stem: t.stem,
        word: format!("{word} ({field})"),
    })
}

/// "4", "4+", "30k", "2nd", "24x7": numbers and units say how much, never what.
fn is_number(word: &str) -> bool {
    let digits = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    digits.len() < word.len()
        && matches!(
            digits.trim_end_matches('+'),
            "" | "k"
                | "m"
                | "bn"
                | "x"
                | "st"
                | "nd"
                | "rd"
                | "th"
                | "s"
                | "h"
                | "hrs"
                | "x7"
                | "pm"
                | "am"
        )
}

/// A term as matched (its stem) and the word it came from, for showing the user.
#[derive(Debug, Clone)]
pub(super) struct Term {
    pub stem: String,
    pub word: String,
}

/// Turns text into terms: canonical aliases, words, no stop words, generic words or
/// numbers, stems.
pub(super) fn terms(text: &str, stemmer: &Stemmer) -> Vec<Term> {
    // A hyphen between words joins them as a space does, so "Infrastructure-as-Code"
    // and "on-call" are the spellings "infrastructure as code" and "on call" below.
    let mut lower = format!(" {} ", hyphens_as_spaces(&text.to_lowercase()));
    let written = lower.clone();
    // How each token is shown, worked out once per distinct token: the check reads all
    // of `text`, which may be long (an advert pasted without its line breaks).
    let mut shown: std::collections::HashMap<String, String> = Default::default();
    // Longest first, so "a/b testing" is not read as "a/b test" + "ing".
    let mut spelled: Vec<&(&str, &str)> = ALIASES
        .iter()
        .filter(|(from, _)| from.chars().any(|c| !c.is_alphanumeric()) || from.contains(' '))
        .collect();
    spelled.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
    for (from, to) in spelled {
        // Most parts hold none of these: look before copying.
        if lower.contains(from) {
            lower = replace_words(&lower, from, to);
        }
    }
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '+' || c == '#'))
        .map(|w| w.trim_matches(['\'', '#']))
        .filter(|w| {
            !w.is_empty()
                && !STOP_WORDS.contains(w)
                && !GENERIC.contains(&w.trim_end_matches('+'))
                && !is_number(w)
        })
        .map(|w| w.trim_end_matches('+'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let canonical = ALIASES.iter().find(|(f, _)| *f == w).map_or(w, |(_, t)| *t);
            Term {
                stem: stemmer.stem(&american(canonical)).into_owned(),
                word: if ALIASES.iter().any(|(_, to)| *to == w) {
                    shown
                        .entry(w.to_string())
                        .or_insert_with(|| as_written(w, &written))
                        .clone()
                } else {
                    w.to_string()
                },
            }
        })
        .collect()
}

/// A word in American spelling, so a British profile's "data visualisation" is the US
/// advert's "data visualization" (the English stemmer keeps them apart: "visualis",
/// "visual"). Both sides go through it, so a word it changes that had no other spelling
/// ("expertise" to "expertize") still meets itself.
fn american(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // Whole words first: the endings below would not reach them.
    const WORDS: &[(&str, &str)] = &[
        ("programme", "program"),
        ("programmes", "programs"),
        ("licence", "license"),
        ("licences", "licenses"),
        ("defence", "defense"),
        ("practise", "practice"),
        ("judgement", "judgment"),
        ("ageing", "aging"),
        ("enrolment", "enrollment"),
        ("fulfil", "fulfill"),
    ];
    if let Some((_, us)) = WORDS.iter().find(|(gb, _)| *gb == word) {
        return Cow::Borrowed(us);
    }
    // Endings, longest first: -isation, -ise(d/s), -ising, -iser(s); -yse(d/s), -ysing;
    // -our(s/ed/ing); -tre(s), -bre(s); -ogue(s).
    const ENDINGS: &[(&str, &str)] = &[
        ("isational", "izational"),
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("isers", "izers"),
        ("iser", "izer"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("ysing", "yzing"),
        ("ysed", "yzed"),
        ("yse", "yze"),
        ("ouring", "oring"),
        ("oured", "ored"),
        ("ours", "ors"),
        ("our", "or"),
        ("tres", "ters"),
        ("tre", "ter"),
        ("bres", "bers"),
        ("bre", "ber"),
        ("ogues", "ogs"),
        ("ogue", "og"),
    ];
    // Short words ("rise", "four", "hour", "acre") are not these spellings.
    if word.len() < 5 {
        return Cow::Borrowed(word);
    }
    for (gb, us) in ENDINGS {
        if let Some(stem) = word.strip_suffix(gb) {
            return Cow::Owned(format!("{stem}{us}"));
        }
    }
    Cow::Borrowed(word)
}

/// How `why` shows a word: a spelling replaced by its token before words were split
/// ("a/b tests" became "abtest") as an alias spelling it ("a/b test"), not as the token.
fn as_written(word: &str, written: &str) -> String {
    match ALIASES.iter().find(|(_, to)| *to == word) {
        Some((from, _)) if !written.contains(word) => from.to_string(),
        _ => word.to_string(),
    }
}

/// `from` replaced by ` to ` where it stands as words: not inside a longer word, so "on
/// call" in "function calls" and "no sql" in "casino sql" are left alone. A side of
/// `from` that is not a letter or digit ("c++", ".net") needs no boundary there. A plural
/// ending is part of the spelling: "a/b tests" is "a/b test", "k8s clusters" stays.
fn replace_words(hay: &str, from: &str, to: &str) -> String {
    let starts_word = from.chars().next().is_some_and(char::is_alphanumeric);
    let ends_word = from.chars().next_back().is_some_and(char::is_alphanumeric);
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    while let Some(at) = rest.find(from) {
        let before = rest[..at].chars().next_back();
        let tail = &rest[at + from.len()..];
        let plural = ["es", "s"]
            .iter()
            .find(|ending| {
                tail.strip_prefix(**ending)
                    .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
            })
            .map_or(0, |ending| ending.len());
        let after = tail[plural..].chars().next();
        let inside_a_word = (starts_word && before.is_some_and(char::is_alphanumeric))
            || (ends_word && after.is_some_and(char::is_alphanumeric));
        out.push_str(&rest[..at]);
        let len = if ends_word {
            from.len() + plural
        } else {
            from.len()
        };
        if !inside_a_word {
            out.push(' ');
            out.push_str(to);
            out.push(' ');
        } else {
            out.push_str(&rest[at..at + len]);
        }
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    out
}

/// "infrastructure-as-code" as "infrastructure as code": a hyphen between two letters
/// becomes a space (a leading or doubled one, "-x" or "--", is left).
fn hyphens_as_spaces(lower: &str) -> String {
    let chars: Vec<char> = lower.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between = i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
            if c == '-' && between { ' ' } else { c }
        })
        .collect()
}

#[cfg(test)]
mod tests;

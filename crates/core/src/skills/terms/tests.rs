use super::*;
use rust_stemmers::Algorithm;

fn stems(text: &str) -> Vec<String> {
    let stemmer = Stemmer::create(Algorithm::English);
    terms(text, &stemmer).into_iter().map(|t| t.stem).collect()
}

#[test]
fn a_hyphen_joins_words_as_a_space_does() {
    assert_eq!(
        stems("Infrastructure-as-Code"),
        stems("infrastructure as code")
    );
    assert_eq!(stems("Infrastructure-as-Code"), vec!["iac"]);
    assert_eq!(stems("on-call rotation"), stems("on call rotation"));
    // A leading or doubled hyphen is not between two words.
    assert_eq!(hyphens_as_spaces("-x a--b"), "-x a--b");
}

#[test]
fn a_framework_in_an_advert_asks_for_its_language() {
    let stemmer = Stemmer::create(Algorithm::English);
    let django = implied("django", &stemmer).expect("django");
    assert_eq!(django.stem, stems("Python")[0]);
    assert_eq!(django.word, "django (python)");
    assert_eq!(
        implied("pytorch", &stemmer).map(|t| t.stem),
        Some(stems("ML")[0].clone())
    );
    assert!(implied("python", &stemmer).is_none());
}

#[test]
fn a_spelling_is_replaced_only_where_it_stands_as_words() {
    // "on call" inside "function calls", "no sql" inside "casino sql".
    assert!(
        !stems("Review function calls")
            .iter()
            .any(|s| s.starts_with("oncal"))
    );
    assert!(stems("A casino SQL report").contains(&"sql".to_string()));
    assert_eq!(
        stems("Join the on-call rota"),
        stems("join the oncall rota")
    );
    // A side that is not a letter needs no boundary.
    assert!(stems("C++ and .NET").contains(&"cplusplus".to_string()));
    assert_eq!(
        replace_words(" ab on callx on call ", "on call", "oncall"),
        " ab on callx  oncall  "
    );
}

#[test]
fn british_and_american_spellings_are_one_word() {
    for (gb, us) in [
        ("data visualisation", "data visualization"),
        ("analyse and optimise", "analyze and optimize"),
        ("organisational behaviour", "organizational behavior"),
        ("contact centre", "contact center"),
        ("product catalogue", "product catalog"),
        ("graduate programme", "graduate program"),
        ("containerisation", "containerization"),
        ("fibre networks", "fiber networks"),
    ] {
        assert_eq!(stems(gb), stems(us), "{gb}");
    }
    // Short words keep their spelling, and words that only look like it stay apart.
    assert_eq!(american("hour"), "hour");
    assert_ne!(stems("rise"), stems("rize"));
    assert_ne!(stems("colour"), stems("hour"));
}

#[test]
fn a_compound_is_one_term_however_it_is_written() {
    for (a, b) in [
        ("front-end", "frontend"),
        ("Front End", "front-end"),
        ("back-end", "backend"),
        ("full-stack", "Fullstack"),
        ("e-commerce", "eCommerce"),
        ("micro-services", "microservices"),
        ("data sets", "datasets"),
    ] {
        assert_eq!(stems(a), stems(b), "{a}");
        assert_eq!(stems(a).len(), 1, "{a}");
    }
}

#[test]
fn a_replaced_spelling_is_shown_as_written_not_as_its_token() {
    let stemmer = Stemmer::create(Algorithm::English);
    let shown =
        |text: &str| -> Vec<String> { terms(text, &stemmer).into_iter().map(|t| t.word).collect() };
    assert_eq!(shown("4+ years of A/B tests"), vec!["a/b test"]);
    assert_eq!(shown("CI/CD and C++"), vec!["ci/cd", "c++"]);
    // A word that is its own token stays as it is.
    assert_eq!(shown("Kubernetes, k8s"), vec!["kubernetes", "k8s"]);
}

#[test]
fn a_plural_is_the_spelling_it_ends() {
    // The whole-word rule above once left "A/B tests" unread: the "s" was a letter
    // after "a/b test".
    assert_eq!(stems("Run A/B tests"), stems("run a/b testing"));
    assert_eq!(stems("CI/CD pipelines"), stems("cicd pipelines"));
    assert_eq!(stems("on-calls"), stems("oncall"));
    // Only a plural: a longer word is still a longer word.
    assert!(
        !stems("Review function callsign")
            .iter()
            .any(|s| s.starts_with("oncal"))
    );
    assert_eq!(
        replace_words(" a/b tests a/b testsuite ", "a/b test", "abtest"),
        "  abtest  a/b testsuite "
    );
}

#[test]
fn go_the_verb_is_not_go_the_language() {
    for phrase in [
        "Own the go-to-market plan",
        "Support the go-live",
        "Go above and beyond for customers",
        "Work on the go",
        "You are a go-getter",
    ] {
        assert!(!stems(phrase).contains(&"go".to_string()), "{phrase}");
    }
    assert!(stems("Write services in Go and Python").contains(&"go".to_string()));
    assert!(stems("Golang services").contains(&"go".to_string()));
    for phrase in [
        "Our R&D team",
        "Present to C-level executives",
        "the C-suite",
    ] {
        let found = stems(phrase);
        assert!(
            !found.contains(&"r".to_string()) && !found.contains(&"c".to_string()),
            "{phrase}: {found:?}"
        );
    }
}

#[test]
fn no_sql_and_a_call_are_not_the_skills_they_contain() {
    let listed = stems("Databases: SQL, No-SQL, Time-series");
    assert_eq!(
        listed.iter().filter(|s| *s == "sql").count(),
        1,
        "{listed:?}"
    );
    assert!(listed.contains(&"nosql".to_string()), "{listed:?}");
    let called = stems("We will call you back");
    assert!(!called.iter().any(|s| s.starts_with("oncal")), "{called:?}");
    assert_eq!(stems("on-call"), stems("oncall"));
}

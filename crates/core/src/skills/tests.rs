use super::*;

fn skill(name: &str, aliases: &[&str], evidence: &str) -> Skill {
    Skill {
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        evidence: evidence.into(),
    }
}

#[test]
fn an_unknown_chosen_skill_is_quoted_short() {
    let skills = [skill("SQL", &["postgres"], "")];
    assert_eq!(
        chosen(&skills, &[" Postgres ".into()]).unwrap()[0].name,
        "SQL"
    );
    let err = chosen(&skills, &["s".repeat(5000)]).unwrap_err();
    assert!(
        err.len() < 120 && err.ends_with("your skills are SQL"),
        "{err}"
    );
}

#[test]
fn aliases_survive_tokenising() {
    let stemmer = Stemmer::create(Algorithm::English);
    let stems: Vec<String> = terms("C++, C#, .NET, Node.js, k8s and CI/CD", &stemmer)
        .into_iter()
        .map(|t| t.stem)
        .collect();
    assert_eq!(
        stems,
        vec!["cplusplus", "csharp", "dotnet", "nodej", "kubernet", "cicd"]
    );
}

#[test]
fn the_system_is_not_a_stop_word() {
    let stemmer = Stemmer::create(Algorithm::English);
    assert_eq!(terms("the system", &stemmer)[0].stem, "system");
}

#[test]
fn one_pick_per_canonical_skill() {
    let skills = [
        skill("Kubernetes", &[], "Ran 40 services on Kubernetes."),
        skill("k8s", &[], "Wrote operators."),
        skill("Rust", &[], "Wrote the billing engine in Rust."),
    ];
    let jd = "You will run our k8s clusters and write Rust services on Kubernetes.";
    let picks = rank(&skills, jd, 2);
    let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"Rust"));
    assert!(
        names.contains(&"Kubernetes") ^ names.contains(&"k8s"),
        "{names:?}"
    );
    assert!(
        picks
            .iter()
            .any(|p| p.matched_terms.contains(&"k8s".to_string())),
        "{picks:?}"
    );
}

#[test]
fn a_skill_that_is_a_kind_of_a_pick_counts_half() {
    // Every adviser's pair in tests/data names one of SQL and PostgreSQL, never both.
    let skills = [
        skill("SQL", &[], "Wrote the SQL behind our finance reports."),
        skill("PostgreSQL", &["postgres"], "Tuned PostgreSQL indexes."),
        skill("AWS", &[], "Ran production on AWS."),
    ];
    let jd = "Strong SQL, with PostgreSQL in production. Experience of AWS.";
    let picks = rank(&skills, jd, 2);
    let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["SQL", "AWS"], "{picks:?}");
    // Picked anyway when nothing else is asked for, saying why it counts less.
    let picks = rank(&skills, "Strong SQL, with PostgreSQL in production.", 2);
    assert_eq!(picks[1].name, "PostgreSQL");
    assert!(
        picks[1]
            .why
            .iter()
            .any(|w| w.contains("a kind of the other, picked already")),
        "{:?}",
        picks[1].why
    );
}

#[test]
fn two_skills_that_share_a_word_are_two_picks() {
    // A marketer's profile: only one "… marketing" skill could be picked while any
    // shared word made two skills one.
    let skills = [
        skill("Email marketing", &["Mailchimp"], "Ran the newsletter."),
        skill("Content marketing", &[], "Wrote the blog."),
        skill("Social media", &["paid social"], "Ran our accounts."),
        skill(
            "Paid search",
            &["Google Ads"],
            "Managed the Google Ads budget.",
        ),
    ];
    let jd = "Own email marketing and content marketing.\nRun paid search in Google Ads.";
    let picks = rank(&skills, jd, 3);
    let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"Email marketing") && names.contains(&"Content marketing"));
    assert!(names.contains(&"Paid search"), "{names:?}");
}

#[test]
fn an_alternative_to_a_pick_comes_after_what_else_is_asked_for() {
    let skills = [
        skill("Python", &[], "Wrote APIs in Python."),
        skill("Java", &[], "Maintained Java services."),
        skill("PostgreSQL", &[], "Tuned queries."),
    ];
    let jd = "Professional experience with Python or Java.\nExperience with PostgreSQL.";
    let picks = rank(&skills, jd, 3);
    // Python and Java tie (the name decides); whichever comes first, the other waits
    // until after PostgreSQL.
    let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names[1], "PostgreSQL", "{names:?}");
    let alternative = format!("alternative to {}", names[0]);
    assert!(
        picks[2].why.iter().any(|w| w.contains(&alternative)),
        "{:?}",
        picks[2].why
    );
}

#[test]
fn nothing_matched_is_not_picked() {
    let skills = [skill("Welding", &[], "Welded things.")];
    assert!(rank(&skills, "Write Python.", 2).is_empty());
}

#[test]
fn a_skill_said_not_to_be_needed_scores_nothing_from_it() {
    let skills = [
        skill("Java", &[], "Maintained the Spring Boot services."),
        skill("PostgreSQL", &[], "Tuned PostgreSQL queries."),
        skill("Kubernetes", &[], "Moved 40 services onto Kubernetes."),
    ];
    let advert = "No Kubernetes or cloud experience needed: we'll teach you.\n\
                  Essential: Java (Spring Boot), PostgreSQL.";
    let ranked = rank(&skills, advert, 3);
    let names: Vec<&str> = ranked.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names[..2], ["Java", "PostgreSQL"], "{ranked:?}");
    assert!(
        ranked
            .iter()
            .all(|m| m.name != "Kubernetes" || m.score == 0.0),
        "{ranked:?}"
    );
}

#[test]
fn a_tool_asks_for_its_field_only_where_the_advert_never_names_it() {
    let skills = [
        skill("CI/CD", &[], "Built the release pipeline."),
        skill("Python", &[], "Wrote services in Python."),
        skill("Go", &[], "Wrote services in Go."),
    ];
    // "Jenkins" is CI/CD when nothing else says so.
    let picks = rank(
        &skills,
        "Proficient with Github, Jenkins, Puppet.\nBash and Python scripting.",
        2,
    );
    let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"CI/CD"), "{names:?}");
    // Where the advert names CI/CD, each tool it lists does not count it again.
    let stemmer = Stemmer::create(Algorithm::English);
    let read = |jd: &str| advert::read(jd, &stemmer).asked["cicd"].weight;
    assert_eq!(
        read("CI/CD (GitHub Actions, GitLab CI, Jenkins, CircleCI).\nGo."),
        read("CI/CD (GitHub Actions, GitLab CI).\nGo.")
    );
}

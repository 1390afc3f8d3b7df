//! `followup skills match`: from an application and the profile, or from files.

mod common;

use common::*;

#[test]
fn skills_match_from_the_profile_or_from_files() {
    let db = Db::sqlite();
    db.ok(&[
        "profile",
        "skill",
        "add",
        "Kubernetes",
        "--alias",
        "k8s",
        "--evidence",
        "Moved 40 services onto Kubernetes.",
    ]);
    db.ok(&[
        "profile",
        "skill",
        "add",
        "Rust",
        "--evidence",
        "Wrote the billing engine in Rust.",
    ]);
    db.ok(&[
        "profile",
        "skill",
        "add",
        "Welding",
        "--evidence",
        "Welded gates.",
    ]);
    let jd = db.file("jd.txt", "Run our k8s clusters and write Rust services.\n");
    let app = db.ok(&[
        "application",
        "add",
        "--company",
        "Acme",
        "--role",
        "SRE",
        "--job-description",
        &jd,
    ]);
    let picks = db.json(&["skills", "match", "--application", app.trim(), "--json"]);
    let names: Vec<&str> = picks
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(
        names.contains(&"Kubernetes") && names.contains(&"Rust"),
        "{names:?}"
    );
    assert!(picks[0]["score"].as_f64().unwrap() > 0.0);
    let k8s = picks
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Kubernetes")
        .unwrap();
    assert!(
        k8s["matched_terms"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("k8s")),
        "{k8s}"
    );

    let toml = db.file(
        "skills.toml",
        "[[skill]]\nname = \"Python\"\naliases = []\nevidence = \"Built pipelines.\"\n\n[[skill]]\nname = \"Go\"\naliases = [\"golang\"]\nevidence = \"Wrote payment services.\"\n",
    );
    let go = db.file("go.txt", "We write golang services.\n");
    let picks = db.json(&[
        "skills",
        "match",
        "--job",
        &go,
        "--profile-skills",
        &toml,
        "--top",
        "1",
        "--json",
    ]);
    assert_eq!(picks[0]["name"], "Go");
    let text = db.ok(&["skills", "match", "--job", &go, "--profile-skills", &toml]);
    assert!(text.starts_with("1. Go (score"), "{text}");

    let bad = db.file("bad.toml", "[[skill]]\nname = \"A\"\ncolour = \"red\"\n");
    let err = db.fails(
        1,
        &["skills", "match", "--job", &go, "--profile-skills", &bad],
    );
    assert!(err.contains("bad.toml:3:"), "{err}");
    db.fails(2, &["skills", "match", "--job", &go]);
}

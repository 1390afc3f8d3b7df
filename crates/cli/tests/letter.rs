//! The postal letter: a PDF whose text (read back by poppler's pdftotext) has the
//! addresses, date, salutation and closing in order, on A4 or US Letter by locale, with
//! its fonts embedded.

mod common;

use common::*;
use std::process::Command;

fn letter(db: &Db, locale: &str) -> (String, String) {
    db.ok(&[
        "profile",
        "set",
        "--name",
        "Sam Carter",
        "--email",
        "sam@example.test",
        "--phone",
        "07700 900123",
        "--address",
        "12 Mill Lane, Leeds, LS2 9JT",
        "--locale",
        locale,
    ]);
    let interview = db.acme_interview(&[
        "--position",
        "Head of Platform",
        "--org",
        "Acme Ltd",
        "--address",
        "1 Canal Street, Manchester, M1 3HE, United Kingdom",
    ]);
    let draft = db.json(&[
        "draft",
        "thank-you",
        &interview,
        "--channel",
        "letter",
        "--json",
    ]);
    let pdf = db.dir.path().join("letter.pdf").display().to_string();
    db.ok(&["letter", draft["id"].as_str().unwrap(), "-o", &pdf]);
    (pdf, draft["id"].as_str().unwrap().to_string())
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|_| panic!("{name} runs (poppler-utils)"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("'{part}' missing or out of order in:\n{text}"));
        from += at + part.len();
    }
}

#[test]
fn a_british_letter_on_a4() {
    let db = Db::sqlite();
    let (pdf, _) = letter(&db, "en-GB");
    assert!(tool("pdfinfo", &[&pdf]).contains("(A4)"));
    let text = tool("pdftotext", &[&pdf, "-"]);
    in_order(
        &text,
        &[
            "Sam Carter",
            "12 Mill Lane",
            "LS2 9JT",
            "Ms Priya Patel",
            "Head of Platform",
            "Acme Ltd",
            "1 Canal Street",
            "M1 3HE",
            "Dear Ms Patel,",
            "Platform",
            "Yours sincerely,",
            "Sam Carter",
        ],
    );
    let fonts = tool("pdffonts", &[&pdf]);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "fonts must be embedded:\n{fonts}"
    );
}

#[test]
fn an_american_letter_on_us_letter() {
    let db = Db::sqlite();
    let (pdf, _) = letter(&db, "en-US");
    assert!(tool("pdfinfo", &[&pdf]).contains("(letter)"));
    let text = tool("pdftotext", &[&pdf, "-"]);
    in_order(
        &text,
        &[
            "Sam Carter",
            "Ms. Priya Patel",
            "Dear Ms. Patel:",
            "Sincerely,",
            "Sam Carter",
        ],
    );
}

#[test]
fn only_letter_drafts_print() {
    let db = Db::sqlite();
    let (_, _) = letter(&db, "en-GB");
    let interview = db.json(&["interview", "list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let email = db.json(&["draft", "thank-you", &interview, "--json"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let err = db.fails(1, &["letter", &email, "-o", "/tmp/never.pdf"]);
    assert!(err.contains("--channel letter"), "{err}");
}

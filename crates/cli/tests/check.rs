//! `followup check`: findings as file:line:col, exit codes 0/1/2, user rules, switches.

mod common;

use common::*;

#[test]
fn findings_are_listed_and_errors_exit_1() {
    let db = Db::sqlite();
    let draft = db.file(
        "draft.txt",
        "Dear Ms Patel,\n\nThank you for your time. I really need this job.\n\nYours sincerely,\nSam\n",
    );
    let out = db.run(&["check", &draft, "--locale", "en-GB"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(&format!(
            "{draft}:3:26 error Desperate.Begging 'I really need this job' — "
        )),
        "{text}"
    );
    let json = db.run(&["check", &draft, "--json"]);
    let findings: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(findings[0]["rule"], "Desperate.Begging");
    assert_eq!(findings[0]["line"], 3);
    assert_eq!(findings[0]["start"], 41);

    let clean = db.file(
        "clean.txt",
        "Dear Ms Patel,\n\nThank you for your time on Tuesday.\n\nYours sincerely,\nSam\n",
    );
    assert_eq!(db.ok(&["check", &clean]), "");
    let warned = db.run_with_stdin(&["check", "-"], "You won't find anyone better.\n");
    assert_eq!(warned.status.code(), Some(0), "warnings alone exit 0");
    assert!(
        String::from_utf8_lossy(&warned.stdout).starts_with("<stdin>:1:1 warning Pushy.HardSell")
    );
}

/// Characters nobody sees are found where they are, and shown escaped: printed as they
/// are, a U+202E would show the rest of the line reversed.
#[test]
fn hidden_characters_are_warned_of_and_shown_escaped() {
    let db = Db::sqlite();
    let out = db.run_with_stdin(
        &["check", "-"],
        "Thank you for the \u{202e}weivretni\u{202c} today.\n",
    );
    assert_eq!(out.status.code(), Some(0), "a warning exits 0");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("<stdin>:1:19 warning Careless.Hidden '\\u{202e}' — an invisible character is here (U+202E"),
        "{text}"
    );
    assert!(!text.contains('\u{202e}'), "{text:?}");
}

#[test]
fn unreadable_input_exits_2_with_where() {
    let db = Db::sqlite();
    let latin1 = db.dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Thank you\ncaf\xe9").unwrap();
    let err = db.fails(2, &["check", latin1.to_str().unwrap()]);
    assert!(
        err.contains("latin1.txt:2: not UTF-8 text (invalid byte at offset 13)"),
        "{err}"
    );
    let binary = db.dir.path().join("a.bin");
    std::fs::write(&binary, b"PK\x03\x04\x00\x00").unwrap();
    assert!(
        db.fails(2, &["check", binary.to_str().unwrap()])
            .contains("binary file")
    );
    // Saved as "Unicode" by a Windows editor: read as the text it is, not as binary.
    let utf16 = db.dir.path().join("u16.txt");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(
        "Hello.\nI expect an answer by Friday."
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(&utf16, &bytes).unwrap();
    let out = db.run(&["check", utf16.to_str().unwrap()]);
    let found = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{found}");
    assert!(found.contains("u16.txt:2:"), "{found}");
    assert!(found.contains("error Pushy.Ultimatum"), "{found}");
    bytes.push(b'x'); // half a character at the end
    std::fs::write(&utf16, &bytes).unwrap();
    let err = db.fails(2, &["check", utf16.to_str().unwrap()]);
    assert!(err.contains("u16.txt:2: not valid UTF-16"), "{err}");
    db.fails(2, &["check", "/nonexistent/draft.txt"]);
}

#[test]
fn user_rules_switches_and_accept_lists() {
    let db = Db::sqlite();
    let styles = db.dir.path().join("styles/House");
    std::fs::create_dir_all(&styles).unwrap();
    std::fs::write(
        styles.join("Jargon.yml"),
        "extends: substitution\nmessage: \"Write '%s' as '%s'\"\nlevel: error\nswap:\n  leverage: use\n",
    )
    .unwrap();
    std::fs::write(
        styles.join("Broken.yml"),
        "extends: existence\nmessage: x\nlevel: error\ntokens: ['(']\n",
    )
    .unwrap();
    let styles_dir = db.dir.path().join("styles").display().to_string();
    let text = db.file("t.txt", "I can leverage my experience. Respond ASAP.\n");
    let out = db.run(&["check", &text, "--styles", &styles_dir]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("error House.Jargon 'leverage' — Write 'leverage' as 'use'"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Pushy.Ultimatum"),
        "shipped rules still run: {stdout}"
    );
    assert!(
        stderr.contains("House/Broken.yml: tokens: bad regular expression"),
        "{stderr}"
    );

    db.ok(&["config", "set", "tone.styles", &styles_dir]);
    db.ok(&["config", "set", "tone.off", "House.Jargon"]);
    let out = db.run(&["check", &text, "--accept", "ASAP"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    db.fails(1, &["config", "set", "tone.colour", "red"]);

    // A name that is no rule or family would turn nothing off while seeming to: refused,
    // the user's own rules counting as known (House.Jargon above).
    let err = db.fails(
        1,
        &["config", "set", "tone.off", "House.Jargon,Pushy.Ultimatm"],
    );
    assert!(
        err.contains("'Pushy.Ultimatm' is no rule or family") && err.contains("Desperate"),
        "{err}"
    );
    db.ok(&["config", "set", "tone.off", "Pushy,Tone.Overall"]);
    // `check` cannot check as asked: exit 2 (1 would say the text had errors).
    let out = db.run(&["check", &text, "--off", "Tone.Intensifers"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--off: 'Tone.Intensifers'"));
    let out = db.run(&["check", &text, "--locale", "fr-FR"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use en-GB or en-US"));
}

#[test]
fn plan_settings_that_could_never_apply_are_refused() {
    let db = Db::sqlite();
    for (name, value, says) in [
        ("plan.preferred-days", "sat,sun", "'sat' is a weekend day"),
        ("plan.preferred-days", "monkey", "'monkey' is not a day"),
        (
            "plan.call-windows",
            "08:00-08:30",
            "08:00-08:30 lies outside business hours 09:00-17:30",
        ),
        (
            "plan.business-hours",
            "12:00-17:00",
            "10:00-11:30 lies outside business hours 12:00-17:00",
        ),
        ("smtp.port", "0", "is not a port number"),
        ("smtp.host", "smtp://mail.example.com", "has a scheme"),
        ("smtp.host", "mail.example.com:587", "holds a port"),
        ("smtp.host", "mail example com", "is not a host name"),
    ] {
        let err = db.fails(1, &["config", "set", name, value]);
        assert!(
            err.contains(&format!("--{name}: ")) && err.contains(says),
            "{err}"
        );
    }
    db.ok(&["config", "set", "plan.preferred-days", "Tuesday,thurs,tue"]);
    db.ok(&["config", "set", "plan.call-windows", "08:30-09:30"]);
    db.ok(&["config", "set", "smtp.host", "[2001:db8::25]"]);
    let shown = db.ok(&["config", "show"]);
    assert!(shown.contains("08:30-09:30"), "{shown}");
}

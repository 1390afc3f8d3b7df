//! vCard reading across the versions phones export, the errors users see, and our own
//! 4.0 export read back.

use followup_core::model::{Contact, Labelled, PostalAddress, PreferredChannel};
use followup_formats::vcard::{read_cards, write_card};
use jiff::Timestamp;
use proptest::prelude::*;

fn read_ok(text: &str) -> Vec<Contact> {
    let read = read_cards(text, Timestamp::UNIX_EPOCH);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    read.cards.into_iter().map(|(_, c)| c).collect()
}

#[test]
fn android_2_1_quoted_printable_with_charsets_and_bare_types() {
    let cards = read_ok(include_str!("data/android-2.1.vcf"));
    let zoe = &cards[0];
    assert_eq!(zoe.full_name, "Dr Zoë Ångström");
    assert_eq!(
        (zoe.given_name.as_str(), zoe.family_name.as_str()),
        ("Zoë", "Ångström")
    );
    assert_eq!(zoe.honorific, "Dr");
    assert_eq!(zoe.organisation, "Acme Ltd");
    assert_eq!(zoe.position, "Head of Platform");
    assert_eq!(zoe.phones[0].value, "+44 7700 900123");
    assert_eq!(zoe.phones[0].labels, vec!["cell"]);
    assert_eq!(zoe.emails[0].value, "zoe@acme.test");
    let address = zoe.address.as_ref().unwrap();
    assert_eq!(address.street, "1 High Street\nFloor 2");
    assert_eq!(address.postcode, "LS1 1AA");
    assert_eq!(zoe.notes, "Met at the panel; likes “short” notes");
}

#[test]
fn ios_3_0_groups_type_params_and_escaped_commas() {
    let cards = read_ok(include_str!("data/ios-3.0.vcf"));
    assert_eq!(cards.len(), 2, "many cards per file");
    let priya = &cards[0];
    assert_eq!(priya.uid, "ios-card-0001");
    assert_eq!(priya.organisation, "Acme, Inc.");
    assert_eq!(priya.honorific, "Ms");
    assert_eq!(priya.emails[0].value, "priya@acme.test");
    assert_eq!(priya.phones[0].labels, vec!["cell"]);
    assert_eq!(priya.address.as_ref().unwrap().locality, "London");
    assert_eq!(priya.notes, "Prefers email, not calls.\nAsked about Go.");
    assert_eq!(cards[1].full_name, "Tom Jones");
}

#[test]
fn vcard_4_0_with_uri_phones_and_a_time_zone() {
    let ann = &read_ok(include_str!("data/v4.0.vcf"))[0];
    assert_eq!(ann.uid, "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
    assert_eq!(ann.phones[0].value, "+1-212-555-0100");
    assert_eq!(ann.time_zone.as_deref(), Some("America/New_York"));
    assert_eq!(ann.address.as_ref().unwrap().region, "NY");
}

#[test]
fn broken_folding_is_reported_on_its_line() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Patel\r\nNOTE:a long note that\r\nwas folded without a space\r\nEND:VCARD\r\n";
    let read = read_cards(text, Timestamp::UNIX_EPOCH);
    assert!(read.cards.is_empty());
    assert_eq!(read.errors[0].line, 5, "{:?}", read.errors);
    assert!(read.errors[0].problem.contains("must start with a space"));
}

#[test]
fn unknown_encodings_and_charsets_are_named() {
    let text = "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=UUENCODE:abc\nEND:VCARD\nBEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=EBCDIC:abc\nEND:VCARD\n";
    let read = read_cards(text, Timestamp::UNIX_EPOCH);
    assert_eq!(read.errors.len(), 2);
    assert_eq!(read.errors[0].line, 3);
    assert!(read.errors[0].problem.contains("UUENCODE"));
    assert!(read.errors[1].problem.contains("EBCDIC"));
}

#[test]
fn a_card_without_a_name_is_refused_but_others_are_read() {
    let text = "BEGIN:VCARD\nVERSION:4.0\nEMAIL:x@y.test\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Ann\nEND:VCARD\n";
    let read = read_cards(text, Timestamp::UNIX_EPOCH);
    assert_eq!(read.cards.len(), 1);
    assert_eq!(read.cards[0].0, 5, "cards know their first line");
    assert_eq!(read.errors[0].line, 1);
    assert!(read.errors[0].problem.contains("neither FN nor N"));
}

#[test]
fn a_cut_short_file_and_stray_text_are_reported() {
    let read = read_cards("hello\nBEGIN:VCARD\nFN:Ann\n", Timestamp::UNIX_EPOCH);
    assert_eq!(read.errors.len(), 2);
    assert!(read.errors[0].problem.contains("outside"));
    assert!(read.errors[1].problem.contains("no END:VCARD"));
    assert!(!read_cards("", Timestamp::UNIX_EPOCH).errors.is_empty());
}

#[test]
fn ten_megabytes_of_cards_read_in_one_go() {
    let card = include_str!("data/ios-3.0.vcf");
    let mut text = String::new();
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(card);
    }
    let read = read_cards(&text, Timestamp::UNIX_EPOCH);
    assert!(read.errors.is_empty());
    assert!(read.cards.len() > 10_000);
}

fn full_contact() -> Contact {
    let mut c = Contact::named("Zoë Ångström", "2027-01-01T00:00:00Z".parse().unwrap());
    c.uid = "urn:uuid:0f0e0d0c-0000-4000-8000-000000000001".into();
    c.honorific = "Dr".into();
    c.position = "Head of Platform; Infra, Data".into();
    c.organisation = "Acme, Inc.".into();
    c.emails = vec![Labelled {
        value: "zoe@acme.test".into(),
        labels: vec!["work".into()],
    }];
    c.phones = vec![
        Labelled {
            value: "+44 7700 900123".into(),
            labels: vec!["cell".into()],
        },
        Labelled::plain("020 7946 0000"),
    ];
    c.address = Some(PostalAddress {
        street: "1 High Street\nFloor 2".into(),
        locality: "Leeds".into(),
        postcode: "LS1 1AA".into(),
        country: "United Kingdom".into(),
        ..Default::default()
    });
    c.time_zone = Some("Europe/London".into());
    c.region = Some("gb-sct".into());
    c.preferred_channel = PreferredChannel::EmailOnly;
    c.notes = "A very long note that goes on well past seventy-five octets, so the writer has to fold it — with a dash, \\ and a comma, too.\nSecond line.".into();
    c
}

#[test]
fn our_4_0_export_reads_back_field_for_field() {
    let original = full_contact();
    let text = write_card(&original);
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    assert!(text.lines().all(|l| l.len() <= 75), "{text}");
    let back = &read_ok(&text)[0];
    let mut expected = original.clone();
    expected.created_at = Timestamp::UNIX_EPOCH;
    expected.updated_at = Timestamp::UNIX_EPOCH;
    assert_eq!(back, &expected);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_reader_never_panics(text in "(BEGIN:VCARD\n|END:VCARD\n|FN:|N:|;|:|=|\\\\|,|\r\n| |[a-zA-Z0-9]{1,6}|ENCODING=QUOTED-PRINTABLE|=C3=|\u{e9}){0,40}") {
        let _ = read_cards(&text, Timestamp::UNIX_EPOCH);
    }

    #[test]
    fn any_written_name_and_note_read_back(name in "[\\PC]{1,30}", note in "[\\PC\n]{0,120}") {
        prop_assume!(!name.trim().is_empty());
        let mut c = full_contact();
        c.full_name = name.trim().to_string();
        c.notes = note.trim().to_string();
        let back = &read_ok(&write_card(&c))[0];
        prop_assert_eq!(&back.full_name, &c.full_name);
        prop_assert_eq!(&back.notes, &c.notes);
    }
}

/// Found by the fuzzer: a control character on a continued line (quoted-printable soft
/// break, or a folded line) was read into the contact unchecked, and a card written from
/// it did not read back. It is refused, naming its line; a fold that starts with a tab
/// is still a fold.
#[test]
fn control_characters_on_continued_lines_are_refused() {
    let now = "2026-11-28T12:00:00Z".parse().unwrap();
    let qp = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Zoe Day\r\n\
        NOTE;ENCODING=QUOTED-PRINTABLE:Met at the=\r\n panel\u{0}\u{0} notes\r\nEND:VCARD\r\n";
    let read = followup_formats::vcard::read_cards(qp, now);
    assert!(read.cards.is_empty());
    assert_eq!(read.errors.len(), 1, "{:?}", read.errors);
    assert_eq!(read.errors[0].line, 5);
    assert!(read.errors[0].problem.contains("control character"));

    let folded =
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoe Day\r\nNOTE:Met at\r\n\t the panel\r\nEND:VCARD\r\n";
    let read = followup_formats::vcard::read_cards(folded, now);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.cards.len(), 1);
}

/// Found by the fuzzer: a grouped property ("item1.EMAIL", as iOS writes) skipped the
/// checks its bare name gets, so a bad address was read and then written as a plain
/// EMAIL that did not read back.
#[test]
fn grouped_properties_get_the_same_checks() {
    let now = "2026-11-28T12:00:00Z".parse().unwrap();
    let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Patel\r\nitem1.EMAIL;type=INTERNET:priya@acmeut Go.\r\nEND:VCARD\r\n";
    let read = followup_formats::vcard::read_cards(card, now);
    assert!(read.cards.is_empty());
    assert_eq!(read.errors.len(), 1, "{:?}", read.errors);
    assert_eq!(read.errors[0].line, 4);
    assert!(read.errors[0].problem.contains("not an email address"));
}

/// Found by the fuzzer: a long TYPE list folds before the ':', and the reader checked
/// each physical line as if it were a whole property, so a card Followup wrote did not
/// read back ("is not a property line"). Properties are now checked once unfolded, which
/// also keeps a folded email address whole.
#[test]
fn a_fold_before_the_colon_or_inside_a_value_reads_back() {
    let now = "2026-11-28T12:00:00Z".parse().unwrap();
    let mut c = full_contact();
    c.phones[0].labels = vec![format!("cell{}", "c".repeat(110))];
    c.emails[0].value = format!("{}@example.com", "a".repeat(70));
    let card = write_card(&c);
    assert!(
        card.lines()
            .any(|l| l.starts_with("TEL;") && !l.contains(':')),
        "the TYPE list is folded before the ':': {card}"
    );
    let back = &read_ok(&card)[0];
    assert_eq!(back.phones[0].labels, c.phones[0].labels);
    assert_eq!(back.emails[0].value, c.emails[0].value);

    // A folded address that is not one is still refused, on the line it starts on.
    let bad =
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoe Day\r\nEMAIL:zoe@\r\n exa mple\r\nEND:VCARD\r\n";
    let read = followup_formats::vcard::read_cards(bad, now);
    assert!(read.cards.is_empty());
    assert_eq!(read.errors[0].line, 4, "{:?}", read.errors);
    assert!(read.errors[0].problem.contains("not an email address"));
}

/// Found by the fuzzer: quoted-printable "=1A" (or "=00") decodes to a control character
/// that the line check, which reads the text as written, cannot see; it reached the
/// contact's address and the card written from it did not read back. What was decoded is
/// now checked too.
#[test]
fn control_characters_decoded_from_quoted_printable_are_refused() {
    let now = "2026-11-28T12:00:00Z".parse().unwrap();
    let card = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Zoe Day\r\n\
        ADR;ENCODING=QUOTED-PRINTABLE:;;1 High Street=1A;Leeds;;;\r\nEND:VCARD\r\n";
    let read = followup_formats::vcard::read_cards(card, now);
    assert!(read.cards.is_empty(), "{:?}", read.cards);
    assert_eq!(read.errors.len(), 1, "{:?}", read.errors);
    assert_eq!(read.errors[0].line, 1);
    assert!(
        read.errors[0].problem.contains("address"),
        "{:?}",
        read.errors
    );
    assert!(read.errors[0].problem.contains("control character"));
}

/// Found by the fuzzer: a long value folded so that the continued line read
/// " BEGIN:VCARD", and the reader, trimming the fold's space, took it for a new card. A
/// line that starts with a space inside a card continues the line before, whatever it says.
#[test]
fn a_fold_that_reads_begin_vcard_is_still_a_fold() {
    let now = "2026-11-28T12:00:00Z".parse().unwrap();
    let card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoe Day\r\nNOTE:Ask about \r\n BEGIN:VCARD\r\n  and\r\n END:VCARD\r\nEND:VCARD\r\n";
    let read = followup_formats::vcard::read_cards(card, now);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.cards.len(), 1);
    assert_eq!(read.cards[0].1.notes, "Ask about BEGIN:VCARD andEND:VCARD");
    // Written again, it reads back the same.
    let again = write_card(&read.cards[0].1);
    assert_eq!(read_ok(&again)[0].notes, read.cards[0].1.notes);
}

/// Found by the fuzzer: a quoted-printable tab ("=09") in an address line was read, and
/// the card written from it held the tab, which the reader then refused. A tab is white
/// space a vCard value may hold: it reads back where the field takes it (an address, the
/// notes), and a tab in a name is refused once decoded, naming the field.
#[test]
fn a_tab_reads_back_where_the_field_takes_it() {
    let now = "2026-11-28T12:00:00Z".parse().unwrap();
    let card = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Zoe Day\r\n\
        ADR;ENCODING=QUOTED-PRINTABLE:;;2 High Street=09Floor 2;Leeds;;;\r\nEND:VCARD\r\n";
    let read = followup_formats::vcard::read_cards(card, now);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    let contact = &read.cards[0].1;
    let again = write_card(contact);
    assert_eq!(read_ok(&again)[0].address, contact.address);

    let named = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoe\tDay\r\nEND:VCARD\r\n";
    let read = followup_formats::vcard::read_cards(named, now);
    assert!(read.cards.is_empty());
    assert!(read.errors[0].problem.contains("name"), "{:?}", read.errors);
}

/// Found by the fuzzer: a quoted parameter holding a ':' (`TYPE="voice:…"`) made the
/// check read a different value from the one the card's parser read, and control
/// characters among the parameters were not checked at all. The ':' inside quotes is
/// now part of the parameter, a stray or unclosed quote is refused, and the whole line
/// is checked for control characters.
#[test]
fn quoted_parameters_are_read_as_the_parser_reads_them() {
    let now = "2026-11-28T12:00:00Z".parse().unwrap();
    let card =
        |line: &str| format!("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoe Day\r\n{line}\r\nEND:VCARD\r\n");
    let read =
        followup_formats::vcard::read_cards(&card("EMAIL;TYPE=\"work:home\":zoe@acme.test"), now);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.cards[0].1.emails[0].value, "zoe@acme.test");
    for bad in [
        "EMAIL;TYPE=wor\"k:zoe@acme.test",
        "EMAIL;TYPE=\"work:zoe@acme.test",
        "EMAIL;TYPE=wo\u{17}rk:zoe@acme.test",
    ] {
        let read = followup_formats::vcard::read_cards(&card(bad), now);
        assert!(read.cards.is_empty(), "{bad}");
        assert_eq!(read.errors[0].line, 4, "{bad}: {:?}", read.errors);
    }
}

/// Found by the fuzzer: an email written "priya@acme.\n" passes the check as written but
/// decodes to "priya@acme." and a newline, which is no address; the card written from it
/// did not read back. Addresses are judged as decoded too.
#[test]
fn an_email_is_judged_as_decoded() {
    let now = "2026-11-28T12:00:00Z".parse().unwrap();
    let card =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Patel\r\nEMAIL:priya@acme.\\n\r\nEND:VCARD\r\n";
    let read = followup_formats::vcard::read_cards(card, now);
    assert!(read.cards.is_empty(), "{:?}", read.cards);
    assert!(
        read.errors[0].problem.contains("not an email address"),
        "{:?}",
        read.errors
    );
}

#[test]
fn a_card_without_our_region_is_placed_by_its_address() {
    let card = |adr: &str, extra: &str| {
        read_ok(&format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amelie Tremblay\r\n{adr}\r\n{extra}END:VCARD\r\n"
        ))
        .remove(0)
        .region
    };
    assert_eq!(
        card(
            "ADR;TYPE=WORK:;;100 King St W;Toronto;ON;M5X 1A9;Canada",
            ""
        )
        .as_deref(),
        Some("ca-on")
    );
    assert_eq!(
        card(
            "ADR;TYPE=WORK:;;Marienplatz 8;München;Bayern;80331;Deutschland",
            ""
        )
        .as_deref(),
        Some("de-by")
    );
    assert_eq!(
        card("ADR:;;1 Princes St;Edinburgh;;EH2 2EQ;United Kingdom", "").as_deref(),
        Some("gb-sct")
    );
    // What the card says outright wins; an address that says nothing plainly leaves it open.
    assert_eq!(
        card(
            "ADR:;;100 King St W;Toronto;ON;M5X 1A9;Canada",
            "X-FOLLOWUP-REGION:ca\r\n"
        )
        .as_deref(),
        Some("ca")
    );
    assert_eq!(card("ADR:;;1 Main St;Springfield;;;", "").as_deref(), None);
}

#[test]
fn two_people_under_one_uid_are_refused_and_one_person_twice_is_not() {
    let card = |uid: &str, name: &str| {
        format!(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:{uid}\r\nFN:{name}\r\nEMAIL:x@acme.test\r\nEND:VCARD\r\n"
        )
    };
    // The second card used to overwrite the first: Priya was lost.
    let text = card("u1", "Priya Patel") + &card("u1", "Tom Jones");
    let read = read_cards(&text, Timestamp::UNIX_EPOCH);
    assert_eq!(read.cards.len(), 1);
    assert_eq!(read.errors.len(), 1);
    assert_eq!(read.errors[0].line, 7);
    assert!(
        read.errors[0]
            .problem
            .starts_with("UID u1 is also the UID of Priya Patel (the card at line 1)"),
        "{}",
        read.errors[0].problem
    );
    let again = card("u1", "Priya Patel") + &card("u1", "priya patel");
    assert_eq!(
        read_ok(&again).len(),
        2,
        "a repeat of one person is no conflict"
    );
}

//! vCard (.vcf) files: reading 2.1 (Android exports, quoted-printable), 3.0 (iOS) and 4.0
//! cards into contacts, and writing a contact as vCard 4.0.
//!
//! `calcard` decodes each card; this module first splits the file into cards and checks
//! every line, so a broken fold or an unknown encoding is reported with its line number.

mod fields;
mod lines;
mod write;

pub use write::write_card;

use crate::LineError;
use fields::card_to_contact;
use followup_core::model::Contact;
use jiff::Timestamp;
use lines::split_cards;

/// The cards read from a file, each with the line it starts on, and the problems found.
#[derive(Debug, Default)]
pub struct ReadCards {
    pub cards: Vec<(usize, Contact)>,
    pub errors: Vec<LineError>,
}

/// Reads every card in `text`. A bad card is reported and skipped; the others are read.
pub fn read_cards(text: &str, now: Timestamp) -> ReadCards {
    let mut out = ReadCards::default();
    for block in split_cards(text) {
        match block.and_then(|b| card_to_contact(&b, now).map(|c| (b.first_line, c))) {
            Ok((line, card)) => match same_uid(&out.cards, &card) {
                // Two people under one UID would be stored as one: the second overwrote
                // the first. The same person twice is only a repeat.
                Some((first, other)) => out.errors.push(LineError::new(
                    line,
                    format!(
                        "UID {} is also the UID of {other} (the card at line {first}); two people cannot share one: give this card its own UID",
                        card.uid
                    ),
                )),
                None => out.cards.push((line, card)),
            },
            Err(e) => out.errors.push(e),
        }
    }
    if out.cards.is_empty() && out.errors.is_empty() {
        out.errors.push(LineError::new(
            1,
            "no BEGIN:VCARD … END:VCARD card in the file",
        ));
    }
    out
}

/// An earlier card with `card`'s UID but another person's name: its line and name.
fn same_uid(cards: &[(usize, Contact)], card: &Contact) -> Option<(usize, String)> {
    if card.uid.trim().is_empty() {
        return None;
    }
    cards
        .iter()
        .find(|(_, c)| {
            c.uid == card.uid
                && !c
                    .full_name
                    .trim()
                    .eq_ignore_ascii_case(card.full_name.trim())
        })
        .map(|(line, c)| (*line, c.full_name.clone()))
}

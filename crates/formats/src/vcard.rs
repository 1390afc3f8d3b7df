//! vCard (.vcf) files: reading 2.1 (Android exports, quoted-printable), 3.0 (iOS) and 4.0
//! cards into contacts, and writing a contact as vCard 4.0.
//!
//! `calcard` decodes each card; this module first splits the file into cards and checks
//! every line, so a broken fold or an unknown encoding is reported with its line number.

use crate::LineError;
use crate::text::{escape, fold_into};
use calcard::vcard::{
    VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue,
};
use followup_core::model::{Contact, Labelled, PostalAddress};
use jiff::Timestamp;

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
            Ok(card) => out.cards.push(card),
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

/// One card's lines, as found in the file.
struct CardBlock {
    first_line: usize,
    text: String,
}

fn split_cards(text: &str) -> Vec<Result<CardBlock, LineError>> {
    let mut blocks = Vec::new();
    let mut current: Option<OpenCard> = None;
    for (i, raw) in text.split('\n').enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let bare = line.trim_start_matches('\u{feff}').trim();
        // Inside a card, a line that starts with a space or tab continues the one before
        // (a fold), even when what follows is "BEGIN:VCARD" or "END:VCARD".
        let folded = current.is_some() && line.starts_with([' ', '\t']);
        if !folded && bare.eq_ignore_ascii_case("BEGIN:VCARD") {
            if let Some(card) = current.take() {
                blocks.push(Err(unterminated(card.block.first_line)));
            }
            current = Some(OpenCard::new(n, format!("{bare}\r\n")));
            continue;
        }
        let Some(card) = current.as_mut() else {
            if !bare.is_empty() {
                blocks.push(Err(LineError::new(
                    n,
                    format!(
                        "'{}' is outside any BEGIN:VCARD … END:VCARD card",
                        clip(bare)
                    ),
                )));
            }
            continue;
        };
        if !folded && bare.eq_ignore_ascii_case("END:VCARD") {
            let mut card = current.take().expect("inside a card");
            card.finish_property();
            card.block.text.push_str("END:VCARD\r\n");
            blocks.push(match card.problem {
                Some(e) => Err(e),
                None => Ok(card.block),
            });
            continue;
        }
        card.physical_line(n, line);
    }
    if let Some(card) = current {
        blocks.push(Err(unterminated(card.block.first_line)));
    }
    blocks
}

/// A card being read: its text so far, the first problem found in it, and the property
/// whose lines are still being gathered. A property is checked once it is whole, because
/// a fold (RFC 6350 §3.2) or a quoted-printable soft break may fall anywhere in it, even
/// before the ':' (a long TYPE list), and a value checked line by line would be judged
/// on a fragment.
struct OpenCard {
    block: CardBlock,
    problem: Option<LineError>,
    /// The unfolded property so far and the line it starts on.
    property: Option<(usize, String)>,
    qp_soft_break: bool,
}

impl OpenCard {
    fn new(first_line: usize, text: String) -> Self {
        OpenCard {
            block: CardBlock { first_line, text },
            problem: None,
            property: None,
            qp_soft_break: false,
        }
    }

    fn physical_line(&mut self, n: usize, line: &str) {
        let folded = line.starts_with([' ', '\t']);
        let continues = folded || self.qp_soft_break;
        if continues {
            // A folded or quoted-printable continuation is part of its property's value,
            // checked here too so that a control character names its own line.
            let rest = if folded { &line[1..] } else { line };
            if self.problem.is_none() {
                self.problem = no_control_chars(n, rest).err();
            }
            if let Some((_, property)) = self.property.as_mut() {
                if !folded {
                    // A soft break ends in '=', which is not part of the text.
                    property.pop();
                }
                property.push_str(rest);
            }
        } else {
            self.finish_property();
            if !line.trim().is_empty() {
                self.property = Some((n, line.to_string()));
            }
        }
        self.qp_soft_break = line.ends_with('=')
            && self
                .property
                .as_ref()
                .is_some_and(|(_, p)| is_quoted_printable(p));
        self.block.text.push_str(line);
        self.block.text.push_str("\r\n");
    }

    /// Checks the property gathered so far, if any, naming the line it starts on.
    fn finish_property(&mut self) {
        if let Some((n, property)) = self.property.take()
            && self.problem.is_none()
        {
            self.problem = check_property_line(n, &property).err();
        }
    }
}

/// A value that would reach a terminal or an email: no control characters.
fn no_control_chars(n: usize, value: &str) -> Result<(), LineError> {
    // A tab is white space a value may hold (RFC 6350 §3.3, VALUE-CHAR = WSP / …); whether
    // the field it lands in takes one is checked once decoded (`card_to_contact`).
    match value.chars().find(|c| c.is_control() && *c != '\t') {
        Some(ch) => Err(LineError::new(
            n,
            format!("holds a control character ({ch:?})"),
        )),
        None => Ok(()),
    }
}

fn unterminated(first_line: usize) -> LineError {
    LineError::new(
        first_line,
        "this card has no END:VCARD (is the file cut short?)",
    )
}

fn is_quoted_printable(property: &str) -> bool {
    let head = property
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_uppercase();
    head.contains("QUOTED-PRINTABLE")
}

const ENCODINGS: &[&str] = &["QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"];
const CHARSETS: &[&str] = &[
    "UTF-8",
    "US-ASCII",
    "ASCII",
    "ISO-8859-1",
    "ISO-8859-2",
    "ISO-8859-15",
    "LATIN1",
    "WINDOWS-1250",
    "WINDOWS-1251",
    "WINDOWS-1252",
    "CP1252",
    "SHIFT_JIS",
    "GB2312",
    "BIG5",
    "KOI8-R",
    "EUC-KR",
    "EUC-JP",
];

enum Split {
    NoColon,
    Quote(&'static str),
}

/// Splits a property at the ':' that ends its parameters. A parameter value may be
/// quoted (RFC 6350 §3.3: `TYPE="work,voice"`), and a ':' or ';' inside the quotes is
/// part of it, as the parser that reads the card afterwards sees it; a quote anywhere
/// else, or one left open, is refused rather than guessed at.
fn split_property(line: &str) -> Result<(&str, &str), Split> {
    let mut quoted = false;
    let mut prev = None;
    for (i, c) in line.char_indices() {
        if quoted {
            if c == '"' {
                quoted = false;
            }
        } else if c == '"' {
            if !matches!(prev, Some('=') | Some(',')) {
                return Err(Split::Quote("a quote in the middle of a parameter"));
            }
            quoted = true;
        } else if c == ':' {
            return Ok((&line[..i], &line[i + 1..]));
        }
        prev = Some(c);
    }
    Err(if quoted {
        Split::Quote("a parameter's quote is never closed")
    } else {
        Split::NoColon
    })
}

/// `text` split at `sep`, except inside double quotes.
fn split_unquoted(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// A property line is `[group.]NAME[;params]:value`; anything else inside a card is
/// usually a line whose fold lost its leading space.
fn check_property_line(n: usize, line: &str) -> Result<(), LineError> {
    // No control characters anywhere in the line: parameters included, which a value
    // check alone would not see.
    no_control_chars(n, line)?;
    let not_a_property = || {
        LineError::new(
            n,
            format!(
                "'{}' is not a property line; a continued (folded) line must start with a space",
                clip(line)
            ),
        )
    };
    let (head, value) = split_property(line).map_err(|problem| match problem {
        Split::NoColon => not_a_property(),
        Split::Quote(problem) => LineError::new(n, format!("'{}': {problem}", clip(line))),
    })?;
    let mut parts = split_unquoted(head, ';').into_iter();
    let name = parts.next().unwrap_or("");
    let valid_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if !valid_name {
        return Err(not_a_property());
    }
    for param in parts {
        let (key, value) = param.split_once('=').unwrap_or(("", param));
        let (key, value) = (
            key.trim().to_ascii_uppercase(),
            value.trim().to_ascii_uppercase(),
        );
        let value = value.trim_matches('"');
        if key == "ENCODING" && !ENCODINGS.contains(&value) {
            return Err(LineError::new(
                n,
                format!("unknown encoding '{value}' (known: QUOTED-PRINTABLE, BASE64, 8BIT)"),
            ));
        }
        if key == "CHARSET" && !CHARSETS.contains(&value) {
            return Err(LineError::new(n, format!("unknown charset '{value}'")));
        }
    }
    let value = value.trim();
    // Values Followup reads whole, checked here so a bad one names its line.
    // "item1.EMAIL" (iOS groups a value with its label) is an EMAIL all the same.
    let property = name.rsplit('.').next().unwrap_or(name);
    match property.to_ascii_uppercase().as_str() {
        "VERSION" if !["2.1", "3.0", "4.0"].contains(&value) => Err(LineError::new(
            n,
            format!(
                "VERSION:{} is not a vCard version Followup reads (2.1, 3.0, 4.0)",
                clip(value)
            ),
        )),
        "EMAIL" if !followup_core::contact::is_email(value) => Err(LineError::new(
            n,
            format!("'{}' is not an email address", clip(value)),
        )),
        "BDAY" | "ANNIVERSARY" if !is_card_date(value) => Err(LineError::new(
            n,
            format!("'{}' is not a date (YYYY-MM-DD or YYYYMMDD)", clip(value)),
        )),
        _ => Ok(()),
    }
}

/// A vCard date: YYYY-MM-DD, YYYYMMDD, --MMDD (no year), or free text for a v4 `text`
/// value, which is kept as it is; a date that looks like one must exist.
fn is_card_date(value: &str) -> bool {
    let digits: String = value.chars().filter(|c| c.is_ascii_digit()).collect();
    let looks_like_date = value
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == 'T' || c == 'Z' || c == ':');
    if !looks_like_date || digits.len() < 8 || value.starts_with("--") {
        return true;
    }
    let (y, m, d) = (&digits[0..4], &digits[4..6], &digits[6..8]);
    format!("{y}-{m}-{d}").parse::<jiff::civil::Date>().is_ok()
}

fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

fn card_to_contact(block: &CardBlock, now: Timestamp) -> Result<Contact, LineError> {
    let mut parser = calcard::Parser::new(&block.text);
    let card = match parser.entry() {
        calcard::Entry::VCard(card) => card,
        other => {
            return Err(LineError::new(
                block.first_line,
                format!("this card could not be read ({other:?})"),
            ));
        }
    };
    let mut contact = Contact::named("", now);
    contact.given_name.clear();
    contact.family_name.clear();
    let mut saw_n = false;
    for entry in &card.entries {
        apply_entry(&mut contact, entry, &mut saw_n);
    }
    if contact.full_name.is_empty() {
        let parts = [
            &contact.honorific,
            &contact.given_name,
            &contact.family_name,
        ];
        contact.full_name = parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" ");
    }
    if contact.full_name.is_empty() {
        let problem = if saw_n {
            "an empty name"
        } else {
            "no name (neither FN nor N)"
        };
        return Err(LineError::new(
            block.first_line,
            format!("this card has {problem}; add FN:Full Name to it"),
        ));
    }
    if !saw_n {
        let (given, family) = followup_core::contact::split_name(&contact.full_name);
        contact.given_name = given;
        contact.family_name = family;
    }
    // What quoted-printable or base64 decoded ("=1A" is a control character) is checked
    // too: the lines were checked as written, not as decoded.
    followup_core::contact::no_control_chars(&contact).map_err(|e| {
        LineError::new(
            block.first_line,
            format!("this card's {} (decoded) {}", e.field, e.problem),
        )
    })?;
    // And an address is judged as decoded too: "a@b.\n" passes as written, and is
    // "a@b." once the escape is read.
    if let Some(bad) = contact
        .emails
        .iter()
        .find(|e| !followup_core::contact::is_email(&e.value))
    {
        return Err(LineError::new(
            block.first_line,
            format!(
                "this card's email '{}' (decoded) is not an email address",
                clip(&bad.value)
            ),
        ));
    }
    Ok(contact)
}

fn apply_entry(contact: &mut Contact, entry: &VCardEntry, saw_n: &mut bool) {
    let texts = texts(entry);
    let first = texts.first().cloned().unwrap_or_default();
    match &entry.name {
        VCardProperty::Fn => contact.full_name = first.trim().to_string(),
        VCardProperty::N => {
            *saw_n = true;
            let part = |i: usize| {
                texts
                    .get(i)
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            contact.family_name = part(0);
            contact.given_name = part(1);
            contact.honorific = part(3);
        }
        VCardProperty::Title => contact.position = first.trim().to_string(),
        VCardProperty::Org => contact.organisation = first.trim().to_string(),
        VCardProperty::Email if !first.trim().is_empty() => contact.emails.push(Labelled {
            value: first.trim().to_string(),
            labels: labels(entry),
        }),
        VCardProperty::Tel if !first.trim().is_empty() => {
            let number = first.trim();
            contact.phones.push(Labelled {
                value: number.strip_prefix("tel:").unwrap_or(number).to_string(),
                labels: labels(entry),
            })
        }
        VCardProperty::Adr if contact.address.is_none() => {
            let part = |i: usize| {
                texts
                    .get(i)
                    .map(|s| s.replace("\r\n", "\n").trim().to_string())
                    .unwrap_or_default()
            };
            let address = PostalAddress {
                po_box: part(0),
                extended: part(1),
                street: part(2),
                locality: part(3),
                region: part(4),
                postcode: part(5),
                country: part(6),
            };
            if !address.is_empty() {
                contact.address = Some(address);
            }
        }
        VCardProperty::Tz => {
            if let Ok(zone) = followup_core::place::time_zone("TZ", &first) {
                contact.time_zone = Some(zone);
            }
        }
        VCardProperty::Note => contact.notes = first.replace("\r\n", "\n").trim().to_string(),
        VCardProperty::Uid => contact.uid = first.trim().to_string(),
        VCardProperty::Other(name) if name.eq_ignore_ascii_case("X-FOLLOWUP-REGION") => {
            contact.region = followup_core::place::region("region", &first).ok();
        }
        VCardProperty::Other(name) if name.eq_ignore_ascii_case("X-FOLLOWUP-CHANNEL") => {
            contact.preferred_channel = first.as_str().into();
        }
        _ => {}
    }
}

fn texts(entry: &VCardEntry) -> Vec<String> {
    entry
        .values
        .iter()
        .map(|v| match v {
            VCardValue::Text(t) => t.clone(),
            VCardValue::Component(parts) => parts.join(" "),
            other => other.as_text().unwrap_or_default().to_string(),
        })
        .collect()
}

/// TYPE labels, lower-cased, without the ones that say nothing to a person.
fn labels(entry: &VCardEntry) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in &entry.params {
        let text = match (&p.name, &p.value) {
            (VCardParameterName::Type, VCardParameterValue::Type(t)) => format!("{t:?}"),
            (VCardParameterName::Type, VCardParameterValue::Text(t)) => t.clone(),
            // vCard 2.1 writes bare types: TEL;CELL;WORK.
            (VCardParameterName::Other(name), VCardParameterValue::Null) => name.clone(),
            _ => continue,
        };
        let label = text.to_ascii_lowercase();
        if !["internet", "pref", "x400", "voice"].contains(&label.as_str()) && !out.contains(&label)
        {
            out.push(label);
        }
    }
    out
}

/// The contact as a vCard 4.0 card (RFC 6350): escaped, folded at 75 octets, CRLF lines.
/// Region and preferred channel travel as X- properties so our own cards round-trip.
pub fn write_card(c: &Contact) -> String {
    let mut lines: Vec<String> = vec!["BEGIN:VCARD".into(), "VERSION:4.0".into()];
    lines.push(format!("UID:{}", escape(&c.uid)));
    lines.push(format!("FN:{}", escape(&c.full_name)));
    lines.push(format!(
        "N:{};{};;{};",
        escape(&c.family_name),
        escape(&c.given_name),
        escape(&c.honorific)
    ));
    if !c.position.is_empty() {
        lines.push(format!("TITLE:{}", escape(&c.position)));
    }
    if !c.organisation.is_empty() {
        lines.push(format!("ORG:{}", escape(&c.organisation)));
    }
    for e in &c.emails {
        lines.push(format!(
            "EMAIL{}:{}",
            type_param(&e.labels),
            escape(&e.value)
        ));
    }
    for p in &c.phones {
        lines.push(format!("TEL{}:{}", type_param(&p.labels), escape(&p.value)));
    }
    if let Some(a) = &c.address {
        let joined: Vec<String> = a.parts().iter().map(|p| escape(p)).collect();
        lines.push(format!("ADR:{}", joined.join(";")));
    }
    if let Some(tz) = &c.time_zone {
        lines.push(format!("TZ:{}", escape(tz)));
    }
    if !c.notes.is_empty() {
        lines.push(format!("NOTE:{}", escape(&c.notes)));
    }
    if let Some(region) = &c.region {
        lines.push(format!("X-FOLLOWUP-REGION:{}", escape(region)));
    }
    lines.push(format!("X-FOLLOWUP-CHANNEL:{}", c.preferred_channel));
    lines.push(format!("REV:{}", c.updated_at.strftime("%Y%m%dT%H%M%SZ")));
    lines.push("END:VCARD".into());
    let mut out = String::new();
    for line in lines {
        fold_into(&mut out, &line);
    }
    out
}

fn type_param(labels: &[String]) -> String {
    let safe: Vec<&str> = labels
        .iter()
        .map(|l| l.as_str())
        .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .collect();
    if safe.is_empty() {
        String::new()
    } else {
        format!(";TYPE={}", safe.join(","))
    }
}

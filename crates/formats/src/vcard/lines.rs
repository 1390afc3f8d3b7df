//! A .vcf file split into cards, and every line checked before `calcard` decodes it: a
//! broken fold, an unknown encoding or charset, a bad email or date is reported with its
//! line number.

use crate::LineError;

/// One card's lines, as found in the file.
pub(super) struct CardBlock {
    pub(super) first_line: usize,
    pub(super) text: String,
}

pub(super) fn split_cards(text: &str) -> Vec<Result<CardBlock, LineError>> {
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

pub(super) fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

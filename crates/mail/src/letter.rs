//! The postal letter as a PDF, typeset with typst and its bundled fonts (embedded in the
//! PDF; no system fonts, no network). en-GB: the sender's address top right with the date
//! beneath, the recipient on the left, A4. en-US: full block, everything on the left,
//! US Letter. Text reaches typst only as string literals, so nothing in a name or a note
//! can be read as markup.

use crate::MailError;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// What goes on the page.
#[derive(Debug, Clone)]
pub struct Letter {
    pub us: bool,
    pub sender: Vec<String>,
    pub date: String,
    pub recipient: Vec<String>,
    /// The draft's text: salutation, paragraphs, closing and the typed name.
    pub body: String,
}

/// Fonts and the standard library, loaded once and reused for every letter.
pub struct LetterRenderer {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Default for LetterRenderer {
    fn default() -> Self {
        Self::new()
    }
}

impl LetterRenderer {
    pub fn new() -> LetterRenderer {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        LetterRenderer {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// The letter as PDF bytes. A letter holding a character none of the bundled fonts
    /// has (a name in Chinese script, say) is refused, naming it: printed, it would be a
    /// blank box in a letter the reader holds in their hand.
    pub fn render(&self, letter: &Letter) -> Result<Vec<u8>, MailError> {
        let missing = self.missing_glyphs(letter);
        if !missing.is_empty() {
            let shown: Vec<String> = missing
                .iter()
                .map(|c| format!("'{c}' (U+{:04X})", *c as u32))
                .collect();
            return Err(MailError::Build(format!(
                "the letter's fonts cannot print {}: each would come out as a blank box; \
                 write that part in letters the fonts have (Latin, Greek, Cyrillic, Hebrew), \
                 or send the note by email",
                shown.join(", ")
            )));
        }
        let pdf = self.layout(letter).and_then(|doc| {
            typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default())
                .map_err(|errors| MailError::Build(describe(&errors)))
        });
        // typst memoises across compilations; a long-running process would grow without
        // this.
        typst::comemo::evict(0);
        pdf
    }

    /// The letter laid out on its pages.
    fn layout(&self, letter: &Letter) -> Result<PagedDocument, MailError> {
        let world = LetterWorld {
            renderer: self,
            main: Source::new(main_id(), markup(letter)),
        };
        typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|errors| MailError::Build(describe(&errors)))
    }
}

/// The page's margin on every side, in centimetres.
const MARGIN_CM: f64 = 2.5;

/// How long a run of letters with nowhere to break a line (a pasted web address, a
/// reference number) may go before it is given one: well under the 75 or so characters a
/// line holds at the letter's size, and longer than words are.
const LONGEST_UNBROKEN: usize = 30;

/// `text` with an invisible break point (a zero-width space) every `LONGEST_UNBROKEN`
/// characters of a word longer than that: typst breaks a line only between words, and a
/// longer one ran past the right margin, off the printed page.
fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{200B}' {
            run = 0;
        } else {
            if run == LONGEST_UNBROKEN {
                out.push('\u{200B}');
                run = 0;
            }
            run += 1;
        }
        out.push(c);
    }
    out
}

impl LetterRenderer {
    /// The characters of `letter` no bundled font covers (the first few, in order).
    pub fn missing_glyphs(&self, letter: &Letter) -> Vec<char> {
        let texts = letter
            .sender
            .iter()
            .chain(&letter.recipient)
            .chain([&letter.date, &letter.body]);
        let mut missing = Vec::new();
        for c in texts.flat_map(|t| t.chars()) {
            let printable = !c.is_whitespace() && !c.is_control() && !is_invisible(c);
            if printable
                && !missing.contains(&c)
                && !self
                    .fonts
                    .iter()
                    .any(|f| f.info().coverage.contains(c as u32))
            {
                missing.push(c);
                if missing.len() == 5 {
                    break;
                }
            }
        }
        missing
    }
}

/// Marks that draw nothing (joiners, direction marks, variation selectors), which no font
/// needs a glyph for.
fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF)
}

fn describe(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn main_id() -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new("/letter.typ").expect("valid path"),
    )
    .intern()
}

/// A typst string literal.
fn lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn array(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| lit(s)).collect();
    format!(
        "({}{})",
        parts.join(", "),
        if parts.len() == 1 { "," } else { "" }
    )
}

const CLOSINGS: &[&str] = &[
    "yours sincerely,",
    "yours faithfully,",
    "sincerely,",
    "kind regards,",
    "best regards,",
    "regards,",
    "with best wishes,",
    "best wishes,",
    "yours truly,",
    "respectfully,",
];

/// Splits the draft into paragraphs before the closing, the closing, and the name after.
fn parts(body: &str) -> (Vec<String>, String, String) {
    let paragraphs: Vec<String> = body
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let closing_at = paragraphs.iter().rposition(|p| {
        CLOSINGS.contains(
            &p.lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase()
                .as_str(),
        )
    });
    match closing_at {
        Some(i) => {
            let mut lines = paragraphs[i].lines();
            let closing = lines.next().unwrap_or("").trim().to_string();
            let mut name: Vec<String> = lines.map(|l| l.trim().to_string()).collect();
            name.extend(paragraphs[i + 1..].iter().cloned());
            (paragraphs[..i].to_vec(), closing, name.join("\n"))
        }
        None => (paragraphs, String::new(), String::new()),
    }
}

fn markup(l: &Letter) -> String {
    let (paragraphs, closing, name) = parts(&l.body);
    let paper = if l.us { "us-letter" } else { "a4" };
    let head = if l.us {
        // Full block: everything on the left.
        "#sender.join(linebreak())\n\n#v(0.6em)\n#date\n\n#v(0.6em)\n#recipient.join(linebreak())\n"
    } else {
        "#align(right)[#sender.join(linebreak())\n\n#v(0.6em)\n#date]\n\n#v(0.6em)\n#recipient.join(linebreak())\n"
    };
    format!(
        r#"#set page(paper: "{paper}", margin: (x: {MARGIN_CM}cm, y: {MARGIN_CM}cm))
#set text(font: "Libertinus Serif", size: 11.5pt, lang: "en")
#set par(justify: false, spacing: 1.1em)
#let sender = {sender}
#let date = {date}
#let recipient = {recipient}
#let paragraphs = {paragraphs}
#let closing = {closing}
#let name = {name}
{head}
#v(1.6em)
#for p in paragraphs [#p.split("\n").join(linebreak())

]
#closing
#v(3.2em)
#name.split("\n").join(linebreak())
"#,
        sender = array(&l.sender.iter().map(|t| breakable(t)).collect::<Vec<_>>()),
        date = lit(&l.date),
        recipient = array(&l.recipient.iter().map(|t| breakable(t)).collect::<Vec<_>>()),
        paragraphs = array(&paragraphs.iter().map(|t| breakable(t)).collect::<Vec<_>>()),
        closing = lit(&breakable(&closing)),
        name = lit(&breakable(&name)),
    )
}

struct LetterWorld<'a> {
    renderer: &'a LetterRenderer,
    main: Source,
}

impl World for LetterWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.renderer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.renderer.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        // A letter reads no files: nothing on the page can pull one in.
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.renderer.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_splits_at_the_closing() {
        let (paras, closing, name) =
            parts("Dear Ms Patel,\n\nThank you.\n\nMore.\n\nYours sincerely,\n\nSam Carter\n");
        assert_eq!(paras, vec!["Dear Ms Patel,", "Thank you.", "More."]);
        assert_eq!(closing, "Yours sincerely,");
        assert_eq!(name, "Sam Carter");
    }

    #[test]
    fn text_is_always_a_string_literal() {
        assert_eq!(
            lit("a \"quote\" \\ #set page(paper: \"a5\")"),
            "\"a \\\"quote\\\" \\\\ #set page(paper: \\\"a5\\\")\""
        );
        assert_eq!(array(&["one".into()]), "(\"one\",)");
    }

    #[test]
    fn a_character_no_font_has_refuses_the_letter_naming_it() {
        let renderer = LetterRenderer::new();
        let letter = |name: &str| Letter {
            us: false,
            sender: vec![name.into(), "1 High Street".into()],
            date: "30 November 2026".into(),
            recipient: vec!["Ms Priya Patel".into()],
            body: format!("Dear Ms Patel,\n\nThank you.\n\nYours sincerely,\n\n{name}\n"),
        };
        for fine in [
            "Zoë Brontë-Łukasiewicz",
            "Дмитрий Ἀθηνᾶ",
            "דנה\u{200f} O\u{2019}Neill",
        ] {
            assert_eq!(
                renderer.missing_glyphs(&letter(fine)),
                Vec::<char>::new(),
                "{fine}"
            );
        }
        assert_eq!(
            renderer.missing_glyphs(&letter("李明 🎉")),
            ['李', '明', '🎉']
        );
        let err = renderer.render(&letter("李明")).unwrap_err().to_string();
        assert!(err.contains("'李' (U+674E), '明' (U+660E)"), "{err}");
    }

    /// The right edge of the text furthest right on any page, and the right margin's
    /// position, in points.
    fn right_edge(doc: &PagedDocument) -> (f64, f64) {
        fn walk(frame: &typst::layout::Frame, x0: f64, edge: &mut f64) {
            for (pos, item) in frame.items() {
                let x = x0 + pos.x.to_pt();
                match item {
                    typst::layout::FrameItem::Group(g) => {
                        walk(&g.frame, x + g.transform.tx.to_pt(), edge)
                    }
                    typst::layout::FrameItem::Text(t) => *edge = edge.max(x + t.width().to_pt()),
                    _ => {}
                }
            }
        }
        let mut edge: f64 = 0.0;
        for page in doc.pages() {
            walk(&page.frame, 0.0, &mut edge);
        }
        let width = doc.pages()[0].frame.width().to_pt();
        (edge, width - MARGIN_CM / 2.54 * 72.0)
    }

    #[test]
    fn a_long_unbroken_word_stays_inside_the_margin() {
        let renderer = LetterRenderer::new();
        let address = format!(
            "https://example.com/{}",
            "careers-portal-reference-".repeat(8)
        );
        for us in [false, true] {
            let letter = Letter {
                us,
                sender: vec!["Sam Carter".into(), "x".repeat(120)],
                date: "30 November 2026".into(),
                recipient: vec!["Ms Priya Patel".into()],
                body: format!(
                    "Dear Ms Patel,\n\nThe portfolio is at {address} for the team.\n\nYours sincerely,\n\nSam Carter\n"
                ),
            };
            let (edge, margin) = right_edge(&renderer.layout(&letter).unwrap());
            assert!(
                edge <= margin + 0.5,
                "text runs to {edge:.1}pt, the margin is at {margin:.1}pt"
            );
        }
        // A plain letter's words are left whole.
        assert_eq!(
            breakable("Thank you for your time."),
            "Thank you for your time."
        );
        assert_eq!(breakable(&"y".repeat(61)).matches('\u{200B}').count(), 2);
    }
}

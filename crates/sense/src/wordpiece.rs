//! Text to token ids as BERT's uncased tokenizer makes them: control characters dropped,
//! Chinese, Japanese and Korean ideographs split apart, words split at white space and
//! punctuation, lowercased with accents removed, then each word cut into the longest
//! pieces the vocabulary holds ("migration" → "migration"; "kubernetes" → "ku",
//! "##ber", "##net", "##es"); a word no pieces make is [UNK].
//!
//! Without Unicode's tables (no dependency), two steps are close rather than exact:
//! accents are removed from Latin letters (U+00C0 to U+017F and combining marks), and
//! punctuation is ASCII's, Latin-1's and the General Punctuation block's. Text in other
//! scripts is rare in a follow-up; tests/reference.rs covers what is common.

use std::collections::HashMap;

/// The vocabulary: each token's id.
pub(crate) struct Vocab {
    ids: HashMap<&'static str, u32>,
    unk: u32,
    cls: u32,
    sep: u32,
}

/// Longer words are [UNK] (BERT's limit).
const MAX_WORD_CHARS: usize = 100;

impl Vocab {
    /// The tokens in id order, borrowed from the weights file (compiled in).
    pub(crate) fn new(tokens: Vec<&'static str>) -> Result<Vocab, String> {
        let ids: HashMap<&'static str, u32> = tokens
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, i as u32))
            .collect();
        let id = |t: &str| {
            ids.get(t)
                .copied()
                .ok_or_else(|| format!("the vocabulary has no {t}"))
        };
        Ok(Vocab {
            unk: id("[UNK]")?,
            cls: id("[CLS]")?,
            sep: id("[SEP]")?,
            ids,
        })
    }

    /// [CLS], the pieces of `text` (as many as fit in `max` ids with the two marks), [SEP].
    pub(crate) fn ids(&self, text: &str, max: usize) -> Vec<u32> {
        let mut out = vec![self.cls];
        'words: for word in words(text) {
            for id in self.pieces(&word) {
                if out.len() + 1 >= max {
                    break 'words;
                }
                out.push(id);
            }
        }
        out.push(self.sep);
        out
    }

    /// Greedy longest-first word pieces; [UNK] for a word they cannot make.
    fn pieces(&self, word: &str) -> Vec<u32> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > MAX_WORD_CHARS {
            return vec![self.unk];
        }
        let mut out = Vec::new();
        let mut start = 0;
        let mut piece = String::new();
        while start < chars.len() {
            let mut end = chars.len();
            let found = loop {
                if end == start {
                    break None;
                }
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.extend(&chars[start..end]);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    break Some(id);
                }
                end -= 1;
            };
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => return vec![self.unk],
            }
        }
        out
    }
}

/// The words of `text`, lowercased, accents removed, punctuation marks as words of their own.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let end_word = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    for c in text.chars() {
        if c.is_whitespace() {
            end_word(&mut word, &mut out);
            continue;
        }
        if is_dropped(c) {
            continue;
        }
        if is_ideograph(c) {
            end_word(&mut word, &mut out);
            out.push(c.to_string());
            continue;
        }
        for lower in c.to_lowercase() {
            let Some(plain) = without_accent(lower) else {
                continue;
            };
            if is_punctuation(plain) {
                end_word(&mut word, &mut out);
                out.push(plain.to_string());
            } else {
                word.push(plain);
            }
        }
    }
    end_word(&mut word, &mut out);
    out
}

/// Characters BERT's tokenizer drops: NUL, the replacement character, control and format
/// characters (zero-width spaces and joiners, soft hyphens, byte-order marks).
fn is_dropped(c: char) -> bool {
    c == '\0'
        || c == '\u{FFFD}'
        || c.is_control()
        || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}' | '\u{2B740}'..='\u{2B81F}' | '\u{2B820}'..='\u{2CEAF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

/// ASCII's punctuation and symbols (BERT counts them all), and Unicode punctuation in
/// Latin-1 and the General Punctuation block (quotes, dashes, the ellipsis).
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '¡' | '§' | '«' | '¶' | '·' | '»' | '¿' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}')
}

/// A lowercase letter without its accent (what Unicode decomposition then dropping the
/// marks gives), `None` for a combining mark itself.
fn without_accent(c: char) -> Option<char> {
    Some(match c {
        '\u{300}'..='\u{36F}' => return None,
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocab {
        let tokens = [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##want", "##ed", "runn", "##ing", ",",
            "cafe", "’", "s",
        ];
        Vocab::new(tokens.to_vec()).unwrap()
    }

    #[test]
    fn words_are_cut_into_the_longest_pieces() {
        assert_eq!(
            vocab().ids("UNwanted, running", 256),
            vec![2, 4, 5, 6, 9, 7, 8, 3]
        );
    }

    #[test]
    fn accents_controls_and_unknown_words() {
        let v = vocab();
        assert_eq!(v.ids("Café\u{200B}’s", 256), vec![2, 10, 11, 12, 3]);
        assert_eq!(v.ids("cafe\u{301}", 256), vec![2, 10, 3]);
        assert_eq!(v.ids("xyz", 256), vec![2, 1, 3]);
        assert_eq!(v.ids(&"a".repeat(101), 256), vec![2, 1, 3]);
    }

    #[test]
    fn long_text_is_cut_to_the_limit_with_both_marks() {
        let ids = vocab().ids(&"running ".repeat(300), 256);
        assert_eq!(ids.len(), 256);
        assert_eq!((ids[0], ids[255]), (2, 3));
    }
}

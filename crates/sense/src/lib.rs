//! What a sentence means, as a point in a space where sentences that mean alike are near:
//! the sentence encoder all-MiniLM-L6-v2 (Apache-2.0), run in plain Rust with no
//! dependency. The tone checker's reading of a whole message uses it to tell a complaint
//! or a plea from courtesy when no rule names the words (crates/core/src/tone/overall.rs).
//!
//! The weights (data/sense/minilm-l6.q4, 12.7 MB, made by data/generate-sense-model.py)
//! are compiled in and read once per process, on first use. What this crate does, as
//! sentence-transformers does it: BERT's uncased tokenizer and word pieces
//! (`wordpiece.rs`), six transformer layers (`bert.rs`), the mean of the token vectors,
//! scaled to length 1. tests/reference.rs compares token ids and vectors with what
//! sentence-transformers makes of the same sentences with the same weights.

mod bert;
mod weights;
mod wordpiece;

use std::sync::OnceLock;

/// How many numbers a sentence's vector has.
pub const DIM: usize = 384;

/// The encoder: a vocabulary and the weights, ready to run.
pub struct Encoder {
    vocab: wordpiece::Vocab,
    model: bert::Bert,
}

impl Encoder {
    /// The shipped encoder, read from the compiled-in weights once per process.
    pub fn shipped() -> &'static Encoder {
        static SHIPPED: OnceLock<Encoder> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Encoder::parse(include_bytes!("../../../data/sense/minilm-l6.q4"))
                .expect("the shipped weights parse (tested)")
        })
    }

    /// Reads weights in the form data/generate-sense-model.py writes. The 4-bit matrices
    /// are used where they lie, so the bytes must live as long as the program.
    pub fn parse(bytes: &'static [u8]) -> Result<Encoder, String> {
        let (vocab, tensors) = weights::read(bytes)?;
        Ok(Encoder {
            vocab: wordpiece::Vocab::new(vocab)?,
            model: bert::Bert::new(tensors)?,
        })
    }

    /// The token ids the model reads for `text`: [CLS], the word pieces (at most 254),
    /// [SEP].
    pub fn token_ids(&self, text: &str) -> Vec<u32> {
        self.vocab.ids(text, bert::POSITIONS)
    }

    /// The sentence vector of `text`: `DIM` numbers, of length 1.
    pub fn embed(&self, text: &str) -> Vec<f32> {
        self.model.embed(&self.token_ids(text))
    }
}

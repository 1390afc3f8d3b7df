//! Trains the tone checker's reading of a whole message (crates/core/src/tone/overall.rs
//! and meaning.rs) and writes it: `cargo run -q -p followup-core --example
//! train_tone_model`, which writes data/tone-model.tsv and data/tone-meaning.tsv.

#[path = "../tests/support/mod.rs"]
mod support;

fn main() -> std::io::Result<()> {
    let model =
        followup_core::tone::overall::Model::train_with(&support::training(), &support::vector);
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
    std::fs::write(format!("{data}/tone-model.tsv"), model.to_tsv())?;
    let meaning = model.meaning.expect("train_with reads meaning");
    std::fs::write(format!("{data}/tone-meaning.tsv"), meaning.to_tsv())
}

//! Trains the tone checker's reading of a whole message (crates/core/src/tone/overall.rs)
//! and prints it: `cargo run -q -p followup-core --example train_tone_model > data/tone-model.tsv`.

#[path = "../tests/support/mod.rs"]
mod support;

fn main() {
    let model = followup_core::tone::overall::Model::train(&support::training());
    print!("{}", model.to_tsv());
}

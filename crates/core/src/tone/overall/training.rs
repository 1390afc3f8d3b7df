//! Learning both readings from `(message, bad)` examples: the words by logistic
//! regression (deterministic: the same examples give the same model), the meaning by
//! `Meaning::train` on each message's sentence vector (refusals left out: see `turns_down`).

use super::*;

/// Training: passes over the examples, step size, and L2 penalty (per example).
const EPOCHS: u64 = 60;
const STEP: f64 = 0.3;
const L2: f64 = 1.0;

impl Model {
    /// Both readings trained on `(message, bad)` examples (`train_words`, and
    /// `Meaning::train` on each message's sentence vector).
    pub fn train(examples: &[(&str, bool)]) -> Model {
        Model::train_with(examples, &meaning::vector)
    }

    /// `train`, with the sentence vector of a message from `vector` (a test that trains
    /// many models computes each message's vector once).
    pub fn train_with(examples: &[(&str, bool)], vector: &dyn Fn(&str) -> Vec<f32>) -> Model {
        let mut model = Model::train_words(examples);
        // The reading of meaning never judges a refusal (`turns_down`), so it does not
        // learn from one either: two dozen courteous refusals taught it that regret and
        // "cannot" are clean, and it missed four more complaints among the probes.
        let vectors: Vec<(Vec<f32>, bool)> = examples
            .iter()
            .filter(|(t, _)| !turns_down(&read_part(t)))
            .map(|(t, bad)| (vector(t), *bad))
            .collect();
        model.meaning = Some(Meaning::train(&vectors));
        model
    }

    /// The reading of words: logistic regression by stochastic gradient descent over
    /// `(message, bad)` examples, each read as the checker reads it (`read_part`).
    /// Deterministic: the order of each pass comes from a fixed seed, so the same examples
    /// always give the same model.
    pub fn train_words(examples: &[(&str, bool)]) -> Model {
        let mut data: Vec<(Vec<String>, f64)> = examples
            .iter()
            .map(|(text, bad)| {
                let f: Vec<String> = features(&read_part(text)).into_iter().collect();
                (f, if *bad { 1.0 } else { 0.0 })
            })
            .collect();
        let n = data.len().max(1) as f64;
        let mut model = Model::default();
        for epoch in 0..EPOCHS {
            shuffle(&mut data, epoch);
            for (f, y) in &data {
                let z = model.bias + f.iter().map(|k| model.weight(k)).sum::<f64>();
                let gradient = sigmoid(z) - y;
                model.bias -= STEP * gradient;
                let scale = (f.len().max(1) as f64).sqrt();
                for k in f {
                    let w = model.weights.entry(k.clone()).or_default();
                    *w -= STEP * (gradient / scale + L2 * *w / n);
                }
            }
        }
        model
    }
}

/// A deterministic shuffle (Fisher–Yates over a 64-bit LCG), one order per epoch.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    for i in (1..items.len()).rev() {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = ((state >> 33) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

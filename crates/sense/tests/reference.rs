//! The encoder against sentence-transformers: for each sentence in tests/data/reference.tsv
//! (written by data/generate-sense-model.py with the shipped weights), the same token ids
//! and the same vector, to within float rounding.

use followup_sense::{DIM, Encoder};

#[test]
fn token_ids_and_vectors_are_what_sentence_transformers_makes() {
    let encoder = Encoder::shipped();
    let mut rows = 0;
    for line in include_str!("data/reference.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let [sentence, ids, vector] = line.splitn(3, '\t').collect::<Vec<_>>()[..] else {
            panic!("a row is sentence, ids, vector: {line}");
        };
        let want_ids: Vec<u32> = ids.split(' ').map(|i| i.parse().unwrap()).collect();
        assert_eq!(encoder.token_ids(sentence), want_ids, "{sentence}");
        let want: Vec<f32> = vector.split(' ').map(|v| v.parse().unwrap()).collect();
        let got = encoder.embed(sentence);
        assert_eq!(got.len(), DIM);
        let cosine: f32 = got.iter().zip(&want).map(|(a, b)| a * b).sum();
        let worst = got
            .iter()
            .zip(&want)
            .map(|(a, b)| (a - b).abs())
            .fold(0f32, f32::max);
        assert!(
            cosine > 0.99999 && worst < 1e-4,
            "{sentence}: cosine {cosine}, worst {worst}"
        );
        rows += 1;
    }
    assert_eq!(rows, 8);
}

#[test]
fn sentences_that_mean_alike_are_nearer_than_ones_that_do_not() {
    let e = Encoder::shipped();
    let cos =
        |a: &str, b: &str| -> f32 { e.embed(a).iter().zip(e.embed(b)).map(|(x, y)| x * y).sum() };
    let complaint = "Why is this taking so long? I have heard nothing for weeks.";
    assert!(
        cos(complaint, "It has been ages and nobody has replied to me.")
            > cos(complaint, "Thank you for a lovely conversation yesterday.")
    );
}

//! Rendering a letter PDF in a warm process (the renderer and its fonts loaded once):
//! the bar is under 300 ms per letter.

use criterion::{Criterion, criterion_group, criterion_main};
use followup_mail::letter::{Letter, LetterRenderer};
use std::hint::black_box;

fn render(c: &mut Criterion) {
    let renderer = LetterRenderer::new();
    let letter = Letter {
        us: false,
        sender: vec!["Sam Carter".into(), "12 Mill Lane".into(), "Leeds LS2 9JT".into()],
        date: "2 March 2027".into(),
        recipient: vec!["Ms Priya Patel".into(), "Acme Ltd".into(), "1 Canal Street".into()],
        body: "Dear Ms Patel,\n\nThank you for meeting me on Tuesday 2 March to discuss the Platform \
               Engineer position. I appreciated the time you gave me.\n\nI left the interview keener \
               still on the role. I moved 40 services onto Kubernetes with no downtime.\n\nShould \
               anything further be useful, I would be happy to provide it.\n\nYours sincerely,\n\nSam Carter\n"
            .into(),
    };
    let mut group = c.benchmark_group("letter");
    group.sample_size(30);
    group.bench_function("render one A4 letter to PDF (warm)", |b| {
        b.iter(|| renderer.render(black_box(&letter)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);

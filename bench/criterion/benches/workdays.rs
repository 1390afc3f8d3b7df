//! Working-day arithmetic: 1,000,000 `add(date, 5)` over random dates and regions (the
//! issue's bar: under 100 ms), with the calendars built beforehand as the CLI does.

use criterion::{Criterion, criterion_group, criterion_main};
use followup_core::calendar::WorkingDays;
use jiff::civil::{Date, date};
use std::hint::black_box;

const REGIONS: [&str; 8] = ["gb-eng", "gb-wls", "gb-sct", "gb-nir", "us", "ie", "de", "nz"];

fn inputs(n: usize) -> Vec<(usize, Date)> {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let start = date(2015, 1, 1);
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let day = (state % 11_000) as i64;
            let region = ((state >> 32) % REGIONS.len() as u64) as usize;
            (region, start.checked_add(jiff::Span::new().days(day)).unwrap())
        })
        .collect()
}

fn add_a_million(c: &mut Criterion) {
    let calendars: Vec<WorkingDays> = REGIONS.iter().map(|r| WorkingDays::new(r, &[]).unwrap()).collect();
    let cases = inputs(1_000_000);
    let mut group = c.benchmark_group("workdays");
    group.sample_size(20);
    group.bench_function("1M add(date, 5), random dates and regions", |b| {
        b.iter(|| {
            let mut last = date(2015, 1, 1);
            for (region, day) in &cases {
                last = calendars[*region].add(black_box(*day), 5);
            }
            black_box(last)
        })
    });
    group.bench_function("build one region's calendar", |b| {
        b.iter(|| WorkingDays::new(black_box("gb-sct"), &[]).unwrap())
    });
    group.finish();
}

criterion_group!(benches, add_a_million);
criterion_main!(benches);

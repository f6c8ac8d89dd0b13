//! Parsing the number phrases of the seed report (core/benches/data/seed_phrases.txt).
//! The Python peer (cn2an) runs on the same file: see BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use planwatch::Quantity;
use std::hint::black_box;

fn phrases() -> Vec<&'static str> {
    include_str!("data/seed_phrases.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect()
}

fn bench(c: &mut Criterion) {
    let phrases = phrases();
    let mut g = c.benchmark_group("quantity");
    g.throughput(Throughput::Elements(phrases.len() as u64));
    g.bench_function("parse_seed_phrases", |b| {
        b.iter(|| {
            for p in &phrases {
                black_box(Quantity::parse(black_box(p)).ok());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

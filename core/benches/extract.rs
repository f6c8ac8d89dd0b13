//! Extraction throughput on the seed report (41 KB) and on the seed repeated 10 and 100
//! times (4 MB), in bytes per second: the two should match, since extraction is
//! linear. Peers (cn2an, Recognizers-Text) run on the same text: see BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use planwatch::extraction::extract;
use std::hint::black_box;

const SEED: &str = include_str!("../data/nanshan-2024/report.txt");

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    for times in [1usize, 10, 100] {
        let text = SEED.repeat(times);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if times > 1 {
            g.sample_size(10);
        }
        g.bench_with_input(
            BenchmarkId::new("seed", format!("x{times}")),
            &text,
            |b, t| b.iter(|| black_box(extract(black_box(t))).findings.len()),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

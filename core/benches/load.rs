//! Loading observations (CSV) and plans (TOML) at 1×, 10× and 100× the size, to show
//! that loading time grows linearly with the input (RELIABILITY.md).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use planwatch::{Observations, Plan};
use std::hint::black_box;

/// `n` observation rows in the shape of the built-in file.
fn csv(n: usize) -> String {
    let mut s = String::from("indicator,period,value,unit,status,vintage,source\n");
    for i in 0..n {
        s.push_str(&format!(
            "ind_{},2024H1,{}.{},亿元,preliminary,2024-08-14,https://example.invalid/{i}\n",
            i % 500,
            4000 + i % 997,
            i % 100
        ));
    }
    s
}

/// A plan of `n` indicators with one target each.
fn plan(n: usize) -> String {
    let mut s = String::from("[plan]\nid = \"bench\"\nperiod = \"2024\"\n");
    for i in 0..n {
        s.push_str(&format!(
            "[[indicator]]\nid = \"ind_{i}\"\nname = {{ zh = \"指标{i}\", en = \"Indicator {i}\" }}\nunit = \"亿元\"\nflow = true\n\n[[target]]\nindicator = \"ind_{i}\"\ncondition = \">= {}.5亿元\"\nsource = {{ quote = \"力争完成投资 {i} 亿元。\", section = \"三.(二)\" }}\n\n",
            i % 1000
        ));
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    for scale in [1usize, 10, 100] {
        let text = csv(1_000 * scale);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("observations_csv", format!("{scale}x")),
            &text,
            |b, t| b.iter(|| black_box(Observations::from_csv_str(t, "bench.csv").unwrap().len())),
        );
        let toml = plan(100 * scale);
        g.throughput(Throughput::Bytes(toml.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("plan_toml", format!("{scale}x")),
            &toml,
            |b, t| {
                b.iter(|| black_box(Plan::from_toml_str(t, "bench.toml").unwrap().targets.len()))
            },
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

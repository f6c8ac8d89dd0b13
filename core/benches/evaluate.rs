//! Evaluation at scale: a plan of 100 000 targets (20 000 indicators × 5 targets) and
//! 1 000 000 observations (50 per indicator: five years, two half-years and 18
//! year-to-date months, each in a preliminary and a final vintage), generated here.
//! The timed call is `evaluate`, index building included.
//!
//! ```text
//! cargo bench -p planwatch --bench evaluate                   # criterion timings
//! cargo bench -p planwatch --bench evaluate -- --peak-memory  # one run: time and VmHWM
//! cargo bench -p planwatch --bench evaluate -- --dump DIR      # both scorecards as JSON, to compare builds
//! ```
//!
//! With `--peak-memory` the binary skips criterion, evaluates once and prints the
//! wall and CPU time of the call, the resident set after generating the inputs and the
//! peak (VmHWM from /proc/self/status) after evaluating, so the evaluation's own peak
//! is the difference; then it renders the scorecard once in every report format and
//! prints the time and size of each.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use criterion::Criterion;
use jiff::civil::Date;
use planwatch::{
    evaluate, Condition, Decimal, Formula, Indicator, Kind, Measure, Names, Observation,
    ObservationStatus, Observations, Options, Period, Plan, Polarity, Quantity, Target, Tier, Unit,
};

const INDICATORS: usize = 20_000;
const TARGETS_PER_INDICATOR: usize = 5;

/// A small deterministic generator (xorshift), so every run sees the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A decimal with one decimal place in [lo, hi).
    fn decimal(&mut self, lo: i64, hi: i64) -> Decimal {
        let span = ((hi - lo) * 10) as u64;
        Decimal::new(lo * 10 + (self.next() % span) as i64, 1)
    }
}

fn unit(s: &str) -> Unit {
    Unit::parse(s).unwrap()
}

fn q(v: Decimal, u: &str) -> Quantity {
    Quantity::new(v, unit(u))
}

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// What an indicator measures; one in ten is a milestone, one in ten a formula.
#[derive(Clone, Copy)]
enum Shape {
    Flow,
    Growth,
    Share,
    Lower,
    Milestone,
    Derived,
}

fn shape(i: usize) -> Shape {
    match i % 10 {
        0..=2 => Shape::Flow,
        3 | 4 => Shape::Growth,
        5 => Shape::Share,
        6 | 7 => Shape::Lower,
        8 => Shape::Milestone,
        _ => Shape::Derived,
    }
}

fn plan(rng: &mut Rng) -> Plan {
    let mut plan = Plan::new("bench", Period::Year(2024));
    plan.jurisdiction = Some("深圳市南山区".into());
    for i in 0..INDICATORS {
        let id = format!("ind_{i:05}");
        let names = Names {
            zh: format!("指标{i}"),
            en: format!("Indicator {i}"),
        };
        let section = Some(format!("三.({})", ["一", "二", "三", "四", "五"][i % 5]));
        let s = shape(i);
        let (u, measure) = match s {
            Shape::Flow | Shape::Lower => ("亿元", Measure::Level),
            Shape::Growth => ("%", Measure::Growth),
            Shape::Share => ("%", Measure::Share),
            Shape::Milestone => ("", Measure::Milestone),
            Shape::Derived => ("亿元", Measure::Level),
        };
        let kind = [Kind::Expected, Kind::Binding, Kind::Task][i % 3];
        let mut ind = Indicator::new(id.clone(), names, unit(u), measure, kind);
        ind.section = section;
        ind.flow = matches!(s, Shape::Flow | Shape::Derived);
        if matches!(s, Shape::Lower) {
            ind.polarity = Polarity::Lower;
        }
        if matches!(s, Shape::Derived) {
            // Share × level of the previous (share) indicator's neighbour: a formula
            // over two other indicators.
            let a = format!("ind_{:05}", i - 4); // a Share indicator
            let b = format!("ind_{:05}", i - 9); // a Flow indicator
            ind.formula = Some(Formula::parse(&format!("{a} / 100 * {b}")).unwrap());
        }
        plan.indicators.push(ind);

        let base = rng.decimal(100, 1000);
        let targets: [(Period, Condition, Tier); TARGETS_PER_INDICATOR] = match s {
            Shape::Milestone => {
                let done = |m: i8| Condition::Done {
                    by: date(2024, m, 28),
                };
                [
                    (Period::Year(2024), done(6), Tier::Base),
                    (Period::Year(2024), done(9), Tier::Stretch),
                    (Period::Year(2024), done(12), Tier::Base),
                    (Period::Year(2023), done(3), Tier::Base),
                    (Period::Year(2025), done(12), Tier::Base),
                ]
            }
            Shape::Growth | Shape::Share => {
                let g = rng.decimal(1, 9);
                let ge = |v: Decimal| Condition::Compare {
                    op: planwatch::Comparator::Ge,
                    value: q(v, "%"),
                };
                [
                    (Period::Year(2024), ge(g), Tier::Base),
                    (Period::Year(2024), ge(g + Decimal::ONE), Tier::Stretch),
                    (Period::Year(2023), ge(g), Tier::Base),
                    (
                        Period::Years {
                            start: 2021,
                            end: 2025,
                        },
                        ge(g),
                        Tier::Base,
                    ),
                    (
                        Period::Year(2024),
                        Condition::Approx {
                            value: q(g, "%"),
                            tolerance: None,
                        },
                        Tier::Base,
                    ),
                ]
            }
            Shape::Flow | Shape::Derived | Shape::Lower => {
                let op = if matches!(s, Shape::Lower) {
                    planwatch::Comparator::Le
                } else {
                    planwatch::Comparator::Ge
                };
                let cmp = |v: Decimal| Condition::Compare {
                    op,
                    value: q(v, "亿元"),
                };
                [
                    (Period::Year(2024), cmp(base), Tier::Base),
                    (
                        Period::Year(2024),
                        cmp(base * Decimal::new(11, 1)),
                        Tier::Stretch,
                    ),
                    (Period::Year(2023), cmp(base), Tier::Base),
                    (
                        Period::Years {
                            start: 2021,
                            end: 2025,
                        },
                        cmp(base * Decimal::new(13, 1)),
                        Tier::Base,
                    ),
                    (
                        Period::Year(2024),
                        Condition::Between {
                            low: q(base * Decimal::new(9, 1), "亿元"),
                            high: q(base * Decimal::new(12, 1), "亿元"),
                        },
                        Tier::Base,
                    ),
                ]
            }
        };
        for (k, (period, condition, tier)) in targets.into_iter().enumerate() {
            let mut t = Target::new(id.clone(), period, condition);
            t.id = format!("{id}_t{k}");
            t.tier = tier;
            plan.targets.push(t);
        }
    }
    plan
}

/// 50 observations per indicator: years 2020–2024, 2023H1 and 2024H1, year-to-date
/// months 1–9 of 2023 and 2024, each published twice (preliminary, then final).
/// Derived indicators get none of their own (they are computed from their inputs), so
/// their share goes to a second jurisdiction's rows of the same indicators, which the
/// evaluation must skip.
fn observations(rng: &mut Rng) -> Observations {
    let mut periods = Vec::new();
    for y in 2020..=2024 {
        periods.push(Period::Year(y));
    }
    for y in [2023, 2024] {
        periods.push(Period::Half { year: y, half: 1 });
        for m in 1..=9 {
            periods.push(Period::YearToDate {
                year: y,
                through: m,
            });
        }
    }
    assert_eq!(periods.len() * 2, 50);
    let mut obs = Observations::new();
    for i in 0..INDICATORS {
        // Shared texts, as the loaders make them: each row clones a pointer.
        let (id, jurisdiction): (Arc<str>, Option<Arc<str>>) = match shape(i) {
            Shape::Derived => (
                format!("ind_{:05}", i - 9).into(),
                Some("深圳市福田区".into()),
            ),
            _ => (format!("ind_{i:05}").into(), None),
        };
        for p in &periods {
            let value = match shape(i) {
                Shape::Milestone => {
                    let done = p.end() >= date(2024, 6, 30) && rng.next() % 2 == 0;
                    Quantity::new(Decimal::from(done as i64), Unit::NONE)
                }
                Shape::Growth => q(rng.decimal(-3, 12), "%"),
                Shape::Share => q(rng.decimal(1, 60), "%"),
                // Some rows in 万元, converted exactly by the engine.
                _ if rng.next() % 4 == 0 => q(rng.decimal(100_000, 12_000_000), "万元"),
                _ => q(rng.decimal(10, 1200), "亿元"),
            };
            for (status, lag) in [
                (ObservationStatus::Preliminary, 20),
                (ObservationStatus::Final, 75),
            ] {
                let mut o = Observation::new(id.clone(), *p, value);
                o.status = status;
                o.vintage = Some(p.end().saturating_add(jiff::Span::new().days(lag)));
                o.jurisdiction = jurisdiction.clone();
                obs.push(o);
            }
        }
    }
    obs
}

fn inputs() -> (Plan, Observations) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let plan = plan(&mut rng);
    let obs = observations(&mut rng);
    assert_eq!(plan.targets.len(), INDICATORS * TARGETS_PER_INDICATOR);
    assert_eq!(obs.len(), 1_000_000);
    (plan, obs)
}

/// CPU time this thread has run, in nanoseconds (/proc/thread-self/schedstat): unlike
/// wall time it does not grow when other processes compete for the cores.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// CPU time of the whole process (every thread), in seconds: utime + stime of
/// /proc/self/stat in clock ticks (100 a second on Linux).
fn process_cpu_s() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at state, field 3.
    let rest = s.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// A line of /proc/self/status (`VmHWM`, `VmRSS`), in kB; Linux only.
fn proc_status(key: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn peak_memory_run() {
    let t = Instant::now();
    let (plan, obs) = inputs();
    let generated = t.elapsed();
    let rss_inputs = proc_status("VmRSS:");
    let hwm_inputs = proc_status("VmHWM:");
    let options = Options::as_of(date(2024, 10, 31));
    // One thread first: its thread CPU time is the whole cost of an evaluation.
    let one_thread = Options {
        parallel: false,
        ..options.clone()
    };
    let t = Instant::now();
    let cpu = thread_cpu_ns();
    drop(evaluate(&plan, &obs, &one_thread));
    let cpu = thread_cpu_ns()
        .zip(cpu)
        .map(|(b, a)| std::time::Duration::from_nanos(b - a));
    println!(
        "evaluate on one thread: wall {:.2?}, thread CPU {cpu:.2?}",
        t.elapsed()
    );
    let t = Instant::now();
    let cpu = thread_cpu_ns();
    let all_cpu = process_cpu_s();
    let card = evaluate(&plan, &obs, &options);
    let took = t.elapsed();
    let all_cpu = process_cpu_s().zip(all_cpu).map(|(b, a)| b - a);
    let cpu = thread_cpu_ns()
        .zip(cpu)
        .map(|(b, a)| std::time::Duration::from_nanos(b - a));
    if let Some(all) = all_cpu {
        println!(
            "evaluate on both cores: wall {took:.2?}, CPU of all threads {all:.2} s ({:.2} cores busy)",
            all / took.as_secs_f64()
        );
    }
    let hwm = proc_status("VmHWM:");
    println!(
        "targets {} observations {} generated in {:.2?}",
        plan.targets.len(),
        obs.len(),
        generated
    );
    println!("evaluate (as of 2024-10-31): wall {took:.2?}, thread CPU {cpu:.2?}");
    println!(
        "statuses: {:?}",
        planwatch::Status::ALL
            .iter()
            .map(|s| (s.name(), card.summary.all.get(*s)))
            .collect::<Vec<_>>()
    );
    // With `--features arrow`: the scorecard as Arrow columns, as `Scorecard.to_arrow()`
    // hands it to Python.
    #[cfg(feature = "arrow")]
    {
        let t = Instant::now();
        let cpu = process_cpu_s();
        let batch = card.to_arrow().unwrap();
        let cpu = process_cpu_s().zip(cpu).map(|(b, a)| b - a);
        println!(
            "to_arrow: wall {:.2?}, CPU of all threads {cpu:.2?} s ({} rows x {} columns)",
            t.elapsed(),
            batch.num_rows(),
            batch.num_columns()
        );
    }
    println!("VmRSS after generating inputs: {rss_inputs:?} kB (VmHWM then {hwm_inputs:?} kB)");
    println!("VmHWM after evaluate: {hwm:?} kB");
    // The reports of the same scorecard, once each, for scale (left out with
    // `--no-render`, to profile the evaluation alone).
    let formats = if std::env::args().any(|a| a == "--no-render") {
        &[][..]
    } else {
        &planwatch::Format::ALL[..]
    };
    for &format in formats {
        let t = Instant::now();
        let out = card.render(format, planwatch::Lang::Zh);
        println!(
            "render {format}: {:.2?}, {} MB",
            t.elapsed(),
            out.len() / 1_000_000
        );
    }
    println!("VmHWM after rendering: {:?} kB", proc_status("VmHWM:"));
}

fn bench(c: &mut Criterion) {
    let (plan, obs) = inputs();
    let mut group = c.benchmark_group("evaluate");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(30));
    for (name, as_of) in [
        ("100k_targets_1m_obs_mid_year", date(2024, 10, 31)),
        ("100k_targets_1m_obs_year_end", date(2025, 6, 30)),
    ] {
        let options = Options::as_of(as_of);
        group.bench_function(name, |b| {
            b.iter(|| black_box(evaluate(black_box(&plan), black_box(&obs), &options)))
        });
        // The same on one thread: what the parallel feature buys on this machine.
        let one_core = Options {
            parallel: false,
            ..options
        };
        group.bench_function(format!("{name}_one_thread"), |b| {
            b.iter(|| black_box(evaluate(black_box(&plan), black_box(&obs), &one_core)))
        });
    }
    group.finish();
    // Parallel and sequential runs must agree byte for byte on the benchmark plan.
    let options = Options::as_of(date(2024, 10, 31));
    let sequential = Options {
        parallel: false,
        ..options.clone()
    };
    assert_eq!(
        evaluate(&plan, &obs, &options).to_json(),
        evaluate(&plan, &obs, &sequential).to_json(),
        "parallel and sequential evaluation differ"
    );
}

/// `--dump DIR`: writes the scorecard JSON of both as-of dates (both cores) to DIR, so
/// two builds can be compared byte for byte (`cmp`), then exits.
fn dump(dir: &str) {
    let (plan, obs) = inputs();
    for (name, as_of) in [
        ("mid_year", date(2024, 10, 31)),
        ("year_end", date(2025, 6, 30)),
    ] {
        let card = evaluate(&plan, &obs, &Options::as_of(as_of));
        let path = std::path::Path::new(dir).join(format!("evaluate-{name}.json"));
        std::fs::write(&path, card.to_json()).unwrap();
        println!("wrote {}", path.display());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--dump") {
        dump(args.get(i + 1).map_or(".", String::as_str));
        return;
    }
    if std::env::args().any(|a| a == "--peak-memory") {
        peak_memory_run();
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}

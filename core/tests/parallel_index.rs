//! The observation index built on every core (rows looked up in chunks, grouped by a
//! counting sort, sorted per indicator) must give the same scorecard, byte for byte, as one thread,
//! on a batch large enough to be split (the small batches of the property tests stay
//! on one thread). The batch has what makes the order matter: revisions, figures of
//! the same vintage that conflict, exact duplicates that differ only in their source
//! (the first in input order is kept), another jurisdiction's rows, unknown ids. The
//! records such batches hold by the hundred thousand keep their sizes (the last test).
#![cfg(feature = "parallel")]

use planwatch::{
    evaluate, Comparator, Condition, Decimal, Indicator, Kind, LenientObservations, Measure, Names,
    Observation, ObservationStatus, Observations, Options, Period, Plan, Quantity, Target, Unit,
};

const INDICATORS: usize = 1_500;

fn workload() -> (Plan, Observations) {
    let unit = Unit::parse("亿元").unwrap();
    let wan = Unit::parse("万元").unwrap();
    let mut plan = Plan::new("parallel", Period::Year(2024));
    plan.jurisdiction = Some("甲区".into());
    let mut obs = Observations::new();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..INDICATORS {
        let id = format!("ind_{i:04}");
        let names = Names {
            zh: format!("指标{i}"),
            en: String::new(),
        };
        plan.indicators.push(Indicator::new(
            id.clone(),
            names,
            unit,
            Measure::Level,
            Kind::Expected,
        ));
        for (k, year) in [2023, 2024].into_iter().enumerate() {
            let mut t = Target::new(
                id.clone(),
                Period::Year(year),
                Condition::Compare {
                    op: Comparator::Ge,
                    value: Quantity::new(Decimal::new(500, 0), unit),
                },
            );
            t.id = format!("{id}_t{k}");
            plan.targets.push(t);
        }
        // Year-to-date figures of a stock (a level that is not a flow): one warning per
        // indicator, at its first such row, whichever core scans it.
        if i % 5 == 0 {
            for through in [3u8, 6, 9] {
                let value = Decimal::new((next() % 100_000) as i64, 2);
                obs.push(Observation::new(
                    id.clone(),
                    Period::YearToDate {
                        year: 2024,
                        through,
                    },
                    Quantity::new(value, unit),
                ));
            }
        }
        for year in 2019..=2024 {
            for vintage in 0..8u8 {
                let value = Decimal::new((next() % 100_000) as i64, 2);
                let mut o =
                    Observation::new(id.clone(), Period::Year(year), Quantity::new(value, unit));
                o.status = if vintage % 2 == 0 {
                    ObservationStatus::Preliminary
                } else {
                    ObservationStatus::Final
                };
                // Vintages repeat, so some figures tie on vintage and status: conflicts.
                o.vintage = jiff::civil::Date::new(year + 1, 1 + (vintage % 3) as i8, 15).ok();
                o.source = Some(format!("bulletin {vintage}").into());
                match next() % 10 {
                    0 => o.jurisdiction = Some("乙区".into()),
                    1 => o.indicator = format!("unknown_{i}").into(),
                    _ => {}
                }
                // The same figure again: in 万元, or exactly, from another source.
                match next() % 4 {
                    0 => {
                        let mut twin = o.clone();
                        twin.value = Quantity::new(value * Decimal::new(10_000, 0), wan);
                        twin.source = Some("twin".into());
                        obs.push(twin);
                    }
                    1 => {
                        let mut copy = o.clone();
                        copy.source = Some("copy".into());
                        obs.push(copy);
                    }
                    _ => {}
                }
                obs.push(o);
            }
        }
    }
    // The same indicators' year-to-date figures again at the end of the batch, in
    // another core's run of rows: still one warning each, at the first row.
    for i in (0..INDICATORS).step_by(5) {
        obs.push(Observation::new(
            format!("ind_{i:04}"),
            Period::YearToDate {
                year: 2024,
                through: 11,
            },
            Quantity::new(Decimal::new(1, 0), unit),
        ));
    }
    (plan, obs)
}

#[test]
fn the_parallel_index_gives_the_sequential_bytes() {
    let (plan, obs) = workload();
    assert!(
        obs.len() > 90_000,
        "large enough to be split: {}",
        obs.len()
    );
    for as_of in [None, jiff::civil::Date::new(2024, 2, 1).ok()] {
        let parallel = Options {
            as_of,
            ..Options::default()
        };
        let one = Options {
            parallel: false,
            ..parallel.clone()
        };
        let a = evaluate(&plan, &obs, &parallel);
        let b = evaluate(&plan, &obs, &one);
        assert!(a.assessments.iter().any(|x| !x.conflicts.is_empty()));
        assert_eq!(a.to_json(), b.to_json());
        assert_eq!(a.issues, b.issues);
        assert!(a.issues.iter().any(|i| i.code == "ytd_not_flow"));
        // Input order still decides among equal figures (which copy's source is
        // cited): reversed, both paths agree on that too.
        let reversed: Observations = obs.iter().rev().cloned().collect();
        assert_eq!(
            evaluate(&plan, &reversed, &parallel).to_json(),
            evaluate(&plan, &reversed, &one).to_json()
        );
    }
}

#[test]
fn a_large_batch_is_extended_checked_and_freed_whole() {
    // Past 100,000 rows a batch is freed on every core; extending a batch and splitting
    // off its unknown ids move its rows out first, so each row is still kept or
    // reported once.
    let (plan, obs) = workload();
    let n = obs.len();
    let mut twice = obs.clone();
    twice.extend(obs.clone());
    assert!(twice.len() >= 100_000, "{}", twice.len());
    assert_eq!(twice.len(), 2 * n);
    assert!(twice.iter().take(n).eq(obs.iter()));
    assert!(twice.iter().skip(n).eq(obs.iter()));
    // Splitting off the rows on unknown ids (the plan's own jurisdiction only).
    let split = |o: Observations| {
        let lenient = LenientObservations {
            observations: o,
            rejected: Vec::new(),
        }
        .against(&plan);
        assert!(lenient
            .rejected
            .iter()
            .all(|i| i.code == "unknown_indicator"));
        (lenient.observations.len(), lenient.rejected.len())
    };
    let (kept, rejected) = split(obs.clone());
    assert!(rejected > 0);
    assert_eq!(kept + rejected, n);
    assert_eq!(split(twice.clone()), (2 * kept, 2 * rejected));
    drop(twice);
    assert_eq!(obs.len(), n);
}

/// The records a large plan and batch hold by the hundred thousand stay small: every byte
/// of them is fresh memory in a first run (BENCHMARKS.md, "Through Arrow"). Shared texts
/// (`Arc<str>`) and boxed provenance keep them at these sizes on 64-bit targets.
#[cfg(target_pointer_width = "64")]
#[test]
fn records_held_by_the_hundred_thousand_stay_small() {
    use std::mem::size_of;
    assert!(size_of::<planwatch::Observation>() <= 88);
    assert!(size_of::<planwatch::Target>() <= 136);
    assert!(size_of::<planwatch::Indicator>() <= 216);
    assert!(size_of::<planwatch::Assessment>() <= 576);
}

//! The quality gate of extraction on the seed report: precision and recall of
//! (indicator overlap, op, value, unit, status, stretch) against the hand-checked
//! `tests/gold/seed.jsonl`, and nothing at the numerals `seed_excluded.jsonl` lists.

use planwatch::extraction::{extract, Finding};
use serde_json::Value;

pub(crate) const SEED: &str = include_str!("../data/nanshan-2024/report.txt");
const GOLD: &str = include_str!("../../tests/gold/seed.jsonl");
const EXCLUDED: &str = include_str!("../../tests/gold/seed_excluded.jsonl");

/// The bar both precision and recall must clear.
pub(crate) const GATE: f64 = 0.95;

/// A gold finding, as read from JSON Lines.
#[derive(Debug, Clone)]
pub(crate) struct Gold {
    pub(crate) status: String,
    pub(crate) indicator: String,
    pub(crate) indicator_span: (usize, usize),
    pub(crate) span: (usize, usize),
    pub(crate) measure: String,
    pub(crate) op: String,
    pub(crate) value: Option<String>,
    pub(crate) value_hi: Option<String>,
    pub(crate) unit: Option<String>,
    pub(crate) stretch: bool,
    pub(crate) by: Option<String>,
    pub(crate) cumulative: bool,
}

fn pair(v: &Value) -> (usize, usize) {
    let a = v.as_array().expect("a span is [start, end]");
    (
        a[0].as_u64().expect("start") as usize,
        a[1].as_u64().expect("end") as usize,
    )
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

pub(crate) fn gold_of(v: &Value) -> Gold {
    Gold {
        status: v["status"].as_str().expect("status").to_string(),
        indicator: v["indicator"].as_str().expect("indicator").to_string(),
        indicator_span: pair(&v["indicator_span"]),
        span: pair(&v["span"]),
        measure: v["measure"].as_str().expect("measure").to_string(),
        op: v["op"].as_str().expect("op").to_string(),
        value: opt(&v["value"]),
        value_hi: opt(&v["value_hi"]),
        unit: opt(&v["unit"]),
        stretch: v["stretch"].as_bool().expect("stretch"),
        by: opt(&v["by"]),
        cumulative: v["cumulative"].as_bool().expect("cumulative"),
    }
}

/// A finding in the same form, through its JSON (so the test checks the JSON too).
pub(crate) fn gold_of_finding(f: &Finding) -> Gold {
    let v: Value = serde_json::from_str(&f.to_json_line()).expect("a finding is JSON");
    gold_of(&v)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// True when a predicted finding counts for a gold one: the scored tuple is equal,
/// the indicator spans overlap, and so do the number spans.
pub(crate) fn matches(p: &Gold, g: &Gold) -> bool {
    p.op == g.op
        && p.value == g.value
        && p.value_hi == g.value_hi
        && p.unit == g.unit
        && p.status == g.status
        && p.stretch == g.stretch
        && overlaps(p.indicator_span, g.indicator_span)
        && overlaps(p.span, g.span)
}

/// Scores predictions against gold: (true positives, matched pairs, unmatched gold,
/// unmatched predictions).
pub(crate) struct Score {
    pub(crate) pairs: Vec<(Gold, Gold)>,
    pub(crate) missed: Vec<Gold>,
    pub(crate) spurious: Vec<Gold>,
    pub(crate) n_gold: usize,
    pub(crate) n_pred: usize,
}

impl Score {
    pub(crate) fn new(gold: &[Gold], pred: &[Gold]) -> Score {
        let mut used = vec![false; pred.len()];
        let mut pairs = Vec::new();
        let mut missed = Vec::new();
        for g in gold {
            match (0..pred.len()).find(|&i| !used[i] && matches(&pred[i], g)) {
                Some(i) => {
                    used[i] = true;
                    pairs.push((g.clone(), pred[i].clone()));
                }
                None => missed.push(g.clone()),
            }
        }
        let spurious = pred
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(p, _)| p.clone())
            .collect();
        Score {
            pairs,
            missed,
            spurious,
            n_gold: gold.len(),
            n_pred: pred.len(),
        }
    }

    pub(crate) fn precision(&self) -> f64 {
        self.pairs.len() as f64 / self.n_pred.max(1) as f64
    }

    pub(crate) fn recall(&self) -> f64 {
        self.pairs.len() as f64 / self.n_gold.max(1) as f64
    }

    /// Agreement on the fields outside the scored tuple, over matched pairs.
    pub(crate) fn agreement(&self, field: impl Fn(&Gold) -> String) -> f64 {
        let same = self
            .pairs
            .iter()
            .filter(|(g, p)| field(g) == field(p))
            .count();
        same as f64 / self.pairs.len().max(1) as f64
    }

    /// Asserts that precision, recall and the agreement on the fields outside the
    /// scored tuple (measure, by, cumulative) each reach `gate`; `report` is shown
    /// when one does not.
    pub(crate) fn assert_clears(&self, gate: f64, report: &str) {
        assert!(self.precision() >= gate, "{report}");
        assert!(self.recall() >= gate, "{report}");
        for (name, agree) in [
            ("measure", self.agreement(|f| f.measure.clone())),
            ("by", self.agreement(|f| format!("{:?}", f.by))),
            ("cumulative", self.agreement(|f| f.cumulative.to_string())),
        ] {
            assert!(
                agree >= gate,
                "{name} agrees on {agree:.3} of matches\n{report}"
            );
        }
    }

    pub(crate) fn report(&self, name: &str) -> String {
        let show = |f: &Gold| {
            format!(
                "{} [{}] {} {:?} {:?} {:?} stretch={} @{:?}",
                f.status,
                f.indicator.replace('\n', "⏎"),
                f.op,
                f.value,
                f.value_hi,
                f.unit,
                f.stretch,
                f.span
            )
        };
        let mut s = format!(
            "{name}: {} gold, {} found, {} matched; precision {:.3}, recall {:.3}\n",
            self.n_gold,
            self.n_pred,
            self.pairs.len(),
            self.precision(),
            self.recall()
        );
        for m in &self.missed {
            s.push_str(&format!("  missed   {}\n", show(m)));
        }
        for p in &self.spurious {
            s.push_str(&format!("  spurious {}\n", show(p)));
        }
        s
    }
}

#[test]
fn seed_precision_and_recall_clear_the_gate() {
    let gold: Vec<Gold> = GOLD
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| gold_of(&serde_json::from_str(l).expect("gold line is JSON")))
        .collect();
    assert_eq!(gold.len(), 205);
    let found = extract(SEED);
    let pred: Vec<Gold> = found.findings.iter().map(gold_of_finding).collect();
    let score = Score::new(&gold, &pred);
    let report = score.report("seed");
    println!("{report}");
    score.assert_clears(GATE, &report);
}

#[test]
fn excluded_numerals_produce_nothing() {
    let found = extract(SEED);
    let mut bad = Vec::new();
    for line in EXCLUDED.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("excluded line is JSON");
        let span = pair(&v["span"]);
        for f in &found.findings {
            if overlaps((f.span.start, f.span.end), span) {
                bad.push(format!(
                    "{} ({}) at {:?} is inside finding {}",
                    v["text"],
                    v["rule"],
                    span,
                    f.to_json_line()
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_finding_points_at_its_text() {
    let found = extract(SEED);
    let chars: Vec<char> = SEED.chars().collect();
    for f in &found.findings {
        let slice = |r: &std::ops::Range<usize>| chars[r.clone()].iter().collect::<String>();
        assert_eq!(slice(&f.indicator_span), f.indicator);
        assert_eq!(slice(&f.sentence_span), f.sentence);
        assert_eq!(&SEED[f.byte_span.clone()], slice(&f.span));
        assert!(f.sentence_span.start <= f.span.start && f.span.end <= f.sentence_span.end);
    }
}

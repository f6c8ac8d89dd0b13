//! The quality gate of extraction on reports it was not built on: precision and
//! recall of the tuple (indicator overlap, op, value, value_hi, unit, status,
//! stretch) against `tests/gold/devset.jsonl` — real sentences from many regions,
//! levels and years, hand-annotated (conventions: `tests/gold/README.md`, section
//! "Development set"). Each row is extracted on its own, with no headings and no
//! plan year, so status comes from the sentence's own words.
//!
//! Scoring: a found tuple matches a gold one when op, status and stretch are equal,
//! the values are equal as quantities (590亿元 and 59000000000 元 alike; 公里 and
//! 米 compare through their exact factors), value_hi likewise, and the indicator
//! phrases overlap (they share two consecutive characters, or the shorter one is a
//! single character inside the other: gold indicators are lightly completed where
//! the text elides the subject). Ranks are dimensionless in the dev set and in 名次
//! in planwatch; the scorer reads 名次 as no unit. The figures are printed for the whole set and for
//! its even and odd rows (the rules of the first passes were chosen on the even rows, the odd
//! rows held out; the third pass worked from the errors of both). The gate is 0.90 each on the
//! whole set. `DEVSET_REPORT=1` prints every miss and spurious tuple with the status cue that
//! decided it; `DEVSET_REPORT=all` adds the matched ones.
//!
//! The same scorer measures `tests/gold/heldout.jsonl` and `tests/gold/heldout-2.jsonl`:
//! sentences from pages outside the dev sets, collected and annotated by outside
//! testers before the extractor was read or run (`tests/gold/HELDOUT.md`). They are
//! for measuring generalisation only; their floors catch regressions and are not
//! targets (`HELDOUT_REPORT=1` prints every miss). Two more development sets,
//! `devset-b.jsonl` and `devset-c.jsonl`, were collected blind the same way, measured,
//! and then written from (`tests/gold/DEVSETS-B-C.md`), and so was `devset-d.jsonl`
//! (`tests/gold/DEVSET-D.md`); their floors catch regressions too. `heldout-3.jsonl`
//! is a third set for measuring only (`tests/gold/HELDOUT-3.md`), and `heldout-4.jsonl` a
//! fourth (`tests/gold/HELDOUT-4.md`), and `heldout-5.jsonl` a fifth
//! (`tests/gold/HELDOUT-5.md`). `devset-e.jsonl` is a fifth development set, collected
//! blind in session 14 (`tests/gold/DEVSET-E.md`), and `devset-f.jsonl` a sixth, collected
//! blind in session 23 (`tests/gold/DEVSET-F.md`).

use planwatch::extraction::{extract, Finding};
use planwatch::{Quantity, Unit};
use serde_json::Value;

const DEVSET: &str = include_str!("../../tests/gold/devset.jsonl");
/// Sentences from pages outside the dev set, collected and annotated by an outside
/// tester blind to the extractor (`tests/gold/HELDOUT.md`): for measuring only,
/// never for developing rules.
const HELDOUT: &str = include_str!("../../tests/gold/heldout.jsonl");

/// A second development set: sentences from pages outside both files above, collected
/// and annotated by a tester blind to the extractor (`tests/gold/DEVSETS-B-C.md`). It was
/// measured before any rule was written from it; rules may now be developed on it.
const DEVSET_B: &str = include_str!("../../tests/gold/devset-b.jsonl");
/// A third development set, collected blind like the second (`tests/gold/DEVSETS-B-C.md`).
const DEVSET_C: &str = include_str!("../../tests/gold/devset-c.jsonl");
/// A second held-out set, collected blind at the end of the session that wrote the rules
/// from `devset-b` and `devset-c` (`tests/gold/HELDOUT.md`): for measuring only.
const HELDOUT_2: &str = include_str!("../../tests/gold/heldout-2.jsonl");
/// A third held-out set, collected blind at the end of session 12 (`tests/gold/HELDOUT-3.md`):
/// for measuring only.
const HELDOUT_3: &str = include_str!("../../tests/gold/heldout-3.jsonl");
/// A fourth held-out set, collected blind in session 14 (`tests/gold/HELDOUT-4.md`): for
/// measuring only.
const HELDOUT_4: &str = include_str!("../../tests/gold/heldout-4.jsonl");
/// A fifth held-out set, collected blind in session 23 (`tests/gold/HELDOUT-5.md`): for
/// measuring only.
const HELDOUT_5: &str = include_str!("../../tests/gold/heldout-5.jsonl");
/// A fourth development set, collected blind like the second (`tests/gold/DEVSET-D.md`).
const DEVSET_D: &str = include_str!("../../tests/gold/devset-d.jsonl");
/// A fifth development set, collected blind in session 14 (`tests/gold/DEVSET-E.md`).
const DEVSET_E: &str = include_str!("../../tests/gold/devset-e.jsonl");
/// A sixth development set, collected blind in session 23 (`tests/gold/DEVSET-F.md`).
const DEVSET_F: &str = include_str!("../../tests/gold/devset-f.jsonl");

/// The bar issue 13 sets for precision and recall on the dev set, enforced.
const DEV_GOAL: f64 = 0.90;

/// Held-out floors: a little below the figures measured when the set was added
/// (precision 0.766, recall 0.757 on the code before the third extraction pass;
/// `HELDOUT.md`), so that a regression fails. Not a target to tune against: rules
/// are developed on the dev set only.
const HELDOUT_FLOOR_P: f64 = 0.74;
/// Held-out recall floor, as above.
const HELDOUT_FLOOR_R: f64 = 0.73;

/// Floors of the second and third development sets and the second held-out set: a
/// little below the figures measured when the rules written from the two development
/// sets were done (`DEVSETS-B-C.md`, `HELDOUT.md`), so that a regression fails. For
/// `devset-b`: precision 0.874, recall 0.814 then; 0.889, 0.837 after session 12.
const DEVSET_B_FLOOR: (f64, f64) = (0.86, 0.81);
/// `devset-c`: precision 0.808, recall 0.762 then; 0.825, 0.790 after session 12.
const DEVSET_C_FLOOR: (f64, f64) = (0.80, 0.76);
/// `devset-d`: precision 0.755, recall 0.691 measured blind (`DEVSET-D.md`); 0.786,
/// 0.720 after the rules written from it; 0.834, 0.768 after session 14.
const DEVSET_D_FLOOR: (f64, f64) = (0.81, 0.74);
/// `heldout-3`: precision 0.763, recall 0.684 at the end of session 12 (`HELDOUT-3.md`);
/// measure only, not a target.
const HELDOUT_3_FLOOR: (f64, f64) = (0.74, 0.66);
/// `heldout-2`: precision 0.808, recall 0.766; measure only, not a target.
const HELDOUT_2_FLOOR: (f64, f64) = (0.78, 0.74);
/// `devset-e`: precision 0.700, recall 0.661 measured blind (`DEVSET-E.md`); 0.760, 0.716
/// after the rules of session 14; 0.785, 0.742 after session 23's. The floor is a little
/// under, so that a regression fails.
const DEVSET_E_FLOOR: (f64, f64) = (0.76, 0.71);
/// `heldout-4`: precision 0.712, recall 0.694 measured blind at session 14's start
/// (`HELDOUT-4.md`); the floor is a little under, so that a regression fails. Measure only,
/// not a target.
const HELDOUT_4_FLOOR: (f64, f64) = (0.69, 0.67);

/// `heldout-5`: precision 0.839, recall 0.850 measured blind in session 23, before any
/// rule of that session (`HELDOUT-5.md`); the floor is a little under, so that a
/// regression fails. Measure only, not a target.
const HELDOUT_5_FLOOR: (f64, f64) = (0.81, 0.82);

/// `devset-f`: precision 0.786, recall 0.729 measured blind in session 23, before any
/// rule written from it (`DEVSET-F.md`); 0.829, 0.781 after that session's rules. The
/// floor is a little under, so that a regression fails.
const DEVSET_F_FLOOR: (f64, f64) = (0.80, 0.75);

#[derive(Debug, Clone)]
struct Tuple {
    row: usize,
    indicator: String,
    op: String,
    value: Option<String>,
    value_hi: Option<String>,
    unit: Option<String>,
    status: String,
    stretch: bool,
    /// What decided a found tuple's status (empty for gold), printed in the report.
    cue: String,
}

fn of_gold(row: usize, v: &Value) -> Tuple {
    let s = |k: &str| v[k].as_str().map(str::to_string);
    Tuple {
        row,
        indicator: s("indicator").unwrap_or_default(),
        op: s("op").expect("op"),
        value: s("value"),
        value_hi: s("value_hi"),
        unit: s("unit"),
        status: s("status").expect("status"),
        stretch: v["stretch"].as_bool().unwrap_or(false),
        cue: String::new(),
    }
}

fn of_finding(row: usize, f: &Finding) -> Tuple {
    let dec = |d: &Option<planwatch::Decimal>| d.map(|v| v.normalize().to_string());
    Tuple {
        row,
        indicator: f.indicator.clone(),
        op: f.op.symbol().to_string(),
        value: dec(&f.value),
        value_hi: dec(&f.value_hi),
        // A rank is dimensionless in the dev set's conventions; planwatch names its
        // unit 名次.
        unit: f
            .unit
            .filter(|u| !u.is_none() && u.symbol() != "名次")
            .map(|u| u.symbol().to_string()),
        status: f.status.name().to_string(),
        stretch: f.stretch,
        cue: f.status_cue.clone(),
    }
}

/// Folds a unit name for comparison: `套(间)` and `套（间）` are the measure word 套.
fn unit_key(u: &Option<String>) -> Option<String> {
    u.as_ref().map(|u| {
        let u = u.replace(['（', '('], "(");
        match u.find('(') {
            Some(i) => u[..i].to_string(),
            None => u,
        }
    })
}

/// Two values in their units are equal: through exact unit factors when both
/// units are known to the table, as written otherwise.
fn same_value(
    a: &Option<String>,
    au: &Option<String>,
    b: &Option<String>,
    bu: &Option<String>,
) -> bool {
    let (au, bu) = (unit_key(au), unit_key(bu));
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let q = |v: &str, u: &Option<String>| -> Option<Quantity> {
                let unit = match u {
                    Some(u) => Unit::parse(u).ok()?,
                    None => Unit::NONE,
                };
                Some(Quantity::new(v.parse().ok()?, unit))
            };
            match (q(a, &au), q(b, &bu)) {
                (Some(x), Some(y)) => {
                    x.dimension() == y.dimension()
                        && x.try_cmp(&y).map(|o| o.is_eq()).unwrap_or(false)
                }
                _ => au == bu && a.parse::<planwatch::Decimal>().ok() == b.parse().ok(),
            }
        }
        _ => false,
    }
}

fn overlap(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> Vec<char> { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let (a, b) = (fold(a), fold(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() == 1 {
        return long.contains(&short[0]);
    }
    short.windows(2).any(|w| long.windows(2).any(|x| x == w))
}

fn matches(p: &Tuple, g: &Tuple) -> bool {
    p.row == g.row
        && p.op == g.op
        && p.status == g.status
        && p.stretch == g.stretch
        && same_value(&p.value, &p.unit, &g.value, &g.unit)
        && same_value(&p.value_hi, &p.unit, &g.value_hi, &g.unit)
        && (g.op == "reference"
            || g.value.is_none()
            || !overlap_required(g)
            || overlap(&p.indicator, &g.indicator))
}

/// Every gold tuple names its indicator; the overlap is always required.
fn overlap_required(_g: &Tuple) -> bool {
    true
}

struct Figures {
    gold: usize,
    found: usize,
    matched: usize,
    report: String,
}

impl Figures {
    fn p(&self) -> f64 {
        self.matched as f64 / self.found.max(1) as f64
    }
    fn r(&self) -> f64 {
        self.matched as f64 / self.gold.max(1) as f64
    }
}

fn score(rows: &[(usize, Value)]) -> Figures {
    let mut f = Figures {
        gold: 0,
        found: 0,
        matched: 0,
        report: String::new(),
    };
    for (i, v) in rows {
        let text = v["text"].as_str().expect("text");
        let gold: Vec<Tuple> = v["targets"]
            .as_array()
            .expect("targets")
            .iter()
            .map(|t| of_gold(*i, t))
            .collect();
        let pred: Vec<Tuple> = extract(text)
            .findings
            .iter()
            .map(|x| of_finding(*i, x))
            .collect();
        let mut used = vec![false; pred.len()];
        let mut missed = Vec::new();
        for g in &gold {
            match (0..pred.len()).find(|&k| !used[k] && matches(&pred[k], g)) {
                Some(k) => used[k] = true,
                None => missed.push(g),
            }
        }
        f.gold += gold.len();
        f.found += pred.len();
        f.matched += used.iter().filter(|u| **u).count();
        let show = |t: &Tuple| {
            format!(
                "{} [{}] {} {:?} {:?} {:?}{}{}",
                t.status,
                t.indicator,
                t.op,
                t.value,
                t.value_hi,
                t.unit,
                if t.stretch { " stretch" } else { "" },
                if t.cue.is_empty() {
                    String::new()
                } else {
                    format!(" (cue {})", t.cue)
                }
            )
        };
        if !missed.is_empty() || used.iter().any(|u| !u) {
            f.report.push_str(&format!("row {i}: {text}\n"));
            for m in missed {
                f.report.push_str(&format!("  missed   {}\n", show(m)));
            }
            for (k, p) in pred.iter().enumerate() {
                if !used[k] {
                    f.report.push_str(&format!("  spurious {}\n", show(p)));
                }
            }
        }
        if std::env::var("DEVSET_REPORT").is_ok_and(|v| v == "all") {
            for (k, p) in pred.iter().enumerate() {
                if used[k] {
                    f.report
                        .push_str(&format!("  row {i} matched  {}\n", show(p)));
                }
            }
        }
    }
    f
}

/// The rows of a gold file, numbered from 0.
fn rows_of(src: &str) -> Vec<(usize, Value)> {
    src.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line is JSON"))
        .enumerate()
        .collect()
}

/// Scores the whole set and its even and odd rows, prints the three, returns the whole.
fn score_halves(name: &str, rows: &[(usize, Value)]) -> Figures {
    let half = |parity: usize| -> Vec<(usize, Value)> {
        rows.iter()
            .filter(|(i, _)| i % 2 == parity)
            .cloned()
            .collect()
    };
    let (all, even, odd) = (score(rows), score(&half(0)), score(&half(1)));
    for (part, f) in [("all", &all), ("even rows", &even), ("odd rows", &odd)] {
        println!(
            "{name} {part}: {} gold, {} found, {} matched; precision {:.3}, recall {:.3}",
            f.gold,
            f.found,
            f.matched,
            f.p(),
            f.r()
        );
    }
    all
}

#[test]
fn heldout_precision_and_recall_stay_above_their_floors() {
    let floors = (HELDOUT_FLOOR_P, HELDOUT_FLOOR_R);
    check_floors("heldout", HELDOUT, 114, "HELDOUT_REPORT", floors);
}

#[test]
fn devset_precision_and_recall_clear_the_gate() {
    check_floors("devset", DEVSET, 299, "DEVSET_REPORT", (DEV_GOAL, DEV_GOAL));
}

/// Scores a gold file of `rows` rows (with `report` set, every miss is printed) and
/// checks its floors.
fn check_floors(name: &str, src: &str, rows: usize, report: &str, (p, r): (f64, f64)) {
    let rows_of_file = rows_of(src);
    assert_eq!(rows_of_file.len(), rows);
    let all = score_halves(name, &rows_of_file);
    if std::env::var_os(report).is_some() {
        println!("{}", all.report);
    }
    assert!(
        all.p() >= p,
        "{name} precision {:.3}\n{}",
        all.p(),
        all.report
    );
    assert!(all.r() >= r, "{name} recall {:.3}\n{}", all.r(), all.report);
}

#[test]
fn second_devset_precision_and_recall_stay_above_their_floors() {
    check_floors("devset-b", DEVSET_B, 90, "DEVSET_REPORT", DEVSET_B_FLOOR);
}

#[test]
fn third_devset_precision_and_recall_stay_above_their_floors() {
    check_floors("devset-c", DEVSET_C, 90, "DEVSET_REPORT", DEVSET_C_FLOOR);
}

#[test]
fn third_heldout_precision_and_recall_stay_above_their_floors() {
    check_floors(
        "heldout-3",
        HELDOUT_3,
        89,
        "HELDOUT_REPORT",
        HELDOUT_3_FLOOR,
    );
}

#[test]
fn fourth_devset_precision_and_recall_stay_above_their_floors() {
    check_floors("devset-d", DEVSET_D, 90, "DEVSET_REPORT", DEVSET_D_FLOOR);
}

#[test]
fn second_heldout_precision_and_recall_stay_above_their_floors() {
    check_floors(
        "heldout-2",
        HELDOUT_2,
        83,
        "HELDOUT_REPORT",
        HELDOUT_2_FLOOR,
    );
}

#[test]
fn fourth_heldout_precision_and_recall_stay_above_their_floors() {
    check_floors(
        "heldout-4",
        HELDOUT_4,
        90,
        "HELDOUT_REPORT",
        HELDOUT_4_FLOOR,
    );
}

#[test]
fn fifth_devset_precision_and_recall_stay_above_their_floors() {
    check_floors("devset-e", DEVSET_E, 90, "DEVSET_REPORT", DEVSET_E_FLOOR);
}

#[test]
fn fifth_heldout_precision_and_recall_stay_above_their_floors() {
    check_floors(
        "heldout-5",
        HELDOUT_5,
        60,
        "HELDOUT_REPORT",
        HELDOUT_5_FLOOR,
    );
}

#[test]
fn sixth_devset_precision_and_recall_stay_above_their_floors() {
    check_floors("devset-f", DEVSET_F, 60, "DEVSET_REPORT", DEVSET_F_FLOOR);
}

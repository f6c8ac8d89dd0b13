//! A peer's test suite: every Chinese Number and Percent case of Recognizers-Text
//! (`benches/peers/recognizers-text/`, MIT, source commit in its README) whose
//! expected value is within planwatch's conventions is read with `Quantity::parse`
//! on the span the spec marks, and must give exactly the spec's value. Cases outside
//! the conventions are listed with the reason; the pass count is printed:
//!
//! ```text
//! cargo test -p planwatch --test integration recognizers -- --nocapture
//! ```

use planwatch::{Decimal, Quantity};
use serde_json::Value;

const NUMBER: &str = include_str!("../../benches/peers/recognizers-text/NumberModel.json");
const PERCENT: &str = include_str!("../../benches/peers/recognizers-text/PercentModel.json");

/// The pass count reached; a ratchet (raise it with every gain).
const FLOOR: usize = 371;

/// Why a case is outside planwatch's conventions, or None when it applies.
fn excluded(span: &str, expected: &str) -> Option<&'static str> {
    // Traditional forms and PDF spaces do not change what a case is.
    let folded: String = span
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '個' => '个',
            '點' => '点',
            '萬' => '万',
            '億' => '亿',
            '／' => '/',
            _ => c,
        })
        .collect();
    let s = folded.as_str();
    if s.chars().any(|c| {
        c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
    }) {
        return Some("English or symbolic form (k, M, e, ^), not Chinese report text");
    }
    if s.contains('打') {
        return Some("打 as a dozen: not a report usage");
    }
    if s.contains("个百分点") || s.contains("百分点") {
        return Some("个百分点 stays its own unit (SPEC §2), the spec reads %");
    }
    if s.contains('兆') {
        return Some(
            "兆 is 10^6 in mainland units (兆瓦) and 10^12 in Taiwan usage: ambiguous alone (extraction reads 兆 before a currency as 10^12)",
        );
    }
    if s.contains('折') {
        return Some("折 is a discount (打八折 = 80%), not a share");
    }
    if s.contains("万万") || s.contains("亿亿") {
        return Some("万万/亿亿: archaic stacked magnitudes");
    }
    if s.contains('/') || s.contains('^') {
        return Some("a fraction or power written with symbols: planwatch reads fractions only in extraction");
    }
    if !s.starts_with("百分之") && !s.starts_with("千分之") && s.contains("分之") {
        return Some("N分之M fractions are read by extraction (as % rounded to two decimals), not by Quantity::parse");
    }
    let v = expected.trim_end_matches('%');
    if v.parse::<Decimal>().is_err() {
        return Some("the expected value is not a plain decimal");
    }
    None
}

#[test]
fn recognizers_text_chinese_number_and_percent() {
    let mut pass = 0;
    let mut fail = Vec::new();
    let mut excl = Vec::new();
    for (model, json) in [("Number", NUMBER), ("Percent", PERCENT)] {
        let cases: Vec<Value> = serde_json::from_str(json).expect("spec JSON");
        for case in &cases {
            let input = case["Input"].as_str().unwrap_or_default();
            let chars: Vec<char> = input.chars().collect();
            for r in case["Results"].as_array().into_iter().flatten() {
                let expected = r["Resolution"]["value"].as_str().unwrap_or_default();
                let (a, b) = (r["Start"].as_u64(), r["End"].as_u64());
                let span: String = match (a, b) {
                    (Some(a), Some(b)) if (b as usize) < chars.len() && a <= b => {
                        chars[a as usize..=b as usize].iter().collect()
                    }
                    _ => r["Text"].as_str().unwrap_or_default().to_string(),
                };
                if let Some(why) = excluded(&span, expected) {
                    excl.push(format!("{model} {span:?} = {expected}: {why}"));
                    continue;
                }
                let want: Decimal = expected.trim_end_matches('%').parse().unwrap_or_default();
                let percent = expected.ends_with('%');
                let got = Quantity::parse(&span);
                // A percentage compares as a quantity: 千分之一 is 1‰ = 0.1%.
                let ok = match &got {
                    Ok(q) if percent => planwatch::Unit::parse("%")
                        .and_then(|pct| q.to(pct))
                        .is_ok_and(|p| p.value() == want),
                    Ok(q) => q.value() == want && q.unit().is_none(),
                    Err(_) => false,
                };
                if ok {
                    pass += 1;
                } else {
                    fail.push(format!(
                        "{model} {span:?} (in {input:?}) expected {expected}, got {}",
                        match got {
                            Ok(q) => format!("{} {}", q.value(), q.unit().symbol()),
                            Err(e) => format!("error: {e}"),
                        }
                    ));
                }
            }
        }
    }
    let applicable = pass + fail.len();
    println!(
        "Recognizers-Text Chinese Number + Percent: {pass} of {applicable} applicable cases pass ({} excluded)",
        excl.len()
    );
    for f in &fail {
        println!("  fail     {f}");
    }
    for e in &excl {
        println!("  excluded {e}");
    }
    assert!(pass >= FLOOR, "{pass} < {FLOOR}");
}

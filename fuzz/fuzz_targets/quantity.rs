#![no_main]
//! Quantity parsing and formatting: never panics; what parses formats and parses back.
use libfuzzer_sys::fuzz_target;
use planwatch::{Quantity, Style};

fuzz_target!(|text: &str| {
    if let Ok(q) = Quantity::parse(text) {
        for style in [Style::Zh, Style::En] {
            let shown = q.format(style);
            let back = Quantity::parse(&shown).expect("formatted quantity parses");
            assert!(back == q, "{text:?} -> {shown:?} -> {back:?}");
        }
    }
    let _ = Quantity::parse_phrase(text);
    let _ = planwatch::parse_number(text);
    let _ = planwatch::Unit::parse(text);
});

#![no_main]
//! The condition syntax: never panics; a parsed condition's text parses to the same condition.
use libfuzzer_sys::fuzz_target;
use planwatch::Condition;

fuzz_target!(|text: &str| {
    if let Ok(c) = Condition::parse(text) {
        let shown = c.to_string();
        let back = Condition::parse(&shown).expect("displayed condition parses");
        assert_eq!(back.to_string(), shown);
    }
    let _ = planwatch::Period::parse(text);
    let _ = planwatch::Formula::parse(text);
});

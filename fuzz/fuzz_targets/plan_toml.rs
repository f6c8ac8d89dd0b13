#![no_main]
//! Plan TOML loading: never panics; a loaded plan writes and loads back equal.
use libfuzzer_sys::fuzz_target;
use planwatch::Plan;

fuzz_target!(|text: &str| {
    if let Ok(plan) = Plan::from_toml_str(text, "fuzz.toml") {
        let written = plan.to_toml().expect("a loaded plan writes");
        let back = Plan::from_toml_str(&written, "again.toml").expect("a written plan loads");
        assert!(back == plan);
    }
});

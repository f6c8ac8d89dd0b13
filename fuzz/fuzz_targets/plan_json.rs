#![no_main]
//! Plan JSON loading: never panics; a loaded plan writes and loads back equal.
use libfuzzer_sys::fuzz_target;
use planwatch::Plan;

fuzz_target!(|text: &str| {
    if let Ok(plan) = Plan::from_json_str(text, "fuzz.json") {
        let written = plan.to_json().expect("a loaded plan writes");
        let back = Plan::from_json_str(&written, "again.json").expect("a written plan loads");
        assert!(back == plan);
    }
});

#![no_main]
//! Observation CSV loading: never panics; strict and lenient loads agree.
use libfuzzer_sys::fuzz_target;
use planwatch::Observations;

fuzz_target!(|text: &str| {
    let strict = Observations::from_csv_str(text, "fuzz.csv");
    if let Ok(lenient) = Observations::from_csv_lenient(text.as_bytes(), "fuzz.csv") {
        match &strict {
            Ok(all) => {
                assert!(lenient.rejected.is_empty());
                assert_eq!(all.len(), lenient.observations.len());
            }
            Err(e) => assert_eq!(e.issues().len(), lenient.rejected.len()),
        }
    }
    let _ = Observations::from_json_str(text, "fuzz.json");
});

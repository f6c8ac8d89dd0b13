//! Writes the built-in datasets' plans without their comment lines into `OUT_DIR`.
//!
//! The comments of `data/*/plan.toml` explain the data to the people who check it
//! (sources, coverage, how to verify); the library, and the WebAssembly module with its
//! size budget, carry the data alone (about 1.3 KB gzipped of the module). The plans
//! hold no multi-line strings, so a line starting with `#` is always a comment.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["nanshan-2024", "china-14fyp"] {
        let source = format!("data/{name}/plan.toml");
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(&source).expect("the built-in plan is readable");
        let mut kept = String::with_capacity(text.len());
        for line in text.lines() {
            let trimmed = line.trim_start();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                kept.push_str(line);
                kept.push('\n');
            }
        }
        std::fs::write(Path::new(&out).join(format!("{name}.plan.toml")), kept)
            .expect("OUT_DIR is writable");
    }
}

#![no_main]
//! Extraction: never panics; every span lies inside the input, on character boundaries.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let chars = text.chars().count();
    let extraction = planwatch::extract(text);
    for f in &extraction.findings {
        assert!(f.span.start <= f.span.end && f.span.end <= chars, "{:?} in {chars} chars", f.span);
        assert!(f.indicator_span.start <= f.indicator_span.end && f.indicator_span.end <= chars);
        assert!(text.is_char_boundary(f.byte_span.start) && text.is_char_boundary(f.byte_span.end));
    }
    if let Ok(plan) = planwatch::draft_plan(text, &planwatch::DraftOptions::default()) {
        let toml = plan.to_toml().expect("a draft plan writes");
        planwatch::Plan::from_toml_str(&toml, "draft.toml").expect("a written draft loads");
    }
});

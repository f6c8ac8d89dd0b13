//! Extract targets and actuals from report text and print them as JSON Lines, one
//! finding per line, or draft a plan from them as TOML.
//!
//! ```text
//! cargo run --release --example extract -- core/data/nanshan-2024/report.txt
//! {"status":"actual","indicator":"本地生产总值","indicator_span":[640,646],"span":[651,655],"measure":"growth","op":"=","value":"5.1",...}
//! cat report.txt | cargo run --release --example extract -- -
//! cargo run --release --example extract -- report.html       # HTML: tags skipped, offsets kept
//! cargo run --release --example extract -- --format toml report.txt > plan.toml
//! ```
//!
//! Options: `--plan` (text without headings is a plan part: numbers without a report
//! cue are targets; see `ExtractOptions::unheaded_plan`); `--format jsonl` (default) or `--format toml` (a draft plan, see
//! `planwatch::extraction::draft_plan`); `--plan-id ID`, `--period 2024`, `--document ID`
//! for the draft. Warnings (digits damaged by OCR, input too large) go to stderr.
//! An unreadable file or a bad option is reported on stderr with exit code 2.

use std::io::{Read, Write};
use std::process::ExitCode;

use planwatch::extraction::{draft_plan, extract_with, DraftOptions, ExtractOptions};
use planwatch::Period;

const USAGE: &str =
    "usage: extract [--format jsonl|toml] [--plan] [--plan-id ID] [--period 2024] [--document ID] FILE|-";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let mut format = "jsonl".to_string();
    let mut options = DraftOptions::default();
    let mut file: Option<String> = None;
    let mut unheaded_plan = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--format" => format = value("--format")?,
            "--plan" => unheaded_plan = true,
            "--plan-id" => options.id = Some(value("--plan-id")?),
            "--document" => options.document = Some(value("--document")?),
            "--period" => {
                let p = value("--period")?;
                options.period = Some(Period::parse(&p).map_err(|e| format!("--period: {e}"))?);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ if file.is_none() => file = Some(a),
            _ => return Err(format!("unexpected argument {a:?}\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| USAGE.to_string())?;
    let text = if file == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        s
    } else {
        let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
        String::from_utf8(bytes).map_err(|e| format!("{file} is not UTF-8 text: {e}"))?
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format.as_str() {
        "jsonl" | "json" => {
            let period_year = options.period.map(|p| i32::from(p.year()));
            let ex = extract_with(
                &text,
                &ExtractOptions {
                    plan_year: period_year,
                    unheaded_plan,
                },
            );
            for w in &ex.warnings {
                eprintln!("warning [{}]: {}", w.code, w.message);
            }
            for f in &ex.findings {
                writeln!(out, "{}", f.to_json_line()).map_err(|e| e.to_string())?;
            }
        }
        "toml" => {
            let plan = draft_plan(&text, &options).map_err(|e| format!("[{}] {e}", e.code()))?;
            let toml = plan.to_toml().map_err(|e| format!("[{}] {e}", e.code()))?;
            out.write_all(toml.as_bytes()).map_err(|e| e.to_string())?;
        }
        other => return Err(format!("unknown format {other:?}\n{USAGE}")),
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

//! Parse one quantity and print it as JSON.
//!
//! ```text
//! cargo run --release --example quantity -- "590 亿元"
//! {"value":"59000000000","unit":"元","dimension":"money","zh":"590亿元","en":"59 billion yuan"}
//! ```
//!
//! On bad input the error and its location go to stderr and the exit code is 2.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: quantity TEXT   (for example: quantity \"590 亿元\")");
        return ExitCode::from(2);
    }
    let text = args.join(" ");
    match planwatch::Quantity::parse(&text) {
        Ok(q) => match serde_json::to_string(&q.info()) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::from(2)
        }
    }
}

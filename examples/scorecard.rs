//! Evaluates a plan against observations and prints the scorecard.
//!
//! ```text
//! cargo run --release --example scorecard -- [--builtin NAME | --plan PLAN.toml|PLAN.json|PLAN.xlsx]
//!     [--observations OBS.csv|OBS.json|OBS.xlsx]... [--as-of YYYY-MM-DD]
//!     [--format text|markdown|html|json|csv] [--lang zh|en] [-o FILE]
//! ```
//!
//! - Without `--plan` a built-in plan is used, with its built-in observations:
//!   `--builtin NAME` picks one of `Plan::builtin_names()` (`nanshan-2024`, the
//!   default, or `china-14fyp`); an unknown name is an error that lists the names. `--observations` files are **added** to the built-in observations
//!   when the plan is built-in (for one indicator and period the engine keeps the
//!   latest vintage, then the more final status: give a row a later vintage to
//!   override a built-in figure). With your own `--plan`, only your observation files
//!   are used.
//! - `--as-of` defaults to today (this program reads the clock; the library never does)
//!   in the system time zone, or UTC when jiff cannot determine it.
//! - A plan or observation file with mistakes prints every problem to stderr as
//!   `file:line:column: message [code]` and exits with status 2; so do bad arguments,
//!   with the usage. Failing to write the output exits with status 1.
//! - The format is `text` by default; `-o FILE` writes the report to FILE.
//! - `.xlsx` workbooks (sheets `plan`, `indicators`, `targets`, `observations`; see
//!   `planwatch::excel`) are read when the example is built with the `excel` feature:
//!   `cargo run --release --features excel --example scorecard -- --plan
//!   examples/data/nanshan-2024.xlsx --observations examples/data/nanshan-2024.xlsx`.
//!
//! The tests include this file as a module and call [`run`] with arguments, so what
//! they check is what the command does.

use std::io::Write;

use jiff::civil::Date;
use planwatch::{evaluate, Error, Format, Lang, Observations, Options, Plan};

const USAGE: &str = "\
usage: scorecard [--builtin NAME | --plan PLAN.toml|PLAN.json|PLAN.xlsx]
                 [--observations OBS.csv|OBS.json|OBS.xlsx]...
                 [--as-of YYYY-MM-DD] [--format text|markdown|html|json|csv]
                 [--lang zh|en] [-o FILE]

Evaluates a development plan against observations and prints the scorecard.
  --builtin NAME       a built-in plan with its observations: nanshan-2024
                       (the default) or china-14fyp
  --plan FILE          plan file (TOML, JSON by its .json extension, or an Excel
                       workbook by .xlsx) instead of a built-in plan
  --observations FILE  observations (CSV, JSON by .json, the sheet observations of
                       a workbook by .xlsx); may repeat.
                       With the built-in plan, rows are added to the built-in ones.
  --as-of DATE         evaluate as of this date (default: today)
  --format FORMAT      text (default), markdown, html, json or csv
  --lang LANG          zh (default) or en
  -o, --output FILE    write the report to FILE instead of standard output
  -h, --help           print this help
";

/// What the command line asks for.
#[derive(Debug, Default)]
struct Args {
    builtin: Option<String>,
    plan: Option<String>,
    observations: Vec<String>,
    as_of: Option<Date>,
    format: Format,
    lang: Lang,
    output: Option<String>,
    help: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        // Accept both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone().or_else(|| it.next().cloned()) {
                Some(v) => Ok(v),
                None => Err(format!("{name} needs a value")),
            }
        };
        match flag {
            "-h" | "--help" => out.help = true,
            "--plan" => {
                if out.plan.is_some() {
                    return Err("--plan given twice".into());
                }
                out.plan = Some(value(flag)?);
            }
            "--builtin" => {
                if out.builtin.is_some() {
                    return Err("--builtin given twice".into());
                }
                let v = value(flag)?;
                if !Plan::builtin_names().contains(&v.as_str()) {
                    return Err(format!(
                        "no built-in dataset {v:?}; available: {}",
                        Plan::builtin_names().join(", ")
                    ));
                }
                out.builtin = Some(v);
            }
            "--observations" | "--obs" => out.observations.push(value(flag)?),
            "--as-of" => {
                let v = value(flag)?;
                out.as_of = Some(
                    v.parse::<Date>()
                        .map_err(|_| format!("--as-of {v:?} is not a date YYYY-MM-DD"))?,
                );
            }
            "--format" | "-f" => {
                let v = value(flag)?;
                out.format = v.parse().map_err(|e: Error| e.message().to_string())?;
            }
            "--lang" => {
                let v = value(flag)?;
                out.lang = v.parse().map_err(|e: Error| e.message().to_string())?;
            }
            "-o" | "--output" => out.output = Some(value(flag)?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if out.builtin.is_some() && out.plan.is_some() {
        return Err("--builtin and --plan exclude each other".into());
    }
    Ok(out)
}

/// Prints every problem of a failed load, one per line, `file:line:column: message`.
fn report_problems(err: &mut dyn Write, file: &str, e: &Error) {
    let issues = e.issues();
    if issues.is_empty() {
        let loc = e.location();
        let _ = writeln!(
            err,
            "{}: {} [{}]",
            position(loc.file.as_deref().unwrap_or(file), loc),
            e.message(),
            e.code()
        );
        return;
    }
    for i in issues {
        let loc = &i.location;
        let _ = writeln!(
            err,
            "{}: {} [{}]",
            position(loc.file.as_deref().unwrap_or(file), loc),
            i.message,
            i.code
        );
    }
    let _ = writeln!(
        err,
        "{file}: {} problem{}",
        issues.len(),
        if issues.len() == 1 { "" } else { "s" }
    );
}

/// `file:line:column`, `file:line`, or `file: path` for JSON paths.
fn position(file: &str, loc: &planwatch::Location) -> String {
    let mut s = file.to_string();
    if let Some(l) = loc.line {
        s.push_str(&format!(":{l}"));
        if let Some(c) = loc.column {
            s.push_str(&format!(":{c}"));
        }
    }
    if let Some(p) = &loc.path {
        s.push_str(&format!(": {p}"));
    }
    s
}

fn is_json(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".json")
}

fn is_xlsx(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".xlsx")
}

/// A plan from an Excel workbook's bytes (the `excel` feature).
#[cfg(feature = "excel")]
fn plan_from_workbook(bytes: &[u8], path: &str) -> Result<Plan, Error> {
    let header = planwatch::PlanHeader::default();
    Plan::from_excel(std::io::Cursor::new(bytes), path, &header, false)
}

/// The sheet `observations` of an Excel workbook (the `excel` feature).
#[cfg(feature = "excel")]
fn observations_from_workbook(bytes: &[u8], path: &str) -> Result<Observations, Error> {
    Observations::from_excel(std::io::Cursor::new(bytes), path, false)
}

#[cfg(not(feature = "excel"))]
fn no_excel(path: &str) -> Error {
    Error::new(
        planwatch::ErrorKind::InvalidValue,
        format!(
            "{path}: .xlsx workbooks are read with the excel feature \
             (cargo run --features excel --example scorecard)"
        ),
    )
}

#[cfg(not(feature = "excel"))]
fn plan_from_workbook(_: &[u8], path: &str) -> Result<Plan, Error> {
    Err(no_excel(path))
}

#[cfg(not(feature = "excel"))]
fn observations_from_workbook(_: &[u8], path: &str) -> Result<Observations, Error> {
    Err(no_excel(path))
}

/// Runs the command with `args` (without the program name); `today` is the default
/// `--as-of`. Returns the exit status.
pub fn run(args: &[String], today: Date, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(msg) => {
            let _ = writeln!(err, "error: {msg}\n\n{USAGE}");
            return 2;
        }
    };
    if args.help {
        let _ = write!(out, "{USAGE}");
        return 0;
    }
    let read_bytes = |path: &str, err: &mut dyn Write| -> Option<Vec<u8>> {
        match std::fs::read(path) {
            Ok(t) => Some(t),
            Err(e) => {
                let _ = writeln!(err, "{path}: cannot read: {e}");
                None
            }
        }
    };
    let read = |path: &str, err: &mut dyn Write| -> Option<String> {
        match std::fs::read_to_string(path) {
            Ok(t) => Some(t),
            Err(e) => {
                let _ = writeln!(err, "{path}: cannot read: {e}");
                None
            }
        }
    };

    let builtin = match (&args.plan, &args.builtin) {
        (Some(_), _) => None,
        (None, Some(name)) => Some(name.as_str()),
        (None, None) => Some("nanshan-2024"),
    };
    let plan = match &args.plan {
        None => Plan::builtin(builtin.unwrap_or("nanshan-2024")),
        Some(path) if is_xlsx(path) => {
            let Some(bytes) = read_bytes(path, err) else {
                return 2;
            };
            plan_from_workbook(&bytes, path).inspect_err(|e| report_problems(err, path, e))
        }
        Some(path) => {
            let Some(text) = read(path, err) else {
                return 2;
            };
            if is_json(path) {
                Plan::from_json_str(&text, path)
            } else {
                Plan::from_toml_str(&text, path)
            }
            .map_err(|e| (path.clone(), e))
            .map_err(|(p, e)| {
                report_problems(err, &p, &e);
                e
            })
        }
    };
    let Ok(plan) = plan else {
        return 2;
    };

    let mut observations = if let Some(name) = builtin {
        match Observations::builtin(name) {
            Ok(o) => o,
            Err(e) => {
                report_problems(err, &format!("builtin:{name}"), &e);
                return 2;
            }
        }
    } else {
        Observations::new()
    };
    let mut failed = false;
    for path in &args.observations {
        let loaded = if is_xlsx(path) {
            let Some(bytes) = read_bytes(path, err) else {
                failed = true;
                continue;
            };
            observations_from_workbook(&bytes, path)
        } else if let Some(text) = read(path, err) {
            if is_json(path) {
                Observations::from_json_str(&text, path)
            } else {
                Observations::from_csv_str(&text, path)
            }
        } else {
            failed = true;
            continue;
        };
        match loaded {
            Ok(o) => observations.extend(o),
            Err(e) => {
                report_problems(err, path, &e);
                failed = true;
            }
        }
    }
    if failed {
        return 2;
    }

    let options = Options::as_of(args.as_of.unwrap_or(today));
    let card = evaluate(&plan, &observations, &options);
    let mut report = card.render(args.format, args.lang);
    if !report.ends_with('\n') {
        report.push('\n');
    }
    match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, report) {
                let _ = writeln!(err, "{path}: cannot write: {e}");
                return 1;
            }
        }
        None => {
            if out.write_all(report.as_bytes()).is_err() {
                return 1;
            }
        }
    }
    0
}

#[allow(dead_code)] // Unused when the tests include this file as a module.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // In the system time zone when jiff can find it (UTC otherwise).
    let today = jiff::ZonedDateTime::now().date();
    let code = run(
        &args,
        today,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(code);
}
